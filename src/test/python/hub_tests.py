#!/usr/bin/env python3
"""A classroom on JupyterHub: students log in at once, each starts a server, opens notebook 000
through the REST API and runs all its cells over the kernel websocket.

    /usr/bin/python3 src/test/python/hub_tests.py --jupyter-path DIR            # 10 students
    /usr/bin/python3 src/test/python/hub_tests.py --jupyter-path DIR --students 3 --keep
    /usr/bin/python3 src/test/python/hub_tests.py --list

DIR holds kernels/scratchnet/kernel.json (the kernelspec installed once for every student, as
`install --prefix` does); the students' servers find it on JUPYTER_PATH. JupyterHub runs on
loopback only, with its dummy authenticator (one shared password) and the local-process spawner
that starts each student's server as this user, in a home directory of its own. Prints
``PASS name (1.23s)`` or ``FAIL name: reason`` per check, a table of per-student figures (time to
ready, time to run, kernel memory) and the machine's peak, then ``N passed, M failed``. Needs
jupyterhub (3.x), configurable-http-proxy, jupyterhub-singleuser with notebook or jupyter_server,
and websocket-client (Debian: jupyterhub node-configurable-http-proxy jupyter-notebook
python3-websocket).
"""

import argparse
import http.cookiejar
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_test import (CheckFailure, ProcessWatch, Report, check, cmdline, free_port, jupyter_env,  # noqa: E402
                         proc_table, run_in_temp, short, stop_process, tail, wait_gone)

KERNEL_NAME = "scratchnet"
NOTEBOOK = "notebooks/000-sine-regression.ipynb"
GOLDEN = "src/test/resources/scratchnet/golden/seed000_sine_rng0.json"
PASSWORD = "classroom"
#: how long the hub may take to answer /hub/api
HUB_START_TIMEOUT_S = 60
#: login to a server that answers, for one student while all the others start theirs
SERVER_READY_TIMEOUT_S = 240
#: a kernel's start, to its first kernel_info reply over the websocket
KERNEL_READY_TIMEOUT_S = 180
#: a kernel_info_request not answered within this is sent again
KERNEL_INFO_RETRY_S = 5
#: one cell, while every student runs theirs
CELL_TIMEOUT_S = 300
#: everything ten students do, from login to a stopped server
LESSON_TIMEOUT_S = 420
#: after a server is stopped, its kernel's processes must be gone within
GONE_TIMEOUT_S = 30
#: the losses printed by the document's loop match numpy's within this (000's golden bound)
LOSS_RTOL = 1e-4


# ---------------------------------------------------------------------------- the hub


def hub_config(tmp, ports, jupyter_path, proxy_token):
    """jupyterhub_config.py: loopback, dummy authenticator, a local process per student."""
    # ten kernels starting at once on one machine can collide on a port: Jupyter picks free ports
    # and lets them go until the kernel binds them, while other kernels open connections from that
    # same range. jupyter_client then restarts the kernel, but with its port cache on it reuses the
    # taken ports and fails five times; without the cache the restart gets new ports (docs/classroom.md)
    args = ["--KernelManager.cache_ports=False"] + (["--allow-root"] if os.geteuid() == 0 else [])
    return "\n".join([
        "c = get_config()  # noqa",
        "c.JupyterHub.bind_url = 'http://127.0.0.1:%d'" % ports["public"],
        "c.JupyterHub.hub_ip = '127.0.0.1'",
        "c.JupyterHub.hub_port = %d" % ports["hub"],
        "c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:%d'" % ports["proxy_api"],
        "c.ConfigurableHTTPProxy.auth_token = %r" % proxy_token,
        "c.JupyterHub.db_url = %r" % ("sqlite:///" + os.path.join(tmp, "jupyterhub.sqlite")),
        "c.JupyterHub.cookie_secret_file = %r" % os.path.join(tmp, "cookie_secret"),
        "c.JupyterHub.pid_file = %r" % os.path.join(tmp, "jupyterhub.pid"),
        "c.JupyterHub.authenticator_class = 'dummy'",
        "c.DummyAuthenticator.password = %r" % PASSWORD,
        "c.JupyterHub.spawner_class = 'simple'",
        "c.SimpleLocalProcessSpawner.home_dir_template = %r" % os.path.join(tmp, "students", "{username}"),
        "c.Spawner.args = %r" % args,
        "c.Spawner.environment = {'JUPYTER_PATH': %r}" % jupyter_path,
        "c.Spawner.start_timeout = %d" % SERVER_READY_TIMEOUT_S,
        "c.Spawner.http_timeout = %d" % SERVER_READY_TIMEOUT_S,
        "c.JupyterHub.concurrent_spawn_limit = 100",
        "",
    ])


