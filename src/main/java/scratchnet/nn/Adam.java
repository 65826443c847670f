package scratchnet.nn;

/**
 * Adam: per-parameter steps scaled by running averages of the gradient (m) and its square (v),
 * with bias correction. Defaults β1 = 0.9, β2 = 0.999, ε = 1e−8; a good lr is often 0.001–0.01.
 * <pre>{@code
 * model.fit(x, y, lr(0.01), adam());
 * }</pre>
 */
public final class Adam implements Optimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private double[][] mw;
    private double[][] mb;
    private double[][] vw;
    private double[][] vb;
    private int t;

    /** Adam with the usual constants. */
    public Adam() {
        this(0.9, 0.999, 1e-8);
    }

    /** Adam with explicit β1, β2 in [0, 1) and ε &gt; 0. */
    public Adam(double beta1, double beta2, double eps) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps > 0)) {
            throw new IllegalArgumentException("adam: expected 0 <= β1, β2 < 1 and ε > 0, got β1=" + beta1
                    + ", β2=" + beta2 + ", ε=" + eps);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    @Override
    public void step(Dense[] layers, double[][] dW, double[][] db, double lr) {
        if (mw == null) {
            int n = layers.length + 1;
            mw = new double[n][];
            mb = new double[n][];
            vw = new double[n][];
            vb = new double[n][];
            for (int l = 1; l <= layers.length; l++) {
                mw[l] = new double[dW[l].length];
                vw[l] = new double[dW[l].length];
                mb[l] = new double[db[l].length];
                vb[l] = new double[db[l].length];
            }
        }
        t++;
        // bias corrections 1 − β^t
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (int l = 1; l <= layers.length; l++) {
            update(layers[l - 1].w, dW[l], mw[l], vw[l], lr, c1, c2);
            update(layers[l - 1].b, db[l], mb[l], vb[l], lr, c1, c2);
        }
    }

    private void update(double[] p, double[] g, double[] m, double[] v, double lr, double c1, double c2) {
        for (int i = 0; i < p.length; i++) {
            // m = β1·m + (1 − β1)·g ;  v = β2·v + (1 − β2)·g²
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            // p −= lr · m̂ / (√v̂ + ε)
            p[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
        }
    }

    @Override
    public String label() {
        return "adam(" + beta1 + ", " + beta2 + ")";
    }
}
