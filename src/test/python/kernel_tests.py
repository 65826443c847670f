#!/usr/bin/env python3
"""End-to-end tests of the scratchnet Jupyter kernel, driven by a real Jupyter client.

The kernel is started the way Jupyter starts it: from the kernelspec ``scratchnet`` found on
``JUPYTER_PATH``, through ``jupyter_client``; notebooks run through ``nbclient``.

    /usr/bin/python3 src/test/python/kernel_tests.py --jupyter-path DIR      # DIR/kernels/scratchnet/kernel.json
    /usr/bin/python3 src/test/python/kernel_tests.py --list
    /usr/bin/python3 src/test/python/kernel_tests.py --jupyter-path DIR --only kernel_info,complete

Prints ``PASS name (1.23s)`` or ``FAIL name: reason`` per test, then ``N passed, M failed``;
exits with status 1 when a test failed (2 for a usage error). Needs jupyter_client (and nbclient,
nbformat for the notebook test); psutil is used when present.
"""

import argparse
import base64
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import uuid

KERNEL_NAME = "scratchnet"
#: how long one test may take in all before it is abandoned
TEST_BUDGET_S = 150
#: how long the kernel may take to start and answer kernel_info
STARTUP_TIMEOUT_S = 60

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

FIT_000 = (
    "seed(0);\n"
    "var x = arange(0, 1, 0.01);\n"
    "var y = x.mul(2*Math.PI).map(Math::sin).mul(20);\n"
    "var model = net(1,25,1).sigmoid().linear().init(uniform());\n"
)
FIT_000_RUN = FIT_000 + "var h = model.fit(x, y, lr(0.3), iters(4000));\n"
CHART_CELL = (
    'var c = new XYChartBuilder().width(400).height(300).title("t").build();\n'
    'c.addSeries("s", new double[]{1,2,3}, new double[]{1,4,9});\n'
    "c"
)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class TestFailure(Exception):
    """A failed check; its message is the reason printed in the FAIL line."""


class TestTimeout(BaseException):
    """Raised by the watchdog alarm when a test exceeds its budget."""


def check(cond, message):
    if not cond:
        raise TestFailure(message)


def plain(text):
    """Text without ANSI colour codes."""
    return ANSI.sub("", text or "")


def short(value, limit=300):
    s = repr(value)
    return s if len(s) <= limit else s[:limit] + "…"


# ---------------------------------------------------------------------------- kernel sessions


class Result:
    """What one request produced: the shell reply and the iopub messages that are its children."""

    def __init__(self, reply, msgs, reply_time, sent_time):
        self.reply = reply
        self.msgs = msgs            # list of (receipt time, message)
        self.reply_time = reply_time
        self.sent_time = sent_time

    @property
    def content(self):
        return self.reply["content"]

    @property
    def status(self):
        return self.content.get("status")

    def of_type(self, *types):
        return [m for _, m in self.msgs if m["msg_type"] in types]

    def stream(self, name="stdout"):
        return "".join(m["content"]["text"] for m in self.of_type("stream") if m["content"]["name"] == name)

    def results(self):
        return self.of_type("execute_result")

    def result_text(self):
        r = self.results()
        return r[-1]["content"]["data"].get("text/plain") if r else None

    def errors(self):
        return self.of_type("error")

    def traceback_text(self):
        return plain("\n".join(self.content.get("traceback") or []))

    def describe(self):
        """A short account of the reply and outputs, for failure messages."""
        parts = ["reply status=%s" % self.status]
        if self.status == "error":
            parts.append("ename=%s evalue=%s" % (self.content.get("ename"), short(self.content.get("evalue"), 200)))
            parts.append("traceback=%s" % short(self.traceback_text(), 600))
        out = self.stream("stdout")
        err = self.stream("stderr")
        if out:
            parts.append("stdout=%s" % short(out, 300))
        if err:
            parts.append("stderr=%s" % short(err, 300))
        if self.result_text() is not None:
            parts.append("result=%s" % short(self.result_text(), 200))
        return "; ".join(parts)


#: the kernels' stdout and stderr files, with how much of each was printed already
KERNEL_LOGS = []
LOG_DIR = None


def print_kernel_logs():
    """Prints what kernels wrote to stdout/stderr since the last call, indented under the test's line."""
    for entry in KERNEL_LOGS:
        try:
            with open(entry[0], "rb") as f:
                f.seek(entry[1])
                data = f.read()
        except OSError:
            continue
        entry[1] += len(data)
        for line in data.decode("utf-8", "replace").splitlines():
            if line.strip():
                print("    kernel output: " + line, flush=True)


