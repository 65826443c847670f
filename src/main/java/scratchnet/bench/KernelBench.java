package scratchnet.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import scratchnet.cli.Args;
import scratchnet.install.JupyterDataDir;
import scratchnet.install.KernelSpec;
import scratchnet.install.RunningJava;
import scratchnet.io.FileTrees;
import scratchnet.settings.Settings;

/**
 * {@code java -jar scratchnet.jar kernel-bench [--runs N] [--notebook PATH] [--no-archives] [--debugger]}:
 * measures the scratchnet kernel as Jupyter drives it — start → ready, the first cell's latency,
 * a trivial cell's round trip, shutdown, a small notebook end to end (nbclient), the seed-000
 * notebook through {@code jupyter nbconvert --execute}, and the kernel's memory (all its
 * processes, RSS and PSS) once notebook 000's cells have run in it — beside the python3
 * (ipykernel) kernel when it is installed, which runs the same small notebook and the numpy twin
 * of notebook 000.
 * Uses a python3 that has {@code jupyter_client}, {@code nbclient} and {@code nbconvert}, and
 * installs the kernelspec (with its start-up archives, as {@code install} does) into a temporary
 * prefix first, so it measures this jar. The runs alternate between the kernels; each figure is
 * the best of the runs, with the median and the worst beside it (the machine may be shared).
 * {@code --debugger} measures instead what the Jupyter debugger costs a training cell
 * ({@link DebuggerBench}).
 * <pre>{@code
 * kernel bench on AMD EPYC 9B45, 2 cores, java 17.0.15; cell JVM: Vector API, 8 doubles per vector (512-bit); best of 3 runs (median / worst)
 * kernel       start s        first cell s   cell ms        shutdown s     notebook s     nbconvert 000 s
 * scratchnet   0.66 (.7/.8)   0.55 (.6/.9)   14.0 (15/18)   0.11 (.11/.11) 2.10 (2.3/2.5) 4.10 (4.3/4.6)
 * python3      0.70 (.7/.8)   0.01 (...)     ...
 * }</pre>
 */
public final class KernelBench {
    /** The notebook measured through nbconvert, relative to the working directory. */
    static final String DEFAULT_NOTEBOOK = "notebooks/000-sine-regression.ipynb";
    /** The numpy twin of notebook 000 that the python3 kernel runs through nbconvert. */
    static final String PYTHON_TWIN = "/scratchnet/bench/000-sine-regression-python.ipynb";

    /** The usage line, as {@code help} shows it. */
    public static final String USAGE = "kernel-bench [--runs N] [--notebook PATH] [--no-archives] [--debugger]";
    private static final Args.Spec OPTIONS = Args.spec()
            .option("--runs", "N").option("--notebook", "PATH").flag("--no-archives").flag("--debugger");

    private KernelBench() {
    }

    /** Runs the benchmark; returns the exit status. */
    public static int run(String[] args) throws Exception {
        Args parsed;
        int runs;
        boolean debugger;
        try {
            parsed = OPTIONS.parse(args);
            debugger = parsed.has("--debugger");
            runs = parsed.positiveInt("--runs", debugger ? DebuggerBench.DEFAULT_ROUNDS : 3);
        } catch (Args.UsageException e) {
            System.err.println("kernel-bench: " + e.getMessage());
            System.err.println("usage: java -jar scratchnet.jar " + USAGE);
            return 2;
        }
        Path notebook = Path.of(parsed.value("--notebook", DEFAULT_NOTEBOOK));
        boolean archives = !parsed.has("--no-archives");
        String python = findPython();
        if (python == null) {
            System.err.println("kernel-bench: needs a python3 with jupyter_client, nbclient and nbconvert"
                    + " (Debian: apt-get install jupyter-client python3-nbclient python3-ipykernel jupyter-nbconvert)");
            return 1;
        }
        if (debugger && !Files.isRegularFile(notebook)) {
            System.err.println("kernel-bench: --debugger times the training cells of " + notebook + ", which is not"
                    + " here (run from the repository, or pass --notebook PATH)");
            return 1;
        }
        Path dir = Files.createTempDirectory("scratchnet-kernel-bench");
        try {
            installKernel(dir, archives);
            if (debugger) {
                return DebuggerBench.run(python, dir, notebook, runs);
            }
            Path script = dir.resolve("kernel_bench.py");
            copyResource("/scratchnet/bench/kernel_bench.py", script);
            List<String> command = new ArrayList<>(List.of(python, script.toString(), "--runs", Integer.toString(runs)));
            if (Files.isRegularFile(notebook)) {
                Path twin = dir.resolve("000-sine-regression-python.ipynb");
                copyResource(PYTHON_TWIN, twin);
                command.addAll(List.of("--nbconvert", "scratchnet=" + notebook.toAbsolutePath(),
                        "--nbconvert", "python3=" + twin));
            } else {
                System.err.println("kernel-bench: no " + notebook + " here, so no nbconvert figures"
                        + " (run from the repository, or pass --notebook PATH)");
            }
            command.addAll(List.of("scratchnet", "python3"));
            Map<String, List<JsonNode>> rows = new LinkedHashMap<>();
            for (JsonNode row : jsonLines(command, dir, 0)) {
                rows.computeIfAbsent(row.get("kernel").asText(), k -> new ArrayList<>()).add(row);
            }
            print(rows, runs);
            return rows.isEmpty() ? 1 : 0;
        } finally {
            try {
                FileTrees.deleteTree(dir);
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // a temp dir left behind is harmless
            }
        }
    }

    /** Installs this jar's kernelspec {@code scratchnet} into the prefix {@code dir}, as {@code install --prefix} does. */
    private static void installKernel(Path dir, boolean archives) throws Exception {
        Path jar = RunningJava.jar();
        Path javaExe = Settings.javaHome().resolve("bin").resolve("java");
        KernelSpec.install(JupyterDataDir.Target.prefix(dir), jar, javaExe, "scratchnet", archives, System.err);
    }

