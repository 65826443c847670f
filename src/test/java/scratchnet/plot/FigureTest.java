package scratchnet.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static scratchnet.Dsl.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.TickProbe;
import org.knowm.xchart.style.Styler.LegendPosition;

import scratchnet.display.MimeBundle;
import scratchnet.display.Renderers;
import scratchnet.engine.Matrix;

/** Figure: series, names, shape errors, labels, scales, saving. */
class FigureTest {
    private static final Matrix X = arange(0, 1, 0.01);              // 1×100
    private static final Matrix Y = X.mul(2 * Math.PI).map(Math::sin);

    @Test
    void isAnXYChartWithDefaultSizeAndCleanTheme() {
        Figure f = new Figure();

        assertThat(f).isInstanceOf(XYChart.class);
        assertThat(f.getWidth()).isEqualTo(600);
        assertThat(f.getHeight()).isEqualTo(400);
        assertThat(f.getStyler().getChartBackgroundColor()).isEqualTo(java.awt.Color.WHITE);
        assertThat(f.getStyler().getPlotBackgroundColor()).isEqualTo(java.awt.Color.WHITE);
        assertThat(f.getStyler().getLegendPosition()).isEqualTo(LegendPosition.InsideNE);
        assertThat(f.getStyler().getMarkerSize()).isEqualTo(6);
        assertThat(f.getStyler().isLegendVisible()).isFalse();
    }

    @Test
    void scatterAndLineAddSeriesWithTheirRenderStyles() {
        Figure f = new Figure().scatter(X, Y).line(X, Y.mul(2));

        assertThat(f.getSeriesMap()).containsOnlyKeys("series 1", "series 2");
        assertThat(f.getSeriesMap().get("series 1").getXYSeriesRenderStyle()).isEqualTo(XYSeriesRenderStyle.Scatter);
        assertThat(f.getSeriesMap().get("series 2").getXYSeriesRenderStyle()).isEqualTo(XYSeriesRenderStyle.Line);
        assertThat(f.getSeriesMap().get("series 1").getYData()).containsExactly(Y.flatten());
        assertThat(f.getSeriesMap().get("series 2").getXData()).containsExactly(X.flatten());
        assertThat(f.toString()).isEqualTo(
                "Figure \"\" (600×400): scatter \"series 1\" (100 points), line \"series 2\" (100 points)");
    }

    @Test
    void legendShowsFromTwoSeries() {
        Figure f = new Figure().line(X, Y, "sin");
        assertThat(f.getStyler().isLegendVisible()).isFalse();

        f.scatter(X, Y, "points");
        assertThat(f.getStyler().isLegendVisible()).isTrue();
    }

    @Test
    void rowsColumnsAndArraysAllWork() {
        Figure f = new Figure()
                .scatter(X.T(), Y, "column x")
                .line(new double[] {1, 2, 3}, new double[] {4, 5, 6}, "arrays")
                .scatter(new double[] {1}, new double[] {2});

        assertThat(f.getSeriesMap()).containsOnlyKeys("column x", "arrays", "series 3");
        assertThat(f.getSeriesMap().get("column x").getXData()).hasSize(100);
        assertThat(f.getSeriesMap().get("arrays").getXYSeriesRenderStyle()).isEqualTo(XYSeriesRenderStyle.Line);
    }

    @Test
    void repeatedNamesGetASuffix() {
        Figure f = new Figure().line(X, Y, "fit").line(X, Y, "fit").scatter(X, Y, "fit")
                .scatter(X, Y).scatter(X, Y, "series 6").scatter(X, Y).scatter(X, Y);

        assertThat(f.getSeriesMap().keySet())
                .containsExactly("fit", "fit (2)", "fit (3)", "series 4", "series 6", "series 7", "series 8");
    }

