#!/usr/bin/env python3
"""Tests of the scratchnet kernel's Jupyter debugger (debug_request on control, debug_event on IOPub).

The requests are the ones JupyterLab's debugger sends, in its order. Run like kernel_tests.py,
whose Kernel class, checks and runner it uses:

    /usr/bin/python3 src/test/python/debugger_tests.py --jupyter-path DIR      # DIR/kernels/scratchnet/kernel.json
    /usr/bin/python3 src/test/python/debugger_tests.py --list
"""

import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kernel_tests as kt  # noqa: E402
from kernel_tests import check, short  # noqa: E402

TESTS = []

#: the arguments JupyterLab sends with initialize
INITIALIZE = {"clientID": "jupyterlab", "clientName": "JupyterLab", "adapterID": "scratchnet", "pathFormat": "path",
              "linesStartAt1": True, "columnsStartAt1": True, "supportsVariableType": True,
              "supportsVariablePaging": True, "supportsRunInTerminalRequest": True, "locale": "en"}


def test(fn):
    TESTS.append(fn)
    return fn


def murmur2(text, seed):
    """32-bit MurmurHash2 of text's UTF-8 bytes, as JupyterLab's debugger (hash.ts) computes it."""
    data = text.encode("utf-8")
    m = 0x5BD1E995
    length = len(data)
    h = (seed ^ length) & 0xFFFFFFFF
    i = 0
    while length - i >= 4:
        k = data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24
        k = (k * m) & 0xFFFFFFFF
        k ^= k >> 24
        k = (k * m) & 0xFFFFFFFF
        h = ((h * m) & 0xFFFFFFFF) ^ k
        i += 4
    rest = length - i
    if rest == 3:
        h ^= data[i + 2] << 16
    if rest >= 2:
        h ^= data[i + 1] << 8
    if rest >= 1:
        h ^= data[i]
        h = (h * m) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * m) & 0xFFFFFFFF
    h ^= h >> 15
    return h


def _iopub_line(msg):
    """One IOPub message in a few words, for a failure message."""
    c = msg["content"]
    kind = msg["msg_type"]
    if kind == "status":
        return "status %s (%s)" % (c.get("execution_state", "?"), msg.get("parent_header", {}).get("msg_type"))
    if kind == "stream":
        return "%s %r" % (c.get("name"), c.get("text", "")[:80])
    if kind == "error":
        return "error %s: %s" % (c.get("ename"), c.get("evalue", "")[:120])
    if kind == "debug_event":
        return "debug_event " + str(c.get("event"))
    return kind


class Debug:
    """Sends debug requests on control with increasing seq, as JupyterLab does."""

    def __init__(self, k):
        self.k = k
        self.seq = 0

    def request(self, command, arguments=None, timeout=10):
        """The debug_reply content for a request; `arguments` None leaves the key out (as JupyterLab's first debugInfo)."""
        content = {"type": "request", "seq": self.seq, "command": command}
        self.seq += 1
        if arguments is not None:
            content["arguments"] = arguments
        msg = self.k.kc.session.msg("debug_request", content)
        self.k.kc.control_channel.send(msg)
        reply, _ = self.k.wait_reply(msg["header"]["msg_id"], timeout, channel="control")
        check(reply["msg_type"] == "debug_reply", "%s: expected a debug_reply; got %s" % (command, reply["msg_type"]))
        c = reply["content"]
        check(c.get("type") == "response" and c.get("command") == command and c.get("request_seq") == content["seq"],
              "%s: the reply is not its response: %s" % (command, short(c)))
        return c

    def ok(self, command, arguments=None, timeout=10):
        c = self.request(command, arguments, timeout)
        check(c.get("success") is True, "%s failed: %s" % (command, short(c)))
        return c.get("body", {})

    def event(self, name, timeout=10, seen=None):
        """The next debug_event named `name` on IOPub (other messages are skipped; events passed go to `seen`)."""
        deadline = time.monotonic() + timeout
        skipped = []
        while time.monotonic() < deadline:
            msg = self.k._poll("iopub", 0.2)
            if msg is None:
                continue
            if msg["msg_type"] == "debug_event":
                if seen is not None:
                    seen.append(msg["content"].get("event"))
                if msg["content"].get("event") == name:
                    return msg["content"]
            skipped.append(_iopub_line(msg))
        raise kt.TestFailure("no %s debug_event within %.0f s; IOPub meanwhile: %s"
                             % (name, timeout, "; ".join(skipped[-8:]) or "nothing"))

    def start(self):
        """initialize, attach and the initialized event, as JupyterLab starts its debugger."""
        self.ok("debugInfo")
        caps = self.ok("initialize", INITIALIZE)
        check(caps.get("supportsConfigurationDoneRequest") is True, "initialize: capabilities %s" % short(caps))
        self.ok("attach", {})
        self.event("initialized")
        return self.ok("debugInfo", {})


@test
def kernel_says_it_debugs(s):
    """kernel_info says debugger: true and lists the feature; the kernelspec's metadata says so for JupyterLab."""
    k = s.shared()
    c = k.request("kernel_info_request", {}).content
    check(c.get("debugger") is True, "kernel_info debugger: %r" % c.get("debugger"))
    check("debugger" in c.get("supported_features", []), "kernel_info supported_features: %r" % c.get("supported_features"))
    spec = kt.os.path.join(os.environ["JUPYTER_PATH"], "kernels", kt.KERNEL_NAME, "kernel.json")
    import json
    with open(spec) as f:
        metadata = json.load(f).get("metadata", {})
    check(metadata.get("debugger") is True, "kernelspec metadata: %r" % metadata)


