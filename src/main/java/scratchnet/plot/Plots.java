package scratchnet.plot;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

import org.knowm.xchart.SwingWrapper;
import org.knowm.xchart.internal.chartpart.Chart;

import scratchnet.engine.Matrix;
import scratchnet.nn.History;
import scratchnet.nn.Network;
import scratchnet.settings.Settings;

/**
 * Ready-made figures: scatter and line plots, a training run's loss curve, a classifier's decision
 * boundary, and {@link #show} for scripts and JShell. Each factory returns a new {@link Figure}
 * to chain on.
 * <pre>{@code
 * Plots.scatter(x, y, "data").line(x, model.predict(x), "fit").title("20·sin(2πx)");
 * Plots.lossCurve(history, true).save("loss.png");
 * Plots.show(Plots.boundary(model, x, y));   // a window, or "saved plot to /tmp/…/plot-1.png"
 * }</pre>
 */
public final class Plots {
    private static final Object SHOW_LOCK = new Object();

    /** Where {@link #show} sends charts in a notebook; null elsewhere. */
    private static volatile Consumer<Chart<?, ?>> inline;

    private Plots() {
    }

    /**
     * Makes {@link #show} (and {@code Figure.show()}) hand charts to {@code target} instead of a
     * window or a file; the notebook output installs one that displays them inline. Null removes it.
     */
    public static void showInline(Consumer<Chart<?, ?>> target) {
        inline = target;
    }

    /** An empty 600×400 figure, to add several series to. */
    public static Figure figure() {
        return new Figure();
    }

    /** A figure with one scatter series, "series 1". */
    public static Figure scatter(Matrix x, Matrix y) {
        return new Figure().scatter(x, y);
    }

    /** A figure with one scatter series called {@code name}. */
    public static Figure scatter(Matrix x, Matrix y, String name) {
        return new Figure().scatter(x, y, name);
    }

    /** A figure with one scatter series, "series 1". */
    public static Figure scatter(double[] x, double[] y) {
        return new Figure().scatter(x, y);
    }

    /** A figure with one scatter series called {@code name}. */
    public static Figure scatter(double[] x, double[] y, String name) {
        return new Figure().scatter(x, y, name);
    }

    /** A figure with one line, "series 1". */
    public static Figure line(Matrix x, Matrix y) {
        return new Figure().line(x, y);
    }

    /** A figure with one line called {@code name}. */
    public static Figure line(Matrix x, Matrix y, String name) {
        return new Figure().line(x, y, name);
    }

    /** A figure with one line, "series 1". */
    public static Figure line(double[] x, double[] y) {
        return new Figure().line(x, y);
    }

    /** A figure with one line called {@code name}. */
    public static Figure line(double[] x, double[] y, String name) {
        return new Figure().line(x, y, name);
    }

    /**
     * The recorded losses of a training run against their iteration (or epoch), on a linear y axis.
     * Non-finite losses are left out.
     */
    public static Figure lossCurve(History h) {
        return lossCurve(h, false);
    }

    /**
     * The recorded losses of a training run against their iteration (or epoch), on a log-scale y
     * axis when {@code logY}. Non-finite losses are left out; a run with none recorded gives an
     * empty figure.
     */
    public static Figure lossCurve(History h, boolean logY) {
        if (h == null) {
            throw new IllegalArgumentException("lossCurve: expected the History that fit returned, got null");
        }
        return lossCurve(h.steps(), h.losses(), h.size(), h.unit(), logY);
    }

