package scratchnet.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Gathers a cell's stdout and stderr text and publishes it as few {@code stream} messages: what
 * arrived goes out {@value #INTERVAL_MS} ms after the first unsent piece (so live output stays
 * live), and at once on {@link #flush()}, which the kernel calls before a display and when the
 * cell ends, keeping text and displays in order. A cell printing 200,000 lines in a second thus
 * sends about ten messages, not 200,000 (Jupyter servers drop IOPub messages beyond 1,000 a
 * second). Text keeps its order across the two streams: each switch between stdout and stderr
 * starts a new message, up to {@value #MAX_RUNS} per flush; beyond that, text joins the last
 * message of its own stream.
 * <pre>{@code
 * StreamBuffer out = new StreamBuffer((stderr, text) -> publishStream(stderr, text));
 * out.text(false, "iter 0\n");    // published within 100 ms
 * out.flush();                    // now
 * }</pre>
 */
final class StreamBuffer {
    /** The longest text waits before it is published, in milliseconds. */
    static final long INTERVAL_MS = 100;
    /** The most messages one flush sends. */
    static final int MAX_RUNS = 32;

    /** Where the gathered text goes: one {@code stream} message each call. */
    interface Publisher {
        void stream(boolean stderr, String text);
    }

    /** Text of one stream, written without the other stream in between. */
    private static final class Run {
        final boolean stderr;
        final StringBuilder text = new StringBuilder();

        Run(boolean stderr) {
            this.stderr = stderr;
        }
    }

    private final Publisher publisher;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scratchnet-stream-flush");
        t.setDaemon(true);
        return t;
    });
    /** The text not yet published, in order; guarded by this. */
    private final List<Run> runs = new ArrayList<>();
    private ScheduledFuture<?> scheduled;

    /** Publishes through {@code publisher}. */
    StreamBuffer(Publisher publisher) {
        this.publisher = publisher;
    }

    /** Adds text of stdout ({@code stderr} false) or stderr; it is published within {@value #INTERVAL_MS} ms. */
    synchronized void text(boolean stderr, String text) {
        if (text.isEmpty()) {
            return;
        }
        runFor(stderr).text.append(text);
        if (scheduled == null) {
            scheduled = timer.schedule(this::flush, INTERVAL_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** The run that text of this stream joins: the last one if it is of this stream, else a new one while there may be more. */
    private Run runFor(boolean stderr) {
        Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (last != null && last.stderr == stderr) {
            return last;
        }
        if (runs.size() < MAX_RUNS) {
            Run r = new Run(stderr);
            runs.add(r);
            return r;
        }
        // too many switches between the streams in one interval: keep the message count bounded
        for (int i = runs.size() - 1; ; i--) {
            if (runs.get(i).stderr == stderr) {
                return runs.get(i);
            }
        }
    }

    /** Publishes all gathered text now, in order. */
    synchronized void flush() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
        for (Run r : runs) {
            publisher.stream(r.stderr, r.text.toString());
        }
        runs.clear();
    }
}
