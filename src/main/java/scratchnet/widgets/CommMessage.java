package scratchnet.widgets;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One message of a Jupyter comm, as it travels between the kernel and the JVM that runs the cells:
 * {@code comm_open} (with the target's name), {@code comm_msg} or {@code comm_close}, the comm's id,
 * its JSON data and metadata, and binary buffers. On that line it is one compact JSON object, the
 * buffers base64-encoded.
 * <pre>{@code
 * CommMessage m = CommMessage.msg("a1b2", Map.of("method", "update", "state", Map.of("value", 0.3)));
 * String json = m.toJson();            // {"msg_type":"comm_msg","comm_id":"a1b2","data":{…},…}
 * CommMessage.fromJson(json).data();   // {method=update, state={value=0.3}}
 * }</pre>
 *
 * @param type     {@link #OPEN}, {@link #MSG} or {@link #CLOSE}
 * @param commId   the comm's id
 * @param target   the target's name (for {@link #OPEN}; else null)
 * @param data     the message's data: JSON values (maps, lists, strings, numbers, booleans, null)
 * @param metadata the message's metadata
 * @param buffers  binary buffers (may be empty)
 * @param replyTo  the id of the front end's message this one came in (from the front end) or
 *                 answers (to it), or null: the kernel makes that message its parent, as ipywidgets
 *                 8 expects of an {@code echo_update}
 */
public record CommMessage(String type, String commId, String target, Map<String, Object> data,
                          Map<String, Object> metadata, List<byte[]> buffers, String replyTo) {
    /** Opens a comm. */
    public static final String OPEN = "comm_open";
    /** A message on an open comm. */
    public static final String MSG = "comm_msg";
    /** Closes a comm. */
    public static final String CLOSE = "comm_close";

    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** Checks the fields and keeps copies of the maps and lists. */
    public CommMessage {
        if (!OPEN.equals(type) && !MSG.equals(type) && !CLOSE.equals(type)) {
            throw new IllegalArgumentException("CommMessage: expected a type of comm_open, comm_msg or comm_close, got "
                    + (type == null ? "null" : "\"" + type + "\""));
        }
        if (commId == null || commId.isEmpty()) {
            throw new IllegalArgumentException("CommMessage: expected a comm id, got " + (commId == null ? "null" : "\"\""));
        }
        if (OPEN.equals(type) && (target == null || target.isEmpty())) {
            throw new IllegalArgumentException("CommMessage: a comm_open needs a target name, got none for comm " + commId);
        }
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        buffers = buffers == null ? List.of() : List.copyOf(buffers);
    }

    /** A message that answers nothing. */
    public CommMessage(String type, String commId, String target, Map<String, Object> data,
                       Map<String, Object> metadata, List<byte[]> buffers) {
        this(type, commId, target, data, metadata, buffers, null);
    }

    /** This message as the answer to the front end's message {@code id}. */
    public CommMessage replyingTo(String id) {
        return new CommMessage(type, commId, target, data, metadata, buffers, id);
    }

    /** A {@code comm_msg} with data and no buffers. */
    public static CommMessage msg(String commId, Map<String, Object> data) {
        return new CommMessage(MSG, commId, null, data, null, null);
    }

    /** The compact JSON of this message. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("msg_type", type);
        root.put("comm_id", commId);
        if (target != null) {
            root.put("target_name", target);
        }
        try {
            root.set("data", JSON.valueToTree(data));
            root.set("metadata", JSON.valueToTree(metadata));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CommMessage: expected data of JSON values (maps, lists, strings, "
                    + "numbers, booleans), got " + data + ": " + e.getMessage(), e);
        }
        if (replyTo != null) {
            root.put("reply_to", replyTo);
        }
        ArrayNode b = root.putArray("buffers");
        for (byte[] buffer : buffers) {
            b.add(Base64.getEncoder().encodeToString(buffer));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("CommMessage: cannot write " + data + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a message written by {@link #toJson()} (or by the kernel in the same form).
     *
     * @throws IllegalArgumentException when the text is not such a message, saying what arrived
     */
    @SuppressWarnings("unchecked")
    public static CommMessage fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("CommMessage: expected a JSON object, got " + preview(json)
                    + " (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("CommMessage: expected a JSON object, got " + preview(json));
        }
        List<byte[]> buffers = new ArrayList<>();
        JsonNode b = root.path("buffers");
        for (JsonNode buffer : b) {
            buffers.add(Base64.getDecoder().decode(buffer.asText()));
        }
        JsonNode data = root.path("data");
        JsonNode metadata = root.path("metadata");
        return new CommMessage(root.path("msg_type").asText(null), root.path("comm_id").asText(null),
                root.path("target_name").asText(null),
                data.isObject() ? JSON.convertValue(data, Map.class) : Map.of(),
                metadata.isObject() ? JSON.convertValue(metadata, Map.class) : Map.of(), buffers,
                root.path("reply_to").asText(null));
    }

    private static String preview(String s) {
        if (s == null) {
            return "null";
        }
        return "\"" + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "\"";
    }
}
