package scratchnet.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code java -jar scratchnet.jar kernel-bench --debugger [--runs N] [--notebook PATH]}: what the
 * Jupyter debugger costs a training cell. The kernel runs notebook 000's training cells — the
 * document's hand-written loop (the cell tagged {@code faithful}) and the first {@code fit} cell,
 * read from the notebook so the bench follows it — with the debugger off, and on as JupyterLab
 * switches it on ({@code initialize}, {@code attach}, {@code configurationDone}) without
 * breakpoints, in alternating rounds. Each figure is the median cell time (execute_request to
 * execute_reply) with the best and the worst beside it; the ratio of the medians is held against
 * the target {@value #TARGET}. The rounds stop after {@value #BUDGET_S} s, the whole run after
 * {@value #TIMEOUT_S} s.
 * <pre>{@code
 * debugger bench: notebook 000's training cells, Jupyter debugger off and on (no breakpoints)
 * AMD EPYC 9B45, 2 cores; cell JVM: java 17.0.15, Vector API, 8 doubles per vector (512-bit)
 * median of 9 runs (best-worst), s
 * cell           debugger off         debugger on          on/off   target ≤ 1.2
 * faithful loop  0.231 (0.18-0.40)    0.236 (0.16-0.44)    1.02     met
 * fit            0.100 (0.07-0.19)    0.098 (0.07-0.22)    0.98     met
 * }</pre>
 */
final class DebuggerBench {
    /** The rounds when {@code --runs} is not given. */
    static final int DEFAULT_ROUNDS = 9;
    /** The ratio of cell times, debugger on to off, that the debugger must stay within. */
    static final double TARGET = 1.2;
    /** Seconds after which no further round starts. */
    static final int BUDGET_S = 180;
    /** Seconds after which the run is stopped, whatever it is doing. */
    static final int TIMEOUT_S = BUDGET_S + 120;
    private static final List<String> MODES = List.of("off", "on");

    private DebuggerBench() {
    }

    /** Runs the bench with {@code python} against the kernel installed in the prefix {@code dir}; returns the exit status. */
    static int run(String python, Path dir, Path notebook, int rounds) throws Exception {
        Path script = dir.resolve("debugger_bench.py");
        KernelBench.copyResource("/scratchnet/bench/debugger_bench.py", script);
        List<JsonNode> rows = KernelBench.jsonLines(List.of(python, script.toString(), "--runs", Integer.toString(rounds),
                "--budget", Integer.toString(BUDGET_S), notebook.toAbsolutePath().toString()), dir, TIMEOUT_S);
        return print(rows, notebook, System.out) ? 0 : 1;
    }

    /** Prints the table of the script's {@code rows} to {@code out}; false when nothing was measured. */
    static boolean print(List<JsonNode> rows, Path notebook, PrintStream out) {
        String java = "?";
        String vector = "?";
        // cell → mode → seconds, in the order the cells ran
        Map<String, Map<String, List<Double>>> times = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (JsonNode row : rows) {
            if (row.has("vector")) {
                java = row.path("java").asText("?");
                vector = row.get("vector").asText();
            } else if (row.has("cell")) {
                times.computeIfAbsent(row.get("cell").asText(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(row.get("mode").asText(), k -> new ArrayList<>()).add(row.get("s").asDouble());
            } else if (row.has("error")) {
                notes.add("not measured: " + row.get("error").asText());
            } else if (row.has("note")) {
                notes.add(row.get("note").asText());
            }
        }
        out.println("debugger bench: " + notebook.getFileName() + "'s training cells, Jupyter debugger off and on"
                + " (no breakpoints)");
        out.println(CpuModel.name() + ", " + Runtime.getRuntime().availableProcessors() + " cores; cell JVM: java "
                + java + ", " + vector);
        int runs = times.values().stream().flatMap(m -> m.values().stream()).mapToInt(List::size).max().orElse(0);
        out.println("median of " + runs + " run" + (runs == 1 ? "" : "s") + " (best-worst), s");
        out.println(String.format(Locale.ROOT, "%-14s %-20s %-20s %-8s target ≤ %.1f", "cell", "debugger off",
                "debugger on", "on/off", TARGET));
        for (Map.Entry<String, Map<String, List<Double>>> e : times.entrySet()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-14s", e.getKey()));
            for (String mode : MODES) {
                line.append(String.format(Locale.ROOT, " %-20s", spread(e.getValue().getOrDefault(mode, List.of()))));
            }
            List<Double> off = e.getValue().getOrDefault("off", List.of());
            List<Double> on = e.getValue().getOrDefault("on", List.of());
            if (!off.isEmpty() && !on.isEmpty()) {
                double ratio = KernelBench.median(on) / KernelBench.median(off);
                line.append(String.format(Locale.ROOT, " %-8.2f %s", ratio, ratio <= TARGET ? "met" : "not met"));
            }
            out.println(line.toString().stripTrailing());
        }
        notes.forEach(n -> out.println("    " + n));
        return !times.isEmpty();
    }

    /** "median (best-worst)" with three and two decimals, or "-" without values. */
    static String spread(List<Double> values) {
        if (values.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3f (%.2f-%.2f)", KernelBench.median(values),
                values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }
}
