package scratchnet.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A widget that shows in a notebook (ipywidgets' {@code DOMWidget}): it has a {@link Layout}, a
 * {@link Style} and, for most, a description shown beside it.
 * <pre>{@code
 * var s = slider(0, 1, 0.5).description("lr");
 * s.layout().put("width", "400px");
 * }</pre>
 */
public abstract class Control extends Widget {
    private final Layout layout;
    private final Style style;

    /** A control whose model and view are in the controls module, with a style model of its own (or none: null). */
    protected Control(String model, String view, String styleModel, Map<String, Object> initial) {
        this(CONTROLS, MODULE_VERSION, model, view, new Layout(), styleModel == null ? null : new Style(styleModel), initial);
    }

    /** A control whose model and view are in {@code module} at {@code version}, without a style. */
    protected Control(String module, String version, String model, String view, Map<String, Object> initial) {
        this(module, version, model, view, new Layout(), null, initial);
    }

    private Control(String module, String version, String model, String view, Layout layout, Style style,
                    Map<String, Object> initial) {
        super(module, version, model, module, view, withParts(layout, style, initial));
        this.layout = layout;
        this.style = style;
    }

    private static Map<String, Object> withParts(Layout layout, Style style, Map<String, Object> initial) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("_dom_classes", java.util.List.of());
        state.put("layout", layout.reference());
        if (style != null) {
            state.put("style", style.reference());
        }
        state.putAll(initial);
        return state;
    }

    /** The control's layout. */
    public Layout layout() {
        return layout;
    }

    /** The control's style (null for boxes, which have none). */
    public Style style() {
        return style;
    }

    /** The label shown beside the control (for a button, on it). */
    public String description() {
        return String.valueOf(get("description"));
    }

    /** Sets the label shown beside the control; returns this control. */
    public Control description(String text) {
        set("description", text == null ? "" : text);
        return this;
    }

    /** Whether the learner can change the control. */
    public boolean disabled() {
        return Boolean.TRUE.equals(get("disabled"));
    }

    /** Closes the control with its layout and style. */
    @Override
    public void close() {
        super.close();
        layout.close();
        if (style != null) {
            style.close();
        }
    }
}
