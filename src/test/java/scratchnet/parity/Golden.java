package scratchnet.parity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;

import scratchnet.engine.Matrix;

/**
 * Reads the golden numpy runs from the test class path ({@code /scratchnet/golden/}; see the
 * README there for what each file holds and how it was made).
 * <pre>{@code
 * Golden g = Golden.load("seed000_sine_rng0.json");
 * double[] losses = g.losses();
 * }</pre>
 */
public final class Golden {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final JsonNode root;

    private Golden(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    /** Where the golden files are on the test class path. */
    public static final String RESOURCE_DIR = "/scratchnet/golden/";

    /** Loads {@code golden/<fileName>}; fails the test with the resource name when it is missing. */
    public static Golden load(String fileName) {
        return new Golden(fileName, read(fileName));
    }

    /** The parsed JSON of {@code golden/<fileName>}; fails the test when the resource is missing. */
    public static JsonNode read(String fileName) {
        String resource = RESOURCE_DIR + fileName;
        try (InputStream in = Golden.class.getResourceAsStream(resource)) {
            assertThat(in).as("golden file %s on the test class path (src/test/resources)", resource).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden file " + resource, e);
        }
    }

    /** The file name, for messages. */
    public String name() {
        return name;
    }

    /** A top-level field. */
    public JsonNode field(String key) {
        JsonNode n = root.get(key);
        assertThat(n).as("%s: field '%s'", name, key).isNotNull();
        return n;
    }

    /** A top-level number. */
    public double number(String key) {
        JsonNode n = field(key);
        assertThat(n.isNumber()).as("%s: field '%s' is a number", name, key).isTrue();
        return n.doubleValue();
    }

    /** A top-level integer. */
    public int integer(String key) {
        JsonNode n = field(key);
        assertThat(n.canConvertToInt()).as("%s: field '%s' is an int", name, key).isTrue();
        return n.intValue();
    }

    /** A top-level matrix ("x", "y"). */
    public Matrix matrix(String key) {
        return toMatrix(field(key), name + "." + key);
    }

    /** A parameter of a section ("init", "final"). */
    public Matrix param(String section, String key) {
        JsonNode s = field(section);
        JsonNode n = s.get(key);
        assertThat(n).as("%s: %s.%s", name, section, key).isNotNull();
        return toMatrix(n, name + "." + section + "." + key);
    }

    /** The recorded losses. */
    public double[] losses() {
        return toDoubles(field("losses"), name + ".losses");
    }

    /**
     * A JSON array as a matrix: nested lists are rows; a flat list of numbers becomes a 1×n row.
     */
    public static Matrix toMatrix(JsonNode n, String what) {
        assertThat(n.isArray()).as("%s is an array", what).isTrue();
        assertThat(n.size()).as("%s is not empty", what).isPositive();
        if (!n.get(0).isArray()) {
            return Matrix.rowVector(toDoubles(n, what));
        }
        double[][] rows = new double[n.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = toDoubles(n.get(i), what + "[" + i + "]");
        }
        return Matrix.of(rows);
    }

    /** A flat JSON array of numbers. */
    public static double[] toDoubles(JsonNode n, String what) {
        assertThat(n.isArray()).as("%s is an array", what).isTrue();
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = n.get(i);
            assertThat(v.isNumber()).as("%s[%d] is a number, got %s", what, i, v).isTrue();
            out[i] = v.doubleValue();
        }
        return out;
    }
}
