package scratchnet.data;

import java.util.Objects;

import scratchnet.engine.ShapeException;
import scratchnet.engine.Matrix;

/**
 * Training and test parts of a data set, each in the features × samples layout, as
 * {@link Split#split(Matrix, Matrix, double)} makes them.
 * <pre>{@code
 * seed(0);
 * TrainTest p = Split.split(x, y, 0.25);          // x (4×1000) → xTrain (4×750), xTest (4×250)
 * model.fit(p.xTrain(), p.yTrain(), lr(0.1), iters(1000));
 * double acc = accuracy(model.classify(p.xTest()), p.yTest());
 * }</pre>
 *
 * @param xTrain training inputs, (features×mTrain)
 * @param yTrain training targets, (outputs×mTrain)
 * @param xTest test inputs, (features×mTest)
 * @param yTest test targets, (outputs×mTest)
 */
public record TrainTest(Matrix xTrain, Matrix yTrain, Matrix xTest, Matrix yTest) {

    /** Checks that all four parts are present and that inputs and targets pair up. */
    public TrainTest {
        Objects.requireNonNull(xTrain, "TrainTest: expected xTrain, got null");
        Objects.requireNonNull(yTrain, "TrainTest: expected yTrain, got null");
        Objects.requireNonNull(xTest, "TrainTest: expected xTest, got null");
        Objects.requireNonNull(yTest, "TrainTest: expected yTest, got null");
        if (xTrain.cols() != yTrain.cols() || xTest.cols() != yTest.cols()) {
            throw new ShapeException("TrainTest: expected x and y with the same number of samples in each part, got"
                    + " xTrain " + shape(xTrain) + ", yTrain " + shape(yTrain) + ", xTest " + shape(xTest)
                    + ", yTest " + shape(yTest));
        }
    }

    /** The number of training samples. */
    public int trainSamples() {
        return xTrain.cols();
    }

    /** The number of test samples. */
    public int testSamples() {
        return xTest.cols();
    }

    /** The training part as a {@link Dataset}. */
    public Dataset train() {
        return new Dataset(xTrain, yTrain, "train");
    }

    /** The test part as a {@link Dataset}. */
    public Dataset test() {
        return new Dataset(xTest, yTest, "test");
    }

    /** {@code TrainTest(train x (r×a) y (k×a), test x (r×b) y (k×b))}. */
    @Override
    public String toString() {
        return "TrainTest(train x " + shape(xTrain) + " y " + shape(yTrain) + ", test x " + shape(xTest) + " y "
                + shape(yTest) + ")";
    }

    private static String shape(Matrix m) {
        return ShapeException.shape(m.rows(), m.cols());
    }
}
