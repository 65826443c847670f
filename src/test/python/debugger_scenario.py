#!/usr/bin/env python3
"""JupyterLab 4's debugger on notebook 000, replayed message by message through jupyter_client.

The requests, their arguments and their order are those of @jupyterlab/debugger 4 (service.ts,
session.ts, handler.ts, handlers/editor.ts):

* a notebook opens: ``debugInfo`` (no arguments), ``debugInfo {}``; after every execute_reply
  ``modules {}``;
* the debugger switch: ``debugInfo {}``, ``initialize``, ``attach``, ``setExceptionBreakpoints
  {"filters": []}``, ``inspectVariables {}`` (no ``configurationDone``: JupyterLab sends that only
  for "Restart Kernel and Debug");
* a click in a cell's gutter: ``dumpCell {code}``, ``debugInfo {}``, ``setBreakpoints``;
* while the debugger is on and nothing is stopped, ``inspectVariables {}`` for every IOPub message
  of an execute_request, without waiting for the answers;
* a ``stopped`` event: ``stackTrace``, then ``scopes`` of the top frame and ``variables`` of every
  scope at once; a click on a variable: ``variables`` of its reference; a frame outside the
  notebook: ``source``;
* the toolbar: ``continue``/``next``/``stepIn`` with the stopped thread; "remove all breakpoints":
  ``setBreakpoints`` with ``[]`` for every source that had some.

The scenario runs the notebook's hand-written training loop (its forward, backward and update
steps) under the debugger and checks what a learner sees. Run like kernel_tests.py:

    /usr/bin/python3 src/test/python/debugger_scenario.py --jupyter-path DIR   # DIR/kernels/scratchnet/kernel.json
    /usr/bin/python3 src/test/python/debugger_scenario.py --list
"""

import glob
import json
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kernel_tests as kt  # noqa: E402
from kernel_tests import check, short  # noqa: E402
from debugger_tests import murmur2  # noqa: E402

TESTS = []

#: how far (relative) a loss printed under the debugger may be from the same cell's without it
LOSS_TOLERANCE = 1e-4

NOTEBOOK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "notebooks")

#: JupyterLab's initialize arguments (session.ts), adapterID being the kernel's name
INITIALIZE = {"clientID": "jupyterlab", "clientName": "JupyterLab", "adapterID": kt.KERNEL_NAME,
              "pathFormat": "path", "linesStartAt1": True, "columnsStartAt1": True, "supportsVariableType": True,
              "supportsVariablePaging": True, "supportsRunInTerminalRequest": True, "locale": "en"}


T0 = [time.monotonic()]


def step(what):
    """Prints where the scenario is, so a hang shows its place in the output."""
    print("  %6.1fs %s" % (time.monotonic() - T0[0], what), flush=True)


def test(fn):
    TESTS.append(fn)
    return fn


def notebook_000_cells():
    """(data cell, training cell) of notebook 000: the cell defining x and y, and the hand-written loop."""
    path = sorted(glob.glob(os.path.join(NOTEBOOK, "000*.ipynb")))
    check(path, "no notebooks/000*.ipynb")
    with open(path[0], encoding="utf-8") as f:
        nb = json.load(f)
    code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    data = [c for c in code if re.search(r"\bvar x = ", c) and re.search(r"\bvar y = ", c)]
    loop = [c for c in code if "for (int it = 0;" in c and re.search(r"\bdz\b", c)]
    check(len(data) == 1 and len(loop) == 1,
          "notebook 000 should have one cell defining x and y and one hand-written training loop with dz; "
          "found %d and %d" % (len(data), len(loop)))
    return data[0], loop[0]


def backward_line(cell):
    """The 1-based line of the loop's hidden-layer backward step: dz = wᵀ·dz ⊙ σ'(z)."""
    for n, line in enumerate(cell.split("\n"), 1):
        if re.match(r"\s*dz\s*=\s*\S.*\bdot\(dz\)", line):
            return n
    raise kt.TestFailure("notebook 000's loop has no line 'dz = …dot(dz)…' (the hidden layer's backward step)")


