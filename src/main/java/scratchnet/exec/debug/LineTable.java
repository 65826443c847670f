package scratchnet.exec.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;

/**
 * Which lines of a JShell wrapper class hold which lines of a cell. JShell compiles a snippet
 * into a wrapper class ({@code REPL.$JShell$12}) whose source moves the snippet's text around (a
 * variable's initializer goes into a method, after a line of its own) and whose line numbers are
 * the wrapper's; JShell's own line mapping loses lines inside methods, but its character mapping
 * (snippet position → wrapper position, the one compile errors use) is exact. The table maps
 * every character of the snippet through it and notes, for each wrapper line, the first cell line
 * that lands there. Lines JShell wrote itself ({@code int b_ =} before the initializer, where
 * javac puts the statement's code) belong to the cell line of the code after them.
 * <pre>{@code
 * // the snippet "\nint b = a +\n 2;" starting on cell line 4, wrapped as JShell does
 * LineTable t = LineTable.of(snippet, 4, wrapped, jshellIndexMap);
 * t.classLines(6);   // [8]: the wrapper line " 2;" (class line numbers start at 1)
 * t.cellLine(8);     // 6
 * }</pre>
 */
public final class LineTable {
    /** Class line (1-based) → the first cell line on it. */
    private final TreeMap<Integer, Integer> toCell;
    /** Cell line → the class lines holding its code, ascending. */
    private final Map<Integer, TreeSet<Integer>> toClass;

    private LineTable(TreeMap<Integer, Integer> toCell, Map<Integer, TreeSet<Integer>> toClass) {
        this.toCell = toCell;
        this.toClass = toClass;
    }

    /**
     * The table for {@code snippet} (its first character on cell line {@code firstCellLine}),
     * wrapped as {@code wrapped}, where {@code wrapIndex} maps a position in the snippet to its
     * position in {@code wrapped}. Blank characters are left out: only code places a line.
     */
    public static LineTable of(String snippet, int firstCellLine, String wrapped, IntUnaryOperator wrapIndex) {
        // wrapper line starts, to turn a wrapper position into its line
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < wrapped.length(); i++) {
            if (wrapped.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        TreeMap<Integer, Integer> toCell = new TreeMap<>();
        Map<Integer, TreeSet<Integer>> toClass = new TreeMap<>();
        int cellLine = firstCellLine;
        for (int i = 0; i < snippet.length(); i++) {
            char c = snippet.charAt(i);
            if (c == '\n') {
                cellLine++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                continue;
            }
            int w = wrapIndex.applyAsInt(i);
            // only positions that carry this very character (JShell maps text it dropped elsewhere)
            if (w < 0 || w >= wrapped.length() || wrapped.charAt(w) != c) {
                continue;
            }
            int classLine = lineOf(starts, w) + 1;
            toCell.merge(classLine, cellLine, Math::min);
            toClass.computeIfAbsent(cellLine, k -> new TreeSet<>()).add(classLine);
        }
        return new LineTable(toCell, toClass);
    }

    private static int lineOf(List<Integer> starts, int pos) {
        int lo = 0;
        int hi = starts.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts.get(mid) <= pos) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * The class lines (1-based, ascending) that may hold code of {@code cellLine}: those its text
     * landed on, and the lines JShell wrote just before them; empty when the line has no code.
     */
    public List<Integer> classLines(int cellLine) {
        TreeSet<Integer> lines = toClass.get(cellLine);
        if (lines == null) {
            return List.of();
        }
        TreeSet<Integer> out = new TreeSet<>(lines);
        for (int line : lines) {
            for (int before = line - 1; before >= 1 && !toCell.containsKey(before); before--) {
                out.add(before);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The cell line of class line {@code classLine}: the one whose text is there, else (a line
     * JShell wrote) the next one's, else the last one's; -1 for a table with no lines.
     */
    public int cellLine(int classLine) {
        Map.Entry<Integer, Integer> at = toCell.ceilingEntry(classLine);
        if (at == null) {
            at = toCell.floorEntry(classLine);
        }
        return at == null ? -1 : at.getValue();
    }
}
