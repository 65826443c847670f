package scratchnet.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A progress bar (ipywidgets' {@code FloatProgress}) that the code moves.
 * <pre>{@code
 * var bar = new Progress(0, 4000);
 * display(bar);
 * bar.value(100.0);
 * }</pre>
 */
public final class Progress extends ValueControl<Double> {
    /** A bar from {@code min} to {@code max}, empty. */
    public Progress(double min, double max) {
        super("FloatProgressModel", "ProgressView", "ProgressStyleModel", state(min, max));
    }

    private static Map<String, Object> state(double min, double max) {
        Ranges.check("Progress", min, max, min, 1);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("value", min);
        s.put("min", min);
        s.put("max", max);
        s.put("bar_style", "");
        s.put("orientation", "horizontal");
        s.put("description", "");
        return s;
    }

    @Override
    protected Double fromState(Object raw) {
        return ((Number) raw).doubleValue();
    }
}