class Lab:
    """One notebook's debugger as JupyterLab drives it, over a jupyter_client kernel."""

    def __init__(self, k):
        self.k = k
        self.seq = 0
        #: every request sent: (command, arguments)
        self.sent = []
        #: debug events seen on IOPub, in order
        self.events = []
        #: execute_request IOPub messages held while waiting for something else
        self.iopub = []
        #: requests sent without waiting: msg_id → command
        self.pending = {}
        self.replies = {}
        self.started = False
        self.stopped_threads = set()
        #: events before this index were already waited for
        self.cursor = 0

    # ------------------------------------------------------------------ plumbing

    def send(self, command, arguments=None):
        content = {"type": "request", "seq": self.seq, "command": command}
        self.seq += 1
        if arguments is not None:
            content["arguments"] = arguments
        msg = self.k.kc.session.msg("debug_request", content)
        self.k.kc.control_channel.send(msg)
        self.sent.append((command, arguments))
        return msg["header"]["msg_id"], content["seq"]

    def request(self, command, arguments=None, timeout=20):
        """The debug_reply content, waited for (replies to requests not waited for are kept)."""
        msg_id, seq = self.send(command, arguments)
        deadline = time.monotonic() + timeout
        while True:
            if msg_id in self.replies:
                c = self.replies.pop(msg_id)
                break
            left = deadline - time.monotonic()
            if left <= 0:
                raise kt.TestFailure("no debug_reply to %s within %.0f s" % (command, timeout))
            self._poll_control(min(left, 0.2))
            self._drain_iopub()
        check(c.get("type") == "response" and c.get("command") == command and c.get("request_seq") == seq,
              "%s: the reply is not its response: %s" % (command, short(c)))
        return c

    def ok(self, command, arguments=None, timeout=20):
        c = self.request(command, arguments, timeout)
        check(c.get("success") is True, "%s %s failed: %s" % (command, short(arguments), short(c)))
        return c.get("body", {})

    def fire(self, command, arguments=None):
        """A request JupyterLab sends without waiting for its answer (``void service.…()``)."""
        msg_id, _ = self.send(command, arguments)
        self.pending[msg_id] = command

    def _poll_control(self, timeout):
        msg = self.k._poll("control", timeout)
        if msg is not None and msg["msg_type"] == "debug_reply":
            self.replies[msg["parent_header"].get("msg_id")] = msg["content"]

    def _drain_iopub(self):
        msg = self.k._poll("iopub", 0)
        while msg is not None:
            self._on_iopub(msg)
            msg = self.k._poll("iopub", 0)

    def _on_iopub(self, msg):
        if msg["msg_type"] == "debug_event":
            e = msg["content"]
            self.events.append(e)
            if e.get("event") == "stopped":
                self.stopped_threads = {e["body"]["threadId"]}
            elif e.get("event") == "continued":
                self.stopped_threads.discard(e.get("body", {}).get("threadId"))
            return
        if msg.get("parent_header", {}).get("msg_type") == "execute_request":
            self.iopub.append(msg)
            # handler.ts: the variables panel follows a running cell while nothing is stopped
            if self.started and not self.stopped_threads:
                self.fire("inspectVariables", {})

    def event(self, name, timeout=30):
        """The next debug event called `name` after the last one waited for."""
        deadline = time.monotonic() + timeout
        while True:
            for i in range(self.cursor, len(self.events)):
                if self.events[i].get("event") == name:
                    self.cursor = i + 1
                    return self.events[i]
            if time.monotonic() > deadline:
                raise kt.TestFailure("no %s debug event within %.0f s; events so far %s"
                                     % (name, timeout, [e.get("event") for e in self.events]))
            msg = self.k._poll("iopub", 0.1)
            if msg is not None:
                self._on_iopub(msg)
            self._poll_control(0)

    def execute(self, code):
        """Sends an execute_request; returns its msg_id."""
        return self.k.kc.execute(code, allow_stdin=False)

    def finish(self, msg_id, timeout=120):
        """Waits for the cell's execute_reply and idle; returns (reply content, stdout text)."""
        deadline = time.monotonic() + timeout
        reply = None
        idle = False
        while reply is None or not idle:
            if time.monotonic() > deadline:
                raise kt.TestFailure("the cell did not finish within %.0f s (reply %s, idle %s; debug events %s)"
                                     % (timeout, reply is not None, idle, [e.get("event") for e in self.events]))
            msg = self.k._poll("iopub", 0.05)
            while msg is not None:
                self._on_iopub(msg)
                if (msg.get("parent_header", {}).get("msg_id") == msg_id and msg["msg_type"] == "status"
                        and msg["content"].get("execution_state") == "idle"):
                    idle = True
                msg = self.k._poll("iopub", 0)
            shell = self.k._poll("shell", 0.05)
            if shell is not None and shell.get("parent_header", {}).get("msg_id") == msg_id:
                reply = shell["content"]
            self._poll_control(0)
        out = "".join(m["content"]["text"] for m in self.iopub
                      if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "stream"
                      and m["content"].get("name") == "stdout")
        # handler.executionDone → service.displayModules()
        self.fire("modules", {})
        return reply, out

    def settle(self, timeout=20):
        """Waits for the answers to every request sent without waiting; returns {command: [content…]}."""
        deadline = time.monotonic() + timeout
        got = {}
        while self.pending:
            if time.monotonic() > deadline:
                raise kt.TestFailure("no answers within %.0f s to %s" % (timeout, sorted(set(self.pending.values()))))
            self._poll_control(0.1)
            self._drain_iopub()
            for msg_id in [m for m in self.pending if m in self.replies]:
                got.setdefault(self.pending.pop(msg_id), []).append(self.replies.pop(msg_id))
        return got

    # ------------------------------------------------------------------ what JupyterLab does

    def open_notebook(self):
        """Debugger.Session's connection setter, then Handler.updateWidget's restoreState(false)."""
        self.ok("debugInfo")
        return self.ok("debugInfo", {})

    def switch_on(self):
        """The notebook toolbar's bug icon: restoreState(true) starts the session; then the variables."""
        info = self.ok("debugInfo", {})
        caps = self.ok("initialize", INITIALIZE)
        self.ok("attach", {})
        self.started = True
        # pauseOnExceptions(currentExceptionFilters): none chosen
        self.ok("setExceptionBreakpoints", {"filters": []})
        variables = self.ok("inspectVariables", {})
        if caps.get("supportsModulesRequest"):
            self.ok("modules", {})
        return info, caps, variables

    def gutter_click(self, code, lines):
        """EditorHandler: a notebook cell has no path of its own, so its code is dumped first."""
        path = self.ok("dumpCell", {"code": code})["sourcePath"]
        self.ok("debugInfo", {})
        bps = self.ok("setBreakpoints", {"breakpoints": [{"line": n} for n in lines], "source": {"path": path},
                                         "sourceModified": False})["breakpoints"]
        return path, bps

    def on_stopped(self, thread):
        """service._getAllFrames, then the current frame's scopes and all their variables at once."""
        frames = self.ok("stackTrace", {"threadId": thread})["stackFrames"]
        check(frames, "stackTrace: no frames")
        scopes = self.ok("scopes", {"frameId": frames[0]["id"]})["scopes"]
        ids = [self.send("variables", {"variablesReference": sc["variablesReference"]}) for sc in scopes]
        variables = {}
        for sc, (msg_id, _) in zip(scopes, ids):
            deadline = time.monotonic() + 20
            while msg_id not in self.replies:
                check(time.monotonic() < deadline, "no answer to variables of %s" % sc["name"])
                self._poll_control(0.1)
            c = self.replies.pop(msg_id)
            check(c.get("success") is True, "variables of %s: %s" % (sc["name"], short(c)))
            variables[sc["name"]] = {v["name"]: v for v in c["body"]["variables"]}
        return frames, variables

    def expand(self, variable):
        """A click on a variable in the panel: its children by name."""
        check(variable.get("variablesReference", 0) > 0, "%s cannot be expanded: %s" % (variable.get("name"), short(variable)))
        children = self.ok("variables", {"variablesReference": variable["variablesReference"]})["variables"]
        return {v["name"]: v for v in children}

    def toolbar(self, command, thread):
        """continue / next / stepIn / stepOut with the stopped thread."""
        self.ok(command, {"threadId": thread})


