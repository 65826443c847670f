package scratchnet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import scratchnet.settings.Settings;

/** {@link Blas}: the native dgemm against the Java kernel, the choice of path, the fallbacks. */
class BlasTest {

    /** Sizes around the edges: 1, odd, primes, a power of two and its neighbours. */
    private static final int[] SIZES = {1, 2, 3, 5, 7, 16, 17, 31, 64, 65};
    private static final boolean[] FLAGS = {false, true};

    @AfterEach
    void forgetChoice() {
        Blas.reset();
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static double[] random(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextInt(8) == 0 ? 0.0 : r.nextGaussian();
        }
        return v;
    }

    private static double[] garbage(int n) {
        double[] c = new double[n];
        Arrays.fill(c, Double.NaN); // outputs must be overwritten, never read
        return c;
    }

    private static double elemA(double[] a, boolean transA, int i, int p, int m, int k) {
        return transA ? a[p * m + i] : a[i * k + p];
    }

    private static double elemB(double[] b, boolean transB, int p, int j, int k, int n) {
        return transB ? b[j * k + p] : b[p * n + j];
    }

    /** Σₚ |op(A)ᵢₚ·op(B)ₚⱼ| for each entry: the scale a rounding error in Cᵢⱼ is relative to. */
    private static double[] scale(boolean transA, boolean transB, double[] a, double[] b, int m, int k, int n) {
        double[] s = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double t = 0;
                for (int p = 0; p < k; p++) {
                    t += Math.abs(elemA(a, transA, i, p, m, k) * elemB(b, transB, p, j, k, n));
                }
                s[i * n + j] = t;
            }
        }
        return s;
    }

    /** Naive triple loop, independent of both paths. */
    private static double[] reference(boolean transA, boolean transB, double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double t = 0;
                for (int p = 0; p < k; p++) {
                    t += elemA(a, transA, i, p, m, k) * elemB(b, transB, p, j, k, n);
                }
                c[i * n + j] = t;
            }
        }
        return c;
    }

    /** |actual − expected| ≤ 1e-12 · Σ|a·b|, entry by entry. */
    private static void assertClose(double[] actual, double[] expected, double[] scale, String what) {
        assertThat(actual).as(what).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]);
            if (!(err <= 1e-12 * scale[i])) {
                throw new AssertionError(what + ": entry " + i + " is " + actual[i] + ", expected " + expected[i]
                        + " (error " + err + ", allowed " + 1e-12 * scale[i] + ")");
            }
        }
    }

    private static String name(boolean transA, boolean transB, int m, int k, int n) {
        return (transA ? "Aᵀ" : "A") + "·" + (transB ? "Bᵀ" : "B") + " m=" + m + " k=" + k + " n=" + n;
    }

    private static NativeBlas nativeOrSkip() {
        NativeBlas.Probe probe = NativeBlas.load(false);
        Assumptions.assumeTrue(probe.blas() != null, () -> "no native BLAS: " + probe.failure());
        return probe.blas();
    }

    // ---- the native path -------------------------------------------------------------------

    @Test
    void nativeDgemmMatchesTheJavaKernelForAllTranspositionsAndShapes() {
        NativeBlas nativeBlas = nativeOrSkip();
        Random r = new Random(42);
        int checked = 0;
        for (boolean transA : FLAGS) {
            for (boolean transB : FLAGS) {
                for (int m : SIZES) {
                    for (int k : SIZES) {
                        for (int n : SIZES) {
                            double[] a = random(r, m * k);
                            double[] b = random(r, k * n);
                            double[] viaNative = garbage(m * n);
                            double[] viaJava = garbage(m * n);
                            nativeBlas.gemm(transA, transB, a, b, viaNative, m, k, n);
                            Blas.javaGemm(transA, transB, a, b, viaJava, m, k, n);
                            assertClose(viaNative, viaJava, scale(transA, transB, a, b, m, k, n),
                                    name(transA, transB, m, k, n));
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(4 * SIZES.length * SIZES.length * SIZES.length);
    }

    @Test
    void nativeDgemmOnAKnownProduct() {
        NativeBlas nativeBlas = nativeOrSkip();
        double[] a = {1, 2, 3, 4, 5, 6};       // A (2×3), or Aᵀ's storage (3×2) for transA
        double[] b = {7, 8, 9, 10, 11, 12};    // B (3×2), or (2×3) for transB
        double[] c = garbage(4);
        nativeBlas.gemm(false, false, a, b, c, 2, 3, 2);
        assertThat(c).containsExactly(58, 64, 139, 154);
        c = garbage(4);
        nativeBlas.gemm(false, true, a, b, c, 2, 3, 2);  // A (2×3) · Bᵀ, B stored (2×3)
        assertThat(c).containsExactly(50, 68, 122, 167);
        c = garbage(4);
        nativeBlas.gemm(true, false, a, b, c, 2, 3, 2);  // Aᵀ (2×3) from A stored (3×2), B (3×2)
        assertThat(c).containsExactly(89, 98, 116, 128);
        c = garbage(9);
        nativeBlas.gemm(true, true, a, b, c, 3, 2, 3);   // Aᵀ (3×2) from (2×3), Bᵀ (2×3) from (3×2)
        assertThat(c).containsExactly(39, 49, 59, 54, 68, 82, 69, 87, 105);
    }

    @Test
    void gemmGoesNativeAboveTheThresholdAndAgreesWithJava() {
        nativeOrSkip();
        Blas.select("native");
        assertThat(Blas.isNative()).isTrue();
        Random r = new Random(7);
        int[][] shapes = {{32, 32, 32}, {40, 50, 31}, {1, 1000, 100}, {257, 1, 300}, {300, 200, 1}, {129, 257, 65}};
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            assertThat(Blas.routesNative(m, k, n)).as("%d×%d×%d", m, k, n).isTrue();
            for (boolean transA : FLAGS) {
                for (boolean transB : FLAGS) {
                    double[] a = random(r, m * k);
                    double[] b = random(r, k * n);
                    double[] viaBlas = garbage(m * n);
                    double[] viaJava = garbage(m * n);
                    Blas.gemm(transA, transB, a, b, viaBlas, m, k, n);
                    Blas.javaGemm(transA, transB, a, b, viaJava, m, k, n);
                    assertClose(viaBlas, viaJava, scale(transA, transB, a, b, m, k, n), name(transA, transB, m, k, n));
                }
            }
        }
    }

    @Test
    void smallProductsStayInJavaEvenWhenNativeIsActive() {
        nativeOrSkip();
        Blas.select("native");
        assertThat(Blas.routesNative(31, 32, 32)).isFalse();
        assertThat(Blas.routesNative(1, 1, 32767)).isFalse();
        assertThat(Blas.routesNative(1, 1, 32768)).isTrue();
        assertThat(Blas.routesNative(32, 32, 32)).isTrue();
        Random r = new Random(3);
        double[] a = random(r, 25 * 1);
        double[] b = random(r, 1 * 100);
        double[] viaBlas = garbage(25 * 100);
        double[] viaJava = garbage(25 * 100);
        Blas.gemm(false, false, a, b, viaBlas, 25, 1, 100);
        Loops.matmul(a, b, viaJava, 25, 1, 100);
        assertThat(viaBlas).containsExactly(viaJava); // the same loops: bit for bit
    }

    @Test
    void activeNamesTheNativeLibrary() {
        nativeOrSkip();
        Blas.select("native");
        assertThat(Blas.active()).startsWith("native (").contains(" via netlib: " + NativeBlas.targetLibrary()).endsWith(")");
        Blas.select("auto");
        assertThat(Blas.active()).startsWith("native (");
    }

    // ---- the Java path ---------------------------------------------------------------------

    @Test
    void javaPathMatchesTheNaiveProductForAllTranspositions() {
        Random r = new Random(11);
        for (boolean transA : FLAGS) {
            for (boolean transB : FLAGS) {
                for (int m : new int[] {1, 2, 5, 17}) {
                    for (int k : new int[] {1, 3, 16, 33}) {
                        for (int n : new int[] {1, 4, 7, 31}) {
                            double[] a = random(r, m * k);
                            double[] b = random(r, k * n);
                            double[] c = garbage(m * n);
                            Blas.javaGemm(transA, transB, a, b, c, m, k, n);
                            assertClose(c, reference(transA, transB, a, b, m, k, n),
                                    scale(transA, transB, a, b, m, k, n), name(transA, transB, m, k, n));
                        }
                    }
                }
            }
        }
    }

    @Test
    void forcedJavaModeUsesTheJavaKernelForLargeProducts() {
        List<Boolean> loads = new ArrayList<>();
        Blas.select("java", onlyIfPresent -> {
            loads.add(onlyIfPresent);
            throw new AssertionError("java mode must not load anything native");
        }, null);
        assertThat(Blas.isNative()).isFalse();
        assertThat(Blas.active()).isEqualTo("java (pure-Java kernel; selected by scratchnet.blas=java)");
        assertThat(Blas.routesNative(512, 512, 512)).isFalse();
        Random r = new Random(5);
        int m = 70, k = 60, n = 50;
        for (boolean transA : FLAGS) {
            for (boolean transB : FLAGS) {
                double[] a = random(r, m * k);
                double[] b = random(r, k * n);
                double[] viaBlas = garbage(m * n);
                double[] viaJava = garbage(m * n);
                Blas.gemm(transA, transB, a, b, viaBlas, m, k, n);
                Blas.javaGemm(transA, transB, a, b, viaJava, m, k, n);
                assertThat(viaBlas).as(name(transA, transB, m, k, n)).containsExactly(viaJava);
            }
        }
        assertThat(loads).isEmpty();
    }

    @Test
    void javaSelectedByThePropertyNamesIt() {
        String before = System.getProperty(Settings.BLAS);
        try {
            System.setProperty(Settings.BLAS, "Java");
            Blas.reset();
            assertThat(Blas.active()).isEqualTo("java (pure-Java kernel; selected by -Dscratchnet.blas=Java)");
            assertThat(Blas.isNative()).isFalse();
        } finally {
            if (before == null) {
                System.clearProperty(Settings.BLAS);
            } else {
                System.setProperty(Settings.BLAS, before);
            }
        }
    }

    // ---- native requested or expected, but missing ------------------------------------------

    @Test
    void nativeRequestedButMissingWarnsOnceAndFallsBackToJava() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Boolean> loads = new ArrayList<>();
        Blas.select("native", onlyIfPresent -> {
            loads.add(onlyIfPresent);
            return NativeBlas.Probe.missing("simulated: libblas.so.3 not found");
        }, new PrintStream(err, true, StandardCharsets.UTF_8));

        Random r = new Random(9);
        int m = 64, k = 64, n = 64;
        for (int round = 0; round < 5; round++) {
            for (boolean transA : FLAGS) {
                for (boolean transB : FLAGS) {
                    double[] a = random(r, m * k);
                    double[] b = random(r, k * n);
                    double[] viaBlas = garbage(m * n);
                    double[] viaJava = garbage(m * n);
                    Blas.gemm(transA, transB, a, b, viaBlas, m, k, n);
                    Blas.javaGemm(transA, transB, a, b, viaJava, m, k, n);
                    assertThat(viaBlas).containsExactly(viaJava);
                }
            }
            assertThat(Blas.active()).isEqualTo("java (pure-Java kernel; native BLAS not found: simulated: libblas.so.3 not found)");
            assertThat(Blas.isNative()).isFalse();
        }

        String warning = err.toString(StandardCharsets.UTF_8);
        assertThat(warning.lines()).hasSize(1);
        assertThat(warning).startsWith("scratchnet: native BLAS requested (scratchnet.blas=native) but not available:")
                .contains("simulated: libblas.so.3 not found")
                .contains("pure-Java kernel")
                .contains("apt-get install libopenblas0");
        assertThat(loads).containsExactly(false); // loaded once, and an explicit request always tries
    }

    @Test
    void autoFallsBackQuietlyWhenNativeIsMissing() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Boolean> loads = new ArrayList<>();
        Blas.select("auto", onlyIfPresent -> {
            loads.add(onlyIfPresent);
            return NativeBlas.Probe.missing("simulated");
        }, new PrintStream(err, true, StandardCharsets.UTF_8));
        double[] c = garbage(100 * 100);
        Blas.gemm(false, false, new double[100 * 100], new double[100 * 100], c, 100, 100, 100);
        assertThat(c).containsOnly(0.0);
        assertThat(Blas.active()).isEqualTo("java (pure-Java kernel; native BLAS not found: simulated)");
        assertThat(err.size()).isZero();
        assertThat(loads).containsExactly(true); // auto only tries a library that is there
    }

    @Test
    void aMissingBindingJarCountsAsNoNativeBlas() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Blas.select("native", onlyIfPresent -> {
            throw new NoClassDefFoundError("dev/ludovic/netlib/blas/NativeBLAS");
        }, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(Blas.isNative()).isFalse();
        assertThat(Blas.active()).isEqualTo("java (pure-Java kernel; native BLAS not found: the netlib binding"
                + " (dev.ludovic.netlib:blas) is not on the class path (dev/ludovic/netlib/blas/NativeBLAS))");
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
    }

    @Test
    void anUnknownModeWarnsAndMeansAuto() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Boolean> loads = new ArrayList<>();
        Blas.select("fast", onlyIfPresent -> {
            loads.add(onlyIfPresent);
            return NativeBlas.Probe.missing("simulated");
        }, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(Blas.active()).startsWith("java (pure-Java kernel; native BLAS not found");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("scratchnet: scratchnet.blas=fast is not one of java, native, auto; using auto" + System.lineSeparator());
        assertThat(loads).containsExactly(true);
    }

    @Test
    void modesParseCaseInsensitively() {
        assertThat(Blas.parse(" NATIVE ")).isEqualTo(Blas.Mode.NATIVE);
        assertThat(Blas.parse("Java")).isEqualTo(Blas.Mode.JAVA);
        assertThat(Blas.parse("auto")).isEqualTo(Blas.Mode.AUTO);
        assertThat(Blas.parse("openblas")).isNull();
    }

    // ---- arguments and descriptions ----------------------------------------------------------

    @Test
    void badArgumentsAreRejectedBeforeAnyPath() {
        Blas.select("java");
        assertThatThrownBy(() -> Blas.gemm(false, false, new double[6], new double[6], new double[3], 2, 3, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> Blas.gemm(false, false, new double[6], new double[6], new double[4], 2, -3, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    void emptyProductsAreZeroOrEmpty() {
        double[] c = garbage(6);
        Blas.gemm(false, false, new double[0], new double[0], c, 2, 0, 3);
        assertThat(c).containsOnly(0.0);
        Blas.gemm(true, true, new double[0], new double[5], new double[0], 0, 5, 0);
    }

    @Test
    void implementationIsNamedFromTheMappedLibraries() {
        assertThat(NativeBlas.implementation(List.of(
                "/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3",
                "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so"))).isEqualTo("OpenBLAS 0.3.21");
        assertThat(NativeBlas.implementation(List.of("/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3")))
                .isEqualTo("OpenBLAS");
        assertThat(NativeBlas.implementation(List.of("/usr/lib/x86_64-linux-gnu/blas/libblas.so.3")))
                .isEqualTo("reference BLAS");
        assertThat(NativeBlas.implementation(List.of("/opt/intel/oneapi/mkl/lib/libmkl_rt.so.2"))).isEqualTo("Intel MKL");
        assertThat(NativeBlas.implementation(List.of())).isEqualTo("native BLAS");
    }
}
