package scratchnet.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import scratchnet.engine.Matrix;
import scratchnet.nn.History;
import scratchnet.nn.Network;
import scratchnet.plot.Figure;
import scratchnet.plot.Plots;

/**
 * A value as a learner reads it in a list of variables: one line ({@link #line}) and, when asked
 * for more, what {@link Renderers} shows for it plus a small chart of a vector ({@link #details}).
 * <pre>{@code
 * ValueSummary.line(arange(0, 1, 0.01))
 * // "Matrix 1×100  mean 0.495  std 0.2887  min 0  max 0.99"
 * ValueSummary.line(net(1, 25, 1).sigmoid().linear())
 * // "Network 1-25-1 sigmoid, linear (76 parameters)"
 * ValueSummary.line(3)                      // "3"
 * ValueSummary.details(x).data().keySet()   // [text/plain, text/html, image/png]
 * }</pre>
 */
public final class ValueSummary {
    /** The longest line; a longer {@code toString()} is cut and ends with "…". */
    public static final int MAX_CHARS = 120;
    /** The size of a vector's chart in {@link #details}, in pixels. */
    static final int CHART_WIDTH = 400;
    static final int CHART_HEIGHT = 250;

    private ValueSummary() {
    }

    /**
     * One line for {@code o}: a Matrix by its shape and statistics (and NaN/Inf counts when it
     * has any), a Network by its layer sizes and activations, a History by its last loss and
     * steps, an array by its elements, anything else by its {@code toString()}; cut to
     * {@value #MAX_CHARS} characters.
     */
    public static String line(Object o) {
        if (o instanceof Matrix) {
            return matrix((Matrix) o);
        }
        if (o instanceof Network) {
            return network((Network) o);
        }
        if (o instanceof History) {
            return history((History) o);
        }
        return cut(text(o).replace('\n', ' '));
    }

    /** {@code String.valueOf(o)}, but an array as its elements: {@code [1, 2, 3]}. */
    private static String text(Object o) {
        if (o instanceof Object[]) {
            return Arrays.deepToString((Object[]) o);
        }
        if (o != null && o.getClass().isArray()) {
            // a primitive array: wrap it so deepToString prints its elements
            String s = Arrays.deepToString(new Object[] {o});
            return s.substring(1, s.length() - 1);
        }
        return String.valueOf(o);
    }

    /**
     * What {@link Renderers#render} gives for {@code o}, and for a Matrix of one row or one column
     * (with at least two values, all finite) an {@code image/png} line chart of its values as well.
     */
    public static MimeBundle details(Object o) {
        MimeBundle b = Renderers.render(o).copy();
        if (o instanceof Matrix && !b.has("image/png")) {
            Matrix m = (Matrix) o;
            if ((m.rows() == 1 || m.cols() == 1) && m.size() >= 2 && allFinite(m)) {
                double[] y = m.flatten();
                double[] x = new double[y.length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = i;
                }
                Figure chart = Plots.line(x, y).size(CHART_WIDTH, CHART_HEIGHT).xLabel("index");
                MimeBundle png = Charts.bundle(chart, false);
                b.put("image/png", png.get("image/png"));
                png.metadata().getOrDefault("image/png", java.util.Map.of()).forEach((k, v) -> b.meta("image/png", k, v));
            }
        }
        return b;
    }

    private static String matrix(Matrix m) {
        return matrix(m.rows(), m.cols(), m.flatten());
    }

