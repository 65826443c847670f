package scratchnet.widgets;

import scratchnet.display.Display;
import scratchnet.display.ProgressBar;

/**
 * A training's progress as ipywidgets draw it (as tqdm.notebook does): a {@link Progress} bar and a
 * {@link Text} label side by side, moved through the widgets' state instead of by replacing an
 * output. {@code fit} uses it when the front end has a widget manager ({@link WidgetControl}).
 * <pre>{@code
 * model.fit(x, y, lr(0.3), callback(new NotebookProgress(WidgetProgressBar::new)));
 * }</pre>
 */
public final class WidgetProgressBar implements ProgressBar {
    private Progress bar;
    private Text label;

    @Override
    public void show(int total, String unit) {
        bar = new Progress(0, Math.max(total, 1));
        label = Text.label(unit + " 0/" + total);
        Display.display(Box.hbox(bar, label));
    }

    @Override
    public void move(int done, String text) {
        if (bar != null) {
            bar.value((double) done);
            label.value(text);
        }
    }
}
