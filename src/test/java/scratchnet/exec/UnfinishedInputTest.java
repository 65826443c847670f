package scratchnet.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import jdk.jshell.JShell;

/** A cell whose last statement is cut short is an error naming where the input ended and what is missing. */
class UnfinishedInputTest extends AnalysisShell {

    private static String message(String cell) {
        int start = SnippetSplitter.unfinishedStart(shell.sourceCodeAnalysis(), cell);
        assertThat(start).as("unfinished start of %s", cell).isGreaterThanOrEqualTo(0);
        CellException e = UnfinishedInput.error(cell, start);
        assertThat(e.name()).isEqualTo("IncompleteInput");
        return e.getMessage();
    }

    @Test
    void anOpenBraceNamesTheLastLineAndTheBrace() {
        String cell = "int x = 5;\nif (x > 3) {\n System.out.println(\"big\");";
        assertThat(SnippetSplitter.unfinishedStart(shell.sourceCodeAnalysis(), cell)).isEqualTo(cell.indexOf("if"));
        assertThat(message(cell)).isEqualTo("the cell ends inside an unfinished statement"
                + " (line 3: `System.out.println(\"big\");`) — missing `}` for the `{` on line 2?");
    }

    @Test
    void theInnermostOpenerIsTheOneMissing() {
        assertThat(message("foo(1,\n  bar(2,\n    3)\n\n")).endsWith("(line 3: `3)`) — missing `)` for the `(` on line 1?");
        assertThat(message("int[] a = {1, 2")).endsWith("missing `}` for the `{` on line 1?");
        assertThat(message("for (int i = 0; i < 3; i++) {\n  String s = \"}\"; // }\n")).endsWith("missing `}` for the `{` on line 1?");
    }

    @Test
    void commentsAndExpressionsCutShort() {
        assertThat(message("int a = 1;\n/* note")).isEqualTo("the cell ends inside an unfinished statement"
                + " (line 2: `/* note`) — missing `*/` for the comment opened on line 2?");
        assertThat(message("int y = 5 +")).isEqualTo("the cell ends inside an unfinished statement (line 1: `int y = 5 +`)");
    }

    @Test
    void completeCellsHaveNoUnfinishedPart() {
        assertThat(SnippetSplitter.unfinishedStart(shell.sourceCodeAnalysis(), "int a = 1;\nif (a > 0) {\n a++;\n}\na")).isEqualTo(-1);
        assertThat(SnippetSplitter.unfinishedStart(shell.sourceCodeAnalysis(), "  \n")).isEqualTo(-1);
        assertThat(SnippetSplitter.unfinishedStart(shell.sourceCodeAnalysis(), "// only a comment")).isEqualTo(-1);
        assertThat(SnippetSplitter.unfinishedStart(shell.sourceCodeAnalysis(), "int a = 1; // note\n/* done */")).isEqualTo(-1);
        assertThat(SnippetSplitter.unfinishedStart(shell.sourceCodeAnalysis(), "/** doc */\nvoid f() {}\nf()")).isEqualTo(-1);
        // a compile error is not an unfinished cell: JShell reports it
        assertThat(SnippetSplitter.unfinishedStart(shell.sourceCodeAnalysis(), "int a = ;")).isEqualTo(-1);
    }
}
