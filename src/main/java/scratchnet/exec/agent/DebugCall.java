package scratchnet.exec.agent;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls a method for the kernel's debugger, in the thread it stopped, and holds what came back
 * (the result, or what the method threw) in a static field until the debugger has read it and
 * kept it from collection. An object a call returns is reachable from nowhere else in the cell
 * JVM, and a collection between the call's end and the debugger's next request would take it.
 * For the same reason the method's name comes as its {@code hashCode()}: a String the debugger
 * made would be collectable too.
 * <pre>{@code
 * // the debugger's evaluate of dz.T(), in the stopped thread:
 * DebugCall.call(dz, "T".hashCode());   // DebugCall.held is now the transposed Matrix
 * }</pre>
 */
public final class DebugCall {
    /** What the last call returned or threw, until the debugger clears it. */
    static Object held;

    private DebugCall() {
    }

    /** Calls {@code target}'s public method without arguments whose name has the hash code {@code nameHash}. */
    static void call(Object target, int nameHash) throws Throwable {
        try {
            held = method(target.getClass(), nameHash).invoke(target);
        } catch (InvocationTargetException e) {
            held = e.getCause();
            throw e.getCause();
        } catch (ReflectiveOperationException | RuntimeException e) {
            held = e;
            throw e;
        }
    }

    private static Method method(Class<?> type, int nameHash) throws NoSuchMethodException {
        Method found = null;
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0 && !m.isBridge() && m.getName().hashCode() == nameHash) {
                if (found != null && !found.getName().equals(m.getName())) {
                    throw new NoSuchMethodException(type.getName() + " has two methods whose names hash to " + nameHash
                            + ": " + found.getName() + " and " + m.getName());
                }
                found = m;
            }
        }
        if (found == null) {
            throw new NoSuchMethodException(type.getName() + " has no public method without arguments whose name"
                    + " hashes to " + nameHash);
        }
        return found;
    }
}
