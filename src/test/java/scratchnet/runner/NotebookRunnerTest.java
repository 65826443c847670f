package scratchnet.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs real notebooks through {@code scratchnet run} (one cell JVM per notebook, about a second
 * each) and checks the executed notebooks and HTML pages it writes.
 */
class NotebookRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A notebook with these cells: "md:" prefix for markdown, "raw:" for raw, the rest code (source as a list of lines). */
    static byte[] notebook(String... cells) throws Exception {
        ObjectNode nb = JSON.createObjectNode();
        ArrayNode list = nb.putArray("cells");
        int i = 0;
        for (String c : cells) {
            ObjectNode cell = list.addObject();
            String type = c.startsWith("md:") ? "markdown" : c.startsWith("raw:") ? "raw" : "code";
            String src = type.equals("code") ? c : c.substring(c.indexOf(':') + 1);
            cell.put("cell_type", type);
            cell.put("id", "c" + i++);
            cell.putObject("metadata");
            if (i % 2 == 0) {
                cell.put("source", src);                       // a string …
            } else {
                cell.set("source", Ipynb.lines(src));          // … or a list of lines
            }
            if (type.equals("code")) {
                cell.putNull("execution_count");
                cell.putArray("outputs");
            }
        }
        ObjectNode meta = nb.putObject("metadata");
        meta.putObject("kernelspec").put("name", "scratchnet").put("display_name", "Java (scratchnet)").put("language", "java");
        meta.put("custom_key", "kept");
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", 5);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(nb);
    }

    @Test
    void runsNotebooksWritesJupyterOutputsAndStopsAtTheFirstError(@TempDir Path dir) throws Exception {
        byte[] good = notebook(
                "md:# Sine *demo*\n\nSome text.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
                "System.out.print(\"hel\");\nSystem.out.println(\"lo\");\nSystem.out.println(\"world\");",
                "var h = display(zeros(1, 1));",
                "h.update(ones(1, 1));\nzeros(2,2)",
                "var c = new XYChartBuilder().width(300).height(200).build();\n"
                        + "c.addSeries(\"s\", new double[] {1, 2, 3}, new double[] {1, 4, 9});\nc",
                "raw:raw text");
        byte[] bad = notebook(
                "md:## Broken",
                "System.out.println(\"before\");",
                "zeros(2, 3).dot(zeros(2, 3))",
                "System.out.println(\"never\");");
        Path goodNb = Files.write(dir.resolve("a-good.ipynb"), good);
        Path badNb = Files.write(dir.resolve("b-bad.ipynb"), bad);
        Files.writeString(dir.resolve("old.out.ipynb"), "not a notebook: must be left out and untouched");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RunCommand.run(new String[] {dir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String progress = out.toString(StandardCharsets.UTF_8);

        assertThat(status).as(progress + err).isEqualTo(1);
        assertThat(progress).containsPattern("\\[a-good\\] cell 1/4 ok \\(\\d+\\.\\d\\d s\\)")
                .contains("[a-good] cell 4/4 ok", "[b-bad] cell 1/3 ok", "[b-bad] cell 2/3 FAILED",
                        "ShapeException: dot: (2×3)·(2×3)", "at (cell [2] line 1)")
                .doesNotContain("\u001b", "old.out");
        assertThat(progress.indexOf("[a-good]")).isLessThan(progress.indexOf("[b-bad]"));
        // the summary table
        assertThat(progress).containsPattern("a-good\\s+4/4\\s+ok")
                .containsPattern("b-bad\\s+2/3\\s+FAILED\\s+[\\d.]+ s\\s+cell 2: ShapeException")
                .contains("2 notebooks: 1 ok, 1 failed");

        // sources untouched, byte for byte; the stray .out.ipynb too
        assertThat(Files.readAllBytes(goodNb)).isEqualTo(good);
        assertThat(Files.readAllBytes(badNb)).isEqualTo(bad);
        assertThat(Files.readString(dir.resolve("old.out.ipynb"))).startsWith("not a notebook");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a-good.ipynb", "b-bad.ipynb",
                    "old.out.ipynb", "a-good.out.ipynb", "a-good.html", "b-bad.out.ipynb", "b-bad.html");   // no temp files left
        }

        // --- the executed good notebook
        JsonNode nb = JSON.readTree(dir.resolve("a-good.out.ipynb").toFile());
        assertThat(nb.get("nbformat").asInt()).isEqualTo(4);
        assertThat(nb.get("nbformat_minor").asInt()).isEqualTo(5);
        assertThat(nb.at("/metadata/custom_key").asText()).isEqualTo("kept");
        assertThat(nb.at("/metadata/kernelspec/name").asText()).isEqualTo("scratchnet");
        JsonNode cells = nb.get("cells");
        assertThat(cells).hasSize(6);
        List<String> ids = new ArrayList<>();
        cells.forEach(c -> ids.add(c.get("id").asText()));
        assertThat(ids).containsExactly("c0", "c1", "c2", "c3", "c4", "c5");
        assertThat(cells.get(0).has("outputs")).isFalse();
        assertThat(cells.get(5).get("cell_type").asText()).isEqualTo("raw");
        for (int i = 1; i <= 4; i++) {
            assertThat(cells.get(i).get("execution_count").asInt()).isEqualTo(i);
        }
        // merged stream text, stored as a list of lines
        JsonNode printed = cells.get(1).get("outputs");
        assertThat(printed).hasSize(1);
        assertThat(printed.get(0).get("output_type").asText()).isEqualTo("stream");
        assertThat(printed.get(0).get("name").asText()).isEqualTo("stdout");
        assertThat(printed.get(0).get("text")).hasSize(2);
        assertThat(Ipynb.text(printed.get(0).get("text"))).isEqualTo("hello\nworld\n");
        // the display from cell 2 holds its final state, set by cell 3
        JsonNode shown = cells.get(2).get("outputs");
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).get("output_type").asText()).isEqualTo("display_data");
        assertThat(Ipynb.text(shown.get(0).at("/data/text~1plain"))).isEqualTo("[[1.]]");
        assertThat(shown.get(0).has("metadata")).isTrue();
        // zeros(2,2) as the cell's result
        JsonNode result = cells.get(3).get("outputs");
        assertThat(result).hasSize(1);
        assertThat(result.get(0).get("output_type").asText()).isEqualTo("execute_result");
        assertThat(result.get(0).get("execution_count").asInt()).isEqualTo(3);
        assertThat(Ipynb.text(result.get(0).at("/data/text~1plain"))).isEqualTo("[[0. 0.]\n [0. 0.]]");
        // the chart as a PNG with its size
        JsonNode chart = cells.get(4).get("outputs").get(0);
        assertThat(chart.at("/data/image~1png").asText()).startsWith("iVBOR");
        assertThat(chart.at("/metadata/image~1png/width").asInt()).isEqualTo(300);

        // --- the executed bad notebook: the error, and the cell after it not run
        JsonNode badCells = JSON.readTree(dir.resolve("b-bad.out.ipynb").toFile()).get("cells");
        assertThat(Ipynb.text(badCells.get(1).at("/outputs/0/text"))).isEqualTo("before\n");
        JsonNode error = badCells.get(2).get("outputs").get(0);
        assertThat(error.get("output_type").asText()).isEqualTo("error");
        assertThat(error.get("ename").asText()).isEqualTo("ShapeException");
        assertThat(error.get("evalue").asText()).contains("inner sizes 3 and 2 differ");
        assertThat(error.get("traceback").get(0).asText()).contains("ShapeException");
        assertThat(badCells.get(2).get("execution_count").asInt()).isEqualTo(2);
        assertThat(badCells.get(3).get("execution_count").isNull()).isTrue();
        assertThat(badCells.get(3).get("outputs")).isEmpty();

        validateWithNbformat(dir.resolve("a-good.out.ipynb"), dir.resolve("b-bad.out.ipynb"));

        // --- the HTML pages
        String html = Files.readString(dir.resolve("a-good.html"));
        assertThat(html).contains("<title>Sine demo</title>", "<h1>Sine <em>demo</em></h1>", "<td>1</td>",
                "<img src=\"data:image/png;base64,iVBOR", "hello\nworld\n", "<pre class=\"source\">System.out.print(&quot;hel&quot;);");
        String badHtml = Files.readString(dir.resolve("b-bad.html"));
        assertThat(badHtml).contains("<title>Broken</title>", "class=\"output error\"",
                        "ShapeException: dot: (2×3)·(2×3)", "at (cell [2] line 1)")
                .doesNotContain("\u001b", "[31;1m");
    }

    /** nbformat's own validation, when /usr/bin/python3 has nbformat (skipped otherwise). */
    private static void validateWithNbformat(Path... files) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python) || run(List.of(python.toString(), "-c", "import nbformat")) != 0) {
            System.out.println("NotebookRunnerTest: /usr/bin/python3 has no nbformat; skipping nbformat.validate");
            return;
        }
        for (Path f : files) {
            List<String> cmd = List.of(python.toString(), "-c",
                    "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], 4))", f.toString());
            assertThat(run(cmd)).as("nbformat.validate(%s)", f).isEqualTo(0);
        }
    }

    private static int run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    @Test
    void clearOutputEmptiesTheCellAndErrorsNameTheUsersVariables(@TempDir Path dir) throws Exception {
        Path nb = Files.write(dir.resolve("npe.ipynb"), notebook(
                "System.out.println(\"gone\");\ndisplay(zeros(1, 1));\nclearOutput();\nSystem.out.println(\"kept\");",
                "String s = null;",
                "s.length()"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = RunCommand.run(new String[] {nb.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        String progress = out.toString(StandardCharsets.UTF_8);

        assertThat(status).as(progress).isEqualTo(1);
        assertThat(progress).contains("NullPointerException", "because \"s\" is null").doesNotContain("$JShell$");
        JsonNode cells = JSON.readTree(dir.resolve("npe.out.ipynb").toFile()).get("cells");
        JsonNode cleared = cells.get(0).get("outputs");
        assertThat(cleared).as("only what was printed after clearOutput()").hasSize(1);
        assertThat(Ipynb.text(cleared.get(0).get("text"))).isEqualTo("kept\n");
        JsonNode error = cells.get(2).get("outputs").get(0);
        assertThat(error.get("ename").asText()).isEqualTo("NullPointerException");
        assertThat(error.get("evalue").asText()).isEqualTo("Cannot invoke \"String.length()\" because \"s\" is null");
        StringBuilder traceback = new StringBuilder();
        error.get("traceback").forEach(line -> traceback.append(line.asText()).append('\n'));
        assertThat(traceback.toString()).contains("because \"s\" is null").doesNotContain("$JShell$");
    }

    @Test
    void refusesOutputsThatWouldReplaceASourceNotebook(@TempDir Path dir) throws Exception {
        byte[] a = notebook("1 + 1");
        byte[] aOut = notebook("2 + 2");
        Path src = Files.write(dir.resolve("a.ipynb"), a);
        Path other = Files.write(dir.resolve("a.out.ipynb"), aOut);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RunCommand.run(new String[] {src.toString(), other.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing to run", "a.out.ipynb", "--output");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(Files.readAllBytes(src)).isEqualTo(a);
        assertThat(Files.readAllBytes(other)).isEqualTo(aOut);
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void usageErrorsSayWhatWasExpected(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(RunCommand.run(new String[0], o, e)).isEqualTo(2);
        assertThat(RunCommand.run(new String[] {dir.resolve("missing.ipynb").toString()}, o, e)).isEqualTo(2);
        assertThat(RunCommand.run(new String[] {dir.toString(), "--timeout", "soon"}, o, e)).isEqualTo(2);
        assertThat(RunCommand.run(new String[] {dir.toString(), "--bogus"}, o, e)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("expected at least one notebook (.ipynb) or directory, got none")
                .contains("missing.ipynb, which does not exist")
                .contains("--timeout expects a number of seconds, 0 or more, got 'soon'")
                .contains("unknown option '--bogus'");
    }

    @Test
    void cellsTimeOutAfterTenMinutesUnlessTimeoutSaysOtherwise() {
        assertThat(RunCommand.timeout(RunCommand.parse("nb.ipynb"))).isEqualTo(java.time.Duration.ofMinutes(10));
        assertThat(RunCommand.timeout(RunCommand.parse("nb.ipynb", "--timeout", "2.5"))).isEqualTo(java.time.Duration.ofMillis(2500));
        assertThat(RunCommand.timeout(RunCommand.parse("nb.ipynb", "--timeout", "0"))).isNull();
        assertThatThrownBy(() -> RunCommand.timeout(RunCommand.parse("nb.ipynb", "--timeout", "-1")))
                .hasMessage("--timeout expects a number of seconds, 0 or more, got '-1'");
    }

    @Test
    void aNotebookThatIsNotOneFailsWithoutOutputs(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("v3.ipynb"), "{\"nbformat\": 3, \"worksheets\": []}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = RunCommand.run(new String[] {dir.resolve("v3.ipynb").toString(), "--output", dir.resolve("o").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("expected a notebook in nbformat 4", "has nbformat 3",
                "1 notebook: 0 ok, 1 failed");
        assertThat(Files.exists(dir.resolve("o/v3.out.ipynb"))).isFalse();
    }
}
