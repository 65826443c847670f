package scratchnet.exec.agent;

/**
 * Ends the cell JVM when the process that started it (the kernel or the runner) is gone, busy
 * cell or not: a daemon thread checks a few times a second whether this JVM's parent process is
 * still the one it started with (an orphan is handed to another parent the moment its own dies,
 * even when the dead parent is not yet reaped), and halts the JVM when it is not. Without it, a
 * kernel killed with SIGKILL would leave a cell's endless loop running.
 * <pre>{@code
 * ParentWatch.start();   // CellAgent does this first thing in the cell JVM
 * ParentWatch.start(jupyterPid, () -> System.exit(ParentWatch.ORPHANED_STATUS));   // the kernel JVM
 * }</pre>
 * The kernel JVM watches the same way the program that started it (a Jupyter server, which a
 * hub stops when it culls an idle server), as ipykernel does.
 */
public final class ParentWatch {
    /** How often the parent is checked, in milliseconds. */
    static final long CHECK_MS = 200;
    /** The exit status of a cell JVM whose parent went away (128 + SIGHUP, as a shell reports a hang-up). */
    public static final int ORPHANED_STATUS = 129;

    private ParentWatch() {
    }

    /** Starts watching this JVM's current parent; does nothing when it has none (already orphaned at start). */
    public static void start() {
        start(parentPid(), () -> Runtime.getRuntime().halt(ORPHANED_STATUS));
    }

    /**
     * Runs {@code whenGone} once this JVM's parent is no longer {@code parent}; does nothing when
     * {@code parent} is not its parent now (or is the init process).
     */
    public static void start(long parent, Runnable whenGone) {
        if (parent <= 1 || parentPid() != parent) {
            return;
        }
        Thread t = new Thread(() -> watch(parent, whenGone), "scratchnet-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void watch(long parent, Runnable whenGone) {
        while (parentPid() == parent) {
            try {
                Thread.sleep(CHECK_MS);
            } catch (InterruptedException e) {
                // keep watching: only the parent's end stops this thread
            }
        }
        whenGone.run();
    }

    /** This JVM's parent process id, or -1 when it has none. */
    public static long parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }
}
