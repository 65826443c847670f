"""The four seed tutorials' training programs in numpy, as plain functions.

Each ``train_*`` function follows one tutorial document's algorithm: the same data, the same
initialisation drawn from numpy's global RandomState, the same forward pass, hand-written
gradients and update rule, and the same loss cadence. Each returns a ``Run`` with the data, the
initial parameters, the recorded losses and the final parameters, so that ``make_golden.py`` can
write the reference files and the Java bench can time the same work.

Run as a program it times each workload once (plotting left out) and prints one line per seed,
which ``scratchnet bench`` parses:

    seed000 train_s=0.1576 first=260.181 last=0.261111
"""
import sys
import time
from collections import namedtuple

import numpy as np

Run = namedtuple("Run", "x y init losses final")


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def copies(params):
    return {name: value.copy() for name, value in params.items()}


def train_sine(lr=0.3, iters=4000, every=100):
    """Tutorial 000: fit 20·sin(2πx) on [0, 1) with a [1, 25, 1] net, sigmoid hidden layer,
    linear output, full-batch gradient descent on ½·MSE; records mean((a - y)²) every 100 steps."""
    np.random.seed(0)
    sizes = [1, 25, 1]
    x = np.arange(0.0, 1.0, 0.01).reshape(1, 100)
    y = (20 * np.sin(2 * np.pi * x)).reshape(1, 100)
    p = {}
    for l in range(1, len(sizes)):
        p["w%d" % l] = np.random.random([sizes[l], sizes[l - 1]])  # uniform [0, 1)
        p["b%d" % l] = np.zeros((sizes[l], 1))
    init = copies(p)
    layers = len(sizes) - 1
    m = x.shape[1]
    losses = []
    for step in range(iters):
        # forward: sigmoid on the hidden layers, identity on the last
        zs, acts = [x], [x]
        for l in range(1, layers + 1):
            z = p["w%d" % l].dot(acts[-1]) + p["b%d" % l]
            zs.append(z)
            acts.append(z if l == layers else sigmoid(z))
        out = acts[-1]
        # backward: dz = a - y at the output, then dz = Wᵀ·dz ⊙ σ'(z) going down
        grads = {}
        dz = out - y
        for l in range(layers, 0, -1):
            grads["w%d" % l] = dz.dot(acts[l - 1].T) / m
            grads["b%d" % l] = np.sum(dz, axis=1, keepdims=True) / m
            if l > 1:
                s = sigmoid(zs[l - 1])
                dz = p["w%d" % l].T.dot(dz) * s * (1 - s)
        for name in p:
            p[name] -= lr * grads[name]
        if step % every == 0:
            losses.append(float(np.mean(np.square(out - y))))
    return Run(x, y, init, losses, p)


