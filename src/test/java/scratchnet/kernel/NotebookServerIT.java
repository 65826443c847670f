package scratchnet.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import scratchnet.install.JupyterDataDir.Target;
import scratchnet.install.KernelSpec;

/**
 * The installed kernel under real Jupyter front ends: installs the kernelspec from
 * {@code target/scratchnet.jar} into a temporary prefix and runs {@code src/test/python/server_test.py},
 * which executes a notebook with {@code jupyter nbconvert --execute} (a fit, then an XChart shown
 * inline as PNG) and drives a Jupyter Notebook server over REST and the kernel websocket. Each
 * {@code PASS name} / {@code FAIL name: reason} line of the script becomes a dynamic test.
 *
 * <p>Needs a python3 that imports jupyter_client, nbformat, nbconvert, websocket-client and
 * notebook (or jupyter_server), and can run {@code -m nbconvert} and {@code -m notebook}
 * (Debian: {@code jupyter-notebook jupyter-nbconvert python3-websocket}); {@code /usr/bin/python3}
 * is tried first, then each {@code python3} on PATH ({@code SCRATCHNET_JUPYTER_PYTHON=/path/to/python}
 * names the only one to try). Without one the test is skipped, unless the
 * environment has {@code SCRATCHNET_REQUIRE_JUPYTER=1}, where it fails and says what is missing.
 */
class NotebookServerIT {

    private static final Path SCRIPT = Path.of("src", "test", "python", "server_test.py");
    private static final Path JAR = Path.of("target", "scratchnet.jar");
    /** The script bounds each step itself; this only guards against the script hanging. */
    private static final long SCRIPT_TIMEOUT_MIN = 25;
    private static final long PROBE_TIMEOUT_S = 60;

    private static final Pattern RESULT = Pattern.compile("^(PASS|FAIL) ([A-Za-z0-9_.-]+)(?:: ?(.*)| (.*))?$");
    private static final Pattern SUMMARY = Pattern.compile("^(\\d+) passed, (\\d+) failed$");

    /** Imports each alternative group, then checks the two apps start; prints what is missing. */
    private static final String PROBE = String.join("\n",
            "import subprocess, sys",
            "missing = []",
            "for alts in ['jupyter_client', 'nbformat', 'nbconvert', 'websocket', 'notebook|jupyter_server']:",
            "    for m in alts.split('|'):",
            "        try:",
            "            __import__(m)",
            "            break",
            "        except Exception:",
            "            pass",
            "    else:",
            "        missing.append('python module ' + alts.replace('|', ' or '))",
            "if not missing:",
            "    try:",
            "        import notebook",
            "        server = 'notebook'",
            "    except Exception:",
            "        server = 'jupyter_server'",
            "    for app in ('nbconvert', server):",
            "        try:",
            "            r = subprocess.run([sys.executable, '-m', app, '--version'], capture_output=True, timeout=40)",
            "            if r.returncode != 0:",
            "                missing.append('jupyter app %s (exit %d)' % (app, r.returncode))",
            "        except Exception as e:",
            "            missing.append('jupyter app %s (%s)' % (app, e))",
            "print('MISSING ' + '; '.join(missing) if missing else 'OK')",
            "");

    @TestFactory
    Stream<DynamicTest> notebookServerAndNbconvert(@TempDir Path tmp) throws Exception {
        boolean required = "1".equals(System.getenv("SCRATCHNET_REQUIRE_JUPYTER"));
        List<String> problems = new ArrayList<>();
        String python = findPython(problems);
        if (python == null) {
            // a dynamic test, not the factory, skips or fails: so the report counts it
            String why = "no python3 with Jupyter found: " + String.join("; ", problems);
            // surefire/failsafe do not count a skipped dynamic test, so say it in the build log too
            System.out.println("[NotebookServerIT] " + (required ? "failing" : "skipping") + ": " + why);
            return Stream.of(DynamicTest.dynamicTest("jupyter_available", () -> {
                if (required) {
                    fail(why + " (SCRATCHNET_REQUIRE_JUPYTER=1; on Debian: apt-get install jupyter-notebook"
                            + " jupyter-nbconvert python3-websocket)");
                }
                Assumptions.assumeTrue(false, why + " (set SCRATCHNET_REQUIRE_JUPYTER=1 to fail instead)");
            }));
        }
        assertTrue(Files.isRegularFile(JAR), "expected " + JAR.toAbsolutePath()
                + " (run ./mvnw package first); it is missing");
        assertTrue(Files.isRegularFile(SCRIPT), "expected " + SCRIPT.toAbsolutePath() + "; it is missing");

        Path prefix = tmp.resolve("prefix");
        KernelSpec.install(Target.prefix(prefix), JAR, Path.of(System.getProperty("java.home"), "bin", "java"),
                "scratchnet");
        Path jupyterPath = prefix.resolve("share").resolve("jupyter");

        List<String> command = List.of(python, SCRIPT.toAbsolutePath().toString(),
                "--jupyter-path", jupyterPath.toString());
        System.out.println("[server_test] " + String.join(" ", command));
        long t0 = System.nanoTime();
        Run run = runScript(command);
        System.out.printf("[server_test] exit status %s after %.1f s%n",
                run.exitCode == null ? "none (timed out, killed)" : run.exitCode, (System.nanoTime() - t0) / 1e9);
        return toTests(run);
    }

