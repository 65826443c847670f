package scratchnet.kernel.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.ArrayReference;
import com.sun.jdi.Field;
import com.sun.jdi.InvocationException;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.Method;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.Value;
import scratchnet.exec.JShellNames;
import scratchnet.exec.debug.CellDebugger;

/**
 * Evaluates an {@link Expression} in a frame of a stopped thread: the name is looked up among the
 * frame's local variables, then the fields of {@code this}, then the cells' variables; fields and
 * indices are read through JDI; a Matrix's methods (Matrices never change, so calling one has no
 * side effects) run in the stopped thread alone, given {@value #CALL_SECONDS} s to return.
 * <pre>{@code
 * new Evaluation(debugger, threadId, depth, globals, pinned::add).evaluate(Expression.parse("dz.shape()"));
 * // Item[name=dz.shape(), value=int[2] {25, 100}, …]
 * }</pre>
 */
final class Evaluation {
    /** How long a method may run before the evaluation gives up on it. */
    static final int CALL_SECONDS = 10;
    /** Runs the calls, so a call that never returns cannot hold the kernel's control thread. */
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scratchnet-debug-call");
        t.setDaemon(true);
        return t;
    });

    private final CellDebugger debugger;
    private final long thread;
    private final int depth;
    private final Map<String, Value> globals;
    /** Told of each object a call made, which must outlive the call (the cell JVM's GC would take it). */
    private final Consumer<ObjectReference> pin;

    Evaluation(CellDebugger debugger, long thread, int depth, Map<String, Value> globals, Consumer<ObjectReference> pin) {
        this.debugger = debugger;
        this.thread = thread;
        this.depth = depth;
        this.globals = globals;
        this.pin = pin;
    }

    /**
     * The entry for {@code e}'s value, named as written.
     *
     * @throws DebugException when a name, field or index does not exist, a call is not a Matrix's
     *                        method without arguments, or the call threw or did not return in time
     */
    ValueViews.Item evaluate(Expression e, String text) throws DebugException {
        Object current = lookUp(e.name());
        String path = e.name();
        for (Expression.Step step : e.steps()) {
            if (step instanceof Expression.Field f) {
                current = field(current, path, f.name());
                path += "." + f.name();
            } else if (step instanceof Expression.Index i) {
                current = index(current, path, i.index());
                path += "[" + i.index() + "]";
            } else if (step instanceof Expression.Call c) {
                current = call(current, path, c.method());
                path += "." + c.method() + "()";
            }
        }
        if (current instanceof ValueViews.Row r) {
            ValueViews.Item row = ValueViews.row(r.matrix(), r.row());
            return new ValueViews.Item(text, row.value(), row.type(), row.opens(), row.indexed());
        }
        return ValueViews.item(text, (Value) current);
    }

    private Object lookUp(String name) throws DebugException {
        StackFrame frame;
        try {
            frame = debugger.frames(thread).get(depth);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new DebugException("the frame is gone: the thread ran on");
        }
        boolean topLevel = frame.location().method().name().equals("do_it$");
        try {
            LocalVariable local = frame.visibleVariableByName(name);
            if (local != null && !(topLevel && ThreadCommands.isJShellTemporary(name))) {
                return frame.getValue(local);
            }
        } catch (AbsentInformationException e) {
            // no local names compiled in: look further
        }
        ObjectReference self = frame.thisObject();
        if (name.equals("this") && self != null) {
            return self;
        }
        if (self != null) {
            Field f = self.referenceType().fieldByName(name);
            if (f != null) {
                return f.isStatic() ? self.referenceType().getValue(f) : self.getValue(f);
            }
        }
        if (globals.containsKey(name)) {
            return globals.get(name);
        }
        throw new DebugException("there is no variable " + name + " here (neither local nor declared by a cell)");
    }

    private Object field(Object current, String path, String name) throws DebugException {
        if (current instanceof ArrayReference a && name.equals("length")) {
            return debugger.vm().mirrorOf(a.length());
        }
        if (current instanceof ValueViews.Row) {
            throw new DebugException(path + " is a row of a Matrix: it has no fields; index it (" + path + "[0])");
        }
        ObjectReference o = object(current, path, "has no field " + name);
        Field f = o.referenceType().fieldByName(name);
        if (f == null || o instanceof ArrayReference) {
            List<String> names = new ArrayList<>();
            if (!(o instanceof ArrayReference)) {
                o.referenceType().visibleFields().forEach(x -> names.add(x.name()));
            }
            throw new DebugException(path + " (" + typeOf(o) + ") has no field " + name
                    + (names.isEmpty() ? "" : "; its fields are " + String.join(", ", names)));
        }
        return f.isStatic() ? o.referenceType().getValue(f) : o.getValue(f);
    }

    private Object index(Object current, String path, int i) throws DebugException {
        if (current instanceof ValueViews.Row r) {
            int cols = r.matrix().cols();
            check(i, cols, path, "values");
            return debugger.vm().mirrorOf(r.matrix().read(r.row() * cols + i, 1)[0]);
        }
        ValueViews.MatrixRef m = current instanceof Value v ? ValueViews.matrix(v) : null;
        if (m != null) {
            check(i, m.rows(), path, "rows");
            return new ValueViews.Row(m, i);
        }
        if (current instanceof ArrayReference a) {
            check(i, a.length(), path, "elements");
            return a.getValue(i);
        }
        throw new DebugException("only arrays and Matrices can be indexed; " + path + " is "
                + (current == null ? "null" : typeOf((Value) current)));
    }

    private static void check(int i, int n, String path, String what) throws DebugException {
        if (i >= n) {
            throw new DebugException(path + " has " + n + " " + what + ": index " + i + " is out of range (0 to "
                    + (n - 1) + ")");
        }
    }

    private Object call(Object current, String path, String method) throws DebugException {
        ValueViews.MatrixRef m = current instanceof Value v ? ValueViews.matrix(v) : null;
        if (m == null) {
            throw new DebugException("only a Matrix's methods can be called (they change nothing); " + path + " is "
                    + (current == null ? "null" : current instanceof ValueViews.Row ? "a row of a Matrix"
                    : typeOf((Value) current)));
        }
        Method found = null;
        for (Method candidate : m.object().referenceType().methodsByName(method)) {
            if (candidate.argumentTypeNames().isEmpty() && candidate.isPublic() && !candidate.isStatic()) {
                found = candidate;
            }
        }
        if (found == null) {
            throw new DebugException("Matrix has no method " + method + "() without arguments; for example shape(),"
                    + " rows(), cols(), sum(), mean(), min(), max(), T()");
        }
        Future<Value> result = CALLS.submit(() -> debugger.call(thread, m.object(), method));
        try {
            Value v = result.get(CALL_SECONDS, TimeUnit.SECONDS);
            if (v instanceof ObjectReference o) {
                pin.accept(o);
            }
            return v;
        } catch (TimeoutException e) {
            throw new DebugException(path + "." + method + "() did not return within " + CALL_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DebugException(path + "." + method + "() was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvocationException ie) {
                pin.accept(ie.exception());
                throw new DebugException(path + "." + method + "() threw " + JdiValues.exceptionText(ie.exception()));
            }
            throw new DebugException(path + "." + method + "() failed: " + cause);
        }
    }

    private static ObjectReference object(Object current, String path, String what) throws DebugException {
        if (current == null) {
            throw new DebugException(path + " is null: it " + what);
        }
        if (!(current instanceof ObjectReference) || current instanceof StringReference) {
            throw new DebugException(path + " is " + typeOf((Value) current) + ": it " + what);
        }
        return (ObjectReference) current;
    }

    private static String typeOf(Value v) {
        String t = JShellNames.strip(v.type().name());
        return "a " + t.substring(t.lastIndexOf('.') + 1);
    }
}
