package scratchnet.exec.debug;

/**
 * Told when a thread of the cell JVM stops at a breakpoint or after a step.
 * <pre>{@code
 * debugger.listen((threadId, reason) -> events.send("stopped", Map.of("threadId", threadId, "reason", reason)));
 * }</pre>
 */
@FunctionalInterface
public interface StopListener {
    /** Thread {@code threadId} stopped; {@code reason} is "breakpoint", "step", "pause" or "exception". */
    void stopped(long threadId, String reason);
}
