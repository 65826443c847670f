package scratchnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The command-line parser: values in both spellings, aliases, positionals, and errors that say what was expected. */
class ArgsTest {
    private static final Args.Spec BENCH = Args.spec()
            .option("--runs", "N").option("--notebook", "PATH").flag("--no-archives").flag("--help", "-h");

    @Test
    void valuesFollowTheOptionOrAnEqualsSign() {
        Args a = BENCH.parse(new String[] {"--runs", "5", "--notebook=nb.ipynb", "--no-archives"});
        assertThat(a.positiveInt("--runs", 3)).isEqualTo(5);
        assertThat(a.value("--notebook", "x")).isEqualTo("nb.ipynb");
        assertThat(a.has("--no-archives")).isTrue();
        assertThat(a.has("--help")).isFalse();
    }

    @Test
    void absentOptionsGiveTheFallback() {
        Args a = BENCH.parse(new String[0]);
        assertThat(a.positiveInt("--runs", 3)).isEqualTo(3);
        assertThat(a.value("--notebook", "default.ipynb")).isEqualTo("default.ipynb");
        assertThat(a.positionals()).isEmpty();
    }

    @Test
    void aliasesCountAsTheOption() {
        assertThat(BENCH.parse(new String[] {"-h"}).has("--help")).isTrue();
    }

    @Test
    void unknownOptionListsTheKnownOnes() {
        assertThatThrownBy(() -> BENCH.parse(new String[] {"--x"}))
                .isInstanceOf(Args.UsageException.class)
                .hasMessage("unknown option '--x'; expected one of --runs N, --notebook PATH, --no-archives, --help");
        // a command without positionals treats a stray word the same way
        assertThatThrownBy(() -> BENCH.parse(new String[] {"extra"}))
                .hasMessageStartingWith("unknown option 'extra'; expected one of");
    }

    @Test
    void numbersThatAreNotNumbersAreNamed() {
        Args a = BENCH.parse(new String[] {"--runs", "abc"});
        assertThatThrownBy(() -> a.positiveInt("--runs", 3))
                .isInstanceOf(Args.UsageException.class)
                .hasMessage("--runs expects a positive whole number, got 'abc'");
        assertThatThrownBy(() -> BENCH.parse(new String[] {"--runs", "0"}).positiveInt("--runs", 3))
                .hasMessage("--runs expects a positive whole number, got '0'");
        Args t = Args.spec().option("--timeout", "SECONDS").parse(new String[] {"--timeout=-2"});
        assertThatThrownBy(() -> t.positiveDouble("--timeout", "seconds", 1))
                .hasMessage("--timeout expects a positive number of seconds, got '-2'");
        assertThat(Args.spec().option("--timeout", "SECONDS").parse(new String[] {"--timeout", "1.5"})
                .positiveDouble("--timeout", "seconds", 1)).isEqualTo(1.5);
    }

    @Test
    void missingEmptyAndUnexpectedValuesAreErrors() {
        assertThatThrownBy(() -> BENCH.parse(new String[] {"--runs"}))
                .hasMessage("--runs expects a value (N), got nothing");
        assertThatThrownBy(() -> BENCH.parse(new String[] {"--notebook", "--runs", "3"}))
                .hasMessage("--notebook expects a value (PATH), got '--runs'");
        assertThatThrownBy(() -> BENCH.parse(new String[] {"--notebook="}))
                .hasMessage("--notebook expects a value (PATH), got an empty string");
        assertThatThrownBy(() -> BENCH.parse(new String[] {"--no-archives=yes"}))
                .hasMessage("--no-archives takes no value, got '--no-archives=yes'");
        assertThatThrownBy(() -> BENCH.parse(new String[] {"--runs", "1", "--runs", "2"}))
                .hasMessage("--runs given twice; expected it once");
    }

    @Test
    void exclusiveOptionsNameBoth() {
        Args.Spec spec = Args.spec().flag("--user").option("--prefix", "DIR").atMostOneOf("--user", "--prefix");
        assertThat(spec.parse(new String[] {"--prefix", "/tmp"}).value("--prefix", null)).isEqualTo("/tmp");
        assertThatThrownBy(() -> spec.parse(new String[] {"--user", "--prefix", "/tmp"}))
                .hasMessage("expected one of --user, --prefix DIR; got both --user and --prefix");
    }

    @Test
    void positionalsAreCounted() {
        Args.Spec one = Args.spec().positionals("the connection file", 1, 1);
        assertThat(one.parse(new String[] {"c.json"}).positionals()).isEqualTo(List.of("c.json"));
        assertThatThrownBy(() -> one.parse(new String[0])).hasMessage("expected the connection file, got none");
        assertThatThrownBy(() -> one.parse(new String[] {"a.json", "b.json"}))
                .hasMessage("unexpected extra argument 'b.json'; expected only the connection file");
        Args.Spec many = Args.spec().option("--output", "DIR", "-o").positionals("notebooks", 0, Integer.MAX_VALUE);
        Args a = many.parse(new String[] {"a.ipynb", "-o", "out", "b.ipynb"});
        assertThat(a.positionals()).containsExactly("a.ipynb", "b.ipynb");
        assertThat(a.value("--output", null)).isEqualTo("out");
    }
}
