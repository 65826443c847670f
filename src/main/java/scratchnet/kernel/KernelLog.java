package scratchnet.kernel;

import java.util.HexFormat;

/**
 * The kernel's log: one line on standard error per event, saying what happened and where it came
 * from, never a stack trace (Jupyter shows the kernel's standard error in its own log).
 * <pre>{@code
 * KernelLog.dropped("shell", identity, "its header is not valid JSON");
 * // scratchnet kernel: dropped a message on shell from peer 006b8b4567: its header is not valid JSON
 * }</pre>
 */
final class KernelLog {
    /** A reason longer than this is cut, so one bad message cannot fill the log. */
    static final int MAX_REASON = 240;

    private KernelLog() {
    }

    /** Logs one line. */
    static void line(String text) {
        System.err.println("scratchnet kernel: " + oneLine(text));
    }

    /** Logs that a message on {@code channel} from the peer with ZMQ routing id {@code peer} was dropped, and why. */
    static void dropped(String channel, byte[] peer, String why) {
        line("dropped a message on " + channel + " from " + peer(peer) + ": " + why);
    }

    /** A peer by its ZMQ routing id: {@code peer 006b8b4567}, or {@code an unknown peer}. */
    static String peer(byte[] identity) {
        if (identity == null || identity.length == 0) {
            return "an unknown peer";
        }
        return "peer " + HexFormat.of().formatHex(identity, 0, Math.min(identity.length, 16));
    }

    /** {@code text} on one line (line breaks become spaces), cut at {@link #MAX_REASON} characters. */
    static String oneLine(String text) {
        String s = String.valueOf(text).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON) + "…";
    }
}
