package scratchnet.nn;

import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;

import scratchnet.engine.Matrix;

/**
 * The arrays {@code fit} reads its inputs from, kept for the next {@code fit} on the same matrix:
 * x's values (row-major, features × samples) and, for shuffled mini-batches, the same values with
 * one sample per row, from which a batch is gathered with contiguous reads. Training that calls
 * {@code fit} once per epoch (to plot between epochs, say) copies a 60,000-sample data set once
 * instead of every time. {@link Matrix} is immutable, so a copy made for a matrix stays valid; only
 * the most recent matrix is kept, and softly, so the collector may drop it when memory runs short.
 * <pre>{@code
 * double[] rows = SampleRows.rows(x);   // x (in×m) as m rows of in values
 * }</pre>
 */
final class SampleRows {
    private static WeakReference<Matrix> key = new WeakReference<>(null);
    private static SoftReference<double[]> values = new SoftReference<>(null);
    private static SoftReference<double[]> rows = new SoftReference<>(null);

    private SampleRows() {
    }

    /** x's values, row-major (features × samples); the caller must not change the array. */
    static synchronized double[] values(Matrix x) {
        select(x);
        double[] v = values.get();
        if (v == null) {
            v = x.flatten();
            values = new SoftReference<>(v);
        }
        return v;
    }

    /** x's values with one sample per row (samples × features); the caller must not change it. */
    static synchronized double[] rows(Matrix x) {
        double[] v = values(x);
        double[] r = rows.get();
        if (r == null) {
            r = Batches.transpose(v, x.rows(), x.cols());
            rows = new SoftReference<>(r);
        }
        return r;
    }

    /** Makes x the cached matrix, dropping the copies of any other. */
    private static void select(Matrix x) {
        if (key.get() != x) {
            key = new WeakReference<>(x);
            values = new SoftReference<>(null);
            rows = new SoftReference<>(null);
        }
    }
}
