package scratchnet.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.Marker;

/**
 * A filled rectangle the size of one grid cell ({@code dx} × {@code dy} in data units), so the
 * grid points of a decision-boundary plot tile the plot area at any figure size. Falls back to a
 * square of the chart's marker size when the axes are not laid out yet.
 */
final class CellMarker extends Marker {
    private final XYChart chart;
    private final double x0;
    private final double y0;
    private final double dx;
    private final double dy;

    CellMarker(XYChart chart, double x0, double y0, double dx, double dy) {
        this.chart = chart;
        this.x0 = x0;
        this.y0 = y0;
        this.dx = dx;
        this.dy = dy;
    }

    @Override
    public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
        double w = Math.abs(chart.getScreenXFromChart(x0 + dx) - chart.getScreenXFromChart(x0));
        double h = Math.abs(chart.getScreenYFromChart(y0 + dy) - chart.getScreenYFromChart(y0));
        if (!(w > 0) || !(h > 0) || !Double.isFinite(w) || !Double.isFinite(h)) {
            w = markerSize;
            h = markerSize;
        }
        // half a pixel of overlap on each side hides the seams anti-aliasing leaves between cells
        g.fill(new Rectangle2D.Double(xOffset - w / 2 - 0.5, yOffset - h / 2 - 0.5, w + 1, h + 1));
    }
}
