package scratchnet.widgets;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import scratchnet.display.Display;
import scratchnet.display.DisplayHandle;
import scratchnet.display.MimeBundle;

/**
 * Shows controls and, below them, what a function makes of their values (a chart, a table, text);
 * each change of a control runs the function again and replaces what is shown. The function runs
 * on a thread of its own, so the controls stay live; a run still going when a value changes again
 * is stopped (interrupted: {@code fit} stops at its next step) and only the newest values run.
 * For slow functions, let sliders report only when they are let go: {@code continuousUpdate(false)}.
 * <pre>{@code
 * var lr = slider(0.05, 1, 0.3).description("lr").continuousUpdate(false);
 * interact(() -> {
 *     seed(0);
 *     var m = net(1, 25, 1).sigmoid().linear();
 *     m.fit(x, y, lr(lr.value()), iters(2000), quiet());
 *     return scatter(x, y, "data").line(x, m.predict(x), "fit");
 * }, lr);
 * }</pre>
 */
public final class Interact {
    private final Supplier<?> fn;
    private final DisplayHandle result;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scratchnet-interact");
        t.setDaemon(true);
        return t;
    });
    /** The run asked for last; guarded by this. */
    private Future<?> latest;
    private volatile int runs;

    private Interact(Supplier<?> fn, ValueControl<?>[] controls) {
        this.fn = fn;
        Display.display(Box.vbox(controls));
        // the first result is computed now, in the cell, so the cell shows it when it ends
        this.result = Display.display(resultOf());
        runs = 1;
        for (ValueControl<?> c : controls) {
            c.onChange(v -> rerun());
        }
    }

    /**
     * Shows {@code controls} and {@code fn}'s result, and runs {@code fn} again whenever one of the
     * controls changes.
     *
     * @throws IllegalArgumentException without a function or without controls
     */
    public static Interact interact(Supplier<?> fn, ValueControl<?>... controls) {
        if (fn == null) {
            throw new IllegalArgumentException("interact: expected a function such as () -> scatter(x, y), got null");
        }
        if (controls == null || controls.length == 0) {
            throw new IllegalArgumentException("interact: expected at least one control (a slider, a checkbox, …) to watch, got none");
        }
        for (ValueControl<?> c : controls) {
            if (c == null) {
                throw new IllegalArgumentException("interact: expected controls, got null among " + controls.length);
            }
        }
        return new Interact(fn, controls);
    }

    /** How many times the function has run to the end and been shown (the first time included). */
    public int runs() {
        return runs;
    }

    /** Runs the function again with the controls' values now, dropping a run still going. */
    public synchronized void rerun() {
        if (latest != null) {
            latest.cancel(true);
        }
        latest = worker.submit(() -> {
            Object shown = resultOf();
            // a run stopped because a newer one was asked for shows nothing
            if (!Thread.currentThread().isInterrupted()) {
                result.update(shown);
                runs++;
            }
        });
    }

    /** The function's result, or its failure as text (the controls keep working). */
    private Object resultOf() {
        try {
            Object r = fn.get();
            return r == null ? MimeBundle.ofText("") : r;
        } catch (RuntimeException e) {
            return MimeBundle.ofText(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "Interact (" + runs + " runs)";
    }
}
