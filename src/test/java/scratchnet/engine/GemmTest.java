package scratchnet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Gemm} against naive triple loops: every variant, many shapes (1, odd sizes, the edges of
 * the 4-row tiles and of the KC × NC panels, tall and skinny, k = 1), with one and with several
 * threads.
 */
class GemmTest {

    /** The three products, each with its storage of A and B. */
    enum Variant {
        /** C = A·B: A (m×k), B (k×n). */
        AB(false, false),
        /** C = A·Bᵀ: A (m×k), B (n×k). */
        ABT(false, true),
        /** C = Aᵀ·B: A (k×m), B (k×n). */
        ATB(true, false);

        final boolean transA;
        final boolean transB;

        Variant(boolean transA, boolean transB) {
            this.transA = transA;
            this.transB = transB;
        }

        /** op(A)[i, p] as stored. */
        double a(double[] a, int m, int k, int i, int p) {
            return transA ? a[p * m + i] : a[i * k + p];
        }

        /** op(B)[p, j] as stored. */
        double b(double[] b, int k, int n, int p, int j) {
            return transB ? b[j * k + p] : b[p * n + j];
        }

        void gemm(double[] a, double[] b, double[] c, int m, int k, int n, int threads) {
            Gemm.multiply(a, b, c, m, k, n, transA, transB, threads);
        }

        /** The public entry point, with its own argument order. */
        void publicGemm(double[] a, double[] b, double[] c, int m, int k, int n) {
            switch (this) {
                case AB -> Gemm.matmul(a, b, c, m, k, n);
                case ABT -> Gemm.matmulTransB(a, b, c, m, k, n);
                case ATB -> Gemm.matmulTransA(a, b, c, k, m, n);
            }
        }

        /** What {@link Loops} does for this variant (simple loops or Gemm). */
        void kernels(double[] a, double[] b, double[] c, int m, int k, int n) {
            switch (this) {
                case AB -> Loops.matmul(a, b, c, m, k, n);
                case ABT -> Loops.matmulTransB(a, b, c, m, k, n);
                case ATB -> Loops.matmulTransA(a, b, c, k, m, n);
            }
        }
    }

    /** Sizes around the 4-row tile and the vector widths (4 and 8 doubles). */
    private static final int[] SMALL = {1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 33};
    private static final int[] DEPTHS = {1, 2, 3, 4, 5, 8, 9, 17};

    /** Shapes (m, k, n) crossing the panel edges (KC = NC = 256), tall, skinny and deep ones. */
    private static final int[][] LARGER = {
        {5, 257, 3}, {9, 513, 260}, {3, 300, 520}, {260, 1, 300}, {1, 1000, 1}, {301, 2, 7},
        {700, 3, 5}, {2, 600, 2}, {64, 64, 64}, {67, 259, 129}, {130, 7, 513}, {13, 40, 1000},
    };

