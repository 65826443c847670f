package scratchnet.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import scratchnet.settings.Settings;

/**
 * The native side of {@link Blas}: row-major {@code dgemm} through the netlib binding
 * ({@code dev.ludovic.netlib:blas}), which loads the system's {@code libblas.so.3} through JNI.
 * This is the only class that refers to netlib types, so a class path without the binding costs
 * a {@link LinkageError} that {@link Blas} catches, nothing more.
 *
 * <p>How netlib finds the library: its JNI shim (extracted from the jar into the temp directory)
 * calls {@code dlopen} on the path in {@code -Ddev.ludovic.netlib.blas.nativeLibPath=/full/path.so}
 * if set, else on the name in {@code -Ddev.ludovic.netlib.blas.nativeLib=...}, else on
 * {@code libblas.so.3}, which the dynamic loader looks up in {@code LD_LIBRARY_PATH},
 * {@code /etc/ld.so.cache} and the system directories. On Debian and Ubuntu that name is an
 * alternative ({@code update-alternatives --display libblas.so.3-x86_64-linux-gnu}); installing
 * {@code libopenblas0} points it at OpenBLAS.
 */
final class NativeBlas {


    private static final String NETLIB_PACKAGE = "dev.ludovic.netlib.blas";

    /** What a load attempt gave: the library, or why there is none. */
    record Probe(NativeBlas blas, String failure) {
        static Probe loaded(NativeBlas blas) {
            return new Probe(blas, null);
        }

        static Probe missing(String reason) {
            return new Probe(null, reason);
        }
    }

    /** netlib loads its native part once per JVM; so does this, and remembers the outcome. */
    private static Probe attempt;

    private final dev.ludovic.netlib.blas.BLAS blas;
    private final String library;

    private NativeBlas(dev.ludovic.netlib.blas.BLAS blas, String library) {
        this.blas = blas;
        this.library = library;
    }

    /**
     * Loads the native BLAS, or says why it can't.
     *
     * @param onlyIfPresent when true (mode {@code auto}), first look for the library where the
     *     dynamic loader would, and don't even try when it isn't there: netlib's shim would print
     *     its {@code dlopen} error on stderr. An explicit {@code native} request always tries.
     */
    static synchronized Probe load(boolean onlyIfPresent) {
        if (attempt != null) {
            return attempt;
        }
        String target = targetLibrary();
        boolean absent = isLinux() && !target.isEmpty() && locate(target) == null;
        String notFound = target + " not found in LD_LIBRARY_PATH, /etc/ld.so.cache or the"
                + " system library directories (Debian/Ubuntu: apt-get install libopenblas0)";
        if (onlyIfPresent && absent) {
            // not remembered: a later explicit request still tries the loader itself
            return Probe.missing(notFound);
        }
        attempt = tryLoad(target);
        if (attempt.blas() == null && absent) {
            // the loader agreed; netlib's own words ("unsupported JNI version 0xFFFFFFFF") say less
            attempt = Probe.missing(notFound);
        }
        return attempt;
    }

    /** What netlib's shim will {@code dlopen}: the configured path or name, or libblas.so.3. */
    static String targetLibrary() {
        return Settings.nativeLibrary();
    }

