package scratchnet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Behaviour of {@link Matrix}: creation, numpy broadcasting, products, reductions, printing and shape errors. */
class MatrixTest {

    // ------------------------------------------------------------------ helpers

    private static Matrix random(Random r, int rows, int cols) {
        double[][] v = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                v[i][j] = r.nextGaussian() * 3;
            }
        }
        return Matrix.of(v);
    }

    /** Bit-exact element check, with a readable failure. */
    private static void assertElements(Matrix m, double[][] expected) {
        assertThat(m.rows()).as("rows").isEqualTo(expected.length);
        assertThat(m.cols()).as("cols").isEqualTo(expected.length == 0 ? 0 : expected[0].length);
        assertThat(m.toArray()).isDeepEqualTo(expected);
    }

    private static void assertClose(Matrix actual, double[][] expected, double tol) {
        assertThat(actual.rows()).as("rows").isEqualTo(expected.length);
        assertThat(actual.cols()).as("cols").isEqualTo(expected[0].length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[0].length; j++) {
                assertThat(actual.get(i, j)).as("element (%d, %d)", i, j)
                        .isCloseTo(expected[i][j], within(tol * Math.max(1, Math.abs(expected[i][j]))));
            }
        }
    }

    private static double[][] naiveDot(Matrix a, Matrix b) {
        double[][] c = new double[a.rows()][b.cols()];
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                double s = 0;
                for (int p = 0; p < a.cols(); p++) {
                    s += a.get(i, p) * b.get(p, j);
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    /** The numpy broadcast of a against b computed element by element: index 0 for a size-1 dimension. */
    private static double[][] naiveBroadcast(Matrix a, Matrix b, DoubleBinaryOperator f) {
        int r = Math.max(a.rows(), b.rows());
        int c = Math.max(a.cols(), b.cols());
        double[][] out = new double[r][c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double x = a.get(a.rows() == 1 ? 0 : i, a.cols() == 1 ? 0 : j);
                double y = b.get(b.rows() == 1 ? 0 : i, b.cols() == 1 ? 0 : j);
                out[i][j] = f.applyAsDouble(x, y);
            }
        }
        return out;
    }

    private record Op(String name, BiFunction<Matrix, Matrix, Matrix> call, DoubleBinaryOperator f) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Op> OPS = List.of(
            new Op("add", Matrix::add, (x, y) -> x + y),
            new Op("sub", Matrix::sub, (x, y) -> x - y),
            new Op("mul", Matrix::mul, (x, y) -> x * y),
            new Op("div", Matrix::div, (x, y) -> x / y));

    // ------------------------------------------------------------------ creation

    @Nested
    class Creation {
        @Test
        void ofCopiesRowsAndKeepsShape() {
            double[][] v = {{1, 2, 3}, {4, 5, 6}};
            Matrix m = Matrix.of(v);
            assertThat(m.rows()).isEqualTo(2);
            assertThat(m.cols()).isEqualTo(3);
            assertThat(m.shape()).containsExactly(2, 3);
            assertThat(m.size()).isEqualTo(6);
            assertThat(m.get(1, 2)).isEqualTo(6.0);
            v[1][2] = 99; // the caller's array is not shared
            assertThat(m.get(1, 2)).isEqualTo(6.0);
        }

        @Test
        void ofRejectsRaggedAndEmptyInput() {
            assertThatThrownBy(() -> Matrix.of(new double[][] {{1, 2}, {3}}))
                    .isInstanceOf(ShapeException.class).hasMessageContaining("row 1 has 1");
            assertThatThrownBy(() -> Matrix.of(new double[0][])).isInstanceOf(ShapeException.class);
        }

        @Test
        void rowAndColumnVectors() {
            assertElements(Matrix.rowVector(1, 2, 3), new double[][] {{1, 2, 3}});
            assertElements(Matrix.columnVector(1, 2, 3), new double[][] {{1}, {2}, {3}});
            double[] v = {7, 8};
            Matrix r = Matrix.rowVector(v);
            v[0] = -1;
            assertThat(r.get(0, 0)).isEqualTo(7.0);
        }

        @Test
        void zerosOnesFullEye() {
            assertElements(Matrix.zeros(2, 3), new double[][] {{0, 0, 0}, {0, 0, 0}});
            assertElements(Matrix.ones(3, 1), new double[][] {{1}, {1}, {1}});
            assertElements(Matrix.full(1, 2, 2.5), new double[][] {{2.5, 2.5}});
            assertElements(Matrix.eye(3), new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
            assertThat(Matrix.zeros(0, 4).size()).isZero();
            assertThatThrownBy(() -> Matrix.zeros(-1, 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("zeros");
        }

        @ParameterizedTest(name = "arange({0}, {1}, {2}) has {3} elements")
        @CsvSource({
            "0, 1, 0.01, 100",
            "0, 1, 0.1, 10",
            "1, 2.2, 0.3, 5",     // numpy famously includes 2.2 here: 1.2/0.3 = 4.000000000000001
            "0, 10, 3, 4",
            "5, 0, -1, 5",
            "0, 0, 1, 0",
            "3, 1, 1, 0",
            "-2.5, 2.5, 0.5, 10",
            "0.1, 1, 0.01, 90",
        })
        void arangeLengthIsCeilOfSpanOverStep(double start, double stop, double step, int expected) {
            Matrix a = Matrix.arange(start, stop, step);
            assertThat(a.rows()).isEqualTo(1);
            assertThat(a.cols()).isEqualTo(expected)
                    .isEqualTo((int) Math.max(0, Math.ceil((stop - start) / step)));
            if (expected > 0) {
                assertThat(a.get(0, 0)).isEqualTo(start);
            }
            for (int i = 0; i < a.cols(); i++) {
                assertThat(a.get(0, i)).isCloseTo(start + i * step, within(1e-12));
            }
        }

        @Test
        void arangeFromZeroIsExactlyIStep() {
            Matrix a = Matrix.arange(0, 1, 0.01);
            for (int i = 0; i < 100; i++) {
                assertThat(a.get(0, i)).isEqualTo(i * 0.01);
            }
        }

        @Test
        void arangeWithNonZeroStartMatchesNumpyFill() {
            // numpy writes start and start+step, then fills x[i] = start + i·(x[1] − x[0]) (its DOUBLE_fill)
            double start = 0.1;
            double step = 0.01;
            Matrix a = Matrix.arange(start, 1, step);
            double delta = (start + step) - start;
            assertThat(a.get(0, 0)).isEqualTo(start);
            assertThat(a.get(0, 1)).isEqualTo(start + step);
            for (int i = 2; i < a.cols(); i++) {
                assertThat(a.get(0, i)).as("element %d", i).isEqualTo(start + i * delta);
            }
            // np.arange(0.1, 1, 0.01)[2] prints 0.12, while 0.1 + 2·0.01 is 0.12000000000000001
            assertThat(a.get(0, 2)).isEqualTo(0.12);
        }

        @Test
        void arangeRejectsZeroStep() {
            assertThatThrownBy(() -> Matrix.arange(0, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("arange");
        }

        @Test
        void linspaceHasExactEndpointsAndEvenSteps() {
            assertElements(Matrix.linspace(0, 1, 5), new double[][] {{0, 0.25, 0.5, 0.75, 1}});
            for (int n : new int[] {2, 3, 7, 10, 101}) {
                Matrix l = Matrix.linspace(0.1, 0.7, n);
                assertThat(l.cols()).isEqualTo(n);
                assertThat(l.get(0, 0)).isEqualTo(0.1);
                assertThat(l.get(0, n - 1)).isEqualTo(0.7);
                for (int i = 1; i < n; i++) {
                    assertThat(l.get(0, i) - l.get(0, i - 1)).isCloseTo(0.6 / (n - 1), within(1e-12));
                }
            }
            assertElements(Matrix.linspace(2, 3, 1), new double[][] {{2}});
            assertThat(Matrix.linspace(2, 3, 0).shape()).containsExactly(1, 0);
            assertThatThrownBy(() -> Matrix.linspace(0, 1, -1)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void reshapeKeepsRowMajorOrderAndInfersMinusOne() {
            Matrix m = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
            assertElements(m.reshape(3, 2), new double[][] {{1, 2}, {3, 4}, {5, 6}});
            assertElements(m.reshape(-1, 2), new double[][] {{1, 2}, {3, 4}, {5, 6}});
            assertElements(m.reshape(1, -1), new double[][] {{1, 2, 3, 4, 5, 6}});
            assertElements(m.reshape(-1, 1), new double[][] {{1}, {2}, {3}, {4}, {5}, {6}});
            assertThatThrownBy(() -> m.reshape(4, -1)).isInstanceOf(ShapeException.class)
                    .hasMessageContaining("reshape").hasMessageContaining("(2×3)");
            assertThatThrownBy(() -> m.reshape(4, 2)).isInstanceOf(ShapeException.class)
                    .hasMessageContaining("(2×3)").hasMessageContaining("(4×2)");
            assertThatThrownBy(() -> m.reshape(-1, -1)).isInstanceOf(ShapeException.class);
        }

        @Test
        void transpose() {
            Matrix m = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
            assertElements(m.T(), new double[][] {{1, 4}, {2, 5}, {3, 6}});
            assertThat(m.T().T()).isEqualTo(m);
            Random r = new Random(3);
            Matrix a = random(r, 5, 7);
            Matrix t = a.T();
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 7; j++) {
                    assertThat(t.get(j, i)).isEqualTo(a.get(i, j));
                }
            }
        }
    }

    // ------------------------------------------------------------------ broadcasting

    @Nested
    class Broadcasting {
        private final Random r = new Random(11);
        private final Matrix a = random(r, 3, 4);

        private List<Matrix> partners() {
            List<Matrix> ps = new ArrayList<>();
            ps.add(random(r, 3, 4));
            ps.add(random(r, 3, 1));
            ps.add(random(r, 1, 4));
            ps.add(random(r, 1, 1));
            return ps;
        }

        @Test
        void fullWithEachBroadcastableShapeBothWays() {
            for (Op op : OPS) {
                for (Matrix b : partners()) {
                    String what = op + " (3×4) with " + ShapeException.shape(b.rows(), b.cols());
                    Matrix ab = op.call.apply(a, b);
                    assertThat(ab.toArray()).as(what).isDeepEqualTo(naiveBroadcast(a, b, op.f));
                    Matrix ba = op.call.apply(b, a);
                    assertThat(ba.toArray()).as(what + " reversed").isDeepEqualTo(naiveBroadcast(b, a, op.f));
                }
            }
        }

        @Test
        void columnWithRowGivesOuterShape() {
            Matrix col = Matrix.columnVector(1, 2, 3);
            Matrix row = Matrix.rowVector(10, 20, 30, 40);
            assertElements(col.add(row), new double[][] {{11, 21, 31, 41}, {12, 22, 32, 42}, {13, 23, 33, 43}});
            for (Op op : OPS) {
                Matrix cr = op.call.apply(col, row);
                assertThat(cr.shape()).as(op.name).containsExactly(3, 4);
                assertThat(cr.toArray()).as(op.name).isDeepEqualTo(naiveBroadcast(col, row, op.f));
                Matrix rc = op.call.apply(row, col);
                assertThat(rc.shape()).as(op.name).containsExactly(3, 4);
                assertThat(rc.toArray()).as(op.name).isDeepEqualTo(naiveBroadcast(row, col, op.f));
            }
        }

        @Test
        void zipAndEqBroadcastToo() {
            Matrix col = Matrix.columnVector(1, 2);
            Matrix row = Matrix.rowVector(1, 2, 3);
            assertElements(col.zip(row, Math::max), new double[][] {{1, 2, 3}, {2, 2, 3}});
            assertElements(col.eq(row), new double[][] {{1, 0, 0}, {0, 1, 0}});
        }

        @Test
        void scalarOps() {
            Matrix m = Matrix.of(new double[][] {{1, 2}, {-4, 8}});
            assertElements(m.add(1), new double[][] {{2, 3}, {-3, 9}});
            assertElements(m.sub(1), new double[][] {{0, 1}, {-5, 7}});
            assertElements(m.mul(2), new double[][] {{2, 4}, {-8, 16}});
            assertElements(m.div(2), new double[][] {{0.5, 1}, {-2, 4}});
            assertElements(m.rsub(1), new double[][] {{0, -1}, {5, -7}});
            assertElements(m.rdiv(8), new double[][] {{8, 4}, {-2, 1}});
            assertElements(m.neg(), new double[][] {{-1, -2}, {4, -8}});
            assertElements(m.abs(), new double[][] {{1, 2}, {4, 8}});
            assertElements(m.square(), new double[][] {{1, 4}, {16, 64}});
            assertElements(m.pow(3), new double[][] {{1, 8}, {-64, 512}});
            assertThat(m.rdiv(1).get(0, 1)).isEqualTo(0.5);
            assertThat(Matrix.rowVector(0.0).rdiv(1).get(0, 0)).isEqualTo(Double.POSITIVE_INFINITY);
        }

        @Test
        void elementwiseFunctions() {
            Matrix z = Matrix.rowVector(-2, 0, 3);
            assertElements(z.relu(), new double[][] {{0, 0, 3}});
            assertClose(z.sigmoid(), new double[][] {{1 / (1 + Math.exp(2)), 0.5, 1 / (1 + Math.exp(-3))}}, 1e-15);
            assertClose(z.tanh(), new double[][] {{Math.tanh(-2), 0, Math.tanh(3)}}, 1e-15);
            assertClose(z.exp(), new double[][] {{Math.exp(-2), 1, Math.exp(3)}}, 1e-15);
            assertElements(z.gt(0), new double[][] {{0, 0, 1}});
            assertElements(z.lt(0), new double[][] {{1, 0, 0}});
            assertElements(z.map(v -> v * 10), new double[][] {{-20, 0, 30}});
        }
    }

    // ------------------------------------------------------------------ products

    @Nested
    class Products {
        @Test
        void dotMatchesNaiveTripleLoop() {
            Random r = new Random(42);
            for (int t = 0; t < 200; t++) {
                int m = 1 + r.nextInt(9);
                int k = 1 + r.nextInt(13);
                int n = 1 + r.nextInt(11);
                Matrix a = random(r, m, k);
                Matrix b = random(r, k, n);
                Matrix c = a.dot(b);
                assertThat(c.shape()).containsExactly(m, n);
                assertClose(c, naiveDot(a, b), 1e-12);
            }
        }

        @Test
        void dotSmallHandExample() {
            Matrix a = Matrix.of(new double[][] {{1, 2}, {3, 4}});
            Matrix b = Matrix.of(new double[][] {{5, 6}, {7, 8}});
            assertElements(a.dot(b), new double[][] {{19, 22}, {43, 50}});
            assertElements(Matrix.columnVector(1, 2).dot(Matrix.rowVector(3, 4)), new double[][] {{3, 4}, {6, 8}});
            assertElements(Matrix.rowVector(1, 2).dot(Matrix.columnVector(3, 4)), new double[][] {{11}});
        }

        @Test
        void dotTAndTDotEqualDotWithExplicitTransposes() {
            Random r = new Random(7);
            for (int t = 0; t < 200; t++) {
                int m = 1 + r.nextInt(9);
                int k = 1 + r.nextInt(13);
                int n = 1 + r.nextInt(11);
                Matrix a = random(r, m, k);
                Matrix b = random(r, n, k);
                Matrix abT = a.dotT(b);
                assertThat(abT.shape()).containsExactly(m, n);
                assertClose(abT, a.dot(b.T()).toArray(), 1e-12);

                Matrix c = random(r, k, m);
                Matrix d = random(r, k, n);
                Matrix cTd = c.tDot(d);
                assertThat(cTd.shape()).containsExactly(m, n);
                assertClose(cTd, c.T().dot(d).toArray(), 1e-12);
            }
        }
    }

    // ------------------------------------------------------------------ reductions

    @Nested
    class Reductions {
        private final Matrix m = Matrix.of(new double[][] {{1, -5, 3}, {4, 2, -6}});

        @Test
        void sumsKeepTwoDimensions() {
            assertThat(m.sum()).isEqualTo(-1.0);
            assertElements(m.sum(0), new double[][] {{5, -3, -3}});
            assertElements(m.sum(1), new double[][] {{-1}, {0}});
            assertThat(m.mean()).isEqualTo(-1.0 / 6);
            assertClose(m.mean(0), new double[][] {{2.5, -1.5, -1.5}}, 1e-15);
            assertClose(m.mean(1), new double[][] {{-1.0 / 3}, {0}}, 1e-15);
            assertThatThrownBy(() -> m.sum(2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("axis");
        }

        @Test
        void sumsMatchNaiveLoopsOnRandomData() {
            Random r = new Random(5);
            for (int t = 0; t < 50; t++) {
                int rows = 1 + r.nextInt(20);
                int cols = 1 + r.nextInt(300);
                Matrix a = random(r, rows, cols);
                double total = 0;
                double[][] colSums = new double[1][cols];
                double[][] rowSums = new double[rows][1];
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        total += a.get(i, j);
                        colSums[0][j] += a.get(i, j);
                        rowSums[i][0] += a.get(i, j);
                    }
                }
                assertThat(a.sum()).isCloseTo(total, within(1e-10));
                assertClose(a.sum(0), colSums, 1e-12);
                assertClose(a.sum(1), rowSums, 1e-10);
                assertThat(a.mean(0).shape()).containsExactly(1, cols);
                assertThat(a.mean(1).shape()).containsExactly(rows, 1);
            }
        }

        @Test
        void maxAndArgmaxAlongAxes() {
            assertElements(m.max(0), new double[][] {{4, 2, 3}});
            assertElements(m.max(1), new double[][] {{3}, {4}});
            assertElements(m.argmax(0), new double[][] {{1, 1, 0}});
            assertElements(m.argmax(1), new double[][] {{2}, {0}});
            assertThat(m.max()).isEqualTo(4.0);
            assertThat(m.min()).isEqualTo(-6.0);
        }

        @Test
        void maxOfAllNegativeValuesAndTiesTakeTheFirstIndex() {
            Matrix neg = Matrix.of(new double[][] {{-3, -1}, {-2, -1}});
            assertElements(neg.max(0), new double[][] {{-2, -1}});
            assertElements(neg.max(1), new double[][] {{-1}, {-1}});
            assertElements(neg.argmax(0), new double[][] {{1, 0}});   // tie in column 1: first row, like numpy
            Matrix ties = Matrix.rowVector(2, 7, 7, 1);
            assertElements(ties.argmax(1), new double[][] {{1}});
        }

        @Test
        void argmaxOnRandomDataMatchesNaiveScan() {
            Random r = new Random(9);
            Matrix a = random(r, 6, 40);
            Matrix am = a.argmax(0);
            Matrix mx = a.max(0);
            for (int j = 0; j < 40; j++) {
                int best = 0;
                for (int i = 1; i < 6; i++) {
                    if (a.get(i, j) > a.get(best, j)) {
                        best = i;
                    }
                }
                assertThat(am.get(0, j)).isEqualTo(best);
                assertThat(mx.get(0, j)).isEqualTo(a.get(best, j));
            }
        }

        @Test
        void roundIsHalfToEvenLikeNumpy() {
            Matrix v = Matrix.rowVector(0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 0.4, 2.6, -2.5);
            assertElements(v.round(), new double[][] {{0, 2, 2, 4, -0.0, -2, 0, 3, -2}});
        }

        @Test
        void whereOverloads() {
            Matrix z = Matrix.rowVector(-1, 2, 0, 3);
            // the element itself where the test holds
            assertElements(z.where(v -> v > 0, 0), new double[][] {{0, 2, 0, 3}});
            // two constants
            assertElements(z.where(v -> v > 0, 1, 0), new double[][] {{0, 1, 0, 1}});
            // two matrices, with broadcasting
            Matrix t = Matrix.rowVector(10, 20, 30, 40);
            assertElements(z.where(v -> v > 0, t, Matrix.zeros(1, 1)), new double[][] {{0, 20, 0, 40}});
            Matrix grid = Matrix.of(new double[][] {{1, -1}, {-1, 1}});
            assertElements(grid.where(v -> v > 0, Matrix.columnVector(5, 6), Matrix.rowVector(-7, -8)),
                    new double[][] {{5, -8}, {-7, 6}});
        }
    }

    // ------------------------------------------------------------------ access, equality, immutability

    @Nested
    class AccessAndEquality {
        @Test
        void getRowsColsToArrayFlatten() {
            Matrix m = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
            assertThat(m.get(0, 0)).isEqualTo(1.0);
            assertThat(m.get(1, 0)).isEqualTo(4.0);
            assertThat(m.get(0, 2)).isEqualTo(3.0);
            assertThat(m.rows()).isEqualTo(2);
            assertThat(m.cols()).isEqualTo(3);
            assertThat(m.toArray()).isDeepEqualTo(new double[][] {{1, 2, 3}, {4, 5, 6}});
            assertThat(m.flatten()).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(m.row(1).toArray()).isDeepEqualTo(new double[][] {{4, 5, 6}});
            assertThat(m.col(1).toArray()).isDeepEqualTo(new double[][] {{2}, {5}});
            assertThat(m.columns(new int[] {2, 0}).toArray()).isDeepEqualTo(new double[][] {{3, 1}, {6, 4}});
            assertThat(m.columnRange(1, 3).toArray()).isDeepEqualTo(new double[][] {{2, 3}, {5, 6}});
            assertThat(Matrix.full(1, 1, 4.5).item()).isEqualTo(4.5);
            assertThatThrownBy(() -> m.get(2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> m.get(0, 3)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> m.get(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(m::item).isInstanceOf(ShapeException.class).hasMessageContaining("(2×3)");
        }

        @Test
        void equalsAndHashCode() {
            Matrix a = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
            Matrix b = Matrix.wrap(2, 3, new double[] {1, 2, 3, 4, 5, 6});
            Matrix c = Matrix.rowVector(1, 2, 3, 4, 5, 6).reshape(2, 3);
            assertThat(a).isEqualTo(b).isEqualTo(c);
            assertThat(a.hashCode()).isEqualTo(b.hashCode()).isEqualTo(c.hashCode());
            // same values, other shapes
            assertThat(a).isNotEqualTo(a.reshape(3, 2)).isNotEqualTo(a.reshape(1, 6)).isNotEqualTo(a.reshape(6, 1));
            assertThat(a).isNotEqualTo(a.add(Matrix.full(1, 1, 1e-15)));
            assertThat(a).isNotEqualTo("not a matrix").isNotEqualTo(null);
            // bit-exact: NaN equals NaN, 0.0 differs from -0.0
            assertThat(Matrix.rowVector(Double.NaN)).isEqualTo(Matrix.rowVector(Double.NaN));
            assertThat(Matrix.rowVector(0.0)).isNotEqualTo(Matrix.rowVector(-0.0));
        }

        @Test
        void operationsNeverChangeTheirOperands() {
            Random r = new Random(1);
            Matrix a = random(r, 3, 4);
            Matrix b = random(r, 3, 4);
            double[][] aBefore = a.toArray();
            double[][] bBefore = b.toArray();
            List<Function<Matrix, Matrix>> ops = List.of(
                    x -> x.add(b), x -> x.sub(b), x -> x.mul(b), x -> x.div(b), x -> x.add(1), x -> x.sub(1),
                    x -> x.mul(2), x -> x.div(2), x -> x.rsub(1), x -> x.rdiv(1), x -> x.dot(b.T()),
                    x -> x.dotT(b), x -> x.tDot(b), Matrix::T, x -> x.reshape(2, 6), x -> x.map(v -> 0),
                    Matrix::exp, Matrix::log, Matrix::sqrt, Matrix::abs, Matrix::square, Matrix::neg, x -> x.pow(3),
                    x -> x.round(), Matrix::sigmoid, Matrix::relu, Matrix::tanh, Matrix::softmax, x -> x.gt(0),
                    x -> x.lt(0), x -> x.eq(b), x -> x.where(v -> v > 0, 0), x -> x.where(v -> v > 0, 1, 0),
                    x -> x.where(v -> v > 0, b, b.neg()), x -> x.sum(0), x -> x.sum(1), x -> x.mean(0),
                    x -> x.max(1), x -> x.argmax(0), x -> x.columnRange(0, 2), x -> x.row(1), x -> x.col(2),
                    x -> x.zip(b, Math::min));
            for (Function<Matrix, Matrix> op : ops) {
                Matrix out = op.apply(a);
                assertThat(out).isNotSameAs(a);
                assertThat(a.toArray()).isDeepEqualTo(aBefore);
                assertThat(b.toArray()).isDeepEqualTo(bBefore);
            }
            a.sum();
            a.mean();
            a.max();
            assertThat(a.toArray()).isDeepEqualTo(aBefore);
        }

        @Test
        void copiesHandedOutDoNotAliasTheMatrix() {
            Matrix m = Matrix.of(new double[][] {{1, 2}, {3, 4}});
            double[][] arr = m.toArray();
            arr[0][0] = 100;
            arr[1] = new double[] {-1, -1};
            double[] flat = m.flatten();
            flat[3] = 100;
            double[] dest = new double[4];
            m.copyTo(dest);
            dest[1] = 100;
            Matrix reshaped = m.reshape(1, 4);
            reshaped.toArray()[0][2] = 100;
            assertThat(m.toArray()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
            assertThat(m.shape()).containsExactly(2, 2);
            m.shape()[0] = 7;
            assertThat(m.rows()).isEqualTo(2);
        }
    }

    // ------------------------------------------------------------------ printing

    @Nested
    class Printing {
        @Test
        void smallIntegerMatrixPrintsLikeNumpy() {
            // numpy: print(np.array([[1., -2.], [3., 4.]]))
            assertThat(Matrix.of(new double[][] {{1, -2}, {3, 4}}).toString()).isEqualTo("[[ 1. -2.]\n [ 3.  4.]]");
            assertThat(Matrix.of(new double[][] {{1, 2}, {3, 4}}).toString()).isEqualTo("[[1. 2.]\n [3. 4.]]");
            assertThat(Matrix.rowVector(0.5).toString()).isEqualTo("[[0.5]]");
        }

        @Test
        void rowsAreBracketedAndColumnsAligned() {
            Random r = new Random(4);
            Matrix m = random(r, 5, 4).mul(Matrix.rowVector(1, 100, 0.01, 1000));
            String s = m.toString();
            assertThat(s).startsWith("[[").endsWith("]]").doesNotContain("...");
            String[] lines = s.split("\n");
            assertThat(lines).hasSize(5);
            for (int i = 1; i < lines.length; i++) {
                assertThat(lines[i]).startsWith(" [").endsWith(i == lines.length - 1 ? "]]" : "]");
                // every row has the same width (the first has one more "[" and the last one more "]")
                int extra = (i == lines.length - 1 ? 1 : 0);
                assertThat(lines[i].length() - extra).as("row %d", i)
                        .isEqualTo(lines[0].length() - (lines.length == 1 ? 1 : 0));
            }
            // column ends: the position of the last character of each cell is the same in every row
            List<List<Integer>> ends = new ArrayList<>();
            for (String line : lines) {
                List<Integer> e = new ArrayList<>();
                for (int c = 2; c < line.length(); c++) {
                    if (line.charAt(c) != ' ' && line.charAt(c) != ']'
                            && (line.charAt(c + 1) == ' ' || line.charAt(c + 1) == ']')) {
                        e.add(c);
                    }
                }
                ends.add(e);
            }
            assertThat(ends.get(0)).hasSize(4);
            assertThat(ends).allSatisfy(e -> assertThat(e).isEqualTo(ends.get(0)));
        }

        @Test
        void largeMatricesAreAbbreviatedLikeNumpy() {
            // numpy's threshold is 1000 elements: 40×25 prints in full, 40×26 is summarised
            String full = Matrix.zeros(40, 25).toString();
            assertThat(full).doesNotContain("...");
            assertThat(full.split("\n")).hasSize(40);

            String big = Matrix.zeros(40, 26).toString();
            assertThat(big).contains("...");
            String[] lines = big.split("\n");
            assertThat(lines).hasSize(7); // 3 rows, "...", 3 rows
            assertThat(lines[3].trim()).isEqualTo("...");
            assertThat(lines[0]).contains("...");

            String row = Matrix.arange(0, 1001, 1).toString();
            assertThat(row).startsWith("[[").endsWith("]]").contains("...").contains("1000.").contains(" 2.")
                    .doesNotContain("500.");
            assertThat(row.split("\n")).hasSize(1);
        }

        @Test
        void specialValues() {
            String s = Matrix.rowVector(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5).toString();
            assertThat(s).contains("nan").contains("inf").contains("-inf").contains("1.5");
        }
    }

    // ------------------------------------------------------------------ shape errors

    @Nested
    class ShapeErrors {
        private final Matrix tall = Matrix.zeros(25, 1);
        private final Matrix other = Matrix.zeros(100, 1);

        @Test
        void everyBroadcastingOpNamesItselfAndBothShapesAndSuggestsTranspose() {
            List<Op> ops = new ArrayList<>(OPS);
            ops.add(new Op("zip", (x, y) -> x.zip(y, Double::sum), null));
            ops.add(new Op("eq", Matrix::eq, null));
            for (Op op : ops) {
                assertThatThrownBy(() -> op.call.apply(tall, other)).as(op.name)
                        .isInstanceOf(ShapeException.class)
                        .hasMessageStartingWith(op.name + ":")
                        .hasMessageContaining("(25×1)")
                        .hasMessageContaining("(100×1)")
                        .hasMessageContaining(".T()");
            }
        }

        @Test
        void broadcastMismatchWithoutATransposeFixDoesNotSuggestOne() {
            Matrix a = Matrix.zeros(3, 4);
            Matrix b = Matrix.zeros(2, 5);
            for (Op op : OPS) {
                assertThatThrownBy(() -> op.call.apply(a, b)).as(op.name)
                        .isInstanceOf(ShapeException.class)
                        .hasMessageContaining(op.name)
                        .hasMessageContaining("(3×4)")
                        .hasMessageContaining("(2×5)")
                        .hasMessageNotContaining(".T()");
            }
            // (3×4) with (4×3): the transpose of either fits
            assertThatThrownBy(() -> a.add(Matrix.zeros(4, 3))).hasMessageContaining(".T()")
                    .hasMessageContaining("(3×4)").hasMessageContaining("(4×3)");
            // (3×4) with (4×1): transposing the right operand gives (1×4), which broadcasts
            assertThatThrownBy(() -> a.mul(Matrix.zeros(4, 1))).hasMessageContaining(".T()");
        }

        @Test
        void transposeHintNamesTheSmallerOperand() {
            // (1×4) with (4×3): the left row transposed is (4×1), which broadcasts to (4×3)
            assertThatThrownBy(() -> Matrix.zeros(1, 4).add(Matrix.zeros(4, 3)))
                    .isInstanceOf(ShapeException.class)
                    .hasMessageContaining("transpose the left operand (.T() gives (4×1), the result (4×3))")
                    .hasMessageNotContaining("right operand");
            // (4×3) with (1×4): the right row transposed is (4×1), which broadcasts to (4×3)
            assertThatThrownBy(() -> Matrix.zeros(4, 3).sub(Matrix.zeros(1, 4)))
                    .isInstanceOf(ShapeException.class)
                    .hasMessageContaining("transpose the right operand (.T() gives (4×1), the result (4×3))")
                    .hasMessageNotContaining("left operand");
        }

        @Test
        void dotNamesInnerSizesAndSuggestsTranspose() {
            assertThatThrownBy(() -> tall.dot(other))
                    .isInstanceOf(ShapeException.class)
                    .hasMessageStartingWith("dot")
                    .hasMessageContaining("(25×1)")
                    .hasMessageContaining("(100×1)")
                    .hasMessageContaining("inner sizes 1 and 100")
                    .hasMessageContaining(".T()")
                    .hasMessageContaining("(25×100)");
            assertThatThrownBy(() -> Matrix.zeros(3, 4).dot(Matrix.zeros(3, 5)))
                    .hasMessageContaining("(3×4)").hasMessageContaining("(3×5)")
                    .hasMessageContaining("inner sizes 4 and 3").hasMessageContaining(".T()");
            assertThatThrownBy(() -> Matrix.zeros(2, 3).dot(Matrix.zeros(4, 5)))
                    .hasMessageContaining("(2×3)").hasMessageContaining("(4×5)")
                    .hasMessageNotContaining(".T()");
        }

        @Test
        void dotTAndTDotNameBothShapes() {
            assertThatThrownBy(() -> Matrix.zeros(2, 3).dotT(Matrix.zeros(2, 4)))
                    .isInstanceOf(ShapeException.class)
                    .hasMessageStartingWith("dotT").hasMessageContaining("(2×3)").hasMessageContaining("(2×4)");
            assertThatThrownBy(() -> Matrix.zeros(2, 3).tDot(Matrix.zeros(3, 3)))
                    .isInstanceOf(ShapeException.class)
                    .hasMessageStartingWith("tDot").hasMessageContaining("(2×3)").hasMessageContaining("(3×3)");
        }

        @Test
        void whereAndWrapNameShapes() {
            assertThatThrownBy(() -> tall.where(v -> v > 0, other, tall))
                    .isInstanceOf(ShapeException.class)
                    .hasMessageStartingWith("where")
                    .hasMessageContaining("(25×1)").hasMessageContaining("(100×1)");
            assertThatThrownBy(() -> Matrix.zeros(3, 1).where(v -> v > 0, Matrix.zeros(1, 4), Matrix.zeros(3, 1)))
                    .isInstanceOf(ShapeException.class)
                    .hasMessageContaining("(1×4)").hasMessageContaining("(3×1)");
            assertThatThrownBy(() -> Matrix.wrap(2, 3, new double[5]))
                    .isInstanceOf(ShapeException.class).hasMessageContaining("(2×3)");
        }
    }
}
