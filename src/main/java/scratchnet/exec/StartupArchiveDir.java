package scratchnet.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import scratchnet.settings.Settings;

/**
 * The start-up archives (class-data sharing) as the running kernel sees them: the directory that
 * {@code install} wrote them to, named by the system property {@value #DIR_PROPERTY} in the
 * kernel's argv, and the two file names in it. The installer writes this layout; the kernel and
 * the cell JVM only read it, so a missing or stale archive never stops anything.
 * <pre>{@code
 * // kernel.json argv: ... -Dscratchnet.archives=/home/me/.local/share/jupyter/kernels/scratchnet ...
 * StartupArchiveDir.cellJvmOptions()   // [-XX:SharedArchiveFile=.../cell.jsa, -Xlog:cds=off, ...]
 * }</pre>
 */
public final class StartupArchiveDir {
    /** The kernel JVM's archive, in the kernelspec directory. */
    public static final String KERNEL_ARCHIVE = "kernel.jsa";
    /** The cell JVM's archive, in the kernelspec directory. */
    public static final String CELL_ARCHIVE = "cell.jsa";
    /** The system property, set in the kernel's argv, naming the directory that holds both archives. */
    public static final String DIR_PROPERTY = Settings.ARCHIVES;
    /** Keeps the JVM from printing a warning when an archive does not fit (it then runs without). */
    public static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private StartupArchiveDir() {
    }

    /** The directory {@value #DIR_PROPERTY} names in this JVM, or null. */
    public static Path dir() {
        String dir = Settings.archivesDir();
        if (dir == null) {
            return null;
        }
        try {
            return Path.of(dir);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * The cell JVM's options for its archive: {@code -XX:SharedArchiveFile} and quiet CDS logging
     * when this kernel was installed with one and it is still there; otherwise none.
     */
    public static List<String> cellJvmOptions() {
        Path dir = dir();
        if (dir == null) {
            return List.of();
        }
        Path cell = dir.resolve(CELL_ARCHIVE);
        if (!Files.isRegularFile(cell)) {
            return List.of();
        }
        List<String> options = new ArrayList<>();
        options.add("-XX:SharedArchiveFile=" + cell);
        options.addAll(QUIET);
        return options;
    }

    /**
     * Prints a hint to stderr (Jupyter's log) when the archives are older than the jar this kernel
     * runs ({@code classPath}): the JVM then ignores them, and re-running {@code install} makes
     * fitting ones. Does nothing without an archive directory or when the class path is not a jar.
     */
    public static void warnIfStale(String classPath) {
        Path dir = dir();
        if (dir == null) {
            return;
        }
        try {
            Path jar = Path.of(classPath);
            if (!Files.isRegularFile(jar)) {
                return;
            }
            long jarTime = Files.getLastModifiedTime(jar).toMillis();
            for (String name : List.of(KERNEL_ARCHIVE, CELL_ARCHIVE)) {
                Path archive = dir.resolve(name);
                if (!Files.isRegularFile(archive) || Files.getLastModifiedTime(archive).toMillis() < jarTime) {
                    System.err.println("scratchnet kernel: the start-up archive " + archive + " is "
                            + (Files.isRegularFile(archive) ? "older than " + jar : "missing")
                            + ", so start-up is slower; run `java -jar " + jar + " install` again to remake it");
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // only a hint
        }
    }
}