    private static Probe tryLoad(String target) {
        if (!Settings.nativeAllowed()) {
            return Probe.missing("disabled by -D" + Settings.NETLIB_ALLOW_NATIVE + "=false");
        }
        List<Throwable> failures = new ArrayList<>();
        dev.ludovic.netlib.blas.BLAS loaded;
        try {
            loaded = quietly(failures);
        } catch (LinkageError e) {
            return Probe.missing("the netlib binding (dev.ludovic.netlib:blas) is not on the class path: " + e);
        } catch (RuntimeException e) {
            String why = failures.isEmpty() ? String.valueOf(e.getMessage()) : describe(failures.get(0));
            return Probe.missing("netlib could not load " + target + ": " + why);
        }
        NativeBlas candidate = new NativeBlas(loaded, describeLibrary(target));
        // a library without dgemm, or with another calling convention, shows up here, not mid-training
        double[] c = new double[4];
        try {
            candidate.gemm(false, false, new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8}, c, 2, 2, 2);
        } catch (RuntimeException | LinkageError e) {
            return Probe.missing("dgemm from " + target + " failed: " + e);
        }
        if (c[0] != 19 || c[1] != 22 || c[2] != 43 || c[3] != 50) {
            return Probe.missing("dgemm from " + target + " gave a wrong 2×2 product " + java.util.Arrays.toString(c));
        }
        return Probe.loaded(candidate);
    }

    /**
     * netlib's {@code NativeBLAS.getInstance()}, with its java.util.logging output captured
     * rather than printed: it logs "INFO: Using dev.ludovic.netlib.blas.JNIBLAS" on stderr, and the
     * reason a load failed only at level FINE. The logger's settings are restored afterwards.
     */
    private static dev.ludovic.netlib.blas.BLAS quietly(List<Throwable> failures) {
        Logger log = Logger.getLogger(NETLIB_PACKAGE);
        Level level = log.getLevel();
        boolean useParent = log.getUseParentHandlers();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getThrown() != null) {
                    failures.add(record.getThrown());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        log.setLevel(Level.FINE);
        log.setUseParentHandlers(false);
        log.addHandler(capture);
        try {
            return dev.ludovic.netlib.blas.NativeBLAS.getInstance();
        } finally {
            log.removeHandler(capture);
            log.setUseParentHandlers(useParent);
            log.setLevel(level);
        }
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /**
     * C = op(A)·op(B) on row-major arrays: A is (m×k), or (k×m) when transA; B is (k×n), or (n×k)
     * when transB; C (m×n) is overwritten.
     *
     * <p>dgemm is column-major, and a row-major (r×c) array read column-major is its transpose
     * (c×r) with leading dimension c. So the row-major C is the column-major Cᵀ (n×m, ldc = n),
     * and Cᵀ = op(B)ᵀ·op(A)ᵀ: call dgemm with the operands swapped. Read column-major, B's
     * array is Bᵀ when B is stored (k×n) — exactly op(B)ᵀ, so "N" with ldb = n — and is B itself
     * when B is stored (n×k) for transB — op(B)ᵀ = B is then its transpose, "T" with ldb = k.
     * Likewise A's array gives op(A)ᵀ with "N", lda = k, or "T", lda = m when transA.
     */
    void gemm(boolean transA, boolean transB, double[] a, double[] b, double[] c, int m, int k, int n) {
        blas.dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k,
                1.0, b, Math.max(1, transB ? k : n), a, Math.max(1, transA ? m : k),
                0.0, c, Math.max(1, n));
    }

    /** e.g. "OpenBLAS 0.3.21 via netlib: libblas.so.3 → /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3". */
    String library() {
        return library;
    }

    private static String describeLibrary(String target) {
        List<String> mapped = mappedLibraries();
        String file = Path.of(target).getFileName().toString();
        String resolved = null;
        for (String p : mapped) {
            if (Path.of(p).getFileName().toString().equals(file)) {
                resolved = p;
                break;
            }
        }
        if (resolved == null && isLinux()) {
            Path found = locate(target);
            resolved = found == null ? null : found.toString();
        }
        String implementation = implementation(mapped.isEmpty() && resolved != null ? List.of(resolved) : mapped);
        return implementation + " via netlib: " + target
                + (resolved == null || resolved.equals(target) ? "" : " → " + resolved);
    }

    /** Names the BLAS from the libraries mapped into this process (Linux), or from their paths. */
    static String implementation(List<String> paths) {
        Pattern openblas = Pattern.compile("openblas[a-z]*-r(\\d+(?:\\.\\d+)+)");
        for (String p : paths) {
            Matcher matcher = openblas.matcher(p.toLowerCase(Locale.ROOT));
            if (matcher.find()) {
                return "OpenBLAS " + matcher.group(1);
            }
        }
        String all = String.join("\n", paths).toLowerCase(Locale.ROOT);
        if (all.contains("openblas")) {
            return "OpenBLAS";
        } else if (all.contains("mkl")) {
            return "Intel MKL";
        } else if (all.contains("blis")) {
            return "BLIS";
        } else if (all.contains("atlas")) {
            return "ATLAS";
        } else if (all.contains("accelerate") || all.contains("veclib")) {
            return "Apple Accelerate";
        } else if (all.contains("/blas/libblas") || all.contains("/libblas.so")) {
            return "reference BLAS";
        }
        return "native BLAS";
    }

    /** The BLAS-looking shared libraries this process has mapped, from /proc/self/maps. */
    private static List<String> mappedLibraries() {
        Set<String> found = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                String path = line.substring(slash);
                String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                if ((name.contains("blas") || name.contains("mkl") || name.contains("blis") || name.contains("atlas"))
                        && !name.contains("netlibblasjni")) {
                    found.add(path);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc unavailable: describe from the name alone
        }
        return new ArrayList<>(found);
    }

    private static boolean isLinux() {
        return Settings.linux();
    }

    /**
     * Where the dynamic loader would find {@code library} (its real path), or null: a path is
     * taken as is; a bare name is looked up as {@code dlopen} does from a library without a
     * RUNPATH, in LD_LIBRARY_PATH, then /etc/ld.so.cache, then the default directories.
     */
    static Path locate(String library) {
        if (library.contains("/")) {
            return real(Path.of(library));
        }
        List<Path> candidates = new ArrayList<>();
        String ldPath = Settings.libraryPath();
        if (ldPath != null) {
            for (String dir : ldPath.split(":")) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, library));
                }
            }
        }
        candidates.addAll(fromLdCache(library));
        String arch = Settings.osArch();
        String multiarch = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64-linux-gnu"
                : arch.equals("aarch64") ? "aarch64-linux-gnu" : arch + "-linux-gnu";
        for (String dir : new String[] {"/lib/" + multiarch, "/usr/lib/" + multiarch, "/lib64", "/usr/lib64", "/lib", "/usr/lib"}) {
            candidates.add(Path.of(dir, library));
        }
        for (Path candidate : candidates) {
            Path real = real(candidate);
            if (real != null) {
                return real;
            }
        }
        return null;
    }

    /** The paths /etc/ld.so.cache lists for {@code library}: its string table holds them NUL-terminated. */
    private static List<Path> fromLdCache(String library) {
        List<Path> paths = new ArrayList<>();
        byte[] cache;
        try {
            cache = Files.readAllBytes(Path.of("/etc/ld.so.cache"));
        } catch (IOException | RuntimeException e) {
            return paths;
        }
        String text = new String(cache, StandardCharsets.ISO_8859_1);
        String suffix = "/" + library + "\0";
        for (int at = text.indexOf(suffix); at >= 0; at = text.indexOf(suffix, at + 1)) {
            int start = text.lastIndexOf('\0', at) + 1;
            String path = text.substring(start, at + suffix.length() - 1);
            if (path.startsWith("/")) {
                paths.add(Path.of(path));
            }
        }
        return paths;
    }

    private static Path real(Path path) {
        try {
            return Files.isRegularFile(path) ? path.toRealPath() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
