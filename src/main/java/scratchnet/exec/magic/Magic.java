package scratchnet.exec.magic;

import java.util.List;

import scratchnet.exec.Ansi;
import scratchnet.exec.CellException;

/**
 * One {@code %} magic: a line {@code %name arg} that {@link Magics} handles instead of JShell,
 * and optionally a cell whose first line is {@code %%name}.
 * <pre>{@code
 * final class HelloMagic implements Magic {
 *     public String name() { return "hello"; }
 *     public List<String> forms() { return List.of("%hello <who>"); }
 *     public void runLine(String arg, int cell, Magics magics) {
 *         magics.output().text(false, "hello " + arg + "\n");
 *     }
 * }
 * }</pre>
 */
interface Magic {
    /** The name after {@code %} (and {@code %%}), such as {@code time}. */
    String name();

    /** How it is written, for the list of known magics: {@code "%time <code>"}. */
    List<String> forms();

    /**
     * Runs the line {@code %name arg} of cell {@code cell}; {@code arg} is trimmed and may be empty.
     *
     * @throws CellException for a malformed argument (see {@link #error}) or a failure of the code it runs
     */
    void runLine(String arg, int cell, Magics magics) throws CellException;

    /** Whether a cell may start with {@code %%name}. */
    default boolean isCellMagic() {
        return false;
    }

    /**
     * Runs a cell whose first line is {@code %%name}. {@code body} is the cell with every line up
     * to the magic's blanked, so its line numbers are the cell's.
     */
    default void runCell(String body, int cell, Magics magics) throws CellException {
        throw new UnsupportedOperationException("%%" + name() + " is not a cell magic");
    }

    /** A magic used wrongly: Jupyter shows {@code MagicError: msg}. */
    static CellException error(String msg) {
        return new CellException("MagicError", msg, List.of(Ansi.red("MagicError") + ": " + msg));
    }
}
