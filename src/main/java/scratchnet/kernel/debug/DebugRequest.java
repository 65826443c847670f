package scratchnet.kernel.debug;

import java.util.List;
import java.util.Map;

/**
 * One Debug Adapter Protocol request, the content of a Jupyter {@code debug_request}:
 * {@code {"type": "request", "seq": 3, "command": "setBreakpoints", "arguments": {...}}}.
 * JupyterLab leaves {@code arguments} out of some requests (its first {@code debugInfo}); they
 * read as empty here.
 * <pre>{@code
 * DebugRequest r = DebugRequest.of(Map.of("seq", 1, "command", "dumpCell", "arguments", Map.of("code", "1 + 1")));
 * r.string("code");   // "1 + 1"
 * }</pre>
 *
 * @param seq       the request's sequence number, echoed as the response's {@code request_seq}
 * @param command   the DAP command
 * @param arguments its arguments (never null)
 */
public record DebugRequest(int seq, String command, Map<String, Object> arguments) {

    /**
     * The request in a debug_request's content.
     *
     * @throws DebugException when it has no command
     */
    @SuppressWarnings("unchecked")
    public static DebugRequest of(Map<String, Object> content) throws DebugException {
        Object command = content.get("command");
        if (!(command instanceof String)) {
            throw new DebugException("a debug_request needs a string \"command\"; got " + command);
        }
        Object args = content.get("arguments");
        Map<String, Object> arguments = args instanceof Map ? (Map<String, Object>) args : Map.of();
        return new DebugRequest(number(content.get("seq"), 0), (String) command, arguments);
    }

    /**
     * A string argument.
     *
     * @throws DebugException when it is missing or not a string
     */
    public String string(String name) throws DebugException {
        Object v = arguments.get(name);
        if (!(v instanceof String)) {
            throw new DebugException(command + " needs a string argument \"" + name + "\"; got " + v);
        }
        return (String) v;
    }

    /**
     * An integer argument (JSON numbers arrive as doubles).
     *
     * @throws DebugException when it is missing or not a number
     */
    public int integer(String name) throws DebugException {
        Object v = arguments.get(name);
        if (!(v instanceof Number)) {
            throw new DebugException(command + " needs a number argument \"" + name + "\"; got " + v);
        }
        return ((Number) v).intValue();
    }

    /**
     * An object argument.
     *
     * @throws DebugException when it is missing or not an object
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String name) throws DebugException {
        Object v = arguments.get(name);
        if (!(v instanceof Map)) {
            throw new DebugException(command + " needs an object argument \"" + name + "\"; got " + v);
        }
        return (Map<String, Object>) v;
    }

    /** A list argument, or an empty list when it is missing. */
    public List<?> list(String name) {
        Object v = arguments.get(name);
        return v instanceof List ? (List<?>) v : List.of();
    }

    /** {@code v} as an int, or {@code otherwise} when it is not a number. */
    static int number(Object v, int otherwise) {
        return v instanceof Number ? ((Number) v).intValue() : otherwise;
    }
}
