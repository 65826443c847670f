package scratchnet.nn;

import scratchnet.engine.Loops;
import scratchnet.engine.Matrix;
import scratchnet.engine.OneHot;
import scratchnet.engine.ShapeException;

/**
 * Softmax cross-entropy for k classes: {@code J = −Σ y·log a / m} over one-hot targets.
 * Targets may be one-hot (k×m) or class indices (1×m, values 0…k−1). With a softmax output the
 * gradient at z is {@code a − y}.
 * <pre>{@code
 * net(4, 16, 3).relu().softmax().fit(x, labels, lr(0.1));   // labels: 1×m class indices
 * }</pre>
 */
public final class CrossEntropy implements Loss {
    @Override
    public String label() {
        return "crossentropy";
    }

    @Override
    public double value(double[] a, double[] y, int rows, int m) {
        int n = rows * m;
        double[] terms = new double[n];
        for (int i = 0; i < n; i++) {
            // y·log(a), with 0·log 0 counted as 0
            terms[i] = y[i] == 0.0 ? 0.0 : y[i] * Math.log(a[i]);
        }
        return -Loops.sum(terms, 0, n) / m;
    }

    @Override
    public void gradient(double[] a, double[] y, double[] g, int rows, int m) {
        int n = rows * m;
        for (int i = 0; i < n; i++) {
            // m·∂J/∂a = −y / a
            g[i] = y[i] == 0.0 ? 0.0 : -y[i] / a[i];
        }
    }

    @Override
    public boolean pairsWith(Activation output) {
        return output == Activation.SOFTMAX;
    }

    /** Accepts one-hot (k×m) targets, or class indices (1×m) which it turns into one-hot columns. */
    @Override
    public Matrix targets(Matrix y, int outputs) {
        if (y.rows() == 1 && outputs > 1) {
            // class labels: one class per output
            return OneHot.encode(label() + " targets", y, outputs);
        }
        if (y.rows() != outputs && y.cols() == outputs) {
            throw new ShapeException(label() + ": targets are " + ShapeException.shape(y.rows(), y.cols())
                    + " but the network has " + outputs + " outputs; did you mean y.T()? (one column per sample)");
        }
        return Loss.super.targets(y, outputs);
    }

    @Override
    public String toString() {
        return label();
    }
}
