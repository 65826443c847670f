package scratchnet.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar target/scratchnet.jar run} as a process: a cell that prints forever is cut at
 * the output cap and stopped by the timeout, and a runner ended by SIGTERM, SIGINT or SIGKILL
 * while a cell spins takes its cell JVM with it.
 * <pre>{@code
 * ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=RunnerLimitsIT
 * }</pre>
 */
class RunnerLimitsIT {
    private static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "scratchnet.jar");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** How long a cell JVM may outlive its killed runner. */
    private static final long ORPHAN_GRACE_MS = 5_000;

    @Test
    void aCellPrintingForeverIsCutAtTheCapAndStoppedByTheTimeout(@TempDir Path dir) throws Exception {
        Path nb = Files.write(dir.resolve("flood.ipynb"), NotebookRunnerTest.notebook(
                "System.out.println(\"start\");",
                "for (long i = 0; ; i++) System.out.println(\"line \" + i);"));
        Process p = new ProcessBuilder(JAVA, "-Dscratchnet.cell.output.mb=1", "-jar", JAR.toString(),
                "run", nb.toString(), "--timeout", "4").redirectErrorStream(true).start();
        Lines lines = Lines.read(p);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("the runner ends: %s", lines).isTrue();
        assertThat(p.exitValue()).as("%s", lines).isEqualTo(1);
        assertThat(String.join("\n", lines.all())).contains("cell 2/2 FAILED", "Timeout");

        Path out = dir.resolve("flood.out.ipynb");
        // 1 MB of text, stored as one indented JSON string per line ("line 12345\n" takes about twice its size)
        assertThat(Files.size(out)).isLessThan(3_000_000);
        JsonNode outputs = new ObjectMapper().readTree(out.toFile()).at("/cells/1/outputs");
        String stdout = "";
        String stderr = "";
        String error = "";
        for (JsonNode o : outputs) {
            if (o.path("output_type").asText().equals("stream")) {
                String text = Ipynb.text(o.get("text"));
                if (o.path("name").asText().equals("stdout")) {
                    stdout += text;
                } else {
                    stderr += text;
                }
            } else if (o.path("output_type").asText().equals("error")) {
                error = o.path("ename").asText();
            }
        }
        int bytes = stdout.getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).isBetween(1_000_000 - 20, 1_000_000);
        assertThat(stdout).startsWith("line 0\nline 1\nline 2\n");
        assertThat(stderr).contains("output cut after 1 MB; the cell is still running");
        assertThat(error).isEqualTo("Timeout");
    }

    @Test
    void sigtermEndsTheCellJvm(@TempDir Path dir) throws Exception {
        assertCellJvmEndsWithRunner(dir, "TERM");
    }

    @Test
    void sigintEndsTheCellJvm(@TempDir Path dir) throws Exception {
        assertCellJvmEndsWithRunner(dir, "INT");
    }

    @Test
    void sigkillEndsTheCellJvm(@TempDir Path dir) throws Exception {
        assertCellJvmEndsWithRunner(dir, "KILL");
    }

    /** Starts a runner on a notebook whose second cell spins, sends it the signal, and checks its cell JVM ends. */
    private static void assertCellJvmEndsWithRunner(Path dir, String signal) throws Exception {
        Path nb = Files.write(dir.resolve("spin.ipynb"), NotebookRunnerTest.notebook(
                "System.out.println(\"ready\");",
                "while (true) {}"));
        Process p = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "run", nb.toString())
                .redirectErrorStream(true).start();
        List<ProcessHandle> cellJvms = List.of();
        try {
            Lines lines = Lines.read(p);
            assertThat(lines.firstCellDone.await(60, TimeUnit.SECONDS)).as("cell 1 ran: %s", lines).isTrue();
            // the spinning cell has started
            Thread.sleep(700);
            cellJvms = p.descendants().toList();
            assertThat(cellJvms).as("the runner's cell JVM").isNotEmpty();
            assertThat(cellJvms.get(0).parent().map(ProcessHandle::pid)).contains(p.pid());
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("the runner ends on SIG%s", signal).isTrue();
            long end = System.currentTimeMillis() + ORPHAN_GRACE_MS;
            while (System.currentTimeMillis() < end && cellJvms.stream().anyMatch(RunnerLimitsIT::running)) {
                Thread.sleep(50);
            }
            assertThat(cellJvms.stream().filter(RunnerLimitsIT::running).map(ProcessHandle::pid))
                    .as("cell JVMs still running %d ms after the runner got SIG%s", ORPHAN_GRACE_MS, signal).isEmpty();
        } finally {
            cellJvms.forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** Whether a process runs: it exists and is not a zombie waiting to be reaped. */
    private static boolean running(ProcessHandle h) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return false;
        }
    }

    /** A process's output lines, read on a daemon thread; notes when the first cell finished. */
    private static final class Lines {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstCellDone = new CountDownLatch(1);

        static Lines read(Process p) {
            Lines l = new Lines();
            Thread t = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String s = in.readLine(); s != null; s = in.readLine()) {
                        l.lines.add(s);
                        if (s.contains("cell 1/2 ok")) {
                            l.firstCellDone.countDown();
                        }
                    }
                } catch (IOException e) {
                    l.lines.add("(reading failed: " + e + ")");
                }
            }, "runner-output");
            t.setDaemon(true);
            t.start();
            return l;
        }

        List<String> all() {
            synchronized (lines) {
                return new ArrayList<>(lines);
            }
        }

        @Override
        public String toString() {
            return String.join("\n", all());
        }
    }
}
