package scratchnet.engine;

import java.math.BigDecimal;

/**
 * Prints a {@link Matrix} the way numpy prints an array: rows in brackets, columns aligned,
 * at most 8 significant digits, and "..." in place of the middle of large matrices.
 * <pre>{@code
 * [[ 1.         2.5      ]
 *  [-3.         0.3333333]]
 * }</pre>
 */
final class MatrixFormat {
    /** Matrices with more elements than this are abbreviated, as numpy's {@code threshold}. */
    private static final int THRESHOLD = 1000;
    /** Rows and columns kept on each side of the "...", as numpy's {@code edgeitems}. */
    private static final int EDGE = 3;

    private MatrixFormat() {
    }

    static String format(Matrix m) {
        int rows = m.rows();
        int cols = m.cols();
        if (m.size() == 0) {
            return "[] " + ShapeException.shape(rows, cols);
        }
        boolean summarize = m.size() > THRESHOLD;
        int[] rowIdx = visible(rows, summarize);
        int[] colIdx = visible(cols, summarize);
        boolean allIntegers = true;
        for (int i : rowIdx) {
            for (int j : colIdx) {
                if (i >= 0 && j >= 0) {
                    double v = m.get(i, j);
                    allIntegers &= Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e16;
                }
            }
        }
        String[][] cells = new String[rowIdx.length][colIdx.length];
        int width = 1;
        for (int a = 0; a < rowIdx.length; a++) {
            for (int b = 0; b < colIdx.length; b++) {
                String s = rowIdx[a] < 0 || colIdx[b] < 0 ? "..." : number(m.get(rowIdx[a], colIdx[b]), allIntegers);
                cells[a][b] = s;
                width = Math.max(width, s.length());
            }
        }
        StringBuilder sb = new StringBuilder("[");
        for (int a = 0; a < rowIdx.length; a++) {
            if (a > 0) {
                sb.append("\n ");
            }
            if (rowIdx[a] < 0) {
                sb.append(" ...");
                continue;
            }
            sb.append('[');
            for (int b = 0; b < colIdx.length; b++) {
                if (b > 0) {
                    sb.append(' ');
                }
                sb.append(" ".repeat(width - cells[a][b].length())).append(cells[a][b]);
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    private static int[] visible(int n, boolean summarize) {
        if (!summarize || n <= 2 * EDGE) {
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            return idx;
        }
        int[] idx = new int[2 * EDGE + 1];
        for (int i = 0; i < EDGE; i++) {
            idx[i] = i;
            idx[EDGE + 1 + i] = n - EDGE + i;
        }
        idx[EDGE] = -1; // the "..." slot
        return idx;
    }

    private static String number(double v, boolean allIntegers) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (allIntegers) {
            return (long) v + ".";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-4 || a >= 1e8)) {
            return String.format("%.7e", v).replaceAll("0+e", "e").replace(".e", "e");
        }
        String s = new BigDecimal(v).round(new java.math.MathContext(8)).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".";
    }
}
