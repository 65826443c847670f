package scratchnet.nn;

import java.util.LinkedHashMap;
import java.util.Map;

import scratchnet.engine.Matrix;

/**
 * The gradients {@link Network#backward} computes, by the seeds' names {@code dw1, db1, …}
 * (case-insensitive, so 003's {@code dW1} works too).
 * <pre>{@code
 * Gradients g = model.backward(cache, y);
 * Matrix dw1 = g.get("dw1");
 * model.update(g, 0.3);
 * }</pre>
 */
public final class Gradients {
    final Matrix[] dW;
    final Matrix[] db;

    Gradients(Matrix[] dW, Matrix[] db) {
        this.dW = dW;
        this.db = db;
    }

    /** dW of layer l (1-based). */
    public Matrix dw(int l) {
        check(l);
        return dW[l];
    }

    /** db of layer l (1-based). */
    public Matrix db(int l) {
        check(l);
        return db[l];
    }

    /** Number of layers L. */
    public int layers() {
        return dW.length - 1;
    }

    /** "dw1" … "dwL", "db1" … "dbL". */
    public Matrix get(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.startsWith("dw") || n.startsWith("db")) {
            try {
                int l = Integer.parseInt(n.substring(2));
                if (l >= 1 && l <= layers()) {
                    return n.startsWith("dw") ? dW[l] : db[l];
                }
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new IllegalArgumentException("gradients: no entry '" + name + "'; they are dw1…dw" + layers()
                + " and db1…db" + layers());
    }

    /** All gradients by name, in layer order. */
    public Map<String, Matrix> asMap() {
        Map<String, Matrix> map = new LinkedHashMap<>();
        for (int l = 1; l <= layers(); l++) {
            map.put("dw" + l, dW[l]);
            map.put("db" + l, db[l]);
        }
        return map;
    }

    private void check(int l) {
        if (l < 1 || l > layers()) {
            throw new IndexOutOfBoundsException("gradients: layer " + l + " does not exist; expected 1…" + layers());
        }
    }

    @Override
    public String toString() {
        return "Gradients" + asMap().keySet();
    }
}
