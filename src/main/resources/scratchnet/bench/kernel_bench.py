"""Times Jupyter kernels the way a notebook user meets them (run by `scratchnet kernel-bench`).

For each kernel: start -> ready (kernel_info answered), the first cell's latency right after
ready (a trivial cell, so it shows what the kernel still has to prepare), a trivial cell's round
trip (median of 30), shutdown time, executing a small notebook end to end with nbclient (start
to finish), and, when given, a notebook file through `jupyter nbconvert --execute` (the whole
command, as a user runs it) and the kernel's memory once that notebook's cells have run in it:
resident (RSS) and proportional (PSS, shared pages divided among the processes sharing them)
memory of the kernel process and all its children, read from /proc (Linux). Prints one JSON
object per kernel and run on stdout.

usage: kernel_bench.py [--runs N] [--nbconvert KERNEL=NOTEBOOK]... KERNEL...
"""
import json, os, statistics, subprocess, sys, tempfile, time

import nbformat
from jupyter_client.manager import start_new_kernel
from nbclient import NotebookClient


def run_cell(kc, code, timeout=120, results=None):
    """Runs code; returns the reply's status (and appends each execute_result's text to results)."""
    msg_id = kc.execute(code)
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    # drain iopub up to idle so the next round trip starts clean
    while True:
        m = kc.get_iopub_msg(timeout=timeout)
        if results is not None and m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "execute_result":
            results.append(m["content"]["data"].get("text/plain", ""))
        if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status" \
                and m["content"]["execution_state"] == "idle":
            break
    return reply["content"]["status"]


def measure(kernel, trivial, cells):
    t0 = time.perf_counter()
    km, kc = start_new_kernel(kernel_name=kernel, startup_timeout=60)
    start = time.perf_counter() - t0
    t = time.perf_counter()
    run_cell(kc, trivial)
    first = time.perf_counter() - t
    for _ in range(5):
        run_cell(kc, trivial)
    times = []
    for _ in range(30):
        t = time.perf_counter()
        run_cell(kc, trivial)
        times.append(time.perf_counter() - t)
    vector = []
    if kernel == "scratchnet":  # what the cell JVM's engine runs on, for the figures' heading
        run_cell(kc, "scratchnet.engine.Simd.describe()", results=vector)
    t = time.perf_counter()
    km.shutdown_kernel(now=False)
    shutdown = time.perf_counter() - t
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    t = time.perf_counter()
    NotebookClient(nb, kernel_name=kernel, timeout=300).execute()
    notebook = time.perf_counter() - t
    return {"kernel": kernel, "start_s": start, "first_cell_s": first,
            "trivial_ms": statistics.median(times) * 1000, "shutdown_s": shutdown, "notebook_s": notebook,
            "vector": vector[0].strip('"') if vector else None}


def nbconvert(notebook):
    """Seconds for `python -m jupyter nbconvert --to notebook --execute notebook`, start to exit."""
    with tempfile.TemporaryDirectory() as out:
        t = time.perf_counter()
        p = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                            "--ExecutePreprocessor.timeout=600", "--output-dir", out, notebook],
                           capture_output=True, text=True)
        elapsed = time.perf_counter() - t
    if p.returncode != 0:
        raise RuntimeError("nbconvert failed on %s: %s" % (notebook, p.stderr.strip().splitlines()[-1:]))
    return elapsed


