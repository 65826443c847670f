package scratchnet.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import scratchnet.Dsl;
import scratchnet.engine.Matrix;
import scratchnet.engine.Rng;

/** Saving and loading models: bit-exact round trips, clear errors for files that are not models, safe overwrites. */
class ModelFileTest {

    @TempDir
    Path dir;

    private static Network trained() {
        Dsl.seed(4);
        Network model = Dsl.net(2, 5, 4, 3).tanh().relu().softmax().init(Dsl.xavier());
        Rng r = new Rng(4);
        Matrix x = Matrix.wrap(2, 30, r.randn(60));
        double[] labels = new double[30];
        for (int j = 0; j < 30; j++) {
            labels[j] = r.randint(0, 3);
        }
        model.fit(x, Matrix.rowVector(labels), Dsl.lr(0.1), Dsl.iters(25), Dsl.quiet());
        return model;
    }

    private static void assertSameModel(Network loaded, Network original) {
        assertThat(loaded.sizes()).containsExactly(original.sizes());
        assertThat(loaded.activations()).isEqualTo(original.activations());
        assertThat(loaded.paramNames()).isEqualTo(original.paramNames());
        for (String name : original.paramNames()) {
            Matrix p = original.param(name);
            assertThat(loaded.param(name)).as(name).isEqualTo(p);
            // Matrix.equals is bit-exact, but check the raw bits too so -0.0 and NaN payloads are covered
            double[] a = loaded.param(name).flatten();
            double[] b = p.flatten();
            for (int i = 0; i < a.length; i++) {
                assertThat(Double.doubleToRawLongBits(a[i])).as("%s[%d]", name, i)
                        .isEqualTo(Double.doubleToRawLongBits(b[i]));
            }
        }
    }

    @Test
    void trainedModelRoundTripsBitForBit() throws IOException {
        Network model = trained();
        Path file = dir.resolve("model.json");
        model.save(file);

        Network loaded = Network.load(file);
        assertSameModel(loaded, model);
        assertThat(loaded.defaultLoss().label()).isEqualTo(model.defaultLoss().label());
        assertThat(loaded.parameterCount()).isEqualTo(model.parameterCount());

        Matrix x = Matrix.wrap(2, 11, new Rng(99).randn(22));
        assertThat(loaded.predict(x)).isEqualTo(model.predict(x));

        // the string overloads and the DSL's loadModel read the same file
        Path second = dir.resolve("second.json");
        model.save(second.toString());
        assertSameModel(Dsl.loadModel(second.toString()), model);
        assertSameModel(Network.load(second.toString()), model);
    }

    @Test
    void awkwardDoublesRoundTrip() throws IOException {
        Network model = Dsl.net(1, 4, 1).sigmoid().linear().init(Dsl.uniform());
        model.param("w1", Matrix.columnVector(0.1, 1.0 / 3, Double.MIN_VALUE, -0.0));
        model.param("b1", Matrix.columnVector(Double.MAX_VALUE, -Double.MIN_NORMAL, 1e-300, 123456789.123456789));
        model.param("w2", Matrix.rowVector(Math.PI, -Math.E, 2.0000000000000004, 9007199254740993.0));
        model.param("b2", Matrix.columnVector(Math.nextDown(1.0)));
        Path file = dir.resolve("awkward.json");
        model.save(file);
        assertSameModel(Network.load(file), model);
    }

