package scratchnet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The raw loops of {@link Loops} against naive reference code. */
class LoopsTest {

    private static final int[] SIZES = {1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 33};

    private static double[] random(Random r, int n, boolean withZeros) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = withZeros && r.nextInt(4) == 0 ? 0.0 : r.nextGaussian();
        }
        return v;
    }

    private static double[] garbage(int n) {
        double[] c = new double[n];
        Arrays.fill(c, Double.NaN); // outputs must be overwritten, not accumulated into
        return c;
    }

    /** a (m×k) · b (k×n), a and b read through index functions so the same loop serves the transposed variants. */
    private static double[] naive(int m, int k, int n, IndexFn a, IndexFn b) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a.at(i, p) * b.at(p, j);
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    @FunctionalInterface
    private interface IndexFn {
        double at(int i, int j);
    }

    private static void assertClose(double[] actual, double[] expected, String what) {
        assertThat(actual).as(what).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s element %d", what, i)
                    .isCloseTo(expected[i], within(1e-12 * Math.max(1, Math.abs(expected[i]))));
        }
    }

    // ------------------------------------------------------------------ matrix products

    @Test
    void matmulMatchesNaiveLoops() {
        Random r = new Random(1);
        for (int m : SIZES) {
            for (int k : SIZES) {
                for (int n : new int[] {1, 3, 8, 13}) {
                    double[] a = random(r, m * k, true);
                    double[] b = random(r, k * n, false);
                    double[] c = garbage(m * n);
                    Loops.matmul(a, b, c, m, k, n);
                    double[] expected = naive(m, k, n, (i, p) -> a[i * k + p], (p, j) -> b[p * n + j]);
                    assertClose(c, expected, "matmul " + m + "×" + k + "·" + k + "×" + n);
                }
            }
        }
    }

    @Test
    void matmulTransBMatchesNaiveLoops() {
        Random r = new Random(2);
        for (int m : SIZES) {
            for (int k : SIZES) {
                for (int n : new int[] {1, 2, 5, 9}) {
                    double[] a = random(r, m * k, true);
                    double[] b = random(r, n * k, true); // B is (n×k)
                    double[] c = garbage(m * n);
                    Loops.matmulTransB(a, b, c, m, k, n);
                    double[] expected = naive(m, k, n, (i, p) -> a[i * k + p], (p, j) -> b[j * k + p]);
                    assertClose(c, expected, "matmulTransB " + m + "×" + k + "·(" + n + "×" + k + ")ᵀ");
                }
            }
        }
    }

    @Test
    void matmulTransAMatchesNaiveLoops() {
        Random r = new Random(3);
        for (int k : SIZES) {
            for (int m : SIZES) {
                for (int n : new int[] {1, 4, 7, 10}) {
                    double[] a = random(r, k * m, true); // A is (k×m)
                    double[] b = random(r, k * n, false);
                    double[] c = garbage(m * n);
                    Loops.matmulTransA(a, b, c, k, m, n);
                    double[] expected = naive(m, k, n, (i, p) -> a[p * m + i], (p, j) -> b[p * n + j]);
                    assertClose(c, expected, "matmulTransA (" + k + "×" + m + ")ᵀ·" + k + "×" + n);
                }
            }
        }
    }

    @Test
    void productsOfLargerRandomShapes() {
        Random r = new Random(4);
        for (int t = 0; t < 20; t++) {
            int m = 1 + r.nextInt(70);
            int k = 1 + r.nextInt(70);
            int n = 1 + r.nextInt(70);
            double[] a = random(r, m * k, t % 2 == 0);
            double[] b = random(r, k * n, t % 3 == 0);
            double[] c = garbage(m * n);
            Loops.matmul(a, b, c, m, k, n);
            assertClose(c, naive(m, k, n, (i, p) -> a[i * k + p], (p, j) -> b[p * n + j]), "matmul " + t);
        }
    }

    // ------------------------------------------------------------------ pairwise sum

    /**
     * numpy's pairwise_sum (numpy/_core/src/umath/loops_utils.h.src), written out from its
     * description: below 8 elements a plain loop; up to 128 eight accumulators combined as
     * ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) then the remainder added one by one; above that, split
     * at n/2 rounded down to a multiple of 8 and recurse.
     */
    private static double numpyPairwise(double[] a, int offset, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[offset + i];
            }
            return res;
        } else if (n <= 128) {
            double[] r = new double[8];
            System.arraycopy(a, offset, r, 0, 8);
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[offset + i + j];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[offset + i];
            }
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return numpyPairwise(a, offset, n2) + numpyPairwise(a, offset + n2, n - n2);
        }
    }

    private static double exactSum(double[] a) {
        BigDecimal s = BigDecimal.ZERO;
        for (double v : a) {
            s = s.add(new BigDecimal(v));
        }
        return s.round(MathContext.DECIMAL128).doubleValue();
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {0, 1, 7, 8, 9, 15, 16, 17, 127, 128, 129, 136, 255, 256, 257, 1000, 1023, 4097, 100_000})
    void sumFollowsNumpysPairwiseOrderBitForBit(int n) {
        Random r = new Random(1000 + n);
        for (int rep = 0; rep < 20; rep++) {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                // values spread over many magnitudes, so that a different order gives different bits
                a[i] = r.nextGaussian() * Math.exp(r.nextDouble() * 30 - 15);
            }
            double expected = numpyPairwise(a, 0, n);
            assertThat(Loops.sum(a, 0, n)).as("rep %d", rep).isEqualTo(expected);
        }
    }

    @Test
    void pairwiseOrderDiffersFromPlainLoopSoTheBitExactTestCanFail() {
        // 1e16 + 1 + 1 + … : a plain left-to-right loop loses every 1, pairwise keeps most of them
        double[] a = new double[200];
        Arrays.fill(a, 1.0);
        a[0] = 1e16;
        double plain = 0;
        for (double v : a) {
            plain += v;
        }
        assertThat(Loops.sum(a, 0, a.length)).isNotEqualTo(plain).isEqualTo(numpyPairwise(a, 0, a.length));
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {0, 1, 7, 8, 9, 127, 128, 129, 1000})
    void sumIsWithinOneEMinus15OfTheExactSum(int n) {
        Random r = new Random(n);
        for (int rep = 0; rep < 200; rep++) {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = r.nextDouble(); // positive, so the relative error of the sum is well conditioned
            }
            double exact = exactSum(a);
            double s = Loops.sum(a, 0, n);
            if (n == 0) {
                assertThat(s).isEqualTo(0.0);
            } else {
                assertThat(Math.abs(s - exact) / Math.abs(exact)).as("rep %d", rep).isLessThanOrEqualTo(1e-15);
            }
        }
    }

    @Test
    void sumOfASubrangeEqualsSumOfACopy() {
        Random r = new Random(8);
        double[] a = random(r, 1500, false);
        for (int[] range : new int[][] {{0, 0}, {3, 4}, {5, 12}, {1, 130}, {7, 1007}, {250, 1500}}) {
            double[] copy = Arrays.copyOfRange(a, range[0], range[1]);
            assertThat(Loops.sum(a, range[0], range[1])).as("[%d, %d)", range[0], range[1])
                    .isEqualTo(Loops.sum(copy, 0, copy.length))
                    .isEqualTo(numpyPairwise(a, range[0], range[1] - range[0]));
        }
    }

    @Test
    void rowSumsAreEachRowsPairwiseSum() {
        Random r = new Random(12);
        int rows = 5;
        int cols = 300;
        double[] a = random(r, rows * cols, false);
        double[] out = garbage(rows);
        Loops.rowSums(a, out, rows, cols);
        for (int i = 0; i < rows; i++) {
            assertThat(out[i]).isEqualTo(numpyPairwise(a, i * cols, cols));
        }
    }

    // ------------------------------------------------------------------ softmax and element-wise kernels

    @Test
    void softmaxColumnsSumToOneAndMatchTheDefinition() {
        Random r = new Random(21);
        for (int rows : new int[] {1, 2, 3, 10}) {
            int cols = 9;
            double[] z = random(r, rows * cols, false);
            for (int i = 0; i < z.length; i++) {
                z[i] *= 5;
            }
            double[] out = garbage(rows * cols);
            Loops.softmaxColumns(z, out, rows, cols);
            for (int j = 0; j < cols; j++) {
                double total = 0;
                double denom = 0;
                for (int i = 0; i < rows; i++) {
                    denom += Math.exp(z[i * cols + j]);
                }
                for (int i = 0; i < rows; i++) {
                    double p = out[i * cols + j];
                    assertThat(p).isBetween(0.0, 1.0);
                    assertThat(p).isCloseTo(Math.exp(z[i * cols + j]) / denom, within(1e-14));
                    total += p;
                }
                assertThat(total).as("column %d of %d rows", j, rows).isCloseTo(1.0, within(1e-15 * rows + 1e-16));
            }
        }
    }

    @Test
    void softmaxDoesNotOverflowForLargeInputs() {
        // one column (1000, 1001): e^1000 overflows, the shifted version is 1/(1+e), e/(1+e)
        double[] z = {1000, 1001};
        double[] out = new double[2];
        Loops.softmaxColumns(z, out, 2, 1);
        double e = Math.E;
        assertThat(out[0]).isCloseTo(1 / (1 + e), within(1e-15));
        assertThat(out[1]).isCloseTo(e / (1 + e), within(1e-15));
        assertThat(out[0] + out[1]).isCloseTo(1.0, within(1e-15));

        // two columns: huge, and hugely negative
        double[] z2 = {1000, -1000, 1001, -1001};
        double[] out2 = new double[4];
        Loops.softmaxColumns(z2, out2, 2, 2);
        for (double v : out2) {
            assertThat(v).isFinite();
        }
        assertThat(out2[0]).isCloseTo(1 / (1 + e), within(1e-15));
        assertThat(out2[2]).isCloseTo(e / (1 + e), within(1e-15));
        assertThat(out2[1]).isCloseTo(e / (1 + e), within(1e-15));
        assertThat(out2[3]).isCloseTo(1 / (1 + e), within(1e-15));
    }

    @Test
    void softmaxInPlaceAndEqualInputs() {
        double[] z = {3, 7, -1, 3, 7, -1}; // 2×3: every column holds two equal values
        Loops.softmaxColumns(z, z, 2, 3); // out may be z
        assertThat(z).containsExactly(0.5, 0.5, 0.5, 0.5, 0.5, 0.5);
        double[] single = {-5, 0, 700};
        Loops.softmaxColumns(single, single, 1, 3);
        assertThat(single).containsExactly(1, 1, 1);
    }

    @Test
    void elementwiseLoopsAndAddColumn() {
        double[] z = {-2, -0.5, 0, 0.5, 40, -800};
        double[] s = new double[z.length];
        double[] rl = new double[z.length];
        double[] th = new double[z.length];
        Loops.sigmoid(z, s, z.length);
        Loops.relu(z, rl, z.length);
        Loops.tanh(z, th, z.length);
        for (int i = 0; i < z.length; i++) {
            assertThat(s[i]).isCloseTo(1 / (1 + Math.exp(-z[i])), within(1e-16));
            assertThat(rl[i]).isEqualTo(Math.max(z[i], 0.0));
            assertThat(th[i]).isCloseTo(Math.tanh(z[i]), within(3 * Math.ulp(Math.tanh(z[i]))));
        }
        assertThat(s[5]).isEqualTo(0.0);
        assertThat(s[4]).isEqualTo(1.0);

        double[] out = {1, 2, 3, 4, 5, 6};
        Loops.addColumn(out, new double[] {10, 100}, 2, 3);
        assertThat(out).containsExactly(11, 12, 13, 104, 105, 106);
    }
}
