package scratchnet.exec.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import scratchnet.display.Capture;

/**
 * The cell JVM's stdout and stderr, which lead to the kernel. Closing them does not close the
 * connection (it only flushes), and after every statement JShell runs a {@code System.out} or
 * {@code System.err} that the statement closed or set to null is put back, with a note on
 * stderr, so what comes after it prints again. A {@code System.setOut} to a stream of the cell's
 * own is left alone (unless the cell closed the notebook's stream too).
 * <pre>{@code
 * System.setOut(null);   // in a cell
 * // on stderr: [scratchnet: the cell set System.out to null; it prints to the notebook again]
 * }</pre>
 */
public final class CellStreams {
    private static Channel out;
    private static Channel err;

    private CellStreams() {
    }

    /** The stream to the kernel whose close only flushes; it remembers that it was closed. */
    private static final class Channel extends OutputStream {
        private final OutputStream kernel;
        private final String name;
        private volatile boolean closed;
        /** The PrintStream over this channel installed last. */
        private PrintStream print;

        Channel(OutputStream kernel, String name) {
            this.kernel = kernel;
            this.name = name;
            this.print = new PrintStream(this, true, StandardCharsets.UTF_8);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Capture.Target captured = Capture.current();
            if (captured != null) {
                // this thread's output goes to an Output widget for now
                captured.text(name.equals("System.err"), new String(b, off, len, StandardCharsets.UTF_8));
                return;
            }
            kernel.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            kernel.flush();
        }

        @Override
        public void close() throws IOException {
            closed = true;
            kernel.flush();
        }

        /** A fresh PrintStream over this channel, which is open again. */
        PrintStream reopen() {
            closed = false;
            print = new PrintStream(this, true, StandardCharsets.UTF_8);
            return print;
        }
    }

    /** Makes {@code kernel} the JVM's System.out (JShell's agent hands it over as it starts). */
    static synchronized void installOut(OutputStream kernel) {
        out = new Channel(kernel, "System.out");
        System.setOut(out.print);
    }

    /** Makes {@code kernel} the JVM's System.err. */
    static synchronized void installErr(OutputStream kernel) {
        err = new Channel(kernel, "System.err");
        System.setErr(err.print);
    }

    /** The stdout that leads to the kernel, whatever the cells did to {@code System.out}. */
    public static synchronized PrintStream out() {
        return out != null ? out.print : System.out;
    }

    /** The stderr that leads to the kernel, whatever the cells did to {@code System.err}. */
    public static synchronized PrintStream err() {
        return err != null ? err.print : System.err;
    }

    /** After a statement: puts back a closed or null System.err and System.out, and says so on stderr. */
    static synchronized void restoreAfterStatement() {
        String errNote = restore(err, System.err, false);
        String outNote = restore(out, System.out, true);
        for (String note : new String[] {errNote, outNote}) {
            if (note != null) {
                err().println("[scratchnet: " + note + "; it prints to the notebook again]");
            }
        }
    }

    /** Puts {@code channel} back as the System stream when {@code current} is null or it was closed; why, or null. */
    private static String restore(Channel channel, PrintStream current, boolean isOut) {
        if (channel == null || (current != null && !channel.closed)) {
            return null;
        }
        String why = current == null ? "the cell set " + channel.name + " to null" : "the cell closed " + channel.name;
        PrintStream fresh = channel.reopen();
        if (isOut) {
            System.setOut(fresh);
        } else {
            System.setErr(fresh);
        }
        return why;
    }
}
