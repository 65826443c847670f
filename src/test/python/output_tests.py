#!/usr/bin/env python3
"""The kernel under floods of output and sudden ends, driven by a real Jupyter client.

Shares kernel_tests.py's kernel sessions and runner: the kernel is started from the kernelspec
``scratchnet`` on ``JUPYTER_PATH`` through ``jupyter_client``.

    /usr/bin/python3 src/test/python/output_tests.py --jupyter-path DIR      # DIR/kernels/scratchnet/kernel.json
    /usr/bin/python3 src/test/python/output_tests.py --list

Prints ``PASS name (1.23s)`` or ``FAIL name: reason`` per test, then ``N passed, M failed``.
"""

import os
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kernel_tests as kt  # noqa: E402
from kernel_tests import check, short, TestFailure  # noqa: E402

#: the cell output limit the capped kernel gets, in MB
CAP_MB = 1
#: how long a cell JVM may outlive its killed parent
ORPHAN_GRACE_S = 5.0

kt.TESTS.clear()
test = kt.test


@test
def flood_is_coalesced(s):
    """200,000 println calls: every line, in order, in a few dozen stream messages."""
    k = s.shared()
    n = 200_000
    r = k.execute("for (int i = 0; i < %d; i++) System.out.println(\"line \" + i);" % n, timeout=120)
    check(r.status == "ok", "the cell failed: " + r.describe())
    streams = r.of_type("stream")
    lines = r.stream("stdout").splitlines()
    check(len(lines) == n, "expected %d lines; got %d (last %s)" % (n, len(lines), short(lines[-3:])))
    bad = next((i for i, l in enumerate(lines) if l != "line %d" % i), None)
    check(bad is None, "line %s out of order: %r" % (bad, lines[bad] if bad is not None else None))
    check(len(streams) <= 50, "expected at most 50 stream messages for %d lines; got %d" % (n, len(streams)))
    return "%d lines in %d stream messages" % (n, len(streams))


@test
def live_output_while_coalescing(s):
    """A line every 300 ms reaches the client as it is printed, not with the reply."""
    k = s.shared()
    arrivals = []

    def on_message(now, msg):
        if msg["msg_type"] == "stream" and "tick" in msg["content"]["text"]:
            arrivals.append((now, msg["content"]["text"].count("tick")))

    r = k.execute("for (int i = 0; i < 6; i++) { System.out.println(\"tick \" + i); Thread.sleep(300); }",
                  timeout=30, on_message=on_message)
    check(r.status == "ok", "the cell failed: " + r.describe())
    check(r.stream().splitlines() == ["tick %d" % i for i in range(6)], "ticks: " + r.describe())
    check(len(arrivals) >= 4, "expected the 6 ticks in at least 4 messages as they were printed; got %d: %s"
          % (len(arrivals), arrivals))
    lead = r.reply_time - arrivals[0][0]
    check(lead >= 1.2, "the first tick arrived only %.2f s before the reply (expected >= 1.2 s)" % lead)
    return "%d messages, the first %.2f s before the reply" % (len(arrivals), lead)


@test
def text_and_displays_keep_their_order(s):
    """Text printed before a display is published before it, and text after it after."""
    k = s.shared()
    r = k.execute('System.out.println("before"); display(zeros(1, 1)); System.out.println("after");')
    check(r.status == "ok", "the cell failed: " + r.describe())
    kinds = [(m["msg_type"], m["content"].get("text", "").strip())
             for m in r.of_type("stream", "display_data")]
    check(kinds == [("stream", "before"), ("display_data", ""), ("stream", "after")],
          "expected before, the display, after; got %s" % kinds)
    return "in order"


class capped_kernel:
    """``with capped_kernel() as k:`` — a kernel of its own whose cells may print CAP_MB megabytes."""

    def __enter__(self):
        os.environ["SCRATCHNET_CELL_OUTPUT_MB"] = str(CAP_MB)
        try:
            self.k = kt.Kernel()
        finally:
            del os.environ["SCRATCHNET_CELL_OUTPUT_MB"]
        return self.k

    def __exit__(self, *exc):
        self.k.shutdown()
        return False


