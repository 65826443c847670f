package scratchnet.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * Separates plain output from display frames in the text the cell JVM writes to stdout.
 * Frames look like {@code START + json + END} (see {@code scratchnet.display.Frames}); they may
 * arrive split across chunks, so the splitter keeps an unfinished frame, or the unfinished start
 * of a marker, until the next chunk.
 * <pre>{@code
 * FrameSplitter s = new FrameSplitter(START, END);
 * s.feed("loss 1.0\n" + START + "{...}" + END + "done\n");   // → [text, frame, text]
 * }</pre>
 */
final class FrameSplitter {
    /** One piece of output: plain text, or the JSON of a frame. */
    record Piece(boolean frame, String content) {
    }

    private final String start;
    private final String end;
    private final StringBuilder pending = new StringBuilder();

    FrameSplitter(String start, String end) {
        this.start = start;
        this.end = end;
    }

    /** Adds a chunk and returns the complete pieces, in order. */
    List<Piece> feed(String chunk) {
        pending.append(chunk);
        List<Piece> out = new ArrayList<>();
        while (pending.length() > 0) {
            int s = pending.indexOf(start);
            if (s < 0) {
                // no frame: emit all but a tail that could be the beginning of a marker
                int keep = partialMarkerTail();
                if (pending.length() > keep) {
                    out.add(new Piece(false, pending.substring(0, pending.length() - keep)));
                    pending.delete(0, pending.length() - keep);
                }
                break;
            }
            if (s > 0) {
                out.add(new Piece(false, pending.substring(0, s)));
                pending.delete(0, s);
            }
            int e = pending.indexOf(end, start.length());
            if (e < 0) {
                break;
            }
            out.add(new Piece(true, pending.substring(start.length(), e)));
            pending.delete(0, e + end.length());
        }
        return out;
    }

    /** Whatever is still held back (an unfinished frame), as text: used when the stream ends. */
    String drain() {
        String rest = pending.toString();
        pending.setLength(0);
        return rest;
    }

    private int partialMarkerTail() {
        for (int k = Math.min(start.length() - 1, pending.length()); k > 0; k--) {
            if (start.startsWith(pending.substring(pending.length() - k))) {
                return k;
            }
        }
        return 0;
    }
}
