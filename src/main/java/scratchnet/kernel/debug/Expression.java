package scratchnet.kernel.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An expression the debugger's {@code evaluate} understands: a variable's name, then any number
 * of steps — a field ({@code .b}), an index ({@code [3]}: an array's element or a Matrix's row),
 * or a call of a method without arguments ({@code .shape()}). Nothing else: no operators, no
 * arguments, no literals; {@link #parse} says so.
 * <pre>{@code
 * Expression.parse("model.layers[0].w")   // name "model", steps [Field layers, Index 0, Field w]
 * Expression.parse("dz.shape()")          // name "dz", steps [Call shape]
 * Expression.parse("x + 1")               // DebugException: what is supported
 * }</pre>
 *
 * @param name  the variable the expression starts from
 * @param steps what follows it, in order
 */
record Expression(String name, List<Step> steps) {
    /** What the debugger evaluates, for error messages. */
    static final String SUPPORTED = "a variable's name (local or global), then fields (a.b), indices (x[3]: an"
            + " array's element or a Matrix's row) and, on a Matrix, methods without arguments (dz.shape(),"
            + " dz.rows(), dz.cols(), dz.sum(), dz.mean())";

    private static final Pattern NAME = Pattern.compile("\\s*([A-Za-z_$][A-Za-z0-9_$]*)");
    private static final Pattern CALL = Pattern.compile("\\s*\\.\\s*([A-Za-z_$][A-Za-z0-9_$]*)\\s*\\(\\s*\\)");
    private static final Pattern FIELD = Pattern.compile("\\s*\\.\\s*([A-Za-z_$][A-Za-z0-9_$]*)");
    private static final Pattern INDEX = Pattern.compile("\\s*\\[\\s*(\\d+)\\s*\\]");

    /** One step after the name. */
    sealed interface Step permits Field, Index, Call {
    }

    /** {@code .name}: a field (or an array's {@code length}). */
    record Field(String name) implements Step {
    }

    /** {@code [index]}: an array's element or a Matrix's row. */
    record Index(int index) implements Step {
    }

    /** {@code .method()}: a call without arguments. */
    record Call(String method) implements Step {
    }

    /**
     * The expression in {@code text}.
     *
     * @throws DebugException when it is not a name followed by fields, indices and calls without arguments
     */
    static Expression parse(String text) throws DebugException {
        Matcher m = NAME.matcher(text);
        if (!m.lookingAt()) {
            throw unsupported(text, "it does not start with a variable's name");
        }
        String name = m.group(1);
        List<Step> steps = new ArrayList<>();
        int at = m.end();
        while (at < text.length() && !text.substring(at).isBlank()) {
            Matcher call = CALL.matcher(text).region(at, text.length());
            Matcher field = FIELD.matcher(text).region(at, text.length());
            Matcher index = INDEX.matcher(text).region(at, text.length());
            if (call.lookingAt()) {
                steps.add(new Call(call.group(1)));
                at = call.end();
            } else if (field.lookingAt()) {
                steps.add(new Field(field.group(1)));
                at = field.end();
            } else if (index.lookingAt()) {
                try {
                    steps.add(new Index(Integer.parseInt(index.group(1))));
                } catch (NumberFormatException e) {
                    throw unsupported(text, "the index " + index.group(1) + " is too large");
                }
                at = index.end();
            } else {
                throw unsupported(text, "\"" + text.substring(at).strip() + "\" is not a field, an index or a call"
                        + " without arguments");
            }
        }
        return new Expression(name, List.copyOf(steps));
    }

    private static DebugException unsupported(String text, String why) {
        return new DebugException("cannot evaluate \"" + text + "\": " + why + ". The debugger evaluates " + SUPPORTED
                + "; operators and arguments are not supported");
    }
}