class Kernel:
    """A kernel started from the kernelspec, with its blocking client."""

    def __init__(self):
        from jupyter_client.manager import start_new_kernel

        t0 = time.monotonic()
        # jupyter_client chooses free ports and lets them go before the kernel binds them; when another
        # program took one meanwhile the kernel says so (exit 3) and a second start gets other ports
        for attempt in range(3):
            log = os.path.join(LOG_DIR or tempfile.gettempdir(), "kernel-%s.log" % uuid.uuid4().hex[:8])
            self.log_file = open(log, "wb")
            KERNEL_LOGS.append([log, 0])
            try:
                self.km, self.kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=STARTUP_TIMEOUT_S,
                                                    stdout=self.log_file, stderr=self.log_file)
                break
            except RuntimeError as e:
                self.log_file.close()
                with open(log, "rb") as f:
                    tail = f.read()[-600:].decode("utf-8", "replace")
                if "already in use" in tail and attempt < 2:
                    print("    a port Jupyter chose was taken by another program; starting the kernel again", flush=True)
                    continue
                raise TestFailure("the kernel did not start: %s; its output: %s" % (e, short(tail, 600)))
        self.startup_s = time.monotonic() - t0

    # -- plumbing

    def pid(self):
        prov = getattr(self.km, "provisioner", None)
        proc = getattr(prov, "process", None) if prov is not None else None
        if proc is None:
            proc = getattr(self.km, "kernel", None)
        return proc.pid if proc is not None else None

    def process(self):
        prov = getattr(self.km, "provisioner", None)
        proc = getattr(prov, "process", None) if prov is not None else None
        return proc if proc is not None else getattr(self.km, "kernel", None)

    def alive(self):
        try:
            return self.km.is_alive()
        except Exception:
            return False

    def shutdown(self):
        try:
            self.kc.stop_channels()
        except Exception:
            pass
        try:
            if self.km.has_kernel:
                self.km.shutdown_kernel(now=True)
        except Exception:
            pass
        try:
            self.km.cleanup_resources()
        except Exception:
            pass
        try:
            self.log_file.close()
        except Exception:
            pass

    def _poll(self, channel, timeout):
        getter = {"shell": self.kc.get_shell_msg, "iopub": self.kc.get_iopub_msg,
                  "control": self.kc.get_control_msg}[channel]
        try:
            return getter(timeout=timeout)
        except Exception as e:  # queue.Empty, or a closed channel
            if type(e).__name__ == "Empty":
                return None
            raise

    def wait_reply(self, msg_id, timeout, channel="shell"):
        """The reply to msg_id on a channel; other replies (left over from earlier requests) are skipped."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TestFailure("no %s reply to %s within %.1f s" % (channel, msg_id[:8], timeout))
            msg = self._poll(channel, min(left, 0.5))
            if msg is not None and msg.get("parent_header", {}).get("msg_id") == msg_id:
                return msg, time.monotonic()

    def collect(self, msg_id, sent, timeout, on_message=None, channel="shell"):
        """Collects all iopub messages whose parent is msg_id until status idle, and the shell reply."""
        deadline = sent + timeout
        msgs = []
        reply = None
        reply_time = None
        idle = False
        while not (idle and reply is not None):
            left = deadline - time.monotonic()
            if left <= 0:
                got = [m["msg_type"] for _, m in msgs]
                raise TestFailure("timed out after %.0f s waiting for %s (reply %s, iopub so far %s)"
                                  % (timeout, "idle" if not idle else "the reply",
                                     "received" if reply is not None else "missing", got[-12:]))
            # alternate between the two sockets with short polls, so receipt times are accurate
            if not idle:
                msg = self._poll("iopub", 0.01)
                while msg is not None:
                    if msg.get("parent_header", {}).get("msg_id") == msg_id:
                        now = time.monotonic()
                        msgs.append((now, msg))
                        if on_message is not None:
                            on_message(now, msg)
                        if msg["msg_type"] == "status" and msg["content"].get("execution_state") == "idle":
                            idle = True
                            break
                    msg = self._poll("iopub", 0)
            if reply is None:
                msg = self._poll(channel, 0.01 if not idle else min(left, 0.2))
                if msg is not None and msg.get("parent_header", {}).get("msg_id") == msg_id:
                    reply = msg
                    reply_time = time.monotonic()
        return Result(reply, msgs, reply_time, sent)

    # -- requests

    def execute(self, code, timeout=60, on_message=None, store_history=True, silent=False):
        sent = time.monotonic()
        msg_id = self.kc.execute(code, store_history=store_history, silent=silent, allow_stdin=False)
        return self.collect(msg_id, sent, timeout, on_message)

    def execute_async(self, code):
        """Sends an execute_request and returns (msg_id, send time) without waiting."""
        sent = time.monotonic()
        return self.kc.execute(code, allow_stdin=False), sent

    def ok(self, code, timeout=60):
        """Executes code that must succeed; returns the Result."""
        r = self.execute(code, timeout)
        check(r.status == "ok", "expected %s to run; got %s" % (short(code, 120), r.describe()))
        return r

    def value(self, code, timeout=60):
        """The text/plain result of code that must succeed."""
        r = self.ok(code, timeout)
        return r.result_text()

    def request(self, msg_type, content, timeout=20, channel="shell"):
        msg = self.kc.session.msg(msg_type, content)
        sent = time.monotonic()
        getattr(self.kc, channel + "_channel").send(msg)
        return self.collect(msg["header"]["msg_id"], sent, timeout, channel=channel)


# ---------------------------------------------------------------------------- tests


class Suite:
    """Holds the shared kernel; tests that restart, interrupt or shut down get their own."""

    def __init__(self):
        self._shared = None
        self.tmp = tempfile.mkdtemp(prefix="scratchnet-kernel-tests-")

    def shared(self):
        if self._shared is not None and not self._shared.alive():
            self._shared.shutdown()
            self._shared = None
        if self._shared is None:
            self._shared = Kernel()
        return self._shared

    def close(self):
        if self._shared is not None:
            self._shared.shutdown()
            self._shared = None
        shutil.rmtree(self.tmp, ignore_errors=True)


TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


class fresh_kernel:
    """``with fresh_kernel() as k:`` — a kernel of its own, always shut down."""

    def __enter__(self):
        self.k = Kernel()
        return self.k

    def __exit__(self, *exc):
        self.k.shutdown()
        return False


@test
def kernel_info(s):
    k = s.shared()
    r = k.request("kernel_info_request", {})
    c = r.content
    check(c.get("status", "ok") == "ok", "kernel_info status %s" % c.get("status"))
    pv = c.get("protocol_version", "")
    check(re.fullmatch(r"5\.\d+(\.\d+)?", pv or ""), "protocol_version: expected 5.x; got %r" % pv)
    check(c.get("implementation") == "scratchnet", "implementation: expected 'scratchnet'; got %r" % c.get("implementation"))
    li = c.get("language_info", {})
    expected = {"name": "java", "mimetype": "text/x-java", "file_extension": ".java",
                "pygments_lexer": "java", "codemirror_mode": "text/x-java"}
    for key, want in expected.items():
        check(li.get(key) == want, "language_info.%s: expected %r; got %r (language_info %s)"
              % (key, want, li.get(key), short(li)))
    links = c.get("help_links", [])
    check(links and all(l.get("text") and re.fullmatch(r"https://docs\.oracle\.com/\S+/", l.get("url", ""))
                        for l in links),
          "help_links: expected text and a docs.oracle.com URL each; got %r" % links)
    check(r.of_type("status"), "kernel_info_request published no status messages on iopub")
    return "protocol %s, java %s, startup %.1f s" % (pv, li.get("version"), k.startup_s)


@test
def stream_order(s):
    k = s.shared()
    code = (
        "for (int i = 0; i < 50; i++) {\n"
        "    System.out.println(\"out \" + i);\n"
        "    if (i % 5 == 0) System.err.println(\"err \" + i);\n"
        "    if (i == 25) Thread.sleep(20);\n"
        "}\n"
        "Thread t = new Thread(() -> { for (int j = 0; j < 5; j++) System.out.println(\"thread \" + j); });\n"
        "t.start();\n"
        "t.join();\n"
    )
    r = k.ok(code)
    out = r.stream("stdout").splitlines()
    err = r.stream("stderr").splitlines()
    want_out = ["out %d" % i for i in range(50)] + ["thread %d" % j for j in range(5)]
    want_err = ["err %d" % i for i in range(0, 50, 5)]
    if out != want_out:
        missing = [l for l in want_out if l not in out]
        extra = [l for l in out if l not in want_out]
        raise TestFailure("stdout lines differ: missing %s, unexpected %s, order ok=%s; first lines %s"
                          % (short(missing, 150), short(extra, 150),
                             [l for l in out if l in want_out] == [l for l in want_out if l in out], short(out[:8])))
    check(err == want_err, "stderr lines: expected %s; got %s" % (short(want_err), short(err)))
    return "%d stdout + %d stderr lines in %d stream messages" % (len(out), len(err), len(r.of_type("stream")))


@test
def live_output(s):
    k = s.shared()
    seen = {}

    def on_message(now, msg):
        if msg["msg_type"] == "stream" and "a\n" in msg["content"]["text"] and "a" not in seen:
            seen["a"] = now

    r = k.execute('System.out.println("a");\nThread.sleep(1500);\nSystem.out.println("b");', timeout=30,
                  on_message=on_message)
    check(r.status == "ok", "cell failed: " + r.describe())
    check("a" in seen, "no stream message with 'a'; " + r.describe())
    check("b" in r.stream(), "no 'b' in stdout: " + r.describe())
    lead = r.reply_time - seen["a"]
    check(lead >= 1.0, "the stream 'a' arrived only %.2f s before the execute reply (expected >= 1 s): "
          "output is not published live" % lead)
    return "'a' arrived %.2f s before the reply" % lead


@test
def execute_result(s):
    k = s.shared()
    first = k.ok("int warmUp = 0;")
    check(not first.results(), "a declaration produced an execute_result: " + first.describe())
    r = k.ok("1 + 1")
    res = r.results()
    check(len(res) == 1, "expected one execute_result; got %d (%s)" % (len(res), r.describe()))
    data = res[0]["content"]["data"]
    check(data.get("text/plain") == "2", "text/plain: expected '2'; got %r" % data.get("text/plain"))
    count = r.content.get("execution_count")
    check(res[0]["content"].get("execution_count") == count,
          "execute_result execution_count %r != reply execution_count %r"
          % (res[0]["content"].get("execution_count"), count))
    inputs = r.of_type("execute_input")
    check(inputs and inputs[0]["content"].get("execution_count") == count,
          "execute_input execution_count %r != reply's %r"
          % (inputs[0]["content"].get("execution_count") if inputs else None, count))
    prev = first.content.get("execution_count")
    check(count == prev + 1, "execution_count: expected %d after %d; got %r" % (prev + 1, prev, count))
    return "execution_count %d" % count


@test
def display_and_update(s):
    k = s.shared()
    r = k.ok("var dh = display(matrix(new double[][]{{1,2},{3,4}}));\ndh.update(zeros(2,2));")
    disp = r.of_type("display_data")
    upd = r.of_type("update_display_data")
    check(len(disp) >= 1, "no display_data: " + r.describe())
    d = disp[0]["content"]
    did = d.get("transient", {}).get("display_id")
    check(did, "display_data has no transient.display_id: %s" % short(d))
    check("text/html" in d.get("data", {}), "display_data has no text/html; mimetypes %s" % list(d.get("data", {})))
    check(len(upd) >= 1, "no update_display_data: " + r.describe())
    u = upd[0]["content"]
    check(u.get("transient", {}).get("display_id") == did,
          "update_display_data display_id %r != display_data's %r" % (u.get("transient", {}).get("display_id"), did))
    check(u.get("data"), "update_display_data has no data")
    return "display_id %s, mimetypes %s" % (did, sorted(d["data"]))


@test
def chart_inline(s):
    k = s.shared()
    r = k.ok(CHART_CELL)
    res = r.results()
    check(res, "no execute_result for the chart: " + r.describe())
    c = res[-1]["content"]
    data, meta = c.get("data", {}), c.get("metadata", {})
    check("image/png" in data, "no image/png; mimetypes %s" % list(data))
    try:
        png = base64.b64decode(data["image/png"], validate=True)
    except Exception as e:
        raise TestFailure("image/png is not valid base64: %s" % e)
    check(png.startswith(PNG_SIGNATURE), "image/png does not start with the PNG signature: %r" % png[:8])
    pm = meta.get("image/png", {})
    check(pm.get("width") == 400 and pm.get("height") == 300,
          "metadata image/png: expected width 400, height 300; got %s" % short(pm))
    check("image/svg+xml" in data, "no image/svg+xml; mimetypes %s" % list(data))
    check("<svg" in data["image/svg+xml"], "image/svg+xml holds no <svg element")
    return "png %d bytes, mimetypes %s" % (len(png), sorted(data))


@test
def tablesaw_table(s):
    k = s.shared()
    r = k.ok('Table.create("t", DoubleColumn.create("a", 1, 2))')
    res = r.results()
    check(res, "no execute_result for the table: " + r.describe())
    data = res[-1]["content"]["data"]
    check("<table" in data.get("text/html", ""), "text/html has no <table: %s" % short(data.get("text/html")))
    check(data.get("text/plain"), "no text/plain; mimetypes %s" % list(data))


@test
def fit_progress(s):
    k = s.shared()
    r = k.ok(FIT_000_RUN, timeout=90)
    out = r.stream("stdout")
    lines = out.splitlines()
    check(any(l.startswith("iter    0  loss 260.181") for l in lines),
          "no stdout line starting 'iter    0  loss 260.181'; first lines %s" % short(lines[:3]))
    n_disp = len(r.of_type("display_data"))
    n_upd = len(r.of_type("update_display_data"))
    check(n_disp >= 1, "no display_data during fit")
    check(n_upd >= 1, "no update_display_data during fit")
    check(n_upd < 200, "%d update_display_data messages (expected fewer than 200)" % n_upd)
    return "%d loss lines, %d display_data, %d update_display_data" % (
        sum(1 for l in lines if "loss" in l), n_disp, n_upd)


@test
def compile_error(s):
    k = s.shared()
    r = k.execute("int a = 1;\nint b = undefinedThing + 1;")
    check(r.status == "error", "expected an error reply; got " + r.describe())
    check(r.content.get("ename") == "CompileError", "ename: expected CompileError; got %r" % r.content.get("ename"))
    tb = r.traceback_text()
    check("line 2" in tb, "traceback does not mention line 2: %s" % short(tb, 500))
    check(any(re.fullmatch(r"\s*\^+\s*", l) for l in tb.splitlines()), "no caret line in traceback: %s" % short(tb, 500))
    check(r.errors(), "no error message on iopub")
    check(k.value("a") == "1", "after the compile error, `a` should be 1")
    return None


@test
def runtime_error_lines(s):
    k = s.shared()
    k.ok("int f(int[] a) {\n  return a[3];\n}")
    r = k.execute("int x = 1;\n\nf(new int[1]);")
    check(r.status == "error", "expected an error; got " + r.describe())
    check(r.content.get("ename") == "ArrayIndexOutOfBoundsException",
          "ename: expected ArrayIndexOutOfBoundsException; got %r" % r.content.get("ename"))
    tb = r.traceback_text()
    check("line 2" in tb, "traceback lacks 'line 2' (the line in f): %s" % short(tb, 500))
    check("line 3" in tb, "traceback lacks 'line 3' (the line in the cell): %s" % short(tb, 500))
    bad = [l for l in tb.splitlines() if "REPL." in l or "jdk.jshell" in l or "scratchnet.kernel" in l
           or "scratchnet.exec" in l]
    check(not bad, "traceback shows JShell/kernel internals: %s" % short(bad))
    return short(tb.replace("\n", " | "), 160)


def _no_wrapper_names(r, what):
    """Checks that neither the reply nor the iopub error of r shows JShell's wrapper names ($JShell$)."""
    shown = [r.content.get("ename") or "", r.content.get("evalue") or "", r.traceback_text()]
    for e in r.errors():
        shown += [e["content"].get("ename", ""), e["content"].get("evalue", ""),
                  plain("\n".join(e["content"].get("traceback", [])))]
    leaks = [t for t in shown if "$JShell$" in t]
    check(not leaks, "%s: JShell's wrapper names leak into the error: %s" % (what, short(leaks, 400)))


