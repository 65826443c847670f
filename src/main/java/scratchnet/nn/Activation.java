package scratchnet.nn;

import scratchnet.engine.Loops;

/**
 * The non-linearity after a layer's weighted sum: {@code a = g(z)}. Each activation carries its
 * own forward and backward step, on (units×samples) buffers.
 * <pre>{@code
 * net(2, 8, 3).relu().softmax();   // hidden relu, softmax output
 * }</pre>
 */
public enum Activation {
    /** a = 1 / (1 + e^(−z)); g'(z) = a·(1 − a). */
    SIGMOID {
        @Override
        void forward(double[] z, double[] a, int rows, int cols) {
            Loops.sigmoid(z, a, rows * cols);
        }

        @Override
        void forwardWithBias(double[] z, double[] b, double[] a, int rows, int cols) {
            Loops.addColumnSigmoid(z, b, a, rows, cols);
        }

        @Override
        void backward(double[] g, double[] z, double[] a, int rows, int cols) {
            // dZ = dA ⊙ a ⊙ (1 − a), multiplied in the seeds' order
            Loops.sigmoidBackward(g, a, rows * cols);
        }
    },
    /** a = max(z, 0); g'(z) = 1 where z &gt; 0, else 0. */
    RELU {
        @Override
        void forward(double[] z, double[] a, int rows, int cols) {
            Loops.relu(z, a, rows * cols);
        }

        @Override
        void forwardWithBias(double[] z, double[] b, double[] a, int rows, int cols) {
            Loops.addColumnRelu(z, b, a, rows, cols);
        }

        @Override
        void backward(double[] g, double[] z, double[] a, int rows, int cols) {
            // dZ = dA ⊙ [a > 0]
            Loops.reluBackward(g, a, rows * cols);
        }
    },
    /** a = tanh(z); g'(z) = 1 − a². */
    TANH {
        @Override
        void forward(double[] z, double[] a, int rows, int cols) {
            Loops.tanh(z, a, rows * cols);
        }

        @Override
        void backward(double[] g, double[] z, double[] a, int rows, int cols) {
            // dZ = dA ⊙ (1 − a²)
            Loops.tanhBackward(g, a, rows * cols);
        }
    },
    /** Column-wise softmax: each sample's outputs are positive and sum to 1. */
    SOFTMAX {
        @Override
        void forward(double[] z, double[] a, int rows, int cols) {
            Loops.softmaxColumns(z, a, rows, cols);
        }

        @Override
        void backward(double[] g, double[] z, double[] a, int rows, int cols) {
            for (int j = 0; j < cols; j++) {
                // dz_i = a_i · (da_i − Σ_k a_k·da_k), the Jacobian of softmax times dA, per sample
                double dotAG = 0.0;
                for (int i = 0; i < rows; i++) {
                    dotAG += a[i * cols + j] * g[i * cols + j];
                }
                for (int i = 0; i < rows; i++) {
                    int k = i * cols + j;
                    g[k] = a[k] * (g[k] - dotAG);
                }
            }
        }
    },
    /** a = z, no activation (regression outputs); g'(z) = 1. */
    LINEAR {
        @Override
        void forward(double[] z, double[] a, int rows, int cols) {
            if (a != z) {
                System.arraycopy(z, 0, a, 0, rows * cols);
            }
        }

        @Override
        void backward(double[] g, double[] z, double[] a, int rows, int cols) {
            // dZ = dA
        }
    };

    /** Writes a = g(z) for a (rows×cols) buffer; {@code a} may be {@code z}. */
    abstract void forward(double[] z, double[] a, int rows, int cols);

    /**
     * Adds the bias b (rows×1) to every column of z, then writes a = g(z): one pass where the
     * activation allows it (sigmoid, relu), else two.
     */
    void forwardWithBias(double[] z, double[] b, double[] a, int rows, int cols) {
        Loops.addColumn(z, b, rows, cols);
        forward(z, a, rows, cols);
    }

    /** Turns dA into dZ in place: {@code g} holds ∂L/∂a on entry and ∂L/∂z on return. */
    abstract void backward(double[] g, double[] z, double[] a, int rows, int cols);

    /** The lower-case name used by the DSL, summaries and saved models: "sigmoid", "relu", … */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The activation with the given DSL name; the error lists the known names. */
    public static Activation named(String name) {
        for (Activation a : values()) {
            if (a.label().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name
                + "'; expected one of sigmoid, relu, tanh, softmax, linear");
    }
}
