package scratchnet.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static scratchnet.Dsl.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

import org.junit.jupiter.api.Test;

import scratchnet.engine.Matrix;

/** The one training loop as its listeners see it: the order of the calls in both modes, and stopping. */
class TrainingLoopTest {
    private static final Matrix X = linspace(-1, 1, 10).reshape(1, 10);
    private static final Matrix Y = X.mul(2).sub(0.5);

    private static Network model() {
        seed(0);
        return net(1, 3, 1).tanh().linear().init(normal());
    }

    /** Writes every call as a line; stops training when {@code stopAt} says so for a hook and state. */
    private static final class Log implements TrainingListener {
        final List<String> calls = new ArrayList<>();
        final List<Double> recorded = new ArrayList<>();
        final BiPredicate<String, TrainingState> stopAt;
        History ended;

        Log(BiPredicate<String, TrainingState> stopAt) {
            this.stopAt = stopAt;
        }

        Log() {
            this((hook, s) -> false);
        }

        private void call(String hook, TrainingState s, String what) {
            calls.add(what);
            if (stopAt.test(hook, s)) {
                s.stop();
            }
        }

        @Override
        public void onStart(TrainingState s) {
            call("start", s, "start " + s.unit() + " steps " + s.totalSteps() + " updates " + s.totalUpdates());
        }

        @Override
        public void onUpdate(TrainingState s) {
            call("update", s, "update " + s.updates() + " in " + s.step());
        }

        @Override
        public void onRecord(TrainingState s, double loss) {
            recorded.add(loss);
            call("record", s, "record " + s.step());
        }

        @Override
        public void onStep(TrainingState s) {
            call("step", s, "step " + s.step());
        }

        @Override
        public void onEnd(History h) {
            calls.add("end " + h.updates());
            ended = h;
        }
    }

