package scratchnet.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import scratchnet.display.MimeBundle;
import scratchnet.exec.Variables;
import scratchnet.kernel.debug.PanelTypes;

/**
 * Answers the two {@code debug_request} commands a variables panel sends, with or without the
 * debugger running: {@code inspectVariables} (every variable: name, one-line value, type) and
 * {@code richInspectVariables} (one variable as display data). The request and the response are
 * the Debug Adapter Protocol's, as the messaging spec carries them in {@code debug_request} and
 * {@code debug_reply}:
 * <pre>{@code
 * {"type": "request", "seq": 3, "command": "inspectVariables", "arguments": {}}
 * // {"type": "response", "seq": 1, "request_seq": 3, "success": true, "command": "inspectVariables",
 * //  "body": {"variables": [{"name": "n", "value": "3", "type": "int", "evaluateName": "n",
 * //                          "variablesReference": 0}]}}
 * {"type": "request", "seq": 4, "command": "richInspectVariables", "arguments": {"variableName": "x"}}
 * // {..., "body": {"data": {"text/plain": "…", "text/html": "<table…", "image/png": "iVBOR…"}, "metadata": {…}}}
 * }</pre>
 * {@link #inspectBody()} and {@link #richBody(Object)} give the bodies; the kernel's debugger
 * dispatcher ({@code scratchnet.kernel.debug.DebugRequests}) wraps them in the response. While a
 * cell runs the answer is the table as it was last read (see {@link Variables}), so a request
 * never waits for the cell.
 */
final class VariablesRequests {
    private final Variables variables;

    VariablesRequests(Variables variables) {
        this.variables = variables;
    }

    /** The body of the response to inspectVariables: {@code {"variables": [{name, value, type, evaluateName, variablesReference}, …]}}. */
    Map<String, Object> inspectBody() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Variables.Variable v : variables.table()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", v.name());
            entry.put("value", v.summary());
            String type = PanelTypes.of(v.type());
            if (type != null) {
                entry.put("type", type);
            }
            entry.put("evaluateName", v.name());
            entry.put("variablesReference", 0);
            list.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("variables", list);
        return body;
    }

    /**
     * The body of the response to richInspectVariables of {@code variableName}: {@code {"data": {mime: content}, "metadata": {…}}}.
     *
     * @throws IllegalArgumentException when the name is missing or no variable has it
     */
    Map<String, Object> richBody(Object variableName) {
        if (!(variableName instanceof String)) {
            throw new IllegalArgumentException("richInspectVariables expects arguments {\"variableName\": \"x\"}, got "
                    + (variableName == null ? "no variableName" : "variableName " + variableName));
        }
        MimeBundle bundle = variables.details((String) variableName);
        if (bundle == null) {
            List<String> names = new ArrayList<>();
            variables.lastTable().forEach(v -> names.add(v.name()));
            throw new IllegalArgumentException("there is no variable called " + variableName
                    + (names.isEmpty() ? "" : "; the variables are " + String.join(", ", names)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", new LinkedHashMap<>(bundle.data()));
        body.put("metadata", new LinkedHashMap<>(bundle.metadata()));
        return body;
    }
}
