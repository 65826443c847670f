package scratchnet.engine;

import java.io.PrintStream;
import java.util.Locale;

import scratchnet.settings.Settings;

/**
 * Matrix multiply with an optional native path: {@code dgemm} from the system BLAS (OpenBLAS,
 * say) when one is installed, the pure-Java loops of {@link Loops} otherwise.
 *
 * <pre>{@code
 * double[] c = new double[m * n];
 * Blas.gemm(false, false, a, b, c, m, k, n);   // C = A·B, row-major, C overwritten
 * System.out.println(Blas.active());           // native (OpenBLAS 0.3.21 via netlib: libblas.so.3 → …)
 * }</pre>
 *
 * <h2>Choosing the path</h2>
 * The system property {@code scratchnet.blas} (or, when it is not set, the environment variable
 * {@code SCRATCHNET_BLAS}; see {@link Settings}) says which path to use; it is read once, at the first product large enough to
 * care (or the first call to {@link #active()}):
 * <ul>
 *   <li>{@code auto} (the default): native when a native BLAS loads, Java otherwise, quietly;</li>
 *   <li>{@code native}: native, and if it can't load, one warning on stderr saying why, then Java;</li>
 *   <li>{@code java}: always the pure-Java kernel; nothing native is touched.</li>
 * </ul>
 * Products of fewer than {@link Tuning#NATIVE_MIN_FLOPS} multiply-adds ({@code m·k·n}, a 32³
 * cube) always run in Java, whatever the mode, and give the Java kernel's results bit for bit
 * (the figures behind the threshold: {@code docs/performance.md}). A program whose
 * products are all that small (document 000's network: 25×1·1×100 is 2,500) never loads the
 * native library at all.
 *
 * <h2>Enabling the native path</h2>
 * <ol>
 *   <li>Install a system BLAS. Debian/Ubuntu: {@code apt-get install libopenblas0}, which makes
 *       {@code libblas.so.3} point at OpenBLAS (check with
 *       {@code update-alternatives --display libblas.so.3-x86_64-linux-gnu}). Nothing to compile:
 *       the binding, {@code dev.ludovic.netlib:blas}, is a dependency and carries its JNI shim.</li>
 *   <li>Nothing else, in mode {@code auto}; {@code -Dscratchnet.blas=native} (or
 *       {@code SCRATCHNET_BLAS=native}) to be told when it doesn't load.</li>
 *   <li>On JDK 24 and later, also run java with {@code --enable-native-access=ALL-UNNAMED}
 *       (accepted by JDK 17 too), or {@code Enable-Native-Access: ALL-UNNAMED} in an executable
 *       jar's manifest; otherwise the JDK prints a four-line "restricted method" warning when
 *       netlib loads its JNI library. It still works.</li>
 * </ol>
 * netlib's shim opens {@code libblas.so.3} through the dynamic loader ({@code LD_LIBRARY_PATH},
 * {@code /etc/ld.so.cache}, the system directories). To use another library, name it with
 * {@code -Ddev.ludovic.netlib.blas.nativeLib=libopenblas.so.0} or give its full path with
 * {@code -Ddev.ludovic.netlib.blas.nativeLibPath=/opt/OpenBLAS/lib/libopenblas.so}. OpenBLAS
 * uses every core by default; {@code OPENBLAS_NUM_THREADS=1} limits it.
 *
 * <p>The two paths round differently (BLAS blocks and vectorises the sums in another order), so
 * results agree to about 1e-15 relative, not bit for bit.
 */
public final class Blas {

    enum Mode { JAVA, NATIVE, AUTO }

    /** Loads the native library; the hook tests use to simulate a machine without one. */
    interface Loader {
        NativeBlas.Probe load(boolean onlyIfPresent);
    }

    /** The path chosen, made once. {@code nativeBlas} is null on the Java path. */
    private record Choice(NativeBlas nativeBlas, String description) {
    }

    private static volatile Choice choice;
    /** A lambda, not a method reference: NativeBlas (and netlib) are loaded only when it runs. */
    private static final Loader REAL_LOADER = onlyIfPresent -> NativeBlas.load(onlyIfPresent);
    private static Loader loader = REAL_LOADER;
    private static PrintStream warnings; // null: System.err at the time of the warning

    private Blas() {
    }

    /**
     * C = op(A)·op(B) on row-major arrays, op(X) being X or, when its flag is set, Xᵀ: A is
     * stored (m×k), or (k×m) when {@code transA}; B is stored (k×n), or (n×k) when {@code transB};
     * C is (m×n) and is overwritten (its old contents, NaN included, are never read).
     *
     * @throws IllegalArgumentException for a negative size or an array shorter than its shape
     */
    public static void gemm(boolean transA, boolean transB, double[] a, double[] b, double[] c, int m, int k, int n) {
        check(a, b, c, m, k, n);
        if ((long) m * k * n >= Tuning.NATIVE_MIN_FLOPS) {
            NativeBlas nativeBlas = choice().nativeBlas();
            if (nativeBlas != null) {
                nativeBlas.gemm(transA, transB, a, b, c, m, k, n);
                return;
            }
        }
        javaGemm(transA, transB, a, b, c, m, k, n);
    }

    /**
     * Which path products of at least {@link Tuning#NATIVE_MIN_FLOPS} multiply-adds take, and why:
     * {@code "native (OpenBLAS 0.3.21 via netlib: libblas.so.3 → /usr/lib/…/openblas-pthread/libblas.so.3)"},
     * {@code "java (pure-Java kernel; native BLAS not found: …)"} or
     * {@code "java (pure-Java kernel; selected by -Dscratchnet.blas=java)"}. Calling this makes the
     * choice (and may load the native library) if no product has yet.
     */
    public static String active() {
        return choice().description();
    }

