package scratchnet.kernel.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.jdi.ArrayReference;
import com.sun.jdi.BooleanValue;
import com.sun.jdi.DoubleValue;
import com.sun.jdi.Field;
import com.sun.jdi.IntegerValue;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.PrimitiveValue;
import com.sun.jdi.StringReference;
import com.sun.jdi.Value;
import scratchnet.display.Renderers;
import scratchnet.display.ValueSummary;
import scratchnet.exec.JShellNames;
import scratchnet.nn.Activation;
import scratchnet.nn.Network;

/**
 * How the debugger shows scratchnet's own types, read from the stopped cell JVM through JDI
 * without running code there, in the words of {@link ValueSummary} (the same lines as
 * {@code %vars}): a Matrix by its shape and statistics, opening into its rows (paged) and its raw
 * fields; a Network by its layers, opening into each layer's w, b (as matrices) and activation;
 * a History by its steps and last loss; a short primitive array with its elements. Everything
 * else is shown as {@link JdiValues} shows it.
 * <pre>{@code
 * ValueViews.item("dz", frame.getValue(dz)).value()   // "Matrix 25×100  mean 0.0132  std 0.41  min -1.2  max 1.9"
 * ValueViews.children(matrixRef, 0, 10)               // [0] … [9]: each row's values
 * }</pre>
 */
final class ValueViews {
    /** The classes shown in their own way. */
    static final String MATRIX = "scratchnet.engine.Matrix";
    static final String NETWORK = "scratchnet.nn.Network";
    static final String HISTORY = "scratchnet.nn.History";
    /** Matrix values read for the statistics at most: the first ones, in one read. */
    static final int MAX_SUMMARY_VALUES = 1_000_000;
    /** Children listed when the front end does not ask for a page. */
    static final int PAGE = 100;
    /** Values of a row shown before "…" and after it, when the row is longer than both together. */
    static final int ROW_HEAD = 8;
    static final int ROW_TAIL = 2;
    /** Primitive arrays at most this long show their elements in their line. */
    static final int SHORT_ARRAY = 8;

    private ValueViews() {
    }

    /**
     * One entry of the variables panel.
     *
     * @param name    its name ({@code dz}, {@code [3]})
     * @param value   the line shown
     * @param type    its type as the user writes it
     * @param opens   what it opens into (a {@link Value}, {@link MatrixRef}, {@link Row}, {@link Layers},
     *                {@link Layer} or {@link Fields}), null for nothing
     * @param indexed how many indexed children it has (rows, elements), for paging; 0 for none
     */
    record Item(String name, String value, String type, Object opens, int indexed) {
    }

    /** Row {@code row} of a matrix, opening into its values. */
    record Row(MatrixRef matrix, int row) {
    }

    /** A Network's layers, opening each into its parameters. */
    record Layers(ObjectReference network) {
    }

    /** Layer {@code number} (from 1) of a Network: a Dense, opening into w, b and its activation. */
    record Layer(ObjectReference dense, int number) {
    }

    /** An object's raw fields, as JdiValues lists them. */
    record Fields(ObjectReference object) {
    }

    /**
     * A Matrix of the cell JVM, or a layer's parameter array taken as one: its shape and its
     * row-major values there; {@code object} is the Matrix (null for a parameter array).
     */
    record MatrixRef(ObjectReference object, int rows, int cols, ArrayReference data) {
        /** Values {@code from} … {@code from + n − 1} (row-major), read in one call. */
        double[] read(int from, int n) {
            double[] out = new double[n];
            if (n == 0) {
                return out;
            }
            List<Value> values = data.getValues(from, n);
            for (int i = 0; i < n; i++) {
                out[i] = ((DoubleValue) values.get(i)).value();
            }
            return out;
        }
    }

    /** The Matrix behind {@code v}, or null when it is not one (or one still being constructed, without values). */
    static MatrixRef matrix(Value v) {
        if (!(v instanceof ObjectReference) || !MATRIX.equals(((ObjectReference) v).referenceType().name())) {
            return null;
        }
        ObjectReference o = (ObjectReference) v;
        Value data = field(o, "data");
        return data == null ? null : new MatrixRef(o, intField(o, "rows"), intField(o, "cols"), (ArrayReference) data);
    }

