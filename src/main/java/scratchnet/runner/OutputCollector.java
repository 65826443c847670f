package scratchnet.runner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import scratchnet.display.Frames;
import scratchnet.display.MimeBundle;
import scratchnet.exec.CellException;
import scratchnet.exec.CellOutput;
import scratchnet.widgets.CommMessage;

/**
 * Turns a running cell's output into the outputs Jupyter stores in a notebook: {@code stream}
 * (consecutive text of one stream merged), {@code display_data}, {@code execute_result} and
 * {@code error}. An update to a display replaces that output's data in place, even in an earlier
 * cell, so the notebook holds each display's final state; a clear removes the running cell's
 * outputs so far. Output that arrives between cells is dropped. Thread-safe: stdout and stderr arrive on different threads.
 */
final class OutputCollector implements CellOutput {
    private ArrayNode outputs;
    private int count;
    private ObjectNode openStream;
    private String openName;
    private final StringBuilder openText = new StringBuilder();
    /** The widgets the run made, with their last state. */
    private final WidgetStates widgets = new WidgetStates();
    /** display_id → the outputs showing it (Jupyter updates every one of them). */
    private final Map<String, List<ObjectNode>> displays = new HashMap<>();

    /** Sends output to {@code outputs} (a code cell's list), as the cell with execution count {@code count}. */
    synchronized void start(ArrayNode outputs, int count) {
        this.outputs = outputs;
        this.count = count;
    }

    /** The widgets the run made, with their last state. */
    WidgetStates widgets() {
        return widgets;
    }

    /** Ends the current cell: its last stream is completed and later output is dropped. */
    synchronized void end() {
        closeStream();
        outputs = null;
    }

    @Override
    public synchronized void text(boolean stderr, String text) {
        if (outputs == null || text == null || text.isEmpty()) {
            return;
        }
        String name = stderr ? "stderr" : "stdout";
        if (openStream == null || !openName.equals(name)) {
            closeStream();
            openStream = outputs.addObject();
            openStream.put("output_type", "stream");
            openStream.put("name", name);
            openStream.put("text", "");
            openName = name;
        }
        openText.append(text);
    }

    @Override
    public synchronized void frame(Frames.Frame frame) {
        switch (frame.type()) {
            case Frames.UPDATE: {
                // Jupyter ignores an update for a display it never showed
                for (ObjectNode shown : displays.getOrDefault(frame.displayId(), List.of())) {
                    fill(shown, frame.bundle());
                }
                return;
            }
            case Frames.RESULT:
            case Frames.DISPLAY: {
                if (outputs == null) {
                    return;
                }
                closeStream();
                ObjectNode out = outputs.addObject();
                if (frame.type().equals(Frames.RESULT)) {
                    out.put("output_type", "execute_result");
                    out.put("execution_count", count);
                } else {
                    out.put("output_type", "display_data");
                    if (frame.displayId() != null) {
                        displays.computeIfAbsent(frame.displayId(), k -> new ArrayList<>()).add(out);
                    }
                }
                fill(out, frame.bundle());
                return;
            }
            case Frames.CLEAR: {
                if (outputs == null) {
                    return;
                }
                closeStream();
                // a display cleared away is no longer in the notebook: later updates to it change nothing there
                outputs.removeAll();
                return;
            }
            case Frames.COMM: {
                // widgets: their state goes to the notebook's metadata, whenever it changes
                try {
                    widgets.accept(CommMessage.fromJson(frame.bundle().get(Frames.COMM_KEY)));
                } catch (IllegalArgumentException e) {
                    // not a comm message after all: nothing to keep
                }
                return;
            }
            default:
                // sync marks and anything newer are not outputs
        }
    }

    /** Adds the cell's error as Jupyter's {@code error} output. */
    synchronized void error(CellException e) {
        if (outputs == null) {
            return;
        }
        closeStream();
        ObjectNode out = outputs.addObject();
        out.put("output_type", "error");
        out.put("ename", e.name());
        out.put("evalue", e.getMessage() == null ? "" : e.getMessage());
        ArrayNode tb = out.putArray("traceback");
        e.traceback().forEach(tb::add);
    }

    private void closeStream() {
        if (openStream != null) {
            openStream.put("text", openText.toString());
            openStream = null;
            openName = null;
            openText.setLength(0);
        }
    }

    /** Sets {@code data} and {@code metadata} from a bundle (JSON MIME types as JSON, the rest as strings). */
    private static void fill(ObjectNode out, MimeBundle bundle) {
        ObjectNode data = Ipynb.JSON.createObjectNode();
        for (Map.Entry<String, String> e : bundle.data().entrySet()) {
            data.set(e.getKey(), value(e.getKey(), e.getValue()));
        }
        ObjectNode meta = Ipynb.JSON.createObjectNode();
        for (Map.Entry<String, Map<String, Object>> e : bundle.metadata().entrySet()) {
            meta.set(e.getKey(), Ipynb.JSON.valueToTree(e.getValue()));
        }
        // keep the key order Jupyter has: data, metadata after output_type (and execution_count)
        out.set("data", data);
        out.set("metadata", meta);
    }

    private static JsonNode value(String mime, String content) {
        boolean json = mime.equals("application/json") || mime.endsWith("+json");
        if (json) {
            try {
                return Ipynb.JSON.readTree(content);
            } catch (java.io.IOException | RuntimeException e) {
                // not JSON after all: keep the text
            }
        }
        return Ipynb.JSON.getNodeFactory().textNode(content);
    }
}
