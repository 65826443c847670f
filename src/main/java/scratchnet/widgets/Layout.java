package scratchnet.widgets;

import java.util.Map;

/**
 * The CSS layout of a widget (ipywidgets' {@code LayoutModel}): width, height, margins… Every
 * control gets one of its own; set attributes by their CSS names with underscores.
 * <pre>{@code
 * slider(0, 1, 0.5).layout().put("width", "400px");
 * }</pre>
 */
public final class Layout extends Widget {
    Layout() {
        super(BASE, "LayoutModel", BASE, "LayoutView", Map.of());
    }

    /** Sets one CSS attribute, e.g. {@code put("width", "50%")}; returns this layout. */
    public Layout put(String attribute, String value) {
        super.set(attribute, value);
        return this;
    }
}
