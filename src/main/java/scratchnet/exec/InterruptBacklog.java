package scratchnet.exec;

import scratchnet.display.Frames;

/**
 * Keeps a flood of output from delaying an interrupt. A cell that prints in a tight loop fills
 * the pipe from its JVM with far more text than Jupyter can show quickly, and the cell's end
 * arrives only behind it. From the interrupt until the cell ends, text is held back instead of
 * passed on, keeping only its last {@value #TAIL_CHARS} characters or so per stream; at the end
 * those last lines are passed on, after a note saying how many lines were skipped. Display
 * frames pass at once.
 * <pre>{@code
 * InterruptBacklog backlog = new InterruptBacklog(jupyterOutput);
 * backlog.hold();       // the stop button
 * backlog.text(false, "1\n2\n...");
 * backlog.release();    // the cell has ended: "[scratchnet: 5123456 lines ... skipped]", then the last lines
 * }</pre>
 */
final class InterruptBacklog implements CellOutput {
    /** About how much of each stream's held text is shown when the cell ends. */
    static final int TAIL_CHARS = 2000;

    private final CellOutput sink;
    private boolean holding;
    /** Held text per stream (0 stdout, 1 stderr), and the lines dropped from its front. */
    private final StringBuilder[] tail = {new StringBuilder(), new StringBuilder()};
    private final long[] droppedLines = new long[2];

    InterruptBacklog(CellOutput sink) {
        this.sink = sink;
    }

    /** Starts holding text back (an interrupt came). */
    synchronized void hold() {
        holding = true;
    }

    /** Passes on what was held, with a note when lines were skipped, and stops holding. */
    synchronized void release() {
        flushHeld();
        holding = false;
    }

    @Override
    public synchronized void text(boolean stderr, String text) {
        if (!holding) {
            sink.text(stderr, text);
            return;
        }
        int s = stderr ? 1 : 0;
        StringBuilder held = tail[s];
        held.append(text);
        if (held.length() > 2 * TAIL_CHARS) {
            // drop the front, at a line break, keeping about TAIL_CHARS
            int cut = held.length() - TAIL_CHARS;
            int nl = held.indexOf("\n", cut);
            cut = nl >= 0 && nl + 1 < held.length() ? nl + 1 : cut;
            for (int i = 0; i < cut; i++) {
                if (held.charAt(i) == '\n') {
                    droppedLines[s]++;
                }
            }
            held.delete(0, cut);
        }
    }

    @Override
    public synchronized void frame(Frames.Frame frame) {
        flushHeld();
        sink.frame(frame);
    }

    private void flushHeld() {
        long skipped = droppedLines[0] + droppedLines[1];
        if (skipped > 0) {
            sink.text(true, "[scratchnet: " + skipped + " lines the cell printed before the interrupt took effect"
                    + " were skipped; the last ones follow]\n");
        }
        for (int s = 0; s < 2; s++) {
            if (tail[s].length() > 0) {
                sink.text(s == 1, tail[s].toString());
                tail[s].setLength(0);
            }
            droppedLines[s] = 0;
        }
    }
}