    /**
     * The line of a {@code rows×cols} Matrix from its values in row-major order, all of them or
     * only the first ones (then the line says how many the statistics cover): shape, mean, std
     * (numpy's, ddof 0), min and max of the finite values, then {@code  NaN 3  Inf 1} when present.
     * <pre>{@code
     * ValueSummary.matrix(2, 3, new double[] {1, 2, 3, 4, 5, 6})   // "Matrix 2×3  mean 3.5  std 1.708  min 1  max 6"
     * ValueSummary.matrix(1000, 4, firstEight)   // "Matrix 1000×4  mean …  (of the first 8 values)"
     * }</pre>
     *
     * @throws IllegalArgumentException when there are more values than {@code rows·cols}
     */
    public static String matrix(int rows, int cols, double[] values) {
        long size = (long) rows * cols;
        if (values.length > size) {
            throw new IllegalArgumentException("a " + rows + "×" + cols + " matrix has " + size
                    + " values; got " + values.length);
        }
        StringBuilder sb = new StringBuilder("Matrix ").append(rows).append('×').append(cols);
        // one pass over the finite values (Welford): mean, sum of squared deviations, min, max
        long n = 0;
        long nan = 0;
        long inf = 0;
        double mean = 0;
        double m2 = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isNaN(v)) {
                nan++;
            } else if (Double.isInfinite(v)) {
                inf++;
            } else {
                n++;
                // δ = v − mean;  mean += δ/n;  M2 += δ·(v − mean)
                double d = v - mean;
                mean += d / n;
                m2 += d * (v - mean);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (n > 0) {
            // std = √(M2 / n), numpy's default (ddof = 0)
            sb.append("  mean ").append(num(mean)).append("  std ").append(num(Math.sqrt(m2 / n)))
                    .append("  min ").append(num(min)).append("  max ").append(num(max));
        }
        if (nan > 0) {
            sb.append("  NaN ").append(nan);
        }
        if (inf > 0) {
            sb.append("  Inf ").append(inf);
        }
        if (values.length < size) {
            sb.append("  (of the first ").append(values.length).append(" values)");
        }
        return sb.toString();
    }

    private static String network(Network net) {
        List<String> labels = new ArrayList<>();
        net.activations().forEach(a -> labels.add(a.label()));
        return network(net.sizes(), labels, net.parameterCount());
    }

    /**
     * The line of a Network from its layer sizes (input first), the labels of the activations
     * given so far and its number of parameters.
     * <pre>{@code
     * ValueSummary.network(new int[] {1, 25, 1}, List.of("sigmoid", "linear"), 76)
     * // "Network 1-25-1 sigmoid, linear (76 parameters)"
     * }</pre>
     */
    public static String network(int[] sizes, List<String> activations, long parameters) {
        StringBuilder sb = new StringBuilder("Network ");
        for (int l = 0; l < sizes.length; l++) {
            sb.append(l == 0 ? "" : "-").append(sizes[l]);
        }
        for (int l = 0; l < activations.size(); l++) {
            sb.append(l == 0 ? " " : ", ").append(activations.get(l));
        }
        if (activations.size() < sizes.length - 1) {
            sb.append(activations.isEmpty() ? " " : ", ").append(sizes.length - 1 - activations.size())
                    .append(" activation(s) missing");
        }
        return sb.append(" (").append(parameters).append(" parameters)").toString();
    }

    private static String history(History h) {
        return history(h.updates(), h.size() == 0 ? Double.NaN : h.lastLoss(), h.interrupted(), h.stopped());
    }

    /**
     * The line of a training History: its updates, its last recorded loss (NaN for none), and
     * whether training was interrupted or stopped.
     * <pre>{@code
     * ValueSummary.history(4000, 0.00123, false, false)   // "History 4000 steps, last loss 0.00123"
     * }</pre>
     */
    public static String history(int updates, double lastLoss, boolean interrupted, boolean stopped) {
        String end = interrupted ? ", interrupted" : stopped ? ", stopped" : "";
        return "History " + updates + " steps, last loss " + (Double.isNaN(lastLoss) ? "-" : num(lastLoss)) + end;
    }

    /** Four significant digits, without trailing zeros: 0.495, 0.2887, 1.5e-05 (NaN and Infinity as Java writes them). */
    public static String num(double v) {
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            return trimZeros(parts[0]) + "e" + parts[1];
        }
        return trimZeros(s);
    }

    private static String trimZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String cut(String s) {
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS - 1) + "…";
    }

    private static boolean allFinite(Matrix m) {
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                if (!Double.isFinite(m.get(i, j))) {
                    return false;
                }
            }
        }
        return true;
    }
}
