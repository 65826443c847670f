package scratchnet.exec.magic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jshell.SourceCodeAnalysis;
import scratchnet.exec.Ansi;
import scratchnet.exec.CellEvaluator;
import scratchnet.exec.CellException;
import scratchnet.exec.CellOutput;
import scratchnet.exec.Variables;

/**
 * Runs a cell, handling its magics first. A cell whose first line is {@code %%time} is timed as a
 * whole; lines starting with {@code %} are line magics, run in order with the code between them,
 * unless they continue an unfinished Java statement ({@code int r = 10} then {@code % 3;} is
 * {@code int r = 10 % 3;}): a magic comes first in its cell or after a {@code ;} or {@code }}.
 * <pre>{@code
 * %classpath lib/extra.jar      add a jar or directory to the cells' class path
 * %maven group:artifact:version fetch a library (and its dependencies) from Maven Central
 * %time model.fit(x, y, lr(0.3), iters(4000))
 * %vars                         the variables: name, type, value in one line
 * }</pre>
 * An unknown magic is an error that lists the known ones. The Jupyter kernel and the headless
 * notebook runner both run their cells through this class:
 * <pre>{@code
 * Magics magics = new Magics(evaluator, output);   // output receives the magics' own messages
 * magics.run("%%time\nvar x = arange(0, 1, 0.01);", 1);
 * }</pre>
 */
public final class Magics {
    /** The magics, by name, in the order they are listed. */
    private static final Map<String, Magic> ALL = byName(new ClasspathMagic(), new MavenMagic(), new TimeMagic(),
            new VarsMagic());

    private final CellEvaluator cells;
    private final CellOutput output;
    private final Variables variables;

    /** Magics for cells run by {@code cells}; their messages (wall time, class path) go to {@code output} as stdout. */
    public Magics(CellEvaluator cells, CellOutput output) {
        this(cells, output, new Variables(cells));
    }

    /** Like {@link #Magics(CellEvaluator, CellOutput)}, with {@code %vars} reading {@code variables}. */
    public Magics(CellEvaluator cells, CellOutput output, Variables variables) {
        this.cells = cells;
        this.output = output;
        this.variables = variables;
    }

    private static Map<String, Magic> byName(Magic... magics) {
        Map<String, Magic> map = new LinkedHashMap<>();
        for (Magic m : magics) {
            map.put(m.name(), m);
        }
        return map;
    }

    /** The evaluator the cells run in. */
    CellEvaluator cells() {
        return cells;
    }

    /** The session's variables, for {@code %vars}. */
    Variables variables() {
        return variables;
    }

    /** Where the magics' own messages go. */
    CellOutput output() {
        return output;
    }

    /**
     * Runs a cell, handling its magics.
     *
     * @throws CellException for an unknown or malformed magic, and whatever the cell's code throws
     */
    public void run(String code, int cell) throws CellException {
        cells.beginCell();
        String stripped = code.stripLeading();
        if (stripped.startsWith("%%")) {
            int nl = stripped.indexOf('\n');
            String head = (nl < 0 ? stripped : stripped.substring(0, nl)).trim();
            Magic magic = ALL.get(head.substring(2));
            if (magic == null || !magic.isCellMagic()) {
                throw unknown(head);
            }
            magic.runCell(blankThroughMagicLine(code), cell, this);
            return;
        }
        runLines(code, cell);
    }

    /**
     * The cell with every line up to and including the {@code %%} line made empty, so the body's
     * line numbers stay the cell's.
     */
    static String blankThroughMagicLine(String code) {
        int magic = code.indexOf("%%");
        int nl = code.indexOf('\n', magic);
        if (nl < 0) {
            return "";
        }
        return "\n".repeat(newlines(code, nl + 1)) + code.substring(nl + 1);
    }

    /** Runs code whose lines may hold line magics: each runs in order with the code between them. */
    void runLines(String code, int cell) throws CellException {
        if (!code.contains("%")) {
            cells.execute(code, cell);
            return;
        }
        // line magics must start their line, and the code before them must be finished; they run
        // in order with the code between them
        StringBuilder chunk = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            String t = line.trim();
            if (t.startsWith("%") && !t.startsWith("%=") && statementsFinished(chunk.toString())) {
                flush(chunk, cell);
                lineMagic(t, cell);
                chunk.append('\n');
            } else {
                chunk.append(line).append('\n');
            }
        }
        flush(chunk, cell);
    }

    /**
     * Whether {@code code} ends between statements, so that a {@code %} line after it is a magic:
     * it is blank, or each of its statements is finished, with its {@code ;} or {@code }}. After
     * {@code int r = 10} a line {@code % 3;} continues the statement: {@code int r = 10 % 3;}.
     */
    private boolean statementsFinished(String code) throws CellException {
        String rest = code;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = cells.analysis().analyzeCompletion(rest);
            switch (info.completeness()) {
                case COMPLETE:
                    rest = info.remaining();
                    break;
                case EMPTY:
                case UNKNOWN:
                    // only comments, or code that cannot compile: that error is reported as it is
                    return true;
                default:
                    // unfinished (an open brace or parenthesis), or finished only with a ';' still to come
                    return false;
            }
        }
        return true;
    }

    private void flush(StringBuilder chunk, int cell) throws CellException {
        if (!chunk.toString().isBlank()) {
            cells.execute(chunk.toString(), cell);
        }
        // keep the line count so later errors still point at the right cell line
        chunk.replace(0, chunk.length(), "\n".repeat(newlines(chunk, chunk.length())));
    }

    private void lineMagic(String line, int cell) throws CellException {
        String[] parts = line.split("\\s+", 2);
        String arg = parts.length > 1 ? parts[1].trim() : "";
        Magic magic = parts[0].startsWith("%%") ? null : ALL.get(parts[0].substring(1));
        if (magic == null) {
            throw unknown(parts[0]);
        }
        magic.runLine(arg, cell, this);
    }

    /** Every way of writing a known magic, for error messages. */
    static List<String> known() {
        List<String> forms = new ArrayList<>();
        ALL.values().forEach(m -> forms.addAll(m.forms()));
        return forms;
    }

    private static CellException unknown(String name) {
        String msg = "unknown magic " + name + "; the known magics are: " + String.join(", ", known());
        return new CellException("UnknownMagic", msg, List.of(Ansi.red("UnknownMagic") + ": " + msg));
    }

    /** The number of '\n' in the first {@code end} characters of {@code text}: the lines to keep. */
    private static int newlines(CharSequence text, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
