package scratchnet.exec.agent;

/**
 * Ends a thread that a cell started and that ignored an interrupt (a loop that never checks
 * {@code Thread.interrupted()}): the kernel's debugger throws {@link #INSTANCE} into it. Its
 * one line on stderr names the thread; the interrupted cell's error lists it too.
 * <pre>{@code
 * Exception in thread "spinner" scratchnet.exec.agent.ThreadStopped: stopped by the interrupt, which it ignored
 * }</pre>
 */
public final class ThreadStopped extends Error {
    private static final long serialVersionUID = 1L;

    /** The one instance the debugger throws; it has no stack trace (where it lands says nothing). */
    public static final ThreadStopped INSTANCE = new ThreadStopped();

    private ThreadStopped() {
        super("stopped by the interrupt, which it ignored", null, false, false);
    }
}
