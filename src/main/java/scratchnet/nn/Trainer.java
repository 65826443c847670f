package scratchnet.nn;

import java.util.ArrayList;
import java.util.List;

import scratchnet.engine.GlobalRandom;
import scratchnet.engine.Matrix;
import scratchnet.engine.ShapeException;

/**
 * The training loop behind {@link Network#fit}: full-batch gradient descent as the seed
 * documents write it, or shuffled mini-batches. Read it top to bottom: one comment per step.
 */
final class Trainer {
    private final Network net;
    private final Dense[] layers;
    private final FitConfig config;
    private final List<TrainingListener> listeners;
    private final Loss loss;
    private final Optimizer optimizer;
    private final int m;
    private final Matrix xMatrix;
    private final double[] xs;
    private final double[] ys;
    private double lr;

    Trainer(Network net, Matrix x, Matrix y, FitConfig config) {
        this.net = net;
        this.layers = net.readyLayers("fit");
        this.config = config;
        this.loss = config.loss != null ? config.loss : net.defaultLoss();
        net.checkInput("fit", x);
        Matrix targets = loss.targets(y, layers[layers.length - 1].out);
        if (targets.cols() != x.cols()) {
            throw new ShapeException("fit: x has " + x.cols() + " samples (columns) but y has " + targets.cols()
                    + "; x is " + ShapeException.shape(x.rows(), x.cols()) + ", y is "
                    + ShapeException.shape(y.rows(), y.cols()) + " — each column is one sample");
        }
        this.m = x.cols();
        this.xMatrix = x;
        this.xs = SampleRows.values(x);
        this.ys = targets.flatten();
        this.optimizer = config.optimizer.get();
        this.lr = config.lr;
        // listeners of this fit: the user's callbacks, then the environment's live displays unless quiet
        List<TrainingListener> ls = new ArrayList<>(config.listeners);
        if (!config.quiet) {
            ls.addAll(FitDisplays.create());
        }
        this.listeners = ls;
    }

    History run() {
        return config.batched() ? miniBatch() : fullBatch();
    }

    /** Every update sees all m samples, as in the seed documents. */
    private History fullBatch() {
        int total = config.iters > 0 ? config.iters : config.epochs > 0 ? config.epochs : 1000;
        int every = config.printEvery > 0 ? config.printEvery : 100;
        Workspace ws = new Workspace(layers, m);
        History history = new History("iter");
        start(total, "iter");
        long t0 = System.nanoTime();
        boolean interrupted = false;
        for (int j = 0; j < total; j++) {
            // 0. stop cleanly when the thread is interrupted (the notebook's stop button)
            if (Thread.interrupted()) {
                interrupted = stopped(j, "iteration");
                break;
            }
            // 1. forward pass over all samples
            ws.forward(layers, xs, m);
            // 2. record the loss of this forward pass, before the update (as the seeds print it)
            if (j % every == 0) {
                double value = checked(ws.loss(layers, ys, loss, config.l2), j, "iteration", history);
                record(history, j, value, "iter", total);
            }
            // 3. backward pass: dW and db for every layer
            ws.backward(layers, ys, loss, config.l2);
            // 4. a NaN or infinite gradient means training has diverged
            if (!finite(ws.db[layers.length])) {
                checked(ws.loss(layers, ys, loss, config.l2), j, "iteration", history);
                checked(Double.NaN, j, "iteration", history);
            }
            // 5. update: W −= lr·dW, b −= lr·db (or the chosen optimiser's rule)
            optimizer.step(layers, ws.dW, ws.db, lr);
            // 6. learning-rate schedule, applied after the update of iteration j
            lr = nextRate(j);
            stepDone(j);
        }
        return finish(history, interrupted, t0);
    }

