package scratchnet.exec.agent;

import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;

import scratchnet.widgets.Comms;

/**
 * Runs inside the JVM that executes notebook cells. It connects back to the kernel on loopback
 * and takes three commands: interrupt the threads running cell code (so that {@code fit},
 * {@code Thread.sleep} and blocking calls stop cleanly at their next check; the kernel falls back
 * to a hard stop for code that ignores interrupts), write a sync mark to stdout (so the
 * kernel knows when all of a cell's output has arrived, without compiling anything), and hand a
 * comm message from the front end to {@link Comms} (a widget moved, a button clicked).
 * <pre>{@code
 * InterruptAgent.start(41237);   // the kernel runs this when it starts the cell JVM
 * }</pre>
 */
public final class InterruptAgent {
    private InterruptAgent() {
    }

    /** Connects to the kernel's interrupt port and listens on a daemon thread. */
    public static void start(int port) throws java.io.IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        Thread t = new Thread(() -> listen(socket), "scratchnet-interrupt-agent");
        t.setDaemon(true);
        t.start();
    }

    /** Command byte: interrupt the threads running cell code. */
    public static final int INTERRUPT = 1;
    /** Command byte, followed by an 8-byte id: write sync mark id to System.out. */
    public static final int SYNC = 2;
    /** Command byte, followed by a 4-byte length and that many bytes of UTF-8 JSON: a comm message for {@link Comms#deliver}. */
    public static final int COMM = 3;
    /** The largest comm message taken (a widget's state with its buffers), in bytes. */
    public static final int MAX_COMM_BYTES = 64 * 1024 * 1024;

    private static void listen(Socket socket) {
        try (socket; java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream())) {
            int command;
            while ((command = in.read()) >= 0) {
                if (command == INTERRUPT) {
                    interruptCellThreads();
                } else if (command == SYNC) {
                    Sync.mark(in.readLong());
                } else if (command == COMM) {
                    int length = in.readInt();
                    if (length < 0 || length > MAX_COMM_BYTES) {
                        throw new java.io.IOException("a comm message of " + length + " bytes");
                    }
                    byte[] json = in.readNBytes(length);
                    Comms.deliver(new String(json, java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        } catch (java.io.IOException e) {
            // the kernel went away: nothing left to listen for
        }
    }

    /** Interrupts every thread whose stack shows cell code (JShell's REPL classes). */
    static void interruptCellThreads() {
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement frame : e.getValue()) {
                if (frame.getClassName().startsWith("REPL.")) {
                    e.getKey().interrupt();
                    break;
                }
            }
        }
    }
}