@test
def debug_session_round_trip(s):
    """initialize, attach, debugInfo, dumpCell, setBreakpoints, source, disconnect; the cell file's name is JupyterLab's."""
    k = s.shared()
    d = Debug(k)
    first = d.ok("debugInfo")
    check(first.get("isStarted") is False, "debugInfo before initialize: isStarted %s" % first.get("isStarted"))
    info = d.start()
    check(info.get("isStarted") is True, "debugInfo after attach: isStarted %s" % info.get("isStarted"))
    check(info.get("hashMethod") == "Murmur2", "hashMethod %s" % info.get("hashMethod"))
    prefix, suffix, seed = info.get("tmpFilePrefix"), info.get("tmpFileSuffix"), info.get("hashSeed")
    check(isinstance(prefix, str) and prefix.endswith(os.sep) and os.path.isdir(prefix),
          "tmpFilePrefix should be a directory ending with %s: %s" % (os.sep, prefix))
    check(suffix == ".java", "tmpFileSuffix %s" % suffix)
    check(isinstance(seed, int), "hashSeed %s" % seed)
    check(info.get("richRendering") is True and info.get("stoppedThreads") == [] and info.get("breakpoints") == [],
          "debugInfo: %s" % short(info))

    code = 'var größe = "€😀";\nint twice = größe.length() * 2;\ntwice'
    path = d.ok("dumpCell", {"code": code})["sourcePath"]
    expected = prefix + str(murmur2(code, seed)) + suffix
    check(path == expected, "dumpCell: sourcePath %s; JupyterLab computes %s" % (path, expected))
    with open(path, encoding="utf-8") as f:
        check(f.read() == code, "the cell file does not hold the cell's code")

    bps = d.ok("setBreakpoints", {"breakpoints": [{"line": 2}, {"line": 9}], "source": {"path": path},
                                  "sourceModified": False})["breakpoints"]
    check(len(bps) == 2 and bps[0].get("verified") is True and bps[0].get("line") == 2
          and bps[0].get("source", {}).get("path") == path, "setBreakpoints line 2: %s" % short(bps))
    check(bps[1].get("verified") is False, "a breakpoint past the cell's 3 lines should not be verified: %s" % short(bps))
    info = d.ok("debugInfo", {})
    check(info.get("breakpoints") == [{"source": path, "breakpoints": [{"line": 2}]}],
          "debugInfo breakpoints: %s" % short(info.get("breakpoints")))
    src = d.ok("source", {"source": {"path": path}, "sourceReference": 0})
    check(src.get("content") == code, "source of the cell file: %s" % short(src))
    own = d.ok("source", {"source": {"path": "scratchnet-sources/scratchnet/nn/Network.java"}})
    check("class Network" in own.get("content", ""), "source of Network.java: %s" % short(own, 120))
    missing = d.request("source", {"source": {"path": prefix + "nope.java"}})
    check(missing.get("success") is False and "dumpCell" in missing.get("message", ""),
          "source of a file never dumped: %s" % short(missing))
    unknown = d.request("frobnicate", {})
    check(unknown.get("success") is False and "frobnicate" in unknown.get("message", ""),
          "an unknown command: %s" % short(unknown))
    check(d.ok("setExceptionBreakpoints", {"filters": []}) == {"breakpoints": []}, "setExceptionBreakpoints []")
    refused = d.request("setExceptionBreakpoints", {"filters": ["userUnhandled"]})
    check(refused.get("success") is False and '"raised"' in refused.get("message", ""),
          "setExceptionBreakpoints with an unknown filter: %s" % short(refused))
    check(d.ok("modules", {}) == {"modules": [], "totalModules": 0}, "modules")
    d.ok("configurationDone", {})
    d.ok("disconnect", {"restart": False, "terminateDebuggee": False})
    info = d.ok("debugInfo", {})
    check(info.get("isStarted") is False and info.get("breakpoints") == [],
          "debugInfo after disconnect: %s" % short(info))
    check(k.value("1 + 1") == "2", "a cell after the debug session")
    return "cell file %s" % os.path.basename(path)


def _stop_at(d, k, code, line, label=None):
    """Runs code with a breakpoint on `line`; returns (path, msg_id, sent, threadId, frames) once it stopped."""
    path = d.ok("dumpCell", {"code": code})["sourcePath"]
    d.ok("setBreakpoints", {"breakpoints": [{"line": line}], "source": {"path": path}, "sourceModified": False})
    d.ok("configurationDone", {})
    msg_id, sent = k.execute_async(code)
    try:
        stopped = d.event("stopped", 30)
    except kt.TestFailure as e:
        where = label or "the cell starting %r" % code.splitlines()[0][:60]
        raise kt.TestFailure("%s, breakpoint on line %d: %s" % (where, line, e))
    body = stopped.get("body", {})
    check(body.get("reason") == "breakpoint" and isinstance(body.get("threadId"), int),
          "stopped event: %s" % short(stopped))
    thread = body["threadId"]
    info = d.ok("debugInfo", {})
    check(thread in info.get("stoppedThreads", []), "debugInfo stoppedThreads %s lacks %s" % (info.get("stoppedThreads"), thread))
    frames = d.ok("stackTrace", {"threadId": thread})["stackFrames"]
    check(frames, "no stack frames")
    return path, msg_id, sent, thread, frames


def _scope_vars(d, frame):
    scopes = d.ok("scopes", {"frameId": frame["id"]})["scopes"]
    names = [sc["name"] for sc in scopes]
    check(names == ["Locals", "Globals"], "scopes %s" % names)
    out = {}
    for sc in scopes:
        variables = d.ok("variables", {"variablesReference": sc["variablesReference"]})["variables"]
        out[sc["name"]] = {v["name"]: v for v in variables}
    return out


