package scratchnet.bench;

import static scratchnet.Dsl.*;

import scratchnet.engine.Matrix;
import scratchnet.nn.History;
import scratchnet.nn.Network;

/**
 * The four seed programs of {@code bench/numpy/seeds.py}, written with scratchnet and
 * started from {@code seed(0)} exactly as numpy is, so they train on the same data from the same
 * weights. Each returns the recorded losses. Used by the bench command.
 * <pre>{@code
 * double[] losses = SeedWorkloads.sine();   // 40 losses, 260.181 … 0.261111
 * }</pre>
 */
public final class SeedWorkloads {
    private SeedWorkloads() {
    }

    /** Document 000: 20·sin(2πx) with net(1, 25, 1), sigmoid then linear, lr 0.3, 4000 iterations. */
    public static double[] sine() {
        return sine(false);
    }

    /** {@link #sine()}, printing the loss every 100 iterations when verbose. */
    public static double[] sine(boolean verbose) {
        seed(0);
        Matrix x = arange(0.0, 1.0, 0.01);
        Matrix y = x.mul(2 * Math.PI).map(Math::sin).mul(20);
        Network model = net(1, 25, 1).sigmoid().linear().init(uniform());
        History h = model.fit(x, y, lr(0.3), iters(4000), verbose ? printEvery(100) : quiet());
        return h.losses();
    }

    /** Document 001: logistic regression on 1000 Gaussian samples of 4 features, lr 0.01, 5001 iterations. */
    public static double[] logistic() {
        return logistic(false);
    }

    /** {@link #logistic()}, printing the loss every 100 iterations when verbose. */
    public static double[] logistic(boolean verbose) {
        seed(0);
        Matrix x = randn(1000, 4).T();
        Matrix w = randn(1, 4);
        Matrix trueW = row(0.3, 0.6, -0.7, -1.3);
        Matrix y = trueW.dot(x).add(0.2).sigmoid().round();
        Network model = net(4, 1).sigmoid();
        model.param("w1", w);
        model.param("b1", zeros(1, 1));
        return model.fit(x, y, lr(0.01), iters(5001), verbose ? printEvery(100) : quiet()).losses();
    }

    /**
     * Document 002: exp(x) with a 1-5-1 sigmoid net scaled by 100, trained with the document's own
     * gradient (which skips the output sigmoid's derivative), written with matrix operations.
     */
    public static double[] expFit() {
        return expFit(false);
    }

    /** {@link #expFit()}, printing every 30th loss when verbose. */
    public static double[] expFit(boolean verbose) {
        seed(0);
        int m = 30;
        Matrix x = linspace(-5, 5, m).reshape(m, 1);
        Matrix y = x.exp().add(random(m, 1).mul(0.01));
        Matrix w1 = randn(5, 1).mul(0.01);
        Matrix b1 = randn(5, 1);
        Matrix w2 = randn(1, 5).mul(0.01);
        Matrix b2 = randn(1, 1);
        double[] losses = new double[300];
        for (int i = 0; i < 300; i++) {
            Matrix a1 = w1.dot(x.T()).add(b1).sigmoid();
            Matrix a2 = w2.dot(a1).add(b2).sigmoid().mul(100);
            Matrix dz2 = a2.sub(y.T());
            losses[i] = dz2.square().sum() / m;
            if (verbose && i % 30 == 0) {
                System.out.printf("iter %4d  loss %.6g%n", i, losses[i]);
            }
            Matrix dw2 = dz2.dot(a1.T()).div(m);
            double db2 = dz2.sum() / m;
            Matrix dz1 = w2.T().dot(dz2).mul(a1).mul(a1.rsub(1));
            Matrix dw1 = dz1.dot(x).div(m);
            double db1 = dz1.sum() / m;
            w2 = w2.sub(dw2.mul(0.01));
            b2 = b2.sub(0.01 * db2);
            w1 = w1.sub(dw1.mul(0.01));
            b1 = b1.sub(0.01 * db1);
        }
        return losses;
    }

    /** Document 003: net(2, 3, 4, 5, 1), relu then sigmoid, L2 0.001, lr 0.1 decayed 10 % every 500, 2001 iterations. */
    public static double[] deep() {
        return deep(false);
    }

    /** {@link #deep()}, printing the loss every 100 iterations when verbose. */
    public static double[] deep(boolean verbose) {
        seed(0);
        Matrix x = randn(2, 400);
        Matrix y = x.mul(x).sum(0).gt(2);
        Network model = net(2, 3, 4, 5, 1).relu().relu().relu().sigmoid().init(normal());
        return model.fit(x, y, lr(0.1), iters(2001), l2(0.001), decay(500, 0.1),
                verbose ? printEvery(100) : quiet()).losses();
    }
}
