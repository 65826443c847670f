package scratchnet.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static scratchnet.Dsl.*;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;

import scratchnet.engine.Matrix;
import scratchnet.nn.History;
import scratchnet.nn.Network;

/** Plots: loss curves, decision boundaries, show. */
class PlotsTest {
    private static History sineHistory;
    private static Network classifier;
    private static Matrix cx;
    private static Matrix cy;

    @BeforeAll
    static void train() {
        seed(0);
        var x = arange(0, 1, 0.01);
        var y = x.mul(2 * Math.PI).map(Math::sin).mul(20);
        var m = net(1, 25, 1).sigmoid().linear().init(uniform());
        sineHistory = m.fit(x, y, lr(0.3), iters(300), quiet());

        seed(0);
        cx = randn(2, 200);
        cy = cx.mul(cx).sum(0).gt(2);
        classifier = net(2, 8, 1).relu().sigmoid();
        classifier.fit(cx, cy, lr(0.5), iters(500), quiet());
    }

    // ------------------------------------------------------------------ loss curves

    @Test
    void lossCurveDrawsTheRecordedLosses() {
        Figure f = Plots.lossCurve(sineHistory);

        assertThat(f.getTitle()).isEqualTo("loss");
        assertThat(f.getXAxisTitle()).isEqualTo("iteration");
        assertThat(f.getYAxisTitle()).isEqualTo("loss");
        assertThat(f.getSeriesMap()).containsOnlyKeys("loss");
        XYSeries s = f.getSeriesMap().get("loss");
        assertThat(s.getXYSeriesRenderStyle()).isEqualTo(XYSeriesRenderStyle.Line);
        assertThat(s.getXData()).containsExactly(0, 100, 200);
        assertThat(s.getYData()).containsExactly(sineHistory.losses());
        assertThat(f.getStyler().isYAxisLogarithmic()).isFalse();
        assertThat(f.getStyler().isLegendVisible()).isFalse();
    }

