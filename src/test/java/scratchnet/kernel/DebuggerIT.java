package scratchnet.kernel;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel's Jupyter debugger as JupyterLab drives it: runs {@code src/test/python/debugger_tests.py}
 * (debug_request on control, debug_event on IOPub, cell files named by MurmurHash2) against the
 * kernelspec for {@code target/scratchnet.jar}, one JUnit test per test of the script:
 * <pre>{@code
 * ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DebuggerIT
 * }</pre>
 * Without jupyter_client the tests are skipped, unless {@code SCRATCHNET_REQUIRE_JUPYTER=1}.
 */
class DebuggerIT {
    @TestFactory
    Stream<DynamicTest> debuggerTests(@TempDir Path tmp) throws Exception {
        return JupyterScripts.scriptTests("debugger_tests.py", tmp);
    }
}
