#!/usr/bin/env python3
"""The scratchnet kernel under real Jupyter front ends: ``jupyter nbconvert --execute`` and a
Jupyter Notebook server driven over its REST API and kernel websocket.

    /usr/bin/python3 src/test/python/server_test.py --jupyter-path DIR   # DIR/kernels/scratchnet/kernel.json
    /usr/bin/python3 src/test/python/server_test.py --jupyter-path DIR --only server
    /usr/bin/python3 src/test/python/server_test.py --list

Prints ``PASS name (1.23s)`` or ``FAIL name: reason`` per check, then ``N passed, M failed``; exits
with status 1 when a check failed, 2 for a usage error. Needs (for the python running it)
nbformat, nbconvert, notebook (6.x, or 7.x / jupyter_server) and websocket-client
(Debian: jupyter-notebook jupyter-nbconvert python3-websocket).

Every process it starts (nbconvert, the server, and the kernels the server starts) is run in a
temporary HOME / JUPYTER_RUNTIME_DIR / JUPYTER_CONFIG_DIR and is stopped before it exits.
"""

import argparse
import base64
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.request
import uuid

KERNEL_NAME = "scratchnet"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

#: nbconvert's whole run: kernel start, a 2000-iteration fit, a chart
NBCONVERT_TIMEOUT_S = 300
#: per-cell timeout nbconvert is given
CELL_TIMEOUT_S = 240
#: how long the server may take to answer GET /api
SERVER_START_TIMEOUT_S = 60
#: how long a kernel may take from POST /api/kernels to a websocket that answers
KERNEL_START_TIMEOUT_S = 90
#: how long one websocket request may take to reach status idle
EXECUTE_TIMEOUT_S = 120
#: how long after DELETE / SIGTERM processes may take to go away
STOP_TIMEOUT_S = 30

FIT_CELL = (
    "seed(0); var x = arange(0, 1, 0.01); var y = x.mul(2*Math.PI).map(Math::sin).mul(20); "
    "var model = net(1,25,1).sigmoid().linear().init(uniform()); "
    "var h = model.fit(x, y, lr(0.3), iters(2000));"
)
CHART_CELL = (
    'var chart = new XYChartBuilder().width(600).height(400).title("sin(2 pi x) * 20")\n'
    '        .xAxisTitle("x").yAxisTitle("y").build();\n'
    'chart.addSeries("target", x.flatten(), y.flatten());\n'
    'chart.addSeries("model", x.flatten(), model.predict(x).flatten());\n'
    "chart"
)
SERVER_CHART_CELL = (
    'var c = new XYChartBuilder().width(400).height(300).title("squares and cubes").build();\n'
    'c.addSeries("squares", new double[]{1, 2, 3, 4}, new double[]{1, 4, 9, 16});\n'
    'c.addSeries("cubes", new double[]{1, 2, 3, 4}, new double[]{1, 8, 27, 64});\n'
    "c"
)
PRINTLN_TEXT = "hello from scratchnet via the notebook server"


class CheckFailure(Exception):
    """A failed check; its message is the reason printed in the FAIL line."""


def check(cond, message):
    if not cond:
        raise CheckFailure(message)


def short(value, limit=300):
    s = value if isinstance(value, str) else repr(value)
    return s if len(s) <= limit else s[:limit] + "..."


def tail(path, limit=1500):
    try:
        with open(path, "r", encoding="utf-8", errors="replace") as f:
            text = f.read()
    except OSError as e:
        return "<cannot read %s: %s>" % (path, e)
    return text if len(text) <= limit else "..." + text[-limit:]


def last_line(path):
    lines = [line for line in tail(path, 4000).splitlines() if line.strip()]
    return lines[-1].strip() if lines else "<empty>"


def is_png(b64):
    if isinstance(b64, list):   # nbformat may store a multi-line string as a list
        b64 = "".join(b64)
    try:
        raw = base64.b64decode(b64, validate=False)
    except Exception:
        return False, 0
    return raw.startswith(PNG_SIGNATURE), len(raw)


# ---------------------------------------------------------------------------- reporting


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def run(self, name, fn, *args):
        """Runs one check; returns its value, or None when it failed."""
        t0 = time.monotonic()
        try:
            detail = fn(*args)
        except CheckFailure as e:
            self.fail(name, str(e))
            return None
        except Exception as e:  # a bug in the check or an unexpected transport error
            self.fail(name, "%s: %s | %s" % (type(e).__name__, e,
                                              short(traceback.format_exc().replace("\n", " | "), 600)))
            return None
        note = detail if isinstance(detail, str) else None
        self.passed += 1
        print("PASS %s (%.2fs)%s" % (name, time.monotonic() - t0, " " + note if note else ""), flush=True)
        return detail if detail is not None else True

    def fail(self, name, reason):
        self.failed += 1
        print("FAIL %s: %s" % (name, " ".join(str(reason).split("\n"))), flush=True)

    def not_run(self, names, because):
        for name in names:
            self.fail(name, "not run: " + because)


