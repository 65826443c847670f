package scratchnet.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up archives as the running kernel reads them: used when present, a hint when stale. */
class StartupArchiveDirTest {

    @TempDir
    Path tmp;

    private String old;

    @BeforeEach
    void remember() {
        old = System.getProperty(StartupArchiveDir.DIR_PROPERTY);
    }

    @AfterEach
    void restore() {
        if (old == null) {
            System.clearProperty(StartupArchiveDir.DIR_PROPERTY);
        } else {
            System.setProperty(StartupArchiveDir.DIR_PROPERTY, old);
        }
    }

    @Test
    void cellJvmUsesItsArchiveOnlyWhenItIsThere() throws IOException {
        System.clearProperty(StartupArchiveDir.DIR_PROPERTY);
        assertThat(StartupArchiveDir.cellJvmOptions()).isEmpty();

        Path dir = Files.createDirectories(tmp.resolve("kernelspec"));
        System.setProperty(StartupArchiveDir.DIR_PROPERTY, dir.toString());
        assertThat(StartupArchiveDir.cellJvmOptions()).as("no cell.jsa").isEmpty();

        Files.write(dir.resolve("cell.jsa"), new byte[] {1});
        assertThat(StartupArchiveDir.cellJvmOptions()).containsExactly(
                "-XX:SharedArchiveFile=" + dir.resolve("cell.jsa"), "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    @Test
    void staleArchivesGetAHintNamingInstall() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("kernelspec"));
        Path jar = Files.write(tmp.resolve("scratchnet.jar"), new byte[] {'P', 'K'});
        Files.write(dir.resolve(StartupArchiveDir.KERNEL_ARCHIVE), new byte[] {1});
        Files.write(dir.resolve(StartupArchiveDir.CELL_ARCHIVE), new byte[] {1});
        System.setProperty(StartupArchiveDir.DIR_PROPERTY, dir.toString());
        assertThat(hint(jar.toString())).as("archives newer than the jar").isEmpty();

        Files.setLastModifiedTime(dir.resolve(StartupArchiveDir.CELL_ARCHIVE),
                FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        assertThat(hint(jar.toString())).contains("cell.jsa is older than " + jar).contains("install");

        Files.delete(dir.resolve(StartupArchiveDir.CELL_ARCHIVE));
        assertThat(hint(jar.toString())).contains("cell.jsa is missing");
        assertThat(hint(tmp.resolve("classes").toString())).as("not a jar").isEmpty();
    }

    /** What warnIfStale prints to stderr. */
    private static String hint(String classPath) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            StartupArchiveDir.warnIfStale(classPath);
        } finally {
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