    /**
     * The entry for a value named {@code name}. A scratchnet object that cannot be read as one (a
     * Matrix stopped in its constructor, before its fields are set) shows as any object does.
     */
    static Item item(String name, Value v) {
        String type = v == null ? "" : JShellNames.strip(v.type().name());
        try {
            MatrixRef m = matrix(v);
            if (m != null) {
                return matrixItem(name, m, type);
            }
            if (v instanceof ObjectReference && !(v instanceof ArrayReference) && !(v instanceof StringReference)) {
                String cls = ((ObjectReference) v).referenceType().name();
                if (NETWORK.equals(cls)) {
                    return new Item(name, networkLine((ObjectReference) v), type, new Layers((ObjectReference) v), 0);
                }
                if (HISTORY.equals(cls)) {
                    return new Item(name, historyLine((ObjectReference) v), type, v, 0);
                }
            }
        } catch (NullPointerException | ClassCastException e) {
            // fields not set yet: shown by its class, opening into its fields below
        }
        String line = JdiValues.show(v);
        int indexed = 0;
        if (v instanceof ArrayReference) {
            ArrayReference a = (ArrayReference) v;
            indexed = a.length();
            if (a.length() > 0 && a.length() <= SHORT_ARRAY && a.getValue(0) instanceof PrimitiveValue) {
                line += " " + elements(a.getValues());
            }
        }
        return new Item(name, line, type, JdiValues.hasChildren(v) ? v : null, indexed);
    }

    private static Item matrixItem(String name, MatrixRef m, String type) {
        return new Item(name, matrixLine(m), type, m.rows() * (long) m.cols() > 0 || m.object() != null ? m : null,
                m.rows());
    }

    /** The entry for row {@code i} of a matrix: its values, the middle ones left out of a long row. */
    static Item row(MatrixRef m, int i) {
        int cols = m.cols();
        boolean whole = cols <= ROW_HEAD + ROW_TAIL;
        double[] head = m.read(i * cols, whole ? cols : ROW_HEAD);
        double[] tail = whole ? new double[0] : m.read((i + 1) * cols - ROW_TAIL, ROW_TAIL);
        return new Item("[" + i + "]", rowText(head, tail, cols), "row of " + m.rows() + "×" + cols,
                cols > 0 ? new Row(m, i) : null, cols);
    }

    /**
     * What {@code opens} opens into: a matrix's rows, a row's values, an array's elements (page
     * {@code start} … {@code start + count − 1}; the first {@value #PAGE} when count is 0, with an
     * entry saying how many more there are), an object's fields.
     */
    static List<Item> children(Object opens, int start, int count) {
        List<Item> out = new ArrayList<>();
        if (opens instanceof Row) {
            Row r = (Row) opens;
            int cols = r.matrix().cols();
            int[] page = page(cols, start, count);
            double[] values = r.matrix().read(r.row() * cols + page[0], page[1] - page[0]);
            for (int j = page[0]; j < page[1]; j++) {
                out.add(new Item("[" + j + "]", ValueSummary.num(values[j - page[0]]), "double", null, 0));
            }
            more(out, cols, page, count);
            return out;
        }
        if (opens instanceof Fields) {
            return fields(((Fields) opens).object());
        }
        if (opens instanceof MatrixRef m) {
            int[] page = page(m.rows(), start, count);
            for (int i = page[0]; i < page[1]; i++) {
                out.add(row(m, i));
            }
            more(out, m.rows(), page, count);
            if (start == 0 && m.object() != null) {
                out.add(new Item("(fields)", "rows, cols, data", "Matrix", new Fields(m.object()), 0));
            }
            return out;
        }
        if (opens instanceof Layers l) {
            Value layers = field(l.network(), "layers");
            if (layers instanceof ArrayReference a) {
                List<Value> dense = a.getValues();
                for (int i = 0; i < dense.size(); i++) {
                    out.add(layerItem((ObjectReference) dense.get(i), i + 1));
                }
            }
            out.add(new Item("(fields)", "sizes, activations, layers, …", "Network", new Fields(l.network()), 0));
            return out;
        }
        if (opens instanceof Layer l) {
            int in = intField(l.dense(), "in");
            int outs = intField(l.dense(), "out");
            String n = Integer.toString(l.number());
            out.add(matrixItem("w" + n, new MatrixRef(null, outs, in, (ArrayReference) field(l.dense(), "w")), "Matrix"));
            out.add(matrixItem("b" + n, new MatrixRef(null, outs, 1, (ArrayReference) field(l.dense(), "b")), "Matrix"));
            out.add(new Item("activation", activationLabel(field(l.dense(), "activation")), "Activation", null, 0));
            return out;
        }
        if (opens instanceof ArrayReference) {
            ArrayReference a = (ArrayReference) opens;
            int[] page = page(a.length(), start, count);
            List<Value> values = a.getValues(page[0], page[1] - page[0]);
            for (int i = page[0]; i < page[1]; i++) {
                out.add(item("[" + i + "]", values.get(i - page[0])));
            }
            more(out, a.length(), page, count);
            return out;
        }
        if (opens instanceof ObjectReference) {
            return fields((ObjectReference) opens);
        }
        return out;
    }

