package scratchnet.nn;

import java.util.function.Supplier;

/**
 * The {@link FitOption} types. Users make them with the DSL's factories ({@code lr(0.3)},
 * {@code iters(4000)}, …); each one checks its value when made, so a bad value fails at the call
 * that wrote it.
 * <pre>{@code
 * FitOption o = new FitOptions.LearningRate(0.3);   // what lr(0.3) returns
 * }</pre>
 */
public final class FitOptions {
    private FitOptions() {
    }

    /** {@code lr(r)}: the learning rate, a positive finite number. */
    public record LearningRate(double value) implements FitOption {
        public LearningRate {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("lr: expected a positive learning rate, got " + value);
            }
        }

        @Override
        public void applyTo(FitConfig c) {
            c.lr = value;
        }
    }

    /** {@code iters(n)}: the number of updates. */
    public record Iterations(int value) implements FitOption {
        public Iterations {
            positive("iters", value);
        }

        @Override
        public void applyTo(FitConfig c) {
            c.iters = value;
        }
    }

    /** {@code epochs(n)}: passes over the training data. */
    public record Epochs(int value) implements FitOption {
        public Epochs {
            positive("epochs", value);
        }

        @Override
        public void applyTo(FitConfig c) {
            c.epochs = value;
        }
    }

    /** {@code batch(n)}: samples per update, reshuffled every epoch; {@code sgd()} is batch 1. */
    public record BatchSize(int value) implements FitOption {
        public BatchSize {
            positive("batch", value);
        }

        @Override
        public void applyTo(FitConfig c) {
            c.batch = value;
        }
    }

    /** {@code inOrder()}: mini-batches taken in the data's order every epoch, without shuffling. */
    public record InOrder() implements FitOption {
        @Override
        public void applyTo(FitConfig c) {
            c.inOrder = true;
        }
    }

    /** {@code momentum(β)}, {@code adam()}: the optimiser, made fresh for every fit. */
    public record UseOptimizer(String label, Supplier<Optimizer> factory) implements FitOption {
        @Override
        public void applyTo(FitConfig c) {
            c.optimizer = factory;
        }
    }

    /** {@code l2(λ)}: adds λ·ΣW²/(2m) to the loss and λ·W/m to each dW. */
    public record L2(double lambda) implements FitOption {
        public L2 {
            if (!(lambda >= 0) || Double.isInfinite(lambda)) {
                throw new IllegalArgumentException("l2: expected λ >= 0, got " + lambda);
            }
        }

        @Override
        public void applyTo(FitConfig c) {
            c.l2 = lambda;
        }
    }

    /** {@code decay(every, rate)}, {@code expDecay(γ)}, {@code cosine()}: the learning-rate schedule. */
    public record UseSchedule(Schedule schedule) implements FitOption {
        @Override
        public void applyTo(FitConfig c) {
            c.schedule = schedule;
        }
    }

    /** {@code loss(mse())}: the loss, instead of the output activation's default. */
    public record UseLoss(Loss loss) implements FitOption {
        @Override
        public void applyTo(FitConfig c) {
            c.loss = loss;
        }
    }

    /** {@code printEvery(n)}: print and record the loss every n steps. */
    public record PrintEvery(int value) implements FitOption {
        public PrintEvery {
            positive("printEvery", value);
        }

        @Override
        public void applyTo(FitConfig c) {
            c.printEvery = value;
        }
    }

    /** {@code quiet()}: record losses but print nothing. */
    public record Quiet() implements FitOption {
        @Override
        public void applyTo(FitConfig c) {
            c.quiet = true;
        }
    }

    /** {@code callback(listener)}: a {@link TrainingListener} to call while training. */
    public record Callback(TrainingListener listener) implements FitOption {
        @Override
        public void applyTo(FitConfig c) {
            c.listeners.add(listener);
        }
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + ": expected a positive count, got " + value);
        }
    }
}
