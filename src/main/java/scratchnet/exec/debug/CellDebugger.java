package scratchnet.exec.debug;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.Location;
import com.sun.jdi.Method;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.LocatableEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import com.sun.jdi.request.StepRequest;

/**
 * Breakpoints and stepping in cells, through the debugger connection (JDI) to the cell JVM. It
 * keeps the breakpoint lines of each cell (by its id) and the classes JShell loaded for each
 * cell's code, and sets a JDI breakpoint where both meet, whichever comes first. A thread that
 * hits one stays suspended until {@link #resume} or a {@link #step}; the cell's execute_request
 * stays pending meanwhile. An interrupt {@link #release}s every stopped thread and keeps the
 * breakpoints off until the next cell, so it always ends the cell. A step goes on until the cell
 * line changes (JShell's wrapper spreads one cell line over several class lines), and a step over
 * the last line of one snippet stops at the start of the cell's next snippet, which JShell runs
 * as a class of its own.
 * <p>
 * Steps do not use the JVM's single-stepping (JDI step requests): on JDK 17 a frame where a JDI
 * step ended stays interpreted until it returns, and a cell's frame may run a whole training
 * loop. A step sets breakpoints, for the stepping thread only, on every line of the methods on
 * its stack (and, stepping into, a stop where the next scratchnet or cell method is entered), and
 * stops at the first that ends it: another line in the same frame, or any line of a caller. So a
 * step out, or a step over a method's last line, stops at the start of the caller's next line.
 * <pre>{@code
 * debugger.attach(vm);                                   // each new cell JVM
 * debugger.breakpoints("501940937.java", List.of(2));     // from setBreakpoints
 * debugger.loaded(new CellClass("501940937.java", "REPL.$JShell$12", table));   // as JShell loads a cell's class
 * // the JVM's events go through debugger.handle(event): true keeps the thread stopped
 * }</pre>
 */
public final class CellDebugger {
    /** The property that marks this debugger's requests. */
    private static final String MINE = "scratchnet.debug";
    /** Classes a step does not stop in: the JDK's and the cell machinery's. */
    private static final List<String> NOT_STEPPED = List.of("java.*", "javax.*", "jdk.*", "sun.*", "com.sun.*",
            "scratchnet.exec.*");

    private VirtualMachine vm;
    private StopListener listener = (id, reason) -> { };
    /** Cell id → cell lines to stop at. */
    private final Map<String, List<Integer>> lines = new HashMap<>();
    /** Cell id → the classes loaded for it. */
    private final Map<String, List<CellClass>> classes = new HashMap<>();
    private final Map<String, CellClass> byName = new HashMap<>();
    private final Map<String, List<BreakpointRequest>> requests = new HashMap<>();
    private final Map<Long, ThreadReference> stopped = new LinkedHashMap<>();
    /** Set by an interrupt: nothing stops until the next cell. */
    private boolean released;
    /** Thread id → where its step under way began. */
    private final Map<Long, StepOrigin> steps = new HashMap<>();
    /** One-shot stops at the start of the cell's next snippets, for a step over or out of a snippet's end. */
    private final List<BreakpointRequest> entries = new ArrayList<>();
    /** The stops of a step under way: the lines of the methods on its stack, for a step into the starts of methods. */
    private final List<BreakpointRequest> lineSteps = new ArrayList<>();

    /**
     * Where a step began: the cell and its line, or outside the cells the method and its source
     * line; the stack's depth; the step's kind.
     */
    private record StepOrigin(String where, int line, int frames, int depth) {
    }

    /** Tells {@code l} about every stop. */
    public synchronized void listen(StopListener l) {
        this.listener = l;
    }

    /** Debugs the cells of a (new) cell JVM: what was loaded in the previous one is forgotten, the breakpoint lines kept. */
    public synchronized void attach(VirtualMachine machine) {
        vm = machine;
        classes.clear();
        byName.clear();
        requests.clear();
        stopped.clear();
        steps.clear();
        entries.clear();
        lineSteps.clear();
    }

