package scratchnet.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static scratchnet.Dsl.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import scratchnet.engine.Matrix;

/**
 * Learning-rate schedules count updates over the whole run, in full-batch and mini-batch training:
 * the rate of every update is recorded by a listener and compared with the schedule's formula.
 */
class ScheduleOverUpdatesTest {

    /** 40 samples of y = 3x + 1 on [0, 1): 5 batches of 8 per epoch. */
    private static final Matrix X = linspace(0, 1, 40).reshape(1, 40);
    private static final Matrix Y = X.mul(3).add(1);

    /** The rate each update used, in order (onUpdate sees the rate of the update just made). */
    private static final class Rates implements TrainingListener {
        final List<Double> lr = new ArrayList<>();
        int totalUpdates = -1;

        @Override
        public void onStart(TrainingState s) {
            totalUpdates = s.totalUpdates();
        }

        @Override
        public void onUpdate(TrainingState s) {
            assertThat(s.updates()).as("updates counted from 1 after the first").isEqualTo(lr.size() + 1);
            lr.add(s.lr());
        }
    }

    private static Network line() {
        seed(0);
        return net(1, 1).linear().init(normal());
    }

    private static Rates fit(FitOption... options) {
        Rates r = new Rates();
        List<FitOption> all = new ArrayList<>(List.of(options));
        all.add(quiet());
        all.add(callback(r));
        seed(0);
        History h = line().fit(X, Y, all.toArray(FitOption[]::new));
        assertThat(r.lr).as("one rate per update").hasSize(h.updates());
        return r;
    }

    /** Cosine: update j of T uses floor + (lr0 − floor)·(1 + cos(π·j/T)) / 2. */
    private static void checkCosine(Rates r, int updates, double lr0, double floor) {
        assertThat(r.totalUpdates).as("the planned updates").isEqualTo(updates);
        assertThat(r.lr).hasSize(updates);
        for (int j = 0; j < updates; j++) {
            double want = floor + (lr0 - floor) * (1 + Math.cos(Math.PI * j / updates)) / 2;
            assertThat(r.lr.get(j)).as("rate of update %d of %d", j, updates).isCloseTo(want, within(1e-15));
            assertThat(r.lr.get(j)).as("rate of update %d is above the floor until the end", j).isGreaterThan(floor);
            if (j > 0) {
                assertThat(r.lr.get(j)).as("rate of update %d decreases", j).isLessThan(r.lr.get(j - 1));
            }
        }
        // the last update is close to the floor: (1 + cos(π·(T−1)/T))/2 of the way, under 1 % here
        assertThat(r.lr.get(updates - 1) - floor).isLessThan((lr0 - floor) * 0.01);
    }

    @Test
    void cosineWithMiniBatchesDecaysOverAllUpdatesNotOverEpochs() {
        // 5 epochs × 5 batches = 25 updates; counting epochs instead reached 0 at update 5
        checkCosine(fit(lr(0.1), cosine(), batch(8), epochs(5)), 25, 0.1, 0.0);
        checkCosine(fit(lr(0.1), cosine(0.01), batch(8), epochs(5), inOrder()), 25, 0.1, 0.01);
    }

    @Test
    void cosineWithItersAndMiniBatchesPlansTheGivenUpdates() {
        // iters(23) with 5 batches per epoch: 5 epochs, the last one cut after 3 batches
        checkCosine(fit(lr(0.1), cosine(), batch(8), iters(23)), 23, 0.1, 0.0);
    }

    @Test
    void cosineFullBatchDecaysOverTheIterations() {
        checkCosine(fit(lr(0.1), cosine(), iters(30)), 30, 0.1, 0.0);
    }

    /** Exponential decay: update j uses lr0·γ^j. */
    private static void checkExponential(Rates r, int updates, double lr0, double gamma) {
        assertThat(r.lr).hasSize(updates);
        for (int j = 0; j < updates; j++) {
            double want = lr0 * Math.pow(gamma, j);
            assertThat(r.lr.get(j)).as("rate of update %d", j).isCloseTo(want, within(want * 1e-13));
        }
    }

    @Test
    void expDecayWithMiniBatchesDecaysEveryUpdate() {
        Rates r = fit(lr(0.2), expDecay(0.9), batch(8), epochs(4));
        checkExponential(r, 20, 0.2, 0.9);
        // not once per epoch: after the first epoch the rate is already 0.2·0.9⁵
        assertThat(r.lr.get(5)).isCloseTo(0.2 * Math.pow(0.9, 5), within(1e-15));
    }

    @Test
    void expDecayFullBatchDecaysEveryIteration() {
        checkExponential(fit(lr(0.2), expDecay(0.95), iters(40)), 40, 0.2, 0.95);
    }

    @Test
    void aScheduleIsStartedWithThePlannedUpdatesAndAskedAfterEveryUpdateOfTheRun() {
        List<String> calls = new ArrayList<>();
        Schedule recording = new Schedule() {
            @Override
            public void start(double lr, int totalUpdates) {
                calls.add("start " + lr + " " + totalUpdates);
            }

            @Override
            public double after(int j, double lr) {
                calls.add("after " + j);
                return lr;
            }
        };
        fit(lr(0.5), new FitOptions.UseSchedule(recording), batch(16), epochs(3));   // 3 batches per epoch
        List<String> want = new ArrayList<>(List.of("start 0.5 9"));
        for (int j = 0; j < 9; j++) {
            want.add("after " + j);
        }
        assertThat(calls).containsExactlyElementsOf(want);
    }

    @Test
    void aMiniBatchCosineRunKeepsImprovingAfterTheFirstEpochs() {
        seed(0);
        History h = line().fit(X, Y, lr(0.3), cosine(), batch(8), epochs(30), quiet());
        double[] loss = h.losses();
        assertThat(h.steps()).hasSize(30);
        // with the rate counted in epochs, it reached 0 after 30 of the 150 updates (epoch 6) and
        // the loss stayed where it was; over all updates it keeps falling
        assertThat(loss[29]).as("last epoch vs epoch 6: %s", java.util.Arrays.toString(loss))
                .isLessThan(loss[5] * 0.2);
        assertThat(loss[29]).isLessThan(loss[1] * 0.05);

        // the same run with cosine planned over the 30 epochs instead of the 150 updates fails both
        Schedule cosine = Schedule.cosine(0.0);
        Schedule overEpochs = new Schedule() {
            @Override
            public void start(double lr, int totalUpdates) {
                cosine.start(lr, 30);
            }

            @Override
            public double after(int j, double lr) {
                return cosine.after(j, lr);
            }
        };
        seed(0);
        double[] stuck = line().fit(X, Y, lr(0.3), new FitOptions.UseSchedule(overEpochs), batch(8), epochs(30), quiet())
                .losses();
        assertThat(stuck[29]).as("stalled run: %s", java.util.Arrays.toString(stuck)).isGreaterThan(stuck[5] * 0.2);
        assertThat(stuck[29]).isGreaterThan(loss[29] * 10);
    }

    @Test
    void aMiniBatchExpDecayRunKeepsImprovingAfterTheFirstEpochs() {
        seed(0);
        // 150 updates: the rate ends at 0.3·0.99¹⁵⁰ ≈ 0.066, still learning
        double[] loss = line().fit(X, Y, lr(0.3), expDecay(0.99), batch(8), epochs(30), quiet()).losses();
        assertThat(loss[29]).as("last epoch vs epoch 6: %s", java.util.Arrays.toString(loss))
                .isLessThan(loss[5] * 0.5);
        assertThat(loss[29]).isLessThan(loss[1] * 0.1);
    }
}
