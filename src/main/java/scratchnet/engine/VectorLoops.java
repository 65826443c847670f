package scratchnet.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD versions of the element-wise loops in {@link Loops}, written with the JDK's Vector
 * API: each step handles {@code LANES} doubles at once (8 with AVX-512, 4 with AVX2), and the few
 * elements left over at the end run as scalar code. Only {@link Loops} calls these, and only
 * when {@link Simd#ENABLED}; this class is never loaded otherwise, so a JVM without the module
 * never sees its imports.
 *
 * <p>{@code exp}, {@code tanh} and the sums of lanes come from {@link VectorMath}, so a value gives
 * the same bits wherever it sits in the array and however warm the JIT is; they can differ from the
 * scalar loops of {@link Loops} (which use {@link Math#exp}) in the last bit or two.
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
            DoubleVector e = VectorMath.exp(DoubleVector.fromArray(S, z, i).neg());
            one.div(e.add(1.0)).intoArray(out, i);
        }
        for (; i < to; i++) {
            out[i] = 1.0 / (1.0 + VectorMath.exp(-z[i]));
        }
    }

    /** out[i] = e^(z[i]) for i in [from, to). */
    static void exp(double[] z, double[] out, int from, int to) {
        int i = from;
        for (int up = from + S.loopBound(to - from); i < up; i += LANES) {
            VectorMath.exp(DoubleVector.fromArray(S, z, i)).intoArray(out, i);
        }
        for (; i < to; i++) {
            out[i] = VectorMath.exp(z[i]);
        }
    }

    /** out[i] = tanh(z[i]) for i in [from, to). */
    static void tanh(double[] z, double[] out, int from, int to) {
        int i = from;
        for (int up = from + S.loopBound(to - from); i < up; i += LANES) {
            VectorMath.tanh(DoubleVector.fromArray(S, z, i)).intoArray(out, i);
        }
        for (; i < to; i++) {
            out[i] = VectorMath.tanh(z[i]);
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
        double s = VectorMath.sum(s0.add(s1));
        for (; j < n; j++) {
            s = Math.fma(a[aOff + j], b[bOff + j], s);
        }
        return s;
    }

    /**
     * dst[r, :] = bias[r] + Σ_p coef[r·rs + p·cs] · src[p, :] for r in [0, rows), with src (k×cols)
     * and dst (rows×cols) row-major; bias may be null (no bias). Each stretch of LANES columns of a
     * row is summed in a register and stored once: with k small this beats a general product.
     */
    static void combineRows(double[] coef, int rs, int cs, double[] bias, double[] src, double[] dst,
                            int rows, int k, int cols) {
        int up1 = S.loopBound(cols);
        int up4 = cols - cols % (4 * LANES);
        for (int r = 0; r < rows; r++) {
            DoubleVector b0 = DoubleVector.broadcast(S, bias == null ? 0.0 : bias[r]);
            int d = r * cols;
            int c0 = r * rs;
            int j = 0;
            // four stretches at once: four independent chains of fma keep the unit busy
            for (; j < up4; j += 4 * LANES) {
                DoubleVector acc0 = b0;
                DoubleVector acc1 = b0;
                DoubleVector acc2 = b0;
                DoubleVector acc3 = b0;
                for (int p = 0; p < k; p++) {
                    DoubleVector c = DoubleVector.broadcast(S, coef[c0 + p * cs]);
                    int sp = p * cols + j;
                    // acc += coef[r,p] · src[p, j..j+4·LANES)
                    acc0 = DoubleVector.fromArray(S, src, sp).fma(c, acc0);
                    acc1 = DoubleVector.fromArray(S, src, sp + LANES).fma(c, acc1);
                    acc2 = DoubleVector.fromArray(S, src, sp + 2 * LANES).fma(c, acc2);
                    acc3 = DoubleVector.fromArray(S, src, sp + 3 * LANES).fma(c, acc3);
                }
                acc0.intoArray(dst, d + j);
                acc1.intoArray(dst, d + j + LANES);
                acc2.intoArray(dst, d + j + 2 * LANES);
                acc3.intoArray(dst, d + j + 3 * LANES);
            }
            for (; j < up1; j += LANES) {
                DoubleVector acc = b0;
                for (int p = 0; p < k; p++) {
                    acc = DoubleVector.fromArray(S, src, p * cols + j)
                            .fma(DoubleVector.broadcast(S, coef[c0 + p * cs]), acc);
                }
                acc.intoArray(dst, d + j);
            }
            for (; j < cols; j++) {
                double acc = bias == null ? 0.0 : bias[r];
                for (int p = 0; p < k; p++) {
                    acc = Math.fma(coef[c0 + p * cs], src[p * cols + j], acc);
                }
                dst[d + j] = acc;
            }
        }
    }

    /**
     * c[i·n + j] = Σ_p a[i,p]·b[j,p] (C = A·Bᵀ, A m×k, B n×k) as dot products, four rows of B at
     * a time so each load of a row of A feeds four fma chains.
     */
    static void rowDots(double[] a, double[] b, double[] c, int m, int k, int n) {
        int up = S.loopBound(k);
        for (int i = 0; i < m; i++) {
            int ai = i * k;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                DoubleVector s0 = DoubleVector.zero(S);
                DoubleVector s1 = DoubleVector.zero(S);
                DoubleVector s2 = DoubleVector.zero(S);
                DoubleVector s3 = DoubleVector.zero(S);
                int b0 = j * k;
                int p = 0;
                for (; p < up; p += LANES) {
                    DoubleVector av = DoubleVector.fromArray(S, a, ai + p);
                    s0 = av.fma(DoubleVector.fromArray(S, b, b0 + p), s0);
                    s1 = av.fma(DoubleVector.fromArray(S, b, b0 + k + p), s1);
                    s2 = av.fma(DoubleVector.fromArray(S, b, b0 + 2 * k + p), s2);
                    s3 = av.fma(DoubleVector.fromArray(S, b, b0 + 3 * k + p), s3);
                }
                double t0 = VectorMath.sum(s0);
                double t1 = VectorMath.sum(s1);
                double t2 = VectorMath.sum(s2);
                double t3 = VectorMath.sum(s3);
                for (; p < k; p++) {
                    double ap = a[ai + p];
                    t0 = Math.fma(ap, b[b0 + p], t0);
                    t1 = Math.fma(ap, b[b0 + k + p], t1);
                    t2 = Math.fma(ap, b[b0 + 2 * k + p], t2);
                    t3 = Math.fma(ap, b[b0 + 3 * k + p], t3);
                }
                c[i * n + j] = t0;
                c[i * n + j + 1] = t1;
                c[i * n + j + 2] = t2;
                c[i * n + j + 3] = t3;
            }
            for (; j < n; j++) {
                c[i * n + j] = dot(a, ai, b, j * k, k);
            }
        }
    }

    /** Σ a[from..to): LANES-wide partial sums, then the lanes. */
    static double sum(double[] a, int from, int to) {
        DoubleVector s0 = DoubleVector.zero(S);
        int i = from;
        for (int up = from + S.loopBound(to - from); i < up; i += LANES) {
            s0 = s0.add(DoubleVector.fromArray(S, a, i));
        }
        double s = VectorMath.sum(s0);
        for (; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    /** out[i] = z[i] if z[i] &gt; 0, else 0, for i in [from, to) (NaN gives 0, as np.where(z &gt; 0, z, 0)). */
    static void relu(double[] z, double[] out, int from, int to) {
        DoubleVector zero = DoubleVector.zero(S);
        int i = from;
        for (int up = from + S.loopBound(to - from); i < up; i += LANES) {
            DoubleVector v = DoubleVector.fromArray(S, z, i);
            zero.blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(out, i);
        }
        for (; i < to; i++) {
            out[i] = z[i] > 0.0 ? z[i] : 0.0;
        }
    }

    /** g[i] = g[i] where a[i] &gt; 0, else 0: relu's derivative times the upstream gradient. */
    static void reluBackward(double[] g, double[] a, int from, int to) {
        DoubleVector zero = DoubleVector.zero(S);
        int i = from;
        for (int up = from + S.loopBound(to - from); i < up; i += LANES) {
            DoubleVector v = DoubleVector.fromArray(S, g, i);
            zero.blend(v, DoubleVector.fromArray(S, a, i).compare(VectorOperators.GT, 0.0)).intoArray(g, i);
        }
        for (; i < to; i++) {
            g[i] = a[i] > 0 ? g[i] : 0.0;
        }
    }



    /** z[from..to) += b, then a[from..to) = max(z, 0) where z &gt; 0 else 0: bias and relu in one pass. */
    static void biasRelu(double[] z, double[] a, int from, int to, double b) {
        DoubleVector zero = DoubleVector.zero(S);
        int i = from;
        for (int up = from + S.loopBound(to - from); i < up; i += LANES) {
            DoubleVector v = DoubleVector.fromArray(S, z, i).add(b);
            v.intoArray(z, i);
            zero.blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(a, i);
        }
        for (; i < to; i++) {
            double v = z[i] + b;
            z[i] = v;
            a[i] = v > 0.0 ? v : 0.0;
        }
    }

    /** z[from..to) += b, then a = 1 / (1 + e^(−z)): bias and sigmoid in one pass. */
    static void biasSigmoid(double[] z, double[] a, int from, int to, double b) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int i = from;
        for (int up = from + S.loopBound(to - from); i < up; i += LANES) {
            DoubleVector v = DoubleVector.fromArray(S, z, i).add(b);
            v.intoArray(z, i);
            one.div(VectorMath.exp(v.neg()).add(1.0)).intoArray(a, i);
        }
        for (; i < to; i++) {
            double v = z[i] + b;
            z[i] = v;
            a[i] = 1.0 / (1.0 + VectorMath.exp(-v));
        }
    }

    /** out[i] += b for i in [from, to). */
    static void addConstant(double[] out, int from, int to, double b) {
        int i = from;
        for (int up = from + S.loopBound(to - from); i < up; i += LANES) {
            DoubleVector.fromArray(S, out, i).add(b).intoArray(out, i);
        }
        for (; i < to; i++) {
            out[i] += b;
        }
    }

    /**
     * Column-wise softmax of a (rows×cols) matrix, computed row by row so every step runs along
     * contiguous memory: the columns' maxima, then e^(z − max) and the columns' sums, then the
     * division. {@code colMax} and {@code colSum} are scratch arrays of at least cols values.
     */
    static void softmaxColumns(double[] z, double[] out, int rows, int cols, double[] colMax, double[] colSum) {
        int up = S.loopBound(cols);
        // max over each column (row 0 first, then element-wise maxima down the rows)
        System.arraycopy(z, 0, colMax, 0, cols);
        for (int r = 1; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < up; j += LANES) {
                DoubleVector.fromArray(S, colMax, j).max(DoubleVector.fromArray(S, z, o + j)).intoArray(colMax, j);
            }
            for (; j < cols; j++) {
                colMax[j] = Math.max(colMax[j], z[o + j]);
            }
        }
        java.util.Arrays.fill(colSum, 0, cols, 0.0);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < up; j += LANES) {
                // e = exp(z − max); sum += e
                DoubleVector e = VectorMath.exp(DoubleVector.fromArray(S, z, o + j).sub(DoubleVector.fromArray(S, colMax, j)));
                e.intoArray(out, o + j);
                DoubleVector.fromArray(S, colSum, j).add(e).intoArray(colSum, j);
            }
            for (; j < cols; j++) {
                double e = VectorMath.exp(z[o + j] - colMax[j]);
                out[o + j] = e;
                colSum[j] += e;
            }
        }
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = 0;
            for (; j < up; j += LANES) {
                DoubleVector.fromArray(S, out, o + j).div(DoubleVector.fromArray(S, colSum, j)).intoArray(out, o + j);
            }
            for (; j < cols; j++) {
                out[o + j] /= colSum[j];
            }
        }
    }
}
