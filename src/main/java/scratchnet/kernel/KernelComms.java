package scratchnet.kernel;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import scratchnet.display.Frames;
import scratchnet.exec.CellEvaluator;

/**
 * Jupyter comms between the front end and the cell JVM, where their other ends live (widgets).
 * The kernel only passes messages on and keeps the list of open comms for {@code comm_info_request}:
 * {@code comm_open}, {@code comm_msg} and {@code comm_close} from the front end go to the cell JVM
 * (as JSON, buffers base64-encoded); {@link Frames#COMM} frames from the cell JVM go out on IOPub,
 * buffers as binary parts of the message.
 * <pre>{@code
 * KernelComms comms = new KernelComms(evaluator, this::publish);
 * comms.install(connection);               // the shell handlers
 * comms.publish(frame, parent);            // a COMM frame the cell JVM wrote
 * }</pre>
 */
final class KernelComms {
    private static final Gson GSON = new Gson();
    private final CellEvaluator evaluator;
    private final Consumer<Message<?>> iopub;
    /** Open comms: id → target name. */
    private final Map<String, String> open = new ConcurrentHashMap<>();
    /** The front end's last comm message: the parent of comm messages sent before any cell ran. */
    private volatile MessageContext lastRequest;
    /** The front end's recent comm messages by id: the parents of the answers to them. */
    private final Map<String, MessageContext> recent = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, MessageContext> eldest) {
                    return size() > RECENT;
                }
            });
    /** How many of the front end's comm messages are remembered as parents. */
    private static final int RECENT = 256;

    KernelComms(CellEvaluator evaluator, Consumer<Message<?>> iopub) {
        this.evaluator = evaluator;
        this.iopub = iopub;
    }

    /** Handles comm_info_request, comm_open, comm_msg and comm_close on the shell channel. */
    void install(JupyterConnection connection) {
        connection.setHandler(MessageType.COMM_INFO_REQUEST, (env, m) -> info(env, m.getContent().getTargetName()));
        connection.setHandler(MessageType.COMM_OPEN_COMMAND, (env, m) -> fromFrontEnd(env, m, "comm_open",
                m.getContent().getCommID(), m.getContent().getTargetName(), m.getContent().getData()));
        connection.setHandler(MessageType.COMM_MSG_COMMAND, (env, m) -> fromFrontEnd(env, m, "comm_msg",
                m.getContent().getCommID(), null, m.getContent().getData()));
        connection.setHandler(MessageType.COMM_CLOSE_COMMAND, (env, m) -> fromFrontEnd(env, m, "comm_close",
                m.getContent().getCommID(), null, m.getContent().getData()));
    }

    /** The comms open now, by id, each with its target name (what comm_info_reply lists). */
    Map<String, String> openComms() {
        return Map.copyOf(open);
    }

    /** comm_info_reply: the open comms, or those to one target. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void info(ShellReplyEnvironment env, String wanted) {
        env.setBusyDeferIdle();
        Map<String, Object> comms = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : open.entrySet()) {
            if (wanted == null || wanted.equals(e.getValue())) {
                comms.put(e.getKey(), Map.of("target_name", e.getValue()));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("comms", comms);
        env.reply(new Message(env.getContext(), (MessageType) MessageType.COMM_INFO_REPLY, body));
    }

    /** A message from the front end: noted, then handed to the cell JVM (dropped when there is none). */
    private void fromFrontEnd(ShellReplyEnvironment env, Message<?> m, String type, String id, String target,
                              JsonObject data) {
        env.setBusyDeferIdle();
        if (id == null) {
            return;
        }
        lastRequest = m;
        String msgId = m.getHeader().getId();
        recent.put(msgId, m);
        JsonObject line = new JsonObject();
        line.addProperty("msg_type", type);
        line.addProperty("comm_id", id);
        line.addProperty("reply_to", msgId);
        if (type.equals("comm_open")) {
            line.addProperty("target_name", target);
            open.put(id, target == null ? "" : target);
        } else if (type.equals("comm_close")) {
            open.remove(id);
        }
        line.add("data", data == null ? new JsonObject() : data);
        line.add("metadata", GSON.toJsonTree(m.getNonNullMetadata()));
        JsonArray buffers = new JsonArray();
        if (m.getBlobs() != null) {
            for (byte[] blob : m.getBlobs()) {
                buffers.add(Base64.getEncoder().encodeToString(blob));
            }
        }
        line.add("buffers", buffers);
        evaluator.deliverComm(line.toString());
    }

    /**
     * Publishes a {@link Frames#COMM} frame from the cell JVM as comm_open, comm_msg or comm_close:
     * as a child of the front end's message it answers (sent by that message's callback), else of
     * {@code cell} (the running or last cell's request), else (before any cell ran) of the front
     * end's last comm message.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void publish(Frames.Frame frame, MessageContext cell) {
        JsonObject m = JsonParser.parseString(frame.bundle().get(Frames.COMM_KEY)).getAsJsonObject();
        // an answer to a front end's message is its child (ipywidgets matches echo_update so)
        String replyTo = string(m, "reply_to");
        MessageContext answered = replyTo == null ? null : recent.get(replyTo);
        MessageContext parent = answered != null ? answered : cell != null ? cell : lastRequest;
        if (parent == null) {
            return;
        }
        String type = string(m, "msg_type");
        String id = string(m, "comm_id");
        JsonObject content = new JsonObject();
        content.addProperty("comm_id", id);
        MessageType messageType;
        if ("comm_open".equals(type)) {
            String target = string(m, "target_name");
            content.addProperty("target_name", target);
            open.put(id, target);
            messageType = MessageType.COMM_OPEN_COMMAND;
        } else if ("comm_close".equals(type)) {
            open.remove(id);
            messageType = MessageType.COMM_CLOSE_COMMAND;
        } else {
            messageType = MessageType.COMM_MSG_COMMAND;
        }
        content.add("data", m.has("data") ? m.get("data") : new JsonObject());
        List<byte[]> blobs = new ArrayList<>();
        if (m.has("buffers")) {
            for (JsonElement b : m.getAsJsonArray("buffers")) {
                blobs.add(Base64.getDecoder().decode(b.getAsString()));
            }
        }
        Map<String, Object> metadata = m.has("metadata") ? GSON.fromJson(m.get("metadata"), Map.class) : Map.of();
        // null, not an empty list, without buffers: jjava leaves a message with an empty list unfinished
        iopub.accept(new Message(parent, messageType, content, blobs.isEmpty() ? null : blobs, metadata));
    }

    /** The cell JVM was replaced: its comms are gone, so the front end closes its ends too. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void closeAll(MessageContext cell) {
        MessageContext parent = cell != null ? cell : lastRequest;
        if (parent == null) {
            open.clear();
            return;
        }
        for (String id : List.copyOf(open.keySet())) {
            open.remove(id);
            JsonObject content = new JsonObject();
            content.addProperty("comm_id", id);
            content.add("data", new JsonObject());
            iopub.accept(new Message(parent, MessageType.COMM_CLOSE_COMMAND, content, null, Map.of()));
        }
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
