package scratchnet.nn.layeringfixture;

import scratchnet.plot.Figure;

/** A forbidden dependency (nn → plot) that ArchitectureTest's own check must report. */
public final class NnUsesPlot {
    private NnUsesPlot() {
    }

    /** Draws a chart from inside nn: what the layering forbids. */
    public static Figure chart() {
        return null;
    }
}
