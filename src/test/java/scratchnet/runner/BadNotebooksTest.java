package scratchnet.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A notebook the runner cannot read fails alone, with a summary, and never aborts the batch. */
class BadNotebooksTest {
    @TempDir
    Path dir;

    /** A code cell whose source is nested 1,500 lists deep: past the JSON reader's nesting limit. */
    private static String deeplyNested() {
        return "{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"execution_count\": null,"
                + " \"source\": " + "[".repeat(1500) + "]".repeat(1500) + "}],"
                + " \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
    }

    @Test
    void aNotebookNestedTooDeeplyIsAReadErrorNotANullPointer() throws Exception {
        Path deep = Files.writeString(dir.resolve("deep.ipynb"), deeplyNested());
        var e = org.assertj.core.api.Assertions.catchThrowable(() -> Ipynb.read(deep));
        assertThat(e).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("deep.ipynb")
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("nesting");
    }

    @Test
    void eachBadNotebookFailsAloneAndTheSummaryListsThemAll() throws Exception {
        Files.writeString(dir.resolve("a-deep.ipynb"), deeplyNested());
        Files.writeString(dir.resolve("b-not-json.ipynb"), "{\"cells\": [");
        Files.writeString(dir.resolve("c-empty.ipynb"), "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = RunCommand.run(new String[] {dir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed + err).isEqualTo(1);
        assertThat(printed).contains("a-deep").contains("b-not-json").contains("c-empty")
                .doesNotContain("NullPointerException");
    }
}
