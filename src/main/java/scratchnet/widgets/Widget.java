package scratchnet.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import scratchnet.display.MimeBundle;
import scratchnet.display.Renderers;

/**
 * A Jupyter widget whose front-end half is one of ipywidgets' own models: the state (a map of
 * attributes) lives here and in the front end, and either side's changes reach the other through
 * the widget's comm (ipywidgets' messaging protocol 2.1.0: {@code update}, {@code echo_update},
 * {@code request_state}, {@code custom}). Shown as a cell's value or with {@code display(widget)},
 * it renders as ipywidgets' view MIME type, with a line of text for front ends without widgets.
 * <pre>{@code
 * FloatSlider s = new FloatSlider(0, 1, 0.3);     // a comm_open with the slider's state
 * s.onChange(v -> System.out.println(v));          // runs when the learner drags it
 * s.value();                                       // what the front end shows now
 * }</pre>
 */
public abstract class Widget {
    /** The comm target of widget models. */
    public static final String TARGET = "jupyter.widget";
    /** The widget messaging protocol spoken (ipywidgets 8). */
    public static final String PROTOCOL_VERSION = "2.1.0";
    /** The MIME type of a widget's view in display_data. */
    public static final String VIEW_MIME = "application/vnd.jupyter.widget-view+json";
    /** The module of the controls' models and views, and its version. */
    public static final String CONTROLS = "@jupyter-widgets/controls";
    /** The module of layouts and styles' views. */
    public static final String BASE = "@jupyter-widgets/base";
    /** The version of both modules ipywidgets 8 has. */
    public static final String MODULE_VERSION = "2.0.0";

    private static final JsonMapper JSON = new JsonMapper();
    /** The widgets open in this JVM, by model id, in the order they were made. */
    private static final Map<String, Widget> LIVE = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    static {
        Renderers.register(Widget.class, Widget::bundle);
    }

    /** The state, attribute by attribute; guarded by this. */
    private final Map<String, Object> state = new LinkedHashMap<>();
    private final Comm comm;
    private final List<BiConsumer<String, Object>> changeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Map<String, Object>>> customListeners = new CopyOnWriteArrayList<>();

    /**
     * Opens the widget's comm with its model and view (each {@code module/name}) and its first state.
     *
     * @param modelModule the model's JavaScript module, e.g. {@link #CONTROLS}
     * @param modelName   the model's name, e.g. {@code FloatSliderModel}
     * @param viewModule  the view's module (for layouts and styles {@link #BASE})
     * @param viewName    the view's name, or null for models without a view (layouts have {@code LayoutView})
     * @param initial     the other attributes
     */
    protected Widget(String modelModule, String modelName, String viewModule, String viewName, Map<String, Object> initial) {
        this(modelModule, MODULE_VERSION, modelName, viewModule, viewName, initial);
    }

    /** As above, for a model and view in a module of another version (the Output widget's is 1.0.0). */
    protected Widget(String module, String moduleVersion, String modelName, String viewModule, String viewName,
                     Map<String, Object> initial) {
        state.put("_model_module", module);
        state.put("_model_module_version", moduleVersion);
        state.put("_model_name", modelName);
        state.put("_view_module", viewModule);
        state.put("_view_module_version", moduleVersion);
        state.put("_view_name", viewName);
        state.putAll(initial);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("state", new LinkedHashMap<>(state));
        data.put("buffer_paths", List.of());
        comm = Comm.open(TARGET, data, Map.of("version", PROTOCOL_VERSION));
        comm.onMessage(this::receive);
        comm.onClose(() -> LIVE.remove(comm.id()));
        LIVE.put(comm.id(), this);
    }

