package scratchnet.engine;

/**
 * The numeric loops behind {@link Matrix} and the training code, on plain row-major
 * {@code double[]} arrays. Every method writes into an output array the caller owns, so a
 * training loop can reuse its buffers and allocate nothing per iteration.
 *
 * <p>Shapes are not checked here: callers ({@link Matrix}, the layers) check them once and
 * report errors in the user's terms. Example, {@code C = A·B} for A (2×3) and B (3×4):
 * <pre>{@code
 * double[] c = new double[2 * 4];
 * Loops.matmul(a, b, c, 2, 3, 4);
 * }</pre>
 */
public final class Loops {
    private Loops() {
    }

    /**
     * C = A·B for A (m×k), B (k×n), C (m×n); C is overwritten.
     * Loop order i-k-j walks B and C row by row, which the JIT turns into vector code.
     */
    public static void matmul(double[] a, double[] b, double[] c, int m, int k, int n) {
        if (Blas.routesNative(m, k, n)) {
            // large product and a native BLAS chosen (scratchnet.blas): hand it over
            Blas.gemm(false, false, a, b, c, m, k, n);
            return;
        }
        if (Gemm.preferredFor(m, k, n)) {
            Gemm.matmul(a, b, c, m, k, n);
            return;
        }
        if (Simd.ENABLED) {
            // small product: each row of C is a sum of rows of B, summed in registers
            VectorLoops.combineRows(a, k, 1, null, b, c, m, k, n);
            return;
        }
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            java.util.Arrays.fill(c, ci, ci + n, 0.0);
            for (int p = 0; p < k; p++) {
                double aip = a[i * k + p];
                int bp = p * n;
                // C[i,:] += A[i,p] · B[p,:]
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    /**
     * C = A·Bᵀ for A (m×k), B (n×k), C (m×n), without forming Bᵀ; C is overwritten.
     * Each entry is the dot product of a row of A with a row of B, both contiguous.
     */
    public static void matmulTransB(double[] a, double[] b, double[] c, int m, int k, int n) {
        if (Blas.routesNative(m, k, n)) {
            Blas.gemm(false, true, a, b, c, m, k, n);
            return;
        }
        if (Gemm.preferredFor(m, k, n)) {
            Gemm.matmulTransB(a, b, c, m, k, n);
            return;
        }
        for (int i = 0; i < m; i++) {
            int ai = i * k;
            for (int j = 0; j < n; j++) {
                int bj = j * k;
                double s0 = 0.0;
                double s1 = 0.0;
                double s2 = 0.0;
                double s3 = 0.0;
                int p = 0;
                for (; p + 3 < k; p += 4) {
                    s0 += a[ai + p] * b[bj + p];
                    s1 += a[ai + p + 1] * b[bj + p + 1];
                    s2 += a[ai + p + 2] * b[bj + p + 2];
                    s3 += a[ai + p + 3] * b[bj + p + 3];
                }
                for (; p < k; p++) {
                    s0 += a[ai + p] * b[bj + p];
                }
                c[i * n + j] = (s0 + s1) + (s2 + s3);
            }
        }
    }

    /**
     * C = Aᵀ·B for A (k×m), B (k×n), C (m×n), without forming Aᵀ; C is overwritten.
     * Row p of A and row p of B update the whole of C: C[i,:] += A[p,i] · B[p,:].
     */
    public static void matmulTransA(double[] a, double[] b, double[] c, int k, int m, int n) {
        if (Blas.routesNative(m, k, n)) {
            Blas.gemm(true, false, a, b, c, m, k, n);
            return;
        }
        if (Gemm.preferredFor(m, k, n)) {
            Gemm.matmulTransA(a, b, c, k, m, n);
            return;
        }
        java.util.Arrays.fill(c, 0, m * n, 0.0);
        for (int p = 0; p < k; p++) {
            int ap = p * m;
            int bp = p * n;
            for (int i = 0; i < m; i++) {
                double api = a[ap + i];
                int ci = i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += api * b[bp + j];
                }
            }
        }
    }

    /** out[i,j] += bias[i] for every column j: adds a column vector (rows×1) to each column. */
    public static void addColumn(double[] out, double[] bias, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            double bi = bias[i];
            int o = i * cols;
            if (Simd.ENABLED) {
                VectorLoops.addConstant(out, o, o + cols, bi);
                continue;
            }
            for (int j = 0; j < cols; j++) {
                out[o + j] += bi;
            }
        }
    }