    private static List<Item> fields(ObjectReference o) {
        List<Item> out = new ArrayList<>();
        for (Map.Entry<String, Value> e : JdiValues.children(o).entrySet()) {
            out.add(item(e.getKey(), e.getValue()));
        }
        return out;
    }

    /**
     * The expression {@code evaluate} takes for the child {@code name} of {@code parent} (what a
     * variablesReference stood for), whose own expression is {@code parentPath}; null when it has
     * none (the parent's has none, or the child is the "…" of a page).
     * <pre>{@code
     * ValueViews.path(matrixRef, "dz", "[3]")            // "dz[3]"
     * ValueViews.path(new Layers(net), "model", "layer 2")  // "model.layers[1]"
     * }</pre>
     */
    static String path(Object parent, String parentPath, String name) {
        if (parentPath == null || name.equals("…")) {
            return null;
        }
        if (name.equals("(fields)")) {
            return parentPath;
        }
        if (name.startsWith("[")) {
            return parentPath + name;
        }
        if (parent instanceof Layers && name.startsWith("layer ")) {
            return parentPath + ".layers[" + (Integer.parseInt(name.substring("layer ".length())) - 1) + "]";
        }
        if (parent instanceof Layer && (name.startsWith("w") || name.startsWith("b"))) {
            return parentPath + "." + name.charAt(0);
        }
        return parentPath + "." + name;
    }

    /** [from, to) of {@code n} children for a request's start and count (0: the first page). */
    static int[] page(int n, int start, int count) {
        int from = Math.max(0, Math.min(start, n));
        int to = count > 0 ? Math.min(n, from + count) : Math.min(n, from + PAGE);
        return new int[] {from, to};
    }

    /** When no page was asked for and children were left out: an entry saying so. */
    private static void more(List<Item> out, int n, int[] page, int count) {
        if (count <= 0 && page[1] < n) {
            out.add(new Item("…", (n - page[1]) + " more (indices " + page[1] + " to " + (n - 1) + ")", "", null, 0));
        }
    }

    /** ValueSummary's line for the matrix, over at most its first {@value #MAX_SUMMARY_VALUES} values. */
    static String matrixLine(MatrixRef m) {
        long size = (long) m.rows() * m.cols();
        return ValueSummary.matrix(m.rows(), m.cols(), m.read(0, (int) Math.min(size, MAX_SUMMARY_VALUES)));
    }

    /** Renderers' HTML table of the matrix, reading only the rows and columns it shows. */
    static String matrixHtml(MatrixRef m) {
        int[] rows = Renderers.shownIndices(m.rows());
        int[] cols = Renderers.shownIndices(m.cols());
        // the shown cells, row by row: one read per run of adjacent columns
        double[][] shown = new double[m.rows() == 0 ? 0 : rows.length][];
        int[] colAt = new int[Math.max(0, m.cols())];
        for (int b = 0; b < cols.length; b++) {
            if (cols[b] >= 0) {
                colAt[cols[b]] = b;
            }
        }
        for (int a = 0; a < shown.length; a++) {
            if (rows[a] < 0) {
                continue;
            }
            shown[a] = new double[cols.length];
            int b = 0;
            while (b < cols.length) {
                if (cols[b] < 0) {
                    b++;
                    continue;
                }
                int end = b;
                while (end + 1 < cols.length && cols[end + 1] == cols[end] + 1) {
                    end++;
                }
                double[] run = m.read(rows[a] * m.cols() + cols[b], end - b + 1);
                System.arraycopy(run, 0, shown[a], b, run.length);
                b = end + 1;
            }
        }
        int[] rowAt = new int[Math.max(0, m.rows())];
        for (int a = 0; a < rows.length; a++) {
            if (rows[a] >= 0) {
                rowAt[rows[a]] = a;
            }
        }
        return Renderers.matrixHtml(m.rows(), m.cols(), (i, j) -> shown[rowAt[i]][colAt[j]]);
    }

