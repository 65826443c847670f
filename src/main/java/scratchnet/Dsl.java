package scratchnet;

import java.io.IOException;
import java.util.List;

import scratchnet.engine.GlobalRandom;
import scratchnet.engine.Matrix;
import scratchnet.engine.Rng;
import scratchnet.engine.Sizes;
import scratchnet.nn.BinaryCrossEntropy;
import scratchnet.nn.CrossEntropy;
import scratchnet.nn.FitOption;
import scratchnet.nn.FitOptions;
import scratchnet.nn.GradCheck;
import scratchnet.nn.Adam;
import scratchnet.nn.Initializer;
import scratchnet.nn.Loss;
import scratchnet.nn.Momentum;
import scratchnet.nn.Mse;
import scratchnet.nn.History;
import scratchnet.nn.Network;
import scratchnet.nn.Schedule;
import scratchnet.nn.TrainingListener;
import scratchnet.widgets.Box;
import scratchnet.widgets.Button;
import scratchnet.widgets.Checkbox;
import scratchnet.widgets.Dropdown;
import scratchnet.widgets.FloatSlider;
import scratchnet.widgets.Interact;
import scratchnet.widgets.IntSlider;
import scratchnet.widgets.Link;
import scratchnet.widgets.LogSlider;
import scratchnet.widgets.Output;
import scratchnet.widgets.Play;
import scratchnet.widgets.Progress;
import scratchnet.widgets.Text;
import scratchnet.widgets.ValueControl;
import scratchnet.widgets.Widget;

/**
 * The whole scratchnet DSL behind one static import: matrices, the numpy-compatible RNG,
 * networks, initialisers, losses and fit options.
 * <pre>{@code
 * import static scratchnet.Dsl.*;
 *
 * seed(0);
 * var x = arange(0, 1, 0.01);                          // 1×100, features × samples
 * var y = x.mul(2 * Math.PI).map(Math::sin).mul(20);
 * var model = net(1, 25, 1).sigmoid().linear().init(uniform());
 * var history = model.fit(x, y, lr(0.3), iters(4000)); // prints "iter    0  loss 260.181", …
 * var fit = model.predict(x);
 * }</pre>
 */
public final class Dsl {
    static {
        // in a terminal (plain JVM, local JShell), fit shows a progress bar; notebooks install their own display
        if (!scratchnet.settings.Settings.framesDisplay()) {
            scratchnet.display.Notebook.installTerminal();
        }
    }

    private Dsl() {
    }

    // ------------------------------------------------------------------ matrices

    /** A matrix from rows of values: {@code matrix(new double[][] {{1, 2}, {3, 4}})}. */
    public static Matrix matrix(double[][] rows) {
        return Matrix.of(rows);
    }

    /** A 1×n row vector. */
    public static Matrix row(double... values) {
        return Matrix.rowVector(values);
    }

    /** An n×1 column vector. */
    public static Matrix column(double... values) {
        return Matrix.columnVector(values);
    }

    /** rows×cols zeros. */
    public static Matrix zeros(int rows, int cols) {
        return Matrix.zeros(rows, cols);
    }

    /** rows×cols ones. */
    public static Matrix ones(int rows, int cols) {
        return Matrix.ones(rows, cols);
    }

    /** rows×cols filled with value. */
    public static Matrix full(int rows, int cols, double value) {
        return Matrix.full(rows, cols, value);
    }

    /** The n×n identity. */
    public static Matrix eye(int n) {
        return Matrix.eye(n);
    }

    /** 1×n row start, start+step, … below stop, like {@code np.arange}. */
    public static Matrix arange(double start, double stop, double step) {
        return Matrix.arange(start, stop, step);
    }

    /** 1×n row 0, 1, … below stop. */
    public static Matrix arange(double stop) {
        return Matrix.arange(0, stop, 1);
    }

    /** 1×n row of n evenly spaced values from a to b inclusive, like {@code np.linspace}. */
    public static Matrix linspace(double a, double b, int n) {
        return Matrix.linspace(a, b, n);
    }

