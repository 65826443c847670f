package scratchnet.parity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import scratchnet.engine.Matrix;

/**
 * Reads the golden numpy runs in {@code <shared>/golden/}. The shared directory comes from the
 * system property {@code scratchnet.shared} (surefire sets it), falling back to {@code ../shared}.
 */
public final class Golden {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final JsonNode root;

    private Golden(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    /** The shared directory. */
    public static Path sharedDir() {
        return Path.of(System.getProperty("scratchnet.shared", "../shared"));
    }

    /** Loads {@code golden/<fileName>}; fails the test with the path when it is missing. */
    public static Golden load(String fileName) {
        Path p = sharedDir().resolve("golden").resolve(fileName);
        assertThat(p).as("golden file %s (set -Dscratchnet.shared to the shared directory)", p).isRegularFile();
        try {
            return new Golden(fileName, JSON.readTree(Files.readAllBytes(p)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden file " + p, e);
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
