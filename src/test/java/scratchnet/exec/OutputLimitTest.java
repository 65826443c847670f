package scratchnet.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import scratchnet.display.Frames;
import scratchnet.display.MimeBundle;

/** OutputLimit: text up to the cap in UTF-8 bytes, one notice, nothing more; frames always; a fresh budget per cell. */
class OutputLimitTest {
    /** What reached the sink: "out:" or "err:" before each text, "frame:" before each frame type. */
    private final List<String> got = new ArrayList<>();
    private final CellOutput sink = new CellOutput() {
        @Override
        public void text(boolean stderr, String text) {
            got.add((stderr ? "err:" : "out:") + text);
        }

        @Override
        public void frame(Frames.Frame frame) {
            got.add("frame:" + frame.type());
        }
    };

    @Test
    void textPassesUpToTheCapThenOneNoticeAndNothingMore() {
        OutputLimit limit = new OutputLimit(sink, 10);
        limit.cellStarted();
        limit.text(false, "abcd\n");
        limit.text(true, "efg\n");
        limit.text(false, "hijk\n");
        limit.text(false, "more\n");
        limit.text(true, "and more\n");
        assertThat(got).containsExactly("out:abcd\n", "err:efg\n", "out:h", "err:" + limit.notice());
        assertThat(limit.notice()).contains("output cut after 0.00001 MB; the cell is still running",
                "SCRATCHNET_CELL_OUTPUT_MB");
        assertThat(limit.cut()).isTrue();
    }

    @Test
    void framesPassAfterTheCutAndTheNextCellStartsAfresh() {
        OutputLimit limit = new OutputLimit(sink, 3);
        limit.cellStarted();
        limit.text(false, "12345");
        limit.frame(new Frames.Frame(Frames.DISPLAY, MimeBundle.ofText("x"), null));
        limit.cellStarted();
        limit.text(false, "abc");
        assertThat(got).containsExactly("out:123", "err:" + limit.notice(), "frame:" + Frames.DISPLAY, "out:abc");
        assertThat(limit.cut()).isFalse();
    }

    @Test
    void bytesAreCountedInUtf8AndCharactersAreNeverSplit() {
        // a: 1 byte, é: 2, €: 3, 😀 (a surrogate pair): 4
        assertThat(OutputLimit.utf8Length("aé€😀")).isEqualTo(10);
        assertThat(OutputLimit.charsWithin("aé€😀", 5)).isEqualTo(2);      // "aé"; € would make 6
        assertThat(OutputLimit.charsWithin("aé€😀", 9)).isEqualTo(3);      // the pair needs 4 more
        assertThat(OutputLimit.charsWithin("aé€😀", 10)).isEqualTo(5);
        OutputLimit limit = new OutputLimit(sink, 6);
        limit.cellStarted();
        limit.text(false, "é€😀");
        assertThat(got.get(0)).isEqualTo("out:é€");
    }
}
