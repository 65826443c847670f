package scratchnet.nn;

import java.io.PrintStream;

/**
 * Prints each recorded loss as a line, flushed at once, with the step numbers right-aligned:
 * <pre>{@code
 * iter    0  loss 260.181
 * iter  100  loss 61.7022
 * }</pre>
 * {@code fit} adds one unless {@code quiet()} is given.
 */
final class LossPrinter implements TrainingListener {
    private final PrintStream out;
    private String format = "%s %4d  loss %s%n";

    LossPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onStart(TrainingState s) {
        // as wide as the largest step number, at least 4 digits
        int width = Math.max(4, Integer.toString(s.totalSteps()).length());
        format = "%s %" + width + "d  loss %s%n";
    }

    @Override
    public void onRecord(TrainingState s, double loss) {
        out.printf(format, s.unit(), s.step(), LossFormat.g(loss));
        out.flush();
    }
}
