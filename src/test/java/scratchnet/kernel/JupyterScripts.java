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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import scratchnet.install.JupyterDataDir;
import scratchnet.install.KernelSpec;

/**
 * What the kernel's Python test scripts share: a Python that has the modules a script needs, the
 * kernelspec for {@code target/scratchnet.jar} installed into a temporary prefix, and a run of the
 * script with its output echoed live.
 * <pre>{@code
 * String python = JupyterScripts.python("python3-jupyter-client", "jupyter_client");
 * Path jupyterPath = JupyterScripts.installKernel(tmp);          // holds kernels/scratchnet/kernel.json
 * JupyterScripts.Run r = JupyterScripts.run(List.of(python, JupyterScripts.script("kernel_tests.py").toString(),
 *         "--jupyter-path", jupyterPath.toString()), 600);
 * }</pre>
 * Without such a Python the calling test is skipped, or fails when the environment has
 * {@code SCRATCHNET_REQUIRE_JUPYTER=1} (as CI sets it).
 */
final class JupyterScripts {
    /** The Pythons tried, in order. */
    static final List<String> PYTHONS = List.of("/usr/bin/python3", "python3");

    private JupyterScripts() {
    }

    /** A test script may take this long in all before it is stopped. */
    static final long SCRIPT_TIMEOUT_S = 600;
    private static final Pattern PASS = Pattern.compile("^PASS (\\S+) \\(.*");
    private static final Pattern FAIL = Pattern.compile("^FAIL (\\S+): (.*)$");
    private static final Pattern SUMMARY = Pattern.compile("^(\\d+) passed, (\\d+) failed$");

    /** The project directory (Maven's {@code basedir}). */
    static Path basedir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    /** A script under {@code src/test/python}. */
    static Path script(String name) {
        return basedir().resolve("src/test/python").resolve(name);
    }

    /**
     * The first of {@link #PYTHONS} that can import every one of {@code modules}; when there is none,
     * skips the calling test, or fails it under {@code SCRATCHNET_REQUIRE_JUPYTER=1}, naming the
     * Debian packages that provide the modules.
     */
    static String python(String debianPackages, String... modules) {
        String imports = "import " + String.join(", ", modules);
        for (String p : PYTHONS) {
            try {
                if (run(List.of(p, "-c", imports), 60, false).status() == 0) {
                    return p;
                }
            } catch (IOException e) {
                // not installed: try the next
            }
        }
        String why = "none of " + PYTHONS + " can `" + imports + "` (apt-get install " + debianPackages + ")";
        if ("1".equals(System.getenv("SCRATCHNET_REQUIRE_JUPYTER"))) {
            fail(why + "; SCRATCHNET_REQUIRE_JUPYTER=1 requires it");
        }
        Assumptions.assumeTrue(false, why);
        return null;
    }

    /**
     * Installs the kernelspec {@code scratchnet} for a private copy of {@code target/scratchnet.jar}
     * (so a rebuild of target/ cannot pull the jar from under running kernels), with the start-up
     * archives as {@code install} makes it for users, under {@code tmp/prefix}; returns the Jupyter
     * data directory to put on {@code JUPYTER_PATH}.
     */
    static Path installKernel(Path tmp) throws IOException {
        Path builtJar = basedir().resolve("target/scratchnet.jar");
        if (!Files.isRegularFile(builtJar)) {
            fail("expected " + builtJar + "; run ./mvnw package first (failsafe runs after package)");
        }
        Path jar = Files.copy(builtJar, tmp.resolve("scratchnet.jar"), StandardCopyOption.REPLACE_EXISTING);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path kernelDir = KernelSpec.install(JupyterDataDir.Target.prefix(tmp.resolve("prefix")), jar, java,
                KernelSpec.DEFAULT_NAME, true, System.out);
        System.out.println("kernelspec: " + kernelDir + " (java " + Runtime.version() + ")");
        return kernelDir.getParent().getParent();
    }

    /**
     * How a command ended: its exit status (-1 when stopped), its output lines (stdout and stderr
     * together), and whether it was stopped for taking too long.
     */
    record Run(int status, List<String> lines, boolean timedOut) {
        /** The last {@code n} lines, for failure messages. */
        String tail(int n) {
            return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        }
    }

    /** Runs a command in the project directory, echoing its output as it comes; stops it after timeoutS. */
    static Run run(List<String> command, long timeoutS) throws IOException {
        return run(command, timeoutS, true);
    }

    private static Run run(List<String> command, long timeoutS, boolean echo) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(basedir().toFile()).redirectErrorStream(true);
        pb.environment().put("PYTHONUNBUFFERED", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                    lines.add(l);
                    if (echo) {
                        System.out.println("  " + l);
                    }
                }
            } catch (IOException e) {
                lines.add("(reading the output failed: " + e + ")");
            }
        }, "python-script-output");
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

    /**
     * Runs a test script of {@code src/test/python} written like kernel_tests.py (it lists its
     * tests with {@code --list}, prints {@code PASS name (…)} or {@code FAIL name: reason} for each
     * and a closing {@code N passed, M failed}) against the kernelspec installed under {@code tmp};
     * each of its tests becomes one JUnit test, failing with the script's reason.
     */
    static Stream<DynamicTest> scriptTests(String scriptName, Path tmp) throws IOException {
        return scriptTests(scriptName, tmp, "python3-jupyter-client python3-nbclient python3-nbformat", "jupyter_client");
    }

    /**
     * {@link #scriptTests(String, Path)} for a script that needs {@code modules} (from the Debian
     * packages {@code debianPackages}).
     */
    static Stream<DynamicTest> scriptTests(String scriptName, Path tmp, String debianPackages, String... modules)
            throws IOException {
        String python = python(debianPackages, modules);
        Path script = script(scriptName);
        Path jupyterPath = installKernel(tmp);
        System.out.println("python: " + python);

        Run list = run(List.of(python, script.toString(), "--list"), 60);
        assertEquals(0, list.status(), scriptName + " --list failed:\n" + String.join("\n", list.lines()));
        List<String> names = new ArrayList<>();
        for (String l : list.lines()) {
            if (!l.isBlank()) {
                names.add(l.trim());
            }
        }

        Run all = run(List.of(python, script.toString(), "--jupyter-path", jupyterPath.toString()), SCRIPT_TIMEOUT_S);
        return resultTests(scriptName, names, all);
    }

    /**
     * One JUnit test for each of {@code names} (the tests a script listed), failing with the reason
     * of its {@code FAIL name: reason} line, or when the run printed no result for it; and one
     * checking the closing {@code N passed, M failed} line against them and the exit status.
     */
    static Stream<DynamicTest> resultTests(String scriptName, List<String> names, Run all) {
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
                    fail(name + ": no result from " + scriptName + " (exit status " + all.status()
                            + (all.timedOut() ? ", stopped for taking too long" : "") + "); last output:\n" + tail);
                }
            }));
        }
        Matcher finalLine = summary;
        tests.add(DynamicTest.dynamicTest(scriptName + " summary", () -> {
            if (finalLine == null) {
                fail(scriptName + " printed no 'N passed, M failed' line (exit status " + all.status() + "); last output:\n" + tail);
            }
            assertEquals(passed.size() + "/" + failures.size(), finalLine.group(1) + "/" + finalLine.group(2),
                    "the summary line disagrees with the PASS/FAIL lines");
            assertEquals(failures.isEmpty() ? 0 : 1, all.status(), scriptName + " exit status");
        }));
        return tests.stream();
    }
}
