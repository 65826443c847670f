package scratchnet.exec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The error for a cell whose last statement is cut short: an open brace, parenthesis, bracket,
 * string or comment, or an expression that ends with an operator. Such a cell runs nothing; the
 * error names the line where the input ended and, when it can tell, what is missing.
 * <pre>{@code
 * UnfinishedInput.error("int x = 5;\nif (x > 3) {\n System.out.println(\"big\");", 11)
 * // IncompleteInput: the cell ends inside an unfinished statement (line 3: `System.out.println("big");`)
 * //                  — missing `}` for the `{` on line 2?
 * }</pre>
 */
final class UnfinishedInput {
    /** The error's name, as Jupyter shows it. */
    static final String NAME = "IncompleteInput";

    private UnfinishedInput() {
    }

    /** The error for {@code code} whose unfinished statement starts at offset {@code start}. */
    static CellException error(String code, int start) {
        String body = code.stripTrailing();
        int lastLineStart = body.lastIndexOf('\n') + 1;
        int lastLine = SnippetSplitter.lineOf(body, lastLineStart);
        String msg = "the cell ends inside an unfinished statement (line " + lastLine + ": `"
                + body.substring(lastLineStart).strip() + "`)" + missing(code, start);
        return new CellException(NAME, msg, List.of(Ansi.red(NAME) + ": " + msg));
    }

    /** " — missing `}` for the `{` on line 2?", or "" when nothing is left open. */
    private static String missing(String code, int start) {
        // the innermost opener still open at the end of the cell: its character and offset
        Deque<int[]> open = new ArrayDeque<>();
        int i = start;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (code.startsWith("//", i)) {
                int nl = code.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (code.startsWith("/*", i)) {
                int close = code.indexOf("*/", i + 2);
                if (close < 0) {
                    return " — missing `*/` for the comment opened on line " + SnippetSplitter.lineOf(code, i) + "?";
                }
                i = close + 2;
            } else if (code.startsWith("\"\"\"", i)) {
                int close = code.indexOf("\"\"\"", i + 3);
                if (close < 0) {
                    return " — missing `\"\"\"` for the text block opened on line " + SnippetSplitter.lineOf(code, i) + "?";
                }
                i = close + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && code.charAt(j) != c && code.charAt(j) != '\n') {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= n || code.charAt(j) == '\n') {
                    return " — missing the closing `" + c + "` on line " + SnippetSplitter.lineOf(code, i) + "?";
                }
                i = j + 1;
            } else {
                if (c == '{' || c == '(' || c == '[') {
                    open.push(new int[] {c, i});
                } else if ((c == '}' || c == ')' || c == ']') && !open.isEmpty()) {
                    open.pop();
                }
                i++;
            }
        }
        if (open.isEmpty()) {
            return "";
        }
        int[] top = open.peek();
        char opener = (char) top[0];
        char closer = opener == '{' ? '}' : opener == '(' ? ')' : ']';
        return " — missing `" + closer + "` for the `" + opener + "` on line " + SnippetSplitter.lineOf(code, top[1]) + "?";
    }
}