@test
def breakpoints_hold_in_every_new_cell(s):
    """Once the Variables panel has listed the Globals, each new cell still stops at its breakpoint (JDI learns of its class late)."""
    with kt.fresh_kernel() as k:
        d = Debug(k)
        d.start()
        path, msg_id, sent, thread, frames = _stop_at(d, k, 'int first = 1;\nint second = first + 1;', 2)
        check("first" in _scope_vars(d, frames[0])["Globals"], "Globals at the first stop")
        d.ok("continue", {"threadId": thread})
        check(k.collect(msg_id, sent, 30).status == "ok", "the first cell after continue")
        for n in range(6):
            code = "int v%d = %d;\nint w%d = v%d * 2;\nSystem.out.println(w%d);" % (n, n, n, n, n)
            path, msg_id, sent, thread, frames = _stop_at(d, k, code, 2, label="new cell %d of 6" % (n + 1))
            check(frames[0].get("line") == 2, "new cell %d stopped at %s" % (n + 1, short(frames[0])))
            d.ok("continue", {"threadId": thread})
            r = k.collect(msg_id, sent, 30)
            check(r.status == "ok" and r.stream() == "%d\n" % (2 * n), "new cell %d after continue: %s" % (n + 1, r.describe()))


@test
def breakpoint_stops_and_continues(s):
    """A breakpoint on line 2 of a 3-line cell stops there; the frame, Globals and Locals show; continue finishes the cell."""
    with kt.fresh_kernel() as k:
        d = Debug(k)
        d.start()
        k.ok("1 + 1")   # JShell names the value $1
        k.ok('int[] arr = {3, 4};\nString word = "hi";')
        code = 'int x = 40;\nint y = x + 2;\nSystem.out.println("y=" + y);'
        path, msg_id, sent, thread, frames = _stop_at(d, k, code, 2)
        top = frames[0]
        check(top.get("source", {}).get("path") == path and top.get("line") == 2,
              "top frame should be the cell's line 2 at %s; got %s" % (path, short(top)))
        scopes = _scope_vars(d, top)
        x = scopes["Globals"].get("x")
        check(x is not None and x.get("value") == "40" and x.get("type") == "int",
              "Globals should hold x = 40 (line 1); got %s" % short(scopes["Globals"]))
        check("y" not in scopes["Globals"] or scopes["Globals"]["y"]["value"] == "0",
              "y is not assigned before line 2 runs: %s" % short(scopes["Globals"].get("y")))
        arr, word = scopes["Globals"].get("arr", {}), scopes["Globals"].get("word", {})
        check(arr.get("value") == "int[2] {3, 4}" and arr.get("variablesReference", 0) > 0 and word.get("value") == '"hi"',
              "Globals arr and word: %s, %s" % (short(arr), short(word)))
        elements = d.ok("variables", {"variablesReference": arr["variablesReference"]})["variables"]
        check([(v["name"], v["value"]) for v in elements] == [("[0]", "3"), ("[1]", "4")],
              "arr's elements: %s" % short(elements))
        hidden = [n for n in list(scopes["Locals"]) + list(scopes["Globals"]) if n.endswith("_") or "$" in n]
        check(not hidden, "JShell's own variables should not show: %s" % hidden)
        d.ok("continue", {"threadId": thread})
        d.event("continued")
        r = k.collect(msg_id, sent, 30)
        check(r.status == "ok" and r.stream() == "y=42\n", "the cell after continue: " + r.describe())
        return "stopped at %s:%d" % (os.path.basename(path), top["line"])


@test
def step_over_and_into_a_method(s):
    """next goes to the cell's next line; a breakpoint in a method of a cell run before the debugger was on stops there."""
    with kt.fresh_kernel() as k:
        d = Debug(k)
        # the method's cell runs before the debugger is switched on
        method = "int twice(int n) {\n    int m = n * 2;\n    return m;\n}"
        k.ok(method)
        d.start()
        mpath = d.ok("dumpCell", {"code": method})["sourcePath"]
        d.ok("setBreakpoints", {"breakpoints": [{"line": 3}], "source": {"path": mpath}, "sourceModified": False})
        code = "int a = 5;\nint b = twice(a);\nSystem.out.println(b);"
        cpath, msg_id, sent, thread, frames = _stop_at(d, k, code, 1)
        check(frames[0]["source"]["path"] == cpath and frames[0]["line"] == 1, "first stop: %s" % short(frames[0]))
        d.ok("next", {"threadId": thread})
        seen = []
        stopped = d.event("stopped", 20, seen)["body"]
        check(stopped.get("reason") == "step", "after next: %s" % short(stopped))
        # JupyterLab clears its stopped state on continued: it must come before the next stopped
        check(seen == ["continued", "stopped"], "events after next: expected continued, stopped; got %s" % seen)
        frames = d.ok("stackTrace", {"threadId": thread})["stackFrames"]
        check(frames[0]["source"]["path"] == cpath and frames[0]["line"] == 2, "after next: %s" % short(frames[0]))
        d.ok("continue", {"threadId": thread})
        stopped = d.event("stopped", 20)["body"]
        frames = d.ok("stackTrace", {"threadId": stopped["threadId"]})["stackFrames"]
        where = [(f.get("source", {}).get("path"), f["line"]) for f in frames]
        check(where[:2] == [(mpath, 3), (cpath, 2)],
              "in twice: expected the method's line 3, then the calling cell's line 2; got %s" % short(where))
        local = _scope_vars(d, frames[0])["Locals"]
        check(local.get("n", {}).get("value") == "5" and local.get("m", {}).get("value") == "10",
              "twice's locals: %s" % short(local))
        d.ok("continue", {"threadId": stopped["threadId"]})
        r = k.collect(msg_id, sent, 30)
        check(r.status == "ok" and r.stream() == "10\n", "the cell after continue: " + r.describe())