    @Test
    void nanAndInfinitySurvive() throws IOException {
        Network model = Dsl.net(2, 3, 1).relu().linear().init(Dsl.normal());
        model.param("w1", Matrix.of(new double[][] {
            {Double.NaN, 1}, {Double.POSITIVE_INFINITY, -2}, {3, Double.NEGATIVE_INFINITY}}));
        model.param("b2", Matrix.columnVector(Double.NaN));
        Path file = dir.resolve("nonfinite.json");
        model.save(file);

        Network loaded = Network.load(file);
        assertSameModel(loaded, model);
        Matrix w1 = loaded.param("w1");
        assertThat(w1.get(0, 0)).isNaN();
        assertThat(w1.get(1, 0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(w1.get(2, 1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(loaded.param("b2").get(0, 0)).isNaN();
    }

    // ------------------------------------------------------------------ files that are not models

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void nonJsonFileIsAnIOExceptionNamingTheFile() throws IOException {
        Path p = write("notes.txt", "these are not the weights you are looking for {");
        assertThatThrownBy(() -> Network.load(p))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(p.toString())
                .hasMessageContaining("JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"format\": \"keras-model\", \"version\": 1}",
        "{\"weights\": [[1, 2], [3, 4]]}",
        "[1, 2, 3]",
        "\"scratchnet-model\"",
        "42",
    })
    void jsonOfAnotherFormatIsAnIOExceptionSayingWhatWasExpected(String json) throws IOException {
        Path p = write("other.json", json);
        assertThatThrownBy(() -> Network.load(p))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(p.toString())
                .hasMessageContaining("scratchnet-model");
    }

    @Test
    void emptyFileIsAnIOException() throws IOException {
        Path p = write("empty.json", "");
        assertThatThrownBy(() -> Network.load(p))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(p.toString());
    }

    @Test
    void unsupportedVersionIsAnIOException() throws IOException {
        Path p = write("v2.json", "{\"format\": \"scratchnet-model\", \"version\": 2}");
        assertThatThrownBy(() -> Network.load(p))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(p.toString())
                .hasMessageContaining("version");
    }

    @Test
    void truncatedFileIsAnIOExceptionNamingTheFile() throws IOException {
        Path good = dir.resolve("good.json");
        trained().save(good);
        byte[] bytes = Files.readAllBytes(good);
        for (int cut : new int[] {1, bytes.length / 3, bytes.length / 2, bytes.length - 2}) {
            Path p = dir.resolve("cut" + cut + ".json");
            Files.write(p, java.util.Arrays.copyOf(bytes, cut));
            assertThatThrownBy(() -> Network.load(p)).as("cut at %d of %d bytes", cut, bytes.length)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(p.toString())
                    .hasMessageContaining("JSON");
        }
    }

    @Test
    void wrongParameterShapesAreIOExceptions() throws IOException {
        String head = "{\"format\": \"scratchnet-model\", \"version\": 1, \"sizes\": [1, 2, 1],"
                + " \"activations\": [\"sigmoid\", \"linear\"], \"params\": ";
        String[] bodies = {
            "{\"w1\": [[1], [2]], \"b1\": [[0], [0]], \"w2\": [[1, 2]]}",                     // b2 missing
            "{\"w1\": [[1], [2], [3]], \"b1\": [[0], [0]], \"w2\": [[1, 2]], \"b2\": [[0]]}",  // 3 rows
            "{\"w1\": [[1, 9], [2, 9]], \"b1\": [[0], [0]], \"w2\": [[1, 2]], \"b2\": [[0]]}", // 2 columns
            "{\"w1\": [[1], [2]], \"b1\": [[0], [0]], \"w2\": [[1, 2]], \"b2\": [[0]], \"w3\": [[1]]}",
        };
        for (int i = 0; i < bodies.length; i++) {
            Path p = write("bad" + i + ".json", head + bodies[i] + "}");
            assertThatThrownBy(() -> Network.load(p)).as(bodies[i])
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(p.toString());
        }
        // and the same file with all four parameters loads
        Path ok = write("ok.json", head + "{\"w1\": [[1], [2]], \"b1\": [[0], [0]], \"w2\": [[1, 2]], \"b2\": [[0.5]]}}");
        Network net = Network.load(ok);
        assertThat(net.param("w2")).isEqualTo(Matrix.rowVector(1, 2));
        assertThat(net.param("b2")).isEqualTo(Matrix.columnVector(0.5));
    }

    private static final String PARAMS =
            "\"params\": {\"w1\": [[1], [2]], \"b1\": [[0], [0]], \"w2\": [[1, 2]], \"b2\": [[0]]}";
    private static final String HEAD = "{\"format\": \"scratchnet-model\", \"version\": 1, ";

    static Stream<Arguments> corruptModels() {
        return Stream.of(
                Arguments.of("unknown activation",
                        HEAD + "\"sizes\": [1, 2, 1], \"activations\": [\"swish\", \"linear\"], " + PARAMS + "}"),
                Arguments.of("one activation missing",
                        HEAD + "\"sizes\": [1, 2, 1], \"activations\": [\"sigmoid\"], " + PARAMS + "}"),
                Arguments.of("one activation too many",
                        HEAD + "\"sizes\": [1, 2, 1], \"activations\": [\"sigmoid\", \"linear\", \"relu\"], "
                                + PARAMS + "}"),
                Arguments.of("sizes missing",
                        HEAD + "\"activations\": [\"sigmoid\", \"linear\"], " + PARAMS + "}"),
                Arguments.of("negative size",
                        HEAD + "\"sizes\": [1, -2, 1], \"activations\": [\"sigmoid\", \"linear\"], " + PARAMS + "}"),
                Arguments.of("weight is a string",
                        HEAD + "\"sizes\": [1, 2, 1], \"activations\": [\"sigmoid\", \"linear\"], "
                                + "\"params\": {\"w1\": [[\"heavy\"], [2]], \"b1\": [[0], [0]], \"w2\": [[1, 2]], \"b2\": [[0]]}}"),
                Arguments.of("weight is null",
                        HEAD + "\"sizes\": [1, 2, 1], \"activations\": [\"sigmoid\", \"linear\"], "
                                + "\"params\": {\"w1\": [[null], [2]], \"b1\": [[0], [0]], \"w2\": [[1, 2]], \"b2\": [[0]]}}"),
                Arguments.of("weight is a boolean",
                        HEAD + "\"sizes\": [1, 2, 1], \"activations\": [\"sigmoid\", \"linear\"], "
                                + "\"params\": {\"w1\": [[true], [2]], \"b1\": [[0], [0]], \"w2\": [[1, 2]], \"b2\": [[0]]}}"));
    }

    /** Files that claim to be scratchnet models but whose content does not make a network. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptModels")
    void corruptModelContentIsAnIOExceptionNamingTheFile(String what, String json) throws IOException {
        Path p = write("corrupt.json", json);
        assertThatThrownBy(() -> Network.load(p)).as(what)
                .isInstanceOf(IOException.class)
                .hasMessageContaining(p.toString());
    }

    static Stream<Arguments> suspectModels() {
        String acts = "\"activations\": [\"sigmoid\", \"linear\"], ";
        return Stream.of(
                Arguments.of("a layer of 2147483647 units", "layer 1 has 2147483647 units",
                        HEAD + "\"sizes\": [1, 2147483647, 1], " + acts + PARAMS + "}", "should have 2147483647 rows"),
                Arguments.of("a fractional size", "size 2.7",
                        HEAD + "\"sizes\": [1, 2.7, 1], " + acts + PARAMS + "}", "whole number"),
                Arguments.of("a number beyond a double", "1e400",
                        HEAD + "\"sizes\": [1, 2, 1], " + acts
                                + "\"params\": {\"w1\": [[1e400], [2]], \"b1\": [[0], [0]], \"w2\": [[1, 2]], \"b2\": [[0]]}}",
                        "beyond the range of a double"),
                Arguments.of("trailing garbage", "text after the model",
                        HEAD + "\"sizes\": [1, 2, 1], " + acts + PARAMS + "} {\"more\": 1}", "not valid JSON"),
                Arguments.of("a duplicate key", "w1 twice",
                        HEAD + "\"sizes\": [1, 2, 1], " + acts
                                + "\"params\": {\"w1\": [[1], [2]], \"w1\": [[3], [4]], \"b1\": [[0], [0]], \"w2\": [[1, 2]], \"b2\": [[0]]}}",
                        "Duplicate field 'w1'"));
    }

    /** Files that once loaded silently (or ran out of memory first) and must now say what is wrong. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("suspectModels")
    void suspectModelsAreRejectedWithTheFileAndTheReason(String what, String detail, String json, String reason)
            throws IOException {
        Path p = write("suspect.json", json);
        assertThatThrownBy(() -> Network.load(p)).as(what + " (" + detail + ")")
                .isInstanceOf(IOException.class)
                .hasMessageContaining(p.toString())
                .hasMessageContaining(reason);
    }

    // ------------------------------------------------------------------ overwriting

    @Test
    void savingOverAnExistingFileReplacesItAndLeavesNoTempFiles() throws IOException {
        Path file = write("model.json", "an old file that is not a model at all");
        Network first = trained();
        first.save(file);
        assertSameModel(Network.load(file), first);

        Network second = Dsl.net(2, 3).sigmoid().init(Dsl.uniform());
        second.save(file);
        Network loaded = Network.load(file);
        assertSameModel(loaded, second);
        assertThat(loaded.sizes()).containsExactly(2, 3);

        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).containsExactly("model.json");
        }
    }

    @Test
    void savingCreatesMissingDirectories() throws IOException {
        Path file = dir.resolve("a").resolve("b").resolve("model.json");
        Network model = trained();
        model.save(file);
        assertSameModel(Network.load(file), model);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("model.json");
        }
    }

    @Test
    void savedFileIsReadableJson() throws IOException {
        Path file = dir.resolve("readable.json");
        Dsl.net(1, 2, 1).sigmoid().linear().init(Dsl.uniform()).save(file);
        String text = Files.readString(file);
        assertThat(text).contains("\"format\"").contains("scratchnet-model").contains("\"sizes\"")
                .contains("\"sigmoid\"").contains("\"linear\"").contains("\"w1\"").contains("\"b2\"");
    }
}
