package scratchnet.install;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import scratchnet.cli.Args;
import scratchnet.install.JupyterDataDir.Target;
import scratchnet.settings.Settings;

/**
 * {@code java -jar scratchnet.jar install|uninstall [options]}: the command line of
 * {@link KernelSpec}. {@code install} writes the kernelspec for the running jar and java, with
 * start-up archives unless given {@value #NO_ARCHIVES}; {@code uninstall} removes it. Exit
 * status: 0 done, 1 failed (or nothing to uninstall), 2 usage error.
 * <pre>{@code
 * java -jar target/scratchnet.jar install --prefix /tmp/ks --name sn
 * // Installed kernelspec sn in /tmp/ks/share/jupyter/kernels/sn
 * InstallCommand.main(new String[] {"uninstall", "--prefix", "/tmp/ks", "--name", "sn"})   // 0
 * }</pre>
 */
public final class InstallCommand {
    /** The option that skips the start-up archives. */
    static final String NO_ARCHIVES = "--no-archives";

    private static final Args.Spec UNINSTALL = Args.spec()
            .flag("--user").flag("--sys-prefix").option("--prefix", "DIR").option("--name", "NAME")
            .flag("--help", "-h")
            .atMostOneOf("--user", "--sys-prefix", "--prefix");
    private static final Args.Spec INSTALL = Args.spec()
            .flag("--user").flag("--sys-prefix").option("--prefix", "DIR").option("--name", "NAME")
            .option("--jar", "PATH").flag(NO_ARCHIVES)
            .flag("--help", "-h")
            .atMostOneOf("--user", "--sys-prefix", "--prefix");

    private InstallCommand() {
    }

    /**
     * {@code install ...} or {@code uninstall ...}; {@code args[0]} is the command. Returns the
     * exit status.
     */
    public static int main(String[] args) {
        return run(args, Settings.environment(), System.out, System.err);
    }

    /** {@link #main} with {@code env} standing in for the environment, and the output streams given. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0 || !(args[0].equals("install") || args[0].equals("uninstall"))) {
            err.println("kernelspec: expected the command install or uninstall; got "
                    + (args.length == 0 ? "nothing" : "'" + args[0] + "'"));
            usage(err);
            return 2;
        }
        String command = args[0];
        boolean install = command.equals("install");
        Args parsed;
        try {
            parsed = (install ? INSTALL : UNINSTALL).parse(java.util.Arrays.copyOfRange(args, 1, args.length));
        } catch (Args.UsageException e) {
            return usageError(err, command, e.getMessage());
        }
        if (parsed.has("--help")) {
            usage(out);
            return 0;
        }
        String name = parsed.value("--name", KernelSpec.DEFAULT_NAME);
        if (!KernelSpec.isValidName(name)) {
            return usageError(err, command, "--name expected letters, digits, '.', '_' or '-'; got '" + name + "'");
        }
        Target target = parsed.has("--sys-prefix") ? Target.sysPrefix()
                : parsed.has("--prefix") ? Target.prefix(Path.of(parsed.value("--prefix", null)))
                : Target.user();
        try {
            Path dataDir = JupyterDataDir.of(target, env);
            if (install) {
                String jar = parsed.value("--jar", null);
                Path jarPath = jar != null ? Path.of(jar) : RunningJava.jar();
                Path dir = KernelSpec.installInto(dataDir, jarPath, RunningJava.executable(), name,
                        !parsed.has(NO_ARCHIVES), out);
                out.println("Installed kernelspec " + name + " in " + dir);
                return 0;
            }
            Path dir = dataDir.resolve("kernels").resolve(name);
            if (!KernelSpec.uninstallFrom(dataDir, name)) {
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
        out.println("  --name NAME     kernelspec name (default " + KernelSpec.DEFAULT_NAME + ")");
        out.println("  --jar PATH      the jar the kernel runs (default: the running scratchnet.jar)");
        out.println("  " + NO_ARCHIVES + "   skip making the start-up archives (class-data sharing) that make");
        out.println("                  the kernel start faster; they are remade by every install");
    }
}
