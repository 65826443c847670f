package scratchnet.display;

/**
 * Where {@link Display} sends rendered output. Two are built in: {@link #frames()} writes frames
 * to System.out for the Jupyter kernel, {@link #plain()} prints text for a terminal or JShell.
 * Tests can capture output with their own sink:
 * <pre>{@code
 * List<String> types = new ArrayList<>();
 * Display.setSink((type, bundle, id) -> types.add(type));
 * Display.display("hi");            // types = [display]
 * }</pre>
 */
@FunctionalInterface
public interface DisplaySink {
    /**
     * Sends one output.
     *
     * @param type      {@link Frames#DISPLAY}, {@link Frames#UPDATE}, {@link Frames#RESULT}, {@link Frames#CLEAR} or {@link Frames#COMM}
     * @param b         the rendered value
     * @param displayId the display's id; null for results
     */
    void send(String type, MimeBundle b, String displayId);

    /** Whether this sink reaches a front end that takes comm messages ({@link Frames#COMM} frames): only {@link #frames()}. */
    default boolean carriesComms() {
        return false;
    }

    /** Frames on System.out (the System.out of the moment of sending), for the Jupyter kernel. */
    static DisplaySink frames() {
        return new FrameSink();
    }

    /** Text on System.out: displays and results print their text, updates print only changed text. */
    static DisplaySink plain() {
        return new PlainSink();
    }
}