    /** The matrix product a·b. */
    public static Matrix dot(Matrix a, Matrix b) {
        return a.dot(b);
    }

    /** e^m element-wise. */
    public static Matrix exp(Matrix m) {
        return m.exp();
    }

    /** ln m element-wise. */
    public static Matrix log(Matrix m) {
        return m.log();
    }

    /** √m element-wise. */
    public static Matrix sqrt(Matrix m) {
        return m.sqrt();
    }

    /** m² element-wise. */
    public static Matrix square(Matrix m) {
        return m.square();
    }

    /** 1 / (1 + e^(−m)) element-wise. */
    public static Matrix sigmoid(Matrix m) {
        return m.sigmoid();
    }

    /** max(m, 0) element-wise. */
    public static Matrix relu(Matrix m) {
        return m.relu();
    }

    /** tanh(m) element-wise. */
    public static Matrix tanh(Matrix m) {
        return m.tanh();
    }

    /** Softmax of each column. */
    public static Matrix softmax(Matrix m) {
        return m.softmax();
    }

    /** The sum of all elements. */
    public static double sum(Matrix m) {
        return m.sum();
    }

    /** The mean of all elements. */
    public static double mean(Matrix m) {
        return m.mean();
    }

    /**
     * One-hot columns for class labels: a (1×m) row of labels 0…k−1 becomes (k×m) with a 1 in
     * row label[j] of column j ({@link scratchnet.engine.OneHot}).
     */
    public static Matrix oneHot(Matrix labels, int classes) {
        return scratchnet.engine.OneHot.encode(labels, classes);
    }

    // ------------------------------------------------------------------ random numbers (numpy's legacy RandomState)

    /** Seeds the global generator like {@code np.random.seed(s)}; s in [0, 2³²−1]. */
    public static void seed(long s) {
        GlobalRandom.seed(s);
    }

    /** An independent generator, for reproducible code that leaves the global one alone. */
    public static Rng rng(long seed) {
        return new Rng(seed);
    }

    /** rows×cols uniform on [0, 1), like {@code np.random.random([rows, cols])}. */
    public static Matrix random(int rows, int cols) {
        return Matrix.wrap(rows, cols, GlobalRandom.get().random(Sizes.values("random", rows, cols)));
    }

    /** rows×cols standard normal, like {@code np.random.randn(rows, cols)}. */
    public static Matrix randn(int rows, int cols) {
        return Matrix.wrap(rows, cols, GlobalRandom.get().randn(Sizes.values("randn", rows, cols)));
    }

    /** rows×cols normal with the given mean and standard deviation, like {@code np.random.normal}. */
    public static Matrix normal(double mean, double sd, int rows, int cols) {
        return Matrix.wrap(rows, cols, GlobalRandom.get().normal(mean, sd, Sizes.values("normal", rows, cols)));
    }

    /** n integers in [lo, hi), like {@code np.random.randint(lo, hi, n)}. */
    public static int[] randint(int lo, int hi, int n) {
        return GlobalRandom.get().randint(lo, hi, n);
    }

    /** A random order of 0…n−1, like {@code np.random.permutation(n)}. */
    public static int[] permutation(int n) {
        return GlobalRandom.get().permutation(n);
    }

    /** Shuffles in place, like {@code np.random.shuffle}. */
    public static void shuffle(int[] a) {
        GlobalRandom.get().shuffle(a);
    }

    /** Shuffles in place, like {@code np.random.shuffle}. */
    public static void shuffle(double[] a) {
        GlobalRandom.get().shuffle(a);
    }

    /** Shuffles in place, like {@code np.random.shuffle}. */
    public static <T> void shuffle(List<T> list) {
        GlobalRandom.get().shuffle(list);
    }

    // ------------------------------------------------------------------ networks

    /** A network with these layer sizes, input first; follow with one activation per weight layer. */
    public static Network net(int... sizes) {
        return new Network(sizes);
    }

