package scratchnet.nn;

/**
 * Thrown by {@code fit} when the loss stops being a finite number, which nearly always means the
 * learning rate is too large. The message names the iteration and suggests a smaller rate; the
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

    /** The step (iteration, or epoch) at which the loss became NaN or infinite. */
    public int step() {
        return step;
    }

    /** The losses recorded before training diverged. */
    public History history() {
        return history;
    }
}
