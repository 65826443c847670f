package scratchnet.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code %vars} in the headless runner: the table of variables is the cell's stdout. */
class VarsMagicRunnerTest {
    @Test
    void varsCellPrintsTheMatrixNetworkAndInt(@TempDir Path dir) throws Exception {
        String[] stdout = run(dir, "var x = arange(0, 1, 0.01);\nvar model = net(1, 25, 1).sigmoid().linear();\nint n = 3;",
                "%vars", "String[] words = {\"a\", \"b\"};\n%vars");
        assertThat(stdout[1]).isEqualTo(""
                + "name   type     value\n"
                + "x      Matrix   Matrix 1×100  mean 0.495  std 0.2887  min 0  max 0.99\n"
                + "model  Network  Network 1-25-1 sigmoid, linear (76 parameters)\n"
                + "n      int      3\n");
        assertThat(stdout[2]).endsWith("words  String[]  [a, b]\n");
    }

    @Test
    void aLoneArrayVariableIsOneValue(@TempDir Path dir) throws Exception {
        String[] stdout = run(dir, "String[] words = {\"a\", \"b\"};", "%vars");
        assertThat(stdout[1]).isEqualTo("name   type      value\nwords  String[]  [a, b]\n");
    }

    @Test
    void variablesNamedLikeThePackagesTheKernelCallsDoNotHideTheTableOrTheResult(@TempDir Path dir) throws Exception {
        // the kernel's own statements name scratchnet.…, java.lang.… and Object: variables of those names must not change them
        JsonNode[] outputs = runOutputs(dir, "var scratchnet = 1;\nvar java = \"j\";\nvar Object = 2.5;\nvar Thread = 4;",
                "%vars", "scratchnet + 1");
        assertThat(stdout(outputs[1])).isEqualTo(""
                + "name        type    value\n"
                + "scratchnet  int     1\n"
                + "java        String  j\n"
                + "Object      double  2.5\n"
                + "Thread      int     4\n");
        assertThat(outputs[2]).hasSize(1);
        assertThat(outputs[2].get(0).get("output_type").asText()).isEqualTo("execute_result");
        assertThat(Ipynb.text(outputs[2].get(0).get("data").get("text/plain"))).isEqualTo("2");
    }

    /** Runs a notebook of these cells; returns each cell's stdout. */
    private static String[] run(Path dir, String... cells) throws Exception {
        JsonNode[] outputs = runOutputs(dir, cells);
        String[] stdout = new String[cells.length];
        for (int c = 0; c < cells.length; c++) {
            stdout[c] = stdout(outputs[c]);
        }
        return stdout;
    }

    /** The text a cell's outputs wrote to stdout. */
    private static String stdout(JsonNode outputs) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode o : outputs) {
            if (o.get("output_type").asText().equals("stream") && o.get("name").asText().equals("stdout")) {
                sb.append(Ipynb.text(o.get("text")));
            }
        }
        return sb.toString();
    }

    /** Runs a notebook of these cells; returns each cell's outputs. */
    private static JsonNode[] runOutputs(Path dir, String... cells) throws Exception {
        Path nb = Files.write(dir.resolve("vars.ipynb"), NotebookRunnerTest.notebook(cells));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = RunCommand.run(new String[] {nb.toString()}, print, print);
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode ran = new ObjectMapper().readTree(dir.resolve("vars.out.ipynb").toFile()).get("cells");
        JsonNode[] outputs = new JsonNode[cells.length];
        for (int c = 0; c < cells.length; c++) {
            outputs[c] = ran.get(c).get("outputs");
        }
        return outputs;
    }
}
