#!/usr/bin/env python3
"""Tests of the scratchnet kernel's variables panel: debug_request inspectVariables and
richInspectVariables on the control channel, answered without the debugger running, and %vars.

Run like kernel_tests.py, whose Kernel class, checks and runner it uses:

    /usr/bin/python3 src/test/python/debug_vars_tests.py --jupyter-path DIR      # DIR/kernels/scratchnet/kernel.json
    /usr/bin/python3 src/test/python/debug_vars_tests.py --list
"""

import base64
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kernel_tests as kt  # noqa: E402
from kernel_tests import check, fresh_kernel, short  # noqa: E402

TESTS = []
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
DEFINE = "var x = arange(0, 1, 0.01);\nvar model = net(1, 25, 1).sigmoid().linear();\nint n = 3;"


def test(fn):
    TESTS.append(fn)
    return fn


class Debug:
    """Sends debug_request messages on control and reads their debug_reply."""

    def __init__(self, k):
        self.k = k
        self.seq = 0

    def send(self, command, arguments=None):
        """Sends a request; returns its msg_id and seq."""
        self.seq += 1
        msg = self.k.kc.session.msg("debug_request", {"type": "request", "seq": self.seq, "command": command,
                                                      "arguments": arguments or {}})
        self.k.kc.control_channel.send(msg)
        return msg["header"]["msg_id"], self.seq

    def request(self, command, arguments=None, timeout=20):
        """The reply's content and how long it took, in seconds; checks the reply's envelope."""
        sent = time.monotonic()
        msg_id, seq = self.send(command, arguments)
        reply, at = self.k.wait_reply(msg_id, timeout, channel="control")
        check(reply["msg_type"] == "debug_reply", "%s: expected a debug_reply; got %s" % (command, reply["msg_type"]))
        c = reply["content"]
        check(c.get("type") == "response" and c.get("request_seq") == seq and c.get("command") == command,
              "%s: expected a response with request_seq %d and the command; got %s" % (command, seq, short(c)))
        return c, at - sent

    def variables(self, timeout=20):
        c, took = self.request("inspectVariables", timeout=timeout)
        check(c.get("success") is True, "inspectVariables failed: " + short(c))
        return {v["name"]: v for v in c["body"]["variables"]}, took


def _variable(table, name, type_, value):
    v = table.get(name)
    check(v is not None, "inspectVariables: no %s among %s" % (name, sorted(table)))
    check(v.get("type") == type_ and v.get("value") == value and v.get("evaluateName") == name
          and v.get("variablesReference") == 0,
          "inspectVariables %s: expected type %r, value %r; got %s" % (name, type_, value, short(v)))


X_SUMMARY = "Matrix 1×100  mean 0.495  std 0.2887  min 0  max 0.99"
MODEL_SUMMARY = "Network 1-25-1 sigmoid, linear (76 parameters)"


@test
def inspect_variables_between_cells(s):
    """inspectVariables lists the cells' variables with their type and a readable value; $n results are left out."""
    k = s.shared()
    k.ok(DEFINE)
    k.ok("x.sum()")
    table, took = Debug(k).variables()
    _variable(table, "x", None, X_SUMMARY)
    _variable(table, "model", None, MODEL_SUMMARY)
    _variable(table, "n", "int", "3")
    check(not any(name.startswith("$") for name in table), "JShell's $n results listed: %s" % sorted(table))
    return "%d variables in %.2f s" % (len(table), took)


@test
def rich_inspect_variables(s):
    """richInspectVariables: a vector as an HTML table and a PNG chart, an int as its text, an unknown name as a failure."""
    k = s.shared()
    k.ok(DEFINE)
    d = Debug(k)
    c, _ = d.request("richInspectVariables", {"variableName": "x"})
    check(c.get("success") is True, "richInspectVariables x: " + short(c))
    data = c["body"]["data"]
    check("<table" in data.get("text/html", "") and "1×100" in data["text/html"],
          "richInspectVariables x: expected an HTML table of the 1×100 matrix; got %s" % short(data.get("text/html")))
    check(base64.b64decode(data.get("image/png", ""))[:8] == PNG_SIGNATURE,
          "richInspectVariables x: expected a PNG chart; got %s" % short(sorted(data)))
    check(isinstance(c["body"].get("metadata"), dict), "richInspectVariables x: no metadata object: " + short(c["body"]))
    c, _ = d.request("richInspectVariables", {"variableName": "n"})
    check(c.get("success") is True and c["body"]["data"] == {"text/plain": "3"},
          "richInspectVariables n: expected text/plain '3' only; got %s" % short(c))
    c, _ = d.request("richInspectVariables", {"variableName": "model"})
    check(c.get("success") is True and "76" in c["body"]["data"].get("text/html", ""),
          "richInspectVariables model: expected the layer table; got %s" % short(c))
    c, _ = d.request("richInspectVariables", {"variableName": "nosuch"})
    check(c.get("success") is False and "nosuch" in c.get("message", ""),
          "richInspectVariables nosuch: expected a failure naming it; got %s" % short(c))


