package scratchnet.kernel.debug;

import java.util.List;

/**
 * What the debug commands need from the code being debugged: where to stop, and which threads
 * are stopped. The cells' debugger implements it ({@link CellDebuggee}).
 * <pre>{@code
 * debuggee.breakpoints("/tmp/scratchnet_1234_…/501940937.java", List.of(2));
 * }</pre>
 */
public interface Debuggee {
    /** Stop at these lines (1-based) of the cell whose file is {@code sourcePath}; an empty list clears them. */
    void breakpoints(String sourcePath, List<Integer> lines);

    /** The ids of the threads stopped at a breakpoint or a step. */
    List<Long> stoppedThreads();

    /** Lets every stopped thread run on (the front end has stopped debugging). */
    void resumeAll();

    /**
     * Stop where an exception is thrown in the cells' or scratchnet's code ({@code raised}), or
     * where one is thrown that the cell does not catch ({@code uncaught}); both false: never.
     */
    void exceptionStops(boolean raised, boolean uncaught);
}
