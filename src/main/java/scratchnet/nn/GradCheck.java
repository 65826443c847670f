package scratchnet.nn;

import scratchnet.engine.Matrix;

/**
 * Checks backprop against numbers: each parameter is nudged by ±ε and the change in the loss
 * (central difference) is compared with the gradient backprop computed.
 * <pre>{@code
 * double err = gradcheck(model, x, y);   // below 1e-6 when backward is right
 * }</pre>
 * The error of one parameter matrix is ‖g − n‖ / max(√(‖g‖² + ‖n‖²), 1e−12) over its elements; the
 * result is the largest over all matrices. The loss checked is the one whose gradient backprop
 * computes ({@link Loss#objective}), plus the L2 term.
 */
public final class GradCheck {
    private static final double EPS = 1e-5;

    private GradCheck() {
    }

    /** The largest relative error between backprop and central differences, default loss, no L2. */
    public static double check(Network net, Matrix x, Matrix y) {
        return check(net, x, y, net.defaultLoss(), 0.0);
    }

    /** The largest relative error for the given loss and L2 strength λ. */
    public static double check(Network net, Matrix x, Matrix y, Loss loss, double l2) {
        Dense[] layers = net.readyLayers("gradcheck");
        Gradients g = net.backward(net.forward(x), y, loss, l2);
        double[] ys = loss.targets(y, layers[layers.length - 1].out).flatten();
        double worst = 0.0;
        for (int l = 1; l <= layers.length; l++) {
            worst = Math.max(worst, compare(net, layers, layers[l - 1].w, g.dW[l].flatten(), x, ys, loss, l2));
            worst = Math.max(worst, compare(net, layers, layers[l - 1].b, g.db[l].flatten(), x, ys, loss, l2));
        }
        return worst;
    }

    private static double compare(Network net, Dense[] layers, double[] p, double[] grad, Matrix x, double[] ys,
                                  Loss loss, double l2) {
        double diff = 0.0;
        double norm = 0.0;
        for (int i = 0; i < p.length; i++) {
            double keep = p[i];
            p[i] = keep + EPS;
            double up = objective(layers, x, ys, loss, l2);
            p[i] = keep - EPS;
            double down = objective(layers, x, ys, loss, l2);
            p[i] = keep;
            // n ≈ (J(p + ε) − J(p − ε)) / 2ε
            double numeric = (up - down) / (2 * EPS);
            diff += (grad[i] - numeric) * (grad[i] - numeric);
            norm += grad[i] * grad[i] + numeric * numeric;
        }
        return Math.sqrt(diff) / Math.max(Math.sqrt(norm), 1e-12);
    }

    private static double objective(Dense[] layers, Matrix x, double[] ys, Loss loss, double l2) {
        Workspace ws = new Workspace(layers, x.cols());
        ws.forward(layers, x.flatten(), x.cols());
        double j = loss.objective(ws.a[layers.length], ys, layers[layers.length - 1].out, x.cols());
        return l2 == 0.0 ? j : j + Workspace.l2Penalty(layers, l2, x.cols());
    }
}
