package scratchnet.runner;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import scratchnet.widgets.CommMessage;
import scratchnet.widgets.Widget;

/**
 * The widgets a headless run made, with their last state, for the executed notebook's metadata
 * ({@code metadata.widgets["application/vnd.jupyter.widget-state+json"]}, as JupyterLab's "save
 * widget state" writes it): a front end opening the notebook later shows the sliders as they were.
 * It reads the comm messages the cell JVM sends: opens, updates and closes of widget models.
 * <pre>{@code
 * WidgetStates states = new WidgetStates();
 * states.accept(CommMessage.fromJson(json));         // for every comm frame of the run
 * if (!states.isEmpty()) metadata.set("widgets", states.toMetadata());
 * }</pre>
 */
final class WidgetStates {
    /** The MIME type of saved widget state in notebook metadata. */
    static final String MIME = "application/vnd.jupyter.widget-state+json";

    /** Model id → {model_name, model_module, model_module_version, state}; in the order opened. */
    private final Map<String, Map<String, Object>> models = new LinkedHashMap<>();

    /** Takes one comm message from the cell JVM; messages of other comms than widgets are ignored. */
    @SuppressWarnings("unchecked")
    synchronized void accept(CommMessage m) {
        if (CommMessage.OPEN.equals(m.type())) {
            if (Widget.TARGET.equals(m.target()) && m.data().get("state") instanceof Map) {
                Map<String, Object> state = new LinkedHashMap<>((Map<String, Object>) m.data().get("state"));
                models.put(m.commId(), Widget.savedForm(state));
            }
        } else if (CommMessage.CLOSE.equals(m.type())) {
            models.remove(m.commId());
        } else {
            Map<String, Object> model = models.get(m.commId());
            Object method = m.data().get("method");
            if (model != null && ("update".equals(method) || "echo_update".equals(method))
                    && m.data().get("state") instanceof Map) {
                ((Map<String, Object>) model.get("state")).putAll((Map<String, Object>) m.data().get("state"));
            }
        }
    }

    synchronized boolean isEmpty() {
        return models.isEmpty();
    }

    /** The metadata entry: {@code {MIME: {version_major: 2, version_minor: 0, state: {...}}}}. */
    synchronized ObjectNode toMetadata() {
        ObjectNode widgets = Ipynb.JSON.createObjectNode();
        ObjectNode saved = widgets.putObject(MIME);
        saved.put("version_major", 2);
        saved.put("version_minor", 0);
        saved.set("state", Ipynb.JSON.valueToTree(models));
        return widgets;
    }
}
