package scratchnet.settings;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Every system property and environment variable the engine, the layers, the plots and the
 * displays read, in one place; the package sits below all others, so any of them may use it.
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
    public static final int DEFAULT_CELL_OUTPUT_MB = 10;
    /** AWT without a screen. */
    public static final String HEADLESS = "java.awt.headless";

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
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
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
}
