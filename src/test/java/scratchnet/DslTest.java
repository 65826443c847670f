package scratchnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static scratchnet.Dsl.*;

import org.junit.jupiter.api.Test;

import scratchnet.engine.Matrix;
import scratchnet.engine.Rng;
import scratchnet.engine.ShapeException;
import scratchnet.nn.BinaryCrossEntropy;
import scratchnet.nn.CrossEntropy;
import scratchnet.nn.History;
import scratchnet.nn.Mse;
import scratchnet.nn.Network;

/** The DSL behind {@code import static scratchnet.Dsl.*}: the README example, option checks, evaluation helpers. */
class DslTest {

    // ------------------------------------------------------------------ the README example

    @Test
    void readmeExample() {
        seed(0);
        var x = arange(0, 1, 0.01);
        var y = x.mul(2 * Math.PI).map(Math::sin).mul(20);
        var model = net(1, 25, 1).sigmoid().linear().init(uniform());

        // init(uniform()) after seed(0) draws W1 (25×1) then W2 (1×25) from the global stream, row-major
        Rng same = rng(0);
        Matrix w1 = model.param("w1");
        Matrix w2 = model.param("w2");
        assertThat(w1.shape()).containsExactly(25, 1);
        assertThat(w2.shape()).containsExactly(1, 25);
        assertThat(w1.get(0, 0)).isEqualTo(0.5488135039273248); // np.random.seed(0); np.random.random()
        for (int i = 0; i < 25; i++) {
            assertThat(w1.get(i, 0)).isEqualTo(same.nextDouble());
        }
        for (int j = 0; j < 25; j++) {
            assertThat(w2.get(0, j)).isEqualTo(same.nextDouble());
        }
        assertThat(model.param("b1")).isEqualTo(zeros(25, 1));
        assertThat(model.param("b2")).isEqualTo(zeros(1, 1));

        // the loss the first iteration records is mean((prediction − y)²) of the untrained model
        Matrix before = model.predict(x);
        double mse = 0;
        for (int j = 0; j < 100; j++) {
            double d = before.get(0, j) - y.get(0, j);
            mse += d * d;
        }
        mse /= 100;

        History history = model.fit(x, y, lr(0.3), iters(4000));

        assertThat(history.unit()).isEqualTo("iter");
        assertThat(history.size()).isEqualTo(40); // every 100 iterations
        assertThat(history.steps()[0]).isZero();
        assertThat(history.steps()[39]).isEqualTo(3900);
        assertThat(history.losses()[0]).isCloseTo(mse, within(1e-9 * mse));
        assertThat(history.finalLoss()).isLessThan(history.losses()[0] / 10);

        var fit = model.predict(x);
        assertThat(fit.rows()).isEqualTo(1);
        assertThat(fit.cols()).isEqualTo(100);
        assertThat(fit.shape()).containsExactly(1, 100);
        assertThat(model.summary()).contains("76");
    }

    @Test
    void trainingIsRepeatableFromTheSeed() {
        var x = linspace(-1, 1, 20);
        var y = x.square();
        seed(5);
        var a = net(1, 6, 1).tanh().linear().init(normal());
        a.fit(x, y, lr(0.1), iters(50), quiet());
        seed(5);
        var b = net(1, 6, 1).tanh().linear().init(normal());
        b.fit(x, y, lr(0.1), iters(50), quiet());
        for (String p : a.paramNames()) {
            assertThat(b.param(p)).as(p).isEqualTo(a.param(p));
        }
    }

    // ------------------------------------------------------------------ option validation

