package scratchnet.engine;

import scratchnet.settings.Settings;

/**
 * Whether the engine's loops run as explicit SIMD code (the JDK's Vector API, module
 * {@code jdk.incubator.vector}) or as plain scalar loops, and how wide the vectors are.
 *
 * <p>The Vector API is an incubating module: the JVM only sees it when started with
 * {@code --add-modules=jdk.incubator.vector}. The {@code scratchnet} launcher, the notebook
 * kernel's cell JVM, the headless runner and {@code scratchnet jshell} all add it. Without it
 * (say {@code java -cp scratchnet.jar ...}) every loop falls back to scalar Java, which gives the
 * same results up to rounding (within 1e-12 relative in the golden parity runs) but runs slower.
 * The system property {@code scratchnet.simd=off} (or environment variable {@code SCRATCHNET_SIMD=off})
 * forces the scalar loops, for comparison.
 * <pre>{@code
 * Simd.describe();   // "Vector API, 8 doubles per vector (512-bit)"
 * }</pre>
 */
public final class Simd {
    /** True when the SIMD loops run: the module is present and not switched off. */
    public static final boolean ENABLED = enabled();

    private Simd() {
    }

    /** A one-line description of the active loops, for {@code blas()} and the bench header. */
    public static String describe() {
        if (ENABLED) {
            return VectorLoops.describe();
        }
        if (switchedOff()) {
            return "scalar loops (SIMD switched off by scratchnet.simd=off)";
        }
        return "scalar loops (start java with --add-modules=jdk.incubator.vector for SIMD)";
    }

    private static boolean enabled() {
        if (switchedOff()) {
            return false;
        }
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static boolean switchedOff() {
        return Settings.simdSwitchedOff();
    }
}
