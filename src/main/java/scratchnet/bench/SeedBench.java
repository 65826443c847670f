package scratchnet.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import scratchnet.cli.Args;
import scratchnet.settings.Settings;

/**
 * {@code java -jar scratchnet.jar bench}: times the four seed workloads in-process after
 * warm-up and prints milliseconds per run beside numpy's time for the same program, measured in
 * the same run by the numpy twins in the repository's {@code bench/numpy/} ({@code seeds.py},
 * {@code mlp_scale.py}) when python3 with numpy is installed. {@code --anchors DIR} points at
 * another directory holding the twins.
 * <pre>{@code
 * workload           scratchnet ms   numpy ms   ratio   target ≤ 0.05
 * 000 sine [1,25,1]          6.10     157.60   0.039   met
 * }</pre>
 */
public final class SeedBench {
    private static final Args.Spec OPTIONS = Args.spec()
            .option("--anchors", "DIR").option("--runs", "N").option("--only", "dot,mlp,seeds");

    private SeedBench() {
    }

    /** Runs the bench; returns the process exit status. */
    public static int run(String[] args) throws Exception {
        Args parsed;
        int runs;
        java.util.Set<String> only;
        try {
            parsed = OPTIONS.parse(args);
            runs = parsed.positiveInt("--runs", 20);
            only = new java.util.LinkedHashSet<>(java.util.List.of(parsed.value("--only", "dot,mlp,seeds").split(",")));
            for (String part : only) {
                if (!java.util.List.of("dot", "mlp", "seeds").contains(part)) {
                    throw new Args.UsageException("--only takes dot, mlp and/or seeds (comma-separated); got '" + part + "'");
                }
            }
        } catch (Args.UsageException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println("usage: java -jar scratchnet.jar bench [--anchors DIR] [--runs N] [--only dot,mlp,seeds]");
            return 2;
        }
        String anchorDir = parsed.value("--anchors", null);
        Path anchors = anchorDir == null ? null : Path.of(anchorDir);
        if (anchors == null) {
            anchors = NumpyTwins.find();
        }
        System.out.println("scratchnet bench, java " + Settings.javaVersion() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, " + Settings.osArch());
        System.out.println("element-wise loops: " + scratchnet.engine.Simd.describe());
        System.out.println();
        if (only.contains("dot")) {
            ScaleBench.dot(anchors);
            System.out.println();
        }
        if (only.contains("mlp")) {
            ScaleBench.mlp(anchors);
            System.out.println();
        }
        if (!only.contains("seeds")) {
            return 0;
        }
        Map<String, Supplier<double[]>> workloads = new LinkedHashMap<>();
        workloads.put("000 sine [1,25,1]", SeedWorkloads::sine);
        workloads.put("001 logistic", SeedWorkloads::logistic);
        workloads.put("002 exp 1-5-1", SeedWorkloads::expFit);
        workloads.put("003 deep [2,3,4,5,1]", SeedWorkloads::deep);
        String[] numpyKeys = {"000", "001", "002", "003"};

        System.out.println("seed workloads, best of " + runs + " runs after warm-up");
        Map<String, Double> numpy = numpyTimes(anchors);
        System.out.println(numpy.isEmpty() ? "numpy: not measured (python3 with numpy not found, or no bench/numpy directory)"
                : "numpy: best of 3 runs of " + anchors.resolve(NumpyTwins.SEEDS));
        System.out.println();
        System.out.printf(Locale.ROOT, "%-22s %14s %10s %8s   %s%n", "workload", "scratchnet ms", "numpy ms", "ratio",
                "target ≤ 0.05");
        int k = 0;
        for (Map.Entry<String, Supplier<double[]>> w : workloads.entrySet()) {
            double ms = time(w.getValue(), runs);
            Double np = numpy.get(numpyKeys[k++]);
            if (np == null) {
                System.out.printf(Locale.ROOT, "%-22s %14.2f %10s %8s%n", w.getKey(), ms, "-", "-");
            } else {
                double ratio = ms / np;
                System.out.printf(Locale.ROOT, "%-22s %14.2f %10.2f %8.3f   %s%n", w.getKey(), ms, np, ratio,
                        ratio <= 0.05 ? "met" : "not met");
            }
        }
        return 0;
    }

    /**
     * Best wall time in ms over the runs, after warm-up runs that let the JIT compile the loops:
     * at least 10 runs and at least one second, so that the SIMD loops, which are slow until C2
     * compiles them, are measured compiled, and a workload's own call sites are compiled too.
     */
    static double time(Supplier<double[]> workload, int runs) {
        double sink = 0;
        long warmUntil = System.nanoTime() + 1_000_000_000L;
        for (int i = 0; i < Math.max(10, runs / 2) || System.nanoTime() < warmUntil; i++) {
            sink += workload.get()[0];
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            sink += workload.get()[0];
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        if (sink == 42.4242) {
            System.out.print("");
        }
        return best;
    }

    /** Runs the seeds twin three times and keeps the best train time per seed, in ms. */
    private static Map<String, Double> numpyTimes(Path anchors) {
        Map<String, Double> best = new LinkedHashMap<>();
        if (anchors == null || !Files.isRegularFile(anchors.resolve(NumpyTwins.SEEDS))) {
            return best;
        }
        for (int run = 0; run < 3; run++) {
            try {
                Process p = new ProcessBuilder("python3", anchors.resolve(NumpyTwins.SEEDS).toString())
                        .redirectErrorStream(true).start();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        // seed000 train_s=0.1576 first=260.181 last=0.261111
                        if (line.startsWith("seed") && line.contains("train_s=")) {
                            String key = line.substring(4, 7);
                            double s = Double.parseDouble(line.replaceAll(".*train_s=([0-9.eE+-]+).*", "$1"));
                            best.merge(key, s * 1000, Math::min);
                        }
                    }
                }
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    return new LinkedHashMap<>();
                }
            } catch (Exception e) {
                return new LinkedHashMap<>();
            }
        }
        return best;
    }
}
