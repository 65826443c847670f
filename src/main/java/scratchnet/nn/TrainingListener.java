package scratchnet.nn;

/**
 * Hooks into {@code fit} as it trains, like Keras callbacks: a progress bar, a live loss chart or
 * an early stop can all be listeners. Printing the loss, the divergence check and the interrupt
 * check are listeners too. Every hook gets the same {@link TrainingState}; a listener stops
 * training with {@link TrainingState#stop()}.
 * <p>
 * Order of calls in one fit: {@code onStart}; then per step (an iteration, or an epoch) one
 * {@code onUpdate} after each of its updates, {@code onRecord} when its loss is recorded (every
 * {@code printEvery} steps), then {@code onStep}; finally {@code onEnd}, also when training stops
 * early or throws.
 * <pre>{@code
 * model.fit(x, y, lr(0.3), callback(new TrainingListener() {
 *     public void onRecord(TrainingState s, double loss) { losses.add(loss); }
 * }));
 * }</pre>
 */
public interface TrainingListener {
    /** Before the first update; {@code s.unit()} is "iter" (full-batch) or "epoch" (mini-batch). */
    default void onStart(TrainingState s) {
    }

    /** After every update (one batch); {@code s.lr()} is the rate it used. */
    default void onUpdate(TrainingState s) {
    }

    /** When the loss of step {@code s.step()} is recorded, before the history keeps it. */
    default void onRecord(TrainingState s, double loss) {
    }

    /** After every step (an iteration, or an epoch), once its loss is recorded. */
    default void onStep(TrainingState s) {
    }

    /** After the last update, or after a stop, an interrupt or an exception. */
    default void onEnd(History history) {
    }
}
