"""Writes the numpy reference files that scratchnet's tests compare against.

    python3 bench/numpy/make_golden.py [OUT_DIR]

OUT_DIR defaults to src/test/resources/scratchnet/golden next to this repository's pom.xml.
It writes numpy_random.json (what numpy's legacy RandomState draws right after seeding) and one
seedNNN_<name>_rng0.json per tutorial program of seeds.py (data, initial parameters, recorded
losses, final parameters). The shipped files were made with numpy 1.24.2.
"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import seeds  # noqa: E402


def nested(a):
    """A numpy array (or scalar) as nested Python lists of floats or ints."""
    return np.asarray(a).tolist()


def draws(seed):
    """One case of numpy_random.json: every call is made right after np.random.seed(seed)."""
    case = {"seed": seed}

    def fresh():
        np.random.seed(seed)
        return np.random

    case["random_10"] = nested(fresh().random(10))
    case["random_3x4"] = nested(fresh().random([3, 4]))
    case["randn_11"] = nested(fresh().randn(11))
    r = fresh()
    first = r.randn(2, 3)
    case["randn_2x3_then_random_2"] = [nested(first), nested(r.random(2))]
    case["normal_loc1_scale2_5"] = nested(fresh().normal(1, 2, 5))
    case["randint_0_10_12"] = nested(fresh().randint(0, 10, 12))
    case["permutation_10"] = nested(fresh().permutation(10))
    values = np.arange(10)
    fresh().shuffle(values)
    case["shuffle_range10"] = nested(values)
    case["randn_5x4_times_0.01"] = nested(fresh().randn(5, 4) * 0.01)
    return case


def random_file():
    return {
        "what": "numpy legacy RandomState outputs: each key is one call (or a sequence of calls) made"
                " right after np.random.seed(seed); shapes as numpy returns them",
        "numpy_version": np.__version__,
        "cases": [draws(s) for s in (0, 1, 42, 4294967295)],
    }


def run_file(document, task, settings, loss, run):
    out = {"seed_document": document, "task": task}
    out.update(settings)
    out["loss"] = loss
    out["x"] = nested(run.x)
    out["y"] = nested(run.y)
    out["init"] = {k: nested(v) for k, v in run.init.items()}
    out["losses"] = list(run.losses)
    out["final"] = {k: nested(v) for k, v in run.final.items()}
    return out


def seed_files():
    yield "seed000_sine_rng0.json", run_file(
        "000_dc95294831abae32.txt",
        "sine regression, net [1,25,1], sigmoid hidden, linear output, MSE, full-batch GD",
        {"lr": 0.3, "iters": 4000, "loss_every": 100},
        "mean((al-y)^2) of the forward pass before each update",
        seeds.train_sine())
    yield "seed001_logreg_rng0.json", run_file(
        "001_7c533b842ec9c6ba.txt",
        "logistic regression, 4 features, full-batch GD, binary cross-entropy",
        {"lr": 0.01, "iters": 5001, "loss_every": 100},
        "mean binary cross-entropy of the forward pass before each update",
        seeds.train_logistic())
    yield "seed002_expfit_rng0.json", run_file(
        "002_7c0455b8376a7044.txt",
        "exp curve fit, 1-5-1 net, sigmoid hidden and output, output scaled by 100, the seed's own"
        " gradient (it ignores the output sigmoid's derivative and the scale, and sums db1 over all units)",
        {"lr": 0.01, "iters": 300, "loss_every": 1},
        "sum((a2-y)^2)/m of the forward pass before each update",
        seeds.train_expfit())
    yield "seed003_deepnet_rng0.json", run_file(
        "003_f8b5163511baf4ea.txt",
        "deep net [2,3,4,5,1], relu hidden, sigmoid output, cross-entropy + L2 (lambd 0.001, cost term"
        " lambd*sum(W^2)/(2m), gradient term lambd*W/m), lr 0.1 decayed by 10% every 500 iterations"
        " (after the update of iteration j, when j%500==0 and j>0), 2001 iterations, float64",
        {"lr": 0.1, "iters": 2001, "loss_every": 100, "lambd": 0.001, "decay_every": 500, "decay": 0.1},
        "regularized cost of the forward pass before each update",
        seeds.train_deep())


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "src", "test", "resources", "scratchnet", "golden")
    out_dir = argv[0] if argv else default
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "numpy_random.json"), "w") as f:
        f.write(json.dumps(random_file(), indent=0))
    for name, content in seed_files():
        with open(os.path.join(out_dir, name), "w") as f:
            f.write(json.dumps(content))
    print("wrote the golden files to", os.path.normpath(out_dir))


if __name__ == "__main__":
    main(sys.argv[1:])
