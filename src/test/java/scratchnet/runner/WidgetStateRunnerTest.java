package scratchnet.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Widgets in the headless runner: shown as their view (with a text line), their last state in the notebook's metadata. */
class WidgetStateRunnerTest {
    @Test
    void widgetsAreSavedWithTheirLastState(@TempDir Path dir) throws Exception {
        Path nb = Files.write(dir.resolve("w.ipynb"), NotebookRunnerTest.notebook(
                "var lr = slider(0, 1, 0.3).description(\"lr\");\nlr",
                "lr.value(0.6);\nvar gone = checkbox(true);\ngone.close();"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(RunCommand.run(new String[] {nb.toString()}, print, print)).as(out.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode ran = new ObjectMapper().readTree(dir.resolve("w.out.ipynb").toFile());
        JsonNode shown = ran.get("cells").get(0).get("outputs").get(0).get("data");
        String id = shown.get("application/vnd.jupyter.widget-view+json").get("model_id").asText();
        assertThat(Ipynb.text(shown.get("text/plain"))).isEqualTo("FloatSlider(lr=0.3)");
        JsonNode saved = ran.get("metadata").get("widgets").get(WidgetStates.MIME);
        assertThat(saved.get("version_major").asInt()).isEqualTo(2);
        JsonNode slider = saved.get("state").get(id);
        assertThat(slider.get("model_name").asText()).isEqualTo("FloatSliderModel");
        assertThat(slider.get("model_module_version").asText()).isEqualTo("2.0.0");
        assertThat(slider.get("state").get("value").asDouble()).as("the value after the last cell").isEqualTo(0.6);
        assertThat(slider.get("state").get("description").asText()).isEqualTo("lr");
        String layout = slider.get("state").get("layout").asText().substring("IPY_MODEL_".length());
        assertThat(saved.get("state").has(layout)).as("the slider's layout is saved too").isTrue();
        for (JsonNode model : saved.get("state")) {
            assertThat(model.get("model_name").asText()).as("closed widgets are not saved").isNotEqualTo("CheckboxModel");
        }
        // the page draws the slider with ipywidgets' renderer, which the build put in the jar
        assertThat(WidgetEmbed.available()).as("the build downloads @jupyter-widgets/html-manager from the npm registry "
                + "into " + WidgetEmbed.RENDERER + "; without it the HTML shows widgets as text").isTrue();
        String html = Files.readString(dir.resolve("w.html"));
        assertThat(html).contains("<script type=\"application/vnd.jupyter.widget-state+json\">")
                .contains("<script type=\"application/vnd.jupyter.widget-view+json\">{\"model_id\":\"" + id + "\"")
                .contains("<script src=\"data:text/javascript;base64,")
                .doesNotContain("FloatSlider(lr=0.3)");
    }
}