    /** Reads a model saved with {@code model.save(path)}. */
    public static Network loadModel(String path) throws IOException {
        return Network.load(path);
    }

    /** Uniform [0, 1) weights, numpy's {@code random} (documents 000 and 004). */
    public static Initializer uniform() {
        return Initializer.uniform();
    }

    /** Uniform [lo, hi) weights. */
    public static Initializer uniform(double lo, double hi) {
        return Initializer.uniform(lo, hi);
    }

    /** Standard normal weights, numpy's {@code normal(size=…)} (document 003). */
    public static Initializer normal() {
        return Initializer.normal();
    }

    /** Normal weights times scale, numpy's {@code randn(…) * scale} (document 002 uses 0.01). */
    public static Initializer normal(double scale) {
        return Initializer.normal(scale);
    }

    /** Xavier/Glorot normal weights, √(1/in). */
    public static Initializer xavier() {
        return Initializer.xavier();
    }

    /** He normal weights, √(2/in), for relu. */
    public static Initializer he() {
        return Initializer.he();
    }

    // ------------------------------------------------------------------ losses

    /** Mean squared error (the seeds' regression loss). */
    public static Loss mse() {
        return new Mse();
    }

    /** Binary cross-entropy, for a sigmoid output and 0/1 targets. */
    public static Loss binaryCrossEntropy() {
        return new BinaryCrossEntropy();
    }

    /** Softmax cross-entropy, for a softmax output and one-hot or class-index targets. */
    public static Loss crossEntropy() {
        return new CrossEntropy();
    }

    // ------------------------------------------------------------------ fit options

    /** The learning rate. */
    public static FitOption lr(double rate) {
        return new FitOptions.LearningRate(rate);
    }

    /** Number of updates (full-batch: iterations over all samples). */
    public static FitOption iters(int n) {
        return new FitOptions.Iterations(n);
    }

    /** Number of passes over the data. */
    public static FitOption epochs(int n) {
        return new FitOptions.Epochs(n);
    }

    /** Mini-batches of n samples, reshuffled every epoch from the global RNG. */
    public static FitOption batch(int n) {
        return new FitOptions.BatchSize(n);
    }

    /**
     * Mini-batches in the data's order, the same every epoch, instead of reshuffling: for data that
     * is already shuffled, or to match a program that slices {@code X[:, s:s+B]} in order.
     * {@code fit(x, y, batch(128), inOrder())}.
     */
    public static FitOption inOrder() {
        return new FitOptions.InOrder();
    }

    /** Stochastic gradient descent: one sample per update, shuffled every epoch (batch(1)). */
    public static FitOption sgd() {
        return new FitOptions.BatchSize(1);
    }

    /** Gradient descent with momentum β = 0.9. */
    public static FitOption momentum() {
        return momentum(0.9);
    }

    /** Gradient descent with momentum β (0.9 is usual). */
    public static FitOption momentum(double beta) {
        new Momentum(beta);
        return new FitOptions.UseOptimizer("momentum(" + beta + ")", () -> new Momentum(beta));
    }

    /** Adam with β1 0.9, β2 0.999, ε 1e−8. */
    public static FitOption adam() {
        return new FitOptions.UseOptimizer("adam()", Adam::new);
    }

    /** Adam with explicit constants. */
    public static FitOption adam(double beta1, double beta2, double eps) {
        new Adam(beta1, beta2, eps);
        return new FitOptions.UseOptimizer("adam(" + beta1 + ", " + beta2 + ", " + eps + ")",
                () -> new Adam(beta1, beta2, eps));
    }

    /** L2 weight penalty λ: loss + λ·ΣW²/(2m), gradient + λ·W/m (document 003). */
    public static FitOption l2(double lambda) {
        return new FitOptions.L2(lambda);
    }

    /** Step decay (document 003): after update j, when j &gt; 0 and j % every == 0, lr −= lr·rate. */
    public static FitOption decay(int every, double rate) {
        return new FitOptions.UseSchedule(Schedule.step(every, rate));
    }