@test
def error_names_are_the_users(s):
    k = s.shared()
    k.ok("String s = null;")
    r = k.execute("s.length()")
    check(r.status == "error" and r.content.get("ename") == "NullPointerException",
          "s.length() on a null s: expected a NullPointerException; got " + r.describe())
    want = 'Cannot invoke "String.length()" because "s" is null'
    check(r.content.get("evalue") == want, "evalue: expected %r; got %r" % (want, r.content.get("evalue")))
    check(want in r.traceback_text(), "the traceback lacks %r: %s" % (want, short(r.traceback_text(), 400)))
    check([e["content"].get("evalue") for e in r.errors()] == [want],
          "the iopub error: expected evalue %r; got %s" % (want, short(r.errors())))
    _no_wrapper_names(r, "s.length()")

    # a class declared in a cell, as the exception's name and inside another exception's message
    k.ok("class Boom extends RuntimeException { Boom(String m) { super(m); } }")
    r = k.execute('throw new Boom("declared in a cell");')
    check(r.status == "error" and r.content.get("ename") == "Boom",
          "throwing a Boom declared in a cell: expected ename 'Boom'; got " + r.describe())
    check(r.traceback_text().startswith("Boom: declared in a cell"),
          "the traceback should start 'Boom: declared in a cell'; got %s" % short(r.traceback_text(), 300))
    _no_wrapper_names(r, "throw new Boom(...)")
    k.ok("class Apple {}")
    r = k.execute("Object fruit = new Apple();\nString t = (String) fruit;")
    check(r.status == "error" and r.content.get("ename") == "ClassCastException",
          "casting an Apple to String: expected a ClassCastException; got " + r.describe())
    check("class Apple cannot be cast to class java.lang.String" in r.content.get("evalue", ""),
          "evalue should name the class Apple; got %r" % r.content.get("evalue"))
    _no_wrapper_names(r, "(String) fruit")
    return want


