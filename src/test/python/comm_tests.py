#!/usr/bin/env python3
"""Jupyter comms between a real client and objects in the cell JVM (what widgets are built on).

Shares kernel_tests.py's kernel sessions and runner: the kernel is started from the kernelspec
``scratchnet`` on ``JUPYTER_PATH`` through ``jupyter_client``.

    /usr/bin/python3 src/test/python/comm_tests.py --jupyter-path DIR      # DIR/kernels/scratchnet/kernel.json
    /usr/bin/python3 src/test/python/comm_tests.py --list

Prints ``PASS name (1.23s)`` or ``FAIL name: reason`` per test, then ``N passed, M failed``.
"""

import os
import sys
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kernel_tests as kt  # noqa: E402
from kernel_tests import check, short, TestFailure  # noqa: E402

kt.TESTS.clear()
test = kt.test

#: a cell that opens a comm to "echo" whose callback answers every message with what it got
ECHO = ('var echo = scratchnet.widgets.Comm.open("echo", java.util.Map.of("hello", 1), '
        'java.util.Map.of("version", "2.1.0"));\n'
        'echo.onMessage(m -> echo.send(java.util.Map.of("got", m.data(), "buffers", m.buffers().size()), '
        'm.buffers().isEmpty() ? java.util.List.of() : java.util.List.of(m.buffers().get(0), "back".getBytes())));\n'
        'echo.id()')


def send_comm(k, msg_type, content, buffers=None):
    """Sends a comm message from the 'front end' on the shell channel; returns its msg_id."""
    msg = k.kc.session.msg(msg_type, content)
    k.kc.session.send(k.kc.shell_channel.socket, msg, buffers=buffers or [])
    return msg["header"]["msg_id"]


def iopub_until(k, match, timeout=20):
    """IOPub messages until one satisfies match(msg); returns (that message, all seen)."""
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        msg = k._poll("iopub", 0.2)
        if msg is None:
            continue
        seen.append(msg)
        if match(msg):
            return msg, seen
    raise TestFailure("no matching IOPub message within %.0f s; saw %s"
                      % (timeout, short([(m["msg_type"], m["content"]) for m in seen][-8:])))


def comm_info(k, target=None):
    content = {} if target is None else {"target_name": target}
    r = k.request("comm_info_request", content)
    check(r.content.get("status") == "ok", "comm_info_reply: " + short(r.content))
    return r.content["comms"]


def open_echo(k):
    r = k.execute(ECHO)
    check(r.status == "ok", "the echo cell failed: " + r.describe())
    opens = r.of_type("comm_open")
    check(len(opens) == 1, "expected one comm_open from the cell; got %s" % short([m["msg_type"] for _, m in r.msgs]))
    return opens[0]


def _of_comm(comm_id, msg_type):
    return lambda m: m["msg_type"] == msg_type and m["content"].get("comm_id") == comm_id


@test
def open_from_the_cell(s):
    """A cell opens a comm: comm_open on IOPub with target, data and metadata; comm_info lists it."""
    k = s.shared()
    check(comm_info(k) == {} or all(v["target_name"] != "echo" for v in comm_info(k).values()),
          "comms before any was opened: %s" % comm_info(k))
    o = open_echo(k)
    c = o["content"]
    check(c["target_name"] == "echo", "target_name: %r" % c.get("target_name"))
    check(c["data"] == {"hello": 1}, "data: %r" % c.get("data"))
    check(o["metadata"].get("version") == "2.1.0", "metadata: %r" % o.get("metadata"))
    comm_id = c["comm_id"]
    check(comm_info(k).get(comm_id) == {"target_name": "echo"}, "comm_info: %s" % comm_info(k))
    check(comm_id in comm_info(k, "echo") and comm_info(k, "other") == {},
          "comm_info by target: echo %s, other %s" % (comm_info(k, "echo"), comm_info(k, "other")))
    return "comm %s" % comm_id[:8]


@test
def message_reaches_the_callback(s):
    """comm_msg from the front end runs the cell's callback, whose answer comes back on IOPub."""
    k = s.shared()
    comm_id = open_echo(k)["content"]["comm_id"]
    t0 = time.monotonic()
    send_comm(k, "comm_msg", {"comm_id": comm_id, "data": {"x": 5, "name": "β"}})
    m, _ = iopub_until(k, _of_comm(comm_id, "comm_msg"))
    took = time.monotonic() - t0
    check(m["content"]["data"] == {"got": {"x": 5, "name": "β"}, "buffers": 0}, "echo: %r" % m["content"]["data"])
    return "answered in %.0f ms" % (took * 1000)


