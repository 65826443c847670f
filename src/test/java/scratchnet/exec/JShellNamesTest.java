package scratchnet.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JShell's wrapper names give way to the names the user wrote. */
class JShellNamesTest {

    @Test
    void helpfulNullPointerNamesTheVariable() {
        assertThat(JShellNames.strip("Cannot invoke \"String.length()\" because \"REPL.$JShell$34.s\" is null"))
                .isEqualTo("Cannot invoke \"String.length()\" because \"s\" is null");
        assertThat(JShellNames.strip("Cannot read field \"v\" because \"REPL.$JShell$5.foo\" is null"))
                .isEqualTo("Cannot read field \"v\" because \"foo\" is null");
    }

    @Test
    void classesDeclaredInCellsKeepTheirOwnNames() {
        assertThat(JShellNames.strip("class REPL.$JShell$8$Bar cannot be cast to class REPL.$JShell$4$Foo"
                + " (REPL.$JShell$8$Bar and REPL.$JShell$4$Foo are in unnamed module)"))
                .isEqualTo("class Bar cannot be cast to class Foo (Bar and Foo are in unnamed module)");
        assertThat(JShellNames.strip("$JShell$12$Inner")).isEqualTo("Inner");
        assertThat(JShellNames.strip("REPL.$JShell$11$MyError: hi")).isEqualTo("MyError: hi");
        assertThat(JShellNames.strip("REPL.$JShell$12$Outer$Nested.run()")).isEqualTo("Outer$Nested.run()");
    }

    @Test
    void aWrapperOnItsOwnStandsForTheCell() {
        assertThat(JShellNames.strip("thrown from REPL.$JShell$7")).isEqualTo("thrown from cell");
    }

    @Test
    void textWithoutWrapperNamesIsUntouched() {
        String text = "Index 5 out of bounds for length 3 in java.util.Objects$Checks, cost $12";
        assertThat(JShellNames.strip(text)).isSameAs(text);
        assertThat(JShellNames.strip(null)).isNull();
        assertThat(JShellNames.strip("REPL.$JShell.x")).isEqualTo("REPL.$JShell.x");
    }
}
