package scratchnet.nn;

/**
 * How parameters move given their gradients. An optimiser may keep state (velocities, moments)
 * between steps; {@code fit} makes a fresh one for every call.
 * <pre>{@code
 * model.fit(x, y, lr(0.01), adam(), epochs(20), batch(32));
 * }</pre>
 */
public interface Optimizer {
    /** Moves every layer's W and b in place, given dW[l] and db[l] for layer l (1-based), at rate lr. */
    void step(Dense[] layers, double[][] dW, double[][] db, double lr);

    /** A short name for summaries, for example "gd" or "adam(0.9, 0.999)". */
    String label();
}
