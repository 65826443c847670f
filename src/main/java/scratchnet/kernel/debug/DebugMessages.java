package scratchnet.kernel.debug;

import java.lang.reflect.Constructor;
import java.util.Map;

import org.dflib.jjava.jupyter.messages.MessageType;

/**
 * The Jupyter message types of the debugger, which jjava-jupyter does not know:
 * {@code debug_request} and {@code debug_reply} on the control channel, {@code debug_event} on
 * IOPub, each with a JSON object as content. jjava-jupyter keeps its types in a table filled by
 * {@code MessageType}'s private constructor; making these three through it puts them in that
 * table, so incoming debug_requests decode and reach the handler set for them.
 * <pre>{@code
 * connection.setHandler(DebugMessages.REQUEST, (env, msg) -> ...);
 * }</pre>
 */
public final class DebugMessages {
    /** {@code debug_request}: a Debug Adapter Protocol request. */
    public static final MessageType<Map<String, Object>> REQUEST = make("debug_request");
    /** {@code debug_reply}: its response. */
    public static final MessageType<Map<String, Object>> REPLY = make("debug_reply");
    /** {@code debug_event}: a Debug Adapter Protocol event, on IOPub. */
    public static final MessageType<Map<String, Object>> EVENT = make("debug_event");

    private DebugMessages() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MessageType<Map<String, Object>> make(String name) {
        MessageType<?> known = MessageType.getType(name);
        if (known != MessageType.UNKNOWN) {
            return (MessageType<Map<String, Object>>) known;
        }
        try {
            Constructor<MessageType> c = MessageType.class.getDeclaredConstructor(String.class, Class.class);
            c.setAccessible(true);
            return c.newInstance(name, Map.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot add the message type " + name + " to jjava-jupyter: " + e, e);
        }
    }
}
