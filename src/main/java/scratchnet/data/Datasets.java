package scratchnet.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import scratchnet.engine.GlobalRandom;
import scratchnet.engine.Matrix;
import scratchnet.engine.Rng;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Ready-made data sets, in scratchnet's features × samples layout. Random ones draw from the
 * global RNG (as {@code random}, {@code randn} do) in the order the seed documents draw them, so
 * right after {@code seed(0)} each gives exactly that document's data:
 * <pre>{@code
 * seed(0);
 * Dataset d = Datasets.logistic();          // document 001: x (4×1000), y (1×1000) 0/1
 * Matrix w = randn(1, 4);                   // the document's initial w, its next draw
 *
 * Dataset c = Datasets.circle();            // document 003 (after its own seed(0)): x (2×400), y (1×400)
 * Table iris = Datasets.iris();             // 150 rows: sepal_length … petal_width, species
 * }</pre>
 * Gaussian draws use Java's {@code Math.log}, which differs from the C library's by one ulp on
 * about one draw in a thousand; uniforms are bit-exact (see {@link Rng}).
 */
public final class Datasets {
    /**
     * Document 001's true weights, (1×4): {@code w = [0.3, 0.6, −0.7, −1.3]}. A {@link Matrix},
     * so it cannot be changed: {@code TRUE_W.dot(x)} is (1×m).
     */
    public static final Matrix TRUE_W = Matrix.rowVector(0.3, 0.6, -0.7, -1.3);

    /** Document 001's true bias, {@code b = 0.2}. */
    public static final double TRUE_B = 0.2;

    /** Where {@link #iris()} reads from, on the class path. */
    static final String IRIS_RESOURCE = "/scratchnet/data/iris.csv";

    private Datasets() {
    }

    /**
     * Documents 000 and 004: {@code x = arange(0, 1, 0.01)} (1×100) and {@code y = 20·sin(2πx)}
     * (1×100). Draws nothing from the RNG.
     * <pre>{@code
     * Dataset d = Datasets.sine();     // x 0.00, 0.01, … 0.99; y 0, 1.2558, 2.5067, …
     * }</pre>
     */
    public static Dataset sine() {
        Matrix x = Matrix.arange(0.0, 1.0, 0.01);
        Matrix y = x.mul(2 * Math.PI).map(Math::sin).mul(20);
        return new Dataset(x, y, "sine 20·sin(2πx)");
    }

    /**
     * Document 002: m = 30 points {@code x = linspace(−5, 5, 30)} and
     * {@code y = exp(x) + 0.01·random(30)}, drawing 30 uniforms from the global RNG. Both are
     * (1×30), features × samples; the document itself writes them as (30×1) columns
     * ({@code reshape(m, 1)}), so use {@code d.x().T()} to follow its code line by line.
     * <pre>{@code
     * seed(0);
     * Dataset d = Datasets.exp();     // y[0] = e^−5 + 0.01·0.5488… = 0.0122260…
     * }</pre>
     */
    public static Dataset exp() {
        int m = 30;
        Matrix x = Matrix.linspace(-5, 5, m);
        Matrix noise = Matrix.wrap(1, m, GlobalRandom.get().random(m));
        Matrix y = x.exp().add(noise.mul(0.01));
        return new Dataset(x, y, "exp(x) + 0.01·uniform noise");
    }

    /** {@link #logistic(int)} with document 001's 1000 samples. */
    public static Dataset logistic() {
        return logistic(1000);
    }

    /**
     * Document 001: {@code x = randn(n, 4)} transposed to (4×n), and labels
     * {@code y = round(sigmoid(TRUE_W·x + TRUE_B))} as a (1×n) row of 0/1. Draws 4n Gaussians from
     * the global RNG; the document draws its initial weights {@code randn(4)} right after.
     * <pre>{@code
     * seed(0);
     * Dataset d = Datasets.logistic(1000);   // x (4×1000), y (1×1000)
     * }</pre>
     *
     * @param n the number of samples, at least 1
     */
    public static Dataset logistic(int n) {
        checkPositive("logistic", "n", n);
        Matrix x = Matrix.wrap(n, 4, GlobalRandom.get().randn(4 * n)).T();
        Matrix y = TRUE_W.dot(x).add(TRUE_B).sigmoid().round();
        return new Dataset(x, y, "logistic regression, y = round(sigmoid(w·x + b))");
    }

    /** {@link #circle(int)} with document 003's 400 samples. */
    public static Dataset circle() {
        return circle(400);
    }