    /** out[i] = Σⱼ a[i,j]: the row sums of an (rows×cols) matrix, numpy's {@code sum(axis=1)}. */
    public static void rowSums(double[] a, double[] out, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            out[i] = sum(a, i * cols, (i + 1) * cols);
        }
    }

    /**
     * The sum of {@code a[from..to)}, added in the same order as numpy's pairwise summation, so
     * that sums of the same data agree with numpy to the last bit.
     */
    public static double sum(double[] a, int from, int to) {
        int n = to - from;
        if (n < 8) {
            double s = 0.0;
            for (int i = from; i < to; i++) {
                s += a[i];
            }
            return s;
        }
        if (n <= 128) {
            // eight interleaved partial sums, combined in a tree, as numpy's pairwise_sum does for short runs
            double r0 = a[from], r1 = a[from + 1], r2 = a[from + 2], r3 = a[from + 3];
            double r4 = a[from + 4], r5 = a[from + 5], r6 = a[from + 6], r7 = a[from + 7];
            int i = from + 8;
            for (; i + 7 < to; i += 8) {
                r0 += a[i];
                r1 += a[i + 1];
                r2 += a[i + 2];
                r3 += a[i + 3];
                r4 += a[i + 4];
                r5 += a[i + 5];
                r6 += a[i + 6];
                r7 += a[i + 7];
            }
            double s = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < to; i++) {
                s += a[i];
            }
            return s;
        }
        int half = (n / 2) & ~7;
        return sum(a, from, from + half) + sum(a, from + half, to);
    }

    /** out[i] = 1 / (1 + e^(−z[i])) for i in [0, n), the logistic sigmoid; out may be z. */
    public static void sigmoid(double[] z, double[] out, int n) {
        if (Simd.ENABLED) {
            VectorLoops.sigmoid(z, out, 0, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = 1.0 / (1.0 + Math.exp(-z[i]));
        }
    }

    /** out[i] = e^(z[i]) for i in [0, n); out may be z. */
    public static void exp(double[] z, double[] out, int n) {
        if (Simd.ENABLED) {
            VectorLoops.exp(z, out, 0, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = Math.exp(z[i]);
        }
    }

    /** out[i] = max(z[i], 0) for i in [0, n); out may be z. */
    public static void relu(double[] z, double[] out, int n) {
        if (Simd.ENABLED) {
            VectorLoops.relu(z, out, 0, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            double v = z[i];
            out[i] = v > 0.0 ? v : 0.0;
        }
    }

    /** out[i] = tanh(z[i]) for i in [0, n); out may be z. */
    public static void tanh(double[] z, double[] out, int n) {
        if (Simd.ENABLED) {
            VectorLoops.tanh(z, out, 0, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = Math.tanh(z[i]);
        }
    }

    /**
     * Column-wise softmax of an (rows×cols) matrix: each column (one sample) is shifted by its
     * maximum before exponentiating, so large inputs never overflow. out may be z.
     */
    public static void softmaxColumns(double[] z, double[] out, int rows, int cols) {
        if (Simd.ENABLED) {
            VectorLoops.softmaxColumns(z, out, rows, cols, new double[cols], new double[cols]);
            return;
        }
        for (int j = 0; j < cols; j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < rows; i++) {
                max = Math.max(max, z[i * cols + j]);
            }
            double total = 0.0;
            for (int i = 0; i < rows; i++) {
                double e = Math.exp(z[i * cols + j] - max);
                out[i * cols + j] = e;
                total += e;
            }
            for (int i = 0; i < rows; i++) {
                out[i * cols + j] /= total;
            }
        }
    }

    // ------------------------------------------------------------------ training passes

    /**
     * dst[r,:] = bias[r] + Σ_p coef[r·rs + p·cs] · src[p,:] for r in [0, rows): each row of dst is
     * a combination of the k rows of src (k×cols), with coefficients read at strides rs and cs, so
     * {@code (W, in, 1)} gives W·src and {@code (W, 1, in)} gives Wᵀ·src without a transpose.
     * {@code bias} may be null. Made for small k (a layer with few inputs, or few units on the way
     * back), where each stretch of a row is summed in a register and written once.
     * <pre>{@code
     * Loops.combineRows(w, in, 1, b, x, z, out, in, m);   // Z = W·X + b
     * }</pre>
     */
    public static void combineRows(double[] coef, int rs, int cs, double[] bias, double[] src, double[] dst,
                                   int rows, int k, int cols) {
        if (Simd.ENABLED) {
            VectorLoops.combineRows(coef, rs, cs, bias, src, dst, rows, k, cols);
            return;
        }
        for (int r = 0; r < rows; r++) {
            int d = r * cols;
            java.util.Arrays.fill(dst, d, d + cols, bias == null ? 0.0 : bias[r]);
            for (int p = 0; p < k; p++) {
                double c = coef[r * rs + p * cs];
                int sp = p * cols;
                // dst[r,:] += coef[r,p] · src[p,:]
                for (int j = 0; j < cols; j++) {
                    dst[d + j] = Math.fma(c, src[sp + j], dst[d + j]);
                }
            }
        }
    }

    /**
     * C = A·Bᵀ as m·n separate dot products of rows (A m×k, B n×k, C m×n): for a product with few
     * outputs and long rows, such as a small layer's dW = dZ·A_prevᵀ over many samples.
     */
    public static void rowDots(double[] a, double[] b, double[] c, int m, int k, int n) {
        if (Simd.ENABLED) {
            VectorLoops.rowDots(a, b, c, m, k, n);
            return;
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] = dot(a, i * k, b, j * k, k);
            }
        }
    }

    /** Σ a[aOff + j]·b[bOff + j] for j in [0, n), in whatever order is fastest. */
    public static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        if (Simd.ENABLED) {
            return VectorLoops.dot(a, aOff, b, bOff, n);
        }
        double s0 = 0.0;
        double s1 = 0.0;
        int j = 0;
        for (; j + 1 < n; j += 2) {
            s0 += a[aOff + j] * b[bOff + j];
            s1 += a[aOff + j + 1] * b[bOff + j + 1];
        }
        if (j < n) {
            s0 += a[aOff + j] * b[bOff + j];
        }
        return s0 + s1;
    }

    /**
     * The sum of {@code a[from..to)} in whatever order is fastest (SIMD lanes). Training uses it for
     * db; {@link #sum} keeps numpy's order for results users compare with numpy.
     */
    public static double fastSum(double[] a, int from, int to) {
        if (Simd.ENABLED) {
            return VectorLoops.sum(a, from, to);
        }
        double s = 0.0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    /** g[i] = g[i] where a[i] &gt; 0, else 0, for i in [0, n): relu's derivative times the gradient. */
    public static void reluBackward(double[] g, double[] a, int n) {
        if (Simd.ENABLED) {
            VectorLoops.reluBackward(g, a, 0, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            g[i] = a[i] > 0 ? g[i] : 0.0;
        }
    }

    /** g[i] = g[i]·a[i]·(1 − a[i]) for i in [0, n): the sigmoid's derivative times the gradient. */
    public static void sigmoidBackward(double[] g, double[] a, int n) {
        // a plain loop: HotSpot vectorises it by itself (see docs/performance.md, element-wise loops)
        for (int i = 0; i < n; i++) {
            g[i] = g[i] * a[i] * (1 - a[i]);
        }
    }

    /** g[i] = g[i]·(1 − a[i]²) for i in [0, n): tanh's derivative times the gradient. */
    public static void tanhBackward(double[] g, double[] a, int n) {
        // a plain loop: HotSpot vectorises it by itself (see docs/performance.md, element-wise loops)
        for (int i = 0; i < n; i++) {
            g[i] = g[i] * (1 - a[i] * a[i]);
        }
    }

    /** z[i,:] += bias[i], then a = relu(z), in one pass over the (rows×cols) buffers. */
    public static void addColumnRelu(double[] z, double[] bias, double[] a, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            if (Simd.ENABLED) {
                VectorLoops.biasRelu(z, a, o, o + cols, bias[i]);
                continue;
            }
            for (int j = o; j < o + cols; j++) {
                double v = z[j] + bias[i];
                z[j] = v;
                a[j] = v > 0.0 ? v : 0.0;
            }
        }
    }

    /** z[i,:] += bias[i], then a = 1 / (1 + e^(−z)), in one pass over the (rows×cols) buffers. */
    public static void addColumnSigmoid(double[] z, double[] bias, double[] a, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            if (Simd.ENABLED) {
                VectorLoops.biasSigmoid(z, a, o, o + cols, bias[i]);
                continue;
            }
            for (int j = o; j < o + cols; j++) {
                double v = z[j] + bias[i];
                z[j] = v;
                a[j] = 1.0 / (1.0 + Math.exp(-v));
            }
        }
    }
}
