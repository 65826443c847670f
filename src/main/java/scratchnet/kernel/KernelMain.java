package scratchnet.kernel;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.zeromq.ZMQException;
import zmq.ZError;
import scratchnet.cli.Args;
import scratchnet.exec.StartTrace;
import scratchnet.exec.StartupArchiveDir;
import scratchnet.exec.agent.ParentWatch;
import scratchnet.settings.Settings;

/**
 * {@code java -jar scratchnet.jar kernel <connection-file>}: starts the kernel on the sockets the
 * connection file names and serves until Jupyter shuts it down.
 * <pre>{@code
 * java -jar target/scratchnet.jar kernel /run/user/1000/jupyter/kernel-1234.json
 * }</pre>
 * The cells' JVM gets the options in {@code SCRATCHNET_CELL_JVM_OPTS} (space-separated), if set.
 */
public final class KernelMain {
    private static final Args.Spec OPTIONS = Args.spec().positionals("the connection file Jupyter wrote", 1, 1);

    private KernelMain() {
    }

    /** Runs the kernel; returns the process exit status. */
    public static int run(String[] args) throws Exception {
        String connectionFile;
        try {
            connectionFile = OPTIONS.parse(args).positionals().get(0);
        } catch (Args.UsageException e) {
            System.err.println("scratchnet kernel: " + e.getMessage());
            System.err.println("usage: java -jar scratchnet.jar kernel <connection-file>");
            return 2;
        }
        StartTrace.mark("main");
        StartupArchiveDir.warnIfStale(ownClassPath());
        Path file = Path.of(connectionFile);
        if (!Files.isReadable(file)) {
            System.err.println("scratchnet kernel: cannot read the connection file " + file.toAbsolutePath());
            return 2;
        }
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(file));
        if (!"tcp".equals(props.getTransport())) {
            // ZMQ here speaks TCP only: with another transport the sockets would never become ready
            System.err.println("scratchnet kernel: the connection file " + file.toAbsolutePath() + " asks for transport '"
                    + props.getTransport() + "'; only 'tcp' is supported (write \"transport\": \"tcp\")");
            return 2;
        }
        // the kernel ends with the Jupyter server (or client) that started it, even when that is
        // killed: a hub culling an idle server must not leave its kernels running
        long jupyter = Settings.jupyterParentPid();
        ParentWatch.start(jupyter, () -> {
            System.err.println("scratchnet kernel: the process that started it (pid " + jupyter + ") has ended;"
                    + " the kernel ends too");
            System.exit(ParentWatch.ORPHANED_STATUS);
        });
        try {
            serve(props);
        } catch (ZMQException e) {
            if (e.getErrorCode() != ZError.EADDRINUSE) {
                throw e;
            }
            // Jupyter picks free ports and lets them go; another program may take one before the kernel binds it
            System.err.println("scratchnet kernel: a port of the connection file is already in use (shell "
                    + props.getShellPort() + ", iopub " + props.getIopubPort() + ", stdin " + props.getStdinPort()
                    + ", control " + props.getControlPort() + ", heartbeat " + props.getHbPort() + " on "
                    + props.getIp() + "): another program took it after Jupyter chose it; start the kernel again");
            return 3;
        }
        return 0;
    }

    /** Serves Jupyter on the sockets {@code props} names until it shuts the kernel down. */
    public static void serve(KernelConnectionProperties props) throws Exception {
        JupyterConnection connection = new JupyterConnection(props);
        // the cell JVM starts launching now: keep its sockets off the ports Jupyter chose
        PortReservation hold = PortReservation.hold(props);
        ScratchnetKernel kernel = new ScratchnetKernel(ownClassPath(), cellJvmOptions());
        StartTrace.mark("kernel constructed");
        StrictShellChannel.install(connection);
        DrainedStdinChannel.install(connection);
        kernel.becomeHandlerForConnection(connection);
        shortenPollSleeps(connection);
        hold.release();
        connection.connect();
        StartTrace.mark("sockets connected");
        connection.waitUntilClose();
    }

    /** The class path of this JVM: the scratchnet jar (or the build's classes and dependencies). */
    public static String ownClassPath() {
        return Settings.classPath();
    }

    private static List<String> cellJvmOptions() {
        List<String> opts = new ArrayList<>();
        String env = Settings.cellJvmOptions();
        if (env != null) {
            for (String o : env.trim().split("\\s+")) {
                opts.add(o);
            }
        }
        return opts;
    }

    /**
     * jjava-jupyter polls its sockets and then sleeps a fixed time (50 ms for shell and control,
     * 500 ms for the heartbeat), which every request and the shutdown wait out. Shorter sleeps
     * keep a trivial cell's round trip and the shutdown fast at a negligible CPU cost.
     */
    static void shortenPollSleeps(JupyterConnection connection) throws ReflectiveOperationException {
        // shell and control are StrictShellChannels, which block in their poll; this is the heartbeat
        Field f = JupyterConnection.class.getDeclaredField("heartbeat");
        f.setAccessible(true);
        Object ch = f.get(connection);
        Field sleep = ch.getClass().getDeclaredField("sleep");
        sleep.setAccessible(true);
        sleep.setLong(ch, 50L);
    }

}
