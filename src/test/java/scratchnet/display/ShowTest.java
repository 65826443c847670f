package scratchnet.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scratchnet.Dsl;
import scratchnet.engine.Matrix;

/** show(chart): inline in a notebook; elsewhere a PNG in a folder of this user's own. */
class ShowTest {
    private DisplaySink savedSink;
    private PrintStream savedOut;
    private String savedHeadless;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        savedSink = Display.sink();
        savedOut = System.out;
        savedHeadless = System.getProperty("java.awt.headless");
        System.setProperty("java.awt.headless", "true");
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        scratchnet.plot.Plots.showInline(null);
        scratchnet.nn.FitDisplays.setFactory(null);
        System.clearProperty(scratchnet.settings.Settings.DISPLAY);
        System.setOut(savedOut);
        Display.setSink(savedSink);
        if (savedHeadless == null) {
            System.clearProperty("java.awt.headless");
        } else {
            System.setProperty("java.awt.headless", savedHeadless);
        }
    }

    @Test
    void inANotebookTheChartIsDisplayedInlineAndNoFileIsWritten() {
        Notebook.install();
        Path file = Dsl.show(Dsl.scatter(Matrix.rowVector(1, 2, 3), Matrix.rowVector(3, 1, 2)));
        Path figure = Dsl.line(Matrix.rowVector(1, 2, 3), Matrix.rowVector(3, 1, 2)).show();
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(file).isNull();
        assertThat(figure).isNull();
        assertThat(out).startsWith(Frames.START).contains("\"type\":\"display\"").contains("image/png")
                .doesNotContain("saved plot to");
        assertThat(out.split(java.util.regex.Pattern.quote(Frames.START))).hasSize(3);   // two frames
    }

    @Test
    void headlessOutsideANotebookThePngGoesToAnOwnerOnlyFolder() throws Exception {
        Display.setSink(DisplaySink.plain());
        Path first = Dsl.show(Dsl.scatter(Matrix.rowVector(1, 2, 3), Matrix.rowVector(3, 1, 2)));
        Path second = Dsl.show(Dsl.line(Matrix.rowVector(1, 2, 3), Matrix.rowVector(3, 1, 2)));
        assertThat(first).isRegularFile().hasFileName("plot-1.png");
        assertThat(second.getParent()).isEqualTo(first.getParent());
        assertThat(second.getFileName().toString()).isNotEqualTo("plot-1.png");
        Path dir = first.getParent();
        assertThat(dir.getFileName().toString()).startsWith("scratchnet-plots-").isNotEqualTo("scratchnet-plots");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("saved plot to " + first);
    }
}
