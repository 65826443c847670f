package scratchnet.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Widgets side by side ({@link #hbox}) or one above the other ({@link #vbox}), as ipywidgets'
 * {@code HBox} and {@code VBox}.
 * <pre>{@code
 * display(Box.vbox(Box.hbox(lr, hidden), chart));
 * }</pre>
 */
public final class Box extends Control {
    private final List<Widget> children;

    private Box(String model, String view, List<Widget> children) {
        super(model, view, null, state(children));
        this.children = java.util.Collections.unmodifiableList(new ArrayList<>(children));
    }

    /** Side by side. */
    public static Box hbox(Widget... children) {
        return new Box("HBoxModel", "HBoxView", java.util.Arrays.asList(children));
    }

    /** One above the other. */
    public static Box vbox(Widget... children) {
        return new Box("VBoxModel", "VBoxView", java.util.Arrays.asList(children));
    }

    private static Map<String, Object> state(List<Widget> children) {
        List<String> refs = new ArrayList<>();
        for (Widget w : children) {
            if (w == null) {
                throw new IllegalArgumentException("Box: expected widgets, got null among " + children.size() + " children");
            }
            refs.add(w.reference());
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("children", refs);
        s.put("box_style", "");
        return s;
    }

    /** The widgets in the box. */
    public List<Widget> children() {
        return children;
    }

    @Override
    protected String describe() {
        return children.toString().replace('[', '(').replace(']', ')');
    }
}
