package scratchnet.exec.debug;

/**
 * A class JShell loaded into the cell JVM for a cell's code: the cell's source path (the file a
 * front end names the cell by), the class's name, and where its lines sit in the cell.
 * <pre>{@code
 * new CellClass("/tmp/scratchnet_1234_…/501940937.java", "REPL.$JShell$12", table);
 * }</pre>
 *
 * @param sourcePath the cell's source path
 * @param className  the binary name of the class ({@code REPL.$JShell$12}, or a nested {@code REPL.$JShell$12$Foo})
 * @param lines      class lines ↔ cell lines
 */
public record CellClass(String sourcePath, String className, LineTable lines) {
}
