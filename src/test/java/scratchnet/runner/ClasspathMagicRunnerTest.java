package scratchnet.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %classpath} and {@code %maven} in the headless runner: the classes they add compile in
 * the cells that follow (not only through reflection), and a {@code %} line that continues a Java
 * statement stays Java.
 */
class ClasspathMagicRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Compiles {@code demo.Greeter} (a static method and a constructor) into {@code dir/greeter.jar}. */
    static Path greeterJar(Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/demo"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path java = Files.writeString(src.resolve("Greeter.java"),
                "package demo;\n"
                        + "public final class Greeter {\n"
                        + "    private final String name;\n"
                        + "    public Greeter(String name) { this.name = name; }\n"
                        + "    public String hello() { return \"hello \" + name; }\n"
                        + "    public static int twice(int x) { return 2 * x; }\n"
                        + "}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), java.toString());
        assertThat(status).as("javac demo/Greeter.java").isZero();
        Path jar = dir.resolve("greeter.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("demo/Greeter.class"));
            out.write(Files.readAllBytes(classes.resolve("demo/Greeter.class")));
            out.closeEntry();
        }
        return jar;
    }

    /** Runs one notebook with these code cells and returns the executed notebook's cells. */
    private static JsonNode run(Path dir, String name, String... cells) throws Exception {
        Path nb = Files.write(dir.resolve(name + ".ipynb"), NotebookRunnerTest.notebook(cells));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = RunCommand.run(new String[] {nb.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
        return JSON.readTree(dir.resolve(name + ".out.ipynb").toFile()).get("cells");
    }

    private static String resultOf(JsonNode cell) {
        for (JsonNode o : cell.get("outputs")) {
            if (o.get("output_type").asText().equals("execute_result")) {
                return Ipynb.text(o.at("/data/text~1plain"));
            }
        }
        return "(no result in " + cell.get("outputs") + ")";
    }

    @Test
    void classesAddedWithClasspathCompileInLaterCellsAndInTheSameCell(@TempDir Path dir) throws Exception {
        Path jar = greeterJar(dir);
        JsonNode cells = run(dir, "classpath",
                "%classpath " + jar,
                "import demo.Greeter;\nnew Greeter(\"notebook\").hello()",
                "demo.Greeter.twice(21)",
                "int r = 10\n% 3;\nr");
        assertThat(Ipynb.text(cells.get(0).at("/outputs/0/text"))).contains("added to the class path: " + jar);
        assertThat(resultOf(cells.get(1))).isEqualTo("hello notebook");
        assertThat(resultOf(cells.get(2))).isEqualTo("42");
        // the % line continues the statement: 10 % 3
        assertThat(resultOf(cells.get(3))).isEqualTo("1");
    }

    @Test
    void mavenArtifactsCompileInLaterCells(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(centralReachable(), "Maven Central cannot be reached");
        JsonNode cells = run(dir, "maven",
                "%maven org.apache.commons:commons-lang3:3.14.0",
                "org.apache.commons.lang3.StringUtils.reverse(\"abc\")");
        assertThat(Ipynb.text(cells.get(0).at("/outputs/0/text"))).contains("commons-lang3");
        assertThat(resultOf(cells.get(1))).isEqualTo("cba");
    }

    /** Whether Maven Central answers within a few seconds. */
    static boolean centralReachable() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("https://repo.maven.apache.org/maven2/").toURL().openConnection();
            c.setConnectTimeout(5000);
            c.setReadTimeout(5000);
            c.setRequestMethod("HEAD");
            return c.getResponseCode() < 500;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
