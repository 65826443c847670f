package scratchnet.kernel.debug;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kernel's debug_request dispatcher: a map from Debug Adapter Protocol command to its
 * {@link DebugHandler}, and the response envelope around what the handler returns. A command no
 * handler takes, or a handler's {@link DebugException}, gets {@code "success": false} with a
 * message saying why.
 * <pre>{@code
 * DebugRequests requests = new DebugRequests();
 * requests.register("debugInfo", r -> Map.of("isStarted", false));
 * requests.answer(Map.of("seq", 1, "type", "request", "command", "debugInfo"));
 * // {type=response, seq=1, request_seq=1, success=true, command=debugInfo, body={isStarted=false}}
 * }</pre>
 */
public final class DebugRequests {
    private final Map<String, DebugHandler> handlers = new ConcurrentHashMap<>();
    private final AtomicInteger seq;

    /** A dispatcher whose responses take sequence numbers from {@code seq} (shared with the events). */
    public DebugRequests(AtomicInteger seq) {
        this.seq = seq;
    }

    /** Routes {@code command} to {@code handler}, replacing the one it had. */
    public void register(String command, DebugHandler handler) {
        handlers.put(command, handler);
    }

    /** Whether a handler takes {@code command}. */
    public boolean handles(String command) {
        return handlers.containsKey(command);
    }

    /** The debug_reply content for a debug_request's content. */
    public Map<String, Object> answer(Map<String, Object> content) {
        String command = String.valueOf(content.get("command"));
        int requestSeq = DebugRequest.number(content.get("seq"), 0);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("type", "response");
        reply.put("seq", seq.incrementAndGet());
        reply.put("request_seq", requestSeq);
        try {
            DebugRequest request = DebugRequest.of(content);
            DebugHandler handler = handlers.get(request.command());
            if (handler == null) {
                throw new DebugException("the scratchnet kernel does not take the debug command \"" + command
                        + "\"; it takes " + new TreeSet<>(handlers.keySet()));
            }
            Map<String, Object> body = handler.handle(request);
            reply.put("success", true);
            reply.put("command", command);
            reply.put("body", body == null ? Map.of() : body);
        } catch (DebugException e) {
            reply.put("success", false);
            reply.put("command", command);
            reply.put("message", e.getMessage());
            reply.put("body", Map.of());
        } catch (RuntimeException e) {
            reply.put("success", false);
            reply.put("command", command);
            reply.put("message", command + " failed: " + e);
            reply.put("body", Map.of());
        }
        return reply;
    }
}
