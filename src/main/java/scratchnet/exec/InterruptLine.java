package scratchnet.exec;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import scratchnet.exec.agent.InterruptAgent;

/**
 * The kernel's end of the loopback line to the cell JVM's {@link InterruptAgent}, which connects
 * as that JVM starts: it carries "interrupt the cell's threads" and "write sync mark n". Without
 * the line (no port could be opened, or the agent never connected) both commands do nothing, and
 * stopping falls back to the debugger.
 * <pre>{@code
 * InterruptLine line = InterruptLine.open();
 * vm.add("-D" + CellAgent.INTERRUPT_PORT_PROPERTY + "=" + line.port());
 * ...                      // start the cell JVM
 * line.awaitAgent();
 * line.interrupt();        // fit returns with the model trained so far
 * }</pre>
 */
final class InterruptLine {
    /** How long the cell JVM's agent may take to connect after the JVM is up. */
    private static final long AGENT_WAIT_MS = 10_000;

    private final ServerSocket server;
    /** The thread accepting the agent, while it has not connected yet; null without a server. */
    private final Thread accept;
    private volatile OutputStream out;

    private InterruptLine(ServerSocket server) {
        this.server = server;
        if (server == null) {
            this.accept = null;
            return;
        }
        this.accept = new Thread(() -> {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                out = s.getOutputStream();
            } catch (IOException e) {
                // without the agent, interrupts fall back to the debugger stop
            }
        }, "scratchnet-interrupt-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** Listens on a loopback port for the agent; a line without a port when none can be opened. */
    static InterruptLine open() {
        try {
            ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            server.setSoTimeout(CellJvm.CONNECT_TIMEOUT_MS);
            return new InterruptLine(server);
        } catch (IOException e) {
            return new InterruptLine(null);
        }
    }

    /** The port the agent connects to, or -1 without one. */
    int port() {
        return server == null ? -1 : server.getLocalPort();
    }

    /** Waits (at most 10 s) for the agent, which connects as the cell JVM starts. */
    void awaitAgent() {
        if (accept == null) {
            return;
        }
        try {
            accept.join(AGENT_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the agent to interrupt the threads running cell code. */
    void interrupt() {
        OutputStream line = out;
        if (line == null) {
            return;
        }
        try {
            synchronized (line) {
                line.write(InterruptAgent.INTERRUPT);
                line.flush();
            }
        } catch (IOException e) {
            // the agent is gone; the debugger stop still works
        }
    }

    /** Whether the agent is connected, so a sync mark can be asked for. */
    boolean connected() {
        return out != null;
    }

    /** Asks the agent to write sync mark {@code mark} after everything written so far; false when it could not. */
    boolean requestSync(long mark) {
        OutputStream line = out;
        if (line == null) {
            return false;
        }
        try {
            synchronized (line) {
                DataOutputStream data = new DataOutputStream(line);
                data.write(InterruptAgent.SYNC);
                data.writeLong(mark);
                data.flush();
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Hands a comm message (JSON) to the cell JVM's comms; false when the agent is not connected. */
    boolean sendComm(String json) {
        OutputStream line = out;
        if (line == null) {
            return false;
        }
        byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length > InterruptAgent.MAX_COMM_BYTES) {
            throw new IllegalArgumentException("a comm message of " + bytes.length + " bytes is more than the "
                    + InterruptAgent.MAX_COMM_BYTES + " the cell JVM takes");
        }
        try {
            synchronized (line) {
                DataOutputStream data = new DataOutputStream(line);
                data.write(InterruptAgent.COMM);
                data.writeInt(bytes.length);
                data.write(bytes);
                data.flush();
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops listening; the agent's connection ends with the cell JVM. */
    void close() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
    }
}
