package scratchnet.nn;

import java.util.ArrayList;
import java.util.List;

import scratchnet.engine.Matrix;
import scratchnet.engine.ShapeException;

/**
 * The training loop behind {@link Network#fit}, one loop for both modes: full-batch training is
 * one batch of all m samples per step (the seed documents' gradient descent), mini-batch training
 * several batches per epoch. Printing, the divergence and interrupt checks and the live displays
 * are {@link TrainingListener}s beside the loop; {@link #run()} reads top to bottom.
 */
final class Trainer {
    private final Dense[] layers;
    private final FitConfig config;
    private final Loss loss;
    private final Matrix x;
    private final double[] ys;
    private final Batches batches;
    /** "iter" (full batch: a step is one update) or "epoch" (mini-batch: a step is one pass). */
    private final String unit;
    private final int steps;
    private final int totalUpdates;
    private final int recordEvery;

    Trainer(Network net, Matrix x, Matrix y, FitConfig config) {
        this.layers = net.readyLayers("fit");
        this.config = config;
        this.loss = config.loss != null ? config.loss : net.defaultLoss();
        net.checkInput("fit", x);
        int out = layers[layers.length - 1].out;
        Matrix targets = loss.targets(y, out);
        if (targets.cols() != x.cols()) {
            throw new ShapeException("fit: x has " + x.cols() + " samples (columns) but y has " + targets.cols()
                    + "; x is " + ShapeException.shape(x.rows(), x.cols()) + ", y is "
                    + ShapeException.shape(y.rows(), y.cols()) + " — each column is one sample");
        }
        this.x = x;
        this.ys = targets.flatten();
        this.batches = new Batches(x, SampleRows.values(x), ys, out, config.batch, config.inOrder);
        if (config.batched()) {
            // epochs(n), or enough epochs for iters(n) updates (the last one cut short), or 10
            int perEpoch = batches.count();
            this.unit = "epoch";
            this.steps = config.epochs > 0 ? config.epochs
                    : config.iters > 0 ? (config.iters + perEpoch - 1) / perEpoch : 10;
            this.totalUpdates = config.iters > 0 ? config.iters : updates(steps, perEpoch);
            this.recordEvery = config.printEvery > 0 ? config.printEvery : 1;
        } else {
            this.unit = "iter";
            this.steps = config.iters > 0 ? config.iters : config.epochs > 0 ? config.epochs : 1000;
            this.totalUpdates = steps;
            this.recordEvery = config.printEvery > 0 ? config.printEvery : 100;
        }
    }