@test
def buffers_both_ways(s):
    """Binary buffers travel as binary parts of the message, into the cell JVM and back."""
    k = s.shared()
    comm_id = open_echo(k)["content"]["comm_id"]
    payload = bytes(range(256)) * 4
    send_comm(k, "comm_msg", {"comm_id": comm_id, "data": {"method": "custom"}}, buffers=[payload])
    m, _ = iopub_until(k, _of_comm(comm_id, "comm_msg"))
    check(m["content"]["data"]["buffers"] == 1, "the callback saw %r buffers" % m["content"]["data"].get("buffers"))
    got = [bytes(b) for b in m.get("buffers", [])]
    check(got == [payload, b"back"], "buffers back: %s" % short([len(b) for b in got]))
    return "%d bytes there and back" % len(payload)


@test
def unknown_target_is_closed(s):
    """A comm the front end opens to a target nobody registered is closed again."""
    k = s.shared()
    comm_id = uuid.uuid4().hex
    send_comm(k, "comm_open", {"comm_id": comm_id, "target_name": "nobody.here", "data": {}})
    iopub_until(k, _of_comm(comm_id, "comm_close"))
    check(comm_id not in comm_info(k), "the refused comm is still listed: %s" % comm_info(k))
    return "closed"


@test
def target_registered_in_a_cell(s):
    """A cell registers a target; the front end opens a comm to it and talks to it."""
    k = s.shared()
    k.ok('scratchnet.widgets.Comms.registerTarget("adder", c -> c.onMessage(m -> c.send(java.util.Map.of("sum", '
         '((Number) m.data().get("a")).intValue() + ((Number) m.data().get("b")).intValue()))))')
    comm_id = uuid.uuid4().hex
    send_comm(k, "comm_open", {"comm_id": comm_id, "target_name": "adder", "data": {}})
    send_comm(k, "comm_msg", {"comm_id": comm_id, "data": {"a": 2, "b": 40}})
    m, _ = iopub_until(k, _of_comm(comm_id, "comm_msg"))
    check(m["content"]["data"] == {"sum": 42}, "adder: %r" % m["content"]["data"])
    check(comm_info(k).get(comm_id) == {"target_name": "adder"}, "comm_info: %s" % comm_info(k))
    send_comm(k, "comm_close", {"comm_id": comm_id, "data": {}})
    time.sleep(0.5)
    check(comm_id not in comm_info(k), "closed by the front end but still listed")
    return "2 + 40 = 42"


@test
def failing_callback_is_reported_and_the_next_runs(s):
    """A callback that throws: its exception is printed, later messages still reach callbacks."""
    k = s.shared()
    r = k.ok('var flaky = scratchnet.widgets.Comm.open("flaky", java.util.Map.of(), java.util.Map.of());\n'
             'flaky.onMessage(m -> { if (m.data().containsKey("boom")) throw new IllegalStateException("boom!"); '
             'flaky.send(m.data()); });\nflaky.id()')
    comm_id = r.of_type("comm_open")[0]["content"]["comm_id"]
    send_comm(k, "comm_msg", {"comm_id": comm_id, "data": {"boom": True}})
    err, _ = iopub_until(k, lambda m: m["msg_type"] == "stream" and "boom!" in m["content"]["text"])
    check(err["content"]["name"] == "stderr", "the exception went to %s" % err["content"]["name"])
    send_comm(k, "comm_msg", {"comm_id": comm_id, "data": {"fine": 1}})
    m, _ = iopub_until(k, _of_comm(comm_id, "comm_msg"))
    check(m["content"]["data"] == {"fine": 1}, "after the failure: %r" % m["content"]["data"])
    return "reported: " + short(err["content"]["text"].strip().splitlines()[0], 80)


@test
def close_from_the_cell(s):
    """Comm.close() in a cell sends comm_close; comm_info forgets it."""
    k = s.shared()
    comm_id = open_echo(k)["content"]["comm_id"]
    r = k.ok("echo.close()")
    closes = [m for m in r.of_type("comm_close") if m["content"]["comm_id"] == comm_id]
    check(len(closes) == 1, "expected one comm_close for %s; got %s" % (comm_id[:8], short([m["msg_type"] for _, m in r.msgs])))
    check(comm_id not in comm_info(k), "closed but listed: %s" % comm_info(k))
    return "closed"


@test
def cell_jvm_restart_closes_its_comms(s):
    """The cell JVM dies (killed from outside): the front end is told its comms are closed."""
    with kt.fresh_kernel() as k:
        comm_id = open_echo(k)["content"]["comm_id"]
        r = k.execute('new ProcessBuilder("kill", "-9", "" + ProcessHandle.current().pid()).start().waitFor();'
                      'Thread.sleep(10_000);')
        check(r.status == "error", "a killed cell JVM should fail the cell: " + r.describe())
        closes = [m for m in r.of_type("comm_close") if m["content"]["comm_id"] == comm_id]
        if not closes:
            iopub_until(k, _of_comm(comm_id, "comm_close"), timeout=30)
        check(comm_info(k) == {}, "comms after the restart: %s" % comm_info(k))
        check(k.value("1 + 1") == "2", "the fresh session does not run cells")
    return "closed with the JVM"


if __name__ == "__main__":
    sys.exit(kt.main())
