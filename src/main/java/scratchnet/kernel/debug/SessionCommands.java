package scratchnet.kernel.debug;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The debug commands about the session rather than a stopped thread: {@code initialize},
 * {@code attach}, {@code configurationDone}, {@code disconnect}, {@code debugInfo},
 * {@code dumpCell}, {@code setBreakpoints}, {@code source}, {@code setExceptionBreakpoints}
 * (the filters {@code raised} and {@code uncaught}, see {@link #EXCEPTION_FILTERS}) and
 * {@code modules}, which JupyterLab sends and which has nothing to list here. The breakpoints are
 * kept per source path (a cell file, see {@link CellFiles}) and handed to the {@link Debuggee},
 * which stops the cells there.
 * <pre>{@code
 * new SessionCommands(files, events, debuggee).registerWith(requests);
 * }</pre>
 * JupyterLab 4's order: {@code debugInfo} when a notebook opens; on the debugger switch
 * {@code debugInfo}, {@code initialize}, {@code attach} (the kernel answers, then sends the
 * {@code initialized} event), {@code setBreakpoints} for each source it remembers breakpoints
 * of, {@code setExceptionBreakpoints}, {@code inspectVariables}; for a breakpoint set in a cell
 * {@code dumpCell}, {@code debugInfo}, {@code setBreakpoints}; when the switch is turned off,
 * {@code disconnect}. It sends {@code configurationDone} only for "Restart Kernel and Debug", so
 * breakpoints work without it.
 */
public final class SessionCommands {
    private final CellFiles files;
    private final DebugEvents events;
    private final Debuggee debuggee;
    /** Source path → breakpoint lines, in the order they were set. */
    private final Map<String, List<Integer>> breakpoints = new LinkedHashMap<>();
    private volatile boolean started;
    /** The exception filters set last. */
    private volatile List<String> exceptionFilters = List.of();

    /** Commands over these cell files, sending events through {@code events}, stopping cells through {@code debuggee}. */
    public SessionCommands(CellFiles files, DebugEvents events, Debuggee debuggee) {
        this.files = files;
        this.events = events;
        this.debuggee = debuggee;
    }

    /** Registers each command with the dispatcher. */
    public void registerWith(DebugRequests requests) {
        requests.register("initialize", r -> initialize());
        requests.register("attach", r -> attach());
        requests.register("configurationDone", r -> null);
        requests.register("disconnect", r -> disconnect());
        requests.register("debugInfo", r -> debugInfo());
        requests.register("dumpCell", this::dumpCell);
        requests.register("setBreakpoints", this::setBreakpoints);
        requests.register("source", this::source);
        requests.register("setExceptionBreakpoints", this::setExceptionBreakpoints);
        // the kernel sources panel: cells' code is not in modules
        requests.register("modules", r -> Map.of("modules", List.of(), "totalModules", 0));
    }

    /** The exception filters initialize offers, as the Debug Adapter Protocol's ExceptionBreakpointsFilters. */
    static final List<Map<String, Object>> EXCEPTION_FILTERS = List.of(
            Map.of("filter", "raised", "label", "Raised exceptions", "default", false,
                    "description", "Stop where an exception is thrown in the cells' or scratchnet's code, caught or not"),
            Map.of("filter", "uncaught", "label", "Uncaught exceptions", "default", false,
                    "description", "Stop where an exception is thrown that the cell does not catch (it ends the cell)"));

    /** The filters set: stop on "raised" and/or "uncaught" exceptions; none stops on none. */
    private Map<String, Object> setExceptionBreakpoints(DebugRequest r) throws DebugException {
        List<String> set = new ArrayList<>();
        for (Object f : r.list("filters")) {
            set.add(String.valueOf(f));
        }
        for (Object o : r.list("filterOptions")) {
            set.add(String.valueOf(o instanceof Map ? ((Map<?, ?>) o).get("filterId") : o));
        }
        List<Map<String, Object>> answered = new ArrayList<>();
        for (String f : set) {
            if (!f.equals("raised") && !f.equals("uncaught")) {
                throw new DebugException("setExceptionBreakpoints: unknown filter \"" + f
                        + "\"; the filters are \"raised\" (any exception thrown in the cells' or scratchnet's code)"
                        + " and \"uncaught\" (one the cell does not catch)");
            }
            answered.add(Map.of("verified", true));
        }
        exceptionFilters = List.copyOf(set);
        debuggee.exceptionStops(set.contains("raised"), set.contains("uncaught"));
        return Map.of("breakpoints", answered);
    }

    /** Whether a front end has started debugging (initialize, until disconnect). */
    public boolean started() {
        return started;
    }

    private Map<String, Object> initialize() {
        started = true;
        // what this debugger can do, as the Debug Adapter Protocol's Capabilities
        Map<String, Object> caps = new LinkedHashMap<>();
        caps.put("supportsConfigurationDoneRequest", true);
        caps.put("supportsFunctionBreakpoints", false);
        caps.put("supportsConditionalBreakpoints", false);
        caps.put("supportsHitConditionalBreakpoints", false);
        caps.put("supportsEvaluateForHovers", true);
        caps.put("supportsSetVariable", false);
        caps.put("supportsStepBack", false);
        caps.put("supportsRestartFrame", false);
        caps.put("supportsModulesRequest", false);
        caps.put("supportsDelayedStackTraceLoading", false);
        caps.put("supportsExceptionInfoRequest", true);
        caps.put("supportsTerminateRequest", false);
        caps.put("exceptionBreakpointFilters", EXCEPTION_FILTERS);
        caps.put("supportsExceptionFilterOptions", false);
        return caps;
    }

    private Map<String, Object> attach() {
        started = true;
        // the adapter is ready for breakpoints: said after the attach response, as debugpy does
        events.sendAfterReply("initialized", Map.of());
        return null;
    }

    private Map<String, Object> disconnect() {
        started = false;
        List<String> paths;
        synchronized (breakpoints) {
            paths = new ArrayList<>(breakpoints.keySet());
            breakpoints.clear();
        }
        for (String p : paths) {
            debuggee.breakpoints(p, List.of());
        }
        exceptionFilters = List.of();
        debuggee.exceptionStops(false, false);
        debuggee.resumeAll();
        return null;
    }

    private Map<String, Object> debugInfo() {
        List<Map<String, Object>> list = new ArrayList<>();
        synchronized (breakpoints) {
            for (Map.Entry<String, List<Integer>> e : breakpoints.entrySet()) {
                List<Map<String, Object>> lines = new ArrayList<>();
                for (int line : e.getValue()) {
                    lines.add(Map.of("line", line));
                }
                list.add(Map.of("source", e.getKey(), "breakpoints", lines));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("isStarted", started);
        body.put("hashMethod", "Murmur2");
        body.put("hashSeed", Integer.toUnsignedLong(CellFiles.SEED));
        body.put("tmpFilePrefix", files.prefix());
        body.put("tmpFileSuffix", CellFiles.SUFFIX);
        body.put("breakpoints", list);
        body.put("stoppedThreads", debuggee.stoppedThreads());
        body.put("richRendering", true);
        body.put("exceptionPaths", exceptionFilters);
        body.put("copyToGlobals", false);
        return body;
    }

    private Map<String, Object> dumpCell(DebugRequest r) throws DebugException {
        try {
            return Map.of("sourcePath", files.dump(r.string("code")));
        } catch (IOException e) {
            throw new DebugException("cannot write the cell's file: " + e.getMessage());
        }
    }

    private Map<String, Object> setBreakpoints(DebugRequest r) throws DebugException {
        String path = String.valueOf(r.object("source").get("path"));
        String code = files.cellCode(path);
        int lineCount = code == null ? Integer.MAX_VALUE : (int) code.lines().count();
        List<Integer> lines = new ArrayList<>();
        List<Map<String, Object>> answered = new ArrayList<>();
        for (Object o : r.list("breakpoints")) {
            Object line = o instanceof Map ? ((Map<?, ?>) o).get("line") : null;
            if (!(line instanceof Number)) {
                throw new DebugException("setBreakpoints: each breakpoint needs a number \"line\"; got " + o);
            }
            int n = ((Number) line).intValue();
            Map<String, Object> bp = new LinkedHashMap<>();
            boolean ok = n >= 1 && n <= lineCount;
            bp.put("verified", ok);
            bp.put("line", n);
            bp.put("source", Map.of("path", path));
            if (ok) {
                lines.add(n);
            } else {
                bp.put("message", "line " + n + " is not in this cell (it has " + lineCount + " lines)");
            }
            answered.add(bp);
        }
        synchronized (breakpoints) {
            if (lines.isEmpty()) {
                breakpoints.remove(path);
            } else {
                breakpoints.put(path, List.copyOf(lines));
            }
        }
        debuggee.breakpoints(path, lines);
        return Map.of("breakpoints", answered);
    }

    private Map<String, Object> source(DebugRequest r) throws DebugException {
        String path = String.valueOf(r.object("source").get("path"));
        return Map.of("content", files.read(path));
    }
}
