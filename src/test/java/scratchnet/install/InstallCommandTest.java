package scratchnet.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** install/uninstall's command line: usage errors that say what was expected, and help. */
class InstallCommandTest {

    @TempDir
    Path tmp;

    /** Runs the command line with captured output; returns {exit status, stdout, stderr}. */
    private static Object[] run(Map<String, String> env, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = InstallCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Object[] {status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--users", "-x", "extra"})
    void unknownOptionsAreUsageErrorsNamingTheOption(String option) {
        Object[] r = run(Map.of(), "install", "--prefix", tmp.toString(), option);
        assertThat(r[0]).isEqualTo(2);
        assertThat((String) r[2]).contains("unknown option '" + option + "'").contains("usage:");
        assertThat(tmp.resolve("share")).doesNotExist();
    }

    @Test
    void optionErrorsSayWhatWasExpected() {
        Object[] noValue = run(Map.of(), "install", "--prefix");
        assertThat(noValue[0]).isEqualTo(2);
        assertThat((String) noValue[2]).contains("--prefix expects a value (DIR), got nothing");

        Object[] optionAsValue = run(Map.of(), "uninstall", "--name", "--user");
        assertThat(optionAsValue[0]).isEqualTo(2);
        assertThat((String) optionAsValue[2]).contains("--name expects a value (NAME), got '--user'");

        Object[] two = run(Map.of(), "install", "--user", "--prefix", tmp.toString());
        assertThat(two[0]).isEqualTo(2);
        assertThat((String) two[2]).contains("got both --user and --prefix");

        Object[] badName = run(Map.of(), "install", "--name", "my kernel");
        assertThat(badName[0]).isEqualTo(2);
        assertThat((String) badName[2]).contains("--name expected letters, digits").contains("'my kernel'");

        Object[] archivesOnUninstall = run(Map.of(), "uninstall", "--no-archives");
        assertThat(archivesOnUninstall[0]).isEqualTo(2);
        assertThat((String) archivesOnUninstall[2]).contains("unknown option '--no-archives'; expected one of --user, --sys-prefix, --prefix DIR, --name NAME");

        Object[] jarOnUninstall = run(Map.of(), "uninstall", "--jar", "x.jar");
        assertThat(jarOnUninstall[0]).isEqualTo(2);
        assertThat((String) jarOnUninstall[2]).contains("unknown option '--jar'");

        Object[] flagWithValue = run(Map.of(), "install", "--user=yes");
        assertThat(flagWithValue[0]).isEqualTo(2);
        assertThat((String) flagWithValue[2]).contains("--user takes no value, got '--user=yes'");

        Object[] noCommand = run(Map.of(), "reinstall");
        assertThat(noCommand[0]).isEqualTo(2);
        assertThat((String) noCommand[2]).contains("expected the command install or uninstall; got 'reinstall'");
    }

    @Test
    void helpPrintsUsage() {
        Object[] r = run(Map.of(), "install", "--help");
        assertThat(r[0]).isEqualTo(0);
        assertThat((String) r[1]).contains("usage:").contains("--sys-prefix").contains("--prefix DIR");
    }
}
