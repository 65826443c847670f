package scratchnet.kernel;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Checks the four JSON parts of a Jupyter message before they are decoded, so a malformed one is
 * dropped with a reason a person can act on instead of a parser's exception.
 * <pre>{@code
 * MessageParts.problem("{not json".getBytes(UTF_8), parent, metadata, content)
 * // "its header is not valid JSON"
 * MessageParts.problem(header, parent, metadata, content)   // null: all four can be decoded
 * }</pre>
 */
final class MessageParts {
    /** The header fields the messaging spec requires, each a string. */
    static final List<String> HEADER_FIELDS = List.of("msg_id", "username", "session", "msg_type", "version");

    private MessageParts() {
    }

    /** What is wrong with the parts, or null when each is a JSON object and the header has its fields. */
    static String problem(byte[] header, byte[] parent, byte[] metadata, byte[] content) {
        JsonElement h = parse(header);
        if (h == null || !h.isJsonObject()) {
            return "its header is not " + (h == null ? "valid JSON" : "a JSON object") + " (it starts with " + start(header) + ")";
        }
        JsonObject o = h.getAsJsonObject();
        for (String field : HEADER_FIELDS) {
            JsonElement v = o.get(field);
            if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
                return "its header has no string field \"" + field + "\" (the header needs " + String.join(", ", HEADER_FIELDS) + ")";
            }
        }
        String type = o.get("msg_type").getAsString();
        String[] names = {"parent header", "metadata", "content"};
        byte[][] parts = {parent, metadata, content};
        for (int i = 0; i < parts.length; i++) {
            JsonElement e = parse(parts[i]);
            if (e == null || !e.isJsonObject()) {
                return "the " + names[i] + " of a " + type + " is not " + (e == null ? "valid JSON" : "a JSON object")
                        + " (it starts with " + start(parts[i]) + ")";
            }
        }
        return null;
    }

    /** The header's msg_type, quoted, for log lines; {@code "?"} when it has none. */
    static String msgType(byte[] header) {
        JsonElement h = parse(header);
        JsonElement t = h != null && h.isJsonObject() ? h.getAsJsonObject().get("msg_type") : null;
        if (t != null && t.isJsonPrimitive()) {
            return "\"" + KernelLog.oneLine(t.getAsString()) + "\"";
        }
        return "\"?\"";
    }

    private static JsonElement parse(byte[] json) {
        try {
            return JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            return null;
        }
    }

    /** The first characters of a part, quoted, so the log shows what arrived. */
    private static String start(byte[] part) {
        String s = new String(part, 0, Math.min(part.length, 24), StandardCharsets.UTF_8);
        return "\"" + KernelLog.oneLine(s) + (part.length > 24 ? "…" : "") + "\"";
    }
}
