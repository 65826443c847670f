package scratchnet.kernel;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The variables panel through jupyter_client: runs {@code src/test/python/debug_vars_tests.py}
 * (debug_request inspectVariables and richInspectVariables between cells and during a running
 * cell, other debugger commands refused, {@code %vars}) against the kernelspec for
 * {@code target/scratchnet.jar}, one JUnit test per test of the script:
 * <pre>{@code
 * ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DebugVarsIT
 * }</pre>
 * Without jupyter_client the tests are skipped, unless {@code SCRATCHNET_REQUIRE_JUPYTER=1}.
 */
class DebugVarsIT {
    @TestFactory
    Stream<DynamicTest> debugVarsTests(@TempDir Path tmp) throws Exception {
        return JupyterScripts.scriptTests("debug_vars_tests.py", tmp);
    }
}
