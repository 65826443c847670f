package scratchnet.widgets;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A control with a value the learner changes (a slider, a checkbox, a drop-down): read it with
 * {@link #value()}, set it with {@link #value(Object)}, and run code whenever it changes.
 * <pre>{@code
 * var lr = slider(0.01, 1, 0.3);
 * lr.onChange(v -> System.out.println("lr is now " + v));
 * lr.value(0.5);       // moves the slider in the front end too
 * }</pre>
 *
 * @param <T> the value's type
 */
public abstract class ValueControl<T> extends Control {
    /** A control of these model, view and style models, whose state includes its first {@code value}. */
    protected ValueControl(String model, String view, String styleModel, Map<String, Object> initial) {
        super(model, view, styleModel, initial);
    }

    /** The value the front end shows now. */
    public T value() {
        return fromState(get("value"));
    }

    /** Sets the value here and in the front end; returns this control. */
    public ValueControl<T> value(T value) {
        set("value", toState(value));
        return this;
    }

    /** Runs {@code action} with the new value after every change, from the front end or from {@link #value(Object)}. */
    public ValueControl<T> onChange(Consumer<T> action) {
        if (action == null) {
            throw new IllegalArgumentException("onChange: expected an action such as v -> System.out.println(v), got null");
        }
        onAttributeChange((key, raw) -> {
            if (key.equals("value")) {
                action.accept(fromState(raw));
            }
        });
        return this;
    }

    /** The value from its JSON form in the state. */
    protected abstract T fromState(Object raw);

    /** The JSON form of a value. */
    protected Object toState(T value) {
        return value;
    }

    /** {@code (value=0.3)}, or with a description {@code (lr=0.3)}. */
    @Override
    protected String describe() {
        Object d = get("description");
        String name = d == null || String.valueOf(d).isEmpty() ? "value" : String.valueOf(d);
        return "(" + name + "=" + value() + ")";
    }
}