@test
def output_cap(s):
    """Beyond the cap, text is dropped with one notice; the cell keeps running; the next cell starts afresh."""
    with capped_kernel() as k:
        n = 300_000   # about 3.6 MB of text
        r = k.execute("for (int i = 0; i < %d; i++) System.out.println(\"line \" + i);\n42" % n, timeout=120)
        check(r.status == "ok", "the cell failed: " + r.describe())
        out = r.stream("stdout")
        err = r.stream("stderr")
        size = len(out.encode("utf-8"))
        check(size <= CAP_MB * 1_000_000, "stdout holds %d bytes, over the %d MB cap" % (size, CAP_MB))
        check(size >= CAP_MB * 1_000_000 - 100, "stdout holds only %d bytes, expected the cap's %d" % (size, CAP_MB * 10**6))
        lines = out.splitlines()
        whole = lines[:-1]
        check(whole == ["line %d" % i for i in range(len(whole))], "the lines before the cut are not all there in order")
        check(err.count("output cut after %d MB" % CAP_MB) == 1 and "still running" in err,
              "expected one notice 'output cut after %d MB … still running' on stderr; got %s" % (CAP_MB, short(err)))
        check(r.result_text() == "42", "the cell did not run to its end after the cut: " + r.describe())
        check(len(r.of_type("stream")) <= 50, "%d stream messages" % len(r.of_type("stream")))
        r2 = k.ok('System.out.println("next cell");')
        check(r2.stream() == "next cell\n" and not r2.stream("stderr"),
              "the next cell's output: " + r2.describe())
        return "%d lines kept, then the notice" % len(whole)


def _kill_kernel_with_busy_cell(sig):
    """Kills a kernel whose cell spins with sig; returns how long its cell JVM outlived it."""
    with kt.fresh_kernel() as k:
        k.ok("int warm = 1;")
        kernel_pid = k.pid()
        msg_id, sent = k.execute_async("while (true) {}")
        time.sleep(1.0)
        kids = kt._java_children(kernel_pid)
        check(kids, "found no cell JVM under the kernel (pid %s)" % kernel_pid)
        direct = [p for p in kids if _ppid(p) == kernel_pid]
        check(direct, "the cell JVM %s is not a child of the kernel %s" % (kids, kernel_pid))
        busy = kt._cpu_share(kids, 0.5)
        check(max(busy.values()) > 0.2, "the cell is not busy before the kill: %s" % busy)
        t0 = time.monotonic()
        os.kill(kernel_pid, sig)
        alive = _outliving(kids, t0)
        check(not alive, "the cell JVM %s still runs %.0f s after the kernel got %s"
              % (alive, ORPHAN_GRACE_S, signal.Signals(sig).name))
        return time.monotonic() - t0


#: started by the test below: a Jupyter client that starts a kernel, runs a cell, prints the
#: kernel's pid and waits to be killed (as a hub kills the server of an idle student)
_LAUNCHER = """
import sys, time
from jupyter_client.manager import start_new_kernel
km, kc = start_new_kernel(kernel_name=sys.argv[1], startup_timeout=120)
kc.execute_interactive("int warm = 1;", timeout=120)
print(km.provisioner.process.pid, flush=True)
time.sleep(3600)
"""


@test
def killed_jupyter_server_ends_the_kernel(s):
    """A kernel whose Jupyter server (the process that started it) is killed ends, with its cell JVM."""
    import subprocess
    launcher = subprocess.Popen([sys.executable, "-c", _LAUNCHER, kt.KERNEL_NAME], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True)
    try:
        line = launcher.stdout.readline().strip()
        check(line.isdigit(), "the launcher printed no kernel pid: %r" % line)
        kernel_pid = int(line)
        kids = kt._java_children(kernel_pid)
        check(kids, "found no cell JVM under the kernel (pid %s)" % kernel_pid)
        t0 = time.monotonic()
        launcher.kill()
        launcher.wait()
        alive = _outliving([kernel_pid] + kids, t0)
        check(not alive, "%s still run %.0f s after the Jupyter process that started the kernel was killed"
              % (alive, ORPHAN_GRACE_S))
        return "the kernel and its cell JVM ended %.2f s after their Jupyter process" % (time.monotonic() - t0)
    finally:
        if launcher.poll() is None:
            launcher.kill()


def _outliving(pids, t0):
    """Those of pids still running ORPHAN_GRACE_S after t0 (killed, so that no test leaves them behind)."""
    while time.monotonic() - t0 < ORPHAN_GRACE_S and any(kt._is_running(p) for p in pids):
        time.sleep(0.05)
    alive = [p for p in pids if kt._is_running(p)]
    for p in alive:
        os.kill(p, signal.SIGKILL)
    return alive


def _ppid(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


@test
def kernel_sigterm_ends_the_cell_jvm(s):
    took = _kill_kernel_with_busy_cell(signal.SIGTERM)
    return "the cell JVM ended %.2f s after SIGTERM" % took


@test
def kernel_sigint_ends_the_cell_jvm(s):
    took = _kill_kernel_with_busy_cell(signal.SIGINT)
    return "the cell JVM ended %.2f s after SIGINT" % took


@test
def kernel_sigkill_ends_the_cell_jvm(s):
    took = _kill_kernel_with_busy_cell(signal.SIGKILL)
    return "the cell JVM ended %.2f s after SIGKILL" % took


if __name__ == "__main__":
    sys.exit(kt.main())
