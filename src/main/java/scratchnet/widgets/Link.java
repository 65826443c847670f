package scratchnet.widgets;

import java.util.Objects;

/**
 * Keeps two controls at the same value: a change of either moves the other (here in the JVM, so
 * it holds in every front end and in the runner alike). The usual pair is a {@link Play} button
 * and an {@link IntSlider} that shows where it is.
 * <pre>{@code
 * var frame = play(0, 299);
 * var where = intSlider(0, 299, 0);
 * link(frame, where);
 * hbox(frame, where)
 * }</pre>
 */
public final class Link {
    private Link() {
    }

    /** Links {@code a} and {@code b}; {@code b} takes {@code a}'s value now. */
    public static <T> void link(ValueControl<T> a, ValueControl<T> b) {
        if (a == null || b == null || a == b) {
            throw new IllegalArgumentException("link: expected two different controls, got " + a + " and " + b);
        }
        b.value(a.value());
        a.onChange(v -> follow(b, v));
        b.onChange(v -> follow(a, v));
    }

    /** Sets {@code to} unless it already holds {@code v} (which also ends the echo between the two). */
    private static <T> void follow(ValueControl<T> to, T v) {
        if (!Objects.equals(to.value(), v)) {
            to.value(v);
        }
    }
}
