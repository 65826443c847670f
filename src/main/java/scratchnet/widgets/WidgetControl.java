package scratchnet.widgets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import scratchnet.display.NotebookProgress;
import scratchnet.display.ProgressBar;
import scratchnet.nn.FitDisplays;

/**
 * Answers the front end's widget manager when it opens a notebook whose kernel already has widgets
 * (a page reload, a second browser tab): on the {@code jupyter.widget.control} comm it asks for
 * every widget's state ({@code request_states}) and gets them all in one {@code update_states}, so
 * the sliders shown before come back alive. The cell JVM installs it as it starts. A front end that
 * opens this comm has a widget manager, so from then on {@code fit} draws its bar as a widget.
 * <pre>{@code
 * WidgetControl.install();   // CellAgent, at start-up
 * }</pre>
 */
public final class WidgetControl {
    /** The comm target of the widget manager's control channel (protocol 2.1.0). */
    public static final String TARGET = "jupyter.widget.control";

    private WidgetControl() {
    }

    /** Set once a front end's widget manager opened the control comm: widgets will show there. */
    private static volatile boolean managerSeen;

    /**
     * Accepts the control comm from now on, and has every {@code fit} show its progress as an
     * ipywidgets bar once a widget manager is seen (an HTML bar before, and in the headless runner).
     */
    public static void install() {
        FitDisplays.setFactory(() -> List.of(new NotebookProgress(
                () -> managerSeen ? new WidgetProgressBar() : ProgressBar.html())));
        Comms.registerTarget(TARGET, comm -> {
            managerSeen = true;
            comm.onMessage(m -> answer(comm, m));
        });
    }

    /** Whether a front end with a widget manager (JupyterLab, Notebook 7, VS Code) is connected. */
    public static boolean managerSeen() {
        return managerSeen;
    }

    /** request_states: every widget's state in one update_states. */
    private static void answer(Comm comm, CommMessage m) {
        if ("request_states".equals(m.data().get("method"))) {
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("method", "update_states");
            reply.put("states", Widget.allStates());
            reply.put("buffer_paths", Map.of());
            comm.send(reply);
        }
    }
}
