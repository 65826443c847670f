package scratchnet.kernel;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * JupyterLab 4's debugger on notebook 000, message by message: runs
 * {@code src/test/python/debugger_scenario.py}, which replays the requests JupyterLab sends when
 * the debugger is switched on, a breakpoint is set on the hand-written loop's backward step, the
 * cell stops, steps into scratchnet and runs on, and checks that the cell prints the losses it
 * prints without the debugger:
 * <pre>{@code
 * ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DebuggerScenarioIT
 * }</pre>
 * Without jupyter_client the tests are skipped, unless {@code SCRATCHNET_REQUIRE_JUPYTER=1}.
 */
class DebuggerScenarioIT {
    @TestFactory
    Stream<DynamicTest> scenarioTests(@TempDir Path tmp) throws Exception {
        return JupyterScripts.scriptTests("debugger_scenario.py", tmp);
    }
}
