package scratchnet.kernel;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel's protocol edges as a clumsy or hostile client meets them: runs
 * {@code src/test/python/protocol_tests.py} (classes from {@code %classpath} and {@code %maven}
 * compiling, an execute_request on control, a flooded stdin socket, malformed headers in the log,
 * an ipc connection file) against the kernelspec for {@code target/scratchnet.jar}, one JUnit test
 * per test of the script. Runs in {@code ./mvnw verify} after the jar is packaged:
 * <pre>{@code
 * ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ProtocolIT
 * }</pre>
 * Without jupyter_client the tests are skipped, unless {@code SCRATCHNET_REQUIRE_JUPYTER=1}.
 */
class ProtocolIT {
    @TestFactory
    Stream<DynamicTest> protocolTests(@TempDir Path tmp) throws Exception {
        return JupyterScripts.scriptTests("protocol_tests.py", tmp);
    }
}
