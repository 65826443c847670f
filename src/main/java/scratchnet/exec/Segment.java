package scratchnet.exec;

/**
 * One statement or declaration of a cell, as JShell takes it, with where it sits in the cell:
 * {@code start} and {@code end} are offsets into the cell's text, {@code firstLine} the cell line
 * (1-based) where it starts. Errors point at cell lines through it, and completion works on the
 * segment under the cursor.
 * <pre>{@code
 * // cell "int a = 1;\nint b = a + 1;" splits into
 * new Segment("int a = 1;", 0, 10, 1);
 * new Segment("\nint b = a + 1;", 11, 25, 2);
 * }</pre>
 *
 * @param source    the snippet JShell evaluates, with the blank space before it (JShell may have
 *                  completed a missing semicolon); JShell's diagnostic positions count from here
 * @param start     offset of its first non-blank character in the cell
 * @param end       offset just after it in the cell
 * @param firstLine the cell line it starts on, from 1
 */
public record Segment(String source, int start, int end, int firstLine) {
}
