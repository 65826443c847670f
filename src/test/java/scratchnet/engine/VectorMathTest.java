package scratchnet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The SIMD {@code exp}, {@code tanh} and sigmoid give one result per input: the same in every lane
 * and in the scalar tail, the same interpreted and compiled, and close to {@link StrictMath}.
 */
class VectorMathTest {
    private static final double[] SPECIAL = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 709.7, 709.79, 710, 800, -708.5, -744.4, -745.2, -746, -800, 1e-300,
            -1e-300, Double.MIN_VALUE, 19.99, 20, -20, 25, 0.17328679513998632, -0.34657359027997264};

    @Test
    void aValueGivesTheSameBitsInEveryPositionOfTheArray() {
        int lanes = VectorLoops.LANES;
        for (double v : inputs(500)) {
            // one value at every index of an array whose length leaves a scalar tail
            double[] z = new double[3 * lanes + 3];
            java.util.Arrays.fill(z, v);
            for (String f : List.of("exp", "tanh", "sigmoid")) {
                double[] out = apply(f, z);
                for (int i = 0; i < out.length; i++) {
                    assertThat(Double.doubleToRawLongBits(out[i])).as("%s(%s) at index %d", f, v, i)
                            .isEqualTo(Double.doubleToRawLongBits(out[0]));
                }
            }
        }
    }

    @Test
    void expIsWithinOneUlpAndTanhAndSigmoidWithinThree() {
        Random random = new Random(11);
        for (double range : new double[] {1e-6, 0.2, 1, 5, 30, 700}) {
            double[] z = new double[20_000];
            for (int i = 0; i < z.length; i++) {
                z[i] = (2 * random.nextDouble() - 1) * range;
            }
            double[] e = apply("exp", z);
            double[] t = apply("tanh", z);
            double[] s = apply("sigmoid", z);
            for (int i = 0; i < z.length; i++) {
                double want = StrictMath.exp(z[i]);
                if (want >= Double.MIN_NORMAL && want < Double.POSITIVE_INFINITY) {
                    assertThat(ulps(e[i], want)).as("exp(%s)", z[i]).isLessThanOrEqualTo(1);
                }
                assertThat(ulps(t[i], StrictMath.tanh(z[i]))).as("tanh(%s)", z[i]).isLessThanOrEqualTo(3);
                assertThat(ulps(s[i], 1 / (1 + StrictMath.exp(-z[i])))).as("sigmoid(%s)", z[i]).isLessThanOrEqualTo(3);
            }
        }
    }

    @Test
    void edgesAreThoseOfMath() {
        for (double v : SPECIAL) {
            assertThat(VectorMath.exp(v)).as("exp(%s)", v).isCloseTo(StrictMath.exp(v), relative(StrictMath.exp(v)));
            assertThat(VectorMath.tanh(v)).as("tanh(%s)", v).isCloseTo(StrictMath.tanh(v), relative(StrictMath.tanh(v)));
            assertThat(Double.doubleToRawLongBits(VectorMath.tanh(v)) < 0).as("sign of tanh(%s)", v)
                    .isEqualTo(Double.doubleToRawLongBits(StrictMath.tanh(v)) < 0);
        }
        assertThat(VectorMath.exp(Double.NaN)).isNaN();
        assertThat(VectorMath.tanh(Double.NaN)).isNaN();
        assertThat(VectorMath.exp(710)).isInfinite();
        assertThat(VectorMath.exp(-746)).isZero();
        assertThat(VectorMath.exp(-745)).isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void theInterpreterComputesTheSameBitsAsCompiledCode() throws Exception {
        int n = 300;
        double[] z = inputs(n);
        // warm the loops until the JIT compiles them, then compare with a JVM that only interprets
        for (int round = 0; round < 20_000; round++) {
            apply("exp", z);
            apply("tanh", z);
            apply("sigmoid", z);
        }
        List<String> here = new ArrayList<>();
        for (String f : List.of("exp", "tanh", "sigmoid")) {
            for (double v : apply(f, z)) {
                here.add(Long.toHexString(Double.doubleToRawLongBits(v)));
            }
        }
        List<String> interpreted = runInterpreted(n);
        assertThat(interpreted).hasSameSizeAs(here);
        for (int i = 0; i < here.size(); i++) {
            assertThat(interpreted.get(i)).as("value %d (%s of %s)", i, i / z.length, z[i % z.length]).isEqualTo(here.get(i));
        }
    }

    /** Entry point of the interpreted JVM: prints the bits of exp, tanh and sigmoid of {@link #inputs}. */
    public static void main(String[] args) {
        double[] z = inputs(Integer.parseInt(args[0]));
        for (String f : List.of("exp", "tanh", "sigmoid")) {
            for (double v : apply(f, z)) {
                System.out.println(Long.toHexString(Double.doubleToRawLongBits(v)));
            }
        }
    }

    private static List<String> runInterpreted(int n) throws IOException, InterruptedException {
        String launcher = ProcessHandle.current().info().command().orElse("java");
        Path errors = Files.createTempFile("interpreted", ".err");
        try {
            Process p = new ProcessBuilder(launcher, "-Xint", "--add-modules", "jdk.incubator.vector",
                    "-cp", System.getProperty("java.class.path"), VectorMathTest.class.getName(), String.valueOf(n))
                    .redirectError(errors.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the interpreted JVM finishes").isTrue();
            assertThat(p.exitValue()).as("exit code; errors: %s", Files.readString(errors)).isZero();
            return out.lines().toList();
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** Special values, then n values over [−30, 30) from a fixed seed. */
    private static double[] inputs(int n) {
        Random random = new Random(5);
        double[] z = new double[SPECIAL.length + n];
        System.arraycopy(SPECIAL, 0, z, 0, SPECIAL.length);
        for (int i = SPECIAL.length; i < z.length; i++) {
            z[i] = random.nextDouble() * 60 - 30;
        }
        return z;
    }

    private static double[] apply(String f, double[] z) {
        double[] out = new double[z.length];
        switch (f) {
            case "exp" -> VectorLoops.exp(z, out, 0, z.length);
            case "tanh" -> VectorLoops.tanh(z, out, 0, z.length);
            default -> VectorLoops.sigmoid(z, out, 0, z.length);
        }
        return out;
    }

    private static double ulps(double got, double want) {
        return got == want ? 0 : Math.abs(got - want) / Math.ulp(want);
    }

    private static org.assertj.core.data.Offset<Double> relative(double want) {
        return org.assertj.core.data.Offset.offset(Double.isFinite(want) ? Math.abs(want) * 1e-15 : 0.0);
    }
}
