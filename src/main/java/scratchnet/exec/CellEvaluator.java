package scratchnet.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import scratchnet.exec.debug.CellClass;
import scratchnet.exec.debug.CellDebugger;
import scratchnet.exec.debug.LineTable;
import scratchnet.settings.Settings;

/**
 * Runs notebook cells with JShell in a separate JVM (JShell's JDI execution engine), so that a
 * running cell can always be stopped, even a busy loop, on every JDK. The cell JVM gets the
 * scratchnet jar on its class path, the DSL imported, headless AWT, and display frames on.
 * The parts: {@link CellSession} (the JShell and its JVM), {@link SnippetSplitter} (a cell into
 * snippets), {@link Tracebacks} (errors with cell lines), {@link CellStopper} (interrupts),
 * {@link SyncMarks} (all output in before the cell ends), {@link UnfinishedInput} (cells cut
 * short), {@link InterruptBacklog} (a flood of output at an interrupt).
 * <pre>{@code
 * try (CellEvaluator ev = new CellEvaluator(sink, classPath, List.of())) {
 *     ev.execute("var x = arange(0, 1, 0.01); x.sum()", 1);
 * }
 * }</pre>
 */
public final class CellEvaluator implements AutoCloseable {
    /** How long a comm message from the front end waits for the cell JVM to start, in seconds. */
    private static final long COMM_START_WAIT_S = 60;

    /** What every cell starts with (the JShell launcher starts with these too). */
    public static final List<String> IMPORTS = List.of(
            "import java.util.*;", "import java.util.function.*;", "import java.util.stream.*;",
            "import java.io.*;", "import java.nio.file.*;", "import java.math.*;",
            "import static scratchnet.Dsl.*;", "import scratchnet.engine.Matrix;", "import scratchnet.nn.*;",
            "import scratchnet.display.DisplayHandle;", "import scratchnet.plot.*;", "import scratchnet.data.*;",
            "import scratchnet.widgets.*;",
            "import org.knowm.xchart.*;", "import org.knowm.xchart.style.*;", "import tech.tablesaw.api.*;");

    private final SyncMarks sink;
    /** Holds back a flood of output after an interrupt, so the cell's end is not stuck behind it. */
    private final InterruptBacklog backlog;
    /** Caps each cell's text; {@link #beginCell()} resets it. */
    private final OutputLimit limit;
    /** The output as given, told when the cell JVM is replaced. */
    private final CellOutput output;
    private final String classPath;
    private final List<String> jvmOptions;
    /** What {@code %classpath} added: a restarted session gets it again. */
    private final List<String> addedClassPath = new ArrayList<>();
    private final Tracebacks tracebacks = new Tracebacks();
    private final CellStopper stopper = new CellStopper(() -> this.session);
    /** Starts the first session in the background: the kernel answers Jupyter at once, the first cell waits. */
    private final FutureTask<Void> starting;
    private volatile CellSession session;
    private boolean clearInterruptFlag;
    /** Breakpoints and steps in the cells. */
    private final CellDebugger debugger = new CellDebugger();
    /** The id of the cell being run (see {@link CellClass}), or null when its classes need not be noted. */
    private volatile String cellId;
    /** The code being run and the segment JShell is evaluating (null between segments). */
    private volatile String runningCode;
    private volatile Segment runningSegment;
    /** Held while code of a cell runs, so {@link #whenIdle} never evaluates in a busy session. */
    private final ReentrantLock running = new ReentrantLock();

    /**
     * Starts a session (in the background) whose cells run in a JVM with {@code classPath} and
     * {@code jvmOptions}, sending their output to {@code sink}; each cell may send at most
     * {@link Settings#cellOutputBytes()} of text, then a notice.
     *
     * @throws IllegalArgumentException when that setting is malformed
     */
    public CellEvaluator(CellOutput sink, String classPath, List<String> jvmOptions) {
        this.output = sink;
        // the cell JVM's output: sync marks taken out, each cell's text capped, and a flood after
        // an interrupt held back
        this.backlog = new InterruptBacklog(sink);
        this.limit = new OutputLimit(backlog, Settings.cellOutputBytes());
        this.sink = new SyncMarks(limit);
        this.classPath = classPath;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.starting = new FutureTask<>(() -> {
            session = CellSession.start(this.sink, classPath, this.jvmOptions, addedClassPath, debugger,
                    this::classesLoaded);
            return null;
        });
        Thread t = new Thread(starting, "scratchnet-cell-jvm-start");
        t.setDaemon(true);
        t.start();
    }

