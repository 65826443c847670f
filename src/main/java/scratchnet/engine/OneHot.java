package scratchnet.engine;

/**
 * One-hot columns for class labels, the one implementation behind {@code Dsl.oneHot},
 * {@code Tables.oneHot}, {@code Labels.oneHot} and the cross-entropy loss's class-label targets.
 * A (1×m) row of labels, whole numbers 0…k−1, becomes a (k×m) matrix with a 1 in row
 * {@code labels[j]} of column j and 0 elsewhere; {@code argmax(0)} gives the labels back.
 * <pre>{@code
 * OneHot.encode(Matrix.rowVector(0, 2, 1), 3);   // [[1,0,0],[0,0,1],[0,1,0]]
 * OneHot.encode(Matrix.rowVector(3), 3);
 * // IllegalArgumentException: oneHot: label 3 of sample 0 is not a class of k = 3 (expected whole numbers 0…2)
 * }</pre>
 */
public final class OneHot {
    private OneHot() {
    }

    /** {@link #encode(String, Matrix, int)} with errors that start with "oneHot:". */
    public static Matrix encode(Matrix labels, int classes) {
        return encode("oneHot", labels, classes);
    }

    /**
     * The (k×m) one-hot columns of a (1×m) row of labels 0…k−1; errors start with {@code op}.
     *
     * @throws IllegalArgumentException for null labels, fewer than 1 class, or a label that is not
     *     a whole number in 0…k−1 (the message names the sample, the label and k)
     * @throws ShapeException when the labels are not one row
     */
    public static Matrix encode(String op, Matrix labels, int classes) {
        checkLabels(op, labels, classes);
        int m = labels.cols();
        double[] d = new double[classes * m];
        for (int j = 0; j < m; j++) {
            // Y[label_j, j] = 1
            d[(int) labels.get(0, j) * m + j] = 1.0;
        }
        return Matrix.wrap(classes, m, d);
    }

    /**
     * Fails unless {@code labels} is a (1×m) row of whole numbers 0…k−1 for k = {@code classes}
     * (at least 1), naming the first bad sample, its label and k; errors start with {@code op}.
     */
    public static void checkLabels(String op, Matrix labels, int classes) {
        if (labels == null) {
            throw new IllegalArgumentException(op + ": expected a (1×m) row of class labels, got null");
        }
        if (classes < 1) {
            throw new IllegalArgumentException(op + ": expected at least 1 class, got k = " + classes);
        }
        if (labels.rows() != 1) {
            throw new ShapeException(op + ": expected a (1×m) row of class labels, got "
                    + ShapeException.shape(labels.rows(), labels.cols())
                    + (labels.cols() == 1 ? "; did you mean labels.T()?"
                            : "; for one-hot (k×m) targets use argmax(0) to get the labels back"));
        }
        for (int j = 0; j < labels.cols(); j++) {
            double c = labels.get(0, j);
            if (c != Math.rint(c) || c < 0 || c >= classes) {
                throw new IllegalArgumentException(op + ": label " + format(c) + " of sample " + j
                        + " is not a class of k = " + classes + " (expected whole numbers 0…" + (classes - 1) + ")");
            }
        }
    }

    /** 3 for 3.0, 0.5 for 0.5, NaN for NaN. */
    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
