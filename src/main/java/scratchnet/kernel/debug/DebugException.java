package scratchnet.kernel.debug;

/**
 * A debug request that cannot be answered: its response says {@code "success": false} with this
 * message, which the front end shows.
 * <pre>{@code
 * throw new DebugException("no cell file " + path + "; send dumpCell first");
 * }</pre>
 */
public class DebugException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A failure with the message the front end shows. */
    public DebugException(String message) {
        super(message);
    }
}
