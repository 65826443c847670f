package scratchnet.display;

import static org.assertj.core.api.Assertions.assertThat;
import static scratchnet.Dsl.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scratchnet.engine.Matrix;
import scratchnet.nn.FitDisplays;
import scratchnet.nn.History;
import scratchnet.nn.Network;
import scratchnet.nn.TrainingListener;
import scratchnet.settings.Settings;

/** The live training display, installed the way the kernel installs it. */
class NotebookProgressTest {
    private DisplaySink savedSink;
    private String savedMode;
    private Supplier<List<TrainingListener>> savedFactory;
    private PrintStream savedOut;
    private PrintStream savedErr;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CapturingSink sink = new CapturingSink();

    @BeforeEach
    void capture() {
        savedSink = Display.sink();
        savedMode = System.getProperty(Settings.DISPLAY);
        savedFactory = FitDisplays.factory();
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        Display.setSink(savedSink);
        FitDisplays.setFactory(savedFactory);
        if (savedMode == null) {
            System.clearProperty(Settings.DISPLAY);
        } else {
            System.setProperty(Settings.DISPLAY, savedMode);
        }
    }

    private static Network sineModel() {
        seed(0);
        return net(1, 25, 1).sigmoid().linear().init(uniform());
    }

    private static Matrix x() {
        return arange(0, 1, 0.01);
    }

    private static Matrix y() {
        return x().mul(2 * Math.PI).map(Math::sin).mul(20);
    }

    @Test
    void installedNotebookShowsLiveProgressForEveryFit() {
        Notebook.install();
        assertThat(System.getProperty(Settings.DISPLAY)).isEqualTo("frames");
        assertThat(Display.sink()).isInstanceOf(FrameSink.class);
        Display.setSink(sink);

        History h = sineModel().fit(x(), y(), lr(0.3), iters(4000));

        assertThat(sink.count("display")).isEqualTo(2);               // the bar and the chart
        assertThat(sink.count("update")).isBetween(2L, 100L);         // throttled; the final pair at least
        assertThat(sink.count("result")).isZero();
        String barId = sink.ofType("display").get(0).id();
        String chartId = sink.ofType("display").get(1).id();
        List<CapturingSink.Sent> updates = sink.ofType("update");
        assertThat(updates).extracting(CapturingSink.Sent::id).containsOnly(barId, chartId);
        CapturingSink.Sent lastBar = updates.stream().filter(s -> s.id().equals(barId)).reduce((a, b) -> b).orElseThrow();
        assertThat(lastBar.bundle().text()).startsWith("iter 4000/4000 · loss ").endsWith("· done");
        assertThat(lastBar.bundle().get("text/html")).contains("<progress value=\"4000\" max=\"4000\"");
        CapturingSink.Sent lastChart = updates.stream().filter(s -> s.id().equals(chartId)).reduce((a, b) -> b).orElseThrow();
        assertThat(lastChart.bundle().has("image/png")).isTrue();

        // the loss lines still print, exactly as without the notebook
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).startsWith("iter    0  loss 260.181").contains("iter 3900  loss ");
        assertThat(printed.lines()).hasSize(40);
        assertThat(h.size()).isEqualTo(40);
    }

    @Test
    void quietFitsAndFitsWithoutFactoryShowNothing() {
        Notebook.install();
        Display.setSink(sink);
        sineModel().fit(x(), y(), lr(0.3), iters(200), quiet());
        assertThat(sink.sent).isEmpty();

        FitDisplays.setFactory(null);
        sineModel().fit(x(), y(), lr(0.3), iters(200));
        assertThat(sink.sent).isEmpty();
    }

    @Test
    void everyFitGetsFreshListenersAndUserCallbacksStillRun() {
        Notebook.install();
        Display.setSink(sink);
        int[] userSteps = {0};
        TrainingListener counter = new TrainingListener() {
            @Override
            public void onStep(scratchnet.nn.TrainingState s) {
                userSteps[0]++;
            }
        };
        Network model = sineModel();
        model.fit(x(), y(), lr(0.3), iters(300), callback(counter));
        model.fit(x(), y(), lr(0.3), iters(300), callback(counter));

        assertThat(userSteps[0]).isEqualTo(600);
        assertThat(sink.count("display")).isEqualTo(4);   // 2 per fit, not accumulating
    }

    @Test
    void unthrottledProgressUpdatesEveryStepWithBarAndChart() {
        Display.setSink(sink);
        NotebookProgress p = new NotebookProgress(0, 0);

        sineModel().fit(x(), y(), lr(0.3), iters(5), printEvery(1), quiet(), callback(p));

        // 2 displays, then per step a bar update and (a new loss each step) a chart update, then the final pair
        assertThat(sink.count("display")).isEqualTo(2);
        assertThat(sink.count("update")).isEqualTo(5 * 2 + 2);
        assertThat(sink.ofType("update").get(0).bundle().text()).startsWith("iter 1/5 · loss 260.181 · ");
    }

    @Test
    void terminalProgressDrawsOnStandardErrorAndCloses() {
        TerminalProgress p = new TerminalProgress();

        sineModel().fit(x(), y(), lr(0.3), iters(300), callback(p));

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("fit", "300/300");
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("iter    0  loss 260.181");
    }
}
