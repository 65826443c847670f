package scratchnet.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import scratchnet.exec.CellEvaluator;

/** The options and startup script the launcher hands to JShell (no JShell is started). */
class JShellLauncherTest {
    private static final Path STARTUP = Path.of("/tmp/s.jsh");

    @Test
    void addsClassPathStartupAndProgressBeforeTheUsersOptions() {
        assertThat(JShellLauncher.arguments("app.jar", STARTUP, new String[] {"-v"})).containsExactly(
                "--class-path", "app.jar", "--startup", "DEFAULT", "--startup", STARTUP.toString(),
                "-R-Dscratchnet.progress=terminal", "-R--enable-native-access=ALL-UNNAMED", "-R--add-modules=jdk.incubator.vector", "-v");
    }

    @Test
    void mergesTheUsersClassPathAndKeepsTheirStartupChoices() {
        assertThat(JShellLauncher.arguments("app.jar", STARTUP, new String[] {"--class-path", "extra.jar", "--startup", "PRINTING"}))
                .containsExactly("--class-path", "app.jar" + File.pathSeparator + "extra.jar", "--startup", STARTUP.toString(),
                        JShellLauncher.PROGRESS_OPTION, JShellLauncher.NATIVE_ACCESS_OPTION, JShellLauncher.VECTOR_OPTION, "--startup", "PRINTING");
        assertThat(JShellLauncher.arguments("app.jar", STARTUP, new String[] {"--no-startup"}))
                .containsExactly("--class-path", "app.jar", JShellLauncher.PROGRESS_OPTION, JShellLauncher.NATIVE_ACCESS_OPTION, JShellLauncher.VECTOR_OPTION, "--no-startup");
    }

    @Test
    void startupHasTheNotebookImportsAndTheGreeting() {
        String script = JShellLauncher.startupScript();
        assertThat(script).contains(CellEvaluator.IMPORTS.toArray(new String[0]))
                .contains("System.out.println(\"scratchnet ready: import static scratchnet.Dsl.* is done");
    }
}