    /** Each epoch shuffles the samples (from the global RNG) and updates once per batch. */
    private History miniBatch() {
        int size = Math.min(config.batch, m);
        int perEpoch = (m + size - 1) / size;
        int epochs = config.epochs > 0 ? config.epochs
                : config.iters > 0 ? (config.iters + perEpoch - 1) / perEpoch : 10;
        int maxUpdates = config.iters > 0 ? config.iters : epochs * perEpoch;
        int every = config.printEvery > 0 ? config.printEvery : 1;
        int in = layers[0].in;
        int out = layers[layers.length - 1].out;
        Workspace ws = new Workspace(layers, size);
        double[] xb = new double[in * size];
        double[] yb = new double[out * size];
        // shuffled batches are gathered from the samples as contiguous rows (a copy kept for the
        // next fit on the same x); batches in order are column slices of x itself
        double[] xRows = config.inOrder ? null : SampleRows.rows(xMatrix);
        double[] yRows = config.inOrder ? null : transpose(ys, out, m);
        History history = new History("epoch");
        start(epochs, "epoch");
        long t0 = System.nanoTime();
        boolean interrupted = false;
        int update = 0;
        for (int epoch = 1; epoch <= epochs && !interrupted && update < maxUpdates; epoch++) {
            // 1. a fresh order of the samples for this epoch (or none: batches in order)
            int[] order = config.inOrder ? null : GlobalRandom.get().permutation(m);
            double lossSum = 0.0;
            int batches = 0;
            for (int start = 0; start < m && update < maxUpdates; start += size) {
                if (Thread.interrupted()) {
                    interrupted = stopped(epoch, "epoch");
                    break;
                }
                // 2. gather the batch's columns
                int nb = Math.min(size, m - start);
                if (order == null) {
                    slice(xs, in, m, start, nb, xb);
                    slice(ys, out, m, start, nb, yb);
                } else {
                    gather(xRows, in, order, start, nb, xb);
                    gather(yRows, out, order, start, nb, yb);
                }
                // 3. forward pass, and the batch loss for the epoch's average
                ws.forward(layers, xb, nb);
                lossSum += checked(ws.loss(layers, yb, loss, config.l2), epoch, "epoch", history);
                batches++;
                // 4. backward pass and update
                ws.backward(layers, yb, loss, config.l2);
                optimizer.step(layers, ws.dW, ws.db, lr);
                // 5. schedule, counted in updates
                lr = nextRate(update);
                update++;
            }
            // 6. record the mean batch loss of the epoch
            if (batches > 0 && ((epoch - 1) % every == 0 || epoch == epochs)) {
                record(history, epoch, lossSum / batches, "epoch", epochs);
            }
            stepDone(epoch);
        }
        return finish(history, interrupted, t0);
    }

    // ------------------------------------------------------------------ steps shared by both loops

    private void start(int total, String unit) {
        if (config.schedule != null) {
            config.schedule.start(lr, total);
        }
        for (TrainingListener l : listeners) {
            l.onStart(total, unit);
        }
    }

    private double nextRate(int update) {
        return config.schedule == null ? lr : config.schedule.after(update, lr);
    }

    private void record(History history, int step, double value, String unit, int total) {
        history.record(step, value);
        if (!config.quiet) {
            int width = Math.max(4, Integer.toString(total).length());
            config.out.printf("%s %" + width + "d  loss %s%n", unit, step, LossFormat.g(value));
            config.out.flush();
        }
        for (TrainingListener l : listeners) {
            l.onRecord(step, value);
        }
    }

    private void stepDone(int step) {
        for (TrainingListener l : listeners) {
            l.onStep(step);
        }
    }

    private boolean stopped(int step, String unit) {
        if (!config.quiet) {
            config.out.println("interrupted at " + unit + " " + step
                    + "; the model keeps the weights of its last update");
            config.out.flush();
        }
        return true;
    }

