package scratchnet.nn;

/**
 * Plain gradient descent, the seeds' update: {@code W −= lr·dW}, {@code b −= lr·db}.
 * Full-batch by default; with {@code batch(n)} or {@code sgd()} it is mini-batch or stochastic.
 * <pre>{@code
 * model.fit(x, y, lr(0.3), iters(4000));   // gradient descent is the default
 * }</pre>
 */
public final class GradientDescent implements Optimizer {
    @Override
    public void step(Dense[] layers, double[][] dW, double[][] db, double lr) {
        for (int l = 1; l <= layers.length; l++) {
            Dense layer = layers[l - 1];
            double[] gw = dW[l];
            double[] gb = db[l];
            // W −= lr·dW
            for (int i = 0; i < gw.length; i++) {
                layer.w[i] -= lr * gw[i];
            }
            // b −= lr·db
            for (int i = 0; i < gb.length; i++) {
                layer.b[i] -= lr * gb[i];
            }
        }
    }

    @Override
    public String label() {
        return "gd";
    }
}
