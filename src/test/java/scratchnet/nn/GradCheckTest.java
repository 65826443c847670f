package scratchnet.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import scratchnet.Dsl;
import scratchnet.engine.GlobalRandom;
import scratchnet.engine.Matrix;
import scratchnet.engine.Rng;

/**
 * Backprop against central differences for every hidden activation × output/loss pair, with and
 * without L2, through the paired shortcut (dZ = a − y) and through the generic loss gradient.
 */
class GradCheckTest {

    private static final int SAMPLES = 7;
    private static final int FEATURES = 3;

    /** An output activation, its loss, the number of outputs and how to make suitable targets. */
    private record Head(String name, Activation output, Supplier<Loss> loss, int outputs,
                        Function<Rng, Matrix> targets) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Matrix wrap(int rows, int cols, double[] v) {
        return Matrix.wrap(rows, cols, v);
    }

    private static Matrix labels(Rng r, int classes) {
        double[] v = new double[SAMPLES];
        for (int j = 0; j < SAMPLES; j++) {
            v[j] = r.randint(0, classes);
        }
        return Matrix.rowVector(v);
    }

    private static final List<Head> HEADS = List.of(
            new Head("linear+mse", Activation.LINEAR, Mse::new, 2, r -> wrap(2, SAMPLES, r.randn(2 * SAMPLES))),
            new Head("sigmoid+mse", Activation.SIGMOID, Mse::new, 2,
                    r -> wrap(2, SAMPLES, r.random(2 * SAMPLES))),
            new Head("sigmoid+binaryCrossEntropy", Activation.SIGMOID, BinaryCrossEntropy::new, 2,
                    r -> wrap(2, SAMPLES, r.random(2 * SAMPLES)).gt(0.5)),
            new Head("softmax+crossEntropy(one-hot)", Activation.SOFTMAX, CrossEntropy::new, 3,
                    r -> Dsl.oneHot(labels(r, 3), 3)),
            new Head("softmax+crossEntropy(class indices)", Activation.SOFTMAX, CrossEntropy::new, 3,
                    r -> labels(r, 3)),
            new Head("tanh+mse", Activation.TANH, Mse::new, 2,
                    r -> wrap(2, SAMPLES, r.random(2 * SAMPLES)).mul(1.8).sub(0.9)));

    private static final Activation[] HIDDEN = {
        Activation.SIGMOID, Activation.RELU, Activation.TANH, Activation.SOFTMAX, Activation.LINEAR,
    };

    /** Passes the wrapped loss through but scales its gradient, and never takes the a − y shortcut. */
    private static final class Scaled implements Loss {
        private final Loss inner;
        private final double factor;

        Scaled(Loss inner, double factor) {
            this.inner = inner;
            this.factor = factor;
        }

        @Override
        public String label() {
            return inner.label() + "×" + factor;
        }

        @Override
        public double value(double[] a, double[] y, int rows, int m) {
            return inner.value(a, y, rows, m);
        }

        @Override
        public double objective(double[] a, double[] y, int rows, int m) {
            return inner.objective(a, y, rows, m);
        }

        @Override
        public void gradient(double[] a, double[] y, double[] g, int rows, int m) {
            inner.gradient(a, y, g, rows, m);
            for (int i = 0; i < rows * m; i++) {
                g[i] *= factor;
            }
        }

        @Override
        public boolean pairsWith(Activation output) {
            return false;
        }

        @Override
        public Matrix targets(Matrix y, int outputs) {
            return inner.targets(y, outputs);
        }
    }

