package scratchnet.install;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Locale;
import scratchnet.settings.Settings;

/**
 * The java executable and the scratchnet jar of this process: what an installed kernel runs by
 * default, so the kernel gets the JDK and the build that ran {@code install}.
 * <pre>{@code
 * RunningJava.executable()   // /usr/lib/jvm/java-17-openjdk-amd64/bin/java
 * RunningJava.jar()          // /home/me/scratchnet/target/scratchnet.jar
 * }</pre>
 */
public final class RunningJava {
    private RunningJava() {
    }

    /** The java executable running this JVM, as an absolute path. */
    public static Path executable() {
        return ProcessHandle.current().info().command()
                .map(Path::of)
                .filter(Files::isRegularFile)
                .orElseGet(() -> {
                    return Settings.javaHome().resolve("bin").resolve(Settings.windows() ? "java.exe" : "java");
                })
                .toAbsolutePath().normalize();
    }

    /**
     * The jar this class was loaded from; fails when it was loaded from a classes directory
     * (as in tests), where {@code install --jar PATH} must say which jar the kernel should run.
     */
    public static Path jar() {
        CodeSource source = RunningJava.class.getProtectionDomain().getCodeSource();
        Path location;
        try {
            location = source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("install must run from scratchnet.jar; got " + source.getLocation(), e);
        }
        if (location == null || !Files.isRegularFile(location)
                || !location.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")) {
            throw new IllegalStateException("install must run from scratchnet.jar; got "
                    + (location == null ? "no code source" : location) + " (pass --jar PATH to name the jar)");
        }
        return location.toAbsolutePath().normalize();
    }
}
