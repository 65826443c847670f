package scratchnet.kernel;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * scratchnet's Jupyter widgets in JupyterLab 4 with ipywidgets' widget manager, in headless
 * Chromium, as a learner uses them: an {@code interact} cell shows a real ipywidgets slider for the
 * learning rate above a chart of the fit; clicks on the slider's track and a drag of its handle
 * redraw the chart in place; a button's click runs its callback, which changes a label on the page;
 * the browser console shows no error from the widget manager. The script prints the time from a
 * slider change to the redrawn chart ({@code LATENCY slider→chart: median …}, with the CPU).
 * <pre>{@code
 * ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=JupyterLabWidgetsIT
 * }</pre>
 * Each step of {@code src/test/jlab/widgets.mjs} is one JUnit test; the screenshots go to
 * {@code target/jupyterlab-widgets}; the build and when the test is skipped: {@link JupyterLabScripts}.
 */
class JupyterLabWidgetsIT {
    @TestFactory
    Stream<DynamicTest> widgetsWorkInJupyterLab(@TempDir Path tmp) throws Exception {
        return JupyterLabScripts.run("widgets.mjs", tmp, "jupyterlab-widgets",
                List.of("interact", "after-clicks", "after-drag", "button", "notebook")).stream();
    }
}
