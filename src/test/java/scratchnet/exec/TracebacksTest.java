package scratchnet.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;

/** Compile errors and exceptions as Jupyter shows them: cell lines and columns, no JShell internals. */
class TracebacksTest {
    private JShell shell;
    private final Tracebacks tracebacks = new Tracebacks();

    @BeforeEach
    void start() {
        // JShell's in-process engine: the snippets run here, and report their frames the same way
        shell = JShell.builder().executionEngine("local").build();
    }

    @AfterEach
    void stop() {
        shell.close();
    }

    /** Evaluates a cell's snippets in order; returns the error of the first that fails, or null. */
    private CellException run(String cell, int count) {
        for (Segment seg : SnippetSplitter.split(shell.sourceCodeAnalysis(), cell)) {
            for (SnippetEvent ev : shell.eval(seg.source())) {
                if (ev.causeSnippet() != null) {
                    continue;
                }
                tracebacks.remember(ev.snippet(), count, seg.firstLine());
                if (ev.status() == jdk.jshell.Snippet.Status.REJECTED) {
                    return tracebacks.compileError(shell, cell, seg, ev.snippet());
                }
                if (ev.exception() != null) {
                    return tracebacks.runtimeError(shell, ev.exception());
                }
            }
        }
        return null;
    }

    private static List<String> plain(CellException e) {
        return e.traceback().stream().map(l -> l.replaceAll("\u001b\\[[0-9;]*m", "")).toList();
    }

    @Test
    void compileErrorPointsAtTheCellsLineAndColumn() {
        CellException e = run("int a = 1;\n  int b = x;", 1);
        assertThat(e.name()).isEqualTo("CompileError");
        assertThat(e.getMessage()).isEqualTo("cannot find symbol");
        List<String> tb = plain(e);
        assertThat(tb.get(0)).isEqualTo("compile error at line 2, column 11: cannot find symbol");
        assertThat(tb.get(1)).isEqualTo("      int b = x;");
        assertThat(tb.get(2)).isEqualTo("    " + " ".repeat(10) + "^");
    }

    @Test
    void exceptionFramesNameCellsAndLines() {
        assertThat(run("int f(int[] a) {\n  return a[3];\n}", 1)).isNull();
        CellException e = run("int x = 1;\n\nf(new int[1]);", 2);
        assertThat(e.name()).isEqualTo("ArrayIndexOutOfBoundsException");
        List<String> tb = plain(e);
        assertThat(tb.get(0)).startsWith("ArrayIndexOutOfBoundsException: Index 3 out of bounds");
        assertThat(tb).contains("    at f (cell [1] line 2)", "    at (cell [2] line 3)");
        assertThat(tb).noneMatch(l -> l.contains("jdk.jshell") || l.contains("REPL.") || l.contains("scratchnet.exec"));
    }

    @Test
    void useBeforeDefinitionSaysWhatIsMissing() {
        CellException e = run("void g() { h(); }\ng();", 1);
        assertThat(e.name()).isEqualTo("UnresolvedReference");
        assertThat(e.getMessage()).isEqualTo("method g() cannot run yet: method h() is not defined");
    }
}
