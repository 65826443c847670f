package scratchnet.nn;

import java.util.Locale;

import scratchnet.engine.Matrix;

/**
 * Checks that training data holds only finite numbers, before {@code fit} starts, so that a NaN
 * in the data is reported as a NaN in the data (with where it is), not later as a diverged loss.
 * <pre>{@code
 * FiniteData.check("fit", "x", x);
 * // fit: x holds NaN at row 0, sample 17 (2 of its 400 values are NaN or infinite); ...
 * }</pre>
 */
final class FiniteData {
    private FiniteData() {
    }

    /** Throws when m has no samples, or holds a NaN or an infinity; the message names the first one. */
    static void check(String op, String name, Matrix m) {
        if (m.cols() == 0) {
            throw new IllegalArgumentException(op + ": " + name + " has no samples (it is " + m.rows() + "×0); "
                    + "each column is one sample");
        }
        double[] v = m.flatten();
        int first = -1;
        int count = 0;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                if (first < 0) {
                    first = i;
                }
                count++;
            }
        }
        if (first >= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: %s holds %s at row %d, sample %d (%d of its %d values are NaN or infinite); "
                            + "training needs finite numbers: drop or fill those samples first",
                    op, name, v[first], first / m.cols(), first % m.cols(), count, v.length));
        }
    }

    /** Throws unless the learning rate is a finite number. */
    static void checkRate(String op, double lr) {
        if (!Double.isFinite(lr)) {
            throw new IllegalArgumentException(op + ": expected a finite learning rate, got " + lr);
        }
    }
}