def train_logistic(lr=0.01, iters=5001, every=100):
    """Tutorial 001: logistic regression on 1000 Gaussian samples of 4 features labelled by
    round(σ(x·w* + b*)), full-batch gradient descent on the mean binary cross-entropy."""
    np.random.seed(0)
    x = np.random.randn(1000, 4)
    w = np.random.randn(4)
    b = np.zeros((1))
    w_true, b_true = np.array([0.3, 0.6, -0.7, -1.3]), np.array(0.2)
    y = np.around(sigmoid(np.dot(x, w_true) + b_true))
    init = {"w": w.copy(), "b": b.copy()}
    m = y.shape[0]
    losses = []
    for step in range(iters):
        y_hat = sigmoid(np.dot(x, w) + b)
        loss = -1 / m * np.sum(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
        # dL/dw = -(y - ŷ)·x / m, dL/db = -Σ(y - ŷ) / m
        dw = -1 / m * np.dot((y - y_hat), x)
        db = -1 / m * np.sum(y - y_hat)
        w = w - lr * dw
        b = b - lr * db
        if step % every == 0:
            losses.append(float(loss))
    return Run(x, y, init, losses, {"w": w, "b": b})


def train_expfit(lr=0.01, iters=300):
    """Tutorial 002: fit exp(x) (plus 0.01-scale uniform noise) on 30 points of [-5, 5] with a
    1-5-1 net whose sigmoid output is scaled by 100, using the tutorial's own gradient (it drops
    the output sigmoid's derivative and the scale, and sums db1 into one number)."""
    np.random.seed(0)
    m, n0, n1, n2 = 30, 1, 5, 1
    x = np.linspace(-5, 5, m).reshape(m, 1)
    y = np.exp(x) + 0.01 * np.random.random(m).reshape(m, 1)
    w1 = np.random.randn(n1, n0) * 0.01
    b1 = np.random.randn(n1, 1)
    w2 = np.random.randn(n2, n1) * 0.01
    b2 = np.random.randn(1, 1)
    init = {"w1": w1.copy(), "b1": b1.copy(), "w2": w2.copy(), "b2": b2.copy()}
    losses = []
    for _ in range(iters):
        a1 = 1 / (1 + np.exp(-(np.dot(w1, x.T) + b1)))
        a2 = 1 / (1 + np.exp(-(np.dot(w2, a1) + b2))) * 100
        losses.append(float(np.sum((a2 - y.T) ** 2) / m))
        dz2 = a2 - y.T
        dw2 = np.dot(dz2, a1.T) / m
        db2 = np.sum(dz2) / m
        dz1 = np.dot(w2.T, dz2) * a1 * (1 - a1)
        dw1 = np.dot(dz1, x) / m
        db1 = np.sum(dz1) / m
        w2 = w2 - lr * dw2
        b2 = b2 - lr * db2
        w1 = w1 - lr * dw1
        b1 = b1 - lr * db1
    return Run(x, y, init, losses, {"w1": w1, "b1": b1, "w2": w2, "b2": b2})


def train_deep(lr=0.1, steps=2001, every=100, lambd=0.001, decay_every=500, decay=0.1, n=400):
    """Tutorial 003 (in float64): a [2, 3, 4, 5, 1] net, relu hidden layers, sigmoid output,
    cross-entropy plus L2 (λ·ΣW²/2m), labels 1 outside the circle |x|² > 2 of 400 Gaussian
    points; after the update of step j > 0 with j % 500 == 0 the rate drops by 10 %."""
    np.random.seed(0)
    sizes = [2, 3, 4, 5, 1]
    x = np.random.randn(sizes[0], n)
    y = (np.sum(x * x, axis=0, keepdims=True) > sizes[0]).astype(float)
    p = {}
    for l in range(1, len(sizes)):
        p["W%d" % l] = np.random.normal(size=(sizes[l], sizes[l - 1]))
        p["b%d" % l] = np.zeros((sizes[l], 1))
    init = copies(p)
    layers = len(sizes) - 1
    m = y.shape[1]
    losses = []
    for step in range(steps):
        acts = [x]
        for l in range(1, layers + 1):
            z = p["W%d" % l].dot(acts[-1]) + p["b%d" % l]
            acts.append(sigmoid(z) if l == layers else np.where(z > 0, z, 0))
        out = acts[-1]
        cost = -np.nansum(np.log(out) * y + np.log(1 - out) * (1 - y)) / m
        cost += lambd * sum(np.sum(np.square(p["W%d" % l])) for l in range(1, layers + 1)) / (2 * m)
        grads = {}
        dz = out - y
        for l in range(layers, 0, -1):
            # dW = dZ·Aᵀ/m + λ·W/m, db = Σ dZ / m, then dZ = Wᵀ·dZ ⊙ [A > 0]
            grads["W%d" % l] = dz.dot(acts[l - 1].T) / m + lambd * p["W%d" % l] / m
            grads["b%d" % l] = np.sum(dz, axis=1, keepdims=True) / m
            if l > 1:
                dz = p["W%d" % l].T.dot(dz) * (acts[l - 1] > 0)
        for name in p:
            p[name] -= lr * grads[name]
        if step and step % decay_every == 0:
            lr -= lr * decay
        if step % every == 0:
            losses.append(float(cost))
    return Run(x, y, init, losses, p)


WORKLOADS = {"000": train_sine, "001": train_logistic, "002": train_expfit, "003": train_deep}


def main(keys):
    for key in keys or list(WORKLOADS):
        start = time.perf_counter()
        run = WORKLOADS[key]()
        seconds = time.perf_counter() - start
        print("seed%s train_s=%.4f first=%.6g last=%.6g" % (key, seconds, run.losses[0], run.losses[-1]))


if __name__ == "__main__":
    main(sys.argv[1:])
