package scratchnet.exec.magic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scratchnet.display.Frames;
import scratchnet.exec.CellEvaluator;
import scratchnet.exec.CellException;
import scratchnet.exec.CellOutput;

/** The magics: dispatch, errors that name what was expected, and line numbers kept around them. */
class MagicsTest {
    /** Collects the text written to stdout and stderr. */
    private static final class Recorded implements CellOutput {
        final StringBuilder text = new StringBuilder();

        @Override
        public synchronized void text(boolean stderr, String t) {
            text.append(t);
        }

        @Override
        public void frame(Frames.Frame frame) {
        }

        synchronized String taken() {
            String s = text.toString();
            text.setLength(0);
            return s;
        }
    }

    private static final Recorded OUT = new Recorded();
    private static CellEvaluator cells;
    private static Magics magics;

    @BeforeAll
    static void start() {
        cells = new CellEvaluator(OUT, System.getProperty("java.class.path"), List.of("-Dscratchnet.warmup=false"));
        magics = new Magics(cells, OUT);
    }

    @AfterAll
    static void stop() {
        cells.close();
    }

    @Test
    void unknownMagicListsEveryKnownForm() {
        assertThatThrownBy(() -> magics.run("%bogus 1", 1))
                .isInstanceOf(CellException.class)
                .hasMessage("unknown magic %bogus; the known magics are: %classpath <jar or dir>,"
                        + " %maven group:artifact:version, %time <code>, %%time (first line of a cell), %vars");
        assertThatThrownBy(() -> magics.run("%%classpath x\n1", 1)).hasMessageStartingWith("unknown magic %%classpath x;");
        assertThatThrownBy(() -> magics.run("int a = 1;\n%%time", 1)).hasMessageStartingWith("unknown magic %%time;");
    }

    @Test
    void malformedMagicsSayWhatWasExpected() {
        assertThatThrownBy(() -> magics.run("%time", 1)).hasMessageContaining("%time needs code to time");
        assertThatThrownBy(() -> magics.run("%classpath", 1)).hasMessageContaining("%classpath needs a jar file");
        assertThatThrownBy(() -> magics.run("%classpath /no/such/dir", 1))
                .hasMessageContaining("/no/such/dir does not exist (expected a jar file or a directory of classes)");
        assertThatThrownBy(() -> magics.run("%maven commons-math3", 1))
                .hasMessageContaining("%maven expects group:artifact:version").hasMessageContaining("got 'commons-math3'");
    }

    @Test
    void varsPrintsEachDeclaredVariableWithTypeAndReadableValue() throws Exception {
        magics.run("var vx = arange(0, 1, 0.01);\nvar vmodel = net(1, 25, 1).sigmoid().linear();\nint vn = 3;\nvx.sum()", 3);
        OUT.taken();
        magics.run("%vars", 4);
        String table = OUT.taken();
        assertThat(table).containsPattern("(?m)^name +type +value$")
                .containsPattern("(?m)^vx +Matrix +Matrix 1×100  mean 0\\.495  std 0\\.2887  min 0  max 0\\.99$")
                .containsPattern("(?m)^vmodel +Network +Network 1-25-1 sigmoid, linear \\(76 parameters\\)$")
                .containsPattern("(?m)^vn +int +3$")
                // JShell's $n results are not the learner's variables
                .doesNotContain("$");
        // a redefined variable shows once, with its new type and value
        magics.run("String vn = \"three\";\n%vars", 5);
        assertThat(OUT.taken()).containsPattern("(?m)^vn +String +three$").doesNotContainPattern("(?m)^vn +int");
        assertThatThrownBy(() -> magics.run("%vars x", 6)).hasMessageContaining("%vars takes nothing after it");
    }

    @Test
    void varsDoesNotWaitForAToStringThatNeverEnds() throws Exception {
        // JShell shows the value of a declaration with toString(): it gets stuck only afterwards
        magics.run("class Stuck { static volatile boolean stuck; public String toString() { while (stuck) {"
                + " try { Thread.sleep(50); } catch (InterruptedException e) { return \"woke\"; } } return \"fine\"; } }\n"
                + "var stuck = new Stuck();\nint after = 7;\nStuck.stuck = true;", 7);
        OUT.taken();
        long t0 = System.nanoTime();
        magics.run("%vars", 8);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String table = OUT.taken();
        // the stuck value is given up after a second; the one after it is still described
        assertThat(table).containsPattern("(?m)^stuck +Stuck +\\(its description took longer than 1000 ms\\)$")
                .containsPattern("(?m)^after +int +7$");
        assertThat(seconds).as("%vars with a toString that never ends").isLessThan(4);
        magics.run("Stuck.stuck = false;", 9);
    }

    @Test
    void cellMagicBodyKeepsTheCellsLineNumbers() {
        assertThat(Magics.blankThroughMagicLine("%%time\nx")).isEqualTo("\nx");
        assertThat(Magics.blankThroughMagicLine("\n  %%time\nx\ny")).isEqualTo("\n\nx\ny");
        assertThat(Magics.blankThroughMagicLine("%%time")).isEmpty();
    }

    @Test
    void wallTimeIsInMillisecondsBelowASecond() {
        assertThat(TimeMagic.format(0.0123)).isEqualTo("12.3 ms");
        assertThat(TimeMagic.format(2.345)).isEqualTo("2.35 s");
    }

    @Test
    void timedCellRunsItsLineMagicsAndErrorsPointAtCellLines(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        OUT.taken();
        magics.run("\n%%time\nint a = 20;\n%classpath " + classes + "\nSystem.out.println(a + 1);", 1);
        String out = OUT.taken();
        assertThat(out).contains("added to the class path: " + classes.toAbsolutePath().normalize())
                .contains("21\n").containsPattern("Wall time: [0-9.]+ (ms|s)\n");
        assertThat(out.indexOf("added to the class path")).isLessThan(out.indexOf("21\n"));

        // the error is on cell line 4, after a line magic on line 2
        assertThatThrownBy(() -> magics.run("int b = 1;\n%time b++\nint c = 2;\nint d = 1 / 0;", 2))
                .isInstanceOf(CellException.class)
                .satisfies(e -> assertThat(String.join("\n", ((CellException) e).traceback())).contains("cell [2] line 4"));
    }
}
