package scratchnet.runner;

import scratchnet.exec.CellEvaluator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import scratchnet.exec.CellException;
import scratchnet.exec.magic.Magics;
import scratchnet.io.AtomicFiles;
import scratchnet.settings.Settings;

/**
 * Runs notebooks headless, the way the Jupyter kernel would: each notebook gets a fresh Java
 * session (the kernel's {@link CellEvaluator} and {@link Magics}), its code cells run in order
 * with execution counts from 1, and their output is stored as Jupyter stores it. Writes
 * {@code <name>.out.ipynb} and {@code <name>.html} next to the notebook (or into
 * {@link #outputDir(Path)}), never over the notebook itself, always whole (temporary file, then
 * rename). The first error stops the notebook; what ran so far, the error included, is still
 * written. Progress goes to the given stream, one line per cell:
 * {@code [000-sine] cell 3/9 ok (0.42 s)}.
 * <pre>{@code
 * NotebookRunner runner = new NotebookRunner(System.out).outputDir(Path.of("build/notebooks"));
 * NotebookResult r = runner.run(Path.of("notebooks/000-sine.ipynb"));
 * r.ok();            // true when every cell ran
 * r.notebookOut();   // build/notebooks/000-sine.out.ipynb
 * }</pre>
 */
public final class NotebookRunner {
    /** How long a cell may run unless {@link #timeout} says otherwise: 10 minutes. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** Traceback lines printed with a failing cell's progress line. */
    static final int TRACEBACK_LINES = 8;

    private final PrintStream progress;
    private Path outputDir;
    private Duration timeout = DEFAULT_TIMEOUT;

    /** A runner that prints its progress lines to {@code progress}. */
    public NotebookRunner(PrintStream progress) {
        this.progress = progress;
    }

    /** Writes the outputs into {@code dir} (created when missing) instead of next to each notebook; null restores that. */
    public NotebookRunner outputDir(Path dir) {
        this.outputDir = dir;
        return this;
    }

    /**
     * Stops a cell that runs longer than {@code limit} (an error "Timeout"); null for no limit. The
     * default is {@link #DEFAULT_TIMEOUT}.
     */
    public NotebookRunner timeout(Duration limit) {
        if (limit != null && (limit.isZero() || limit.isNegative())) {
            throw new IllegalArgumentException("timeout: expected a positive duration, got " + limit);
        }
        this.timeout = limit;
        return this;
    }

    /** Where the executed notebook of {@code source} goes: {@code <name>.out.ipynb}. */
    public Path notebookOutput(Path source) {
        return outDir(source).resolve(baseName(source) + ".out.ipynb");
    }

    /** Where the HTML page of {@code source} goes: {@code <name>.html}. */
    public Path htmlOutput(Path source) {
        return outDir(source).resolve(baseName(source) + ".html");
    }

    private Path outDir(Path source) {
        Path dir = outputDir != null ? outputDir : source.toAbsolutePath().getParent();
        return dir.toAbsolutePath().normalize();
    }

