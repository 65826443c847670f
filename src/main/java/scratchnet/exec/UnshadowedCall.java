package scratchnet.exec;

import java.util.Collection;

/**
 * Source text for the statements the kernel itself runs in the session (showing a cell's value,
 * reading the variables), written so that no name a cell declared changes what they mean. In an
 * expression, the first name of {@code scratchnet.display.Display.result(x)} is taken for a
 * variable when one of that name is in scope (JLS §6.5.2), so after {@code var scratchnet = 1;}
 * it no longer compiles; the same goes for {@code java.…} and {@code Thread.…}. A cast's type is
 * always read as a type, so the call goes through a {@code null} of the class, which for a static
 * method runs the method and nothing else (JLS §15.12.4.1). Only a class a cell names like the
 * package ({@code class scratchnet {}}) could still get in the way.
 * <pre>{@code
 * UnshadowedCall.statement(Display.class, "result", "$3")   // ((scratchnet.display.Display) null).result($3);
 * UnshadowedCall.objects(List.of("x", "model"))            // new java.lang.Object[] {x, model}
 * }</pre>
 */
final class UnshadowedCall {
    private UnshadowedCall() {
    }

    /** The statement calling the static method {@code method} of {@code type} with {@code args} (source text, comma-separated). */
    static String statement(Class<?> type, String method, String args) {
        return "((" + type.getCanonicalName() + ") null)." + method + "(" + args + ");";
    }

    /** An {@code Object[]} holding the values of {@code names}: what a varargs parameter gets as its array. */
    static String objects(Collection<String> names) {
        return "new java.lang.Object[] {" + String.join(", ", names) + "}";
    }
}
