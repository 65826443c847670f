package scratchnet.nn;

/**
 * Stops training with a {@link TrainingDivergedException} as soon as it has diverged: when the
 * output layer's bias is no longer finite after an update (a NaN or infinite gradient reaches it
 * at once, whatever the optimiser), or when a recorded loss is NaN or infinite. The message names
 * the step and suggests a learning rate ten times smaller.
 * <pre>{@code
 * model.fit(x, y, lr(1e6));   // TrainingDivergedException: ... at iteration 3 with lr 1000000.0 ...
 * }</pre>
 * {@code fit} lists it first, so a non-finite loss is neither printed nor kept in the history.
 */
final class DivergenceCheck implements TrainingListener {
    private final double[] outputBias;

    /** Watches the bias of the last of {@code layers}. */
    DivergenceCheck(Dense[] layers) {
        this.outputBias = layers[layers.length - 1].b;
    }

    @Override
    public void onUpdate(TrainingState s) {
        // a sum is finite only when every term is
        double sum = 0.0;
        for (double v : outputBias) {
            sum += v;
        }
        if (!Double.isFinite(sum)) {
            throw diverged(s, "the weights became " + (Double.isNaN(sum) ? "NaN" : "infinite"));
        }
    }

    @Override
    public void onRecord(TrainingState s, double loss) {
        if (!Double.isFinite(loss)) {
            throw diverged(s, "the loss became " + (Double.isNaN(loss) ? "NaN" : "infinite"));
        }
    }

    private static TrainingDivergedException diverged(TrainingState s, String what) {
        double lr = s.lr();
        String msg = "fit: " + what + " at " + s.stepWord() + " " + s.step() + " with lr " + lr
                + " — training diverged. Try a smaller learning rate, for example lr(" + lr / 10
                + "). The weights are no longer finite: re-initialise the model with .init(...) before training again.";
        return new TrainingDivergedException(msg, s.step(), s.history());
    }
}
