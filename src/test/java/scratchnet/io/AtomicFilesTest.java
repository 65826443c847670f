package scratchnet.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole-or-nothing writes that keep a replaced file's permissions and clean up after killed writers. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"rw-------", "r--r--r--", "rw-rw----"})
    void replacingAFileKeepsItsPermissions(String perms) throws IOException {
        Path file = dir.resolve("model.json");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));

        AtomicFiles.write(file, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo(perms);
    }

    @Test
    void aNewFileIsReadableByAll() throws IOException {
        Path file = dir.resolve("sub/chart.png");
        AtomicFiles.write(file, new byte[] {1, 2, 3});
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }

    @Test
    void staleTemporariesOfTheSameTargetAreRemovedFreshOnesAndOthersKept() throws IOException {
        Path file = dir.resolve("run.out.ipynb");
        Path stale = Files.writeString(dir.resolve(".run.out.ipynb.123456.tmp"), "half");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(AtomicFiles.STALE).minusSeconds(60)));
        Path fresh = Files.writeString(dir.resolve(".run.out.ipynb.777.tmp"), "being written");
        Path otherStale = Files.writeString(dir.resolve(".other.json.9.tmp"), "not ours");
        Files.setLastModifiedTime(otherStale, FileTime.from(Instant.now().minusSeconds(86_400)));

        AtomicFiles.write(file, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(otherStale).exists();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("run.out.ipynb", ".run.out.ipynb.777.tmp", ".other.json.9.tmp");
        }
    }
}
