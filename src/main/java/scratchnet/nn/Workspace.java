package scratchnet.nn;

/**
 * The buffers one training pass needs, allocated once per batch size and reused every
 * iteration: z and a for each layer, the back-propagated deltas, and dW, db.
 * Index 0 of {@code a} is the input batch; layer l (1-based) fills z[l], a[l], dW[l], db[l].
 */
final class Workspace {
    final int capacity;
    final double[][] z;
    final double[][] a;
    final double[][] delta;
    final double[][] dW;
    final double[][] db;
    /** Samples in the current batch (at most capacity). */
    int m;

    Workspace(Dense[] layers, int capacity) {
        int L = layers.length;
        this.capacity = capacity;
        z = new double[L + 1][];
        a = new double[L + 1][];
        delta = new double[L + 1][];
        dW = new double[L + 1][];
        db = new double[L + 1][];
        for (int l = 1; l <= L; l++) {
            Dense layer = layers[l - 1];
            z[l] = new double[layer.out * capacity];
            // a linear layer's a equals its z: share the buffer and skip the copy
            a[l] = layer.activation == Activation.LINEAR ? z[l] : new double[layer.out * capacity];
            delta[l] = new double[layer.out * capacity];
            dW[l] = new double[layer.w.length];
            db[l] = new double[layer.b.length];
        }
    }

    /** Runs the forward pass on x, an (in×m) row-major batch; the output is a[L]. */
    void forward(Dense[] layers, double[] x, int m) {
        this.m = m;
        a[0] = x;
        for (int l = 1; l <= layers.length; l++) {
            layers[l - 1].forward(a[l - 1], z[l], a[l], m);
        }
    }

    /**
     * Runs the backward pass after {@link #forward}: fills dW[l] and db[l] for every layer.
     * y is the (out×m) target batch, already in the loss's format.
     */
    void backward(Dense[] layers, double[] y, Loss loss, double l2) {
        int L = layers.length;
        Dense top = layers[L - 1];
        double[] dz = delta[L];
        if (loss.pairsWith(top.activation)) {
            // dZ_L = A_L − Y  (the loss and the output activation cancel)
            for (int i = 0, n = top.out * m; i < n; i++) {
                dz[i] = a[L][i] - y[i];
            }
        } else {
            // dZ_L = dA_L ⊙ g'(Z_L)
            loss.gradient(a[L], y, dz, top.out, m);
            top.activation.backward(dz, z[L], a[L], top.out, m);
        }
        for (int l = L; l >= 1; l--) {
            Dense below = l > 1 ? layers[l - 2] : null;
            layers[l - 1].backward(delta[l], a[l - 1], dW[l], db[l], m, l2,
                    below == null ? null : delta[l - 1], below == null ? null : below.activation,
                    below == null ? null : z[l - 1]);
        }
    }

    /** The loss value of the last forward pass, plus the L2 penalty λ·ΣW²/(2m). */
    double loss(Dense[] layers, double[] y, Loss loss, double l2) {
        Dense top = layers[layers.length - 1];
        double value = loss.value(a[layers.length], y, top.out, m);
        return l2 == 0.0 ? value : value + l2Penalty(layers, l2, m);
    }

    /** λ·ΣW²/(2m), document 003's L2 cost term. */
    static double l2Penalty(Dense[] layers, double l2, int m) {
        double total = 0.0;
        for (Dense layer : layers) {
            double[] sq = new double[layer.w.length];
            for (int i = 0; i < sq.length; i++) {
                sq[i] = layer.w[i] * layer.w[i];
            }
            total += scratchnet.engine.Loops.sum(sq, 0, sq.length);
        }
        return l2 * total / (2 * m);
    }
}
