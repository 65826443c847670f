package scratchnet.exec.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

import scratchnet.display.MimeBundle;
import scratchnet.display.ValueSummary;

/**
 * Describes the session's variables for the kernel's variables list, in the cell JVM. The kernel
 * runs a statement naming the variables and a file to write; the answer goes to that file rather
 * than back through JShell, which cuts long values short. Each entry is one line of Base64, so no
 * text needs escaping. A value whose description does not finish within {@value #BUDGET_MS} ms
 * (a {@code toString()} that loops) is described as such instead of holding up the kernel.
 * <pre>{@code
 * scratchnet.exec.agent.VariableProbe.summaries("/tmp/v.txt", x, model, n);
 * VariableProbe.readLines(Path.of("/tmp/v.txt"))   // ["Matrix 1×100  mean 0.495 …", "Network 1-25-1 …", "3"]
 * scratchnet.exec.agent.VariableProbe.details("/tmp/d.txt", x);
 * VariableProbe.readBundle(Path.of("/tmp/d.txt"))  // {text/plain=…, text/html=<table…, image/png=iVBOR…}
 * }</pre>
 */
public final class VariableProbe {
    /** How long all descriptions of one request may take together, in milliseconds. */
    public static final long BUDGET_MS = 2000;
    /** What a value whose description did not finish in time is shown as. */
    public static final String TOO_SLOW = "(its description took longer than " + BUDGET_MS + " ms)";

    private VariableProbe() {
    }

    /** Writes the one-line summary of each value ({@link ValueSummary#line}) to {@code file}, one per line. */
    public static void summaries(String file, Object... values) {
        String[] lines = bounded(values.length, i -> ValueSummary.line(values[i]));
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(encode(line));
        }
        write(file, out);
    }

    /** Writes {@link ValueSummary#details} of {@code value} to {@code file}: one line per MIME type. */
    public static void details(String file, Object value) {
        MimeBundle[] bundle = new MimeBundle[1];
        String[] done = bounded(1, i -> {
            bundle[0] = ValueSummary.details(value);
            return "";
        });
        List<String> out = new ArrayList<>();
        // the worker answers "" once the bundle is made, else why it is not
        if (!done[0].isEmpty() || bundle[0] == null) {
            out.add(MimeBundle.TEXT + " " + encode(done[0]));
        } else {
            bundle[0].data().forEach((mime, content) -> out.add(mime + " " + encode(content)));
        }
        write(file, out);
    }

    /** The lines {@link #summaries} wrote, decoded. */
    public static List<String> readLines(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            lines.add(decode(line));
        }
        return lines;
    }

    /** The bundle {@link #details} wrote: content by MIME type, in order. */
    public static Map<String, String> readBundle(Path file) throws IOException {
        Map<String, String> data = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            int sp = line.indexOf(' ');
            data.put(line.substring(0, sp), decode(line.substring(sp + 1)));
        }
        return data;
    }

    private interface Describe {
        String apply(int i);
    }

    /**
     * {@code describe(0..n-1)}, run on a thread of its own that may take {@value #BUDGET_MS} ms in
     * all; what it has not finished by then is {@link #TOO_SLOW}, what failed says how.
     */
    private static String[] bounded(int n, Describe describe) {
        AtomicReferenceArray<String> done = new AtomicReferenceArray<>(n);
        Thread worker = new Thread(() -> {
            for (int i = 0; i < n; i++) {
                String s;
                try {
                    s = describe.apply(i);
                } catch (RuntimeException | LinkageError e) {
                    s = "(" + e.getClass().getSimpleName() + " while describing it: " + e.getMessage() + ")";
                }
                done.set(i, s);
            }
        }, "scratchnet-variables");
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(BUDGET_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            worker.interrupt();
        }
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            String s = done.get(i);
            out[i] = s == null ? TOO_SLOW : s;
        }
        return out;
    }

    private static void write(String file, List<String> lines) {
        try {
            Files.write(Path.of(file), lines, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("VariableProbe: could not write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String encode(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String s) {
        return new String(Base64.getDecoder().decode(s.trim()), StandardCharsets.UTF_8);
    }
}
