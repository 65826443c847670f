package scratchnet.nn;

import java.util.List;
import java.util.function.Supplier;

/**
 * Where {@code fit} gets the live displays of its environment: a notebook installs a factory
 * that makes a progress bar and loss chart for every fit, a terminal one that makes a text progress
 * bar. {@code fit} adds the listeners it makes to the user's callbacks, unless {@code quiet()} is given.
 * With no factory (the default) nothing is added.
 * <pre>{@code
 * FitDisplays.setFactory(() -> List.of(new NotebookProgress()));   // what Notebook.install() does
 * model.fit(x, y, lr(0.3), iters(4000));                           // shows a live progress bar
 * FitDisplays.setFactory(null);                                     // back to plain printing
 * }</pre>
 */
public final class FitDisplays {
    private static volatile Supplier<List<TrainingListener>> factory;

    private FitDisplays() {
    }

    /** Sets the factory called once per fit; null removes it. */
    public static void setFactory(Supplier<List<TrainingListener>> f) {
        factory = f;
    }

    /** The factory in use, or null. */
    public static Supplier<List<TrainingListener>> factory() {
        return factory;
    }

    /** Fresh listeners for one fit: the factory's, or an empty list when there is no factory. */
    public static List<TrainingListener> create() {
        Supplier<List<TrainingListener>> f = factory;
        if (f == null) {
            return List.of();
        }
        List<TrainingListener> made = f.get();
        if (made == null) {
            return List.of();
        }
        for (TrainingListener l : made) {
            if (l == null) {
                throw new IllegalStateException("FitDisplays: expected the factory to return listeners, got a list "
                        + "with a null in it: " + made);
            }
        }
        return List.copyOf(made);
    }
}