    /** A layer's entry: {@code 1 → 25, sigmoid (50 parameters)}. */
    private static Item layerItem(ObjectReference dense, int number) {
        int in = intField(dense, "in");
        int out = intField(dense, "out");
        String text = in + " → " + out + ", " + activationLabel(field(dense, "activation")) + " ("
                + ((long) in * out + out) + " parameters)";
        return new Item("layer " + number, text, "Dense", new Layer(dense, number), 0);
    }

    /** An Activation constant's label ({@code sigmoid}), read from its name. */
    private static String activationLabel(Value activation) {
        if (!(activation instanceof ObjectReference)) {
            return "none";
        }
        String constant = ((StringReference) field((ObjectReference) activation, "name")).value();
        try {
            return Activation.valueOf(constant).label();
        } catch (IllegalArgumentException e) {
            return constant.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** ValueSummary's line for a Network: layer sizes, activations, parameters. */
    static String networkLine(ObjectReference net) {
        ArrayReference sizesArray = (ArrayReference) field(net, "sizes");
        int[] sizes = new int[sizesArray.length()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = ((IntegerValue) sizesArray.getValue(i)).value();
        }
        List<String> labels = new ArrayList<>();
        for (Value a : listElements((ObjectReference) field(net, "activations"))) {
            labels.add(activationLabel(a));
        }
        // the count from the sizes alone: a Network without activations holds no weights
        return ValueSummary.network(sizes, labels, new Network(sizes).parameterCount());
    }

    /** ValueSummary's line for a History: steps and last recorded loss. */
    static String historyLine(ObjectReference h) {
        int count = intField(h, "count");
        double last = count == 0 ? Double.NaN
                : ((DoubleValue) ((ArrayReference) field(h, "losses")).getValue(count - 1)).value();
        return ValueSummary.history(intField(h, "updates"), last, booleanField(h, "interrupted"),
                booleanField(h, "stopped"));
    }

    /** The elements of a java.util.ArrayList, read from its fields. */
    private static List<Value> listElements(ObjectReference list) {
        if (list == null) {
            return List.of();
        }
        int size = intField(list, "size");
        ArrayReference data = (ArrayReference) field(list, "elementData");
        return size == 0 ? List.of() : data.getValues(0, size);
    }

    /** {@code {1, 2.5, true}}: primitive values as Java writes them, numbers as ValueSummary does. */
    private static String elements(List<Value> values) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(JdiValues.show(values.get(i)));
        }
        return sb.append('}').toString();
    }

    /**
     * A row of {@code cols} values from its first values and (when some are left out between)
     * its last ones, four significant digits each: {@code [0.5, -1.2, …, 3]  (100 values)}.
     */
    static String rowText(double[] head, double[] tail, int cols) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < head.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(ValueSummary.num(head[i]));
        }
        if (head.length + tail.length < cols) {
            sb.append(head.length == 0 ? "…" : ", …");
        }
        for (double v : tail) {
            sb.append(", ").append(ValueSummary.num(v));
        }
        return sb.append("]  (").append(cols).append(cols == 1 ? " value)" : " values)").toString();
    }

    private static Value field(ObjectReference o, String name) {
        Field f = o.referenceType().fieldByName(name);
        if (f == null) {
            throw new IllegalStateException(o.referenceType().name() + " has no field " + name
                    + ": the cell JVM runs another version of scratchnet than the kernel");
        }
        return o.getValue(f);
    }

    private static int intField(ObjectReference o, String name) {
        return ((IntegerValue) field(o, name)).value();
    }

    private static boolean booleanField(ObjectReference o, String name) {
        return ((BooleanValue) field(o, name)).value();
    }
}
