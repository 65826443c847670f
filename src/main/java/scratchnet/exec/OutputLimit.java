package scratchnet.exec;

import java.math.BigDecimal;

import scratchnet.display.Frames;
import scratchnet.settings.Settings;

/**
 * Caps the text one cell may print: text passes on until the cell has printed
 * {@code maxBytes} (counted as UTF-8), the part that still fits included; then one notice goes to
 * stderr and the rest of the cell's text is dropped, while the cell keeps running. Display
 * frames always pass. {@link #cellStarted()} gives the next cell a fresh budget. The kernel and
 * the headless runner share it through {@link CellEvaluator}; the limit is
 * {@link Settings#cellOutputBytes()}.
 * <pre>{@code
 * OutputLimit limit = new OutputLimit(sink, 1_000_000);   // 1 MB a cell
 * limit.cellStarted();
 * limit.text(false, "x".repeat(2_000_000));   // sink gets 1,000,000 x's, then the notice
 * }</pre>
 */
final class OutputLimit implements CellOutput {
    private final CellOutput sink;
    private final long maxBytes;
    /** Bytes of text the running cell printed so far, and whether it went over; guarded by this. */
    private long used;
    private boolean cut;

    /** Passes on to {@code sink} at most {@code maxBytes} of text per cell ({@link Long#MAX_VALUE}: no limit). */
    OutputLimit(CellOutput sink, long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("expected a positive output limit in bytes, got " + maxBytes);
        }
        this.sink = sink;
        this.maxBytes = maxBytes;
    }

    /** A new cell starts: its text counts from zero. */
    synchronized void cellStarted() {
        used = 0;
        cut = false;
    }

    /** Whether the running cell's text went over the limit. */
    synchronized boolean cut() {
        return cut;
    }

    @Override
    public synchronized void text(boolean stderr, String text) {
        if (cut) {
            return;
        }
        long bytes = utf8Length(text);
        if (used + bytes <= maxBytes) {
            used += bytes;
            sink.text(stderr, text);
            return;
        }
        // the part that still fits, then the notice
        int fits = charsWithin(text, maxBytes - used);
        if (fits > 0) {
            sink.text(stderr, text.substring(0, fits));
        }
        used = maxBytes;
        cut = true;
        sink.text(true, notice());
    }

    @Override
    public void frame(Frames.Frame frame) {
        sink.frame(frame);
    }

    /** The notice sent once a cell goes over the limit. */
    String notice() {
        String mb = BigDecimal.valueOf(maxBytes, 6).stripTrailingZeros().toPlainString();
        return "[scratchnet: output cut after " + mb + " MB; the cell is still running, and what it prints"
                + " from now on is dropped (set " + Settings.CELL_OUTPUT_MB_ENV + " or -D" + Settings.CELL_OUTPUT_MB
                + " to change the limit, 0 for none)]\n";
    }

    /** The length of {@code s} in UTF-8 bytes (a surrogate pair makes 4). */
    static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            bytes += width(s.charAt(i));
        }
        return bytes;
    }

    /** UTF-8 bytes of one char: 1 for ASCII, 2 up to U+07FF, 2 per surrogate (4 a pair), 3 for the rest. */
    private static int width(char c) {
        return c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }

    /** How many leading chars of {@code s} fit in {@code budget} bytes of UTF-8, never splitting a surrogate pair. */
    static int charsWithin(String s, long budget) {
        long bytes = 0;
        int i = 0;
        while (i < s.length()) {
            // a surrogate pair is taken whole
            int chars = Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() ? 2 : 1;
            int w = chars == 2 ? 4 : width(s.charAt(i));
            if (bytes + w > budget) {
                break;
            }
            bytes += w;
            i += chars;
        }
        return i;
    }
}
