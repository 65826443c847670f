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
 * Kernels.matmul(a, b, c, 2, 3, 4);
 * }</pre>
 */
public final class Kernels {
    private Kernels() {
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

    /** out[i] = max(z[i], 0) for i in [0, n); out may be z. */
    public static void relu(double[] z, double[] out, int n) {
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
}
