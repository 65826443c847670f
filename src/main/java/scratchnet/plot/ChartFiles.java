package scratchnet.plot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
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
    private static final SecureRandom RANDOM = new SecureRandom();

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

    /** Writes bytes to a temporary file in the target's directory, then moves it into place. */
    static void write(byte[] bytes, Path file, String op) {
        Path dir = file.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // not Files.createTempFile: its files are private (rw-------), and the move would keep that
            for (int attempt = 0; tmp == null; attempt++) {
                Path candidate = dir.resolve("." + file.getFileName() + "-" + Long.toHexString(RANDOM.nextLong()) + ".tmp");
                try {
                    tmp = Files.createFile(candidate);
                } catch (FileAlreadyExistsException e) {
                    if (attempt == 100) {
                        throw e;
                    }
                }
            }
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException(op + ": could not write " + file + ": " + e, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; that error is the one to report
                }
            }
        }
    }
}
