package scratchnet.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removing a directory tree: everything under it, and nothing beside it. */
class FileTreesTest {
    @TempDir
    Path tmp;

    @Test
    void deletesNestedFilesAndDirectoriesOnly() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root/a/b"));
        Files.writeString(root.resolve("deep.txt"), "x");
        Files.writeString(tmp.resolve("root/top.txt"), "y");
        Path sibling = Files.writeString(tmp.resolve("sibling.txt"), "z");

        FileTrees.deleteTree(tmp.resolve("root"));

        assertThat(tmp.resolve("root")).doesNotExist();
        assertThat(sibling).hasContent("z");
    }

    @Test
    void nullOrMissingIsNothingToDo() throws IOException {
        FileTrees.deleteTree(null);
        FileTrees.deleteTree(tmp.resolve("missing"));
        assertThat(tmp).isEmptyDirectory();
    }
}
