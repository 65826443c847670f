package scratchnet.kernel.debug;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files that stand for cells while debugging: a cell's code is written to
 * {@code prefix + murmur2(code, seed) + ".java"} in a directory of this kernel's own, the name a
 * front end computes by itself from {@code debugInfo}'s {@code tmpFilePrefix}, {@code hashSeed}
 * and {@code tmpFileSuffix}. Sources of scratchnet's own classes, which the jar carries under
 * {@code scratchnet-sources/}, are named by that resource path.
 * <pre>{@code
 * CellFiles files = new CellFiles();
 * String path = files.dump("int x = 1;\nx + 1");   // /tmp/scratchnet_1234_…/501940937.java
 * files.read(path);                                // "int x = 1;\nx + 1"
 * }</pre>
 */
public final class CellFiles {
    /** The hash seed announced in debugInfo: ipykernel's, so the names look alike across kernels. */
    public static final int SEED = 0xC70F6907;
    /** The cell files' suffix. */
    public static final String SUFFIX = ".java";
    /** Where the jar keeps scratchnet's own sources. */
    public static final String OWN_SOURCES = "scratchnet-sources/";

    private Path dir;

    /** This kernel's directory for cell files (made, private to the user, on first use), ending with the separator. */
    public synchronized String prefix() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("scratchnet_" + ProcessHandle.current().pid() + "_");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a directory for the cells' files: " + e.getMessage(), e);
            }
            dir.toFile().deleteOnExit();
        }
        return dir.toString() + dir.getFileSystem().getSeparator();
    }

    /** The path that stands for a cell with this code. */
    public String pathOf(String code) {
        return prefix() + idOf(code);
    }

    /** The id of a cell with this code: its file's name, made without touching the disk. */
    public static String idOf(String code) {
        return Murmur2.hash(code, SEED) + SUFFIX;
    }

    /** The cell id of a cell file's path (a path that is not a cell file's stays as it is). */
    public String idOfPath(String path) {
        String prefix = prefix();
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    /** The path of the cell file with this id. */
    public String pathOfId(String id) {
        return prefix() + id;
    }

    /** Writes {@code code} to its cell file and returns the file's path. */
    public String dump(String code) throws IOException {
        String path = pathOf(code);
        Path file = Path.of(path);
        Files.writeString(file, code, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return path;
    }

    /** The code of a cell file, or null when {@code path} is not one that was dumped. */
    public String cellCode(String path) {
        if (!path.startsWith(prefix()) || !path.endsWith(SUFFIX)) {
            return null;
        }
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The text of a source: a dumped cell, or one of scratchnet's own sources by its resource path
     * ({@code scratchnet-sources/scratchnet/nn/Network.java}).
     *
     * @throws DebugException when there is no such source
     */
    public String read(String path) throws DebugException {
        String cell = cellCode(path);
        if (cell != null) {
            return cell;
        }
        if (path.startsWith(OWN_SOURCES) && !path.contains("..")) {
            try (InputStream in = CellFiles.class.getClassLoader().getResourceAsStream(path)) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new DebugException("cannot read " + path + ": " + e.getMessage());
            }
        }
        throw new DebugException("no source " + path + ": expected a cell file under " + prefix()
                + " (sent with dumpCell) or one of scratchnet's sources under " + OWN_SOURCES);
    }
}
