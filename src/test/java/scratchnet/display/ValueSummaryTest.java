package scratchnet.display;

import static org.assertj.core.api.Assertions.assertThat;
import static scratchnet.Dsl.*;

import java.io.ByteArrayInputStream;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import scratchnet.engine.Matrix;
import scratchnet.nn.History;
import scratchnet.nn.Network;

/** One-line summaries and details of values, as a variables list shows them. */
class ValueSummaryTest {
    @Test
    void matrixLineGivesShapeAndStatisticsLikeNumpy() {
        // np.arange(0, 1, 0.01): mean 0.495, std 0.28866070047722…, min 0, max 0.99
        assertThat(ValueSummary.line(arange(0, 1, 0.01)))
                .isEqualTo("Matrix 1×100  mean 0.495  std 0.2887  min 0  max 0.99");
        Matrix m = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        // population std of 1..6 = √(17.5/6) = 1.7078…
        assertThat(ValueSummary.line(m)).isEqualTo("Matrix 2×3  mean 3.5  std 1.708  min 1  max 6");
    }

    @Test
    void matrixLineCountsNaNAndInfinityAndLeavesThemOutOfTheStatistics() {
        Matrix m = Matrix.of(new double[][] {{1, Double.NaN, 3, Double.POSITIVE_INFINITY, Double.NaN}});
        assertThat(ValueSummary.line(m)).isEqualTo("Matrix 1×5  mean 2  std 1  min 1  max 3  NaN 2  Inf 1");
        assertThat(ValueSummary.line(Matrix.full(2, 2, Double.NaN))).isEqualTo("Matrix 2×2  NaN 4");
    }

    @Test
    void matrixLineFromValuesSaysWhenTheyAreOnlyTheFirstOnes() {
        assertThat(ValueSummary.matrix(2, 3, new double[] {1, 2, 3, 4, 5, 6}))
                .isEqualTo(ValueSummary.line(Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}})));
        // mean of 1, 2 = 1.5, std 0.5
        assertThat(ValueSummary.matrix(1000, 4, new double[] {1, 2}))
                .isEqualTo("Matrix 1000×4  mean 1.5  std 0.5  min 1  max 2  (of the first 2 values)");
        assertThat(ValueSummary.matrix(0, 5, new double[0])).isEqualTo("Matrix 0×5");
        assertThat(ValueSummary.matrix(1, 3, new double[] {Double.NaN, Double.NEGATIVE_INFINITY, 2}))
                .isEqualTo("Matrix 1×3  mean 2  std 0  min 2  max 2  NaN 1  Inf 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ValueSummary.matrix(1, 1, new double[2]))
                .hasMessageContaining("1×1").hasMessageContaining("got 2");
    }

    @Test
    void networkAndHistoryLinesFromTheirParts() {
        assertThat(ValueSummary.network(new int[] {1, 25, 1}, java.util.List.of("sigmoid", "linear"), 76))
                .isEqualTo(ValueSummary.line(net(1, 25, 1).sigmoid().linear()));
        assertThat(ValueSummary.history(4000, 0.00123, false, true)).isEqualTo("History 4000 steps, last loss 0.00123, stopped");
        assertThat(ValueSummary.history(0, Double.NaN, true, true)).isEqualTo("History 0 steps, last loss -, interrupted");
    }

    @Test
    void networkLineGivesLayersActivationsAndParameters() {
        assertThat(ValueSummary.line(net(1, 25, 1).sigmoid().linear()))
                .isEqualTo("Network 1-25-1 sigmoid, linear (76 parameters)");
        assertThat(ValueSummary.line(net(2, 3, 1).relu()))
                .isEqualTo("Network 2-3-1 relu, 1 activation(s) missing (13 parameters)");
    }

    @Test
    void historyLineGivesStepsAndLastLoss() {
        Network model = net(1, 4, 1).sigmoid().linear();
        Matrix x = arange(0, 1, 0.1);
        History h = model.fit(x, x.mul(2), lr(0.1), iters(30));
        assertThat(ValueSummary.line(h)).isEqualTo("History 30 steps, last loss " + ValueSummary.num(h.lastLoss()));
    }

    @Test
    void otherValuesAreTheirTextCutToOneLine() {
        assertThat(ValueSummary.line(3)).isEqualTo("3");
        assertThat(ValueSummary.line("two\nlines")).isEqualTo("two lines");
        assertThat(ValueSummary.line(null)).isEqualTo("null");
        assertThat(ValueSummary.line(new String[] {"a", "b"})).isEqualTo("[a, b]");
        assertThat(ValueSummary.line(new double[] {1.5, 2})).isEqualTo("[1.5, 2.0]");
        assertThat(ValueSummary.line(new int[][] {{1}, {2, 3}})).isEqualTo("[[1], [2, 3]]");
        String longText = "a".repeat(500);
        assertThat(ValueSummary.line(longText)).hasSize(ValueSummary.MAX_CHARS).endsWith("…");
    }

    @Test
    void numbersHaveFourSignificantDigitsWithoutTrailingZeros() {
        assertThat(ValueSummary.num(0.28866070047722)).isEqualTo("0.2887");
        assertThat(ValueSummary.num(1.0)).isEqualTo("1");
        assertThat(ValueSummary.num(1.5e-5)).isEqualTo("1.5e-05");
        assertThat(ValueSummary.num(-1234567)).isEqualTo("-1.235e+06");
    }

    @Test
    void vectorDetailsAddALineChartToTheMatrixTable() throws Exception {
        MimeBundle row = ValueSummary.details(arange(0, 1, 0.01));
        assertThat(row.get("text/html")).isEqualTo(Renderers.render(arange(0, 1, 0.01)).get("text/html"));
        var image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(row.get("image/png"))));
        assertThat(image.getWidth()).isEqualTo(ValueSummary.CHART_WIDTH);
        assertThat(ValueSummary.details(arange(0, 1, 0.01).T()).has("image/png")).isTrue();
        // a 2-D matrix, a single value, or one with NaN: the table only
        assertThat(ValueSummary.details(Matrix.zeros(3, 3)).has("image/png")).isFalse();
        assertThat(ValueSummary.details(Matrix.zeros(1, 1)).has("image/png")).isFalse();
        assertThat(ValueSummary.details(Matrix.of(new double[][] {{1, Double.NaN}})).has("image/png")).isFalse();
        assertThat(ValueSummary.details(3).data()).containsOnlyKeys("text/plain").containsEntry("text/plain", "3");
    }
}
