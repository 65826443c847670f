package scratchnet.widgets;

/** The checks every slider and progress bar makes of its range, with messages that say what arrived. */
final class Ranges {
    private Ranges() {
    }

    /** min &lt; max, min ≤ value ≤ max, step &gt; 0, all finite. */
    static void check(String what, double min, double max, double value, double step) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !Double.isFinite(value) || !Double.isFinite(step)) {
            throw new IllegalArgumentException(what + ": expected finite numbers, got min " + min + ", max " + max
                    + ", value " + value + ", step " + step);
        }
        if (!(min < max)) {
            throw new IllegalArgumentException(what + ": expected min < max, got min " + min + " and max " + max);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + ": expected a value between min " + min + " and max " + max
                    + ", got " + value);
        }
        if (!(step > 0)) {
            throw new IllegalArgumentException(what + ": expected a step > 0, got " + step);
        }
    }
}
