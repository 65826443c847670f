"""Times notebook 000's training cells with the Jupyter debugger off and on (run by `scratchnet kernel-bench --debugger`).

Starts the kernel through jupyter_client, runs the notebook's code cells before its first training
cell once, then the training cells — the cell tagged "faithful" (the document's hand-written loop)
and the first cell calling `.fit(` — once each to warm up, and then in rounds: each training cell
with the debugger off, then the debugger switched on as JupyterLab does (debugInfo, initialize,
attach, the initialized event, debugInfo, configurationDone; no breakpoints), each training cell
again, and the debugger switched off (disconnect); the next round runs them on first, then off. So a
busy moment on a shared machine, or a drift over the run, hits both alike. The time of a cell is
execute_request to execute_reply.

Prints one JSON object per line on stdout: {"java": ..., "vector": ...} (the cell JVM's version and
element-wise loops),
then {"cell": NAME, "mode": "off"|"on", "round": R, "s": SECONDS} per timed run; a failure is
{"error": MESSAGE}.

usage: debugger_bench.py [--runs N] [--budget SECONDS] NOTEBOOK [KERNEL]
"""
import json, sys, time

import nbformat
from jupyter_client.manager import start_new_kernel

#: the arguments JupyterLab sends with initialize
INITIALIZE = {"clientID": "jupyterlab", "clientName": "JupyterLab", "adapterID": "scratchnet", "pathFormat": "path",
              "linesStartAt1": True, "columnsStartAt1": True, "supportsVariableType": True,
              "supportsVariablePaging": True, "supportsRunInTerminalRequest": True, "locale": "en"}


def emit(row):
    print(json.dumps(row), flush=True)


def execute(kc, code, timeout=300):
    """Runs a cell; returns (seconds to the execute_reply, the text/plain result or None). Fails on an error."""
    t = time.perf_counter()
    msg_id = kc.execute(code)
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    elapsed = time.perf_counter() - t
    result = None
    # drain iopub up to idle, so the next cell starts clean
    while True:
        m = kc.get_iopub_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "execute_result":
            result = m["content"]["data"].get("text/plain")
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    if reply["content"]["status"] != "ok":
        raise RuntimeError("cell failed: %s: %s" % (reply["content"].get("ename"), reply["content"].get("evalue")))
    return elapsed, result


class Debug:
    """debug_requests on the control channel, with increasing seq, as JupyterLab sends them."""

    def __init__(self, kc):
        self.kc = kc
        self.seq = 0

    def request(self, command, arguments=None, timeout=30):
        content = {"type": "request", "seq": self.seq, "command": command}
        self.seq += 1
        if arguments is not None:
            content["arguments"] = arguments
        msg = self.kc.session.msg("debug_request", content)
        self.kc.control_channel.send(msg)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            reply = self.kc.get_control_msg(timeout=timeout)
            if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                if not reply["content"].get("success"):
                    raise RuntimeError("debug %s failed: %s" % (command, reply["content"].get("message")))
                return reply["content"].get("body", {})
        raise RuntimeError("no answer to debug %s within %d s" % (command, timeout))

    def event(self, name, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            m = self.kc.get_iopub_msg(timeout=timeout)
            if m["msg_type"] == "debug_event" and m["content"].get("event") == name:
                return
        raise RuntimeError("no %s debug_event within %d s" % (name, timeout))

    def on(self):
        self.request("debugInfo")
        self.request("initialize", INITIALIZE)
        self.request("attach", {})
        self.event("initialized")
        info = self.request("debugInfo", {})
        if not info.get("isStarted"):
            raise RuntimeError("the debugger did not start: debugInfo %s" % info)
        self.request("configurationDone", {})

    def off(self):
        self.request("disconnect", {"restart": False, "terminateDebuggee": True})


def training_cells(nb):
    """(cells to run first, {name: source}) of a notebook: the "faithful" cell and the first `.fit(` cell."""
    code = [c for c in nb.cells if c.cell_type == "code"]
    named = {}
    first = None
    for i, c in enumerate(code):
        name = None
        if "faithful" in c.metadata.get("tags", []) and "faithful loop" not in named:
            name = "faithful loop"
        elif ".fit(" in c.source and "fit" not in named:
            name = "fit"
        if name:
            named[name] = c.source
            first = i if first is None else first
    if not named:
        raise RuntimeError("no training cell (tagged faithful, or calling .fit() in the notebook")
    return [c.source for c in code[:first]], named


def main(args):
    runs, budget = 5, 240.0
    while args and args[0].startswith("--"):
        opt = args.pop(0)
        if opt == "--runs":
            runs = int(args.pop(0))
        elif opt == "--budget":
            budget = float(args.pop(0))
    notebook, kernel = args[0], (args[1] if len(args) > 1 else "scratchnet")
    setup, cells = training_cells(nbformat.read(notebook, as_version=4))
    km, kc = start_new_kernel(kernel_name=kernel, startup_timeout=60)
    try:
        start = time.monotonic()
        _, java = execute(kc, 'System.getProperty("java.version")')
        _, vector = execute(kc, "scratchnet.engine.Simd.describe()")
        emit({"java": (java or "").strip('"'), "vector": (vector or "").strip('"')})
        for source in setup:
            execute(kc, source)
        for name, source in cells.items():   # warm-up: the JIT compiles the training loops
            execute(kc, source)
        debug = Debug(kc)
        for r in range(runs):
            if r > 0 and time.monotonic() - start > budget:
                emit({"note": "stopped after %d rounds: the %.0f s budget is spent" % (r, budget)})
                break
            # off, on in even rounds and on, off in odd ones: a drift over the run hits both alike
            for mode in (("off", "on") if r % 2 == 0 else ("on", "off")):
                if mode == "on":
                    debug.on()
                for name, source in cells.items():
                    s, _ = execute(kc, source)
                    emit({"cell": name, "mode": mode, "round": r, "s": s})
                if mode == "on":
                    debug.off()
    finally:
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except Exception as e:  # reported, so the Java side can print it beside the figures
        emit({"error": "%s: %s" % (type(e).__name__, e)})
        sys.exit(1)
