package scratchnet.nn;

/**
 * Gradient descent with momentum: a running average of past gradients smooths the path.
 * {@code v = β·v + (1 − β)·g}, then {@code W −= lr·v}; β = 0.9 is the usual choice.
 * <pre>{@code
 * model.fit(x, y, lr(0.3), momentum(0.9));
 * }</pre>
 */
public final class Momentum implements Optimizer {
    private final double beta;
    private double[][] vw;
    private double[][] vb;

    /** Momentum with decay β in [0, 1). */
    public Momentum(double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("momentum: β must be in [0, 1), got " + beta);
        }
        this.beta = beta;
    }

    @Override
    public void step(Dense[] layers, double[][] dW, double[][] db, double lr) {
        if (vw == null) {
            vw = new double[layers.length + 1][];
            vb = new double[layers.length + 1][];
            for (int l = 1; l <= layers.length; l++) {
                vw[l] = new double[dW[l].length];
                vb[l] = new double[db[l].length];
            }
        }
        for (int l = 1; l <= layers.length; l++) {
            update(layers[l - 1].w, dW[l], vw[l], lr);
            update(layers[l - 1].b, db[l], vb[l], lr);
        }
    }

    private void update(double[] p, double[] g, double[] v, double lr) {
        for (int i = 0; i < p.length; i++) {
            // v = β·v + (1 − β)·g ;  p −= lr·v
            v[i] = beta * v[i] + (1 - beta) * g[i];
            p[i] -= lr * v[i];
        }
    }

    @Override
    public String label() {
        return "momentum(" + beta + ")";
    }
}
