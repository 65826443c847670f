package scratchnet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DebuggerBenchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String printed(String... jsonLines) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : jsonLines) {
            rows.add(JSON.readTree(line));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DebuggerBench.print(rows, Path.of("notebooks/000-sine-regression.ipynb"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String row(String cell, String mode, double s) {
        return "{\"cell\": \"" + cell + "\", \"mode\": \"" + mode + "\", \"round\": 0, \"s\": " + s + "}";
    }

    private static String lineOf(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError("no line " + start + " in\n" + text));
    }

    @Test
    void ratioOfTheMediansHeldAgainstTheTarget() throws Exception {
        String out = printed("{\"java\": \"17.0.15\", \"vector\": \"Vector API, 8 doubles per vector (512-bit)\"}",
                row("faithful loop", "off", 0.20), row("faithful loop", "on", 0.30), row("faithful loop", "off", 0.22),
                row("faithful loop", "on", 0.21), row("faithful loop", "off", 0.90), row("faithful loop", "on", 0.22),
                row("fit", "off", 0.10), row("fit", "on", 0.13));
        assertTrue(out.contains("java 17.0.15, Vector API, 8 doubles per vector (512-bit)"), out);
        assertTrue(out.contains("median of 3 runs"), out);
        // medians 0.22 and 0.22: ratio 1.00, the 0.90 outlier does not count
        assertEquals("faithful loop  0.220 (0.20-0.90)    0.220 (0.21-0.30)    1.00     met", lineOf(out, "faithful loop"));
        assertEquals("fit            0.100 (0.10-0.10)    0.130 (0.13-0.13)    1.30     not met", lineOf(out, "fit "));
    }

    @Test
    void anErrorIsPrintedAndNothingMeasuredFails() throws Exception {
        List<JsonNode> rows = List.of(JSON.readTree("{\"error\": \"RuntimeError: no training cell\"}"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertFalse(DebuggerBench.print(rows, Path.of("x.ipynb"), new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("not measured: RuntimeError: no training cell"));
    }

    @Test
    void cpuModelIsTheFirstModelNameLine() {
        assertEquals("AMD EPYC 9B45", CpuModel.fromCpuinfo(List.of("processor\t: 0", "vendor_id\t: AuthenticAMD",
                "model\t\t: 17", "model name\t: AMD EPYC 9B45", "processor\t: 1", "model name\t: other")));
        assertNull(CpuModel.fromCpuinfo(List.of("processor\t: 0", "model\t\t: 17")));
    }
}
