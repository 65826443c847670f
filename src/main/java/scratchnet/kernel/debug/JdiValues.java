package scratchnet.kernel.debug;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sun.jdi.ArrayReference;
import com.sun.jdi.CharValue;
import com.sun.jdi.Field;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.PrimitiveValue;
import com.sun.jdi.StringReference;
import com.sun.jdi.Value;
import scratchnet.exec.JShellNames;

/**
 * Values of the stopped cell JVM as the variables panel shows them, read without running code
 * there (no {@code toString()}: it could hit a breakpoint or never return): numbers and strings as
 * written in Java, boxed numbers by their value, arrays by type and length, other objects by their
 * class; arrays and objects open into their elements and fields.
 * <pre>{@code
 * JdiValues.show(frame.getValue(x));   // "3.5", "\"hello\"", "double[100]", "Network (id=412)"
 * }</pre>
 */
final class JdiValues {
    /** The boxes shown by the value they hold. */
    private static final Set<String> BOXES = Set.of("java.lang.Integer", "java.lang.Long", "java.lang.Double",
            "java.lang.Float", "java.lang.Short", "java.lang.Byte", "java.lang.Character", "java.lang.Boolean");
    /** Array elements listed at most. */
    private static final int MAX_ELEMENTS = 100;
    /** String characters shown at most. */
    private static final int MAX_CHARS = 1000;

    private JdiValues() {
    }

    /** The value as the panel shows it. */
    static String show(Value v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof CharValue) {
            return "'" + ((CharValue) v).value() + "'";
        }
        if (v instanceof PrimitiveValue) {
            return v.toString();
        }
        if (v instanceof StringReference) {
            String s = ((StringReference) v).value();
            return "\"" + (s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) + "…" : s) + "\"";
        }
        if (v instanceof ArrayReference) {
            String type = v.type().name();
            ArrayReference a = (ArrayReference) v;
            return simple(type.substring(0, type.indexOf('['))) + "[" + a.length() + "]" + type.substring(type.indexOf(']') + 1);
        }
        ObjectReference o = (ObjectReference) v;
        String type = o.referenceType().name();
        if (BOXES.contains(type)) {
            return show(o.getValue(o.referenceType().fieldByName("value")));
        }
        return simple(type) + " (id=" + o.uniqueID() + ")";
    }

    /** Whether the value opens into elements or fields. */
    static boolean hasChildren(Value v) {
        if (v instanceof ArrayReference) {
            return ((ArrayReference) v).length() > 0;
        }
        return v instanceof ObjectReference && !(v instanceof StringReference)
                && !BOXES.contains(((ObjectReference) v).referenceType().name());
    }

    /** An array's first elements by index, or an object's instance fields by name. */
    static Map<String, Value> children(Value v) {
        Map<String, Value> out = new LinkedHashMap<>();
        if (v instanceof ArrayReference) {
            ArrayReference a = (ArrayReference) v;
            int n = Math.min(a.length(), MAX_ELEMENTS);
            List<Value> values = a.getValues(0, n);
            for (int i = 0; i < n; i++) {
                out.put("[" + i + "]", values.get(i));
            }
            return out;
        }
        if (v instanceof ObjectReference) {
            ObjectReference o = (ObjectReference) v;
            for (Field f : o.referenceType().allFields()) {
                if (!f.isStatic()) {
                    out.put(f.name(), o.getValue(f));
                }
            }
        }
        return out;
    }

    /** A Throwable's message, read from its field (null when it has none). */
    static String message(ObjectReference throwable) {
        Field f = throwable.referenceType().fieldByName("detailMessage");
        Value v = f == null ? null : throwable.getValue(f);
        return v instanceof StringReference ? JShellNames.strip(((StringReference) v).value()) : null;
    }

    /** A Throwable as Java prints it, without its package: {@code TrainingDivergedException: fit: the loss became NaN …}. */
    static String exceptionText(ObjectReference throwable) {
        String msg = message(throwable);
        String type = simple(throwable.referenceType().name());
        return msg == null ? type : type + ": " + msg;
    }

    private static String simple(String type) {
        String t = JShellNames.strip(type);
        return t.substring(t.lastIndexOf('.') + 1);
    }
}
