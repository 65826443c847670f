package scratchnet.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import scratchnet.Dsl;
import scratchnet.nn.FitDisplays;
import scratchnet.nn.TrainingListener;
import scratchnet.nn.TrainingState;

/** In a terminal the loss lines and the progress bar share a screen, never a line. */
class TerminalProgressTest {

    /** What a terminal shows for this text: each carriage return starts overwriting its line again. */
    static List<String> screen(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            StringBuilder shown = new StringBuilder();
            int col = 0;
            for (char c : line.toCharArray()) {
                if (c == '\r') {
                    col = 0;
                } else {
                    if (col < shown.length()) {
                        shown.setCharAt(col, c);
                    } else {
                        shown.append(c);
                    }
                    col++;
                }
            }
            lines.add(shown.toString().stripTrailing());
        }
        return lines;
    }

    @Test
    void lossLinesScrollAboveTheBarInsteadOfRunningIntoIt() {
        // stdout and stderr on one terminal
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        PrintStream tty = new PrintStream(terminal, true, StandardCharsets.UTF_8);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(tty);
        System.setErr(tty);
        FitDisplays.setFactory(() -> List.of(new TerminalProgress()));
        try {
            Dsl.seed(0);
            var x = Dsl.arange(0, 1, 0.01);
            var y = x.mul(2 * Math.PI).map(Math::sin).mul(20);
            // slow each update down so that the bar redraws (every 250 ms) many times during the run
            TrainingListener slow = new TrainingListener() {
                @Override
                public void onUpdate(TrainingState s) {
                    try {
                        Thread.sleep(3);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            Dsl.net(1, 25, 1).sigmoid().linear().init(Dsl.uniform())
                    .fit(x, y, Dsl.lr(0.3), Dsl.iters(400), Dsl.printEvery(50), Dsl.callback(slow));
        } finally {
            FitDisplays.setFactory(null);
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String text = terminal.toString(StandardCharsets.UTF_8);
        List<String> shown = screen(text);
        assertThat(text).as("the bar was drawn").contains("fit ");
        assertThat(shown.stream().filter(l -> l.contains("loss") && l.contains("iter")))
                .as("loss lines on screen:\n" + String.join("\n", shown))
                .hasSize(8)
                .allSatisfy(l -> assertThat(l).matches("iter +\\d+  loss \\S+"));
    }
}
