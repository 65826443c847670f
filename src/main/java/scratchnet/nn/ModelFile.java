package scratchnet.nn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import scratchnet.io.AtomicFiles;

/**
 * The saved-model format: readable JSON with the layer sizes, the activations and every
 * parameter as rows of numbers. Doubles are written in their shortest exact form, so a loaded
 * model is bit-for-bit the saved one.
 * <pre>{@code
 * {"format": "scratchnet-model", "version": 1, "sizes": [1, 25, 1],
 *  "activations": ["sigmoid", "linear"], "params": {"w1": [[0.54], …], "b1": [[0.0], …], …}}
 * }</pre>
 * Files are written to a temporary file first and moved into place, so a failed save never
 * leaves a half-written model behind. Reading is strict: a duplicate key, anything after the
 * model's closing brace, a size that is not a whole positive number, a number beyond a double's
 * range ({@code 1e400}) or parameters that do not match the sizes are errors naming the file, and
 * every shape is checked against the file's own contents before any memory is allocated.
 */
final class ModelFile {
    static final String FORMAT = "scratchnet-model";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());

    private ModelFile() {
    }

    static void write(Network net, Path file) throws IOException {
        Dense[] layers = net.readyLayers("save");
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode sizes = root.putArray("sizes");
        for (int s : net.sizes()) {
            sizes.add(s);
        }
        ArrayNode acts = root.putArray("activations");
        for (Activation a : net.activations()) {
            acts.add(a.label());
        }
        ObjectNode params = root.putObject("params");
        for (int l = 1; l <= layers.length; l++) {
            Dense d = layers[l - 1];
            params.set("w" + l, rows(d.w, d.out, d.in));
            params.set("b" + l, rows(d.b, d.out, 1));
        }
        AtomicFiles.write(file, JSON.writeValueAsBytes(root));
    }

    private static ArrayNode rows(double[] v, int r, int c) {
        ArrayNode out = JSON.createArrayNode();
        for (int i = 0; i < r; i++) {
            ArrayNode row = out.addArray();
            for (int j = 0; j < c; j++) {
                double d = v[i * c + j];
                if (Double.isFinite(d)) {
                    row.add(d);
                } else {
                    // JSON has no NaN or Infinity: store them as strings that read back exactly
                    row.add(Double.toString(d));
                }
            }
        }
        return out;
    }

    static Network read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("load " + file + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException("load " + file + ": expected a scratchnet model (\"format\": \"" + FORMAT
                    + "\"), found " + (root == null ? "an empty file" : "format " + root.path("format")));
        }
        if (root.path("version").asInt() != VERSION) {
            throw new IOException("load " + file + ": model format version " + root.path("version")
                    + " is not supported; this scratchnet reads version " + VERSION);
        }
        try {
            return build(file, root);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException("load " + file + ": " + e.getMessage(), e);
        }
    }

    private static Network build(Path file, JsonNode root) throws IOException {
        JsonNode sizesNode = root.path("sizes");
        if (!sizesNode.isArray() || sizesNode.size() < 2) {
            throw new IOException("load " + file + ": expected \"sizes\" to be a list of at least two layer sizes, found "
                    + sizesNode);
        }
        int[] sizes = new int[sizesNode.size()];
        for (int i = 0; i < sizes.length; i++) {
            JsonNode size = sizesNode.get(i);
            if (!size.isIntegralNumber() || !size.canConvertToInt() || size.asInt() < 1) {
                throw new IOException("load " + file + ": layer size " + i + " should be a whole number of at least 1, found "
                        + size);
            }
            sizes[i] = size.asInt();
        }
        // the parameters must be in the file: check their shapes before allocating anything
        JsonNode params = root.path("params");
        if (!params.isObject()) {
            throw new IOException("load " + file + ": expected \"params\" to be an object of named parameters, found "
                    + params);
        }
        for (int l = 1; l < sizes.length; l++) {
            checkShape(file, params, "w" + l, sizes[l], sizes[l - 1]);
            checkShape(file, params, "b" + l, sizes[l], 1);
        }
        Network net = new Network(sizes);
        JsonNode acts = root.path("activations");
        if (acts.size() != sizes.length - 1) {
            throw new IOException("load " + file + ": expected " + (sizes.length - 1) + " activations for sizes "
                    + sizesNode + ", found " + acts);
        }
        for (JsonNode a : acts) {
            net.activation(Activation.named(a.asText()));
        }
        Dense[] layers = net.readyLayers("load");
        for (int l = 1; l <= layers.length; l++) {
            Dense d = layers[l - 1];
            fill(file, params, "w" + l, d.w, d.out, d.in);
            fill(file, params, "b" + l, d.b, d.out, 1);
        }
        for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!net.paramNames().contains(name)) {
                throw new IOException("load " + file + ": unexpected parameter '" + name + "' for a network with "
                        + net.paramNames());
            }
        }
        return net;
    }

    /** Checks that parameter {@code name} is r rows of c values each, without reading the values. */
    private static void checkShape(Path file, JsonNode params, String name, int r, int c) throws IOException {
        JsonNode rows = params.get(name);
        if (rows == null || !rows.isArray() || rows.size() != r) {
            throw new IOException("load " + file + ": parameter " + name + " should have " + r + " rows, found "
                    + (rows == null ? "none" : rows.isArray() ? rows.size() : rows.getNodeType().toString().toLowerCase()));
        }
        for (int i = 0; i < r; i++) {
            JsonNode row = rows.get(i);
            if (!row.isArray() || row.size() != c) {
                throw new IOException("load " + file + ": row " + i + " of " + name + " should have " + c
                        + " values, found " + (row.isArray() ? row.size() : row));
            }
        }
    }

    private static void fill(Path file, JsonNode params, String name, double[] dest, int r, int c) throws IOException {
        JsonNode rows = params.get(name);
        for (int i = 0; i < r; i++) {
            JsonNode row = rows.get(i);
            for (int j = 0; j < c; j++) {
                JsonNode v = row.get(j);
                double value;
                if (v.isNumber()) {
                    value = v.doubleValue();
                    if (!Double.isFinite(value)) {
                        throw new IOException("load " + file + ": " + name + "[" + i + "][" + j + "] is " + v.asText()
                                + ", beyond the range of a double (write \"Infinity\" for an infinite value)");
                    }
                } else if (v.isTextual() && v.asText().matches("NaN|-?Infinity")) {
                    value = Double.parseDouble(v.asText());
                } else {
                    throw new IOException("load " + file + ": " + name + "[" + i + "][" + j
                            + "] should be a number (or \"NaN\", \"Infinity\", \"-Infinity\"), found " + v);
                }
                dest[i * c + j] = value;
            }
        }
    }
}