class Hub:
    """JupyterHub (and its proxy) started in tmp, on free loopback ports."""

    def __init__(self, tmp, jupyter_path):
        self.tmp = tmp
        self.ports = {"public": free_port(), "hub": free_port(), "proxy_api": free_port()}
        self.base = "http://127.0.0.1:%d" % self.ports["public"]
        self.log = os.path.join(tmp, "jupyterhub.log")
        config = os.path.join(tmp, "jupyterhub_config.py")
        with open(config, "w") as f:
            f.write(hub_config(tmp, self.ports, jupyter_path, uuid.uuid4().hex))
        env = jupyter_env(jupyter_path, tmp)
        env.pop("CONFIGPROXY_AUTH_TOKEN", None)
        # Debian's configurable-http-proxy finds its modules in /usr/share/nodejs, which Debian's node
        # searches and other builds of node (NodeSource's) do not
        if os.path.isdir("/usr/share/nodejs"):
            env["NODE_PATH"] = os.pathsep.join(p for p in ("/usr/share/nodejs", env.get("NODE_PATH")) if p)
        self.proc = subprocess.Popen(["jupyterhub", "-f", config], cwd=tmp, env=env, stdout=open(self.log, "wb"),
                                     stderr=subprocess.STDOUT, start_new_session=True)
        self.watch = ProcessWatch(self.proc.pid)

    def wait_up(self):
        deadline = time.monotonic() + HUB_START_TIMEOUT_S
        while time.monotonic() < deadline:
            check(self.proc.poll() is None, "jupyterhub exited with status %s; log: %s"
                  % (self.proc.returncode, tail(self.log)))
            try:
                with urllib.request.urlopen(self.base + "/hub/api", timeout=5) as r:
                    return json.loads(r.read()).get("version")
            except (urllib.error.URLError, OSError, ValueError):
                time.sleep(0.3)
        raise CheckFailure("JupyterHub did not answer /hub/api within %d s; log: %s" % (HUB_START_TIMEOUT_S, tail(self.log)))

    def stop(self):
        self.watch.scan()
        stop_process(self.proc)
        left = wait_gone(self.watch.alive, GONE_TIMEOUT_S)
        self.watch.kill_leftovers()
        return left


# ---------------------------------------------------------------------------- one student


