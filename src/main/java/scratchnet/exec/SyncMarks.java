package scratchnet.exec;

import java.util.concurrent.TimeUnit;

import scratchnet.display.Frames;
import scratchnet.exec.agent.Sync;

/**
 * Knows when all of a cell's output has arrived. After a cell, the kernel asks the cell JVM to
 * write sync mark n to its stdout (through the {@link InterruptLine}); this output sink passes
 * everything else on to the real one and notes the marks, so {@link #await} returns once mark n
 * has come through, and every line the cell printed has been published before Jupyter hears that
 * the cell finished.
 * <pre>{@code
 * SyncMarks marks = new SyncMarks(jupyterOutput);   // the cell JVM's output goes to marks
 * long mark = marks.next();
 * if (line.requestSync(mark)) {
 *     marks.await(mark);
 * }
 * }</pre>
 */
final class SyncMarks implements CellOutput {
    /** How long {@link #await} waits for a mark before giving up. */
    private static final long WAIT_S = 2;

    private final CellOutput sink;
    private final Object lock = new Object();
    /** The last mark handed out, and the last one seen coming back; guarded by lock. */
    private long sent;
    private long seen;

    SyncMarks(CellOutput sink) {
        this.sink = sink;
    }

    @Override
    public void text(boolean stderr, String text) {
        sink.text(stderr, text);
    }

    @Override
    public void frame(Frames.Frame frame) {
        if (Sync.TYPE.equals(frame.type())) {
            synchronized (lock) {
                seen = Math.max(seen, Long.parseLong(frame.displayId()));
                lock.notifyAll();
            }
        } else {
            sink.frame(frame);
        }
    }

    /** A new mark number, higher than every one before. */
    long next() {
        synchronized (lock) {
            return ++sent;
        }
    }

    /** Waits (at most 2 s) until mark {@code mark} has been read from the cell JVM's output. */
    void await(long mark) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        synchronized (lock) {
            while (seen < mark && System.nanoTime() < end) {
                try {
                    lock.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