@test
def so_and_oom(s):
    k = s.shared()
    r = k.execute("int g(int n) { return g(n + 1); } g(0)", timeout=60)
    check(r.status == "error" and r.content.get("ename") == "StackOverflowError",
          "expected StackOverflowError; got " + r.describe())
    r2 = k.execute("var big = new long[Integer.MAX_VALUE - 8];", timeout=60)
    check(r2.status == "error" and r2.content.get("ename") == "OutOfMemoryError",
          "expected OutOfMemoryError; got " + r2.describe())
    check(k.value("2 + 2") == "4", "2 + 2 after the errors")
    return "StackOverflowError traceback %d lines" % len(r.content.get("traceback") or [])


@test
def redefinition_keeps_state(s):
    k = s.shared()
    k.ok("int rf() { return 1; }")
    k.ok("var rv = rf();")
    k.ok("int rf() { return 2; }")
    v = k.value("rv")
    check(v == "1", "after redefining rf(), rv: expected '1'; got %r" % v)
    check(k.value("rf()") == "2", "the redefined rf() should return 2")


def _complete(k, code, cursor=None):
    cursor = len(code) if cursor is None else cursor
    r = k.request("complete_request", {"code": code, "cursor_pos": cursor})
    c = r.content
    check(c.get("status") == "ok", "complete %r: status %r" % (code, c.get("status")))
    return c


@test
def complete(s):
    k = s.shared()
    notes = []
    for code, want, applied in [("Math.ab", "abs(", "Math.abs("),
                                ("net(1,2,1).sig", "sigmoid()", "net(1,2,1).sigmoid()")]:
        c = _complete(k, code)
        m = c.get("matches", [])
        check(want in m, "complete %r: expected %r in matches; got %s" % (code, want, short(m)))
        st, en = c.get("cursor_start"), c.get("cursor_end")
        result = code[:st] + want + code[en:]
        check(result == applied, "complete %r: applying %r at [%s, %s) gives %r, expected %r"
              % (code, want, st, en, result, applied))
        notes.append("%s→%d matches" % (code, len(m)))
    k.ok("var myVariable = 3;")
    for code in ("myVar", "int z = myVar"):
        c = _complete(k, code)
        m = c.get("matches", [])
        check("myVariable" in m, "complete %r: expected 'myVariable'; got %s" % (code, short(m)))
        applied = code[:c["cursor_start"]] + "myVariable" + code[c["cursor_end"]:]
        check(applied == code + "iable", "complete %r: cursor_start/end %s/%s give %r"
              % (code, c["cursor_start"], c["cursor_end"], applied))
    return ", ".join(notes)


def _instances(pid, class_name):
    """How many objects of class_name the JVM pid holds, by jcmd (of the JDK the kernelspec runs)."""
    spec = os.path.join(os.environ["JUPYTER_PATH"], "kernels", KERNEL_NAME, "kernel.json")
    with open(spec) as f:
        jcmd = os.path.join(os.path.dirname(json.load(f)["argv"][0]), "jcmd")
    out = subprocess.run([jcmd, str(pid), "GC.class_histogram"], capture_output=True, text=True, timeout=60)
    check(out.returncode == 0, "%s GC.class_histogram: %s" % (jcmd, short(out.stdout + out.stderr)))
    for line in out.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[3] == class_name:
            return int(parts[1])
    return 0


@test
def completion_index_waits_for_completion(s):
    """JShell's class path index is built on the first complete_request, not as the kernel starts; then package names complete."""
    index = "jdk.jshell.SourceCodeAnalysisImpl$ClassIndex"
    with fresh_kernel() as k:
        k.ok("int a = 1;")
        time.sleep(3)  # JShell's own indexing would have begun by now
        held = _instances(k.pid(), index)
        check(held == 0, "before any completion the kernel JVM holds %d %s objects; expected none" % (held, index))
        deadline = time.monotonic() + 30
        matches = []
        while "concurrent." not in matches and time.monotonic() < deadline:
            matches = _complete(k, "import java.util.conc").get("matches", [])
            time.sleep(0.5)
        check("concurrent." in matches, "complete 'import java.util.conc': expected 'concurrent.' within 30 s; got %s"
              % short(matches))
        built = _instances(k.pid(), index)
        check(built > 0, "after completion the kernel JVM holds no %s objects" % index)
        return "index objects: %d before completion, %d after" % (held, built)


def _inspect(k):
    code = "arange(0, 1, 0.01)"
    r = k.request("inspect_request", {"code": code, "cursor_pos": 3, "detail_level": 0})
    c = r.content
    check(c.get("status") == "ok", "inspect status %r" % c.get("status"))
    check(c.get("found") is True, "inspect 'arange' (cursor 3): found=%r" % c.get("found"))
    return c.get("data", {}).get("text/plain", "")


@test
def inspect(s):
    k = s.shared()
    text = _inspect(k)
    check("arange" in text, "inspect text/plain lacks 'arange': %s" % short(text))
    check("Matrix" in text and "(" in text, "inspect text/plain lacks a signature: %s" % short(text))
    has_doc = "np.arange" in text
    return "signature %s; javadoc %s" % (short(text.splitlines()[0], 80), "present" if has_doc else "ABSENT")


@test
def inspect_at_name_end(s):
    """Shift-Tab with the cursor at the end of (or inside) a method's name, before any '('."""
    k = s.shared()
    notes = []
    for code, cursor, want in [("Math.max", None, "Math.max("),
                               ("Math.max", 7, "Math.max("),
                               ("net", None, "net(int"),
                               ("var model = net", None, "net(int"),
                               ("Math.max(1, 2)", 8, "Math.max(")]:
        cursor = len(code) if cursor is None else cursor
        rep = k.kc.inspect(code, cursor_pos=cursor, detail_level=0, reply=True, timeout=20)
        c = rep["content"]
        where = "inspect %r at %d" % (code, cursor)
        check(c.get("status") == "ok", "%s: status %r" % (where, c.get("status")))
        check(c.get("found") is True, "%s: found=%r" % (where, c.get("found")))
        text = c.get("data", {}).get("text/plain", "")
        check(want in text, "%s: text/plain lacks %r: %s" % (where, want, short(text, 300)))
        notes.append(text.splitlines()[0])
    return short("; ".join(notes[::2]), 200)


@test
def inspect_javadoc(s):
    k = s.shared()
    text = _inspect(k)
    check("np.arange" in text, "inspect 'arange' shows no Javadoc (expected the sentence '… like {@code np.arange}'); "
          "text/plain was %s" % short(text, 400))


@test
def is_complete(s):
    k = s.shared()
    cases = [("int x = 1;", "complete", None),
             ("for (int i = 0; i < 3; i++) {", "incomplete", "    "),
             ("int x = ;;)", "invalid", None)]
    for code, want, indent in cases:
        c = k.request("is_complete_request", {"code": code}).content
        check(c.get("status") == want, "is_complete %r: expected %r; got %s" % (code, want, short(c)))
        if indent is not None:
            check(c.get("indent") == indent, "is_complete %r: indent expected %r; got %r" % (code, indent, c.get("indent")))


