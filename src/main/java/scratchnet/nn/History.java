package scratchnet.nn;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * What {@code fit} recorded: the loss at every {@code printEvery} steps, the number of updates
 * made, the loss after the last update, and how training ended. A step is what {@link #unit()}
 * says: an iteration ("iter", full-batch training: one update, numbered from 0) or an epoch
 * ("epoch", mini-batch training: one pass over the data, numbered from 1).
 * <pre>{@code
 * History h = model.fit(x, y, lr(0.3), iters(4000));
 * h.unit();          // "iter"
 * h.steps();         // [0, 100, 200, …, 3900]
 * h.losses();        // [260.18, 61.70, …] the loss of each of those steps
 * h.updates();       // 4000
 * h.finalLoss();     // the loss of the trained model
 * }</pre>
 * {@code lossCurve(h)} plots it and {@code table(h)} makes it a table (both in {@code scratchnet.Dsl}).
 */
public final class History {
    private final String unit;
    private int[] steps = new int[16];
    private double[] losses = new double[16];
    private int count;
    private double finalLoss = Double.NaN;
    private DoubleSupplier pendingFinalLoss;
    private boolean interrupted;
    private boolean stopped;
    private int updates;
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

    /** Training ended: the final loss, or a supplier that works it out when first asked for. */
    synchronized void finish(double finalLoss, boolean interrupted, boolean stopped, int updates, long nanos) {
        this.finalLoss = finalLoss;
        this.pendingFinalLoss = null;
        end(interrupted, stopped, updates, nanos);
    }

    /** As {@link #finish(double, boolean, boolean, int, long)}, with the final loss worked out on first request. */
    synchronized void finish(DoubleSupplier finalLoss, boolean interrupted, boolean stopped, int updates, long nanos) {
        this.pendingFinalLoss = finalLoss;
        end(interrupted, stopped, updates, nanos);
    }

    private void end(boolean interrupted, boolean stopped, int updates, long nanos) {
        this.interrupted = interrupted;
        this.stopped = stopped;
        this.updates = updates;
        this.nanos = nanos;
    }

    /** The recorded losses, in order (a copy). */
    public double[] losses() {
        return Arrays.copyOf(losses, count);
    }

    /** The step each recorded loss belongs to (a copy): iterations from 0, or epochs from 1; see {@link #unit()}. */
    public int[] steps() {
        return Arrays.copyOf(steps, count);
    }

    /** What a step is: "iter" for full-batch training, "epoch" for mini-batch. */
    public String unit() {
        return unit;
    }

    /** The number of updates made (optimiser steps, one per batch). */
    public synchronized int updates() {
        return updates;
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
    public synchronized boolean interrupted() {
        return interrupted;
    }

    /** True when a listener asked training to stop early ({@link TrainingState#stop()}); an interrupt does too. */
    public synchronized boolean stopped() {
        return stopped;
    }

    /** Wall-clock training time in milliseconds. */
    public synchronized double millis() {
        return nanos / 1e6;
    }

    /** Number of recorded losses. */
    public int size() {
        return count;
    }

    @Override
    public String toString() {
        return "History(" + count + " losses recorded per " + unit + ", first " + (count == 0 ? "-" : LossFormat.g(losses[0]))
                + ", last " + (count == 0 ? "-" : LossFormat.g(losses[count - 1])) + ", final " + LossFormat.g(finalLoss())
                + ", " + updates() + " updates" + (interrupted() ? ", interrupted" : stopped() ? ", stopped" : "") + ")";
    }
}