class Student:
    """One student's browser, as far as the REST API and the kernel websocket go."""

    def __init__(self, hub, name):
        self.hub = hub
        self.name = name
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self.token = None
        self.figures = {}
        self.error = None
        self.step = "not started"
        self.kernel_pids = []

    def http(self, method, path, body=None, timeout=60, token=True, form=False):
        """(status, parsed JSON or text) of a request to the hub's public address."""
        headers = {"Referer": self.hub.base + "/hub/home"}
        data = None
        if form:
            data = urllib.parse.urlencode(body).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if token and self.token:
            headers["Authorization"] = "token " + self.token
        req = urllib.request.Request(self.hub.base + path, data=data, method=method, headers=headers)
        try:
            with self.opener.open(req, timeout=timeout) as r:
                status, text = r.status, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            status, text = e.code, e.read().decode("utf-8", "replace")
        try:
            return status, json.loads(text) if text else None
        except ValueError:
            return status, text

    def log_in(self):
        """The login form, as a browser posts it; then a token for the API, asked for with the hub's cookie."""
        status, _ = self.http("POST", "/hub/login?next=%2Fhub%2Fhome", {"username": self.name, "password": PASSWORD},
                              form=True)
        check(status == 200 and any(c.name.startswith("jupyterhub-session") or c.name == "jupyterhub-hub-login"
                                    for c in self.cookies),
              "%s: logging in gave HTTP %s and cookies %s" % (self.name, status, [c.name for c in self.cookies]))
        status, body = self.http("POST", "/hub/api/users/%s/tokens" % self.name, {"note": "classroom test"})
        check(status in (200, 201) and isinstance(body, dict) and body.get("token"),
              "%s: asking for an API token gave HTTP %s %s" % (self.name, status, short(body)))
        self.token = body["token"]

    def start_server(self):
        status, body = self.http("POST", "/hub/api/users/%s/server" % self.name)
        check(status in (201, 202), "%s: starting the server gave HTTP %s %s" % (self.name, status, short(body)))
        deadline = time.monotonic() + SERVER_READY_TIMEOUT_S
        while time.monotonic() < deadline:
            status, user = self.http("GET", "/hub/api/users/%s" % self.name)
            if status == 200 and not user.get("pending") and user.get("server"):
                status, api = self.http("GET", "/user/%s/api/status" % self.name)
                if status == 200:
                    return
            time.sleep(0.5)
        raise CheckFailure("%s: the server was not ready within %d s" % (self.name, SERVER_READY_TIMEOUT_S))

    def open_notebook(self, filename):
        """GET the notebook through the contents API, then a session (and kernel) for it."""
        status, model = self.http("GET", "/user/%s/api/contents/%s?content=1" % (self.name, filename))
        check(status == 200 and model.get("type") == "notebook",
              "%s: GET the notebook gave HTTP %s %s" % (self.name, status, short(model)))
        cells = [c for c in model["content"]["cells"] if c["cell_type"] == "code"]
        status, session = self.http("POST", "/user/%s/api/sessions" % self.name,
                                    {"path": filename, "type": "notebook", "name": filename,
                                     "kernel": {"name": KERNEL_NAME}})
        check(status == 201 and session.get("kernel", {}).get("id"),
              "%s: POST a session gave HTTP %s %s" % (self.name, status, short(session)))
        self.session = session
        return cells, session["kernel"]["id"]

    def connect(self, kernel_id):
        """Opens the kernel's websocket and waits for a kernel_info_reply; when none comes within a few
        seconds, connects again and asks again (as a browser reloading the page would)."""
        import websocket
        url = "ws://127.0.0.1:%d/user/%s/api/kernels/%s/channels" % (self.hub.ports["public"], self.name, kernel_id)
        deadline = time.monotonic() + KERNEL_READY_TIMEOUT_S
        while True:
            self.ws = websocket.create_connection(url, timeout=KERNEL_READY_TIMEOUT_S,
                                                  header=["Authorization: token " + self.token])
            msg_id = self.send("kernel_info_request", {})
            try:
                reply, _ = self.collect(msg_id, KERNEL_INFO_RETRY_S)
                break
            except CheckFailure as e:
                self.figures["kernel_info_retries"] = self.figures.get("kernel_info_retries", 0) + 1
                self.ws.close()
                check(time.monotonic() < deadline, "%s: no kernel_info_reply within %d s (%d connections; last: %s)"
                      % (self.name, KERNEL_READY_TIMEOUT_S, self.figures["kernel_info_retries"], e))
        check(reply.get("content", {}).get("status") == "ok", "%s: kernel_info_reply %s" % (self.name, short(reply)))

    def send(self, msg_type, content):
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": msg_type, "username": self.name, "session": uuid.uuid4().hex,
                       "date": "", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []}))
        return msg_id

    def collect(self, msg_id, timeout):
        """(the shell reply, the IOPub messages) of one request, once it is idle."""
        # a read that outlives its timeout (seen once in a partly received frame) is cut off
        guard = threading.Timer(timeout + 5, self.cut)
        guard.daemon = True
        guard.start()
        try:
            return self._collect(msg_id, timeout)
        finally:
            guard.cancel()

    def cut(self):
        try:
            self.ws.sock.shutdown(socket.SHUT_RDWR)
        except (OSError, AttributeError):
            pass

    def _collect(self, msg_id, timeout):
        import websocket
        deadline = time.monotonic() + timeout
        reply, iopub, idle = None, [], False
        while not (reply and idle):
            left = deadline - time.monotonic()
            check(left > 0, "%s: no reply and idle within %.0f s; IOPub so far %s"
                  % (self.name, timeout, short([m.get("msg_type") for m in iopub])))
            self.ws.settimeout(left)
            try:
                raw = self.ws.recv()
            except websocket.WebSocketTimeoutException:
                continue
            except (ConnectionError, OSError, websocket.WebSocketException) as e:
                raise CheckFailure("%s: the websocket failed while waiting: %s: %s" % (self.name, type(e).__name__, e))
            if not isinstance(raw, str):
                continue  # a binary frame (buffers): not ours to read
            m = json.loads(raw)
            if m.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if m.get("channel") == "shell":
                reply = m
            elif m.get("channel") == "iopub":
                iopub.append(m)
                if m["msg_type"] == "status" and m["content"].get("execution_state") == "idle":
                    idle = True
        return reply, iopub

    def run_cells(self, cells):
        """Runs every code cell in order; returns each cell's (reply, IOPub messages)."""
        results = []
        for cell in cells:
            source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
            msg_id = self.send("execute_request", {"code": source, "silent": False, "store_history": True,
                                                   "user_expressions": {}, "allow_stdin": False,
                                                   "stop_on_error": True})
            self.step = "running code cell %d of %d" % (len(results) + 1, len(cells))
            results.append(self.collect(msg_id, CELL_TIMEOUT_S))
        return results

    def stop_server(self):
        try:
            self.ws.close()
        except Exception:
            pass
        status, body = self.http("DELETE", "/hub/api/users/%s/server" % self.name)
        check(status in (202, 204), "%s: stopping the server gave HTTP %s %s" % (self.name, status, short(body)))
        deadline = time.monotonic() + GONE_TIMEOUT_S
        while time.monotonic() < deadline:
            status, user = self.http("GET", "/hub/api/users/%s" % self.name)
            if status == 200 and not user.get("server") and not user.get("pending"):
                return
            time.sleep(0.5)
        raise CheckFailure("%s: the server still ran %d s after it was stopped" % (self.name, GONE_TIMEOUT_S))

    def lesson(self, filename, golden):
        """Everything one student does; figures land in self.figures, a failure in self.error."""
        try:
            t0 = time.monotonic()
            self.step = "logging in"
            self.log_in()
            self.step = "starting the server"
            self.start_server()
            self.step = "opening the notebook"
            cells, kernel_id = self.open_notebook(filename)
            self.step = "connecting to the kernel"
            self.connect(kernel_id)
            self.figures["ready_s"] = time.monotonic() - t0
            self.kernel_pids = kernel_processes(kernel_id)
            t1 = time.monotonic()
            self.step = "running the cells"
            results = self.run_cells(cells)
            self.figures["run_s"] = time.monotonic() - t1
            self.figures["rss_mib"] = rss_mib(self.kernel_pids)
            self.figures["processes"] = len(self.kernel_pids)
            self.figures["server_rss_mib"] = rss_mib([proc_table()[p][0] for p in self.kernel_pids[:1]])
            check_outputs(self.name, cells, results, golden)
            self.step = "stopping the server"
            self.stop_server()
            left = wait_gone(lambda: [p for p in self.kernel_pids if alive(p)], GONE_TIMEOUT_S)
            check(not left, "%s: kernel processes %s outlived the stopped server" % (self.name, left))
            self.step = "done"
        except CheckFailure as e:
            self.error = str(e)
        except Exception as e:  # a transport error, or a bug here
            self.error = "%s: %s: %s" % (self.name, type(e).__name__, e)


