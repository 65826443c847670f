package scratchnet.kernel;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Widgets through a real client, as ipywidgets 8's front end talks to them: runs
 * {@code src/test/python/widget_tests.py} (a slider's models and view, a drag changing
 * {@code value()} and running {@code onChange}, updates from a cell, {@code request_state}, button
 * clicks, drop-downs, boxes, bad ranges) against the kernelspec for
 * {@code target/scratchnet.jar}; each test of the script shows as one JUnit test.
 * <pre>{@code
 * ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=WidgetsIT
 * }</pre>
 * Without jupyter_client the tests are skipped, unless {@code SCRATCHNET_REQUIRE_JUPYTER=1}.
 */
class WidgetsIT {
    @TestFactory
    Stream<DynamicTest> widgetTests(@TempDir Path tmp) throws Exception {
        return JupyterScripts.scriptTests("widget_tests.py", tmp);
    }
}
