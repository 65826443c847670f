package scratchnet.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import scratchnet.engine.Blas;
import scratchnet.engine.Matrix;
import scratchnet.engine.Rng;

/**
 * The scale half of {@code bench}: matrix-multiply GFLOPS at 64, 256, 1024 and 2048 for the
 * pure-Java and the native path beside numpy's {@code @}, and one epoch of the 784-256-128-10 MLP
 * in samples/s beside numpy and PyTorch ({@code bench/numpy/mlp_scale.py}), all in one run.
 * <pre>{@code
 * dot n       java GF/s  native GF/s   numpy GF/s   java/numpy
 * 1024             45.1        118.2        120.0         0.38
 * }</pre>
 */
final class ScaleBench {
    static final int[] SIZES = {64, 256, 1024, 2048};

    private ScaleBench() {
    }

    /** Matrix multiply: best GFLOPS per size and path, beside numpy. */
    static void dot(Path anchors) {
        System.out.println("matrix multiply C = A·B, float64, square n×n (best of several runs)");
        Map<Integer, Double> numpy = numpyDot();
        boolean nativeAvailable = hasNative();
        Map<Integer, Double> java = new LinkedHashMap<>();
        Map<Integer, Double> nat = new LinkedHashMap<>();
        Blas.use("java");
        for (int n : SIZES) {
            java.put(n, gflops(n));
        }
        if (nativeAvailable) {
            Blas.use("native");
            for (int n : SIZES) {
                nat.put(n, gflops(n));
            }
        }
        Blas.use("auto");
        System.out.printf(Locale.ROOT, "%-8s %12s %12s %12s %12s %12s%n", "n", "java GF/s", "native GF/s", "numpy GF/s",
                "java/numpy", "native/numpy");
        for (int n : SIZES) {
            Double np = numpy.get(n);
            Double nv = nat.get(n);
            System.out.printf(Locale.ROOT, "%-8d %12.1f %12s %12s %12s %12s%n", n, java.get(n), fmt(nv), fmt(np),
                    np == null ? "-" : String.format(Locale.ROOT, "%.2f", java.get(n) / np),
                    np == null || nv == null ? "-" : String.format(Locale.ROOT, "%.2f", nv / np));
        }
        System.out.println("native: " + (nativeAvailable ? describeNative() : "not available (apt-get install libopenblas0)"));
    }

    /** Epochs timed per path (and runs of the python anchor); the best of each is reported. */
    static final int MLP_ROUNDS = 3;

    /** One epoch of the anchor's MLP, per path, beside numpy and PyTorch. */
    static void mlp(Path anchors) {
        System.out.println("MLP 784-256-128-10 relu/softmax, one epoch of SGD, batch 128, 60,000 samples (samples/s, best of "
                + MLP_ROUNDS + " epochs each)");
        MlpWorkload warm = MlpWorkload.create(6_000);
        MlpWorkload full = MlpWorkload.create(60_000);
        Map<String, Double> ours = new LinkedHashMap<>();
        Map<String, Double> python = new LinkedHashMap<>();
        List<String> paths = hasNative() ? List.of("java", "native") : List.of("java");
        for (String path : paths) {
            Blas.use(path);
            warm.epochSeconds();
        }
        // rounds interleave the paths and the python anchor, so a busy moment hits them alike
        for (int round = 0; round < MLP_ROUNDS; round++) {
            for (String path : paths) {
                Blas.use(path);
                ours.merge(path, full.samples() / full.epochSeconds(), Math::max);
            }
            pythonMlp(anchors).forEach((k, v) -> python.merge(k, v, Math::max));
        }
        Blas.use("auto");
        Double np = python.get("numpy");
        Double torch = python.get("torch");
        System.out.printf(Locale.ROOT, "%-18s %12s %12s %12s%n", "", "samples/s", "vs numpy", "vs torch");
        for (Map.Entry<String, Double> e : ours.entrySet()) {
            System.out.printf(Locale.ROOT, "%-18s %12.0f %12s %12s%n", "scratchnet " + e.getKey(), e.getValue(),
                    np == null ? "-" : String.format(Locale.ROOT, "%.2f×", e.getValue() / np),
                    torch == null ? "-" : String.format(Locale.ROOT, "%.2f×", e.getValue() / torch));
        }
        System.out.printf(Locale.ROOT, "%-18s %12s%n", "numpy", fmt0(np));
        System.out.printf(Locale.ROOT, "%-18s %12s%n", "pytorch", torch == null ? "- (not installed)" : fmt0(torch));
    }

