package scratchnet.display;

import java.io.PrintStream;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import scratchnet.nn.History;
import scratchnet.nn.TrainingListener;
import scratchnet.nn.TrainingState;

/**
 * A text progress bar on System.err for {@code fit} in a terminal or JShell, with the latest loss
 * beside it: {@code fit 30% [=====>      ] 1200/4000 (0:00:01 / 0:00:02) loss 3.21}. When fit prints
 * a loss line, the bar steps aside first (its line is blanked and it stays hidden until the step
 * ends), so the loss lines scroll above the bar instead of running into it.
 * <pre>{@code
 * model.fit(x, y, lr(0.3), iters(4000), callback(new TerminalProgress()));
 * Notebook.installTerminal();    // or: one for every fit, when a console is attached
 * }</pre>
 */
public final class TerminalProgress implements TrainingListener {
    private ProgressBar bar;
    private BarLine line;

    /** A progress bar made at the start of each fit and closed at its end. */
    public TerminalProgress() {
    }

    @Override
    public void onStart(TrainingState s) {
        close();
        bar = new ProgressBarBuilder()
                .setTaskName("fit")
                .setInitialMax(s.totalSteps())
                .setUpdateIntervalMillis(250)
                .setConsumer(line = new BarLine(System.err))
                .build();
    }

    @Override
    public void onStep(TrainingState s) {
        if (bar != null) {
            line.show();
            bar.step();
        }
    }

    @Override
    public void onRecord(TrainingState s, double loss) {
        if (bar != null) {
            // called before fit prints the loss line: clear the way for it
            line.hide();
            bar.setExtraMessage(" loss " + Html.num(loss));
        }
    }

    @Override
    public void onEnd(History history) {
        if (bar != null) {
            line.show();
            bar.setExtraMessage(" loss " + Html.num(history.finalLoss()) + (history.interrupted() ? " (interrupted)" : ""));
        }
        close();
    }

    private void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /** The bar's one line on the terminal: drawn over itself with a carriage return, or kept hidden. */
    private static final class BarLine implements ProgressBarConsumer {
        private final PrintStream out;
        private int drawn;
        private boolean hidden;

        BarLine(PrintStream out) {
            this.out = out;
        }

        @Override
        public int getMaxRenderedLength() {
            return 100;
        }

        @Override
        public synchronized void accept(String rendered) {
            if (!hidden) {
                String text = rendered.length() > getMaxRenderedLength()
                        ? rendered.substring(0, getMaxRenderedLength()) : rendered;
                out.print("\r" + text + " ".repeat(Math.max(0, drawn - text.length())));
                out.flush();
                drawn = text.length();
            }
        }

        /** Blanks the bar's line and leaves the cursor at its start, for a line of other output. */
        synchronized void hide() {
            if (drawn > 0) {
                out.print("\r" + " ".repeat(drawn) + "\r");
                out.flush();
                drawn = 0;
            }
            hidden = true;
        }

        /** Lets the bar draw again (on its next refresh). */
        synchronized void show() {
            hidden = false;
        }

        @Override
        public synchronized void close() {
            if (drawn > 0) {
                out.println();
                out.flush();
            }
        }
    }
}
