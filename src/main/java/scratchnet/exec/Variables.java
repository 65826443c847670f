package scratchnet.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import scratchnet.display.MimeBundle;
import scratchnet.exec.agent.VariableProbe;

/**
 * The session's variables — those the cells declared, not JShell's {@code $1} results — with
 * their type and a one-line value a learner can read ({@code scratchnet.display.ValueSummary}),
 * for the {@code %vars} magic and a front end's variables panel. The values are described in the
 * cell JVM without changing anything there. While a cell runs, nothing is evaluated: the answer
 * is the table as it was last read, so a request never waits for a cell.
 * <pre>{@code
 * Variables vars = new Variables(evaluator);
 * vars.table()        // [Variable[name=x, type=Matrix, summary=Matrix 1×100  mean 0.495 …], …]
 * vars.details("x")   // {text/plain=…, text/html=<table…, image/png=iVBOR…}
 * }</pre>
 */
public final class Variables {
    /** One variable: its name, its declared type as JShell writes it, and its value in one line. */
    public record Variable(String name, String type, String summary) {
    }

    private final CellEvaluator cells;
    /** The table as last read; what a request gets while a cell runs. */
    private volatile List<Variable> last = List.of();

    /** The variables of the cells {@code cells} runs. */
    public Variables(CellEvaluator cells) {
        this.cells = cells;
    }

    /**
     * The variables in the order they were declared, read now when no cell runs, otherwise as
     * they were last read (empty before the first reading).
     */
    public List<Variable> table() {
        List<Variable> fresh = cells.whenIdle(Variables::read);
        if (fresh != null) {
            last = fresh;
        }
        return last;
    }

    /** The table as last read by {@link #table()}, without evaluating anything. */
    public List<Variable> lastTable() {
        return last;
    }

    /**
     * What the variable {@code name} shows as ({@code ValueSummary.details}: text/plain, text/html,
     * for a vector image/png), or null when there is no such variable. While a cell runs, only
     * text/plain, from the table as last read.
     */
    public MimeBundle details(String name) {
        MimeBundle fresh = cells.whenIdle(shell -> {
            VarSnippet v = active(shell).get(name);
            if (v == null) {
                return new MimeBundle();
            }
            Map<String, String> data = probe(shell, "details", name, VariableProbe::readBundle);
            MimeBundle b = new MimeBundle();
            (data == null ? Map.of(MimeBundle.TEXT, "(its value could not be read)") : data).forEach(b::put);
            return b;
        });
        if (fresh != null) {
            return fresh.data().isEmpty() ? null : fresh;
        }
        for (Variable v : last) {
            if (v.name().equals(name)) {
                return MimeBundle.ofText(v.summary());
            }
        }
        return null;
    }

    /** The active variables the cells declared, by name, in declaration order. */
    private static Map<String, VarSnippet> active(JShell shell) {
        Map<String, VarSnippet> vars = new LinkedHashMap<>();
        shell.variables().forEach(v -> {
            if (v.subKind() != Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND && shell.status(v) == Snippet.Status.VALID) {
                vars.put(v.name(), v);
            }
        });
        return vars;
    }

    private static List<Variable> read(JShell shell) {
        Map<String, VarSnippet> vars = active(shell);
        List<Variable> table = new ArrayList<>();
        if (vars.isEmpty()) {
            return table;
        }
        // an explicit array: a lone String[] variable would otherwise be taken as the varargs array itself
        String values = UnshadowedCall.objects(vars.keySet());
        List<String> lines = probe(shell, "summaries", values, VariableProbe::readLines);
        int i = 0;
        for (VarSnippet v : vars.values()) {
            String summary = lines != null && i < lines.size() ? lines.get(i) : "(its value could not be read)";
            table.add(new Variable(v.name(), v.typeName(), summary));
            i++;
        }
        return table;
    }

    private interface Reader<T> {
        T read(Path file) throws IOException;
    }

    /**
     * Runs {@code VariableProbe.<method>(file, args)} in the cell JVM — a statement, so it leaves
     * no {@code $n} variable behind, written so that the cells' variables cannot hide the class
     * ({@link UnshadowedCall}) — and reads what it wrote; null when it failed.
     */
    private static <T> T probe(JShell shell, String method, String args, Reader<T> reader) {
        Path file = null;
        try {
            file = Files.createTempFile("scratchnet-vars", ".txt");
            String literal = "\"" + file.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            for (SnippetEvent ev : shell.eval(UnshadowedCall.statement(VariableProbe.class, method, literal + ", " + args))) {
                if (ev.causeSnippet() == null && (ev.exception() != null || ev.status() == Snippet.Status.REJECTED)) {
                    return null;
                }
            }
            return reader.read(file);
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** Writes the table as text, one variable a line under a header: name, type, summary in aligned columns. */
    public static String format(List<Variable> table) {
        if (table.isEmpty()) {
            return "no variables yet\n";
        }
        int name = "name".length();
        int type = "type".length();
        for (Variable v : table) {
            name = Math.max(name, v.name().length());
            type = Math.max(type, v.type().length());
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, name, type, "name", "type", "value");
        for (Variable v : table) {
            appendRow(sb, name, type, v.name(), v.type(), v.summary());
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, int nameWidth, int typeWidth, String name, String type, String value) {
        sb.append(name).append(" ".repeat(nameWidth - name.length() + 2))
                .append(type).append(" ".repeat(typeWidth - type.length() + 2))
                .append(value).append('\n');
    }
}
