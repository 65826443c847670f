"""The scale workload of ``scratchnet bench``: one epoch of mini-batch SGD on a 784-256-128-10
network (relu, relu, softmax) over 60,000 synthetic float64 samples, in numpy with hand-written
backpropagation (as the tutorials write it) and, when installed, in PyTorch on the CPU.

    python3 bench/numpy/mlp_scale.py [numpy] [torch]

The data: x (784 × 60,000) standard normal from RandomState(0), and the class of a sample is the
arg-max of a random 10 × 784 map applied to it. Weights: He initialisation from RandomState(1),
zero biases. Batches of 128 are taken in order, learning rate 0.1, loss = mean cross-entropy.
One line per library, which the bench parses:

    numpy epoch_s=1.760 samples_per_s=34091 loss=0.2139
"""
import sys
import time

import numpy as np

SAMPLES, INPUTS, HIDDEN1, HIDDEN2, CLASSES = 60000, 784, 256, 128, 10
BATCH, RATE = 128, 0.1


def make_data():
    rs = np.random.RandomState(0)
    x = rs.randn(INPUTS, SAMPLES)
    teacher = rs.randn(CLASSES, INPUTS)
    labels = np.argmax(teacher.dot(x), axis=0)
    return x, labels


def numpy_epoch(x, labels):
    rs = np.random.RandomState(1)
    sizes = [INPUTS, HIDDEN1, HIDDEN2, CLASSES]
    # He initialisation: N(0, 2 / fan_in)
    weights = [rs.randn(sizes[l + 1], sizes[l]) * np.sqrt(2.0 / sizes[l]) for l in range(3)]
    biases = [np.zeros((sizes[l + 1], 1)) for l in range(3)]
    loss = 0.0
    start = time.perf_counter()
    for first in range(0, SAMPLES, BATCH):
        xb = x[:, first:first + BATCH]
        yb = labels[first:first + BATCH]
        m = xb.shape[1]
        cols = np.arange(m)
        acts = [xb]
        for l in range(2):
            acts.append(np.maximum(weights[l].dot(acts[-1]) + biases[l], 0))
        # softmax over each column, shifted by its maximum
        z = weights[2].dot(acts[-1]) + biases[2]
        z = z - z.max(axis=0, keepdims=True)
        prob = np.exp(z)
        prob /= prob.sum(axis=0, keepdims=True)
        loss = -np.mean(np.log(prob[yb, cols] + 1e-12))
        # dZ = (P - onehot(y)) / m at the output; dZ = Wᵀ·dZ ⊙ [A > 0] below it
        dz = prob.copy()
        dz[yb, cols] -= 1
        dz /= m
        for l in (2, 1, 0):
            dw = dz.dot(acts[l].T)
            db = dz.sum(axis=1, keepdims=True)
            if l > 0:
                dz = weights[l].T.dot(dz) * (acts[l] > 0)
            weights[l] -= RATE * dw
            biases[l] -= RATE * db
    return time.perf_counter() - start, loss


def torch_epoch(x, labels):
    import torch
    torch.manual_seed(1)
    xs = torch.from_numpy(np.ascontiguousarray(x.T))
    ys = torch.from_numpy(labels)
    model = torch.nn.Sequential(
        torch.nn.Linear(INPUTS, HIDDEN1), torch.nn.ReLU(),
        torch.nn.Linear(HIDDEN1, HIDDEN2), torch.nn.ReLU(),
        torch.nn.Linear(HIDDEN2, CLASSES)).double()
    step = torch.optim.SGD(model.parameters(), lr=RATE)
    criterion = torch.nn.CrossEntropyLoss()
    loss = None
    start = time.perf_counter()
    for first in range(0, SAMPLES, BATCH):
        step.zero_grad()
        loss = criterion(model(xs[first:first + BATCH]), ys[first:first + BATCH])
        loss.backward()
        step.step()
    return time.perf_counter() - start, float(loss)


def main(which):
    x, labels = make_data()
    for name, epoch in (("numpy", numpy_epoch), ("torch", torch_epoch)):
        if which and name not in which:
            continue
        if name == "torch":
            try:
                import torch  # noqa: F401
            except ImportError:
                continue
        seconds, loss = epoch(x, labels)
        print("%s epoch_s=%.3f samples_per_s=%.0f loss=%.4f" % (name, seconds, SAMPLES / seconds, loss), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
