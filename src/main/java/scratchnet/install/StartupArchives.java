package scratchnet.install;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import scratchnet.cli.Args;
import scratchnet.exec.CellJvmOptions;
import scratchnet.exec.StartupArchiveDir;
import scratchnet.settings.Settings;

/**
 * Class-data sharing (AppCDS) archives that make the kernel start faster: one for the kernel's
 * JVM (Jupyter messaging, JShell and the Java compiler) and one for the JVM that runs the cells
 * (JShell's agent, the engine, charts and tables). {@code install} makes them next to
 * {@code kernel.json} by running the kernel and a cell JVM once on a small notebook with
 * {@code -XX:ArchiveClassesAtExit} (a training run of a few seconds); the kernel's argv then
 * names them with {@code -XX:SharedArchiveFile}.
 * <pre>{@code
 * StartupArchives.Created made = StartupArchives.create(java, jar, kernelspecDir, System.out);
 * made.kernelArchive()   // kernelspecDir/kernel.jsa, or null when it could not be made
 * }</pre>
 * An archive only fits the JVM build and the jar it was made with: after a JDK update or a
 * rebuilt jar the JVM ignores it (silently: its warnings are switched off) and starts as fast as
 * without one; the kernel prints a hint to re-run {@code install} ({@link StartupArchiveDir},
 * the run-time side of this layout). A missing archive is ignored
 * the same way, and a failed training run only means the kernelspec has no archives.
 */
public final class StartupArchives {
    /** The hidden command of scratchnet.jar that runs a training workload. */
    static final String TRAINING_COMMAND = "startup-training";
    /** How long one training run may take before it is abandoned. */
    static final long TRAINING_TIMEOUT_S = 180;

    private StartupArchives() {
    }

    /**
     * The archives {@link #create} made; a component is null when that archive could not be made.
     *
     * @param kernelArchive the kernel JVM's archive
     * @param cellArchive   the cell JVM's archive
     */
    public record Created(Path kernelArchive, Path cellArchive) {
        /** Whether neither archive was made. */
        public boolean none() {
            return kernelArchive == null && cellArchive == null;
        }
    }

    /**
     * Makes {@value StartupArchiveDir#CELL_ARCHIVE} and {@value StartupArchiveDir#KERNEL_ARCHIVE} in {@code dir} with training runs of
     * {@code java} on {@code jar}, reporting progress and problems to {@code log}. Never fails: an
     * archive whose training run fails is left out (and the kernel starts without it).
     */
    public static Created create(Path java, Path jar, Path dir, PrintStream log) {
        String classPath = jar.toAbsolutePath().normalize().toString();
        long t0 = System.nanoTime();
        Path cell = dir.resolve(StartupArchiveDir.CELL_ARCHIVE);
        List<String> cellCommand = new ArrayList<>();
        cellCommand.add(java.toString());
        cellCommand.addAll(CellJvmOptions.of(classPath));
        cellCommand.add("-XX:ArchiveClassesAtExit=" + cell);
        cellCommand.addAll(StartupArchiveDir.QUIET);
        cellCommand.add("scratchnet.Main");
        cellCommand.add(TRAINING_COMMAND);
        cellCommand.add("cell");
        boolean cellMade = train(cellCommand, cell, "cell JVM", log);

        Path kernel = dir.resolve(StartupArchiveDir.KERNEL_ARCHIVE);
        List<String> kernelCommand = new ArrayList<>();
        kernelCommand.add(java.toString());
        kernelCommand.addAll(KernelJson.JVM_OPTIONS);
        kernelCommand.add("-XX:ArchiveClassesAtExit=" + kernel);
        kernelCommand.addAll(StartupArchiveDir.QUIET);
        if (cellMade) {
            // the training kernel's cell JVM starts from the archive just made
            kernelCommand.add("-D" + StartupArchiveDir.DIR_PROPERTY + "=" + dir.toAbsolutePath());
        }
        kernelCommand.add("-jar");
        kernelCommand.add(classPath);
        kernelCommand.add(TRAINING_COMMAND);
        kernelCommand.add("kernel");
        boolean kernelMade = train(kernelCommand, kernel, "kernel JVM", log);
        if (cellMade || kernelMade) {
            log.printf(Locale.ROOT, "Made start-up archives (class-data sharing) in %.1f s%n",
                    (System.nanoTime() - t0) / 1e9);
        }
        return new Created(kernelMade ? kernel : null, cellMade ? cell : null);
    }

