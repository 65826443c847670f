package scratchnet.display;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart as a {@link MimeBundle}: PNG (and SVG when asked and small enough) plus a text summary.
 * What a chart looks like is decided in {@code scratchnet.plot}; this is only the turning of it
 * into notebook output.
 */
final class Charts {
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
}
