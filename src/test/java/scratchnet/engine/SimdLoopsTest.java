package scratchnet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The SIMD loops against plain scalar references written out here, on sizes that exercise the
 * vector part, the four-at-once part and the scalar tail of every loop.
 */
class SimdLoopsTest {
    private static final Random RANDOM = new Random(7);

    @Test
    void theTestJvmRunsTheSimdLoops() {
        // surefire adds the Vector API module (pom.xml argLine): without it these tests would
        // only check the scalar fallbacks against themselves
        assertThat(Simd.ENABLED).as(Simd.describe()).isTrue();
        assertThat(Simd.describe()).startsWith("Vector API, ");
    }

    @Test
    void combineRowsMatchesTheDefinitionForEveryShapeAndStride() {
        for (int rows : new int[] {1, 2, 5}) {
            for (int k : new int[] {1, 3, 4, 17}) {
                for (int cols : new int[] {1, 7, 8, 31, 33, 100}) {
                    double[] coef = random(rows * k);
                    double[] bias = random(rows);
                    double[] src = random(k * cols);
                    // W·src + b with W (rows×k): strides (k, 1)
                    double[] got = new double[rows * cols];
                    Loops.combineRows(coef, k, 1, bias, src, got, rows, k, cols);
                    assertClose(got, reference(coef, k, 1, bias, src, rows, k, cols), rows + "x" + k + "x" + cols);
                    // Wᵀ·src without bias, W (k×rows): strides (1, rows)
                    Loops.combineRows(coef, 1, rows, null, src, got, rows, k, cols);
                    assertClose(got, reference(coef, 1, rows, null, src, rows, k, cols), "T " + rows + "x" + k + "x" + cols);
                }
            }
        }
    }

