package scratchnet.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import scratchnet.cli.Args;

/**
 * {@code java -jar scratchnet.jar run <notebook.ipynb | dir>... [--output DIR] [--timeout SECONDS]}:
 * runs every notebook named (a directory stands for its {@code *.ipynb} files, leaving out
 * {@code *.out.ipynb}), in order of file name, each in a fresh Java session, and writes
 * {@code <name>.out.ipynb} and {@code <name>.html} for each. A cell that runs longer than
 * {@code --timeout} (default {@link NotebookRunner#DEFAULT_TIMEOUT}, 10 minutes; {@code 0} for none)
 * is stopped and fails its notebook; a cell's text output is capped as in the kernel
 * ({@link scratchnet.settings.Settings#cellOutputBytes()}). Prints a line per cell and a summary
 * table; the exit status is 0 when every notebook ran cleanly, 1 when one failed, 2 for a usage
 * error (nothing is run then).
 * <pre>{@code
 * java -jar target/scratchnet.jar run notebooks --output build/notebooks
 * int status = RunCommand.run(new String[] {"notebooks/000-sine.ipynb"}, System.out, System.err);
 * }</pre>
 */
public final class RunCommand {
    /** The usage line, as {@code help} shows it. */
    public static final String USAGE = "run <notebook.ipynb | dir>... [--output DIR] [--timeout SECONDS]";

    /** The options: {@code --output DIR} (or {@code -o DIR}), {@code --timeout SECONDS}, {@code --help}. */
    private static final Args.Spec OPTIONS = Args.spec()
            .option("--output", "DIR", "-o")
            .option("--timeout", "SECONDS")
            .flag("--help", "-h")
            .positionals("notebooks (.ipynb) or directories", 0, Integer.MAX_VALUE);

    private RunCommand() {
    }

    /** Runs the command with the process's stdout and stderr; returns the exit status. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    /** Runs the command, progress and summary to {@code out}, usage errors to {@code err}; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Args parsed;
        Duration timeout;
        try {
            parsed = parse(args);
            if (parsed.has("--help")) {
                out.println("usage: java -jar scratchnet.jar " + USAGE);
                return 0;
            }
            timeout = timeout(parsed);
        } catch (Args.UsageException e) {
            return usage(err, e.getMessage());
        }
        String output = parsed.value("--output", null);
        Path outputDir = output == null ? null : Path.of(output);
        if (outputDir != null && Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
            return usage(err, "--output expects a directory, but " + outputDir + " is a file");
        }
        List<String> inputs = parsed.positionals();
        if (inputs.isEmpty()) {
            return usage(err, "expected at least one notebook (.ipynb) or directory, got none");
        }
        List<Path> notebooks = new ArrayList<>();
        for (String in : inputs) {
            Path p = Path.of(in);
            if (Files.isDirectory(p)) {
                List<Path> found;
                try (Stream<Path> s = Files.list(p)) {
                    found = s.filter(Files::isRegularFile).filter(f -> isNotebook(f) && !isOutput(f))
                            .collect(Collectors.toList());
                } catch (IOException e) {
                    return usage(err, "could not list the directory " + p + ": " + e.getMessage());
                }
                if (found.isEmpty()) {
                    err.println("scratchnet run: " + p + " has no notebooks (*.ipynb other than *.out.ipynb); skipping it");
                }
                notebooks.addAll(found);
            } else if (Files.isRegularFile(p)) {
                if (!isNotebook(p)) {
                    return usage(err, "expected a notebook file ending in .ipynb or a directory, got " + p);
                }
                notebooks.add(p);
            } else {
                return usage(err, "expected a notebook file (.ipynb) or a directory, got " + p + ", which does not exist");
            }
        }
        if (notebooks.isEmpty()) {
            return usage(err, "expected notebooks to run, but found none in " + String.join(", ", inputs));
        }
        // each file once, in order of name
        Set<Path> unique = new LinkedHashSet<>();
        notebooks.stream().map(p -> p.toAbsolutePath().normalize())
                .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).thenComparing(Path::toString))
                .forEach(unique::add);
        NotebookRunner runner = new NotebookRunner(out).outputDir(outputDir).timeout(timeout);
        String problem = checkOutputs(runner, List.copyOf(unique));
        if (problem != null) {
            return usage(err, problem);
        }
        List<NotebookResult> results = new ArrayList<>();
        for (Path nb : unique) {
            results.add(runAlone(runner, nb, out));
        }
        printSummary(out, results);
        return results.stream().allMatch(NotebookResult::ok) ? 0 : 1;
    }

    /** The per-cell time limit: {@code --timeout SECONDS}, the default without it, none (null) for 0. */
    static Duration timeout(Args parsed) {
        double seconds = parsed.nonNegativeDouble("--timeout", "seconds", NotebookRunner.DEFAULT_TIMEOUT.toMillis() / 1000.0);
        return seconds > 0 ? Duration.ofMillis(Math.max(1, Math.round(seconds * 1000))) : null;
    }

