package scratchnet.nn;

import java.math.BigDecimal;
import java.math.MathContext;

/** Formats losses for printing: six significant digits without trailing zeros ("260.181", "0.0123"). */
final class LossFormat {
    private LossFormat() {
    }

    static String g(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v != 0 && (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e6)) {
            return String.format("%.5e", v);
        }
        String s = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        return s;
    }
}
