package scratchnet.exec;

import java.io.InputStream;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.jdi.BooleanValue;
import com.sun.jdi.Field;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.VMDisconnectedException;
import jdk.jshell.execution.JdiExecutionControl;
import jdk.jshell.execution.JdiInitiator;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import scratchnet.exec.agent.CellAgent;

/**
 * JShell's execution engine for notebook cells: a separate JVM started under the debugger
 * (JDI), so a running cell can always be stopped, talking to JShell over a loopback socket with
 * TCP_NODELAY on both ends (JShell's stock JDI engine leaves Nagle's algorithm on, which costs
 * about 180 ms per cell on Linux).
 * <pre>{@code
 * JShell.builder().executionEngine(new CellJvm(), Map.of()).remoteVMOptions("-Xmx2g").build();
 * }</pre>
 */
final class CellJvm implements ExecutionControlProvider {
    /** How long the cell JVM may take to start and connect, in milliseconds. */
    static final int CONNECT_TIMEOUT_MS = 20_000;

    @Override
    public String name() {
        return "scratchnet";
    }

    /** The control generate() made last; JShell builds one per session. */
    private volatile Pending latest;

    /**
     * Starts launching the cell JVM on a background thread and returns at once: JShell compiles
     * (and its compiler warms up) meanwhile, and the first command that needs the JVM waits for it.
     */
    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        latest = new Pending(() -> launch(env));
        return latest;
    }

    /**
     * Waits until the cell JVM of the session built last is up; throws why it could not start.
     *
     * @throws IllegalStateException when it failed to start, or no session was built
     */
    void awaitStarted() {
        Pending pending = latest;
        if (pending == null) {
            throw new IllegalStateException("no cell JVM was started");
        }
        try {
            pending.control();
        } catch (ExecutionControl.EngineTerminationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Starts the cell JVM under the debugger and connects to its agent. */
    private static ExecutionControl launch(ExecutionEnv env) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(CONNECT_TIMEOUT_MS);
            // 1. start the cell JVM under the debugger; its agent connects back to our port
            List<String> options = new ArrayList<>(env.extraRemoteVMOptions());
            JdiInitiator jdi = new JdiInitiator(listener.getLocalPort(), options, CellAgent.class.getName(), false,
                    InetAddress.getLoopbackAddress().getHostAddress(), CONNECT_TIMEOUT_MS, new HashMap<>());
            VirtualMachine vm = jdi.vm();
            Process process = jdi.process();
            // 2. watch the debugger's events: they resume the JVM, and if it dies (System.exit in a
            //    cell, or killed), JShell closes down
            CellControl[] control = new CellControl[1];
            Util.detectJdiExitEvent(vm, why -> {
                env.closeDown();
                if (control[0] != null) {
                    control[0].dispose();
                }
            });
            // 3. the command socket: small messages go out at once
            Socket socket = listener.accept();
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            Map<String, OutputStream> outputs = new HashMap<>();
            outputs.put("out", env.userOut());
            outputs.put("err", env.userErr());
            Map<String, InputStream> inputs = new HashMap<>();
            inputs.put("in", env.userIn());
            return Util.remoteInputOutput(socket.getInputStream(), out, outputs, inputs, (objIn, objOut) -> {
                control[0] = new CellControl(objOut, objIn, vm, process);
                return control[0];
            });
        }
    }

    /**
     * An {@link ExecutionControl} whose JVM is still starting. Classes JShell loads meanwhile (the
     * session's imports) are queued and loaded in order as soon as the JVM is up, so the imports
     * compile without waiting for it; every other command waits for the launch and then goes to
     * the real control. A failed launch makes every command fail with its reason. Closing before
     * the launch is done closes the control as soon as it exists.
     */
    static final class Pending implements ExecutionControl {
        private final java.util.concurrent.FutureTask<ExecutionControl> launch;
        /** Guarded by this: whether close() was called, and the control once it has started. */
        private boolean closed;
        private ExecutionControl started;
        /** Guarded by queueLock: loads waiting for the JVM; null once they have been sent. */
        private List<ClassBytecodes[]> queuedLoads = new ArrayList<>();
        private final Object queueLock = new Object();

        Pending(java.util.concurrent.Callable<ExecutionControl> launcher) {
            this.launch = new java.util.concurrent.FutureTask<>(() -> {
                ExecutionControl control;
                try {
                    control = launcher.call();
                } catch (Exception | Error e) {
                    synchronized (queueLock) {
                        queuedLoads = null;   // nothing to load them into
                    }
                    throw e;
                }
                StartTrace.mark("cell JVM connected");
                synchronized (queueLock) {
                    for (ClassBytecodes[] cbcs : queuedLoads) {
                        try {
                            control.load(cbcs);
                        } catch (ExecutionControlException e) {
                            // JShell counts these as loaded; a cell that uses one reports the missing class
                        }
                    }
                    queuedLoads = null;
                }
                boolean unwanted;
                synchronized (this) {
                    started = control;
                    unwanted = closed;
                }
                if (unwanted) {
                    control.close();   // closed while starting: nobody will use it
                }
                return control;
            });
            Thread t = new Thread(launch, "scratchnet-cell-jvm-launch");
            t.setDaemon(true);
            t.start();
        }

        /** The started control (with every queued load sent); throws why it could not start. */
        ExecutionControl control() throws EngineTerminationException {
            try {
                return launch.get();
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                throw new EngineTerminationException("the cell JVM could not start: "
                        + (cause.getMessage() != null ? cause.getMessage() : cause.toString()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineTerminationException("interrupted while the cell JVM was starting");
            }
        }

        @Override
        public void load(ClassBytecodes[] cbcs)
                throws ClassInstallException, NotImplementedException, EngineTerminationException {
            synchronized (queueLock) {
                if (queuedLoads != null && !launch.isDone()) {
                    queuedLoads.add(cbcs.clone());
                    return;
                }
            }
            control().load(cbcs);
        }

        @Override
        public void redefine(ClassBytecodes[] cbcs)
                throws ClassInstallException, NotImplementedException, EngineTerminationException {
            control().redefine(cbcs);
        }

        @Override
        public String invoke(String className, String methodName)
                throws RunException, EngineTerminationException, InternalException {
            return control().invoke(className, methodName);
        }

        @Override
        public String varValue(String className, String varName)
                throws RunException, EngineTerminationException, InternalException {
            return control().varValue(className, varName);
        }

        @Override
        public void addToClasspath(String path) throws EngineTerminationException, InternalException {
            control().addToClasspath(path);
        }

        @Override
        public void stop() throws EngineTerminationException, InternalException {
            if (launch.isDone()) {
                control().stop();
            }
        }

        @Override
        public Object extensionCommand(String command, Object arg)
                throws RunException, EngineTerminationException, InternalException {
            return control().extensionCommand(command, arg);
        }

        @Override
        public void close() {
            ExecutionControl control;
            synchronized (this) {
                closed = true;
                control = started;
            }
            if (control != null) {
                control.close();
            }
        }
    }

    /** The kernel's end of the command socket, with a stop that works through the debugger. */
    static final class CellControl extends JdiExecutionControl {
        private final Object stopLock = new Object();
        private VirtualMachine vm;
        private Process process;
        private boolean running;

        CellControl(ObjectOutput out, ObjectInput in, VirtualMachine vm, Process process) {
            super(out, in);
            this.vm = vm;
            this.process = process;
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
}
