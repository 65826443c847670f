package scratchnet.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The frame wire format: one line, markers once, JSON round-trips any text. */
class FramesTest {

    @Test
    void roundTripKeepsTypeIdDataAndMetadata() {
        String tricky = "say \"hi\"\nback\\slash\ttab é × 🚀 \u001b]scratchnet; and \u0007 bell";
        MimeBundle b = new MimeBundle()
                .put("text/plain", tricky)
                .put("text/html", "<b>\"q\" & 'a'</b>")
                .put("image/png", "iVBORw0KGgo=")
                .meta("image/png", "width", 600)
                .meta("image/png", "height", 400);

        String frame = Frames.encode(Frames.DISPLAY, b, "id-1");
        Frames.Frame f = Frames.decode(frame.substring(Frames.START.length(), frame.length() - Frames.END.length()));

        assertThat(f.type()).isEqualTo("display");
        assertThat(f.displayId()).isEqualTo("id-1");
        assertThat(f.bundle().data()).containsExactlyEntriesOf(b.data());
        assertThat(f.bundle().metadata()).isEqualTo(Map.of("image/png", Map.of("width", 600, "height", 400)));
        assertThat(f.bundle()).isEqualTo(b);
        assertThat(f.bundle().data().keySet()).containsExactly("text/plain", "text/html", "image/png");
    }

    @Test
    void frameIsOneAsciiLineWithEachMarkerOnce() {
        String frame = Frames.encode(Frames.UPDATE,
                MimeBundle.ofText("a\nb \u001b]scratchnet; \u0007\n é"), "x");

        assertThat(frame).startsWith(Frames.START).endsWith(Frames.END);
        assertThat(occurrences(frame, Frames.START)).isEqualTo(1);
        assertThat(occurrences(frame, Frames.END)).isEqualTo(1);
        assertThat(occurrences(frame, "\u0007")).isEqualTo(1);
        assertThat(occurrences(frame, "\u001b")).isEqualTo(1);
        assertThat(frame.indexOf('\n')).isEqualTo(frame.length() - 1);
        assertThat(frame.chars().allMatch(c -> c < 128)).isTrue();
    }

    @Test
    void jsonHasTheDocumentedShape() {
        String json = Frames.json(Frames.DISPLAY, MimeBundle.ofText("hi").meta("text/plain", "k", true), "d1");
        assertThat(json).isEqualTo(
                "{\"type\":\"display\",\"display_id\":\"d1\",\"data\":{\"text/plain\":\"hi\"},\"metadata\":{\"text/plain\":{\"k\":true}}}");
    }

    @Test
    void resultHasNoDisplayId() {
        String frame = Frames.encode(Frames.RESULT, MimeBundle.ofText("42"), null);
        assertThat(frame).doesNotContain("display_id");
        Frames.Frame f = Frames.decode(frame);   // the whole frame is accepted too
        assertThat(f.type()).isEqualTo("result");
        assertThat(f.displayId()).isNull();
        assertThat(f.bundle().text()).isEqualTo("42");
    }

    @Test
    void badInputSaysWhatWasExpectedAndWhatArrived() {
        assertThatThrownBy(() -> Frames.decode("not json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a JSON object").hasMessageContaining("not json");
        assertThatThrownBy(() -> Frames.decode("{\"type\":\"shout\",\"data\":{}}"))
                .hasMessageContaining("\"display\", \"update\", \"result\", \"clear\", \"sync\" or \"comm\"").hasMessageContaining("shout");
        assertThatThrownBy(() -> Frames.decode("{\"type\":\"display\"}"))
                .hasMessageContaining("\"data\"").hasMessageContaining("none");
        assertThatThrownBy(() -> Frames.encode("show", MimeBundle.ofText("x"), null))
                .hasMessageContaining("\"show\"");
        assertThatThrownBy(() -> new MimeBundle().put("html", "x"))
                .hasMessageContaining("MIME type").hasMessageContaining("\"html\"");
    }

    private static int occurrences(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
