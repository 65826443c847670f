package scratchnet.kernel.debug;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.Field;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.Location;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.request.StepRequest;
import scratchnet.exec.JShellNames;
import scratchnet.exec.debug.CellClass;
import scratchnet.exec.debug.CellDebugger;

/**
 * The debug commands about stopped threads: {@code threads}, {@code stackTrace}, {@code scopes},
 * {@code variables}, {@code evaluate}, {@code exceptionInfo}, {@code pause}, {@code continue},
 * {@code next}, {@code stepIn} and {@code stepOut}, and richInspectVariables in a frame
 * ({@link #richInspect}). Frames in cells name the cell's file and line; frames in scratchnet's
 * classes name the source the jar carries ({@code scratchnet-sources/scratchnet/nn/Network.java}).
 * A frame has two scopes: Locals, and Globals (the variables the cells declared, by their names).
 * Values read as {@link ValueViews} shows them; {@code variables} takes DAP's {@code start} and
 * {@code count} for a page of a Matrix's rows or an array's elements. Frame and variable
 * references hold until the thread runs on.
 * <pre>{@code
 * new ThreadCommands(cellDebugger, files, events).registerWith(requests);
 * }</pre>
 */
public final class ThreadCommands {
    /** JShell's wrapper classes, which hold the cells' variables as static fields. */
    private static final Pattern WRAPPER = Pattern.compile("^REPL\\.\\$JShell\\$(\\d+)$");
    /** Frames of the machinery between the cell agent and the cell's code: not shown. */
    private static final List<String> HIDDEN = List.of("jdk.internal.", "java.lang.reflect.", "jdk.jshell.",
            "scratchnet.exec.agent.");

    private final CellDebugger debugger;
    private final CellFiles files;
    private final DebugEvents events;
    /** variablesReference / frame id → what it stands for, valid while the threads stay stopped. */
    private final Map<Integer, Object> refs = new HashMap<>();
    /** variablesReference → the evaluateName of the entry it opens. */
    private final Map<Integer, String> paths = new HashMap<>();
    private int nextRef = 1;
    /** Objects that calls made, kept from the cell JVM's GC until the thread runs on. */
    private final List<ObjectReference> pinned = new ArrayList<>();

    private record FrameRef(long thread, int depth) {
    }

    private record LocalsRef(long thread, int depth) {
    }

    private record GlobalsRef(long thread) {
    }

    /** Commands over the cells' {@code debugger} (cells named by {@code files}), sending continued events through {@code events}. */
    public ThreadCommands(CellDebugger debugger, CellFiles files, DebugEvents events) {
        this.debugger = debugger;
        this.files = files;
        this.events = events;
    }

    /** Registers each command with the dispatcher. */
    public void registerWith(DebugRequests requests) {
        requests.register("threads", r -> threads());
        requests.register("stackTrace", r -> stackTrace(r.integer("threadId")));
        requests.register("scopes", r -> scopes(r.integer("frameId")));
        requests.register("variables", r -> variables(r.integer("variablesReference"),
                DebugRequest.number(r.arguments().get("start"), 0), DebugRequest.number(r.arguments().get("count"), 0),
                String.valueOf(r.arguments().get("filter"))));
        requests.register("evaluate", this::evaluate);
        requests.register("exceptionInfo", r -> exceptionInfo(r.integer("threadId")));
        requests.register("pause", r -> pause());
        requests.register("continue", r -> run(r, -1));
        requests.register("next", r -> run(r, StepRequest.STEP_OVER));
        requests.register("stepIn", r -> run(r, StepRequest.STEP_INTO));
        requests.register("stepOut", r -> run(r, StepRequest.STEP_OUT));
    }

    private synchronized int ref(Object target) {
        int id = nextRef++;
        refs.put(id, target);
        return id;
    }

    private synchronized Object target(int id, String what) throws DebugException {
        Object t = refs.get(id);
        if (t == null) {
            throw new DebugException("no " + what + " " + id + ": references hold only while a thread is stopped,"
                    + " until it runs on");
        }
        return t;
    }

