package scratchnet.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A button (ipywidgets' {@code Button}); each click runs the actions given to {@link #onClick}.
 * <pre>{@code
 * var again = new Button("train again");
 * again.onClick(b -> model.fit(x, y, lr(0.3), iters(1000)));
 * }</pre>
 */
public final class Button extends Control {
    /** A button showing {@code label}. */
    public Button(String label) {
        super("ButtonModel", "ButtonView", "ButtonStyleModel", state(label));
    }

    private static Map<String, Object> state(String label) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("description", label == null ? "" : label);
        s.put("tooltip", "");
        s.put("disabled", false);
        s.put("icon", "");
        s.put("button_style", "");
        return s;
    }

    /** Runs {@code action} with this button after each click, on the thread that runs widget callbacks. */
    public Button onClick(java.util.function.Consumer<Button> action) {
        if (action == null) {
            throw new IllegalArgumentException("onClick: expected an action such as b -> System.out.println(\"clicked\"), got null");
        }
        onCustom(content -> {
            if ("click".equals(content.get("event"))) {
                action.accept(this);
            }
        });
        return this;
    }

    @Override
    public Button description(String text) {
        super.description(text);
        return this;
    }

    @Override
    protected String describe() {
        return "(\"" + description() + "\")";
    }
}
