package scratchnet.nn;

/**
 * Thrown by {@code fit} when the loss stops being a finite number, which nearly always means the
 * learning rate is too large. The message names the step (iteration or epoch) and suggests a smaller rate; the
 * losses recorded until then are in {@link #history()}.
 * <pre>{@code
 * try { model.fit(x, y, lr(1e6)); }
 * catch (TrainingDivergedException e) { System.out.println(e.getMessage()); }
 * }</pre>
 */
public class TrainingDivergedException extends ArithmeticException {
    private static final long serialVersionUID = 1L;
    private final transient History history;
    private final int step;

    TrainingDivergedException(String message, int step, History history) {
        super(message);
        this.step = step;
        this.history = history;
    }

    /** The step at which training diverged: an iteration from 0, or an epoch from 1 (as {@link History#steps()}). */
    public int step() {
        return step;
    }

    /** The losses recorded before training diverged. */
    public History history() {
        return history;
    }
}
