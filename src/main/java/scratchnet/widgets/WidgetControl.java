package scratchnet.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers the front end's widget manager when it opens a notebook whose kernel already has widgets
 * (a page reload, a second browser tab): on the {@code jupyter.widget.control} comm it asks for
 * every widget's state ({@code request_states}) and gets them all in one {@code update_states}, so
 * the sliders shown before come back alive. The cell JVM installs it as it starts.
 * <pre>{@code
 * WidgetControl.install();   // CellAgent, at start-up
 * }</pre>
 */
public final class WidgetControl {
    /** The comm target of the widget manager's control channel (protocol 2.1.0). */
    public static final String TARGET = "jupyter.widget.control";

    private WidgetControl() {
    }

    /** Accepts the control comm from now on. */
    public static void install() {
        Comms.registerTarget(TARGET, comm -> comm.onMessage(m -> {
            if ("request_states".equals(m.data().get("method"))) {
                Map<String, Object> reply = new LinkedHashMap<>();
                reply.put("method", "update_states");
                reply.put("states", Widget.allStates());
                reply.put("buffer_paths", Map.of());
                comm.send(reply);
            }
        }));
    }
}
