package scratchnet.data;

import java.util.Objects;

import scratchnet.engine.Matrix;
import scratchnet.engine.ShapeException;

/**
 * A data set in scratchnet's layout, <b>features × samples</b>: {@code x} is (features×m) with one
 * column per sample, {@code y} is (outputs×m) targets or a (1×m) row of labels, and a one-line
 * description of where the data come from.
 * <pre>{@code
 * seed(0);
 * Dataset d = Datasets.sine();          // Dataset(sine 20·sin(2πx): x (1×100), y (1×100))
 * d.samples();                          // 100
 * d.features();                         // 1
 * var history = net(1, 25, 1).sigmoid().linear().init(uniform()).fit(d.x(), d.y(), lr(0.3), iters(4000));
 * TrainTest parts = d.split(0.2);       // 80 training and 20 test samples, shuffled by the global RNG
 * }</pre>
 *
 * @param x the inputs, (features×m)
 * @param y the targets, (outputs×m) or a (1×m) label row; same number of columns as x
 * @param description what the data are, for {@link #toString()}
 */
public record Dataset(Matrix x, Matrix y, String description) {

    /** Checks that x and y are present and have one column per sample each. */
    public Dataset {
        Objects.requireNonNull(x, "Dataset: expected an x matrix (features×m), got null");
        Objects.requireNonNull(y, "Dataset: expected a y matrix (outputs×m), got null");
        if (x.cols() != y.cols()) {
            throw new ShapeException("Dataset: expected x and y with the same number of samples (columns), got x "
                    + ShapeException.shape(x.rows(), x.cols()) + " and y " + ShapeException.shape(y.rows(), y.cols())
                    + (x.rows() == y.rows() ? "" : x.rows() == y.cols() || x.cols() == y.rows()
                            ? "; data in samples × features layout needs .T()" : ""));
        }
        description = description == null ? "" : description;
    }

    /** The number of samples m (columns of x). */
    public int samples() {
        return x.cols();
    }

    /** The number of features (rows of x). */
    public int features() {
        return x.rows();
    }

    /**
     * Splits the samples into shuffled training and test parts with the global RNG; see
     * {@link Split#split(Matrix, Matrix, double)}.
     *
     * @param testFraction the share of samples for the test part, in (0, 1), e.g. {@code 0.2}
     */
    public TrainTest split(double testFraction) {
        return Split.split(x, y, testFraction);
    }

    /** {@code Dataset(description: x (r×m), y (k×m))}. */
    @Override
    public String toString() {
        return "Dataset(" + (description.isEmpty() ? "" : description + ": ") + "x "
                + ShapeException.shape(x.rows(), x.cols()) + ", y " + ShapeException.shape(y.rows(), y.cols()) + ")";
    }
}
