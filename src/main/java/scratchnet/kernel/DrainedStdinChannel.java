package scratchnet.kernel;

import java.lang.reflect.Field;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.zeromq.ZMQ;

/**
 * The stdin socket, which never holds on to what nobody asked for. Input is only expected while a
 * cell waits on an {@code input_request} (this kernel sends none: cells read an empty standard
 * input), so a thread of its own reads every message that arrives otherwise and drops it; a
 * message bigger than {@value #MAX_MESSAGE_BYTES} bytes is refused by ZMQ before it is read, and
 * at most {@value #QUEUE_LIMIT} messages wait in ZMQ's queue. A peer flooding the socket thus
 * costs the kernel no memory.
 * <pre>{@code
 * DrainedStdinChannel.install(connection);   // before connection.connect()
 * }</pre>
 */
final class DrainedStdinChannel extends StdinChannel {
    /** The largest message the socket accepts: an input_reply is one line someone typed. */
    static final long MAX_MESSAGE_BYTES = 1 << 20;
    /** How many messages ZMQ may queue before it drops more. */
    static final int QUEUE_LIMIT = 16;

    private volatile boolean running;
    private Thread drain;
    private boolean loggedDrop;

    DrainedStdinChannel(ZMQ.Context ctx, HMACGenerator hmac) {
        super(ctx, hmac);
        setMaxMsgSize(MAX_MESSAGE_BYTES);
        setRcvHWM(QUEUE_LIMIT);
    }

    /** Replaces the connection's stdin channel with a drained one; call before connect(). */
    static void install(JupyterConnection connection) throws ReflectiveOperationException {
        Field f = JupyterConnection.class.getDeclaredField("stdin");
        f.setAccessible(true);
        StdinChannel old = (StdinChannel) f.get(connection);
        Field ctxField = JupyterSocket.class.getDeclaredField("ctx");
        ctxField.setAccessible(true);
        Field hmacField = JupyterSocket.class.getDeclaredField("hmacGenerator");
        hmacField.setAccessible(true);
        f.set(connection, new DrainedStdinChannel((ZMQ.Context) ctxField.get(old), (HMACGenerator) hmacField.get(old)));
        old.close();
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        super.bind(props);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        drain = new Thread(() -> {
            try {
                while (running) {
                    if (poller.poll(100) > 0) {
                        dropWaiting();
                    }
                }
            } finally {
                poller.close();
            }
        }, "scratchnet-stdin-drain");
        drain.setDaemon(true);
        drain.start();
    }

    /**
     * Reads and drops every message waiting. It holds the socket's lock, as {@link #getInput}
     * ({@code StdinChannel.getInput}) does while it waits for its reply, so an input_reply that is asked for is never dropped.
     */
    private synchronized void dropWaiting() {
        while (running && !closed) {
            byte[] first = recv(ZMQ.DONTWAIT);
            if (first == null) {
                return;
            }
            while (hasReceiveMore()) {
                recv();
            }
            if (!loggedDrop) {
                loggedDrop = true;
                KernelLog.dropped("stdin", first, "no input was asked for (cells read an empty standard input);"
                        + " later ones are dropped without a word");
            }
        }
    }

    @Override
    public void close() {
        running = false;
        Thread t = drain;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
    }
}
