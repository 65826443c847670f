package scratchnet.exec;

import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.sun.jdi.BooleanValue;
import com.sun.jdi.Field;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import jdk.jshell.execution.JdiExecutionControl;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.EngineTerminationException;
import jdk.jshell.spi.ExecutionControl.NotImplementedException;
import scratchnet.exec.agent.CellAgent;

/**
 * The kernel's end of the command socket to the cell JVM's {@link CellAgent}, with a stop that
 * works through the debugger: it throws the agent's stop exception into the thread running the
 * cell, so even a busy loop that ignores interrupts ends.
 * <pre>{@code
 * control.invoke("REPL.$JShell$12", "do_it$");   // runs a cell on another thread
 * control.stop();                                  // that cell ends with JShell's "stopped"
 * }</pre>
 */
final class StoppableControl extends JdiExecutionControl {
    private final Object stopLock = new Object();
    private VirtualMachine vm;
    private Process process;
    private boolean running;
    /** Told the names of the classes JShell loaded, once they are loaded (and before they run). */
    private final Consumer<List<String>> onLoad;

    StoppableControl(ObjectOutput out, ObjectInput in, VirtualMachine vm, Process process,
                     Consumer<List<String>> onLoad) {
        super(out, in);
        this.vm = vm;
        this.process = process;
        this.onLoad = onLoad;
    }

    /** Loads a snippet's classes, then says which were loaded: the debugger sets breakpoints in them before they run. */
    @Override
    public void load(ClassBytecodes[] cbcs)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(cbcs);
        List<String> names = new ArrayList<>();
        for (ClassBytecodes c : cbcs) {
            names.add(c.name());
        }
        onLoad.accept(names);
    }

    @Override
    public String invoke(String className, String methodName)
            throws RunException, EngineTerminationException, InternalException {
        synchronized (stopLock) {
            running = true;
        }
        try {
            return super.invoke(className, methodName);
        } finally {
            synchronized (stopLock) {
                running = false;
            }
        }
    }

    /**
     * Stops the thread running the cell: with the JVM suspended, find the agent's frame, tell the
     * agent a stop is expected, and throw the agent's stop exception into that thread.
     */
    @Override
    public void stop() throws EngineTerminationException, InternalException {
        synchronized (stopLock) {
            if (!running) {
                return;
            }
            VirtualMachine machine = vm();
            machine.suspend();
            try {
                for (ThreadReference thread : machine.allThreads()) {
                    for (StackFrame frame : thread.frames()) {
                        String method = frame.location().method().name();
                        if (frame.location().declaringType().name().equals(CellAgent.class.getName())
                                && (method.equals("invoke") || method.equals("varValue"))) {
                            ObjectReference agent = frame.thisObject();
                            Field inClientCode = agent.referenceType().fieldByName("inClientCode");
                            Field expectingStop = agent.referenceType().fieldByName("expectingStop");
                            Field stopException = agent.referenceType().fieldByName("stopException");
                            if (((BooleanValue) agent.getValue(inClientCode)).value()) {
                                agent.setValue(expectingStop, machine.mirrorOf(true));
                                ObjectReference stop = (ObjectReference) agent.getValue(stopException);
                                machine.resume();
                                thread.stop(stop);
                                agent.setValue(expectingStop, machine.mirrorOf(false));
                            }
                            return;
                        }
                    }
                }
            } catch (VMDisconnectedException e) {
                throw new EngineTerminationException("the cell JVM is gone");
            } catch (Exception e) {
                throw new InternalException("stop failed: " + e);
            } finally {
                try {
                    machine.resume();
                } catch (VMDisconnectedException e) {
                    // already gone
                }
            }
        }
    }

    @Override
    public void close() {
        super.close();
        dispose();
    }

    synchronized void dispose() {
        try {
            if (vm != null) {
                vm.dispose();
            }
        } catch (RuntimeException e) {
            // already disconnected
        } finally {
            vm = null;
            if (process != null) {
                process.destroyForcibly();
                process = null;
            }
        }
    }

    @Override
    protected synchronized VirtualMachine vm() throws EngineTerminationException {
        if (vm == null) {
            throw new EngineTerminationException("the cell JVM is closed");
        }
        return vm;
    }
}
