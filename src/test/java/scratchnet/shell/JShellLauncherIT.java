package scratchnet.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar target/scratchnet.jar jshell} driven through its stdin, as a user would type.
 * Runs in {@code ./mvnw verify} (failsafe), after the jar is packaged; skipped without the jar.
 */
class JShellLauncherIT {
    @Test
    void startsJShellWithTheDslImported() throws Exception {
        Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        Path jar = base.resolve("target/scratchnet.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "no " + jar + " yet: build it with ./mvnw -q -DskipTests package");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "jshell")
                .redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(String.join("\n", List.of("var x = arange(0, 1, 0.25);", "System.out.println(x.sum());", "/exit", ""))
                    .getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(ended).as("jshell ended after /exit; it wrote:%n%s", text).isTrue();
        assertThat(p.exitValue()).as(text).isZero();
        assertThat(text).contains("scratchnet ready: import static scratchnet.Dsl.* is done")
                .contains("1.5")
                .doesNotContain("cannot find symbol", "Error:");
    }
}
