package scratchnet.kernel.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SessionCommandsTest {
    /** What the commands asked of the debuggee, in order. */
    private final List<String> calls = new ArrayList<>();
    private final List<Map<String, Object>> sent = new ArrayList<>();
    private final CellFiles files = new CellFiles();
    private final DebugRequests requests = new DebugRequests(new AtomicInteger());
    private final DebugEvents events = new DebugEvents(new AtomicInteger(), sent::add);

    SessionCommandsTest() {
        Debuggee debuggee = new Debuggee() {
            @Override
            public void breakpoints(String sourcePath, List<Integer> lines) {
                calls.add("breakpoints " + sourcePath.substring(sourcePath.lastIndexOf('/') + 1) + " " + lines);
            }

            @Override
            public List<Long> stoppedThreads() {
                return List.of(7L);
            }

            @Override
            public void resumeAll() {
                calls.add("resumeAll");
            }

            @Override
            public void exceptionStops(boolean raised, boolean uncaught) {
                calls.add("exceptionStops raised=" + raised + " uncaught=" + uncaught);
            }
        };
        new SessionCommands(files, events, debuggee).registerWith(requests);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(String command, Map<String, Object> arguments) {
        Map<String, Object> request = new HashMap<>();
        request.put("seq", 1.0);
        request.put("command", command);
        request.put("arguments", arguments);
        Map<String, Object> reply = requests.answer(request);
        assertEquals(true, reply.get("success"), command + ": " + reply);
        return (Map<String, Object>) reply.get("body");
    }

    private static Map<String, Object> setBreakpoints(String path, int... lines) {
        List<Map<String, Object>> bps = new ArrayList<>();
        for (int l : lines) {
            bps.add(Map.of("line", (double) l));
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("source", Map.of("path", path));
        args.put("breakpoints", bps);
        return args;
    }

    @Test
    @SuppressWarnings("unchecked")
    void breakpointsOnTheCellsLinesReachTheDebuggee() {
        String code = "int a = 1;\nint b = 2;";
        String path = (String) body("dumpCell", Map.of("code", code)).get("sourcePath");
        String name = CellFiles.idOf(code);
        assertEquals(files.prefix() + name, path);
        List<Map<String, Object>> answered = (List<Map<String, Object>>) body("setBreakpoints", setBreakpoints(path, 2, 5))
                .get("breakpoints");
        assertEquals(true, answered.get(0).get("verified"));
        assertEquals(false, answered.get(1).get("verified"));
        assertTrue(((String) answered.get(1).get("message")).contains("it has 2 lines"), answered.toString());
        assertEquals(List.of("breakpoints " + name + " [2]"), calls);
        Map<String, Object> info = body("debugInfo", Map.of());
        assertEquals(List.of(Map.of("source", path, "breakpoints", List.of(Map.of("line", 2)))), info.get("breakpoints"));
        assertEquals(List.of(7L), info.get("stoppedThreads"));
    }

    @Test
    void disconnectClearsTheBreakpointsAndLetsStoppedThreadsRun() {
        String path = (String) body("dumpCell", Map.of("code", "int a = 1;")).get("sourcePath");
        body("initialize", Map.of());
        body("setBreakpoints", setBreakpoints(path, 1));
        assertEquals(true, body("debugInfo", Map.of()).get("isStarted"));
        body("disconnect", Map.of());
        String name = CellFiles.idOf("int a = 1;");
        assertEquals(List.of("breakpoints " + name + " [1]", "breakpoints " + name + " []",
                "exceptionStops raised=false uncaught=false", "resumeAll"), calls);
        Map<String, Object> info = body("debugInfo", Map.of());
        assertEquals(false, info.get("isStarted"));
        assertEquals(List.of(), info.get("breakpoints"));
    }

    @Test
    void initializedGoesOutAfterTheAttachResponse() {
        body("attach", Map.of());
        assertEquals(List.of(), sent);
        // the kernel calls replySent() once the response is on the wire
        events.replySent();
        assertEquals(1, sent.size());
        assertEquals("initialized", sent.get(0).get("event"));
        events.replySent();
        assertEquals(1, sent.size(), "sent once");
    }

    @Test
    @SuppressWarnings("unchecked")
    void exceptionFiltersAreOfferedSetAndListed() {
        List<Map<String, Object>> offered = (List<Map<String, Object>>) body("initialize", Map.of())
                .get("exceptionBreakpointFilters");
        assertEquals(List.of("raised", "uncaught"), offered.stream().map(f -> f.get("filter")).toList());
        Map<String, Object> set = body("setExceptionBreakpoints", Map.of("filters", List.of("uncaught")));
        assertEquals(List.of(Map.of("verified", true)), set.get("breakpoints"));
        assertEquals(List.of("exceptionStops raised=false uncaught=true"), calls);
        assertEquals(List.of("uncaught"), body("debugInfo", Map.of()).get("exceptionPaths"));
        body("setExceptionBreakpoints", Map.of("filters", List.of()));
        assertEquals("exceptionStops raised=false uncaught=false", calls.get(calls.size() - 1));
    }

    @Test
    void anUnknownExceptionFilterIsRefusedNamingTheKnownOnes() {
        Map<String, Object> request = new HashMap<>();
        request.put("seq", 1.0);
        request.put("command", "setExceptionBreakpoints");
        request.put("arguments", Map.of("filters", List.of("userUnhandled")));
        Map<String, Object> reply = requests.answer(request);
        assertEquals(false, reply.get("success"));
        String message = (String) reply.get("message");
        assertTrue(message.contains("userUnhandled") && message.contains("\"raised\"") && message.contains("\"uncaught\""),
                message);
        assertEquals(List.of(), calls);
    }
}
