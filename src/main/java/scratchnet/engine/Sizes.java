package scratchnet.engine;

import java.util.Locale;

/**
 * The one check of how many values a matrix (or a layer's weights) may hold, done in {@code long}
 * before anything is allocated: a Java array holds at most {@link #MAX_VALUES} values, and the
 * JVM's heap bounds what fits in memory. Without it, {@code zeros(65536, 65536)} would overflow
 * {@code int} to a matrix of 0 values.
 * <pre>{@code
 * double[] d = new double[Sizes.values("zeros", rows, cols)];
 * // zeros: a 65536×65536 matrix would hold 4,294,967,296 values; a Java array holds at most 2,147,483,639
 * }</pre>
 */
public final class Sizes {
    /** The most elements a Java array can hold on common JVMs. */
    public static final int MAX_VALUES = Integer.MAX_VALUE - 8;

    private Sizes() {
    }

    /**
     * rows·cols as an int, after checking that both are ≥ 0, that the product fits in one Java
     * array, and that its doubles fit in the JVM's maximum heap.
     *
     * @throws IllegalArgumentException naming the operation, the shape and the limit exceeded
     */
    public static int values(String op, long rows, long cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(op + ": dimensions must be >= 0, got (" + rows + "×" + cols + ")");
        }
        long n = rows * cols;   // both < 2³¹, so the product fits in a long
        if (n > MAX_VALUES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: a %d×%d matrix would hold %,d values; a Java array holds at most %,d", op, rows, cols, n,
                    (long) MAX_VALUES));
        }
        long bytes = n * Double.BYTES;
        long heap = Runtime.getRuntime().maxMemory();
        if (heap != Long.MAX_VALUE && bytes > heap) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: a %d×%d matrix needs %s of memory, more than this JVM may use (%s, set with -Xmx)",
                    op, rows, cols, bytes(bytes), bytes(heap)));
        }
        return (int) n;
    }

    /** A byte count in the largest unit that keeps it ≥ 1: "11.2 GB", "640.0 MB". */
    static String bytes(long b) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB"};
        double v = b;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? b + " bytes" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
