package scratchnet.plot;

import scratchnet.io.AtomicFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes any XChart chart to a PNG or SVG file, atomically: the image goes to a temporary file
 * beside the target, which is then moved over it. XChart's file-name encoders add ".png" or
 * ".svg" when the name lacks it; encoding to bytes here keeps the path exactly as given.
 */
final class ChartFiles {

    private ChartFiles() {
    }

    /** Saves {@code chart} at {@code path} as PNG or SVG, chosen by the extension; returns the path. */
    static Path save(Chart<?, ?> chart, Path path, String op) {
        if (path == null) {
            throw new IllegalArgumentException(op + ": expected a file name ending in .png or .svg, got null");
        }
        Path file = path.toAbsolutePath().normalize();
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        byte[] bytes;
        if (lower.endsWith(".png")) {
            bytes = png(chart, op);
        } else if (lower.endsWith(".svg")) {
            bytes = svg(chart, op);
        } else {
            throw new IllegalArgumentException(op + ": expected a file name ending in .png or .svg, got \"" + path + "\"");
        }
        write(bytes, file, op);
        return file;
    }

    static byte[] png(Chart<?, ?> chart, String op) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(op + ": could not encode the chart as PNG: " + e.getMessage(), e);
        }
    }

    static byte[] svg(Chart<?, ?> chart, String op) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(op + ": could not encode the chart as SVG: " + e.getMessage(), e);
        }
    }

    /** Writes bytes whole or not at all ({@link AtomicFiles}), reporting failures in the caller's terms. */
    static void write(byte[] bytes, Path file, String op) {
        try {
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(op + ": could not write " + file + ": " + e, e);
        }
    }
}
