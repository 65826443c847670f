package scratchnet.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

import scratchnet.settings.Settings;

/**
 * Matrix products for large matrices, in pure Java: C = A·B, C = A·Bᵀ and C = Aᵀ·B on row-major
 * {@code double[]} arrays, with the signatures and semantics of {@link Loops#matmul},
 * {@link Loops#matmulTransB} and {@link Loops#matmulTransA} (C is overwritten; shapes are not
 * checked). {@link Loops} calls these when {@link #preferredFor} says they pay off.
 * <pre>{@code
 * Gemm.matmul(a, b, c, m, k, n);   // C (m×n) = A (m×k)·B (k×n)
 * }</pre>
 *
 * <p>When the Vector API is there and its vectors are wide enough (see {@link #VECTOR}), products
 * run on {@link VectorGemm}'s register-blocked kernel, with the same results bit for bit. This
 * class's own kernel is the fallback (JVM without {@code jdk.incubator.vector},
 * {@code scratchnet.simd=off}, AVX2).
 *
 * <h2>How it works</h2>
 * <ul>
 * <li><b>Cache blocking.</b> The product is cut into panels of op(B) of {@link Tuning#GEMM_KC}
 * rows (values of p) by {@link Tuning#GEMM_NC} columns, each packed once into the thread's
 * scratch, where it stays in the L2 cache while every row of A streams past it. A is not packed.</li>
 * <li><b>A micro-kernel that C2 vectorises.</b> The inner loop runs along a row of the panel
 * (over j) and updates four rows of C with two values of p. Each packed row of B is its own array
 * indexed by plain {@code j}, and the four rows of C are copied into one scratch array at
 * {@code j}, {@code j + NC}, {@code j + 2·NC}, {@code j + 3·NC}: HotSpot's auto-vectoriser only
 * vectorises a loop whose array accesses share one loop-invariant index offset. The body is kept
 * at four rows by two p so that JDK 17's loop-unrolling budget accepts it.</li>
 * <li><b>Threads.</b> Products of at least {@link Tuning#GEMM_PARALLEL_MIN_FLOPS} multiply-adds
 * are split into column strips of C (or row strips when C is narrow), one per thread of a fixed
 * pool of daemon threads created on first use; see {@link #parallelism()}.</li>
 * </ul>
 * Why these choices and block sizes: {@code docs/performance.md}, "Gemm".
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
    /** Rows of B in one packed panel ({@link Tuning#GEMM_KC}). */
    static final int KC = Tuning.GEMM_KC;
    /**
     * Columns of C in one panel, and the distance between the rows of C in the scratch ({@link
     * Tuning#GEMM_NC}).
     */
    static final int NC = Tuning.GEMM_NC;
    /** Rows of C one call of the main micro-kernel updates. */
    private static final int MR = 4;

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
     * Whether the blocked product beats {@link Loops}' simple loops for C (m×n) = A (m×k)·B (k×n),
     * for all three variants (A·B, A·Bᵀ, Aᵀ·B). Without the Vector API kernel: at least
     * {@link Tuning#BLOCKED_MIN_ROWS} rows, an inner size of at least
     * {@link Tuning#BLOCKED_MIN_DEPTH} and {@link Tuning#BLOCKED_MIN_COLUMNS} columns. With it
     * ({@link #VECTOR}): an inner size of at least {@link Tuning#VECTOR_BLOCKED_MIN_DEPTH}, and
     * either {@link Tuning#VECTOR_BLOCKED_MIN_ROWS} rows by {@link Tuning#VECTOR_BLOCKED_MIN_COLUMNS}
     * columns or {@link Tuning#VECTOR_BLOCKED_MIN_SQUARE} of each. The seed workloads' small
     * products (25×1 by 1×100, 1×25 by 25×100, …) stay on the simple loops. The measurements
     * behind the region: {@code docs/performance.md}, "Where the blocked product pays".
     */
    public static boolean preferredFor(int m, int k, int n) {
        if (VECTOR) {
            return k >= Tuning.VECTOR_BLOCKED_MIN_DEPTH
                    && ((m >= Tuning.VECTOR_BLOCKED_MIN_ROWS && n >= Tuning.VECTOR_BLOCKED_MIN_COLUMNS)
                        || (m >= Tuning.VECTOR_BLOCKED_MIN_SQUARE && n >= Tuning.VECTOR_BLOCKED_MIN_SQUARE));
        }
        return m >= Tuning.BLOCKED_MIN_ROWS && k >= Tuning.BLOCKED_MIN_DEPTH && n >= Tuning.BLOCKED_MIN_COLUMNS;
    }

    /**
     * How many threads large products use: {@link Settings#threads()} ({@code scratchnet.threads},
     * at most the processor count), read once, when the first large product starts the pool. The
     * calling thread is one of them; the pool holds the others.
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
        int parts = threads <= 1 || (long) m * k * n < Tuning.GEMM_PARALLEL_MIN_FLOPS ? 1 : threads;
        if (parts > 1 && n / parts >= Tuning.GEMM_MIN_STRIP_COLUMNS) {
            // column strips: each thread packs only its own columns of B; widths multiples of 8
            int[] cuts = cuts(n, parts, 8);
            runParts(parts, t -> op.block(0, m, cuts[t], cuts[t + 1]));
        } else if (parts > 1 && m / parts >= Tuning.GEMM_MIN_STRIP_ROWS) {
            // row strips: each thread packs all of B (C too narrow to split its columns)
            int[] cuts = cuts(m, parts, MR);
            runParts(parts, t -> op.block(cuts[t], cuts[t + 1], 0, n));
        } else {
            op.block(0, m, 0, n);
        }
    }

    /**
     * {@code parts + 1} boundaries splitting [0, size) into near-equal pieces, inner ones multiples of
     * {@code grain}.
     */
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
        static final int PARALLELISM = Settings.threads();
        private static final Executor WORKERS = PARALLELISM > 1 ? startWorkers(PARALLELISM - 1) : null;

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