    @Test
    void differentCountsNameBothShapes() {
        Matrix y99 = Y.columnRange(0, 99);
        assertThatThrownBy(() -> new Figure().scatter(X, y99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scatter: x is (1×100) but y is (1×99); they need the same number of values");
        assertThatThrownBy(() -> Plots.line(X.T(), y99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line: x is (100×1) but y is (1×99); they need the same number of values");
        assertThatThrownBy(() -> Plots.scatter(new double[3], new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scatter: x has 3 values but y has 2; they need the same number of values");
    }

    @Test
    void matricesThatAreNotVectorsAreRejected() {
        Matrix x2 = randn(2, 50);
        assertThatThrownBy(() -> new Figure().scatter(x2, Y.columnRange(0, 50)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("scatter: x is (2×50); expected a row (1×n) or a column (n×1)");
        assertThatThrownBy(() -> new Figure().line(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one point");
        assertThatThrownBy(() -> new Figure().line((Matrix) null, Y))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got null");
    }

    @Test
    void titlesLabelsAndSize() {
        Figure f = Plots.line(X, Y).title("sine").xLabel("x").yLabel("sin(2πx)").size(800, 300);

        assertThat(f.getTitle()).isEqualTo("sine");
        assertThat(f.getXAxisTitle()).isEqualTo("x");
        assertThat(f.getYAxisTitle()).isEqualTo("sin(2πx)");
        assertThat(f.getWidth()).isEqualTo(800);
        assertThat(f.getHeight()).isEqualTo(300);
        assertThatThrownBy(() -> f.size(0, 300))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size: expected a width and height between 1 and 10000 pixels, got 0×300");
    }

    @Test
    void logYSetsTheScaleAndNeedsPositiveValues() {
        Figure f = Plots.line(X, X.add(1).exp()).logY();
        assertThat(f.getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(f.logY(false).getStyler().isYAxisLogarithmic()).isFalse();

        assertThatThrownBy(() -> Plots.line(X, Y, "sin").logY())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("logY: a log-scale y axis needs positive values, but series \"sin\" has y = 0.0 at index 0");
        Figure log = Plots.line(X, X.add(1)).logY();
        assertThatThrownBy(() -> log.scatter(X, Y, "sin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("scatter: a log-scale y axis needs positive values");
        assertThat(log.getSeriesMap()).hasSize(1);
    }

    @Test
    void logAxesAreDrawnLogarithmically(@TempDir Path dir) {
        double[] xs = {0, 1, 2, 3};
        Figure f = Plots.line(xs, new double[] {1, 10, 100, 1000}).logY();

        f.save(dir.resolve("log.png"));   // lays out the axes

        double decade1 = f.getScreenYFromChart(1) - f.getScreenYFromChart(10);
        double decade2 = f.getScreenYFromChart(10) - f.getScreenYFromChart(100);
        assertThat(decade1).isPositive().isCloseTo(decade2, within(1.0));
        assertThat(f.getStyler().getyAxisTickLabelsFormattingFunction()).isNotNull();   // restored after painting
    }

    @Test
    void defaultAxesHaveRoundTicksFromBoundToBound(@TempDir Path dir) {
        Matrix x = arange(0, 1, 0.01);
        Figure f = Plots.scatter(x, x.mul(2 * Math.PI).map(Math::sin).mul(20));

        f.save(dir.resolve("ticks.png"));   // lays out the axes

        assertThat(TickProbe.xLabels(f)).containsExactly("0", "0.2", "0.4", "0.6", "0.8", "1");
        assertThat(TickProbe.yLabels(f)).containsExactly("-20", "-15", "-10", "-5", "0", "5", "10", "15", "20");
        // the round bounds and the spacing hints were only for painting
        assertThat(f.getStyler().getXAxisMin()).isNull();
        assertThat(f.getStyler().getYAxisMax()).isNull();
    }

    @Test
    void boundsSetByTheUserAreKept(@TempDir Path dir) {
        Matrix x = arange(0, 1, 0.01);
        Figure f = Plots.scatter(x, x);
        f.getStyler().setXAxisMin(0.0).setXAxisMax(0.99);

        f.save(dir.resolve("kept.png"));

        assertThat(f.getStyler().getXAxisMax()).isEqualTo(0.99);
        assertThat(TickProbe.xLabels(f)).doesNotContain("1");
    }

    @Test
    void niceScaleRoundsOutToOneTwoOrFiveTimesAPowerOfTen() {
        NiceScale s = NiceScale.of(0, 0.99, 8);
        assertThat(new double[] {s.lo, s.hi, s.step}).containsExactly(0, 1, 0.2);
        s = NiceScale.of(0.26, 260.2, 8);
        assertThat(new double[] {s.lo, s.hi, s.step}).containsExactly(0, 300, 50);
        s = NiceScale.of(-3.2, 7.1, 9);
        assertThat(new double[] {s.lo, s.hi, s.step}).containsExactly(-4, 8, 2);
        assertThat(s.ticks()).isEqualTo(7);
        s = NiceScale.of(0.123, 0.129, 5);
        assertThat(new double[] {s.lo, s.hi, s.step}).containsExactly(0.122, 0.13, 0.002);
        assertThat(NiceScale.of(1, 1, 5)).isNull();
        assertThat(NiceScale.of(0, Double.NaN, 5)).isNull();
        assertThatThrownBy(() -> NiceScale.of(0, 1, 1)).hasMessageContaining("at least 2 ticks, got 1");
    }

    @Test
    void tickLabelsShowTheDecimalsTheirStepNeeds() {
        assertThat(Figure.tickLabel(0.6000000000000001, 0.2)).isEqualTo("0.6");
        assertThat(Figure.tickLabel(-1672.822, 0.002)).isEqualTo("-1672.822");   // six digits would say -1672.82
        assertThat(Figure.tickLabel(1e-17, 0.2)).isEqualTo("0");
        assertThat(Figure.tickLabel(2500.0, 500)).isEqualTo("2500");
        assertThat(Figure.tickLabel(3.000002e-7, 1e-12)).isEqualTo("3.000002e-7");
        assertThat(Figure.tickLabel(0.07, Double.NaN)).isEqualTo("0.07");
    }

    @Test
    void tickLabelsHaveNoFloatingPointNoise() {
        assertThat(Figure.tickLabel(0.07)).isEqualTo("0.07");
        assertThat(Figure.tickLabel(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(Figure.tickLabel(1200.0)).isEqualTo("1200");
        assertThat(Figure.tickLabel(-2.5)).isEqualTo("-2.5");
        assertThat(Figure.tickLabel(0.0)).isEqualTo("0");
        assertThat(Figure.tickLabel(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(Figure.tickLabel(2.5e9)).isEqualTo("2.5e9");
    }

    @Test
    void savesPngAtTheChosenSize(@TempDir Path dir) throws Exception {
        Path file = Plots.scatter(X, Y).size(640, 360).save(dir.resolve("plot.png").toString());

        assertThat(file).isEqualTo(dir.resolve("plot.png").toAbsolutePath());
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img.getWidth()).isEqualTo(640);
        assertThat(img.getHeight()).isEqualTo(360);
    }

    @Test
    void savesSvgAndKeepsTheNameExactly(@TempDir Path dir) throws Exception {
        Path file = Plots.line(X, Y).save(dir.resolve("sub/plot.SVG"));

        assertThat(file).isEqualTo(dir.resolve("sub/plot.SVG").toAbsolutePath());
        String svg = Files.readString(file, StandardCharsets.UTF_8).strip();
        assertThat(svg).satisfiesAnyOf(s -> assertThat(s).startsWith("<?xml"), s -> assertThat(s).startsWith("<svg"));
        assertThat(svg).contains("</svg>");
        try (Stream<Path> files = Files.list(dir.resolve("sub"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("plot.SVG");
        }
    }

    @Test
    void badExtensionListsTheTwo(@TempDir Path dir) {
        assertThatThrownBy(() -> Plots.line(X, Y).save(dir.resolve("plot.jpg").toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("save: expected a file name ending in .png or .svg, got \"")
                .hasMessageEndingWith("plot.jpg\"");
        assertThatThrownBy(() -> Plots.line(X, Y).save(dir.resolve("plot").toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(".png or .svg");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void atomicSaveReplacesAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("plot.png");
        Files.writeString(target, "old");

        Plots.scatter(X, Y).save(target);
        Plots.line(X, Y).size(300, 200).save(target);

        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).containsExactly("plot.png");
        }
        assertThat(ImageIO.read(target.toFile()).getWidth()).isEqualTo(300);
    }

    @Test
    void savedFilesGetOrdinaryPermissions(@TempDir Path dir) throws Exception {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path file = Plots.line(X, Y).save(dir.resolve("plot.png"));

        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
        }
    }

    @Test
    void savingIntoAFileThatIsADirectoryFailsCleanly(@TempDir Path dir) throws Exception {
        Path target = Files.createDirectory(dir.resolve("taken.png"));
        Files.writeString(target.resolve("inside"), "x");

        assertThatThrownBy(() -> Plots.line(X, Y).save(target))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageStartingWith("save: could not write " + target.toAbsolutePath());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("taken.png");
        }
    }

    @Test
    void rendersInlineAsPng() throws Exception {
        Figure f = Plots.scatter(X, Y, "sin").size(500, 300).title("sine");

        MimeBundle b = Renderers.render(f);

        assertThat(b.has("image/png")).isTrue();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(b.get("image/png"))));
        assertThat(img.getWidth()).isEqualTo(500);
        assertThat(img.getHeight()).isEqualTo(300);
        assertThat(b.text()).isEqualTo("Figure \"sine\" (500×300)");
    }

    @Test
    void plainXChartCallsStillWork() {
        Figure f = Plots.line(X, Y);
        XYSeries s = f.addSeries("raw", new double[] {0, 1}, new double[] {0, 1});

        assertThat(f.getSeriesMap()).containsKey("raw");
        assertThat(s).isNotNull();
        assertThat(Plots.figure().scatter(X, Y).getSeriesMap()).hasSize(1);
    }
}
