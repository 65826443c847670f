package scratchnet.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * What the JupyterLab browser tests share: JupyterLab's front end assembled in {@code src/test/jlab}
 * ({@code npm ci}, then webpack, when {@code node_modules} or {@code build} is missing or older than
 * its inputs), the kernelspec, and a run of one of its scripts in headless Chromium as JUnit tests.
 * <pre>{@code
 * return JupyterLabScripts.run("widgets.mjs", tmp, "jupyterlab-widgets", List.of("interact", "button")).stream();
 * }</pre>
 * Each step the script lists ({@code --list}) becomes one test; one more checks that the named
 * screenshots (under {@code target/<dir>}) were saved. Without node 20 or Chromium
 * ({@code SCRATCHNET_CHROMIUM} names another) a single skipped test says why; without the Python
 * packages ({@code python3-jupyter-server python3-jupyterlab-server}) the run is skipped unless
 * {@code SCRATCHNET_REQUIRE_JUPYTER=1}.
 */
final class JupyterLabScripts {
    static final Path APP = Path.of("src", "test", "jlab");
    /** What the bundle is made from: a newer one of these means a rebuild. */
    private static final List<String> BUILD_INPUTS = List.of("index.js", "webpack.config.js", "package.json", "package-lock.json");
    private static final long NPM_TIMEOUT_S = 600;
    private static final long RUN_TIMEOUT_S = 420;
    private static final Pattern NODE_VERSION = Pattern.compile("^v(\\d+)\\.");

    private JupyterLabScripts() {
    }

    /**
     * Runs {@code src/test/jlab/<script>} against {@code target/scratchnet.jar}'s kernel; its screenshots
     * go to {@code target/<screenshotDir>} and each of {@code screenshots} must be there afterwards.
     */
    static List<DynamicTest> run(String script, Path tmp, String screenshotDir, List<String> screenshots) throws IOException {
        Path base = JupyterScripts.basedir();
        Path path = base.resolve(APP).resolve(script);
        String node = "node";
        String chromium = chromium();
        String missing = nodeProblem(node);
        if (missing == null && !Files.isExecutable(Path.of(chromium))) {
            missing = "no Chromium at " + chromium + " (apt-get install chromium, or set SCRATCHNET_CHROMIUM)";
        }
        if (missing != null) {
            // a skipped dynamic test, not an assumption in the factory: so the report counts it
            String why = missing;
            System.out.println("[" + script + "] skipping: " + why);
            return List.of(DynamicTest.dynamicTest("node_and_chromium_available", () -> Assumptions.assumeTrue(false, why)));
        }
        String python = JupyterScripts.python("python3-jupyter-server python3-jupyterlab-server",
                "jupyter_server", "jupyterlab_server", "jsonschema");
        build(base.resolve(APP));
        Path jupyterPath = JupyterScripts.installKernel(tmp);

        JupyterScripts.Run list = JupyterScripts.run(List.of(node, path.toString(), "--list"), 60);
        assertEquals(0, list.status(), script + " --list failed:\n" + list.tail(20));
        List<String> steps = list.lines().stream().map(String::trim).filter(l -> !l.isEmpty()).toList();

        Path shots = base.resolve("target").resolve(screenshotDir);
        JupyterScripts.Run run = JupyterScripts.run(List.of(node, path.toString(),
                "--jupyter-path", jupyterPath.toString(), "--screenshots", shots.toString(),
                "--python", python, "--chromium", chromium, "--timeout", String.valueOf(RUN_TIMEOUT_S - 30)),
                RUN_TIMEOUT_S);
        List<DynamicTest> tests = new ArrayList<>(JupyterScripts.resultTests(script, steps, run).toList());
        // what a person looks at, as PNG files
        tests.add(DynamicTest.dynamicTest("screenshots saved", () -> {
            for (String name : screenshots) {
                Path png = shots.resolve(name + ".png");
                assertTrue(Files.isRegularFile(png) && Files.size(png) > 5_000,
                        "expected the screenshot " + png + " (over 5 kB); it is missing or empty");
            }
        }));
        return tests;
    }

    /** Why {@code node} cannot serve (missing, or older than 20), or null when it can. */
    private static String nodeProblem(String node) {
        JupyterScripts.Run v;
        try {
            v = JupyterScripts.run(List.of(node, "--version"), 30);
        } catch (IOException e) {
            return "no " + node + " on PATH (" + e.getMessage() + "); JupyterLab's front end needs node 20 or later";
        }
        String version = v.lines().isEmpty() ? "" : v.lines().get(0).trim();
        Matcher m = NODE_VERSION.matcher(version);
        if (v.status() == 0 && m.find() && Integer.parseInt(m.group(1)) >= 20) {
            return null;
        }
        return "node 20 or later is needed; `" + node + " --version` says \"" + version + "\" (exit " + v.status() + ")";
    }

    /** {@code SCRATCHNET_CHROMIUM}, else {@code /usr/bin/chromium}. */
    private static String chromium() {
        String named = System.getenv("SCRATCHNET_CHROMIUM");
        return named != null && !named.isBlank() ? named : "/usr/bin/chromium";
    }

    /** npm ci when node_modules is older than package-lock.json; webpack when the bundle is older than its inputs. */
    private static void build(Path app) throws IOException {
        Path installed = app.resolve("node_modules").resolve(".package-lock.json");
        if (olderThan(installed, List.of(app.resolve("package-lock.json")))) {
            npm(app, "ci", "--no-audit", "--no-fund");
        }
        Path bundle = app.resolve("build").resolve("bundle.js");
        if (olderThan(bundle, BUILD_INPUTS.stream().map(app::resolve).toList())) {
            npm(app, "run", "build");
        }
    }

    private static void npm(Path app, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("npm", "--prefix", app.toString()));
        command.addAll(List.of(args));
        long t0 = System.nanoTime();
        JupyterScripts.Run r = JupyterScripts.run(command, NPM_TIMEOUT_S);
        assertEquals(0, r.status(), String.join(" ", command) + " failed" + (r.timedOut() ? " (stopped after "
                + NPM_TIMEOUT_S + " s)" : "") + ":\n" + r.tail(30));
        System.out.printf("%s: %.0f s%n", String.join(" ", command), (System.nanoTime() - t0) / 1e9);
    }

    /** True when {@code target} is missing or older than one of {@code inputs}. */
    private static boolean olderThan(Path target, List<Path> inputs) throws IOException {
        if (!Files.isRegularFile(target)) {
            return true;
        }
        FileTime made = Files.getLastModifiedTime(target);
        for (Path in : inputs) {
            if (Files.getLastModifiedTime(in).compareTo(made) > 0) {
                return true;
            }
        }
        return false;
    }
}
