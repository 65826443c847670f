package scratchnet.widgets;

import java.util.Map;

/**
 * A slider for a whole number (ipywidgets' {@code IntSlider}): a hidden width, an epoch count.
 * <pre>{@code
 * var hidden = new IntSlider(1, 50, 25).description("hidden");
 * hidden.value();   // 25
 * }</pre>
 */
public final class IntSlider extends Slider<Integer> {
    /** A slider from {@code min} to {@code max} in steps of 1, at {@code value}. */
    public IntSlider(int min, int max, int value) {
        this(min, max, value, 1);
    }

    /** A slider from {@code min} to {@code max} in steps of {@code step}, at {@code value}. */
    public IntSlider(int min, int max, int value, int step) {
        super("IntSliderModel", "IntSliderView", ints(min, max, value, step));
    }

    private static Map<String, Object> ints(int min, int max, int value, int step) {
        Map<String, Object> s = FloatSlider.state(min, max, value, step, "IntSlider");
        s.put("value", value);
        s.put("min", min);
        s.put("max", max);
        s.put("step", step);
        s.put("readout_format", "d");
        return s;
    }

    @Override
    public IntSlider description(String text) {
        super.description(text);
        return this;
    }

    @Override
    public IntSlider continuousUpdate(boolean continuous) {
        super.continuousUpdate(continuous);
        return this;
    }

    @Override
    protected Integer fromState(Object raw) {
        return ((Number) raw).intValue();
    }
}
