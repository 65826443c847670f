package scratchnet.display;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import scratchnet.nn.History;
import scratchnet.nn.TrainingListener;
import scratchnet.nn.TrainingState;

/**
 * A text progress bar on System.err for {@code fit} in a terminal or JShell, with the latest loss
 * beside it: {@code fit 30% [=====>      ] 1200/4000 (0:00:01 / 0:00:02) loss 3.21}.
 * <pre>{@code
 * model.fit(x, y, lr(0.3), iters(4000), callback(new TerminalProgress()));
 * Notebook.installTerminal();    // or: one for every fit, when a console is attached
 * }</pre>
 */
public final class TerminalProgress implements TrainingListener {
    private ProgressBar bar;

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
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
    }

    @Override
    public void onStep(TrainingState s) {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void onRecord(TrainingState s, double loss) {
        if (bar != null) {
            bar.setExtraMessage(" loss " + Html.num(loss));
        }
    }

    @Override
    public void onEnd(History history) {
        if (bar != null) {
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
}
