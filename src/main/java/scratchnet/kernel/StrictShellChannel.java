package scratchnet.kernel;

import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.zeromq.ZMQ;
import scratchnet.exec.Ansi;

/**
 * The shell and control sockets, reading one whole ZMQ multipart message at a time.
 *
 * <p>jjava-jupyter reads a fixed number of frames after the {@code <IDS|MSG>} delimiter and so
 * runs across message boundaries when a peer sends too few frames or none: the next client's
 * request is then swallowed or its reply goes to the wrong peer. This channel takes every frame of
 * a message first, then checks the layout and the HMAC signature (in constant time) and drops
 * anything that does not fit, so one bad message never affects the next; each one dropped is one
 * line in the kernel's log ({@link KernelLog}). An execute_request on control is answered at once
 * with a {@code WrongChannel} error: control never waits for a running cell, so an interrupt
 * sent after it still gets through.
 * jjava-jupyter's own loop also polls and then sleeps 50 ms, which every request waits out;
 * this one blocks in the poll and answers at once.
 * <pre>{@code
 * StrictShellChannel.install(connection);   // before connection.connect()
 * }</pre>
 */
final class StrictShellChannel extends ShellChannel {
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final Type MAP = new TypeToken<Map<String, Object>>() {
    }.getType();

    /** The reply to an execute_request sent on control, where only interrupt, shutdown and kernel_info belong. */
    static final ErrorReply WRONG_CHANNEL = new ErrorReply("WrongChannel",
            "execute_request belongs on the shell channel; the control channel takes interrupt_request,"
                    + " shutdown_request and kernel_info_request", List.of(Ansi.red("WrongChannel")
                    + ": execute_request belongs on the shell channel, not control"));

    private final HMACGenerator hmac;
    private final Gson gson;
    private final String name;
    private final boolean control;
    private final JupyterConnection connection;
    private volatile boolean running;
    private Thread loop;

    StrictShellChannel(ZMQ.Context ctx, HMACGenerator hmac, boolean control, JupyterConnection connection, long sleep,
                       Gson gson) {
        super(ctx, hmac, control, connection, sleep);
        this.hmac = hmac;
        this.gson = gson;
        this.control = control;
        this.connection = connection;
        this.name = control ? "control" : "shell";
    }

