package scratchnet.nn;

import java.util.Arrays;

/**
 * What {@code fit} recorded: the loss at every {@code printEvery} step (iterations for full-batch
 * training, epochs for mini-batch), the loss after the last update, and how training ended.
 * <pre>{@code
 * History h = model.fit(x, y, lr(0.3), iters(4000));
 * h.losses();        // [260.18, 61.70, …] one per 100 iterations
 * h.iterations();    // [0, 100, 200, …]
 * h.finalLoss();     // the loss of the trained model
 * }</pre>
 */
public final class History {
    private final String unit;
    private int[] steps = new int[16];
    private double[] losses = new double[16];
    private int count;
    private double finalLoss = Double.NaN;
    private java.util.function.DoubleSupplier pendingFinalLoss;
    private boolean interrupted;
    private long nanos;

    History(String unit) {
        this.unit = unit;
    }

    void record(int step, double loss) {
        if (count == steps.length) {
            steps = Arrays.copyOf(steps, count * 2);
            losses = Arrays.copyOf(losses, count * 2);
        }
        steps[count] = step;
        losses[count] = loss;
        count++;
    }

    synchronized void finish(double finalLoss, boolean interrupted, long nanos) {
        this.finalLoss = finalLoss;
        this.pendingFinalLoss = null;
        this.interrupted = interrupted;
        this.nanos = nanos;
    }

    /** As {@link #finish(double, boolean, long)}, with the final loss worked out on first request. */
    void finish(java.util.function.DoubleSupplier finalLoss, boolean interrupted, long nanos) {
        synchronized (this) {
            this.pendingFinalLoss = finalLoss;
        }
        this.interrupted = interrupted;
        this.nanos = nanos;
    }

    /** The recorded losses, in order (a copy). */
    public double[] losses() {
        return Arrays.copyOf(losses, count);
    }

    /** The step each recorded loss belongs to: iteration numbers from 0, or epoch numbers from 1. */
    public int[] iterations() {
        return Arrays.copyOf(steps, count);
    }

    /** "iter" for full-batch training, "epoch" for mini-batch. */
    public String unit() {
        return unit;
    }

    /** The loss of the model after its last update (on the whole training set, with the L2 term). */
    public synchronized double finalLoss() {
        if (pendingFinalLoss != null) {
            finalLoss = pendingFinalLoss.getAsDouble();
            pendingFinalLoss = null;
        }
        return finalLoss;
    }

    /** The last recorded loss, or NaN if none was recorded. */
    public double lastLoss() {
        return count == 0 ? Double.NaN : losses[count - 1];
    }

    /** True when training stopped early because the thread was interrupted. */
    public boolean interrupted() {
        return interrupted;
    }

    /** Wall-clock training time in milliseconds. */
    public double millis() {
        return nanos / 1e6;
    }

    /** Number of recorded losses. */
    public int size() {
        return count;
    }

    /**
     * The recorded losses as a Tablesaw table named "history", one row per record: an int column
     * "iteration" (full-batch) or "epoch" (mini-batch), following {@link #unit()}, and a double
     * column "loss".
     * <pre>{@code
     * Table t = model.fit(x, y, lr(0.3), iters(4000), quiet()).toTable();   // 40 rows: iteration, loss
     * }</pre>
     */
    public tech.tablesaw.api.Table toTable() {
        String step = "epoch".equals(unit) ? "epoch" : "iteration";
        return tech.tablesaw.api.Table.create("history",
                tech.tablesaw.api.IntColumn.create(step, iterations()),
                tech.tablesaw.api.DoubleColumn.create("loss", losses()));
    }

    /**
     * The loss curve as a {@link scratchnet.plot.Figure} (see {@link scratchnet.plot.Plots#lossCurve}).
     * <pre>{@code
     * model.fit(x, y, lr(0.3), iters(4000)).plot().save("loss.png");
     * }</pre>
     */
    public scratchnet.plot.Figure plot() {
        return scratchnet.plot.Plots.lossCurve(this);
    }

    /** The loss curve, with the y axis on a log scale when {@code logY}. */
    public scratchnet.plot.Figure plot(boolean logY) {
        return scratchnet.plot.Plots.lossCurve(this, logY);
    }

    @Override
    public String toString() {
        return "History(" + count + " losses recorded per " + unit + ", first " + (count == 0 ? "-" : LossFormat.g(losses[0]))
                + ", last " + (count == 0 ? "-" : LossFormat.g(losses[count - 1])) + ", final " + LossFormat.g(finalLoss())
                + (interrupted ? ", interrupted" : "") + ")";
    }
}
