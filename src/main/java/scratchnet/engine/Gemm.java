package scratchnet.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Matrix products for large matrices, in pure Java: C = A·B, C = A·Bᵀ and C = Aᵀ·B on row-major
 * {@code double[]} arrays, with the signatures and semantics of {@link Loops#matmul},
 * {@link Loops#matmulTransB} and {@link Loops#matmulTransA} (C is overwritten; shapes are not
 * checked). {@link Loops} calls these when {@link #preferredFor} says they pay off.
 *
 * <p>When the Vector API is there and its vectors hold 8 doubles (AVX-512; see {@link #VECTOR}),
 * products run on {@link VectorGemm}, which keeps an 8 × 16 block of C in registers across a whole
 * panel of p: about 100 GFLOPS per core on the mini-batch shapes of an MLP, twice the kernel
 * described below, with the same results bit for bit. This class's own kernel is the fallback
 * (JVM without {@code jdk.incubator.vector}, {@code scratchnet.simd=off}, AVX2).
 *
 * <h2>How it is fast</h2>
 * <ul>
 * <li><b>Cache blocking.</b> The product is cut into panels of op(B) of {@link #KC} rows (values
 * of p) by {@link #NC} columns, each copied ("packed") once into the thread's scratch, where it
 * stays in the L2 cache while every row of A streams past it. A is not packed: the loops read
 * its values one at a time, which costs nothing next to the vector loop they feed.</li>
 * <li><b>A micro-kernel that C2 vectorises.</b> The inner loop runs along a row of the panel
 * (over j) and updates four rows of C with two values of p: per element, two fused
 * multiply-adds per row from two loads of B shared by the four rows. HotSpot's auto-vectoriser
 * (SuperWord) turns it into AVX-512 (or AVX2) code only if every array access in the loop has the
 * same loop-invariant part in its index: with {@code c[ci + j]} and {@code b[bp + j]} it must
 * assume the two arrays may overlap at an unknown distance and keeps the loop scalar. (That is
 * why the simple loops of {@link Loops} run scalar.) So each packed row of B is its own array,
 * indexed by plain {@code j}, and the four rows of C being updated are copied into one scratch
 * array, at {@code j}, {@code j + NC}, {@code j + 2·NC}, {@code j + 3·NC} (compile-time
 * constants), and copied back once per panel. One array for the four rows also gives them the
 * same alignment (they are NC·8 bytes apart, a multiple of the 64-byte vector): as four separate
 * arrays the speed depended on where the allocator happened to put them, 24 or 53 GFLOPS from
 * one run to the next. The loop body is kept small (four rows by two p) because JDK 17's default
 * loop-unrolling budget rejects bigger bodies and then nothing is vectorised; 4×2 vectorises on
 * JDK 17 and JDK 25 alike. {@link Math#fma} measured faster than {@code a*b + c} (one instruction
 * instead of two, and more of the body fits the unrolling budget).</li>
 * <li><b>Threads.</b> Products of at least {@link #PARALLEL_MIN_FLOPS} multiply-adds are split
 * into column strips of C (or row strips when C is narrow), one per thread of a fixed pool of
 * daemon threads created on first use; see {@link #parallelism()}.</li>
 * </ul>
 *
 * <h2>Numerics</h2>
 * Every element of C is the chain of fused multiply-adds over p in ascending order:
 * <pre>
 *   s = 0;  for p = 0 … k−1:  s = fma(op(A)[i,p], op(B)[p,j], s);  C[i,j] = s
 * </pre>
 * whatever the blocking, the element's place in a tile or which thread computes it. So results
 * are bit-for-bit the same with any number of threads, and differ from the simple loops of
 * {@link Loops} only by rounding: fma rounds once where {@code s + a·b} rounds twice.
 */
public final class Gemm {
    /** Rows of B (values of p) in one packed panel. */
    static final int KC = 256;
    /**
     * Columns of C (and of packed B) in one panel; also the distance between the four rows of C in
     * the scratch array. Four rows of C are 4·NC·8 = 8 KB and stay in L1; a KC × NC panel of B
     * is 512 KB, within the 1–2 MB L2 of current cores.
     */
    static final int NC = 256;
    /** Rows of C one call of the main micro-kernel updates. */
    private static final int MR = 4;

    /**
     * Below this many multiply-adds (m·k·n, about 63³) a product runs on the calling thread alone.
     * Measured with two threads against one on 2 cores (JDK 17 and 25): 32³ gains nothing, 48³
     * gains 1.3×, 64³ 1.4–1.8×, 100³ 1.7×; handing a part to a worker and waiting for it costs
     * a few microseconds.
     */
    static final long PARALLEL_MIN_FLOPS = 250_000L;
    /** The narrowest column strip worth giving a thread; narrower products split by rows. */
    private static final int MIN_STRIP_COLUMNS = 64;
    /** The fewest rows of C worth giving a thread when splitting by rows. */
    private static final int MIN_STRIP_ROWS = 16;

    /**
     * Whether products run on {@link VectorGemm}'s register-blocked Vector API kernel: the module is
     * there ({@link Simd#ENABLED}) and the vectors are wide enough ({@link VectorGemm#SUPPORTED}).
     * Otherwise on the packed panels and auto-vectorised micro-kernels of this class.
     */
    static final boolean VECTOR = Simd.ENABLED && VectorGemm.SUPPORTED;

    private Gemm() {
    }

    // ------------------------------------------------------------------ public entry points

    /** C = A·B for A (m×k), B (k×n), C (m×n); C is overwritten. */
    public static void matmul(double[] a, double[] b, double[] c, int m, int k, int n) {
        multiply(a, b, c, m, k, n, false, false, parallelism());
    }

    /** C = A·Bᵀ for A (m×k), B (n×k), C (m×n), without forming Bᵀ; C is overwritten. */
    public static void matmulTransB(double[] a, double[] b, double[] c, int m, int k, int n) {
        multiply(a, b, c, m, k, n, false, true, parallelism());
    }

    /** C = Aᵀ·B for A (k×m), B (k×n), C (m×n), without forming Aᵀ; C is overwritten. */
    public static void matmulTransA(double[] a, double[] b, double[] c, int k, int m, int n) {
        multiply(a, b, c, m, k, n, true, false, parallelism());
    }

    /**
     * Whether the blocked product beats {@link Loops}' simple loops for C (m×n) = A (m×k)·B (k×n):
     * at least 4 rows, an inner dimension of at least 4 and rows of at least 16 columns. Measured
     * on AVX-512 with JDK 17, one thread, every shape with m, k, n in 1, 2, 4, …, 128: inside this
     * region the blocked product takes 0.1–0.8 of the simple loops' time for all three variants
     * (about the same at its corner, 4×4×16, for A·Bᵀ), because those loops are not vectorised
     * (their accesses {@code c[ci + j]} and {@code b[bp + j]} have different offsets). Outside it
     * some variant loses: A·Bᵀ with fewer than 4 rows or fewer than 16 columns (its simple loop is
     * a dot product, good there), Aᵀ·B with k of 1 or 2 and narrow rows. One rule for the three
     * variants keeps the seed workloads' small products (25×1 by 1×100, 1×25 by 25×100, …) on the
     * simple loops.
     *
     * <p>With the Vector API kernel ({@link #VECTOR}) the region is wider, measured the same
     * way (JDK 17, one thread, m, k, n in 1, 2, 4, …, 128; kept where all three variants take at
     * most about 0.8 of the simple loops' time): at least 4 rows, k of at least 2 and 16
     * columns, or at least 8 rows and 8 columns. There the packed product takes 0.05–0.8 of the
     * simple loops' time (0.05–0.15 from 16 × 16 × 16 up). Left out: k = 1 (an outer product: Aᵀ·B
     * and A·B gain nothing), two rows (A·Bᵀ loses up to 3×) and 4 × k × 8 (about even).
     */
    public static boolean preferredFor(int m, int k, int n) {
        if (VECTOR) {
            return k >= 2 && ((m >= 4 && n >= 16) || (m >= 8 && n >= 8));
        }
        return m >= 4 && k >= 4 && n >= 16;
    }

    /**
     * How many threads large products use: {@code min(availableProcessors, scratchnet.threads)},
     * the system property read once, when the first large product starts the pool (default: all
     * processors). The calling thread is one of them; the pool holds the others.
     */
    public static int parallelism() {
        return Pool.PARALLELISM;
    }

    // ------------------------------------------------------------------ the product

    /**
     * C (m×n) = op(A)·op(B) where op(A)[i,p] is {@code a[i·k + p]}, or {@code a[p·m + i]} when
     * transA, and op(B)[p,j] is {@code b[p·n + j]}, or {@code b[j·k + p]} when transB. Split into at
     * most {@code threads} strips of C when the product is large enough.
     * Package-private so that tests can choose the number of threads.
     */
    static void multiply(double[] a, double[] b, double[] c, int m, int k, int n,
                         boolean transA, boolean transB, int threads) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            Arrays.fill(c, 0, m * n, 0.0);
            return;
        }
        if (VECTOR) {
            // the register-blocked Vector API kernel: same results, bit for bit
            VectorGemm.multiply(a, b, c, m, k, n, transA, transB, threads);
            return;
        }
        scalarMultiply(a, b, c, m, k, n, transA, transB, threads);
    }

    /**
     * {@link #multiply} without the Vector API: the packed panels and the micro-kernels below that
     * C2 auto-vectorises. The path of a JVM without {@code jdk.incubator.vector}; package-private
     * so that tests can run it when the module is present. m, n and k must be at least 1.
     */
    static void scalarMultiply(double[] a, double[] b, double[] c, int m, int k, int n,
                               boolean transA, boolean transB, int threads) {
        Operands op = new Operands(a, b, c, m, k, n, transA, transB);
        int parts = threads <= 1 || (long) m * k * n < PARALLEL_MIN_FLOPS ? 1 : threads;
        if (parts > 1 && n / parts >= MIN_STRIP_COLUMNS) {
            // column strips: each thread packs only its own columns of B; widths multiples of 8
            int[] cuts = cuts(n, parts, 8);
            runParts(parts, t -> op.block(0, m, cuts[t], cuts[t + 1]));
        } else if (parts > 1 && m / parts >= MIN_STRIP_ROWS) {
            // row strips: each thread packs all of B (C too narrow to split its columns)
            int[] cuts = cuts(m, parts, MR);
            runParts(parts, t -> op.block(cuts[t], cuts[t + 1], 0, n));
        } else {
            op.block(0, m, 0, n);
        }
    }

    /** {@code parts + 1} boundaries splitting [0, size) into near-equal pieces, inner ones multiples of {@code grain}. */
    static int[] cuts(int size, int parts, int grain) {
        int[] cut = new int[parts + 1];
        for (int t = 1; t < parts; t++) {
            long ideal = (long) size * t / parts;
            cut[t] = (int) Math.min(size, (ideal + grain / 2) / grain * grain);
        }
        cut[parts] = size;
        return cut;
    }

    /** The operands of one product and the blocked loops over a rectangle of C. */
    private static final class Operands {
        final double[] a;
        final double[] b;
        final double[] c;
        final int m;
        final int k;
        final int n;
        /** op(A)[i,p] = a[i·aRow + p·aCol]. */
        final int aRow;
        final int aCol;
        final boolean transB;

        Operands(double[] a, double[] b, double[] c, int m, int k, int n, boolean transA, boolean transB) {
            this.a = a;
            this.b = b;
            this.c = c;
            this.m = m;
            this.k = k;
            this.n = n;
            this.aRow = transA ? 1 : k;
            this.aCol = transA ? m : 1;
            this.transB = transB;
        }

        /**
         * C[i0:i1, j0:j1] = op(A)[i0:i1, :]·op(B)[:, j0:j1] on the calling thread, with its scratch.
         * For each panel of op(B) (rows pc…pc+kc, columns jc…jc+nc), packed once, every group of
         * four rows of C is copied into the scratch rows, updated by the micro-kernel for each pair
         * of p, and copied back.
         */
        void block(int i0, int i1, int j0, int j1) {
            Scratch s = Scratch.forThisThread(Math.min(KC, k), Math.min(NC, j1 - j0));
            double[][] bp = s.b;
            double[] cs = s.c;
            for (int jc = j0; jc < j1; jc += NC) {
                int nc = Math.min(NC, j1 - jc);
                for (int pc = 0; pc < k; pc += KC) {
                    int kc = Math.min(KC, k - pc);
                    packB(bp, pc, kc, jc, nc);
                    int i = i0;
                    for (; i + MR <= i1; i += MR) {
                        loadC(cs, 0, i, jc, nc, pc);
                        loadC(cs, NC, i + 1, jc, nc, pc);
                        loadC(cs, 2 * NC, i + 2, jc, nc, pc);
                        loadC(cs, 3 * NC, i + 3, jc, nc, pc);
                        // A[i+r, pc+p] is a[ar + p·aCol]
                        int ar0 = i * aRow + pc * aCol;
                        int ar1 = ar0 + aRow;
                        int ar2 = ar1 + aRow;
                        int ar3 = ar2 + aRow;
                        // C[i+r, jc:jc+nc] += Σ_p A[i+r, pc+p]·B[pc+p, jc:jc+nc]  for r = 0…3,
                        // p ascending, two at a time, then the odd one left
                        int p = 0;
                        for (; p + 2 <= kc; p += 2) {
                            int q0 = p * aCol;
                            int q1 = q0 + aCol;
                            kernel4x2(bp[p], bp[p + 1], cs,
                                    a[ar0 + q0], a[ar0 + q1], a[ar1 + q0], a[ar1 + q1],
                                    a[ar2 + q0], a[ar2 + q1], a[ar3 + q0], a[ar3 + q1], nc);
                        }
                        if (p < kc) {
                            int q = p * aCol;
                            kernel4x1(bp[p], cs, a[ar0 + q], a[ar1 + q], a[ar2 + q], a[ar3 + q], nc);
                        }
                        storeC(cs, 0, i, jc, nc);
                        storeC(cs, NC, i + 1, jc, nc);
                        storeC(cs, 2 * NC, i + 2, jc, nc);
                        storeC(cs, 3 * NC, i + 3, jc, nc);
                    }
                    // the rows left below a multiple of four, one at a time
                    for (; i < i1; i++) {
                        loadC(cs, 0, i, jc, nc, pc);
                        int ar = i * aRow + pc * aCol;
                        // C[i, jc:jc+nc] += Σ_p A[i, pc+p]·B[pc+p, jc:jc+nc], p ascending, four at a time
                        int p = 0;
                        for (; p + 4 <= kc; p += 4) {
                            int q = ar + p * aCol;
                            kernel1x4(bp[p], bp[p + 1], bp[p + 2], bp[p + 3], cs,
                                    a[q], a[q + aCol], a[q + 2 * aCol], a[q + 3 * aCol], nc);
                        }
                        for (; p < kc; p++) {
                            kernel1x1(bp[p], cs, a[ar + p * aCol], nc);
                        }
                        storeC(cs, 0, i, jc, nc);
                    }
                }
            }
        }

        /** bp[p][j] = op(B)[pc + p, jc + j] for p < kc, j < nc: one scratch row per value of p. */
        private void packB(double[][] bp, int pc, int kc, int jc, int nc) {
            if (!transB) {
                // op(B)[p, j] = b[p·n + j]: rows of B are already contiguous
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, (pc + p) * n + jc, bp[p], 0, nc);
                }
            } else {
                // op(B)[p, j] = b[j·k + p]: read each row of B (a column of op(B)) along p
                for (int j = 0; j < nc; j++) {
                    int src = (jc + j) * k + pc;
                    for (int p = 0; p < kc; p++) {
                        bp[p][j] = b[src + p];
                    }
                }
            }
        }

        /** rows[off : off+nc] = C[i, jc : jc+nc], or zeros for the first panel of p (sums start at 0). */
        private void loadC(double[] rows, int off, int i, int jc, int nc, int pc) {
            if (pc == 0) {
                Arrays.fill(rows, off, off + nc, 0.0);
            } else {
                System.arraycopy(c, i * n + jc, rows, off, nc);
            }
        }

        /** C[i, jc : jc+nc] = rows[off : off+nc]. */
        private void storeC(double[] rows, int off, int i, int jc, int nc) {
            System.arraycopy(rows, off, c, i * n + jc, nc);
        }
    }

    // ------------------------------------------------------------------ micro-kernels

    /*
     * Every array access in these loops is indexed by j plus a constant: that is what lets C2
     * vectorise them (see the class comment). b0, b1, … are packed rows p, p+1, … of op(B); c holds
     * four rows of C at offsets 0, NC, 2·NC, 3·NC (the one-row kernels use the first). Each keeps,
     * per element, the order s = fma(a_p, b_p, s) over ascending p, so they can be mixed freely
     * without changing any result.
     */

    /** Four rows of C, two values of p: the main kernel. */
    static void kernel4x2(double[] b0, double[] b1, double[] c,
                          double a00, double a01, double a10, double a11,
                          double a20, double a21, double a30, double a31, int n) {
        // C[r, j] ← (C[r, j] + a[r,0]·B[p, j]) + a[r,1]·B[p+1, j]  for r = 0…3, each step one fma
        for (int j = 0; j < n; j++) {
            double x0 = b0[j];
            double x1 = b1[j];
            c[j] = Math.fma(a01, x1, Math.fma(a00, x0, c[j]));
            c[j + NC] = Math.fma(a11, x1, Math.fma(a10, x0, c[j + NC]));
            c[j + 2 * NC] = Math.fma(a21, x1, Math.fma(a20, x0, c[j + 2 * NC]));
            c[j + 3 * NC] = Math.fma(a31, x1, Math.fma(a30, x0, c[j + 3 * NC]));
        }
    }

    /** Four rows of C, one value of p: the last p of an odd panel depth. */
    static void kernel4x1(double[] b0, double[] c,
                          double a0, double a1, double a2, double a3, int n) {
        // C[r, j] ← C[r, j] + a[r]·B[p, j]  for r = 0…3
        for (int j = 0; j < n; j++) {
            double x0 = b0[j];
            c[j] = Math.fma(a0, x0, c[j]);
            c[j + NC] = Math.fma(a1, x0, c[j + NC]);
            c[j + 2 * NC] = Math.fma(a2, x0, c[j + 2 * NC]);
            c[j + 3 * NC] = Math.fma(a3, x0, c[j + 3 * NC]);
        }
    }

    /** One row of C, four values of p: the rows left over below a multiple of four. */
    static void kernel1x4(double[] b0, double[] b1, double[] b2, double[] b3, double[] c,
                          double a0, double a1, double a2, double a3, int n) {
        // C[j] ← (((C[j] + a0·B[p, j]) + a1·B[p+1, j]) + a2·B[p+2, j]) + a3·B[p+3, j]
        for (int j = 0; j < n; j++) {
            c[j] = Math.fma(a3, b3[j], Math.fma(a2, b2[j], Math.fma(a1, b1[j], Math.fma(a0, b0[j], c[j]))));
        }
    }

    /** One row of C, one value of p. */
    static void kernel1x1(double[] b0, double[] c, double a0, int n) {
        // C[j] ← C[j] + a0·B[p, j]
        for (int j = 0; j < n; j++) {
            c[j] = Math.fma(a0, b0[j], c[j]);
        }
    }

    // ------------------------------------------------------------------ per-thread scratch

    /**
     * One thread's packed panel of op(B), one array per row (grown on demand up to KC × NC,
     * 512 KB), and its four rows of C in one array (at offsets 0, NC, 2·NC, 3·NC); reused by every
     * product on that thread.
     */
    private static final class Scratch {
        private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

        double[][] b = new double[0][];
        final double[] c = new double[MR * NC];

        static Scratch forThisThread(int rows, int cols) {
            Scratch s = LOCAL.get();
            s.ensure(rows, cols);
            return s;
        }

        private void ensure(int rows, int cols) {
            int width = b.length == 0 ? 0 : b[0].length;
            if (rows > b.length || cols > width) {
                int r = Math.max(rows, b.length);
                int w = Math.max(cols, width);
                b = new double[r][w];
            }
        }
    }

    // ------------------------------------------------------------------ threads

    /** A piece of work numbered 0 … parts−1. */
    @FunctionalInterface
    interface Part {
        void run(int index);
    }

    /**
     * Runs parts 0 … parts−1, part 0 on the calling thread and the others on the pool, and returns
     * when all are done. A part the pool has not started by the time the caller finishes its own
     * is run by the caller ({@link FutureTask} runs each at most once), so a busy or empty pool
     * only costs speed. Waiting ignores interrupts (C must be complete when this returns); the
     * interrupt flag is set again afterwards for the caller to see.
     */
    static void runParts(int parts, Part part) {
        List<FutureTask<Void>> tasks = new ArrayList<>(parts - 1);
        for (int t = 1; t < parts; t++) {
            int index = t;
            FutureTask<Void> task = new FutureTask<>(() -> part.run(index), null);
            tasks.add(task);
            Pool.execute(task);
        }
        Throwable failure = null;
        try {
            part.run(0);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (FutureTask<Void> task : tasks) {
            task.run(); // no-op if a worker has started it
            while (true) {
                try {
                    task.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
    }

    /**
     * The worker threads: {@link #PARALLELISM} − 1 of them (the caller of a product is the other
     * one), daemons, started by the first product that is split and then reused; this class is
     * loaded on first use (lazy holder idiom).
     */
    private static final class Pool {
        static final int PARALLELISM = parallelismFromProperty();
        private static final Executor WORKERS = PARALLELISM > 1 ? startWorkers(PARALLELISM - 1) : null;

        private static int parallelismFromProperty() {
            int cpus = Runtime.getRuntime().availableProcessors();
            Integer wanted = Integer.getInteger("scratchnet.threads");
            return Math.max(1, wanted == null ? cpus : Math.min(cpus, wanted));
        }

        private static Executor startWorkers(int count) {
            AtomicInteger number = new AtomicInteger();
            return Executors.newFixedThreadPool(count, r -> {
                Thread t = new Thread(r, "scratchnet-gemm-" + number.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        /** Queues a task for a worker; with no workers the caller runs it when it waits. */
        static void execute(Runnable task) {
            if (WORKERS != null) {
                WORKERS.execute(task);
            }
        }
    }
}
