package scratchnet.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import scratchnet.settings.Settings;

/**
 * Where Jupyter looks for kernelspecs: the data dir for {@code --user}, {@code --sys-prefix} or
 * {@code --prefix DIR}, resolved by the rules of jupyter_core's {@code jupyter_data_dir()} (the
 * kernelspecs themselves go in its {@code kernels/} sub-directory).
 * <pre>{@code
 * JupyterDataDir.of(Target.user())                        // ~/.local/share/jupyter on Linux
 * JupyterDataDir.of(Target.prefix(Path.of("/opt/env")))   // /opt/env/share/jupyter
 * }</pre>
 */
public final class JupyterDataDir {
    private JupyterDataDir() {
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
        /** Checks that there is a directory. */
        public Prefix {
            if (dir == null) {
                throw new IllegalArgumentException("--prefix needs a directory; got null");
            }
        }
    }

    /** The Jupyter data dir for {@code target}, reading the process environment. */
    public static Path of(Target target) {
        return of(target, Settings.environment());
    }

    /**
     * The Jupyter data dir for {@code target} with {@code env} standing in for the environment
     * ({@code JUPYTER_DATA_DIR}, {@code XDG_DATA_HOME}, {@code APPDATA}); tests inject it.
     */
    public static Path of(Target target, Map<String, String> env) {
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
        Path home = Settings.userHome();
        String os = Settings.osName();
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

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
