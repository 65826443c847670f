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
        Path nb = Files.write(dir.resolve("vars.ipynb"), NotebookRunnerTest.notebook(
                "var x = arange(0, 1, 0.01);\nvar model = net(1, 25, 1).sigmoid().linear();\nint n = 3;",
                "%vars"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = RunCommand.run(new String[] {nb.toString()}, print, print);
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();

        JsonNode cell = new ObjectMapper().readTree(dir.resolve("vars.out.ipynb").toFile()).get("cells").get(1);
        StringBuilder stdout = new StringBuilder();
        for (JsonNode o : cell.get("outputs")) {
            if (o.get("output_type").asText().equals("stream") && o.get("name").asText().equals("stdout")) {
                stdout.append(Ipynb.text(o.get("text")));
            }
        }
        assertThat(stdout.toString()).isEqualTo(""
                + "name   type     value\n"
                + "x      Matrix   Matrix 1×100  mean 0.495  std 0.2887  min 0  max 0.99\n"
                + "model  Network  Network 1-25-1 sigmoid, linear (76 parameters)\n"
                + "n      int      3\n");
    }
}