    /** The file name without {@code .ipynb}: {@code 000-sine} for {@code notebooks/000-sine.ipynb}. */
    static String baseName(Path source) {
        String name = source.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".ipynb") ? name.substring(0, name.length() - ".ipynb".length()) : name;
    }

    /**
     * Runs one notebook and writes its outputs. Never throws for a bad notebook, a failing cell or a
     * file that cannot be written: the result says what went wrong.
     */
    public NotebookResult run(Path source) {
        long t0 = System.nanoTime();
        String name = baseName(source);
        Path nbOut = notebookOutput(source);
        Path htmlOut = htmlOutput(source);
        String clash = clash(source, nbOut, htmlOut);
        if (clash != null) {
            progress.println("[" + name + "] " + clash);
            return new NotebookResult(source, null, null, 0, 0, 0, clash, seconds(t0));
        }
        ObjectNode original;
        try {
            original = Ipynb.read(source);
        } catch (IOException e) {
            String msg = "could not read the notebook: " + e.getMessage();
            progress.println("[" + name + "] " + msg);
            return new NotebookResult(source, null, null, 0, 0, 0, msg, seconds(t0));
        }
        ObjectNode nb = Ipynb.prepare(original);
        List<ObjectNode> code = new ArrayList<>();
        for (JsonNode cell : nb.get("cells")) {
            if ("code".equals(cell.path("cell_type").asText()) && !Ipynb.text(cell.get("source")).isBlank()) {
                code.add((ObjectNode) cell);
            }
        }
        int ran = 0;
        int failed = 0;
        String error = null;
        OutputCollector collector = new OutputCollector();
        ScheduledExecutorService timer = timeout == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scratchnet-run-timeout");
            t.setDaemon(true);
            return t;
        });
        if (!code.isEmpty()) {
            try (CellEvaluator evaluator = new CellEvaluator(collector, Settings.classPath(), List.of())) {
                Magics magics = new Magics(evaluator, collector);
                for (ObjectNode cell : code) {
                    int n = ++ran;
                    cell.put("execution_count", n);
                    collector.start((ArrayNode) cell.get("outputs"), n);
                    // the first cell waits for the cell JVM to start; that is not the cell's time (nor its timeout)
                    CellException problem = n == 1 ? warmUp(evaluator) : null;
                    long c0 = System.nanoTime();
                    if (problem == null) {
                        problem = runCell(magics, evaluator, Ipynb.text(cell.get("source")), n, timer);
                    }
                    if (problem != null) {
                        collector.error(problem);
                    }
                    collector.end();
                    double s = seconds(c0);
                    if (problem == null) {
                        progress.printf(Locale.ROOT, "[%s] cell %d/%d ok (%.2f s)%n", name, n, code.size(), s);
                    } else {
                        failed = n;
                        error = summary(problem);
                        progress.printf(Locale.ROOT, "[%s] cell %d/%d FAILED (%.2f s)%n", name, n, code.size(), s);
                        List<String> tb = problem.traceback().isEmpty() ? List.of(error) : problem.traceback();
                        tb.stream().flatMap(String::lines).limit(TRACEBACK_LINES)
                                .forEach(l -> progress.println("    " + HtmlExport.stripAnsi(l)));
                        break;
                    }
                }
            } finally {
                if (timer != null) {
                    timer.shutdownNow();
                }
            }
        }
        if (!collector.widgets().isEmpty()) {
            // as JupyterLab saves widget state: the sliders show as they were when the notebook is opened
            JsonNode meta = nb.get("metadata");
            (meta instanceof ObjectNode ? (ObjectNode) meta : nb.putObject("metadata")).set("widgets", collector.widgets().toMetadata());
        }
        try {
            byte[] json = Ipynb.bytes(nb);
            byte[] html = HtmlExport.render(nb, name).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            AtomicFiles.write(nbOut, json);
            AtomicFiles.write(htmlOut, html);
        } catch (IOException | RuntimeException e) {
            String msg = "could not write the outputs " + nbOut + " and " + htmlOut + ": " + e;
            progress.println("[" + name + "] " + msg);
            return new NotebookResult(source, null, null, ran, code.size(), failed,
                    error == null ? msg : error + "; " + msg, seconds(t0));
        }
        progress.println("[" + name + "] wrote " + nbOut + " and " + htmlOut.getFileName());
        return new NotebookResult(source, nbOut, htmlOut, ran, code.size(), failed, error, seconds(t0));
    }

    /** Waits until the cell JVM is up (an empty cell); returns why it could not start, or null. */
    private static CellException warmUp(CellEvaluator evaluator) {
        try {
            evaluator.execute("", 0);
            return null;
        } catch (CellException e) {
            return e;
        } catch (RuntimeException e) {
            return new CellException("KernelStartError", String.valueOf(e.getMessage()),
                    List.of("\u001b[31;1mKernelStartError\u001b[0m: " + e));
        }
    }

    /** Runs one cell through the magics; returns its error, or null. */
    private CellException runCell(Magics magics, CellEvaluator evaluator, String source, int n,
                                  ScheduledExecutorService timer) {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> alarm = timer == null ? null : timer.schedule(() -> {
            timedOut.set(true);
            evaluator.interrupt();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            magics.run(source, n);
            return null;
        } catch (CellException e) {
            if (timedOut.get()) {
                String limit = java.math.BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString();
                String msg = "the cell ran longer than the timeout of " + limit + " s and was stopped";
                return new CellException("Timeout", msg, List.of("\u001b[31;1mTimeout\u001b[0m: " + msg));
            }
            return e;
        } catch (RuntimeException e) {
            // a failure of the runner's side: report it like a cell error, as the kernel does
            return new CellException("KernelError", String.valueOf(e.getMessage()),
                    List.of("\u001b[31;1mKernelError\u001b[0m: " + e));
        } finally {
            if (alarm != null) {
                alarm.cancel(false);
            }
        }
    }

    /** Why this notebook must not run: an output would replace the notebook itself; null when all is well. */
    private static String clash(Path source, Path... outputs) {
        for (Path out : outputs) {
            if (samePath(source, out)) {
                return "refusing to run: its output " + out + " would overwrite the notebook itself;"
                        + " expected an output path different from the source";
            }
        }
        return null;
    }

    /** True when two paths name the same file (following links when both exist). */
    static boolean samePath(Path a, Path b) {
        Path x = a.toAbsolutePath().normalize();
        Path y = b.toAbsolutePath().normalize();
        if (x.equals(y)) {
            return true;
        }
        try {
            return Files.exists(x) && Files.exists(y) && Files.isSameFile(x, y);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code ename: evalue}, as one line. */
    static String summary(CellException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return e.name() + (msg.isEmpty() ? "" : ": " + HtmlExport.stripAnsi(msg));
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
