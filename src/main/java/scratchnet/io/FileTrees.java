package scratchnet.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removes directory trees: the files first, then the directories that held them.
 * <pre>{@code
 * FileTrees.deleteTree(Path.of("/tmp/scratchnet-kernel-bench123"));   // gone, with everything in it
 * FileTrees.deleteTree(null);                                          // nothing to do
 * }</pre>
 */
public final class FileTrees {
    private FileTrees() {
    }

    /**
     * Deletes {@code root} and everything under it; a null or missing {@code root} is nothing to do.
     *
     * @throws IOException when a file or directory could not be deleted (what was deleted stays deleted)
     */
    public static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
