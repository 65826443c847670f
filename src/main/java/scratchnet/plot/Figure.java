package scratchnet.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Function;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import scratchnet.engine.Matrix;
import scratchnet.engine.ShapeException;

/**
 * An XChart {@link XYChart} with a clean look and a few chainable methods; every XChart method
 * still works on it, and notebooks show it inline like any chart.
 * <pre>{@code
 * var x = linspace(0, 1, 50);
 * Figure f = new Figure()
 *         .line(x, x.mul(2 * Math.PI).map(Math::sin), "truth")
 *         .scatter(x, model.predict(x), "fit")
 *         .title("20·sin(2πx)").xLabel("x").yLabel("y");
 * f.save("fit.png");                      // or "fit.svg"
 * f.getStyler().setYAxisMin(-25.0);       // plain XChart, when you need it
 * }</pre>
 * x and y may be rows (1×n) or columns (n×1) with the same number of values. Series are named
 * "series 1", "series 2", … unless named; a repeated name gets " (2)", " (3)", … appended. The
 * legend (inside, top right) shows once there are two or more series in it. Tick labels show up
 * to six significant digits ({@code getStyler().setxAxisTickLabelsFormattingFunction(null)} gives
 * XChart's own back).
 */
public class Figure extends XYChart {
    /** The default width in pixels. */
    public static final int WIDTH = 600;
    /** The default height in pixels. */
    public static final int HEIGHT = 400;
    /** The largest width or height {@link #size} accepts. */
    static final int MAX_SIZE = 10_000;
    /** The step between the x axis's ticks while painting with round ticks; NaN otherwise. */
    private double xStep = Double.NaN;
    /** The step between the y axis's ticks while painting with round ticks; NaN otherwise. */
    private double yStep = Double.NaN;
    /** The tick labels of the linear x axis: as many decimals as its step needs. */
    private final Function<Double, String> xTicks = v -> tickLabel(v, xStep);
    /** The tick labels of the linear y axis: as many decimals as its step needs. */
    private final Function<Double, String> yTicks = v -> tickLabel(v, yStep);

    /** An empty 600×400 figure. */
    public Figure() {
        this(WIDTH, HEIGHT);
    }

    /** An empty figure of the given size in pixels. */
    public Figure(int width, int height) {
        super(checkSize("Figure", width, height)[0], height);
        applyTheme(getStyler());
        getStyler().setxAxisTickLabelsFormattingFunction(xTicks);
        getStyler().setyAxisTickLabelsFormattingFunction(yTicks);
    }

