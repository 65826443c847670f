package scratchnet.kernel;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jupyter comms through a real client: runs {@code src/test/python/comm_tests.py} (a comm opened by
 * a cell, messages and binary buffers both ways, targets registered in a cell, refused targets,
 * failing callbacks, comms closed with the cell JVM) against the kernelspec for
 * {@code target/scratchnet.jar}; each test of the script shows as one JUnit test.
 * <pre>{@code
 * ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CommsIT
 * }</pre>
 * Without jupyter_client the tests are skipped, unless {@code SCRATCHNET_REQUIRE_JUPYTER=1}.
 */
class CommsIT {
    @TestFactory
    Stream<DynamicTest> commTests(@TempDir Path tmp) throws Exception {
        return JupyterScripts.scriptTests("comm_tests.py", tmp);
    }
}
