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

/** Cells that would end a notebook run badly: cut short, or ending the Java process. */
class CellLifecycleRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs one notebook; returns the exit status, with the progress output in {@code progress}. */
    private static int run(Path nb, StringBuilder progress) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = RunCommand.run(new String[] {nb.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        progress.append(out.toString(StandardCharsets.UTF_8));
        return status;
    }

    @Test
    void aCellCutShortFailsTheNotebookAndRunsNothing(@TempDir Path dir) throws Exception {
        Path nb = Files.write(dir.resolve("cut.ipynb"), NotebookRunnerTest.notebook(
                "System.out.println(\"first\");",
                "int x = 5;\nif (x > 3) {\n System.out.println(\"big\");",
                "System.out.println(\"never\");"));
        StringBuilder progress = new StringBuilder();
        int status = run(nb, progress);

        assertThat(status).as(progress.toString()).isEqualTo(1);
        assertThat(progress).contains("[cut] cell 2/3 FAILED", "IncompleteInput",
                "line 3: `System.out.println(\"big\");`", "missing `}`");
        JsonNode cells = JSON.readTree(dir.resolve("cut.out.ipynb").toFile()).get("cells");
        JsonNode outputs = cells.get(1).get("outputs");
        assertThat(outputs).as("only the error: the cell's complete first statement did not run either").hasSize(1);
        assertThat(outputs.get(0).get("output_type").asText()).isEqualTo("error");
        assertThat(outputs.get(0).get("ename").asText()).isEqualTo("IncompleteInput");
        assertThat(cells.get(2).get("outputs")).isEmpty();
    }

    @Test
    void systemExitFailsItsOwnCellAndTheJavaSessionLivesOn(@TempDir Path dir) throws Exception {
        Path nb = Files.write(dir.resolve("exit.ipynb"), NotebookRunnerTest.notebook(
                "int before = 42;",
                "System.exit(0);",
                "System.out.println(before);"));
        StringBuilder progress = new StringBuilder();
        int status = run(nb, progress);

        assertThat(status).as(progress.toString()).isEqualTo(1);
        assertThat(progress).contains("[exit] cell 1/3 ok", "[exit] cell 2/3 FAILED", "SystemExit: System.exit(0) was called");
        JsonNode error = JSON.readTree(dir.resolve("exit.out.ipynb").toFile()).at("/cells/1/outputs/0");
        assertThat(error.get("ename").asText()).isEqualTo("SystemExit");
    }
}