    /**
     * The one loss-curve drawing, for a {@link History} and for a run still in progress: the first
     * {@code n} losses against their steps, titled "loss", the x axis named after the unit
     * ("iter" reads "iteration"; null or empty reads "step"), the y axis on a log scale (and titled
     * "loss (log scale)") when {@code logY}. Non-finite losses are left out; with none left the
     * figure has no series.
     * <pre>{@code
     * Figure f = Plots.lossCurve(new int[] {0, 100, 200}, new double[] {260, 32, 20}, 3, "iter", false);
     * }</pre>
     */
    public static Figure lossCurve(int[] steps, double[] losses, int n, String unit, boolean logY) {
        if (steps == null || losses == null) {
            throw new IllegalArgumentException("lossCurve: expected steps and losses, got "
                    + (steps == null ? "null" : "an array") + " and " + (losses == null ? "null" : "an array"));
        }
        if (n < 0 || n > steps.length || n > losses.length) {
            throw new IllegalArgumentException("lossCurve: expected n between 0 and " + Math.min(steps.length, losses.length)
                    + " (the lengths of steps and losses), got " + n);
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(losses[i])) {
                xs[kept] = steps[i];
                ys[kept] = losses[i];
                kept++;
            }
        }
        String xLabel = "iter".equals(unit) ? "iteration" : unit == null || unit.isEmpty() ? "step" : unit;
        Figure f = new Figure().title("loss").xLabel(xLabel).yLabel(logY ? "loss (log scale)" : "loss");
        if (kept > 0) {
            f.line(Arrays.copyOf(xs, kept), Arrays.copyOf(ys, kept), "loss");
        }
        return f.logY(logY);
    }

    /**
     * Whether a loss curve reads better on a log scale: the finite losses among the first
     * {@code n} are all positive and the largest is more than 100 times the smallest. The live
     * chart of a fit and a displayed {@link History} use it.
     */
    public static boolean logScaleSuits(double[] losses, int n) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(losses[i])) {
                min = Math.min(min, losses[i]);
                max = Math.max(max, losses[i]);
            }
        }
        return min > 0 && max / min > 100;
    }

    /**
     * The decision boundary of a classifier with two inputs: the class {@code model.classify}
     * predicts over a 120×120 grid covering the data plus a 10 % margin (pale, series "region k",
     * not in the legend), then the samples in strong colours by their true class ("class 0",
     * "class 1", …). The title gives the accuracy on (x, y).
     *
     * @param x features × samples, (2×m)
     * @param y class labels 0, 1, … (1×m), or one-hot (k×m)
     */
    public static Figure boundary(Network model, Matrix x, Matrix y) {
        return Boundary.plot(model, x, y);
    }

    /**
     * Shows any XChart chart. In a notebook (see {@link #showInline}) it is displayed inline and
     * null is returned. Without a screen (headless: servers, CI) it is saved as
     * {@code plot-n.png} in a {@code scratchnet-plots-*} folder of the temp directory that only
     * this user can open, the
     * line {@code saved plot to <path>} is printed, and the path returned; with a screen it opens
     * in a window and null is returned.
     */
    public static Path show(Object chart) {
        if (!(chart instanceof Chart)) {
            throw new IllegalArgumentException("show: expected an XChart chart (a Figure, XYChart, CategoryChart, …), got "
                    + (chart == null ? "null" : "a " + chart.getClass().getName()));
        }
        Chart<?, ?> c = (Chart<?, ?>) chart;
        Consumer<Chart<?, ?>> notebook = inline;
        if (notebook != null) {
            notebook.accept(c);
            return null;
        }
        if (GraphicsEnvironment.isHeadless()) {
            Path file = ChartFiles.save(c, nextPlotFile(), "show");
            System.out.println("saved plot to " + file);
            System.out.flush();
            return file;
        }
        new SwingWrapper<Chart<?, ?>>(c).displayChart();
        return null;
    }

    /** This JVM's own folder for shown plots, made on first use (owner-only, never shared). */
    private static Path plotDir;

    /**
     * Claims the first free {@code plot-n.png} (n from 1) in this JVM's own folder, a fresh
     * {@code scratchnet-plots-*} directory in the temp directory that only its owner can open, so
     * two users on one machine (a JupyterHub server) never share or block each other's plots.
     */
    private static Path nextPlotFile() {
        synchronized (SHOW_LOCK) {
            try {
                if (plotDir == null || !Files.isDirectory(plotDir)) {
                    plotDir = Files.createTempDirectory(Settings.tempDir(), "scratchnet-plots-").toAbsolutePath();
                }
                for (int n = 1;; n++) {
                    Path file = plotDir.resolve("plot-" + n + ".png");
                    try {
                        return Files.createFile(file);
                    } catch (FileAlreadyExistsException taken) {
                        // try the next number
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("show: could not create a plot file in the temp directory "
                        + Settings.tempDir() + ": " + e, e);
            }
        }
    }
}
