package scratchnet.engine;

/**
 * Thrown when the shapes of two operands do not fit an operation.
 *
 * <p>The message always names the operation and both shapes, and suggests a transpose when
 * one would make the shapes fit:
 * <pre>{@code
 * dot: (25×1)·(100×1) — inner sizes 1 and 100 differ; did you mean a.dot(b.T()) → (25×100)?
 * }</pre>
 */
public class ShapeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a complete, user-facing message. */
    public ShapeException(String message) {
        super(message);
    }

    /** Formats a shape the way every message in scratchnet does: {@code (rows×cols)}. */
    public static String shape(int rows, int cols) {
        return "(" + rows + "×" + cols + ")";
    }
}
