package scratchnet.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import scratchnet.exec.NativeHeapTrim;
import scratchnet.exec.StartupArchiveDir;
import scratchnet.install.JupyterDataDir.Target;

/** The Jupyter kernelspec: kernel.json contents, logos, start-up archive options, clean replace and remove. */
class KernelSpecTest {

    @TempDir
    Path tmp;

    /** A stand-in for scratchnet.jar: tests run from target/classes, so install needs --jar. */
    private Path fakeJar() throws IOException {
        Path jar = tmp.resolve("lib").resolve("scratchnet.jar");
        Files.createDirectories(jar.getParent());
        if (!Files.exists(jar)) {
            Files.write(jar, new byte[] {'P', 'K', 3, 4});
        }
        return jar;
    }

    private static byte[] resource(String logo) throws IOException {
        try (InputStream in = KernelSpec.class.getResourceAsStream("/scratchnet/install/" + logo)) {
            assertThat(in).as("resource %s", logo).isNotNull();
            return in.readAllBytes();
        }
    }

    /** Runs the command line with captured output; returns {exit status, stdout, stderr}. */
    private static Object[] run(Map<String, String> env, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = InstallCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Object[] {status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** kernel.json's argv after the java executable, for the fake jar and no archives. */
    private List<String> expectedOptions() throws IOException {
        List<String> options = new ArrayList<>(List.of("-Djava.awt.headless=true", "-XX:+UseSerialGC",
                "-Xms8m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:MaxNewSize=8m", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30"));
        // the native heap trim where this JDK has it (17.0.9 and later), never where it would stop the JVM
        if (NativeHeapTrim.supportedHere()) {
            options.add(NativeHeapTrim.OPTION);
        }
        options.addAll(List.of("-jar", fakeJar().toAbsolutePath().toString(), "kernel", "{connection_file}"));
        return options;
    }

    @Test
    void installWritesKernelJsonAndLogosUnderPrefix() throws IOException {
        Path prefix = tmp.resolve("env");
        Object[] r = run(Map.of(), "install", "--prefix", prefix.toString(), "--jar", fakeJar().toString());
        assertThat(r[0]).as("stderr: %s", r[2]).isEqualTo(0);

        Path dir = prefix.resolve("share/jupyter/kernels/scratchnet");
        assertThat((String) r[1]).contains("Installed kernelspec scratchnet in " + dir.toAbsolutePath());
        assertThat(listing(dir)).containsExactly("kernel.json", "logo-32x32.png", "logo-64x64.png", "logo-svg.svg");

        JsonNode spec = new ObjectMapper().readTree(dir.resolve("kernel.json").toFile());
        List<String> argv = new ArrayList<>();
        spec.get("argv").forEach(a -> argv.add(a.asText()));
        Path java = Path.of(argv.get(0));
        assertThat(java.isAbsolute()).as("java path %s absolute", java).isTrue();
        assertThat(Files.isRegularFile(java)).as("java path %s exists", java).isTrue();
        assertThat(java).isEqualTo(RunningJava.executable());
        assertThat(argv.subList(1, argv.size())).containsExactlyElementsOf(expectedOptions());
        assertThat(argv.get(argv.size() - 1)).isEqualTo("{connection_file}");
        assertThat(spec.get("display_name").asText()).isEqualTo("Java (scratchnet)");
        assertThat(spec.get("language").asText()).isEqualTo("java");
        assertThat(spec.get("interrupt_mode").asText()).isEqualTo("message");
        assertThat(spec.get("env").isObject()).isTrue();
        assertThat(spec.get("env").size()).isZero();
        assertThat(spec.get("metadata").get("debugger").isBoolean()).isTrue();
        assertThat(spec.get("metadata").get("debugger").asBoolean()).isTrue();

        for (String logo : KernelSpec.LOGOS) {
            assertThat(Files.readAllBytes(dir.resolve(logo))).as(logo).isEqualTo(resource(logo));
        }
        // nothing left beside kernels/ (temp dirs are moved in or removed)
        assertThat(listing(prefix.resolve("share/jupyter"))).containsExactly("kernels");
    }

    @Test
    void reinstallReplacesCleanly() throws IOException {
        Target target = Target.prefix(tmp.resolve("env"));
        Path java = RunningJava.executable();
        Path first = KernelSpec.install(target, fakeJar(), java, "scratchnet");
        Files.writeString(first.resolve("stale.txt"), "from an older install");
        Files.writeString(first.resolve("kernel.json"), "{not json");

        Path otherJar = tmp.resolve("other.jar");
        Files.write(otherJar, new byte[] {'P', 'K'});
        Path second = KernelSpec.install(target, otherJar, java, "scratchnet");

        assertThat(second).isEqualTo(first);
        assertThat(listing(second)).containsExactly("kernel.json", "logo-32x32.png", "logo-64x64.png", "logo-svg.svg");
        JsonNode spec = new ObjectMapper().readTree(second.resolve("kernel.json").toFile());
        assertThat(spec.get("argv").get(spec.get("argv").size() - 3).asText()).isEqualTo(otherJar.toAbsolutePath().toString());
        assertThat(listing(JupyterDataDir.of(target))).containsExactly("kernels");
        assertThat(listing(JupyterDataDir.of(target).resolve("kernels"))).containsExactly("scratchnet");
    }

    /** Staging must not leave the kernelspec owner-only: a shared --prefix install is read by other users. */
    @Test
    void kernelspecDirKeepsTheUmasksPermissions() throws IOException {
        Path dir = KernelSpec.install(Target.prefix(tmp.resolve("env")), fakeJar(), RunningJava.executable(), "scratchnet");
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path plain = Files.createDirectory(tmp.resolve("plain"));
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void uninstallRemovesItThenReportsAbsence() throws IOException {
        Target target = Target.prefix(tmp.resolve("env"));
        Path dir = KernelSpec.install(target, fakeJar(), RunningJava.executable(), "sn-test");
        assertThat(dir.getFileName().toString()).isEqualTo("sn-test");

        assertThat(KernelSpec.uninstall(target, "sn-test")).isTrue();
        assertThat(dir).doesNotExist();
        assertThat(listing(JupyterDataDir.of(target))).containsExactly("kernels");
        assertThat(KernelSpec.uninstall(target, "sn-test")).isFalse();

        Object[] r = run(Map.of(), "uninstall", "--prefix", tmp.resolve("env").toString(), "--name", "sn-test");
        assertThat(r[0]).isEqualTo(1);
        assertThat((String) r[2]).contains("no kernelspec 'sn-test'").contains(dir.toString());
    }

    @Test
    void commandLineUninstallRemovesWhatInstallWrote() throws IOException {
        String prefix = tmp.resolve("env").toString();
        assertThat(run(Map.of(), "install", "--prefix=" + prefix, "--jar", fakeJar().toString())[0]).isEqualTo(0);
        Object[] r = run(Map.of(), "uninstall", "--prefix", prefix);
        assertThat(r[0]).as("stderr: %s", r[2]).isEqualTo(0);
        assertThat((String) r[1]).contains("Removed kernelspec scratchnet");
        assertThat(tmp.resolve("env/share/jupyter/kernels/scratchnet")).doesNotExist();
    }

    @Test
    void userTargetHonoursJupyterDataDir() throws IOException {
        Path data = tmp.resolve("jupyter-data");
        Map<String, String> env = Map.of("JUPYTER_DATA_DIR", data.toString(), "XDG_DATA_HOME", tmp.resolve("xdg").toString());
        assertThat(JupyterDataDir.of(Target.user(), env)).isEqualTo(data.toAbsolutePath());

        // --user is the default, and the command line reads the same variable
        Object[] r = run(env, "install", "--jar", fakeJar().toString());
        assertThat(r[0]).as("stderr: %s", r[2]).isEqualTo(0);
        assertThat(data.resolve("kernels/scratchnet/kernel.json")).isRegularFile();
        assertThat(run(env, "uninstall", "--user")[0]).isEqualTo(0);
        assertThat(data.resolve("kernels/scratchnet")).doesNotExist();
    }

    @Test
    void installFromClassesWithoutJarFailsClearly() {
        // tests load KernelSpec from target/classes, not from a jar
        assertThatThrownBy(RunningJava::jar)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("install must run from scratchnet.jar; got ")
                .hasMessageContaining("classes");
        Object[] r = run(Map.of(), "install", "--prefix", tmp.resolve("env").toString());
        assertThat(r[0]).isEqualTo(1);
        assertThat((String) r[2]).contains("install must run from scratchnet.jar; got ").contains("--jar");
        assertThat(tmp.resolve("env/share/jupyter/kernels")).doesNotExist();
    }

    @Test
    void missingJarIsNamed() {
        Path missing = tmp.resolve("nope.jar");
        assertThatThrownBy(() -> KernelSpec.install(Target.prefix(tmp), missing, RunningJava.executable(), "scratchnet"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("expected the scratchnet jar to be an existing file; got " + missing);
    }

    private static List<String> argv(Path kernelDir) throws IOException {
        JsonNode spec = new ObjectMapper().readTree(kernelDir.resolve("kernel.json").toFile());
        List<String> argv = new ArrayList<>();
        spec.get("argv").forEach(a -> argv.add(a.asText()));
        return argv;
    }

    @Test
    void noArchivesInstallsJustKernelJsonAndLogos() throws IOException {
        Path prefix = tmp.resolve("env");
        Object[] r = run(Map.of(), "install", "--no-archives", "--prefix", prefix.toString(), "--jar", fakeJar().toString());
        assertThat(r[0]).as("stderr: %s", r[2]).isEqualTo(0);
        assertThat((String) r[1]).doesNotContain("start-up archive");
        Path dir = prefix.resolve("share/jupyter/kernels/scratchnet");
        assertThat(listing(dir)).containsExactly("kernel.json", "logo-32x32.png", "logo-64x64.png", "logo-svg.svg");
        assertThat(argv(dir)).noneMatch(a -> a.contains("SharedArchiveFile") || a.contains(StartupArchiveDir.DIR_PROPERTY));
    }

    @Test
    void failedTrainingRunsLeaveAWorkingKernelspecWithoutArchives() throws IOException {
        // the fake jar cannot run, so both training runs fail: install warns and goes on
        Path prefix = tmp.resolve("env");
        Object[] r = run(Map.of(), "install", "--prefix", prefix.toString(), "--jar", fakeJar().toString());
        assertThat(r[0]).as("stderr: %s", r[2]).isEqualTo(0);
        assertThat((String) r[1]).contains("warning: no start-up archive for the cell JVM")
                .contains("warning: no start-up archive for the kernel JVM")
                .contains("the kernel works without it")
                .contains("Installed kernelspec scratchnet");
        Path dir = prefix.resolve("share/jupyter/kernels/scratchnet");
        assertThat(listing(dir)).containsExactly("kernel.json", "logo-32x32.png", "logo-64x64.png", "logo-svg.svg");
        assertThat(argv(dir).subList(1, argv(dir).size())).containsExactlyElementsOf(expectedOptions());
        assertThat(listing(prefix.resolve("share/jupyter"))).containsExactly("kernels");
    }

    @Test
    void kernelOptionsNameTheArchivesWhereTheKernelspecWillBe() {
        Path building = tmp.resolve(".scratchnet-install-x");
        Path dest = tmp.resolve("kernels/scratchnet");
        var both = new StartupArchives.Created(building.resolve("kernel.jsa"), building.resolve("cell.jsa"));
        assertThat(StartupArchives.kernelJvmOptions(both, dest)).containsExactly(
                "-XX:SharedArchiveFile=" + dest.toAbsolutePath().resolve("kernel.jsa"),
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-D" + StartupArchiveDir.DIR_PROPERTY + "=" + dest.toAbsolutePath());
        var cellOnly = new StartupArchives.Created(null, building.resolve("cell.jsa"));
        assertThat(StartupArchives.kernelJvmOptions(cellOnly, dest)).containsExactly(
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-D" + StartupArchiveDir.DIR_PROPERTY + "=" + dest.toAbsolutePath());
        assertThat(StartupArchives.kernelJvmOptions(new StartupArchives.Created(null, null), dest)).isEmpty();
        assertThat(StartupArchives.kernelJvmOptions(null, dest)).isEmpty();
    }

    @Test
    void trainingNotebookSplitsIntoCells() throws IOException {
        List<String> cells = StartupTraining.cells();
        assertThat(cells).hasSizeGreaterThan(5);
        assertThat(cells.get(0)).isEqualTo("int q = 1;");
        assertThat(cells).noneMatch(c -> c.isBlank() || c.contains("//// cell"));
        assertThat(cells).anyMatch(c -> c.contains(".fit(")).anyMatch(c -> c.contains("scatter("));
    }

    /** kernel/ is the canonical copy of the logos; the jar's resources must match it. */
    @Test
    void resourcesMatchTheCanonicalKernelDir() throws IOException {
        Path canonical = Path.of("kernel");
        if (!Files.isDirectory(canonical)) {
            return;   // not run from the project root
        }
        for (String logo : KernelSpec.LOGOS) {
            assertThat(resource(logo)).as("src/main/resources/scratchnet/install/%s vs kernel/%s", logo, logo)
                    .isEqualTo(Files.readAllBytes(canonical.resolve(logo)));
        }
    }
}