    /** {@code /usr/bin/python3}, then each python3 on PATH, that has everything the script needs. */
    private static String findPython(List<String> problems) {
        Set<String> candidates = new LinkedHashSet<>();
        String chosen = System.getenv("SCRATCHNET_JUPYTER_PYTHON");
        if (chosen != null && !chosen.isBlank()) {
            candidates.add(chosen);
        } else {
            candidates.add("/usr/bin/python3");
        }
        String path = chosen != null && !chosen.isBlank() ? null : System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "python3").toString());
                }
            }
        }
        for (String candidate : candidates) {
            if (!Files.isExecutable(Path.of(candidate))) {
                if (candidate.equals(chosen)) {
                    problems.add(candidate + " (SCRATCHNET_JUPYTER_PYTHON) is not an executable file");
                }
                continue;
            }
            String answer = probe(candidate);
            if (answer.equals("OK")) {
                return candidate;
            }
            problems.add(candidate + ": " + answer);
        }
        if (problems.isEmpty()) {
            problems.add("no python3 executable at /usr/bin/python3 or on PATH");
        }
        return null;
    }

    private static String probe(String python) {
        try {
            Path probe = Files.createTempFile("scratchnet-jupyter-probe", ".py");
            try {
                Files.writeString(probe, PROBE);
                Process p = new ProcessBuilder(python, probe.toString()).redirectErrorStream(true).start();
                p.getOutputStream().close();
                String[] out = new String[1];
                Thread reader = new Thread(() -> {
                    try {
                        out[0] = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        out[0] = "";
                    }
                });
                reader.start();
                if (!p.waitFor(PROBE_TIMEOUT_S, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    return "probe timed out after " + PROBE_TIMEOUT_S + " s";
                }
                reader.join(5000);
                String text = out[0] == null ? "" : out[0].strip();
                String last = text.isEmpty() ? "" : text.lines().reduce((a, b) -> b).orElse("");
                if (last.equals("OK")) {
                    return "OK";
                }
                if (last.startsWith("MISSING ")) {
                    return "missing " + last.substring("MISSING ".length());
                }
                return "probe exited " + p.exitValue() + ": " + (text.length() > 300 ? text.substring(0, 300) : text);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            return "cannot run (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private record Run(List<String> lines, Integer exitCode) {
    }

    /** Runs the script, echoing its output as it comes; kills it (and what it started) on timeout. */
    private static Run runScript(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PYTHONUNBUFFERED", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                    System.out.println("[server_test] " + line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "server_test output");
        reader.setDaemon(true);
        reader.start();
        Integer exit = null;
        if (p.waitFor(SCRIPT_TIMEOUT_MIN, TimeUnit.MINUTES)) {
            exit = p.exitValue();
        } else {
            List<ProcessHandle> started = p.descendants().toList();
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            started.forEach(ProcessHandle::destroyForcibly);
        }
        reader.join(10_000);
        synchronized (lines) {
            return new Run(List.copyOf(lines), exit);
        }
    }

    private static Stream<DynamicTest> toTests(Run run) {
        List<DynamicTest> tests = new ArrayList<>();
        int passed = 0;
        int failed = 0;
        String summary = null;
        for (String line : run.lines) {
            Matcher m = RESULT.matcher(line);
            if (m.matches()) {
                String name = m.group(2);
                if (m.group(1).equals("PASS")) {
                    passed++;
                    tests.add(DynamicTest.dynamicTest(name, () -> { }));
                } else {
                    failed++;
                    String reason = m.group(3) != null ? m.group(3) : String.valueOf(m.group(4));
                    tests.add(DynamicTest.dynamicTest(name, () -> fail(name + ": " + reason)));
                }
            } else if (SUMMARY.matcher(line).matches()) {
                summary = line;
            }
        }
        String last = String.join("\n", run.lines.subList(Math.max(0, run.lines.size() - 30), run.lines.size()));
        String finalSummary = summary;
        int p = passed;
        int f = failed;
        tests.add(DynamicTest.dynamicTest("server_test summary and exit status", () -> {
            assertNotNull(run.exitCode, "server_test.py did not finish within " + SCRIPT_TIMEOUT_MIN
                    + " min and was killed; its last lines:\n" + last);
            assertNotNull(finalSummary, "expected a final 'N passed, M failed' line from server_test.py; got exit "
                    + run.exitCode + " and last lines:\n" + last);
            assertEquals(p + " passed, " + f + " failed", finalSummary,
                    "the summary line disagrees with the PASS/FAIL lines");
            assertTrue(p > 0, "expected at least one PASS line; last lines:\n" + last);
            assertEquals(f == 0 ? 0 : 1, run.exitCode.intValue(),
                    "server_test.py exit status for " + f + " failures; last lines:\n" + last);
        }));
        return tests.stream();
    }
}
