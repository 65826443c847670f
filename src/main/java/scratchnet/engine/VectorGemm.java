package scratchnet.engine;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix products of {@link Gemm} written with the JDK's Vector API: a register-blocked
 * micro-kernel that keeps an {@link #MR} × {@link #NR} block of C in vector registers for a whole
 * panel of p, so C is read and written once per panel instead of once per value of p. Only
 * {@link Gemm} calls this class, and only when {@link Simd#ENABLED} and {@link #SUPPORTED}; a JVM
 * without the module {@code jdk.incubator.vector} never loads it.
 * <pre>{@code
 * VectorGemm.multiply(a, b, c, m, k, n, false, true, Gemm.parallelism());   // C = A·Bᵀ
 * }</pre>
 *
 * <h2>Blocking</h2>
 * The loops follow the usual layering of a cache-blocked product (block sizes in {@link Tuning}):
 * <pre>
 *   for each block of columns jc (NC wide) of C
 *     for each panel of p, pc (KC deep)
 *       pack op(B)[pc:pc+KC, jc:jc+NC] into micro-panels of NR columns      (L2-sized)
 *       for each block of rows ic (MC tall) of C
 *         pack op(A)[ic:ic+MC, pc:pc+KC] into micro-panels of MR rows       (Aᵀ only)
 *         for each micro-panel of B (NR columns)       — stays in L1 across the next loop
 *           for each micro-panel of A (MR rows)
 *             C[MR × NR tile] (+)= A micro-panel · B micro-panel             (the micro-kernel)
 * </pre>
 * Packing B puts, for each p, the NR values the kernel needs next to each other; packing A lays
 * out MR rows each contiguous along p. So the kernel reads both with unit stride whatever the
 * storage of A and B (A·B, A·Bᵀ or Aᵀ·B: the transposes are only ever read while packing). A that
 * is not transposed already has that layout, so {@link #kernel} reads its eight rows where they
 * are and only a last, partial micro-panel is packed.
 * Partial micro-panels at the right and bottom edges are padded with zeros; their tiles of C go
 * through a small scratch tile so that the kernel always works on a full MR × NR block.
 *
 * <h2>The micro-kernel</h2>
 * Eight rows by two vectors (16 columns with AVX-512's 8 doubles per vector): sixteen
 * accumulators, each a separate local variable so that C2 keeps it in a register (AVX-512 has 32;
 * the kernel needs 16 + 2 for B + 1 for the broadcast value of A). Per value of p: two vector
 * loads of B, eight broadcasts of A and sixteen fused multiply-adds.
 *
 * <h2>Numerics</h2>
 * Every element of C is the same chain as in {@link Gemm}:
 * {@code s = 0; for p ascending: s = fma(op(A)[i,p], op(B)[p,j], s)}. A panel of p that is not the
 * first starts from the value stored in C by the previous one, which is that chain's exact
 * intermediate value. So results are bit-for-bit those of {@link Gemm}'s scalar path, with any
 * blocking, tile position or number of threads.
 */
final class VectorGemm {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Doubles per vector: 8 with AVX-512, 4 with AVX2. */
    private static final int L = S.length();
    /**
     * Whether this kernel runs here: vectors of at least {@link Tuning#VECTOR_GEMM_MIN_LANES}
     * doubles (AVX-512, which also has the 32 registers the 16 accumulators need); otherwise
     * {@link Gemm} keeps its own kernel.
     */
    static final boolean SUPPORTED = L >= Tuning.VECTOR_GEMM_MIN_LANES;
    /** Rows of C in one micro-kernel tile. */
    static final int MR = 8;
    /** Columns of C in one micro-kernel tile: two vectors. */
    static final int NR = 2 * L;
    /** Values of p in one packed panel, at most ({@link Tuning#VECTOR_GEMM_KC}; see {@link #evenBlock}). */
    static final int KC = Tuning.VECTOR_GEMM_KC;
    /** Rows of A packed at once ({@link Tuning#VECTOR_GEMM_MC}). */
    static final int MC = Tuning.VECTOR_GEMM_MC;
    /** Columns of B packed at once ({@link Tuning#VECTOR_GEMM_NC}). */
    static final int NC = Tuning.VECTOR_GEMM_NC;

    private VectorGemm() {
    }

    /**
     * C (m×n) = op(A)·op(B), with the storage conventions of {@link Gemm#multiply}; m, n, k ≥ 1.
     * Products of at least {@link Tuning#VECTOR_GEMM_PARALLEL_MIN_FLOPS} multiply-adds are split into at most
     * {@code threads} strips of C along the longer of m and n, one per thread (the pool's, with
     * the caller as one of them; see {@link Gemm#runParts}). Every element is computed by the
     * same chain whichever strip it falls in, so the split changes no result.
     */
    static void multiply(double[] a, double[] b, double[] c, int m, int k, int n,
                         boolean transA, boolean transB, int threads) {
        Product pr = new Product(a, b, c, m, k, n, transA, transB);
        int parts = threads <= 1 || (long) m * k * n < Tuning.VECTOR_GEMM_PARALLEL_MIN_FLOPS ? 1 : threads;
        boolean byColumns = n >= m;
        if (parts > 1 && byColumns && n / parts >= NR) {
            int[] cuts = Gemm.cuts(n, parts, NR);
            Gemm.runParts(parts, t -> pr.block(0, m, cuts[t], cuts[t + 1]));
        } else if (parts > 1 && m / parts >= MR) {
            int[] cuts = Gemm.cuts(m, parts, MR);
            Gemm.runParts(parts, t -> pr.block(cuts[t], cuts[t + 1], 0, n));
        } else if (parts > 1 && n / parts >= NR) {
            int[] cuts = Gemm.cuts(n, parts, NR);
            Gemm.runParts(parts, t -> pr.block(0, m, cuts[t], cuts[t + 1]));
        } else {
            pr.block(0, m, 0, n);
        }
    }

    /**
     * The block size that cuts {@code size} into the fewest blocks of at most {@code max}, as
     * equal as possible, rounded up to a multiple of {@code grain} (max is a multiple of grain).
     */
    static int evenBlock(int size, int max, int grain) {
        int blocks = (size + max - 1) / max;
        int block = (size + blocks - 1) / blocks;
        return Math.min(max, (block + grain - 1) / grain * grain);
    }

    /** The operands of one product and the blocked loops over a rectangle of C. */
    private static final class Product {
        final double[] a;
        final double[] b;
        final double[] c;
        final int m;
        final int k;
        final int n;
        final boolean transA;
        final boolean transB;

        Product(double[] a, double[] b, double[] c, int m, int k, int n, boolean transA, boolean transB) {
            this.a = a;
            this.b = b;
            this.c = c;
            this.m = m;
            this.k = k;
            this.n = n;
            this.transA = transA;
            this.transB = transB;
        }

        /** C[i0:i1, j0:j1] = op(A)[i0:i1, :]·op(B)[:, j0:j1] on the calling thread, with its scratch. */
        void block(int i0, int i1, int j0, int j1) {
            Scratch s = Scratch.LOCAL.get();
            double[] ap = s.a;
            double[] bp = s.b;
            // panels of p of equal depth (330 = 3 × 110, not 2 × 160 + 10): a shallow last panel
            // would pay the kernel's loads and stores of C for little work
            int kBlock = evenBlock(k, KC, 1);
            int nBlock = evenBlock(j1 - j0, NC, NR);
            for (int jc = j0; jc < j1; jc += nBlock) {
                int nc = Math.min(nBlock, j1 - jc);
                for (int pc = 0; pc < k; pc += kBlock) {
                    int kc = Math.min(kBlock, k - pc);
                    boolean accumulate = pc > 0;
                    packB(bp, pc, kc, jc, nc);
                    for (int ic = i0; ic < i1; ic += MC) {
                        int mc = Math.min(MC, i1 - ic);
                        // A not transposed: its full micro-panels are read in place (rows of A
                        // are contiguous along p) and only a last, partial one is packed
                        int inPlace = transA ? 0 : mc / MR * MR;
                        packA(ap, ic + inPlace, mc - inPlace, pc, kc);
                        for (int jr = 0; jr < nc; jr += NR) {
                            int nr = Math.min(NR, nc - jr);
                            // micro-panel of B for columns jc+jr …: kc rows of NR values
                            int bOff = jr * kc;
                            for (int ir = 0; ir < mc; ir += MR) {
                                int mr = Math.min(MR, mc - ir);
                                int cOff = (ic + ir) * n + jc + jr;
                                // a micro-panel of A: rows lda apart, contiguous along p
                                double[] panel = ir < inPlace ? a : ap;
                                int aOff = ir < inPlace ? (ic + ir) * k + pc : (ir - inPlace) * kc;
                                int lda = ir < inPlace ? k : kc;
                                if (mr == MR && nr == NR) {
                                    kernel(panel, aOff, lda, bp, bOff, kc, c, cOff, n, accumulate);
                                } else {
                                    edgeTile(s.tile, panel, aOff, lda, bp, bOff, kc, cOff, mr, nr, accumulate);
                                }
                            }
                        }
                    }
                }
            }
        }

        /**
         * A tile with fewer than MR rows or NR columns: the kernel runs on a full scratch tile
         * (the padding rows of a packed panel are zeros, and padding columns of B too) and only
         * the real part is copied.
         */
        private void edgeTile(double[] tile, double[] panel, int aOff, int lda, double[] bp, int bOff, int kc,
                              int cOff, int mr, int nr, boolean accumulate) {
            if (accumulate) {
                for (int r = 0; r < mr; r++) {
                    System.arraycopy(c, cOff + r * n, tile, r * NR, nr);
                }
            }
            kernel(panel, aOff, lda, bp, bOff, kc, tile, 0, NR, accumulate);
            for (int r = 0; r < mr; r++) {
                System.arraycopy(tile, r * NR, c, cOff + r * n, nr);
            }
        }

        /**
         * Packs op(B)[pc:pc+kc, jc:jc+nc] into micro-panels of NR columns:
         * bp[jr·kc + p·NR + j] = op(B)[pc + p, jc + jr + j], zero beyond column nc.
         */
        private void packB(double[] bp, int pc, int kc, int jc, int nc) {
            for (int jr = 0; jr < nc; jr += NR) {
                int nr = Math.min(NR, nc - jr);
                int panel = jr * kc;
                if (!transB) {
                    // op(B)[p, j] = b[p·n + j]: NR consecutive values of a row of B per p
                    for (int p = 0; p < kc; p++) {
                        int dst = panel + p * NR;
                        System.arraycopy(b, (pc + p) * n + jc + jr, bp, dst, nr);
                        if (nr < NR) {
                            Arrays.fill(bp, dst + nr, dst + NR, 0.0);
                        }
                    }
                } else {
                    // op(B)[p, j] = b[j·k + p]: walk each row of B (a column of op(B)) along p
                    for (int j = 0; j < nr; j++) {
                        int src = (jc + jr + j) * k + pc;
                        int dst = panel + j;
                        for (int p = 0; p < kc; p++) {
                            bp[dst + p * NR] = b[src + p];
                        }
                    }
                    for (int j = nr; j < NR; j++) {
                        for (int p = 0; p < kc; p++) {
                            bp[panel + p * NR + j] = 0.0;
                        }
                    }
                }
            }
        }

        /**
         * Packs op(A)[ic:ic+mc, pc:pc+kc] into micro-panels of MR rows, each row contiguous along p
         * (the layout the kernel reads A in place with): ap[ir·kc + r·kc + p] = op(A)[ic + ir + r, pc + p],
         * zero rows beyond mc.
         */
        private void packA(double[] ap, int ic, int mc, int pc, int kc) {
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                for (int r = 0; r < MR; r++) {
                    int dst = (ir + r) * kc;
                    if (r >= mr) {
                        Arrays.fill(ap, dst, dst + kc, 0.0);
                    } else if (transA) {
                        // op(A)[i, p] = a[p·m + i]: down a column of A
                        int src = pc * m + ic + ir + r;
                        for (int p = 0; p < kc; p++) {
                            ap[dst + p] = a[src + p * m];
                        }
                    } else {
                        // op(A)[i, p] = a[i·k + p]: a stretch of a row of A
                        System.arraycopy(a, (ic + ir + r) * k + pc, ap, dst, kc);
                    }
                }
            }
        }
    }

    /**
     * The micro-kernel: the MR × NR block of C at {@code c[cOff + r·ldc + j]} (r &lt; MR,
     * j &lt; NR) becomes Σ_p A[r, p]·B[p, j] over kc values of p, added to its current value when
     * {@code accumulate}, else started from zero. A's MR rows are {@code lda} apart and contiguous
     * along p, A[r, p] = {@code a[aOff + r·lda + p]}: A itself when not transposed (no packing),
     * or a packed panel (lda = kc). B is a packed micro-panel, B[p, j] = {@code bp[bOff + p·NR + j]}.
     * Every index is the loop counter plus a constant, so the JIT checks the bounds once before the
     * loop. Each of the 16 vectors of C is its own local variable: row r, vector h is {@code c<r><h>}.
     */
    static void kernel(double[] a, int aOff, int lda, double[] bp, int bOff, int kc,
                              double[] c, int cOff, int ldc, boolean accumulate) {
        int a0 = aOff;
        int a1 = aOff + lda;
        int a2 = aOff + 2 * lda;
        int a3 = aOff + 3 * lda;
        int a4 = aOff + 4 * lda;
        int a5 = aOff + 5 * lda;
        int a6 = aOff + 6 * lda;
        int a7 = aOff + 7 * lda;
        int c0 = cOff;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int c4 = c3 + ldc;
        int c5 = c4 + ldc;
        int c6 = c5 + ldc;
        int c7 = c6 + ldc;
        DoubleVector c00;
        DoubleVector c01;
        DoubleVector c10;
        DoubleVector c11;
        DoubleVector c20;
        DoubleVector c21;
        DoubleVector c30;
        DoubleVector c31;
        DoubleVector c40;
        DoubleVector c41;
        DoubleVector c50;
        DoubleVector c51;
        DoubleVector c60;
        DoubleVector c61;
        DoubleVector c70;
        DoubleVector c71;
        if (accumulate) {
            c00 = DoubleVector.fromArray(S, c, c0);
            c01 = DoubleVector.fromArray(S, c, c0 + L);
            c10 = DoubleVector.fromArray(S, c, c1);
            c11 = DoubleVector.fromArray(S, c, c1 + L);
            c20 = DoubleVector.fromArray(S, c, c2);
            c21 = DoubleVector.fromArray(S, c, c2 + L);
            c30 = DoubleVector.fromArray(S, c, c3);
            c31 = DoubleVector.fromArray(S, c, c3 + L);
            c40 = DoubleVector.fromArray(S, c, c4);
            c41 = DoubleVector.fromArray(S, c, c4 + L);
            c50 = DoubleVector.fromArray(S, c, c5);
            c51 = DoubleVector.fromArray(S, c, c5 + L);
            c60 = DoubleVector.fromArray(S, c, c6);
            c61 = DoubleVector.fromArray(S, c, c6 + L);
            c70 = DoubleVector.fromArray(S, c, c7);
            c71 = DoubleVector.fromArray(S, c, c7 + L);
        } else {
            DoubleVector zero = DoubleVector.zero(S);
            c00 = zero;
            c01 = zero;
            c10 = zero;
            c11 = zero;
            c20 = zero;
            c21 = zero;
            c30 = zero;
            c31 = zero;
            c40 = zero;
            c41 = zero;
            c50 = zero;
            c51 = zero;
            c60 = zero;
            c61 = zero;
            c70 = zero;
            c71 = zero;
        }
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bOff + p * NR);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bOff + p * NR + L);
            // C[r, :] ← fma(A[r, p], B[p, :], C[r, :]) for r = 0 … 7, one broadcast of A[r, p] each
            DoubleVector x = DoubleVector.broadcast(S, a[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, a[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, a[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, a[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(S, a[a4 + p]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(S, a[a5 + p]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = DoubleVector.broadcast(S, a[a6 + p]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = DoubleVector.broadcast(S, a[a7 + p]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + L);
        c10.intoArray(c, c1);
        c11.intoArray(c, c1 + L);
        c20.intoArray(c, c2);
        c21.intoArray(c, c2 + L);
        c30.intoArray(c, c3);
        c31.intoArray(c, c3 + L);
        c40.intoArray(c, c4);
        c41.intoArray(c, c4 + L);
        c50.intoArray(c, c5);
        c51.intoArray(c, c5 + L);
        c60.intoArray(c, c6);
        c61.intoArray(c, c6 + L);
        c70.intoArray(c, c7);
        c71.intoArray(c, c7 + L);
    }

    /**
     * One thread's packed blocks of A (MC × KC) and B (KC × NC) and its edge tile, reused by every
     * product.
     */
    private static final class Scratch {
        static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

        final double[] a = new double[MC * KC];
        final double[] b = new double[KC * NC];
        final double[] tile = new double[MR * NR];
    }
}
