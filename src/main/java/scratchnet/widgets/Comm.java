package scratchnet.widgets;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The cell JVM's end of a Jupyter comm: a channel to one object in the front end (a widget's model,
 * most often). Messages go out as {@code comm_msg}; messages from the front end reach
 * {@link #onMessage}, on the thread that runs comm callbacks ({@link Comms}), never on the cell's.
 * <pre>{@code
 * Comm c = Comm.open("jupyter.widget", Map.of("state", state), Map.of("version", "2.1.0"));
 * c.onMessage(m -> System.out.println(m.data()));
 * c.send(Map.of("method", "update", "state", Map.of("value", 3)));
 * c.close();
 * }</pre>
 */
public final class Comm {
    private final String id;
    private final String target;
    private volatile Consumer<CommMessage> onMessage = m -> { };
    private volatile Runnable onClose = () -> { };
    private volatile boolean closed;

    private Comm(String id, String target) {
        this.id = id;
        this.target = target;
    }

    /** Opens a comm to {@code target} in the front end, with the data and metadata of its comm_open. */
    public static Comm open(String target, Map<String, Object> data, Map<String, Object> metadata) {
        return open(target, data, metadata, List.of());
    }

    /** Opens a comm with binary buffers in its comm_open (ipywidgets' {@code buffer_paths} point into them). */
    public static Comm open(String target, Map<String, Object> data, Map<String, Object> metadata, List<byte[]> buffers) {
        Comm c = new Comm(UUID.randomUUID().toString().replace("-", ""), target);
        Comms.register(c);
        Comms.send(new CommMessage(CommMessage.OPEN, c.id, target, data, metadata, buffers));
        return c;
    }

    /** A comm the front end opened (see {@link Comms#registerTarget}). */
    static Comm accepted(String id, String target) {
        return new Comm(id, target);
    }

    /** The comm's id, as the front end knows it. */
    public String id() {
        return id;
    }

    /** The target the comm was opened to. */
    public String target() {
        return target;
    }

    /** Whether the comm is closed (by {@link #close()} or by the front end). */
    public boolean closed() {
        return closed;
    }

    /** Sends a comm_msg. */
    public void send(Map<String, Object> data) {
        send(data, List.of());
    }

    /** Sends a comm_msg with binary buffers. */
    public void send(Map<String, Object> data, List<byte[]> buffers) {
        if (closed) {
            throw new IllegalStateException("Comm.send: comm " + id + " to " + target + " is closed");
        }
        Comms.send(new CommMessage(CommMessage.MSG, id, null, data, null, buffers));
    }

    /** Closes the comm, here and in the front end; closing twice does nothing. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Comms.unregister(id);
        Comms.send(new CommMessage(CommMessage.CLOSE, id, null, null, null, null));
    }

    /** What to do with each message from the front end (replaces the previous handler). */
    public Comm onMessage(Consumer<CommMessage> handler) {
        this.onMessage = handler == null ? m -> { } : handler;
        return this;
    }

    /** What to do when the front end closes the comm. */
    public Comm onClose(Runnable handler) {
        this.onClose = handler == null ? () -> { } : handler;
        return this;
    }

    /** A message from the front end: a comm_msg goes to the handler, a comm_close closes. */
    void receive(CommMessage m) {
        if (CommMessage.CLOSE.equals(m.type())) {
            closed = true;
            Comms.unregister(id);
            onClose.run();
        } else {
            onMessage.accept(m);
        }
    }

    @Override
    public String toString() {
        return "Comm " + id + " to " + target + (closed ? " (closed)" : "");
    }
}
