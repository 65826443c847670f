package scratchnet.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scratchnet.install.JupyterDataDir.Target;

/** Where kernelspecs go for --user, --sys-prefix and --prefix, by jupyter_core's rules. */
class JupyterDataDirTest {

    @TempDir
    Path tmp;

    @Test
    void jupyterDataDirWinsForUser() {
        Path data = tmp.resolve("jupyter-data");
        Map<String, String> env = Map.of("JUPYTER_DATA_DIR", data.toString(), "XDG_DATA_HOME", tmp.resolve("xdg").toString());
        assertThat(JupyterDataDir.of(Target.user(), env)).isEqualTo(data.toAbsolutePath());
    }

    @Test
    void userTargetWithoutJupyterDataDirUsesThePlatformDir() {
        String os = System.getProperty("os.name").toLowerCase();
        Path home = Path.of(System.getProperty("user.home"));
        if (os.startsWith("linux")) {
            assertThat(JupyterDataDir.of(Target.user(), Map.of("XDG_DATA_HOME", tmp.toString())))
                    .isEqualTo(tmp.resolve("jupyter"));
            assertThat(JupyterDataDir.of(Target.user(), Map.of("JUPYTER_DATA_DIR", "")))
                    .isEqualTo(home.resolve(".local/share/jupyter"));
        } else if (os.startsWith("mac")) {
            assertThat(JupyterDataDir.of(Target.user(), Map.of())).isEqualTo(home.resolve("Library/Jupyter"));
        } else if (os.startsWith("windows")) {
            assertThat(JupyterDataDir.of(Target.user(), Map.of("APPDATA", tmp.toString())))
                    .isEqualTo(tmp.resolve("jupyter"));
        }
    }

    @Test
    void prefixTargetIsDirShareJupyter() {
        assertThat(JupyterDataDir.of(Target.prefix(tmp.resolve("a/../env")), Map.of()))
                .isEqualTo(tmp.resolve("env/share/jupyter"));
    }
}