def check_outputs(name, cells, results, golden):
    """Every cell ok, no error output; the document's loop prints numpy's losses; charts come as PNG."""
    pngs = 0
    losses = []
    for i, (reply, iopub) in enumerate(results):
        status = reply.get("content", {}).get("status")
        errors = [m["content"] for m in iopub if m["msg_type"] == "error"]
        check(status == "ok" and not errors, "%s: code cell %d ended %s %s" % (name, i, status, short(errors)))
        for m in iopub:
            if m["msg_type"] in ("display_data", "execute_result") and "image/png" in m["content"].get("data", {}):
                pngs += 1
        text = "".join(m["content"].get("text", "") for m in iopub
                       if m["msg_type"] == "stream" and m["content"].get("name") == "stdout")
        if not losses and "for (int it = 0; it < 4000" in "".join(cells[i]["source"]):
            losses = [float(line) for line in text.split()]
    want = golden["losses"]
    check(len(losses) == len(want), "%s: the document's loop printed %d losses; numpy printed %d" % (name, len(losses), len(want)))
    worst = max(abs(a - b) / abs(b) for a, b in zip(losses, want))
    check(worst <= LOSS_RTOL, "%s: the losses differ from numpy's by up to %.2g (relative); allowed %g"
          % (name, worst, LOSS_RTOL))
    check(pngs >= 3, "%s: %d charts came as image/png; expected at least 3" % (name, pngs))


