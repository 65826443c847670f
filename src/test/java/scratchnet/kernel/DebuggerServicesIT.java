package scratchnet.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel's debugger through {@code @jupyterlab/services}, the library JupyterLab talks to
 * kernels with: runs {@code src/test/js/debugger/debugger_services.mjs}, which starts a Jupyter
 * server ({@code jupyter_server}) on loopback with the kernelspec for {@code target/scratchnet.jar},
 * starts a kernel through {@code KernelManager} and replays JupyterLab 4's debugger on notebook
 * 000's training loop with {@code kernel.requestDebug} (see {@link DebuggerScenarioIT} for the
 * same through jupyter_client):
 * <pre>{@code
 * ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DebuggerServicesIT
 * }</pre>
 * Skipped when {@code node} or {@code npm} is not installed; without jupyter_server skipped, or
 * failed under {@code SCRATCHNET_REQUIRE_JUPYTER=1}. The npm packages come from the directory's
 * package-lock.json ({@code npm ci}) when they are not installed yet.
 */
class DebuggerServicesIT {
    /** The whole run: server and kernel start, the cell twice, the debug session. */
    private static final long NODE_TIMEOUT_S = 300;
    private static final Pattern RESULT = Pattern.compile("^(PASS|FAIL) (\\S+?):? ?(.*)$");

    @TestFactory
    Stream<DynamicTest> servicesTests(@TempDir Path tmp) throws Exception {
        String node = tool("node");
        String npm = tool("npm");
        String python = JupyterScripts.python("python3-jupyter-server", "jupyter_server");
        Path dir = JupyterScripts.basedir().resolve("src/test/js/debugger");
        if (!Files.isDirectory(dir.resolve("node_modules/@jupyterlab/services"))) {
            JupyterScripts.Run ci = JupyterScripts.run(List.of(npm, "ci", "--prefix", dir.toString(), "--no-audit",
                    "--no-fund"), 300);
            assertEquals(0, ci.status(), "npm ci in " + dir + " failed:\n" + ci.tail(20));
        }
        Path jupyterPath = JupyterScripts.installKernel(tmp);
        Path notebook = notebook000();
        JupyterScripts.Run run = JupyterScripts.run(List.of(node, dir.resolve("debugger_services.mjs").toString(),
                "--jupyter-path", jupyterPath.toString(), "--notebook", notebook.toString(), "--python", python,
                "--timeout", Long.toString(NODE_TIMEOUT_S)), NODE_TIMEOUT_S + 60);
        List<DynamicTest> tests = new ArrayList<>();
        int failures = 0;
        for (String l : run.lines()) {
            Matcher m = RESULT.matcher(l);
            if (m.matches()) {
                boolean pass = m.group(1).equals("PASS");
                failures += pass ? 0 : 1;
                String name = m.group(2);
                String why = m.group(3);
                tests.add(DynamicTest.dynamicTest(name, () -> assertTrue(pass, name + ": " + why)));
            }
        }
        int results = tests.size();
        int expectedStatus = failures == 0 ? 0 : 1;
        tests.add(DynamicTest.dynamicTest("debugger_services.mjs exit", () -> {
            if (run.timedOut()) {
                fail("debugger_services.mjs was stopped after " + (NODE_TIMEOUT_S + 60) + " s; last output:\n" + run.tail(20));
            }
            assertTrue(results > 0, "debugger_services.mjs printed no PASS or FAIL line (exit status " + run.status()
                    + "); last output:\n" + run.tail(20));
            assertEquals(expectedStatus, run.status(), "debugger_services.mjs exit status; last output:\n" + run.tail(20));
        }));
        return tests.stream();
    }

    /** The first file of notebooks/ whose name starts with 000. */
    private static Path notebook000() throws IOException {
        try (Stream<Path> files = Files.list(JupyterScripts.basedir().resolve("notebooks"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("000") && p.toString().endsWith(".ipynb"))
                    .sorted().findFirst()
                    .orElseThrow(() -> new IOException("no notebooks/000*.ipynb"));
        }
    }

    /** A command found on PATH; skips the test, saying so, when it is not there. */
    private static String tool(String name) throws IOException {
        JupyterScripts.Run r;
        try {
            r = JupyterScripts.run(List.of(name, "--version"), 60);
        } catch (IOException e) {
            r = null;
        }
        Assumptions.assumeTrue(r != null && r.status() == 0,
                name + " is not installed (apt-get install nodejs npm; Node 20 or later), so the @jupyterlab/services test cannot run");
        return name;
    }
}
