package scratchnet.exec.magic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import scratchnet.exec.Ansi;
import scratchnet.exec.CellEvaluator;
import scratchnet.exec.CellException;
import scratchnet.exec.CellOutput;

/**
 * Cell magics, checked before a cell runs. A cell starting with {@code %%time} is timed as a
 * whole; lines starting with {@code %} are line magics:
 * <pre>{@code
 * %classpath lib/extra.jar      add a jar or directory to the cells' class path
 * %time model.fit(x, y, lr(0.3), iters(4000))
 * }</pre>
 * An unknown magic is an error that lists the known ones. The Jupyter kernel and the headless
 * notebook runner both run their cells through this class:
 * <pre>{@code
 * Magics magics = new Magics(evaluator, output);   // output receives the magics' own messages
 * magics.run("%%time\nvar x = arange(0, 1, 0.01);", 1);
 * }</pre>
 */
public final class Magics {
    static final List<String> KNOWN = List.of("%classpath <jar or dir>", "%maven group:artifact:version",
            "%time <code>", "%%time (first line of a cell)");

    private final CellEvaluator evaluator;
    private final CellOutput kernel;

    /** Magics for cells run by {@code evaluator}; their messages (wall time, class path) go to {@code kernel} as stdout. */
    public Magics(CellEvaluator evaluator, CellOutput kernel) {
        this.evaluator = evaluator;
        this.kernel = kernel;
    }

    /**
     * Runs a cell, handling its magics.
     *
     * @throws CellException for an unknown or malformed magic, and whatever the cell's code throws
     */
    public void run(String code, int cell) throws CellException {
        String stripped = code.stripLeading();
        if (stripped.startsWith("%%")) {
            int nl = stripped.indexOf('\n');
            String head = (nl < 0 ? stripped : stripped.substring(0, nl)).trim();
            String body = nl < 0 ? "" : stripped.substring(nl + 1);
            if (!head.equals("%%time")) {
                throw unknown(head);
            }
            timed(() -> runLines(blankFirstLine(code), cell));
            return;
        }
        runLines(code, cell);
    }

    /** Keeps line numbers of the body equal to the cell's by blanking the magic's line. */
    private static String blankFirstLine(String code) {
        int nl = code.indexOf('\n');
        return nl < 0 ? "" : "\n" + code.substring(nl + 1);
    }

    private void runLines(String code, int cell) throws CellException {
        if (!code.contains("%")) {
            evaluator.execute(code, cell);
            return;
        }
        // line magics must start their line; they run in order with the code between them
        StringBuilder chunk = new StringBuilder();
        String[] lines = code.split("\n", -1);
        for (String line : lines) {
            String t = line.trim();
            if (t.startsWith("%") && !t.startsWith("%=")) {
                flush(chunk, cell);
                lineMagic(t, cell);
                chunk.append('\n');
            } else {
                chunk.append(line).append('\n');
            }
        }
        flush(chunk, cell);
    }

    private void flush(StringBuilder chunk, int cell) throws CellException {
        if (!chunk.toString().isBlank()) {
            evaluator.execute(chunk.toString(), cell);
        }
        // keep the line count so later errors still point at the right cell line
        chunk.replace(0, chunk.length(), "\n".repeat((int) chunk.chars().filter(c -> c == '\n').count()));
    }

    private void lineMagic(String line, int cell) throws CellException {
        String[] parts = line.split("\\s+", 2);
        String name = parts[0];
        String arg = parts.length > 1 ? parts[1].trim() : "";
        switch (name) {
            case "%classpath":
                classpath(arg);
                break;
            case "%time":
                if (arg.isEmpty()) {
                    throw usage("%time needs code to time, for example %time model.fit(x, y)");
                }
                timed(() -> evaluator.execute(arg, cell));
                break;
            case "%maven":
                MavenMagic.resolve(arg, evaluator, kernel);
                break;
            default:
                throw unknown(name);
        }
    }

    private void classpath(String arg) throws CellException {
        if (arg.isEmpty()) {
            throw usage("%classpath needs a jar file or a directory, for example %classpath lib/extra.jar");
        }
        for (String entry : arg.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry.trim()).toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                throw usage("%classpath: " + p + " does not exist (expected a jar file or a directory of classes)");
            }
            evaluator.addToClasspath(p.toString());
            kernel.text(false, "added to the class path: " + p + "\n");
        }
    }

    private interface Body {
        void run() throws CellException;
    }

    private void timed(Body body) throws CellException {
        long t0 = System.nanoTime();
        try {
            body.run();
        } finally {
            double s = (System.nanoTime() - t0) / 1e9;
            kernel.text(false, String.format(Locale.ROOT, "Wall time: %s%n", s < 1 ? String.format(Locale.ROOT,
                    "%.1f ms", s * 1000) : String.format(Locale.ROOT, "%.2f s", s)));
        }
    }

    private static CellException unknown(String name) {
        String msg = "unknown magic " + name + "; the known magics are: " + String.join(", ", KNOWN);
        return new CellException("UnknownMagic", msg, List.of(Ansi.red("UnknownMagic") + ": " + msg));
    }

    static CellException usage(String msg) {
        return new CellException("MagicError", msg, List.of(Ansi.red("MagicError") + ": " + msg));
    }
}
