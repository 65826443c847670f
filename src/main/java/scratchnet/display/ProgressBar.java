package scratchnet.display;

/**
 * The bar of a notebook's training progress ({@link NotebookProgress}): shown when a fit starts,
 * moved while it runs (at most a few times a second), and left at the end. The built-in one is an
 * HTML {@code <progress>} element replaced in place; the widgets package has one that is an
 * ipywidgets progress bar, for front ends with widgets.
 * <pre>{@code
 * ProgressBar bar = ProgressBar.html();
 * bar.show(4000, "iter");
 * bar.move(1200, "iter 1200/4000 · loss 3.21 · 0.4 s");
 * }</pre>
 */
public interface ProgressBar {
    /** Shows an empty bar for {@code total} steps. */
    void show(int total, String unit);

    /** Moves the bar to {@code done} steps, with {@code text} beside it. */
    void move(int done, String text);

    /** The HTML bar, replaced in place through a display. */
    static ProgressBar html() {
        return new ProgressBar() {
            private DisplayHandle handle;
            private int total;

            @Override
            public void show(int total, String unit) {
                this.total = total;
                handle = Display.display(bundle(0, ""));
            }

            @Override
            public void move(int done, String text) {
                if (handle != null) {
                    handle.update(bundle(done, text));
                }
            }

            /** An HTML progress element and the text beside it. */
            private MimeBundle bundle(int done, String text) {
                String html = "<div class=\"scratchnet-progress\" style=\"font-family:monospace\"><progress value=\"" + done
                        + "\" max=\"" + Math.max(total, 1) + "\" style=\"width:24em;vertical-align:middle\"></progress> "
                        + Html.escape(text) + "</div>";
                return new MimeBundle().put(MimeBundle.TEXT, text).put("text/html", html);
            }
        };
    }
}
