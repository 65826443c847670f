package scratchnet.runner;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Widgets in the runner's HTML, rendered as they were when the notebook ran: the saved widget state
 * ({@link WidgetStates}) goes into the page as a script of type
 * {@code application/vnd.jupyter.widget-state+json}, each widget output as a view script, and
 * ipywidgets' own standalone renderer ({@code @jupyter-widgets/html-manager}'s {@code embed.js},
 * put in the jar at build time) draws them, with no network. A jar built without it (no network at
 * build time) leaves widgets as their text line.
 * <pre>{@code
 * WidgetEmbed w = WidgetEmbed.of(notebook);     // null: no widgets, or no renderer in the jar
 * head.append(w.stateScript());
 * body.append(w.viewScript(view)).append(w.rendererScript());
 * }</pre>
 */
final class WidgetEmbed {
    /** Where the build puts embed.js in the jar. */
    static final String RENDERER = "/scratchnet/runner/html-manager-embed.js";
    /** embed.js in base64, read once; "" when the jar has none. */
    private static volatile String renderer;

    private final JsonNode state;

    private WidgetEmbed(JsonNode state) {
        this.state = state;
    }

    /** The widgets of an executed notebook, or null when it has none or the jar has no renderer. */
    static WidgetEmbed of(JsonNode notebook) {
        JsonNode saved = notebook.path("metadata").path("widgets").path(WidgetStates.MIME);
        if (!saved.path("state").isObject() || saved.path("state").isEmpty() || renderer() == null) {
            return null;
        }
        return new WidgetEmbed(saved);
    }

    /** Whether the jar carries ipywidgets' renderer. */
    static boolean available() {
        return renderer() != null;
    }

    /** The saved state, for the page's head. */
    String stateScript() {
        return "<script type=\"" + WidgetStates.MIME + "\">" + scriptSafe(state.toString()) + "</script>\n";
    }

    /** The view of one widget output, or null when its model is not in the saved state (closed, say). */
    String viewScript(JsonNode view) {
        String id = view.path("model_id").asText(null);
        if (id == null || !state.path("state").has(id)) {
            return null;
        }
        return "<script type=\"application/vnd.jupyter.widget-view+json\">" + scriptSafe(view.toString()) + "</script>";
    }

    /**
     * ipywidgets' renderer, for the end of the page: as a {@code data:} URL rather than inline text,
     * because webpack's bundle finds its own address from its script element's {@code src}.
     */
    String rendererScript() {
        return "<script src=\"data:text/javascript;base64," + renderer() + "\"></script>\n";
    }

    /** JSON inside a script element: "&lt;/" written as "&lt;\/", so no string in it can end the element. */
    private static String scriptSafe(String json) {
        return json.replace("</", "<\\/");
    }

    private static String renderer() {
        String r = renderer;
        if (r == null) {
            try (InputStream in = WidgetEmbed.class.getResourceAsStream(RENDERER)) {
                r = in == null ? "" : java.util.Base64.getEncoder().encodeToString(in.readAllBytes());
            } catch (IOException e) {
                r = "";
            }
            renderer = r;
        }
        return r.isEmpty() ? null : r;
    }
}
