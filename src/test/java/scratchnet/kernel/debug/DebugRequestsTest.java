package scratchnet.kernel.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class DebugRequestsTest {
    private final DebugRequests requests = new DebugRequests(new AtomicInteger());

    private static Map<String, Object> request(double seq, String command, Map<String, Object> arguments) {
        Map<String, Object> m = new HashMap<>();
        m.put("type", "request");
        m.put("seq", seq);   // JSON numbers arrive as doubles
        m.put("command", command);
        if (arguments != null) {
            m.put("arguments", arguments);
        }
        return m;
    }

    @Test
    void routesToTheHandlerOfTheCommand() {
        requests.register("dumpCell", r -> Map.of("got", r.string("code")));
        requests.register("debugInfo", r -> Map.of("args", r.arguments().size()));
        Map<String, Object> reply = requests.answer(request(7, "dumpCell", Map.of("code", "1 + 1")));
        assertEquals("response", reply.get("type"));
        assertEquals(7, reply.get("request_seq"));
        assertEquals(true, reply.get("success"));
        assertEquals("dumpCell", reply.get("command"));
        assertEquals(Map.of("got", "1 + 1"), reply.get("body"));
        // JupyterLab's first debugInfo has no arguments at all
        assertEquals(Map.of("args", 0), requests.answer(request(0, "debugInfo", null)).get("body"));
    }

    @Test
    void anUnknownCommandSaysWhichAreKnown() {
        requests.register("source", r -> null);
        Map<String, Object> reply = requests.answer(request(3, "frobnicate", Map.of()));
        assertEquals(false, reply.get("success"));
        assertEquals("frobnicate", reply.get("command"));
        String message = (String) reply.get("message");
        assertTrue(message.contains("frobnicate") && message.contains("source"), message);
    }

    @Test
    void aBadArgumentSaysWhatWasExpected() {
        requests.register("dumpCell", r -> Map.of("got", r.string("code")));
        Map<String, Object> reply = requests.answer(request(4, "dumpCell", Map.of("code", 12.0)));
        assertEquals(false, reply.get("success"));
        assertTrue(((String) reply.get("message")).contains("string argument \"code\""), (String) reply.get("message"));
    }

    @Test
    void responsesAndEventsShareOneSequence() {
        AtomicInteger seq = new AtomicInteger();
        DebugRequests r = new DebugRequests(seq);
        Map<String, Object>[] sent = new Map[1];
        DebugEvents events = new DebugEvents(seq, c -> sent[0] = c);
        r.register("attach", x -> null);
        assertEquals(1, r.answer(request(1, "attach", Map.of())).get("seq"));
        events.send("initialized", Map.of());
        assertEquals(2, sent[0].get("seq"));
        assertEquals("event", sent[0].get("type"));
        assertEquals("initialized", sent[0].get("event"));
    }
}
