package scratchnet.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static scratchnet.Dsl.*;

import org.junit.jupiter.api.Test;

import scratchnet.engine.Matrix;

/**
 * One and two updates of each optimiser on net(1, 1).linear() with known weights, against the
 * documented rules worked out by hand. The data: x = [1, 2], y = [2, 3], w = 0.5, b = 0.1, mse.
 * The gradients of a linear layer under mse (the seeds' dZ = a − y, /m in dW):
 * {@code dW = mean((w·x + b − y)·x)}, {@code db = mean(w·x + b − y)}; at the start a = [0.6, 1.1],
 * a − y = [−1.4, −1.9], so dW = (−1.4·1 − 1.9·2)/2 = −2.6 and db = (−1.4 − 1.9)/2 = −1.65.
 */
class OptimizerStepTest {
    private static final Matrix X = row(1, 2);
    private static final Matrix Y = row(2, 3);
    private static final double W0 = 0.5;
    private static final double B0 = 0.1;
    private static final double LR = 0.1;

    private static Network model() {
        Network n = net(1, 1).linear();
        n.param("w1", matrix(new double[][] {{W0}}));
        n.param("b1", matrix(new double[][] {{B0}}));
        return n;
    }

    /** {dW, db} at weights w, b, written out for the two samples. */
    private static double[] gradient(double w, double b) {
        double e0 = w * 1 + b - 2;
        double e1 = w * 2 + b - 3;
        return new double[] {(e0 * 1 + e1 * 2) / 2, (e0 + e1) / 2};
    }

    private static double[] fitted(int iters, FitOption optimizer) {
        Network n = model();
        n.fit(X, Y, lr(LR), iters(iters), optimizer, quiet());
        return new double[] {n.param("w1").get(0, 0), n.param("b1").get(0, 0)};
    }

    @Test
    void theGradientsAreTheOnesWorkedOutByHand() {
        assertThat(gradient(W0, B0)).containsExactly(new double[] {-2.6, -1.65}, within(1e-15));
        Gradients g = model().backward(model().forward(X), Y);
        assertThat(g.dw(1).get(0, 0)).isCloseTo(-2.6, within(1e-15));
        assertThat(g.db(1).get(0, 0)).isCloseTo(-1.65, within(1e-15));
    }

    @Test
    void gradientDescentIsWMinusLrTimesDw() {
        // W −= lr·dW: 0.5 − 0.1·(−2.6) = 0.76 ; b −= lr·db: 0.1 − 0.1·(−1.65) = 0.265
        assertThat(fitted(1, new FitOptions.UseOptimizer("gd", GradientDescent::new)))
                .containsExactly(new double[] {0.76, 0.265}, within(1e-15));
        double[] g1 = gradient(0.76, 0.265);
        double w2 = 0.76 - LR * g1[0];
        double b2 = 0.265 - LR * g1[1];
        assertThat(fitted(2, new FitOptions.UseOptimizer("gd", GradientDescent::new)))
                .containsExactly(new double[] {w2, b2}, within(1e-15));
    }

    @Test
    void momentumAveragesTheGradientsWithOneMinusBeta() {
        double beta = 0.9;
        // step 1: v = β·0 + (1 − β)·g = 0.1·(−2.6) = −0.26 ; W = 0.5 − 0.1·(−0.26) = 0.526
        //         vb = 0.1·(−1.65) = −0.165 ;               b = 0.1 − 0.1·(−0.165) = 0.1165
        assertThat(fitted(1, momentum(beta))).containsExactly(new double[] {0.526, 0.1165}, within(1e-15));
        // step 2: v = β·v + (1 − β)·g(0.526, 0.1165)
        double[] g = gradient(0.526, 0.1165);
        double vw = beta * -0.26 + (1 - beta) * g[0];
        double vb = beta * -0.165 + (1 - beta) * g[1];
        assertThat(fitted(2, momentum(beta)))
                .containsExactly(new double[] {0.526 - LR * vw, 0.1165 - LR * vb}, within(1e-15));
    }

    @Test
    void adamCorrectsTheBiasOfBothMoments() {
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        // step 1 (t = 1): m = (1 − β1)·g, v = (1 − β2)·g², m̂ = m/(1 − β1) = g, v̂ = v/(1 − β2) = g²,
        // so W −= lr·g/(|g| + ε): each parameter moves by lr (less a hair), against its gradient
        double w1 = W0 - LR * -2.6 / (2.6 + eps);
        double c1 = B0 - LR * -1.65 / (1.65 + eps);
        assertThat(fitted(1, adam())).containsExactly(new double[] {w1, c1}, within(1e-15));
        assertThat(w1).isCloseTo(0.6, within(1e-8));
        // step 2 (t = 2): m = β1·m + (1 − β1)·g, v = β2·v + (1 − β2)·g², m̂ = m/(1 − β1²), v̂ = v/(1 − β2²)
        double[] g1 = {-2.6, -1.65};
        double[] g2 = gradient(w1, c1);
        double[] start = {w1, c1};
        double[] want = new double[2];
        for (int i = 0; i < 2; i++) {
            double m = b1 * ((1 - b1) * g1[i]) + (1 - b1) * g2[i];
            double v = b2 * ((1 - b2) * g1[i] * g1[i]) + (1 - b2) * g2[i] * g2[i];
            double mHat = m / (1 - b1 * b1);
            double vHat = v / (1 - b2 * b2);
            want[i] = start[i] - LR * mHat / (Math.sqrt(vHat) + eps);
        }
        assertThat(fitted(2, adam())).containsExactly(want, within(1e-14));
        // without the bias correction step 2 would move W by lr·m/(√v + ε), about four times as far here
        double m = b1 * ((1 - b1) * g1[0]) + (1 - b1) * g2[0];
        double v = b2 * ((1 - b2) * g1[0] * g1[0]) + (1 - b2) * g2[0] * g2[0];
        double uncorrected = w1 - LR * m / (Math.sqrt(v) + eps);
        assertThat(Math.abs(fitted(2, adam())[0] - uncorrected)).isGreaterThan(1e-3);
    }
}
