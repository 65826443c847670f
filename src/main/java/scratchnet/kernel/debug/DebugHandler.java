package scratchnet.kernel.debug;

import java.util.Map;

/**
 * Answers one Debug Adapter Protocol command: returns the response's {@code body} (null for none)
 * or throws a {@link DebugException} that becomes an unsuccessful response.
 * <pre>{@code
 * requests.register("configurationDone", r -> null);
 * }</pre>
 */
@FunctionalInterface
public interface DebugHandler {
    /** The body of the response to {@code request}. */
    Map<String, Object> handle(DebugRequest request) throws DebugException;
}
