package scratchnet.nn;

import scratchnet.engine.GlobalRandom;
import scratchnet.engine.Matrix;

/**
 * How {@code fit} cuts the samples into the batches of one epoch, without allocating per batch:
 * <ul>
 * <li>full batch: one batch of all m samples, x's and y's own values (nothing is copied);</li>
 * <li>{@code batch(n)}: a fresh permutation of the samples every epoch (from the global RNG),
 *     each batch gathered from x kept one sample per row;</li>
 * <li>{@code batch(n), inOrder()}: consecutive column slices of x, no RNG drawn.</li>
 * </ul>
 * <pre>{@code
 * batches.nextEpoch();
 * int nb = batches.load(b);            // batch b: x() is (in×nb), y() is (out×nb)
 * ws.forward(layers, batches.x(), nb);
 * }</pre>
 */
final class Batches {
    private final int m;
    private final int size;
    private final int in;
    private final int out;
    private final boolean full;
    private final boolean shuffled;
    private final double[] xs;
    private final double[] ys;
    private final double[] xRows;
    private final double[] yRows;
    private final double[] xb;
    private final double[] yb;
    private int[] order;

    /**
     * @param x the samples (in×m); {@code xs} its values, row-major
     * @param ys the targets (out×m), row-major
     * @param batch samples per batch, or 0 for full batch
     * @param inOrder batches in the data's order instead of shuffled
     */
    Batches(Matrix x, double[] xs, double[] ys, int out, int batch, boolean inOrder) {
        this.m = x.cols();
        this.in = x.rows();
        this.out = out;
        this.full = batch <= 0;
        this.shuffled = !full && !inOrder;
        this.size = full ? m : Math.min(batch, m);
        this.xs = xs;
        this.ys = ys;
        // shuffled batches are gathered from the samples as contiguous rows (a copy kept for the
        // next fit on the same x)
        this.xRows = shuffled ? SampleRows.rows(x) : null;
        this.yRows = shuffled ? transpose(ys, out, m) : null;
        this.xb = full ? null : new double[in * size];
        this.yb = full ? null : new double[out * size];
    }

    /** Samples per batch (the last batch of an epoch may have fewer). */
    int size() {
        return size;
    }

    /** Batches per epoch. */
    int count() {
        return (m + size - 1) / size;
    }

    /** Starts an epoch: draws a fresh order of the samples when shuffling. */
    void nextEpoch() {
        if (shuffled) {
            order = GlobalRandom.get().permutation(m);
        }
    }

    /** Fills {@link #x()} and {@link #y()} with batch b of this epoch; returns its number of samples. */
    int load(int b) {
        if (full) {
            return m;
        }
        int start = b * size;
        int nb = Math.min(size, m - start);
        if (shuffled) {
            gather(xRows, in, order, start, nb, xb);
            gather(yRows, out, order, start, nb, yb);
        } else {
            slice(xs, in, m, start, nb, xb);
            slice(ys, out, m, start, nb, yb);
        }
        return nb;
    }

    /** The current batch's inputs, (in×nb) row-major. */
    double[] x() {
        return full ? xs : xb;
    }

    /** The current batch's targets, (out×nb) row-major. */
    double[] y() {
        return full ? ys : yb;
    }

    /**
     * dst (rows×nb) = the samples order[start..start+nb), taken from srcRows (m×rows, one sample per
     * row). Eight samples at a time: each is read contiguously, and each row of dst receives eight
     * neighbouring values (one cache line) instead of one value per line.
     */
    private static void gather(double[] srcRows, int rows, int[] order, int start, int nb, double[] dst) {
        int k = 0;
        for (; k + 8 <= nb; k += 8) {
            int s0 = order[start + k] * rows;
            int s1 = order[start + k + 1] * rows;
            int s2 = order[start + k + 2] * rows;
            int s3 = order[start + k + 3] * rows;
            int s4 = order[start + k + 4] * rows;
            int s5 = order[start + k + 5] * rows;
            int s6 = order[start + k + 6] * rows;
            int s7 = order[start + k + 7] * rows;
            for (int i = 0; i < rows; i++) {
                int d = i * nb + k;
                dst[d] = srcRows[s0 + i];
                dst[d + 1] = srcRows[s1 + i];
                dst[d + 2] = srcRows[s2 + i];
                dst[d + 3] = srcRows[s3 + i];
                dst[d + 4] = srcRows[s4 + i];
                dst[d + 5] = srcRows[s5 + i];
                dst[d + 6] = srcRows[s6 + i];
                dst[d + 7] = srcRows[s7 + i];
            }
        }
        for (; k < nb; k++) {
            int s = order[start + k] * rows;
            for (int i = 0; i < rows; i++) {
                dst[i * nb + k] = srcRows[s + i];
            }
        }
    }

    /** dst (rows×nb) = columns [start, start+nb) of src (rows×m): one contiguous copy per row. */
    private static void slice(double[] src, int rows, int m, int start, int nb, double[] dst) {
        for (int i = 0; i < rows; i++) {
            System.arraycopy(src, i * m + start, dst, i * nb, nb);
        }
    }

    /** The (cols×rows) transpose of a row-major (rows×cols) array, in cache-sized tiles. */
    static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        final int tile = 64;
        for (int i0 = 0; i0 < rows; i0 += tile) {
            for (int j0 = 0; j0 < cols; j0 += tile) {
                for (int i = i0; i < Math.min(i0 + tile, rows); i++) {
                    for (int j = j0; j < Math.min(j0 + tile, cols); j++) {
                        t[j * rows + i] = a[i * cols + j];
                    }
                }
            }
        }
        return t;
    }
}
