package scratchnet.kernel;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code java -jar scratchnet.jar kernel-bench}: measures the scratchnet kernel as Jupyter
 * drives it — start → ready, a trivial cell's round trip, shutdown, and a small notebook end to
 * end — beside the python3 (ipykernel) kernel when it is installed. Uses a python3 that has
 * {@code jupyter_client} and {@code nbclient}, and installs the kernelspec into a temporary
 * prefix first, so it measures this jar.
 * <pre>{@code
 * kernel             start s   cell ms   shutdown s   notebook s
 * scratchnet           0.95      4.10         0.11         2.40
 * python3              0.38      4.60         0.20         2.60
 * }</pre>
 */
public final class KernelBench {
    private KernelBench() {
    }

    /** Runs the benchmark; returns the exit status. */
    public static int run(String[] args) throws Exception {
        String python = findPython();
        if (python == null) {
            System.err.println("kernel-bench: needs a python3 with jupyter_client and nbclient"
                    + " (Debian: apt-get install jupyter-client python3-nbclient python3-ipykernel)");
            return 1;
        }
        Path dir = Files.createTempDirectory("scratchnet-kernel-bench");
        try {
            Path jar = KernelSpec.runningJar();
            Path javaExe = Path.of(System.getProperty("java.home"), "bin", "java");
            KernelSpec.install(KernelSpec.Target.prefix(dir), jar, javaExe, "scratchnet");
            Path script = dir.resolve("kernel_bench.py");
            try (InputStream in = KernelBench.class.getResourceAsStream("/scratchnet/kernel/kernel_bench.py")) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            ProcessBuilder pb = new ProcessBuilder(python, script.toString(), "scratchnet", "python3");
            Map<String, String> env = pb.environment();
            String data = dir.resolve("share").resolve("jupyter").toString();
            env.merge("JUPYTER_PATH", data, (old, mine) -> mine + java.io.File.pathSeparator + old);
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            Process p = pb.start();
            List<JsonNode> rows = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("{")) {
                        rows.add(json.readTree(line));
                    }
                }
            }
            p.waitFor();
            System.out.println("kernel bench on " + Runtime.getRuntime().availableProcessors() + " cores, java "
                    + System.getProperty("java.version"));
            System.out.printf(Locale.ROOT, "%-12s %10s %10s %12s %12s%n", "kernel", "start s", "cell ms", "shutdown s",
                    "notebook s");
            for (JsonNode row : rows) {
                if (row.has("error")) {
                    System.out.printf(Locale.ROOT, "%-12s not measured: %s%n", row.get("kernel").asText(),
                            row.get("error").asText());
                } else {
                    System.out.printf(Locale.ROOT, "%-12s %10.2f %10.1f %12.2f %12.2f%n", row.get("kernel").asText(),
                            row.get("start_s").asDouble(), row.get("trivial_ms").asDouble(),
                            row.get("shutdown_s").asDouble(), row.get("notebook_s").asDouble());
                }
            }
            return rows.isEmpty() ? 1 : 0;
        } finally {
            deleteTree(dir);
        }
    }

    /** A python3 that can import jupyter_client and nbclient: Debian's first, then the one on PATH. */
    static String findPython() {
        for (String candidate : new String[] {"/usr/bin/python3", "python3"}) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import jupyter_client, nbclient, nbformat")
                        .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() == 0) {
                    return candidate;
                }
            } catch (Exception e) {
                // try the next one
            }
        }
        return null;
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // a temp dir left behind is harmless
        }
    }
}
