package scratchnet.exec;

import java.util.List;

/**
 * A cell that did not finish: a compile error, an exception thrown by the cell, or an interrupt.
 * Carries what Jupyter shows: the error's name, its message, and the traceback lines.
 * <pre>{@code
 * throw new CellException("CompileError", "cannot find symbol", lines);
 * }</pre>
 */
public final class CellException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final transient List<String> traceback;

    /** An error with Jupyter's ename, evalue and traceback lines. */
    public CellException(String name, String message, List<String> traceback) {
        super(message);
        this.name = name;
        this.traceback = List.copyOf(traceback);
    }

    /** Jupyter's {@code ename}, for example "CompileError" or "ShapeException". */
    public String name() {
        return name;
    }

    /** Jupyter's {@code traceback}: the lines shown under the cell. */
    public List<String> traceback() {
        return traceback;
    }
}
