package scratchnet.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import scratchnet.kernel.JupyterScripts.Run;

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
    private static final Pattern PASS = Pattern.compile("^PASS (\\S+) \\(.*");
    private static final Pattern FAIL = Pattern.compile("^FAIL (\\S+): (.*)$");
    private static final Pattern SUMMARY = Pattern.compile("^(\\d+) passed, (\\d+) failed$");

    @TestFactory
    Stream<DynamicTest> kernelTests(@TempDir Path tmp) throws Exception {
        String python = JupyterScripts.python("python3-jupyter-client python3-nbclient python3-nbformat",
                "jupyter_client");
        Path script = JupyterScripts.script("kernel_tests.py");
        Path jupyterPath = JupyterScripts.installKernel(tmp);
        System.out.println("python: " + python);

        Run list = JupyterScripts.run(List.of(python, script.toString(), "--list"), 60);
        assertEquals(0, list.status(), "kernel_tests.py --list failed:\n" + String.join("\n", list.lines()));
        List<String> names = new ArrayList<>();
        for (String l : list.lines()) {
            if (!l.isBlank()) {
                names.add(l.trim());
            }
        }

        Run all = JupyterScripts.run(List.of(python, script.toString(), "--jupyter-path", jupyterPath.toString()),
                SCRIPT_TIMEOUT_S);
        Map<String, String> failures = new LinkedHashMap<>();
        List<String> passed = new ArrayList<>();
        Matcher summary = null;
        for (String l : all.lines()) {
            Matcher m;
            if ((m = PASS.matcher(l)).matches()) {
                passed.add(m.group(1));
            } else if ((m = FAIL.matcher(l)).matches()) {
                failures.put(m.group(1), m.group(2));
            } else if ((m = SUMMARY.matcher(l)).matches()) {
                summary = m;
            }
        }
        String tail = all.tail(15);
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : names) {
            tests.add(DynamicTest.dynamicTest(name, () -> {
                if (failures.containsKey(name)) {
                    fail(name + ": " + failures.get(name));
                }
                if (!passed.contains(name)) {
                    fail(name + ": no result from kernel_tests.py (exit status " + all.status()
                            + (all.timedOut() ? ", stopped after " + SCRIPT_TIMEOUT_S + " s" : "") + "); last output:\n" + tail);
                }
            }));
        }
        Matcher finalLine = summary;
        tests.add(DynamicTest.dynamicTest("kernel_tests.py summary", () -> {
            if (finalLine == null) {
                fail("kernel_tests.py printed no 'N passed, M failed' line (exit status " + all.status() + "); last output:\n" + tail);
            }
            assertEquals(passed.size() + "/" + failures.size(), finalLine.group(1) + "/" + finalLine.group(2),
                    "the summary line disagrees with the PASS/FAIL lines");
            assertEquals(failures.isEmpty() ? 0 : 1, all.status(), "kernel_tests.py exit status");
        }));
        return tests.stream();
    }
}
