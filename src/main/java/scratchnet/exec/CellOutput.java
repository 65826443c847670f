package scratchnet.exec;

import scratchnet.display.Frames;

/**
 * Where a running cell's output goes: plain text from stdout and stderr as it is written, and
 * display frames (inline charts, tables, updates, the cell's result). The Jupyter kernel turns
 * these into IOPub messages; the headless runner stores them in the executed notebook.
 * <pre>{@code
 * CellOutput out = new CellOutput() {
 *     public void text(boolean stderr, String text) { System.out.print(text); }
 *     public void frame(Frames.Frame frame) { System.out.println(frame.type()); }
 * };
 * }</pre>
 */
public interface CellOutput {
    /** Text the cell wrote to stdout ({@code stderr} false) or stderr, in the order written. */
    void text(boolean stderr, String text);

    /** A display frame: type "display", "update", "result", "clear" or "comm", with its mime bundle and display id. */
    void frame(Frames.Frame frame);

    /** The cell JVM was replaced by a fresh one: what lived in it (variables, comms) is gone. */
    default void restarted() {
    }
}