    /** Notes a class JShell loaded for a cell, and sets the cell's breakpoints in it. */
    public synchronized void loaded(CellClass c) {
        classes.computeIfAbsent(c.cellId(), k -> new ArrayList<>()).add(c);
        byName.put(c.className(), c);
        install(c, lines.getOrDefault(c.cellId(), List.of()));
        if (!steps.isEmpty()) {
            // a step left the snippet it was in: it ends where the cell's next snippet starts
            stopAtEntry(c);
        }
    }

    /** A one-shot stop where the class's snippet starts (its do_it$). */
    private void stopAtEntry(CellClass c) {
        try {
            for (ReferenceType type : vm.classesByName(c.className())) {
                for (Method m : type.methodsByName("do_it$")) {
                    Location start = m.location();
                    if (start == null || start.codeIndex() < 0) {
                        continue;
                    }
                    BreakpointRequest r = vm.eventRequestManager().createBreakpointRequest(start);
                    r.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
                    r.putProperty(MINE, "entry");
                    r.enable();
                    entries.add(r);
                }
            }
        } catch (RuntimeException e) {
            // the JVM is gone
        }
    }

    /** Where a location is: its cell and cell line, or outside the cells its method and source line. */
    private StepOrigin placeOf(Location at, int frames, int depth) {
        CellClass c = byName.get(at.declaringType().name());
        return c == null ? new StepOrigin(at.method().toString(), at.lineNumber(), frames, depth)
                : new StepOrigin(c.cellId(), c.lines().cellLine(at.lineNumber()), frames, depth);
    }

    /** Stops at {@code cellLines} of the cell {@code cellId} from now on (an empty list clears them). */
    public synchronized void breakpoints(String cellId, List<Integer> cellLines) {
        for (BreakpointRequest r : requests.getOrDefault(cellId, List.of())) {
            try {
                vm.eventRequestManager().deleteEventRequest(r);
            } catch (RuntimeException e) {
                // the JVM is gone
            }
        }
        requests.remove(cellId);
        if (cellLines.isEmpty()) {
            lines.remove(cellId);
            return;
        }
        lines.put(cellId, List.copyOf(cellLines));
        for (CellClass c : classes.getOrDefault(cellId, List.of())) {
            install(c, cellLines);
        }
    }

    /** Sets a JDI breakpoint at the first code of each cell line in the class. */
    private void install(CellClass c, List<Integer> cellLines) {
        if (vm == null || cellLines.isEmpty()) {
            return;
        }
        try {
            EventRequestManager erm = vm.eventRequestManager();
            for (ReferenceType type : vm.classesByName(c.className())) {
                for (int cellLine : cellLines) {
                    for (int classLine : c.lines().classLines(cellLine)) {
                        List<Location> at = new ArrayList<>();
                        for (Location l : type.locationsOfLine(classLine)) {
                            // the wrapper's constructor sits on its class line, which JShell wrote
                            if (!l.method().isConstructor() && !l.method().isStaticInitializer()) {
                                at.add(l);
                            }
                        }
                        if (at.isEmpty()) {
                            continue;
                        }
                        for (Location l : at) {
                            BreakpointRequest r = erm.createBreakpointRequest(l);
                            r.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
                            r.putProperty(MINE, "breakpoint");
                            r.enable();
                            requests.computeIfAbsent(c.cellId(), k -> new ArrayList<>()).add(r);
                        }
                        break;   // the first class line with code: one stop per cell line
                    }
                }
            }
        } catch (AbsentInformationException | RuntimeException e) {
            // no line table, or the JVM is gone: nothing to stop at
        }
    }

