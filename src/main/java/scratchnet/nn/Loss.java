package scratchnet.nn;

import scratchnet.engine.Matrix;

/**
 * What training minimises. A loss reports a value (the number {@code fit} prints) and
 * gives the gradient that backprop starts from, on (outputs×samples) buffers.
 *
 * <p>Gradients follow the seed documents' convention: {@link #gradient} writes m·∂J/∂a, the
 * per-sample sum, and the layers divide by m when they form dW and db (the seeds'
 * {@code dW = dZ·Aᵀ / m}).
 * <pre>{@code
 * model.fit(x, y, loss(mse()), lr(0.3));
 * }</pre>
 */
public interface Loss {
    /** The lower-case name used in summaries and saved models, for example "mse". */
    String label();

    /** The value fit prints and records, averaged over the m samples. */
    double value(double[] a, double[] y, int rows, int m);

    /** The function whose gradient {@link #gradient} returns; equal to {@link #value} unless documented. */
    default double objective(double[] a, double[] y, int rows, int m) {
        return value(a, y, rows, m);
    }

    /** Writes m·∂objective/∂a into g, for (rows×m) buffers. */
    void gradient(double[] a, double[] y, double[] g, int rows, int m);

    /**
     * True when, with this output activation, ∂(m·objective)/∂z is exactly {@code a − y}: the
     * pairs sigmoid + binary cross-entropy, softmax + cross-entropy and linear + mse.
     */
    default boolean pairsWith(Activation output) {
        return false;
    }

    /**
     * Checks the targets against the network's output size and returns them as (outputs×m),
     * for example turning class indices into one-hot columns. The message suggests {@code .T()}
     * when the targets arrive as samples × outputs.
     */
    default Matrix targets(Matrix y, int outputs) {
        if (y.rows() != outputs) {
            String hint = y.cols() == outputs ? "; did you mean y.T()? (scratchnet lays data out as outputs × samples)"
                    : "";
            throw new scratchnet.engine.ShapeException(label() + ": targets are "
                    + scratchnet.engine.ShapeException.shape(y.rows(), y.cols()) + " but the network has " + outputs
                    + " output" + (outputs == 1 ? "" : "s") + ", so y needs " + outputs + " row"
                    + (outputs == 1 ? "" : "s") + " (one column per sample)" + hint);
        }
        return y;
    }
}
