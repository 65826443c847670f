package scratchnet.nn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import scratchnet.engine.GlobalRandom;
import scratchnet.engine.Matrix;
import scratchnet.engine.ShapeException;
import scratchnet.engine.Sizes;

/**
 * A feed-forward network of {@link Dense} layers, built by naming its sizes and then one
 * activation per weight layer, in order.
 * <pre>{@code
 * seed(0);
 * Network model = net(1, 25, 1).sigmoid().linear().init(uniform());
 * History h = model.fit(x, y, lr(0.3), iters(4000));
 * Matrix fit = model.predict(x);
 * }</pre>
 * Parameters have the seeds' names: {@code w1, b1, w2, b2, …}. Data are features × samples.
 * Weights are drawn from the global RNG when {@link #init} is called, or at first use with the
 * default initialiser (he for relu layers, xavier otherwise).
 */
public final class Network {
    private final int[] sizes;
    private final List<Activation> activations = new ArrayList<>();
    private Dense[] layers;
    private boolean drawn;
    private String initName = "default (he for relu, xavier otherwise)";

    /** A network with the given layer sizes, input first; add activations next. */
    public Network(int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("net: expected at least two sizes (inputs and outputs), got "
                    + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s <= 0) {
                throw new IllegalArgumentException("net: layer sizes must be positive, got " + Arrays.toString(sizes));
            }
        }
        // every weight matrix must fit in one array and the heap, and so must all of them together
        long total = 0;
        for (int l = 1; l < sizes.length; l++) {
            total += Sizes.values("net " + Arrays.toString(sizes) + ": w" + l, sizes[l], sizes[l - 1]) + (long) sizes[l];
        }
        if (total > Sizes.MAX_VALUES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "net %s: %,d parameters in all; scratchnet counts at most %,d", Arrays.toString(sizes), total,
                    (long) Sizes.MAX_VALUES));
        }
        this.sizes = sizes.clone();
    }

    // ------------------------------------------------------------------ building

    /** Adds a sigmoid layer (the next weight layer in order). */
    public Network sigmoid() {
        return activation(Activation.SIGMOID);
    }

    /** Adds a relu layer. */
    public Network relu() {
        return activation(Activation.RELU);
    }

    /** Adds a tanh layer. */
    public Network tanh() {
        return activation(Activation.TANH);
    }

    /** Adds a softmax layer (normally the output, for multi-class). */
    public Network softmax() {
        return activation(Activation.SOFTMAX);
    }

    /** Adds a linear layer (no activation; normally the output, for regression). */
    public Network linear() {
        return activation(Activation.LINEAR);
    }

    /** Adds the next layer's activation. */
    public Network activation(Activation a) {
        int weightLayers = sizes.length - 1;
        if (activations.size() == weightLayers) {
            throw new IllegalStateException("net" + sizesText() + " has " + weightLayers + " weight layer"
                    + (weightLayers == 1 ? "" : "s") + " and all have activations (" + activationsText()
                    + "); cannot add " + a.label());
        }
        activations.add(a);
        if (activations.size() == weightLayers) {
            layers = new Dense[weightLayers];
            for (int l = 0; l < weightLayers; l++) {
                layers[l] = new Dense(sizes[l], sizes[l + 1], activations.get(l));
            }
        }
        return this;
    }

    /**
     * Draws every weight now from the global RNG with {@code init}, W1 first, and sets every bias
     * to zero; {@code seed(s)} before this makes the weights repeatable.
     */
    public Network init(Initializer init) {
        Dense[] ls = builtLayers("init");
        for (Dense layer : ls) {
            init.fill(layer.w, layer.out, layer.in, GlobalRandom.get());
            Arrays.fill(layer.b, 0.0);
        }
        drawn = true;
        initName = init.toString();
        return this;
    }

    // ------------------------------------------------------------------ parameters

    /** A copy of the parameter named "w1", "b1", … (case-insensitive, so "W1" works too). */
    public Matrix param(String name) {
        Dense layer = layerFor(name);
        return isWeight(name) ? layer.weights() : layer.bias();
    }

    /** Replaces one parameter with a copy of {@code value}, which must have the parameter's shape. */
    public Network param(String name, Matrix value) {
        Dense layer = layerFor(name);
        boolean w = isWeight(name);
        int r = layer.out;
        int c = w ? layer.in : 1;
        if (value.rows() != r || value.cols() != c) {
            String hint = value.rows() == c && value.cols() == r ? "; did you mean value.T()?" : "";
            throw new ShapeException("param(\"" + name + "\"): expected " + ShapeException.shape(r, c) + ", got "
                    + ShapeException.shape(value.rows(), value.cols()) + hint);
        }
        value.copyTo(w ? layer.w : layer.b);
        return this;
    }

    /** The parameter names in order: w1, b1, w2, b2, … */
    public List<String> paramNames() {
        List<String> names = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            names.add("w" + l);
            names.add("b" + l);
        }
        return names;
    }

    /** Layer l (1-based), holding w_l and b_l. */
    public Dense layer(int l) {
        Dense[] ls = readyLayers("layer");
        if (l < 1 || l > ls.length) {
            throw new IndexOutOfBoundsException("layer " + l + " does not exist; this network has layers 1…" + ls.length);
        }
        return ls[l - 1];
    }

    /** The layer sizes, input first. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** The activations given so far, one per weight layer. */
    public List<Activation> activations() {
        return List.copyOf(activations);
    }

    /** The total number of trainable values. */
    public int parameterCount() {
        long n = 0;
        for (int l = 1; l < sizes.length; l++) {
            n += (long) sizes[l] * sizes[l - 1] + sizes[l];
        }
        return (int) n;   // the constructor checked that the total fits
    }

    // ------------------------------------------------------------------ the explicit steps

    /** The forward pass on x (features × samples), keeping every layer's z and a. */
    public ForwardCache forward(Matrix x) {
        Dense[] ls = readyLayers("forward");
        checkInput("forward", x);
        Workspace ws = new Workspace(ls, x.cols());
        ws.forward(ls, x.flatten(), x.cols());
        Matrix[] z = new Matrix[ls.length + 1];
        Matrix[] a = new Matrix[ls.length + 1];
        a[0] = x;
        for (int l = 1; l <= ls.length; l++) {
            z[l] = Matrix.wrap(ls[l - 1].out, x.cols(), ws.z[l].clone());
            a[l] = Matrix.wrap(ls[l - 1].out, x.cols(), ws.a[l].clone());
        }
        return new ForwardCache(z, a);
    }

    /** The backward pass from a forward cache and targets y, with the default loss and no L2. */
    public Gradients backward(ForwardCache cache, Matrix y) {
        return backward(cache, y, defaultLoss(), 0.0);
    }

    /** The backward pass with a given loss and L2 strength λ: gradients dw1, db1, … */
    public Gradients backward(ForwardCache cache, Matrix y, Loss loss, double l2) {
        Dense[] ls = readyLayers("backward");
        if (cache.layers() != ls.length) {
            throw new IllegalArgumentException("backward: the cache has " + cache.layers()
                    + " layers but this network has " + ls.length + "; pass the cache from this model's forward(x)");
        }
        int m = cache.a[0].cols();
        Matrix targets = loss.targets(y, ls[ls.length - 1].out);
        if (targets.cols() != m) {
            throw new ShapeException("backward: the cache holds " + m + " samples but y has " + targets.cols()
                    + " columns; y is " + ShapeException.shape(y.rows(), y.cols()));
        }
        Workspace ws = new Workspace(ls, m);
        ws.m = m;
        ws.a[0] = cache.a[0].flatten();
        for (int l = 1; l <= ls.length; l++) {
            cache.z[l].copyTo(ws.z[l]);
            cache.a[l].copyTo(ws.a[l]);
        }
        ws.backward(ls, targets.flatten(), loss, l2);
        Matrix[] dW = new Matrix[ls.length + 1];
        Matrix[] db = new Matrix[ls.length + 1];
        for (int l = 1; l <= ls.length; l++) {
            dW[l] = Matrix.wrap(ls[l - 1].out, ls[l - 1].in, ws.dW[l]);
            db[l] = Matrix.wrap(ls[l - 1].out, 1, ws.db[l]);
        }
        return new Gradients(dW, db);
    }

    /** One gradient-descent update: {@code w −= lr·dw}, {@code b −= lr·db} for every layer. */
    public Network update(Gradients g, double lr) {
        FiniteData.checkRate("update", lr);
        Dense[] ls = readyLayers("update");
        if (g.layers() != ls.length) {
            throw new IllegalArgumentException("update: the gradients have " + g.layers()
                    + " layers but this network has " + ls.length);
        }
        double[][] dW = new double[ls.length + 1][];
        double[][] db = new double[ls.length + 1][];
        for (int l = 1; l <= ls.length; l++) {
            dW[l] = g.dW[l].flatten();
            db[l] = g.db[l].flatten();
        }
        new GradientDescent().step(ls, dW, db, lr);
        return this;
    }

    /** The output for x (features × samples): the curve for regression, probabilities for classifiers. */
    public Matrix predict(Matrix x) {
        return forward(x).output();
    }

    /** Class predictions: 0/1 for a sigmoid output (rounded), the arg-max row for softmax (1×m). */
    public Matrix classify(Matrix x) {
        Matrix out = predict(x);
        return out.rows() > 1 ? out.argmax(0) : out.round();
    }

    /** The loss on x, y with the default loss, as fit reports it. */
    public double loss(Matrix x, Matrix y) {
        return loss(x, y, defaultLoss());
    }

    /** The loss on x, y with the given loss function. */
    public double loss(Matrix x, Matrix y, Loss loss) {
        Dense[] ls = readyLayers("loss");
        checkInput("loss", x);
        Matrix targets = loss.targets(y, ls[ls.length - 1].out);
        if (targets.cols() != x.cols()) {
            throw new ShapeException("loss: x has " + x.cols() + " samples but y has " + targets.cols());
        }
        Workspace ws = new Workspace(ls, x.cols());
        ws.forward(ls, x.flatten(), x.cols());
        return ws.loss(ls, targets.flatten(), loss, 0.0);
    }

    /** The loss of an earlier forward pass's output against y (the value the seeds print before each update). */
    public double loss(ForwardCache cache, Matrix y) {
        Dense[] ls = readyLayers("loss");
        Loss loss = defaultLoss();
        Matrix targets = loss.targets(y, ls[ls.length - 1].out);
        Matrix out = cache.output();
        if (targets.cols() != out.cols()) {
            throw new ShapeException("loss: the cache holds " + out.cols() + " samples but y has " + targets.cols());
        }
        return loss.value(out.flatten(), targets.flatten(), out.rows(), out.cols());
    }

    /** Trains the network on x (features × samples) and y; see the DSL for the options. */
    public History fit(Matrix x, Matrix y, FitOption... options) {
        FiniteData.check("fit", "x", x);
        FiniteData.check("fit", "y", y);
        return new Trainer(this, x, y, FitConfig.of(options)).run();
    }

    /** The loss that suits the output activation: mse for linear, binary cross-entropy for sigmoid, cross-entropy for softmax. */
    public Loss defaultLoss() {
        Activation out = activations.isEmpty() ? Activation.LINEAR : activations.get(activations.size() - 1);
        switch (out) {
            case SIGMOID:
                return new BinaryCrossEntropy();
            case SOFTMAX:
                return new CrossEntropy();
            default:
                return new Mse();
        }
    }

    // ------------------------------------------------------------------ save, load, copy

    /** Writes the model as readable JSON (sizes, activations, every parameter bit-exact). */
    public void save(Path file) throws IOException {
        ModelFile.write(this, file);
    }

    /** Writes the model as readable JSON to the named file. */
    public void save(String file) throws IOException {
        save(Path.of(file));
    }

    /** Reads a model written by {@link #save}. */
    public static Network load(Path file) throws IOException {
        return ModelFile.read(file);
    }

    /** Reads a model written by {@link #save}. */
    public static Network load(String file) throws IOException {
        return load(Path.of(file));
    }

    /** An independent copy with the same parameters. */
    public Network copy() {
        Network n = new Network(sizes);
        for (Activation a : activations) {
            n.activation(a);
        }
        if (layers != null && drawn) {
            for (int l = 0; l < layers.length; l++) {
                System.arraycopy(layers[l].w, 0, n.layers[l].w, 0, layers[l].w.length);
                System.arraycopy(layers[l].b, 0, n.layers[l].b, 0, layers[l].b.length);
            }
            n.drawn = true;
            n.initName = initName;
        }
        return n;
    }

    /** A table of the layers: sizes, activation and parameter count. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-7s %-10s %-11s %8s%n", "layer", "shape", "activation", "params"));
        for (int l = 1; l < sizes.length; l++) {
            String act = l - 1 < activations.size() ? activations.get(l - 1).label() : "(missing)";
            sb.append(String.format(Locale.ROOT, "%-7s %-10s %-11s %8d%n", "w" + l + ",b" + l,
                    sizes[l] + "×" + sizes[l - 1], act, sizes[l] * sizes[l - 1] + sizes[l]));
        }
        sb.append(String.format(Locale.ROOT, "total %d parameters; loss %s; init %s", parameterCount(),
                defaultLoss().label(), drawn ? initName : "not drawn yet"));
        return sb.toString();
    }

    @Override
    public String toString() {
        return "net" + sizesText() + activationsText();
    }

    // ------------------------------------------------------------------ checks

    /** The layers, complete and with weights drawn (drawing them now with the default if needed). */
    Dense[] readyLayers(String op) {
        Dense[] ls = builtLayers(op);
        if (!drawn) {
            for (Dense layer : ls) {
                Initializer init = layer.activation == Activation.RELU ? Initializer.he() : Initializer.xavier();
                init.fill(layer.w, layer.out, layer.in, GlobalRandom.get());
            }
            drawn = true;
        }
        return ls;
    }

    private Dense[] builtLayers(String op) {
        if (layers == null) {
            int need = sizes.length - 1;
            throw new IllegalStateException(op + ": net" + sizesText() + " needs " + need + " activation"
                    + (need == 1 ? "" : "s") + " (one per weight layer) but has " + activations.size()
                    + (activations.isEmpty() ? "" : " (" + activationsText() + ")")
                    + "; for example net(1, 25, 1).sigmoid().linear()");
        }
        return layers;
    }

    void checkInput(String op, Matrix x) {
        if (x.rows() != sizes[0]) {
            String hint = x.cols() == sizes[0] ? "; did you mean x.T()? It is " + ShapeException.shape(x.cols(), x.rows())
                    + " — scratchnet lays data out as features × samples" : "";
            throw new ShapeException(op + ": the network takes " + sizes[0] + " feature" + (sizes[0] == 1 ? "" : "s")
                    + " per sample, so x must have " + sizes[0] + " row" + (sizes[0] == 1 ? "" : "s")
                    + " (one column per sample): expected (" + sizes[0] + "×m), got "
                    + ShapeException.shape(x.rows(), x.cols()) + hint);
        }
    }

    private Dense layerFor(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.length() >= 2 && (n.charAt(0) == 'w' || n.charAt(0) == 'b')) {
            try {
                int l = Integer.parseInt(n.substring(1));
                if (l >= 1 && l < sizes.length) {
                    return readyLayers("param")[l - 1];
                }
            } catch (NumberFormatException e) {
                // fall through to the error
            }
        }
        throw new IllegalArgumentException("param: no parameter '" + name + "'; this network has "
                + String.join(", ", paramNames()));
    }

    private static boolean isWeight(String name) {
        return Character.toLowerCase(name.charAt(0)) == 'w';
    }

    private String sizesText() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < sizes.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(sizes[i]);
        }
        return sb.append(')').toString();
    }

    private String activationsText() {
        StringBuilder sb = new StringBuilder();
        for (Activation a : activations) {
            sb.append('.').append(a.label()).append("()");
        }
        return sb.toString();
    }
}