    /**
     * Document 003: {@code X = randn(2, n)} (2×n) and {@code Y = (x1² + x2² > 2)} as a (1×n) row
     * of 0/1: the points outside the circle of radius √2 are class 1 (about 37 %). Draws 2n
     * Gaussians from the global RNG.
     * <pre>{@code
     * seed(0);
     * Dataset d = Datasets.circle(400);   // x (2×400), y (1×400)
     * }</pre>
     *
     * @param n the number of samples, at least 1
     */
    public static Dataset circle(int n) {
        checkPositive("circle", "n", n);
        Matrix x = Matrix.wrap(2, n, GlobalRandom.get().randn(2 * n));
        Matrix y = x.mul(x).sum(0).gt(2);
        return new Dataset(x, y, "circle, y = (x1² + x2² > 2)");
    }

    /** {@link #spirals(int, int)} with 100 points in each of 3 arms. */
    public static Dataset spirals() {
        return spirals(100, 3);
    }

    /**
     * Interleaved spiral arms, a 2-D multi-class set that no linear model separates, for softmax
     * examples (the classic CS231n "spiral data"). Class c has {@code perClass} points at radius
     * {@code r = linspace(0, 1, perClass)} and angle {@code t = linspace(4c, 4(c+1), perClass) +
     * 0.2·randn(perClass)}, at {@code (r·sin t, r·cos t)}. Samples are ordered class by class; x is
     * (2×m) and y a (1×m) row of class indices 0…classes−1, with m = perClass·classes. Draws
     * {@code perClass} Gaussians per class, class 0 first, from the global RNG.
     * <pre>{@code
     * seed(0);
     * Dataset d = Datasets.spirals(100, 3);           // x (2×300), y (1×300) in {0, 1, 2}
     * var model = net(2, 100, 3).relu().softmax();
     * model.fit(d.x(), d.y(), lr(1), iters(5000));    // y as class indices; or Tables.oneHot(d.y(), 3)
     * }</pre>
     *
     * @param perClass points per class, at least 1
     * @param classes number of arms (classes), at least 1
     */
    public static Dataset spirals(int perClass, int classes) {
        checkPositive("spirals", "perClass", perClass);
        checkPositive("spirals", "classes", classes);
        int m = perClass * classes;
        double[] x = new double[2 * m];
        double[] y = new double[m];
        Rng rng = GlobalRandom.get();
        for (int c = 0; c < classes; c++) {
            Matrix r = Matrix.linspace(0, 1, perClass);
            Matrix t = Matrix.linspace(4.0 * c, 4.0 * (c + 1), perClass)
                    .add(Matrix.wrap(1, perClass, rng.randn(perClass)).mul(0.2));
            for (int i = 0; i < perClass; i++) {
                int j = c * perClass + i;
                double ri = r.get(0, i);
                double ti = t.get(0, i);
                x[j] = ri * Math.sin(ti);
                x[m + j] = ri * Math.cos(ti);
                y[j] = c;
            }
        }
        return new Dataset(Matrix.wrap(2, m, x), Matrix.wrap(1, m, y), classes + " spirals");
    }

    /**
     * Fisher's Iris data: 150 flowers, 50 of each species, as a Tablesaw table named "iris" with
     * columns {@code sepal_length, sepal_width, petal_length, petal_width} (cm, doubles) and
     * {@code species} ({@code setosa, versicolor, virginica}), one row per flower in the original
     * order. Read from the CSV shipped in the jar ({@code scratchnet/data/iris.csv}; its provenance
     * and licence are in {@code scratchnet/data/README.md}). Draws nothing from the RNG.
     * <pre>{@code
     * Table iris = Datasets.iris();
     * Matrix x = Tables.features(iris, "sepal_length", "sepal_width", "petal_length", "petal_width"); // (4×150)
     * Labels y = Tables.labels(iris, "species");                    // (1×150), [setosa, versicolor, virginica]
     * var model = net(4, 16, 3).relu().softmax();
     * model.fit(x, y.indices(), lr(0.1), iters(2000));
     * }</pre>
     *
     * @throws UncheckedIOException when the CSV is missing from the class path or unreadable
     */
    public static Table iris() {
        try (InputStream in = Datasets.class.getResourceAsStream(IRIS_RESOURCE)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("iris: expected the resource " + IRIS_RESOURCE
                        + " on the class path, but it is not there (is the jar complete?)"));
            }
            CsvReadOptions options = CsvReadOptions.builder(in)
                    .tableName("iris")
                    .header(true)
                    .columnTypes(new ColumnType[] {ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.DOUBLE,
                            ColumnType.DOUBLE, ColumnType.STRING})
                    .build();
            return Table.read().usingOptions(options);
        } catch (IOException e) {
            throw new UncheckedIOException("iris: cannot read " + IRIS_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static void checkPositive(String op, String what, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(op + ": expected " + what + " of at least 1, got " + n);
        }
    }
}