    @Test
    void rowDotsAndDotMatchTheDefinition() {
        for (int m : new int[] {1, 3}) {
            for (int k : new int[] {1, 8, 15, 100}) {
                for (int n : new int[] {1, 3, 4, 5, 9}) {
                    double[] a = random(m * k);
                    double[] b = random(n * k);
                    double[] got = new double[m * n];
                    Loops.rowDots(a, b, got, m, k, n);
                    double[] want = new double[m * n];
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            for (int p = 0; p < k; p++) {
                                want[i * n + j] += a[i * k + p] * b[j * k + p];
                            }
                        }
                    }
                    assertClose(got, want, m + "x" + k + "x" + n);
                }
            }
        }
        double[] a = random(37);
        double[] b = random(40);
        double want = 0.0;
        for (int j = 0; j < 30; j++) {
            want += a[5 + j] * b[9 + j];
        }
        assertThat(Loops.dot(a, 5, b, 9, 30)).isCloseTo(want, org.assertj.core.data.Offset.offset(1e-13));
    }

    @Test
    void sigmoidExpAndTanhAgreeWithMathToAboutAnUlp() {
        double[] z = new double[203];
        for (int i = 0; i < z.length; i++) {
            z[i] = (i - 101) * 0.37;
        }
        double[] s = new double[z.length];
        double[] e = new double[z.length];
        double[] t = new double[z.length];
        Loops.sigmoid(z, s, z.length);
        Loops.exp(z, e, z.length);
        Loops.tanh(z, t, z.length);
        for (int i = 0; i < z.length; i++) {
            assertThat(relative(s[i], 1.0 / (1.0 + Math.exp(-z[i])))).as("sigmoid(%s)", z[i]).isLessThan(1e-15);
            assertThat(relative(e[i], Math.exp(z[i]))).as("exp(%s)", z[i]).isLessThan(1e-15);
            assertThat(relative(t[i], Math.tanh(z[i]))).as("tanh(%s)", z[i]).isLessThan(1e-15);
        }
        // the extremes saturate instead of overflowing
        double[] big = {-800, 800, -800, 800, -800, 800, -800, 800, -800};
        double[] out = new double[big.length];
        Loops.sigmoid(big, out, big.length);
        assertThat(out).containsExactly(0, 1, 0, 1, 0, 1, 0, 1, 0);
    }

    @Test
    void reluFollowsNumpyWhereForNegativeZeroAndNaN() {
        double[] z = {-1, 2, -0.0, Double.NaN, 3, -4, 5, 0.5, -0.5, 7};
        double[] a = new double[z.length];
        Loops.relu(z, a, z.length);
        // np.where(z > 0, z, 0): NaN > 0 is false, so 0
        assertThat(a).containsExactly(0, 2, 0, 0, 3, 0, 5, 0.5, 0, 7);
        double[] g = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        Loops.reluBackward(g, a, g.length);
        assertThat(g).containsExactly(0, 1, 0, 0, 1, 0, 1, 1, 0, 1);
    }

    @Test
    void fusedBiasAndActivationEqualTheTwoSteps() {
        int rows = 3;
        int cols = 21;
        double[] z = random(rows * cols);
        double[] bias = random(rows);
        double[] z1 = z.clone();
        double[] a1 = new double[z.length];
        Loops.addColumnRelu(z1, bias, a1, rows, cols);
        double[] z2 = z.clone();
        Loops.addColumn(z2, bias, rows, cols);
        double[] a2 = new double[z.length];
        Loops.relu(z2, a2, z2.length);
        assertThat(z1).containsExactly(z2);
        assertThat(a1).containsExactly(a2);
        double[] z3 = z.clone();
        Loops.addColumnSigmoid(z3, bias, a1, rows, cols);
        Loops.sigmoid(z2, a2, z2.length);
        assertThat(z3).containsExactly(z2);
        // the vector e^x and Math.exp (which finishes a row's last few values) may differ in the last bit
        for (int i = 0; i < a1.length; i++) {
            assertThat(relative(a1[i], a2[i])).as("sigmoid at %d", i).isLessThan(1e-15);
        }
    }

    @Test
    void softmaxColumnsSumToOneAndSurviveLargeInputs() {
        int rows = 4;
        int cols = 19;
        double[] z = random(rows * cols);
        z[0] = 1000;   // would overflow e^z without the shift by the column maximum
        double[] got = new double[z.length];
        Loops.softmaxColumns(z, got, rows, cols);
        for (int j = 0; j < cols; j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < rows; i++) {
                max = Math.max(max, z[i * cols + j]);
            }
            double total = 0;
            for (int i = 0; i < rows; i++) {
                total += Math.exp(z[i * cols + j] - max);
            }
            for (int i = 0; i < rows; i++) {
                double want = Math.exp(z[i * cols + j] - max) / total;
                assertThat(relative(got[i * cols + j], want)).as("column %d row %d", j, i).isLessThan(1e-14);
            }
        }
        assertThat(got[0]).isEqualTo(1.0);
    }

    @Test
    void fastSumAddsEveryElementOnce() {
        double[] a = new double[77];
        for (int i = 0; i < a.length; i++) {
            a[i] = i + 1;
        }
        assertThat(Loops.fastSum(a, 0, 77)).isEqualTo(77 * 78 / 2.0);
        assertThat(Loops.fastSum(a, 3, 20)).isEqualTo((4 + 20) * 17 / 2.0);
        assertThat(Loops.fastSum(a, 5, 5)).isZero();
    }

    private static double[] reference(double[] coef, int rs, int cs, double[] bias, double[] src, int rows, int k, int cols) {
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                double s = bias == null ? 0.0 : bias[r];
                for (int p = 0; p < k; p++) {
                    s += coef[r * rs + p * cs] * src[p * cols + j];
                }
                out[r * cols + j] = s;
            }
        }
        return out;
    }

    private static void assertClose(double[] got, double[] want, String what) {
        for (int i = 0; i < want.length; i++) {
            assertThat(Math.abs(got[i] - want[i])).as("%s at %d: %s vs %s", what, i, got[i], want[i])
                    .isLessThanOrEqualTo(1e-13 * Math.max(1.0, Math.abs(want[i])));
        }
    }

    private static double relative(double got, double want) {
        return want == 0.0 ? Math.abs(got) : Math.abs(got - want) / Math.abs(want);
    }

    private static double[] random(int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = RANDOM.nextGaussian();
        }
        return a;
    }
}
