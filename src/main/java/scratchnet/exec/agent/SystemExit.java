package scratchnet.exec.agent;

/**
 * What a cell gets instead of ending the notebook's Java process: the kernel's debugger throws
 * it from {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}, so the cell stops
 * there with this error and every variable keeps its value. It is an {@link Error}, so a
 * {@code catch (Exception e)} in the cell does not swallow it.
 * <pre>{@code
 * System.exit(0);
 * // SystemExit: System.exit(0) was called; a cell cannot end the notebook's Java process, so the
 * //             cell stops here and the variables keep their values (restart the kernel for a fresh one)
 * }</pre>
 */
public final class SystemExit extends Error {
    private static final long serialVersionUID = 1L;

    /** The error for {@code method} ("exit" or "halt") called with {@code status}. */
    public SystemExit(String method, int status) {
        super((method.equals("halt") ? "Runtime.getRuntime().halt(" : "System.exit(") + status + ") was called;"
                + " a cell cannot end the notebook's Java process, so the cell stops here and the variables"
                + " keep their values (restart the kernel for a fresh session)");
    }
}
