package scratchnet.kernel;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel under floods of output and sudden ends, as Jupyter runs it: runs
 * {@code src/test/python/output_tests.py} (200,000 printed lines in a few dozen stream messages,
 * live output, the per-cell output cap, the cell JVM ending with a kernel killed by SIGTERM or
 * SIGKILL) against the kernelspec for {@code target/scratchnet.jar}; each test of the script
 * shows as one JUnit test.
 * <pre>{@code
 * ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=OutputIT
 * }</pre>
 * Without jupyter_client the tests are skipped, unless {@code SCRATCHNET_REQUIRE_JUPYTER=1}.
 */
class OutputIT {
    @TestFactory
    Stream<DynamicTest> outputTests(@TempDir Path tmp) throws Exception {
        return JupyterScripts.scriptTests("output_tests.py", tmp);
    }
}
