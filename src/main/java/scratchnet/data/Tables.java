package scratchnet.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import scratchnet.engine.Matrix;
import scratchnet.engine.OneHot;
import scratchnet.engine.ShapeException;
import scratchnet.nn.History;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Between Tablesaw tables (one row per sample) and scratchnet matrices (features × samples, one
 * column per sample).
 * <pre>{@code
 * Table iris = Datasets.iris();
 * Matrix x = Tables.features(iris, "petal_length", "petal_width");   // (2×150)
 * Labels y = Tables.labels(iris, "species");                          // indices (1×150), 3 names
 * Matrix targets = Tables.oneHot(y.indices(), y.classes());           // (3×150)
 * Table back = Tables.table(x, "petal_length", "petal_width");        // 150 rows, 2 columns
 * }</pre>
 */
public final class Tables {
    private Tables() {
    }

    /**
     * The given numeric columns as a (k×m) matrix: row i holds column {@code columns[i]}, column j
     * holds table row j. With no column names, every numeric column of the table, in table order.
     *
     * @param t the table, one row per sample
     * @param columns the feature columns, e.g. {@code "sepal_length", "sepal_width"}
     * @return (k×m), features × samples
     * @throws IllegalArgumentException for a missing or non-numeric column (naming it and listing
     *         the table's columns), a missing value, or a table without rows
     */
    public static Matrix features(Table t, String... columns) {
        Objects.requireNonNull(t, "features: expected a table, got null");
        String[] names = columns == null || columns.length == 0 ? numericColumns(t) : columns;
        if (names.length == 0) {
            throw new IllegalArgumentException("features: expected a table with numeric columns, got "
                    + describe(t));
        }
        int m = t.rowCount();
        if (m == 0) {
            throw new IllegalArgumentException("features: expected a table with at least one row, got " + describe(t));
        }
        double[] d = new double[names.length * m];
        for (int i = 0; i < names.length; i++) {
            Column<?> c = column("features", t, names[i]);
            if (!(c instanceof NumericColumn<?> n)) {
                throw new IllegalArgumentException("features: expected a numeric column, but '" + names[i] + "' holds "
                        + c.type().name() + "; " + describe(t)
                        + " (use labels(table, \"" + names[i] + "\") for a class column)");
            }
            for (int j = 0; j < m; j++) {
                if (n.isMissing(j)) {
                    throw new IllegalArgumentException("features: expected a value in every row, but column '"
                            + names[i] + "' is missing one in row " + j);
                }
                d[i * m + j] = n.getDouble(j);
            }
        }
        return Matrix.wrap(names.length, m, d);
    }

    /**
     * A class column as labels: a (1×m) row of class indices and the class names. Classes are
     * numbered in <b>sorted</b> order of their values, so the numbering does not depend on the order
     * of the rows (a shuffled or split table numbers its classes the same way): text sorts as
     * strings, numbers numerically (named by their value, {@code 1} or {@code 2.5}).
     *
     * @param t the table, one row per sample
     * @param column the class column, e.g. {@code "species"}
     * @return the labels; {@code names().get(i)} is the class numbered i
     * @throws IllegalArgumentException for a missing column (listing the table's columns) or a
     *         missing value
     */
    public static Labels labels(Table t, String column) {
        Objects.requireNonNull(t, "labels: expected a table, got null");
        Column<?> c = column("labels", t, column);
        int m = t.rowCount();
        if (m == 0) {
            throw new IllegalArgumentException("labels: expected a table with at least one row, got " + describe(t));
        }
        for (int j = 0; j < m; j++) {
            if (c.isMissing(j)) {
                throw new IllegalArgumentException("labels: expected a class in every row, but column '" + column
                        + "' is missing one in row " + j);
            }
        }
        double[] idx = new double[m];
        List<String> names = new ArrayList<>();
        if (c instanceof NumericColumn<?> n) {
            TreeMap<Double, Integer> classes = new TreeMap<>();
            for (int j = 0; j < m; j++) {
                classes.put(n.getDouble(j), 0);
            }
            numberClasses(classes, names, Tables::numberName);
            for (int j = 0; j < m; j++) {
                idx[j] = classes.get(n.getDouble(j));
            }
        } else {
            TreeMap<String, Integer> classes = new TreeMap<>();
            for (int j = 0; j < m; j++) {
                classes.put(c.getString(j), 0);
            }
            numberClasses(classes, names, s -> s);
            for (int j = 0; j < m; j++) {
                idx[j] = classes.get(c.getString(j));
            }
        }
        return new Labels(Matrix.wrap(1, m, idx), names);
    }

