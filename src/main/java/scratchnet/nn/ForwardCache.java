package scratchnet.nn;

import scratchnet.engine.Matrix;

/**
 * What {@link Network#forward} keeps for the backward pass, by the seeds' names: the input
 * {@code a0}, and {@code z1, a1, …, zL, aL} for each layer. {@code output()} is aL.
 * <pre>{@code
 * ForwardCache cache = model.forward(x);
 * Matrix al = cache.output();        // the prediction
 * Matrix z1 = cache.get("z1");       // layer 1's weighted sums
 * }</pre>
 */
public final class ForwardCache {
    final Matrix[] z;
    final Matrix[] a;

    ForwardCache(Matrix[] z, Matrix[] a) {
        this.z = z;
        this.a = a;
    }

    /** The activations of layer l (l = 0 is the input). */
    public Matrix a(int l) {
        check(l, 0);
        return a[l];
    }

    /** The weighted sums of layer l (1-based). */
    public Matrix z(int l) {
        check(l, 1);
        return z[l];
    }

    /** The network's output, a of the last layer. */
    public Matrix output() {
        return a[a.length - 1];
    }

    /** Number of weight layers L. */
    public int layers() {
        return a.length - 1;
    }

    /** "a0" … "aL" or "z1" … "zL" (case-insensitive). */
    public Matrix get(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.length() >= 2 && (n.charAt(0) == 'a' || n.charAt(0) == 'z')) {
            try {
                int l = Integer.parseInt(n.substring(1));
                return n.charAt(0) == 'a' ? a(l) : z(l);
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("forward cache: no entry '" + name + "'; it holds a0…a" + layers()
                + " and z1…z" + layers());
    }

    private void check(int l, int min) {
        if (l < min || l > layers()) {
            throw new IndexOutOfBoundsException("forward cache: layer " + l + " does not exist; expected " + min
                    + "…" + layers());
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ForwardCache(a0 " + shape(a[0]));
        for (int l = 1; l < a.length; l++) {
            sb.append(", z").append(l).append(' ').append(shape(z[l]));
        }
        return sb.append(')').toString();
    }

    private static String shape(Matrix m) {
        return scratchnet.engine.ShapeException.shape(m.rows(), m.cols());
    }
}
