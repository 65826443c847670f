package scratchnet.exec;

import java.util.List;

import com.sun.jdi.ClassType;
import com.sun.jdi.IntegerValue;
import com.sun.jdi.Method;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.EventRequest;
import scratchnet.exec.agent.SystemExit;
import scratchnet.exec.debug.CellDebugger;

/**
 * The debugger's events from the cell JVM, on a daemon thread: they resume the JVM as it starts,
 * turn {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} into a
 * {@link SystemExit} error thrown in the thread that called them (so a cell cannot end the
 * session), and report the JVM's end when it dies anyway (killed, or a crash). Breakpoints and
 * steps of the cells' {@link CellDebugger} go to it; a thread stopped there stays suspended.
 * <pre>{@code
 * JvmEvents.start(vm, () -> env.closeDown(), debugger);   // right after the JVM is launched, still suspended
 * }</pre>
 */
final class JvmEvents {
    /** The methods that end the JVM, in java.lang.Runtime, each taking the exit status. */
    private static final List<String> EXITS = List.of("exit", "halt");
    /** The property that marks the breakpoints on those methods (the debugger's, resumed, are not exits). */
    private static final String EXIT = "scratchnet.exit";

    private final VirtualMachine vm;
    private final Runnable onDeath;
    private final CellDebugger debugger;

    private JvmEvents(VirtualMachine vm, Runnable onDeath, CellDebugger debugger) {
        this.vm = vm;
        this.onDeath = onDeath;
        this.debugger = debugger;
    }

    /** Sets the breakpoints on the exits and starts handling events; {@code onDeath} runs once when the JVM is gone. */
    static void start(VirtualMachine vm, Runnable onDeath, CellDebugger debugger) {
        JvmEvents events = new JvmEvents(vm, onDeath, debugger);
        events.breakOnExits();
        Thread t = new Thread(events::run, "scratchnet-jvm-events");
        t.setDaemon(true);
        t.start();
    }

    private void breakOnExits() {
        // java.lang.Runtime is loaded before the JVM runs any code of ours
        for (ReferenceType runtime : vm.classesByName("java.lang.Runtime")) {
            for (String name : EXITS) {
                for (Method m : runtime.methodsByName(name, "(I)V")) {
                    BreakpointRequest request = vm.eventRequestManager().createBreakpointRequest(m.location());
                    request.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
                    request.putProperty(EXIT, name);
                    request.enable();
                }
            }
        }
    }

    private void run() {
        try {
            while (true) {
                EventSet set = vm.eventQueue().remove();
                boolean keepStopped = false;
                for (Event e : set) {
                    if (e instanceof VMDeathEvent || e instanceof VMDisconnectEvent) {
                        onDeath.run();
                        return;
                    }
                    if (debugger.handle(e)) {
                        keepStopped = true;
                    } else if (e instanceof BreakpointEvent && e.request().getProperty(EXIT) != null) {
                        refuseExit((BreakpointEvent) e);
                    }
                }
                if (!keepStopped) {
                    set.resume();
                }
            }
        } catch (VMDisconnectedException | InterruptedException e) {
            onDeath.run();
        }
    }

    /** Throws a SystemExit into the thread stopped at the start of Runtime.exit or halt. */
    private void refuseExit(BreakpointEvent e) {
        ThreadReference thread = e.thread();
        String method = e.location().method().name();
        try {
            List<Value> args = thread.frame(0).getArgumentValues();
            int status = args.isEmpty() ? 0 : ((IntegerValue) args.get(0)).value();
            List<ReferenceType> types = vm.classesByName(SystemExit.class.getName());
            if (types.isEmpty()) {
                throw new IllegalStateException("the class " + SystemExit.class.getName() + " is not loaded");
            }
            // the agent's SystemExit.prepare makes the error in this thread and keeps it in a static
            // field, where no collection can take it before the throw (an object the debugger
            // made itself could be collected at any moment: JDI's ObjectCollectedException)
            ClassType type = (ClassType) types.get(0);
            Method prepare = type.concreteMethodByName("prepare", "(ZI)V");
            type.invokeMethod(thread, prepare, List.of(vm.mirrorOf(method.equals("halt")), vm.mirrorOf(status)),
                    ClassType.INVOKE_SINGLE_THREADED);
            thread.stop((ObjectReference) type.getValue(type.fieldByName("pending")));
        } catch (VMDisconnectedException x) {
            throw x;
        } catch (Exception x) {
            // the exit cannot be refused: it goes ahead, and the kernel reports the JVM's end
            System.err.println("scratchnet: could not stop " + method + " in the cell JVM: " + x);
        }
    }
}
