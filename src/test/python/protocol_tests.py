#!/usr/bin/env python3
"""Tests of the scratchnet kernel's protocol edges, driven by jupyter_client and raw ZMQ sockets.

What a clumsy or hostile client can do: classes added with %classpath and %maven used by the
compiler, requests on the wrong channel, floods of the stdin socket, malformed headers, and a
connection file asking for a transport the kernel does not speak. Run like kernel_tests.py, whose
Kernel class, checks and runner it uses:

    /usr/bin/python3 src/test/python/protocol_tests.py --jupyter-path DIR      # DIR/kernels/scratchnet/kernel.json
    /usr/bin/python3 src/test/python/protocol_tests.py --list
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kernel_tests as kt  # noqa: E402
from kernel_tests import TestFailure, check, fresh_kernel, short  # noqa: E402

TESTS = []

GREETER = """package demo;
public final class Greeter {
    private final String name;
    public Greeter(String name) { this.name = name; }
    public String hello() { return "hello " + name; }
    public static int twice(int x) { return 2 * x; }
}
"""


def test(fn):
    TESTS.append(fn)
    return fn


def _kernelspec():
    path = os.path.join(os.environ["JUPYTER_PATH"], "kernels", kt.KERNEL_NAME, "kernel.json")
    with open(path) as f:
        return json.load(f)


def _jdk_tool(name):
    """A JDK tool (javac) beside the kernelspec's java, or on PATH."""
    tool = os.path.join(os.path.dirname(_kernelspec()["argv"][0]), name)
    if os.path.isfile(tool):
        return tool
    found = shutil.which(name)
    check(found, "no %s beside %s nor on PATH" % (name, _kernelspec()["argv"][0]))
    return found


def _greeter_jar(tmp):
    """Compiles demo.Greeter with javac and packs it into tmp/greeter.jar."""
    src = os.path.join(tmp, "src", "demo")
    classes = os.path.join(tmp, "classes")
    os.makedirs(src, exist_ok=True)
    os.makedirs(classes, exist_ok=True)
    java = os.path.join(src, "Greeter.java")
    with open(java, "w") as f:
        f.write(GREETER)
    done = subprocess.run([_jdk_tool("javac"), "-d", classes, java], capture_output=True, text=True, timeout=60)
    check(done.returncode == 0, "javac Greeter.java failed: %s" % short(done.stderr))
    jar = os.path.join(tmp, "greeter.jar")
    with zipfile.ZipFile(jar, "w") as z:
        z.write(os.path.join(classes, "demo", "Greeter.class"), "demo/Greeter.class")
    return jar


@test
def classpath_classes_compile(s):
    """%classpath: the jar's classes compile in later cells (not only through reflection)."""
    jar = _greeter_jar(tempfile.mkdtemp(dir=s.tmp))
    k = s.shared()
    r = k.ok("%classpath " + jar)
    check("added to the class path" in r.stream(), "%classpath printed nothing: " + r.describe())
    got = k.value('import demo.Greeter;\nnew Greeter("jupyter").hello()')
    check(got == "hello jupyter", "new Greeter(\"jupyter\").hello(): expected 'hello jupyter'; got %r" % got)
    got = k.value("demo.Greeter.twice(21)")
    check(got == "42", "demo.Greeter.twice(21): expected '42'; got %r" % got)
    # a % line that continues a statement is Java: 10 % 3
    got = k.value("int r = 10\n% 3;\nr")
    check(got == "1", "int r = 10 (new line) %% 3; then r: expected '1'; got %r" % got)


@test
def classpath_in_the_same_cell_and_after_a_restart(s):
    """%classpath: the lines after it in the same cell compile against the jar, and it stays when the cell JVM is replaced."""
    jar = _greeter_jar(tempfile.mkdtemp(dir=s.tmp))
    with kt.fresh_kernel() as k:
        got = k.value('%%classpath %s\nnew demo.Greeter("cell").hello()' % jar)
        check(got == "hello cell", "the line after %%classpath in its cell: expected 'hello cell'; got %r" % got)
        # the cell JVM dies (killed from inside): the next cell runs in a fresh one
        r = k.execute('new ProcessBuilder("kill", "-9", "" + ProcessHandle.current().pid()).start().waitFor();', timeout=60)
        check(r.status == "error" and r.content.get("ename") == "ProcessEnded", "killing the cell JVM: " + r.describe())
        got = k.value('new demo.Greeter("again").hello()', timeout=60)
        check(got == "hello again", "the jar in the fresh cell JVM: expected 'hello again'; got %r" % got)


