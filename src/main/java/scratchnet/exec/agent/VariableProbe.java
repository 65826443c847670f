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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;

import scratchnet.display.MimeBundle;
import scratchnet.display.ValueSummary;

/**
 * Describes the session's variables for the kernel's variables list, in the cell JVM. The kernel
 * runs a statement naming the variables and a file to write; the answer goes to that file rather
 * than back through JShell, which cuts long values short. Each entry is one line of Base64, so no
 * text needs escaping. A value whose description does not finish within {@value #VALUE_MS} ms
 * (a {@code toString()} that loops) is described as such instead of holding up the kernel, and
 * the others are still described; one request takes at most about {@value #BUDGET_MS} ms.
 * <pre>{@code
 * scratchnet.exec.agent.VariableProbe.summaries("/tmp/v.txt", x, model, n);
 * VariableProbe.readLines(Path.of("/tmp/v.txt"))   // ["Matrix 1×100  mean 0.495 …", "Network 1-25-1 …", "3"]
 * scratchnet.exec.agent.VariableProbe.details("/tmp/d.txt", x);
 * VariableProbe.readBundle(Path.of("/tmp/d.txt"))  // {text/plain=…, text/html=<table…, image/png=iVBOR…}
 * }</pre>
 */
public final class VariableProbe {
    /** How long the description of one value may take, in milliseconds. */
    public static final long VALUE_MS = 1000;
    /** How long all descriptions of one request may take together, in milliseconds. */
    public static final long BUDGET_MS = 3000;
    /** What a value whose description did not finish in time is shown as. */
    public static final String TOO_SLOW = "(its description took longer than " + VALUE_MS + " ms)";
    /** What a value is shown as when the others took up the whole budget before it. */
    public static final String NOT_REACHED = "(not described: the variables before it took " + BUDGET_MS + " ms)";

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
     * {@code describe(0..n-1)} in order, on a thread of its own: one that takes longer than
     * {@value #VALUE_MS} ms is {@link #TOO_SLOW} and the rest go on on a fresh thread (the stuck
     * one is interrupted and abandoned); after {@value #BUDGET_MS} ms in all, those not reached
     * are {@link #NOT_REACHED}. A description that failed says how.
     */
    private static String[] bounded(int n, Describe describe) {
        AtomicReferenceArray<String> done = new AtomicReferenceArray<>(n);
        long end = System.nanoTime() + BUDGET_MS * 1_000_000;
        int next = 0;
        while (next < n) {
            int from = next;
            AtomicBoolean cancelled = new AtomicBoolean();
            Thread worker = new Thread(() -> {
                for (int i = from; i < n && !cancelled.get(); i++) {
                    String s;
                    try {
                        s = describe.apply(i);
                    } catch (RuntimeException | LinkageError e) {
                        s = "(" + e.getClass().getSimpleName() + " while describing it: " + e.getMessage() + ")";
                    }
                    if (!cancelled.get()) {
                        done.set(i, s);
                    }
                }
            }, "scratchnet-variables");
            worker.setDaemon(true);
            worker.start();
            // wait while the worker makes progress: each value may take VALUE_MS, all of them BUDGET_MS
            int seen = from;
            long valueEnd = Math.min(end, System.nanoTime() + VALUE_MS * 1_000_000);
            while (worker.isAlive() && System.nanoTime() < valueEnd) {
                join(worker, Math.max(1, Math.min(10, (valueEnd - System.nanoTime()) / 1_000_000)));
                while (seen < n && done.get(seen) != null) {
                    seen++;
                    valueEnd = Math.min(end, System.nanoTime() + VALUE_MS * 1_000_000);
                }
            }
            while (seen < n && done.get(seen) != null) {
                seen++;
            }
            if (!worker.isAlive() || seen >= n) {
                break;
            }
            // stuck on value `seen`: give it up, go on after it with a fresh thread
            cancelled.set(true);
            worker.interrupt();
            done.compareAndSet(seen, null, System.nanoTime() < end ? TOO_SLOW : NOT_REACHED);
            next = seen + 1;
            if (System.nanoTime() >= end) {
                break;
            }
        }
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            String s = done.get(i);
            out[i] = s == null ? NOT_REACHED : s;
        }
        return out;
    }

    private static void join(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