@test
def step_into_scratchnet_and_out(s):
    """stepIn from a cell enters scratchnet's own code, whose source the kernel serves; stepOut comes back to the cell."""
    with kt.fresh_kernel() as k:
        d = Debug(k)
        d.start()
        code = "var xs = arange(0, 1, 0.25);\nSystem.out.println(xs.cols());"
        path, msg_id, sent, thread, frames = _stop_at(d, k, code, 1)
        threads = d.ok("threads", {})["threads"]
        check([t["id"] for t in threads] == [thread], "threads: %s" % short(threads))
        d.ok("stepIn", {"threadId": thread})
        check(d.event("stopped", 20)["body"].get("reason") == "step", "no step stop after stepIn")
        frames = d.ok("stackTrace", {"threadId": thread})["stackFrames"]
        top = frames[0]
        src = top.get("source", {}).get("path", "")
        check(src == "scratchnet-sources/scratchnet/Dsl.java" and top.get("line", 0) > 0 and "arange" in top.get("name", ""),
              "after stepIn: expected Dsl.arange in scratchnet's sources; got %s" % short(top))
        check(frames[1].get("source", {}).get("path") == path and frames[1]["line"] == 1,
              "the caller should be the cell's line 1: %s" % short(frames[1]))
        text = d.ok("source", {"source": {"path": src}})["content"]
        check("public static Matrix arange(" in text, "source of Dsl.java: %s" % short(text, 120))
        d.ok("stepOut", {"threadId": thread})
        check(d.event("stopped", 20)["body"].get("reason") == "step", "no step stop after stepOut")
        frames = d.ok("stackTrace", {"threadId": thread})["stackFrames"]
        check(frames[0].get("source", {}).get("path") == path and frames[0]["line"] == 1,
              "after stepOut: expected the cell's line 1; got %s" % short(frames[0]))
        d.ok("continue", {"threadId": thread})
        r = k.collect(msg_id, sent, 30)
        check(r.status == "ok" and r.stream() == "4\n", "the cell after continue: " + r.describe())


@test
def pause_a_running_cell(s):
    """pause stops a busy cell where it is (reason pause); continue lets it run on; an interrupt then ends it."""
    with kt.fresh_kernel() as k:
        d = Debug(k)
        d.start()
        k.ok("Matrix pm = zeros(2, 3);")
        code = "long n = 0;\nwhile (true) {\n    n++;\n}"
        path = d.ok("dumpCell", {"code": code})["sourcePath"]
        d.ok("configurationDone", {})
        msg_id, sent = k.execute_async(code)
        # the first cell of a fresh kernel may take a while to start, and the loop starts once JShell has
        # compiled it: on a busy machine that can take more than a second, so ask until it runs
        deadline = time.monotonic() + 15
        while True:
            time.sleep(1.0)
            paused = d.request("pause", {"threadId": 1})
            if paused.get("success") is True or time.monotonic() > deadline:
                break
        check(paused.get("success") is True, "pause failed: %s" % short(paused))
        body = d.event("stopped", 10)["body"]
        check(body.get("reason") == "pause", "stopped after pause: %s" % short(body))
        frames = d.ok("stackTrace", {"threadId": body["threadId"]})["stackFrames"]
        check(frames[0].get("source", {}).get("path") == path and frames[0]["line"] in (2, 3),
              "paused in the loop: expected the cell's line 2 or 3; got %s" % short(frames[0]))
        n = _scope_vars(d, frames[0])["Globals"].get("n", {})
        check(int(n.get("value", "0")) > 0, "n after a second of counting: %s" % short(n))
        m = d.ok("evaluate", {"expression": "pm", "frameId": frames[0]["id"], "context": "watch"})
        check(m.get("result", "").startswith("Matrix 2×3"), "evaluate pm in the paused frame: %s" % short(m))
        call = d.request("evaluate", {"expression": "pm.shape()", "frameId": frames[0]["id"], "context": "watch"})
        check(call.get("success") is False and "paused" in call.get("message", ""),
              "a call in a paused thread (JDI calls need a thread stopped by an event): %s" % short(call))
        d.ok("continue", {"threadId": body["threadId"]})
        r = k.request("interrupt_request", {}, channel="control", timeout=5)
        cell = k.collect(msg_id, sent, 20)
        check(cell.status == "error" and cell.content.get("ename") == "Interrupted", "after the interrupt: " + cell.describe())
        idle = d.request("pause", {"threadId": 1})
        check(idle.get("success") is False and "no cell is running" in idle.get("message", ""),
              "pause with no cell running: %s" % short(idle))
        return "n = %s when paused" % n.get("value")


@test
def disconnect_releases_a_stopped_cell(s):
    """Switching the debugger off while a cell is stopped lets the cell finish; its breakpoints stop nothing more."""
    with kt.fresh_kernel() as k:
        d = Debug(k)
        d.start()
        code = "int total = 0;\nfor (int i = 1; i <= 3; i++) {\n    total += i;\n}\nSystem.out.println(total);"
        path, msg_id, sent, thread, frames = _stop_at(d, k, code, 3)
        d.ok("disconnect", {"restart": False, "terminateDebuggee": False})
        r = k.collect(msg_id, sent, 20)
        check(r.status == "ok" and r.stream() == "6\n", "the cell after disconnect: " + r.describe())
        again = k.execute(code, timeout=20)
        check(again.status == "ok" and again.stream() == "6\n", "the cell run again: " + again.describe())


@test
def interrupt_while_stopped(s):
    """An interrupt ends a cell stopped at a breakpoint in a loop; the next cell runs without stopping."""
    with kt.fresh_kernel() as k:
        d = Debug(k)
        d.start()
        code = "long sum = 0;\nfor (int i = 0; i < 1000000000; i++) {\n    sum += i;\n}"
        path, msg_id, sent, thread, frames = _stop_at(d, k, code, 3)
        check(frames[0]["line"] == 3, "stopped at %s" % short(frames[0]))
        t_int = time.monotonic()
        r = k.request("interrupt_request", {}, channel="control", timeout=5)
        check(r.status == "ok", "interrupt_request: " + r.describe())
        cell = k.collect(msg_id, sent, (t_int - sent) + 15)
        check(cell.status == "error" and cell.content.get("ename") == "Interrupted",
              "the stopped cell after the interrupt: " + cell.describe())
        took = cell.reply_time - t_int
        check(took <= 5.0, "the cell ended %.1f s after the interrupt" % took)
        check(k.value("1 + 2") == "3", "a cell after the interrupt")
        return "ended %.2f s after the interrupt" % took


