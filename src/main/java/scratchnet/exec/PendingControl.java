package scratchnet.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import jdk.jshell.spi.ExecutionControl;

/**
 * An {@link ExecutionControl} whose JVM is still starting. Classes JShell loads meanwhile (the
 * session's imports) are queued and loaded in order as soon as the JVM is up, so the imports
 * compile without waiting for it; every other command waits for the launch and then goes to
 * the real control. A failed launch makes every command fail with its reason. Closing before
 * the launch is done closes the control as soon as it exists.
 */
final class PendingControl implements ExecutionControl {
    private final FutureTask<ExecutionControl> launch;
    /** Guarded by this: whether close() was called, and the control once it has started. */
    private boolean closed;
    private ExecutionControl started;
    /** Guarded by queueLock: loads waiting for the JVM; null once they have been sent. */
    private List<ClassBytecodes[]> queuedLoads = new ArrayList<>();
    private final Object queueLock = new Object();

    PendingControl(Callable<ExecutionControl> launcher) {
        this.launch = new FutureTask<>(() -> {
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
        } catch (ExecutionException e) {
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
