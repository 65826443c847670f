package scratchnet.kernel;

import java.lang.reflect.Constructor;
import java.util.Map;

import org.dflib.jjava.jupyter.messages.MessageType;

/**
 * The messaging spec's {@code debug_request} and {@code debug_reply}, which jjava-jupyter does
 * not list: made here so that a {@code debug_request} is decoded (its content as a map) and can
 * have a handler, instead of being dropped as an unknown type.
 * <pre>{@code
 * connection.setHandler(DebugMessageTypes.REQUEST, (env, msg) -> ...);
 * env.reply(new Message(env.getContext(), DebugMessageTypes.REPLY, body));
 * }</pre>
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class DebugMessageTypes {
    /** {@code debug_request}: a Debug Adapter Protocol request, on the control channel. */
    static final MessageType<Map> REQUEST = make("debug_request");
    /** {@code debug_reply}: its response. */
    static final MessageType<Map> REPLY = make("debug_reply");

    private DebugMessageTypes() {
    }

    /** A message type jjava-jupyter does not know; making one registers it, so headers with this name decode to it. */
    private static MessageType<Map> make(String name) {
        MessageType<?> known = MessageType.getType(name);
        if (known != MessageType.UNKNOWN) {
            return (MessageType<Map>) known;
        }
        try {
            Constructor<MessageType> c = MessageType.class.getDeclaredConstructor(String.class, Class.class);
            c.setAccessible(true);
            return c.newInstance(name, Map.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("could not make the message type " + name + " for jjava-jupyter: " + e, e);
        }
    }
}
