package scratchnet.widgets;

import java.util.Map;

/**
 * What the sliders share: a description, and whether the value follows every move of the handle
 * or only its release ({@link #continuousUpdate}, for code that takes a while, such as a re-training).
 * <pre>{@code
 * var lr = slider(0.01, 1, 0.3).description("lr").continuousUpdate(false);
 * }</pre>
 *
 * @param <T> the value's type
 */
public abstract class Slider<T> extends ValueControl<T> {
    Slider(String model, String view, Map<String, Object> initial) {
        super(model, view, "SliderStyleModel", initial);
    }

    /** True (the default): the value changes while the handle moves; false: only when it is let go. */
    public Slider<T> continuousUpdate(boolean continuous) {
        set("continuous_update", continuous);
        return this;
    }

    /** The distance between two stops of the slider (for a {@link LogSlider}, between two exponents). */
    public double step() {
        return ((Number) get("step")).doubleValue();
    }

    @Override
    public Slider<T> description(String text) {
        super.description(text);
        return this;
    }
}
