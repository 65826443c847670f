package scratchnet.display;

/**
 * Sends what one thread prints and displays somewhere else for a while: into an Output widget,
 * say, instead of the cell's output. Only the thread that calls {@link #run} is captured; displays
 * go through {@link Display}, printed text through the cell JVM's {@code System.out} and
 * {@code System.err}, which ask {@link #current()} before writing.
 * <pre>{@code
 * Capture.run(target, () -> {
 *     System.out.println("into the target");
 *     Display.display(chart);                 // into the target too
 * });
 * }</pre>
 */
public final class Capture {
    /** Where captured output goes. */
    public interface Target {
        /** Text printed to stdout ({@code stderr} false) or stderr. */
        void text(boolean stderr, String text);

        /** A display, update, result or clear, as a {@link DisplaySink} gets it. */
        void send(String type, MimeBundle bundle, String displayId);
    }

    private static final ThreadLocal<Target> CURRENT = new ThreadLocal<>();

    private Capture() {
    }

    /** Runs {@code body} with this thread's output going to {@code target}; captures nest. */
    public static void run(Target target, Runnable body) {
        if (target == null || body == null) {
            throw new IllegalArgumentException("Capture.run: expected a target and code to run, got "
                    + (target == null ? "no target" : "a target") + " and " + (body == null ? "no code" : "code"));
        }
        Target before = CURRENT.get();
        CURRENT.set(target);
        try {
            body.run();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** Runs {@code body} with this thread's output not captured (frames for the kernel must reach it). */
    static void bypass(Runnable body) {
        Target before = CURRENT.get();
        if (before == null) {
            body.run();
            return;
        }
        CURRENT.remove();
        try {
            body.run();
        } finally {
            CURRENT.set(before);
        }
    }

    /** Where this thread's output goes now, or null when it is not captured. */
    public static Target current() {
        return CURRENT.get();
    }
}
