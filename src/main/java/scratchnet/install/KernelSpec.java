package scratchnet.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import scratchnet.exec.KernelIdentity;

/**
 * Installs and removes the Jupyter kernelspec that starts {@code scratchnet.jar} as a kernel:
 * a directory {@code <data-dir>/kernels/<name>/} holding {@code kernel.json} and the logos.
 * <pre>{@code
 * java -jar target/scratchnet.jar install --prefix /tmp/ks
 * // Installed kernelspec scratchnet in /tmp/ks/share/jupyter/kernels/scratchnet
 * Path dir = KernelSpec.install(Target.prefix(Path.of("/tmp/ks")), jar, java, "scratchnet");
 * KernelSpec.uninstall(Target.prefix(Path.of("/tmp/ks")), "scratchnet");   // true, then false
 * }</pre>
 * The kernel's argv is the java executable that ran {@code install}, a few JVM options for a
 * light orchestrating process, {@code -jar <scratchnet.jar> kernel {connection_file}}. The
 * command line's {@code install} also makes {@link StartupArchives start-up archives}
 * (class-data sharing) in the kernelspec directory, unless given {@code --no-archives}; the argv
 * then names them, and a kernel whose archive is missing or does not fit starts without it.
 */
public final class KernelSpec {
    /** The kernelspec name used when {@code --name} is not given. */
    public static final String DEFAULT_NAME = KernelIdentity.NAME;
    /** JVM options of the kernel process: it only orchestrates and compiles, user code runs in a child JVM. */
    public static final List<String> JVM_OPTIONS = List.of(
            "-Djava.awt.headless=true", "-XX:+UseSerialGC",
            // C1 only: the kernel's work (messaging, javac for each cell) is short-lived, and C2
            // compiling javac takes a core for seconds at start-up, when the cell JVM needs it
            "-XX:TieredStopAtLevel=1", "-Xshare:auto");
    /** The files copied from the jar's {@code /scratchnet/install/} resources beside kernel.json. */
    public static final List<String> LOGOS = List.of("logo-32x32.png", "logo-64x64.png", "logo-svg.svg");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RESOURCE_DIR = "/scratchnet/install/";
    /** Jupyter's rule for kernel names (jupyter_client's _kernel_name_pat). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final String OPTIONS =
            "--user, --sys-prefix, --prefix DIR, --name NAME";
    private static final String NO_ARCHIVES = "--no-archives";

    private KernelSpec() {
    }

    /**
     * Where a kernelspec goes: the user's Jupyter data dir, the running Python's
     * {@code sys.prefix/share/jupyter}, or {@code DIR/share/jupyter}.
     * <pre>{@code
     * Target.user()                       // ~/.local/share/jupyter on Linux
     * Target.sysPrefix()                  // /usr/share/jupyter when sys.prefix is /usr
     * Target.prefix(Path.of("/opt/env"))  // /opt/env/share/jupyter
     * }</pre>
     */
    public sealed interface Target permits User, SysPrefix, Prefix {
        /** {@code --user}: {@code $JUPYTER_DATA_DIR} or the platform's per-user Jupyter data dir. */
        static Target user() {
            return new User();
        }

        /** {@code --sys-prefix}: {@code <python sys.prefix>/share/jupyter}. */
        static Target sysPrefix() {
            return new SysPrefix();
        }

        /** {@code --prefix DIR}: {@code DIR/share/jupyter}. */
        static Target prefix(Path dir) {
            return new Prefix(dir);
        }
    }

    /** The per-user data dir; see {@link Target#user()}. */
    public record User() implements Target {
    }

    /** Python's {@code sys.prefix}; see {@link Target#sysPrefix()}. */
    public record SysPrefix() implements Target {
    }

    /** An explicit prefix; see {@link Target#prefix(Path)}. */
    public record Prefix(Path dir) implements Target {
        public Prefix {
            if (dir == null) {
                throw new IllegalArgumentException("--prefix needs a directory; got null");
            }
        }
    }

