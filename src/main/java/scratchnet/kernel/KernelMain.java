package scratchnet.kernel;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.Loop;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * {@code java -jar scratchnet.jar kernel <connection-file>}: starts the kernel on the sockets the
 * connection file names and serves until Jupyter shuts it down.
 * <pre>{@code
 * java -jar target/scratchnet.jar kernel /run/user/1000/jupyter/kernel-1234.json
 * }</pre>
 * The cells' JVM gets the options in {@code SCRATCHNET_CELL_JVM_OPTS} (space-separated), if set.
 */
public final class KernelMain {
    private KernelMain() {
    }

    /** Runs the kernel; returns the process exit status. */
    public static int run(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -jar scratchnet.jar kernel <connection-file>");
            return 2;
        }
        Path file = Path.of(args[0]);
        if (!Files.isReadable(file)) {
            System.err.println("scratchnet kernel: cannot read the connection file " + file.toAbsolutePath());
            return 2;
        }
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(file));
        JupyterConnection connection = new JupyterConnection(props);
        ScratchnetKernel kernel = new ScratchnetKernel(ownClassPath(), cellJvmOptions());
        kernel.becomeHandlerForConnection(connection);
        shortenPollSleeps(connection);
        connection.connect();
        survivePoisonMessages(connection);
        connection.waitUntilClose();
        return 0;
    }

    /** The class path of this JVM: the scratchnet jar (or the build's classes and dependencies). */
    static String ownClassPath() {
        return System.getProperty("java.class.path");
    }

    private static List<String> cellJvmOptions() {
        List<String> opts = new ArrayList<>();
        String env = System.getenv("SCRATCHNET_CELL_JVM_OPTS");
        if (env != null && !env.isBlank()) {
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
        for (String channel : new String[] {"shell", "control", "heartbeat"}) {
            Field f = JupyterConnection.class.getDeclaredField(channel);
            f.setAccessible(true);
            Object ch = f.get(connection);
            Field sleep = ch.getClass().getDeclaredField("sleep");
            sleep.setAccessible(true);
            sleep.setLong(ch, channel.equals("heartbeat") ? 50L : 2L);
        }
    }

    /**
     * jjava-jupyter's shell and control loops die on the first message with a bad signature or bad
     * JSON (the exception escapes the socket loop). Register an error handler on both loops so such
     * messages are logged and dropped, and the kernel keeps answering.
     */
    static void survivePoisonMessages(JupyterConnection connection) throws ReflectiveOperationException {
        for (String channel : new String[] {"shell", "control"}) {
            Field f = JupyterConnection.class.getDeclaredField(channel);
            f.setAccessible(true);
            ShellChannel shell = (ShellChannel) f.get(connection);
            Field loopField = ShellChannel.class.getDeclaredField("ioloop");
            loopField.setAccessible(true);
            Loop loop = (Loop) loopField.get(shell);
            loop.onError(t -> {
                System.err.println("scratchnet kernel: dropped a message on " + channel + ": " + t);
                return 10L;
            });
        }
    }
}
