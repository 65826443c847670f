package scratchnet.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scratchnet.Dsl;
import scratchnet.settings.Settings;

/** Display, handles and the two built-in sinks. */
class DisplayTest {
    private DisplaySink savedSink;
    private String savedMode;
    private PrintStream savedOut;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        savedSink = Display.sink();
        savedMode = System.getProperty(Settings.DISPLAY);
        savedOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        Display.setSink(savedSink);
        if (savedMode == null) {
            System.clearProperty(Settings.DISPLAY);
        } else {
            System.setProperty(Settings.DISPLAY, savedMode);
        }
    }

    @Test
    void displayThenUpdateShareTheId() {
        CapturingSink sink = new CapturingSink();
        Display.setSink(sink);

        DisplayHandle h = Display.display("first");
        h.update("second");
        DisplayHandle other = Dsl.display("third");

        assertThat(sink.sent).extracting(CapturingSink.Sent::type).containsExactly("display", "update", "display");
        assertThat(sink.sent.get(0).id()).isEqualTo(h.id()).isEqualTo(sink.sent.get(1).id()).isNotBlank();
        assertThat(sink.sent.get(1).bundle().text()).isEqualTo("second");
        assertThat(other.id()).isNotEqualTo(h.id());
    }

    @Test
    void resultIsSentAsResultWithoutId() {
        CapturingSink sink = new CapturingSink();
        Display.setSink(sink);

        Display.result(42);

        assertThat(sink.sent).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo("result");
            assertThat(s.id()).isNull();
            assertThat(s.bundle().text()).isEqualTo("42");
        });
    }

    @Test
    void frameModeWritesDecodableFramesToSystemOut() {
        System.setProperty(Settings.DISPLAY, "frames");
        Display.setSink(null);   // choose again from the property

        System.out.print("before\n");
        DisplayHandle h = Display.display("a \"quoted\"\nline");
        h.update("b");
        Display.result("c");
        Dsl.clearOutput();

        String text = out.toString(StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo("before");
        Frames.Frame d = Frames.decode(lines[1] + "\n");
        Frames.Frame u = Frames.decode(lines[2] + "\n");
        Frames.Frame r = Frames.decode(lines[3] + "\n");
        assertThat(d.type()).isEqualTo("display");
        assertThat(d.bundle().text()).isEqualTo("a \"quoted\"\nline");
        assertThat(u.type()).isEqualTo("update");
        assertThat(u.displayId()).isEqualTo(d.displayId()).isEqualTo(h.id());
        assertThat(r.type()).isEqualTo("result");
        Frames.Frame c = Frames.decode(lines[4] + "\n");
        assertThat(c.type()).isEqualTo("clear");
        assertThat(c.displayId()).isNull();
        assertThat(c.bundle().data()).isEmpty();
    }

    @Test
    void plainModePrintsTextAndOnlyChangedUpdates() {
        System.clearProperty(Settings.DISPLAY);
        Display.setSink(null);

        DisplayHandle h = Display.display("step 1");
        h.update("step 1");
        h.update("step 2");
        Display.result(7);
        Display.clearOutput();   // printed text stays: nothing to print

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("step 1\nstep 2\n7\n".replace("\n", System.lineSeparator()));
    }
}