    /** Exponential decay: lr ← lr·gamma after every update. */
    public static FitOption expDecay(double gamma) {
        return new FitOptions.UseSchedule(Schedule.exponential(gamma));
    }

    /** Cosine annealing from lr down to 0 over the run. */
    public static FitOption cosine() {
        return new FitOptions.UseSchedule(Schedule.cosine(0.0));
    }

    /** Cosine annealing from lr down to floor over the run. */
    public static FitOption cosine(double floor) {
        return new FitOptions.UseSchedule(Schedule.cosine(floor));
    }

    /** The loss to train on, instead of the output activation's default. */
    public static FitOption loss(Loss loss) {
        return new FitOptions.UseLoss(loss);
    }

    /** Print and record the loss every n steps (default 100 iterations, or every epoch). */
    public static FitOption printEvery(int n) {
        return new FitOptions.PrintEvery(n);
    }

    /** Record losses but print nothing. */
    public static FitOption quiet() {
        return new FitOptions.Quiet();
    }

    /** Calls a listener while training (progress, live charts, early stopping). */
    public static FitOption callback(TrainingListener listener) {
        return new FitOptions.Callback(listener);
    }

    // ------------------------------------------------------------------ evaluation

    /**
     * The fraction of samples classified right. pred may be probabilities or labels: a (1×m) row is
     * rounded (sigmoid output), a (k×m) matrix is reduced by arg-max. y may be a (1×m) label row
     * or (k×m) one-hot.
     */
    public static double accuracy(Matrix pred, Matrix y) {
        Matrix p = pred.rows() > 1 ? pred.argmax(0) : pred.round();
        Matrix t = y.rows() > 1 ? y.argmax(0) : y;
        if (p.cols() != t.cols() || t.rows() != 1) {
            throw new scratchnet.engine.ShapeException("accuracy: predictions "
                    + scratchnet.engine.ShapeException.shape(pred.rows(), pred.cols()) + " and targets "
                    + scratchnet.engine.ShapeException.shape(y.rows(), y.cols())
                    + " need the same number of samples (columns)"
                    + (y.cols() == 1 && y.rows() == pred.cols() ? "; did you mean y.T()?"
                    : pred.cols() == 1 && pred.rows() == y.cols() ? "; did you mean pred.T()?" : ""));
        }
        return p.eq(t).mean();
    }

    /** Backprop against central finite differences: the largest relative error (below 1e-6 when right). */
    public static double gradcheck(Network model, Matrix x, Matrix y) {
        return GradCheck.check(model, x, y);
    }

    // ------------------------------------------------------------------ display

    /**
     * Shows a value richly — a chart, a table, a matrix, a network, a training history — in a
     * notebook, or as text in a terminal; the handle's {@code update(o)} replaces it in place.
     * <pre>{@code
     * var h = display(model);              // the layer table
     * h.update(model.fit(x, y, lr(0.3)));  // now the loss curve
     * }</pre>
     */
    public static scratchnet.display.DisplayHandle display(Object o) {
        return scratchnet.display.Display.display(o);
    }

    /**
     * Clears what the cell has shown so far in a notebook (Jupyter's {@code clear_output}); in a
     * terminal it does nothing.
     * <pre>{@code
     * for (int epoch = 1; epoch <= 3; epoch++) {
     *     clearOutput();
     *     System.out.println("epoch " + epoch);   // the cell ends showing only "epoch 3"
     * }
     * }</pre>
     */
    public static void clearOutput() {
        scratchnet.display.Display.clearOutput();
    }

    // ------------------------------------------------------------------ widgets

    /**
     * A slider for a real number, as ipywidgets' {@code FloatSlider}: shown in JupyterLab,
     * Notebook 7 and VS Code, read with {@code value()}, watched with {@code onChange}.
     * <pre>{@code
     * var lr = slider(0.01, 1, 0.3).description("lr");
     * lr.onChange(v -> System.out.println("lr " + v));
     * lr      // the cell shows the slider
     * }</pre>
     */
    public static FloatSlider slider(double min, double max, double value) {
        return new FloatSlider(min, max, value);
    }

