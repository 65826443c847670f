package scratchnet.nn;

/**
 * Hooks into {@code fit} as it trains, one concept per method, like Keras callbacks: a progress
 * bar, a live loss chart or an early stop can all be listeners.
 * <pre>{@code
 * model.fit(x, y, lr(0.3), callback(new TrainingListener() {
 *     public void onRecord(int step, double loss) { losses.add(loss); }
 * }));
 * }</pre>
 */
public interface TrainingListener {
    /** Before the first update. {@code unit} is "iter" (full-batch) or "epoch" (mini-batch). */
    default void onStart(int totalSteps, String unit) {
    }

    /** After each step (an iteration, or an epoch for mini-batch training), counted from 0. */
    default void onStep(int step) {
    }

    /** When a loss is recorded: at every {@code printEvery} steps, and at the last. */
    default void onRecord(int step, double loss) {
    }

    /** After the last update, or after an interrupt or divergence. */
    default void onEnd(History history) {
    }
}
