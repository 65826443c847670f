package scratchnet.nn;

import scratchnet.engine.Kernels;
import scratchnet.engine.Matrix;

/**
 * One fully connected layer: {@code z = W·a + b}, then {@code a' = g(z)}, with W (out×in) and
 * b (out×1). Parameters live in plain arrays that training updates in place.
 * <pre>{@code
 * Dense first = model.layer(1);   // the layer holding w1 and b1
 * Matrix w1 = first.weights();
 * }</pre>
 */
public final class Dense {
    final int in;
    final int out;
    final Activation activation;
    /** W, (out×in) row-major. */
    final double[] w;
    /** b, (out×1). */
    final double[] b;

    Dense(int in, int out, Activation activation) {
        this.in = in;
        this.out = out;
        this.activation = activation;
        this.w = new double[out * in];
        this.b = new double[out];
    }

    /**
     * Forward step for m samples: {@code z = W·aPrev + b}, {@code a = g(z)}.
     * aPrev is (in×m), z and a are (out×m); all row-major with m columns.
     */
    void forward(double[] aPrev, double[] z, double[] a, int m) {
        // Z = W·A_prev
        Kernels.matmul(w, aPrev, z, out, in, m);
        // Z += b, broadcast across the m columns
        Kernels.addColumn(z, b, out, m);
        // A = g(Z)
        activation.forward(z, a, out, m);
    }

    /**
     * Backward step for m samples. On entry {@code delta} holds m·∂J/∂z for this layer (out×m).
     * Writes dW and db, and, when {@code deltaPrev} is not null, m·∂J/∂z of the layer below into it,
     * using that layer's activation {@code below} and its cached z and a (in×m).
     */
    void backward(double[] delta, double[] aPrev, double[] dW, double[] db, int m, double l2,
                  double[] deltaPrev, Activation below, double[] zPrev) {
        // dW = dZ·A_prevᵀ / m  (+ λ·W / m)
        Kernels.matmulTransB(delta, aPrev, dW, out, m, in);
        for (int i = 0; i < dW.length; i++) {
            dW[i] = l2 == 0.0 ? dW[i] / m : dW[i] / m + l2 * w[i] / m;
        }
        // db = Σ_columns dZ / m
        Kernels.rowSums(delta, db, out, m);
        for (int i = 0; i < out; i++) {
            db[i] = db[i] / m;
        }
        if (deltaPrev != null) {
            // dA_prev = Wᵀ·dZ
            Kernels.matmulTransA(w, delta, deltaPrev, out, in, m);
            // dZ_prev = dA_prev ⊙ g'(z_prev)
            below.backward(deltaPrev, zPrev, aPrev, in, m);
        }
    }

    /** Inputs per sample. */
    public int in() {
        return in;
    }

    /** Units (outputs per sample). */
    public int out() {
        return out;
    }

    /** The activation after the weighted sum. */
    public Activation activation() {
        return activation;
    }

    /** A copy of W, (out×in). */
    public Matrix weights() {
        return Matrix.wrap(out, in, w.clone());
    }

    /** A copy of b, (out×1). */
    public Matrix bias() {
        return Matrix.wrap(out, 1, b.clone());
    }

    /** Number of trainable values, out·in + out. */
    public int parameterCount() {
        return w.length + b.length;
    }
}
