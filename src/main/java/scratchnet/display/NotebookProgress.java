package scratchnet.display;

import java.util.Arrays;

import scratchnet.nn.History;
import scratchnet.nn.TrainingListener;
import scratchnet.nn.TrainingState;
import scratchnet.plot.Figure;
import scratchnet.plot.Plots;

/**
 * A live progress bar and loss chart for {@code fit} in a notebook. On start it displays both; while
 * training it replaces them in place, the bar at most 4 times a second and the chart at most once a
 * second (only when a new loss was recorded); at the end both show the final state. A step costs
 * one {@code System.nanoTime()} call and allocates nothing unless an update is due.
 * <pre>{@code
 * model.fit(x, y, lr(0.3), iters(4000), callback(new NotebookProgress()));
 * // [=======>     ] iter 1200/4000 · loss 3.21 · 0.4 s     and the loss curve below it
 * }</pre>
 * {@link Notebook#install()} adds one to every fit, so it rarely needs to be given by hand.
 */
public final class NotebookProgress implements TrainingListener {
    private static final long BAR_INTERVAL = 250_000_000L;
    private static final long CHART_INTERVAL = 1_000_000_000L;

    private final long barInterval;
    private final long chartInterval;
    private final java.util.function.Supplier<ProgressBar> bars;
    private ProgressBar bar;
    private DisplayHandle chart;
    private boolean chartBroken;
    private int total;
    private String unit = "iter";
    private int done;
    private long t0;
    private long nextBar;
    private long nextChart;
    private int[] steps = new int[64];
    private double[] losses = new double[64];
    private int count;
    private int charted;

    /** A progress display that refreshes at most 4 times a second, with an HTML bar. */
    public NotebookProgress() {
        this(ProgressBar::html);
    }

    /** A progress display whose bar each fit gets from {@code bars} (an ipywidgets bar, say). */
    public NotebookProgress(java.util.function.Supplier<ProgressBar> bars) {
        this(BAR_INTERVAL, CHART_INTERVAL, bars);
    }

    NotebookProgress(long barIntervalNanos, long chartIntervalNanos) {
        this(barIntervalNanos, chartIntervalNanos, ProgressBar::html);
    }

    private NotebookProgress(long barIntervalNanos, long chartIntervalNanos, java.util.function.Supplier<ProgressBar> bars) {
        this.barInterval = barIntervalNanos;
        this.chartInterval = chartIntervalNanos;
        this.bars = bars;
    }

    @Override
    public void onStart(TrainingState s) {
        this.total = s.totalSteps();
        this.unit = s.unit();
        this.done = 0;
        this.count = 0;
        this.charted = 0;
        this.chartBroken = false;
        this.t0 = System.nanoTime();
        this.nextBar = t0 + barInterval;
        this.nextChart = t0 + chartInterval;
        bar = bars.get();
        bar.show(total, unit);
        chart = Display.display(new MimeBundle()
                .put(MimeBundle.TEXT, "loss chart: waiting for the first recorded loss")
                .put("text/html", "<div style=\"color:gray\">loss chart: waiting for the first recorded loss…</div>"));
    }

    @Override
    public void onStep(TrainingState s) {
        done++;
        long now = System.nanoTime();
        if (now - nextBar < 0 || bar == null) {
            return;
        }
        nextBar = now + barInterval;
        double loss = count == 0 ? Double.NaN : losses[count - 1];
        bar.move(done, barText(done, loss, (now - t0) / 1e9, ""));
        if (now - nextChart >= 0 && count > charted) {
            nextChart = now + chartInterval;
            charted = count;
            updateChart(steps, losses, count);
        }
    }

    @Override
    public void onRecord(TrainingState s, double loss) {
        if (count == steps.length) {
            steps = Arrays.copyOf(steps, count * 2);
            losses = Arrays.copyOf(losses, count * 2);
        }
        steps[count] = s.step();
        losses[count] = loss;
        count++;
    }

    @Override
    public void onEnd(History history) {
        if (bar == null) {
            return;
        }
        String how = history.interrupted() ? " · interrupted" : done < total ? " · stopped" : " · done";
        bar.move(done, barText(done, history.finalLoss(), history.millis() / 1e3, how));
        int[] hs = history.steps();
        double[] hl = history.losses();
        if (hl.length > 0) {
            updateChart(hs, hl, hl.length);
        } else if (count > 0) {
            updateChart(steps, losses, count);
        }
        bar = null;
        chart = null;
    }

    private void updateChart(int[] xs, double[] ys, int n) {
        if (chartBroken || chart == null) {
            return;
        }
        MimeBundle b;
        try {
            Figure c = Plots.lossCurve(xs, ys, n, unit, Plots.logScaleSuits(ys, n));
            if (c.getSeriesMap().isEmpty()) {
                return;   // no finite loss yet
            }
            b = Charts.bundle(c, false);
        } catch (RuntimeException | LinkageError e) {
            // a chart that cannot be drawn (no fonts, no AWT) must not stop training
            chartBroken = true;
            b = MimeBundle.ofText("loss chart unavailable: " + e);
        }
        chart.update(b);
    }

    /** "iter 1200/4000 · loss 3.21 · 0.4 s", beside the bar. */
    private String barText(int done, double loss, double seconds, String suffix) {
        return unit + " " + done + "/" + total + (Double.isNaN(loss) && done == 0 ? "" : " · loss " + Html.num(loss))
                + " · " + Html.seconds(seconds) + suffix;
    }
}
