package scratchnet.engine;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;

/**
 * A 2-D array of doubles with numpy's names and numpy's broadcasting, stored row-major.
 *
 * <p>Matrices never change: every operation returns a new one. Data are laid out
 * <b>features × samples</b> in scratchnet (one column per sample), as the seed documents do.
 * <pre>{@code
 * Matrix x = Matrix.arange(0, 1, 0.01);          // 1×100
 * Matrix y = x.mul(2 * Math.PI).map(Math::sin).mul(20);
 * Matrix w = Matrix.of(new double[][] {{0.5}, {-1}}); // 2×1
 * Matrix z = w.dot(x).add(Matrix.zeros(2, 1));    // (2×1)·(1×100) + (2×1) → 2×100
 * }</pre>
 * Shape errors name the operation and both shapes, and suggest {@code .T()} when a transpose fits.
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    /** Row-major: element (i, j) is at {@code i * cols + j}. Never modified after construction. */
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    // ------------------------------------------------------------------ creation

    /**
     * Wraps a row-major array without copying it. The caller hands the array over and must not
     * change it afterwards. Used by the engine's own code; most users want {@link #of}.
     */
    public static Matrix wrap(int rows, int cols, double[] rowMajor) {
        if (rowMajor.length != Sizes.values("wrap", rows, cols)) {
            throw new ShapeException("wrap: a " + dims(rows, cols) + " matrix needs " + rows * cols
                    + " values, but the array has " + rowMajor.length);
        }
        return new Matrix(rows, cols, rowMajor);
    }

    /** A matrix from rows of values, like {@code np.array([[1, 2], [3, 4]])}. Rows must have equal length. */
    public static Matrix of(double[][] values) {
        if (values.length == 0) {
            throw new ShapeException("matrix: expected at least one row, got an empty array");
        }
        int c = values[0].length;
        double[] d = new double[Sizes.values("matrix", values.length, c)];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != c) {
                throw new ShapeException("matrix: row 0 has " + c + " values but row " + i + " has "
                        + values[i].length + "; every row needs the same length");
            }
            System.arraycopy(values[i], 0, d, i * c, c);
        }
        return new Matrix(values.length, c, d);
    }

    /** A 1×n row vector holding the given values. */
    public static Matrix rowVector(double... values) {
        return new Matrix(1, values.length, values.clone());
    }

    /** An n×1 column vector holding the given values. */
    public static Matrix columnVector(double... values) {
        return new Matrix(values.length, 1, values.clone());
    }

    /** A rows×cols matrix of zeros, like {@code np.zeros((rows, cols))}. */
    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[Sizes.values("zeros", rows, cols)]);
    }

    /** A rows×cols matrix of ones, like {@code np.ones((rows, cols))}. */
    public static Matrix ones(int rows, int cols) {
        return full(rows, cols, 1.0);
    }

    /** A rows×cols matrix with every element equal to {@code value}. */
    public static Matrix full(int rows, int cols, double value) {
        double[] d = new double[Sizes.values("full", rows, cols)];
        Arrays.fill(d, value);
        return new Matrix(rows, cols, d);
    }

    /** The n×n identity matrix. */
    public static Matrix eye(int n) {
        Matrix m = zeros(n, n);
        for (int i = 0; i < n; i++) {
            m.data[i * n + i] = 1.0;
        }
        return m;
    }

    /**
     * A 1×n row {@code start, start+step, …} stopping before {@code stop}, like {@code np.arange}.
     * Element i is {@code start + i·δ} with {@code δ = (start + step) − start}, exactly as numpy fills it.
     */
    public static Matrix arange(double start, double stop, double step) {
        if (step == 0 || Double.isNaN(step)) {
            throw new IllegalArgumentException("arange: step must be non-zero, got " + step);
        }
        double count = Math.max(0, Math.ceil((stop - start) / step));
        if (!(count <= Sizes.MAX_VALUES)) {
            throw new IllegalArgumentException("arange: from " + start + " to " + stop + " in steps of " + step
                    + " would make " + count + " values; a Java array holds at most " + Sizes.MAX_VALUES);
        }
        double[] d = new double[Sizes.values("arange", 1, (long) count)];
        int n = d.length;
        for (int i = 0; i < n; i++) {
            // numpy's fill: x[0] = start, x[1] = start + step, then x[i] = start + i·(x[1] − x[0])
            d[i] = i == 0 ? start : i == 1 ? start + step : start + i * ((start + step) - start);
        }
        return new Matrix(1, n, d);
    }

    /** A 1×n row of n evenly spaced values from a to b inclusive, like {@code np.linspace(a, b, n)}. */
    public static Matrix linspace(double a, double b, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("linspace: n must be >= 0, got " + n);
        }
        double[] d = new double[Sizes.values("linspace", 1, n)];
        if (n == 1) {
            d[0] = a;
        } else if (n > 1) {
            double step = (b - a) / (n - 1);
            for (int i = 0; i < n; i++) {
                d[i] = a + i * step;
            }
            d[n - 1] = b;
        }
        return new Matrix(1, n, d);
    }

    // ------------------------------------------------------------------ shape and access

    /** The number of rows (features, in scratchnet's layout). */
    public int rows() {
        return rows;
    }

    /** The number of columns (samples, in scratchnet's layout). */
    public int cols() {
        return cols;
    }

    /** {@code {rows, cols}}, like numpy's {@code shape}. */
    public int[] shape() {
        return new int[] {rows, cols};
    }

    /** The number of elements, rows·cols. */
    public int size() {
        return data.length;
    }

    /** The element at row i, column j. */
    public double get(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("get(" + i + ", " + j + ") is outside a " + dims(rows, cols)
                    + " matrix");
        }
        return data[i * cols + j];
    }

    /** The only element of a 1×1 matrix (for example a loss), like numpy's {@code item()}. */
    public double item() {
        if (data.length != 1) {
            throw new ShapeException("item: expected a (1×1) matrix, got " + dims(rows, cols));
        }
        return data[0];
    }

    /** A copy of the elements as rows of values. */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
        }
        return out;
    }

    /** A copy of the elements in row-major order, like numpy's {@code ravel()}. */
    public double[] flatten() {
        return data.clone();
    }

    /** Copies the elements in row-major order into {@code dest} (length must be at least {@link #size()}). */
    public void copyTo(double[] dest) {
        System.arraycopy(data, 0, dest, 0, data.length);
    }

    /** Row i as a 1×cols matrix. */
    public Matrix row(int i) {
        get(i, 0);
        return new Matrix(1, cols, Arrays.copyOfRange(data, i * cols, (i + 1) * cols));
    }

    /** Column j as a rows×1 matrix (one sample, in scratchnet's layout). */
    public Matrix col(int j) {
        return columns(new int[] {j});
    }

    /** The columns at the given indices, in that order: selects samples, like numpy's {@code x[:, idx]}. */
    public Matrix columns(int... idx) {
        double[] d = new double[rows * idx.length];
        for (int k = 0; k < idx.length; k++) {
            if (idx[k] < 0 || idx[k] >= cols) {
                throw new IndexOutOfBoundsException("columns: index " + idx[k] + " is outside a " + dims(rows, cols)
                        + " matrix (columns 0.." + (cols - 1) + ")");
            }
        }
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < idx.length; k++) {
                d[i * idx.length + k] = data[i * cols + idx[k]];
            }
        }
        return new Matrix(rows, idx.length, d);
    }

    /** Columns from (inclusive) to (exclusive), like numpy's {@code x[:, from:to]}. */
    public Matrix columnRange(int from, int to) {
        if (from < 0 || to > cols || from > to) {
            throw new IndexOutOfBoundsException("columnRange(" + from + ", " + to + "): expected 0 <= from <= to <= "
                    + cols + " for a " + dims(rows, cols) + " matrix");
        }
        int[] idx = new int[to - from];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = from + k;
        }
        return columns(idx);
    }

    /** The same elements in a new shape (row-major order kept), like numpy's {@code reshape}. */
    public Matrix reshape(int newRows, int newCols) {
        if (newRows == -1 && newCols > 0 && data.length % newCols == 0) {
            newRows = data.length / newCols;
        } else if (newCols == -1 && newRows > 0 && data.length % newRows == 0) {
            newCols = data.length / newRows;
        }
        if (newRows < 0 || newCols < 0 || (long) newRows * newCols != data.length) {
            throw new ShapeException("reshape: cannot reshape " + dims(rows, cols) + " (" + data.length
                    + " values) into " + dims(newRows, newCols));
        }
        return new Matrix(newRows, newCols, data);
    }

    /** The transpose, like numpy's {@code .T}. */
    public Matrix T() {
        double[] d = new double[data.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                d[j * rows + i] = data[i * cols + j];
            }
        }
        return new Matrix(cols, rows, d);
    }

    // ------------------------------------------------------------------ element-wise arithmetic

    /** this + other, with numpy broadcasting of (r×c) against (r×c), (r×1), (1×c) or (1×1). */
    public Matrix add(Matrix other) {
        return arithmetic("add", other, ADD);
    }

    /** this − other, with numpy broadcasting. */
    public Matrix sub(Matrix other) {
        return arithmetic("sub", other, SUB);
    }

    /** this * other element by element (numpy's {@code *}, not the matrix product), with broadcasting. */
    public Matrix mul(Matrix other) {
        return arithmetic("mul", other, MUL);
    }

    /** this / other element by element, with broadcasting. */
    public Matrix div(Matrix other) {
        return arithmetic("div", other, DIV);
    }

    /** this + s for every element. */
    public Matrix add(double s) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i] + s;
        }
        return new Matrix(rows, cols, d);
    }

    /** this − s for every element. */
    public Matrix sub(double s) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i] - s;
        }
        return new Matrix(rows, cols, d);
    }

    /** s − this for every element, numpy's {@code s - a} (for example {@code a.rsub(1)} is {@code 1 - a}). */
    public Matrix rsub(double s) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = s - data[i];
        }
        return new Matrix(rows, cols, d);
    }

    /** this · s for every element. */
    public Matrix mul(double s) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i] * s;
        }
        return new Matrix(rows, cols, d);
    }

    /** this / s for every element. */
    public Matrix div(double s) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i] / s;
        }
        return new Matrix(rows, cols, d);
    }

    /** s / this for every element, numpy's {@code s / a}. */
    public Matrix rdiv(double s) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = s / data[i];
        }
        return new Matrix(rows, cols, d);
    }

    private static final int ADD = 0;
    private static final int SUB = 1;
    private static final int MUL = 2;
    private static final int DIV = 3;

    /**
     * this (op) o for op one of ADD, SUB, MUL, DIV, with numpy broadcasting. The operation is chosen
     * once per row, not per element, so each row is a plain loop (vectorised when the shapes match).
     */
    private Matrix arithmetic(String name, Matrix o, int op) {
        if (rows == o.rows && cols == o.cols) {
            double[] d = new double[data.length];
            arithmeticRow(op, data, 0, 1, o.data, 0, 1, d, 0, d.length);
            return new Matrix(rows, cols, d);
        }
        int r = broadcastDim(rows, o.rows);
        int c = broadcastDim(cols, o.cols);
        if (r < 0 || c < 0) {
            throw new ShapeException(broadcastMessage(name, o));
        }
        double[] d = new double[Sizes.values(name, r, c)];
        for (int i = 0; i < r; i++) {
            // a step of 0 repeats the single row or column of an operand
            arithmeticRow(op, data, rows == 1 ? 0 : i * cols, cols == 1 ? 0 : 1,
                    o.data, o.rows == 1 ? 0 : i * o.cols, o.cols == 1 ? 0 : 1, d, i * c, c);
        }
        return new Matrix(r, c, d);
    }

    /** d[dOff + j] = a[aOff + j·aStep] (op) b[bOff + j·bStep] for j in [0, n). */
    private static void arithmeticRow(int op, double[] a, int aOff, int aStep, double[] b, int bOff, int bStep,
                                      double[] d, int dOff, int n) {
        if (aStep == 1 && bStep == 1 && aOff == 0 && bOff == 0 && dOff == 0) {
            // same shapes: plain loops over one index, which HotSpot vectorises
            switch (op) {
                case ADD -> {
                    for (int j = 0; j < n; j++) {
                        d[j] = a[j] + b[j];
                    }
                }
                case SUB -> {
                    for (int j = 0; j < n; j++) {
                        d[j] = a[j] - b[j];
                    }
                }
                case MUL -> {
                    for (int j = 0; j < n; j++) {
                        d[j] = a[j] * b[j];
                    }
                }
                default -> {
                    for (int j = 0; j < n; j++) {
                        d[j] = a[j] / b[j];
                    }
                }
            }
            return;
        }
        switch (op) {
            case ADD -> {
                for (int j = 0; j < n; j++) {
                    d[dOff + j] = a[aOff + j * aStep] + b[bOff + j * bStep];
                }
            }
            case SUB -> {
                for (int j = 0; j < n; j++) {
                    d[dOff + j] = a[aOff + j * aStep] - b[bOff + j * bStep];
                }
            }
            case MUL -> {
                for (int j = 0; j < n; j++) {
                    d[dOff + j] = a[aOff + j * aStep] * b[bOff + j * bStep];
                }
            }
            default -> {
                for (int j = 0; j < n; j++) {
                    d[dOff + j] = a[aOff + j * aStep] / b[bOff + j * bStep];
                }
            }
        }
    }

    /** Applies {@code op} to every element pair, broadcasting like numpy. */
    public Matrix zip(Matrix other, DoubleBinaryOperator op) {
        return broadcast("zip", other, op);
    }

    private Matrix broadcast(String op, Matrix o, DoubleBinaryOperator f) {
        if (rows == o.rows && cols == o.cols) {
            double[] d = new double[data.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = f.applyAsDouble(data[i], o.data[i]);
            }
            return new Matrix(rows, cols, d);
        }
        int r = broadcastDim(rows, o.rows);
        int c = broadcastDim(cols, o.cols);
        if (r < 0 || c < 0) {
            throw new ShapeException(broadcastMessage(op, o));
        }
        // a stride of 0 repeats the single row or column of an operand
        int aRowStep = rows == 1 ? 0 : cols;
        int aColStep = cols == 1 ? 0 : 1;
        int bRowStep = o.rows == 1 ? 0 : o.cols;
        int bColStep = o.cols == 1 ? 0 : 1;
        double[] d = new double[Sizes.values(op, r, c)];
        for (int i = 0; i < r; i++) {
            int ai = i * aRowStep;
            int bi = i * bRowStep;
            for (int j = 0; j < c; j++) {
                d[i * c + j] = f.applyAsDouble(data[ai + j * aColStep], o.data[bi + j * bColStep]);
            }
        }
        return new Matrix(r, c, d);
    }

    private static int broadcastDim(int a, int b) {
        if (a == b || b == 1) {
            return a;
        }
        if (a == 1) {
            return b;
        }
        return -1;
    }

    private String broadcastMessage(String op, Matrix o) {
        String msg = op + ": shapes " + dims(rows, cols) + " and " + dims(o.rows, o.cols)
                + " do not broadcast — each dimension must be equal or 1";
        // (r×c) against (or×oc) with either side transposed broadcasts iff r~oc and c~or: the two
        // transposes fit together, so the hint names the smaller operand, whose transpose then
        // broadcasts into the larger one and the result keeps the larger one's shape
        int outRows = broadcastDim(rows, o.cols);
        int outCols = broadcastDim(cols, o.rows);
        if (outRows >= 0 && outCols >= 0) {
            if (size() < o.size()) {
                msg += "; did you mean to transpose the left operand (.T() gives " + dims(cols, rows)
                        + ", the result " + dims(outCols, outRows) + ")?";
            } else {
                msg += "; did you mean to transpose the right operand (.T() gives " + dims(o.cols, o.rows)
                        + ", the result " + dims(outRows, outCols) + ")?";
            }
        }
        return msg;
    }

    // ------------------------------------------------------------------ matrix products

    /** The matrix product this·other, numpy's {@code dot} / {@code @}: (m×k)·(k×n) → (m×n). */
    public Matrix dot(Matrix other) {
        if (cols != other.rows) {
            String msg = "dot: " + dims(rows, cols) + "·" + dims(other.rows, other.cols) + " — inner sizes "
                    + cols + " and " + other.rows + " differ";
            if (cols == other.cols) {
                msg += "; did you mean a.dot(b.T()) → " + dims(rows, other.rows) + "?";
            } else if (rows == other.rows) {
                msg += "; did you mean a.T().dot(b) → " + dims(cols, other.cols) + "?";
            } else if (rows == other.cols) {
                msg += "; did you mean b.dot(a) → " + dims(other.rows, cols) + "?";
            }
            throw new ShapeException(msg);
        }
        double[] c = new double[Sizes.values("dot", rows, other.cols)];
        Loops.matmul(data, other.data, c, rows, cols, other.cols);
        return new Matrix(rows, other.cols, c);
    }

    /** this·otherᵀ without forming the transpose: (m×k)·(n×k)ᵀ → (m×n). Backprop's {@code dZ·Aᵀ}. */
    public Matrix dotT(Matrix other) {
        if (cols != other.cols) {
            throw new ShapeException("dotT: " + dims(rows, cols) + "·" + dims(other.rows, other.cols)
                    + "ᵀ — column counts " + cols + " and " + other.cols + " differ (a.dotT(b) is a·bᵀ)");
        }
        double[] c = new double[Sizes.values("dotT", rows, other.rows)];
        Loops.matmulTransB(data, other.data, c, rows, cols, other.rows);
        return new Matrix(rows, other.rows, c);
    }

    /** thisᵀ·other without forming the transpose: (k×m)ᵀ·(k×n) → (m×n). Backprop's {@code Wᵀ·dZ}. */
    public Matrix tDot(Matrix other) {
        if (rows != other.rows) {
            throw new ShapeException("tDot: " + dims(rows, cols) + "ᵀ·" + dims(other.rows, other.cols)
                    + " — row counts " + rows + " and " + other.rows + " differ (a.tDot(b) is aᵀ·b)");
        }
        double[] c = new double[Sizes.values("tDot", cols, other.cols)];
        Loops.matmulTransA(data, other.data, c, rows, cols, other.cols);
        return new Matrix(cols, other.cols, c);
    }

    // ------------------------------------------------------------------ element-wise functions

    /** Applies {@code f} to every element. */
    public Matrix map(DoubleUnaryOperator f) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = f.applyAsDouble(data[i]);
        }
        return new Matrix(rows, cols, d);
    }

    /** e to the power of every element. */
    public Matrix exp() {
        double[] d = new double[data.length];
        Loops.exp(data, d, d.length);
        return new Matrix(rows, cols, d);
    }

    /** The natural logarithm of every element. */
    public Matrix log() {
        return map(Math::log);
    }

    /** The square root of every element. */
    public Matrix sqrt() {
        return map(Math::sqrt);
    }

    /** The absolute value of every element. */
    public Matrix abs() {
        return map(Math::abs);
    }

    /** Every element squared. */
    public Matrix square() {
        return map(v -> v * v);
    }

    /** Every element negated. */
    public Matrix neg() {
        return map(v -> -v);
    }

    /** Every element raised to the power p. */
    public Matrix pow(double p) {
        if (p == 2.0) {
            return square();
        }
        return map(v -> Math.pow(v, p));
    }

    /** Every element rounded half to even, like {@code np.round} / {@code np.around}. */
    public Matrix round() {
        return map(Math::rint);
    }

    /** The logistic sigmoid 1 / (1 + e^(−v)) of every element. */
    public Matrix sigmoid() {
        double[] d = new double[data.length];
        Loops.sigmoid(data, d, d.length);
        return new Matrix(rows, cols, d);
    }

    /** max(v, 0) of every element. */
    public Matrix relu() {
        double[] d = new double[data.length];
        Loops.relu(data, d, d.length);
        return new Matrix(rows, cols, d);
    }

    /** tanh of every element. */
    public Matrix tanh() {
        double[] d = new double[data.length];
        Loops.tanh(data, d, d.length);
        return new Matrix(rows, cols, d);
    }

    /** The softmax of each column (each sample), shifted by the column maximum for stability. */
    public Matrix softmax() {
        double[] d = new double[data.length];
        Loops.softmaxColumns(data, d, rows, cols);
        return new Matrix(rows, cols, d);
    }

    /** 1 where the element is greater than s, else 0 (numpy's {@code a > s} as floats). */
    public Matrix gt(double s) {
        return map(v -> v > s ? 1.0 : 0.0);
    }

    /** 1 where the element is less than s, else 0. */
    public Matrix lt(double s) {
        return map(v -> v < s ? 1.0 : 0.0);
    }

    /** 1 where the elements are equal, else 0, with broadcasting (numpy's {@code a == b} as floats). */
    public Matrix eq(Matrix other) {
        return broadcast("eq", other, (a, b) -> a == b ? 1.0 : 0.0);
    }

    /**
     * Element-wise choice, numpy's {@code np.where(test(a), ifTrue, ifFalse)}: for example
     * {@code z.where(v -> v > 0, z, zeros)} is ReLU. {@code ifTrue} and {@code ifFalse} broadcast.
     */
    public Matrix where(DoublePredicate test, Matrix ifTrue, Matrix ifFalse) {
        Matrix t = broadcastTo("where", ifTrue);
        Matrix f = broadcastTo("where", ifFalse);
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = test.test(data[i]) ? t.data[i] : f.data[i];
        }
        return new Matrix(rows, cols, d);
    }

    /** Element-wise choice between two constants: {@code z.where(v -> v > 0, 1, 0)} is ReLU's derivative. */
    public Matrix where(DoublePredicate test, double ifTrue, double ifFalse) {
        return map(v -> test.test(v) ? ifTrue : ifFalse);
    }

    /** Element-wise choice with the element itself kept where the test holds: {@code z.where(v -> v > 0, 0)} is ReLU. */
    public Matrix where(DoublePredicate test, double ifFalse) {
        return map(v -> test.test(v) ? v : ifFalse);
    }

    private Matrix broadcastTo(String op, Matrix o) {
        if (o.rows == rows && o.cols == cols) {
            return o;
        }
        Matrix b = zeros(rows, cols).broadcast(op, o, (a, v) -> v);
        if (b.rows != rows || b.cols != cols) {
            throw new ShapeException(op + ": " + dims(o.rows, o.cols) + " does not broadcast to "
                    + dims(rows, cols));
        }
        return b;
    }

    // ------------------------------------------------------------------ reductions

    /** The sum of all elements (numpy's pairwise order). */
    public double sum() {
        return Loops.sum(data, 0, data.length);
    }

    /** The mean of all elements. */
    public double mean() {
        return sum() / data.length;
    }

    /** The largest element. */
    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : data) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** The smallest element. */
    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : data) {
            m = Math.min(m, v);
        }
        return m;
    }

    /** Sums along an axis keeping 2-D shape: axis 0 → (1×cols) column sums, axis 1 → (rows×1) row sums. */
    public Matrix sum(int axis) {
        checkAxis("sum", axis);
        if (axis == 1) {
            double[] d = new double[rows];
            Loops.rowSums(data, d, rows, cols);
            return new Matrix(rows, 1, d);
        }
        double[] d = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                d[j] += data[i * cols + j];
            }
        }
        return new Matrix(1, cols, d);
    }

    /** Means along an axis keeping 2-D shape: axis 0 → (1×cols), axis 1 → (rows×1). */
    public Matrix mean(int axis) {
        return sum(axis).div(axis == 0 ? rows : cols);
    }

    /** Maxima along an axis keeping 2-D shape: axis 0 → (1×cols), axis 1 → (rows×1). */
    public Matrix max(int axis) {
        return reduceIndex("max", axis, false);
    }

    /** Indices of the maxima along an axis, as doubles: axis 0 → (1×cols) (the class of each sample). */
    public Matrix argmax(int axis) {
        return reduceIndex("argmax", axis, true);
    }

    private Matrix reduceIndex(String op, int axis, boolean index) {
        checkAxis(op, axis);
        int outer = axis == 0 ? cols : rows;
        int inner = axis == 0 ? rows : cols;
        double[] d = new double[outer];
        for (int o = 0; o < outer; o++) {
            int best = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < inner; k++) {
                double v = axis == 0 ? data[k * cols + o] : data[o * cols + k];
                if (v > bestValue || (k == 0) || Double.isNaN(v) && !Double.isNaN(bestValue)) {
                    best = k;
                    bestValue = v;
                }
            }
            d[o] = index ? best : bestValue;
        }
        return axis == 0 ? new Matrix(1, cols, d) : new Matrix(rows, 1, d);
    }

    private void checkAxis(String op, int axis) {
        if (axis != 0 && axis != 1) {
            throw new IllegalArgumentException(op + ": axis must be 0 (down the rows) or 1 (across the columns), got "
                    + axis);
        }
    }

    // ------------------------------------------------------------------ comparison and printing

    /** True when both have the same shape and every element pair differs by at most atol + rtol·|other|. */
    public boolean allClose(Matrix other, double rtol, double atol) {
        if (rows != other.rows || cols != other.cols) {
            return false;
        }
        for (int i = 0; i < data.length; i++) {
            if (!(Math.abs(data[i] - other.data[i]) <= atol + rtol * Math.abs(other.data[i]))) {
                return false;
            }
        }
        return true;
    }

    /** Equal shapes and bit-for-bit equal elements. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Matrix)) {
            return false;
        }
        Matrix m = (Matrix) o;
        return rows == m.rows && cols == m.cols && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    /** numpy-style text, for example {@code [[1.0, 2.5],\n [3.0, 4.0]]}; large matrices are abbreviated with "...". */
    @Override
    public String toString() {
        return MatrixFormat.format(this);
    }

    // ------------------------------------------------------------------ helpers

    private static String dims(int rows, int cols) {
        return ShapeException.shape(rows, cols);
    }
}
