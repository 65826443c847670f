package scratchnet.exec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import scratchnet.settings.Settings;

/**
 * Tells JShell where to read Javadoc for {@code inspect_request}: the JDK's {@code src.zip}
 * when the JDK has one, and scratchnet's own sources, which the jar carries under
 * {@code scratchnet-sources/}. JShell only looks in {@code src.zip} by itself, so without this
 * inspecting {@code arange} or {@code fit} would show a signature but no documentation.
 * <pre>{@code
 * JavadocSources.install();   // before the JShell instance is built
 * }</pre>
 * Needs {@code Add-Opens: jdk.jshell/jdk.jshell} (set in the jar's manifest); without it,
 * inspect still shows signatures.
 */
final class JavadocSources {
    private static final List<FileSystem> OPEN = new ArrayList<>();

    private JavadocSources() {
    }

    /**
     * Points JShell's source lookup at the JDK's and scratchnet's sources; returns false if it could
     * not. The source archives are only opened when JShell first looks for Javadoc (the first
     * inspect request): opening the jar reads its whole directory, work the kernel's start-up
     * does not need.
     */
    static synchronized boolean install() {
        try {
            java.lang.reflect.Field f = Class.forName("jdk.jshell.SourceCodeAnalysisImpl")
                    .getDeclaredField("availableSourcesOverride");
            f.setAccessible(true);
            f.set(null, new LazyRoots());
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** The source roots, found the first time JShell reads the list. */
    private static final class LazyRoots extends java.util.AbstractList<Path> {
        private List<Path> roots;

        private synchronized List<Path> roots() {
            if (roots == null) {
                List<Path> found = new ArrayList<>();
                synchronized (JavadocSources.class) {
                    addJdkSources(found);
                    addOwnSources(found);
                }
                roots = List.copyOf(found);
            }
            return roots;
        }

        @Override
        public Path get(int index) {
            return roots().get(index);
        }

        @Override
        public int size() {
            return roots().size();
        }
    }

    private static void addJdkSources(List<Path> roots) {
        Path home = Settings.javaHome();
        Path zip = home.resolve("lib").resolve("src.zip");
        if (!Files.isReadable(zip)) {
            return;
        }
        try {
            FileSystem fs = FileSystems.newFileSystem(zip, Map.of());
            OPEN.add(fs);
            Path root = fs.getRootDirectories().iterator().next();
            if (Files.exists(root.resolve("java.base"))) {
                try (DirectoryStream<Path> modules = Files.newDirectoryStream(root)) {
                    for (Path m : modules) {
                        if (Files.isDirectory(m)) {
                            roots.add(m);
                        }
                    }
                }
            } else {
                roots.add(root);
            }
        } catch (IOException e) {
            // no JDK Javadoc, then
        }
    }

    private static void addOwnSources(List<Path> roots) {
        try {
            URI location = JavadocSources.class.getProtectionDomain().getCodeSource().getLocation().toURI();
            Path where = Path.of(location);
            if (Files.isDirectory(where)) {
                Path dir = where.resolve("scratchnet-sources");
                if (Files.isDirectory(dir)) {
                    roots.add(dir);
                }
                return;
            }
            FileSystem fs = FileSystems.newFileSystem(where, Map.of());
            OPEN.add(fs);
            Path dir = fs.getPath("/scratchnet-sources");
            if (Files.isDirectory(dir)) {
                roots.add(dir);
            }
        } catch (Exception e) {
            // signatures only
        }
    }
}
