package scratchnet.nn;

import scratchnet.engine.Rng;

/**
 * How a layer's starting weights are drawn. Weights are drawn layer by layer, W1 first, each as
 * an (out×in) matrix in row-major order, exactly as the seed documents call numpy; biases start
 * at zero. So {@code seed(0)} followed by the document's initialiser gives the document's weights.
 * <pre>{@code
 * seed(0);
 * var model = net(1, 25, 1).sigmoid().linear().init(uniform());  // np.random.random([25, 1]), …
 * }</pre>
 */
@FunctionalInterface
public interface Initializer {
    /** Fills w, an (out×in) row-major weight matrix, drawing from rng. */
    void fill(double[] w, int out, int in, Rng rng);

    /** Uniform on [0, 1): numpy's {@code np.random.random([out, in])}, the choice of documents 000 and 004. */
    static Initializer uniform() {
        return named("uniform()", (w, out, in, rng) -> {
            for (int i = 0; i < w.length; i++) {
                w[i] = rng.nextDouble();
            }
        });
    }

    /** Uniform on [lo, hi): {@code lo + (hi − lo)·u}. */
    static Initializer uniform(double lo, double hi) {
        return named("uniform(" + lo + ", " + hi + ")", (w, out, in, rng) -> {
            for (int i = 0; i < w.length; i++) {
                w[i] = lo + (hi - lo) * rng.nextDouble();
            }
        });
    }

    /** Standard normal: numpy's {@code np.random.normal(size=(out, in))}, the choice of document 003. */
    static Initializer normal() {
        return named("normal()", (w, out, in, rng) -> {
            for (int i = 0; i < w.length; i++) {
                w[i] = rng.nextGaussian();
            }
        });
    }

    /** Normal scaled by {@code scale}: numpy's {@code np.random.randn(out, in) * scale} (document 002 uses 0.01). */
    static Initializer normal(double scale) {
        return named("normal(" + scale + ")", (w, out, in, rng) -> {
            for (int i = 0; i < w.length; i++) {
                w[i] = rng.nextGaussian() * scale;
            }
        });
    }

    /** Xavier/Glorot: normal · √(1/in), keeps sigmoid and tanh layers' outputs at a steady scale. */
    static Initializer xavier() {
        return named("xavier()", (w, out, in, rng) -> {
            double s = Math.sqrt(1.0 / in);
            for (int i = 0; i < w.length; i++) {
                w[i] = rng.nextGaussian() * s;
            }
        });
    }

    /** He: normal · √(2/in), the usual choice before relu. */
    static Initializer he() {
        return named("he()", (w, out, in, rng) -> {
            double s = Math.sqrt(2.0 / in);
            for (int i = 0; i < w.length; i++) {
                w[i] = rng.nextGaussian() * s;
            }
        });
    }

    /** Gives an initialiser a readable name for summaries and {@code toString}. */
    static Initializer named(String name, Initializer body) {
        return new Initializer() {
            @Override
            public void fill(double[] w, int out, int in, Rng rng) {
                body.fill(w, out, in, rng);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
