package org.knowm.xchart.internal.chartpart;

import java.util.ArrayList;
import java.util.List;

/**
 * The tick labels XChart drew on a chart's axes in its last paint: the labels whose ticks fall
 * inside the axis, as XChart's label painter keeps them. Lives in XChart's package because the
 * axes are package-private there.
 */
public final class TickProbe {
    private TickProbe() {
    }

    /** The x axis's visible tick labels, left to right. */
    public static List<String> xLabels(Chart<?, ?> chart) {
        Axis<?, ?> axis = chart.getXAxis();
        return visible(axis, axis.getBounds().getWidth());
    }

    /** The y axis's visible tick labels, bottom to top. */
    public static List<String> yLabels(Chart<?, ?> chart) {
        Axis<?, ?> axis = chart.getYAxis();
        return visible(axis, axis.getBounds().getHeight());
    }

    private static List<String> visible(Axis<?, ?> axis, double length) {
        List<String> labels = axis.getAxisTickCalculator().getTickLabels();
        List<Double> where = axis.getAxisTickCalculator().getTickLocations();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i) != null && where.get(i) > 0 && where.get(i) < length) {
                out.add(labels.get(i));
            }
        }
        return out;
    }
}
