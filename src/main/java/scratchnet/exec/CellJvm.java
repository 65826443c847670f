package scratchnet.exec;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.sun.jdi.VirtualMachine;
import jdk.jshell.execution.JdiInitiator;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import scratchnet.exec.agent.CellAgent;
import scratchnet.exec.debug.CellDebugger;

/**
 * JShell's execution engine for notebook cells: a separate JVM started under the debugger
 * (JDI), so a running cell can always be stopped, talking to JShell over a loopback socket with
 * TCP_NODELAY on both ends (JShell's stock JDI engine leaves Nagle's algorithm on, which costs
 * about 180 ms per cell on Linux). JShell gets a {@link PendingControl} at once, while the JVM
 * starts in the background; the started JVM is driven through a {@link StoppableControl}.
 * <pre>{@code
 * JShell.builder().executionEngine(new CellJvm(debugger, names -> {}), Map.of()).remoteVMOptions("-Xmx2g").build();
 * }</pre>
 */
final class CellJvm implements ExecutionControlProvider {
    /** How long the cell JVM may take to start and connect, in milliseconds. */
    static final int CONNECT_TIMEOUT_MS = 20_000;

    @Override
    public String name() {
        return "scratchnet";
    }

    private final CellDebugger debugger;
    private final Consumer<List<String>> onLoad;

    /** Cell JVMs debugged by {@code debugger}; {@code onLoad} is told the classes JShell loads, before they run. */
    CellJvm(CellDebugger debugger, Consumer<List<String>> onLoad) {
        this.debugger = debugger;
        this.onLoad = onLoad;
    }

    /** The control generate() made last; JShell builds one per session. */
    private volatile PendingControl latest;

    /**
     * Starts launching the cell JVM on a background thread and returns at once: JShell compiles
     * (and its compiler warms up) meanwhile, and the first command that needs the JVM waits for it.
     */
    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        latest = new PendingControl(() -> launch(env));
        return latest;
    }

    /**
     * Waits until the cell JVM of the session built last is up; throws why it could not start.
     *
     * @throws IllegalStateException when it failed to start, or no session was built
     */
    void awaitStarted() {
        PendingControl pending = latest;
        if (pending == null) {
            throw new IllegalStateException("no cell JVM was started");
        }
        try {
            pending.control();
        } catch (ExecutionControl.EngineTerminationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The debugger's view of the cell JVM of the session built last, once it is up.
     *
     * @throws IllegalStateException when it is not running
     */
    VirtualMachine vm() {
        PendingControl pending = latest;
        if (pending == null) {
            throw new IllegalStateException("no cell JVM was started");
        }
        try {
            return ((StoppableControl) pending.control()).vm();
        } catch (ExecutionControl.EngineTerminationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Starts the cell JVM under the debugger and connects to its agent. */
    private ExecutionControl launch(ExecutionEnv env) throws Exception {
        try (ServerSocket listener = new ServerSocket()) {
            // a fixed receive buffer (set before bind, so it holds for the accepted socket): left to
            // grow, it holds megabytes of a printing loop's output that an interrupt must wait behind
            listener.setReceiveBufferSize(CellAgent.SOCKET_BUFFER_BYTES);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            listener.setSoTimeout(CONNECT_TIMEOUT_MS);
            // 1. start the cell JVM under the debugger; its agent connects back to our port
            List<String> options = new ArrayList<>(env.extraRemoteVMOptions());
            JdiInitiator jdi = new JdiInitiator(listener.getLocalPort(), options, CellAgent.class.getName(), false,
                    InetAddress.getLoopbackAddress().getHostAddress(), CONNECT_TIMEOUT_MS, new HashMap<>());
            VirtualMachine vm = jdi.vm();
            Process process = jdi.process();
            // 2. watch the debugger's events: they resume the JVM, refuse System.exit in a cell, and
            //    if the JVM dies anyway (killed, or a crash), JShell closes down
            StoppableControl[] control = new StoppableControl[1];
            debugger.attach(vm);
            JvmEvents.start(vm, () -> {
                env.closeDown();
                if (control[0] != null) {
                    control[0].dispose();
                }
            }, debugger);
            // 3. the command socket: small messages go out at once
            Socket socket = listener.accept();
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            Map<String, OutputStream> outputs = new HashMap<>();
            outputs.put("out", env.userOut());
            outputs.put("err", env.userErr());
            Map<String, InputStream> inputs = new HashMap<>();
            inputs.put("in", env.userIn());
            return Util.remoteInputOutput(socket.getInputStream(), out, outputs, inputs, (objIn, objOut) -> {
                control[0] = new StoppableControl(objOut, objIn, vm, process, onLoad);
                return control[0];
            });
        }
    }
}
