package scratchnet.data;

import java.util.Arrays;
import java.util.Objects;

import scratchnet.engine.GlobalRandom;
import scratchnet.engine.Matrix;
import scratchnet.engine.ShapeException;

/**
 * Random train/test splits of data in the features × samples layout, shuffled by the global RNG
 * so that {@code seed(s)} before a split repeats it.
 * <pre>{@code
 * seed(0);
 * Dataset d = Datasets.logistic();                    // x (4×1000), y (1×1000)
 * TrainTest p = Split.split(d.x(), d.y(), 0.2);       // xTrain (4×800), xTest (4×200)
 * }</pre>
 * The test part has {@code ceil(testFraction·m)} samples (as scikit-learn's {@code train_test_split}
 * counts them) and the training part the rest; both must be non-empty.
 */
public final class Split {
    private Split() {
    }

    /**
     * Shuffles the sample columns with one {@code permutation(m)} from the global RNG and cuts them
     * into a test part (the first {@code ceil(testFraction·m)} of the permutation) and a training
     * part (the rest), each keeping the permuted order. Columns of x and y stay paired.
     *
     * @param x inputs, (features×m)
     * @param y targets, (outputs×m) or a (1×m) label row
     * @param testFraction the share of samples for the test part, strictly between 0 and 1, e.g. {@code 0.2}
     * @return the four parts
     * @throws IllegalArgumentException when the fraction is outside (0, 1), when x and y have
     *         different numbers of samples, or when one of the parts would be empty
     */
    public static TrainTest split(Matrix x, Matrix y, double testFraction) {
        Objects.requireNonNull(x, "split: expected an x matrix (features×m), got null");
        Objects.requireNonNull(y, "split: expected a y matrix (outputs×m), got null");
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("split: expected a test fraction strictly between 0 and 1 (e.g. 0.2),"
                    + " got " + testFraction);
        }
        int m = x.cols();
        if (y.cols() != m) {
            throw new ShapeException("split: expected x and y with the same number of samples (columns), got x "
                    + ShapeException.shape(x.rows(), x.cols()) + " with " + m + " and y "
                    + ShapeException.shape(y.rows(), y.cols()) + " with " + y.cols()
                    + (y.rows() == m ? "; did you mean y.T()?" : x.rows() == y.cols() ? "; did you mean x.T()?" : ""));
        }
        int nTest = testCount(m, testFraction);
        if (nTest < 1 || nTest > m - 1) {
            throw new IllegalArgumentException("split: expected a test fraction that leaves at least one sample in"
                    + " each part, but " + testFraction + " of " + m + " samples gives " + nTest + " test and "
                    + (m - nTest) + " training samples");
        }
        int[] perm = GlobalRandom.get().permutation(m);
        int[] test = Arrays.copyOfRange(perm, 0, nTest);
        int[] train = Arrays.copyOfRange(perm, nTest, m);
        return new TrainTest(x.columns(train), y.columns(train), x.columns(test), y.columns(test));
    }

    /** ceil(f·m), ignoring the rounding error of f·m itself (0.7·10 is 7.000000000000001, which means 7). */
    static int testCount(int m, double fraction) {
        double exact = fraction * m;
        double nearest = Math.rint(exact);
        if (Math.abs(exact - nearest) <= 1e-9 * Math.max(1, m)) {
            return (int) nearest;
        }
        return (int) Math.ceil(exact);
    }
}