    /** Runs one training JVM; true when it exited cleanly and left a non-empty archive. */
    private static boolean train(List<String> command, Path archive, String what, PrintStream log) {
        Path output = null;
        try {
            Files.deleteIfExists(archive);
            output = Files.createTempFile("scratchnet-training-", ".log");
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .start();
            if (!p.waitFor(TRAINING_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                log.println("warning: no start-up archive for the " + what + ": its training run took more than "
                        + TRAINING_TIMEOUT_S + " s; the kernel works without it, only starts slower");
                Files.deleteIfExists(archive);
                return false;
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(archive) || Files.size(archive) == 0) {
                String tail = lastLines(output, 5);
                log.println("warning: no start-up archive for the " + what + ": its training run "
                        + (p.exitValue() != 0 ? "exited with status " + p.exitValue() : "wrote no archive")
                        + "; the kernel works without it, only starts slower"
                        + (tail.isEmpty() ? "" : System.lineSeparator() + tail));
                Files.deleteIfExists(archive);
                return false;
            }
            // the JVM writes archives read-only; owner-writable, they can be replaced and removed
            // like the other files of the kernelspec (a read-only file cannot be deleted on Windows)
            archive.toFile().setWritable(true, true);
            return true;
        } catch (IOException e) {
            log.println("warning: no start-up archive for the " + what + ": " + e.getMessage()
                    + "; the kernel works without it, only starts slower");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a temp file left behind
                }
            }
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(Settings.windows() ? "NUL" : "/dev/null");
    }

    private static String lastLines(Path file, int n) {
        try {
            List<String> lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - n), lines.size()))
                    .strip();
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    /**
     * The kernel JVM options for archives made by {@link #create} that will sit in {@code finalDir}
     * (the kernelspec directory once it is moved into place): the kernel archive, the property
     * naming the directory (where the kernel finds the cell archive), and quiet CDS logging.
     */
    static List<String> kernelJvmOptions(Created created, Path finalDir) {
        List<String> options = new ArrayList<>();
        if (created == null || created.none()) {
            return options;
        }
        Path dir = finalDir.toAbsolutePath().normalize();
        if (created.kernelArchive() != null) {
            options.add("-XX:SharedArchiveFile=" + dir.resolve(StartupArchiveDir.KERNEL_ARCHIVE));
        }
        options.addAll(StartupArchiveDir.QUIET);
        options.add("-D" + StartupArchiveDir.DIR_PROPERTY + "=" + dir);
        return options;
    }

    /**
     * {@code java -jar scratchnet.jar startup-training kernel|cell}: the workload of a training run
     * (see {@link StartupTraining}); returns the exit status.
     */
    public static int train(String[] args) throws Exception {
        String which;
        try {
            which = Args.spec().positionals("kernel or cell", 1, 1).parse(args).positionals().get(0);
            if (!which.equals("kernel") && !which.equals("cell")) {
                throw new Args.UsageException("expected kernel or cell, got '" + which + "'");
            }
        } catch (Args.UsageException e) {
            System.err.println(TRAINING_COMMAND + ": " + e.getMessage());
            System.err.println("usage: java -jar scratchnet.jar " + TRAINING_COMMAND + " kernel|cell");
            return 2;
        }
        if (which.equals("cell")) {
            StartupTraining.cell();
        } else {
            StartupTraining.kernel();
        }
        return 0;
    }
}
