package scratchnet.nn;

import java.io.PrintStream;

/**
 * Stops training cleanly when the thread is interrupted (a notebook's stop button): it checks
 * {@link Thread#interrupted()} before the first update and after every update, asks the loop to
 * stop (the model keeps the weights of its last update and the {@link History} says
 * {@code interrupted()}), prints where it stopped unless quiet, and at the end sets the thread's
 * interrupt flag again for the code that called {@code fit}.
 * <pre>{@code
 * interrupted at iteration 1233 after 1234 updates; the model keeps the weights of its last update
 * }</pre>
 * {@code fit} lists it last, so the displays finish before the flag is set again.
 */
final class InterruptCheck implements TrainingListener {
    private final PrintStream out;
    private boolean interrupted;

    /** Prints to {@code out}, or nothing when it is null. */
    InterruptCheck(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onStart(TrainingState s) {
        check(s);
    }

    @Override
    public void onUpdate(TrainingState s) {
        check(s);
    }

    private void check(TrainingState s) {
        // Thread.interrupted() clears the flag; onEnd sets it again
        if (!interrupted && Thread.interrupted()) {
            interrupted = true;
            s.stopInterrupted();
            if (out != null) {
                out.println("interrupted at " + s.stepWord() + " " + s.step() + " after " + s.updates()
                        + " updates; the model keeps the weights of its last update");
                out.flush();
            }
        }
    }

    @Override
    public void onEnd(History history) {
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
