package scratchnet.nn;

import scratchnet.engine.Loops;
import scratchnet.engine.Matrix;
import scratchnet.engine.Tuning;

/**
 * One fully connected layer: {@code z = W·a + b}, then {@code a' = g(z)}, with W (out×in) and
 * b (out×1). Parameters live in plain arrays that training updates in place.
 * <pre>{@code
 * Dense first = model.layer(1);   // the layer holding w1 and b1
 * Matrix w1 = first.weights();
 * }</pre>
 */
public final class Dense {
    /**
     * Up to this many inputs (forward) or units (backward), rows are summed directly ({@link
     * Tuning#DENSE_FEW_INPUTS}).
     */
    private static final int FEW = Tuning.DENSE_FEW_INPUTS;
    /** Up to this many rows of output, rows are summed directly ({@link Tuning#DENSE_FEW_ROWS}). */
    private static final int FEW_ROWS = Tuning.DENSE_FEW_ROWS;
    /** Up to this many weights, dW is separate dot products ({@link Tuning#DENSE_FEW_WEIGHTS}). */
    private static final int FEW_WEIGHTS = Tuning.DENSE_FEW_WEIGHTS;
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
        if (in <= FEW || out <= FEW_ROWS) {
            // Z = W·A_prev + b: with few inputs or units, each row of Z is a sum of rows of A_prev
            Loops.combineRows(w, in, 1, b, aPrev, z, out, in, m);
            // A = g(Z)
            activation.forward(z, a, out, m);
        } else {
            // Z = W·A_prev
            Loops.matmul(w, aPrev, z, out, in, m);
            // Z += b (broadcast across the m columns), then A = g(Z), in one pass
            activation.forwardWithBias(z, b, a, out, m);
        }
    }

    /**
     * Backward step for m samples. On entry {@code delta} holds m·∂J/∂z for this layer (out×m).
     * Writes dW and db, and, when {@code deltaPrev} is not null, m·∂J/∂z of the layer below into it,
     * using that layer's activation {@code below} and its cached z and a (in×m).
     */
    void backward(double[] delta, double[] aPrev, double[] dW, double[] db, int m, double l2,
                  double[] deltaPrev, Activation below, double[] zPrev) {
        // dW = dZ·A_prevᵀ  (few weights: one dot product of length m each)
        if (dW.length <= FEW_WEIGHTS) {
            Loops.rowDots(delta, aPrev, dW, out, m, in);
        } else {
            Loops.matmulTransB(delta, aPrev, dW, out, m, in);
        }
        // dW = dW / m  (+ λ·W / m)
        if (l2 == 0.0) {
            for (int i = 0; i < dW.length; i++) {
                dW[i] = dW[i] / m;
            }
        } else {
            for (int i = 0; i < dW.length; i++) {
                dW[i] = dW[i] / m + l2 * w[i] / m;
            }
        }
        // db = Σ_columns dZ / m
        for (int i = 0; i < out; i++) {
            db[i] = Loops.fastSum(delta, i * m, (i + 1) * m) / m;
        }
        if (deltaPrev != null) {
            // dA_prev = Wᵀ·dZ  (with few units, each row is a short sum of rows of dZ)
            if (out <= FEW || in <= FEW_ROWS) {
                Loops.combineRows(w, 1, in, null, delta, deltaPrev, in, out, m);
            } else {
                Loops.matmulTransA(w, delta, deltaPrev, out, in, m);
            }
            // dZ_prev = dA_prev ⊙ g'(z_prev)
            below.backward(deltaPrev, zPrev, aPrev, in, m);
        }
    }

    /** A layer with the same shape, activation and (copied) parameters. */
    Dense copy() {
        Dense d = new Dense(in, out, activation);
        System.arraycopy(w, 0, d.w, 0, w.length);
        System.arraycopy(b, 0, d.b, 0, b.length);
        return d;
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
