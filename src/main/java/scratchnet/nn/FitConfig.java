package scratchnet.nn;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The settings of one {@code fit} call, built from its {@link FitOption}s over these defaults:
 * lr 0.01, gradient descent, full batch, 1000 iterations (10 epochs when batched), the output
 * activation's loss, loss printed every 100 iterations (every epoch when batched).
 */
public final class FitConfig {
    double lr = 0.01;
    int iters;
    int epochs;
    int batch;
    boolean inOrder;
    Supplier<Optimizer> optimizer = GradientDescent::new;
    double l2;
    Schedule schedule;
    Loss loss;
    int printEvery;
    boolean quiet;
    final List<TrainingListener> listeners = new ArrayList<>();
    PrintStream out = System.out;

    FitConfig() {
    }

    /** Builds a configuration from options, in order (a later option of the same kind wins). */
    public static FitConfig of(FitOption... options) {
        FitConfig c = new FitConfig();
        for (FitOption o : options) {
            if (o == null) {
                throw new IllegalArgumentException("fit: an option is null");
            }
            o.applyTo(c);
        }
        if (c.iters > 0 && c.epochs > 0) {
            throw new IllegalArgumentException("fit: got both iters(" + c.iters + ") and epochs(" + c.epochs
                    + "); give one: iters counts updates, epochs counts passes over the data");
        }
        return c;
    }

    /** True when training uses mini-batches (batch(n) or sgd()). */
    boolean batched() {
        return batch > 0;
    }

    /** The current learning rate. */
    public double lr() {
        return lr;
    }

    /** The L2 strength λ. */
    public double l2() {
        return l2;
    }
}
