package scratchnet.kernel.debug;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import scratchnet.exec.debug.CellDebugger;

/**
 * The Jupyter debugger of the kernel: answers {@code debug_request}s (on the control channel, so
 * they get through while a cell runs or is stopped at a breakpoint) through a {@link DebugRequests}
 * dispatcher, and publishes {@code debug_event}s on IOPub.
 * <pre>{@code
 * KernelDebugger debugger = KernelDebugger.install(connection, evaluator.debugger());   // before connection.connect()
 * debugger.requests().register("inspectVariables", r -> ...);
 * }</pre>
 */
public final class KernelDebugger {
    private final DebugRequests requests;
    private final DebugEvents events;
    private final CellFiles files = new CellFiles();
    private final SessionCommands session;
    private final ThreadCommands threads;
    /** The debug request answered last: the parent of the events it causes. */
    private volatile MessageContext lastRequest;

    private KernelDebugger(JupyterConnection connection, CellDebugger cells) {
        AtomicInteger seq = new AtomicInteger();
        this.requests = new DebugRequests(seq);
        this.events = new DebugEvents(seq, content -> {
            MessageContext parent = lastRequest;
            connection.getIOPub().sendMessage(new Message<>(parent, DebugMessages.EVENT, content));
        });
        this.session = new SessionCommands(files, events, new CellDebuggee(cells, files));
        session.registerWith(requests);
        this.threads = new ThreadCommands(cells, files, events);
        threads.registerWith(requests);
        cells.listen((thread, reason) -> events.send("stopped", threads.stoppedBody(thread, reason)));
    }

    /** Handles the connection's debug_requests, stopping the cells through {@code cells}. */
    public static KernelDebugger install(JupyterConnection connection, CellDebugger cells) {
        KernelDebugger debugger = new KernelDebugger(connection, cells);
        connection.setHandler(DebugMessages.REQUEST, (env, msg) -> {
            env.setBusyDeferIdle();
            debugger.lastRequest = msg;
            Map<String, Object> reply = debugger.requests.answer(msg.getContent());
            env.reply(new Message<>(env.getContext(), DebugMessages.REPLY, reply));
            debugger.events.replySent();
        });
        return debugger;
    }

    /** The dispatcher: register further commands with it. */
    public DebugRequests requests() {
        return requests;
    }

    /** The events sent on IOPub. */
    public DebugEvents events() {
        return events;
    }

    /** The cell files and their names. */
    public CellFiles files() {
        return files;
    }


    /** The commands about stopped threads (richInspectVariables in a frame goes to them). */
    public ThreadCommands threads() {
        return threads;
    }

    /** Whether a front end has started debugging. */
    public boolean started() {
        return session.started();
    }
}
