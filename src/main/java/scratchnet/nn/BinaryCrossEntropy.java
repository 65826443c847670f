package scratchnet.nn;

import scratchnet.engine.Loops;
import scratchnet.engine.Matrix;

/**
 * Binary cross-entropy for 0/1 targets and a sigmoid output, as in documents 001 and 003:
 * {@code J = −Σ[y·log a + (1 − y)·log(1 − a)] / m}. Terms that come out NaN (0·log 0) count
 * as 0, like numpy's {@code nansum}. With a sigmoid output the gradient at z is {@code a − y}.
 * <pre>{@code
 * net(4, 1).sigmoid().fit(x, y, loss(binaryCrossEntropy()));
 * }</pre>
 */
public final class BinaryCrossEntropy implements Loss {
    @Override
    public String label() {
        return "binary_crossentropy";
    }

    @Override
    public double value(double[] a, double[] y, int rows, int m) {
        int n = rows * m;
        double[] terms = new double[n];
        for (int i = 0; i < n; i++) {
            // y·log(a) + (1 − y)·log(1 − a), with NaN counted as 0 (np.nansum)
            double t = y[i] * Math.log(a[i]) + (1 - y[i]) * Math.log(1 - a[i]);
            terms[i] = Double.isNaN(t) ? 0.0 : t;
        }
        return -Loops.sum(terms, 0, n) / m;
    }

    @Override
    public void gradient(double[] a, double[] y, double[] g, int rows, int m) {
        int n = rows * m;
        for (int i = 0; i < n; i++) {
            // m·∂J/∂a = (a − y) / (a·(1 − a))
            g[i] = (a[i] - y[i]) / (a[i] * (1 - a[i]));
        }
    }

    @Override
    public boolean pairsWith(Activation output) {
        return output == Activation.SIGMOID;
    }

    @Override
    public String toString() {
        return label();
    }

    /** Targets are probabilities of the positive class: 0/1 labels, or values between. */
    @Override
    public Matrix targets(Matrix y, int outputs) {
        Matrix checked = Loss.super.targets(y, outputs);
        for (int i = 0; i < y.rows(); i++) {
            for (int j = 0; j < y.cols(); j++) {
                double t = y.get(i, j);
                if (!(t >= 0 && t <= 1)) {
                    throw new IllegalArgumentException(label() + ": targets must lie in [0, 1] (0/1 labels), but sample "
                            + j + (y.rows() > 1 ? " row " + i : "") + " has " + t
                            + (t == Math.rint(t) && t > 1 ? "; for more than two classes use softmax() with crossEntropy()" : ""));
                }
            }
        }
        return checked;
    }
}
