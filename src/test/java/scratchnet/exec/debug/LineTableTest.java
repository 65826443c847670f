package scratchnet.exec.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class LineTableTest {
    /**
     * The snippet "\nint b = a +\n 2;" as JShell wraps it: the declaration on wrapper line 3, the
     * initializer's text moved into do_it$ on lines 6 and 7 (0-based), the variable's name dropped.
     */
    @Test
    void followsTextJShellMoved() {
        String snippet = "\nint b = a +\n 2;";
        String wrapped = "package REPL;\n\nclass $JShell$2 {\n    public static int b;\n"
                + "    public static Object do_it$() throws Throwable {\n        int b_ =\n        a +\n 2;\n"
                + "        return b = b_;\n    }\n}\n";
        int declaration = wrapped.indexOf("int b;");
        int initializer = wrapped.indexOf("a +");
        int two = wrapped.indexOf(" 2;");
        // the index map JShell gives: "int" → the field's type, "a +\n 2" → do_it$, the rest nowhere
        LineTable t = LineTable.of(snippet, 4, wrapped, i -> {
            if (i >= 1 && i <= 3) {
                return declaration + (i - 1);
            }
            if (i >= 9 && i <= 11) {
                return initializer + (i - 9);
            }
            if (i >= 13 && i <= 15) {
                return two + (i - 13);
            }
            return -1;
        });
        // cell line 5 is "int b = a +": the field (class line 4), the initializer's first line (7)
        // and the lines JShell wrote before them ("int b_ =", where javac puts the code, is line 6)
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), t.classLines(5));
        assertEquals(List.of(8), t.classLines(6));
        assertEquals(List.of(), t.classLines(4));
        assertEquals(5, t.cellLine(7));
        assertEquals(5, t.cellLine(6));
        assertEquals(6, t.cellLine(8));
        // "return b = b_;" after the cell's text: the last cell line
        assertEquals(6, t.cellLine(9));
    }

    @Test
    void aMethodKeepsItsLines() {
        String snippet = "void f() {\n  int z = 3;\n}";
        String wrapped = "package REPL;\nclass $JShell$3 {\n    public static\n    \nvoid f() {\n  int z = 3;\n}}\n";
        int at = wrapped.indexOf("void f()");
        LineTable t = LineTable.of(snippet, 1, wrapped, i -> at + i);
        // with the lines JShell wrote above it; the debugger skips the constructor on the class line
        assertEquals(List.of(1, 2, 3, 4, 5), t.classLines(1));
        assertEquals(List.of(6), t.classLines(2));
        assertEquals(2, t.cellLine(6));
        assertEquals(3, t.cellLine(7));
        assertEquals(-1, LineTable.of("", 1, wrapped, i -> i).cellLine(3));
    }
}
