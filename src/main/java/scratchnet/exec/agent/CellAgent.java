package scratchnet.exec.agent;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;
import scratchnet.cli.Args;
import scratchnet.settings.Settings;

/**
 * The JShell agent in the JVM that runs cells: JShell's own remote agent, with two changes.
 * Its socket to the kernel sends small messages at once (TCP_NODELAY): without that, every
 * command waits on the network stack's delayed acknowledgements and a trivial cell takes
 * close to 200 ms instead of a few. And before serving JShell it switches the JVM to notebook
 * output ({@code Notebook.install()}) and connects the {@link InterruptAgent} when the kernel
 * names its port in the system property {@value #INTERRUPT_PORT_PROPERTY}, so no snippet has to
 * be compiled for either. Its stdout and stderr are {@link CellStreams}, which a cell cannot
 * close for good. It also starts the {@link ParentWatch}, so the JVM ends with the process that
 * started it.
 * <pre>{@code
 * JShell.builder().executionEngine("jdi:remoteAgent(scratchnet.exec.agent.CellAgent)")
 * }</pre>
 */
public final class CellAgent extends RemoteExecutionControl {
    /**
     * The socket buffer for JShell's connection, each way: output waiting in it is output an
     * interrupt waits behind, and left to the system it grows to megabytes.
     */
    public static final int SOCKET_BUFFER_BYTES = 128 * 1024;
    /** The system property holding the kernel's interrupt port, when it has one. */
    public static final String INTERRUPT_PORT_PROPERTY = Settings.INTERRUPT_PORT;

    /** Connects to JShell on the given loopback port and serves its commands. */
    public static void main(String[] args) throws Exception {
        // the cell JVM ends with the kernel (or runner) that started it, even when killed
        ParentWatch.start();
        // displays go out as frames on System.out (whichever System.out is current when they are sent)
        scratchnet.display.Notebook.install();
        // the front end's widget manager asks here for the widgets' states when a page is reloaded
        scratchnet.widgets.WidgetControl.install();
        // the kernel's debugger makes a SystemExit when a cell calls System.exit, and throws
        // ThreadStopped into threads that ignore an interrupt: both must be loaded by then
        MethodHandles.lookup().ensureInitialized(SystemExit.class);
        MethodHandles.lookup().ensureInitialized(ThreadStopped.class);
        // the debugger calls a Matrix's methods through DebugCall, which must be loaded too
        MethodHandles.lookup().ensureInitialized(DebugCall.class);
        WarmUp.start();
        String interruptPort = Settings.interruptPort();
        if (interruptPort != null) {
            try {
                InterruptAgent.start(Integer.parseInt(interruptPort));
            } catch (java.io.IOException | NumberFormatException e) {
                // without the agent, the kernel stops cells through the debugger
            }
        }
        // JShell's launcher passes the port it listens on as the only argument
        String port = Args.spec().positionals("JShell's port", 1, 1).parse(args).positionals().get(0);
        Socket socket = new Socket();
        socket.setSendBufferSize(SOCKET_BUFFER_BYTES);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(port)));
        socket.setTcpNoDelay(true);
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
        outputs.put("out", CellStreams::installOut);
        outputs.put("err", CellStreams::installErr);
        Map<String, Consumer<InputStream>> inputs = new HashMap<>();
        inputs.put("in", System::setIn);
        Util.forwardExecutionControlAndIO(new CellAgent(), in, out, outputs, inputs);
    }

    /**
     * Overridden so that JShell's stop finds this class's frame while a cell runs, and to put
     * back a System.out or System.err the cell closed or set to null.
     */
    @Override
    protected String invoke(Method doitMethod) throws Exception {
        WarmUp.cellStarted();
        try {
            return super.invoke(doitMethod);
        } finally {
            CellStreams.restoreAfterStatement();
        }
    }

    /** Overridden so that JShell's stop finds this class's frame while a value is read. */
    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        return super.varValue(className, varName);
    }
}
