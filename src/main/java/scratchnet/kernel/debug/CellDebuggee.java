package scratchnet.kernel.debug;

import java.util.List;

import scratchnet.exec.debug.CellDebugger;

/**
 * The {@link Debuggee} of the kernel: the cells, stopped through the cell JVM's
 * {@link CellDebugger}, which knows a cell by its id (its file's name) rather than its path.
 * <pre>{@code
 * new SessionCommands(files, events, new CellDebuggee(evaluator.debugger(), files));
 * }</pre>
 */
public final class CellDebuggee implements Debuggee {
    private final CellDebugger debugger;
    private final CellFiles files;

    /** The debuggee behind {@code debugger}, whose cells are files of {@code files}. */
    public CellDebuggee(CellDebugger debugger, CellFiles files) {
        this.debugger = debugger;
        this.files = files;
    }

    @Override
    public void breakpoints(String sourcePath, List<Integer> lines) {
        debugger.breakpoints(files.idOfPath(sourcePath), lines);
    }

    @Override
    public List<Long> stoppedThreads() {
        return debugger.stoppedThreads();
    }

    @Override
    public void resumeAll() {
        debugger.resumeAll();
    }

    @Override
    public void exceptionStops(boolean raised, boolean uncaught) {
        debugger.exceptionStops(raised, uncaught);
    }
}
