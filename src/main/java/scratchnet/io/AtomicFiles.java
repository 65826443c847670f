package scratchnet.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Writes files whole or not at all: into a temporary file beside the target, then one atomic
 * rename, so a reader never sees half a file and a failed write leaves the old one in place.
 * A file that is replaced keeps its permissions (a private {@code rw-------} model stays private);
 * a new file gets {@code rw-r--r--}. Temporary files that a killed process left beside the target
 * ({@code .<name>.<random>.tmp}, older than {@link #STALE}) are removed by the next write.
 * Used for saved models, executed notebooks and their HTML, and saved charts.
 * <pre>{@code
 * AtomicFiles.write(Path.of("model.json"), bytes);
 * }</pre>
 */
public final class AtomicFiles {
    /** How old a leftover temporary file must be before a later write removes it. */
    static final Duration STALE = Duration.ofMinutes(10);

    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code bytes}; on any failure the old file (if any) is untouched. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        if (Files.isDirectory(abs)) {
            throw new IOException("expected " + abs + " to be a file to write, but it is a directory");
        }
        removeStaleTemporaries(abs);
        Path tmp = Files.createTempFile(dir, tempPrefix(abs), ".tmp");
        try {
            Files.write(tmp, bytes);
            setPermissions(tmp, abs);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The temporary file takes the permissions of the file it replaces, or rw-r--r-- for a new file. */
    private static void setPermissions(Path tmp, Path target) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.exists(target)
                    ? Files.getPosixFilePermissions(target)
                    : NEW_FILE;
            Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the platform's defaults apply
        }
    }

    private static String tempPrefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    /** Deletes this target's own leftover temporary files that are older than {@link #STALE}. */
    private static void removeStaleTemporaries(Path target) {
        Instant cutoff = Instant.now().minus(STALE);
        String glob = tempPrefix(target).replace("[", "\\[").replace("{", "\\{").replace("*", "\\*")
                .replace("?", "\\?") + "*.tmp";
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(target.getParent(), glob)) {
            for (Path p : leftovers) {
                FileTime modified = Files.getLastModifiedTime(p);
                if (Files.isRegularFile(p) && modified.toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // cleaning up is a courtesy: the write itself goes on
        }
    }
}
