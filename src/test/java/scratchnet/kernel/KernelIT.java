package scratchnet.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import scratchnet.install.JupyterDataDir;
import scratchnet.install.KernelSpec;

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
    /** The Pythons tried, in order. */
    private static final List<String> PYTHONS = List.of("/usr/bin/python3", "python3");
    /** The whole script may take this long before it is stopped. */
    private static final long SCRIPT_TIMEOUT_S = 600;
    private static final Pattern PASS = Pattern.compile("^PASS (\\S+) \\(.*");
    private static final Pattern FAIL = Pattern.compile("^FAIL (\\S+): (.*)$");
    private static final Pattern SUMMARY = Pattern.compile("^(\\d+) passed, (\\d+) failed$");

    private static Path basedir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    @TestFactory
    Stream<DynamicTest> kernelTests(@TempDir Path tmp) throws Exception {
        Path base = basedir();
        Path script = base.resolve("src/test/python/kernel_tests.py");
        Path builtJar = base.resolve("target/scratchnet.jar");
        String python = findPython();
        if (python == null) {
            String why = "jupyter_client not installed: none of " + PYTHONS + " can `import jupyter_client`"
                    + " (apt-get install python3-jupyter-client python3-nbclient python3-nbformat)";
            if ("1".equals(System.getenv("SCRATCHNET_REQUIRE_JUPYTER"))) {
                fail(why + "; SCRATCHNET_REQUIRE_JUPYTER=1 requires it");
            }
            Assumptions.assumeTrue(false, why);
        }
        if (!Files.isRegularFile(builtJar)) {
            fail("expected " + builtJar + "; run ./mvnw package first (failsafe runs after package)");
        }
        // a private copy, so a rebuild of target/ while the kernels run cannot pull the jar from under them
        Path jar = Files.copy(builtJar, tmp.resolve("scratchnet.jar"), StandardCopyOption.REPLACE_EXISTING);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // with the start-up archives, as `install` makes it for users
        Path kernelDir = KernelSpec.install(JupyterDataDir.Target.prefix(tmp.resolve("prefix")), jar, java, "scratchnet",
                true, System.out);
        Path jupyterPath = kernelDir.getParent().getParent();
        System.out.println("kernelspec: " + kernelDir + " (java " + Runtime.version() + ", python " + python + ")");

        Run list = run(List.of(python, script.toString(), "--list"), base, 60);
        assertEquals(0, list.status, "kernel_tests.py --list failed:\n" + String.join("\n", list.lines));
        List<String> names = new ArrayList<>();
        for (String l : list.lines) {
            if (!l.isBlank()) {
                names.add(l.trim());
            }
        }

        Run all = run(List.of(python, script.toString(), "--jupyter-path", jupyterPath.toString()), base,
                SCRIPT_TIMEOUT_S);
        Map<String, String> failures = new LinkedHashMap<>();
        List<String> passed = new ArrayList<>();
        Matcher summary = null;
        for (String l : all.lines) {
            Matcher m;
            if ((m = PASS.matcher(l)).matches()) {
                passed.add(m.group(1));
            } else if ((m = FAIL.matcher(l)).matches()) {
                failures.put(m.group(1), m.group(2));
            } else if ((m = SUMMARY.matcher(l)).matches()) {
                summary = m;
            }
        }
        String tail = String.join("\n", all.lines.subList(Math.max(0, all.lines.size() - 15), all.lines.size()));
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : names) {
            tests.add(DynamicTest.dynamicTest(name, () -> {
                if (failures.containsKey(name)) {
                    fail(name + ": " + failures.get(name));
                }
                if (!passed.contains(name)) {
                    fail(name + ": no result from kernel_tests.py (exit status " + all.status
                            + (all.timedOut ? ", stopped after " + SCRIPT_TIMEOUT_S + " s" : "") + "); last output:\n" + tail);
                }
            }));
        }
        Matcher finalLine = summary;
        tests.add(DynamicTest.dynamicTest("kernel_tests.py summary", () -> {
            if (finalLine == null) {
                fail("kernel_tests.py printed no 'N passed, M failed' line (exit status " + all.status + "); last output:\n" + tail);
            }
            assertEquals(passed.size() + "/" + failures.size(), finalLine.group(1) + "/" + finalLine.group(2),
                    "the summary line disagrees with the PASS/FAIL lines");
            assertEquals(failures.isEmpty() ? 0 : 1, all.status, "kernel_tests.py exit status");
        }));
        return tests.stream();
    }

    /** The first Python that can import jupyter_client, or null. */
    private static String findPython() {
        for (String p : PYTHONS) {
            try {
                Run r = run(List.of(p, "-c", "import jupyter_client"), basedir(), 60);
                if (r.status == 0) {
                    return p;
                }
            } catch (IOException e) {
                // not installed: try the next
            }
        }
        return null;
    }

    private record Run(int status, List<String> lines, boolean timedOut) {
    }

    /** Runs a command, echoing its output (stdout and stderr) as it comes; stops it after timeoutS. */
    private static Run run(List<String> command, Path dir, long timeoutS) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PYTHONUNBUFFERED", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                    lines.add(l);
                    System.out.println("  " + l);
                }
            } catch (IOException e) {
                lines.add("(reading the output failed: " + e + ")");
            }
        }, "kernel-tests-output");
        reader.setDaemon(true);
        reader.start();
        boolean done;
        try {
            done = p.waitFor(timeoutS, TimeUnit.SECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IOException("interrupted while running " + command, e);
        }
        synchronized (lines) {
            return new Run(done ? p.exitValue() : -1, new ArrayList<>(lines), !done);
        }
    }
}
