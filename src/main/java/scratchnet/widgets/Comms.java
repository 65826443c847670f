package scratchnet.widgets;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import scratchnet.display.Display;
import scratchnet.display.DisplaySink;
import scratchnet.display.Frames;
import scratchnet.display.MimeBundle;

/**
 * The comms of this JVM. Messages to the front end go out through the display sink as
 * {@link Frames#COMM} frames (only the Jupyter kernel's sink carries them; elsewhere there is no
 * front end and they are dropped). Messages from the front end arrive through {@link #deliver},
 * called by the kernel's line into this JVM, and run one after another on one daemon thread,
 * "scratchnet-comms", so a slow callback never blocks that line, and an interrupt reaches a
 * callback running cell code as it reaches a cell.
 * <pre>{@code
 * Comms.connected();                                  // true in a notebook kernel's cell JVM
 * Comms.deliver("{\"msg_type\":\"comm_msg\",\"comm_id\":\"a1\",\"data\":{}}");   // from the kernel
 * }</pre>
 */
public final class Comms {
    private static final Map<String, Comm> OPEN = new ConcurrentHashMap<>();
    private static final Map<String, Consumer<Comm>> TARGETS = new ConcurrentHashMap<>();
    /** The id of the front end's message whose callback this thread runs, or null. */
    private static final ThreadLocal<String> ANSWERING = new ThreadLocal<>();
    private static final ExecutorService CALLBACKS = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scratchnet-comms");
        t.setDaemon(true);
        return t;
    });

    private Comms() {
    }

    /** Whether a front end receives comm messages from this JVM (the display sink carries them). */
    public static boolean connected() {
        return Display.sink().carriesComms();
    }

    /** The comm with this id, if it is open here. */
    public static Comm find(String id) {
        return OPEN.get(id);
    }

    /** The number of comms open here. */
    public static int openCount() {
        return OPEN.size();
    }

    /**
     * Accepts comms the front end opens to {@code target}: each new one is handed to {@code onOpen}
     * (on the comms thread) before its first message. A comm opened to a target nobody registered is
     * closed again, as ipykernel does.
     */
    public static void registerTarget(String target, Consumer<Comm> onOpen) {
        if (target == null || target.isEmpty() || onOpen == null) {
            throw new IllegalArgumentException("Comms.registerTarget: expected a target name and a handler, got "
                    + (target == null ? "null" : "\"" + target + "\"") + " and " + (onOpen == null ? "null" : "a handler"));
        }
        TARGETS.put(target, onOpen);
    }

    static void register(Comm c) {
        OPEN.put(c.id(), c);
    }

    static void unregister(String id) {
        OPEN.remove(id);
    }

    static void send(CommMessage m) {
        DisplaySink sink = Display.sink();
        if (sink.carriesComms()) {
            // sent from a callback: an answer to the message that ran it
            String answering = ANSWERING.get();
            CommMessage out = answering != null && m.replyTo() == null ? m.replyingTo(answering) : m;
            sink.send(Frames.COMM, new MimeBundle().put(Frames.COMM_KEY, out.toJson()), null);
        }
    }

    /**
     * A message from the front end, as JSON ({@link CommMessage#toJson()}'s form); it is handed to
     * its comm on the comms thread. A message for a comm not open here is dropped; one that cannot be
     * read is reported on stderr.
     */
    public static void deliver(String json) {
        CommMessage m;
        try {
            m = CommMessage.fromJson(json);
        } catch (IllegalArgumentException e) {
            System.err.println("scratchnet: a comm message from the front end could not be read: " + e.getMessage());
            return;
        }
        CALLBACKS.execute(() -> {
            ANSWERING.set(m.replyTo());
            try {
                dispatch(m);
            } finally {
                ANSWERING.remove();
            }
        });
    }

    /** Hands a message from the front end to its comm (on the comms thread). */
    private static void dispatch(CommMessage m) {
        if (CommMessage.OPEN.equals(m.type())) {
            opened(m);
            return;
        }
        Comm c = OPEN.get(m.commId());
        if (c == null) {
            return;
        }
        // an interrupt meant for an earlier callback must not stop this one
        Thread.interrupted();
        try {
            c.receive(m);
        } catch (RuntimeException | Error e) {
            // a callback's failure is the user's to see, and the next message still runs
            System.err.println("Exception in a callback of " + c + ":");
            e.printStackTrace();
        }
    }

    private static void opened(CommMessage m) {
        Consumer<Comm> onOpen = TARGETS.get(m.target());
        Comm c = Comm.accepted(m.commId(), m.target());
        if (onOpen == null) {
            c.close();
            return;
        }
        register(c);
        try {
            onOpen.accept(c);
        } catch (RuntimeException | Error e) {
            System.err.println("Exception opening " + c + ":");
            e.printStackTrace();
        }
    }
}