# ---------------------------------------------------------------------------- processes


def proc_table():
    """{pid: (ppid, starttime)} from /proc; empty where /proc is missing."""
    table = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return table
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry, "rb") as f:
                stat = f.read().decode("utf-8", "replace")
        except OSError:
            continue
        rest = stat[stat.rfind(")") + 2:].split()
        # after "pid (comm) ": state ppid pgrp session ... starttime is field 22 (index 19 here)
        try:
            table[int(entry)] = (int(rest[1]), rest[19])
        except (IndexError, ValueError):
            continue
    return table


def cmdline(pid):
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            return f.read().replace(b"\0", b" ").decode("utf-8", "replace").strip()
    except OSError:
        return "?"


class ProcessWatch:
    """Remembers every descendant of a root process seen, so leftovers can be found and ended by id."""

    def __init__(self, root_pid):
        self.root = root_pid
        self.seen = {}   # pid -> (starttime, cmdline)

    def scan(self):
        table = proc_table()
        children = {}
        for pid, (ppid, _) in table.items():
            children.setdefault(ppid, []).append(pid)
        stack = [self.root]
        found = []
        while stack:
            pid = stack.pop()
            for child in children.get(pid, []):
                found.append(child)
                stack.append(child)
        for pid in found:
            if pid not in self.seen:
                self.seen[pid] = (table[pid][1], cmdline(pid))
        return found

    def alive(self):
        """The remembered descendants that still run (same pid and start time)."""
        table = proc_table()
        return [pid for pid, (start, _) in self.seen.items() if pid in table and table[pid][1] == start]

    def describe(self, pids):
        return ", ".join("%d %s" % (pid, short(self.seen[pid][1], 120)) for pid in pids)

    def kill_leftovers(self):
        for pid in self.alive():
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


def wait_gone(pids_fn, timeout):
    deadline = time.monotonic() + timeout
    left = pids_fn()
    while left and time.monotonic() < deadline:
        time.sleep(0.2)
        left = pids_fn()
    return left


def stop_process(proc, timeout=STOP_TIMEOUT_S):
    """SIGTERM, wait, then SIGKILL the process (and its own process group)."""
    if proc.poll() is not None:
        return proc.returncode
    try:
        proc.terminate()
    except OSError:
        pass
    try:
        return proc.wait(timeout)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except OSError:
        proc.kill()
    try:
        return proc.wait(10)
    except subprocess.TimeoutExpired:
        return None


def jupyter_env(jupyter_path, tmp):
    env = dict(os.environ)
    home = os.path.join(tmp, "home")
    for d in ("home", "runtime", "config", "data"):
        os.makedirs(os.path.join(tmp, d), exist_ok=True)
    env.update({
        "JUPYTER_PATH": jupyter_path,
        "JUPYTER_RUNTIME_DIR": os.path.join(tmp, "runtime"),
        "JUPYTER_CONFIG_DIR": os.path.join(tmp, "config"),
        "JUPYTER_DATA_DIR": os.path.join(tmp, "data"),
        "IPYTHONDIR": os.path.join(home, ".ipython"),
        "HOME": home,
        "PYTHONUNBUFFERED": "1",
    })
    # nothing from the caller's environment may point the server at another config or kernel
    for var in ("JUPYTER_CONFIG_PATH", "JUPYTER_PREFER_ENV_PATH", "JUPYTER_TOKEN"):
        env.pop(var, None)
    return env


# ---------------------------------------------------------------------------- nbconvert


def notebook_for_nbconvert():
    import nbformat
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Java (scratchnet)", "language": "java"}
    nb.metadata["language_info"] = {"name": "java"}
    nb.cells = [nbformat.v4.new_code_cell(FIT_CELL), nbformat.v4.new_code_cell(CHART_CELL)]
    return nb