    private Map<String, Object> threads() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (long id : debugger.stoppedThreads()) {
            list.add(Map.of("id", id, "name", debugger.thread(id).name()));
        }
        return Map.of("threads", list);
    }

    private Map<String, Object> stackTrace(long threadId) throws DebugException {
        List<StackFrame> frames;
        try {
            frames = debugger.frames(threadId);
        } catch (IllegalArgumentException e) {
            throw new DebugException(e.getMessage());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int depth = 0; depth < frames.size(); depth++) {
            Location at = frames.get(depth).location();
            String type = at.declaringType().name();
            if (HIDDEN.stream().anyMatch(type::startsWith)) {
                continue;
            }
            String method = at.method().name();
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("id", ref(new FrameRef(threadId, depth)));
            CellClass cell = debugger.cellClass(type);
            int line = at.lineNumber();
            if (cell != null) {
                f.put("name", isTopLevel(method) ? "cell" : JShellNames.strip(type + "." + method));
                f.put("source", Map.of("name", "cell", "path", files.pathOfId(cell.cellId())));
                line = Math.max(0, cell.lines().cellLine(line));
            } else if (type.startsWith("scratchnet.")) {
                f.put("name", type.substring(type.lastIndexOf('.') + 1) + "." + method);
                try {
                    f.put("source", Map.of("name", at.sourceName(), "path", CellFiles.OWN_SOURCES + at.sourcePath()));
                } catch (AbsentInformationException e) {
                    // no source file name compiled in
                }
            } else {
                f.put("name", JShellNames.strip(type) + "." + method);
                f.put("presentationHint", "subtle");
            }
            f.put("line", Math.max(0, line));
            f.put("column", 1);
            out.add(f);
            if (cell != null && isTopLevel(method)) {
                break;   // the cell's top level: below it is JShell's machinery (or do_it$ calling do_it$Aux)
            }
        }
        return Map.of("stackFrames", out, "totalFrames", out.size());
    }

    private Map<String, Object> scopes(int frameId) throws DebugException {
        Object t = target(frameId, "frame");
        if (!(t instanceof FrameRef)) {
            throw new DebugException(frameId + " is not a frame id");
        }
        FrameRef f = (FrameRef) t;
        List<Map<String, Object>> scopes = new ArrayList<>();
        scopes.add(scope("Locals", ref(new LocalsRef(f.thread(), f.depth()))));
        scopes.add(scope("Globals", ref(new GlobalsRef(f.thread()))));
        return Map.of("scopes", scopes);
    }

    private static Map<String, Object> scope(String name, int ref) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("variablesReference", ref);
        s.put("expensive", false);
        return s;
    }

    private Map<String, Object> variables(int reference, int start, int count, String filter) throws DebugException {
        Object t = target(reference, "variablesReference");
        List<Map<String, Object>> vars = new ArrayList<>();
        try {
            if (t instanceof LocalsRef) {
                LocalsRef l = (LocalsRef) t;
                StackFrame frame = debugger.frames(l.thread()).get(l.depth());
                ObjectReference self = frame.thisObject();
                if (self != null) {
                    vars.add(variable("this", self));
                }
                boolean topLevel = isTopLevel(frame.location().method().name());
                for (LocalVariable v : frame.visibleVariables()) {
                    // JShell's own temporaries at a cell's top level (y_ for "int y = …") are not the user's
                    if (!(topLevel && isJShellTemporary(v.name()))) {
                        vars.add(variable(v.name(), frame.getValue(v)));
                    }
                }
            } else if (t instanceof GlobalsRef) {
                for (Map.Entry<String, Value> e : globals(debugger.vm()).entrySet()) {
                    vars.add(variable(e.getKey(), e.getValue()));
                }
            } else {
                for (ValueViews.Item item : ValueViews.children(t, start, count)) {
                    // DAP's filter: "indexed" children are [i], "named" ones the rest
                    boolean indexed = item.name().startsWith("[");
                    if (!("indexed".equals(filter) && !indexed) && !("named".equals(filter) && indexed)) {
                        vars.add(variable(item, ValueViews.path(t, paths.get(reference), item.name())));
                    }
                }
            }
        } catch (AbsentInformationException e) {
            // compiled without local variable names: the scope is shown empty
        } catch (IllegalArgumentException e) {
            throw new DebugException(e.getMessage());
        }
        return Map.of("variables", vars);
    }

    /** The cells' variables: static fields of JShell's wrappers, a later declaration hiding an earlier one. */
    private static Map<String, Value> globals(VirtualMachine vm) {
        Map<Integer, ReferenceType> wrappers = new TreeMap<>();
        for (ReferenceType type : vm.allClasses()) {
            Matcher m = WRAPPER.matcher(type.name());
            if (m.matches() && type.isPrepared()) {
                wrappers.put(Integer.parseInt(m.group(1)), type);
            }
        }
        Map<String, Value> vars = new TreeMap<>();
        for (ReferenceType type : wrappers.values()) {
            for (Field f : type.fields()) {
                // $1, $2: JShell's names for the values of bare expressions
                if (f.isStatic() && !f.isSynthetic() && !f.name().startsWith("$")) {
                    vars.put(f.name(), type.getValue(f));
                }
            }
        }
        return vars;
    }

    /**
     * Whether a method of a cell's wrapper class runs the cell's top-level code: {@code do_it$},
     * or {@code do_it$Aux}, where JShell puts the initializer of a {@code var} declaration.
     */
    private static boolean isTopLevel(String method) {
        return method.equals("do_it$") || method.equals("do_it$Aux");
    }

    /** A name JShell gave a variable of its own in a wrapper's do_it$. */
    static boolean isJShellTemporary(String name) {
        return name.endsWith("_") || name.contains("$");
    }

    /** The type as JupyterLab's panel needs it to show the value ({@link PanelTypes}); none for objects. */
    private static void putType(Map<String, Object> v, String javaType) {
        String type = PanelTypes.of(javaType);
        if (type != null) {
            v.put("type", type);
        }
    }

    private Map<String, Object> variable(String name, Value value) {
        return variable(ValueViews.item(name, value), name);
    }

    /**
     * The DAP Variable of an entry that {@code evaluate} finds by {@code evaluateName} (null: by
     * none); what it opens into gets a variablesReference.
     */
    private Map<String, Object> variable(ValueViews.Item item, String evaluateName) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", item.name());
        v.put("value", item.value());
        putType(v, item.type());
        if (evaluateName != null) {
            v.put("evaluateName", evaluateName);
        }
        int reference = item.opens() == null ? 0 : ref(item.opens());
        if (reference > 0 && evaluateName != null) {
            synchronized (this) {
                paths.put(reference, evaluateName);
            }
        }
        v.put("variablesReference", reference);
        if (item.indexed() > 0) {
            v.put("indexedVariables", item.indexed());
        }
        return v;
    }

    /** Stops the thread running a cell where it is; the stopped event (reason "pause") says which. */
    private Map<String, Object> pause() throws DebugException {
        if (debugger.pause() < 0) {
            throw new DebugException("no cell is running (only code of cells run while the debugger is on can be paused)");
        }
        return null;
    }

    /**
     * continue (depth -1) or a step: the thread runs on, the references it had end. The continued
     * event goes first: a step can stop again before the response is out, and a front end that
     * saw continued after that stopped would take the thread for running.
     */
    private Map<String, Object> run(DebugRequest r, int depth) throws DebugException {
        long thread = r.integer("threadId");
        try {
            debugger.thread(thread);
            synchronized (this) {
                refs.clear();
                paths.clear();
                for (ObjectReference o : pinned) {
                    try {
                        o.enableCollection();
                    } catch (RuntimeException e) {
                        // the JVM is gone
                    }
                }
                pinned.clear();
            }
            events.send("continued", Map.of("threadId", thread, "allThreadsContinued", false));
            if (depth < 0) {
                debugger.resume(thread);
            } else {
                debugger.step(thread, depth);
            }
        } catch (IllegalArgumentException e) {
            throw new DebugException(e.getMessage());
        }
        return depth < 0 ? Map.of("allThreadsContinued", false) : null;
    }

    /**
     * {@code evaluate} of a name, fields, indices and a Matrix's methods without arguments (see
     * {@link Expression}) in the frame {@code frameId}, or without one in the top frame of the
     * first stopped thread.
     */
    private Map<String, Object> evaluate(DebugRequest r) throws DebugException {
        String text = r.string("expression");
        Expression e = Expression.parse(text);
        ValueViews.Item item = evaluation(r.arguments().get("frameId")).evaluate(e, text.strip());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", item.value());
        putType(body, item.type());
        int reference = item.opens() == null ? 0 : ref(item.opens());
        if (reference > 0) {
            synchronized (this) {
                paths.put(reference, text.strip());
            }
        }
        body.put("variablesReference", reference);
        if (item.indexed() > 0) {
            body.put("indexedVariables", item.indexed());
        }
        return body;
    }

    /** An evaluation in the frame {@code frameId} (a number), or the first stopped thread's top frame. */
    private Evaluation evaluation(Object frameId) throws DebugException {
        long thread;
        int depth;
        if (frameId instanceof Number) {
            Object t = target(((Number) frameId).intValue(), "frame");
            if (!(t instanceof FrameRef)) {
                throw new DebugException(frameId + " is not a frame id");
            }
            thread = ((FrameRef) t).thread();
            depth = ((FrameRef) t).depth();
        } else {
            List<Long> stopped = debugger.stoppedThreads();
            if (stopped.isEmpty()) {
                throw new DebugException("expressions are evaluated while a thread is stopped; none is");
            }
            thread = stopped.get(0);
            depth = 0;
        }
        return new Evaluation(debugger, thread, depth, globals(debugger.vm()), o -> {
            synchronized (this) {
                pinned.add(o);
            }
        });
    }

    /**
     * richInspectVariables while a thread is stopped: {@code variableName} (any expression
     * {@code evaluate} takes) in the frame {@code frameId}, as display data: its line as
     * text/plain, and a Matrix as an HTML table too.
     */
    public Map<String, Object> richInspect(DebugRequest r) throws DebugException {
        String text = r.string("variableName");
        ValueViews.Item item = evaluation(r.arguments().get("frameId")).evaluate(Expression.parse(text), text.strip());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text/plain", item.value());
        if (item.opens() instanceof ValueViews.MatrixRef m) {
            data.put("text/html", ValueViews.matrixHtml(m));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("metadata", new LinkedHashMap<>());
        return body;
    }

    /** Whether a thread is stopped, so that richInspect can answer. */
    public boolean anyStopped() {
        return !debugger.stoppedThreads().isEmpty();
    }

    /** {@code exceptionInfo}: the exception the thread stopped on. */
    private Map<String, Object> exceptionInfo(long threadId) throws DebugException {
        ObjectReference e = debugger.exception(threadId);
        if (e == null) {
            throw new DebugException("thread " + threadId + " did not stop on an exception");
        }
        String type = JShellNames.strip(e.referenceType().name());
        String message = JdiValues.message(e);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("message", message == null ? "" : message);
        details.put("typeName", type.substring(type.lastIndexOf('.') + 1));
        details.put("fullTypeName", type);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("exceptionId", type);
        body.put("description", JdiValues.exceptionText(e));
        body.put("breakMode", "always");
        body.put("details", details);
        return body;
    }

    /** The stopped event's body for a stop of {@code threadId}; a stop on an exception says which. */
    Map<String, Object> stoppedBody(long threadId, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        ObjectReference e = "exception".equals(reason) ? debugger.exception(threadId) : null;
        if (e != null) {
            String text = JdiValues.exceptionText(e);
            body.put("description", "Paused on " + text);
            body.put("text", text);
        }
        body.put("threadId", threadId);
        body.put("preserveFocusHint", false);
        body.put("allThreadsStopped", false);
        return body;
    }
}
