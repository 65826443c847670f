package scratchnet.kernel;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A classroom on JupyterHub: runs {@code src/test/python/hub_tests.py}, where ten students log in
 * to a JupyterHub on loopback at once (dummy authenticator, local-process spawner), each starts a
 * server, opens notebook 000 through the REST API and runs all its cells over the kernel
 * websocket, against the kernelspec for {@code target/scratchnet.jar} installed once for all of
 * them. The losses printed must be numpy's, the charts PNGs, and no process may outlive the
 * stopped servers or the hub; the script prints each student's time to ready, time to run and
 * kernel memory, and the machine's peak.
 * <pre>{@code
 * ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=JupyterHubIT
 * }</pre>
 * Without JupyterHub (Debian: {@code jupyterhub node-configurable-http-proxy python3-websocket})
 * the tests are skipped, unless {@code SCRATCHNET_REQUIRE_JUPYTER=1}.
 */
class JupyterHubIT {
    @TestFactory
    Stream<DynamicTest> classroom(@TempDir Path tmp) throws Exception {
        return JupyterScripts.scriptTests("hub_tests.py", tmp,
                "jupyterhub node-configurable-http-proxy jupyter-notebook python3-websocket", "jupyterhub", "websocket");
    }
}