def _vars(d, ref, **page):
    args = {"variablesReference": ref}
    args.update(page)
    return d.ok("variables", args)["variables"]


@test
def scratchnet_values_are_readable(s):
    """Stopped: a Matrix shows shape and statistics and opens into paged rows; a Network its layers; a History its steps."""
    with kt.fresh_kernel() as k:
        d = Debug(k)
        d.start()
        k.ok("Matrix dz = arange(0, 2500, 1).reshape(25, 100);\nMatrix big = zeros(250, 4);\n"
             "Network model = net(1, 25, 1).sigmoid().linear();\n"
             "History h = model.fit(arange(0, 1, 0.1), arange(0, 1, 0.1), lr(0.1), iters(30));\n"
             "Matrix none = zeros(0, 3);\nMatrix flat = zeros(4, 0);")
        code = "Matrix half = dz.mul(0.5);\nint after = 1;"
        path, msg_id, sent, thread, frames = _stop_at(d, k, code, 2)
        g = _scope_vars(d, frames[0])["Globals"]
        dz = g.get("dz", {})
        # 0 … 2499: mean 1249.5, population std √((2500² − 1)/12) = 721.69
        check(dz.get("value") == "Matrix 25×100  mean 1250  std 721.7  min 0  max 2499",
              "dz's summary: %s" % short(dz))
        check(dz.get("indexedVariables") == 25 and dz.get("variablesReference", 0) > 0, "dz's rows: %s" % short(dz))
        half = g.get("half", {})
        check(half.get("value", "").startswith("Matrix 25×100  mean 624.8"), "half, assigned on line 1: %s" % short(half))
        rows = _vars(d, dz["variablesReference"])
        names = [v["name"] for v in rows]
        check(names == ["[%d]" % i for i in range(25)] + ["(fields)"], "dz's children: %s" % names)
        check(rows[3]["value"] == "[300, 301, 302, 303, 304, 305, 306, 307, …, 398, 399]  (100 values)",
              "dz[3]: %s" % short(rows[3]))
        check(rows[3].get("evaluateName") == "dz[3]", "dz[3]'s evaluateName: %s" % short(rows[3]))
        again = d.ok("evaluate", {"expression": rows[3]["evaluateName"], "frameId": frames[0]["id"], "context": "watch"})
        check(again.get("result") == rows[3]["value"], "evaluate dz[3]: %s" % short(again))
        page = _vars(d, dz["variablesReference"], start=20, count=3)
        check([v["name"] for v in page] == ["[20]", "[21]", "[22]"], "rows 20..22: %s" % short(page))
        tail = _vars(d, rows[3]["variablesReference"], start=97, count=10)
        check([(v["name"], v["value"]) for v in tail] == [("[97]", "397"), ("[98]", "398"), ("[99]", "399")],
              "the end of row 3: %s" % short(tail))
        fields = _vars(d, rows[-1]["variablesReference"])
        check(sorted(v["name"] for v in fields) == ["cols", "data", "rows"], "dz's raw fields: %s" % short(fields))
        big = _vars(d, g["big"]["variablesReference"])
        check(len(big) == 102 and big[100]["name"] == "…" and "150 more" in big[100]["value"],
              "a 250-row matrix lists 100 rows and says how many more: %s" % short(big[98:]))
        check(g.get("none", {}).get("value") == "Matrix 0×3" and g.get("flat", {}).get("value") == "Matrix 4×0",
              "matrices without values: %s, %s" % (short(g.get("none")), short(g.get("flat"))))
        flat_rows = _vars(d, g["flat"]["variablesReference"])
        check([(v["name"], v["value"]) for v in flat_rows[:4]] == [("[%d]" % i, "[]  (0 values)") for i in range(4)],
              "the rows of a 4×0 matrix: %s" % short(flat_rows))
        check([v["name"] for v in _vars(d, g["none"]["variablesReference"])] == ["(fields)"], "a 0×3 matrix has no rows")
        check(g.get("model", {}).get("value") == "Network 1-25-1 sigmoid, linear (76 parameters)",
              "model: %s" % short(g.get("model")))
        check(g.get("h", {}).get("value", "").startswith("History 30 steps, last loss "), "h: %s" % short(g.get("h")))
        layers = _vars(d, g["model"]["variablesReference"])
        check([(v["name"], v["value"]) for v in layers[:2]] == [("layer 1", "1 → 25, sigmoid (50 parameters)"),
                                                                 ("layer 2", "25 → 1, linear (26 parameters)")],
              "model's layers: %s" % short(layers))
        params = {v["name"]: v for v in _vars(d, layers[0]["variablesReference"])}
        check(params.get("w1", {}).get("evaluateName") == "model.layers[0].w", "w1's evaluateName: %s" % short(params))
        check(params.get("w1", {}).get("value", "").startswith("Matrix 25×1  mean ")
              and params.get("b1", {}).get("value", "").startswith("Matrix 25×1  mean ")
              and params.get("activation", {}).get("value") == "sigmoid", "layer 1's parameters: %s" % short(params))
        w1_rows = _vars(d, params["w1"]["variablesReference"], start=24, count=1)
        check(len(w1_rows) == 1 and w1_rows[0]["name"] == "[24]" and w1_rows[0]["value"].endswith("(1 value)"),
              "w1's last row: %s" % short(w1_rows))
        hidden = [n for n in g if "$JShell$" in n or "$" in n]
        check(not hidden, "Globals by the user's names only: %s" % hidden)
        d.ok("continue", {"threadId": thread})
        r = k.collect(msg_id, sent, 30)
        check(r.status == "ok", "the cell after continue: " + r.describe())
        return dz["value"]