    /**
     * One-hot columns for class indices: a (1×m) row of whole numbers 0…k−1 becomes (k×m) with a 1
     * in row {@code labels[j]} of column j and 0 elsewhere ({@link OneHot#encode(Matrix, int)}).
     * The inverse is {@code argmax(0)}.
     *
     * @param labels a (1×m) row of class indices
     * @param classes the number of classes k, at least 1
     * @return (k×m)
     * @throws IllegalArgumentException for another shape, a non-integer or out-of-range index
     */
    public static Matrix oneHot(Matrix labels, int classes) {
        return OneHot.encode(labels, classes);
    }

    /**
     * A matrix as a table with one column per row of the matrix (per feature) and one table row per
     * matrix column (per sample): the inverse of {@link #features}. Without names the columns are
     * called {@code x0, x1, …}.
     *
     * @param m (k×m) features × samples
     * @param columnNames k column names, or none
     * @return a table named "matrix" with k double columns and m rows
     * @throws IllegalArgumentException when the number of names is neither 0 nor k, or names repeat
     */
    public static Table table(Matrix m, String... columnNames) {
        Objects.requireNonNull(m, "table: expected a matrix (features×samples), got null");
        String[] names = columnNames == null ? new String[0] : columnNames;
        if (names.length != 0 && names.length != m.rows()) {
            throw new IllegalArgumentException("table: expected " + m.rows() + " column names, one per row (feature) of"
                    + " the " + ShapeException.shape(m.rows(), m.cols()) + " matrix, got " + names.length + " "
                    + Arrays.toString(names)
                    + (names.length == m.cols() ? "; did you mean table(m.T(), …)?" : ""));
        }
        Set<String> seen = new HashSet<>();
        Column<?>[] cols = new Column<?>[m.rows()];
        for (int i = 0; i < m.rows(); i++) {
            String name = names.length == 0 ? "x" + i : names[i];
            if (name == null || name.isEmpty() || !seen.add(name)) {
                throw new IllegalArgumentException("table: expected distinct, non-empty column names, got "
                        + Arrays.toString(names));
            }
            cols[i] = DoubleColumn.create(name, m.row(i).flatten());
        }
        return Table.create("matrix", cols);
    }

    /**
     * What a training run recorded, one row per recorded loss: an int column named after the step
     * ("iteration" for full-batch training, "epoch" for mini-batch) and a double column "loss".
     * <pre>{@code
     * Table t = Tables.table(model.fit(x, y, lr(0.3), iters(4000), quiet()));   // 40 rows: iteration, loss
     * }</pre>
     *
     * @param h the History that {@code fit} returned
     * @return a table named "history"
     */
    public static Table table(History h) {
        if (h == null) {
            throw new IllegalArgumentException("table: expected the History that fit returned, got null");
        }
        String step = "iter".equals(h.unit()) ? "iteration" : h.unit();
        return Table.create("history", IntColumn.create(step, h.steps()), DoubleColumn.create("loss", h.losses()));
    }

    // ------------------------------------------------------------------ helpers

    private static <K> void numberClasses(TreeMap<K, Integer> classes, List<String> names,
            java.util.function.Function<K, String> name) {
        int k = 0;
        for (Map.Entry<K, Integer> e : classes.entrySet()) {
            e.setValue(k++);
            names.add(name.apply(e.getKey()));
        }
    }

    private static String numberName(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static Column<?> column(String op, Table t, String name) {
        if (name == null || !t.containsColumn(name)) {
            throw new IllegalArgumentException(op + ": expected a column of the table, got '" + name + "'; "
                    + describe(t));
        }
        return t.column(name);
    }

    private static String[] numericColumns(Table t) {
        List<String> out = new ArrayList<>();
        for (Column<?> c : t.columns()) {
            if (c instanceof NumericColumn<?>) {
                out.add(c.name());
            }
        }
        return out.toArray(new String[0]);
    }

    /** "table 'iris' (150 rows) has columns sepal_length (DOUBLE), …". */
    private static String describe(Table t) {
        StringBuilder b = new StringBuilder("table '").append(t.name()).append("' (").append(t.rowCount())
                .append(" rows) has ");
        if (t.columnCount() == 0) {
            return b.append("no columns").toString();
        }
        b.append("columns ");
        for (int i = 0; i < t.columnCount(); i++) {
            Column<?> c = t.column(i);
            b.append(i == 0 ? "" : ", ").append(c.name()).append(" (").append(c.type().name()).append(")");
        }
        return b.toString();
    }
}
