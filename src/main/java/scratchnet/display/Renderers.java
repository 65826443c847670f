package scratchnet.display;

import java.util.List;
import java.util.ListIterator;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.knowm.xchart.internal.chartpart.Chart;

import scratchnet.engine.Matrix;
import scratchnet.nn.Activation;
import scratchnet.nn.History;
import scratchnet.nn.Network;
import scratchnet.plot.Figure;
import scratchnet.plot.Plots;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Turns any object into a {@link MimeBundle}. Renderers are looked up by class: the most recently
 * registered renderer whose class accepts the object ({@code isInstance}) wins, so a renderer you
 * register replaces the built-in one for its class. Built in: XChart charts (PNG + SVG), Tablesaw
 * tables and {@link Matrix} (HTML tables), {@link Network} (a layer table), {@link History} (its
 * loss curve), {@link MimeBundle} (itself); anything else is {@code String.valueOf(o)}.
 * <pre>{@code
 * Renderers.register(Point.class, p -> new MimeBundle()
 *         .put("text/plain", p.x() + "," + p.y())
 *         .put("text/html", "<i>(" + p.x() + ", " + p.y() + ")</i>"));
 * Renderers.render(new Point(1, 2)).data();   // {text/plain=1,2, text/html=<i>(1, 2)</i>}
 * }</pre>
 * Every bundle that comes out has {@code text/plain}; when a renderer leaves it out,
 * {@code String.valueOf(o)} is added.
 */
public final class Renderers {
    /** Tablesaw rows shown before "… N more rows". */
    static final int TABLE_ROWS = 20;
    /** Matrix rows and columns shown before "…". */
    static final int MATRIX_CELLS = 12;

    private record Entry<T>(Class<T> type, Function<? super T, MimeBundle> fn) {
        MimeBundle apply(Object o) {
            return fn.apply(type.cast(o));
        }
    }

    private static final CopyOnWriteArrayList<Entry<?>> ENTRIES = new CopyOnWriteArrayList<>();

