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

    /**
     * The error the kernel's debugger throws next. It is made here, in the thread that called exit,
     * and held by this field: an object the debugger made itself could be collected before the throw.
     */
    static SystemExit pending;

    /** The error for {@code method} ("exit" or "halt") called with {@code status}. */
    public SystemExit(String method, int status) {
        super((method.equals("halt") ? "Runtime.getRuntime().halt(" : "System.exit(") + status + ") was called;"
                + " a cell cannot end the notebook's Java process, so the cell stops here and the variables"
                + " keep their values (restart the kernel for a fresh session)");
    }

    /** Called by the kernel's debugger in the thread stopped at {@code Runtime.exit} or {@code halt}. */
    static void prepare(boolean halt, int status) {
        pending = new SystemExit(halt ? "halt" : "exit", status);
    }
}
