package scratchnet.exec;

import java.util.ArrayList;
import java.util.List;

import jdk.jshell.SourceCodeAnalysis;

/**
 * Splits a cell into the snippets JShell evaluates one at a time (a cell may hold several
 * statements and declarations), keeping each one's position in the cell.
 * <pre>{@code
 * SnippetSplitter.split(shell.sourceCodeAnalysis(), "int a = 1;\nint b = a + 1;")
 * // [Segment[source=int a = 1;, start=0, end=10, firstLine=1], Segment[..., firstLine=2]]
 * }</pre>
 */
final class SnippetSplitter {
    private SnippetSplitter() {
    }

    /** The cell's snippets in order; stops at text JShell cannot take as a snippet. */
    static List<Segment> split(SourceCodeAnalysis sca, String code) {
        List<Segment> out = new ArrayList<>();
        walk(sca, code, out);
        return out;
    }

    /**
     * Where the cell's unfinished last statement starts (an open brace, parenthesis, comment or
     * an expression cut short at the end of the cell), or -1 when every statement is complete.
     */
    static int unfinishedStart(SourceCodeAnalysis sca, String code) {
        return walk(sca, code, new ArrayList<>());
    }

    /** Adds the cell's snippets to {@code out}; returns where unfinished input starts, or -1. */
    private static int walk(SourceCodeAnalysis sca, String code, List<Segment> out) {
        String remaining = code;
        while (!remaining.isBlank()) {
            int offset = code.length() - remaining.length();
            SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(remaining);
            SourceCodeAnalysis.Completeness completeness = info.completeness();
            if (completeness == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
                    || completeness == SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE) {
                return offset + leadingBlanks(remaining);
            }
            String source = info.source();
            if (source == null || source.isBlank() || completeness == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            String rest = info.remaining();
            int end = code.length() - rest.length();
            int start = offset + leadingBlanks(code.substring(offset, end));
            out.add(new Segment(source, start, end, lineOf(code, start)));
            if (rest.length() >= remaining.length()) {
                break;
            }
            remaining = rest;
        }
        return -1;
    }

    private static int leadingBlanks(String s) {
        int n = 0;
        while (n < s.length() && Character.isWhitespace(s.charAt(n))) {
            n++;
        }
        return n;
    }

    /** The segment that holds {@code cursor} (or the last one before it), or null. */
    static Segment at(List<Segment> segments, int cursor) {
        Segment found = null;
        for (Segment s : segments) {
            if (s.start() <= cursor) {
                found = s;
            }
        }
        return found;
    }

    /** The line (from 1) of offset {@code pos} in {@code code}. */
    static int lineOf(String code, int pos) {
        int line = 1;
        for (int i = 0; i < pos && i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