    /** A slider for a real number in steps of {@code step}. */
    public static FloatSlider slider(double min, double max, double value, double step) {
        return new FloatSlider(min, max, value, step);
    }

    /** A slider for a whole number: {@code intSlider(1, 50, 25)}. */
    public static IntSlider intSlider(int min, int max, int value) {
        return new IntSlider(min, max, value);
    }

    /** A slider over powers of ten: {@code logSlider(1e-4, 1, 0.03)} for a learning rate. */
    public static LogSlider logSlider(double min, double max, double value) {
        return new LogSlider(min, max, value);
    }

    /** A check box: {@code checkbox(false).description("L2")}. */
    public static Checkbox checkbox(boolean value) {
        return new Checkbox(value);
    }

    /** A choice among labels: {@code dropdown("sigmoid", "tanh", "relu")}; its value is the label. */
    public static Dropdown dropdown(String... options) {
        return new Dropdown(List.of(options));
    }

    /** A button: {@code button("train").onClick(b -> ...)}. */
    public static Button button(String label) {
        return new Button(label);
    }

    /** A play button counting from min to max by itself: {@code play(0, 299).onChange(i -> ...)}. */
    public static Play play(int min, int max) {
        return new Play(min, max);
    }

    /** A progress bar the code moves: {@code progress(0, 4000).value(100.0)}. */
    public static Progress progress(double min, double max) {
        return new Progress(min, max);
    }

    /** Plain text the code changes: {@code label("loss –").value("loss 0.01")}. */
    public static Text label(String text) {
        return Text.label(text);
    }

    /** HTML the code changes: {@code html("<b>ready</b>")}. */
    public static Text html(String html) {
        return Text.html(html);
    }

    /**
     * Shows the controls and what {@code fn} makes of their values below them, and runs {@code fn}
     * again whenever a control changes (a run still going is dropped for the newest values).
     * <pre>{@code
     * var lr = slider(0.05, 1, 0.3).continuousUpdate(false);
     * interact(() -> lossCurve(net(1, 25, 1).sigmoid().linear().fit(x, y, lr(lr.value()), quiet())), lr);
     * }</pre>
     * It shows what it shows and returns nothing, so the cell has no value line; to count the runs
     * or re-run by hand, keep {@code Interact.interact(fn, controls)} instead.
     */
    public static void interact(java.util.function.Supplier<?> fn, ValueControl<?>... controls) {
        Interact.interact(fn, controls);
    }

    /** An area that shows what code prints and displays: {@code out.capture(() -> display(chart))}. */
    public static Output output() {
        return new Output();
    }

    /** Keeps two controls at one value: {@code link(play(0, 299), intSlider(0, 299, 0))}. */
    public static <T> void link(ValueControl<T> a, ValueControl<T> b) {
        Link.link(a, b);
    }

    /** Widgets side by side: {@code hbox(lr, hidden)}. */
    public static Box hbox(Widget... children) {
        return Box.hbox(children);
    }

    /** Widgets one above the other: {@code vbox(hbox(lr, hidden), button("train"))}. */
    public static Box vbox(Widget... children) {
        return Box.vbox(children);
    }

    // ------------------------------------------------------------------ plots

    /** A new scatter plot of y against x (rows, columns or arrays); chain {@code .scatter(...)} to overlay. */
    public static scratchnet.plot.Figure scatter(Matrix x, Matrix y) {
        return scratchnet.plot.Plots.scatter(x, y);
    }

    /** A new scatter plot with a named series. */
    public static scratchnet.plot.Figure scatter(Matrix x, Matrix y, String name) {
        return scratchnet.plot.Plots.scatter(x, y, name);
    }

