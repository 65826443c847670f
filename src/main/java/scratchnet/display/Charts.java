package scratchnet.display;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** XChart helpers: a chart to PNG / SVG bundles, and the loss-curve chart of a training run. */
final class Charts {
    static final int WIDTH = 600;
    static final int HEIGHT = 400;

    private Charts() {
    }

    /** image/png (base64, with width and height metadata), optionally image/svg+xml, and a text/plain summary. */
    static MimeBundle bundle(Chart<?, ?> chart, boolean svg) {
        MimeBundle b = new MimeBundle();
        b.put(MimeBundle.TEXT, describe(chart));
        b.put("image/png", Base64.getEncoder().encodeToString(png(chart)));
        b.meta("image/png", "width", chart.getWidth());
        b.meta("image/png", "height", chart.getHeight());
        if (svg) {
            String s = svg(chart);
            // a dense chart (a decision boundary draws thousands of cells) makes megabytes of SVG: PNG only then
            if (s != null && s.length() <= MAX_SVG_CHARS) {
                b.put("image/svg+xml", s);
            }
        }
        return b;
    }

    /** The largest SVG kept beside the PNG (about 400 KB); beyond it a notebook would balloon. */
    static final int MAX_SVG_CHARS = 400_000;

    /** For example {@code XYChart "loss" (600×400)}. */
    static String describe(Chart<?, ?> chart) {
        String title = chart.getTitle();
        return chart.getClass().getSimpleName() + " \"" + (title == null ? "" : title) + "\" ("
                + chart.getWidth() + "×" + chart.getHeight() + ")";
    }

    static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("render: could not encode " + describe(chart) + " as PNG: " + e.getMessage(), e);
        }
    }

    /** The chart as SVG text, or null when XChart's vector encoder fails (SVG is optional). */
    static String svg(Chart<?, ?> chart) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            String s = out.toString(StandardCharsets.UTF_8).strip();
            return s.startsWith("<svg") || s.startsWith("<?xml") ? s : null;
        } catch (IOException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * A line chart of losses against steps, y on a log scale when the finite losses are positive and
     * span more than 100×; null when there is no finite loss to draw.
     */
    static XYChart lossChart(int[] steps, double[] losses, int n, String unit) {
        int finite = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(losses[i])) {
                finite++;
                min = Math.min(min, losses[i]);
                max = Math.max(max, losses[i]);
            }
        }
        if (finite == 0) {
            return null;
        }
        boolean log = min > 0 && max / min > 100;
        double[] xs = new double[finite];
        double[] ys = new double[finite];
        for (int i = 0, k = 0; i < n; i++) {
            if (Double.isFinite(losses[i])) {
                xs[k] = steps[i];
                ys[k] = losses[i];
                k++;
            }
        }
        String x = unit == null || unit.isEmpty() ? "step" : unit;
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("loss")
                .xAxisTitle(x).yAxisTitle("loss" + (log ? " (log scale)" : "")).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisLogarithmic(log);
        XYSeries s = chart.addSeries("loss", xs, ys);
        s.setMarker(finite == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        return chart;
    }
}