    private static void applyTheme(XYStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartFontColor(Palette.TEXT);
        s.setChartTitleBoxVisible(false);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(Palette.BORDER);
        s.setPlotGridLinesVisible(true);
        s.setPlotGridLinesColor(Palette.GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setAxisTickMarksColor(Palette.BORDER);
        s.setAxisTickLabelsColor(Palette.TEXT);
        s.setLegendVisible(false);
        s.setLegendPosition(LegendPosition.InsideNE);
        s.setLegendBorderColor(Palette.BORDER);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 230));
        s.setSeriesColors(Palette.STRONG);
        s.setSeriesMarkers(new Marker[] {SeriesMarkers.CIRCLE});
        s.setSeriesLines(new BasicStroke[] {SeriesLines.SOLID});
        s.setMarkerSize(6);
    }

    /**
     * Paints as XChart does, with two changes. A linear axis whose bounds were not set gets round
     * bounds and round ticks ({@link NiceScale}: 1, 2 or 5 × 10^k, at most {@link #maxTicks} of
     * them, the axis starting and ending on a tick), where XChart alone would put the ticks on
     * evenly spaced data values (0, 0.07, 0.14 … for {@code arange(0, 1, 0.01)}). A log-scale axis
     * keeps XChart's own tick labels: XChart draws an axis linearly whenever it has a tick-label
     * function, whatever its log setting. The styler is left as it was. (XChart tells evenly spaced
     * values with an absolute tolerance of 1e-4, so on an axis whose data spans less than about
     * 0.001 the ticks may still fall on data values.)
     */
    @Override
    public void paint(Graphics2D g, int width, int height) {
        XYStyler s = getStyler();
        Function<Double, String> fx = s.getxAxisTickLabelsFormattingFunction();
        Function<Double, String> fy = s.getyAxisTickLabelsFormattingFunction();
        int hintX = s.getXAxisTickMarkSpacingHint();
        int hintY = s.getYAxisTickMarkSpacingHint();
        boolean roundX = !s.isXAxisLogarithmic() && s.getXAxisMin() == null && s.getXAxisMax() == null;
        boolean roundY = !s.isYAxisLogarithmic() && s.getYAxisMin() == null && s.getYAxisMax() == null;
        if (s.isXAxisLogarithmic() && fx == xTicks) {
            s.setxAxisTickLabelsFormattingFunction(null);
        }
        if (s.isYAxisLogarithmic() && fy == yTicks) {
            s.setyAxisTickLabelsFormattingFunction(null);
        }
        try {
            if (roundX) {
                roundAxis(true, xAxisPixels(width));
            }
            if (roundY) {
                roundAxis(false, yAxisPixels(height));
            }
            super.paint(g, width, height);
        } finally {
            s.setxAxisTickLabelsFormattingFunction(fx);
            s.setyAxisTickLabelsFormattingFunction(fy);
            s.setXAxisTickMarkSpacingHint(hintX);
            s.setYAxisTickMarkSpacingHint(hintY);
            if (roundX) {
                s.setXAxisMin(null).setXAxisMax(null);
            }
            if (roundY) {
                s.setYAxisMin(null).setYAxisMax(null);
            }
            xStep = Double.NaN;
            yStep = Double.NaN;
        }
    }

    /** About how long the x axis of a figure {@code width} pixels wide is. */
    static int xAxisPixels(int width) {
        return width - Y_AXIS_PIXELS;
    }

    /** About how long the y axis of a figure {@code height} pixels high is. */
    static int yAxisPixels(int height) {
        return height - X_AXIS_PIXELS;
    }

    /** About what the y axis's labels and padding take from the width, in pixels. */
    private static final int Y_AXIS_PIXELS = 70;
    /** About what the title, the x axis's labels and padding take from the height, in pixels. */
    private static final int X_AXIS_PIXELS = 85;
    /** Pixels per tick below which ticks would crowd: along x (labels side by side), along y. */
    private static final int X_TICK_PIXELS = 70;
    private static final int Y_TICK_PIXELS = 36;

    /** At most this many ticks on an axis about {@code pixels} long: 3 to 9. */
    static int maxTicks(double pixels, boolean x) {
        int n = (int) (pixels / (x ? X_TICK_PIXELS : Y_TICK_PIXELS)) + 1;
        return Math.max(3, Math.min(9, n));
    }

    /**
     * The round scale of data from min to max on an axis about {@code axisPixels} long: at most
     * {@link #maxTicks} ticks, and on the x axis, where labels sit side by side, fewer while the
     * longest label is wider than a step (XChart would widen the step itself, and the bounds would
     * no longer fall on ticks). Null when the data has no range.
     */
    static NiceScale scale(double min, double max, double axisPixels, boolean x) {
        NiceScale scale = NiceScale.of(min, max, maxTicks(axisPixels, x));
        while (x && scale != null && scale.ticks() > 2 && labelPixels(scale) * 1.1 >= stepPixels(scale, axisPixels)) {
            scale = NiceScale.of(min, max, scale.ticks() - 1);
        }
        return scale;
    }

    /** About how wide the widest tick label of a scale is, in pixels (7 per character of the axis font). */
    private static double labelPixels(NiceScale scale) {
        int chars = Math.max(tickLabel(scale.lo, scale.step).length(), tickLabel(scale.hi, scale.step).length());
        return 7.0 * chars;
    }

    /** The pixels between two ticks of a scale on an axis about {@code axisPixels} long (92 % of it plotted). */
    private static double stepPixels(NiceScale scale, double axisPixels) {
        return 0.92 * axisPixels / (scale.ticks() - 1);
    }

    /**
     * Sets round bounds on one axis and a tick spacing hint from which XChart's own tick placement
     * (steps of 1, 2, 5 × 10^k chosen from span / plot size × hint) picks the same step. The
     * bounds reach a billionth of a step past the round values: XChart puts the ticks on the data
     * values instead when the bounds and the data are evenly spaced together.
     */
    private void roundAxis(boolean x, double axisPixels) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (XYSeries series : getSeriesMap().values()) {
            for (double v : x ? series.getXData() : series.getYData()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        NiceScale scale = scale(min, max, axisPixels, x);
        if (scale == null) {
            return;
        }
        double slack = scale.step * 1e-9;
        // XChart: significand = span / tickSpace × hint maps (1.5, 3.5] to 2, (3.5, 7.5] to 5 and
        // (0.75, 1.5] to 1; aim at the middle of the band of our mantissa, on the plot's 92 %
        double middle = scale.mantissa == 1 ? 1.06 : scale.mantissa == 2 ? 2.29 : 5.12;
        double tickSpace = getStyler().getPlotContentSize() * axisPixels;
        int hint = (int) Math.round(scale.step / scale.mantissa * middle * tickSpace / (scale.hi - scale.lo));
        XYStyler s = getStyler();
        if (x) {
            s.setXAxisMin(scale.lo - slack).setXAxisMax(scale.hi + slack);
            s.setXAxisTickMarkSpacingHint(hint);
            xStep = scale.step;
        } else {
            s.setYAxisMin(scale.lo - slack).setYAxisMax(scale.hi + slack);
            s.setYAxisTickMarkSpacingHint(hint);
            yStep = scale.step;
        }
    }

    /**
     * A tick label with the decimals a tick {@code step} apart needs (with six significant digits
     * at least, so 1672.822 next to 1672.824 stays apart), no trailing zeros: 0.2, 1200, -2.5,
     * 1672.822, 1.5e-7. Without a step (NaN) as {@link #tickLabel(Double)}.
     */
    static String tickLabel(double v, double step) {
        if (!(step > 0) || !Double.isFinite(step) || !Double.isFinite(v)) {
            return tickLabel(v);
        }
        if (Math.abs(v) < step / 2) {
            return "0";
        }
        double a = Math.abs(v);
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
        if (a >= 1e-4 && a < 1e7 && decimals <= 10) {
            String plain = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
            String sixDigits = tickLabel(v);
            // the longer of the two: six significant digits, or the step's decimals
            return plain.length() >= sixDigits.length() ? plain : sixDigits;
        }
        int digits = Math.max(6, (int) Math.ceil(Math.log10(a / step)) + 1);
        String[] parts = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v).split("e");
        String mantissa = new BigDecimal(parts[0]).stripTrailingZeros().toPlainString();
        return mantissa + "e" + Integer.parseInt(parts[1]);
    }

    /** Up to six significant digits, no trailing zeros: 0.07, 1200, -2.5, 1.5e-7. */
    static String tickLabel(Double value) {
        double v = value;
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : String.valueOf(v);
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e7) {
            return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        }
        String[] parts = String.format(Locale.ROOT, "%.5e", v).split("e");
        String mantissa = new BigDecimal(parts[0]).stripTrailingZeros().toPlainString();
        return mantissa + "e" + Integer.parseInt(parts[1]);
    }

    // ------------------------------------------------------------------ series

    /** Adds points (x, y) as a scatter series named "series n". */
    public Figure scatter(Matrix x, Matrix y) {
        return scatter(x, y, null);
    }

    /** Adds points (x, y) as a scatter series called {@code name}. */
    public Figure scatter(Matrix x, Matrix y, String name) {
        return add("scatter", XYSeriesRenderStyle.Scatter, x, y, name);
    }

    /** Adds points (x, y) as a scatter series named "series n". */
    public Figure scatter(double[] x, double[] y) {
        return scatter(x, y, null);
    }

    /** Adds points (x, y) as a scatter series called {@code name}. */
    public Figure scatter(double[] x, double[] y, String name) {
        return add("scatter", XYSeriesRenderStyle.Scatter, x, y, name);
    }

    /** Adds a line through (x, y), in the given order, named "series n". */
    public Figure line(Matrix x, Matrix y) {
        return line(x, y, null);
    }

    /** Adds a line through (x, y), in the given order, called {@code name}. */
    public Figure line(Matrix x, Matrix y, String name) {
        return add("line", XYSeriesRenderStyle.Line, x, y, name);
    }

    /** Adds a line through (x, y), in the given order, named "series n". */
    public Figure line(double[] x, double[] y) {
        return line(x, y, null);
    }

    /** Adds a line through (x, y), in the given order, called {@code name}. */
    public Figure line(double[] x, double[] y, String name) {
        return add("line", XYSeriesRenderStyle.Line, x, y, name);
    }

    private Figure add(String op, XYSeriesRenderStyle style, Matrix x, Matrix y, String name) {
        double[] xs = values(op, "x", x);
        double[] ys = values(op, "y", y);
        if (xs.length != ys.length) {
            throw new ShapeException(op + ": x is " + shape(x) + " but y is " + shape(y)
                    + "; they need the same number of values");
        }
        return addSeries(op, style, xs, ys, name);
    }

    private Figure add(String op, XYSeriesRenderStyle style, double[] x, double[] y, String name) {
        if (x == null || y == null) {
            throw new IllegalArgumentException(op + ": expected x and y arrays, got " + (x == null ? "null" : "an array")
                    + " for x and " + (y == null ? "null" : "an array") + " for y");
        }
        if (x.length != y.length) {
            throw new ShapeException(op + ": x has " + x.length + " values but y has " + y.length
                    + "; they need the same number of values");
        }
        return addSeries(op, style, x.clone(), y.clone(), name);
    }

    private Figure addSeries(String op, XYSeriesRenderStyle style, double[] xs, double[] ys, String name) {
        if (xs.length == 0) {
            throw new IllegalArgumentException(op + ": expected at least one point, got empty x and y");
        }
        String unique = uniqueName(name);
        if (getStyler().isYAxisLogarithmic()) {
            checkPositive(op, unique, ys);
        }
        XYSeries s = addSeries(unique, xs, ys);
        s.setXYSeriesRenderStyle(style);
        if (style == XYSeriesRenderStyle.Line) {
            s.setMarker(xs.length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            s.setLineWidth(2f);
        } else {
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        updateLegend();
        return this;
    }

    /** The values of a row or column vector; anything else is an error naming its shape. */
    private static double[] values(String op, String what, Matrix m) {
        if (m == null) {
            throw new IllegalArgumentException(op + ": expected a matrix for " + what + ", got null");
        }
        if (m.rows() != 1 && m.cols() != 1) {
            throw new ShapeException(op + ": " + what + " is " + shape(m)
                    + "; expected a row (1×n) or a column (n×1) of values — pick one with " + what + ".row(i)");
        }
        return m.flatten();
    }

    private static String shape(Matrix m) {
        return ShapeException.shape(m.rows(), m.cols());
    }

    /** {@code requested} if free, else with " (2)", " (3)", …; null or blank gives "series n". */
    String uniqueName(String requested) {
        if (requested == null || requested.isBlank()) {
            int n = getSeriesMap().size() + 1;
            while (getSeriesMap().containsKey("series " + n)) {
                n++;
            }
            return "series " + n;
        }
        if (!getSeriesMap().containsKey(requested)) {
            return requested;
        }
        int k = 2;
        while (getSeriesMap().containsKey(requested + " (" + k + ")")) {
            k++;
        }
        return requested + " (" + k + ")";
    }

    /** Shows the legend when two or more series are listed in it, hides it otherwise. */
    void updateLegend() {
        long shown = getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).count();
        getStyler().setLegendVisible(shown >= 2);
    }

    // ------------------------------------------------------------------ labels and axes

    /** Sets the title shown above the plot (null for none). */
    public Figure title(String title) {
        setTitle(title == null ? "" : title);
        return this;
    }

    /** Sets the x-axis label. */
    public Figure xLabel(String label) {
        setXAxisTitle(label == null ? "" : label);
        return this;
    }

    /** Sets the y-axis label. */
    public Figure yLabel(String label) {
        setYAxisTitle(label == null ? "" : label);
        return this;
    }

    /** Puts the y axis on a log scale; every y value must be positive. */
    public Figure logY() {
        return logY(true);
    }

    /** Puts the y axis on a log scale ({@code true}; every y value must be positive) or back on a linear one. */
    public Figure logY(boolean on) {
        if (on) {
            for (XYSeries s : getSeriesMap().values()) {
                checkPositive("logY", s.getName(), s.getYData());
            }
        }
        getStyler().setYAxisLogarithmic(on);
        return this;
    }

    private static void checkPositive(String op, String series, double[] ys) {
        for (int i = 0; i < ys.length; i++) {
            if (ys[i] <= 0) {
                throw new IllegalArgumentException(op + ": a log-scale y axis needs positive values, but series \""
                        + series + "\" has y = " + ys[i] + " at index " + i);
            }
        }
    }

    /** Sets the size in pixels (of the saved image and of the inline picture). */
    public Figure size(int width, int height) {
        checkSize("size", width, height);
        setWidth(width);
        setHeight(height);
        return this;
    }

    private static int[] checkSize(String op, int width, int height) {
        if (width < 1 || height < 1 || width > MAX_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException(op + ": expected a width and height between 1 and " + MAX_SIZE
                    + " pixels, got " + width + "×" + height);
        }
        return new int[] {width, height};
    }

    // ------------------------------------------------------------------ output

    /**
     * Writes the figure as PNG or SVG, chosen by the extension ({@code .png} or {@code .svg}),
     * atomically (a temporary file moved into place); creates missing directories. Returns the
     * absolute path written.
     */
    public Path save(String path) {
        if (path == null) {
            throw new IllegalArgumentException("save: expected a file name ending in .png or .svg, got null");
        }
        return save(Path.of(path));
    }

    /** Like {@link #save(String)}. */
    public Path save(Path path) {
        return ChartFiles.save(this, path, "save");
    }

    /** {@link Plots#show}: a window, or a PNG file when there is no screen (its path is printed and returned). */
    public Path show() {
        return Plots.show(this);
    }

    /** For example {@code Figure "loss" (600×400): line "loss" (31 points)}. */
    @Override
    public String toString() {
        StringJoiner series = new StringJoiner(", ");
        for (XYSeries s : getSeriesMap().values()) {
            series.add(s.getXYSeriesRenderStyle().toString().toLowerCase(Locale.ROOT) + " \"" + s.getName() + "\" ("
                    + s.getXData().length + (s.getXData().length == 1 ? " point)" : " points)"));
        }
        String title = getTitle() == null ? "" : getTitle();
        return "Figure \"" + title + "\" (" + getWidth() + "×" + getHeight() + ")"
                + (series.length() == 0 ? ": no series" : ": " + series);
    }
}