# ---------------------------------------------------------------------------- processes and memory


def kernel_processes(kernel_id):
    """The kernel started for kernel_id (found by its connection file) and its children."""
    table = proc_table()
    roots = [p for p in table if "kernel-%s.json" % kernel_id in cmdline(p)]
    tree, todo = [], list(roots)
    while todo:
        p = todo.pop()
        tree.append(p)
        todo.extend(c for c, (parent, _) in table.items() if parent == p)
    return tree


def alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def rss_mib(pids):
    total = 0
    for p in pids:
        try:
            with open("/proc/%d/status" % p) as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def used_mib():
    info = {}
    with open("/proc/meminfo") as f:
        for line in f:
            key, value = line.split(":", 1)
            info[key] = int(value.split()[0])
    return (info["MemTotal"] - info["MemAvailable"]) / 1024


class PeakMemory:
    """The machine's memory in use, sampled every 0.2 s: its peak above what was in use at the start."""

    def __init__(self):
        self.start = used_mib()
        self.peak = self.start
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()

    def sample(self):
        while not self.stopped.wait(0.2):
            self.peak = max(self.peak, used_mib())

    def stop(self):
        self.stopped.set()
        self.thread.join()
        return self.peak - self.start


# ---------------------------------------------------------------------------- the test


def classroom(report, args, tmp):
    with open(GOLDEN) as f:
        golden = json.load(f)
    filename = os.path.basename(NOTEBOOK)
    hub = Hub(tmp, args.jupyter_path)
    students = [Student(hub, "student%02d" % (i + 1)) for i in range(args.students)]
    try:
        version = report.run("hub_starts", hub.wait_up)
        if not version:
            report.not_run(["students_run_notebook_000", "hub_stops_clean"], "the hub did not start")
            return
        for s in students:
            home = os.path.join(tmp, "students", s.name)
            os.makedirs(home, exist_ok=True)
            shutil.copy(NOTEBOOK, os.path.join(home, filename))

        def lessons():
            peak = PeakMemory()
            t0 = time.monotonic()
            threads = [threading.Thread(target=s.lesson, args=(filename, golden), daemon=True) for s in students]
            for t in threads:
                t.start()
            deadline = time.monotonic() + LESSON_TIMEOUT_S
            for t in threads:
                t.join(max(0, deadline - time.monotonic()))
            for s, t in zip(students, threads):
                if t.is_alive() and not s.error:
                    s.error = "%s: still %s after %d s%s" % (s.name, s.step, LESSON_TIMEOUT_S, where(t))
            wall = time.monotonic() - t0
            grown = peak.stop()
            print_figures(students, wall, grown, version)
            failed = [s.error for s in students if s.error]
            check(not failed, "%d of %d students failed: %s" % (len(failed), len(students), " | ".join(failed)))
            return "%d students in %.0f s; machine's peak +%.0f MiB" % (len(students), wall, grown)

        report.run("students_run_notebook_000", lessons)

        def stops():
            left = hub.stop()
            check(not left, "processes left after JupyterHub stopped: %s" % hub.watch.describe(left))
        report.run("hub_stops_clean", stops)
    finally:
        hub.stop()
        if report.failed:
            print("# jupyterhub log: %s" % short(tail(hub.log, 3000), 3000).replace("\n", "\n#   "), flush=True)


