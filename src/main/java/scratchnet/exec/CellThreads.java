package scratchnet.exec;

import java.util.ArrayList;
import java.util.List;

import com.sun.jdi.ClassType;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.InvalidTypeException;
import com.sun.jdi.ObjectCollectedException;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VirtualMachine;
import scratchnet.exec.agent.CellAgent;
import scratchnet.exec.agent.ThreadStopped;

/**
 * The threads in the cell JVM that run cell code apart from the cell itself: threads a cell
 * started, found through the debugger by a frame of JShell's REPL classes on their stack (the
 * JVM's own threads and the agent's never have one). They can be stopped, as a busy cell is, by
 * throwing {@link ThreadStopped} into them.
 * <pre>{@code
 * List<ThreadReference> left = CellThreads.running(vm);   // [spinner], after the cell was interrupted
 * CellThreads.stop(vm, left);
 * }</pre>
 */
final class CellThreads {
    private CellThreads() {
    }

    /** The live threads that run cell code now, except a thread running a cell for JShell's agent. */
    static List<ThreadReference> running(VirtualMachine vm) {
        List<ThreadReference> found = new ArrayList<>();
        vm.suspend();
        try {
            for (ThreadReference t : vm.allThreads()) {
                if (runsCellCode(t)) {
                    found.add(t);
                }
            }
        } finally {
            vm.resume();
        }
        return found;
    }

    private static boolean runsCellCode(ThreadReference t) {
        try {
            boolean cellCode = false;
            for (StackFrame f : t.frames()) {
                String type = f.location().declaringType().name();
                if (type.equals(CellAgent.class.getName())) {
                    return false;   // the thread running the cell itself: JShell's stop handles it
                }
                cellCode |= type.startsWith("REPL.");
            }
            return cellCode;
        } catch (IncompatibleThreadStateException | ObjectCollectedException e) {
            return false;   // gone or not yet started
        }
    }

    /** Throws {@link ThreadStopped} into each of {@code threads}; they end unless they catch it. */
    static void stop(VirtualMachine vm, List<ThreadReference> threads) {
        List<ReferenceType> types = vm.classesByName(ThreadStopped.class.getName());
        if (types.isEmpty()) {
            return;   // the agent loads it as it starts
        }
        ClassType type = (ClassType) types.get(0);
        ObjectReference stop = (ObjectReference) type.getValue(type.fieldByName("INSTANCE"));
        for (ThreadReference t : threads) {
            try {
                t.stop(stop);
            } catch (InvalidTypeException | ObjectCollectedException e) {
                // it ended meanwhile
            }
        }
    }

    /** The names of {@code threads}, in order, for messages. */
    static List<String> names(List<ThreadReference> threads) {
        List<String> names = new ArrayList<>();
        for (ThreadReference t : threads) {
            try {
                names.add(t.name());
            } catch (ObjectCollectedException e) {
                // ended
            }
        }
        return names;
    }
}
