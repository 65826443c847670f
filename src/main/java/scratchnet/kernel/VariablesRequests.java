package scratchnet.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import scratchnet.display.MimeBundle;
import scratchnet.exec.Variables;

/**
 * Answers the two {@code debug_request} commands a variables panel sends, with or without the
 * debugger running: {@code inspectVariables} (every variable: name, one-line value, type) and
 * {@code richInspectVariables} (one variable as display data). The request and the response are
 * the Debug Adapter Protocol's, as the messaging spec carries them in {@code debug_request} and
 * {@code debug_reply}:
 * <pre>{@code
 * {"type": "request", "seq": 3, "command": "inspectVariables", "arguments": {}}
 * // {"type": "response", "request_seq": 3, "success": true, "command": "inspectVariables",
 * //  "body": {"variables": [{"name": "n", "value": "3", "type": "int", "evaluateName": "n",
 * //                          "variablesReference": 0}]}}
 * {"type": "request", "seq": 4, "command": "richInspectVariables", "arguments": {"variableName": "x"}}
 * // {..., "body": {"data": {"text/plain": "…", "text/html": "<table…", "image/png": "iVBOR…"}, "metadata": {}}}
 * }</pre>
 * While a cell runs the answer is the table as it was last read (see {@link Variables}), so a
 * request never waits for the cell.
 */
final class VariablesRequests {
    /** The commands answered here. */
    static final List<String> COMMANDS = List.of("inspectVariables", "richInspectVariables");

    private final Variables variables;

    VariablesRequests(Variables variables) {
        this.variables = variables;
    }

    /** Whether {@code command} is one of {@link #COMMANDS}. */
    static boolean handles(String command) {
        return COMMANDS.contains(command);
    }

    /** The response to a request for one of {@link #COMMANDS}. */
    Map<String, Object> answer(Map<?, ?> request) {
        String command = String.valueOf(request.get("command"));
        if (command.equals("inspectVariables")) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Variables.Variable v : variables.table()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", v.name());
                entry.put("value", v.summary());
                entry.put("type", v.type());
                entry.put("evaluateName", v.name());
                entry.put("variablesReference", 0);
                list.add(entry);
            }
            return response(request, true, Map.of("variables", list), null);
        }
        Object args = request.get("arguments");
        Object name = args instanceof Map ? ((Map<?, ?>) args).get("variableName") : null;
        if (!(name instanceof String)) {
            return response(request, false, null,
                    "richInspectVariables expects arguments {\"variableName\": \"x\"}, got " + args);
        }
        MimeBundle bundle = variables.details((String) name);
        if (bundle == null) {
            List<String> names = new ArrayList<>();
            variables.lastTable().forEach(v -> names.add(v.name()));
            return response(request, false, null, "there is no variable called " + name
                    + (names.isEmpty() ? "" : "; the variables are " + String.join(", ", names)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", new LinkedHashMap<>(bundle.data()));
        body.put("metadata", new LinkedHashMap<>(bundle.metadata()));
        return response(request, true, body, null);
    }

    /**
     * A Debug Adapter Protocol response to {@code request}: with {@code body} when it succeeded,
     * with {@code message} saying why when it did not.
     */
    static Map<String, Object> response(Map<?, ?> request, boolean success, Object body, String message) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", "response");
        Object seq = request.get("seq");
        r.put("request_seq", seq instanceof Number ? ((Number) seq).longValue() : seq);
        r.put("success", success);
        r.put("command", request.get("command"));
        if (message != null) {
            r.put("message", message);
        }
        r.put("body", body == null ? Map.of() : body);
        return r;
    }
}