    /** True when large products go to the native BLAS. Like {@link #active()}, makes the choice. */
    public static boolean isNative() {
        return choice().nativeBlas() != null;
    }

    /**
     * The pure-Java path: {@link Loops}' loops. When both operands are transposed, Bᵀ is formed
     * (k×n) and C = Aᵀ·(Bᵀ) goes to {@link Loops#matmulTransA}.
     *
     * <p>Note for wiring: this must reach the Java loops themselves. If {@code Loops.matmul*}
     * come to call {@link #gemm}, point this at their Java bodies (or at the Java GEMM kernel),
     * or the two will call each other forever.
     */
    static void javaGemm(boolean transA, boolean transB, double[] a, double[] b, double[] c, int m, int k, int n) {
        if (!transA && !transB) {
            Loops.matmul(a, b, c, m, k, n);
        } else if (!transA) {
            Loops.matmulTransB(a, b, c, m, k, n);
        } else if (!transB) {
            Loops.matmulTransA(a, b, c, k, m, n);
        } else {
            double[] bt = new double[k * n];
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    bt[p * n + j] = b[j * k + p];
                }
            }
            Loops.matmulTransA(a, bt, c, k, m, n);
        }
    }

    /**
     * True when a product of this size goes to the native BLAS right now (makes the choice if it
     * must). {@link Loops} asks this first; when it is false the pure-Java kernels run.
     */
    public static boolean routesNative(int m, int k, int n) {
        return (long) m * k * n >= Tuning.NATIVE_MIN_FLOPS && choice().nativeBlas() != null;
    }

    /**
     * Switches the path for this JVM: "java", "native" or "auto", as the property would. The bench
     * uses it to time both paths in one run; {@code Blas.use("java")} forces the pure-Java kernel.
     */
    public static void use(String mode) {
        select(mode);
    }

    // ---- test hooks -------------------------------------------------------------------------

    /**
     * Chooses again as if {@link #PROPERTY} were {@code mode}, with the real loader and stderr.
     * {@code select("java")} forces the Java path.
     */
    static synchronized void select(String mode) {
        select(mode, REAL_LOADER, null);
    }

    /**
     * Chooses again with {@code mode}, loading through {@code simulated} and warning on
     * {@code err} (null: stderr); both stay in effect until {@link #reset()}.
     */
    static synchronized void select(String mode, Loader simulated, PrintStream err) {
        loader = simulated;
        warnings = err;
        choice = decide(mode, "scratchnet.blas=" + mode);
    }

    /** Forgets the choice and the hooks: the next large product reads the property again. */
    static synchronized void reset() {
        loader = REAL_LOADER;
        warnings = null;
        choice = null;
    }

    // ---- the choice -------------------------------------------------------------------------

    private static Choice choice() {
        Choice c = choice;
        if (c == null) {
            synchronized (Blas.class) {
                c = choice;
                if (c == null) {
                    c = fromConfiguration();
                    choice = c;
                }
            }
        }
        return c;
    }

    private static Choice fromConfiguration() {
        Settings.Value setting = Settings.blas();
        return setting == null ? decide("auto", "default") : decide(setting.text(), setting.source());
    }

    private static Choice decide(String value, String source) {
        Mode mode = parse(value);
        if (mode == null) {
            warn("scratchnet: " + source + " is not one of java, native, auto; using auto");
            mode = Mode.AUTO;
        }
        if (mode == Mode.JAVA) {
            return new Choice(null, "java (pure-Java kernel; selected by " + source + ")");
        }
        NativeBlas.Probe probe;
        try {
            probe = loader.load(mode == Mode.AUTO);
        } catch (NoClassDefFoundError e) {
            probe = NativeBlas.Probe.missing("the netlib binding (dev.ludovic.netlib:blas) is not on the class path ("
                    + e.getMessage() + ")");
        } catch (LinkageError | RuntimeException e) {
            probe = NativeBlas.Probe.missing(e.toString());
        }
        if (probe.blas() != null) {
            return new Choice(probe.blas(), "native (" + probe.blas().library() + ")");
        }
        if (mode == Mode.NATIVE) {
            String hint = probe.failure().contains("apt-get") || probe.failure().contains("class path") ? "" : " (Debian/Ubuntu: apt-get install libopenblas0)";
            warn("scratchnet: native BLAS requested (" + source + ") but not available: " + probe.failure()
                    + hint + ". Using the pure-Java kernel; see scratchnet.engine.Blas.");
        }
        return new Choice(null, "java (pure-Java kernel; native BLAS not found: " + probe.failure() + ")");
    }

    static Mode parse(String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "java":
                return Mode.JAVA;
            case "native":
                return Mode.NATIVE;
            case "auto":
            case "":
                return Mode.AUTO;
            default:
                return null;
        }
    }

    private static void warn(String message) {
        PrintStream err = warnings != null ? warnings : System.err;
        err.println(message);
        err.flush();
    }

    private static void check(double[] a, double[] b, double[] c, int m, int k, int n) {
        if (m < 0 || k < 0 || n < 0) {
            throw new IllegalArgumentException("gemm: negative size m=" + m + " k=" + k + " n=" + n);
        }
        if (a.length < (long) m * k || b.length < (long) k * n || c.length < (long) m * n) {
            throw new IllegalArgumentException("gemm: arrays of " + a.length + ", " + b.length + ", " + c.length
                    + " elements are too short for m=" + m + " k=" + k + " n=" + n
                    + " (need " + (long) m * k + ", " + (long) k * n + ", " + (long) m * n + ")");
        }
    }
}
