package scratchnet.widgets;

import java.util.Map;

/**
 * A slider over powers of ten (ipywidgets' {@code FloatLogSlider}), for learning rates and
 * regularisation strengths that span orders of magnitude; a step is about a tenth of a power of ten,
 * chosen so that the starting value is one of the slider's stops.
 * <pre>{@code
 * var lr = new LogSlider(1e-4, 1, 0.03).description("lr");   // 10⁻⁴ … 10⁰
 * lr.value();   // 0.03
 * }</pre>
 */
public final class LogSlider extends Slider<Double> {
    /** A slider from {@code min} to {@code max} (both &gt; 0) at {@code value}. */
    public LogSlider(double min, double max, double value) {
        super("FloatLogSliderModel", "FloatLogSliderView", state(min, max, value));
    }

    private static Map<String, Object> state(double min, double max, double value) {
        if (!(min > 0) || !(value > 0)) {
            throw new IllegalArgumentException("LogSlider: expected min and value > 0 (it slides over powers of ten), got min "
                    + min + " and value " + value);
        }
        // the model holds the exponents of min and max, and the value itself; the step (about a
        // tenth of a power of ten) puts the value's exponent on the grid min + i·step, where the
        // front end's slider snaps it
        double lo = Math.log10(min);
        double above = Math.log10(value) - lo;
        double step = above > 0 ? above / Math.max(1, Math.round(above / 0.1)) : 0.1;
        Map<String, Object> s = FloatSlider.state(lo, Math.log10(max), Math.log10(value), step, "LogSlider");
        s.put("value", value);
        s.put("base", 10.0);
        s.put("readout_format", ".3g");
        return s;
    }

    @Override
    public LogSlider description(String text) {
        super.description(text);
        return this;
    }

    @Override
    public LogSlider continuousUpdate(boolean continuous) {
        super.continuousUpdate(continuous);
        return this;
    }

    @Override
    protected Double fromState(Object raw) {
        return ((Number) raw).doubleValue();
    }
}
