package scratchnet.widgets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.json.JsonMapper;
import scratchnet.display.Capture;
import scratchnet.display.Frames;
import scratchnet.display.MimeBundle;
import scratchnet.display.Renderers;

/**
 * An area that shows what code prints and displays, charts included (ipywidgets' {@code Output}):
 * put it in a box beside controls, and let their callbacks draw into it.
 * <pre>{@code
 * var out = output();
 * var go = button("train");
 * go.onClick(b -> out.capture(() -> {
 *     out.clear();
 *     System.out.println("training…");
 *     display(lossCurve(model.fit(x, y, lr(0.3), quiet())));
 * }));
 * vbox(go, out)
 * }</pre>
 */
public final class Output extends Control {
    /** The module of the Output widget's model and view, and its version in ipywidgets 8. */
    public static final String MODULE = "@jupyter-widgets/output";
    public static final String VERSION = "1.0.0";
    private static final JsonMapper JSON = new JsonMapper();

    /** The outputs shown, as nbformat outputs; guarded by this. */
    private final List<Map<String, Object>> outputs = new ArrayList<>();
    /** Where each display id shown here sits in {@link #outputs}; guarded by this. */
    private final Map<String, Integer> displays = new HashMap<>();
    private final Capture.Target target = new Capture.Target() {
        @Override
        public void text(boolean stderr, String text) {
            print(stderr ? "stderr" : "stdout", text);
        }

        @Override
        public void send(String type, MimeBundle bundle, String displayId) {
            if (type.equals(Frames.CLEAR)) {
                clear();
            } else if (type.equals(Frames.UPDATE)) {
                replace(displayId, bundle);
            } else {
                add(bundle, displayId);
            }
        }
    };

    /** An empty output area. */
    public Output() {
        super(MODULE, VERSION, "OutputModel", "OutputView", state());
    }

    private static Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("outputs", List.of());
        s.put("msg_id", "");
        return s;
    }

    /** Runs {@code body} with what this thread prints and displays shown here instead of in the cell. */
    public void capture(Runnable body) {
        Capture.run(target, body);
    }

    /** Shows {@code o} (rendered as {@code display(o)} would) below what is here. */
    public Output display(Object o) {
        add(Renderers.render(o), null);
        return this;
    }

    /** Shows a line of text below what is here. */
    public Output println(Object line) {
        print("stdout", line + "\n");
        return this;
    }

    /** Empties the area. */
    public synchronized Output clear() {
        outputs.clear();
        displays.clear();
        publish();
        return this;
    }

    /** How many outputs are shown (runs of text count as one). */
    public synchronized int size() {
        return outputs.size();
    }

    private synchronized void print(String stream, String text) {
        Map<String, Object> last = outputs.isEmpty() ? null : outputs.get(outputs.size() - 1);
        if (last != null && "stream".equals(last.get("output_type")) && stream.equals(last.get("name"))) {
            last.put("text", last.get("text") + text);
        } else {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("output_type", "stream");
            o.put("name", stream);
            o.put("text", text);
            outputs.add(o);
        }
        publish();
    }

    private synchronized void add(MimeBundle bundle, String displayId) {
        if (displayId != null) {
            displays.put(displayId, outputs.size());
        }
        outputs.add(displayData(bundle));
        publish();
    }

    private synchronized void replace(String displayId, MimeBundle bundle) {
        Integer at = displays.get(displayId);
        if (at != null && at < outputs.size()) {
            outputs.set(at, displayData(bundle));
            publish();
        }
    }

    /** The nbformat display_data of a bundle: JSON MIME types as JSON, the others as text. */
    private static Map<String, Object> displayData(MimeBundle bundle) {
        Map<String, Object> data = new LinkedHashMap<>();
        bundle.data().forEach((mime, value) -> data.put(mime, mime.equals("application/json") || mime.endsWith("+json")
                ? parse(value) : value));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("output_type", "display_data");
        o.put("data", data);
        o.put("metadata", new LinkedHashMap<>(bundle.metadata()));
        return o;
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (java.io.IOException e) {
            return json;
        }
    }

    private void publish() {
        List<Map<String, Object>> copy = new ArrayList<>();
        for (Map<String, Object> o : outputs) {
            copy.add(new LinkedHashMap<>(o));
        }
        set("outputs", copy);
    }

    @Override
    protected String describe() {
        return "(" + size() + " outputs)";
    }
}