def where(thread):
    """The line a thread is at, for a failure message."""
    frame = sys._current_frames().get(thread.ident)
    lines = []
    while frame is not None and len(lines) < 4:
        lines.append("%s:%d %s" % (os.path.basename(frame.f_code.co_filename), frame.f_lineno, frame.f_code.co_name))
        frame = frame.f_back
    return " (at %s)" % " < ".join(lines) if lines else ""


def print_figures(students, wall, grown, version):
    print("# JupyterHub %s, %d students at once, %d cores" % (version, len(students), os.cpu_count()), flush=True)
    print("# %-10s %9s %9s %18s %16s" % ("student", "ready s", "run s", "kernel RSS MiB", "server RSS MiB"), flush=True)
    for s in students:
        f = s.figures
        print("# %-10s %9s %9s %18s %16s" % (s.name, "%.1f" % f["ready_s"] if "ready_s" in f else "-",
                                             "%.1f" % f["run_s"] if "run_s" in f else "-",
                                             "%.0f (%d proc.)" % (f["rss_mib"], f["processes"]) if "rss_mib" in f else "-",
                                             "%.0f" % f["server_rss_mib"] if "server_rss_mib" in f else "-"),
              flush=True)
    done = [s.figures for s in students if "rss_mib" in s.figures]
    if done:
        print("# total kernel RSS %.0f MiB (mean %.0f), servers %.0f MiB; slowest ready %.1f s, slowest run %.1f s;"
              " all in %.0f s" % (sum(f["rss_mib"] for f in done), sum(f["rss_mib"] for f in done) / len(done),
                                  sum(f["server_rss_mib"] for f in done), max(f["ready_s"] for f in done),
                                  max(f["run_s"] for f in done), wall), flush=True)
    retried = ["%s %d" % (s.name, s.figures["kernel_info_retries"]) for s in students if s.figures.get("kernel_info_retries")]
    if retried:
        print("# kernel_info asked again on a new websocket: %s" % ", ".join(retried), flush=True)
    print("# machine's memory in use: peak %.0f MiB above the start" % grown, flush=True)


TESTS = ["hub_starts", "students_run_notebook_000", "hub_stops_clean"]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jupyter-path", help="the Jupyter data dir holding kernels/scratchnet (becomes JUPYTER_PATH)")
    ap.add_argument("--students", type=int, default=10, help="how many students log in at once (10)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory (logs, homes)")
    ap.add_argument("--list", action="store_true", help="list the tests and exit")
    args = ap.parse_args(argv)
    if args.list:
        print("\n".join(TESTS))
        return 0
    if not args.jupyter_path:
        ap.print_usage(sys.stderr)
        print("hub_tests.py: --jupyter-path DIR is required", file=sys.stderr)
        return 2
    args.jupyter_path = os.path.abspath(args.jupyter_path)
    spec = os.path.join(args.jupyter_path, "kernels", KERNEL_NAME, "kernel.json")
    if not os.path.isfile(spec):
        print("hub_tests.py: expected a kernelspec at %s; it is missing" % spec, file=sys.stderr)
        return 2
    report = Report()
    missing = [tool for tool in ("jupyterhub", "jupyterhub-singleuser", "configurable-http-proxy")
               if shutil.which(tool) is None]
    try:
        import websocket  # noqa: F401
    except ImportError:
        missing.append("python module websocket (python3-websocket)")
    def body(tmp):
        if missing:
            report.not_run(TESTS, "missing " + ", ".join(missing))
        else:
            classroom(report, args, tmp)
    return run_in_temp(report, args, spec, "scratchnet-hub-test-", body)

if __name__ == "__main__":
    sys.exit(main())
