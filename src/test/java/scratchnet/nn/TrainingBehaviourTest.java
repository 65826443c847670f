package scratchnet.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static scratchnet.Dsl.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import scratchnet.engine.Matrix;
import scratchnet.engine.ShapeException;

/** How fit behaves around the numbers: divergence, interrupts, printing, batching, optimisers, errors, schedules. */
class TrainingBehaviourTest {

    // ------------------------------------------------------------------ set-ups from the seed documents

    /** Document 000's data and model: 20·sin(2πx) on arange(0, 1, 0.01), net(1, 25, 1) from seed(0) uniform. */
    private static final class Sine {
        final Matrix x;
        final Matrix y;
        final Network model;

        Sine() {
            seed(0);
            x = arange(0, 1, 0.01);
            y = x.mul(2 * Math.PI).map(Math::sin).mul(20);
            model = net(1, 25, 1).sigmoid().linear().init(uniform());
        }
    }

    /** Document 001's data and model: 1000 Gaussian samples of 4 features, w from randn, b = 0. */
    private static final class Logistic {
        final Matrix x;
        final Matrix y;
        final Network model;

        Logistic() {
            seed(0);
            x = randn(1000, 4).T();
            Matrix w = randn(1, 4);
            y = row(0.3, 0.6, -0.7, -1.3).dot(x).add(0.2).sigmoid().round();
            model = net(4, 1).sigmoid();
            model.param("w1", w);
            model.param("b1", zeros(1, 1));
        }
    }

    /** Document 003's data and model: a circle in 2-D, net(2, 3, 4, 5, 1) relu…sigmoid, seed(0) normal. */
    private static final class Deep {
        final Matrix x;
        final Matrix y;
        final Network model;

        Deep() {
            seed(0);
            x = randn(2, 400);
            y = x.mul(x).sum(0).gt(2);
            model = net(2, 3, 4, 5, 1).relu().relu().relu().sigmoid().init(normal());
        }
    }

