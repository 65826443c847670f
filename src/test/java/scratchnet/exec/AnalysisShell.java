package scratchnet.exec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import jdk.jshell.JShell;

/**
 * The JShell that tests of source analysis share: analysis only, nothing is executed, so JShell's
 * in-process engine is enough. Tests extend it and use {@link #shell}.
 */
abstract class AnalysisShell {
    static JShell shell;

    @BeforeAll
    static void start() {
        shell = JShell.builder().executionEngine("local").build();
    }

    @AfterAll
    static void stop() {
        shell.close();
    }
}