@test
def history(s):
    k = s.shared()
    marks = ["int hist%s = %d;" % (uuid.uuid4().hex[:6], i) for i in range(3)]
    for m in marks:
        k.ok(m)
    r = k.request("history_request", {"raw": True, "output": False, "hist_access_type": "tail", "n": 10})
    c = r.content
    hist = c.get("history", [])
    problems = []
    if c.get("status") != "ok":
        problems.append("history_reply has status %r (expected 'ok')" % c.get("status"))
    if not all(isinstance(h, (list, tuple)) and len(h) == 3 for h in hist):
        problems.append("history entries must be [session, line_number, input] triples; got %s"
                        % short(hist[:1], 160))
    check(not problems, "; ".join(problems))
    inputs = [h[2] for h in hist]
    check(len(hist) <= 10, "tail n=10 returned %d entries" % len(hist))
    for m in marks:
        check(m in inputs, "history tail lacks %r; got %s" % (m, short(inputs)))
    check(inputs[-3:] == marks, "the last 3 history entries should be the last 3 cells; got %s" % short(inputs[-3:]))
    # also the client's own API, as the brief's client would call it
    rep = k.kc.history(hist_access_type="tail", n=10, reply=True, timeout=20)
    check(rep["content"].get("status") == "ok", "kc.history(reply=True) status %r" % rep["content"].get("status"))
    return "%d entries" % len(hist)


@test
def history_with_output(s):
    """history_request with output=True: [session, line, [input, output]], output the result's text or None."""
    k = s.shared()
    name = "hout%s" % uuid.uuid4().hex[:6]
    declare = 'String %s = "x";' % name
    expr = '%s + "yz"' % name
    k.ok(declare)
    check(k.value(expr) == "xyz", "%s: expected the result 'xyz'" % expr)
    rep = k.kc.history(hist_access_type="tail", n=2, output=True, raw=True, reply=True, timeout=20)
    c = rep["content"]
    hist = c.get("history", [])
    check(c.get("status") == "ok", "history_reply status %r" % c.get("status"))
    check(len(hist) == 2 and all(len(h) == 3 and isinstance(h[2], list) and len(h[2]) == 2 for h in hist),
          "with output=True entries must be [session, line, [input, output]]; got %s" % short(hist, 300))
    check(hist[0][2] == [declare, None], "a cell without a result: expected [%r, None]; got %s"
          % (declare, short(hist[0][2])))
    check(hist[1][2] == [expr, "xyz"], "a cell with a result: expected [%r, 'xyz']; got %s" % (expr, short(hist[1][2])))
    session, line = hist[1][0], hist[1][1]
    rep = k.kc.history(hist_access_type="range", session=session, start=line, stop=line + 1, output=True, raw=True,
                       reply=True, timeout=20)
    got = rep["content"].get("history", [])
    check(got == [[session, line, [expr, "xyz"]]], "range %d..%d with output: got %s" % (line, line + 1, short(got)))
    rep = k.kc.history(hist_access_type="search", pattern=name + " + *", output=True, raw=True, reply=True, timeout=20)
    got = rep["content"].get("history", [])
    check([h[2] for h in got] == [[expr, "xyz"]], "search %r with output: got %s" % (name + " + *", short(got)))
    rep = k.kc.history(hist_access_type="tail", n=1, output=False, raw=True, reply=True, timeout=20)
    got = rep["content"].get("history", [])
    check(len(got) == 1 and got[0][2] == expr, "with output=False the input stays bare: got %s" % short(got))
    return None


@test
def reply_status(s):
    """Every reply carries status 'ok' (the messaging spec's common reply field)."""
    k = s.shared()
    missing = []
    for msg_type, content, channel in [
            ("kernel_info_request", {}, "shell"),
            ("comm_info_request", {}, "shell"),
            ("history_request", {"raw": True, "output": False, "hist_access_type": "tail", "n": 1}, "shell"),
            ("complete_request", {"code": "Math.ab", "cursor_pos": 7}, "shell"),
            ("inspect_request", {"code": "arange", "cursor_pos": 2, "detail_level": 0}, "shell"),
            ("interrupt_request", {}, "control")]:
        c = k.request(msg_type, content, channel=channel).content
        if c.get("status") != "ok":
            missing.append("%s (status %r, keys %s)" % (msg_type.replace("_request", "_reply"), c.get("status"),
                                                        sorted(c)))
    check(not missing, "replies without status 'ok': " + ", ".join(missing))


def _java_children(pid):
    """Pids of the java processes below pid (the cell JVM)."""
    try:
        import psutil
        return [p.pid for p in psutil.Process(pid).children(recursive=True)]
    except ImportError:
        pass
    kids, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        for d in os.listdir("/proc"):
            if not d.isdigit():
                continue
            try:
                with open("/proc/%s/stat" % d) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == parent:
                    kids.append(int(d))
                    frontier.append(int(d))
            except (OSError, IndexError, ValueError):
                pass
    return kids


def _cpu_ticks(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])   # utime + stime (fields 14 and 15)


def _cpu_share(pids, seconds=1.0):
    """Share of one core used by each pid over `seconds`."""
    hz = os.sysconf("SC_CLK_TCK")
    before = {p: _cpu_ticks(p) for p in pids}
    t0 = time.monotonic()
    time.sleep(seconds)
    after = {p: _cpu_ticks(p) for p in pids if os.path.exists("/proc/%d" % p)}
    dt = time.monotonic() - t0
    return {p: (after[p] - before[p]) / hz / dt for p in after}


def _interrupt_and_wait(k, msg_id, sent, delay, budget=2.0):
    """Interrupts after `delay` s; returns (Result, seconds from interrupt to reply)."""
    time.sleep(max(0.0, sent + delay - time.monotonic()))
    t_int = time.monotonic()
    k.km.interrupt_kernel()
    r = k.collect(msg_id, sent, (t_int - sent) + budget + 10)
    return r, r.reply_time - t_int


@test
def interrupt_busy_loop(s):
    with fresh_kernel() as k:
        k.ok("int before = 42;")
        kernel_pid = k.pid()
        msg_id, sent = k.execute_async("while (true) {}")
        r, took = _interrupt_and_wait(k, msg_id, sent, 1.0)
        check(r.status == "error" and r.content.get("ename") == "Interrupted",
              "expected an Interrupted error; got " + r.describe())
        check(took <= 2.0, "the reply came %.2f s after the interrupt (expected within 2 s)" % took)
        kids = _java_children(kernel_pid) if kernel_pid else []
        check(kids, "found no child process of the kernel (pid %s)" % kernel_pid)
        share = _cpu_share(kids + [kernel_pid])
        cell = {p: v for p, v in share.items() if p != kernel_pid}
        check(all(v < 0.30 for v in cell.values()),
              "the cell JVM still uses %s of a core after the interrupt (expected < 30 %%): the busy loop "
              "keeps spinning" % ", ".join("%d%%" % round(v * 100) for v in cell.values()))
        check(k.value("1 + 1") == "2", "1 + 1 after the interrupt")
        v = k.execute("before")
        check(v.status == "ok" and v.result_text() == "42",
              "the variable defined before the loop is lost: `before` gave " + v.describe())
        return "reply %.2f s after interrupt; cell JVM CPU %s, kernel JVM %d%%" % (
            took, ",".join("%d%%" % round(x * 100) for x in cell.values()), round(share.get(kernel_pid, 0) * 100))


