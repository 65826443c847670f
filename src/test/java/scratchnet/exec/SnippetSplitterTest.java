package scratchnet.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import jdk.jshell.JShell;

/** Splitting a cell into JShell snippets, each with its offsets and first line in the cell. */
class SnippetSplitterTest extends AnalysisShell {

    @Test
    void eachStatementKeepsItsPlaceInTheCell() {
        String cell = "int a = 1;\n\n  int b = a + 1;\nvoid f() {\n  b++;\n}\nf()";
        List<Segment> segs = SnippetSplitter.split(shell.sourceCodeAnalysis(), cell);
        assertThat(segs).extracting(Segment::firstLine).containsExactly(1, 3, 4, 7);
        assertThat(segs.get(1).start()).isEqualTo(cell.indexOf("int b"));
        assertThat(cell.substring(segs.get(1).start(), segs.get(1).end())).isEqualTo("int b = a + 1;");
        // JShell's source keeps the blank space before the statement; start is after it
        assertThat(segs.get(2).source()).startsWith("\nvoid f() {").contains("b++;");
        assertThat(segs.get(3).source().strip()).startsWith("f()");
    }

    @Test
    void theCursorFindsItsSegment() {
        String cell = "int a = 1;\nMath.ab";
        List<Segment> segs = SnippetSplitter.split(shell.sourceCodeAnalysis(), cell);
        assertThat(SnippetSplitter.at(segs, cell.length())).isEqualTo(segs.get(1));
        assertThat(SnippetSplitter.at(segs, 3)).isEqualTo(segs.get(0));
        assertThat(SnippetSplitter.at(List.of(), 3)).isNull();
    }

    @Test
    void blankCellsHaveNoSnippets() {
        assertThat(SnippetSplitter.split(shell.sourceCodeAnalysis(), "  \n\n")).isEmpty();
    }

    @Test
    void linesCountFromOne() {
        assertThat(SnippetSplitter.lineOf("a\nb\nc", 0)).isEqualTo(1);
        assertThat(SnippetSplitter.lineOf("a\nb\nc", 2)).isEqualTo(2);
        assertThat(SnippetSplitter.lineOf("a\nb\nc", 99)).isEqualTo(3);
    }
}