@test
def evaluate_in_a_stopped_frame(s):
    """evaluate takes names, fields, indices and a Matrix's methods; anything else gets an error saying what works."""
    with kt.fresh_kernel() as k:
        d = Debug(k)
        caps = d.ok("initialize", INITIALIZE)
        check(caps.get("supportsEvaluateForHovers") is True, "initialize: supportsEvaluateForHovers %s" % short(caps))
        d.ok("attach", {})
        d.event("initialized")
        k.ok("Matrix dz = arange(0, 2500, 1).reshape(25, 100);\nNetwork model = net(1, 25, 1).sigmoid().linear();")
        code = "int[] counts = {4, 5, 6};\nint after = 1;"
        path, msg_id, sent, thread, frames = _stop_at(d, k, code, 2)
        fid = frames[0]["id"]

        def ev(expr, context="watch"):
            return d.request("evaluate", {"expression": expr, "frameId": fid, "context": context})

        def result(expr, context="watch"):
            r = ev(expr, context)
            check(r.get("success") is True, "evaluate %s: %s" % (expr, short(r)))
            return r["body"]

        shape = result("dz.shape()")
        check(shape.get("result") == "int[2] {25, 100}", "dz.shape(): %s" % short(shape))
        check(result("dz.mean()", "hover").get("result") == "1249.5", "dz.mean()")
        check(result("dz.sum()", "repl").get("result") == str(sum(range(2500))) + ".0", "dz.sum()")
        check(result("dz.rows()").get("result") == "25", "dz.rows()")
        t = result("dz.T()")
        check(t.get("result", "").startswith("Matrix 100×25") and t.get("variablesReference", 0) > 0, "dz.T(): %s" % short(t))
        check(result("dz[2]").get("result", "").startswith("[200, 201,"), "dz[2]")
        check(result("dz[2][99]").get("result") == "299.0", "dz[2][99]")
        check(result("counts[1]").get("result") == "5", "counts[1]")
        check(result("counts.length").get("result") == "3", "counts.length")
        check(result("dz.rows").get("result") == "25", "the field dz.rows")
        check(result("model.sizes").get("result") == "int[3] {1, 25, 1}", "model.sizes")
        bad = ev("dz.mul(2) + 1")
        check(bad.get("success") is False and "cannot evaluate" in bad.get("message", "")
              and "dz.shape()" in bad.get("message", ""), "an unsupported expression: %s" % short(bad))
        missing = ev("nope")
        check(missing.get("success") is False and "no variable nope" in missing.get("message", ""),
              "an unknown name: %s" % short(missing))
        out = ev("dz[25]")
        check(out.get("success") is False and "25 rows" in out.get("message", ""), "dz[25]: %s" % short(out))
        rich = d.ok("richInspectVariables", {"variableName": "dz", "frameId": fid})
        html = rich.get("data", {}).get("text/html", "")
        check("<table" in html and "(25×100)" in html and ">2499<" in html and "…" in html,
              "richInspectVariables of dz in the frame: %s" % short(rich, 300))
        d.ok("continue", {"threadId": thread})
        r = k.collect(msg_id, sent, 30)
        check(r.status == "ok", "the cell after continue: " + r.describe())


@test
def evaluate_while_the_cell_jvm_collects(s):
    """Results of evaluate stay readable while another thread keeps the cell JVM collecting garbage."""
    with kt.fresh_kernel() as k:
        d = Debug(k)
        d.ok("initialize", INITIALIZE)
        d.ok("attach", {})
        d.event("initialized")
        k.ok("Matrix dz = arange(0, 2500, 1).reshape(25, 100);\n"
             "var gc = new Thread(() -> { while (true) System.gc(); }, \"collector\");\n"
             "gc.setDaemon(true);\n"
             "gc.start();")
        path, msg_id, sent, thread, frames = _stop_at(d, k, "int a = 1;\nint b = 2;", 2)
        fid = frames[0]["id"]
        for n in range(10):
            r = d.request("evaluate", {"expression": "dz.T()", "frameId": fid, "context": "watch"})
            check(r.get("success") is True and r["body"].get("result", "").startswith("Matrix 100×25"),
                  "evaluate dz.T(), try %d of 10, while collecting: %s" % (n + 1, short(r)))
            rows = d.ok("variables", {"variablesReference": r["body"]["variablesReference"], "start": 99, "count": 1})
            check(rows["variables"] and rows["variables"][0]["value"].startswith("[99, 199,"),
                  "row 99 of dz.T(), try %d of 10: %s" % (n + 1, short(rows)))
            back = d.request("evaluate", {"expression": "dz.T().T().shape()", "frameId": fid, "context": "watch"})
            check(back.get("success") is True and back["body"].get("result") == "int[2] {25, 100}",
                  "evaluate dz.T().T().shape(), try %d of 10: %s" % (n + 1, short(back)))
        d.ok("continue", {"threadId": thread})
        r = k.collect(msg_id, sent, 90)  # slow: the collector thread holds the cell JVM at safepoints
        check(r.status == "ok", "the cell after continue: " + r.describe())


