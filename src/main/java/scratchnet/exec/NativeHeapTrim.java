package scratchnet.exec;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * Gives the C library's free memory back to the system every two seconds. A JVM's compiler
 * works in memory it takes from {@code malloc} and frees after each method; the C library keeps
 * what was freed for later, so a cell JVM that compiled its training loop once stays tens of MiB
 * bigger for the rest of the session. JDK 17.0.9 and later can trim it
 * ({@code -XX:TrimNativeHeapInterval}); older JDKs refuse to start with an option they do not
 * know, so it is added only where the JDK has it.
 * <pre>{@code
 * if (NativeHeapTrim.supportedHere()) {
 *     options.add(NativeHeapTrim.OPTION);   // -XX:TrimNativeHeapInterval=2000
 * }
 * }</pre>
 */
public final class NativeHeapTrim {
    /** The option, with its interval in milliseconds. */
    public static final String OPTION = "-XX:TrimNativeHeapInterval=2000";

    private NativeHeapTrim() {
    }

    /** Whether this JVM's JDK (which also runs the cell JVM) has the option. */
    public static boolean supportedHere() {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption("TrimNativeHeapInterval");
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Whether the JVM {@code java} starts with the option (it is run once, with {@code -version}). */
    public static boolean supportedBy(Path java) {
        try {
            Process p = new ProcessBuilder(java.toString(), OPTION, "-version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