    @Test
    void badOptionValuesFailWhereTheyAreWritten() {
        assertThatThrownBy(() -> lr(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lr").hasMessageContaining("-1");
        assertThatThrownBy(() -> lr(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lr");
        assertThatThrownBy(() -> lr(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lr(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> iters(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iters").hasMessageContaining("0");
        assertThatThrownBy(() -> iters(-3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iters");
        assertThatThrownBy(() -> batch(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch");
        assertThatThrownBy(() -> epochs(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epochs");
        assertThatThrownBy(() -> l2(-0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("l2");
        assertThatThrownBy(() -> printEvery(0)).isInstanceOf(IllegalArgumentException.class);
        // good values are accepted
        assertThat(lr(0.3)).isNotNull();
        assertThat(iters(1)).isNotNull();
        assertThat(batch(1)).isNotNull();
        assertThat(l2(0)).isNotNull();
    }

    @Test
    void itersAndEpochsTogetherAreRejected() {
        seed(1);
        var model = net(1, 3, 1).sigmoid().linear().init(uniform());
        Matrix before = model.param("w1");
        var x = arange(0, 1, 0.1);
        assertThatThrownBy(() -> model.fit(x, x, iters(10), epochs(2), quiet()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iters(10)")
                .hasMessageContaining("epochs(2)");
        assertThat(model.param("w1")).isEqualTo(before); // nothing was trained
    }

    @Test
    void aThirdActivationOnATwoLayerNetIsRejected() {
        assertThatThrownBy(() -> net(1, 25, 1).sigmoid().linear().relu())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("net(1, 25, 1)")
                .hasMessageContaining("2 weight layers")
                .hasMessageContaining("relu");
    }

    @Test
    void usingANetWithMissingActivationsSaysHowManyAreNeeded() {
        assertThatThrownBy(() -> net(1, 25, 1).sigmoid().predict(zeros(1, 3)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs 2 activations");
    }

    @Test
    void unknownParameterNameListsTheNames() {
        var model = net(1, 25, 1).sigmoid().linear().init(uniform());
        for (String bad : new String[] {"w3", "b0", "x1", "weights", "w"}) {
            assertThatThrownBy(() -> model.param(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad)
                    .hasMessageContaining("w1, b1, w2, b2");
        }
        assertThat(model.param("W1")).isEqualTo(model.param("w1")); // case-insensitive
    }

    @Test
    void parameterOfTheWrongShapeNamesBothShapesAndSuggestsTranspose() {
        var model = net(1, 25, 1).sigmoid().linear().init(uniform());
        assertThatThrownBy(() -> model.param("w1", zeros(1, 25)))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining("w1")
                .hasMessageContaining("(25×1)")
                .hasMessageContaining("(1×25)")
                .hasMessageContaining(".T()");
        assertThatThrownBy(() -> model.param("w2", zeros(25, 1)))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining("(1×25)").hasMessageContaining("(25×1)").hasMessageContaining(".T()");
        assertThatThrownBy(() -> model.param("w1", zeros(3, 3)))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining("(25×1)").hasMessageContaining("(3×3)")
                .hasMessageNotContaining(".T()");
        // the right shape is accepted, copied, and read back
        Matrix w = arange(0, 25, 1).T();
        model.param("w1", w);
        assertThat(model.param("w1")).isEqualTo(w);
    }

    // ------------------------------------------------------------------ evaluation helpers

    @Test
    void accuracyOfProbabilityRows() {
        var p = row(0.9, 0.2, 0.6, 0.4, 0.51);
        var y = row(1, 0, 0, 0, 1);
        assertThat(accuracy(p, y)).isEqualTo(4.0 / 5);
        assertThat(accuracy(row(0.5, 0.5), row(0, 1))).isEqualTo(0.5); // 0.5 rounds to 0, half to even
    }

    @Test
    void accuracyOfLabelRows() {
        assertThat(accuracy(row(0, 1, 2, 2), row(0, 1, 2, 1))).isEqualTo(0.75);
        assertThat(accuracy(row(1, 1, 1), row(1, 1, 1))).isEqualTo(1.0);
    }

    @Test
    void accuracyOfSoftmaxOutputsAgainstLabelsOrOneHot() {
        // 3 classes × 4 samples; arg-max per column is 0, 2, 1, 2
        var probs = matrix(new double[][] {
            {0.7, 0.1, 0.2, 0.3},
            {0.2, 0.2, 0.5, 0.3},
            {0.1, 0.7, 0.3, 0.4}});
        var labels = row(0, 2, 2, 2);
        assertThat(accuracy(probs, labels)).isEqualTo(0.75);
        assertThat(accuracy(probs, oneHot(labels, 3))).isEqualTo(0.75);
        assertThat(accuracy(probs, oneHot(probs.argmax(0), 3))).isEqualTo(1.0);
        assertThatThrownBy(() -> accuracy(probs, row(0, 1, 2)))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining("(3×4)").hasMessageContaining("(1×3)");
        assertThatThrownBy(() -> accuracy(row(1, 0, 1), column(1, 0, 1)))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining(".T()");
    }

    @Test
    void oneHotColumns() {
        assertThat(oneHot(row(0, 2, 1, 2), 3)).isEqualTo(matrix(new double[][] {
            {1, 0, 0, 0},
            {0, 0, 1, 0},
            {0, 1, 0, 1}}));
        assertThat(oneHot(row(1), 2)).isEqualTo(column(0, 1));
        assertThatThrownBy(() -> oneHot(column(0, 1, 2), 3))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining("(3×1)").hasMessageContaining(".T()");
        assertThatThrownBy(() -> oneHot(row(0, 3), 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("oneHot: label 3 of sample 1 is not a class of k = 3 (expected whole numbers 0…2)");
        assertThatThrownBy(() -> oneHot(row(0.5), 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label 0.5 of sample 0");
        // the loss's class-label targets are the same one-hot columns, with the same errors
        assertThat(new scratchnet.nn.CrossEntropy().targets(row(0, 2, 1, 2), 3)).isEqualTo(oneHot(row(0, 2, 1, 2), 3));
        assertThatThrownBy(() -> new scratchnet.nn.CrossEntropy().targets(row(0, 5), 3))
                .hasMessageContaining("targets: label 5 of sample 1 is not a class of k = 3");
    }

    // ------------------------------------------------------------------ random numbers

    @Test
    void rngIsIndependentOfTheGlobalSeed() {
        seed(1);
        double[] a = rng(7).random(5);
        seed(2);
        random(3, 3);
        double[] b = rng(7).random(5);
        assertThat(b).containsExactly(a);

        // drawing from an rng leaves the global stream where it was
        seed(0);
        double first = random(1, 1).item();
        seed(0);
        Rng r = rng(123);
        for (int i = 0; i < 10; i++) {
            r.nextDouble();
        }
        assertThat(random(1, 1).item()).isEqualTo(first);

        // and the global stream after seed(s) is the stream of rng(s)
        seed(42);
        Matrix g = random(2, 3);
        assertThat(g.flatten()).containsExactly(rng(42).random(6));
        assertThat(rng(1).random(3)).isNotEqualTo(rng(2).random(3));
    }

    // ------------------------------------------------------------------ default losses and summary

    @Test
    void defaultLossFollowsTheOutputActivation() {
        assertThat(net(2, 1).sigmoid().defaultLoss()).isInstanceOf(BinaryCrossEntropy.class);
        assertThat(net(2, 3).softmax().defaultLoss()).isInstanceOf(CrossEntropy.class);
        assertThat(net(2, 1).linear().defaultLoss()).isInstanceOf(Mse.class);
        assertThat(net(2, 1).tanh().defaultLoss()).isInstanceOf(Mse.class);
        assertThat(net(2, 1).relu().defaultLoss()).isInstanceOf(Mse.class);
        assertThat(net(2, 4, 1).relu().sigmoid().defaultLoss()).isInstanceOf(BinaryCrossEntropy.class);
        assertThat(net(2, 4, 3).sigmoid().softmax().defaultLoss().label()).isEqualTo("crossentropy");
        assertThat(mse().label()).isEqualTo("mse");
        assertThat(binaryCrossEntropy().label()).isEqualTo("binary_crossentropy");
        assertThat(crossEntropy().label()).isEqualTo("crossentropy");
    }

    @Test
    void summaryListsLayersAndParameterCount() {
        Network model = net(1, 25, 1).sigmoid().linear();
        int expected = 1 * 25 + 25 + 25 * 1 + 1;
        assertThat(model.parameterCount()).isEqualTo(expected).isEqualTo(76);
        String s = model.summary();
        String[] lines = s.split("\\R");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).contains("w1,b1").contains("25×1").contains("sigmoid").contains("50");
        assertThat(lines[2]).contains("w2,b2").contains("1×25").contains("linear").contains("26");
        assertThat(lines[3]).contains("76 parameters").contains("mse");

        Network deep = net(4, 8, 8, 3).relu().relu().softmax();
        int deepCount = 4 * 8 + 8 + 8 * 8 + 8 + 8 * 3 + 3;
        assertThat(deep.parameterCount()).isEqualTo(deepCount);
        assertThat(deep.summary()).contains("w3,b3").contains("3×8").contains("softmax")
                .contains(deepCount + " parameters").contains("crossentropy");
    }

    @Test
    void matrixHelpersDelegateToMatrix() {
        assertThat(matrix(new double[][] {{1, 2}, {3, 4}})).isEqualTo(Matrix.of(new double[][] {{1, 2}, {3, 4}}));
        assertThat(arange(4)).isEqualTo(row(0, 1, 2, 3));
        assertThat(dot(row(1, 2), column(3, 4))).isEqualTo(Matrix.full(1, 1, 11));
        assertThat(sum(ones(3, 4))).isEqualTo(12.0);
        assertThat(mean(row(1, 2, 3, 6))).isEqualTo(3.0);
        assertThat(eye(2)).isEqualTo(matrix(new double[][] {{1, 0}, {0, 1}}));
        assertThat(full(2, 1, 7)).isEqualTo(column(7, 7));
    }
}