@test
def exception_breakpoints_stop_where_it_is_thrown(s):
    """raised stops where a diverging fit throws, with the message; uncaught stops on what ends a cell, not on what it catches."""
    with kt.fresh_kernel() as k:
        d = Debug(k)
        caps = d.ok("initialize", INITIALIZE)
        filters = [f.get("filter") for f in caps.get("exceptionBreakpointFilters", [])]
        check(filters == ["raised", "uncaught"], "exceptionBreakpointFilters %s" % filters)
        d.ok("attach", {})
        d.event("initialized")
        d.ok("setExceptionBreakpoints", {"filters": ["raised"]})
        d.ok("configurationDone", {})
        code = ("Matrix x = arange(0, 1, 0.01);\nNetwork m = net(1, 25, 1).sigmoid().linear();\n"
                "m.fit(x, x.mul(20), lr(1e6), iters(100));")
        msg_id, sent = k.execute_async(code)
        stopped = d.event("stopped", 30)["body"]
        check(stopped.get("reason") == "exception" and "TrainingDivergedException" in stopped.get("text", "")
              and "diverged" in stopped.get("description", ""), "stopped on the divergence: %s" % short(stopped))
        thread = stopped["threadId"]
        frames = d.ok("stackTrace", {"threadId": thread})["stackFrames"]
        check(frames[0]["name"].startswith("DivergenceCheck."), "the top frame: %s" % short(frames[0]))
        bias = d.ok("evaluate", {"expression": "m.layers[1].b", "frameId": frames[0]["id"], "context": "watch"})
        check("NaN" in bias.get("result", "") or "Infinity" in bias.get("result", ""),
              "the output bias when training diverged: %s" % short(bias))
        locals_ = _scope_vars(d, frames[0])["Locals"]
        check("s" in locals_ and "this" in locals_, "DivergenceCheck's locals: %s" % short(locals_))
        info = d.ok("exceptionInfo", {"threadId": thread})
        check(info.get("exceptionId") == "scratchnet.nn.TrainingDivergedException"
              and "smaller learning rate" in info.get("description", ""), "exceptionInfo: %s" % short(info))
        d.ok("continue", {"threadId": thread})
        r = k.collect(msg_id, sent, 30)
        check(r.status == "error" and r.content.get("ename", "").endswith("TrainingDivergedException"),
              "the cell after continue: " + r.describe())

        d.ok("setExceptionBreakpoints", {"filters": ["uncaught"]})
        caught = k.execute('int parsed;\ntry { parsed = Integer.parseInt("x"); } catch (NumberFormatException e) { parsed = -1; }\n'
                           'System.out.println(parsed);', timeout=20)
        check(caught.status == "ok" and caught.stream() == "-1\n", "a caught exception does not stop: " + caught.describe())
        msg_id, sent = k.execute_async("int[] two = new int[2];\nint third = two[2];")
        stopped = d.event("stopped", 30)["body"]
        check(stopped.get("reason") == "exception" and "ArrayIndexOutOfBoundsException" in stopped.get("text", ""),
              "stopped on the uncaught exception: %s" % short(stopped))
        frames = d.ok("stackTrace", {"threadId": stopped["threadId"]})["stackFrames"]
        check(frames[0].get("line") == 2, "stopped on the cell's line 2: %s" % short(frames[0]))
        d.ok("continue", {"threadId": stopped["threadId"]})
        r = k.collect(msg_id, sent, 30)
        check(r.status == "error", "the cell after continue: " + r.describe())
        d.ok("setExceptionBreakpoints", {"filters": []})
        again = k.execute("int[] three = new int[3];\nint fourth = three[3];", timeout=20)
        check(again.status == "error", "with no filters the cell just fails: " + again.describe())


@test
def next_in_scratchnet_code(s):
    """next in scratchnet's own code (entered by stepIn) stops at the method's next line, as in a cell."""
    with kt.fresh_kernel() as k:
        d = Debug(k)
        d.start()
        code = "var xs = arange(0, 1, 0.25);\nSystem.out.println(xs.cols());"
        path, msg_id, sent, thread, frames = _stop_at(d, k, code, 1)
        for _ in range(2):   # Dsl.arange, then Matrix.arange
            d.ok("stepIn", {"threadId": thread})
            d.event("stopped", 20)
        top = d.ok("stackTrace", {"threadId": thread})["stackFrames"][0]
        check(top.get("source", {}).get("path") == "scratchnet-sources/scratchnet/engine/Matrix.java"
              and "arange" in top.get("name", ""), "after two stepIn: expected Matrix.arange; got %s" % short(top))
        d.ok("next", {"threadId": thread})
        check(d.event("stopped", 20)["body"].get("reason") == "step", "no step stop after next")
        after = d.ok("stackTrace", {"threadId": thread})["stackFrames"][0]
        check(after.get("source", {}).get("path") == top["source"]["path"] and after.get("name") == top.get("name")
              and after["line"] > top["line"],
              "next in Matrix.arange from line %d: expected a later line of it; got %s" % (top["line"], short(after)))
        d.ok("continue", {"threadId": thread})
        r = k.collect(msg_id, sent, 30)
        check(r.status == "ok" and r.stream() == "4\n", "the cell after continue: " + r.describe())
        return "line %d to %d" % (top["line"], after["line"])


@test
def next_from_var_lines(s):
    """next from a var line (whose code JShell puts in a method of its own) goes to the cell's next line each time."""
    with kt.fresh_kernel() as k:
        d = Debug(k)
        d.start()
        code = "var xs = arange(0, 1, 0.25);\nvar n = xs.cols();\nvar c = xs.mul(n).sum();\nSystem.out.println(c);"
        path, msg_id, sent, thread, frames = _stop_at(d, k, code, 1)
        lines = [frames[0]["line"]]
        for _ in range(3):
            d.ok("next", {"threadId": thread})
            d.event("stopped", 20)
            lines.append(d.ok("stackTrace", {"threadId": thread})["stackFrames"][0]["line"])
        check(lines == [1, 2, 3, 4], "the lines of a breakpoint on line 1 and three Nexts: %s" % lines)
        d.ok("continue", {"threadId": thread})
        r = k.collect(msg_id, sent, 30)
        check(r.status == "ok" and r.stream() == "6.0\n", "the cell after continue: " + r.describe())


@test
def a_stepped_cell_runs_on_at_full_speed(s):
    """After a breakpoint and a Next in a loop, Continue runs the rest of the cell about as fast as a plain run."""
    with kt.fresh_kernel() as k:
        d = Debug(k)
        code = ("var xs = arange(0, 1, 0.01);\nvar w = zeros(25, 1).add(0.5);\nMatrix s = null;\n"
                "for (int it = 0; it < 3000; it++) {\n    s = w.dot(xs).sigmoid();\n    w = w.sub(s.dot(xs.T()).mul(0.001));\n}")
        k.ok(code, timeout=60)   # compiled and warm
        t = time.monotonic()
        k.ok(code, timeout=60)
        plain = time.monotonic() - t
        d.start()
        path, msg_id, sent, thread, frames = _stop_at(d, k, code, 5)
        d.ok("next", {"threadId": thread})
        d.event("stopped", 20)
        check(d.ok("stackTrace", {"threadId": thread})["stackFrames"][0]["line"] == 6, "next from line 5 should stop on 6")
        d.ok("setBreakpoints", {"breakpoints": [], "source": {"path": path}, "sourceModified": False})
        t = time.monotonic()
        d.ok("continue", {"threadId": thread})
        r = k.collect(msg_id, sent, 300)
        rest = time.monotonic() - t
        check(r.status == "ok", "the cell after continue: " + r.describe())
        # a JDI step would keep the thread in the interpreter to the cell's end: hundreds of times slower on JDK 17
        check(rest < 5 * plain + 2, "the rest of the stepped cell took %.2f s; a plain run %.2f s" % (rest, plain))
        return "rest %.2f s, plain run %.2f s" % (rest, plain)


