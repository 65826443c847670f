package scratchnet.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A slider for a real number (ipywidgets' {@code FloatSlider}).
 * <pre>{@code
 * var lr = new FloatSlider(0.01, 1.0, 0.3).description("learning rate");
 * lr.value();   // 0.3 until the learner drags it
 * }</pre>
 */
public final class FloatSlider extends Slider<Double> {
    /**
     * A slider from {@code min} to {@code max} at {@code value}, in steps of 1, 2 or 5 × 10ᵏ, the
     * largest at most (max − min)/100 that {@code value} lies on (min + i·step), so that showing the
     * slider keeps the value as given: {@code new FloatSlider(0.05, 1, 0.3)} steps by 0.005.
     */
    public FloatSlider(double min, double max, double value) {
        this(min, max, value, Ranges.defaultStep(min, max, value));
    }

    /**
     * A slider from {@code min} to {@code max} in steps of {@code step}, at {@code value}; a value off
     * the grid min + i·step moves to the nearest point of it when a front end shows the slider.
     */
    public FloatSlider(double min, double max, double value, double step) {
        super("FloatSliderModel", "FloatSliderView", state(min, max, value, step, "FloatSlider"));
    }

    static Map<String, Object> state(double min, double max, double value, double step, String what) {
        Ranges.check(what, min, max, value, step);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("value", value);
        s.put("min", min);
        s.put("max", max);
        s.put("step", step);
        s.put("description", "");
        s.put("continuous_update", true);
        s.put("orientation", "horizontal");
        s.put("readout", true);
        s.put("readout_format", ".2f");
        s.put("disabled", false);
        return s;
    }

    @Override
    public FloatSlider description(String text) {
        super.description(text);
        return this;
    }

    @Override
    public FloatSlider continuousUpdate(boolean continuous) {
        super.continuousUpdate(continuous);
        return this;
    }

    @Override
    protected Double fromState(Object raw) {
        return ((Number) raw).doubleValue();
    }
}