    private History finish(History history, boolean interrupted, long t0) {
        long nanos = System.nanoTime() - t0;
        // the loss on the whole training set after the last update, worked out when first asked
        // for (a display asks at once; a quiet fit never asked skips a forward pass over every
        // sample), from a copy of the weights, so that training the model further changes nothing
        Dense[] trained = new Dense[layers.length];
        for (int l = 0; l < layers.length; l++) {
            trained[l] = layers[l].copy();
        }
        Matrix x = xMatrix;
        double[] targets = ys;
        int samples = m;
        Loss lossFunction = loss;
        double l2 = config.l2;
        history.finish(() -> {
            Workspace all = new Workspace(trained, samples);
            all.forward(trained, SampleRows.values(x), samples);
            return all.loss(trained, targets, lossFunction, l2);
        }, interrupted, nanos);
        for (TrainingListener l : listeners) {
            l.onEnd(history);
        }
        if (interrupted) {
            // keep the interrupt visible to the code that called fit
            Thread.currentThread().interrupt();
        }
        return history;
    }

    /** Returns value when finite; otherwise stops training with a message that says what to do. */
    private double checked(double value, int step, String unit, History history) {
        if (Double.isFinite(value)) {
            return value;
        }
        String what = Double.isNaN(value) ? "NaN" : "infinite";
        String msg = "fit: the loss became " + what + " at " + unit + " " + step + " with lr " + lr
                + " — training diverged. Try a smaller learning rate, for example lr(" + lr / 10
                + "). The weights are no longer finite: re-initialise the model with .init(...) before training again.";
        history.finish(value, false, 0);
        for (TrainingListener l : listeners) {
            l.onEnd(history);
        }
        throw new TrainingDivergedException(msg, step, history);
    }

    private static boolean finite(double[] v) {
        double s = 0.0;
        for (double d : v) {
            s += d;
        }
        return Double.isFinite(s);
    }

    /**
     * dst (rows×nb) = the samples order[start..start+nb), taken from srcRows (m×rows, one sample per
     * row). Eight samples at a time: each is read contiguously, and each row of dst receives eight
     * neighbouring values (one cache line) instead of one value per line.
     */
    private static void gather(double[] srcRows, int rows, int[] order, int start, int nb, double[] dst) {
        int k = 0;
        for (; k + 8 <= nb; k += 8) {
            int s0 = order[start + k] * rows;
            int s1 = order[start + k + 1] * rows;
            int s2 = order[start + k + 2] * rows;
            int s3 = order[start + k + 3] * rows;
            int s4 = order[start + k + 4] * rows;
            int s5 = order[start + k + 5] * rows;
            int s6 = order[start + k + 6] * rows;
            int s7 = order[start + k + 7] * rows;
            for (int i = 0; i < rows; i++) {
                int d = i * nb + k;
                dst[d] = srcRows[s0 + i];
                dst[d + 1] = srcRows[s1 + i];
                dst[d + 2] = srcRows[s2 + i];
                dst[d + 3] = srcRows[s3 + i];
                dst[d + 4] = srcRows[s4 + i];
                dst[d + 5] = srcRows[s5 + i];
                dst[d + 6] = srcRows[s6 + i];
                dst[d + 7] = srcRows[s7 + i];
            }
        }
        for (; k < nb; k++) {
            int s = order[start + k] * rows;
            for (int i = 0; i < rows; i++) {
                dst[i * nb + k] = srcRows[s + i];
            }
        }
    }

    /** dst (rows×nb) = columns [start, start+nb) of src (rows×m): one contiguous copy per row. */
    private static void slice(double[] src, int rows, int m, int start, int nb, double[] dst) {
        for (int i = 0; i < rows; i++) {
            System.arraycopy(src, i * m + start, dst, i * nb, nb);
        }
    }

    /** The (cols×rows) transpose of a row-major (rows×cols) array, in cache-sized tiles. */
    static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        final int tile = 64;
        for (int i0 = 0; i0 < rows; i0 += tile) {
            for (int j0 = 0; j0 < cols; j0 += tile) {
                for (int i = i0; i < Math.min(i0 + tile, rows); i++) {
                    for (int j = j0; j < Math.min(j0 + tile, cols); j++) {
                        t[j * rows + i] = a[i * cols + j];
                    }
                }
            }
        }
        return t;
    }
}
