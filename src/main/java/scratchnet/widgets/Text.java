package scratchnet.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Text the code shows and changes: plain ({@link #label}) or HTML ({@link #html}), as ipywidgets'
 * {@code Label} and {@code HTML}.
 * <pre>{@code
 * var loss = Text.label("loss: –");
 * loss.value("loss: 0.0123");
 * }</pre>
 */
public final class Text extends ValueControl<String> {
    private Text(String model, String view, String style, String value) {
        super(model, view, style, state(value));
    }

    /** Plain text. */
    public static Text label(String text) {
        return new Text("LabelModel", "LabelView", "LabelStyleModel", text);
    }

    /** HTML. */
    public static Text html(String html) {
        return new Text("HTMLModel", "HTMLView", "HTMLStyleModel", html);
    }

    private static Map<String, Object> state(String value) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("value", value == null ? "" : value);
        s.put("description", "");
        s.put("placeholder", "");
        return s;
    }

    @Override
    protected String fromState(Object raw) {
        return raw == null ? "" : String.valueOf(raw);
    }
}
