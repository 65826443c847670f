package scratchnet.display;

import java.util.UUID;

import scratchnet.settings.Settings;

/**
 * Shows rich output — charts, tables, matrices, networks — in a Jupyter notebook, or as text in a
 * terminal. Values are rendered by {@link Renderers} and sent to the {@link DisplaySink}: frames
 * on System.out when the setting {@code scratchnet.display} is {@code frames} (the notebook kernel
 * sets it through {@link Notebook#install()}; see {@link Settings}), plain text otherwise.
 * <pre>{@code
 * DisplayHandle h = Display.display(model);     // the layer table
 * h.update(model.fit(x, y, lr(0.3)));           // replaced by the loss curve
 * Display.result(42);                           // a cell's value (the kernel does this)
 * Display.clearOutput();                        // the cell's output so far disappears
 * }</pre>
 */
public final class Display {
    private static volatile DisplaySink sink;

    private Display() {
    }

    /** Renders and shows {@code o}; the handle can replace it later. */
    public static DisplayHandle display(Object o) {
        MimeBundle b = Renderers.render(o);
        DisplayHandle h = new DisplayHandle(UUID.randomUUID().toString());
        send(Frames.DISPLAY, b, h.id());
        return h;
    }

    /** Renders and shows {@code o} as a cell's result ({@code execute_result}, no display id). */
    public static void result(Object o) {
        send(Frames.RESULT, Renderers.render(o), null);
    }

    /**
     * Clears what the running cell has shown so far — text, displays, results — in a notebook
     * (Jupyter's {@code clear_output}); in a terminal, where printed text stays, it does nothing.
     */
    public static void clearOutput() {
        send(Frames.CLEAR, new MimeBundle(), null);
    }

    /** Replaces the sink (for tests, or a custom front end); null goes back to choosing by the system property. */
    public static void setSink(DisplaySink s) {
        sink = s;
    }

    /** The sink in use, chosen on first use from the system property {@code scratchnet.display}. */
    public static DisplaySink sink() {
        DisplaySink s = sink;
        if (s == null) {
            synchronized (Display.class) {
                s = sink;
                if (s == null) {
                    s = Settings.framesDisplay() ? DisplaySink.frames() : DisplaySink.plain();
                    sink = s;
                }
            }
        }
        return s;
    }

    static void send(String type, MimeBundle b, String id) {
        Capture.Target captured = Capture.current();
        if (captured != null) {
            captured.send(type, b, id);
        } else {
            sink().send(type, b, id);
        }
    }
}
