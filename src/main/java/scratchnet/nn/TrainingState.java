package scratchnet.nn;

/**
 * Where one {@code fit} is, as its {@link TrainingListener}s see it, and the one thing a listener
 * may change: {@link #stop()}. The same object is passed to every call of one fit.
 * <p>
 * Words: an <b>update</b> is one optimiser step on one batch; a <b>step</b> is what the
 * {@link History} records by: an iteration in full-batch training (one update, numbered from 0)
 * or an epoch in mini-batch training (one pass over the data, numbered from 1).
 * <pre>{@code
 * // stop once the recorded loss is below 1.0
 * model.fit(x, y, lr(0.3), iters(4000), callback(new TrainingListener() {
 *     public void onRecord(TrainingState s, double loss) {
 *         if (loss < 1.0) s.stop();
 *     }
 * }));
 * }</pre>
 */
public final class TrainingState {
    private final String unit;
    private final int totalSteps;
    private final int totalUpdates;
    private final History history;
    private int step;
    private int updates;
    private double lr;
    private boolean stopRequested;
    private boolean interrupted;

    TrainingState(String unit, int totalSteps, int totalUpdates, double lr, History history) {
        this.unit = unit;
        this.totalSteps = totalSteps;
        this.totalUpdates = totalUpdates;
        this.lr = lr;
        this.history = history;
        this.step = "iter".equals(unit) ? 0 : 1;
    }

    /** "iter" for full-batch training, "epoch" for mini-batch. */
    public String unit() {
        return unit;
    }

    /** The planned number of steps: iterations, or epochs. */
    public int totalSteps() {
        return totalSteps;
    }

    /** The planned number of updates over the whole run (what a {@link Schedule} is started with). */
    public int totalUpdates() {
        return totalUpdates;
    }

    /** The current step, numbered as {@link History#steps()}: an iteration from 0, or an epoch from 1. */
    public int step() {
        return step;
    }

    /** The number of updates made so far (0 in {@code onStart}). */
    public int updates() {
        return updates;
    }

    /** The learning rate of the latest update (before the first: the initial rate). */
    public double lr() {
        return lr;
    }

    /**
     * Asks {@code fit} to stop: it finishes the current update, records and reports its step as
     * usual, then returns its {@link History} (which says {@link History#stopped()}). The model keeps
     * the weights of its last update.
     */
    public void stop() {
        stopRequested = true;
    }

    /** True once a listener has called {@link #stop()}. */
    public boolean stopRequested() {
        return stopRequested;
    }

    // ------------------------------------------------------------------ for the loop and its own listeners

    /** The history recorded so far. */
    History history() {
        return history;
    }

    /** Stops because the thread was interrupted; the history will say {@code interrupted()}. */
    void stopInterrupted() {
        interrupted = true;
        stop();
    }

    boolean interrupted() {
        return interrupted;
    }

    /** The loop enters step s. */
    void enterStep(int s) {
        step = s;
    }

    /** The loop made one update at rate lr. */
    void updated(double rate) {
        updates++;
        lr = rate;
    }

    /** "iteration" or "epoch", for messages. */
    String stepWord() {
        return "iter".equals(unit) ? "iteration" : unit;
    }
}
