package scratchnet.widgets;

import java.util.Map;

/**
 * The style of a control (ipywidgets' {@code SliderStyleModel}, {@code ButtonStyleModel} and the
 * like): colours and the width of the description. Every control gets one of its own.
 * <pre>{@code
 * slider(0, 1, 0.5).style().put("description_width", "120px");
 * }</pre>
 */
public final class Style extends Widget {
    Style(String modelName) {
        super(CONTROLS, modelName, BASE, "StyleView", Map.of());
    }

    /** Sets one style attribute, e.g. {@code put("handle_color", "orange")}; returns this style. */
    public Style put(String attribute, Object value) {
        super.set(attribute, value);
        return this;
    }
}
