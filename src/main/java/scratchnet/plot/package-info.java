/**
 * Plots over XChart: {@link scratchnet.plot.Figure} is an XChart {@code XYChart} with a clean look
 * and chainable {@code scatter}, {@code line}, {@code title}, {@code logY}, {@code save};
 * {@link scratchnet.plot.Plots} makes figures (including loss curves and decision boundaries) and
 * shows them from scripts.
 * <pre>{@code
 * Plots.lossCurve(model.fit(x, y, lr(0.3), iters(4000))).logY().save("loss.svg");
 * Plots.boundary(model, x, y);   // inline in a notebook
 * }</pre>
 */
package scratchnet.plot;
