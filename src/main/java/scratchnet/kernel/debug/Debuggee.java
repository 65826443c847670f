package scratchnet.kernel.debug;

import java.util.List;

/**
 * What the debug commands need from the code being debugged: where to stop, and which threads
 * are stopped. The cell JVM's debugger implements it; {@link #NONE} stops nowhere.
 * <pre>{@code
 * debuggee.breakpoints("/tmp/scratchnet_1234_…/501940937.java", List.of(2));
 * }</pre>
 */
public interface Debuggee {
    /** A debuggee that never stops. */
    Debuggee NONE = new Debuggee() {
        @Override
        public void breakpoints(String sourcePath, List<Integer> lines) {
        }

        @Override
        public List<Long> stoppedThreads() {
            return List.of();
        }

        @Override
        public void resumeAll() {
        }
    };

    /** Stop at these lines (1-based) of the cell whose file is {@code sourcePath}; an empty list clears them. */
    void breakpoints(String sourcePath, List<Integer> lines);

    /** The ids of the threads stopped at a breakpoint or a step. */
    List<Long> stoppedThreads();

    /** Lets every stopped thread run on (the front end has stopped debugging). */
    void resumeAll();
}
