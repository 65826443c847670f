package scratchnet.nn;

/**
 * One setting of {@code fit}: options are values, combined in any order.
 * <pre>{@code
 * model.fit(x, y, lr(0.3), iters(4000), printEvery(500));
 * model.fit(x, y, lr(0.05), epochs(20), batch(32), adam(), l2(1e-3));
 * }</pre>
 * The DSL ({@code scratchnet.Dsl}) has a factory for each; {@link FitOptions} holds the types.
 */
@FunctionalInterface
public interface FitOption {
    /** Writes this option into the configuration fit is building. */
    void applyTo(FitConfig config);
}
