package scratchnet.kernel.debug;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Debug Adapter Protocol events, as the content of Jupyter {@code debug_event} messages on IOPub:
 * {@code {"type": "event", "seq": 7, "event": "stopped", "body": {...}}}. The sequence numbers
 * are shared with the responses ({@link DebugRequests}).
 * <pre>{@code
 * DebugEvents events = new DebugEvents(seq, content -> iopub.send("debug_event", content));
 * events.send("stopped", Map.of("reason", "breakpoint", "threadId", 1, "allThreadsStopped", true));
 * }</pre>
 */
public final class DebugEvents {
    private final AtomicInteger seq;
    private final Consumer<Map<String, Object>> publisher;

    /** Events numbered from {@code seq}, each handed to {@code publisher} as a debug_event's content. */
    public DebugEvents(AtomicInteger seq, Consumer<Map<String, Object>> publisher) {
        this.seq = seq;
        this.publisher = publisher;
    }

    /** Events to send once the response being built has gone out. */
    private final List<Map<String, Object>> afterReply = new ArrayList<>();

    /** Publishes {@code event} with {@code body} right after the response to the request being answered. */
    public synchronized void sendAfterReply(String event, Map<String, Object> body) {
        afterReply.add(Map.of("event", event, "body", body));
    }

    /** Publishes the events held for after the response; called once the response is sent. */
    public void replySent() {
        List<Map<String, Object>> held;
        synchronized (this) {
            held = new ArrayList<>(afterReply);
            afterReply.clear();
        }
        for (Map<String, Object> e : held) {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) e.get("body");
            send((String) e.get("event"), body);
        }
    }

    /** Publishes the event {@code event} with {@code body}. */
    public void send(String event, Map<String, Object> body) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("type", "event");
        content.put("seq", seq.incrementAndGet());
        content.put("event", event);
        content.put("body", body);
        publisher.accept(content);
    }
}
