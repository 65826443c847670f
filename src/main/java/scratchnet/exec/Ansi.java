package scratchnet.exec;

/**
 * The few terminal colours used in tracebacks; Jupyter front ends render them.
 * <pre>{@code
 * Ansi.red("CompileError") + ": cannot find symbol"   // the error name in bold red
 * }</pre>
 */
public final class Ansi {
    private Ansi() {
    }

    /** {@code s} in bold red, then the colour reset. */
    public static String red(String s) {
        return "\u001b[31;1m" + s + "\u001b[0m";
    }
}
