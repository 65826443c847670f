package scratchnet.kernel.debug;

import java.util.List;

import scratchnet.exec.debug.CellDebugger;

/**
 * The {@link Debuggee} of the kernel: the cells, stopped through the cell JVM's {@link CellDebugger}.
 * <pre>{@code
 * KernelDebugger.install(connection, new CellDebuggee(evaluator.debugger()));
 * }</pre>
 */
public final class CellDebuggee implements Debuggee {
    private final CellDebugger debugger;

    /** The debuggee behind {@code debugger}. */
    public CellDebuggee(CellDebugger debugger) {
        this.debugger = debugger;
    }

    @Override
    public void breakpoints(String sourcePath, List<Integer> lines) {
        debugger.breakpoints(sourcePath, lines);
    }

    @Override
    public List<Long> stoppedThreads() {
        return debugger.stoppedThreads();
    }

    @Override
    public void resumeAll() {
        debugger.resumeAll();
    }
}
