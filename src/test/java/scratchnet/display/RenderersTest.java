package scratchnet.display;

import static org.assertj.core.api.Assertions.assertThat;
import static scratchnet.Dsl.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import scratchnet.engine.Matrix;
import scratchnet.nn.History;
import scratchnet.nn.Network;
import scratchnet.plot.Plots;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The built-in renderers and the registry. */
class RenderersTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void xyChartRendersPngSvgAndSize() throws Exception {
        XYChart chart = new XYChartBuilder().width(640).height(360).title("squares").build();
        chart.addSeries("y", new double[] {1, 2, 3, 4}, new double[] {1, 4, 9, 16});

        MimeBundle b = Renderers.render(chart);

        BufferedImage img = png(b);
        assertThat(img.getWidth()).isEqualTo(640);
        assertThat(img.getHeight()).isEqualTo(360);
        assertThat(b.metadata().get("image/png")).containsEntry("width", 640).containsEntry("height", 360);
        assertThat(b.get("image/svg+xml")).satisfiesAnyOf(s -> assertThat(s).startsWith("<svg"),
                s -> assertThat(s).startsWith("<?xml"));
        assertThat(b.text()).isEqualTo("XYChart \"squares\" (640×360)");
    }

    @Test
    void tablesawTableRendersEscapedHtmlWithNamesAndTypes() {
        int n = 25;
        double[] xs = new double[n];
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i * 0.5;
            names[i] = i == 0 ? "<script>&" : "row" + i;
        }
        Table t = Table.create("data", DoubleColumn.create("x<1", xs), StringColumn.create("name", names));

        MimeBundle b = Renderers.render(t);

        String html = b.get("text/html");
        assertThat(html).contains("x&lt;1", "name", "double", "string", "&lt;script&gt;&amp;")
                .doesNotContain("<script>").contains("… 5 more rows");
        assertThat(html.split("<tr>", -1)).hasSize(1 + 1 + 20);   // header + 20 rows
        assertThat(b.text()).contains("name", "row19").doesNotContain("row20").contains("… 5 more rows");
    }

    @Test
    void smallMatrixShowsEveryCell() {
        MimeBundle b = Renderers.render(matrix(new double[][] {{1, 2.5}, {-3, 0.125}}));
        assertThat(b.get("text/html")).contains("Matrix (2×2)", ">2.5<", ">-3<", ">0.125<").doesNotContain("…");
        assertThat(b.text()).isEqualTo(matrix(new double[][] {{1, 2.5}, {-3, 0.125}}).toString());
    }

    @Test
    void largeMatrixIsTruncatedWithShapeCaption() {
        Matrix m = arange(0, 10000, 1).reshape(100, 100);

        String html = Renderers.render(m).get("text/html");

        assertThat(html).contains("Matrix (100×100)", "…", ">9999<", ">0<").doesNotContain(">5050<");
        assertThat(html.split("<tr>", -1)).hasSize(1 + 1 + 13);      // header row + 12 rows + "…" row
        assertThat(html.split("<td", -1)).hasSize(1 + 13 * 13);      // 13 cells (12 + "…") per row
    }

    @Test
    void networkRendersLayerTableWithParameterCount() {
        Network model = net(2, 3, 1).relu().sigmoid();

        MimeBundle b = Renderers.render(model);

        assertThat(b.get("text/html")).contains("<th>layer</th>", "3×2", "relu", "sigmoid", ">9<", ">4<", ">13<",
                "net(2, 3, 1)");
        assertThat(b.text()).isEqualTo(model.summary());
    }

    @Test
    void historyRendersItsLossCurve() throws Exception {
        seed(0);
        var x = arange(0, 1, 0.01);
        var y = x.mul(2 * Math.PI).map(Math::sin).mul(20);
        History h = net(1, 25, 1).sigmoid().linear().init(uniform()).fit(x, y, lr(0.3), iters(500), quiet());

        MimeBundle b = Renderers.render(h);

        BufferedImage img = png(b);
        assertThat(img.getWidth()).isEqualTo(600);
        assertThat(img.getHeight()).isEqualTo(400);
        assertThat(b.text()).isEqualTo(h.toString());
        // the picture is plot's loss curve, pixel for pixel
        boolean log = Plots.logScaleSuits(h.losses(), h.size());
        BufferedImage curve = BitmapEncoder.getBufferedImage(Plots.lossCurve(h, log));
        assertThat(Arrays.equals(img.getRGB(0, 0, 600, 400, null, 0, 600), curve.getRGB(0, 0, 600, 400, null, 0, 600)))
                .as("the rendered History is Plots.lossCurve(h, %s)", log).isTrue();
        assertThat(Arrays.equals(img.getRGB(0, 0, 600, 400, null, 0, 600),
                BitmapEncoder.getBufferedImage(Plots.lossCurve(h, !log)).getRGB(0, 0, 600, 400, null, 0, 600)))
                .as("the comparison can tell two pictures apart").isFalse();
    }

    @Test
    void unknownObjectIsPlainText() {
        MimeBundle b = Renderers.render(new StringBuilder("just text"));
        assertThat(b.data()).containsOnlyKeys("text/plain").containsEntry("text/plain", "just text");
        assertThat(Renderers.render(null).text()).isEqualTo("null");
        assertThat(Renderers.render(Arrays.asList(1, 2)).text()).isEqualTo("[1, 2]");
    }

    record Point(int x, int y) {
    }

    record Point3(int x, int y, int z) {
    }

    @Test
    void registeredRendererWinsForItsClassAndGetsTextAdded() {
        Renderers.register(Point.class, p -> new MimeBundle().put("text/html", "<i>" + p.x() + "," + p.y() + "</i>"));
        Renderers.register(Point3.class, p -> MimeBundle.ofText("3d"));
        Renderers.register(Point.class, p -> new MimeBundle().put("text/html", "<b>" + p.x() + "</b>"));

        MimeBundle b = Renderers.render(new Point(1, 2));
        assertThat(b.get("text/html")).isEqualTo("<b>1</b>");
        assertThat(b.text()).isEqualTo("Point[x=1, y=2]");
        assertThat(Renderers.render(new Point3(1, 2, 3)).text()).isEqualTo("3d");
    }

    private static BufferedImage png(MimeBundle b) throws Exception {
        byte[] bytes = Base64.getDecoder().decode(b.get("image/png"));
        assertThat(Arrays.copyOf(bytes, 8)).isEqualTo(PNG_SIGNATURE);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(img).isNotNull();
        return img;
    }
}
