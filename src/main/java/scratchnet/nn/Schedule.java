package scratchnet.nn;

/**
 * How the learning rate changes during training. A schedule counts <b>updates</b> (one per batch),
 * in full-batch and mini-batch training alike: {@code fit} calls {@link #start} once with the
 * planned number of updates of the whole run, then {@link #after} after every update j (counted
 * from 0 over the whole run, not per epoch) to get the rate for the next one.
 * <pre>{@code
 * model.fit(x, y, lr(0.1), decay(500, 0.1));     // document 003: −10 % every 500 iterations
 * model.fit(x, y, lr(0.1), cosine(), epochs(5), batch(8));   // from lr down to 0 over all updates
 * }</pre>
 */
public interface Schedule {
    /** Called before the first update with the initial rate and the planned number of updates. */
    default void start(double lr, int totalUpdates) {
    }

    /** The rate to use after update j, given the rate used for it. */
    double after(int j, double lr);

    /** Document 003's step decay: after update j, when j &gt; 0 and j % every == 0, {@code lr −= lr·rate}. */
    static Schedule step(int every, double rate) {
        if (every <= 0 || !(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("decay: expected every > 0 and 0 <= rate < 1, got every=" + every
                    + ", rate=" + rate);
        }
        return new Schedule() {
            @Override
            public double after(int j, double lr) {
                return j > 0 && j % every == 0 ? lr - lr * rate : lr;
            }

            @Override
            public String toString() {
                return "decay(" + every + ", " + rate + ")";
            }
        };
    }

    /** Exponential decay: {@code lr ← lr·gamma} after every update, so update j uses lr0·gamma^j (gamma in (0, 1]). */
    static Schedule exponential(double gamma) {
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("expDecay: gamma must be in (0, 1], got " + gamma);
        }
        return new Schedule() {
            @Override
            public double after(int j, double lr) {
                return lr * gamma;
            }

            @Override
            public String toString() {
                return "expDecay(" + gamma + ")";
            }
        };
    }

    /**
     * Cosine annealing from the initial rate lr0 down to {@code floor} over the T planned updates:
     * update j (from 0) uses {@code floor + (lr0 − floor)·(1 + cos(π·j/T)) / 2}, so the last one uses
     * a rate just above the floor.
     */
    static Schedule cosine(double floor) {
        if (!(floor >= 0) || Double.isInfinite(floor)) {
            throw new IllegalArgumentException("cosine: expected a floor >= 0, got " + floor);
        }
        return new Schedule() {
            private double lr0;
            private int total;

            @Override
            public void start(double lr, int totalUpdates) {
                lr0 = lr;
                total = Math.max(1, totalUpdates);
            }

            @Override
            public double after(int j, double lr) {
                // lr = floor + (lr0 − floor)·(1 + cos(π·(j+1)/T)) / 2
                return floor + (lr0 - floor) * (1 + Math.cos(Math.PI * Math.min(j + 1, total) / total)) / 2;
            }

            @Override
            public String toString() {
                return "cosine(" + floor + ")";
            }
        };
    }
}
