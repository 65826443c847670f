package scratchnet.kernel.debug;

import java.util.Map;

/**
 * The {@code type} a variable is sent with, chosen for what JupyterLab's Variables panel shows: its
 * tree prints the value only for the types Python's debugger uses ({@code int}, {@code float},
 * {@code bool}, {@code str}) and the type name for any other, so a {@code double} would read
 * "double" and a Matrix "scratchnet.engine.Matrix". Java's numbers, booleans, chars and strings get
 * those names; other objects are sent without a type, so the panel shows their value, which starts
 * with their type anyway ({@code Matrix 25×100  mean … std …}).
 * <pre>{@code
 * PanelTypes.of("double");                     // "float": the panel shows 0.3
 * PanelTypes.of("scratchnet.engine.Matrix");   // null: the panel shows "Matrix 25×100  mean …"
 * }</pre>
 */
public final class PanelTypes {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("int", "int"), Map.entry("long", "int"), Map.entry("short", "int"), Map.entry("byte", "int"),
            Map.entry("Integer", "int"), Map.entry("Long", "int"), Map.entry("Short", "int"), Map.entry("Byte", "int"),
            Map.entry("java.lang.Integer", "int"), Map.entry("java.lang.Long", "int"),
            Map.entry("java.lang.Short", "int"), Map.entry("java.lang.Byte", "int"),
            Map.entry("double", "float"), Map.entry("float", "float"), Map.entry("Double", "float"),
            Map.entry("Float", "float"), Map.entry("java.lang.Double", "float"), Map.entry("java.lang.Float", "float"),
            Map.entry("boolean", "bool"), Map.entry("Boolean", "bool"), Map.entry("java.lang.Boolean", "bool"),
            Map.entry("char", "str"), Map.entry("Character", "str"), Map.entry("java.lang.Character", "str"),
            Map.entry("String", "str"), Map.entry("java.lang.String", "str"));

    private PanelTypes() {
    }

    /** The type to send for a variable of Java type {@code javaType}, or null to send none. */
    public static String of(String javaType) {
        return javaType == null ? null : NAMES.get(javaType);
    }
}