    /** A new line plot of y against x. */
    public static scratchnet.plot.Figure line(Matrix x, Matrix y) {
        return scratchnet.plot.Plots.line(x, y);
    }

    /** A new line plot with a named series. */
    public static scratchnet.plot.Figure line(Matrix x, Matrix y, String name) {
        return scratchnet.plot.Plots.line(x, y, name);
    }

    /** The loss curve of a training run: the recorded losses against their steps. */
    public static scratchnet.plot.Figure lossCurve(History history) {
        return scratchnet.plot.Plots.lossCurve(history);
    }

    /** The loss curve of a training run, with the y axis on a log scale when {@code logY}. */
    public static scratchnet.plot.Figure lossCurve(History history, boolean logY) {
        return scratchnet.plot.Plots.lossCurve(history, logY);
    }

    /** The decision regions of a 2-D classifier with its samples, titled with the accuracy. */
    public static scratchnet.plot.Figure boundary(Network model, Matrix x, Matrix y) {
        return scratchnet.plot.Plots.boundary(model, x, y);
    }

    /**
     * Shows a chart: inline in a notebook (returns null); elsewhere a window when there is a
     * screen, otherwise a PNG in this user's own temporary folder (path printed and returned).
     */
    public static java.nio.file.Path show(Object chart) {
        return scratchnet.plot.Plots.show(chart);
    }

    // ------------------------------------------------------------------ data

    /** Document 000/004's data: x = arange(0, 1, 0.01), y = 20·sin(2πx), both 1×100. */
    public static scratchnet.data.Dataset sineData() {
        return scratchnet.data.Datasets.sine();
    }

    /** Document 002's data: 30 points of exp(x) on [−5, 5] plus a little noise (draws from the RNG). */
    public static scratchnet.data.Dataset expData() {
        return scratchnet.data.Datasets.exp();
    }

    /** Document 001's data: 1000 samples of 4 Gaussian features labelled by a known logistic rule. */
    public static scratchnet.data.Dataset logisticData() {
        return scratchnet.data.Datasets.logistic();
    }

    /** Document 003's data: 400 2-D samples, labelled 1 outside the circle x₁² + x₂² = 2. */
    public static scratchnet.data.Dataset circleData() {
        return scratchnet.data.Datasets.circle();
    }

    /** A 2-D multi-class set of interleaved spirals (labels 0…classes−1). */
    public static scratchnet.data.Dataset spiralsData(int perClass, int classes) {
        return scratchnet.data.Datasets.spirals(perClass, classes);
    }

    /** The Iris flowers (150 × 4 measurements + species) as a Tablesaw table. */
    public static tech.tablesaw.api.Table iris() {
        return scratchnet.data.Datasets.iris();
    }

    /** Numeric table columns as a (features × samples) matrix. */
    public static Matrix features(tech.tablesaw.api.Table table, String... columns) {
        return scratchnet.data.Tables.features(table, columns);
    }

    /** What a training run recorded as a table: columns "iteration" (or "epoch") and "loss". */
    public static tech.tablesaw.api.Table table(History history) {
        return scratchnet.data.Tables.table(history);
    }

    /** A label column as class indices (1×m) with the class names. */
    public static scratchnet.data.Labels labels(tech.tablesaw.api.Table table, String column) {
        return scratchnet.data.Tables.labels(table, column);
    }

    /** Shuffles the samples (global RNG) and splits off a test part of the given fraction. */
    public static scratchnet.data.TrainTest split(Matrix x, Matrix y, double testFraction) {
        return scratchnet.data.Split.split(x, y, testFraction);
    }

    /** Which path large matrix products take: the native BLAS (and which library) or the pure-Java kernel. */
    public static String blas() {
        return scratchnet.engine.Blas.active();
    }

    /**
     * How the engine's element-wise loops run: SIMD through the Vector API (and how wide), or
     * scalar, and why. {@code simd()} → "Vector API, 8 doubles per vector (512-bit)".
     */
    public static String simd() {
        return scratchnet.engine.Simd.describe();
    }
}