    // ------------------------------------------------------------------ our side

    private static double gflops(int n) {
        Rng rng = new Rng(n);
        Matrix a = Matrix.wrap(n, n, rng.random(n * n));
        Matrix b = Matrix.wrap(n, n, rng.random(n * n));
        double flop = 2.0 * n * n * n;
        // enough repetitions for ~0.3 s per measurement, at least 3 measurements after warm-up
        int reps = (int) Math.max(1, Math.min(2000, 3e9 / flop));
        for (int i = 0; i < Math.max(2, reps / 2); i++) {
            a.dot(b);
        }
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 4; run++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                a.dot(b);
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e9 / reps);
        }
        return flop / best / 1e9;
    }

    private static boolean hasNative() {
        Blas.use("auto");
        return Blas.isNative();
    }

    private static String describeNative() {
        Blas.use("auto");
        return Blas.active();
    }

    // ------------------------------------------------------------------ the python side

    private static Map<Integer, Double> numpyDot() {
        Map<Integer, Double> out = new LinkedHashMap<>();
        String script = "import numpy as np, time\n"
                + "for n in (64, 256, 1024, 2048):\n"
                + "    a = np.random.rand(n, n); b = np.random.rand(n, n); a @ b\n"
                + "    reps = max(1, min(2000, int(3e9 / (2 * n ** 3)))); best = 1e9\n"
                + "    for r in range(4):\n"
                + "        t = time.perf_counter()\n"
                + "        for i in range(reps): a @ b\n"
                + "        best = min(best, (time.perf_counter() - t) / reps)\n"
                + "    print('dot', n, 2 * n ** 3 / best / 1e9, flush=True)\n";
        for (String line : python(List.of("-c", script), 600)) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && f[0].equals("dot")) {
                out.put(Integer.parseInt(f[1]), Double.parseDouble(f[2]));
            }
        }
        return out;
    }

    private static Map<String, Double> pythonMlp(Path anchors) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (anchors == null || !Files.isRegularFile(anchors.resolve(NumpyTwins.MLP))) {
            return out;
        }
        String script = anchors.resolve(NumpyTwins.MLP).toString();
        // numpy with the first python3 that has it; PyTorch usually only in Debian's python3
        for (String line : python(List.of(script, "numpy"), 900)) {
            parseMlp(line, out);
        }
        for (String candidate : new String[] {"/usr/bin/python3", "python3"}) {
            for (String line : run(candidate, List.of(script, "torch"), 900)) {
                parseMlp(line, out);
            }
            if (out.containsKey("torch")) {
                break;
            }
        }
        return out;
    }

    private static void parseMlp(String line, Map<String, Double> out) {
        // numpy epoch_s=1.76 samples_per_s=34000 loss=…
        if ((line.startsWith("numpy ") || line.startsWith("torch ")) && line.contains("samples_per_s=")) {
            String name = line.substring(0, line.indexOf(' '));
            out.put(name, Double.parseDouble(line.replaceAll(".*samples_per_s=([0-9.eE+-]+).*", "$1")));
        }
    }

    private static List<String> python(List<String> args, int timeoutSeconds) {
        List<String> lines = run("python3", args, timeoutSeconds);
        return lines.isEmpty() ? run("/usr/bin/python3", args, timeoutSeconds) : lines;
    }

    private static List<String> run(String python, List<String> args, int timeoutSeconds) {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(python);
        cmd.addAll(args);
        List<String> lines = new java.util.ArrayList<>();
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return List.of();
            }
        } catch (Exception e) {
            return List.of();
        }
        return lines;
    }

    private static String fmt(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt0(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }
}
