package scratchnet.engine;

import java.math.BigDecimal;
import java.math.MathContext;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

/**
 * {@code exp}, {@code tanh} and lane sums for the SIMD loops, built only from operations whose
 * result IEEE 754 fixes to the bit (add, multiply, fused multiply-add, divide, compare), so that a
 * value gives the same result in every lane, in the scalar tail of a loop, in the interpreter and in
 * compiled code. The JDK's own {@code VectorOperators.EXP} and {@code TANH} do not: compiled, they
 * are Intel's SVML; interpreted, {@code Math.exp} per lane; the two differ in the last bit, so the
 * same training from the same seed gave different weights depending on how warm the JIT was.
 * Likewise {@code reduceLanes(ADD)} leaves the order of the additions open; {@link #sum} fixes it.
 *
 * <p>Each function has a vector form and a scalar form doing the same operations in the same order;
 * the loops use the scalar form for the elements left over after the last full vector.
 * Accuracy: within 2 ulp of the correctly rounded result for {@code exp}, 3 ulp for {@code tanh}
 * (checked against {@link StrictMath} by the tests).
 * <pre>{@code
 * DoubleVector e = VectorMath.exp(DoubleVector.fromArray(S, z, i));   // e^z, lane by lane
 * double t = VectorMath.tanh(0.5);                                    // the same bits as a lane would give
 * }</pre>
 */
final class VectorMath {
    /** log2(e): x·log2(e) is the power of two nearest e^x. */
    private static final double LOG2E = 1.4426950408889634;
    /** ln 2 split in two: the double nearest it, and what that double misses (so k·ln 2 is exact to ~2⁻¹⁰⁶). */
    private static final double LN2_HI = Math.log(2.0);
    private static final double LN2_LO = new BigDecimal("0.693147180559945309417232121458176568075500134360255254120680")
            .subtract(new BigDecimal(LN2_HI), MathContext.DECIMAL128).doubleValue();
    /** 1.5·2⁵²: adding it rounds a double to an integer, which then sits in the low bits of the sum. */
    private static final double SHIFTER = 0x1.8p52;
    private static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    /** Beyond these, e^x is +∞ or 0 anyway; the clamp keeps the exponent arithmetic in range. */
    private static final double EXP_MAX = 710.0;
    private static final double EXP_MIN = -746.0;
    /** tanh(20) is 1 in double precision; clamping there keeps e^(−2|x|) a normal number. */
    private static final double TANH_SATURATION = 20.0;
    private static final long SIGN_BIT = Long.MIN_VALUE;
    /**
     * C[j] = 1/(j+1)!: e^r − 1 = r·(C[0] + C[1]·r + … + C[n−1]·r^(n−1)), to below 2⁻⁵⁵ relative with
     * {@link #EXP_TERMS} terms for |r| ≤ ln2/2 and {@link #EXPM1_TERMS} terms for r in [−ln2, 0].
     */
    private static final double[] C = taylorCoefficients(16);
    private static final int EXP_TERMS = 13;
    private static final int EXPM1_TERMS = 16;

    private VectorMath() {
    }

    private static double[] taylorCoefficients(int n) {
        double[] c = new double[n];
        BigDecimal factorial = BigDecimal.ONE;
        for (int j = 0; j < n; j++) {
            factorial = factorial.multiply(BigDecimal.valueOf(j + 1));
            c[j] = BigDecimal.ONE.divide(factorial, MathContext.DECIMAL128).doubleValue();
        }
        return c;
    }

    // ------------------------------------------------------------------ e^x

    /** e^x for each lane. */
    static DoubleVector exp(DoubleVector x) {
        // x = k·ln2 + r, |r| ≤ ln2/2, k an integer (t holds k in its low bits)
        DoubleVector xc = x.min(EXP_MAX).max(EXP_MIN);
        DoubleVector t = xc.fma(LOG2E, SHIFTER);
        DoubleVector k = t.sub(SHIFTER);
        DoubleVector r = k.fma(k.broadcast(-LN2_LO), k.fma(k.broadcast(-LN2_HI), xc));
        // e^r = 1 + r·Q(r)
        DoubleVector p = r.fma(q(r, EXP_TERMS), DoubleVector.broadcast(r.species(), 1.0));
        // e^x = e^r · 2^k, as two powers of two so that k down to −1077 and up to 1025 stay representable
        LongVector kl = t.reinterpretAsLongs().sub(SHIFTER_BITS);
        LongVector k1 = kl.lanewise(VectorOperators.ASHR, 1);
        LongVector k2 = kl.sub(k1);
        return p.mul(powerOfTwo(k1)).mul(powerOfTwo(k2));
    }