def _central_reachable():
    """Whether Maven Central answers (any HTTP status) within a few seconds."""
    url = "https://repo.maven.apache.org/maven2/org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.pom"
    try:
        urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=5)
        return True
    except urllib.error.HTTPError:
        return True
    except Exception:
        return False


@test
def maven_classes_compile(s):
    """%maven: the artifact's classes compile in later cells; skipped when Maven Central is out of reach."""
    if not _central_reachable():
        return "skipped: Maven Central cannot be reached"
    k = s.shared()
    r = k.execute("%maven org.apache.commons:commons-lang3:3.14.0", timeout=120)
    check(r.status == "ok" and "commons-lang3" in r.stream(), "%maven commons-lang3 failed: " + r.describe())
    got = k.value('org.apache.commons.lang3.StringUtils.reverse("abc")')
    check(got == "cba", "StringUtils.reverse(\"abc\"): expected 'cba'; got %r" % got)


@test
def execute_on_control(s):
    """An execute_request on control gets a WrongChannel error at once; an interrupt after it still works."""
    with fresh_kernel() as k:
        k.ok("1 + 1")
        long_id, sent = k.execute_async("Thread.sleep(60000);")
        time.sleep(1.0)
        wrong = k.kc.session.msg("execute_request", {"code": "2 + 2", "silent": False, "store_history": False,
                                                     "user_expressions": {}, "allow_stdin": False,
                                                     "stop_on_error": True})
        k.kc.control_channel.send(wrong)
        reply, _ = k.wait_reply(wrong["header"]["msg_id"], 5, channel="control")
        c = reply["content"]
        check(c.get("status") == "error" and c.get("ename") == "WrongChannel"
              and "shell" in c.get("evalue", ""),
              "execute_request on control: expected a WrongChannel error naming the shell channel; got %s" % short(c))
        t_int = time.monotonic()
        r = k.request("interrupt_request", {}, channel="control", timeout=5)
        check(r.status == "ok", "interrupt_request on control: " + r.describe())
        cell = k.collect(long_id, sent, (t_int - sent) + 10)
        took = cell.reply_time - t_int
        check(cell.status == "error" and cell.content.get("ename") == "Interrupted",
              "the long cell after the interrupt: " + cell.describe())
        check(took <= 3.0, "the long cell ended %.2f s after the interrupt (expected within 3 s)" % took)
        check(k.value("1 + 2") == "3", "1 + 2 after the interrupt")
        return "interrupted %.2f s after the interrupt_request" % took


def _rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    raise TestFailure("no VmRSS for pid %d" % pid)


@test
def stdin_flood(s):
    """Large unsigned messages to the stdin socket are not kept: the kernel's memory stays put."""
    with fresh_kernel() as k:
        k.ok("1 + 1")
        pid = k.pid()
        check(pid, "cannot find the kernel's pid")
        before = _rss_mb(pid)
        sock = kt._raw_socket(k, "stdin")
        big = b"x" * (100 * 1024 * 1024)
        try:
            for _ in range(3):
                sock.send_multipart([b"<IDS|MSG>", b"", big], copy=False)
            for i in range(200):
                sock.send_multipart([b"<IDS|MSG>", b"", b"{}", b"{}", b"{}", b"garbage %d" % i])
            peak = before
            deadline = time.monotonic() + 6
            while time.monotonic() < deadline:
                peak = max(peak, _rss_mb(pid))
                time.sleep(0.2)
        finally:
            sock.close()
            del big
        grew = peak - before
        check(grew < 100, "the kernel's RSS grew from %.0f MB to %.0f MB (expected < 100 MB more): the stdin socket"
              " buffers what nobody asked for" % (before, peak))
        r = k.request("kernel_info_request", {}, timeout=10)
        check(r.content.get("implementation") == "scratchnet", "kernel_info after the flood: " + r.describe())
        return "RSS %.0f MB → peak %.0f MB" % (before, peak)