class NbconvertRun:
    """One ``nbconvert --to notebook --execute`` of the two-cell notebook, shared by the checks."""

    def __init__(self, jupyter_path, tmp):
        self.jupyter_path = jupyter_path
        self.dir = os.path.join(tmp, "nbconvert")
        os.makedirs(self.dir)
        self.env = jupyter_env(jupyter_path, os.path.join(tmp, "nbconvert-env"))
        self.log = os.path.join(self.dir, "nbconvert.log")
        self.out_path = os.path.join(self.dir, "out.ipynb")
        self.nb = None
        self.seconds = None

    def execute(self):
        import nbformat
        src = os.path.join(self.dir, "in.ipynb")
        nbformat.write(notebook_for_nbconvert(), src)
        cmd = [sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
               "--ExecutePreprocessor.timeout=%d" % CELL_TIMEOUT_S,
               "--ExecutePreprocessor.startup_timeout=%d" % KERNEL_START_TIMEOUT_S,
               "--output", "out.ipynb", src]
        t0 = time.monotonic()
        with open(self.log, "wb") as log:
            proc = subprocess.Popen(cmd, cwd=self.dir, env=self.env, stdin=subprocess.DEVNULL,
                                    stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
            watch = ProcessWatch(proc.pid)
            try:
                deadline = t0 + NBCONVERT_TIMEOUT_S
                while proc.poll() is None and time.monotonic() < deadline:
                    watch.scan()
                    time.sleep(0.2)
                if proc.poll() is None:
                    stop_process(proc)
                    raise CheckFailure("nbconvert did not finish within %d s; log: %s"
                                       % (NBCONVERT_TIMEOUT_S, short(tail(self.log), 1200)))
            finally:
                stop_process(proc)
                left = wait_gone(watch.alive, STOP_TIMEOUT_S)
                watch.kill_leftovers()
        self.seconds = time.monotonic() - t0
        check(proc.returncode == 0, "nbconvert exited with status %s: %s; log tail: %s"
              % (proc.returncode, last_line(self.log), short(tail(self.log, 1200), 1200)))
        check(not left, "nbconvert exited but these kernel processes were still running %d s later "
              "(killed): %s" % (STOP_TIMEOUT_S, watch.describe(left)))
        check(os.path.isfile(self.out_path), "nbconvert exited 0 but wrote no %s; log: %s"
              % (self.out_path, short(tail(self.log), 800)))
        self.nb = nbformat.read(self.out_path, as_version=4)
        return "exit 0 in %.1f s" % self.seconds

    # -- checks on the executed notebook

    def outputs(self, i):
        return self.nb.cells[i].get("outputs", [])

    def check_valid(self):
        import nbformat
        try:
            nbformat.validate(self.nb)
        except nbformat.ValidationError as e:
            raise CheckFailure("nbformat.validate failed: %s" % short(str(e), 800))
        kernelspec = self.nb.metadata.get("kernelspec", {})
        check(kernelspec.get("name") == KERNEL_NAME, "metadata.kernelspec.name: expected %r; got %r"
              % (KERNEL_NAME, kernelspec.get("name")))
        lang = self.nb.metadata.get("language_info", {})
        check(lang.get("name") == "java", "metadata.language_info.name (from kernel_info_reply): "
              "expected 'java'; got %r (language_info %s)" % (lang.get("name"), short(lang)))
        return "nbformat %d.%d, language_info %s" % (self.nb.nbformat, self.nb.nbformat_minor, short(dict(lang), 160))

    def check_no_errors(self):
        errors = [(i, o) for i in range(len(self.nb.cells)) for o in self.outputs(i) if o.get("output_type") == "error"]
        check(not errors, "error outputs: %s" % "; ".join(
            "cell %d %s: %s" % (i, o.get("ename"), short(o.get("evalue"), 200)) for i, o in errors))
        counts = [c.get("execution_count") for c in self.nb.cells]
        check(all(isinstance(n, int) for n in counts), "expected every cell to have an execution_count; got %s" % counts)
        return "execution counts %s" % counts

    def check_fit_stream(self):
        streams = [o for o in self.outputs(0) if o.get("output_type") == "stream"]
        text = "".join(o.get("text", "") if isinstance(o.get("text"), str) else "".join(o.get("text"))
                       for o in streams)
        check("loss" in text, "cell 1 (fit): expected stream output containing 'loss'; got streams %s, "
              "output types %s" % (short(text, 300), [o.get("output_type") for o in self.outputs(0)]))
        lines = [line for line in text.splitlines() if "loss" in line]
        return "%d loss lines, last %s" % (len(lines), short(lines[-1], 100))

    def check_chart_png(self):
        outs = self.outputs(1)
        pngs = [o for o in outs if o.get("output_type") in ("execute_result", "display_data")
                and "image/png" in o.get("data", {})]
        check(pngs, "cell 2 (chart): expected an execute_result/display_data with image/png; got %s"
              % short([(o.get("output_type"), sorted(o.get("data", {}).keys())) for o in outs], 400))
        ok, size = is_png(pngs[-1]["data"]["image/png"])
        check(ok, "cell 2 (chart): image/png is not a base64 PNG")
        meta = pngs[-1].get("metadata", {}).get("image/png", {})
        return "%s image/png %d bytes, metadata %s, mime types %s" % (
            pngs[-1]["output_type"], size, short(dict(meta), 80), sorted(pngs[-1]["data"].keys()))


def run_nbconvert(report, args, tmp):
    checks = [("nbconvert_valid_notebook", "check_valid"), ("nbconvert_no_errors", "check_no_errors"),
              ("nbconvert_fit_stream_loss", "check_fit_stream"), ("nbconvert_chart_png", "check_chart_png")]
    run = NbconvertRun(args.jupyter_path, tmp)
    if report.run("nbconvert_execute", run.execute) is None:
        report.not_run([name for name, _ in checks], "nbconvert_execute failed")
        return
    for name, method in checks:
        report.run(name, getattr(run, method))


# ---------------------------------------------------------------------------- notebook server


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_command(port, token, root):
    """The command line for notebook 6 (NotebookApp) or notebook 7 / jupyter_server (ServerApp)."""
    try:
        import notebook
        major = int(notebook.__version__.split(".")[0])
    except Exception:
        major = None
    if major is not None and major < 7:
        app, module = "NotebookApp", "notebook"
        extra = ["--NotebookApp.notebook_dir=" + root]
    else:
        try:
            import jupyter_server  # noqa: F401
        except ImportError:
            raise CheckFailure("neither notebook (< 7) nor jupyter_server is importable by %s" % sys.executable)
        app, module = "ServerApp", ("notebook" if major is not None else "jupyter_server")
        extra = ["--ServerApp.root_dir=" + root]
    cmd = [sys.executable, "-m", module, "--no-browser", "--ip=127.0.0.1", "--port=%d" % port,
           "--port-retries=0", "--%s.token=%s" % (app, token), "--%s.password=" % app,
           "--%s.open_browser=False" % app] + extra
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    return cmd, "%s %s" % (module, getattr(sys.modules.get(module), "__version__", "?"))


class Server:
    def __init__(self, jupyter_path, tmp):
        self.dir = os.path.join(tmp, "server")
        self.root = os.path.join(self.dir, "notebooks")
        os.makedirs(self.root)
        self.env = jupyter_env(jupyter_path, self.dir)
        self.log = os.path.join(self.dir, "server.log")
        self.token = uuid.uuid4().hex
        self.proc = None
        self.watch = None
        self.port = None
        self.kernel_id = None
        self.ws = None
        self.session = uuid.uuid4().hex
        self.silent = False      # set when the kernel sent nothing at all for a request
        self.ws_closed = False   # set when the websocket closed under us

    # -- HTTP

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def http(self, method, path, body=None, timeout=30, auth=True):
        data = json.dumps(body).encode("utf-8") if body is not None else None
        req = urllib.request.Request(self.url(path), data=data, method=method)
        if auth:
            req.add_header("Authorization", "token " + self.token)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                raw = resp.read()
                status = resp.status
        except urllib.error.HTTPError as e:
            raw = e.read()
            status = e.code
        text = raw.decode("utf-8", "replace")
        try:
            parsed = json.loads(text) if text else None
        except ValueError:
            parsed = text
        return status, parsed

    # -- lifecycle

    def start(self):
        self.port = free_port()
        cmd, label = server_command(self.port, self.token, self.root)
        t0 = time.monotonic()
        self.logf = open(self.log, "wb")
        self.proc = subprocess.Popen(cmd, cwd=self.root, env=self.env, stdin=subprocess.DEVNULL,
                                     stdout=self.logf, stderr=subprocess.STDOUT, start_new_session=True)
        self.watch = ProcessWatch(self.proc.pid)
        deadline = t0 + SERVER_START_TIMEOUT_S
        last = None
        while True:
            check(self.proc.poll() is None, "the server exited with status %s before answering; log: %s"
                  % (self.proc.returncode, short(tail(self.log), 1500)))
            try:
                status, body = self.http("GET", "/api", timeout=5, auth=False)
                if status == 200 and isinstance(body, dict) and "version" in body:
                    break
                last = "HTTP %s %s" % (status, short(body, 200))
            except (urllib.error.URLError, OSError) as e:
                last = str(e)
            check(time.monotonic() < deadline, "GET /api did not answer within %d s (last: %s); log: %s"
                  % (SERVER_START_TIMEOUT_S, last, short(tail(self.log), 1200)))
            time.sleep(0.25)
        return "%s on port %d, API %s, up in %.1f s" % (label, self.port, body.get("version"), time.monotonic() - t0)

    def kernelspecs(self):
        status, body = self.http("GET", "/api/kernelspecs")
        check(status == 200, "GET /api/kernelspecs: HTTP %s %s" % (status, short(body, 300)))
        specs = body.get("kernelspecs", {})
        check(KERNEL_NAME in specs, "GET /api/kernelspecs: expected %r among %s (JUPYTER_PATH=%s)"
              % (KERNEL_NAME, sorted(specs), self.env["JUPYTER_PATH"]))
        spec = specs[KERNEL_NAME].get("spec", {})
        check(spec.get("language") == "java", "kernelspec language: expected 'java'; got %r" % spec.get("language"))
        check(spec.get("display_name") == "Java (scratchnet)", "kernelspec display_name: expected "
              "'Java (scratchnet)'; got %r" % spec.get("display_name"))
        check(spec.get("interrupt_mode") == "message", "kernelspec interrupt_mode: expected 'message'; got %r"
              % spec.get("interrupt_mode"))
        resources = specs[KERNEL_NAME].get("resources", {})
        check("logo-64x64" in resources, "kernelspec resources: expected logo-64x64; got %s" % sorted(resources))
        status, _ = self.http("GET", "/kernelspecs/%s/logo-64x64.png" % KERNEL_NAME)
        check(status == 200, "GET /kernelspecs/%s/logo-64x64.png: HTTP %s" % (KERNEL_NAME, status))
        return "kernelspecs %s, default %s" % (sorted(specs), body.get("default"))

    def start_kernel(self):
        t0 = time.monotonic()
        status, body = self.http("POST", "/api/kernels", {"name": KERNEL_NAME}, timeout=KERNEL_START_TIMEOUT_S)
        check(status in (200, 201), "POST /api/kernels: HTTP %s %s; log: %s"
              % (status, short(body, 300), short(tail(self.log), 800)))
        check(isinstance(body, dict) and body.get("id"), "POST /api/kernels: no id in %s" % short(body))
        check(body.get("name") == KERNEL_NAME, "POST /api/kernels: name %r" % body.get("name"))
        self.kernel_id = body["id"]
        self.watch.scan()
        return "kernel %s, HTTP %d in %.1f s" % (self.kernel_id[:8], status, time.monotonic() - t0)

    def connect(self):
        import websocket
        t0 = time.monotonic()
        url = "ws://127.0.0.1:%d/api/kernels/%s/channels?session_id=%s&token=%s" % (
            self.port, self.kernel_id, self.session, self.token)
        try:
            self.ws = websocket.create_connection(url, timeout=KERNEL_START_TIMEOUT_S)
        except Exception as e:
            raise CheckFailure("websocket %s: %s: %s; log: %s" % (url.split("?")[0], type(e).__name__, e,
                                                                  short(tail(self.log), 800)))
        self.watch.scan()
        # notebook 6 opens the websocket anyway after its own kernel_info_request timed out
        check("Timeout waiting for kernel_info reply from %s" % self.kernel_id not in tail(self.log, 100000),
              "the server's kernel_info_request to the kernel timed out before the websocket opened (%.1f s)"
              % (time.monotonic() - t0))
        status, body = self.http("GET", "/api/kernels/%s" % self.kernel_id, timeout=10)
        check(status == 200 and self.ws.connected, "after connecting the websocket (%.1f s): websocket %s, "
              "GET /api/kernels/<id> HTTP %s %s; log: %s"
              % (time.monotonic() - t0, "open" if self.ws.connected else "closed", status, short(body, 200),
                 short(tail(self.log, 600), 600)))
        return "connected in %.1f s, kernel %s" % (time.monotonic() - t0, body.get("execution_state"))

    # -- the kernel protocol over the websocket

    def send(self, msg_type, content, channel="shell"):
        msg_id = uuid.uuid4().hex
        msg = {
            "header": {"msg_id": msg_id, "msg_type": msg_type, "username": "server_test",
                       "session": self.session, "date": time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime()),
                       "version": "5.3"},
            "parent_header": {},
            "metadata": {},
            "content": content,
            "buffers": [],
            "channel": channel,
        }
        if self.ws is None or not self.ws.connected:
            self.ws_closed = True
            raise CheckFailure("the websocket is closed (%s)" % self.kernel_state())
        try:
            self.ws.send(json.dumps(msg))
        except Exception as e:
            self.ws_closed = True
            raise CheckFailure("sending %s over the websocket: %s: %s (%s)"
                               % (msg_type, type(e).__name__, e, self.kernel_state()))
        return msg_id

    def kernel_state(self):
        """What the server says about our kernel, for failure messages."""
        if self.kernel_id is None:
            return "no kernel"
        try:
            status, body = self.http("GET", "/api/kernels/%s" % self.kernel_id, timeout=10)
        except Exception as e:
            return "GET /api/kernels/<id> failed: %s" % e
        if status == 404:
            return "the server no longer has the kernel (it died); log: %s" % short(tail(self.log, 600), 600)
        if isinstance(body, dict):
            return "kernel execution_state %r" % body.get("execution_state")
        return "GET /api/kernels/<id>: HTTP %s" % status

    def collect(self, msg_id, timeout=EXECUTE_TIMEOUT_S):
        """(reply, iopub messages) for msg_id: iopub until status idle, and the shell reply."""
        import websocket
        deadline = time.monotonic() + timeout
        reply, iopub, idle = None, [], False
        while not (idle and reply is not None):
            left = deadline - time.monotonic()
            if left <= 0:
                if not iopub and reply is None:
                    self.silent = True   # not a single message: later requests would only time out too
                raise CheckFailure("timed out after %d s: %s; iopub so far %s; %s"
                                   % (timeout, "no status idle" if not idle else "no shell reply",
                                      [m.get("msg_type") for m in iopub][-12:], self.kernel_state()))
            self.ws.settimeout(min(left, 5))
            try:
                frame = self.ws.recv()
            except websocket.WebSocketTimeoutException:
                continue
            except (websocket.WebSocketConnectionClosedException, OSError) as e:
                self.ws_closed = True
                raise CheckFailure("the websocket closed while waiting (%s: %s); iopub so far %s; %s"
                                   % (type(e).__name__, e, [m.get("msg_type") for m in iopub], self.kernel_state()))
            if isinstance(frame, bytes):   # binary frames carry buffers; none are expected here
                continue
            try:
                msg = json.loads(frame)
            except ValueError:
                if not self.ws.connected:
                    self.ws_closed = True
                    raise CheckFailure("the websocket closed while waiting; iopub so far %s; %s"
                                       % ([m.get("msg_type") for m in iopub], self.kernel_state()))
                raise CheckFailure("expected a JSON message on the websocket; got %r" % short(frame, 200))
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if msg.get("channel") == "iopub":
                iopub.append(msg)
                if msg.get("msg_type") == "status" and msg["content"].get("execution_state") == "idle":
                    idle = True
            elif msg.get("channel") == "shell":
                reply = msg
        return reply, iopub

    def execute(self, code):
        msg_id = self.send("execute_request", {"code": code, "silent": False, "store_history": True,
                                               "user_expressions": {}, "allow_stdin": False,
                                               "stop_on_error": True})
        return self.collect(msg_id)

    # -- checks

    def kernel_info(self):
        t0 = time.monotonic()
        reply, iopub = self.collect(self.send("kernel_info_request", {}), timeout=KERNEL_START_TIMEOUT_S)
        check(reply.get("msg_type") == "kernel_info_reply", "expected kernel_info_reply; got %r" % reply.get("msg_type"))
        c = reply["content"]
        check(c.get("status", "ok") == "ok", "kernel_info_reply status %r" % c.get("status"))
        li = c.get("language_info", {})
        check(li.get("name") == "java", "language_info.name: expected 'java'; got %r" % li.get("name"))
        return "%s %s, protocol %s, %.2f s" % (c.get("implementation"), c.get("implementation_version"),
                                               c.get("protocol_version"), time.monotonic() - t0)

    def println(self):
        t0 = time.monotonic()
        reply, iopub = self.execute('System.out.println("%s");' % PRINTLN_TEXT)
        c = reply["content"]
        check(reply.get("msg_type") == "execute_reply" and c.get("status") == "ok",
              "execute_reply: expected status ok; got %s %s" % (reply.get("msg_type"), short(c, 400)))
        text = "".join(m["content"].get("text", "") for m in iopub
                       if m.get("msg_type") == "stream" and m["content"].get("name") == "stdout")
        check(PRINTLN_TEXT + "\n" in text, "stdout stream: expected %r; got %r (iopub %s)"
              % (PRINTLN_TEXT, text, [m.get("msg_type") for m in iopub]))
        types = [m.get("msg_type") for m in iopub]
        check(types[0] == "status" and iopub[0]["content"].get("execution_state") == "busy",
              "iopub: expected status busy first; got %s" % types)
        check("execute_input" in types, "iopub: expected execute_input; got %s" % types)
        return "execution_count %s, iopub %s, %.2f s" % (c.get("execution_count"), types, time.monotonic() - t0)

    def chart(self):
        t0 = time.monotonic()
        reply, iopub = self.execute(SERVER_CHART_CELL)
        c = reply["content"]
        check(c.get("status") == "ok", "execute_reply: expected status ok; got %s" % short(c, 600))
        outs = [m for m in iopub if m.get("msg_type") in ("execute_result", "display_data")]
        pngs = [m for m in outs if "image/png" in m["content"].get("data", {})]
        check(pngs, "expected execute_result or display_data with image/png; got %s"
              % [(m.get("msg_type"), sorted(m["content"].get("data", {}))) for m in outs])
        data = pngs[-1]["content"]["data"]
        ok, size = is_png(data["image/png"])
        check(ok, "image/png is not a base64-encoded PNG: %s" % short(data["image/png"], 60))
        meta = pngs[-1]["content"].get("metadata", {}).get("image/png", {})
        if pngs[-1]["msg_type"] == "execute_result":
            check(pngs[-1]["content"].get("execution_count") == c.get("execution_count"),
                  "execute_result execution_count %r != execute_reply's %r"
                  % (pngs[-1]["content"].get("execution_count"), c.get("execution_count")))
        return "%s with %s, PNG %d bytes, metadata %s, %.2f s" % (
            pngs[-1]["msg_type"], sorted(data), size, short(dict(meta), 80), time.monotonic() - t0)

    def error(self):
        reply, iopub = self.execute('throw new IllegalStateException("boom from server_test");')
        c = reply["content"]
        check(c.get("status") == "error", "execute_reply: expected status error; got %s" % short(c, 400))
        errors = [m for m in iopub if m.get("msg_type") == "error"]
        check(errors, "expected an error message on iopub; got %s" % [m.get("msg_type") for m in iopub])
        check("boom from server_test" in (errors[0]["content"].get("evalue") or "")
              or "boom from server_test" in "\n".join(errors[0]["content"].get("traceback") or []),
              "error message lacks the exception text: %s" % short(errors[0]["content"], 400))
        reply2, _ = self.execute("1 + 1")
        check(reply2["content"].get("status") == "ok", "the kernel did not answer a cell after the error: %s"
              % short(reply2["content"], 300))
        return "ename %s, then 1 + 1 ran" % errors[0]["content"].get("ename")

    def delete_kernel(self):
        self.watch.scan()
        kernel_pids = list(self.watch.alive())
        if self.ws is not None:
            try:
                self.ws.close()
            except Exception:
                pass
            self.ws = None
        t0 = time.monotonic()
        status, body = self.http("DELETE", "/api/kernels/%s" % self.kernel_id, timeout=STOP_TIMEOUT_S + 30)
        check(status == 204, "DELETE /api/kernels/%s: expected HTTP 204; got %s %s"
              % (self.kernel_id, status, short(body, 300)))
        took = time.monotonic() - t0
        status, body = self.http("GET", "/api/kernels")
        check(status == 200 and all(k.get("id") != self.kernel_id for k in body),
              "GET /api/kernels after DELETE still lists %s: %s" % (self.kernel_id, short(body, 300)))
        self.kernel_id = None
        left = wait_gone(lambda: [p for p in self.watch.alive() if p in kernel_pids], STOP_TIMEOUT_S)
        check(not left, "kernel processes still running %d s after DELETE: %s"
              % (STOP_TIMEOUT_S, self.watch.describe(left)))
        return "HTTP 204 in %.2f s; %d kernel processes gone" % (took, len(kernel_pids))

    def stop(self):
        if self.ws is not None:
            try:
                self.ws.close()
            except Exception:
                pass
            self.ws = None
        if self.proc is None:
            return None
        self.watch.scan()
        t0 = time.monotonic()
        code = stop_process(self.proc)
        took = time.monotonic() - t0
        left = wait_gone(self.watch.alive, STOP_TIMEOUT_S if code is not None else 1)
        described = self.watch.describe(left)
        self.watch.kill_leftovers()
        self.logf.close()
        self.proc = None
        check(code is not None, "the server did not exit after SIGTERM nor SIGKILL")
        check(not left, "processes still running after the server stopped (killed): %s" % described)
        return "exit status %s in %.2f s after SIGTERM" % (code, took)


