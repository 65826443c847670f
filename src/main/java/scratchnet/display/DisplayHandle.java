package scratchnet.display;

/**
 * A displayed output that can be replaced in place: {@link Display#display} returns it, and
 * {@link #update} sends new content under the same display id.
 * <pre>{@code
 * DisplayHandle h = Display.display("epoch 1");
 * h.update("epoch 2");      // the notebook shows "epoch 2" where "epoch 1" was
 * }</pre>
 */
public final class DisplayHandle {
    private final String id;

    DisplayHandle(String id) {
        this.id = id;
    }

    /** The display id shared by the display and all its updates. */
    public String id() {
        return id;
    }

    /** Renders {@code o} and replaces this display's content with it. */
    public void update(Object o) {
        Display.send(Frames.UPDATE, Renderers.render(o), id);
    }

    @Override
    public String toString() {
        return "DisplayHandle(" + id + ")";
    }
}
