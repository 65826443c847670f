package scratchnet.exec.debug;

/**
 * A class JShell loaded into the cell JVM for a cell's code: the cell's id (the name of the file
 * a front end knows the cell by, the same for the same code), the class's name, and where its
 * lines sit in the cell.
 * <pre>{@code
 * new CellClass("501940937.java", "REPL.$JShell$12", table);
 * }</pre>
 *
 * @param cellId    the cell's id
 * @param className the binary name of the class ({@code REPL.$JShell$12}, or a nested {@code REPL.$JShell$12$Foo})
 * @param lines     class lines ↔ cell lines
 */
public record CellClass(String cellId, String className, LineTable lines) {
}
