package scratchnet.exec;

import java.util.Locale;
import scratchnet.settings.Settings;

/**
 * Start-up tracing for the kernel: with {@code SCRATCHNET_KERNEL_TRACE=1} in the kernel's
 * environment, each phase of the start (JVM up, sockets bound, cell JVM up, imports done, first
 * cell) is printed to the kernel's stderr with the milliseconds since the JVM started.
 * <pre>{@code
 * StartTrace.mark("sockets bound");   // [scratchnet start]   412 ms  sockets bound
 * }</pre>
 */
public final class StartTrace {
    private static final boolean ON = Settings.kernelTrace();
    /** When the JVM started (only looked up when tracing: it loads java.management). */
    private static final long JVM_START_MS = ON
            ? java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime() : 0;

    private StartTrace() {
    }

    /** Whether tracing is on. */
    public static boolean on() {
        return ON;
    }

    /** Prints {@code phase} with the time since the JVM started, when tracing is on. */
    public static void mark(String phase) {
        if (ON) {
            System.err.printf(Locale.ROOT, "[scratchnet start] %5d ms  %s [%s]%n",
                    System.currentTimeMillis() - JVM_START_MS, phase, Thread.currentThread().getName());
        }
    }
}