def _notebook_000():
    """The code cells of notebook 000, and the one tagged faithful (the document's loop)."""
    import json
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "notebooks",
                        "000-sine-regression.ipynb")
    with open(path, encoding="utf-8") as f:
        cells = [c for c in json.load(f)["cells"] if c["cell_type"] == "code"]
    code = ["".join(c["source"]) for c in cells]
    faithful = ["".join(c["source"]) for c in cells if "faithful" in c.get("metadata", {}).get("tags", [])]
    check(len(faithful) == 1, "notebook 000 should have one cell tagged faithful; it has %d" % len(faithful))
    return code, faithful[0]


def _fields(d, variable):
    return {v["name"]: v["value"] for v in d.ok("variables", {"variablesReference": variable["variablesReference"]})["variables"]}


@test
def notebook_000_backward_walkthrough(s):
    """What notebook 000's section on stepping through backward describes: its loop's Locals and dz, scratchnet's Network.backward."""
    code, faithful = _notebook_000()
    step_cell = [c for c in code if "var grads = stepwise.backward(cache, y);" in c.splitlines()]
    check(len(step_cell) == 1, "notebook 000 should have one cell with the line `var grads = stepwise.backward(cache, y);`")
    with kt.fresh_kernel() as k:
        d = Debug(k)
        for c in code[:code.index(faithful)]:
            k.ok(c)
        d.start()
        lines = faithful.splitlines()
        check("    Matrix dz = al.sub(y);" in lines, "the faithful cell has no line `    Matrix dz = al.sub(y);`")
        path, msg_id, sent, thread, frames = _stop_at(d, k, faithful, lines.index("    Matrix dz = al.sub(y);") + 1)
        scopes = _scope_vars(d, frames[0])
        check({"it", "a", "z", "zl", "grads"} <= set(scopes["Locals"]) and "dz" not in scopes["Locals"]
              and scopes["Locals"]["it"]["value"] == "0", "the loop's Locals at the breakpoint: %s" % sorted(scopes["Locals"]))
        check({"x", "y", "params", "layers", "m", "al"} <= set(scopes["Globals"]) and scopes["Globals"]["m"]["value"] == "100",
              "Globals at the breakpoint: %s" % sorted(scopes["Globals"]))
        shapes = []
        for _ in range(7):
            d.ok("next", {"threadId": thread})
            d.event("stopped", 20)
            frames = d.ok("stackTrace", {"threadId": thread})["stackFrames"]
            local = _scope_vars(d, frames[0])["Locals"]
            # a Matrix reads as "Matrix 1×100  mean …"
            shape = re.match(r"Matrix (\d+)×(\d+)", local["dz"]["value"])
            check(shape is not None, "dz as the panel shows it: %r" % local["dz"]["value"])
            shapes.append((shape.group(1), shape.group(2), _fields(d, local["grads"])["size"]))
        check(shapes[0] == ("1", "100", "0") and shapes[1][2] == "1" and ("25", "100", "3") in shapes,
              "dz's shape and grads' size over seven Nexts: expected 1×100 with none, then one gradient, later 25×100 with"
              " three; got %s" % shapes)
        k.request("interrupt_request", {}, channel="control", timeout=5)
        cell = k.collect(msg_id, sent, 60)
        check(cell.status == "error" and cell.content.get("ename") == "Interrupted", "the stop button: " + cell.describe())
        d.ok("setBreakpoints", {"breakpoints": [], "source": {"path": path}, "sourceModified": False})
        for c in code[code.index(faithful) + 1:code.index(step_cell[0])]:
            k.ok(c, timeout=60)
        line = step_cell[0].splitlines().index("var grads = stepwise.backward(cache, y);") + 1
        path, msg_id, sent, thread, frames = _stop_at(d, k, step_cell[0], line)
        names = []
        for command in ("stepIn", "stepIn", "stepOut", "stepIn"):
            d.ok(command, {"threadId": thread})
            d.event("stopped", 20)
            frames = d.ok("stackTrace", {"threadId": thread})["stackFrames"]
            names.append(frames[0]["name"])
        check([f["name"] for f in frames] == ["Network.backward", "Network.backward", "cell"],
              "the Callstack in the four-argument backward: %s" % short([f["name"] for f in frames]))
        check(names == ["Network.backward", "Network.defaultLoss", "Network.backward", "Network.backward"]
              and frames[0]["source"]["path"] == "scratchnet-sources/scratchnet/nn/Network.java",
              "Step In, Step In, Step Out, Step In: expected Network.backward, defaultLoss, back, the four-argument"
              " backward; got %s" % names)
        local = _scope_vars(d, frames[0])["Locals"]
        check(["this", "cache", "y", "loss", "l2"] == list(local)[:5] and local["l2"]["value"] == "0.0"
              and local["this"]["value"].startswith("Network 1-25-1 sigmoid, linear"),
              "Network.backward's Locals: %s" % short(local))
        d.ok("continue", {"threadId": thread})
        r = k.collect(msg_id, sent, 60)
        check(r.status == "ok", "the one-step cell after continue: " + r.describe())


if __name__ == "__main__":
    sys.exit(kt.main(tests=TESTS))