    private static double[] random(Random r, int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = r.nextInt(5) == 0 ? 0.0 : r.nextGaussian();
        }
        return v;
    }

    /** Every element NaN: outputs must be overwritten, never accumulated into. */
    private static double[] garbage(int size) {
        double[] c = new double[size];
        Arrays.fill(c, Double.NaN);
        return c;
    }

    /** C[i,j] = Σ_p op(A)[i,p]·op(B)[p,j], summed in ascending p with separate rounding of each product. */
    private static double[] naive(Variant v, double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0.0;
                for (int p = 0; p < k; p++) {
                    s += v.a(a, m, k, i, p) * v.b(b, k, n, p, j);
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    /** C[i,j] = the chain s = fma(op(A)[i,p], op(B)[p,j], s) over ascending p: what Gemm promises bit for bit. */
    private static double[] naiveFma(Variant v, double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0.0;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(v.a(a, m, k, i, p), v.b(b, k, n, p, j), s);
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    /** Σ_p |op(A)[i,p]·op(B)[p,j]|: the scale of the rounding errors of element (i, j). */
    private static double[] magnitude(Variant v, double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0.0;
                for (int p = 0; p < k; p++) {
                    s += Math.abs(v.a(a, m, k, i, p) * v.b(b, k, n, p, j));
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    /**
     * Checks one product with the given number of threads: within 1e-12 (relative to Σ|a·b|, as
     * results differ from the naive loop only by summation rounding) of the naive loop, and
     * bit for bit the naive fma chain.
     */
    private static void check(Variant v, Random r, int m, int k, int n, int threads) {
        double[] a = random(r, m * k);
        double[] b = random(r, k * n);
        double[] c = garbage(m * n);
        v.gemm(a, b, c, m, k, n, threads);
        String what = v + " " + m + "×" + k + "×" + n + " threads=" + threads;
        double[] expected = naive(v, a, b, m, k, n);
        double[] scale = magnitude(v, a, b, m, k, n);
        for (int e = 0; e < expected.length; e++) {
            double tolerance = 1e-12 * scale[e];
            assertThat(Math.abs(c[e] - expected[e])).as("%s element (%d, %d): %s vs naive %s", what, e / n, e % n,
                    c[e], expected[e]).isLessThanOrEqualTo(tolerance);
        }
        assertThat(c).as("%s: the fma chain in ascending p", what).isEqualTo(naiveFma(v, a, b, m, k, n));
    }

    // ------------------------------------------------------------------ against naive loops

    @ParameterizedTest
    @EnumSource(Variant.class)
    void smallShapesMatchNaiveLoops(Variant v) {
        Random r = new Random(10 + v.ordinal());
        for (int m : SMALL) {
            for (int k : DEPTHS) {
                for (int n : SMALL) {
                    check(v, r, m, k, n, 1);
                    check(v, r, m, k, n, 2);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void panelEdgesTallAndSkinnyShapesMatchNaiveLoops(Variant v) {
        Random r = new Random(20 + v.ordinal());
        for (int[] s : LARGER) {
            check(v, r, s[0], s[1], s[2], 1);
            check(v, r, s[0], s[1], s[2], 2);
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void randomShapesMatchNaiveLoops(Variant v) {
        Random r = new Random(30 + v.ordinal());
        for (int t = 0; t < 40; t++) {
            int m = 1 + r.nextInt(90);
            int k = 1 + r.nextInt(300);
            int n = 1 + r.nextInt(300);
            check(v, r, m, k, n, 1 + t % 3);
        }
    }

    // ------------------------------------------------------------------ threads

    /** Shapes above the parallel threshold: split by columns (wide C) and by rows (narrow C). */
    private static final int[][] PARALLEL = {{160, 300, 170}, {403, 160, 40}, {97, 229, 515}, {1030, 70, 33}};

    @ParameterizedTest
    @EnumSource(Variant.class)
    void resultsAreBitForBitTheSameWithOneTwoOrThreeThreads(Variant v) {
        Random r = new Random(40 + v.ordinal());
        for (int[] s : PARALLEL) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            assertThat((long) m * k * n).isGreaterThanOrEqualTo(Tuning.GEMM_PARALLEL_MIN_FLOPS);
            double[] a = random(r, m * k);
            double[] b = random(r, k * n);
            double[] one = garbage(m * n);
            v.gemm(a, b, one, m, k, n, 1);
            for (int threads = 2; threads <= 3; threads++) {
                double[] many = garbage(m * n);
                v.gemm(a, b, many, m, k, n, threads);
                assertThat(many).as("%s %d×%d×%d with %d threads", v, m, k, n, threads).isEqualTo(one);
            }
            double[] viaPublic = garbage(m * n);
            v.publicGemm(a, b, viaPublic, m, k, n);
            assertThat(viaPublic).as("%s %d×%d×%d, public entry point", v, m, k, n).isEqualTo(one);
            assertThat(one).as("%s %d×%d×%d fma chain", v, m, k, n).isEqualTo(naiveFma(v, a, b, m, k, n));
        }
    }

    @Test
    void parallelProductsWorkWhenTheCallerIsInterruptedAndKeepTheFlag() {
        Random r = new Random(50);
        int m = 200;
        int k = 150;
        int n = 180;
        double[] a = random(r, m * k);
        double[] b = random(r, k * n);
        double[] c = garbage(m * n);
        Thread.currentThread().interrupt();
        try {
            Gemm.multiply(a, b, c, m, k, n, false, false, 2);
            assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag kept").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(c).isEqualTo(naiveFma(Variant.AB, a, b, m, k, n));
    }

    @Test
    void aFailureInAnyPartReachesTheCaller() {
        int m = 200;
        int k = 150;
        int n = 180;
        double[] a = new double[m * k];
        double[] b = new double[k * n - 1]; // the last column strip reads past the end
        double[] c = new double[m * n];
        assertThatThrownBy(() -> Gemm.multiply(a, b, c, m, k, n, false, false, 2))
                .isInstanceOf(ArrayIndexOutOfBoundsException.class);
    }

    @Test
    void workerThreadsAreDaemonsAndFew() {
        Random r = new Random(60);
        double[] a = random(r, 300 * 300);
        double[] b = random(r, 300 * 300);
        double[] c = new double[300 * 300];
        Gemm.matmul(a, b, c, 300, 300, 300);
        List<Thread> workers = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("scratchnet-gemm-")) {
                workers.add(t);
            }
        }
        assertThat(workers).hasSizeLessThanOrEqualTo(Gemm.parallelism() - 1).allMatch(Thread::isDaemon);
        assertThat(Gemm.parallelism()).isBetween(1, Runtime.getRuntime().availableProcessors());
    }

    // ------------------------------------------------------------------ degenerate shapes

    @ParameterizedTest
    @EnumSource(Variant.class)
    void anEmptyInnerDimensionGivesZeros(Variant v) {
        double[] c = garbage(3 * 5);
        v.gemm(new double[0], new double[0], c, 3, 0, 5, 2);
        assertThat(c).containsOnly(0.0);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void emptyResultsAreFine(Variant v) {
        v.gemm(new double[0], new double[4 * 3], new double[0], 0, 4, 3, 2);
        v.gemm(new double[2 * 4], new double[0], new double[0], 2, 4, 0, 2);
    }

    // ------------------------------------------------------------------ Loops delegation

    @ParameterizedTest
    @EnumSource(Variant.class)
    void kernelsUseGemmAboveTheCrossoverAndTheSimpleLoopsBelow(Variant v) {
        // the pure-Java path: with a native BLAS installed, large products would go there instead
        Blas.use("java");
        try {
            kernelsUseGemmOnTheJavaPath(v);
        } finally {
            Blas.use("auto");
        }
    }

    private void kernelsUseGemmOnTheJavaPath(Variant v) {
        Random r = new Random(70 + v.ordinal());
        int[][] shapes = {{4, 4, 16}, {37, 91, 53}, {25, 1, 100}, {1, 25, 100}, {1, 100, 25}, {3, 5, 400}, {5, 400, 4}};
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            double[] a = random(r, m * k);
            double[] b = random(r, k * n);
            double[] c = garbage(m * n);
            v.kernels(a, b, c, m, k, n);
            String what = v + " " + m + "×" + k + "×" + n;
            if (Gemm.preferredFor(m, k, n)) {
                assertThat(c).as(what + " through Gemm").isEqualTo(naiveFma(v, a, b, m, k, n));
            } else {
                double[] expected = naive(v, a, b, m, k, n);
                double[] scale = magnitude(v, a, b, m, k, n);
                for (int e = 0; e < c.length; e++) {
                    assertThat(Math.abs(c[e] - expected[e])).as(what).isLessThanOrEqualTo(1e-12 * scale[e]);
                }
            }
        }
    }

    @Test
    void theSeedWorkloadsSmallProductsKeepTheSimpleLoops() {
        // document 000: W1·X (25×1)·(1×100) and W2ᵀ·dZ2 (1×25)ᵀ·(1×100), both m=25, k=1, n=100;
        // W2·A1 (1×25)·(25×100); dZ2·A1ᵀ (1×100)·(25×100)ᵀ
        assertThat(Gemm.preferredFor(25, 1, 100)).isFalse();
        assertThat(Gemm.preferredFor(1, 25, 100)).isFalse();
        assertThat(Gemm.preferredFor(1, 100, 25)).isFalse();
        // document 001: W·X (1×4)·(4×1000) and dZ·Xᵀ (1×1000)·(4×1000)ᵀ
        assertThat(Gemm.preferredFor(1, 4, 1000)).isFalse();
        assertThat(Gemm.preferredFor(1, 1000, 4)).isFalse();
        // large products do go to Gemm
        assertThat(Gemm.preferredFor(1024, 1024, 1024)).isTrue();
    }
}
