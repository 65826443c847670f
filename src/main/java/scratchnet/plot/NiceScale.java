package scratchnet.plot;

/**
 * Round axis bounds and a round tick step for a data range, the way matplotlib's default axes
 * look: the step is 1, 2 or 5 × 10^k (the steps XChart's tick placement can draw), the smallest
 * one that needs at most {@code maxTicks} ticks, and the bounds are the data's range rounded out
 * to a multiple of the step, so the axis starts and ends on a tick.
 * <pre>{@code
 * NiceScale s = NiceScale.of(0.0, 0.99, 8);   // lo 0, hi 1, step 0.2: ticks 0, 0.2, …, 1
 * }</pre>
 */
final class NiceScale {
    /** The mantissas of the steps, smallest first. */
    private static final double[] MANTISSAS = {1, 2, 5};

    /** The lower bound, a multiple of {@link #step} at or below the data's minimum. */
    final double lo;
    /** The upper bound, a multiple of {@link #step} at or above the data's maximum. */
    final double hi;
    /** The distance between ticks. */
    final double step;
    /** The mantissa of the step: 1, 2 or 5. */
    final int mantissa;

    private NiceScale(double lo, double hi, double step, int mantissa) {
        this.lo = lo;
        this.hi = hi;
        this.step = step;
        this.mantissa = mantissa;
    }

    /** The number of ticks from {@link #lo} to {@link #hi}, both included. */
    int ticks() {
        return (int) Math.round((hi - lo) / step) + 1;
    }

    /**
     * The scale for data from {@code min} to {@code max} with at most {@code maxTicks} ticks
     * (at least 2); null when the range is empty, a single value or not finite.
     */
    static NiceScale of(double min, double max, int maxTicks) {
        if (maxTicks < 2) {
            throw new IllegalArgumentException("NiceScale: expected at least 2 ticks, got " + maxTicks);
        }
        double span = max - min;
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(span > 0) || !Double.isFinite(span)) {
            return null;
        }
        // the first power of ten at which (maxTicks - 1) steps of 1·10^k could cover the span
        int exponent = (int) Math.floor(Math.log10(span / (maxTicks - 1)));
        for (int e = exponent;; e++) {
            double power = Math.pow(10, e);
            for (double m : MANTISSAS) {
                double step = m * power;
                // a tiny slack so that 0.99 / 0.2 rounding noise does not add a tick
                double lo = Math.floor(min / step + 1e-9) * step;
                double hi = Math.ceil(max / step - 1e-9) * step;
                NiceScale s = new NiceScale(clean(lo, step), clean(hi, step), step, (int) m);
                if (s.ticks() <= maxTicks) {
                    return s;
                }
            }
        }
    }

    /** A multiple of step without the noise of the multiplication: 0.6000000000000001 → 0.6. */
    private static double clean(double value, double step) {
        double digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
        double scale = Math.pow(10, digits);
        return digits > 15 ? value : Math.round(value * scale) / scale;
    }
}
