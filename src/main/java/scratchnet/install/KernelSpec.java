package scratchnet.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Pattern;

import scratchnet.exec.KernelIdentity;
import scratchnet.install.JupyterDataDir.Target;
import scratchnet.io.FileTrees;

/**
 * Installs and removes the Jupyter kernelspec that starts {@code scratchnet.jar} as a kernel:
 * a directory {@code <data-dir>/kernels/<name>/} holding {@link KernelJson kernel.json}, the
 * logos and, when asked, the {@link StartupArchives start-up archives}. A kernelspec is written
 * beside {@code kernels/} and moved into place, and removed by moving it aside first, so Jupyter
 * never sees half of one.
 * <pre>{@code
 * Path dir = KernelSpec.install(Target.prefix(Path.of("/tmp/ks")), jar, java, "scratchnet");
 * // /tmp/ks/share/jupyter/kernels/scratchnet
 * KernelSpec.uninstall(Target.prefix(Path.of("/tmp/ks")), "scratchnet");   // true, then false
 * }</pre>
 * The command line ({@code install}, {@code uninstall}) is {@link InstallCommand}.
 */
public final class KernelSpec {
    /** The kernelspec name used when {@code --name} is not given. */
    public static final String DEFAULT_NAME = KernelIdentity.NAME;
    /** The files copied from the jar's {@code /scratchnet/install/} resources beside kernel.json. */
    public static final List<String> LOGOS = List.of("logo-32x32.png", "logo-64x64.png", "logo-svg.svg");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RESOURCE_DIR = "/scratchnet/install/";
    /** Jupyter's rule for kernel names (jupyter_client's _kernel_name_pat). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private KernelSpec() {
    }

    /** Whether Jupyter accepts {@code name} as a kernel name: letters, digits, '.', '_' and '-'. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** {@code <data-dir>/kernels/<name>} for {@code target}. */
    public static Path kernelDir(Target target, String name) {
        return JupyterDataDir.of(target).resolve("kernels").resolve(checkName(name));
    }

    /**
     * Writes the kernelspec {@code <data-dir>/kernels/<name>/} without start-up archives,
     * replacing any previous one, and returns that directory.
     *
     * @param jar  scratchnet.jar, which the kernel runs with {@code -jar}
     * @param java the java executable the kernel runs with
     */
    public static Path install(Target target, Path jar, Path java, String name) throws IOException {
        return installInto(JupyterDataDir.of(target), jar, java, name, false, System.out);
    }

    /**
     * {@link #install(Target, Path, Path, String)}, with {@link StartupArchives start-up archives}
     * when {@code archives} is true: training runs of a few seconds make them, reporting on
     * {@code log}; one that cannot be made is left out with a warning, and the install goes on.
     */
    public static Path install(Target target, Path jar, Path java, String name, boolean archives, PrintStream log)
            throws IOException {
        return installInto(JupyterDataDir.of(target), jar, java, name, archives, log);
    }

    /** {@link #install} into an already resolved Jupyter data dir. */
    static Path installInto(Path dataDir, Path jar, Path java, String name, boolean archives, PrintStream log)
            throws IOException {
        checkName(name);
        Path javaPath = requireFile(java, "java executable");
        Path jarPath = requireFile(jar, "scratchnet jar");
        Path kernels = dataDir.resolve("kernels");
        Path dest = kernels.resolve(name);
        if (Files.exists(dest) && !Files.isDirectory(dest)) {
            throw new IOException("expected " + dest + " to be a kernelspec directory; got a file");
        }
        Files.createDirectories(kernels);
        // Beside kernels/, not in it: Jupyter would list a leftover temp dir as a kernel.
        Path tmp = newSiblingDir(dataDir, "." + name + "-install-");
        Path old = null;
        try {
            copyLogos(tmp);
            List<String> archiveOptions = List.of();
            if (archives) {
                log.println("Making start-up archives for " + javaPath + " (a few seconds; "
                        + InstallCommand.NO_ARCHIVES + " skips this)");
                // made in the temporary dir, named in kernel.json where they will be once it is moved
                archiveOptions = StartupArchives.kernelJvmOptions(StartupArchives.create(javaPath, jarPath, tmp, log), dest);
            }
            Files.write(tmp.resolve("kernel.json"), KernelJson.bytes(jarPath, javaPath, archiveOptions));
            if (Files.exists(dest)) {
                old = newSiblingDir(dataDir, "." + name + "-old-");
                Files.delete(old);
                move(dest, old);
            }
            try {
                move(tmp, dest);
            } catch (IOException e) {
                if (old != null) {
                    move(old, dest);   // put the previous kernelspec back
                    old = null;
                }
                throw e;
            }
            tmp = null;
        } finally {
            deleteQuietly(tmp);   // only set when something failed
            deleteQuietly(old);   // the replaced kernelspec
        }
        return dest;
    }

    private static void copyLogos(Path dir) throws IOException {
        for (String logo : LOGOS) {
            try (InputStream in = KernelSpec.class.getResourceAsStream(RESOURCE_DIR + logo)) {
                if (in == null) {
                    throw new IOException("expected resource " + RESOURCE_DIR + logo
                            + " in scratchnet.jar; it is missing (rebuild with ./mvnw package)");
                }
                Files.copy(in, dir.resolve(logo));
            }
        }
    }

    /**
     * Removes {@code <data-dir>/kernels/<name>/}; returns false when there was none.
     * <pre>{@code
     * KernelSpec.uninstall(Target.user(), "scratchnet")   // true, then false
     * }</pre>
     */
    public static boolean uninstall(Target target, String name) throws IOException {
        return uninstallFrom(JupyterDataDir.of(target), name);
    }

    static boolean uninstallFrom(Path dataDir, String name) throws IOException {
        checkName(name);
        Path dir = dataDir.resolve("kernels").resolve(name);
        if (!Files.isDirectory(dir)) {
            return false;
        }
        // Move it aside first so Jupyter never sees a kernelspec with some of its files gone.
        Path doomed = newSiblingDir(dataDir, "." + name + "-uninstall-");
        Files.delete(doomed);
        move(dir, doomed);
        FileTrees.deleteTree(doomed);
        return true;
    }

    private static String checkName(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("kernel name expected letters, digits, '.', '_' or '-'; got "
                    + (name == null ? "null" : "'" + name + "'"));
        }
        return name;
    }

    private static Path requireFile(Path file, String what) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            throw new IOException("expected the " + what + " to be an existing file; got "
                    + (file == null ? "null" : file + (Files.isDirectory(file) ? " (a directory)" : " (missing)")));
        }
        return file.toAbsolutePath().normalize();
    }

    /**
     * A new empty directory {@code dir/<prefix><random>}. Unlike Files.createTempDirectory it
     * keeps the umask's permissions (not owner-only), so a shared --prefix kernelspec stays readable.
     */
    private static Path newSiblingDir(Path dir, String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = dir.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36));
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("expected " + to + " to be free; something else created it meanwhile", e);
        }
    }

    /** Cleanup that must not hide the exception being thrown; a leftover dot-directory is harmless. */
    private static void deleteQuietly(Path root) {
        try {
            FileTrees.deleteTree(root);
        } catch (IOException | UncheckedIOException e) {
            // leave it: it sits beside kernels/, where Jupyter does not look
        }
    }
}
