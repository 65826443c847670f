package scratchnet.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.TickProbe;

/** Round ticks across many data ranges: XChart draws exactly the ticks {@link NiceScale} chose. */
class TickSweepTest {

    @Test
    void ticksRunFromBoundToBoundForOrdinaryRanges() {
        Random r = new Random(1);
        for (int t = 0; t < 200; t++) {
            // ranges from 0.01 to 1e5 wide, at most 1000 times their width away from 0 (narrower
            // ones can meet XChart's absolute 1e-4 test for evenly spaced values, see Figure#paint)
            double[] xr = range(r);
            double[] yr = range(r);
            Figure f = new Figure().line(new double[] {xr[0], xr[1], (xr[0] + xr[1]) / 2}, new double[] {yr[0], yr[1], yr[0]});
            if (t % 2 == 0) {
                f.title("title").xLabel("x").yLabel("y");
            }

            BitmapEncoder.getBufferedImage(f);

            NiceScale sx = Figure.scale(xr[0], xr[1], Figure.xAxisPixels(Figure.WIDTH), true);
            NiceScale sy = Figure.scale(yr[0], yr[1], Figure.yAxisPixels(Figure.HEIGHT), false);
            assertTicks("x of case " + t, TickProbe.xLabels(f), sx);
            assertTicks("y of case " + t, TickProbe.yLabels(f), sy);
        }
    }

    private static double[] range(Random r) {
        double width = Math.pow(10, r.nextInt(7) - 1) * (0.1 + r.nextDouble());
        double from = (r.nextDouble() - 0.5) * width * Math.pow(10, r.nextInt(4));
        return new double[] {from, from + width};
    }

    private static void assertTicks(String what, List<String> labels, NiceScale s) {
        assertThat(labels).as("%s: %s..%s by %s", what, s.lo, s.hi, s.step).hasSize(s.ticks());
        assertThat(labels.get(0)).as(what).isEqualTo(Figure.tickLabel(s.lo, s.step));
        assertThat(labels.get(labels.size() - 1)).as(what).isEqualTo(Figure.tickLabel(s.hi, s.step));
        assertThat(s.ticks()).as(what).isBetween(3, 9);
    }
}