@test
def other_debug_commands_fail_clearly(s):
    """A debugger command the kernel does not take is answered at once with success false and a message."""
    k = s.shared()
    c, took = Debug(k).request("evaluate", {"expression": "1 + 1", "context": "repl"}, timeout=5)
    check(c.get("success") is False and "evaluate" in c.get("message", ""),
          "evaluate: expected success false with a message naming it; got %s" % short(c))
    check(k.value("1 + 1") == "2", "a cell after the debug_request")


@test
def answers_while_a_cell_runs(s):
    """During a running cell, inspectVariables answers within 0.5 s with the values as of the last cell."""
    with fresh_kernel() as k:
        d = Debug(k)
        k.ok(DEFINE)
        d.variables()
        # from now on the table is read after each cell: m appears, n changes
        k.ok("var m = zeros(2, 3);\nn = 4;")
        msg_id, sent = k.execute_async("Thread.sleep(3000);\nn = 5;")
        time.sleep(0.5)
        table, took = d.variables(timeout=5)
        check(took < 0.5, "inspectVariables during a running cell took %.2f s (expected under 0.5 s)" % took)
        _variable(table, "x", None, X_SUMMARY)
        _variable(table, "m", None, "Matrix 2×3  mean 0  std 0  min 0  max 0")
        _variable(table, "n", "int", "4")
        c, rich_took = d.request("richInspectVariables", {"variableName": "n"}, timeout=5)
        check(rich_took < 0.5 and c.get("success") is True and c["body"]["data"].get("text/plain") == "4",
              "richInspectVariables n during the cell (%.2f s): expected text/plain '4'; got %s" % (rich_took, short(c)))
        cell = k.collect(msg_id, sent, 20)
        check(cell.status == "ok", "the sleeping cell: " + cell.describe())
        table, _ = d.variables()
        _variable(table, "n", "int", "5")
        return "answered in %.3f s while the cell slept" % took


@test
def vars_magic(s):
    """%vars prints name, type and value of each variable."""
    k = s.shared()
    k.ok(DEFINE)
    out = k.ok("%vars").stream()
    lines = out.splitlines()
    check(lines and lines[0].split() == ["name", "type", "value"], "%%vars: expected a header line; got %r" % out)
    for name, type_, value in [("x", "Matrix", X_SUMMARY), ("model", "Network", MODEL_SUMMARY), ("n", "int", "3")]:
        row = [l for l in lines if l.split()[:2] == [name, type_]]
        check(row and row[0].endswith(value), "%%vars: expected a row %s %s %s; got %r" % (name, type_, value, out))


@test
def variables_named_like_packages(s):
    """Variables named scratchnet, java, Object or Thread do not hide the kernel's own calls: the panel reads them, results show."""
    with fresh_kernel() as k:
        k.ok("var scratchnet = 1;\nvar java = \"j\";\nvar Object = 2.5;\nvar Thread = 4;")
        table, _ = Debug(k).variables()
        for name, type_, value in [("scratchnet", "int", "1"), ("java", "str", "j"), ("Object", "float", "2.5"),
                                   ("Thread", "int", "4")]:
            _variable(table, name, type_, value)
        c, _ = Debug(k).request("richInspectVariables", {"variableName": "scratchnet"})
        check(c.get("success") is True and c["body"]["data"].get("text/plain") == "1",
              "richInspectVariables scratchnet: expected text/plain '1'; got %s" % short(c))
        result = k.ok("scratchnet + 1").result_text()
        check(result == "2", "the value of scratchnet + 1: expected 2; got %r" % result)


if __name__ == "__main__":
    sys.exit(kt.main(tests=TESTS))
