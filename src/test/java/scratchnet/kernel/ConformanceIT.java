package scratchnet.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel against the Jupyter project's own kernel test suite, {@code jupyter_kernel_test}:
 * installs the kernelspec for {@code target/scratchnet.jar} into a temporary prefix and runs
 * {@code src/test/python/conformance.py}, which enables every opt-in test that applies to Java
 * (kernel_info, stdout/stderr, completion, is_complete, errors, execute_result, display_data,
 * clear_output, history, inspect). Fails on any failure, error or unexpected skip, quoting
 * unittest's report. Runs in {@code ./mvnw verify} (failsafe), after the jar is packaged:
 * <pre>{@code
 * ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ConformanceIT
 * }</pre>
 * Without jupyter_client and jupyter_kernel_test the test is skipped, unless
 * {@code SCRATCHNET_REQUIRE_JUPYTER=1}.
 */
class ConformanceIT {
    /** The suite takes seconds; this only guards against a hang. */
    private static final long SCRIPT_TIMEOUT_S = 300;

    @Test
    void jupyterKernelTest(@TempDir Path tmp) throws Exception {
        String python = JupyterScripts.python("python3-jupyter-client python3-jupyter-kernel-test",
                "jupyter_client", "jupyter_kernel_test");
        Path jupyterPath = JupyterScripts.installKernel(tmp);
        JupyterScripts.Run run = JupyterScripts.run(List.of(python, JupyterScripts.script("conformance.py").toString(),
                "--jupyter-path", jupyterPath.toString()), SCRIPT_TIMEOUT_S);
        if (run.status() != 0) {
            // unittest's FAIL:/ERROR: headings name the tests; the last line is the script's summary
            String failed = run.lines().stream()
                    .filter(l -> l.startsWith("FAIL:") || l.startsWith("ERROR:") || l.startsWith("UNEXPECTED SKIP")
                            || l.startsWith("NOT SKIPPED"))
                    .collect(Collectors.joining("\n"));
            fail("conformance.py exit status " + run.status()
                    + (run.timedOut() ? " (stopped after " + SCRIPT_TIMEOUT_S + " s)" : "") + ":\n" + failed
                    + "\n" + run.tail(3));
        }
    }
}