    /**
     * One widget as saved widget state and {@code update_states} hold it: {@code {model_name,
     * model_module, model_module_version, state}}, read from the state's own {@code _model_*} keys.
     */
    public static Map<String, Object> savedForm(Map<String, Object> state) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("model_name", state.get("_model_name"));
        one.put("model_module", state.get("_model_module"));
        one.put("model_module_version", state.get("_model_module_version"));
        one.put("state", state);
        return one;
    }

    /**
     * Every open widget's model and state, by model id, as the control comm's {@code update_states}
     * gives them: {@code {id: {model_name, model_module, model_module_version, state}}}.
     */
    static Map<String, Object> allStates() {
        Map<String, Object> all = new LinkedHashMap<>();
        synchronized (LIVE) {
            for (Widget w : LIVE.values()) {
                Map<String, Object> state;
                synchronized (w) {
                    state = new LinkedHashMap<>(w.state);
                }
                all.put(w.id(), savedForm(state));
            }
        }
        return all;
    }

    /** The model's id: its comm's id. */
    public String id() {
        return comm.id();
    }

    /** How other widgets' state refers to this one: {@code IPY_MODEL_<id>}. */
    public String reference() {
        return "IPY_MODEL_" + id();
    }

    /** One attribute of the state, as the last side to change it left it. */
    protected final synchronized Object get(String key) {
        return state.get(key);
    }

    /** Sets attributes here and in the front end (one update message), then tells the listeners. */
    protected final void set(Map<String, Object> changes) {
        Map<String, Object> changed = apply(changes);
        sendUpdate("update", changes);
        changed.forEach(this::changed);
    }

    /**
     * Puts {@code changes} in the state and returns those that change it; a number within 1e-12 of
     * the one there (a front end's rounding of it) changes nothing and leaves it as it was.
     */
    private synchronized Map<String, Object> apply(Map<String, Object> changes) {
        Map<String, Object> changed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : changes.entrySet()) {
            if (!state.containsKey(e.getKey()) || !same(state.get(e.getKey()), e.getValue())) {
                state.put(e.getKey(), e.getValue());
                changed.put(e.getKey(), e.getValue());
            }
        }
        return changed;
    }

    /** Equal, or numbers that differ only by rounding (a front end's 0.30000000000000004 for 0.3). */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            double x = ((Number) a).doubleValue();
            double y = ((Number) b).doubleValue();
            return x == y || Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
        }
        return java.util.Objects.equals(a, b);
    }

    /** Sets one attribute here and in the front end. */
    protected final void set(String key, Object value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(key, value);
        set(one);
    }

    /** Runs {@code listener} with the attribute's name and new value after each change, from either side (not when a value is set to what it was). */
    protected final void onAttributeChange(BiConsumer<String, Object> listener) {
        changeListeners.add(listener);
    }

    /** Runs {@code listener} with the content of each custom message from the front end (a button's click). */
    protected final void onCustom(Consumer<Map<String, Object>> listener) {
        customListeners.add(listener);
    }

    /** Closes the widget here and in the front end; its views show nothing more. */
    public void close() {
        LIVE.remove(comm.id());
        comm.close();
    }

    /** Whether the widget was closed. */
    public boolean closed() {
        return comm.closed();
    }

    /** The display bundle: the view of this model, and a text line for front ends without widgets. */
    public MimeBundle bundle() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("model_id", id());
        view.put("version_major", 2);
        view.put("version_minor", 1);
        try {
            return new MimeBundle().put(VIEW_MIME, JSON.writeValueAsString(view)).put(MimeBundle.TEXT, toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Widget.bundle: " + e.getOriginalMessage(), e);
        }
    }

    /** A message from the front end: a state update (echoed back, as ipywidgets 8 does), a request for the state, or a custom message. */
    @SuppressWarnings("unchecked")
    private void receive(CommMessage m) {
        Object method = m.data().get("method");
        if ("update".equals(method) && m.data().get("state") instanceof Map) {
            Map<String, Object> changes = new LinkedHashMap<>((Map<String, Object>) m.data().get("state"));
            Map<String, Object> changed = apply(changes);
            sendUpdate("echo_update", changes);
            changed.forEach(this::changed);
        } else if ("request_state".equals(method)) {
            Map<String, Object> all;
            synchronized (this) {
                all = new LinkedHashMap<>(state);
            }
            sendUpdate("update", all);
        } else if ("custom".equals(method)) {
            Object content = m.data().get("content");
            Map<String, Object> c = content instanceof Map ? (Map<String, Object>) content : Map.of();
            for (Consumer<Map<String, Object>> l : customListeners) {
                l.accept(c);
            }
        }
    }

    private void changed(String key, Object value) {
        for (BiConsumer<String, Object> l : changeListeners) {
            l.accept(key, value);
        }
    }

    private void sendUpdate(String method, Map<String, Object> changes) {
        if (comm.closed()) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("method", method);
        data.put("state", changes);
        data.put("buffer_paths", new ArrayList<>());
        comm.send(data);
    }

    /** The model's name and the attributes a reader cares about, e.g. {@code FloatSlider(value=0.3, min=0.0, max=1.0)}. */
    @Override
    public String toString() {
        String name = String.valueOf(get("_model_name"));
        return (name.endsWith("Model") ? name.substring(0, name.length() - 5) : name) + describe();
    }

    /** The attributes {@link #toString()} shows after the name, e.g. {@code (value=0.3)}; empty by default. */
    protected String describe() {
        return "";
    }
}
