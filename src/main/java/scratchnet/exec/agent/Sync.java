package scratchnet.exec.agent;

import scratchnet.display.Frames;
import scratchnet.display.MimeBundle;

/**
 * Marks a point in the cell JVM's output. The kernel runs {@code Sync.mark(n)} after a cell and
 * waits until the mark comes through stdout, so every line the cell printed is published before
 * Jupyter hears that the cell finished.
 * <pre>{@code
 * scratchnet.exec.agent.Sync.mark(7);
 * }</pre>
 */
public final class Sync {
    /** The frame type of a mark. */
    public static final String TYPE = Frames.SYNC;

    private Sync() {
    }

    /** Writes mark {@code id} to the stdout that leads to the kernel and flushes it. */
    public static void mark(long id) {
        CellStreams.err().flush();
        CellStreams.out().print(Frames.encode(TYPE, new MimeBundle(), Long.toString(id)));
        CellStreams.out().flush();
    }
}