    /**
     * Runs {@code command} with Jupyter looking for kernels in the prefix {@code dir} first, and
     * returns the JSON objects it printed, one a line (other lines are skipped; stderr is passed
     * through). With {@code timeoutSeconds} > 0 the command is killed when it takes longer.
     */
    static List<JsonNode> jsonLines(List<String> command, Path dir, long timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        String data = dir.resolve("share").resolve("jupyter").toString();
        env.merge("JUPYTER_PATH", data, (old, mine) -> mine + java.io.File.pathSeparator + old);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        Thread watchdog = null;
        if (timeoutSeconds > 0) {
            watchdog = new Thread(() -> {
                try {
                    if (!p.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
                        System.err.println("kernel-bench: stopped after " + timeoutSeconds + " s");
                        p.descendants().forEach(ProcessHandle::destroyForcibly);
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    // the command ended first
                }
            }, "kernel-bench-timeout");
            watchdog.setDaemon(true);
            watchdog.start();
        }
        List<JsonNode> rows = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("{")) {
                    rows.add(json.readTree(line));
                }
            }
        }
        p.waitFor();
        if (watchdog != null) {
            watchdog.interrupt();
        }
        return rows;
    }

    /** The columns: JSON field, heading, scale to the shown unit, decimals. */
    private record Column(String field, String heading, double scale, int decimals) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("start_s", "start s", 1, 2),
            new Column("first_cell_s", "first cell s", 1, 2),
            new Column("trivial_ms", "cell ms", 1, 1),
            new Column("shutdown_s", "shutdown s", 1, 2),
            new Column("notebook_s", "notebook s", 1, 2),
            new Column("nbconvert_s", "nbconvert 000 s", 1, 2),
            new Column("rss_mib", "000 RSS MiB", 1, 0),
            new Column("pss_mib", "000 PSS MiB", 1, 0));

    private static void print(Map<String, List<JsonNode>> rows, int runs) {
        String vector = rows.values().stream().flatMap(List::stream).filter(r -> r.hasNonNull("vector"))
                .map(r -> r.get("vector").asText()).findFirst().orElse("vector width not measured");
        System.out.println("kernel bench on " + CpuModel.name() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, java " + Settings.javaVersion() + "; cell JVM: " + vector + "; best of "
                + runs + " run" + (runs == 1 ? "" : "s") + " (median / worst)");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-12s", "kernel"));
        for (Column c : COLUMNS) {
            head.append(String.format(Locale.ROOT, " %-20s", c.heading()));
        }
        System.out.println(head.toString().stripTrailing());
        for (Map.Entry<String, List<JsonNode>> e : rows.entrySet()) {
            List<String> errors = new ArrayList<>();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-12s", e.getKey()));
            for (Column c : COLUMNS) {
                List<Double> values = new ArrayList<>();
                for (JsonNode row : e.getValue()) {
                    if (row.has(c.field())) {
                        values.add(row.get(c.field()).asDouble() * c.scale());
                    }
                }
                line.append(String.format(Locale.ROOT, " %-20s", summary(values, c.decimals())));
            }
            for (JsonNode row : e.getValue()) {
                for (String field : List.of("error", "nbconvert_error", "memory_error")) {
                    if (row.has(field) && !errors.contains(row.get(field).asText())) {
                        errors.add(row.get(field).asText());
                    }
                }
            }
            System.out.println(line.toString().stripTrailing());
            for (String error : errors) {
                System.out.println("    " + e.getKey() + ": not measured: " + error);
            }
        }
        // the memory column's parts: the kernel process first, then its children (scratchnet's cell JVM)
        rows.values().stream().flatMap(List::stream).filter(r -> r.has("rss_mib_each"))
                .collect(Collectors.groupingBy(r -> r.get("kernel").asText(), LinkedHashMap::new,
                        Collectors.mapping(r -> r.get("rss_mib_each").toString(), Collectors.joining(", "))))
                .forEach((kernel, each) -> System.out.println("000 RSS MiB by process: " + kernel + " " + each));
        rows.values().stream().flatMap(List::stream).filter(r -> r.has("nbconvert_notebook"))
                .map(r -> r.get("kernel").asText() + " ran " + r.get("nbconvert_notebook").asText())
                .distinct().forEach(s -> System.out.println("nbconvert 000: " + s));
    }

    /** "best (median/worst)", or "-" without values. */
    static String summary(List<Double> values, int decimals) {
        if (values.isEmpty()) {
            return "-";
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        String f = "%." + decimals + "f";
        double median = median(sorted);
        if (sorted.size() == 1) {
            return String.format(Locale.ROOT, f, sorted.get(0));
        }
        return String.format(Locale.ROOT, f + " (" + f + "/" + f + ")", sorted.get(0), median,
                sorted.get(sorted.size() - 1));
    }

    /** The median of non-empty {@code values}: the middle one, or the mean of the middle two. */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static void copyResource(String resource, Path to) throws java.io.IOException {
        try (InputStream in = KernelBench.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new java.io.IOException("expected resource " + resource + " in scratchnet.jar; it is missing"
                        + " (rebuild with ./mvnw package)");
            }
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A python3 that can import jupyter_client, nbclient and nbconvert: Debian's first, then the one on PATH. */
    static String findPython() {
        for (String candidate : new String[] {"/usr/bin/python3", "python3"}) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import jupyter_client, nbclient, nbformat, nbconvert")
                        .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() == 0) {
                    return candidate;
                }
            } catch (Exception e) {
                // try the next one
            }
        }
        return null;
    }
}
