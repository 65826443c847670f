package scratchnet.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD versions of the element-wise loops in {@link Kernels}, written with the JDK's Vector
 * API: each step handles {@code LANES} doubles at once (8 with AVX-512, 4 with AVX2), and the few
 * elements left over at the end run as scalar code. Only {@link Kernels} calls these, and only
 * when {@link Simd#ENABLED}; this class is never loaded otherwise, so a JVM without the module
 * never sees its imports.
 *
 * <p>{@code exp} and {@code tanh} are the JDK's vector intrinsics (Intel's SVML on x86), accurate
 * to about an ulp, like {@link Math#exp}; results can differ from the scalar loops in the last bit.
 * <pre>{@code
 * VectorLoops.sigmoid(z, a, 0, z.length);   // a = 1 / (1 + e^(−z)), 8 values per step
 * }</pre>
 */
final class VectorLoops {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = S.length();

    private VectorLoops() {
    }

    static String describe() {
        return "Vector API, " + LANES + " doubles per vector (" + S.vectorBitSize() + "-bit)";
    }

    /** out[i] = 1 / (1 + e^(−z[i])) for i in [from, to). */
    static void sigmoid(double[] z, double[] out, int from, int to) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int i = from;
        for (int up = from + S.loopBound(to - from); i < up; i += LANES) {
            DoubleVector e = DoubleVector.fromArray(S, z, i).neg().lanewise(VectorOperators.EXP);
            one.div(e.add(1.0)).intoArray(out, i);
        }
        for (; i < to; i++) {
            out[i] = 1.0 / (1.0 + Math.exp(-z[i]));
        }
    }

    /** out[i] = e^(z[i]) for i in [from, to). */
    static void exp(double[] z, double[] out, int from, int to) {
        int i = from;
        for (int up = from + S.loopBound(to - from); i < up; i += LANES) {
            DoubleVector.fromArray(S, z, i).lanewise(VectorOperators.EXP).intoArray(out, i);
        }
        for (; i < to; i++) {
            out[i] = Math.exp(z[i]);
        }
    }

    /** out[i] = tanh(z[i]) for i in [from, to). */
    static void tanh(double[] z, double[] out, int from, int to) {
        int i = from;
        for (int up = from + S.loopBound(to - from); i < up; i += LANES) {
            DoubleVector.fromArray(S, z, i).lanewise(VectorOperators.TANH).intoArray(out, i);
        }
        for (; i < to; i++) {
            out[i] = Math.tanh(z[i]);
        }
    }

    /** Σ a[aOff+j]·b[bOff+j] for j in [0, n): two vector accumulators, then the lanes. */
    static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = DoubleVector.zero(S);
        int j = 0;
        for (int up = n - 2 * LANES; j <= up; j += 2 * LANES) {
            s0 = DoubleVector.fromArray(S, a, aOff + j).fma(DoubleVector.fromArray(S, b, bOff + j), s0);
            s1 = DoubleVector.fromArray(S, a, aOff + j + LANES).fma(DoubleVector.fromArray(S, b, bOff + j + LANES), s1);
        }
        if (j + LANES <= n) {
            s0 = DoubleVector.fromArray(S, a, aOff + j).fma(DoubleVector.fromArray(S, b, bOff + j), s0);
            j += LANES;
        }
        double s = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            s = Math.fma(a[aOff + j], b[bOff + j], s);
        }
        return s;
    }
}
