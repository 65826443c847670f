package scratchnet.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

import scratchnet.engine.Matrix;
import scratchnet.engine.ShapeException;
import scratchnet.nn.Network;

/** Builds {@link Plots#boundary}: the predicted class over a grid, then the data points by class. */
final class Boundary {
    /** Grid points along each axis. */
    static final int GRID = 120;
    /** The margin around the data, as a fraction of its range. */
    static final double MARGIN = 0.10;

    private Boundary() {
    }

    static Figure plot(Network model, Matrix x, Matrix y) {
        if (model == null || x == null || y == null) {
            throw new IllegalArgumentException("boundary: expected a model, x (2×m) and y (1×m or k×m), got "
                    + (model == null ? "no model" : "a model") + ", " + (x == null ? "no x" : "x") + " and "
                    + (y == null ? "no y" : "y"));
        }
        if (x.rows() != 2) {
            throw new ShapeException("boundary needs 2-D inputs: x is " + shape(x)
                    + (x.cols() == 2 ? "; did you mean x.T()?" : "; expected (2×m), features × samples"));
        }
        int inputs = model.sizes()[0];
        if (inputs != 2) {
            throw new IllegalArgumentException("boundary: the model takes " + inputs
                    + " inputs, but a boundary plot needs a model with 2 (x is " + shape(x) + ")");
        }
        int[] labels = labels(x, y);
        int[] predicted = classes(model, x);
        int m = x.cols();
        int right = 0;
        for (int j = 0; j < m; j++) {
            right += predicted[j] == labels[j] ? 1 : 0;
        }
        double accuracy = (double) right / m;

        double[] xr = range(x, 0);
        double[] yr = range(x, 1);
        double dx = (xr[1] - xr[0]) / GRID;
        double dy = (yr[1] - yr[0]) / GRID;
        double[] grid = new double[2 * GRID * GRID];
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                int k = r * GRID + c;
                grid[k] = xr[0] + (c + 0.5) * dx;
                grid[GRID * GRID + k] = yr[0] + (r + 0.5) * dy;
            }
        }
        Matrix g = Matrix.wrap(2, GRID * GRID, grid);
        int[] regions = classes(model, g);

        Figure f = new Figure();
        f.title("decision boundary — accuracy " + formatAccuracy(accuracy)).xLabel("feature 0").yLabel("feature 1");
        f.getStyler().setXAxisMin(xr[0]).setXAxisMax(xr[1]).setYAxisMin(yr[0]).setYAxisMax(yr[1]);
        f.getStyler().setPlotContentSize(1.0);   // the grid fills the plot area, edge to edge

        CellMarker cell = new CellMarker(f, xr[0], yr[0], dx, dy);
        for (Map.Entry<Integer, List<Integer>> e : byClass(regions).entrySet()) {
            XYSeries s = add(f, "region " + e.getKey(), g, e.getValue());
            s.setMarker(cell);
            s.setMarkerColor(Palette.pale(e.getKey()));
            s.setShowInLegend(false);
        }
        for (Map.Entry<Integer, List<Integer>> e : byClass(labels).entrySet()) {
            XYSeries s = add(f, "class " + e.getKey(), x, e.getValue());
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Palette.strong(e.getKey()));
        }
        f.updateLegend();
        return f;
    }

    private static XYSeries add(Figure f, String name, Matrix points, List<Integer> columns) {
        double[] xs = new double[columns.size()];
        double[] ys = new double[columns.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = points.get(0, columns.get(i));
            ys[i] = points.get(1, columns.get(i));
        }
        XYSeries s = f.addSeries(f.uniqueName(name), xs, ys);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        return s;
    }

    /** Column indices grouped by class, classes in increasing order. */
    private static Map<Integer, List<Integer>> byClass(int[] classes) {
        Map<Integer, List<Integer>> out = new TreeMap<>();
        for (int j = 0; j < classes.length; j++) {
            out.computeIfAbsent(classes[j], k -> new ArrayList<>()).add(j);
        }
        return out;
    }

    /** The class label of every sample: y itself (1×m integers ≥ 0) or the arg-max row of one-hot y (k×m). */
    private static int[] labels(Matrix x, Matrix y) {
        int m = x.cols();
        if (y.cols() != m) {
            String hint = y.cols() == 1 && y.rows() == m ? "; did you mean y.T()?" : "";
            throw new ShapeException("boundary: x is " + shape(x) + " but y is " + shape(y)
                    + "; they need the same number of samples (columns)" + hint);
        }
        Matrix t = y.rows() > 1 ? y.argmax(0) : y;
        int[] out = new int[m];
        for (int j = 0; j < m; j++) {
            double v = t.get(0, j);
            if (!(v >= 0) || v != Math.rint(v) || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("boundary: y should hold class labels 0, 1, … (1×m) or be one-hot (k×m); y is "
                        + shape(y) + " and has " + v + " at column " + j);
            }
            out[j] = (int) v;
        }
        return out;
    }

    /** {@code model.classify(points)} as integers. */
    private static int[] classes(Network model, Matrix points) {
        Matrix c = model.classify(points);
        int[] out = new int[c.cols()];
        for (int j = 0; j < out.length; j++) {
            double v = c.get(0, j);
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("boundary: the model predicts " + v + " for the point ("
                        + points.get(0, j) + ", " + points.get(1, j) + "); expected class numbers — was training diverging?");
            }
            out[j] = (int) v;
        }
        return out;
    }

    /** {lo, hi} of row r of x, widened by the margin on both sides. */
    private static double[] range(Matrix x, int r) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < x.cols(); j++) {
            double v = x.get(r, j);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("boundary: x should hold finite numbers; x is " + shape(x)
                        + " and has " + v + " at row " + r + ", column " + j);
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double span = hi - lo;
        double margin = span > 0 ? MARGIN * span : lo == 0 ? 1 : MARGIN * Math.abs(lo);
        return new double[] {lo - margin, hi + margin};
    }

    /** Three decimals, trailing zeros dropped down to two: 0.96, 0.955, 1.00. */
    static String formatAccuracy(double a) {
        String s = String.format(Locale.ROOT, "%.3f", a);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }

    private static String shape(Matrix m) {
        return ShapeException.shape(m.rows(), m.cols());
    }
}