def run_server(report, args, tmp):
    steps = [("server_kernelspecs", "kernelspecs"), ("server_kernel_start", "start_kernel"),
             ("server_websocket", "connect"), ("server_kernel_info", "kernel_info"),
             ("server_println_stream", "println"), ("server_chart_png", "chart"),
             ("server_error_then_ok", "error"), ("server_kernel_delete", "delete_kernel")]
    needs_kernel = {"server_websocket", "server_kernel_info", "server_println_stream", "server_chart_png",
                    "server_error_then_ok", "server_kernel_delete"}
    needs_ws = needs_kernel - {"server_websocket", "server_kernel_delete"}
    server = Server(args.jupyter_path, tmp)
    try:
        if report.run("server_start", server.start) is None:
            report.not_run([name for name, _ in steps], "server_start failed")
            return
        blocked = None   # why the remaining kernel / websocket steps cannot run
        blocks = None    # which steps that reason blocks
        for name, method in steps:
            if blocked and name in blocks:
                report.not_run([name], blocked)
                continue
            ok = report.run(name, getattr(server, method))
            if blocked:
                pass
            elif ok is None and name == "server_kernel_start":
                blocked, blocks = "server_kernel_start failed", needs_kernel
            elif ok is None and name == "server_websocket":
                blocked, blocks = "server_websocket failed", needs_ws
            elif ok is None and server.ws_closed:
                blocked, blocks = "the websocket closed during " + name, needs_ws
            elif ok is None and server.silent:
                blocked, blocks = "the kernel sent nothing at all for " + name, needs_ws
            if server.proc.poll() is not None:
                report.fail("server_alive", "the server exited with status %s during %s; log: %s"
                            % (server.proc.returncode, name, short(tail(server.log), 800)))
                blocked, blocks = "the server exited during " + name, {n for n, _ in steps}
        if server.kernel_id is not None:   # a failed delete: try again, quietly
            try:
                server.http("DELETE", "/api/kernels/%s" % server.kernel_id, timeout=STOP_TIMEOUT_S)
            except Exception:
                pass
    finally:
        if server.proc is not None:
            report.run("server_stop", server.stop)


