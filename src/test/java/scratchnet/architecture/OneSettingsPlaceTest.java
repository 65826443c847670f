package scratchnet.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * System properties and environment variables are read in one place, {@code settings/Settings}:
 * every knob a user can turn is listed there, with its name and default.
 */
class OneSettingsPlaceTest {
    private static final Pattern READS = Pattern.compile(
            "System\\.getProperty\\(|System\\.getenv\\(|Integer\\.getInteger\\(|Long\\.getLong\\(|Boolean\\.getBoolean\\(");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path SETTINGS = SOURCES.resolve("scratchnet/settings/Settings.java");

    @Test
    void onlySettingsReadsPropertiesAndEnvironment() throws IOException {
        assertThat(SETTINGS).exists();
        List<String> readers;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            readers = files.filter(p -> p.toString().endsWith(".java") && !p.equals(SETTINGS))
                    .filter(OneSettingsPlaceTest::reads)
                    .map(Path::toString)
                    .toList();
        }
        assertThat(readers).as("files reading system properties or the environment outside Settings").isEmpty();
    }

    @Test
    void theCheckSeesARead() {
        assertThat(READS.matcher("String home = System.getenv(\"HOME\");").find()).isTrue();
        assertThat(READS.matcher("int n = Settings.threads();").find()).isFalse();
    }

    private static boolean reads(Path file) {
        try {
            return READS.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