    /** Waits until the cell JVM is up; a failure to start becomes the cell's error. */
    private void ready() throws CellException {
        try {
            starting.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String msg = "the Java session for the cells could not start: " + cause.getMessage();
            throw new CellException("KernelStartError", msg, List.of(Ansi.red("KernelStartError") + ": " + msg));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CellException("Interrupted", "interrupted while the Java session was starting", List.of());
        }
    }

    /** Like {@link #ready()}, for completion and inspection: false when the session is not up. */
    private boolean isReady() {
        try {
            ready();
            return true;
        } catch (CellException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ lifecycle

    /** Stops the cell JVM and frees the session. */
    @Override
    public void close() {
        if (!starting.isDone()) {
            // still starting: end the half-started cell JVM instead of waiting for it (the start
            // thread is a daemon, so it cannot keep the kernel's process alive)
            ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly);
            try {
                starting.get(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                // it failed to start, as intended, or is still failing: nothing more to close
                return;
            }
        }
        synchronized (this) {
            closeSession();
        }
    }

    private void closeSession() {
        CellSession s = session;
        if (s != null) {
            s.close();
        }
    }

    /** Replaces the cell JVM with a fresh one (all variables are lost). */
    private synchronized void restart() {
        closeSession();
        tracebacks.clear();
        output.restarted();
        session = CellSession.start(sink, classPath, jvmOptions, addedClassPath, debugger, this::classesLoaded);
    }

    // ------------------------------------------------------------------ debugging

    /** The debugger of the cells: breakpoints, steps, stopped threads. */
    public CellDebugger debugger() {
        return debugger;
    }

    /**
     * The code run from now on is the cell {@code cellId} (see {@link CellClass}): the debugger
     * notes its classes, so breakpoints set in it later stop there; null notes nothing.
     */
    public void cellId(String cellId) {
        this.cellId = cellId;
    }

    /** JShell loaded classes for the segment being run: tell the debugger where their lines are in the cell. */
    private void classesLoaded(List<String> names) {
        String path = cellId;
        Segment seg = runningSegment;
        String code = runningCode;
        CellSession s = session;
        if (path == null || seg == null || code == null || s == null) {
            return;
        }
        // the snippet's text starts with the blank space before the statement
        int firstLine = SnippetSplitter.lineOf(code, seg.start() - (seg.source().length() - seg.source().stripLeading().length()));
        for (String name : names) {
            LineTable table = JShellWraps.lineTable(s.shell(), name, seg.source(), firstLine);
            if (table != null) {
                debugger.loaded(new CellClass(path, name, table));
            }
        }
    }

    // ------------------------------------------------------------------ running cells

    /**
     * A new notebook cell begins: its text output counts from zero towards the per-cell limit
     * (a cell may run as several {@link #execute} calls, between its line magics).
     */
    public void beginCell() {
        limit.cellStarted();
    }

    /**
     * Runs a cell: each statement or declaration in order, stopping at the first error. If the last
     * one is an expression, its value is shown as the cell's result.
     *
     * @throws CellException for compile errors, exceptions in the cell, and interrupts
     */
    public void execute(String code, int cell) throws CellException {
        ready();
        running.lock();
        try {
            executeHeld(code, cell);
        } finally {
            running.unlock();
        }
    }

    private void executeHeld(String code, int cell) throws CellException {
        if (cell <= 1) {
            StartTrace.mark("first cell starts");
        }
        if (session.ended()) {
            // the cell JVM died between cells (killed from outside, or by a thread of an earlier cell)
            restart();
            String msg = "the Java process running the cells had ended since the last cell, so a fresh session"
                    + " was started and this cell did not run; variables from earlier cells are gone";
            throw new CellException("Restarted", msg, List.of(Ansi.red("Restarted") + ": " + msg));
        }
        // text held by an interrupt that came just as the previous cell ended
        backlog.release();
        stopper.cellStarted();
        debugger.cellStarted();
        runningCode = code;
        try {
            JShell shell = session.shell();
            if (clearInterruptFlag) {
                // fit re-sets the interrupt flag when it stops early; start the next cell clean
                shell.eval(UnshadowedCall.statement(Thread.class, "interrupted", ""));
                clearInterruptFlag = false;
            }
            // a cell cut short (an open brace at the end) runs nothing: JShell would drop its last statement
            int unfinished = SnippetSplitter.unfinishedStart(shell.sourceCodeAnalysis(), code);
            if (unfinished >= 0) {
                throw UnfinishedInput.error(code, unfinished);
            }
            SnippetEvent last = null;
            for (Segment seg : SnippetSplitter.split(shell.sourceCodeAnalysis(), code)) {
                if (stopper.interrupted()) {
                    throw interruptedError();
                }
                runningSegment = seg;
                List<SnippetEvent> events;
                try {
                    events = shell.eval(seg.source());
                } finally {
                    runningSegment = null;
                }
                if (session.ended()) {
                    throw stopper.killed() ? interruptedError() : processEnded();
                }
                for (SnippetEvent ev : events) {
                    if (ev.causeSnippet() != null) {
                        continue;
                    }
                    tracebacks.remember(ev.snippet(), cell, seg.firstLine());
                    if (ev.status() == Snippet.Status.REJECTED) {
                        throw tracebacks.compileError(shell, code, seg, ev.snippet());
                    }
                    if (ev.exception() != null) {
                        if (stopper.interrupted()) {
                            throw interruptedError();
                        }
                        throw tracebacks.runtimeError(shell, ev.exception());
                    }
                    if (ev.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                        sink.text(true, tracebacks.notYetUsable(shell, ev.snippet()));
                    }
                    last = ev;
                }
            }
            if (stopper.interrupted() || stopper.killed()) {
                throw interruptedError();
            }
            if (cell <= 1) {
                StartTrace.mark("first cell evaluated");
            }
            // show the last expression's value
            String value = resultName(last);
            if (value != null) {
                // a call the cells' variables cannot hide (a variable named scratchnet, say)
                for (SnippetEvent ev : shell.eval(UnshadowedCall.statement(scratchnet.display.Display.class, "result", value))) {
                    if (ev.exception() != null) {
                        throw tracebacks.runtimeError(shell, ev.exception());
                    }
                }
            }
        } catch (IllegalStateException closed) {
            // JShell closed down while the cell ran: its JVM died
            if (stopper.killed()) {
                throw interruptedError();
            }
            throw processEnded();
        } finally {
            runningCode = null;
            debugger.cellEnded();
            stopper.cellEnded();
            if (stopper.interrupted()) {
                clearInterruptFlag = true;
            }
            // wait until all of the cell's output has come through, so it is published before the reply
            sync();
            backlog.release();
        }
    }

    /** Asks the cell JVM to write a sync mark after everything written so far, and waits for it. */
    private void sync() {
        InterruptLine line = session.line();
        if (!line.connected()) {
            return;
        }
        long mark = sink.next();
        if (line.requestSync(mark)) {
            sink.await(mark);
        }
    }

    /** The name whose value the cell shows: an expression's temporary variable, or a bare variable. */
    private static String resultName(SnippetEvent ev) {
        if (ev == null || ev.value() == null) {
            return null;
        }
        Snippet s = ev.snippet();
        if (s instanceof VarSnippet && s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            String type = ((VarSnippet) s).typeName();
            // System.out.printf(...) and friends return the stream itself: not a result worth showing
            if (type.equals("PrintStream") || type.equals("java.io.PrintStream") || type.equals("PrintWriter")
                    || type.equals("java.io.PrintWriter")) {
                return null;
            }
            return ((VarSnippet) s).name();
        }
        if (s instanceof ExpressionSnippet && s.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND) {
            return ((ExpressionSnippet) s).name();
        }
        return null;
    }

    /** The error for a cell whose JVM died while it ran; a fresh session is started for the next cell. */
    private CellException processEnded() {
        restart();
        String msg = "the cell ended the Java process running the cells (it was killed, crashed, or closed"
                + " its connection to the kernel); a fresh session was started: variables from earlier cells are gone";
        return new CellException("ProcessEnded", msg, List.of(Ansi.red("ProcessEnded") + ": " + msg));
    }

    private CellException interruptedError() {
        boolean killed = stopper.killed();
        String msg = killed
                ? "the cell did not stop, so its Java process was restarted; variables from earlier cells are gone"
                : "the cell was stopped";
        if (killed) {
            restart();
        } else {
            // the cell itself has ended: the stopper must not interrupt again while its threads are stopped
            stopper.cellEnded();
            CellStopper.Leftovers left = stopper.stopLeftoverThreads();
            if (!left.stopped().isEmpty()) {
                msg += "; threads the cells started ignored the interrupt and were stopped: "
                        + String.join(", ", left.stopped());
            }
            if (!left.stillRunning().isEmpty()) {
                msg += "; threads that would not stop even so (they keep running until the kernel is restarted): "
                        + String.join(", ", left.stillRunning());
            }
        }
        return new CellException("Interrupted", msg, List.of(Ansi.red("Interrupted") + ": " + msg));
    }

    /**
     * Hands a comm message from the front end (JSON, as {@code scratchnet.widgets.CommMessage}
     * writes it) to the cell JVM, whose comms thread runs the callback; false when no cell JVM is
     * up to take it.
     */
    public boolean deliverComm(String json) {
        try {
            // a front end opens its widget manager's comm as it connects, while the cell JVM may still start
            starting.get(COMM_START_WAIT_S, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        CellSession s = session;
        return s != null && !s.ended() && s.line().sendComm(json);
    }

    /**
     * Stops the running cell: interrupt first, then the debugger's stop, then a new JVM; threads
     * the cells started are interrupted too, and stopped through the debugger if they ignore it.
     * Returns at once; the running {@link #execute} call finishes with an "Interrupted" error.
     */
    public void interrupt() {
        // a thread stopped at a breakpoint runs on, so the interrupt reaches it
        debugger.release();
        if (stopper.interrupt()) {
            backlog.hold();
        } else {
            // no cell runs: interrupt cell code running anyway (a widget's callback, a thread a cell started)
            CellSession s = session;
            if (s != null && starting.isDone()) {
                s.line().interrupt();
            }
        }
    }

    /**
     * Runs {@code job} on the session's JShell when it is up and no cell is running, and returns
     * its result; returns null at once, without waiting, while a cell runs or the session starts.
     * A cell that starts meanwhile waits until {@code job} is done, so keep it short.
     */
    public <T> T whenIdle(Function<JShell, T> job) {
        if (!starting.isDone() || !isReady() || !running.tryLock()) {
            return null;
        }
        try {
            CellSession s = session;
            return s == null || s.ended() ? null : job.apply(s.shell());
        } finally {
            running.unlock();
        }
    }

    /**
     * Runs {@code job} while no cell runs and {@link #whenIdle} does not read the variables: for
     * completion and inspection, which use JShell's analysis, so that it never runs at the same
     * time as the variables' evaluation. Waits for that (a short moment), not for cells: call it
     * only where no cell of this evaluator can be running.
     */
    public <T> T exclusive(java.util.function.Supplier<T> job) {
        running.lock();
        try {
            return job.get();
        } finally {
            running.unlock();
        }
    }

    /** Adds a jar or directory to the class path of the cells (compiler and JVM). */
    public synchronized void addToClasspath(String path) throws CellException {
        ready();
        session.shell().addToClasspath(path);
        addedClassPath.add(path);
    }

    // ------------------------------------------------------------------ completion and inspection

    /**
     * JShell's analysis of code in this session, for completion, inspection and is_complete.
     *
     * @throws CellException when the session could not start (KernelStartError)
     */
    public SourceCodeAnalysis analysis() throws CellException {
        ready();
        return session.shell().sourceCodeAnalysis();
    }

    /** The cell's snippets with their positions; empty while the session is not up. */
    private List<Segment> segments(String code) {
        if (!isReady()) {
            return new ArrayList<>();
        }
        return SnippetSplitter.split(session.shell().sourceCodeAnalysis(), code);
    }

    /** The segment that holds the cursor (or the last one before it), for completion and inspection; or null. */
    public Segment segmentAt(String code, int cursor) {
        return SnippetSplitter.at(segments(code), cursor);
    }
}
