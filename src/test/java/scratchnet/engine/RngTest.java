package scratchnet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import scratchnet.parity.Golden;

/** Bit-exact parity of {@link Rng} with numpy's legacy RandomState, from the golden JSON. */
class RngTest {

    private static JsonNode golden() {
        return Golden.read("numpy_random.json");
    }

    // ---- helpers -------------------------------------------------------------------------

    /** Flattens a nested JSON array of numbers in row-major order. */
    private static double[] flatDoubles(JsonNode node) {
        List<Double> acc = new ArrayList<>();
        flatten(node, acc);
        double[] out = new double[acc.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = acc.get(i);
        }
        return out;
    }

    private static void flatten(JsonNode node, List<Double> acc) {
        if (node.isArray()) {
            for (JsonNode child : node) {
                flatten(child, acc);
            }
        } else {
            assertThat(node.isNumber()).as("numeric leaf %s", node).isTrue();
            acc.add(node.doubleValue());
        }
    }

    private static int[] ints(JsonNode node) {
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            assertThat(node.get(i).canConvertToInt()).isTrue();
            out[i] = node.get(i).intValue();
        }
        return out;
    }

    /** Exact (==) equality, element by element, with the index in the failure message. */
    private static void assertExact(String what, double[] actual, double[] expected) {
        assertThat(actual.length).as("%s length", what).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (actual[i] != expected[i]) {
                fail(String.format("%s[%d]: expected %s (bits %016x) but got %s (bits %016x)",
                        what, i, expected[i], Double.doubleToRawLongBits(expected[i]),
                        actual[i], Double.doubleToRawLongBits(actual[i])));
            }
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** What each golden key means, as a check run on a freshly seeded generator. */
    private static final Map<String, CaseCheck> CHECKS = Map.of(
            "random_10", (rng, exp, tag) -> assertExact(tag, rng.random(10), flatDoubles(exp)),
            "random_3x4", (rng, exp, tag) -> {
                assertThat(exp.size()).isEqualTo(3);
                assertThat(exp.get(0).size()).isEqualTo(4);
                assertExact(tag, rng.random(12), flatDoubles(exp));
            },
            "randn_11", (rng, exp, tag) -> assertExact(tag, rng.randn(11), flatDoubles(exp)),
            "randn_2x3_then_random_2", (rng, exp, tag) -> {
                assertThat(exp.size()).isEqualTo(2);
                double[] z = rng.randn(6);
                double[] u = rng.random(2);
                assertExact(tag + " randn(2,3)", z, flatDoubles(exp.get(0)));
                assertExact(tag + " then random(2)", u, flatDoubles(exp.get(1)));
                assertExact(tag, concat(z, u), flatDoubles(exp));
            },
            "normal_loc1_scale2_5", (rng, exp, tag) ->
                    assertExact(tag, rng.normal(1.0, 2.0, 5), flatDoubles(exp)),
            "randint_0_10_12", (rng, exp, tag) ->
                    assertThat(rng.randint(0, 10, 12)).as(tag).containsExactly(ints(exp)),
            "permutation_10", (rng, exp, tag) ->
                    assertThat(rng.permutation(10)).as(tag).containsExactly(ints(exp)),
            "shuffle_range10", (rng, exp, tag) -> {
                int[] expected = ints(exp);
                int[] a = IntStream.range(0, 10).toArray();
                rng.shuffle(a);
                assertThat(a).as(tag + " int[]").containsExactly(expected);
            },
            "randn_5x4_times_0.01", (rng, exp, tag) -> {
                assertThat(exp.size()).isEqualTo(5);
                assertThat(exp.get(0).size()).isEqualTo(4);
                double[] z = rng.randn(20);
                for (int i = 0; i < z.length; i++) {
                    z[i] *= 0.01;
                }
                assertExact(tag, z, flatDoubles(exp));
            });

    @FunctionalInterface
    private interface CaseCheck {
        void check(Rng rng, JsonNode expected, String tag);
    }

    // ---- golden parity -------------------------------------------------------------------

    @TestFactory
    List<DynamicTest> matchesNumpyGoldenForEverySeedAndCase() throws IOException {
        JsonNode cases = golden().get("cases");
        assertThat(cases.isArray() && cases.size() > 0).as("golden has cases").isTrue();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases) {
            long seed = c.get("seed").longValue();
            Iterator<Map.Entry<String, JsonNode>> fields = c.fields();
            int checked = 0;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String key = f.getKey();
                if (key.equals("seed")) {
                    continue;
                }
                CaseCheck check = CHECKS.get(key);
                String tag = "seed " + seed + " " + key;
                // an unknown key is a failure, so new golden cases cannot be silently skipped
                tests.add(DynamicTest.dynamicTest(tag, () -> {
                    assertThat(check).as("a check exists for golden key '%s'", key).isNotNull();
                    check.check(new Rng(seed), f.getValue(), tag);
                }));
                checked++;
            }
            assertThat(checked).as("cases for seed %s", seed).isEqualTo(CHECKS.size());
        }
        return tests;
    }

    @Test
    void shuffleOfListsAndDoublesMatchesIntShuffle() throws IOException {
        for (JsonNode c : golden().get("cases")) {
            long seed = c.get("seed").longValue();
            int[] expected = ints(c.get("shuffle_range10"));

            List<Integer> arrayList = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                arrayList.add(i);
            }
            List<Integer> linked = new LinkedList<>(arrayList);
            new Rng(seed).shuffle(arrayList);
            new Rng(seed).shuffle(linked);
            double[] d = IntStream.range(0, 10).asDoubleStream().toArray();
            new Rng(seed).shuffle(d);

            for (int i = 0; i < 10; i++) {
                assertThat(arrayList.get(i)).as("seed %s ArrayList[%s]", seed, i).isEqualTo(expected[i]);
                assertThat(linked.get(i)).as("seed %s LinkedList[%s]", seed, i).isEqualTo(expected[i]);
                assertThat(d[i]).as("seed %s double[%s]", seed, i).isEqualTo((double) expected[i]);
            }
        }
    }

    @Test
    void scalarRandintMatchesArrayRandint() throws IOException {
        for (JsonNode c : golden().get("cases")) {
            long seed = c.get("seed").longValue();
            int[] expected = ints(c.get("randint_0_10_12"));
            Rng rng = new Rng(seed);
            for (int i = 0; i < expected.length; i++) {
                assertThat(rng.randint(0, 10)).as("seed %s draw %s", seed, i).isEqualTo(expected[i]);
            }
        }
    }

    // ---- behaviour -----------------------------------------------------------------------

    @Test
    void sameSeedGivesSameStream() {
        Rng a = new Rng(12345);
        Rng b = new Rng(12345);
        for (int i = 0; i < 2000; i++) { // crosses several 624-word refills
            assertThat(a.nextUInt32()).isEqualTo(b.nextUInt32());
        }
        assertThat(a.randn(7)).containsExactly(b.randn(7));
        assertThat(a.permutation(50)).containsExactly(b.permutation(50));

        // re-seeding restarts the stream and drops a cached gaussian
        Rng c = new Rng(7);
        double first = c.nextGaussian(); // leaves a cached value behind
        c.seed(7);
        assertThat(c.nextGaussian()).isEqualTo(first);
    }

    @Test
    void nextUInt32StaysInUnsignedRange() {
        Rng rng = new Rng(4294967295L);
        for (int i = 0; i < 5000; i++) {
            assertThat(rng.nextUInt32()).isBetween(0L, 0xFFFFFFFFL);
        }
    }

    @Test
    void copyIsIndependentAndKeepsGaussCache() {
        Rng original = new Rng(42);
        original.nextGaussian(); // now a second gaussian is cached
        Rng clone = original.copy();

        double fromOriginal = original.nextGaussian(); // the cached one
        double[] moreOriginal = original.random(700);

        // advancing the original did not move the copy; the copy has the same cache and stream
        assertThat(clone.nextGaussian()).isEqualTo(fromOriginal);
        assertThat(clone.random(700)).containsExactly(moreOriginal);

        // and advancing the copy does not move the original
        Rng o2 = new Rng(1);
        Rng c2 = o2.copy();
        c2.random(1000);
        assertThat(o2.random(3)).containsExactly(new Rng(1).random(3));
    }

    @Test
    void seedOutOfRangeIsRejected() {
        assertThatThrownBy(() -> new Rng(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1")
                .hasMessageContaining("4294967295");
        assertThatThrownBy(() -> new Rng(1L << 32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4294967296")
                .hasMessageContaining("[0, 4294967295]");
        Rng rng = new Rng(0);
        assertThatThrownBy(() -> rng.seed(-5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-5");
    }

    @Test
    void randintBoundsAreChecked() {
        Rng rng = new Rng(0);
        assertThatThrownBy(() -> rng.randint(5, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lo=5")
                .hasMessageContaining("hi=5");
        assertThatThrownBy(() -> rng.randint(10, 3, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lo=10")
                .hasMessageContaining("hi=3");

        // a one-value range returns lo and consumes nothing
        Rng a = new Rng(3);
        Rng b = new Rng(3);
        assertThat(a.randint(4, 5, 6)).containsOnly(4);
        assertThat(a.randint(-2, -1)).isEqualTo(-2);
        assertThat(a.nextUInt32()).isEqualTo(b.nextUInt32());

        // extreme int bounds stay in range
        Rng wide = new Rng(9);
        for (int v : wide.randint(Integer.MIN_VALUE, Integer.MAX_VALUE, 1000)) {
            assertThat(v).isLessThan(Integer.MAX_VALUE);
        }
        for (int v : wide.randint(-3, 4, 1000)) {
            assertThat(v).isBetween(-3, 3);
        }
    }

    @Test
    void negativeCountsAreRejected() {
        Rng rng = new Rng(0);
        List<Consumer<Rng>> calls = List.of(
                r -> r.random(-1), r -> r.randn(-1), r -> r.normal(0, 1, -1),
                r -> r.randint(0, 3, -1), r -> r.permutation(-1));
        for (Consumer<Rng> call : calls) {
            assertThatThrownBy(() -> call.accept(rng))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(">= 0")
                    .hasMessageContaining("-1");
        }
        assertThatThrownBy(() -> rng.randomInterval(-2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-2");
        assertThat(rng.random(0)).isEmpty();
        assertThat(rng.randomInterval(0)).isZero();
    }
}
