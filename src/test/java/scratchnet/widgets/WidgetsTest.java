package scratchnet.widgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import scratchnet.display.MimeBundle;
import scratchnet.display.Renderers;

/** Widgets in a JVM without a front end (JShell, the tests): values, listeners and checks still work. */
class WidgetsTest {
    @Test
    void valuesAndListenersWorkWithoutAFrontEnd() {
        FloatSlider s = new FloatSlider(0, 1, 0.3);
        List<Double> seen = new ArrayList<>();
        s.onChange(seen::add);
        s.value(0.8);
        assertThat(s.value()).isEqualTo(0.8);
        assertThat(seen).containsExactly(0.8);
        assertThat(s.toString()).isEqualTo("FloatSlider(value=0.8)");
        assertThat(s.layout().reference()).startsWith("IPY_MODEL_");
    }

    @Test
    void aWidgetRendersAsItsViewAndAsText() {
        IntSlider n = new IntSlider(1, 50, 25);
        MimeBundle b = Renderers.render(n);
        assertThat(b.get(Widget.VIEW_MIME)).contains("\"model_id\":\"" + n.id() + "\"").contains("\"version_major\":2");
        assertThat(b.text()).isEqualTo("IntSlider(value=25)");
    }

    @Test
    void dropdownChecksItsLabels() {
        Dropdown d = new Dropdown(List.of("sigmoid", "tanh"));
        assertThat(d.value()).isEqualTo("sigmoid");
        d.value("tanh");
        assertThat(d.value()).isEqualTo("tanh");
        assertThatThrownBy(() -> d.value("relu")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[sigmoid, tanh]").hasMessageContaining("relu");
        assertThatThrownBy(() -> new Dropdown(List.of())).hasMessageContaining("at least one option");
    }

    @Test
    void theDefaultStepKeepsTheValueOnTheSlidersGrid() {
        // ipywidgets moves a value onto min + i·step when it shows the slider
        for (double[] c : new double[][] {{0.05, 1, 0.3}, {0, 1, 0.3}, {0, 1, 0.37}, {-3, 7, 0.25}, {1, 50, 25},
                {0.001, 0.1, 0.013}}) {
            double min = c[0];
            double max = c[1];
            double value = c[2];
            double step = Ranges.defaultStep(min, max, value);
            double i = (value - min) / step;
            assertThat(Math.abs(i - Math.rint(i))).as("(%s − %s)/%s", value, min, step).isLessThan(1e-9);
            assertThat(step).as("step for %s..%s", min, max).isLessThanOrEqualTo((max - min) / 100 * (1 + 1e-12))
                    .isGreaterThanOrEqualTo((max - min) / 1e8);
        }
        assertThat(Ranges.defaultStep(0.05, 1, 0.3)).isEqualTo(0.005);
        assertThat(Ranges.defaultStep(0, 1, 0.3)).isEqualTo(0.01);
        // a value no decimal step reaches: (max − min)/100, as ipywidgets' interact takes
        assertThat(Ranges.defaultStep(0, 1, Math.PI / 10)).isEqualTo(0.01);
        assertThat(new FloatSlider(0.05, 1, 0.3).get("step")).isEqualTo(0.005);
    }

    @Test
    void badRangesSayWhatArrived() {
        assertThatThrownBy(() -> new FloatSlider(1, 0, 0.5)).hasMessageContaining("min < max").hasMessageContaining("1.0");
        assertThatThrownBy(() -> new FloatSlider(0, 1, 2)).hasMessageContaining("between").hasMessageContaining("2.0");
        assertThatThrownBy(() -> new FloatSlider(0, 1, 0.5, 0)).hasMessageContaining("step > 0");
        assertThatThrownBy(() -> new LogSlider(0, 1, 0.1)).hasMessageContaining("> 0");
        assertThatThrownBy(() -> new Play(0, 10).interval(0)).hasMessageContaining("0");
        assertThatThrownBy(() -> new FloatSlider(0, Double.NaN, 0)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new FloatSlider(0, 1, 0.5).onChange(null)).hasMessageContaining("null");
    }

    @Test
    void boxesListTheirChildren() {
        Text l = Text.label("loss");
        Button b = new Button("go");
        Box box = Box.hbox(l, b);
        assertThat(box.children()).containsExactly(l, b);
        assertThat(box.toString()).isEqualTo("HBox(Label(value=loss), Button(\"go\"))");
        assertThatThrownBy(() -> Box.vbox(l, null)).hasMessageContaining("null");
    }

    @Test
    void outputCollectsDisplaysAndTextOfTheCapturingThreadOnly() throws Exception {
        Output out = new Output();
        out.capture(() -> scratchnet.display.Display.display("shown inside"));
        assertThat(out.size()).isEqualTo(1);
        Thread other = new Thread(() -> scratchnet.display.Display.display("elsewhere"));
        out.capture(() -> {
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(out.size()).as("another thread's display is not captured").isEqualTo(1);
        out.println("a").println("b");
        assertThat(out.size()).as("consecutive text is one output").isEqualTo(2);
        assertThat(out.toString()).isEqualTo("Output(2 outputs)");
        out.clear();
        assertThat(out.size()).isZero();
    }

    @Test
    void linkedControlsFollowEachOther() {
        Play frame = new Play(0, 299);
        IntSlider where = new IntSlider(0, 299, 7);
        Link.link(frame, where);
        assertThat(where.value()).as("b takes a's value").isZero();
        frame.value(42);
        assertThat(where.value()).isEqualTo(42);
        where.value(5);
        assertThat(frame.value()).isEqualTo(5);
        assertThatThrownBy(() -> Link.link(frame, frame)).hasMessageContaining("two different controls");
    }

    @Test
    void aLogSlidersValueIsOneOfItsStops() {
        LogSlider lr = new LogSlider(1e-4, 1, 0.03);
        assertThat(lr.value()).isEqualTo(0.03);
        double stops = (Math.log10(0.03) - Math.log10(1e-4)) / lr.step();
        assertThat(Math.abs(stops - Math.rint(stops))).as("%s stops of %s", stops, lr.step()).isLessThan(1e-9);
        assertThat(lr.step()).isBetween(0.08, 0.12);
    }
}
