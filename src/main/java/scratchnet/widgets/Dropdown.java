package scratchnet.widgets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A choice among labels (ipywidgets' {@code Dropdown}); the value is the chosen label.
 * <pre>{@code
 * var act = new Dropdown(List.of("sigmoid", "tanh", "relu")).description("activation");
 * act.value();   // "sigmoid"
 * }</pre>
 */
public final class Dropdown extends ValueControl<String> {
    private final List<String> options;

    /** A drop-down of these labels, the first chosen. */
    public Dropdown(List<String> options) {
        super("DropdownModel", "DropdownView", "DescriptionStyleModel", state(options));
        this.options = List.copyOf(options);
        // the front end sends the chosen index; the value follows it
        onAttributeChange((key, raw) -> {
            if (key.equals("index") && raw instanceof Number) {
                int i = ((Number) raw).intValue();
                if (i >= 0 && i < this.options.size()) {
                    set("value", this.options.get(i));
                }
            }
        });
    }

    private static Map<String, Object> state(List<String> options) {
        if (options == null || options.isEmpty()) {
            throw new IllegalArgumentException("Dropdown: expected at least one option, got " + options);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("_options_labels", List.copyOf(options));
        s.put("index", 0);
        s.put("value", options.get(0));
        s.put("description", "");
        s.put("disabled", false);
        return s;
    }

    /** The labels to choose from. */
    public List<String> options() {
        return options;
    }

    /** Chooses a label; it must be one of the options. */
    @Override
    public Dropdown value(String label) {
        int i = options.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("Dropdown: expected one of " + options + ", got \"" + label + "\"");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("index", i);
        changes.put("value", label);
        set(changes);
        return this;
    }

    @Override
    public Dropdown description(String text) {
        super.description(text);
        return this;
    }

    @Override
    protected String fromState(Object raw) {
        return String.valueOf(raw);
    }
}
