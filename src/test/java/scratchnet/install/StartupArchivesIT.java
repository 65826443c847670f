package scratchnet.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;

import scratchnet.exec.StartupArchiveDir;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The start-up archives with the real jar: install makes both, the kernel's JVM options load
 * classes from them, and a JVM given a missing or stale archive still starts (and the kernel
 * says the archive is stale). The kernel itself runs with archives in {@link KernelIT}.
 */
class StartupArchivesIT {
    @TempDir
    static Path tmp;
    private static Path jar;
    private static Path kernelDir;
    private static List<String> argv;

    @BeforeAll
    static void install() throws IOException {
        Path built = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target/scratchnet.jar");
        assertThat(built).as("run ./mvnw package first (failsafe runs after package)").isRegularFile();
        jar = Files.copy(built, tmp.resolve("scratchnet.jar"), StandardCopyOption.REPLACE_EXISTING);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        kernelDir = KernelSpec.install(JupyterDataDir.Target.prefix(tmp.resolve("prefix")), jar, RunningJava.executable(),
                "scratchnet", true, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(log.toString(StandardCharsets.UTF_8)).as("install output").doesNotContain("warning");
        JsonNode spec = new ObjectMapper().readTree(kernelDir.resolve("kernel.json").toFile());
        argv = new ArrayList<>();
        spec.get("argv").forEach(a -> argv.add(a.asText()));
    }

    /** The kernel's argv up to {@code -jar <jar>}, then {@code args}; runs it and returns {status, output}. */
    private static Object[] runKernelJvm(List<String> extraOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(argv.subList(0, argv.indexOf("-jar")));
        command.addAll(extraOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Object[] {p.exitValue(), out};
    }

    @Test
    void installMakesBothArchivesAndNamesThemInKernelJson() throws IOException {
        assertThat(kernelDir.resolve(StartupArchiveDir.KERNEL_ARCHIVE)).isRegularFile();
        assertThat(kernelDir.resolve(StartupArchiveDir.CELL_ARCHIVE)).isRegularFile();
        assertThat(Files.size(kernelDir.resolve(StartupArchiveDir.KERNEL_ARCHIVE))).isGreaterThan(1_000_000L);
        assertThat(argv).contains("-XX:SharedArchiveFile=" + kernelDir.resolve(StartupArchiveDir.KERNEL_ARCHIVE),
                "-D" + StartupArchiveDir.DIR_PROPERTY + "=" + kernelDir, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        // nothing left over from the training runs beside kernels/
        assertThat(Files.list(kernelDir.getParent().getParent()).map(p -> p.getFileName().toString()).toList())
                .containsExactly("kernels");
    }

    @Test
    void theKernelJvmLoadsItsClassesFromTheArchive() throws Exception {
        Object[] r = runKernelJvm(List.of("-Xlog:class+load=info"), "help");
        assertThat(r[0]).isEqualTo(0);
        assertThat((String) r[1]).containsPattern("scratchnet\\.Main source: shared objects file \\(top\\)");
    }

    @Test
    void aMissingOrStaleArchiveIsIgnoredQuietly() throws Exception {
        // a stale archive: the jar is newer than it (as after a rebuild)
        Path staleJarDir = Files.createDirectories(tmp.resolve("stale"));
        Path staleJar = Files.copy(jar, staleJarDir.resolve("scratchnet.jar"));
        Files.setLastModifiedTime(staleJar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        List<String> command = new ArrayList<>(argv.subList(0, argv.indexOf("-jar")));
        command.addAll(List.of("-jar", staleJar.toString(), "kernel", tmp.resolve("no-such-connection.json").toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(2);   // the missing connection file, not the archive
        assertThat(out).contains("start-up archive").contains("is older than").contains("install")
                .contains("cannot read the connection file").doesNotContain("[warning]");

        // a missing archive: the JVM starts without it
        List<String> missing = new ArrayList<>();
        for (String a : argv.subList(0, argv.indexOf("-jar"))) {
            missing.add(a.startsWith("-XX:SharedArchiveFile=") ? "-XX:SharedArchiveFile=" + tmp.resolve("gone.jsa") : a);
        }
        Process q = new ProcessBuilder(concat(missing, List.of("-jar", jar.toString(), "help")))
                .redirectErrorStream(true).start();
        String qOut = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(q.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(q.exitValue()).as(qOut).isEqualTo(0);
        assertThat(qOut).startsWith("usage:");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
