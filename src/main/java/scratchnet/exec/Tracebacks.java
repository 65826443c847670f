package scratchnet.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Turns JShell's compile diagnostics and the cell JVM's exceptions into what Jupyter shows: an
 * error name, a message, and traceback lines that point at cell lines ("cell [3] line 2") instead
 * of JShell's snippet classes, leaving out JShell's and the kernel's own frames, and with the
 * user's names where messages name JShell's wrappers ({@link JShellNames}). It remembers
 * which cell and line each snippet came from, since a method declared in cell 2 may fail in cell 5.
 * <pre>{@code
 * Tracebacks tb = new Tracebacks();
 * tb.remember(snippet, 3, 2);             // snippet starts on line 2 of cell [3]
 * throw tb.runtimeError(shell, event.exception());
 * // ArithmeticException: / by zero
 * //     at f (cell [3] line 2)
 * }</pre>
 */
final class Tracebacks {
    /** Snippet id → where its source sits in a cell. */
    private final Map<String, Origin> origins = new HashMap<>();

    /** Where a snippet came from: the cell's execution count and its first line in that cell (1-based). */
    private record Origin(int cell, int firstLine) {
    }

    /** Notes that {@code snippet} starts on line {@code firstLine} of cell {@code cell}. */
    void remember(Snippet snippet, int cell, int firstLine) {
        origins.put(snippet.id(), new Origin(cell, firstLine));
    }

    /** Forgets every snippet: the session they belonged to is gone. */
    void clear() {
        origins.clear();
    }

    /** A rejected snippet: each error with its cell line and column, the line, and a caret under the spot. */
    CellException compileError(JShell shell, String code, Segment seg, Snippet snippet) {
        List<String> lines = new ArrayList<>();
        String first = null;
        // diagnostic positions count from the start of the snippet's source, which keeps the
        // blank space before the statement; the segment's start is after that space
        int sourceStart = seg.start() - leadingWhitespace(seg.source());
        for (Diag d : (Iterable<Diag>) shell.diagnostics(snippet)::iterator) {
            if (!d.isError()) {
                continue;
            }
            String msg = d.getMessage(null);
            if (first == null) {
                first = msg.lines().findFirst().orElse(msg);
            }
            // positions are inside the snippet's source; map them into the cell
            int startInSnippet = (int) Math.max(0, d.getStartPosition());
            int endInSnippet = (int) Math.max(startInSnippet + 1, d.getEndPosition());
            int from = Math.min(code.length(), sourceStart + startInSnippet);
            int to = Math.min(code.length(), Math.max(from + 1, sourceStart + endInSnippet));
            int line = SnippetSplitter.lineOf(code, from);
            int lineStart = code.lastIndexOf('\n', from - 1) + 1;
            int lineEnd = code.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = code.length();
            }
            int col = from - lineStart + 1;
            lines.add(Ansi.red("compile error") + " at line " + line + ", column " + col + ": "
                    + msg.lines().findFirst().orElse(msg));
            lines.add("    " + code.substring(lineStart, lineEnd));
            lines.add("    " + " ".repeat(from - lineStart) + Ansi.red("^".repeat(Math.max(1, Math.min(to, lineEnd) - from))));
            msg.lines().skip(1).forEach(l -> lines.add("    " + l));
        }
        if (first == null) {
            first = "the code was rejected";
            lines.add(first);
        }
        lines.replaceAll(JShellNames::strip);
        return new CellException("CompileError", JShellNames.strip(first), lines);
    }

    /** An exception the cell threw (with its causes), or a snippet that uses something not yet defined. */
    CellException runtimeError(JShell shell, JShellException e) {
        if (e instanceof UnresolvedReferenceException) {
            Snippet s = ((UnresolvedReferenceException) e).getSnippet();
            String msg = describe(s) + " cannot run yet: " + String.join(", ", unresolved(shell, s)) + " is not defined";
            return new CellException("UnresolvedReference", msg, List.of(Ansi.red("UnresolvedReference") + ": " + msg));
        }
        EvalException ev = (EvalException) e;
        // a class declared in a cell is REPL.$JShell$12$MyError: its simple name is MyError
        String name = JShellNames.strip(ev.getExceptionClassName());
        String simple = name.substring(name.lastIndexOf('.') + 1);
        String message = ev.getMessage() == null ? "" : JShellNames.strip(ev.getMessage());
        List<String> lines = new ArrayList<>();
        lines.add(Ansi.red(simple) + (message.isEmpty() ? "" : ": " + message));
        appendFrames(ev, lines);
        Throwable cause = ev.getCause();
        while (cause instanceof EvalException) {
            EvalException c = (EvalException) cause;
            lines.add("Caused by: " + c.getExceptionClassName() + (c.getMessage() == null ? "" : ": " + c.getMessage()));
            appendFrames(c, lines);
            cause = c.getCause();
        }
        // JShell's wrapper names in the causes' messages and in frames of library code called back from a cell
        lines.replaceAll(JShellNames::strip);
        return new CellException(simple, message, lines);
    }

    /** The note for a declaration that was created but cannot be used until what it names is defined. */
    String notYetUsable(JShell shell, Snippet s) {
        return "note: " + describe(s) + " was created, but it cannot be used until "
                + String.join(", ", unresolved(shell, s)) + " is defined\n";
    }

    /** Library frames as they are, cell frames as "cell line N"; JShell's and the kernel's own frames are left out. */
    private void appendFrames(Throwable t, List<String> lines) {
        StackTraceElement[] frames = t.getStackTrace();
        int shown = 0;
        for (StackTraceElement f : frames) {
            String cls = f.getClassName();
            String file = f.getFileName();
            // JShell reports cell code with file "#<snippet id>" (and an empty or REPL class name)
            if ((file != null && file.startsWith("#")) || cls.startsWith("REPL.")) {
                Origin o = file != null && file.startsWith("#") ? origins.get(file.substring(1)) : null;
                String where = o == null ? "cell" : "cell [" + o.cell() + "] line " + (o.firstLine() + f.getLineNumber() - 1);
                boolean topLevel = f.getMethodName().isEmpty() || f.getMethodName().equals("do_it$");
                lines.add("    at " + (topLevel ? "" : f.getMethodName() + " ") + "(" + where + ")");
                shown++;
                if (topLevel) {
                    break;
                }
            } else if (cls.startsWith("jdk.jshell.") || cls.startsWith("jdk.internal.reflect.")
                    || cls.startsWith("java.lang.reflect.") || cls.startsWith("scratchnet.exec.")) {
                continue;
            } else {
                lines.add("    at " + f);
                shown++;
            }
            if (shown > 30) {
                lines.add("    ...");
                break;
            }
        }
    }

    private static int leadingWhitespace(String s) {
        int n = 0;
        while (n < s.length() && Character.isWhitespace(s.charAt(n))) {
            n++;
        }
        return n;
    }

    private static List<String> unresolved(JShell shell, Snippet s) {
        List<String> names = new ArrayList<>();
        if (s instanceof DeclarationSnippet) {
            shell.unresolvedDependencies((DeclarationSnippet) s).forEach(names::add);
        }
        return names.isEmpty() ? List.of("a declaration it uses") : names;
    }

    private static String describe(Snippet s) {
        if (s instanceof MethodSnippet) {
            return "method " + ((MethodSnippet) s).name() + "(" + ((MethodSnippet) s).parameterTypes() + ")";
        }
        if (s instanceof TypeDeclSnippet) {
            return "type " + ((TypeDeclSnippet) s).name();
        }
        if (s instanceof VarSnippet) {
            return "variable " + ((VarSnippet) s).name();
        }
        return "this code";
    }
}
