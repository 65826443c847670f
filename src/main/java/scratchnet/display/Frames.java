package scratchnet.display;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The wire format of rich output: a user JVM writes each display as one line on its
 * {@code System.out}, {@code START + json + END}, and the Jupyter kernel cuts these frames out of
 * the stream. The JSON is compact and pure ASCII (other characters are written as JSON unicode
 * escapes), so a frame survives any stdout encoding and never contains a raw marker character.
 * <pre>{@code
 * String line = Frames.encode("display", MimeBundle.ofText("hi"), "d1");
 * // START + {"type":"display","display_id":"d1","data":{"text/plain":"hi"},"metadata":{}} + END
 * Frames.Frame f = Frames.decode(line);        // or only the JSON between the markers
 * f.type();        // "display"
 * f.bundle().text(); // "hi"
 * }</pre>
 */
public final class Frames {
    /** Opens a frame (an OSC escape that terminals ignore). */
    public static final String START = "\u001b]scratchnet;";
    /** Closes a frame: BEL then the newline that ends the frame's line. */
    public static final String END = "\u0007\n";

    /** A new output; {@code display_id} names it for later updates. */
    public static final String DISPLAY = "display";
    /** Replaces the output shown for {@code display_id}. */
    public static final String UPDATE = "update";
    /** The value of a cell's last expression (Jupyter's {@code execute_result}). */
    public static final String RESULT = "result";
    /** A kernel sync mark: says that all output before it has been written (never shown). */
    public static final String SYNC = "sync";
    /** Clears the cell's output shown so far (Jupyter's {@code clear_output}); its bundle is empty. */
    public static final String CLEAR = "clear";
    /**
     * A comm message to the front end (open, msg or close, as for Jupyter widgets); its bundle holds
     * one entry, {@link #COMM_KEY}, the message's JSON (see {@code scratchnet.widgets.CommMessage}).
     */
    public static final String COMM = "comm";
    /** The bundle key of a {@link #COMM} frame's message. */
    public static final String COMM_KEY = "application/vnd.scratchnet.comm+json";

    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private Frames() {
    }

    /**
     * One decoded frame.
     * <pre>{@code
     * Frame f = Frames.decode(json);
     * if (f.type().equals(Frames.UPDATE)) { ... f.displayId() ... }
     * }</pre>
     *
     * @param type      {@link #DISPLAY}, {@link #UPDATE}, {@link #RESULT}, {@link #CLEAR}, {@link #SYNC} or {@link #COMM}
     * @param bundle    the rendered value
     * @param displayId the display's id, or null (results have none)
     */
    public record Frame(String type, MimeBundle bundle, String displayId) {
    }

    /** The whole frame for System.out: START, the JSON, END (which ends the line). */
    public static String encode(String type, MimeBundle bundle, String displayId) {
        return START + json(type, bundle, displayId) + END;
    }

    /** Only the compact JSON object of a frame. */
    public static String json(String type, MimeBundle bundle, String displayId) {
        checkType(type);
        if (bundle == null) {
            throw new IllegalArgumentException("Frames.encode: expected a MimeBundle, got null");
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("type", type);
        if (displayId != null) {
            root.put("display_id", displayId);
        }
        ObjectNode data = root.putObject("data");
        bundle.data().forEach(data::put);
        ObjectNode meta = root.putObject("metadata");
        try {
            bundle.metadata().forEach((mime, m) -> meta.set(mime, JSON.valueToTree(m)));
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Frames.encode: expected metadata of JSON values (numbers, strings, "
                    + "booleans, lists, maps), got " + bundle.metadata() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a frame's JSON. A whole frame (with START and END around the JSON) is accepted too.
     *
     * @throws IllegalArgumentException when the text is not a frame, naming what arrived
     */
    public static Frame decode(String json) {
        if (json == null) {
            throw new IllegalArgumentException("Frames.decode: expected a frame's JSON object, got null");
        }
        String text = json;
        if (text.startsWith(START)) {
            text = text.substring(START.length());
        }
        if (text.endsWith(END)) {
            text = text.substring(0, text.length() - END.length());
        } else if (text.endsWith("\u0007")) {
            text = text.substring(0, text.length() - 1);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Frames.decode: expected a JSON object, got " + preview(text)
                    + " (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Frames.decode: expected a JSON object, got " + preview(text));
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual()) {
            throw new IllegalArgumentException("Frames.decode: expected a \"type\" of display, update, result or clear, got "
                    + (type == null ? "none" : type.toString()) + " in " + preview(text));
        }
        checkType(type.asText());
        MimeBundle bundle = new MimeBundle();
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("Frames.decode: expected \"data\" to be an object of MIME type → "
                    + "string, got " + (data == null ? "none" : data.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)) + " in " + preview(text));
        }
        for (Map.Entry<String, JsonNode> e : data.properties()) {
            JsonNode v = e.getValue();
            bundle.put(e.getKey(), v.isTextual() ? v.asText() : v.toString());
        }
        JsonNode meta = root.get("metadata");
        if (meta != null && meta.isObject()) {
            for (Map.Entry<String, JsonNode> e : meta.properties()) {
                if (!e.getValue().isObject()) {
                    continue;
                }
                for (Map.Entry<String, JsonNode> m : e.getValue().properties()) {
                    bundle.meta(e.getKey(), m.getKey(), JSON.convertValue(m.getValue(), Object.class));
                }
            }
        }
        JsonNode id = root.get("display_id");
        return new Frame(type.asText(), bundle, id == null || id.isNull() ? null : id.asText());
    }

    private static void checkType(String type) {
        if (!DISPLAY.equals(type) && !UPDATE.equals(type) && !RESULT.equals(type) && !CLEAR.equals(type)
                && !SYNC.equals(type) && !COMM.equals(type)) {
            throw new IllegalArgumentException("Frames: expected a frame type of \"display\", \"update\", \"result\", "
                    + "\"clear\", \"sync\" or \"comm\", got "
                    + (type == null ? "null" : "\"" + type + "\""));
        }
    }

    private static String preview(String s) {
        String p = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return "\"" + p.replace("\u001b", "\\u001b").replace("\u0007", "\\u0007").replace("\n", "\\n") + "\"";
    }
}