    /** Parses a command line against this command's options. */
    static Args parse(String... args) {
        return OPTIONS.parse(args);
    }

    /** Runs one notebook; whatever goes wrong with it is its own failure, and the next one still runs. */
    static NotebookResult runAlone(NotebookRunner runner, Path notebook, PrintStream out) {
        try {
            return runner.run(notebook);
        } catch (RuntimeException | StackOverflowError e) {
            String msg = "scratchnet could not run this notebook: " + e;
            out.println("[" + notebook.getFileName() + "] " + msg);
            return new NotebookResult(notebook, null, null, 0, 0, 0, msg, 0);
        }
    }

    /** Refuses, before anything runs, outputs that would replace a source notebook or each other. */
    static String checkOutputs(NotebookRunner runner, List<Path> sources) {
        Map<Path, Path> claimed = new HashMap<>();
        for (Path src : sources) {
            for (Path out : List.of(runner.notebookOutput(src), runner.htmlOutput(src))) {
                for (Path other : sources) {
                    if (NotebookRunner.samePath(out, other)) {
                        return "refusing to run: " + src + " would write its output to " + out
                                + ", which is the source notebook " + other
                                + "; expected output paths apart from the notebooks (use --output DIR)";
                    }
                }
                Path before = claimed.putIfAbsent(out, src);
                if (before != null) {
                    return "refusing to run: " + before + " and " + src + " would both write " + out
                            + "; expected notebooks with different names (or run them separately)";
                }
            }
        }
        return null;
    }

    /** One row per notebook: name, cells run, result, time, and the first error. */
    static void printSummary(PrintStream out, List<NotebookResult> results) {
        int width = Math.max("notebook".length(), results.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        out.println();
        out.printf(Locale.ROOT, "%-" + width + "s  %7s  %-6s  %8s  %s%n", "notebook", "cells", "result", "time", "error");
        for (NotebookResult r : results) {
            String err = r.error() == null ? "" : (r.failedCell() > 0 ? "cell " + r.failedCell() + ": " : "") + r.error();
            if (err.length() > 100) {
                err = err.substring(0, 100) + "…";
            }
            out.println(String.format(Locale.ROOT, "%-" + width + "s  %7s  %-6s  %6.1f s  %s", r.name(),
                    r.cellsRun() + "/" + r.codeCells(), r.ok() ? "ok" : "FAILED", r.seconds(), err).stripTrailing());
        }
        long failed = results.stream().filter(r -> !r.ok()).count();
        out.println(results.size() + (results.size() == 1 ? " notebook: " : " notebooks: ")
                + (results.size() - failed) + " ok, " + failed + " failed");
    }

    private static boolean isNotebook(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ipynb");
    }

    private static boolean isOutput(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".out.ipynb");
    }

    private static int usage(PrintStream err, String message) {
        err.println("scratchnet run: " + message);
        err.println("usage: java -jar scratchnet.jar " + USAGE);
        return 2;
    }
}
