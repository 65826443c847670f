package scratchnet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Vector API path of {@link Gemm} ({@link VectorGemm}) and its scalar fallback
 * ({@link Gemm#scalarMultiply}), each against the naive fma chain, bit for bit: every variant,
 * sizes around the 8-row × 16-column tiles and the KC × NC × MC blocks, the mini-batch MLP's
 * shapes, with one, two and three threads.
 */
class VectorGemmTest {

    /** The three products: C = A·B, A·Bᵀ and Aᵀ·B, by their storage of A and B. */
    enum Variant {
        AB(false, false), ABT(false, true), ATB(true, false);

        final boolean transA;
        final boolean transB;

        Variant(boolean transA, boolean transB) {
            this.transA = transA;
            this.transB = transB;
        }
    }

    /** Sizes around the tile edges (8 rows, 8 and 16 columns) and 1. */
    private static final int[] EDGES = {1, 3, 7, 8, 9, 15, 16, 17, 33};

    /** Shapes (m, k, n) crossing the block edges: KC = 160 (cut into equal panels), MC = 128, NC = 256. */
    private static final int[][] BLOCKS = {
        {129, 257, 17}, {9, 513, 257}, {257, 33, 9}, {17, 784, 520}, {136, 300, 272}, {3, 1000, 3},
    };

    /** The products of one mini-batch of the 784-256-128-10 MLP at batch 128, as (m, k, n, variant). */
    private static final int[][] MLP = {
        {256, 784, 128, 0}, {128, 256, 128, 0}, {10, 128, 128, 0},
        {10, 128, 128, 1}, {128, 128, 256, 1}, {256, 128, 784, 1},
        {128, 10, 128, 2}, {256, 128, 128, 2},
    };

    private static double[] random(Random r, int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = r.nextInt(7) == 0 ? 0.0 : r.nextGaussian();
        }
        return v;
    }

    /** C[i,j] = the chain s = fma(op(A)[i,p], op(B)[p,j], s), p ascending from s = 0. */
    private static double[] naiveFma(Variant v, double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0.0;
                for (int p = 0; p < k; p++) {
                    double x = v.transA ? a[p * m + i] : a[i * k + p];
                    double y = v.transB ? b[j * k + p] : b[p * n + j];
                    s = Math.fma(x, y, s);
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    /** Output filled with NaN: every element must be overwritten, never accumulated into. */
    private static double[] garbage(int size) {
        double[] c = new double[size];
        Arrays.fill(c, Double.NaN);
        return c;
    }

    /** Runs the vector path (through Gemm) and the scalar path with 1, 2 and 3 threads; all must equal the chain. */
    private static void check(Variant v, Random r, int m, int k, int n) {
        double[] a = random(r, m * k);
        double[] b = random(r, k * n);
        double[] expected = naiveFma(v, a, b, m, k, n);
        for (int threads = 1; threads <= 3; threads++) {
            String what = v + " " + m + "×" + k + "×" + n + " threads=" + threads;
            double[] viaGemm = garbage(m * n);
            Gemm.multiply(a, b, viaGemm, m, k, n, v.transA, v.transB, threads);
            assertThat(viaGemm).as("%s (Gemm.multiply, vector=%s)", what, Gemm.VECTOR).isEqualTo(expected);
            double[] scalar = garbage(m * n);
            Gemm.scalarMultiply(a, b, scalar, m, k, n, v.transA, v.transB, threads);
            assertThat(scalar).as("%s (scalar fallback)", what).isEqualTo(expected);
        }
    }

    @Test
    void theVectorPathIsOnInTheseTests() {
        // surefire adds jdk.incubator.vector; without it the vector tests below would prove nothing
        assumeThat(System.getProperty("scratchnet.simd")).isNull();
        assertThat(Simd.ENABLED).isTrue();
        assumeThat(VectorGemm.SUPPORTED).as("vectors of 8 doubles (AVX-512)").isTrue();
        assertThat(Gemm.VECTOR).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void tileEdgesMatchTheFmaChainBitForBit(Variant v) {
        Random r = new Random(50 + v.ordinal());
        for (int m : EDGES) {
            for (int k : new int[] {1, 2, 5, 17}) {
                for (int n : EDGES) {
                    check(v, r, m, k, n);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void blockEdgesMatchTheFmaChainBitForBit(Variant v) {
        Random r = new Random(60 + v.ordinal());
        for (int[] s : BLOCKS) {
            check(v, r, s[0], s[1], s[2]);
        }
    }

    @Test
    void theMlpBatchProductsMatchTheFmaChainWithAnyNumberOfThreads() {
        // all but the three products with 10 in them are large enough to be split between threads
        assertThat(128L * 128 * 256).isGreaterThanOrEqualTo(Tuning.VECTOR_GEMM_PARALLEL_MIN_FLOPS);
        assertThat(10L * 128 * 128).isLessThan(Tuning.VECTOR_GEMM_PARALLEL_MIN_FLOPS);
        Random r = new Random(70);
        for (int[] s : MLP) {
            check(Variant.values()[s[3]], r, s[0], s[1], s[2]);
        }
    }

    @Test
    void repeatedCallsReuseTheScratchWithoutLeftovers() {
        // a large product fills the thread's packed blocks; a smaller one afterwards must not see them
        Random r = new Random(80);
        check(Variant.ABT, r, 200, 300, 260);
        check(Variant.AB, r, 9, 3, 17);
        check(Variant.ATB, r, 17, 9, 5);
    }

    @Test
    void evenBlocksSplitTheDepthIntoEqualPanels() {
        assertThat(VectorGemm.evenBlock(784, 256, 1)).isEqualTo(196);
        assertThat(VectorGemm.evenBlock(256, 256, 1)).isEqualTo(256);
        assertThat(VectorGemm.evenBlock(257, 256, 1)).isEqualTo(129);
        assertThat(VectorGemm.evenBlock(10, 256, 1)).isEqualTo(10);
        // column blocks stay multiples of the tile width and never exceed the maximum
        assertThat(VectorGemm.evenBlock(784, 256, 16)).isEqualTo(208);
        assertThat(VectorGemm.evenBlock(520, 256, 16)).isEqualTo(176);
        assertThat(VectorGemm.evenBlock(3, 256, 16)).isEqualTo(16);
    }
}