@test
def interrupt_sleep(s):
    with fresh_kernel() as k:
        msg_id, sent = k.execute_async("Thread.sleep(60000);")
        r, took = _interrupt_and_wait(k, msg_id, sent, 1.0)
        check(r.status == "error" and r.content.get("ename") == "Interrupted",
              "expected an Interrupted error; got " + r.describe())
        check(took <= 2.0, "the reply came %.2f s after the interrupt (expected within 2 s)" % took)
        check(k.value("1 + 1") == "2", "1 + 1 after the interrupt")
        return "reply %.2f s after interrupt" % took


@test
def interrupt_fit(s):
    with fresh_kernel() as k:
        k.ok(FIT_000)
        msg_id, sent = k.execute_async("var h = model.fit(x, y, lr(0.3), iters(50_000_000), quiet());")
        r, took = _interrupt_and_wait(k, msg_id, sent, 1.5)
        check(r.status == "error" and r.content.get("ename") == "Interrupted",
              "expected an Interrupted error; got " + r.describe())
        check(took <= 2.0, "the reply came %.2f s after the interrupt (expected within 2 s)" % took)
        v = k.execute("Double.isFinite(model.predict(x).sum())")
        check(v.status == "ok" and v.result_text() == "true",
              "model.predict(x) after the interrupt: expected 'true'; got " + v.describe())
        return "reply %.2f s after interrupt" % took


@test
def incomplete_cell(s):
    k = s.shared()
    r = k.execute('int cutX = 5;\nif (cutX > 3) {\n System.out.println("big");')
    check(r.status == "error" and r.content.get("ename") == "IncompleteInput",
          "a cell ending inside an open `{`: expected an IncompleteInput error; got " + r.describe())
    evalue = r.content.get("evalue") or ""
    check('line 3: `System.out.println("big");`' in evalue and "missing `}`" in evalue,
          "the error should name line 3 and the missing `}`; got " + short(evalue))
    errs = r.errors()
    check(len(errs) == 1 and errs[0]["content"].get("ename") == "IncompleteInput",
          "expected one error output on iopub; got " + r.describe())
    check("big" not in r.stream(), "the unfinished cell printed: " + r.describe())
    v = k.execute("cutX")
    check(v.status == "error", "the unfinished cell's first statement ran: `cutX` gave " + v.describe())
    return short(evalue, 120)


@test
def exit_while_the_cell_jvm_collects(s):
    """System.exit is refused even while another thread keeps the cell JVM collecting garbage (the debugger's objects survive it)."""
    with fresh_kernel() as k:
        k.ok("int before = 42;\n"
             "var gc = new Thread(() -> { while (true) System.gc(); }, \"collector\");\n"
             "gc.setDaemon(true);\n"
             "gc.start();")
        for n in range(10):
            r = k.execute("System.exit(%d);" % n)
            check(r.status == "error" and r.content.get("ename") == "SystemExit",
                  "System.exit(%d) while collecting, try %d of 10: expected a SystemExit error; got %s" % (n, n + 1, r.describe()))
        v = k.execute("before")
        check(v.status == "ok" and v.result_text() == "42", "`before` after the exits: " + v.describe())


@test
def exit_in_cell(s):
    with fresh_kernel() as k:
        k.ok("int before = 42;")
        for code in ("System.out.println(\"a\");\nSystem.exit(0);\nSystem.out.println(\"b\");",
                     "Runtime.getRuntime().halt(3);"):
            r = k.execute(code)
            check(r.status == "error" and r.content.get("ename") == "SystemExit",
                  "%s: expected a SystemExit error on that cell; got %s" % (short(code, 60), r.describe()))
            check(len(r.errors()) == 1, "%s: expected one error output; got %s" % (short(code, 60), r.describe()))
            check("b" not in r.stream(), "the cell went on after System.exit: " + r.describe())
            v = k.execute("before")
            check(v.status == "ok" and v.result_text() == "42",
                  "after %s the variables should be kept; `before` gave %s" % (short(code, 60), v.describe()))
        for code, note in (("System.out.println(\"x\");\nSystem.out.close();", "closed System.out"),
                           ("System.setOut(null);", "set System.out to null"),
                           ("System.err.close();", "closed System.err")):
            r = k.execute(code)
            check(note in r.stream("stderr"), "%s: expected a note %r on stderr; got %s" % (code, note, r.describe()))
            v = k.execute('System.out.println("out " + before);\nSystem.err.println("err " + before);')
            check(v.status == "ok" and v.stream() == "out 42\n" and v.stream("stderr") == "err 42\n",
                  "after %s, printing should work again; got %s" % (short(code, 60), v.describe()))
        # a JVM that dies anyway (killed): reported on that cell, and the next cell runs in a fresh session
        r = k.execute('new ProcessBuilder("kill", "-9", "" + ProcessHandle.current().pid()).start().waitFor();\n'
                      'Thread.sleep(10_000);', timeout=40)
        check(r.status == "error" and r.content.get("ename") == "ProcessEnded"
              and "fresh session" in (r.content.get("evalue") or ""),
              "a cell that killed its JVM: expected a ProcessEnded error on that cell; got " + r.describe())
        v = k.execute("1 + 1")
        check(v.status == "ok" and v.result_text() == "2", "the cell after the JVM died: " + v.describe())
        v = k.execute("before")
        check(v.status == "error", "`before` survived the JVM's death?: " + v.describe())


@test
def interrupt_print_loop(s):
    with fresh_kernel() as k:
        k.ok("int before = 42;")
        msg_id, sent = k.execute_async("int i = 0;\nwhile (true) System.out.println(i++);")
        r, took = _interrupt_and_wait(k, msg_id, sent, 1.0)
        check(r.status == "error" and r.content.get("ename") == "Interrupted"
              and "restarted" not in (r.content.get("evalue") or ""),
              "expected an Interrupted error with the session kept; got " + r.describe())
        check(took <= 3.0, "the reply came %.2f s after the interrupt (expected within 3 s)" % took)
        v = k.execute("before")
        check(v.status == "ok" and v.result_text() == "42",
              "the variable defined before the loop is lost: `before` gave " + v.describe())
        last = [l for l in r.stream().splitlines() if l.strip()]
        check(last and last[-1].isdigit(), "expected the loop's last printed numbers at the end of the output; got %s"
              % short(last[-3:]))
        notes = [l for l in r.stream("stderr").splitlines() + last if "were skipped; the last ones follow]" in l]
        check(len(notes) == 1, "expected one note saying how many printed lines were skipped; got %s" % short(notes))
        return "reply %.2f s after interrupt; %d stdout lines shown; %s" % (took, len(r.stream().splitlines()), notes[0])


