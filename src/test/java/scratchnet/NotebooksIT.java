package scratchnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import scratchnet.install.JupyterDataDir;
import scratchnet.install.KernelSpec;
import scratchnet.parity.Golden;

/**
 * Every notebook in {@code notebooks/}, executed two ways: with the headless runner (no Python)
 * and with {@code jupyter nbconvert --execute} through the installed kernel. Each executed notebook
 * must have no error output, loss lines in its stream output and at least one image/png, and
 * validate as nbformat 4. The document's own programs in 000, 001 and 003 (cells tagged
 * "faithful") must print the numpy reference runs' losses.
 */
class NotebooksIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path NOTEBOOKS = Path.of("notebooks");
    private static final Path JAR = Path.of("target", "scratchnet.jar");

    @TempDir
    static Path work;
    private static Path runnerOut;
    private static String runnerLog;

    @BeforeAll
    static void runTheRunner() throws Exception {
        assertThat(JAR).as("the jar (failsafe runs after package)").exists();
        runnerOut = work.resolve("runner");
        Files.createDirectories(runnerOut);
        Process p = new ProcessBuilder(java(), "-jar", JAR.toString(), "run", NOTEBOOKS.toString(), "--output",
                runnerOut.toString()).redirectErrorStream(true).start();
        runnerLog = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.MINUTES)).isTrue();
        System.out.println(runnerLog);
        assertThat(p.exitValue()).as("runner exit status; its output:\n" + runnerLog).isZero();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.list(NOTEBOOKS)) {
            return s.filter(p -> p.toString().endsWith(".ipynb") && !p.toString().endsWith(".out.ipynb")).sorted()
                    .toList();
        }
    }

    private static String stem(Path notebook) {
        String n = notebook.getFileName().toString();
        return n.substring(0, n.length() - ".ipynb".length());
    }

    // ------------------------------------------------------------------ the headless runner

    @TestFactory
    Stream<DynamicTest> runnerExecutesEveryNotebookCleanly() throws IOException {
        return sources().stream().map(src -> DynamicTest.dynamicTest("runner: " + stem(src), () -> {
            Path out = runnerOut.resolve(stem(src) + ".out.ipynb");
            assertThat(out).as("executed notebook for " + src).exists();
            assertThat(runnerOut.resolve(stem(src) + ".html")).as("html for " + src).exists();
            checkExecuted(JSON.readTree(out.toFile()), src);
            validate(out);
        }));
    }

    @Test
    void sourcesStayClearedAndUntouched() throws IOException {
        for (Path src : sources()) {
            JsonNode nb = JSON.readTree(src.toFile());
            for (JsonNode cell : nb.get("cells")) {
                if (cell.get("cell_type").asText().equals("code")) {
                    assertThat(cell.get("outputs").size()).as("outputs stored in " + src).isZero();
                }
            }
            assertThat(nb.at("/metadata/kernelspec/name").asText()).as("kernelspec of " + src).isEqualTo("scratchnet");
        }
    }

    // ------------------------------------------------------------------ parity of the documents' own programs

    @Test
    void faithfulCellsPrintTheNumpyLosses() throws IOException {
        checkParity("000-sine-regression", "seed000_sine_rng0.json", Pattern.compile("^(-?[0-9][0-9.eE+-]*)$"), 1e-4);
        checkParity("001-logistic-regression", "seed001_logreg_rng0.json",
                Pattern.compile("^loss after iteration \\d+: (\\S+)$"), 1e-9);
        checkParity("003-deep-network", "seed003_deepnet_rng0.json", Pattern.compile("^iteration \\d+, cost (\\S+)$"),
                1e-9);
    }

    private void checkParity(String notebook, String golden, Pattern line, double tolerance) throws IOException {
        JsonNode nb = JSON.readTree(runnerOut.resolve(notebook + ".out.ipynb").toFile());
        List<Double> printed = new ArrayList<>();
        for (JsonNode cell : nb.get("cells")) {
            boolean faithful = false;
            for (JsonNode tag : cell.at("/metadata/tags")) {
                faithful |= tag.asText().equals("faithful");
            }
            if (!faithful) {
                continue;
            }
            for (JsonNode o : cell.get("outputs")) {
                if (o.get("output_type").asText().equals("stream") && o.get("name").asText().equals("stdout")) {
                    for (String l : text(o.get("text")).split("\n")) {
                        Matcher m = line.matcher(l.strip());
                        if (m.matches()) {
                            printed.add(Double.parseDouble(m.group(1)));
                        }
                    }
                }
            }
        }
        JsonNode want = Golden.read(golden).get("losses");
        assertThat(printed).as(notebook + ": printed losses of the faithful cell").hasSize(want.size());
        for (int i = 0; i < want.size(); i++) {
            double expected = want.get(i).asDouble();
            double rel = Math.abs(printed.get(i) - expected) / Math.abs(expected);
            if (!(rel <= tolerance)) {
                fail(notebook + " loss[" + i + "]: numpy printed " + expected + ", the notebook " + printed.get(i)
                        + " (relative error " + rel + " > " + tolerance + ")");
            }
        }
    }

    // ------------------------------------------------------------------ nbconvert through the installed kernel

    @TestFactory
    Stream<DynamicTest> nbconvertExecutesEveryNotebookThroughTheKernel() throws Exception {
        String python = pythonWithNbconvert();
        if (python == null) {
            if ("1".equals(System.getenv("SCRATCHNET_REQUIRE_JUPYTER"))) {
                fail("SCRATCHNET_REQUIRE_JUPYTER=1 but no python3 with nbconvert and nbformat was found");
            }
            Assumptions.assumeTrue(false, "nbconvert not installed: skipping the Jupyter half");
        }
        Path prefix = work.resolve("kernelspec");
        Path jar = work.resolve("scratchnet.jar");
        Files.copy(JAR, jar);
        KernelSpec.install(JupyterDataDir.Target.prefix(prefix), jar.toAbsolutePath(), Path.of(java()), "scratchnet");
        Path out = work.resolve("nbconvert");
        Files.createDirectories(out);
        List<String> cmd = new ArrayList<>(List.of(python, "-m", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=600", "--output-dir", out.toString()));
        for (Path src : sources()) {
            cmd.add(src.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", prefix.resolve("share").resolve("jupyter").toString());
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.MINUTES)).isTrue();
        System.out.println(log);
        assertThat(p.exitValue()).as("nbconvert exit status; its output:\n" + log).isZero();
        return sources().stream().map(src -> DynamicTest.dynamicTest("nbconvert: " + stem(src), () -> {
            Path executed = out.resolve(src.getFileName());
            checkExecuted(JSON.readTree(executed.toFile()), src);
            validate(executed);
        }));
    }

    // ------------------------------------------------------------------ checks

    private static void checkExecuted(JsonNode nb, Path src) {
        boolean loss = false;
        int images = 0;
        for (JsonNode cell : nb.get("cells")) {
            if (!cell.get("cell_type").asText().equals("code")) {
                continue;
            }
            for (JsonNode o : cell.get("outputs")) {
                String type = o.get("output_type").asText();
                if (type.equals("error")) {
                    fail(src + ": error output " + o.get("ename").asText() + ": " + o.get("evalue").asText());
                }
                if (type.equals("stream")) {
                    assertThat(o.get("name").asText()).as(src + ": stream output on stderr: " + text(o.get("text")))
                            .isEqualTo("stdout");
                    loss |= text(o.get("text")).toLowerCase().contains("loss")
                            || text(o.get("text")).contains("cost");
                }
                if (o.has("data") && o.get("data").has("image/png")) {
                    images++;
                }
            }
        }
        assertThat(loss).as(src + ": loss printouts in its stream output").isTrue();
        assertThat(images).as(src + ": image/png outputs").isPositive();
    }

    private static void validate(Path executed) throws Exception {
        String python = pythonWithNbconvert();
        if (python == null) {
            return;
        }
        Process p = new ProcessBuilder(python, "-c",
                "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))",
                executed.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("nbformat.validate(" + executed + "): " + out).isZero();
    }

    private static String text(JsonNode t) {
        if (t.isArray()) {
            StringBuilder sb = new StringBuilder();
            t.forEach(l -> sb.append(l.asText()));
            return sb.toString();
        }
        return t.asText();
    }

    private static String cachedPython;
    private static boolean pythonLooked;

    /** A python3 that has nbconvert and nbformat (Debian's first), or null. */
    static synchronized String pythonWithNbconvert() {
        if (pythonLooked) {
            return cachedPython;
        }
        pythonLooked = true;
        for (String candidate : new String[] {"/usr/bin/python3", "python3"}) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import nbconvert, nbformat, nbclient")
                        .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() == 0) {
                    cachedPython = candidate;
                    return candidate;
                }
            } catch (IOException | InterruptedException e) {
                // try the next one
            }
        }
        return null;
    }
}