    private static void assertAllFinite(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            assertThat(Double.isFinite(values[i])).as("%s[%d] = %s is finite", what, i, values[i]).isTrue();
        }
    }

    // ------------------------------------------------------------------ divergence

    @Test
    void divergingFitThrowsNamingTheIterationAndAdvisingASmallerRate() {
        Sine s = new Sine();
        double initialLoss = s.model.loss(s.x, s.y);
        int iters = 1000;

        TrainingDivergedException e = catchThrowableOfType(
                () -> s.model.fit(s.x, s.y, lr(1e6), iters(iters), quiet()), TrainingDivergedException.class);

        assertThat(e).as("fit with lr(1e6) must throw TrainingDivergedException").isNotNull();
        assertThat(e.step()).isBetween(0, iters - 1);
        assertThat(e.getMessage())
                .containsPattern("iteration " + e.step() + "\\b")
                .contains("smaller learning rate");
        History h = e.history();
        assertThat(h).isNotNull();
        assertThat(h.size()).as("losses recorded before diverging").isPositive();
        assertThat(Arrays.stream(h.steps()).max().getAsInt()).as("last recorded iteration")
                .isLessThanOrEqualTo(e.step());
        assertAllFinite("losses recorded before diverging", h.losses());
        assertThat(h.losses()[0]).as("the loss of iteration 0 is the loss before training")
                .isCloseTo(initialLoss, org.assertj.core.data.Percentage.withPercentage(1e-10));
        assertThat(Double.isFinite(h.finalLoss())).as("final loss of a diverged run").isFalse();
    }

    // ------------------------------------------------------------------ interrupt

    @Test
    void interruptStopsALongFitWithTheTrainedWeights() throws Exception {
        Sine s = new Sine();
        double initialLoss = s.model.loss(s.x, s.y);
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<History> result = new AtomicReference<>();
        AtomicReference<Boolean> flagAfterFit = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        TrainingListener startSignal = new TrainingListener() {
            @Override
            public void onStep(TrainingState st) {
                started.countDown();
            }
        };
        Thread worker = new Thread(() -> {
            try {
                History h = s.model.fit(s.x, s.y, lr(0.3), iters(50_000_000), quiet(), callback(startSignal));
                flagAfterFit.set(Thread.currentThread().isInterrupted());
                result.set(h);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "fit-under-test");
        worker.setDaemon(true);
        worker.start();
        try {
            assertThat(started.await(10, TimeUnit.SECONDS)).as("training started").isTrue();
            Thread.sleep(300);
            long t0 = System.nanoTime();
            worker.interrupt();
            worker.join(2000);
            long waitedMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(worker.isAlive()).as("fit still running 2 s after the interrupt").isFalse();
            assertThat(waitedMs).isLessThan(2000);
        } finally {
            if (worker.isAlive()) {
                worker.interrupt();
            }
        }
        assertThat(failure.get()).as("fit threw").isNull();
        History h = result.get();
        assertThat(h).isNotNull();
        assertThat(h.interrupted()).isTrue();
        assertThat(flagAfterFit.get()).as("interrupt flag set again after fit returns").isTrue();
        assertThat(h.finalLoss()).isLessThan(initialLoss);
        Matrix prediction = s.model.predict(s.x);
        assertAllFinite("prediction after the interrupt", prediction.flatten());
        double lossNow = s.model.loss(s.x, s.y);
        assertThat(lossNow).isLessThan(initialLoss);
        assertThat(lossNow).isEqualTo(h.finalLoss());
    }

    // ------------------------------------------------------------------ batches in order, final loss

    @Test
    void batchesInOrderAreConsecutiveColumnSlicesAndLeaveTheRandomStateAlone() {
        seed(3);
        Matrix x = randn(2, 6);
        Matrix y = x.sum(0).gt(0);
        Network a = net(2, 3, 1).tanh().sigmoid().init(normal());
        Network b = net(2, 3, 1).tanh().sigmoid();
        for (int l = 1; l <= 2; l++) {
            b.param("w" + l, a.param("w" + l));
            b.param("b" + l, a.param("b" + l));
        }
        seed(99);
        double next = randn(1, 1).get(0, 0);
        seed(99);
        a.fit(x, y, batch(4), inOrder(), epochs(1), lr(0.5), quiet());
        // inOrder drew nothing from the global RNG
        assertThat(randn(1, 1).get(0, 0)).isEqualTo(next);
        // the same epoch by hand: columns 0..3, then 4..5, one full-batch update each
        b.fit(x.columns(0, 1, 2, 3), y.columns(0, 1, 2, 3), iters(1), lr(0.5), quiet());
        b.fit(x.columns(4, 5), y.columns(4, 5), iters(1), lr(0.5), quiet());
        for (String p : new String[] {"w1", "b1", "w2", "b2"}) {
            double[] got = a.param(p).flatten();
            double[] want = b.param(p).flatten();
            for (int i = 0; i < want.length; i++) {
                assertThat(got[i]).as("%s[%d]", p, i).isCloseTo(want[i], org.assertj.core.data.Offset.offset(1e-14));
            }
        }
    }

    @Test
    void finalLossIsTheLossRightAfterTheFitEvenWhenAskedAfterMoreTraining() {
        seed(5);
        Matrix x = randn(2, 50);
        Matrix y = x.sum(0).gt(0);
        Network model = net(2, 4, 1).relu().sigmoid().init(he());
        History first = model.fit(x, y, batch(10), epochs(2), lr(0.3), quiet());
        double right = model.loss(x, y);
        model.fit(x, y, batch(10), epochs(5), lr(0.3), quiet());
        assertThat(model.loss(x, y)).isNotEqualTo(right);
        // worked out lazily, but from the weights the first fit ended with
        assertThat(first.finalLoss()).isEqualTo(right);
    }

    // ------------------------------------------------------------------ printing

    private static String captureOut(Runnable r) {
        PrintStream original = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            r.run();
        } finally {
            System.setOut(original);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void fitPrintsOneLossLinePerRecordAndQuietPrintsNothing() {
        Sine s = new Sine();
        Network quietModel = s.model.copy();
        AtomicReference<History> hist = new AtomicReference<>();
        String out = captureOut(() -> hist.set(s.model.fit(s.x, s.y, lr(0.3), iters(4000), printEvery(1000))));
        History h = hist.get();

        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(h.size()).hasSize(4);
        Pattern p = Pattern.compile("^iter +(\\d+)  loss (\\S+)$");
        int lossColumn = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = p.matcher(line);
            assertThat(m.matches()).as("line %d: '%s'", i, line).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(h.steps()[i]);
            assertThat(m.group(2).replaceAll("[^0-9]", "").replaceFirst("^0+", "").length())
                    .as("at most six significant digits in '%s'", line).isLessThanOrEqualTo(6);
            assertThat(Double.parseDouble(m.group(2))).as("printed loss, line %d", i)
                    .isCloseTo(h.losses()[i], org.assertj.core.data.Percentage.withPercentage(5e-4));
            int col = line.indexOf("  loss ");
            if (lossColumn < 0) {
                lossColumn = col;
            }
            assertThat(col).as("iteration numbers are right-aligned: '%s'", line).isEqualTo(lossColumn);
        }
        // the first line documented in Dsl and SeedWorkloads
        assertThat(lines.get(0)).isEqualTo("iter    0  loss 260.181");

        String quietOut = captureOut(() -> quietModel.fit(s.x, s.y, lr(0.3), iters(4000), printEvery(1000), quiet()));
        assertThat(quietOut).isEmpty();
    }

    // ------------------------------------------------------------------ mini-batches and optimisers

    @Test
    void miniBatchTrainingIsRepeatableFromTheSameSeedAndCountsEpochs() {
        Sine s = new Sine();
        Network a = s.model.copy();
        Network b = s.model.copy();
        Network c = s.model.copy();

        seed(0);
        History ha = a.fit(s.x, s.y, lr(0.1), batch(10), epochs(3), quiet());
        seed(0);
        History hb = b.fit(s.x, s.y, lr(0.1), batch(10), epochs(3), quiet());
        seed(1);
        History hc = c.fit(s.x, s.y, lr(0.1), batch(10), epochs(3), quiet());

        assertThat(ha.unit()).isEqualTo("epoch");
        assertThat(ha.steps()).containsExactly(1, 2, 3);
        assertThat(ha.losses()).hasSize(3).containsExactly(hb.losses());
        for (String p : a.paramNames()) {
            assertThat(a.param(p)).as("parameter %s after identical runs", p).isEqualTo(b.param(p));
        }
        assertThat(Arrays.equals(ha.losses(), hc.losses()))
                .as("another seed shuffles differently, so the losses differ").isFalse();
    }

    @Test
    void sgdReducesTheLogisticLoss() {
        Logistic d = new Logistic();
        double before = d.model.loss(d.x, d.y);
        seed(0);
        History h = d.model.fit(d.x, d.y, lr(0.01), sgd(), epochs(2), quiet());
        assertThat(h.unit()).isEqualTo("epoch");
        assertThat(h.finalLoss()).isLessThan(before);
        assertThat(d.model.loss(d.x, d.y)).isEqualTo(h.finalLoss());
    }

    @Test
    void momentumReducesTheSineLossAndDiffersFromPlainDescent() {
        checkOptimizerReducesLoss(momentum(0.9), 0.05);
    }

    @Test
    void adamReducesTheSineLossAndDiffersFromPlainDescent() {
        checkOptimizerReducesLoss(adam(), 0.05);
    }

    private static void checkOptimizerReducesLoss(FitOption optimizer, double rate) {
        Sine s = new Sine();
        Network plain = s.model.copy();
        double before = s.model.loss(s.x, s.y);
        History h = s.model.fit(s.x, s.y, lr(rate), iters(500), optimizer, quiet());
        History hp = plain.fit(s.x, s.y, lr(rate), iters(500), quiet());
        assertThat(h.finalLoss()).as("loss after 500 updates (before: %s)", before).isLessThan(before);
        assertThat(h.losses()[h.size() - 1]).isLessThan(h.losses()[0]);
        assertThat(s.model.param("w2")).as("the optimiser is used, not plain gradient descent")
                .isNotEqualTo(plain.param("w2"));
        assertThat(h.finalLoss()).isNotEqualTo(hp.finalLoss());
    }

    // ------------------------------------------------------------------ shape errors

    @Test
    void xLaidOutAsSamplesTimesFeaturesSuggestsATranspose() {
        Sine s = new Sine();
        Matrix wrong = s.x.T();   // 100×1
        assertThatThrownBy(() -> s.model.fit(wrong, s.y, iters(1), quiet()))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining("(100×1)")
                .hasMessageContaining(".T()")
                .hasMessageContaining("1 row");
    }

    @Test
    void yWithTheWrongSampleCountNamesBothCounts() {
        Sine s = new Sine();
        Matrix shortY = row(Arrays.copyOf(s.y.flatten(), 60));   // the first 60 samples
        assertThatThrownBy(() -> s.model.fit(s.x, shortY, iters(1), quiet()))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining("100 samples")
                .hasMessageContaining("60")
                .hasMessageContaining("(1×100)")
                .hasMessageContaining("(1×60)");
    }

    @Test
    void aMissingActivationSaysHowManyAreNeeded() {
        Sine s = new Sine();
        Network incomplete = net(1, 25, 1).sigmoid();
        assertThatThrownBy(() -> incomplete.fit(s.x, s.y, iters(1), quiet()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs 2 activations")
                .hasMessageContaining("has 1");
    }

    // ------------------------------------------------------------------ learning-rate decay

    /** A schedule rule: the rate for update j+1 given the rate used for update j. */
    private interface Rule {
        double next(int j, double lr);
    }

    /** Document 003's loop written out with forward, backward and update. */
    private static Network explicitLoop(Deep d, Network start, int iters, double lr0, double lambda, Rule rule) {
        Network model = start.copy();
        Loss loss = model.defaultLoss();
        double lr = lr0;
        for (int j = 0; j < iters; j++) {
            ForwardCache cache = model.forward(d.x);
            Gradients g = model.backward(cache, d.y, loss, lambda);
            model.update(g, lr);
            lr = rule.next(j, lr);
        }
        return model;
    }

    private static double maxRelativeDifference(Network a, Network b) {
        double worst = 0;
        for (String p : a.paramNames()) {
            double[] u = a.param(p).flatten();
            double[] v = b.param(p).flatten();
            for (int i = 0; i < u.length; i++) {
                double err = u[i] == v[i] ? 0 : Math.abs(u[i] - v[i]) / Math.max(Math.abs(u[i]), 1e-300);
                worst = Math.max(worst, Double.isNaN(err) ? Double.POSITIVE_INFINITY : err);
            }
        }
        return worst;
    }

    @Test
    void stepDecayChangesTheRateOnlyAfterIterations500And1000() {
        Deep d = new Deep();
        Network start = d.model.copy();
        int iters = 1201;
        double lr0 = 0.1;
        double lambda = 0.001;
        d.model.fit(d.x, d.y, lr(lr0), iters(iters), l2(lambda), decay(500, 0.1), quiet());

        // after update j, when j > 0 and j % 500 == 0: lr −= lr·0.1
        Network expected = explicitLoop(d, start, iters, lr0, lambda,
                (j, lr) -> j > 0 && j % 500 == 0 ? lr - lr * 0.1 : lr);
        assertThat(maxRelativeDifference(d.model, expected)).as("fit vs the explicit loop").isLessThanOrEqualTo(1e-12);

        // the comparison tells the documented rule from its near misses
        Rule[] nearMisses = {
            (j, lr) -> j % 500 == 0 ? lr - lr * 0.1 : lr,                 // also after update 0
            (j, lr) -> (j + 1) % 500 == 0 ? lr - lr * 0.1 : lr,           // one update early
            (j, lr) -> j > 0 && (j - 1) % 500 == 0 ? lr - lr * 0.1 : lr,  // one update late
            (j, lr) -> lr,                                                 // no decay
        };
        for (int k = 0; k < nearMisses.length; k++) {
            Network other = explicitLoop(d, start, iters, lr0, lambda, nearMisses[k]);
            assertThat(maxRelativeDifference(d.model, other)).as("near-miss rule %d must differ from fit", k)
                    .isGreaterThan(1e-9);
        }
    }

    @Test
    void withoutDecayTheExplicitLoopMatchesFit() {
        Deep d = new Deep();
        Network start = d.model.copy();
        d.model.fit(d.x, d.y, lr(0.1), iters(600), l2(0.001), quiet());
        Network expected = explicitLoop(d, start, 600, 0.1, 0.001, (j, lr) -> lr);
        assertThat(maxRelativeDifference(d.model, expected)).isLessThanOrEqualTo(1e-12);
        List<String> names = new ArrayList<>(d.model.paramNames());
        assertThat(names).containsExactly("w1", "b1", "w2", "b2", "w3", "b3", "w4", "b4");
    }
}
