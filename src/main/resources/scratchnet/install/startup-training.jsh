// The notebook a training run executes to make the kernel's start-up archives (see StartupArchives):
// cells separated by lines that start with "//// cell". Like notebooks/000, shorter.
//// cell
int q = 1;
//// cell
var x = arange(0.0, 1.0, 0.01);
var y = x.mul(2 * Math.PI).map(Math::sin).mul(20);
scatter(x, y, "data").title("20·sin(2πx)")
//// cell
seed(0);
int[] dims = {1, 25, 1};
var params = new LinkedHashMap<String, Matrix>();
for (int i = 1; i < dims.length; i++) {
    params.put("w" + i, random(dims[i], dims[i - 1]));
    params.put("b" + i, zeros(dims[i], 1));
}
int layers = params.size() / 2;
int m = y.cols();
Matrix al = null;
for (int it = 0; it < 200; it++) {
    var a = new ArrayList<Matrix>(List.of(x));
    var z = new ArrayList<Matrix>(List.of(x));
    for (int i = 1; i < layers; i++) {
        Matrix zi = params.get("w" + i).dot(a.get(i - 1)).add(params.get("b" + i));
        z.add(zi);
        a.add(zi.sigmoid());
    }
    Matrix zl = params.get("w" + layers).dot(a.get(layers - 1)).add(params.get("b" + layers));
    z.add(zl);
    a.add(zl);
    al = a.get(layers);
    var grads = new HashMap<String, Matrix>();
    Matrix dz = al.sub(y);
    grads.put("dw" + layers, dz.dot(a.get(layers - 1).T()).div(m));
    grads.put("db" + layers, dz.sum(1).div(m));
    for (int i = layers - 1; i >= 1; i--) {
        Matrix s = z.get(i).sigmoid();
        dz = params.get("w" + (i + 1)).T().dot(dz).mul(s).mul(s.rsub(1));
        grads.put("dw" + i, dz.dot(a.get(i - 1).T()).div(m));
        grads.put("db" + i, dz.sum(1).div(m));
    }
    for (int i = 1; i <= layers; i++) {
        params.put("w" + i, params.get("w" + i).sub(grads.get("dw" + i).mul(0.3)));
        params.put("b" + i, params.get("b" + i).sub(grads.get("db" + i).mul(0.3)));
    }
    if (it % 100 == 0) {
        System.out.println(al.sub(y).square().mean());
    }
}
//// cell
scatter(x, y, "data").scatter(x, al, "fit").title("after 200 iterations")
//// cell
seed(0);
var model = net(1, 25, 1).sigmoid().linear().init(uniform());
var history = model.fit(x, y, lr(0.3), iters(400));
//// cell
scatter(x, y, "data").scatter(x, model.predict(x), "fit").title("net(1, 25, 1)")
//// cell
lossCurve(history, true)
//// cell
seed(0);
var stepwise = net(1, 25, 1).sigmoid().linear().init(uniform());
for (int i = 0; i < 200; i++) {
    var cache = stepwise.forward(x);
    var grads = stepwise.backward(cache, y);
    stepwise.update(grads, 0.3);
    if (i % 100 == 0) System.out.println("iter " + i + "  loss " + stepwise.loss(cache, y));
}
stepwise
//// cell
var c = new XYChartBuilder().width(500).height(350).title("fit").build();
c.addSeries("data", x.flatten(), y.flatten());
c
//// cell
Table.create("t", DoubleColumn.create("a", 1, 2, 3), StringColumn.create("b", "x", "y", "z"))
//// cell
double sq(double v) { return v * v; }
record Point(double a, double b) { }
String.format("%.3f", sq(x.sum())) + new Point(1, 2)
//// cell
int broken = "not an int";
//// cell
Integer.parseInt("not a number");
