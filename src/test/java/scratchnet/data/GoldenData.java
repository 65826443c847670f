package scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import scratchnet.engine.Matrix;
import scratchnet.parity.Golden;

/**
 * The data of the golden numpy runs (read through {@link Golden} from the test class path), and an
 * ulp-aware comparison for Gaussian draws.
 */
final class GoldenData {
    private GoldenData() {
    }

    /** Loads {@code golden/<file>}; fails with the resource name when it is missing. */
    static JsonNode load(String file) {
        return Golden.read(file);
    }

    /** A JSON array as a matrix: nested arrays are rows, a flat array is a (1×n) row. */
    static Matrix matrix(JsonNode n) {
        assertThat(n).isNotNull();
        assertThat(n.isArray()).as("JSON array").isTrue();
        if (!n.get(0).isArray()) {
            return Matrix.rowVector(doubles(n));
        }
        double[][] rows = new double[n.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = doubles(n.get(i));
        }
        return Matrix.of(rows);
    }

    private static double[] doubles(JsonNode n) {
        double[] d = new double[n.size()];
        for (int i = 0; i < d.length; i++) {
            assertThat(n.get(i).isNumber()).as("number at %d, got %s", i, n.get(i)).isTrue();
            d[i] = n.get(i).doubleValue();
        }
        return d;
    }

    /**
     * Same shape and equal elements, except at most {@code maxDiffering} elements up to
     * {@code maxUlps} ulps apart. Returns how many differ.
     */
    static int assertUlps(String what, Matrix expected, Matrix actual, int maxUlps, int maxDiffering) {
        assertThat(actual.shape()).as("%s shape", what).containsExactly(expected.shape());
        double[] e = expected.flatten();
        double[] a = actual.flatten();
        int differing = 0;
        for (int i = 0; i < e.length; i++) {
            if (Double.compare(e[i], a[i]) == 0) {
                continue;
            }
            long ulps = Math.signum(e[i]) == Math.signum(a[i])
                    ? Math.abs(Double.doubleToLongBits(e[i]) - Double.doubleToLongBits(a[i])) : Long.MAX_VALUE;
            assertThat(ulps).as("%s element %d: expected %s, actual %s", what, i, e[i], a[i]).isLessThanOrEqualTo(maxUlps);
            differing++;
        }
        assertThat(differing).as("%s: elements differing by an ulp or two (of %d)", what, e.length)
                .isLessThanOrEqualTo(maxDiffering);
        return differing;
    }
}