@test
def malformed_header_logged(s):
    """A malformed header is one line in the kernel's log saying what was wrong and from which peer."""
    import zmq

    with fresh_kernel() as k:
        k.ok("1 + 1")
        session = k.kc.session
        info = k.km.get_connection_info()
        peer = b"\x00bad-header-peer"
        sock = zmq.Context.instance().socket(zmq.DEALER)
        sock.setsockopt(zmq.LINGER, 0)
        sock.setsockopt(zmq.IDENTITY, peer)
        sock.connect("%s://%s:%d" % (info["transport"], info["ip"], info["shell_port"]))
        headers = [b"{not json", b"[1, 2]", json.dumps({"msg_type": "execute_request", "version": "5.3"}).encode()]
        try:
            for header in headers:
                parts = [header, b"{}", b"{}", b"{}"]
                sock.send_multipart([b"<IDS|MSG>", session.sign(parts)] + parts)
            time.sleep(0.5)
            r = k.execute("1 + 1", timeout=10)
            check(r.status == "ok" and r.result_text() == "2", "1 + 1 after the malformed headers: " + r.describe())
        finally:
            sock.close()
        with open(k.log_file.name, "rb") as f:
            log = f.read().decode("utf-8", "replace")
        lines = log.splitlines()
        raw = [l for l in lines if "\tat " in l or l.startswith("at ") or "Exception" in l or "com.google" in l
               or "gson" in l.lower() or l.startswith("See ")]
        check(not raw, "the kernel's log has stack trace or raw exception lines: %s" % short(raw, 500))
        dropped = [l for l in lines if "dropped a message on shell from peer %s" % peer.hex() in l]
        check(len(dropped) == len(headers), "expected %d one-line 'dropped a message on shell from peer %s' entries;"
              " the log: %s" % (len(headers), peer.hex(), short(lines, 800)))
        for want in ("header is not valid JSON", "header is not a JSON object", 'no string field "msg_id"'):
            check(any(want in l for l in dropped), "no log line says %r: %s" % (want, short(dropped, 800)))
        return dropped[0]


@test
def ipc_transport_refused(s):
    """A connection file asking for the ipc transport: the kernel exits at once, saying only tcp works."""
    tmp = tempfile.mkdtemp(dir=s.tmp)
    conn = os.path.join(tmp, "kernel-ipc.json")
    with open(conn, "w") as f:
        json.dump({"transport": "ipc", "ip": os.path.join(tmp, "kernel-ipc"), "shell_port": 1, "iopub_port": 2,
                   "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": uuid.uuid4().hex,
                   "signature_scheme": "hmac-sha256", "kernel_name": kt.KERNEL_NAME}, f)
    argv = [a.replace("{connection_file}", conn) for a in _kernelspec()["argv"]]
    t0 = time.monotonic()
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=20, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise TestFailure("the kernel given an ipc connection file was still running after 20 s")
    took = time.monotonic() - t0
    err = done.stderr.strip()
    check(done.returncode != 0, "exit status 0 for an ipc connection file; stderr %s" % short(err))
    check("only 'tcp' is supported" in err and "'ipc'" in err,
          "stderr does not say that only tcp is supported: %s" % short(err))
    check(took < 15, "the kernel took %.1f s to give up on the ipc connection file" % took)
    return "exit %d after %.1f s: %s" % (done.returncode, took, err.splitlines()[-1])


@test
def port_in_use_is_a_clear_error(s):
    """A connection file naming a port another program holds: the kernel exits saying which ports and why, no stack trace."""
    import socket
    tmp = tempfile.mkdtemp(dir=s.tmp)
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    try:
        ports = []
        for _ in range(4):
            probe = socket.socket()
            probe.bind(("127.0.0.1", 0))
            ports.append(probe.getsockname()[1])
            probe.close()
        hb = taken.getsockname()[1]
        conn = os.path.join(tmp, "kernel-taken.json")
        with open(conn, "w") as f:
            json.dump({"transport": "tcp", "ip": "127.0.0.1", "shell_port": ports[0], "iopub_port": ports[1],
                       "stdin_port": ports[2], "control_port": ports[3], "hb_port": hb, "key": uuid.uuid4().hex,
                       "signature_scheme": "hmac-sha256", "kernel_name": kt.KERNEL_NAME}, f)
        argv = [a.replace("{connection_file}", conn) for a in _kernelspec()["argv"]]
        try:
            done = subprocess.run(argv, capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise TestFailure("the kernel whose heartbeat port %d is taken was still running after 30 s" % hb)
    finally:
        taken.close()
    err = done.stderr.strip()
    check(done.returncode == 3, "exit status %d for a taken port (expected 3); stderr %s" % (done.returncode, short(err)))
    check("already in use" in err and ("heartbeat %d" % hb) in err and "\tat " not in err,
          "stderr should name the ports and say one is in use, without a stack trace: %s" % short(err))
    return err.splitlines()[-1]


if __name__ == "__main__":
    sys.exit(kt.main(tests=TESTS))