# ---------------------------------------------------------------------------- main


GROUPS = {"nbconvert": run_nbconvert, "server": run_server}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jupyter-path", help="the Jupyter data dir holding kernels/scratchnet (becomes JUPYTER_PATH)")
    ap.add_argument("--only", default="", help="comma-separated groups: " + ", ".join(GROUPS))
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory (logs, notebooks)")
    ap.add_argument("--list", action="store_true", help="list the groups and exit")
    args = ap.parse_args(argv)
    if args.list:
        for name in GROUPS:
            print(name)
        return 0
    if not args.jupyter_path:
        ap.print_usage(sys.stderr)
        print("server_test.py: --jupyter-path DIR is required", file=sys.stderr)
        return 2
    args.jupyter_path = os.path.abspath(args.jupyter_path)
    spec = os.path.join(args.jupyter_path, "kernels", KERNEL_NAME, "kernel.json")
    if not os.path.isfile(spec):
        print("server_test.py: expected a kernelspec at %s; it is missing" % spec, file=sys.stderr)
        return 2
    groups = [g.strip() for g in args.only.split(",") if g.strip()] or list(GROUPS)
    unknown = [g for g in groups if g not in GROUPS]
    if unknown:
        print("server_test.py: unknown group(s) %s; expected %s" % (unknown, ", ".join(GROUPS)), file=sys.stderr)
        return 2

    report = Report()
    missing = []
    wanted = ["nbformat", "nbconvert", "websocket"] + (["notebook|jupyter_server"] if "server" in groups else [])
    for alternatives in wanted:
        for module in alternatives.split("|"):
            try:
                __import__(module)
                break
            except ImportError:
                pass
        else:
            missing.append(alternatives.replace("|", " or "))
    def body(tmp):
        if missing:
            report.fail("prerequisites", "%s cannot import %s" % (sys.executable, ", ".join(missing)))
        else:
            for group in groups:
                GROUPS[group](report, args, tmp)
    return run_in_temp(report, args, spec, "scratchnet-server-test-", body)


def run_in_temp(report, args, spec, prefix, body):
    """Runs body(tmp) in a new temporary directory (kept with --keep), then prints the summary; the exit status."""
    tmp = tempfile.mkdtemp(prefix=prefix)
    t0 = time.monotonic()
    try:
        print("# python %s, kernelspec %s, temp %s" % (sys.executable, spec, tmp), flush=True)
        body(tmp)
    finally:
        if args.keep:
            print("# kept %s" % tmp, flush=True)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print("# total %.1f s" % (time.monotonic() - t0), flush=True)
    print("%d passed, %d failed" % (report.passed, report.failed), flush=True)
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