    /** The Jupyter data dir for {@code target}, reading the process environment. */
    public static Path dataDir(Target target) {
        return dataDir(target, System.getenv());
    }

    /**
     * The Jupyter data dir for {@code target} with {@code env} standing in for the environment
     * ({@code JUPYTER_DATA_DIR}, {@code XDG_DATA_HOME}, {@code APPDATA}); tests inject it.
     */
    public static Path dataDir(Target target, Map<String, String> env) {
        if (target instanceof Prefix p) {
            return p.dir().toAbsolutePath().normalize().resolve("share").resolve("jupyter");
        }
        if (target instanceof SysPrefix) {
            return Path.of(pythonSysPrefix()).toAbsolutePath().normalize().resolve("share").resolve("jupyter");
        }
        String explicit = nonEmpty(env.get("JUPYTER_DATA_DIR"));
        if (explicit != null) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = nonEmpty(env.get("APPDATA"));
            return appData != null ? Path.of(appData, "jupyter") : home.resolve("AppData").resolve("Roaming").resolve("jupyter");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Jupyter");
        }
        String xdg = nonEmpty(env.get("XDG_DATA_HOME"));
        return xdg != null ? Path.of(xdg, "jupyter").toAbsolutePath().normalize()
                : home.resolve(".local").resolve("share").resolve("jupyter");
    }

    /** {@code <data-dir>/kernels/<name>} for {@code target}. */
    public static Path kernelDir(Target target, String name) {
        return dataDir(target).resolve("kernels").resolve(checkName(name));
    }

    /**
     * Writes the kernelspec {@code <data-dir>/kernels/<name>/}, replacing any previous one, and
     * returns that directory. The files are written to a temporary directory beside
     * {@code kernels/} and moved into place, so a failure never leaves a half-written kernelspec.
     *
     * @param jar  scratchnet.jar, which the kernel runs with {@code -jar}
     * @param java the java executable the kernel runs with
     */
    public static Path install(Target target, Path jar, Path java, String name) throws IOException {
        return installInto(dataDir(target), jar, java, name, false, System.out);
    }

    /**
     * {@link #install(Target, Path, Path, String)}, with {@link StartupArchives start-up archives}
     * when {@code archives} is true: training runs of a few seconds make them, reporting on
     * {@code log}; one that cannot be made is left out with a warning, and the install goes on.
     */
    public static Path install(Target target, Path jar, Path java, String name, boolean archives, PrintStream log)
            throws IOException {
        return installInto(dataDir(target), jar, java, name, archives, log);
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
            for (String logo : LOGOS) {
                try (InputStream in = KernelSpec.class.getResourceAsStream(RESOURCE_DIR + logo)) {
                    if (in == null) {
                        throw new IOException("expected resource " + RESOURCE_DIR + logo
                                + " in scratchnet.jar; it is missing (rebuild with ./mvnw package)");
                    }
                    Files.copy(in, tmp.resolve(logo));
                }
            }
            List<String> archiveOptions = List.of();
            if (archives) {
                log.println("Making start-up archives for " + javaPath + " (a few seconds; " + NO_ARCHIVES
                        + " skips this)");
                // made in the temporary dir, named in kernel.json where they will be once it is moved
                archiveOptions = StartupArchives.kernelJvmOptions(StartupArchives.create(javaPath, jarPath, tmp, log), dest);
            }
            Files.write(tmp.resolve("kernel.json"), kernelJson(jarPath, javaPath, archiveOptions));
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

    /**
     * Removes {@code <data-dir>/kernels/<name>/}; returns false when there was none.
     * <pre>{@code
     * KernelSpec.uninstall(Target.user(), "scratchnet")   // true, then false
     * }</pre>
     */
    public static boolean uninstall(Target target, String name) throws IOException {
        return uninstallFrom(dataDir(target), name);
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
        deleteTree(doomed);
        return true;
    }

    /** The kernel.json for {@code jar} run by {@code java}, as UTF-8 bytes with a final newline. */
    static byte[] kernelJson(Path jar, Path java) throws IOException {
        return kernelJson(jar, java, List.of());
    }

    /** {@link #kernelJson(Path, Path)} with {@code extraJvmOptions} after {@link #JVM_OPTIONS}. */
    static byte[] kernelJson(Path jar, Path java, List<String> extraJvmOptions) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(java.toAbsolutePath().normalize().toString());
        argv.addAll(JVM_OPTIONS);
        argv.addAll(extraJvmOptions);
        argv.add("-jar");
        argv.add(jar.toAbsolutePath().normalize().toString());
        argv.add("kernel");
        argv.add("{connection_file}");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", KernelIdentity.DISPLAY_NAME);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", Map.of());
        spec.put("metadata", Map.of("debugger", false));
        String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(spec);
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The java executable running this JVM, as an absolute path. */
    public static Path currentJava() {
        return ProcessHandle.current().info().command()
                .map(Path::of)
                .filter(Files::isRegularFile)
                .orElseGet(() -> {
                    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
                    return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
                })
                .toAbsolutePath().normalize();
    }

    /**
     * The jar this class was loaded from; fails when it was loaded from a classes directory
     * (as in tests), where {@code install --jar PATH} must say which jar the kernel should run.
     */
    public static Path runningJar() {
        CodeSource source = KernelSpec.class.getProtectionDomain().getCodeSource();
        Path location;
        try {
            location = source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("install must run from scratchnet.jar; got " + source.getLocation(), e);
        }
        if (location == null || !Files.isRegularFile(location)
                || !location.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")) {
            throw new IllegalStateException("install must run from scratchnet.jar; got "
                    + (location == null ? "no code source" : location) + " (pass --jar PATH to name the jar)");
        }
        return location.toAbsolutePath().normalize();
    }

    /**
     * {@code install ...} or {@code uninstall ...} from the command line; {@code args[0]} is the
     * command. Returns the exit status: 0 done, 1 failed (or nothing to uninstall), 2 usage error.
     * <pre>{@code
     * KernelSpec.main(new String[] {"install", "--prefix", "/tmp/ks", "--name", "sn"})   // 0
     * }</pre>
     */
    public static int main(String[] args) {
        return run(args, System.getenv(), System.out, System.err);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0 || !(args[0].equals("install") || args[0].equals("uninstall"))) {
            err.println("kernelspec: expected the command install or uninstall; got "
                    + (args.length == 0 ? "nothing" : "'" + args[0] + "'"));
            usage(err);
            return 2;
        }
        String command = args[0];
        boolean install = command.equals("install");
        Target target = null;
        String targetOption = null;
        String name = DEFAULT_NAME;
        Path jar = null;
        boolean archives = true;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String option = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            String value = option.equals(arg) ? null : arg.substring(eq + 1);
            boolean takesValue = option.equals("--prefix") || option.equals("--name") || (install && option.equals("--jar"));
            switch (option) {
                case "-h", "--help", "--user", "--sys-prefix", "--prefix", "--name" -> { }
                case NO_ARCHIVES -> {
                    if (!install) {
                        return usageError(err, command, "unknown option '" + NO_ARCHIVES
                                + "' (only install takes it); expected " + OPTIONS);
                    }
                }
                case "--jar" -> {
                    if (!install) {
                        return usageError(err, command, "unknown option '--jar' (only install takes it); expected " + OPTIONS);
                    }
                }
                default -> {
                    return usageError(err, command, "unknown option '" + arg + "'; expected " + OPTIONS
                            + (install ? ", --jar PATH or " + NO_ARCHIVES : ""));
                }
            }
            if (!takesValue && value != null) {
                return usageError(err, command, option + " takes no value; got '" + arg + "'");
            }
            if (takesValue && value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    return usageError(err, command, option + " needs a value; got "
                            + (i + 1 >= args.length ? "nothing" : "'" + args[i + 1] + "'"));
                }
                value = args[++i];
            }
            if (takesValue && value.isEmpty()) {
                return usageError(err, command, option + " needs a value; got an empty string");
            }
            Target chosen = null;
            switch (option) {
                case "-h", "--help" -> {
                    usage(out);
                    return 0;
                }
                case NO_ARCHIVES -> archives = false;
                case "--user" -> chosen = Target.user();
                case "--sys-prefix" -> chosen = Target.sysPrefix();
                case "--prefix" -> chosen = Target.prefix(Path.of(value));
                case "--name" -> {
                    if (!NAME.matcher(value).matches()) {
                        return usageError(err, command, "--name expected letters, digits, '.', '_' or '-'; got '"
                                + value + "'");
                    }
                    name = value;
                }
                default -> jar = Path.of(value);   // --jar
            }
            if (chosen != null) {
                if (target != null) {
                    return usageError(err, command, "expected one of --user, --sys-prefix, --prefix DIR; got both "
                            + targetOption + " and " + option);
                }
                target = chosen;
                targetOption = option;
            }
        }
        if (target == null) {
            target = Target.user();
        }
        try {
            Path dataDir = dataDir(target, env);
            if (install) {
                Path jarPath = jar != null ? jar : runningJar();
                Path dir = installInto(dataDir, jarPath, currentJava(), name, archives, out);
                out.println("Installed kernelspec " + name + " in " + dir);
                return 0;
            }
            Path dir = dataDir.resolve("kernels").resolve(name);
            if (!uninstallFrom(dataDir, name)) {
                err.println("uninstall: no kernelspec '" + name + "' at " + dir + "; nothing removed");
                return 1;
            }
            out.println("Removed kernelspec " + name + " from " + dir);
            return 0;
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            err.println(command + ": " + e.getMessage());
            return 1;
        }
    }

    private static int usageError(PrintStream err, String command, String message) {
        err.println(command + ": " + message);
        usage(err);
        return 2;
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar scratchnet.jar install   [--user | --sys-prefix | --prefix DIR] [--name NAME] [--jar PATH]");
        out.println("                                          [" + NO_ARCHIVES + "]");
        out.println("       java -jar scratchnet.jar uninstall [--user | --sys-prefix | --prefix DIR] [--name NAME]");
        out.println("  --user          the per-user Jupyter data dir (default; $JUPYTER_DATA_DIR when set)");
        out.println("  --sys-prefix    <python sys.prefix>/share/jupyter, asking python3 (or python)");
        out.println("  --prefix DIR    DIR/share/jupyter");
        out.println("  --name NAME     kernelspec name (default " + DEFAULT_NAME + ")");
        out.println("  --jar PATH      the jar the kernel runs (default: the running scratchnet.jar)");
        out.println("  " + NO_ARCHIVES + "   skip making the start-up archives (class-data sharing) that make");
        out.println("                  the kernel start faster; they are remade by every install");
    }

    private static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
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

    /** Asks python3 (then python) for sys.prefix. */
    private static String pythonSysPrefix() {
        List<String> tried = new ArrayList<>();
        for (String python : List.of("python3", "python")) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import sys; print(sys.prefix)")
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                p.getOutputStream().close();
                byte[] bytes = p.getInputStream().readAllBytes();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    tried.add(python + " (timed out)");
                    continue;
                }
                String prefix = new String(bytes, StandardCharsets.UTF_8).strip();
                if (p.exitValue() == 0 && !prefix.isEmpty()) {
                    return prefix;
                }
                tried.add(python + " (exit status " + p.exitValue() + ")");
            } catch (IOException e) {
                tried.add(python + " (not found)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("--sys-prefix: interrupted while asking " + python + " for sys.prefix", e);
            }
        }
        throw new IllegalStateException("--sys-prefix expected python3 or python on PATH to print sys.prefix; got "
                + String.join(", ", tried) + ". Use --user or --prefix DIR instead");
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

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** Cleanup that must not hide the exception being thrown; a leftover dot-directory is harmless. */
    private static void deleteQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException | UncheckedIOException e) {
            // leave it: it sits beside kernels/, where Jupyter does not look
        }
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
