package scratchnet.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Runs notebook cells with JShell in a separate JVM (JShell's JDI execution engine), so that a
 * running cell can always be stopped, even a busy loop, on every JDK. The cell JVM gets the
 * scratchnet jar on its class path, the DSL imported, headless AWT, and display frames on.
 *
 * <p>Stopping is gentle first: the threads running cell code are interrupted (so {@code fit}
 * returns with the model as trained so far); code that ignores the interrupt is stopped through
 * the debugger after {@value #SOFT_STOP_MS} ms; a JVM that still does not stop is replaced.
 * <pre>{@code
 * try (CellEvaluator ev = new CellEvaluator(sink, classPath)) {
 *     ev.execute("var x = arange(0, 1, 0.01); x.sum()", 1);
 * }
 * }</pre>
 */
public final class CellEvaluator implements AutoCloseable {
    /** What every cell starts with (the JShell launcher starts with these too). */
    public static final List<String> IMPORTS = List.of(
            "import java.util.*;", "import java.util.function.*;", "import java.util.stream.*;",
            "import java.io.*;", "import java.nio.file.*;", "import java.math.*;",
            "import static scratchnet.Dsl.*;", "import scratchnet.engine.Matrix;", "import scratchnet.nn.*;",
            "import scratchnet.display.DisplayHandle;", "import scratchnet.plot.*;", "import scratchnet.data.*;",
            "import org.knowm.xchart.*;", "import org.knowm.xchart.style.*;", "import tech.tablesaw.api.*;");
    static final int SOFT_STOP_MS = 600;

    private final CellOutput sink;
    private final String classPath;
    private final List<String> jvmOptions;
    /** Whether this JDK has the Vector API module (every JDK from 16 has, unless jlink left it out). */
    private static final boolean VECTOR_MODULE_PRESENT =
            java.lang.module.ModuleFinder.ofSystem().find("jdk.incubator.vector").isPresent();
    private final List<String> addedClassPath = new ArrayList<>();
    /** Snippet id → where its source sits in a cell, for error messages. */
    private final Map<String, Origin> origins = new HashMap<>();
    private volatile JShell shell;
    private ServerSocket interruptServer;
    private volatile OutputStream interruptLine;
    private volatile boolean running;
    private volatile boolean interrupted;
    private volatile boolean restartedDuringCell;
    private boolean clearInterruptFlag;
    /** The last sync mark sent to the cell JVM, and the last one seen coming back. */
    private long syncSent;
    private long syncSeen;
    private final Object syncLock = new Object();

    /** Where a snippet came from: the cell's execution count and its first line in that cell (1-based). */
    record Origin(int cell, int firstLine) {
    }

    /**
     * Starts a session (in the background) whose cells run in a JVM with {@code classPath} and
     * {@code jvmOptions}, sending their output to {@code sink}.
     */
    public CellEvaluator(CellOutput sink, String classPath, List<String> jvmOptions) {
        this.sink = new CellOutput() {
            @Override
            public void text(boolean stderr, String text) {
                sink.text(stderr, text);
            }

            @Override
            public void frame(scratchnet.display.Frames.Frame frame) {
                if (scratchnet.exec.agent.Sync.TYPE.equals(frame.type())) {
                    synchronized (syncLock) {
                        syncSeen = Math.max(syncSeen, Long.parseLong(frame.displayId()));
                        syncLock.notifyAll();
                    }
                } else {
                    sink.frame(frame);
                }
            }
        };
        this.classPath = classPath;
        this.jvmOptions = List.copyOf(jvmOptions);
        // start the cell JVM in the background: the kernel answers Jupyter at once, the first cell waits
        this.starting = new java.util.concurrent.FutureTask<>(() -> {
            start();
            return null;
        });
        Thread t = new Thread(starting, "scratchnet-cell-jvm-start");
        t.setDaemon(true);
        t.start();
    }

    private final java.util.concurrent.FutureTask<Void> starting;

    /** Waits until the cell JVM is up; a failure to start becomes the cell's error. */
    private void ready() throws CellException {
        try {
            starting.get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            String msg = "the Java session for the cells could not start: " + cause.getMessage();
            throw new CellException("KernelStartError", msg, List.of(Ansi.red("KernelStartError") + ": " + msg));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CellException("Interrupted", "interrupted while the Java session was starting", List.of());
        }
    }

    /** Like {@link #ready()}, for completion and inspection: false when the session is not up. */
    public boolean isReady() {
        try {
            ready();
            return true;
        } catch (CellException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * The cell JVM's options apart from the debugger's and the per-session ones: the same in the
     * kernel and in the training run that makes the cell JVM's class-data sharing archive (an
     * archive only fits a JVM with the same class path and modules).
     */
    public static List<String> cellJvmOptions(String classPath) {
        List<String> vm = new ArrayList<>();
        vm.add("-Djava.awt.headless=true");
        vm.add("-Dscratchnet.display=frames");
        vm.add("-Dfile.encoding=UTF-8");
        vm.add("-Dstdout.encoding=UTF-8");
        // the optional native BLAS (JNI) would otherwise print a warning into the first big product's cell
        vm.add("--enable-native-access=ALL-UNNAMED");
        // the engine's SIMD loops use the Vector API, an incubating module that must be added
        if (VECTOR_MODULE_PRESENT) {
            vm.add("--add-modules=jdk.incubator.vector");
        }
        vm.add("--class-path");
        vm.add(classPath);
        return vm;
    }

    private void start() {
        StartTrace.mark("cell JVM start");
        // the cell JVM connects its interrupt agent as it starts (CellAgent), to this port
        int interruptPort = openInterruptServer();
        List<String> vm = new ArrayList<>(cellJvmOptions(classPath));
        if (interruptPort > 0) {
            vm.add("-D" + scratchnet.exec.agent.CellAgent.INTERRUPT_PORT_PROPERTY + "=" + interruptPort);
        }
        // the class-data sharing archive made at install, when there is one (a stale one is ignored)
        vm.addAll(StartupArchiveDir.cellJvmOptions());
        vm.addAll(jvmOptions);
        JavadocSources.install();
        StartTrace.mark("javadoc sources");
        // CellJvm launches the cell JVM in the background: the imports below compile (and the
        // compiler warms up) while it starts
        CellJvm cellJvm = new CellJvm();
        shell = JShell.builder()
                .executionEngine(cellJvm, new HashMap<>())
                .remoteVMOptions(vm.toArray(new String[0]))
                .compilerOptions("--class-path", classPath)
                .out(new PrintStream(new OutputRouter(false, sink), true, StandardCharsets.UTF_8))
                .err(new PrintStream(new OutputRouter(true, sink), true, StandardCharsets.UTF_8))
                .in(InputStream.nullInputStream())
                .build();
        StartTrace.mark("JShell built");
        for (String cp : addedClassPath) {
            shell.addToClasspath(cp);
        }
        for (String imp : IMPORTS) {
            mustRun(imp);
            if (StartTrace.on()) {
                StartTrace.mark(imp);
            }
        }
        StartTrace.mark("imports done");
        // the imports' classes were queued while the JVM started: wait until they are loaded
        cellJvm.awaitStarted();
        StartTrace.mark("cell JVM up, imports loaded");
        awaitInterruptAgent();
        StartTrace.mark("cell session ready");
    }

    private void mustRun(String source) {
        for (SnippetEvent ev : shell.eval(source)) {
            if (ev.status() == Snippet.Status.REJECTED || ev.exception() != null) {
                String why = ev.exception() != null ? ev.exception().getMessage()
                        : shell.diagnostics(ev.snippet()).map(d -> d.getMessage(null))
                        .reduce((a, b) -> a + "; " + b).orElse("rejected");
                throw new IllegalStateException("could not prepare the Java session: `" + source + "` failed: " + why);
            }
        }
    }

    /** The thread accepting the cell JVM's interrupt agent, while it has not connected yet. */
    private Thread interruptAccept;

    /** Listens for the cell JVM's interrupt agent; returns the port, or -1 without one. */
    private int openInterruptServer() {
        interruptLine = null;
        try {
            interruptServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            interruptServer.setSoTimeout(CellJvm.CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            return -1;
        }
        ServerSocket server = interruptServer;
        interruptAccept = new Thread(() -> {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                interruptLine = s.getOutputStream();
            } catch (IOException e) {
                // without the agent, interrupts fall back to the debugger stop
            }
        }, "scratchnet-interrupt-accept");
        interruptAccept.setDaemon(true);
        interruptAccept.start();
        return server.getLocalPort();
    }

    /** Waits (at most 10 s) for the interrupt agent, which connects as the cell JVM starts. */
    private void awaitInterruptAgent() {
        Thread accept = interruptAccept;
        if (accept == null) {
            return;
        }
        try {
            accept.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

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
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            if (interruptServer != null) {
                interruptServer.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
        if (shell != null) {
            // kill the cell JVM first: JShell.close() would otherwise wait for it to exit by itself
            ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly);
            try {
                shell.close();
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }

    /** Replaces the cell JVM with a fresh one (all variables are lost). */
    public synchronized void restart() {
        closeQuietly();
        origins.clear();
        start();
    }

    // ------------------------------------------------------------------ running cells

    /**
     * Runs a cell: each statement or declaration in order, stopping at the first error. If the last
     * one is an expression, its value is shown as the cell's result.
     *
     * @throws CellException for compile errors, exceptions in the cell, and interrupts
     */
    public void execute(String code, int cell) throws CellException {
        ready();
        if (cell <= 1) {
            StartTrace.mark("first cell starts");
        }
        interrupted = false;
        restartedDuringCell = false;
        running = true;
        try {
            if (clearInterruptFlag) {
                // fit re-sets the interrupt flag when it stops early; start the next cell clean
                shell.eval("Thread.interrupted();");
                clearInterruptFlag = false;
            }
            SnippetEvent last = null;
            for (Segment seg : segments(code)) {
                if (interrupted) {
                    throw interruptedError();
                }
                List<SnippetEvent> events = shell.eval(seg.source);
                for (SnippetEvent ev : events) {
                    if (ev.causeSnippet() != null) {
                        continue;
                    }
                    origins.put(ev.snippet().id(), new Origin(cell, seg.firstLine));
                    if (ev.status() == Snippet.Status.REJECTED) {
                        throw compileError(code, seg, ev.snippet());
                    }
                    if (ev.exception() != null) {
                        if (interrupted) {
                            throw interruptedError();
                        }
                        throw runtimeError(ev.exception());
                    }
                    if (ev.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                        sink.text(true, "note: " + describe(ev.snippet()) + " was created, but it cannot be used until "
                                + String.join(", ", unresolved(ev.snippet())) + " is defined\n");
                    }
                    last = ev;
                }
            }
            if (interrupted || restartedDuringCell) {
                throw interruptedError();
            }
            if (cell <= 1) {
                StartTrace.mark("first cell evaluated");
            }
            // show the last expression's value
            String value = resultName(last);
            if (value != null) {
                for (SnippetEvent ev : shell.eval("scratchnet.display.Display.result(" + value + ");")) {
                    if (ev.exception() != null) {
                        throw runtimeError(ev.exception());
                    }
                }
            }
        } catch (IllegalStateException closed) {
            // the cell JVM died (System.exit in the cell, or a hard stop): start a new one
            restart();
            throw new CellException("Restarted", "the Java process running the cells ended, so it was restarted;"
                    + " variables from earlier cells are gone", List.of());
        } finally {
            running = false;
            if (interrupted) {
                clearInterruptFlag = true;
            }
            // wait until all of the cell's output has come through, so it is published before the reply
            sync();
        }
    }

    /** Asks the cell JVM to write a sync mark after everything written so far, and waits for it. */
    private void sync() {
        OutputStream line = interruptLine;
        if (line == null) {
            return;
        }
        long mark;
        synchronized (syncLock) {
            mark = ++syncSent;
        }
        try {
            synchronized (line) {
                java.io.DataOutputStream out = new java.io.DataOutputStream(line);
                out.write(scratchnet.exec.agent.InterruptAgent.SYNC);
                out.writeLong(mark);
                out.flush();
            }
        } catch (IOException e) {
            return;
        }
        awaitSync(mark);
    }

    /** Waits (at most 2 s) until sync mark {@code mark} has been read from the cell JVM's output. */
    private void awaitSync(long mark) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        synchronized (syncLock) {
            while (syncSeen < mark && System.nanoTime() < end) {
                try {
                    syncLock.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
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

    /**
     * Stops the running cell: interrupt first, then the debugger's stop, then a new JVM. Returns
     * at once; the running {@link #execute} call finishes with an "Interrupted" error.
     */
    public void interrupt() {
        if (!running) {
            return;
        }
        interrupted = true;
        Thread escalate = new Thread(this::escalate, "scratchnet-interrupt");
        escalate.setDaemon(true);
        escalate.start();
    }

    private void escalate() {
        try {
            // 1. ask nicely: interrupt the cell's threads (fit and sleep stop at once)
            sendInterrupt();
            if (waitForIdle(SOFT_STOP_MS)) {
                return;
            }
            // 2. stop the thread through the debugger (busy loops, code that swallows interrupts);
            //    repeat for a while, since a cell still compiling on a busy machine has nothing to stop yet
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HARD_STOP_WINDOW_MS);
            while (running && System.nanoTime() < deadline) {
                sendInterrupt();
                shell.stop();
                if (waitForIdle(250)) {
                    return;
                }
            }
            // 3. the cell JVM does not respond: end it; execute() restarts it
            if (running) {
                restartedDuringCell = true;
                ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly);
            }
        } catch (RuntimeException e) {
            // the session is closing
        }
    }

    /** How long debugger stops are retried before the cell JVM is replaced. */
    static final int HARD_STOP_WINDOW_MS = 5000;

    private void sendInterrupt() {
        OutputStream line = interruptLine;
        if (line == null) {
            return;
        }
        try {
            synchronized (line) {
                line.write(scratchnet.exec.agent.InterruptAgent.INTERRUPT);
                line.flush();
            }
        } catch (IOException e) {
            // the agent is gone; the debugger stop still works
        }
    }

    private boolean waitForIdle(long ms) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (running && System.nanoTime() < end) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !running;
            }
        }
        return !running;
    }

    /** Adds a jar or directory to the class path of the cells (compiler and JVM). */
    public synchronized void addToClasspath(String path) throws CellException {
        ready();
        shell.addToClasspath(path);
        addedClassPath.add(path);
    }

    public SourceCodeAnalysis analysis() {
        isReady();
        return shell.sourceCodeAnalysis();
    }

    // ------------------------------------------------------------------ splitting a cell into snippets

    /** One statement or declaration of a cell, with where it starts. */
    public record Segment(String source, int start, int end, int firstLine) {
    }

    /** Splits a cell into JShell snippets, remembering each one's position in the cell. */
    public List<Segment> segments(String code) {
        List<Segment> out = new ArrayList<>();
        if (!isReady()) {
            return out;
        }
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        String remaining = code;
        while (!remaining.isBlank()) {
            int offset = code.length() - remaining.length();
            SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(remaining);
            String source = info.source();
            if (source == null || source.isBlank() || info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            String rest = info.remaining();
            int end = code.length() - rest.length();
            int lead = 0;
            while (offset + lead < end && Character.isWhitespace(code.charAt(offset + lead))) {
                lead++;
            }
            int start = offset + lead;
            out.add(new Segment(source, start, end, lineOf(code, start)));
            if (rest.length() >= remaining.length()) {
                break;
            }
            remaining = rest;
        }
        return out;
    }

    /** The segment that holds the cursor (or the last one before it), for completion and inspection. */
    public Segment segmentAt(String code, int cursor) {
        Segment found = null;
        for (Segment s : segments(code)) {
            if (s.start <= cursor) {
                found = s;
            }
        }
        return found;
    }

    static int lineOf(String code, int pos) {
        int line = 1;
        for (int i = 0; i < pos && i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    // ------------------------------------------------------------------ errors

    private CellException compileError(String code, Segment seg, Snippet snippet) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (var d : (Iterable<jdk.jshell.Diag>) shell.diagnostics(snippet)::iterator) {
            if (!d.isError()) {
                continue;
            }
            String msg = d.getMessage(null);
            if (first == null) {
                first = msg.lines().findFirst().orElse(msg);
            }
            // positions are inside the snippet's source; map them into the cell
            int startInSnippet = (int) Math.max(0, d.getStartPosition());
            int endInSnippet = (int) Math.max(startInSnippet + 1, d.getEndPosition());
            int from = Math.min(code.length(), seg.start + startInSnippet);
            int to = Math.min(code.length(), Math.max(from + 1, seg.start + endInSnippet));
            int line = lineOf(code, from);
            int lineStart = code.lastIndexOf('\n', from - 1) + 1;
            int lineEnd = code.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = code.length();
            }
            int col = from - lineStart + 1;
            lines.add(Ansi.red("compile error") + " at line " + line + ", column " + col + ": "
                    + msg.lines().findFirst().orElse(msg));
            lines.add("    " + code.substring(lineStart, lineEnd));
            lines.add("    " + " ".repeat(from - lineStart) + Ansi.red("^".repeat(Math.max(1, Math.min(to, lineEnd) - from))));
            msg.lines().skip(1).forEach(l -> lines.add("    " + l));
        }
        if (first == null) {
            first = "the code was rejected";
            lines.add(first);
        }
        lines.replaceAll(JShellNames::strip);
        return new CellException("CompileError", JShellNames.strip(first), lines);
    }

    private CellException runtimeError(JShellException e) {
        if (e instanceof UnresolvedReferenceException) {
            Snippet s = ((UnresolvedReferenceException) e).getSnippet();
            String msg = describe(s) + " cannot run yet: " + String.join(", ", unresolved(s)) + " is not defined";
            return new CellException("UnresolvedReference", msg, List.of(Ansi.red("UnresolvedReference") + ": " + msg));
        }
        EvalException ev = (EvalException) e;
        // a class declared in a cell is REPL.$JShell$12$MyError: its simple name is MyError
        String name = JShellNames.strip(ev.getExceptionClassName());
        String simple = name.substring(name.lastIndexOf('.') + 1);
        String message = ev.getMessage() == null ? "" : JShellNames.strip(ev.getMessage());
        List<String> lines = new ArrayList<>();
        lines.add(Ansi.red(simple) + (message.isEmpty() ? "" : ": " + message));
        appendFrames(ev, lines);
        Throwable cause = ev.getCause();
        while (cause instanceof EvalException) {
            EvalException c = (EvalException) cause;
            lines.add("Caused by: " + c.getExceptionClassName() + (c.getMessage() == null ? "" : ": " + c.getMessage()));
            appendFrames(c, lines);
            cause = c.getCause();
        }
        // JShell's wrapper names in the causes' messages and in frames of library code called back from a cell
        lines.replaceAll(JShellNames::strip);
        return new CellException(simple, message, lines);
    }

    /** Library frames as they are, cell frames as "cell line N"; JShell's and the kernel's own frames are left out. */
    private void appendFrames(Throwable t, List<String> lines) {
        StackTraceElement[] frames = t.getStackTrace();
        int shown = 0;
        for (StackTraceElement f : frames) {
            String cls = f.getClassName();
            String file = f.getFileName();
            // JShell reports cell code with file "#<snippet id>" (and an empty or REPL class name)
            if ((file != null && file.startsWith("#")) || cls.startsWith("REPL.")) {
                Origin o = file != null && file.startsWith("#") ? origins.get(file.substring(1)) : null;
                String where = o == null ? "cell" : "cell [" + o.cell + "] line " + (o.firstLine + f.getLineNumber() - 1);
                boolean topLevel = f.getMethodName().isEmpty() || f.getMethodName().equals("do_it$");
                lines.add("    at " + (topLevel ? "" : f.getMethodName() + " ") + "(" + where + ")");
                shown++;
                if (topLevel) {
                    break;
                }
            } else if (cls.startsWith("jdk.jshell.") || cls.startsWith("jdk.internal.reflect.")
                    || cls.startsWith("java.lang.reflect.") || cls.startsWith("scratchnet.exec.")) {
                continue;
            } else {
                lines.add("    at " + f);
                shown++;
            }
            if (shown > 30) {
                lines.add("    ...");
                break;
            }
        }
    }

    private CellException interruptedError() {
        String msg = restartedDuringCell
                ? "the cell did not stop, so its Java process was restarted; variables from earlier cells are gone"
                : "the cell was stopped";
        if (restartedDuringCell) {
            restart();
        }
        return new CellException("Interrupted", msg, List.of(Ansi.red("Interrupted") + ": " + msg));
    }

    private List<String> unresolved(Snippet s) {
        List<String> names = new ArrayList<>();
        if (s instanceof jdk.jshell.DeclarationSnippet) {
            shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) s).forEach(names::add);
        }
        return names.isEmpty() ? List.of("a declaration it uses") : names;
    }

    private static String describe(Snippet s) {
        if (s instanceof jdk.jshell.MethodSnippet) {
            return "method " + ((jdk.jshell.MethodSnippet) s).name() + "(" + ((jdk.jshell.MethodSnippet) s).parameterTypes() + ")";
        }
        if (s instanceof jdk.jshell.TypeDeclSnippet) {
            return "type " + ((jdk.jshell.TypeDeclSnippet) s).name();
        }
        if (s instanceof VarSnippet) {
            return "variable " + ((VarSnippet) s).name();
        }
        return "this code";
    }
}