    private static double[] recorded(Log log) {
        return log.recorded.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void fullBatchCallsEachHookOncePerIterationInOrder() {
        Log log = new Log();
        History h = model().fit(X, Y, lr(0.1), iters(5), printEvery(2), quiet(), callback(log));

        assertThat(log.calls).containsExactly(
                "start iter steps 5 updates 5",
                "update 1 in 0", "record 0", "step 0",
                "update 2 in 1", "step 1",
                "update 3 in 2", "record 2", "step 2",
                "update 4 in 3", "step 3",
                "update 5 in 4", "record 4", "step 4",
                "end 5");
        assertThat(h.unit()).isEqualTo("iter");
        assertThat(h.steps()).containsExactly(0, 2, 4);
        assertThat(h.losses()).containsExactly(recorded(log));
        assertThat(h.updates()).isEqualTo(5);
        assertThat(h.stopped()).isFalse();
        assertThat(log.ended).isSameAs(h);
    }

    @Test
    void miniBatchCallsOnUpdatePerBatchAndTheRestPerEpoch() {
        Log log = new Log();
        seed(1);
        // 10 samples in batches of 4: 3 updates per epoch (4, 4, 2 samples)
        History h = model().fit(X, Y, lr(0.1), batch(4), epochs(2), quiet(), callback(log));

        assertThat(log.calls).containsExactly(
                "start epoch steps 2 updates 6",
                "update 1 in 1", "update 2 in 1", "update 3 in 1", "record 1", "step 1",
                "update 4 in 2", "update 5 in 2", "update 6 in 2", "record 2", "step 2",
                "end 6");
        assertThat(h.unit()).isEqualTo("epoch");
        assertThat(h.steps()).containsExactly(1, 2);
        assertThat(h.losses()).containsExactly(recorded(log));
        assertThat(h.updates()).isEqualTo(6);
    }

    @Test
    void miniBatchWithItersCutsTheLastEpochShort() {
        Log log = new Log();
        seed(1);
        History h = model().fit(X, Y, lr(0.1), batch(4), iters(4), quiet(), callback(log));
        assertThat(log.calls).containsExactly(
                "start epoch steps 2 updates 4",
                "update 1 in 1", "update 2 in 1", "update 3 in 1", "record 1", "step 1",
                "update 4 in 2", "record 2", "step 2",
                "end 4");
        assertThat(h.updates()).isEqualTo(4);
    }

    @Test
    void aListenerStopsFullBatchTrainingAfterTheCurrentStep() {
        Log log = new Log((hook, s) -> hook.equals("record") && s.step() == 2);
        Network stopped = model();
        History h = stopped.fit(X, Y, lr(0.1), iters(1000), printEvery(1), quiet(), callback(log));

        assertThat(log.calls).endsWith("update 3 in 2", "record 2", "step 2", "end 3");
        assertThat(h.updates()).isEqualTo(3);
        assertThat(h.steps()).containsExactly(0, 1, 2);
        assertThat(h.stopped()).isTrue();
        assertThat(h.interrupted()).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        // the model keeps the weights of its last update: the same as a run of 3 iterations
        Network three = model();
        three.fit(X, Y, lr(0.1), iters(3), quiet());
        for (String p : three.paramNames()) {
            assertThat(stopped.param(p)).as(p).isEqualTo(three.param(p));
        }
        assertThat(h.finalLoss()).isEqualTo(three.loss(X, Y));
    }

    @Test
    void aListenerStopsMiniBatchTrainingInTheMiddleOfAnEpoch() {
        Log log = new Log((hook, s) -> hook.equals("update") && s.updates() == 4);
        seed(1);
        History h = model().fit(X, Y, lr(0.1), batch(4), epochs(50), quiet(), callback(log));

        // the epoch in progress still records the mean loss of its one batch and ends its step
        assertThat(log.calls).endsWith("update 4 in 2", "record 2", "step 2", "end 4");
        assertThat(h.updates()).isEqualTo(4);
        assertThat(h.steps()).containsExactly(1, 2);
        assertThat(h.stopped()).isTrue();
    }

    @Test
    void aStopInOnStartMakesNoUpdate() {
        Log log = new Log((hook, s) -> hook.equals("start"));
        Network n = model();
        Matrix w1 = n.param("w1");
        History h = n.fit(X, Y, lr(0.1), iters(10), quiet(), callback(log));
        assertThat(log.calls).containsExactly("start iter steps 10 updates 10", "end 0");
        assertThat(h.updates()).isZero();
        assertThat(h.size()).isZero();
        assertThat(n.param("w1")).isEqualTo(w1);
    }

    @Test
    void aDivergingRunStillEndsItsListenersAndNeverRecordsTheNaN() {
        Log log = new Log();
        TrainingDivergedException e = catchThrowableOfType(
                () -> model().fit(X, Y, lr(1e8), iters(1000), printEvery(1), quiet(), callback(log)),
                TrainingDivergedException.class);
        assertThat(e).as("lr(1e8) diverges").isNotNull();
        assertThat(log.calls.get(log.calls.size() - 1)).startsWith("end ");
        assertThat(log.ended).isSameAs(e.history());
        for (int s : e.history().steps()) {
            assertThat(s).isLessThanOrEqualTo(e.step());
        }
        for (double l : e.history().losses()) {
            assertThat(Double.isFinite(l)).isTrue();
        }
        assertThat(recorded(log)).containsExactly(e.history().losses());
        assertThat(e.getMessage()).contains("iteration " + e.step()).contains("lr(1.0E7)");
    }

    @Test
    void anInterruptBeforeTheFirstUpdateStopsAtOnceAndIsSetAgain() {
        PrintStream original = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Network n = model();
        Matrix w1 = n.param("w1");
        History h;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            Thread.currentThread().interrupt();
            h = n.fit(X, Y, lr(0.1), iters(10));
        } finally {
            System.setOut(original);
        }
        assertThat(Thread.interrupted()).as("interrupt flag set again (and cleared here)").isTrue();
        assertThat(h.interrupted()).isTrue();
        assertThat(h.stopped()).isTrue();
        assertThat(h.updates()).isZero();
        assertThat(n.param("w1")).isEqualTo(w1);
        assertThat(buf.toString(StandardCharsets.UTF_8))
                .isEqualTo("interrupted at iteration 0 after 0 updates; the model keeps the weights of its last update"
                        + System.lineSeparator());
    }
}
