package scratchnet.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** StreamBuffer: few messages for many writes, live within its interval, order kept across the two streams. */
class StreamBufferTest {
    /** The published messages: "out:" or "err:" before each text. */
    private final List<String> sent = new ArrayList<>();
    private final StreamBuffer buffer = new StreamBuffer((stderr, text) -> {
        synchronized (sent) {
            sent.add((stderr ? "err:" : "out:") + text);
        }
    });

    private List<String> sent() {
        synchronized (sent) {
            return new ArrayList<>(sent);
        }
    }

    @Test
    void manyWritesBecomeOneMessage() {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            buffer.text(false, "line " + i + "\n");
            all.append("line ").append(i).append('\n');
        }
        buffer.flush();
        // a slow machine may see the timer's flush in between, no more
        assertThat(sent().size()).isBetween(1, 3);
        assertThat(String.join("", sent())).isEqualTo("out:" + all);
    }

    @Test
    void textIsPublishedWithinTheIntervalWithoutAFlush() throws InterruptedException {
        buffer.text(false, "tick\n");
        assertThat(sent()).isEmpty();
        long end = System.nanoTime() + 2_000_000_000L;
        while (sent().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(sent()).containsExactly("out:tick\n");
    }

    @Test
    void theOrderBetweenStdoutAndStderrIsKept() {
        buffer.text(false, "a");
        buffer.text(false, "b");
        buffer.text(true, "E");
        buffer.text(false, "c");
        buffer.flush();
        assertThat(sent()).containsExactly("out:ab", "err:E", "out:c");
    }

    @Test
    void manySwitchesBetweenTheStreamsStillMakeBoundedMessages() {
        for (int i = 0; i < 1000; i++) {
            buffer.text(i % 2 == 1, i + ",");
        }
        buffer.flush();
        List<String> got = sent();
        assertThat(got.size()).isLessThanOrEqualTo(2 * StreamBuffer.MAX_RUNS);
        // each stream's own text stays in order
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        StringBuilder wantOut = new StringBuilder();
        StringBuilder wantErr = new StringBuilder();
        for (String m : got) {
            (m.startsWith("err:") ? err : out).append(m.substring(4));
        }
        for (int i = 0; i < 1000; i++) {
            (i % 2 == 1 ? wantErr : wantOut).append(i).append(',');
        }
        assertThat(out.toString()).isEqualTo(wantOut.toString());
        assertThat(err.toString()).isEqualTo(wantErr.toString());
    }
}
