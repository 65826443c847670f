package scratchnet.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.sun.jdi.ThreadReference;
import com.sun.jdi.VirtualMachine;

/**
 * Stops a running cell, gently first: the threads running cell code are interrupted (so
 * {@code fit} returns with the model as trained so far); code that ignores the interrupt is
 * stopped through the debugger after {@value #SOFT_STOP_MS} ms, repeatedly for
 * {@value #HARD_STOP_WINDOW_MS} ms; a cell JVM that still does not stop is ended, and the
 * evaluator starts a new one. Threads the cells started are interrupted with the cell, and
 * stopped the same way when they ignore it ({@link #stopLeftoverThreads}).
 * <pre>{@code
 * stopper.cellStarted();
 * try { ... run the cell ... } finally { stopper.cellEnded(); }
 * stopper.interrupt();     // from another thread: returns at once, escalates in the background
 * stopper.interrupted()    // true: report "Interrupted"
 * }</pre>
 */
final class CellStopper {
    /** How long an interrupt may take before the debugger stops the cell. */
    static final int SOFT_STOP_MS = 600;
    /** How long debugger stops are retried before the cell JVM is replaced. */
    static final int HARD_STOP_WINDOW_MS = 5000;
    /** How long threads the cells started may take to end once stopped through the debugger. */
    static final int LEFTOVER_STOP_MS = 1000;

    private final Supplier<CellSession> session;
    private volatile boolean running;
    /** Counts the cells started, so an interrupt's escalation never reaches a cell after the one it was for. */
    private volatile long cell;
    private volatile boolean interrupted;
    private volatile boolean killed;
    /** When the last interrupt came (System.nanoTime). */
    private volatile long interruptedAt;

    /** A stopper for cells of whatever session {@code session} gives at the time. */
    CellStopper(Supplier<CellSession> session) {
        this.session = session;
    }

    /** A cell starts running: clears the previous cell's interrupt. */
    synchronized void cellStarted() {
        cell++;
        interrupted = false;
        killed = false;
        running = true;
    }

    /** The running cell has ended, however it ended. */
    void cellEnded() {
        running = false;
    }

    /** Whether the current (or last) cell was asked to stop. */
    boolean interrupted() {
        return interrupted;
    }

    /** Whether the current (or last) cell's JVM was ended because it would not stop. */
    boolean killed() {
        return killed;
    }

    /** Starts stopping the running cell, if one runs; returns at once, true when a cell was running. */
    boolean interrupt() {
        if (!running) {
            return false;
        }
        interruptedAt = System.nanoTime();
        interrupted = true;
        long target = cell;
        Thread escalate = new Thread(() -> escalate(target), "scratchnet-interrupt");
        escalate.setDaemon(true);
        escalate.start();
        return true;
    }

    /** Stops cell number {@code target}, harder step by step, for as long as it runs. */
    private void escalate(long target) {
        try {
            CellSession s = session.get();
            // 1. ask nicely: interrupt the cell's threads (fit and sleep stop at once)
            s.line().interrupt();
            if (waitForEnd(target, SOFT_STOP_MS)) {
                return;
            }
            // 2. stop the thread through the debugger (busy loops, code that swallows interrupts);
            //    repeat for a while, since a cell still compiling on a busy machine has nothing to stop yet
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HARD_STOP_WINDOW_MS);
            while (System.nanoTime() < deadline) {
                synchronized (this) {
                    // checked under the lock cellStarted takes: the next cell is never stopped for this one
                    if (!runs(target)) {
                        return;
                    }
                    s.line().interrupt();
                    s.shell().stop();
                }
                if (waitForEnd(target, 250)) {
                    return;
                }
            }
            // 3. the cell JVM does not respond: end it; the evaluator restarts it
            synchronized (this) {
                if (runs(target)) {
                    killed = true;
                    ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly);
                }
            }
        } catch (RuntimeException e) {
            // the session is closing
        }
    }

    /** Whether cell number {@code target} is still the one running. */
    private boolean runs(long target) {
        return running && cell == target;
    }

    /** Threads the interrupt left running: those stopped through the debugger, and those that still run. */
    record Leftovers(List<String> stopped, List<String> stillRunning) {
    }

    /**
     * After an interrupted cell has ended: threads the cells started that still run cell code
     * were interrupted with it; those that have not stopped {@value #SOFT_STOP_MS} ms after the
     * interrupt are stopped through the debugger, as a busy cell is. Returns at once when there
     * are none (the usual case).
     */
    Leftovers stopLeftoverThreads() {
        try {
            VirtualMachine vm = session.get().vm();
            long deadline = interruptedAt + TimeUnit.MILLISECONDS.toNanos(SOFT_STOP_MS);
            List<ThreadReference> left = CellThreads.running(vm);
            while (!left.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
                left = CellThreads.running(vm);
            }
            if (left.isEmpty()) {
                return new Leftovers(List.of(), List.of());
            }
            List<String> stopped = CellThreads.names(left);
            CellThreads.stop(vm, left);
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LEFTOVER_STOP_MS);
            List<ThreadReference> still = stillAmong(left, CellThreads.running(vm));
            while (!still.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(20);
                still = stillAmong(left, CellThreads.running(vm));
            }
            List<String> stillRunning = CellThreads.names(still);
            List<String> ended = new ArrayList<>(stopped);
            ended.removeAll(stillRunning);
            return new Leftovers(ended, stillRunning);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Leftovers(List.of(), List.of());
        } catch (RuntimeException e) {
            // the cell JVM is gone or going: nothing left to stop
            return new Leftovers(List.of(), List.of());
        }
    }

    private static List<ThreadReference> stillAmong(List<ThreadReference> stopped, List<ThreadReference> running) {
        List<ThreadReference> still = new ArrayList<>(running);
        still.retainAll(stopped);
        return still;
    }

    /** Waits up to {@code ms} for cell number {@code target} to end; true when it has. */
    private boolean waitForEnd(long target, long ms) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (runs(target) && System.nanoTime() < end) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !runs(target);
            }
        }
        return !runs(target);
    }
}
