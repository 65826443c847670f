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

    /**
     * The step of a slider given none: the largest 1, 2 or 5 × 10ᵏ at most (max − min)/100 whose grid
     * min + i·step holds {@code value}, since ipywidgets' slider moves the value onto that grid as
     * soon as it shows it (a default of (max − min)/100 would turn {@code slider(0.05, 1, 0.3)} into
     * 0.297). (max − min)/100 itself when no such step down to 10⁻⁶ of it holds the value.
     * <pre>{@code
     * defaultStep(0.05, 1, 0.3)   // 0.005: 0.3 = 0.05 + 50·0.005
     * defaultStep(0, 1, 0.3)      // 0.01
     * }</pre>
     */
    static double defaultStep(double min, double max, double value) {
        double span = max - min;
        double largest = span / 100;
        if (!(span > 0) || !Double.isFinite(span) || !Double.isFinite(value)) {
            return largest;   // check() reports what is wrong
        }
        int top = (int) Math.floor(Math.log10(largest));
        for (int e = top; e > top - 7; e--) {
            for (int mantissa : new int[] {5, 2, 1}) {
                // step = mantissa · 10^e, written so that 10^e is exact for e < 0 (0.001, not 0.0010000000000000002)
                double step = e >= 0 ? mantissa * Math.pow(10, e) : mantissa / Math.pow(10, -e);
                if (step > largest * (1 + 1e-12)) {
                    continue;
                }
                // i = (value − min)/step must be a whole number
                double i = (value - min) / step;
                if (Math.abs(i - Math.rint(i)) <= 1e-9 * Math.max(1, Math.abs(i))) {
                    return step;
                }
            }
        }
        return largest;
    }
}
