package scratchnet.exec.debug;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.ClassNotLoadedException;
import com.sun.jdi.ClassType;
import com.sun.jdi.Field;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.InvalidTypeException;
import com.sun.jdi.InvocationException;
import com.sun.jdi.Location;
import com.sun.jdi.Method;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.ExceptionEvent;
import com.sun.jdi.event.LocatableEvent;
import com.sun.jdi.event.MethodEntryEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import com.sun.jdi.request.ExceptionRequest;
import com.sun.jdi.request.StepRequest;
import scratchnet.exec.agent.DebugCall;

/**
 * Breakpoints and stepping in cells, through the debugger connection (JDI) to the cell JVM. It
 * keeps the breakpoint lines of each cell (by its id) and the classes JShell loaded for each
 * cell's code, and sets a JDI breakpoint where both meet, whichever comes first. A thread that
 * hits one stays suspended until {@link #resume} or a {@link #step}; the cell's execute_request
 * stays pending meanwhile. An interrupt {@link #release}s every stopped thread and keeps the
 * breakpoints off until the next cell, so it always ends the cell. A step goes on until the cell
 * line changes (JShell's wrapper spreads one cell line over several class lines), and a step over
 * the last line of one snippet stops at the start of the cell's next snippet, which JShell runs
 * as a class of its own. Steps are made of one-shot breakpoints ({@link StepStops}), so a stepped
 * cell runs on at full speed. With {@link #exceptionStops} on, a thread also stops where an exception
 * is thrown in the cells' or scratchnet's code ({@code raised}), or where one is thrown that no
 * code of the cell catches ({@code uncaught}); the stop's reason is "exception".
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

    /** How long JDI may take to learn of a class JShell loaded (see {@link #typesOf}). */
    private static final long KNOWN_WITHIN_NANOS = 5_000_000_000L;

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
    /** Thread id → the requests of its step under way ({@link StepStops}). */
    private final Map<Long, List<EventRequest>> stepStops = new HashMap<>();
    /** One-shot stops at the start of the cell's next snippets, for a step over or out of a snippet's end. */
    private final List<BreakpointRequest> entries = new ArrayList<>();
    /** Which exceptions stop a thread: thrown in user code, and not caught by it. */
    private boolean raised;
    private boolean uncaught;
    private ExceptionRequest exceptionRequest;
    /** The exception stopped on last: it stops once, not again at each rethrow. */
    private ObjectReference lastException;
    /** Thread id → the exception it stopped on. */
    private final Map<Long, ObjectReference> exceptions = new HashMap<>();
    /** Threads running a method for {@link #call}: nothing they meet stops them. */
    private final Set<Long> invoking = ConcurrentHashMap.newKeySet();
    /** Taken by a {@link #call}: one at a time uses DebugCall's field. */
    private final Object calling = new Object();

    /** Where a step began: the cell and line (null outside cells), the stack's depth, the step's kind. */
    private record StepOrigin(String path, int line, int frames, int depth) {
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
        stepStops.clear();
        entries.clear();
        exceptions.clear();
        exceptionRequest = null;
        lastException = null;
        installExceptionRequest();
    }

    /**
     * Stops threads on exceptions from now on: {@code raised} where any is thrown in a cell's or
     * scratchnet's code, {@code uncaught} where one is thrown that the cell's code does not catch
     * (it would end the cell); both false stops none.
     */
    public synchronized void exceptionStops(boolean raised, boolean uncaught) {
        this.raised = raised;
        this.uncaught = uncaught;
        installExceptionRequest();
    }

    private void installExceptionRequest() {
        if (vm == null) {
            return;
        }
        try {
            EventRequestManager erm = vm.eventRequestManager();
            if (exceptionRequest != null) {
                erm.deleteEventRequest(exceptionRequest);
                exceptionRequest = null;
            }
            if (raised || uncaught) {
                // every exception, caught or not: JShell catches them all, so "uncaught" is decided in handle
                exceptionRequest = erm.createExceptionRequest(null, true, true);
                if (!uncaught) {
                    // only throws in user code count: the JDK's own need not reach the kernel
                    for (String pattern : NOT_STEPPED) {
                        exceptionRequest.addClassExclusionFilter(pattern);
                    }
                }
                exceptionRequest.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
                exceptionRequest.putProperty(MINE, "exception");
                exceptionRequest.enable();
            }
        } catch (RuntimeException e) {
            // the JVM is gone
        }
    }

    /** Whether an exception event stops its thread, by the filters set. */
    private boolean stopsOn(ExceptionEvent e) {
        String thrownIn = e.location().declaringType().name();
        boolean userCode = byName.containsKey(thrownIn)
                || thrownIn.startsWith("scratchnet.") && !thrownIn.startsWith("scratchnet.exec.") && runsCell(e.thread());
        if (raised && userCode) {
            return true;
        }
        return uncaught && escapesCell(e);
    }

    /**
     * Whether the exception leaves a cell's code uncaught: going up the stack from where it was
     * thrown, a cell's top level (its do_it$) comes before the method that catches it.
     */
    private boolean escapesCell(ExceptionEvent e) {
        Location caught = e.catchLocation();
        try {
            for (StackFrame f : e.thread().frames()) {
                Location at = f.location();
                if (caught != null && at.method().equals(caught.method())) {
                    return false;
                }
                if (at.method().name().equals("do_it$") && byName.containsKey(at.declaringType().name())) {
                    return true;
                }
            }
        } catch (IncompatibleThreadStateException | RuntimeException x) {
            // cannot tell: do not stop
        }
        return false;
    }

    /** The exception thread {@code threadId} stopped on, or null when it stopped for another reason. */
    public synchronized ObjectReference exception(long threadId) {
        return exceptions.get(threadId);
    }

    /**
     * Calls {@code object}'s public method {@code method} without arguments in the stopped thread,
     * the other threads left as they are; nothing it meets stops it. What it returns comes back
     * kept from collection ({@link ObjectReference#disableCollection}): the caller lets it go with
     * {@code enableCollection} when done. The thread's frames must be read anew afterwards.
     * <pre>{@code
     * ObjectReference t = (ObjectReference) debugger.call(threadId, dz, "T");
     * // … read it …
     * t.enableCollection();
     * }</pre>
     *
     * @throws IllegalArgumentException when the thread is not stopped at a breakpoint, step or exception
     * @throws InvocationException when the method threw (its exception is kept from collection too)
     */
    public Value call(long threadId, ObjectReference object, String method) throws InvocationException {
        ThreadReference t = thread(threadId);
        List<ReferenceType> types = vm.classesByName(DebugCall.class.getName());
        if (types.isEmpty()) {
            throw new IllegalStateException("the class " + DebugCall.class.getName() + " is not loaded");
        }
        ClassType type = (ClassType) types.get(0);
        Field held = type.fieldByName("held");
        synchronized (calling) {
            invoking.add(threadId);
            try {
                // the result is held by DebugCall.held while it is read and kept here (the name
                // goes as its hash code: a String made here could be collected before the call)
                type.invokeMethod(t, type.concreteMethodByName("call", "(Ljava/lang/Object;I)V"),
                        List.of(object, vm.mirrorOf(method.hashCode())), ClassType.INVOKE_SINGLE_THREADED);
                return kept(type.getValue(held));
            } catch (InvocationException e) {
                kept(type.getValue(held));
                throw e;
            } catch (IncompatibleThreadStateException e) {
                throw new IllegalArgumentException("methods can be called only in a thread stopped at a breakpoint,"
                        + " a step or an exception, not in one paused", e);
            } catch (InvalidTypeException | ClassNotLoadedException e) {
                throw new IllegalArgumentException("cannot call " + method + ": " + e, e);
            } finally {
                invoking.remove(threadId);
                clear(type, held);
            }
        }
    }

    /** {@code v} kept from collection, when it is an object. */
    private static Value kept(Value v) {
        if (v instanceof ObjectReference o) {
            o.disableCollection();
        }
        return v;
    }

    private static void clear(ClassType type, Field field) {
        try {
            type.setValue(field, null);
        } catch (InvalidTypeException | ClassNotLoadedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Notes a class JShell loaded for a cell, and sets the cell's breakpoints in it. */
    public synchronized void loaded(CellClass c) {
        classes.computeIfAbsent(c.cellId(), k -> new ArrayList<>()).add(c);
        byName.put(c.className(), c);
        install(c, lines.getOrDefault(c.cellId(), List.of()));
        for (StepOrigin o : steps.values()) {
            if (o.depth() != StepRequest.STEP_INTO && c.cellId().equals(o.path())) {
                stopAtEntry(c);
                break;
            }
        }
    }

    /** A one-shot stop where the class's snippet starts (its do_it$). */
    private void stopAtEntry(CellClass c) {
        try {
            for (ReferenceType type : typesOf(c.className())) {
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

    /**
     * The debugger's view of a class JShell has just loaded. Once JDI has listed all classes it
     * answers from a cache kept by class-prepare events, which its own thread handles a moment
     * after the class is loaded: asked too early it would say "no such class" and the cell would
     * run past its breakpoints. So ask again until it knows the class (briefly: it is loaded).
     */
    private List<ReferenceType> typesOf(String className) {
        long deadline = System.nanoTime() + KNOWN_WITHIN_NANOS;
        List<ReferenceType> types = vm.classesByName(className);
        while (types.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            types = vm.classesByName(className);
        }
        return types;
    }

    /** The cell and line of a location, or null outside the cells' code. */
    private StepOrigin cellLineOf(Location at, int frames, int depth) {
        CellClass c = byName.get(at.declaringType().name());
        return c == null ? new StepOrigin(null, -1, frames, depth)
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
            for (ReferenceType type : typesOf(c.className())) {
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
                            r.putProperty(MINE, c.cellId());
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
     * Handles a debugger event if it is one of this debugger's (a breakpoint, or a stop of a
     * step); returns true when its thread stays stopped (the caller must not resume it).
     */
    public boolean handle(Event e) {
        if (!(e instanceof BreakpointEvent || e instanceof MethodEntryEvent || e instanceof ExceptionEvent)
                || e.request() == null || e.request().getProperty(MINE) == null) {
            return false;
        }
        ThreadReference thread = ((LocatableEvent) e).thread();
        long id = thread.uniqueID();
        if (invoking.contains(id)) {
            return false;
        }
        Object kind = e.request().getProperty(StepStops.KIND);
        boolean step = kind != null || "entry".equals(e.request().getProperty(MINE));
        StopListener l;
        synchronized (this) {
            if (released) {
                return false;
            }
            if (stopped.containsKey(id)) {
                return true;   // another request at the same place has stopped it
            }
            StepOrigin origin = steps.get(id);
            if (e instanceof ExceptionEvent) {
                ObjectReference thrown = ((ExceptionEvent) e).exception();
                // rethrown on its way up (a finally block ends with a throw): it stopped once already
                if (thrown.equals(lastException) || !stopsOn((ExceptionEvent) e)) {
                    return false;
                }
                lastException = thrown;
                exceptions.put(id, thrown);
            } else if (kind != null && (origin == null || !stepStopsHere(kind, e, thread, origin))) {
                return false;
            }
            steps.remove(id);
            dropEntries();
            dropStepStops(id);
            stopped.put(id, thread);
            l = listener;
        }
        l.stopped(id, e instanceof ExceptionEvent ? "exception" : step ? "step" : "breakpoint");
        return true;
    }

    /** Whether a step's request that {@code thread} met is where the step ends. */
    private static boolean stepStopsHere(Object kind, Event e, ThreadReference thread, StepOrigin origin) {
        try {
            if (StepStops.LINE.equals(kind)) {
                // another line of the method the step began in, not a deeper call of it
                return thread.frameCount() == origin.frames();
            }
            if (StepStops.RETURN.equals(kind)) {
                return thread.frameCount() == (Integer) e.request().getProperty(StepStops.FRAMES);
            }
            return e instanceof MethodEntryEvent && StepStops.hasLines(((MethodEntryEvent) e).method());
        } catch (IncompatibleThreadStateException | RuntimeException x) {
            return true;   // cannot tell: stop here
        }
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
        exceptions.remove(threadId);
        t.resume();
    }

    /** Runs a stopped thread to the next line ({@link StepRequest#STEP_OVER}, {@code STEP_INTO} or {@code STEP_OUT}). */
    public synchronized void step(long threadId, int depth) {
        ThreadReference t = thread(threadId);
        dropStepStops(threadId);
        try {
            Location here = t.frame(0).location();
            StepOrigin origin = cellLineOf(here, t.frameCount(), depth);
            stepStops.put(threadId, StepStops.create(vm, t, depth, l -> sameLine(here, origin, l), MINE, "step",
                    CellDebugger::notStepped, NOT_STEPPED));
            steps.put(threadId, origin);
        } catch (IncompatibleThreadStateException e) {
            throw new IllegalArgumentException("thread " + threadId + " is running", e);
        }
        stopped.remove(threadId);
        exceptions.remove(threadId);
        t.resume();
    }

    /**
     * Whether {@code l} is on the line a step began on: the same cell line of the same cell (whose
     * code JShell may spread over two methods, do_it$ and do_it$Aux), elsewhere the same line of
     * the same method.
     */
    private boolean sameLine(Location here, StepOrigin origin, Location l) {
        CellClass c = byName.get(l.declaringType().name());
        if (origin.path() != null && c != null) {
            return c.cellId().equals(origin.path()) && c.lines().cellLine(l.lineNumber()) == origin.line();
        }
        return l.method().equals(here.method()) && l.lineNumber() == here.lineNumber();
    }

    /** Whether a step never stops in the class {@code className}: the JDK's and the cell machinery's. */
    private static boolean notStepped(String className) {
        for (String pattern : NOT_STEPPED) {
            if (className.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    private void dropStepStops(long threadId) {
        List<EventRequest> old = stepStops.remove(threadId);
        if (old == null || vm == null) {
            return;
        }
        try {
            vm.eventRequestManager().deleteEventRequests(old);
        } catch (RuntimeException e) {
            // the JVM is gone
        }
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
        exceptions.clear();
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
        for (Long id : new ArrayList<>(stepStops.keySet())) {
            dropStepStops(id);
        }
        if (vm == null) {
            return;
        }
        dropEntries();
    }

    /** The cell JVM, while one is attached. */
    public synchronized VirtualMachine vm() {
        return vm;
    }
}
