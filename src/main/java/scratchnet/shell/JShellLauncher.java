package scratchnet.shell;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jdk.jshell.tool.JavaShellToolBuilder;
import scratchnet.exec.CellEvaluator;
import scratchnet.settings.Settings;

/**
 * {@code java -jar scratchnet.jar jshell [jshell options]}: the JDK's JShell with scratchnet ready
 * to use. The shell gets this jar on its class path, JShell's {@code DEFAULT} imports plus the
 * ones every notebook cell starts with ({@link CellEvaluator#IMPORTS}: {@code import static
 * scratchnet.Dsl.*}, {@code Matrix}, {@code scratchnet.nn.*}, XChart, Tablesaw, …), and a text
 * progress bar for {@code fit} ({@code -R-Dscratchnet.progress=terminal}). Options are passed
 * on to JShell; a {@code --class-path} of your own is added after the jar.
 * <pre>{@code
 * $ java -jar target/scratchnet.jar jshell
 * scratchnet ready: import static scratchnet.Dsl.* is done; show(chart) saves or opens plots
 * jshell> var x = arange(0, 1, 0.25);
 * jshell> x.sum()
 * $2 ==> 1.5
 * }</pre>
 */
public final class JShellLauncher {
    /** The JVM option that makes {@code fit} show a text progress bar in JShell's remote JVM. */
    public static final String PROGRESS_OPTION = "-R-Dscratchnet.progress=terminal";
    /** Lets the optional native BLAS load in the JShell JVM without a warning on JDK 24+. */
    public static final String NATIVE_ACCESS_OPTION = "-R--enable-native-access=ALL-UNNAMED";
    /** Adds the Vector API module to JShell's remote JVM, so the engine's SIMD loops run there. */
    public static final String VECTOR_OPTION = "-R--add-modules=jdk.incubator.vector";

    /** Where {@code show(chart)} may come from, in order of preference. */
    private static final List<String> SHOW_CLASSES = List.of("scratchnet.Dsl", "scratchnet.plot.Plots");

    private JShellLauncher() {
    }

    /** Starts JShell with {@code args} (JShell's own options) and returns its exit status. */
    public static int run(String[] args) throws Exception {
        Path startup = Files.createTempFile("scratchnet-jshell-", ".jsh");
        startup.toFile().deleteOnExit();
        try {
            Files.writeString(startup, startupScript(), StandardCharsets.UTF_8);
            List<String> jshellArgs = arguments(Settings.classPath(), startup, args);
            return JavaShellToolBuilder.builder().start(jshellArgs.toArray(new String[0]));
        } finally {
            try {
                Files.deleteIfExists(startup);
            } catch (IOException e) {
                // deleteOnExit tries again
            }
        }
    }

    /**
     * JShell's options: the class path (ours, then any {@code --class-path} / {@code -cp} /
     * {@code --class-path=} given), JShell's DEFAULT startup and ours (a {@code --startup} of one's
     * own replaces DEFAULT, as in JShell, and ours still follows it; {@code --no-startup} drops
     * both), the progress option, then the remaining options as given.
     */
    static List<String> arguments(String classPath, Path startup, String[] userArgs) {
        List<String> rest = new ArrayList<>();
        StringBuilder cp = new StringBuilder(classPath == null ? "" : classPath);
        boolean ownStartup = false;
        boolean noStartup = false;
        for (int i = 0; i < userArgs.length; i++) {
            String a = userArgs[i];
            String extra = null;
            if ((a.equals("--class-path") || a.equals("-cp") || a.equals("-classpath")) && i + 1 < userArgs.length) {
                extra = userArgs[++i];
            } else if (a.startsWith("--class-path=")) {
                extra = a.substring("--class-path=".length());
            }
            if (extra != null) {
                if (cp.length() > 0 && !extra.isEmpty()) {
                    cp.append(File.pathSeparator);
                }
                cp.append(extra);
                continue;
            }
            noStartup |= a.equals("--no-startup");
            ownStartup |= a.equals("--startup") || a.startsWith("--startup=");
            rest.add(a);
        }
        List<String> out = new ArrayList<>();
        if (cp.length() > 0) {
            out.add("--class-path");
            out.add(cp.toString());
        }
        if (!noStartup) {
            if (!ownStartup) {
                out.add("--startup");
                out.add("DEFAULT");
            }
            out.add("--startup");
            out.add(startup.toString());
        }
        out.add(PROGRESS_OPTION);
        out.add(NATIVE_ACCESS_OPTION);
        out.add(VECTOR_OPTION);
        out.addAll(rest);
        return out;
    }

    /**
     * The startup snippets: the notebook imports, {@code show} when this jar has one (as a static
     * import when it is not already in {@code Dsl}), and the one-line greeting.
     */
    static String startupScript() {
        StringBuilder s = new StringBuilder();
        for (String imp : CellEvaluator.IMPORTS) {
            s.append(imp).append('\n');
        }
        String showFrom = showClass();
        if (showFrom != null && !showFrom.equals("scratchnet.Dsl")) {
            s.append("import static ").append(showFrom).append(".show;\n");
        }
        String greeting = "scratchnet ready: import static scratchnet.Dsl.* is done"
                + (showFrom == null ? "" : "; show(chart) saves or opens plots");
        s.append("System.out.println(\"").append(greeting).append("\");\n");
        return s.toString();
    }

    /** The first of {@link #SHOW_CLASSES} with a public static {@code show(Object)}, or null. */
    private static String showClass() {
        for (String name : SHOW_CLASSES) {
            try {
                // not initialised: loading Dsl here must not set up anything in this JVM
                Class<?> c = Class.forName(name, false, JShellLauncher.class.getClassLoader());
                for (Method m : c.getMethods()) {
                    if (m.getName().equals("show") && Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 1) {
                        return name;
                    }
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not in this build
            }
        }
        return null;
    }
}
