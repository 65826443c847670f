package scratchnet.install;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

import scratchnet.Dsl;
import scratchnet.display.Display;
import scratchnet.engine.Matrix;
import scratchnet.exec.agent.CellAgent;
import scratchnet.kernel.KernelMain;

/**
 * The workloads of the training runs that make the start-up archives ({@link StartupArchives}):
 * whatever classes these load, the archived JVM later loads from the archive instead of the jar.
 * <ul>
 * <li>{@link #kernel()} serves a real kernel on loopback sockets and drives it as Jupyter
 * does — kernel_info, the cells of {@code startup-training.jsh}, completion, inspection and
 * shutdown — so the messaging, JShell, the compiler and the debugger connection are covered.
 * <li>{@link #cell()} does in plain Java what a cell JVM does for those cells: JShell's agent,
 * notebook output, training with progress, charts and tables rendered as display frames.
 * </ul>
 */
final class StartupTraining {
    /** The notebook the kernel training runs, one cell per "//// cell" section. */
    static final String CELLS_RESOURCE = "/scratchnet/install/startup-training.jsh";
    private static final long REPLY_TIMEOUT_MS = 120_000;

    private StartupTraining() {
    }

    /** The training notebook's cells. */
    static List<String> cells() throws IOException {
        String text;
        try (InputStream in = StartupTraining.class.getResourceAsStream(CELLS_RESOURCE)) {
            if (in == null) {
                throw new IOException("expected resource " + CELLS_RESOURCE + " in scratchnet.jar; it is missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = null;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("//// cell")) {
                if (cell != null) {
                    cells.add(cell.toString().strip());
                }
                cell = new StringBuilder();
            } else if (cell != null) {
                cell.append(line).append('\n');
            }
        }
        if (cell != null) {
            cells.add(cell.toString().strip());
        }
        return cells;
    }

    // ------------------------------------------------------------------ the cell JVM

    /** What a cell JVM does for the training notebook, without JShell (a dump cannot run under the debugger). */
    static void cell() throws Exception {
        scratchnet.display.Notebook.install();
        agentClasses();
        Matrix x = Dsl.arange(0.0, 1.0, 0.01);
        Matrix y = x.mul(2 * Math.PI).map(Math::sin).mul(20);
        Display.result(Dsl.scatter(x, y, "data").title("20·sin(2πx)"));
        Dsl.seed(0);
        var model = Dsl.net(1, 25, 1).sigmoid().linear().init(Dsl.uniform());
        var history = model.fit(x, y, Dsl.lr(0.3), Dsl.iters(400));
        Display.result(Dsl.scatter(x, y, "data").scatter(x, model.predict(x), "fit").title("fit"));
        Display.result(Dsl.lossCurve(history, true));
        Display.result(history);
        var stepwise = Dsl.net(1, 25, 1).sigmoid().linear().init(Dsl.uniform());
        for (int i = 0; i < 200; i++) {
            var cache = stepwise.forward(x);
            stepwise.update(stepwise.backward(cache, y), 0.3);
            if (i % 100 == 0) {
                System.out.println("iter " + i + "  loss " + stepwise.loss(cache, y));
            }
        }
        Display.result(stepwise);
        Display.result(x);
        Display.result(x.dot(x.T()).sigmoid().sub(y.mean()).square().sum(1));
        var chart = new org.knowm.xchart.XYChartBuilder().width(500).height(350).title("fit").build();
        chart.addSeries("data", x.flatten(), y.flatten());
        Display.result(chart);
        Display.result(tech.tablesaw.api.Table.create("t", tech.tablesaw.api.DoubleColumn.create("a", 1, 2, 3),
                tech.tablesaw.api.StringColumn.create("b", "x", "y", "z")));
        Display.display("text").update("more text");
        scratchnet.exec.agent.Sync.mark(1);
        try {
            Integer.parseInt("not a number");
        } catch (NumberFormatException expected) {
            // a cell's exception is reported with its stack trace
            expected.getStackTrace();
        }
        System.out.flush();
    }

    /** Loads JShell's remote agent the way CellAgent.main does, serving a command stream that ends at once. */
    private static void agentClasses() throws InterruptedException {
        Thread agent = new Thread(() -> {
            Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
            outputs.put("out", st -> { });
            outputs.put("err", st -> { });
            Map<String, Consumer<InputStream>> inputs = new HashMap<>();
            inputs.put("in", st -> { });
            try {
                jdk.jshell.execution.Util.forwardExecutionControlAndIO(new CellAgent(), InputStream.nullInputStream(),
                        new ByteArrayOutputStream(), outputs, inputs);
            } catch (Throwable e) {
                // the command stream ended, as intended
            }
        }, "startup-training-agent");
        agent.setDaemon(true);
        agent.start();
        agent.join(5_000);
    }

    // ------------------------------------------------------------------ the kernel JVM

    /** Serves a kernel on loopback and drives it through the training notebook as Jupyter would. */
    static void kernel() throws Exception {
        int[] ports = freePorts(5);
        String key = UUID.randomUUID().toString();
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("transport", "tcp");
        connection.put("ip", InetAddress.getLoopbackAddress().getHostAddress());
        connection.put("shell_port", ports[0]);
        connection.put("iopub_port", ports[1]);
        connection.put("stdin_port", ports[2]);
        connection.put("control_port", ports[3]);
        connection.put("hb_port", ports[4]);
        connection.put("signature_scheme", "hmac-sha256");
        connection.put("key", key);
        KernelConnectionProperties props =
                KernelConnectionProperties.parse(new ObjectMapper().writeValueAsString(connection));
        Throwable[] failure = new Throwable[1];
        Thread server = new Thread(() -> {
            try {
                KernelMain.serve(props);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "startup-training-kernel");
        server.setDaemon(true);
        server.start();
        try (TrainingClient client = new TrainingClient(ports, key, REPLY_TIMEOUT_MS)) {
            client.request(client.shell, "kernel_info_request", Map.of());
            for (String cell : cells()) {
                Map<String, Object> content = new LinkedHashMap<>();
                content.put("code", cell);
                content.put("silent", false);
                content.put("store_history", true);
                content.put("user_expressions", Map.of());
                content.put("allow_stdin", false);
                content.put("stop_on_error", false);
                client.request(client.shell, "execute_request", content);
            }
            client.request(client.shell, "complete_request", Map.of("code", "x.sig", "cursor_pos", 5));
            client.request(client.shell, "inspect_request", Map.of("code", "arange", "cursor_pos", 3, "detail_level", 0));
            client.request(client.shell, "is_complete_request", Map.of("code", "for (int i = 0; i < 3; i++) {"));
            client.request(client.control, "shutdown_request", Map.of("restart", false));
        }
        server.join(30_000);
        if (failure[0] != null) {
            throw new IllegalStateException("the training kernel failed: " + failure[0], failure[0]);
        }
    }

    private static int[] freePorts(int n) throws IOException {
        int[] ports = new int[n];
        List<ServerSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                open.add(s);
                ports[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : open) {
                s.close();
            }
        }
        return ports;
    }
}