    History run() {
        Optimizer optimizer = config.optimizer.get();
        Schedule schedule = config.schedule;
        // an array: iterating it allocates nothing, once per update
        TrainingListener[] listeners = listeners().toArray(new TrainingListener[0]);
        Workspace ws = new Workspace(layers, batches.size());
        History history = new History(unit);
        double lr = config.lr;
        TrainingState s = new TrainingState(unit, steps, totalUpdates, lr, history);
        long t0 = System.nanoTime();
        try {
            // the schedule plans over every update of the run
            if (schedule != null) {
                schedule.start(lr, totalUpdates);
            }
            for (TrainingListener l : listeners) {
                l.onStart(s);
            }
            for (int e = 0; e < steps && !s.stopRequested(); e++) {
                s.enterStep(config.batched() ? e + 1 : e);
                // 1. this step's batches: all m samples, a fresh shuffle, or the data in order
                batches.nextEpoch();
                // recorded every printEvery steps (and the last epoch of a mini-batch run)
                boolean recorded = e % recordEvery == 0 || (config.batched() && e == steps - 1);
                double lossSum = 0.0;
                int lossCount = 0;
                for (int b = 0; b < batches.count() && s.updates() < totalUpdates && !s.stopRequested(); b++) {
                    // 2. the batch: x() is (in×nb), y() is (out×nb)
                    int nb = batches.load(b);
                    // 3. forward pass
                    ws.forward(layers, batches.x(), nb);
                    // 4. the loss of this forward pass, before the update, when the step is recorded
                    if (recorded) {
                        lossSum += ws.loss(layers, batches.y(), loss, config.l2);
                        lossCount++;
                    }
                    // 5. backward pass: dW and db for every layer
                    ws.backward(layers, batches.y(), loss, config.l2);
                    // 6. update: W −= lr·dW, b −= lr·db (or the chosen optimiser's rule)
                    optimizer.step(layers, ws.dW, ws.db, lr);
                    s.updated(lr);
                    // 7. schedule: the rate after update j, counted from 0 over the whole run
                    if (schedule != null) {
                        lr = schedule.after(s.updates() - 1, lr);
                    }
                    // 8. after the update: the divergence and interrupt checks (any listener may stop here)
                    for (TrainingListener l : listeners) {
                        l.onUpdate(s);
                    }
                }
                // 9. record the step's loss: the mean batch loss (in full batch, the one forward pass)
                if (lossCount > 0) {
                    double value = lossSum / lossCount;
                    for (TrainingListener l : listeners) {
                        l.onRecord(s, value);
                    }
                    history.record(s.step(), value);
                }
                // 10. the step is done
                for (TrainingListener l : listeners) {
                    l.onStep(s);
                }
            }
        } catch (RuntimeException | Error ex) {
            // a diverged run (or a failing listener): the listeners still see the end
            history.finish(Double.NaN, s.interrupted(), s.stopRequested(), s.updates(), System.nanoTime() - t0);
            end(listeners, history, ex);
            throw ex;
        }
        history.finish(finalLoss(), s.interrupted(), s.stopRequested(), s.updates(), System.nanoTime() - t0);
        end(listeners, history, null);
        return history;
    }

    /**
     * The listeners of this fit, in the order they are called: the divergence check (first, so a
     * NaN is neither printed nor recorded), the environment's live displays (before the printer,
     * so a terminal progress bar can step aside for the loss line), the loss printer, the user's
     * callbacks, and the interrupt check (last, so the displays finish before it sets the
     * interrupt flag again). Quiet leaves out the displays and the printer.
     */
    private List<TrainingListener> listeners() {
        List<TrainingListener> ls = new ArrayList<>();
        ls.add(new DivergenceCheck(layers));
        if (!config.quiet) {
            ls.addAll(FitDisplays.create());
            ls.add(new LossPrinter(config.out));
        }
        ls.addAll(config.listeners);
        ls.add(new InterruptCheck(config.quiet ? null : config.out));
        return ls;
    }

    /** Tells every listener that training ended; a failure while ending joins the one in flight. */
    private static void end(TrainingListener[] listeners, History history, Throwable inFlight) {
        for (TrainingListener l : listeners) {
            try {
                l.onEnd(history);
            } catch (RuntimeException | Error ex) {
                if (inFlight == null) {
                    throw ex;
                }
                inFlight.addSuppressed(ex);
            }
        }
    }

    /**
     * The loss on the whole training set after the last update, worked out when first asked for (a
     * display asks at once; a quiet fit never asked skips a forward pass over every sample), from a
     * copy of the weights, so that training the model further changes nothing.
     */
    private java.util.function.DoubleSupplier finalLoss() {
        Dense[] trained = new Dense[layers.length];
        for (int l = 0; l < layers.length; l++) {
            trained[l] = layers[l].copy();
        }
        Matrix samples = x;
        double[] targets = ys;
        Loss lossFunction = loss;
        double l2 = config.l2;
        return () -> {
            Workspace all = new Workspace(trained, samples.cols());
            all.forward(trained, SampleRows.values(samples), samples.cols());
            return all.loss(trained, targets, lossFunction, l2);
        };
    }

    /** epochs × batches per epoch, which must fit an int. */
    private static int updates(int epochs, int perEpoch) {
        long n = (long) epochs * perEpoch;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("fit: epochs(" + epochs + ") with " + perEpoch
                    + " batches per epoch makes " + n + " updates; expected at most " + Integer.MAX_VALUE);
        }
        return (int) n;
    }
}