    /**
     * Handles a debugger event if it is one of this debugger's (a breakpoint or a step); returns
     * true when its thread stays stopped (the caller must not resume it).
     */
    public boolean handle(Event e) {
        if (!(e instanceof BreakpointEvent) || e.request().getProperty(MINE) == null) {
            return false;
        }
        ThreadReference thread = ((LocatableEvent) e).thread();
        long id = thread.uniqueID();
        Object kind = e.request().getProperty(MINE);
        boolean step = !"breakpoint".equals(kind);
        StopListener l;
        synchronized (this) {
            if (released) {
                return false;
            }
            if (stopped.containsKey(id)) {
                // a second event of the same stop (a breakpoint where a step ends): stopped already
                return true;
            }
            StepOrigin origin = steps.get(id);
            if ("line-step".equals(kind)) {
                if (origin == null || !endsLineStep(thread, ((LocatableEvent) e).location(), origin)) {
                    return false;
                }
            }
            steps.remove(id);
            dropEntries();
            dropLineSteps();
            stopped.put(id, thread);
            l = listener;
        }
        l.stopped(id, step ? "step" : "breakpoint");
        return true;
    }

    /**
     * Suspends a thread that is running a cell's code (one with a cell's class on its stack) and
     * returns its id, or -1 when none is.
     */
    public long pause() {
        ThreadReference paused = null;
        StopListener l;
        synchronized (this) {
            if (vm == null) {
                return -1;
            }
            for (ThreadReference t : vm.allThreads()) {
                if (stopped.containsKey(t.uniqueID())) {
                    continue;
                }
                t.suspend();
                if (runsCell(t)) {
                    paused = t;
                    break;
                }
                t.resume();
            }
            if (paused == null) {
                return -1;
            }
            stopped.put(paused.uniqueID(), paused);
            l = listener;
        }
        l.stopped(paused.uniqueID(), "pause");
        return paused.uniqueID();
    }

    private boolean runsCell(ThreadReference t) {
        try {
            for (StackFrame f : t.frames()) {
                if (byName.containsKey(f.location().declaringType().name())) {
                    return true;
                }
            }
        } catch (IncompatibleThreadStateException | RuntimeException e) {
            // not suspended after all, or gone
        }
        return false;
    }

    /** The ids of the stopped threads. */
    public synchronized List<Long> stoppedThreads() {
        return new ArrayList<>(stopped.keySet());
    }

    /**
     * A stopped thread.
     *
     * @throws IllegalArgumentException when no thread with that id is stopped
     */
    public synchronized ThreadReference thread(long id) {
        ThreadReference t = stopped.get(id);
        if (t == null) {
            throw new IllegalArgumentException("thread " + id + " is not stopped; stopped: " + stopped.keySet());
        }
        return t;
    }

    /** The cell class named {@code className}, or null when it is not a cell's. */
    public synchronized CellClass cellClass(String className) {
        return byName.get(className);
    }

    /** The frames of a stopped thread, innermost first. */
    public List<StackFrame> frames(long threadId) {
        try {
            return thread(threadId).frames();
        } catch (IncompatibleThreadStateException e) {
            throw new IllegalArgumentException("thread " + threadId + " is running", e);
        }
    }

    /** Lets a stopped thread run on. */
    public synchronized void resume(long threadId) {
        ThreadReference t = thread(threadId);
        stopped.remove(threadId);
        t.resume();
    }

    /** Runs a stopped thread to the next line ({@link StepRequest#STEP_OVER}, {@code STEP_INTO} or {@code STEP_OUT}). */
    public synchronized void step(long threadId, int depth) {
        ThreadReference t = thread(threadId);
        try {
            steps.put(threadId, placeOf(t.frame(0).location(), t.frameCount(), depth));
            createLineStep(t, depth);
        } catch (IncompatibleThreadStateException e) {
            throw new IllegalArgumentException("thread " + threadId + " is running", e);
        }
        stopped.remove(threadId);
        t.resume();
    }