def loss_lines(text):
    """The printed losses: the lines that are numbers."""
    return [line for line in text.split("\n") if re.fullmatch(r"-?\d+(\.\d+)?([eE]-?\d+)?", line.strip())]


def shape_of(lab, variable):
    """(rows, cols) of a Matrix variable, read from its summary when it has one, else from its fields."""
    m = re.search(r"(\d+)\s*[×x]\s*(\d+)", variable.get("value", ""))
    if m:
        return int(m.group(1)), int(m.group(2)), "summary " + variable["value"]
    fields = lab.expand(variable)
    rows, cols = fields.get("rows", {}).get("value"), fields.get("cols", {}).get("value")
    check(rows is not None and cols is not None,
          "%s has neither a shape in its value nor rows/cols fields: %s; fields %s"
          % (variable.get("name"), short(variable), sorted(fields)))
    return int(rows), int(cols), "fields rows=%s cols=%s" % (rows, cols)


@test
def notebook_000_training_loop(s):
    """Breakpoint on the loop's backward step: stop, dz's shape, stepIn into scratchnet, next, clear, continue: same losses."""
    data, loop = notebook_000_cells()
    line = backward_line(loop)
    with kt.fresh_kernel() as k:
        T0[0] = time.monotonic()
        step("kernel up; the notebook opens")
        lab = Lab(k)
        info = lab.open_notebook()
        check(info.get("isStarted") is False, "debugInfo on opening: %s" % short(info))

        step("the cells run with the debugger off")
        # the notebook run once with the debugger off: the losses to compare with
        r, _ = lab.finish(lab.execute(data))
        check(r["status"] == "ok", "the data cell: %s" % short(r))
        r, plain_out = lab.finish(lab.execute(loop), 180)
        check(r["status"] == "ok", "the training cell without the debugger: %s" % short(r))
        expected = loss_lines(plain_out)
        check(len(expected) >= 10, "the training cell should print its losses; printed %s" % short(plain_out))
        # the shapes to expect, from the kernel: dz is al − y at the output, then wᵀ·dz ⊙ σ'(z) in the hidden layer
        out_shape = tuple(int(v) for v in k.value('y.rows() + " " + y.cols()').strip('"').split())
        hidden = int(k.value('params.get("w1").rows()'))
        lab.settle()

        step("%d losses printed; the debugger is switched on" % len(expected))
        info, caps, variables = lab.switch_on()
        check(caps.get("supportsConfigurationDoneRequest") is True, "initialize: %s" % short(caps))
        names = [v["name"] for v in variables.get("variables", [])]
        check({"x", "y", "params", "al"} <= set(names), "inspectVariables after switching on: %s" % names)

        path, bps = lab.gutter_click(loop, [line])
        check(path == info["tmpFilePrefix"] + str(murmur2(loop, info["hashSeed"])) + info["tmpFileSuffix"],
              "dumpCell's path %s is not the one JupyterLab computes for the cell" % path)
        check(len(bps) == 1 and bps[0].get("verified") is True and bps[0].get("line") == line,
              "setBreakpoints on line %d: %s" % (line, short(bps)))

        step("breakpoint on line %d; the training cell runs" % line)
        cell = lab.execute(loop)
        stopped = lab.event("stopped", 60)["body"]
        check(stopped.get("reason") == "breakpoint", "stopped: %s" % short(stopped))
        thread = stopped["threadId"]
        frames, scopes = lab.on_stopped(thread)
        top = frames[0]
        check(top.get("source", {}).get("path") == path and top.get("line") == line,
              "the top frame should be the cell's line %d at %s (where JupyterLab highlights it); got %s"
              % (line, path, short(top)))
        local = {}
        for sc in scopes.values():
            local.update(sc)
        check("dz" in local, "dz is not among the frame's variables: %s" % short({n: sorted(v) for n, v in scopes.items()}))
        check(local.get("it", {}).get("value") == "0" and local.get("i", {}).get("value") == "1",
              "the first stop should be iteration it = 0, layer i = 1: it %s, i %s"
              % (short(local.get("it")), short(local.get("i"))))
        rows, cols, how = shape_of(lab, local["dz"])
        check((rows, cols) == out_shape, "dz (al − y) should be %d×%d; %s" % (out_shape + (how,)))
        s_rows, s_cols, s_how = shape_of(lab, local["s"])
        check((s_rows, s_cols) == (hidden, out_shape[1]), "s = σ(z1) should be %d×%d; %s" % (hidden, out_shape[1], s_how))

        step("stopped; dz %d×%d by %s; stepIn" % (rows, cols, how))
        # stepIn: the first scratchnet method the line calls, its source served by the kernel
        lab.toolbar("stepIn", thread)
        stop = lab.event("stopped", 30)["body"]
        check(stop.get("reason") == "step", "after stepIn: %s" % short(stop))
        frames, _ = lab.on_stopped(stop["threadId"])
        inner = frames[0]
        src = inner.get("source", {}).get("path", "")
        check(src.startswith("scratchnet-sources/scratchnet/") and src.endswith(".java") and inner.get("line", 0) > 0,
              "after stepIn the top frame should be scratchnet's own code; got %s" % short(inner))
        check(frames[1].get("source", {}).get("path") == path and frames[1].get("line") == line,
              "the caller of %s should be the cell's line %d; got %s" % (inner.get("name"), line, short(frames[1])))
        text = lab.ok("source", {"source": {"path": src}, "sourceReference": 0})["content"]
        method = inner.get("name", "").split(".")[-1].split("(")[0]
        lines = text.split("\n")
        check(method and re.search(r"\b%s\s*\(" % re.escape(method), text) and inner["line"] <= len(lines),
              "the source of %s should define %s: %s" % (src, method, short(text, 200)))

        step("in %s at %s:%d; next" % (inner.get("name"), src, inner["line"]))
        lab.toolbar("next", stop["threadId"])
        stop = lab.event("stopped", 30)["body"]
        check(stop.get("reason") == "step", "after next: %s" % short(stop))
        frames, _ = lab.on_stopped(stop["threadId"])
        after = frames[0]
        check(after.get("source", {}).get("path") in (src, path) and (after.get("source", {}).get("path") != src
                                                                       or after["line"] != inner["line"]),
              "next from %s:%d should stop further on; got %s" % (src, inner["line"], short(after)))

        step("next stopped at %s:%d; breakpoints removed, continue" % (after.get("source", {}).get("path"), after["line"]))
        # "remove all breakpoints", then continue: the cell runs to its end
        lab.ok("setBreakpoints", {"breakpoints": [], "source": {"path": path}, "sourceModified": False})
        check(lab.ok("debugInfo", {}).get("breakpoints") == [], "debugInfo still lists breakpoints after clearing them")
        lab.toolbar("continue", stop["threadId"])
        lab.event("continued", 10)
        step("continued; the cell runs on")
        r, debug_out = lab.finish(cell, 60)
        check(r["status"] == "ok", "the training cell under the debugger: %s" % short(r))
        got = loss_lines(debug_out)
        check(len(got) == len(expected) and got[0] == expected[0],
              "the cell under the debugger printed %d losses starting %s; without it %d starting %s"
              % (len(got), got[:1], len(expected), expected[:1]))
        # the engine's last digits depend on what the JIT has compiled (the same cell run twice
        # without the debugger differs from the 12th digit on, which the training's later
        # iterations amplify), and a cell that stopped ran part of its first iteration interpreted
        far = [(i, a, b) for i, (a, b) in enumerate(zip(got, expected))
               if abs(float(a) - float(b)) > LOSS_TOLERANCE * abs(float(b))]
        check(not far, "the losses under the debugger differ from those without it by more than %g (relative): %s"
              % (LOSS_TOLERANCE, short(far)))
        answers = lab.settle()
        for c in answers.get("inspectVariables", []):
            check(c.get("success") is True, "inspectVariables while the cell ran: %s" % short(c))
        final = {v["name"]: v for v in lab.ok("inspectVariables", {})["variables"]}
        check(final.get("al", {}).get("value", "").startswith("Matrix 1×100"), "inspectVariables after the cell: al %s" % short(final.get("al")))
        lab.ok("disconnect", {"restart": False, "terminateDebuggee": False})
        exact = sum(1 for a, b in zip(got, expected) if a == b)
        return "stopped at line %d, dz %d×%d (%s), stepped into %s; %d losses as without the debugger (%d to the digit)" % (
            line, rows, cols, how, inner.get("name"), len(got), exact)


if __name__ == "__main__":
    sys.exit(kt.main(tests=TESTS))
