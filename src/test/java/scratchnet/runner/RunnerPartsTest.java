package scratchnet.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scratchnet.display.Frames;
import scratchnet.display.MimeBundle;
import scratchnet.exec.CellException;

/** The runner's pieces without a cell JVM: reading notebooks, collecting outputs, writing JSON and HTML. */
class RunnerPartsTest {

    @Test
    void readsSourceAsStringOrLinesAndSaysWhatIsWrong(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("n.ipynb");
        Files.writeString(f, "{\"nbformat\": 4, \"nbformat_minor\": 2, \"metadata\": {}, \"cells\": ["
                + "{\"cell_type\": \"code\", \"source\": [\"a\\n\", \"b\"], \"metadata\": {}},"
                + "{\"cell_type\": \"markdown\", \"source\": \"# t\"}]}");
        ObjectNode nb = Ipynb.read(f);
        assertThat(Ipynb.text(nb.at("/cells/0/source"))).isEqualTo("a\nb");
        assertThat(Ipynb.text(nb.at("/cells/1/source"))).isEqualTo("# t");

        ObjectNode out = Ipynb.prepare(nb);
        assertThat(out.get("nbformat_minor").asInt()).isEqualTo(5);
        assertThat(out.at("/cells/0/id").asText()).matches("[0-9a-f]{8}");
        assertThat(out.at("/cells/1/metadata").isObject()).isTrue();
        assertThat(out.at("/cells/0/outputs").isArray()).isTrue();
        assertThat(out.at("/metadata/kernelspec/name").asText()).isEqualTo("scratchnet");
        assertThat(nb.at("/cells/0/id").isMissingNode()).as("the source tree is not changed").isTrue();

        Files.writeString(f, "{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": 42}]}");
        assertThatThrownBy(() -> Ipynb.read(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("n.ipynb, cell 1: expected \"source\" to be a string or a list of strings, got number 42");
        Files.writeString(f, "{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"pic\", \"source\": \"\"}]}");
        assertThatThrownBy(() -> Ipynb.read(f)).hasMessageContaining("expected cell_type \"code\", \"markdown\" or \"raw\", got \"pic\"");
        Files.writeString(f, "{\"cells\": ");
        assertThatThrownBy(() -> Ipynb.read(f)).hasMessageContaining("is not valid JSON");
    }

    @Test
    void writesJsonAsJupyterDoes() throws Exception {
        ObjectNode nb = Ipynb.JSON.createObjectNode();
        nb.put("nbformat_minor", 5);
        nb.put("nbformat", 4);
        nb.putObject("metadata");
        ObjectNode cell = nb.putArray("cells").addObject();
        cell.put("source", "a\nb\n");
        cell.put("cell_type", "code");
        cell.putArray("outputs");
        String json = new String(Ipynb.bytes(nb), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"outputs\": [],\n"
                + "   \"source\": [\n    \"a\\n\",\n    \"b\\n\"\n   ]\n  }\n ],\n \"metadata\": {},\n"
                + " \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n");
    }

    @Test
    void collectsOutputsAsJupyterStoresThem() {
        OutputCollector c = new OutputCollector();
        ArrayNode first = Ipynb.JSON.createArrayNode();
        c.start(first, 1);
        c.text(false, "a");
        c.text(false, "b\n");
        c.text(true, "warn\n");
        c.text(false, "c\n");
        c.frame(new Frames.Frame(Frames.DISPLAY, MimeBundle.ofText("v1").meta("text/plain", "k", 1), "d1"));
        c.frame(new Frames.Frame(Frames.UPDATE, MimeBundle.ofText("ignored"), "nobody"));
        c.frame(new Frames.Frame(Frames.RESULT, new MimeBundle().put("application/json", "{\"x\": 1}").put("text/plain", "r"), null));
        c.end();
        c.text(false, "between cells: dropped\n");

        ArrayNode second = Ipynb.JSON.createArrayNode();
        c.start(second, 2);
        c.frame(new Frames.Frame(Frames.UPDATE, MimeBundle.ofText("v2"), "d1"));
        c.error(new CellException("Boom", "it broke", List.of("\u001b[31;1mBoom\u001b[0m: it broke")));
        c.end();

        assertThat(first).hasSize(5);
        assertThat(first.get(0).get("text").asText()).isEqualTo("ab\n");
        assertThat(first.get(1).get("name").asText()).isEqualTo("stderr");
        assertThat(first.get(2).get("text").asText()).isEqualTo("c\n");
        JsonNode display = first.get(3);
        assertThat(display.get("output_type").asText()).isEqualTo("display_data");
        assertThat(display.at("/data/text~1plain").asText()).as("updated from the next cell").isEqualTo("v2");
        assertThat(display.get("metadata").size()).isZero();
        JsonNode result = first.get(4);
        assertThat(result.get("execution_count").asInt()).isEqualTo(1);
        assertThat(result.at("/data/application~1json/x").asInt()).as("JSON stays JSON").isEqualTo(1);

        assertThat(second).hasSize(1);
        assertThat(second.get(0).get("ename").asText()).isEqualTo("Boom");
        assertThat(second.get(0).get("evalue").asText()).isEqualTo("it broke");
        assertThat(second.get(0).get("traceback").get(0).asText()).startsWith("\u001b[31;1m");
    }

    @Test
    void clearRemovesTheCellsOutputsSoFar() {
        OutputCollector c = new OutputCollector();
        ArrayNode outputs = Ipynb.JSON.createArrayNode();
        c.start(outputs, 1);
        c.text(false, "epoch 1\n");
        c.frame(new Frames.Frame(Frames.DISPLAY, MimeBundle.ofText("chart 1"), "d1"));
        c.text(false, "half a line");
        c.frame(new Frames.Frame(Frames.CLEAR, new MimeBundle(), null));
        c.text(false, "epoch 2\n");
        c.frame(new Frames.Frame(Frames.UPDATE, MimeBundle.ofText("cleared away"), "d1"));
        c.end();

        assertThat(outputs).hasSize(1);
        assertThat(outputs.get(0).get("output_type").asText()).isEqualTo("stream");
        assertThat(outputs.get(0).get("text").asText()).isEqualTo("epoch 2\n");
    }

    @Test
    void htmlShowsTerminalTextAsATerminalWould() {
        assertThat(HtmlExport.stripAnsi("\u001b[31;1mred\u001b[0m and \u001b]scratchnet;{}\u0007plain")).isEqualTo("red and plain");
        assertThat(HtmlExport.terminalText("10%\r50%\r100%\ndone\r\n")).isEqualTo("100%\ndone\n");
        assertThat(HtmlExport.escape("<a href=\"x\">&'")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");

        ObjectNode att = Ipynb.JSON.createObjectNode();
        att.putObject("p.png").put("image/png", "AAAA\n");
        assertThat(HtmlExport.markdown("![plot](attachment:p.png)", att)).contains("src=\"data:image/png;base64,AAAA\"");

        ObjectNode nb = Ipynb.JSON.createObjectNode();
        ArrayNode cells = nb.putArray("cells");
        cells.addObject().put("cell_type", "markdown").put("source", "text, no heading");
        cells.addObject().put("cell_type", "markdown").set("source", Ipynb.lines("intro\n\n## The `fit` loop\n# later"));
        assertThat(HtmlExport.title(nb)).isEqualTo("The fit loop");
        assertThat(HtmlExport.render(Ipynb.JSON.createObjectNode().putArray("cells").addObject().put("cell_type", "raw")
                .put("source", "x"), "fallback")).contains("<title>fallback</title>");
    }
}
