/**
 * Rich output for notebooks and terminals: {@link scratchnet.display.Display#display} renders a
 * value (chart, table, matrix, network, training history) with {@link scratchnet.display.Renderers}
 * and sends it to a {@link scratchnet.display.DisplaySink} — frames on System.out that the Jupyter
 * kernel reads ({@link scratchnet.display.Frames}), or plain text.
 * <pre>{@code
 * import static scratchnet.Dsl.*;
 * var h = display(model);           // a layer table
 * h.update(model.fit(x, y, lr(0.3)));  // replaced by the loss curve
 * }</pre>
 */
package scratchnet.display;
