package scratchnet.engine;

/**
 * Every performance threshold and block size of the engine and the layers, in one place. Each
 * constant says what it decides; none changes a result beyond rounding (the Java products give
 * the same bits whatever the blocking or the number of threads). Why each value is what it is,
 * with the measurements behind it, is in {@code docs/performance.md} under the heading named in
 * brackets.
 * <pre>{@code
 * if ((long) m * k * n >= Tuning.NATIVE_MIN_FLOPS) { ... }   // worth a native dgemm call
 * }</pre>
 */
public final class Tuning {
    private Tuning() {
    }

    // ------------------------------------------------------------------ which product runs

    /**
     * Products with fewer multiply-adds ({@code m·k·n}) than this always run in Java, whatever
     * {@code scratchnet.blas} says; a program whose products are all smaller never loads the
     * native library. [Native BLAS threshold]
     */
    public static final long NATIVE_MIN_FLOPS = 32_768;

    /**
     * Without the Vector API kernel: the blocked product needs at least this many rows of C. [Where
     * the blocked product pays]
     */
    public static final int BLOCKED_MIN_ROWS = 4;
    /**
     * Without the Vector API kernel: the blocked product needs an inner size k of at least this.
     * [Where the blocked product pays]
     */
    public static final int BLOCKED_MIN_DEPTH = 4;
    /**
     * Without the Vector API kernel: the blocked product needs at least this many columns of C. [Where
     * the blocked product pays]
     */
    public static final int BLOCKED_MIN_COLUMNS = 16;

    /**
     * With the Vector API kernel: the blocked product needs an inner size k of at least this. [Where
     * the blocked product pays]
     */
    public static final int VECTOR_BLOCKED_MIN_DEPTH = 2;
    /**
     * With the Vector API kernel: a product with at least this many rows pays from {@link
     * #VECTOR_BLOCKED_MIN_COLUMNS} columns. [Where the blocked product pays]
     */
    public static final int VECTOR_BLOCKED_MIN_ROWS = 4;
    /**
     * With the Vector API kernel: the columns a product of {@link #VECTOR_BLOCKED_MIN_ROWS} rows
     * needs. [Where the blocked product pays]
     */
    public static final int VECTOR_BLOCKED_MIN_COLUMNS = 16;
    /**
     * With the Vector API kernel: a product with at least this many rows and this many columns pays
     * too. [Where the blocked product pays]
     */
    public static final int VECTOR_BLOCKED_MIN_SQUARE = 8;

    /**
     * The Vector API product runs only when a vector holds at least this many doubles (AVX-512);
     * with narrower vectors its accumulators do not fit the registers. [Vector API product]
     */
    public static final int VECTOR_GEMM_MIN_LANES = 8;

    // ------------------------------------------------------------------ Gemm (auto-vectorised kernel)

    /** Rows of B (values of p) in one packed panel of {@link Gemm}. [Gemm: blocking] */
    public static final int GEMM_KC = 256;
    /**
     * Columns of C (and of packed B) in one panel of {@link Gemm}; also the distance between the
     * four rows of C in its scratch array. [Gemm: blocking]
     */
    public static final int GEMM_NC = 256;
    /** {@link Gemm} splits a product over threads from this many multiply-adds (m·k·n) up. [Threads] */
    public static final long GEMM_PARALLEL_MIN_FLOPS = 250_000L;
    /** The narrowest column strip of C worth a thread; narrower products split by rows. [Threads] */
    public static final int GEMM_MIN_STRIP_COLUMNS = 64;
    /** The fewest rows of C worth a thread when a product splits by rows. [Threads] */
    public static final int GEMM_MIN_STRIP_ROWS = 16;

    // ------------------------------------------------------------------ VectorGemm (Vector API kernel)

    /**
     * Values of p in one packed panel of {@link VectorGemm}, at most (panels are cut to equal depths).
     * [VectorGemm: blocking]
     */
    public static final int VECTOR_GEMM_KC = 160;
    /** Rows of A packed at once by {@link VectorGemm}. [VectorGemm: blocking] */
    public static final int VECTOR_GEMM_MC = 128;
    /** Columns of B packed at once by {@link VectorGemm}. [VectorGemm: blocking] */
    public static final int VECTOR_GEMM_NC = 256;
    /** {@link VectorGemm} splits a product over threads from this many multiply-adds (m·k·n) up. [Threads] */
    public static final long VECTOR_GEMM_PARALLEL_MIN_FLOPS = 2_000_000L;

    // ------------------------------------------------------------------ Dense layers

    /**
     * Up to this many inputs (forward) or units (backward), a dense layer sums rows directly
     * instead of calling the matrix product. [Dense layers: small products]
     */
    public static final int DENSE_FEW_INPUTS = 16;
    /**
     * Up to this many rows of output, a dense layer's product sums rows directly whatever its inner
     * size. [Dense layers: small products]
     */
    public static final int DENSE_FEW_ROWS = 4;
    /**
     * Up to this many weights, a dense layer computes dW as separate dot products over the samples.
     * [Dense layers: small products]
     */
    public static final int DENSE_FEW_WEIGHTS = 256;
}
