package scratchnet.engine;

import java.math.BigDecimal;

/**
 * Prints a {@link Matrix} the way numpy prints an array: rows in brackets, columns aligned,
 * at most 8 significant digits, and "..." in place of the middle of large matrices.
 * <pre>{@code
 * [[ 1.          2.5       ]
 *  [-3.          0.33333333]]
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
        String[][] cells = formatCells(m, rowIdx, colIdx);
        int width = 1;
        for (String[] r : cells) {
            for (String c : r) {
                width = Math.max(width, c.length());
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

    /**
     * numpy's default float style: every number with the same count of fraction digits (at most
     * 8, trailing zeros trimmed across the whole matrix and padded with spaces), or scientific
     * notation for all when the magnitudes are very large, very small, or span more than 1000×.
     */
    private static String[][] formatCells(Matrix m, int[] rowIdx, int[] colIdx) {
        double maxAbs = 0;
        double minAbs = Double.POSITIVE_INFINITY;
        for (int i : rowIdx) {
            for (int j : colIdx) {
                if (i >= 0 && j >= 0) {
                    double a = Math.abs(m.get(i, j));
                    if (Double.isFinite(a) && a != 0) {
                        maxAbs = Math.max(maxAbs, a);
                        minAbs = Math.min(minAbs, a);
                    }
                }
            }
        }
        boolean scientific = maxAbs >= 1e8 || (minAbs < 1e-4) || (maxAbs / minAbs > 1e3 && maxAbs > 0);
        if (minAbs == Double.POSITIVE_INFINITY) {
            scientific = false;
        }
        String[][] body = new String[rowIdx.length][colIdx.length];
        int fraction = 0;
        for (int a = 0; a < rowIdx.length; a++) {
            for (int b = 0; b < colIdx.length; b++) {
                if (rowIdx[a] < 0 || colIdx[b] < 0) {
                    body[a][b] = "...";
                    continue;
                }
                double v = m.get(rowIdx[a], colIdx[b]);
                body[a][b] = special(v) != null ? special(v) : scientific ? mantissa(v) : fixed(v);
                int dot = body[a][b].indexOf('.');
                if (dot >= 0 && special(v) == null) {
                    int end = scientific ? body[a][b].indexOf('e') : body[a][b].length();
                    fraction = Math.max(fraction, end - dot - 1);
                }
            }
        }
        for (int a = 0; a < rowIdx.length; a++) {
            for (int b = 0; b < colIdx.length; b++) {
                String c = body[a][b];
                int dot = c.indexOf('.');
                if (dot < 0 || c.equals("...")) {
                    continue;
                }
                int end = scientific ? c.indexOf('e') : c.length();
                int pad = fraction - (end - dot - 1);
                body[a][b] = scientific ? c.substring(0, end) + "0".repeat(pad) + c.substring(end)
                        : c + " ".repeat(pad);
            }
        }
        return body;
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return null;
    }

    /** Up to 8 fraction digits, trailing zeros trimmed: 2.5 → "2.5", 1 → "1.", 1/3 → "0.33333333". */
    private static String fixed(double v) {
        String s = new BigDecimal(v).setScale(8, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
        if (s.equals("-0")) {
            s = "-0";
        }
        return s.contains(".") ? s : s + ".";
    }

    /** Scientific with up to 8 fraction digits: 123456.789 → "1.23456789e+05". */
    private static String mantissa(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.8e", v);
        int e = s.indexOf('e');
        String mant = s.substring(0, e).replaceAll("0+$", "");
        String exp = s.substring(e + 1);
        int x = Integer.parseInt(exp);
        return mant + "e" + (x < 0 ? "-" : "+") + (Math.abs(x) < 10 ? "0" : "") + Math.abs(x);
    }
}