@test
def interrupt_cell_threads(s):
    with fresh_kernel() as k:
        k.ok("int before = 42;\nvar spins = new java.util.concurrent.atomic.AtomicLong();")
        k.ok('Thread spinner = new Thread(() -> { while (true) { spins.incrementAndGet(); } }, "spinner");\n'
             "spinner.start();")
        k.ok('Thread sleeper = new Thread(() -> {\n'
             "    try { Thread.sleep(600_000); } catch (InterruptedException e) { }\n"
             '}, "sleeper");\n'
             "sleeper.start();")
        msg_id, sent = k.execute_async("Thread.sleep(60_000);")
        r, took = _interrupt_and_wait(k, msg_id, sent, 1.0)
        check(r.status == "error" and r.content.get("ename") == "Interrupted",
              "expected an Interrupted error; got " + r.describe())
        check(took <= 3.0, "the reply came %.2f s after the interrupt (expected within 3 s)" % took)
        evalue = r.content.get("evalue") or ""
        check("stopped: spinner" in evalue and "sleeper" not in evalue,
              "the error should name the thread that ignored the interrupt (spinner) and not the one that "
              "stopped by it (sleeper); got " + short(evalue))
        check("spinner" in r.traceback_text(), "the error output does not name spinner: " + r.describe())
        a = int(k.value("spins.get()"))
        time.sleep(0.5)
        b = int(k.value("spins.get()"))
        check(a == b, "the spinning thread still runs after the interrupt: its counter went from %d to %d" % (a, b))
        alive = k.value('"" + spinner.isAlive() + sleeper.isAlive() + before')
        check(alive == 'falsefalse42', "spinner.isAlive(), sleeper.isAlive(), before: expected false, false, 42; got %s"
              % alive)
        return "reply %.2f s after interrupt" % took


def _raw_socket(k, channel):
    import zmq
    info = k.km.get_connection_info()
    sock = zmq.Context.instance().socket(zmq.DEALER)
    sock.setsockopt(zmq.LINGER, 0)
    sock.setsockopt(zmq.IDENTITY, ("raw-" + uuid.uuid4().hex[:8]).encode())
    sock.connect("%s://%s:%d" % (info["transport"], info["ip"], info["%s_port" % channel]))
    return sock


def _raw_reply(sock, session, msg_id, timeout):
    import zmq
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sock.poll(int(max(1, (deadline - time.monotonic()) * 1000)), zmq.POLLIN):
            frames = sock.recv_multipart()
            _, msg_frames = session.feed_identities(frames)
            msg = session.deserialize(msg_frames)
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg
    return None


@test
def tampered_signature(s):
    from jupyter_client.session import Session

    k = s.shared()
    good = k.kc.session
    check(good.key, "the connection has no HMAC key; the test needs one")
    evil = Session(key=b"not-the-key-" + uuid.uuid4().hex.encode(), signature_scheme=good.signature_scheme,
                   username=good.username)
    marker = os.path.join(s.tmp, "tampered-%s" % uuid.uuid4().hex[:8])
    content = {"code": 'java.nio.file.Files.createFile(java.nio.file.Path.of("%s"));' % marker, "silent": False,
               "store_history": False, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}
    sock = _raw_socket(k, "shell")
    try:
        # 1. signed with the wrong key
        bad = evil.msg("execute_request", dict(content))
        evil.send(sock, bad)
        # 2. signed with the right key, then the signature frame altered
        bad2 = good.msg("execute_request", dict(content))
        frames = good.serialize(bad2)
        i = frames.index(b"<IDS|MSG>")
        frames[i + 1] = frames[i + 1][:-4] + (b"0000" if frames[i + 1][-4:] != b"0000" else b"1111")
        sock.send_multipart(frames)
        # 3. no signature at all
        frames = good.serialize(good.msg("execute_request", dict(content)))
        frames[frames.index(b"<IDS|MSG>") + 1] = b""
        sock.send_multipart(frames)
        for m in (bad, bad2):
            reply = _raw_reply(sock, good, m["header"]["msg_id"], 0.5)
            check(reply is None, "the kernel replied to a message with a wrong HMAC signature: %s" % short(reply))
        r = k.execute("1 + 1", timeout=20)
        check(r.status == "ok" and r.result_text() == "2",
              "after wrongly signed messages, 1 + 1 gave " + r.describe())
        time.sleep(0.2)
        check(not os.path.exists(marker), "a wrongly signed execute_request ran: %s was created" % marker)
        # the raw path works when signed correctly, so the checks above are not vacuous
        ok = good.msg("execute_request", dict(content))
        good.send(sock, ok)
        reply = _raw_reply(sock, good, ok["header"]["msg_id"], 20)
        check(reply is not None and reply["content"].get("status") == "ok",
              "a correctly signed request on the raw socket was not answered: %s" % short(reply))
        check(os.path.exists(marker), "the correctly signed request did not create %s" % marker)
    finally:
        sock.close()


#: malformed multipart messages a peer without the key can send (name → frames after the routing id)
JUNK = [
    ("one frame, no <IDS|MSG> delimiter", [b"garbage"]),
    ("delimiter and one frame (too few frames)", [b"<IDS|MSG>", b"x"]),
    ("delimiter, empty signature, bad JSON", [b"<IDS|MSG>", b"", b"{", b"{", b"{", b"{"]),
    ("seven empty frames", [b""] * 7),
]


@test
def malformed_multipart(s):
    """Garbage on the shell and control sockets: each must be dropped, and the next request answered."""
    problems = []
    with fresh_kernel() as k:
        k.ok("int before = 1;")
        for channel in ("shell", "control"):
            for name, frames in JUNK:
                sock = _raw_socket(k, channel)
                try:
                    sock.send_multipart(frames)
                    time.sleep(0.2)
                    try:
                        if channel == "shell":
                            r = k.execute("1 + 1", timeout=3)
                            good = r.status == "ok" and r.result_text() == "2"
                        else:
                            r = k.request("kernel_info_request", {}, channel="control", timeout=3)
                            good = r.content.get("implementation") == "scratchnet"
                        if not good:
                            problems.append("%s on %s: the next request gave %s" % (name, channel, r.describe()))
                    except TestFailure as e:
                        leaked = []
                        while sock.poll(200):
                            leaked.append(sock.recv_multipart())
                        problems.append("%s on %s: the next request from the real client got no reply (%s)%s"
                                        % (name, channel, e, "; its reply went to the garbage sender instead"
                                           if leaked else ""))
                finally:
                    sock.close()
        r = k.execute("before", timeout=10)
        check(r.status == "ok" and r.result_text() == "1", "after the garbage, `before` gave " + r.describe())
    check(not problems, " | ".join(problems))


@test
def magics(s):
    k = s.shared()
    r = k.execute("%%time\nThread.sleep(50);")
    check(r.status == "ok", "%%time cell failed: " + r.describe())
    check("Wall time" in r.stream(), "%%time: no 'Wall time' in stdout: " + r.describe())
    r = k.execute("%time 1+1")
    check(r.status == "ok", "%time 1+1 failed: " + r.describe())
    check("Wall time" in r.stream(), "%time: no 'Wall time' in stdout: " + r.describe())
    note = "%%time 1+1 result %r" % r.result_text()
    r = k.execute("%classpath /nonexistent.jar")
    check(r.status == "error", "%classpath /nonexistent.jar: expected an error; got " + r.describe())
    text = (r.content.get("evalue") or "") + "\n" + r.traceback_text()
    check("does not exist" in text, "%classpath error does not say 'does not exist': " + short(text))
    r = k.execute("%foo")
    check(r.status == "error", "%foo: expected an error; got " + r.describe())
    text = (r.content.get("evalue") or "") + "\n" + r.traceback_text()
    for name in ("%classpath", "%maven", "%time"):
        check(name in text, "%%foo error does not list %s: %s" % (name, short(text)))
    return note