def process_tree(pid):
    """pid and all its descendants, from /proc."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    parent = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    tree, todo = [], [pid]
    while todo:
        p = todo.pop()
        tree.append(p)
        todo.extend(children.get(p, []))
    return tree


def kib(path, field):
    with open(path) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


#: seconds the kernel idles after the last cell before its memory is read, as between a learner's cells
SETTLE_S = 6


def memory(kernel, notebook):
    """RSS and PSS in MiB of the kernel's processes after running all of notebook's code cells in it."""
    if not os.path.isdir("/proc/self"):
        raise RuntimeError("memory is read from /proc, which this system does not have")
    nb = nbformat.read(notebook, as_version=4)
    km, kc = start_new_kernel(kernel_name=kernel, startup_timeout=60)
    try:
        for cell in nb.cells:
            if cell.cell_type == "code":
                run_cell(kc, cell.source, timeout=300)
        time.sleep(SETTLE_S)
        pids = process_tree(km.provisioner.process.pid)
        rss = sum(kib("/proc/%d/status" % p, "VmRSS") for p in pids)
        pss = sum(kib("/proc/%d/smaps_rollup" % p, "Pss") for p in pids)
        return {"rss_mib": rss / 1024, "pss_mib": pss / 1024, "processes": len(pids),
                "rss_mib_each": [kib("/proc/%d/status" % p, "VmRSS") // 1024 for p in pids]}
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


JAVA_CELLS = [
    "seed(0);\nvar x = arange(0, 1, 0.01);\nvar y = x.mul(2 * Math.PI).map(Math::sin).mul(20);\n"
    "var model = net(1, 25, 1).sigmoid().linear().init(uniform());\nvar h = model.fit(x, y, lr(0.3), iters(4000));",
    "var c = new XYChartBuilder().width(500).height(350).title(\"fit\").build();\n"
    "c.addSeries(\"data\", x.flatten(), y.flatten());\nc.addSeries(\"fit\", x.flatten(), model.predict(x).flatten());\nc",
]
PY_CELLS = [
    "import numpy as np\nnp.random.seed(0)\nx = np.arange(0.0, 1.0, 0.01).reshape(1, 100)\ny = 20 * np.sin(2 * np.pi * x)\n"
    "p = {'w1': np.random.random([25, 1]), 'b1': np.zeros((25, 1)), 'w2': np.random.random([1, 25]), 'b2': np.zeros((1, 1))}\n"
    "sig = lambda z: 1 / (1 + np.exp(-z))\n"
    "for i in range(4000):\n"
    "    z1 = p['w1'].dot(x) + p['b1']; a1 = sig(z1); a2 = p['w2'].dot(a1) + p['b2']\n"
    "    dz2 = a2 - y; dw2 = dz2.dot(a1.T) / 100; db2 = dz2.sum(axis=1, keepdims=True) / 100\n"
    "    dz1 = p['w2'].T.dot(dz2) * a1 * (1 - a1); dw1 = dz1.dot(x.T) / 100; db1 = dz1.sum(axis=1, keepdims=True) / 100\n"
    "    p['w1'] -= 0.3 * dw1; p['b1'] -= 0.3 * db1; p['w2'] -= 0.3 * dw2; p['b2'] -= 0.3 * db2\n"
    "    if i % 100 == 0: print(np.mean(np.square(a2 - y)))",
    "a2.shape",
]

if __name__ == "__main__":
    args = sys.argv[1:]
    runs, notebooks, kernels = 1, {}, []
    while args:
        a = args.pop(0)
        if a == "--runs":
            runs = int(args.pop(0))
        elif a == "--nbconvert":
            k, _, nb = args.pop(0).partition("=")
            notebooks[k] = nb
        else:
            kernels.append(a)
    kernels = kernels or ["scratchnet"]
    for r in range(runs):
        for k in kernels:  # interleaved, so a busy moment on a shared machine hits every kernel alike
            try:
                java = k != "python3"
                row = measure(k, "int q = 1;" if java else "q = 1", JAVA_CELLS if java else PY_CELLS)
            except Exception as e:  # a missing kernel is reported, not fatal
                row = {"kernel": k, "error": str(e)}
            if k in notebooks and "error" not in row:
                try:
                    row["nbconvert_s"] = nbconvert(notebooks[k])
                    row["nbconvert_notebook"] = os.path.basename(notebooks[k])
                except Exception as e:
                    row["nbconvert_error"] = str(e)
                try:
                    row.update(memory(k, notebooks[k]))
                except Exception as e:
                    row["memory_error"] = str(e)
            row["run"] = r
            print(json.dumps(row), flush=True)
