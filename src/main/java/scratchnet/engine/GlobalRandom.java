package scratchnet.engine;

/**
 * The one generator behind {@code seed(s)}, {@code random(r, c)}, {@code randn(r, c)}, weight
 * initialisation and mini-batch shuffling, like numpy's global {@code np.random} state.
 * <pre>{@code
 * GlobalRandom.seed(0);
 * double u = GlobalRandom.get().nextDouble();   // 0.5488135039273248, as numpy after np.random.seed(0)
 * }</pre>
 * Unseeded, it starts from the clock, as numpy starts from the operating system's entropy.
 */
public final class GlobalRandom {
    private static Rng rng = new Rng((System.nanoTime() ^ System.currentTimeMillis()) & 0xFFFF_FFFFL);

    private GlobalRandom() {
    }

    /** Re-seeds the global generator, like {@code np.random.seed(s)}; s must be in [0, 2³²−1]. */
    public static synchronized void seed(long seed) {
        rng = new Rng(seed);
    }

    /** The global generator. */
    public static synchronized Rng get() {
        return rng;
    }
}
