package scratchnet.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A play button that counts from {@code min} to {@code max} by itself (ipywidgets' {@code Play}),
 * to scrub through the iterations of a training like a film; link it to a slider to see where it is.
 * <pre>{@code
 * var frame = new Play(0, 299).interval(50);
 * frame.onChange(i -> chart.update(snapshots.get(i)));
 * }</pre>
 */
public final class Play extends ValueControl<Integer> {
    /** Counts from {@code min} to {@code max} by 1, every 100 ms once started. */
    public Play(int min, int max) {
        super("PlayModel", "PlayView", "DescriptionStyleModel", state(min, max));
    }

    private static Map<String, Object> state(int min, int max) {
        Ranges.check("Play", min, max, min, 1);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("value", min);
        s.put("min", min);
        s.put("max", max);
        s.put("step", 1);
        s.put("interval", 100);
        s.put("playing", false);
        s.put("repeat", false);
        s.put("show_repeat", true);
        s.put("description", "");
        s.put("disabled", false);
        return s;
    }

    /** The time between steps, in milliseconds. */
    public Play interval(int millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("Play.interval: expected milliseconds > 0, got " + millis);
        }
        set("interval", millis);
        return this;
    }

    @Override
    protected Integer fromState(Object raw) {
        return ((Number) raw).intValue();
    }
}