    static {
        registerBuiltIns();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void registerBuiltIns() {
        register(MimeBundle.class, MimeBundle::copy);
        register(Chart.class, Renderers::chart);
        register(Table.class, Renderers::table);
        register(Matrix.class, Renderers::matrix);
        register(Network.class, Renderers::network);
        register(History.class, Renderers::history);
    }

    private Renderers() {
    }

    /**
     * Adds a renderer for {@code type} and its subclasses; it takes precedence over every renderer
     * registered before it.
     */
    public static <T> void register(Class<T> type, Function<T, MimeBundle> renderer) {
        if (type == null || renderer == null) {
            throw new IllegalArgumentException("Renderers.register: expected a class and a function, got "
                    + (type == null ? "no class" : type.getName()) + " and " + (renderer == null ? "no function" : "a function"));
        }
        ENTRIES.add(new Entry<>(type, renderer));
    }

    /** The bundle for {@code o} (never null; always with {@code text/plain}). */
    public static MimeBundle render(Object o) {
        if (o == null) {
            return MimeBundle.ofText("null");
        }
        List<Entry<?>> entries = ENTRIES;
        for (ListIterator<Entry<?>> it = entries.listIterator(entries.size()); it.hasPrevious();) {
            Entry<?> e = it.previous();
            if (e.type().isInstance(o)) {
                MimeBundle b = e.apply(o);
                if (b == null) {
                    throw new IllegalStateException("render: the renderer registered for " + e.type().getName()
                            + " returned null for a " + o.getClass().getName() + "; expected a MimeBundle");
                }
                if (!b.has(MimeBundle.TEXT)) {
                    b = b.copy().put(MimeBundle.TEXT, String.valueOf(o));
                }
                return b;
            }
        }
        return MimeBundle.ofText(String.valueOf(o));
    }

    // ------------------------------------------------------------------ built-ins

    @SuppressWarnings("rawtypes")
    private static MimeBundle chart(Chart chart) {
        return Charts.bundle((Chart<?, ?>) chart, true);
    }

    private static MimeBundle history(History h) {
        Figure chart = Plots.lossCurve(h, Plots.logScaleSuits(h.losses(), h.size()));
        MimeBundle b = chart.getSeriesMap().isEmpty() ? new MimeBundle() : Charts.bundle(chart, false);
        return b.put(MimeBundle.TEXT, h.toString());
    }

    private static MimeBundle table(Table t) {
        int rows = t.rowCount();
        int shown = Math.min(rows, TABLE_ROWS);
        StringBuilder h = new StringBuilder("<table class=\"scratchnet-table\">");
        h.append("<caption style=\"text-align:left\">").append(Html.escape(t.name() == null ? "Table" : t.name()))
                .append(" (").append(rows).append(" rows × ").append(t.columnCount()).append(" columns)</caption>");
        h.append("<thead><tr>");
        for (Column<?> c : t.columns()) {
            h.append("<th>").append(Html.escape(c.name())).append("<br><small>")
                    .append(Html.escape(c.type().name().toLowerCase(java.util.Locale.ROOT))).append("</small></th>");
        }
        h.append("</tr></thead><tbody>");
        for (int r = 0; r < shown; r++) {
            h.append("<tr>");
            for (Column<?> c : t.columns()) {
                h.append("<td>").append(Html.escape(c.getString(r))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
        if (rows > shown) {
            h.append("<div>… ").append(rows - shown).append(" more rows</div>");
        }
        String text = (rows > shown ? t.first(shown) : t).print(shown);
        if (rows > shown) {
            text += "\n… " + (rows - shown) + " more rows";
        }
        return new MimeBundle().put(MimeBundle.TEXT, text).put("text/html", h.toString());
    }

    private static MimeBundle matrix(Matrix m) {
        return new MimeBundle().put(MimeBundle.TEXT, m.toString()).put("text/html", matrixHtml(m.rows(), m.cols(), m::get));
    }

    /** Reads the value at row {@code i}, column {@code j} of a matrix. */
    @FunctionalInterface
    public interface Cells {
        /** The value at (i, j). */
        double get(int i, int j);
    }

    /**
     * The HTML table of a {@code rows×cols} matrix: its first and last 6 rows and columns around
     * "…" when it has more than 12 (the indices {@link #shownIndices} gives); only the cells shown
     * are read from {@code cells}.
     * <pre>{@code
     * Renderers.matrixHtml(m.rows(), m.cols(), m::get)   // "<table class=\"scratchnet-matrix\" …"
     * }</pre>
     */
    public static String matrixHtml(int rows, int cols, Cells cells) {
        int[] shownRows = visible(rows);
        int[] shownCols = visible(cols);
        String shape = "(" + rows + "×" + cols + ")";
        StringBuilder h = new StringBuilder("<table class=\"scratchnet-matrix\" style=\"font-family:monospace\">");
        h.append("<caption style=\"text-align:left\">Matrix ").append(shape).append("</caption>");
        h.append("<thead><tr><th></th>");
        for (int j : shownCols) {
            h.append("<th>").append(j < 0 ? "…" : Integer.toString(j)).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (int i : shownRows) {
            h.append("<tr><th>").append(i < 0 ? "…" : Integer.toString(i)).append("</th>");
            for (int j : shownCols) {
                h.append("<td style=\"text-align:right\">")
                        .append(i < 0 || j < 0 ? "…" : Html.num(cells.get(i, j))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
        return h.toString();
    }

    /** The indices {@link #matrixHtml} shows of n: all when n ≤ 12, else the first 6, -1 for "…", the last 6. */
    public static int[] shownIndices(int n) {
        return visible(n);
    }

    /** The indices shown of n: all when n ≤ 12, else the first 6, -1 for "…", the last 6. */
    private static int[] visible(int n) {
        if (n <= MATRIX_CELLS) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int half = MATRIX_CELLS / 2;
        int[] idx = new int[MATRIX_CELLS + 1];
        for (int i = 0; i < half; i++) {
            idx[i] = i;
            idx[half + 1 + i] = n - half + i;
        }
        idx[half] = -1;
        return idx;
    }

    private static MimeBundle network(Network net) {
        int[] sizes = net.sizes();
        List<Activation> acts = net.activations();
        StringBuilder h = new StringBuilder("<table class=\"scratchnet-network\">");
        h.append("<caption style=\"text-align:left\">").append(Html.escape(net.toString())).append("</caption>");
        h.append("<thead><tr><th>layer</th><th>shape</th><th>activation</th><th>params</th></tr></thead><tbody>");
        for (int l = 1; l < sizes.length; l++) {
            String act = l - 1 < acts.size() ? acts.get(l - 1).label() : "(missing)";
            h.append("<tr><td>w").append(l).append(",b").append(l).append("</td><td>")
                    .append(sizes[l]).append('×').append(sizes[l - 1]).append("</td><td>").append(Html.escape(act))
                    .append("</td><td style=\"text-align:right\">").append(sizes[l] * sizes[l - 1] + sizes[l])
                    .append("</td></tr>");
        }
        h.append("</tbody><tfoot><tr><th>total</th><th></th><th></th><th style=\"text-align:right\">")
                .append(net.parameterCount()).append("</th></tr></tfoot></table>");
        String summary = net.summary();
        String last = summary.substring(summary.lastIndexOf('\n') + 1);
        h.append("<div><small>").append(Html.escape(last)).append("</small></div>");
        return new MimeBundle().put(MimeBundle.TEXT, summary).put("text/html", h.toString());
    }
}