    /**
     * Binds the socket and serves it on a thread of its own: wait for a message (a blocking poll,
     * so a request is picked up at once), read it whole, hand it to its handler, repeat. A message
     * that cannot be read is logged and dropped.
     */
    @Override
    public void bind(org.dflib.jjava.jupyter.kernel.KernelConnectionProperties props) {
        String address = props.getTransport() + "://" + props.getIp() + ":"
                + (control ? props.getControlPort() : props.getShellPort());
        // ZMQ.Socket.bind: the address comes from the connection file
        ((ZMQ.Socket) this).bind(address);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        loop = new Thread(() -> serve(poller), "scratchnet-" + name);
        loop.start();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void serve(ZMQ.Poller poller) {
        while (running) {
            Message<?> message;
            try {
                if (poller.poll(100) <= 0) {
                    continue;
                }
                message = readMessage();
            } catch (RuntimeException e) {
                if (running) {
                    KernelLog.line("reading from " + name + " failed: " + e);
                }
                continue;
            }
            if (message == null) {
                continue;
            }
            org.dflib.jjava.jupyter.channels.ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
            if (control && message.getHeader().getType() == MessageType.EXECUTE_REQUEST) {
                // the control thread must stay free for interrupts: it never waits for a cell
                env.replyError(ExecuteReply.MESSAGE_TYPE.error(), WRONG_CHANNEL);
                continue;
            }
            org.dflib.jjava.jupyter.channels.ShellHandler handler = connection.getHandler(message.getHeader().getType());
            if (handler == null) {
                KernelLog.line("no handler for " + message.getHeader().getType().getName() + " on " + name + "; ignored");
                continue;
            }
            try {
                handler.handle(env, message);
            } catch (Exception e) {
                KernelLog.line("handling " + message.getHeader().getType().getName() + " on " + name + " failed: " + e);
            } finally {
                env.resolveDeferrals();
            }
            if (env.isMarkedForShutdown()) {
                running = false;
                connection.close();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread t = loop;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Replaces the connection's shell and control channels with strict ones; call before connect(). */
    static void install(JupyterConnection connection) throws ReflectiveOperationException {
        long sleepMs = 0;
        Field gsonField = JupyterSocket.class.getDeclaredField("gson");
        gsonField.setAccessible(true);
        Gson gson = (Gson) gsonField.get(null);
        Field ctxField = JupyterSocket.class.getDeclaredField("ctx");
        ctxField.setAccessible(true);
        Field hmacField = JupyterSocket.class.getDeclaredField("hmacGenerator");
        hmacField.setAccessible(true);
        for (String channel : new String[] {"shell", "control"}) {
            Field f = JupyterConnection.class.getDeclaredField(channel);
            f.setAccessible(true);
            ShellChannel old = (ShellChannel) f.get(connection);
            StrictShellChannel strict = new StrictShellChannel((ZMQ.Context) ctxField.get(old),
                    (HMACGenerator) hmacField.get(old), channel.equals("control"), connection, sleepMs, gson);
            f.set(connection, strict);
            old.close();
        }
    }

    /**
     * Reads one whole message; returns null, after logging one line that says what was wrong and
     * which peer sent it, when it is malformed, wrongly signed or of a type this kernel does not handle.
     */
    @Override
    public synchronized Message<?> readMessage() {
        if (closed) {
            return null;
        }
        // 1. every frame of this one message
        List<byte[]> frames = new ArrayList<>();
        do {
            frames.add(recv());
        } while (hasReceiveMore());
        // 2. layout: identities, <IDS|MSG>, signature, header, parent header, metadata, content, buffers
        int d = 0;
        while (d < frames.size() && !Arrays.equals(DELIMITER, frames.get(d))) {
            d++;
        }
        byte[] peer = d > 0 ? frames.get(0) : null;
        if (d == frames.size() || frames.size() - d - 1 < 5) {
            KernelLog.dropped(name, peer, frames.size() + " frames, "
                    + (d == frames.size() ? "no <IDS|MSG> delimiter" : "too few after the <IDS|MSG> delimiter (expected 5)"));
            return null;
        }
        byte[] header = frames.get(d + 2);
        byte[] parent = frames.get(d + 3);
        byte[] metadata = frames.get(d + 4);
        byte[] content = frames.get(d + 5);
        // 3. signature, compared in constant time
        String expected = hmac.calculateSignature(header, parent, metadata, content);
        if (expected != null && !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), frames.get(d + 1))) {
            KernelLog.dropped(name, peer, "its HMAC signature is wrong (not signed with the connection file's key)");
            return null;
        }
        // 4. decode, as jjava-jupyter does, once each part has the shape it needs
        String problem = MessageParts.problem(header, parent, metadata, content);
        if (problem != null) {
            KernelLog.dropped(name, peer, problem);
            return null;
        }
        Header<?> h;
        Object body;
        Header<?> parentHeader = null;
        Map<String, Object> meta;
        try {
            h = gson.fromJson(new String(header, StandardCharsets.UTF_8), Header.class);
            if (h.getType() == MessageType.UNKNOWN) {
                KernelLog.dropped(name, peer, "its msg_type " + MessageParts.msgType(header) + " is not one this kernel handles");
                return null;
            }
            JsonElement parentJson = JsonParser.parseString(new String(parent, StandardCharsets.UTF_8));
            if (!parentJson.getAsJsonObject().isEmpty()) {
                parentHeader = gson.fromJson(parentJson, Header.class);
            }
            meta = gson.fromJson(new String(metadata, StandardCharsets.UTF_8), MAP);
            body = gson.fromJson(new String(content, StandardCharsets.UTF_8), h.getType().getContentType());
        } catch (RuntimeException e) {
            KernelLog.dropped(name, peer, "a " + MessageParts.msgType(header) + " whose fields do not have the types"
                    + " the messaging spec gives them (" + KernelLog.oneLine(String.valueOf(e.getMessage())) + ")");
            return null;
        }
        List<byte[]> identities = new ArrayList<>(frames.subList(0, d));
        List<byte[]> blobs = new ArrayList<>(frames.subList(d + 6, frames.size()));
        @SuppressWarnings({"rawtypes", "unchecked"})
        Message<?> message = new Message(identities, h, parentHeader, meta, body, blobs);
        return message;
    }
}
