package scratchnet.bench;

import static scratchnet.Dsl.*;

import scratchnet.engine.Matrix;
import scratchnet.nn.History;
import scratchnet.nn.Network;

/**
 * The scale workload of {@code bench/numpy/mlp_scale.py}: one epoch of mini-batch SGD
 * (batch 128, lr 0.1, batches in order as the anchor takes them) on a 784-256-128-10 relu/relu/softmax network over 60,000 synthetic
 * float64 samples whose class is the arg-max of a random linear map.
 * <pre>{@code
 * MlpWorkload w = MlpWorkload.create(60_000);
 * double seconds = w.epochSeconds();
 * }</pre>
 */
public final class MlpWorkload {
    /** Sizes of the anchor's network and data. */
    public static final int D = 784, H1 = 256, H2 = 128, C = 10, BATCH = 128;
    private final Matrix x;
    private final Matrix y;

    private MlpWorkload(Matrix x, Matrix y) {
        this.x = x;
        this.y = y;
    }

    /** The synthetic data set: x (784×n) standard normal, y (1×n) the arg-max class of W·x. */
    public static MlpWorkload create(int n) {
        seed(0);
        Matrix x = randn(D, n);
        Matrix w = randn(C, D);
        Matrix y = w.dot(x).argmax(0);
        return new MlpWorkload(x, y);
    }

    /** Samples in the data set. */
    public int samples() {
        return x.cols();
    }

    /** Trains a fresh network (He initialisation) for one epoch; returns the wall time in seconds. */
    public double epochSeconds() {
        seed(1);
        Network model = net(D, H1, H2, C).relu().relu().softmax().init(he());
        long t0 = System.nanoTime();
        // batches in order, as mlp_scale.py slices them
        History h = model.fit(x, y, lr(0.1), batch(BATCH), inOrder(), epochs(1), quiet());
        double s = (System.nanoTime() - t0) / 1e9;
        if (!Double.isFinite(h.lastLoss())) {
            throw new IllegalStateException("mlp workload diverged: loss " + h.lastLoss());
        }
        return s;
    }
}
