package scratchnet.settings;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Every system property and environment variable scratchnet reads, in one place: the engine's,
 * the plots' and displays', the kernel's and the tools'; the package sits below all others, so any of them may use it.
 * A setting is read when asked for (callers that decide once keep the answer); when both its
 * system property and its environment variable are set, the property wins.
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>system property</th><th>environment variable</th><th>default</th><th>effect</th></tr>
 * <tr><td>{@value #THREADS}</td><td>{@value #THREADS_ENV}</td><td>all processors</td>
 *     <td>threads for large matrix products, at most the processor count; read once, by the
 *     first large product</td></tr>
 * <tr><td>{@value #SIMD}</td><td>{@value #SIMD_ENV}</td><td>on</td>
 *     <td>{@code off} runs the scalar loops even when the Vector API module is present</td></tr>
 * <tr><td>{@value #BLAS}</td><td>{@value #BLAS_ENV}</td><td>{@code auto}</td>
 *     <td>matrix products on {@code java}, {@code native} (a system BLAS, warning when it cannot
 *     load) or {@code auto} (native when it loads, quietly)</td></tr>
 * <tr><td>{@value #NETLIB_LIBRARY_PATH}</td><td>-</td><td>none</td>
 *     <td>the full path of the native BLAS library to load</td></tr>
 * <tr><td>{@value #NETLIB_LIBRARY}</td><td>-</td><td>{@code libblas.so.3}</td>
 *     <td>the name of the native BLAS library, found by the dynamic loader</td></tr>
 * <tr><td>{@value #NETLIB_ALLOW_NATIVE}</td><td>-</td><td>{@code true}</td>
 *     <td>{@code false} never loads a native BLAS</td></tr>
 * <tr><td>{@value #DISPLAY}</td><td>{@value #DISPLAY_ENV}</td><td>plain text</td>
 *     <td>{@code frames} sends rich output as display frames on System.out (the notebook kernel
 *     sets it); anything else prints text</td></tr>
 * <tr><td>{@value #PROGRESS}</td><td>{@value #PROGRESS_ENV}</td><td>when a terminal</td>
 *     <td>{@code terminal} shows the text progress bar of {@code fit} even without an
 *     interactive console (JShell's remote JVM)</td></tr>
 * <tr><td>{@value #CELL_OUTPUT_MB}</td><td>{@value #CELL_OUTPUT_MB_ENV}</td><td>{@value #DEFAULT_CELL_OUTPUT_MB}</td>
 *     <td>megabytes of text (UTF-8) one notebook cell may print, in the kernel and the runner;
 *     beyond it the text is dropped and a notice says so; {@code 0} means no limit</td></tr>
 * <tr><td>{@value #HEADLESS}</td><td>-</td><td>the JVM's</td>
 *     <td>AWT without a screen; the notebook sets it to {@code true} unless it is set</td></tr>
 * <tr><td>{@code java.io.tmpdir}</td><td>-</td><td>the JVM's</td>
 *     <td>where {@code show()} saves plots when there is no screen</td></tr>
 * <tr><td>{@code os.name}, {@code os.arch}</td><td>{@code LD_LIBRARY_PATH}</td><td>the JVM's</td>
 *     <td>facts of the platform, read where the native BLAS is looked for</td></tr>
 * <tr><td>{@value #ARCHIVES}</td><td>-</td><td>none</td>
 *     <td>the kernelspec directory holding the start-up archives ({@code install} puts it in the
 *     kernel's command line)</td></tr>
 * <tr><td>{@value #WARMUP}</td><td>-</td><td>on</td>
 *     <td>{@code false} skips the cell JVM's background warm-up</td></tr>
 * <tr><td>{@value #INTERRUPT_PORT}</td><td>-</td><td>none</td>
 *     <td>set by the kernel on the cell JVM's command line: the loopback port of its interrupt
 *     line</td></tr>
 * <tr><td>-</td><td>{@value #CELL_JVM_OPTS_ENV}</td><td>none</td>
 *     <td>extra JVM options for the cell JVM, separated by spaces ({@code -Xmx2g})</td></tr>
 * <tr><td>-</td><td>{@value #JUPYTER_PARENT_ENV}</td><td>none</td>
 *     <td>set by Jupyter's kernel launcher: the process id of the program that started the kernel,
 *     which the kernel ends with</td></tr>
 * <tr><td>-</td><td>{@value #KERNEL_TRACE_ENV}</td><td>off</td>
 *     <td>{@code 1} prints the kernel's start-up phases with their times on its stderr</td></tr>
 * <tr><td>-</td><td>{@value #ANCHORS_ENV}</td><td>the checkout's {@code bench/numpy}</td>
 *     <td>the folder of numpy programs {@code bench} runs beside its own figures</td></tr>
 * <tr><td>{@code java.home}, {@code java.class.path}, {@code user.home}</td><td>{@code JUPYTER_DATA_DIR},
 *     {@code XDG_DATA_HOME}, {@code APPDATA}</td><td>the JVM's</td>
 *     <td>where the JDK, the jar and the Jupyter data directory are</td></tr>
 * </table>
 * <pre>{@code
 * int threads = Settings.threads();              // -Dscratchnet.threads=1 → 1
 * Settings.Value blas = Settings.blas();         // null, or "native" from "SCRATCHNET_BLAS=native"
 * }</pre>
 */
public final class Settings {
    /** Threads for large products. */
    public static final String THREADS = "scratchnet.threads";
    /** {@link #THREADS} as an environment variable. */
    public static final String THREADS_ENV = "SCRATCHNET_THREADS";
    /** {@code off} switches the SIMD loops off. */
    public static final String SIMD = "scratchnet.simd";
    /** {@link #SIMD} as an environment variable. */
    public static final String SIMD_ENV = "SCRATCHNET_SIMD";
    /** The matrix-product path: {@code java}, {@code native} or {@code auto}. */
    public static final String BLAS = "scratchnet.blas";
    /** {@link #BLAS} as an environment variable. */
    public static final String BLAS_ENV = "SCRATCHNET_BLAS";
    /** The netlib binding's property for the full path of the native library. */
    public static final String NETLIB_LIBRARY_PATH = "dev.ludovic.netlib.blas.nativeLibPath";
    /** The netlib binding's property for the name of the native library. */
    public static final String NETLIB_LIBRARY = "dev.ludovic.netlib.blas.nativeLib";
    /** The netlib binding's property that allows loading a native library at all. */
    public static final String NETLIB_ALLOW_NATIVE = "dev.ludovic.netlib.blas.allowNative";
    /** The native library netlib loads when none is named. */
    public static final String DEFAULT_NATIVE_LIBRARY = "libblas.so.3";
    /** {@code frames} for notebook output. */
    public static final String DISPLAY = "scratchnet.display";
    /** {@link #DISPLAY} as an environment variable. */
    public static final String DISPLAY_ENV = "SCRATCHNET_DISPLAY";
    /** {@code terminal} forces the text progress bar. */
    public static final String PROGRESS = "scratchnet.progress";
    /** {@link #PROGRESS} as an environment variable. */
    public static final String PROGRESS_ENV = "SCRATCHNET_PROGRESS";
    /** Megabytes of text one notebook cell may print. */
    public static final String CELL_OUTPUT_MB = "scratchnet.cell.output.mb";
    /** {@link #CELL_OUTPUT_MB} as an environment variable. */
    public static final String CELL_OUTPUT_MB_ENV = "SCRATCHNET_CELL_OUTPUT_MB";
    /** {@link #CELL_OUTPUT_MB} when it is not set. */
    public static final int DEFAULT_CELL_OUTPUT_MB = 64;
    /** AWT without a screen. */
    public static final String HEADLESS = "java.awt.headless";
    /** The directory of the kernel's start-up archives. */
    public static final String ARCHIVES = "scratchnet.archives";
    /** {@code false} turns the cell JVM's warm-up off. */
    public static final String WARMUP = "scratchnet.warmup";
    /** The port of the cell JVM's interrupt line (set by the kernel). */
    public static final String INTERRUPT_PORT = "scratchnet.interrupt.port";
    /** Extra options for the cell JVM. */
    public static final String CELL_JVM_OPTS_ENV = "SCRATCHNET_CELL_JVM_OPTS";
    /** Set by Jupyter's kernel launcher (jupyter_client): the process id of the program that started the kernel. */
    public static final String JUPYTER_PARENT_ENV = "JPY_PARENT_PID";
    /** {@code 1} traces the kernel's start-up. */
    public static final String KERNEL_TRACE_ENV = "SCRATCHNET_KERNEL_TRACE";
    /** The folder of the bench's numpy programs. */
    public static final String ANCHORS_ENV = "SCRATCHNET_ANCHORS";

    private Settings() {
    }

    /**
     * A setting's value and where it came from, for messages: {@code -Dscratchnet.blas=native}
     * or {@code SCRATCHNET_BLAS=native}.
     */
    public record Value(String text, String source) {
        /** The value trimmed and in lower case, for comparing with keywords. */
        public String keyword() {
            return text.trim().toLowerCase(Locale.ROOT);
        }
    }

    /** The property if set and not blank, else the environment variable if set and not blank, else null. */
    static Value lookup(String property, String env) {
        String p = System.getProperty(property);
        if (p != null && !p.isBlank()) {
            return new Value(p, "-D" + property + "=" + p.trim());
        }
        String e = env == null ? null : System.getenv(env);
        if (e != null && !e.isBlank()) {
            return new Value(e, env + "=" + e.trim());
        }
        return null;
    }

    // ------------------------------------------------------------------ engine

    /**
     * Threads for large products: {@link #THREADS} when it is a positive whole number, capped at
     * the processor count; all processors otherwise.
     */
    public static int threads() {
        int cpus = Runtime.getRuntime().availableProcessors();
        Value v = lookup(THREADS, THREADS_ENV);
        if (v == null) {
            return cpus;
        }
        try {
            return Math.max(1, Math.min(cpus, Integer.parseInt(v.text().trim())));
        } catch (NumberFormatException e) {
            return cpus;
        }
    }

    /** Whether {@link #SIMD} (or {@link #SIMD_ENV}) is {@code off}. */
    public static boolean simdSwitchedOff() {
        Value v = lookup(SIMD, SIMD_ENV);
        return v != null && v.keyword().equals("off");
    }

    /** The {@link #BLAS} setting, or null when neither the property nor the variable is set. */
    public static Value blas() {
        return lookup(BLAS, BLAS_ENV);
    }

    /**
     * What the native BLAS binding should load: the configured path, else the configured name, else
     * libblas.so.3.
     */
    public static String nativeLibrary() {
        String path = System.getProperty(NETLIB_LIBRARY_PATH, "").trim();
        if (!path.isEmpty()) {
            return path;
        }
        return System.getProperty(NETLIB_LIBRARY, DEFAULT_NATIVE_LIBRARY).trim();
    }

    /** False when {@link #NETLIB_ALLOW_NATIVE} is {@code false}. */
    public static boolean nativeAllowed() {
        return Boolean.parseBoolean(System.getProperty(NETLIB_ALLOW_NATIVE, "true"));
    }

    /** Whether this JVM runs on Linux ({@code os.name}). */
    public static boolean linux() {
        return osName().startsWith("linux");
    }

    /** The JVM's {@code os.arch}: amd64, aarch64, … (empty when unknown). */
    public static String osArch() {
        return System.getProperty("os.arch", "");
    }

    /** The directories of {@code LD_LIBRARY_PATH}, as one string, or null when unset. */
    public static String libraryPath() {
        return System.getenv("LD_LIBRARY_PATH");
    }

    // ------------------------------------------------------------------ plots and displays

    /** The temporary directory of the JVM. */
    public static Path tempDir() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Whether rich output goes out as notebook frames ({@link #DISPLAY} is {@code frames}). */
    public static boolean framesDisplay() {
        Value v = lookup(DISPLAY, DISPLAY_ENV);
        return v != null && v.keyword().equals("frames");
    }

    /** Sets {@link #DISPLAY} to {@code frames} for this JVM. */
    public static void useFramesDisplay() {
        System.setProperty(DISPLAY, "frames");
    }

    /** Whether {@link #PROGRESS} is {@code terminal}. */
    public static boolean terminalProgressForced() {
        Value v = lookup(PROGRESS, PROGRESS_ENV);
        return v != null && v.keyword().equals("terminal");
    }

    // ------------------------------------------------------------------ notebook cells

    /**
     * How many bytes of text (UTF-8) one notebook cell may print: {@link #CELL_OUTPUT_MB} megabytes
     * (10⁶ bytes, fractions allowed), {@value #DEFAULT_CELL_OUTPUT_MB} when unset; {@link Long#MAX_VALUE}
     * for {@code 0}, which means no limit.
     *
     * @throws IllegalArgumentException when the setting is not a number ≥ 0
     */
    public static long cellOutputBytes() {
        Value v = lookup(CELL_OUTPUT_MB, CELL_OUTPUT_MB_ENV);
        if (v == null) {
            return DEFAULT_CELL_OUTPUT_MB * 1_000_000L;
        }
        double mb;
        try {
            mb = Double.parseDouble(v.text().trim());
        } catch (NumberFormatException e) {
            mb = Double.NaN;
        }
        if (!(mb >= 0) || Double.isInfinite(mb)) {
            throw new IllegalArgumentException(v.source() + ": expected the megabytes of text a cell may print,"
                    + " a number ≥ 0 (0 for no limit), got '" + v.text() + "'");
        }
        return mb == 0 ? Long.MAX_VALUE : Math.max(1, Math.round(mb * 1e6));
    }

    /** Sets {@link #HEADLESS} to {@code true} unless it is already set; true when it set it. */
    public static boolean headlessUnlessSet() {
        if (System.getProperty(HEADLESS) != null) {
            return false;
        }
        System.setProperty(HEADLESS, "true");
        return true;
    }

    // ------------------------------------------------------------------ kernel, runner and tools

    /** The setting's text when the property is set and not blank, else null. */
    private static String property(String name) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The variable's text when set and not blank, else null. */
    private static String variable(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The start-up archives' directory ({@link #ARCHIVES}), or null. */
    public static String archivesDir() {
        return property(ARCHIVES);
    }

    /** False when {@link #WARMUP} is {@code false}. */
    public static boolean warmUp() {
        return !"false".equalsIgnoreCase(property(WARMUP));
    }

    /** The interrupt line's port ({@link #INTERRUPT_PORT}), or null in a JVM the kernel did not start. */
    public static String interruptPort() {
        return property(INTERRUPT_PORT);
    }

    /** The process id in {@link #JUPYTER_PARENT_ENV}, or -1 when it is not set or not a number. */
    public static long jupyterParentPid() {
        String v = variable(JUPYTER_PARENT_ENV);
        try {
            return v == null ? -1 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The extra cell JVM options of {@link #CELL_JVM_OPTS_ENV}, or null. */
    public static String cellJvmOptions() {
        return variable(CELL_JVM_OPTS_ENV);
    }

    /** Whether {@link #KERNEL_TRACE_ENV} is {@code 1}. */
    public static boolean kernelTrace() {
        return "1".equals(variable(KERNEL_TRACE_ENV));
    }

    /** The bench's numpy folder from {@link #ANCHORS_ENV}, or null. */
    public static String anchors() {
        return variable(ANCHORS_ENV);
    }

    /** The process environment, for code that looks up several variables (tests pass their own). */
    public static java.util.Map<String, String> environment() {
        return System.getenv();
    }

    /** The JDK (or JRE) running this JVM. */
    public static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    /** The Java version running this JVM ({@code java.version}): "17.0.15", "25.0.3", … */
    public static String javaVersion() {
        return System.getProperty("java.version");
    }

    /** This JVM's class path. */
    public static String classPath() {
        return System.getProperty("java.class.path");
    }

    /** The user's home directory. */
    public static Path userHome() {
        return Path.of(System.getProperty("user.home"));
    }

    /** The operating system's name in lower case: "linux", "mac os x", "windows 11", … */
    public static String osName() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    }

    /** Whether this JVM runs on Windows. */
    public static boolean windows() {
        return osName().startsWith("windows");
    }
}
