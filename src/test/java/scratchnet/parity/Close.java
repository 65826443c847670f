package scratchnet.parity;

import scratchnet.engine.Matrix;

/**
 * Element-wise comparisons whose failures name the quantity, the index, the expected and the
 * actual value. Relative error is {@code |actual − expected| / |expected|}; an expected 0 needs
 * an actual 0 (within the tolerance, absolute), and NaN never passes.
 */
public final class Close {
    private Close() {
    }

    /** |actual − expected| / |expected|, or |actual| when expected is 0; NaN when either is NaN. */
    public static double relativeError(double expected, double actual) {
        if (expected == actual) {
            return 0.0;
        }
        double diff = Math.abs(actual - expected);
        return expected == 0.0 ? diff : diff / Math.abs(expected);
    }

    /** Every actual[i] within relative tolerance rtol of expected[i], and the same length. */
    public static void assertRelClose(String quantity, double[] expected, double[] actual, double rtol) {
        check(quantity, expected, actual, rtol, -1);
    }

    /** Same shape, and every element within relative tolerance rtol. */
    public static void assertRelClose(String quantity, Matrix expected, Matrix actual, double rtol) {
        checkShape(quantity, expected, actual);
        check(quantity, expected.flatten(), actual.flatten(), rtol, expected.cols());
    }

    /** Same shape and every element equal (==). */
    public static void assertExactlyEqual(String quantity, Matrix expected, Matrix actual) {
        checkShape(quantity, expected, actual);
        check(quantity, expected.flatten(), actual.flatten(), 0.0, expected.cols());
    }

    /** Same length and every element equal (==). */
    public static void assertExactlyEqual(String quantity, double[] expected, double[] actual) {
        check(quantity, expected, actual, 0.0, -1);
    }

    /**
     * Same shape and every element equal (==), except at most {@code maxDiffering} elements that may
     * each be up to {@code maxUlps} ulps away. For numpy's Gaussians, whose C {@code log} rounds
     * differently from Java's for a few draws (see {@code Rng}). Returns how many elements differ.
     */
    public static int assertEqualUpToUlps(String quantity, Matrix expected, Matrix actual, int maxUlps,
            int maxDiffering) {
        checkShape(quantity, expected, actual);
        double[] e = expected.flatten();
        double[] a = actual.flatten();
        int cols = expected.cols();
        int differing = 0;
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < e.length; i++) {
            if (e[i] == a[i]) {
                continue;
            }
            long ulps = ulpDistance(e[i], a[i]);
            if (ulps > maxUlps) {
                throw new AssertionError(quantity + index(i, cols) + ": expected " + e[i] + ", actual " + a[i]
                        + ", " + (ulps == Long.MAX_VALUE ? "not comparable" : ulps + " ulps apart") + " (at most "
                        + maxUlps + " allowed)");
            }
            differing++;
            where.append(where.length() == 0 ? "" : ", ").append(quantity).append(index(i, cols));
        }
        if (differing > maxDiffering) {
            throw new AssertionError(quantity + ": " + differing + " of " + e.length
                    + " values differ by an ulp or two, at most " + maxDiffering + " allowed: " + where);
        }
        return differing;
    }

    /** The number of doubles between a and b (0 when equal), Long.MAX_VALUE for NaN or opposite signs. */
    public static long ulpDistance(double a, double b) {
        if (a == b) {
            return 0;
        }
        if (Double.isNaN(a) || Double.isNaN(b) || Math.signum(a) != Math.signum(b)) {
            return Long.MAX_VALUE;
        }
        return Math.abs(Double.doubleToLongBits(a) - Double.doubleToLongBits(b));
    }

    private static void checkShape(String quantity, Matrix expected, Matrix actual) {
        if (expected.rows() != actual.rows() || expected.cols() != actual.cols()) {
            throw new AssertionError(quantity + ": expected shape (" + expected.rows() + "×" + expected.cols()
                    + "), actual (" + actual.rows() + "×" + actual.cols() + ")");
        }
    }

    /** cols > 0 reports (row, col) indices as well as the flat one. */
    private static void check(String quantity, double[] expected, double[] actual, double rtol, int cols) {
        if (expected.length != actual.length) {
            throw new AssertionError(quantity + ": expected " + expected.length + " values, actual "
                    + actual.length);
        }
        int first = -1;
        int bad = 0;
        int worst = -1;
        double worstErr = -1;
        for (int i = 0; i < expected.length; i++) {
            double err = relativeError(expected[i], actual[i]);
            boolean ok = rtol == 0.0 ? expected[i] == actual[i] : err <= rtol;
            if (!ok) {
                bad++;
                if (first < 0) {
                    first = i;
                }
                if (Double.isNaN(err) || err > worstErr) {
                    worstErr = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
                    worst = i;
                }
            }
        }
        if (first >= 0) {
            String bound = rtol == 0.0 ? "exact equality" : "relative tolerance " + rtol;
            throw new AssertionError(quantity + index(first, cols) + ": expected " + expected[first] + ", actual "
                    + actual[first] + ", relative error " + relativeError(expected[first], actual[first])
                    + " (needs " + bound + "); " + bad + " of " + expected.length
                    + " values differ, worst at " + quantity + index(worst, cols) + ": expected " + expected[worst]
                    + ", actual " + actual[worst] + ", relative error " + relativeError(expected[worst], actual[worst]));
        }
    }

    private static String index(int i, int cols) {
        return cols > 0 ? "[" + i / cols + "][" + i % cols + "]" : "[" + i + "]";
    }
}
