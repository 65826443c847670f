package scratchnet.kernel;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel as Jupyter runs it: installs the kernelspec for {@code target/scratchnet.jar} into a
 * temporary prefix and runs {@code src/test/python/kernel_tests.py} with a Python that has
 * jupyter_client; each test of the script shows as one JUnit test, failing with the script's reason.
 * Runs in {@code ./mvnw verify} (failsafe), after the jar is packaged:
 * <pre>{@code
 * ./mvnw -o verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false   # only the ITs
 * }</pre>
 * Without jupyter_client the tests are skipped, unless {@code SCRATCHNET_REQUIRE_JUPYTER=1}.
 */
class KernelIT {
    /** The whole script may take this long before it is stopped. */
    private static final long SCRIPT_TIMEOUT_S = 600;

    @TestFactory
    Stream<DynamicTest> kernelTests(@TempDir Path tmp) throws Exception {
        String python = JupyterScripts.python("python3-jupyter-client python3-nbclient python3-nbformat",
                "jupyter_client");
        Path jupyterPath = JupyterScripts.installKernel(tmp);
        System.out.println("python: " + python);
        return JupyterScripts.scriptTests(python, "kernel_tests.py", jupyterPath, SCRIPT_TIMEOUT_S);
    }
}