    private static Network build(Activation hidden, Head head, int hiddenLayers, long seed) {
        int[] sizes = hiddenLayers == 1 ? new int[] {FEATURES, 4, head.outputs}
                : new int[] {FEATURES, 5, 4, head.outputs};
        Network model = new Network(sizes);
        for (int l = 0; l < hiddenLayers; l++) {
            model.activation(hidden);
        }
        model.activation(head.output);
        GlobalRandom.seed(seed);
        // xavier keeps the outputs away from saturation, where log(1 − a) in the objective loses the
        // digits central differences need (sigmoid + cross-entropy at z ≈ 20 fails any check)
        model.init(Initializer.xavier());
        // non-zero biases, so that their gradients are checked away from the starting point too
        Rng r = new Rng(seed + 1000);
        for (int l = 1; l < sizes.length; l++) {
            model.param("b" + l, wrap(sizes[l], 1, r.normal(0, 0.5, sizes[l])));
        }
        return model;
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        long seed = 0;
        for (Activation hidden : HIDDEN) {
            for (Head head : HEADS) {
                for (int hiddenLayers : new int[] {1, 2}) {
                    for (double l2 : new double[] {0.0, 0.01}) {
                        for (boolean paired : new boolean[] {true, false}) {
                            out.add(Arguments.of(hidden, head, hiddenLayers, l2, paired, seed++));
                        }
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "hidden {0} ×{2}, {1}, l2 {3}, paired {4}")
    @MethodSource("cases")
    void backpropAgreesWithCentralDifferences(Activation hidden, Head head, int hiddenLayers, double l2,
                                              boolean paired, long seed) {
        Network model = build(hidden, head, hiddenLayers, seed);
        Rng data = new Rng(seed + 5000);
        Matrix x = wrap(FEATURES, SAMPLES, data.randn(FEATURES * SAMPLES));
        Matrix y = head.targets.apply(data);
        Loss loss = paired ? head.loss.get() : new Scaled(head.loss.get(), 1.0);
        if (paired) {
            assertThat(loss.pairsWith(head.output))
                    .as("%s pairs with %s", loss.label(), head.output)
                    .isEqualTo(head.output != Activation.TANH && !(head.output == Activation.SIGMOID
                            && loss instanceof Mse));
        }
        Matrix w1Before = model.param("w1");

        double err = GradCheck.check(model, x, y, loss, l2);

        assertThat(err).as("relative error").isLessThan(1e-6);
        // the check restores every parameter it nudged
        assertThat(model.param("w1")).isEqualTo(w1Before);
    }

    static Stream<Arguments> corruptCases() {
        List<Arguments> out = new ArrayList<>();
        long seed = 100;
        for (Activation hidden : HIDDEN) {
            for (Head head : HEADS) {
                out.add(Arguments.of(hidden, head, seed++));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "hidden {0}, {1}: gradient ×1.1 is caught")
    @MethodSource("corruptCases")
    void aWrongGradientIsCaught(Activation hidden, Head head, long seed) {
        Network model = build(hidden, head, 1, seed);
        Rng data = new Rng(seed + 5000);
        Matrix x = wrap(FEATURES, SAMPLES, data.randn(FEATURES * SAMPLES));
        Matrix y = head.targets.apply(data);

        double err = GradCheck.check(model, x, y, new Scaled(head.loss.get(), 1.1), 0.0);

        assertThat(err).isGreaterThan(1e-3);
    }

    @Test
    void l2AddsLambdaWOverMToWeightGradientsOnly() {
        Head head = HEADS.get(0);
        Network model = build(Activation.TANH, head, 1, 77);
        Rng data = new Rng(77);
        Matrix x = wrap(FEATURES, SAMPLES, data.randn(FEATURES * SAMPLES));
        Matrix y = head.targets.apply(data);
        assertThat(GradCheck.check(model, x, y, new Mse(), 0.5)).isLessThan(1e-6);
        Gradients with = model.backward(model.forward(x), y, new Mse(), 0.5);
        Gradients without = model.backward(model.forward(x), y, new Mse(), 0.0);
        // dW differs by exactly λ·W/m, db not at all
        Matrix expected = model.param("w1").mul(0.5 / SAMPLES);
        assertThat(with.dw(1).sub(without.dw(1)).allClose(expected, 1e-9, 1e-12)).isTrue();
        assertThat(with.db(1)).isEqualTo(without.db(1));
    }

    @Test
    void dslGradcheckUsesTheDefaultLoss() {
        Dsl.seed(3);
        Network model = Dsl.net(3, 4, 3).tanh().softmax().init(Dsl.normal());
        Rng data = new Rng(3);
        Matrix x = wrap(FEATURES, SAMPLES, data.randn(FEATURES * SAMPLES));
        Matrix y = labels(data, 3);
        assertThat(Dsl.gradcheck(model, x, y)).isLessThan(1e-6);
    }
}