@test
def maven_magic(s):
    k = s.shared()
    r = k.execute("%maven org.apache.commons:commons-math3:3.6.1", timeout=180)
    check(r.status == "ok", "%maven commons-math3 failed (needs Maven Central): " + r.describe())
    check("commons-math3" in r.stream(), "%maven printed no resolved artifact: " + r.describe())
    r = k.execute("org.apache.commons.math3.util.ArithmeticUtils.gcd(12, 18)")
    check(r.status == "ok" and r.result_text() == "6", "a class from the resolved jar did not run: " + r.describe())
    r = k.execute("%maven not-a-coordinate")
    check(r.status == "error", "%maven with a bad coordinate: expected an error; got " + r.describe())
    text = (r.content.get("evalue") or "") + "\n" + r.traceback_text()
    check("group:artifact:version" in text, "%maven error does not say what it expects: " + short(text))
    return "resolved and used commons-math3"


def _shutdown_timed(k):
    """Sends shutdown_request on control; returns (reply seconds, process exit seconds, exit status)."""
    proc = k.process()
    check(proc is not None, "no kernel process handle")
    kids = _java_children(proc.pid)
    msg = k.kc.session.msg("shutdown_request", {"restart": False})
    t0 = time.monotonic()
    k.kc.control_channel.send(msg)
    reply, t_reply = k.wait_reply(msg["header"]["msg_id"], 25, channel="control")
    reply_s = t_reply - t0
    exit_s = None
    while time.monotonic() - t0 < 25:
        if proc.poll() is not None:
            exit_s = time.monotonic() - t0
            break
        time.sleep(0.005)
    check(reply["content"].get("status", "ok") == "ok", "shutdown_reply status %r" % reply["content"].get("status"))
    note = "" if "status" in reply["content"] else "; shutdown_reply has no status field"
    check(reply["content"].get("restart") is False, "shutdown_reply restart %r" % reply["content"].get("restart"))
    check(exit_s is not None, "the kernel process had not exited 25 s after shutdown_request")
    while time.monotonic() - t0 < 25 and any(_is_running(p) for p in kids):
        time.sleep(0.01)
    alive = [p for p in kids if _is_running(p)]
    check(not alive, "the cell JVM %s still runs after the kernel exited" % alive)
    check(reply_s <= 0.5 and exit_s <= 1.5, "shutdown_reply after %.3f s (expected <= 0.5 s), process exit after "
          "%.3f s (expected <= 1.5 s)" % (reply_s, exit_s))
    return "reply %.3f s, exit %.3f s (exit status %s)%s" % (reply_s, exit_s, proc.poll(), note)


@test
def shutdown_fast(s):
    """Shutting down a kernel that has run a cell and is idle."""
    k = Kernel()
    try:
        k.ok("var v = 1;")
        time.sleep(0.2)
        return _shutdown_timed(k)
    finally:
        k.shutdown()


@test
def shutdown_right_after_start(s):
    """Shutting down as soon as the kernel answered kernel_info (the cell JVM may still be starting)."""
    k = Kernel()
    try:
        return _shutdown_timed(k)
    finally:
        k.shutdown()


@test
def restart(s):
    with fresh_kernel() as k:
        k.ok("var v = 7;")
        old_pid = k.pid()
        kids_before = _java_children(old_pid) if old_pid else []
        t0 = time.monotonic()
        k.km.restart_kernel()
        k.kc.wait_for_ready(timeout=STARTUP_TIMEOUT_S)
        took = time.monotonic() - t0
        r = k.execute("v")
        check(r.status == "error" and r.content.get("ename") == "CompileError",
              "after restart, `v` should be a compile error; got " + r.describe())
        check(k.value("1+1") == "2", "1+1 after restart")
        stale = [p for p in kids_before if os.path.exists("/proc/%d" % p) and _is_running(p)]
        check(not stale, "the old cell JVM %s survived the restart" % stale)
        return "restart took %.2f s" % took


def _is_running(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@test
def nbclient_notebook(s):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Java (scratchnet)", "language": "java"}
    nb.cells = [nbformat.v4.new_code_cell(FIT_000_RUN), nbformat.v4.new_code_cell(CHART_CELL)]
    client = NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=120, startup_timeout=STARTUP_TIMEOUT_S)
    client.execute()
    outs = [o for c in nb.cells for o in c.get("outputs", [])]
    text = "".join(o.get("text", "") for o in outs if o.get("output_type") == "stream")
    check("loss" in text, "no stream output containing 'loss'; outputs %s" % short([o.get("output_type") for o in outs]))
    errs = [o for o in outs if o.get("output_type") == "error"]
    check(not errs, "error outputs: %s" % short(errs))
    check(any("image/png" in o.get("data", {}) for o in outs), "no image/png output; outputs %s"
          % short([(o.get("output_type"), list(o.get("data", {}))) for o in outs]))
    try:
        nbformat.validate(nb)
    except Exception as e:
        raise TestFailure("nbformat.validate failed: %s" % short(str(e), 400))
    return "%d outputs" % len(outs)


# ---------------------------------------------------------------------------- runner


def _alarm(signum, frame):
    raise TestTimeout()


def main(argv=None, tests=None):
    """Runs `tests` (this file's TESTS unless given) as the command line says."""
    tests = TESTS if tests is None else tests
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--jupyter-path", help="directory holding kernels/scratchnet/kernel.json")
    p.add_argument("--list", action="store_true", help="print the test names and exit")
    p.add_argument("--only", help="comma-separated test names to run")
    args = p.parse_args(argv)
    names = [t.__name__ for t in tests]
    if args.list:
        print("\n".join(names))
        return 0
    if not args.jupyter_path:
        p.error("--jupyter-path DIR is required (DIR/kernels/%s/kernel.json)" % KERNEL_NAME)
    spec = os.path.join(args.jupyter_path, "kernels", KERNEL_NAME, "kernel.json")
    if not os.path.isfile(spec):
        p.error("expected the kernelspec %s; it does not exist" % spec)
    selected = tests
    if args.only:
        wanted = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in wanted if n not in names]
        if unknown:
            p.error("unknown test(s) %s; known: %s" % (", ".join(unknown), ", ".join(names)))
        selected = [t for t in tests if t.__name__ in wanted]

    os.environ["JUPYTER_PATH"] = os.path.abspath(args.jupyter_path)
    runtime = tempfile.mkdtemp(prefix="scratchnet-jupyter-runtime-")
    os.environ["JUPYTER_RUNTIME_DIR"] = runtime
    global LOG_DIR
    LOG_DIR = runtime
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    signal.signal(signal.SIGALRM, _alarm)

    suite = Suite()
    passed = failed = 0
    try:
        for t in selected:
            t0 = time.monotonic()
            signal.alarm(TEST_BUDGET_S)
            try:
                note = t(suite)
                signal.alarm(0)
                passed += 1
                print("PASS %s (%.2fs)%s" % (t.__name__, time.monotonic() - t0, " " + note if note else ""), flush=True)
            except TestTimeout:
                failed += 1
                print("FAIL %s: exceeded the %d s test budget" % (t.__name__, TEST_BUDGET_S), flush=True)
            except TestFailure as e:
                signal.alarm(0)
                failed += 1
                print("FAIL %s: %s" % (t.__name__, " ".join(str(e).split("\n"))), flush=True)
            except Exception as e:
                signal.alarm(0)
                failed += 1
                where = traceback.extract_tb(e.__traceback__)[-1]
                print("FAIL %s: %s: %s (at %s:%d)" % (t.__name__, type(e).__name__, " ".join(str(e).split("\n")),
                                                     os.path.basename(where.filename), where.lineno), flush=True)
            print_kernel_logs()
    finally:
        signal.alarm(0)
        suite.close()
        print_kernel_logs()
        shutil.rmtree(runtime, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
