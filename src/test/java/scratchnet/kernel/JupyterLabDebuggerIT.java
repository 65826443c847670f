package scratchnet.kernel;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * JupyterLab 4 itself debugging a scratchnet notebook in headless Chromium, as a learner would:
 * the bug icon switches the debugger on, a click in the gutter of a training loop's backward line
 * sets a breakpoint, the loop stops there with {@code i} and {@code cache} in the Variables panel,
 * Step In enters {@code Network.backward}, Step Out and Next reach the update line with {@code grads}
 * in Variables, Continue goes to the next iteration and to the end.
 * <pre>{@code
 * ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=JupyterLabDebuggerIT
 * }</pre>
 * JupyterLab's front end is assembled from its npm packages in {@code src/test/jlab} and served by
 * {@code src/test/jlab/main.py} on jupyter_server and jupyterlab_server (see {@link JupyterLabScripts}
 * for the build and when the test is skipped). Each step of {@code src/test/jlab/debugger.mjs} is one
 * JUnit test; the screenshots go to {@code target/jupyterlab}.
 */
class JupyterLabDebuggerIT {
    @TestFactory
    Stream<DynamicTest> jupyterLabDebugsATrainingLoop(@TempDir Path tmp) throws Exception {
        return JupyterLabScripts.run("debugger.mjs", tmp, "jupyterlab",
                List.of("stopped-in-loop", "stopped-in-loop-sidebar", "stepped-into-backward", "after-backward")).stream();
    }
}
