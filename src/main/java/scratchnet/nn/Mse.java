package scratchnet.nn;

import scratchnet.engine.Loops;

/**
 * Mean squared error, as the seed documents use it for regression.
 *
 * <p>The value is {@code mean((a − y)²)} over all outputs and samples. The gradient is the seeds'
 * {@code dZ = a − y} (then /m in dW), which is the gradient of Σ(a − y)²/(2m): that halved sum is
 * what {@link #objective} returns and what {@code gradcheck} checks against.
 * <pre>{@code
 * net(1, 25, 1).sigmoid().linear().fit(x, y, loss(mse()));
 * }</pre>
 */
public final class Mse implements Loss {
    @Override
    public String label() {
        return "mse";
    }

    @Override
    public double value(double[] a, double[] y, int rows, int m) {
        int n = rows * m;
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) {
            double d = a[i] - y[i];
            sq[i] = d * d;
        }
        // np.mean(np.square(al - y))
        return Loops.sum(sq, 0, n) / n;
    }

    @Override
    public double objective(double[] a, double[] y, int rows, int m) {
        int n = rows * m;
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            double d = a[i] - y[i];
            s += d * d;
        }
        // J = Σ(a − y)² / (2m)
        return s / (2.0 * m);
    }

    @Override
    public void gradient(double[] a, double[] y, double[] g, int rows, int m) {
        int n = rows * m;
        for (int i = 0; i < n; i++) {
            // m·∂J/∂a = a − y
            g[i] = a[i] - y[i];
        }
    }

    @Override
    public boolean pairsWith(Activation output) {
        return output == Activation.LINEAR;
    }

    @Override
    public String toString() {
        return label();
    }
}
