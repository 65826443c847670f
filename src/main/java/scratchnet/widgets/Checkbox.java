package scratchnet.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A check box (ipywidgets' {@code Checkbox}).
 * <pre>{@code
 * var l2 = new Checkbox(false).description("L2");
 * l2.value();   // false
 * }</pre>
 */
public final class Checkbox extends ValueControl<Boolean> {
    /** A check box, ticked or not. */
    public Checkbox(boolean value) {
        super("CheckboxModel", "CheckboxView", "CheckboxStyleModel", state(value));
    }

    private static Map<String, Object> state(boolean value) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("value", value);
        s.put("description", "");
        s.put("disabled", false);
        s.put("indent", true);
        return s;
    }

    @Override
    public Checkbox description(String text) {
        super.description(text);
        return this;
    }

    @Override
    protected Boolean fromState(Object raw) {
        return Boolean.TRUE.equals(raw);
    }
}
