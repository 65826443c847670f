package scratchnet.kernel;

/** The few terminal colours used in tracebacks; Jupyter front ends render them. */
final class Ansi {
    private Ansi() {
    }

    static String red(String s) {
        return "\u001b[31;1m" + s + "\u001b[0m";
    }
}
