package scratchnet.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import scratchnet.display.Frames;
import scratchnet.display.MimeBundle;

/** After an interrupt, a flood of text is cut to its last lines with a note; without one, text passes as it comes. */
class InterruptBacklogTest {
    private final List<String> seen = new ArrayList<>();
    private final InterruptBacklog backlog = new InterruptBacklog(new CellOutput() {
        @Override
        public void text(boolean stderr, String text) {
            seen.add((stderr ? "err:" : "out:") + text);
        }

        @Override
        public void frame(Frames.Frame frame) {
            seen.add("frame:" + frame.type());
        }
    });

    @Test
    void textPassesAtOnceWithoutAnInterrupt() {
        backlog.text(false, "a\n");
        backlog.text(true, "b\n");
        assertThat(seen).containsExactly("out:a\n", "err:b\n");
        backlog.release();
        assertThat(seen).hasSize(2);
    }

    @Test
    void aFloodAfterTheInterruptIsCutToItsLastLines() {
        backlog.text(false, "before\n");
        backlog.hold();
        for (int i = 0; i < 100_000; i++) {
            backlog.text(false, i + "\n");
        }
        assertThat(seen).containsExactly("out:before\n");
        backlog.release();
        assertThat(seen).hasSize(3);
        String note = seen.get(1);
        String tail = seen.get(2);
        assertThat(tail).startsWith("out:").endsWith("\n99998\n99999\n");
        int shown = (int) tail.lines().count();
        assertThat(tail.length()).isBetween(InterruptBacklog.TAIL_CHARS, 2 * InterruptBacklog.TAIL_CHARS + 10);
        // every line is either shown or counted as skipped
        assertThat(note).isEqualTo("err:[scratchnet: " + (100_000 - shown) + " lines the cell printed before the"
                + " interrupt took effect were skipped; the last ones follow]\n");
        // released: text passes at once again
        backlog.text(false, "next\n");
        assertThat(seen.get(3)).isEqualTo("out:next\n");
    }

    @Test
    void aFewLinesAfterTheInterruptComeWithoutANoteAndBeforeAFrame() {
        backlog.hold();
        backlog.text(false, "interrupted at iteration 12\n");
        backlog.frame(new Frames.Frame("update", new MimeBundle(), "d1"));
        backlog.release();
        assertThat(seen).containsExactly("out:interrupted at iteration 12\n", "frame:update");
    }
}