    /** e^x, with the same operations as one lane of {@link #exp(DoubleVector)}. */
    static double exp(double x) {
        double xc = Math.max(Math.min(x, EXP_MAX), EXP_MIN);
        double t = Math.fma(xc, LOG2E, SHIFTER);
        double k = t - SHIFTER;
        double r = Math.fma(k, -LN2_LO, Math.fma(k, -LN2_HI, xc));
        double p = Math.fma(r, q(r, EXP_TERMS), 1.0);
        long kl = Double.doubleToRawLongBits(t) - SHIFTER_BITS;
        long k1 = kl >> 1;
        long k2 = kl - k1;
        return p * powerOfTwo(k1) * powerOfTwo(k2);
    }

    // ------------------------------------------------------------------ tanh

    /**
     * tanh(x) for each lane: |tanh x| = −m / (2 + m) with m = e^(−2|x|) − 1 in (−1, 0], which never
     * cancels (the absolute value only turns a −0 magnitude into +0).
     */
    static DoubleVector tanh(DoubleVector x) {
        DoubleVector m = expm1OfNegative(x.abs().min(TANH_SATURATION).mul(-2.0));
        DoubleVector magnitude = m.neg().div(m.add(2.0)).abs();
        // the sign of x on a non-negative magnitude
        LongVector sign = x.reinterpretAsLongs().and(SIGN_BIT);
        return magnitude.reinterpretAsLongs().or(sign).reinterpretAsDoubles();
    }

    /** tanh(x), with the same operations as one lane of {@link #tanh(DoubleVector)}. */
    static double tanh(double x) {
        double m = expm1OfNegative(Math.min(Math.abs(x), TANH_SATURATION) * -2.0);
        double magnitude = Math.abs(-m / (m + 2.0));
        long sign = Double.doubleToRawLongBits(x) & SIGN_BIT;
        return Double.longBitsToDouble(Double.doubleToRawLongBits(magnitude) | sign);
    }

    /**
     * e^y − 1 for y in [−40, 0]: y = k·ln2 + r with r in [−ln2, 0] (k rounded up, not to nearest),
     * so that m = 2^k·(e^r − 1) + (2^k − 1) adds two numbers of the same sign and never cancels.
     */
    private static DoubleVector expm1OfNegative(DoubleVector y) {
        DoubleVector t = y.fma(LOG2E, 0.5).add(SHIFTER);
        DoubleVector k = t.sub(SHIFTER);
        DoubleVector r = k.fma(k.broadcast(-LN2_LO), k.fma(k.broadcast(-LN2_HI), y));
        DoubleVector twoToK = powerOfTwo(t.reinterpretAsLongs().sub(SHIFTER_BITS));
        // m = 2^k·(r·Q(r)) + (2^k − 1)
        return twoToK.fma(r.mul(q(r, EXPM1_TERMS)), twoToK.sub(1.0));
    }

    private static double expm1OfNegative(double y) {
        double t = Math.fma(y, LOG2E, 0.5) + SHIFTER;
        double k = t - SHIFTER;
        double r = Math.fma(k, -LN2_LO, Math.fma(k, -LN2_HI, y));
        double twoToK = powerOfTwo(Double.doubleToRawLongBits(t) - SHIFTER_BITS);
        return Math.fma(twoToK, r * q(r, EXPM1_TERMS), twoToK - 1.0);
    }

    // ------------------------------------------------------------------ pieces

    /** Q(r) = C[0] + C[1]·r + … + C[n−1]·r^(n−1) by Horner's rule. */
    private static DoubleVector q(DoubleVector r, int n) {
        DoubleVector acc = DoubleVector.broadcast(r.species(), C[n - 1]);
        for (int j = n - 2; j >= 0; j--) {
            acc = acc.fma(r, DoubleVector.broadcast(r.species(), C[j]));
        }
        return acc;
    }

    private static double q(double r, int n) {
        double acc = C[n - 1];
        for (int j = n - 2; j >= 0; j--) {
            acc = Math.fma(acc, r, C[j]);
        }
        return acc;
    }

    /** 2^k for integers k in [−1022, 1023], built in the exponent bits. */
    private static DoubleVector powerOfTwo(LongVector k) {
        return k.add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    }

    private static double powerOfTwo(long k) {
        return Double.longBitsToDouble((k + 1023L) << 52);
    }

    // ------------------------------------------------------------------ sums

    /** The lanes of v added from the first to the last, the same order every time. */
    static double sum(DoubleVector v) {
        double s = v.lane(0);
        for (int i = 1; i < v.length(); i++) {
            s += v.lane(i);
        }
        return s;
    }
}
