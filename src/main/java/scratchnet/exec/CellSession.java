package scratchnet.exec;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;

import com.sun.jdi.VirtualMachine;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import scratchnet.exec.agent.CellAgent;
import scratchnet.exec.debug.CellDebugger;
import scratchnet.settings.Settings;

/**
 * One JShell session and the cell JVM under it: started with the cells' class path, the
 * start-up archive when there is one, the {@link CellEvaluator#IMPORTS} done and the interrupt
 * line connected. A restart closes it and starts another.
 * <pre>{@code
 * CellSession s = CellSession.start(output, "scratchnet.jar", List.of("-Xmx2g"), List.of(), debugger, names -> {});
 * s.shell().eval("x.sum()");
 * s.close();   // ends the cell JVM
 * }</pre>
 */
final class CellSession {
    static {
        // a kernel or runner ended by SIGTERM or SIGINT takes its cell JVMs with it at once (after
        // SIGKILL, the cell JVM's ParentWatch ends it a moment later)
        Thread killCellJvms = new Thread(CellSession::killCellJvms, "scratchnet-kill-cell-jvms");
        Runtime.getRuntime().addShutdownHook(killCellJvms);
    }

    private final JShell shell;
    private final InterruptLine line;
    private final CellJvm cellJvm;
    /** Set when JShell closes down: the cell JVM died, or the session was closed. */
    private volatile boolean ended;

    private CellSession(JShell shell, InterruptLine line, CellJvm cellJvm) {
        this.shell = shell;
        this.line = line;
        this.cellJvm = cellJvm;
        shell.onShutdown(s -> ended = true);
    }

    /**
     * Starts a cell JVM with {@code classPath}, {@code jvmOptions} and {@code addedClassPath}
     * (what {@code %classpath} added before a restart), output to {@code sink}, and returns once
     * its imports are loaded. {@code debugger} debugs its cells; {@code onLoad} is told the
     * classes JShell loads for them, before they run.
     *
     * @throws IllegalStateException when the JVM cannot start or an import fails
     */
    static CellSession start(CellOutput sink, String classPath, List<String> jvmOptions, List<String> addedClassPath,
                             CellDebugger debugger, Consumer<List<String>> onLoad) {
        StartTrace.mark("cell JVM start");
        // the cell JVM connects its interrupt agent as it starts (CellAgent), to this port
        InterruptLine line = InterruptLine.open();
        List<String> vm = new ArrayList<>(CellJvmOptions.of(classPath, jvmOptions));
        if (line.port() > 0) {
            vm.add("-D" + CellAgent.INTERRUPT_PORT_PROPERTY + "=" + line.port());
        }
        // the class-data sharing archive made at install, when there is one (a stale one is ignored)
        vm.addAll(StartupArchiveDir.cellJvmOptions());
        vm.addAll(jvmOptions);
        JavadocSources.install();
        StartTrace.mark("javadoc sources");
        // CellJvm launches the cell JVM in the background: the imports below compile (and the
        // compiler warms up) while it starts
        CellJvm cellJvm = new CellJvm(debugger, onLoad);
        JShell shell = JShell.builder()
                .executionEngine(cellJvm, new HashMap<>())
                .remoteVMOptions(vm.toArray(new String[0]))
                .out(new PrintStream(new OutputRouter(false, sink), true, StandardCharsets.UTF_8))
                .err(new PrintStream(new OutputRouter(true, sink), true, StandardCharsets.UTF_8))
                .in(InputStream.nullInputStream())
                // local variable tables, for the debugger's variables panel
                .compilerOptions("-g")
                .build();
        // JShell would start indexing the class path now, for completion that may never come
        CompletionIndex.holdBack(shell);
        CellSession session = new CellSession(shell, line, cellJvm);
        try {
            StartTrace.mark("JShell built");
            // the compiler's class path is JShell's own (this JVM's class path plus what
            // addToClasspath added): a --class-path compiler option would replace it on every
            // compile and hide what %classpath and %maven add
            if (!classPath.equals(Settings.classPath())) {
                shell.addToClasspath(classPath);
            }
            for (String cp : addedClassPath) {
                shell.addToClasspath(cp);
            }
            for (String imp : CellEvaluator.IMPORTS) {
                session.mustRun(imp);
                if (StartTrace.on()) {
                    StartTrace.mark(imp);
                }
            }
            StartTrace.mark("imports done");
            // the imports' classes were queued while the JVM started: wait until they are loaded
            cellJvm.awaitStarted();
            StartTrace.mark("cell JVM up, imports loaded");
            line.awaitAgent();
            StartTrace.mark("cell session ready");
            return session;
        } catch (RuntimeException | Error e) {
            session.close();
            throw e;
        }
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

    /** Kills this process's children: the cell JVMs (the only processes the kernel and the runner start). */
    private static void killCellJvms() {
        ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly);
    }

    /** The JShell instance; its code runs in this session's cell JVM. */
    JShell shell() {
        return shell;
    }

    /** Whether the session has ended: its cell JVM is gone (killed, crashed, or closed). */
    boolean ended() {
        return ended;
    }

    /**
     * The debugger's view of the cell JVM.
     *
     * @throws IllegalStateException when it is not running
     */
    VirtualMachine vm() {
        return cellJvm.vm();
    }

    /** The line to the cell JVM's interrupt agent. */
    InterruptLine line() {
        return line;
    }

    /** Ends the cell JVM and the session. */
    void close() {
        line.close();
        // kill the cell JVM first: JShell.close() would otherwise wait for it to exit by itself
        killCellJvms();
        try {
            shell.close();
        } catch (RuntimeException e) {
            // already gone
        }
    }
}