    /**
     * Whether a step begun at {@code origin} ends at the line {@code at} the stepping thread hit:
     * in a caller, or (stepping over or into) in the same frame on another line; a step into also
     * ends in a method it called.
     */
    private boolean endsLineStep(ThreadReference t, Location at, StepOrigin origin) {
        try {
            StepOrigin here = placeOf(at, t.frameCount(), origin.depth());
            if (here.frames() < origin.frames()) {
                return true;
            }
            if (here.frames() > origin.frames()) {
                return origin.depth() == StepRequest.STEP_INTO;
            }
            return origin.depth() != StepRequest.STEP_OUT && !here.equals(origin);
        } catch (IncompatibleThreadStateException e) {
            return true;
        }
    }

    /**
     * Stops for thread {@code t} on every line of the methods on its stack (but the JDK's and the
     * cell machinery's), and for a step into where the next scratchnet or cell method is entered.
     */
    private void createLineStep(ThreadReference t, int depth) throws IncompatibleThreadStateException {
        dropLineSteps();
        EventRequestManager erm = vm.eventRequestManager();
        Set<Method> methods = new LinkedHashSet<>();
        for (StackFrame f : t.frames()) {
            Method m = f.location().method();
            if (!excluded(m.declaringType().name())) {
                methods.add(m);
            }
        }
        for (Method m : methods) {
            List<Location> all;
            try {
                all = m.allLineLocations();
            } catch (AbsentInformationException e) {
                continue;
            }
            for (Location l : all) {
                addLineStep(erm, t, l);
            }
        }
        if (depth == StepRequest.STEP_INTO) {
            // where the next scratchnet or cell method starts (a method-entry request would do, but
            // on JDK 17 one made while the thread is suspended may never fire)
            for (ReferenceType type : vm.allClasses()) {
                String name = type.name();
                if (!(name.startsWith("REPL.") || name.startsWith("scratchnet.")) || excluded(name) || !type.isPrepared()) {
                    continue;
                }
                for (Method m : type.methods()) {
                    Location start = m.location();
                    if (m.isAbstract() || m.isNative() || m.isStaticInitializer() || start == null || start.lineNumber() < 0
                            || !methods.add(m)) {
                        continue;
                    }
                    addLineStep(erm, t, start);
                }
            }
        }
    }

    private void addLineStep(EventRequestManager erm, ThreadReference t, Location l) {
        BreakpointRequest r = erm.createBreakpointRequest(l);
        r.addThreadFilter(t);
        r.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
        r.putProperty(MINE, "line-step");
        r.enable();
        lineSteps.add(r);
    }

    private void dropLineSteps() {
        for (BreakpointRequest r : lineSteps) {
            try {
                vm.eventRequestManager().deleteEventRequest(r);
            } catch (RuntimeException e) {
                // the JVM is gone
            }
        }
        lineSteps.clear();
    }

    /** Whether a class is one a step does not stop in. */
    private static boolean excluded(String className) {
        for (String pattern : NOT_STEPPED) {
            if (className.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    private void dropEntries() {
        for (BreakpointRequest r : entries) {
            try {
                vm.eventRequestManager().deleteEventRequest(r);
            } catch (RuntimeException e) {
                // the JVM is gone
            }
        }
        entries.clear();
    }

    /** Lets every stopped thread run on and drops the steps under way. */
    public synchronized void resumeAll() {
        dropSteps();
        for (ThreadReference t : stopped.values()) {
            try {
                t.resume();
            } catch (RuntimeException e) {
                // gone
            }
        }
        stopped.clear();
    }

    /** An interrupt: every stopped thread runs on, and nothing stops until {@link #cellStarted}. */
    public synchronized void release() {
        released = true;
        resumeAll();
    }

    /** A cell starts: breakpoints stop again. */
    public synchronized void cellStarted() {
        released = false;
    }

    /** A cell ended: a step still under way (out of the cell's code) must not stop the next cell. */
    public synchronized void cellEnded() {
        dropSteps();
    }

    private void dropSteps() {
        steps.clear();
        if (vm == null) {
            return;
        }
        dropEntries();
        dropLineSteps();
    }

    /** The cell JVM, while one is attached. */
    public synchronized VirtualMachine vm() {
        return vm;
    }
}