    @Test
    void lossCurveOnALogScale() {
        assertThat(Plots.lossCurve(sineHistory, true).getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(lossCurve(sineHistory, true).getStyler().isYAxisLogarithmic()).isTrue();
    }

    @Test
    void lossCurveOfARunInProgressDrawsTheFirstNFiniteLosses() {
        int[] steps = {0, 1, 2, 3, 0};
        double[] losses = {4.0, Double.NaN, 1.0, 0.5, 99};
        Figure f = Plots.lossCurve(steps, losses, 4, "epoch", true);

        assertThat(f.getSeriesMap().get("loss").getXData()).containsExactly(0, 2, 3);
        assertThat(f.getSeriesMap().get("loss").getYData()).containsExactly(4.0, 1.0, 0.5);
        assertThat(f.getXAxisTitle()).isEqualTo("epoch");
        assertThat(f.getYAxisTitle()).isEqualTo("loss (log scale)");
        assertThat(Plots.lossCurve(steps, new double[] {Double.NaN, 1, 1, 1, 1}, 1, null, false).getSeriesMap()).isEmpty();
        assertThatThrownBy(() -> Plots.lossCurve(steps, losses, 6, "iter", false))
                .hasMessage("lossCurve: expected n between 0 and 5 (the lengths of steps and losses), got 6");
    }

    @Test
    void logScaleSuitsLossesSpanningMoreThanAHundredfold() {
        assertThat(Plots.logScaleSuits(new double[] {260, 30, 2.5}, 3)).isTrue();
        assertThat(Plots.logScaleSuits(new double[] {260, 30, 2.7}, 3)).isFalse();
        assertThat(Plots.logScaleSuits(new double[] {260, 30, 0.5}, 2)).isFalse();
        assertThat(Plots.logScaleSuits(new double[] {260, 0, 0.5}, 3)).isFalse();
        assertThat(Plots.logScaleSuits(new double[] {260, Double.NaN, 0.5}, 3)).isTrue();
    }

    @Test
    void dslLossCurveIsPlotsLossCurve() {
        Figure f = lossCurve(sineHistory);

        assertThat(f.getTitle()).isEqualTo("loss");
        assertThat(f.getSeriesMap().get("loss").getYData()).containsExactly(sineHistory.losses());
        assertThat(f.getStyler().isYAxisLogarithmic()).isFalse();
    }

    @Test
    void miniBatchRunsArePlottedPerEpoch() {
        seed(1);
        var x = arange(0, 1, 0.01);
        History h = net(1, 4, 1).sigmoid().linear().fit(x, x.mul(3), lr(0.1), epochs(3), batch(20), quiet());

        Figure f = Plots.lossCurve(h);

        assertThat(f.getXAxisTitle()).isEqualTo("epoch");
        assertThat(f.getSeriesMap().get("loss").getXData()).containsExactly(1, 2, 3);
    }

    @Test
    void lossCurveNeedsAHistory() {
        assertThatThrownBy(() -> Plots.lossCurve(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lossCurve: expected the History that fit returned, got null");
    }

    // ------------------------------------------------------------------ decision boundaries

    @Test
    void boundaryDrawsRegionsThenClasses() {
        Figure f = Plots.boundary(classifier, cx, cy);

        assertThat(f.getSeriesMap().keySet()).containsExactly("region 0", "region 1", "class 0", "class 1");
        for (String region : new String[] {"region 0", "region 1"}) {
            XYSeries s = f.getSeriesMap().get(region);
            assertThat(s.isShowInLegend()).isFalse();
            assertThat(s.getXYSeriesRenderStyle()).isEqualTo(XYSeriesRenderStyle.Scatter);
        }
        assertThat(f.getSeriesMap().get("class 0").isShowInLegend()).isTrue();
        assertThat(f.getStyler().isLegendVisible()).isTrue();
        int gridPoints = f.getSeriesMap().get("region 0").getXData().length
                + f.getSeriesMap().get("region 1").getXData().length;
        assertThat(gridPoints).isEqualTo(Boundary.GRID * Boundary.GRID);
        int ones = (int) cy.sum();
        assertThat(f.getSeriesMap().get("class 1").getXData()).hasSize(ones);
        assertThat(f.getSeriesMap().get("class 0").getXData()).hasSize(200 - ones);
        assertThat(f.getXAxisTitle()).isEqualTo("feature 0");
        assertThat(f.getYAxisTitle()).isEqualTo("feature 1");
    }

    @Test
    void boundaryTitleGivesTheTrainingAccuracy() {
        Figure f = Plots.boundary(classifier, cx, cy);

        Matcher m = Pattern.compile("decision boundary — accuracy (\\d\\.\\d+)").matcher(f.getTitle());
        assertThat(m.matches()).as(f.getTitle()).isTrue();
        double expected = accuracy(classifier.classify(cx), cy);
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(expected, within(5e-4));
        assertThat(expected).isGreaterThan(0.8);
    }

    @Test
    void boundaryGridCoversTheDataWithAMargin() {
        Figure f = Plots.boundary(classifier, cx, cy);

        double lo = Arrays.stream(cx.row(0).flatten()).min().orElseThrow();
        double hi = Arrays.stream(cx.row(0).flatten()).max().orElseThrow();
        assertThat(f.getStyler().getXAxisMin()).isCloseTo(lo - 0.1 * (hi - lo), within(1e-12));
        assertThat(f.getStyler().getXAxisMax()).isCloseTo(hi + 0.1 * (hi - lo), within(1e-12));
        double gridMin = Math.min(Arrays.stream(f.getSeriesMap().get("region 0").getXData()).min().orElseThrow(),
                Arrays.stream(f.getSeriesMap().get("region 1").getXData()).min().orElseThrow());
        assertThat(gridMin).isGreaterThan(f.getStyler().getXAxisMin()).isLessThan(lo);
    }

    @Test
    void boundaryAcceptsOneHotLabelsAndSoftmaxModels() {
        Matrix labels = cy.add(cx.row(0).gt(1.5));   // 0, 1, 2
        double[][] rows = new double[3][200];
        for (int j = 0; j < 200; j++) {
            rows[(int) labels.get(0, j)][j] = 1;
        }
        Matrix oneHot = matrix(rows);
        seed(2);
        Network soft = net(2, 8, 3).relu().softmax();
        soft.fit(cx, oneHot, lr(0.5), iters(300), quiet());

        Figure f = Plots.boundary(soft, cx, oneHot);

        assertThat(f.getSeriesMap().keySet()).contains("class 0", "class 1", "class 2");
        assertThat(f.getSeriesMap().keySet().stream().filter(k -> k.startsWith("region"))).isNotEmpty();
        assertThat(f.getTitle()).endsWith(Boundary.formatAccuracy(accuracy(soft.classify(cx), oneHot)));
    }

    @Test
    void boundaryErrorsNameTheShapes() {
        assertThatThrownBy(() -> Plots.boundary(classifier, randn(4, 150), zeros(1, 150)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("boundary needs 2-D inputs: x is (4×150); expected (2×m), features × samples");
        assertThatThrownBy(() -> Plots.boundary(classifier, cx.T(), cy))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("boundary needs 2-D inputs: x is (200×2); did you mean x.T()?");
        assertThatThrownBy(() -> Plots.boundary(classifier, cx, cy.columnRange(0, 199)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("boundary: x is (2×200) but y is (1×199); they need the same number of samples (columns)");
        assertThatThrownBy(() -> Plots.boundary(classifier, cx, cy.T()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("did you mean y.T()?");
        assertThatThrownBy(() -> Plots.boundary(classifier, cx, cy.mul(0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("boundary: y should hold class labels 0, 1, … (1×m) or be one-hot (k×m); y is (1×200) and has 0.5 at column");
        assertThatThrownBy(() -> Plots.boundary(net(3, 4, 1).relu().sigmoid(), cx, cy))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("boundary: the model takes 3 inputs, but a boundary plot needs a model with 2 (x is (2×200))");
    }

    @Test
    void boundarySavesAsPngAndSvg(@TempDir Path dir) throws Exception {
        Figure f = Plots.boundary(classifier, cx, cy);

        BufferedImage img = ImageIO.read(f.save(dir.resolve("b.png")).toFile());
        assertThat(img.getWidth()).isEqualTo(600);
        // the plot's middle is covered by region colours, never the white background
        int white = 0;
        for (int px = 200; px < 400; px += 5) {
            for (int py = 150; py < 250; py += 5) {
                white += (img.getRGB(px, py) & 0xffffff) == 0xffffff ? 1 : 0;
            }
        }
        assertThat(white).isZero();
        assertThat(Files.readString(f.save(dir.resolve("b.svg")))).contains("<svg");
    }

    @Test
    void accuracyIsFormattedWithTwoOrThreeDecimals() {
        assertThat(Boundary.formatAccuracy(0.96)).isEqualTo("0.96");
        assertThat(Boundary.formatAccuracy(0.955)).isEqualTo("0.955");
        assertThat(Boundary.formatAccuracy(1)).isEqualTo("1.00");
    }

    // ------------------------------------------------------------------ show

    @Test
    void showWithoutAScreenSavesAPngAndPrintsItsPath() throws Exception {
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path file;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            file = Plots.line(arange(0, 1, 0.1), arange(0, 1, 0.1)).size(320, 200).show();
        } finally {
            System.setOut(old);
        }
        try {
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("saved plot to " + file + System.lineSeparator());
            assertThat(file.getParent().getFileName().toString()).startsWith("scratchnet-plots-");
            assertThat(file.getFileName().toString()).matches("plot-\\d+\\.png");
            BufferedImage img = ImageIO.read(file.toFile());
            assertThat(img.getWidth()).isEqualTo(320);
            assertThat(img.getHeight()).isEqualTo(200);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void showAcceptsAnyXChartChart() throws Exception {
        CategoryChart bars = new CategoryChartBuilder().width(300).height(200).title("bars").build();
        bars.addSeries("n", new double[] {1, 2, 3}, new double[] {3, 1, 2});
        PrintStream old = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Path file;
        try {
            file = Plots.show(bars);
        } finally {
            System.setOut(old);
        }
        try {
            assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(300);
        } finally {
            Files.deleteIfExists(file);
        }
        assertThatThrownBy(() -> Plots.show("not a chart"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("show: expected an XChart chart (a Figure, XYChart, CategoryChart, …), got a java.lang.String");
    }
}
