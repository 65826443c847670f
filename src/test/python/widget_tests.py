#!/usr/bin/env python3
"""scratchnet's widgets speaking ipywidgets 8's protocol (2.1.0) with a real Jupyter client.

Shares kernel_tests.py's kernel sessions and runner: the kernel is started from the kernelspec
``scratchnet`` on ``JUPYTER_PATH`` through ``jupyter_client``.

    /usr/bin/python3 src/test/python/widget_tests.py --jupyter-path DIR      # DIR/kernels/scratchnet/kernel.json
    /usr/bin/python3 src/test/python/widget_tests.py --list

Prints ``PASS name (1.23s)`` or ``FAIL name: reason`` per test, then ``N passed, M failed``.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kernel_tests as kt  # noqa: E402
from kernel_tests import check, short  # noqa: E402
from comm_tests import send_comm, iopub_until  # noqa: E402

kt.TESTS.clear()
test = kt.test

VIEW = "application/vnd.jupyter.widget-view+json"


def models(r):
    """The widget models a cell opened, by id: (model name, state after the cell's updates, metadata, open data)."""
    out = {}
    for m in r.of_type("comm_open"):
        c = m["content"]
        check(c["target_name"] == "jupyter.widget", "target %r" % c["target_name"])
        out[c["comm_id"]] = (c["data"]["state"]["_model_name"], dict(c["data"]["state"]), m["metadata"], c["data"])
    for m in r.of_type("comm_msg"):
        c = m["content"]
        if c["comm_id"] in out and c["data"].get("method") == "update":
            out[c["comm_id"]][1].update(c["data"]["state"])
    return out


def shown(r):
    """The widget view a cell showed (its result or a display), as JSON."""
    for m in r.of_type("execute_result", "display_data"):
        data = m["content"]["data"]
        if VIEW in data:
            return data[VIEW], data.get("text/plain")
    raise kt.TestFailure("the cell showed no widget view: %s" % short([m["msg_type"] for _, m in r.msgs]))


def update(k, comm_id, state):
    return send_comm(k, "comm_msg", {"comm_id": comm_id, "data": {"method": "update", "state": state, "buffer_paths": []}})


def comm_msg_of(comm_id, method):
    return lambda m: (m["msg_type"] == "comm_msg" and m["content"].get("comm_id") == comm_id
                      and m["content"]["data"].get("method") == method)


@test
def slider_opens_as_ipywidgets_models(s):
    """slider(0, 1, 0.3): a FloatSliderModel with its own layout and style models, shown as a widget view."""
    k = s.shared()
    r = k.execute('var lr = slider(0, 1, 0.3).description("lr");\nlr')
    check(r.status == "ok", "the cell failed: " + r.describe())
    ms = models(r)
    names = sorted(n for n, _, _, _ in ms.values())
    check(names == ["FloatSliderModel", "LayoutModel", "SliderStyleModel"], "models opened: %s" % names)
    sid, (_, state, meta, data) = next((i, v) for i, v in ms.items() if v[0] == "FloatSliderModel")
    check(meta.get("version") == "2.1.0", "metadata: %r" % meta)
    check(data.get("buffer_paths") == [], "buffer_paths: %r" % data.get("buffer_paths"))
    for key, want in [("_model_module", "@jupyter-widgets/controls"), ("_model_module_version", "2.0.0"),
                      ("_view_name", "FloatSliderView"), ("value", 0.3), ("min", 0), ("max", 1),
                      ("description", "lr")]:
        check(state.get(key) == want, "%s: expected %r, got %r" % (key, want, state.get(key)))
    layout = next(i for i, v in ms.items() if v[0] == "LayoutModel")
    check(state["layout"] == "IPY_MODEL_" + layout, "layout reference %r, layout model %s" % (state["layout"], layout))
    check(ms[layout][1]["_model_module"] == "@jupyter-widgets/base", "layout module %r" % ms[layout][1]["_model_module"])
    view, text = shown(r)
    check(view == {"model_id": sid, "version_major": 2, "version_minor": 1}, "view: %r" % view)
    check(text == "FloatSlider(lr=0.3)", "text for front ends without widgets: %r" % text)
    return "slider %s" % sid[:8]


@test
def a_slider_value_lies_on_its_step_grid(s):
    """slider(0.05, 1, 0.3): ipywidgets' view moves the value onto min + i·step when it shows the
    slider, so the default step must keep 0.3 on that grid (with (max − min)/100 it became 0.297)."""
    k = s.shared()
    r = k.ok('slider(0.05, 1, 0.3)')
    state = next(st for n, st, _, _ in models(r).values() if n == "FloatSliderModel")
    steps = (state["value"] - state["min"]) / state["step"]
    check(abs(steps - round(steps)) < 1e-9,
          "value %r is %.4f steps of %r above min %r: the front end would move it" % (
              state["value"], steps, state["step"], state["min"]))
    check(state["value"] == 0.3, "value %r" % state["value"])
    return "step %r, value = min + %d steps" % (state["step"], round(steps))


@test
def dragging_changes_value_and_runs_on_change(s):
    """An update from the front end: echoed back, value() reads it, onChange runs."""
    k = s.shared()
    r = k.ok('var seen = new java.util.concurrent.CopyOnWriteArrayList<Double>();\n'
             'var w = slider(0, 1, 0.3);\nw.onChange(v -> seen.add(v));\nw')
    sid = shown(r)[0]["model_id"]
    sent = update(k, sid, {"value": 0.75})
    echo, _ = iopub_until(k, comm_msg_of(sid, "echo_update"))
    check(echo["content"]["data"]["state"] == {"value": 0.75}, "echo_update: %r" % echo["content"]["data"])
    check(echo["parent_header"].get("msg_id") == sent,
          "echo_update's parent is %s, not the update it answers (ipywidgets 8 matches them)"
          % echo["parent_header"].get("msg_type"))
    update(k, sid, {"value": 0.75 + 1e-15})
    iopub_until(k, comm_msg_of(sid, "echo_update"))
    check(k.value("w.value()") == "0.75", "value() after the drag: %r" % k.value("w.value()"))
    check(k.value("seen") == "[0.75]", "onChange saw %s (a front end's rounding is no change)" % k.value("seen"))
    return "0.3 → 0.75"


@test
def setting_in_a_cell_updates_the_front_end(s):
    """value(x) in a cell sends an update with the new value."""
    k = s.shared()
    r = k.ok("var n = intSlider(1, 50, 25);\nn")
    sid = shown(r)[0]["model_id"]
    r = k.ok("n.value(40)")
    ups = [m for m in r.of_type("comm_msg") if m["content"]["comm_id"] == sid]
    check(len(ups) == 1 and ups[0]["content"]["data"]["method"] == "update"
          and ups[0]["content"]["data"]["state"] == {"value": 40}, "updates: %s" % short([m["content"] for m in ups]))
    return "update sent"


@test
def request_state_gets_the_whole_state(s):
    """request_state: an update with every attribute, the value as it is now."""
    k = s.shared()
    r = k.ok("var c = checkbox(false).description(\"L2\");\nc.value(true);\nc")
    cid = shown(r)[0]["model_id"]
    send_comm(k, "comm_msg", {"comm_id": cid, "data": {"method": "request_state"}})
    m, _ = iopub_until(k, comm_msg_of(cid, "update"))
    st = m["content"]["data"]["state"]
    check(st.get("_model_name") == "CheckboxModel" and st.get("value") is True and st.get("description") == "L2",
          "state: %s" % short(st))
    return "%d attributes" % len(st)


@test
def button_click_runs_its_callback(s):
    """A click (custom message) runs onClick in the cell JVM."""
    k = s.shared()
    r = k.ok('var clicks = new java.util.concurrent.atomic.AtomicInteger();\n'
             'var b = button("train").onClick(x -> clicks.incrementAndGet());\nb')
    bid = shown(r)[0]["model_id"]
    for _ in range(2):
        send_comm(k, "comm_msg", {"comm_id": bid, "data": {"method": "custom", "content": {"event": "click"}}})
    deadline = kt.time.monotonic() + 10
    while k.value("clicks.get()") != "2" and kt.time.monotonic() < deadline:
        kt.time.sleep(0.1)
    check(k.value("clicks.get()") == "2", "clicks: %s" % k.value("clicks.get()"))
    return "2 clicks"


@test
def dropdown_follows_the_chosen_index(s):
    """The front end sends the index; value() is the label there."""
    k = s.shared()
    r = k.ok('var act = dropdown("sigmoid", "tanh", "relu");\nact')
    did = shown(r)[0]["model_id"]
    update(k, did, {"index": 2})
    iopub_until(k, comm_msg_of(did, "echo_update"))
    deadline = kt.time.monotonic() + 10
    while k.value("act.value()") != "relu" and kt.time.monotonic() < deadline:
        kt.time.sleep(0.1)
    check(k.value("act.value()") == "relu", "value: %s" % k.value("act.value()"))
    return "relu"


@test
def boxes_hold_references_to_their_children(s):
    """hbox(a, b): an HBoxModel whose children are IPY_MODEL_ references."""
    k = s.shared()
    r = k.ok('var a = label("loss –");\nvar b2 = progress(0, 100);\nvar box = hbox(a, b2);\nbox')
    ms = models(r)
    box = next(v for v in ms.values() if v[0] == "HBoxModel")
    ids = [i for i, v in ms.items() if v[0] in ("LabelModel", "FloatProgressModel")]
    check(sorted(box[1]["children"]) == sorted("IPY_MODEL_" + i for i in ids), "children %s of %s" % (box[1]["children"], ids))
    return "2 children"


@test
def bad_ranges_say_what_arrived(s):
    """slider(1, 0, 0.5): a clear error, not a broken widget."""
    k = s.shared()
    r = k.execute("slider(1, 0, 0.5)")
    check(r.status == "error", "expected an error: " + r.describe())
    check("min < max" in r.content.get("evalue", "") and "1.0" in r.content.get("evalue", ""),
          "evalue: %r" % r.content.get("evalue"))
    return short(r.content.get("evalue"), 80)


@test
def interact_reruns_and_redraws_in_place(s):
    """interact: controls, then the function's result; a change re-runs it and updates that display."""
    k = s.shared()
    r = k.ok('var calls = new java.util.concurrent.atomic.AtomicInteger();\n'
             'var h = intSlider(1, 10, 2);\n'
             'var it = Interact.interact(() -> { calls.incrementAndGet(); return "square " + h.value() * h.value(); }, h);')
    shows = [m for m in r.of_type("display_data")]
    check(len(shows) == 2, "expected the controls and the result shown; got %d displays" % len(shows))
    result = shows[1]["content"]
    check(result["data"].get("text/plain") == "square 4", "first result: %r" % result["data"])
    display_id = result.get("transient", {}).get("display_id")
    check(display_id, "the result has no display_id to update: %r" % result)
    sid = next(m["content"]["comm_id"] for m in r.of_type("comm_open")
               if m["content"]["data"]["state"]["_model_name"] == "IntSliderModel")
    update(k, sid, {"value": 7})
    m, _ = iopub_until(k, lambda m: m["msg_type"] == "update_display_data"
                       and m["content"].get("transient", {}).get("display_id") == display_id)
    check(m["content"]["data"].get("text/plain") == "square 49", "re-run result: %r" % m["content"]["data"])
    return "redrawn in place"


@test
def interact_drops_a_run_overtaken_by_a_newer_value(s):
    """A slow function: values changed while it runs stop that run; only the newest is shown."""
    k = s.shared()
    r = k.ok('var v = intSlider(0, 100, 0);\n'
             'var slow = Interact.interact(() -> { try { Thread.sleep(v.value() == 0 ? 0 : 1500); } '
             'catch (InterruptedException e) { Thread.currentThread().interrupt(); return "stopped"; } '
             'return "value " + v.value(); }, v);')
    display_id = r.of_type("display_data")[1]["content"]["transient"]["display_id"]
    sid = next(m["content"]["comm_id"] for m in r.of_type("comm_open")
               if m["content"]["data"]["state"]["_model_name"] == "IntSliderModel")
    for value in (10, 20, 30):
        update(k, sid, {"value": value})
        kt.time.sleep(0.2)
    shown = []
    deadline = kt.time.monotonic() + 10
    while kt.time.monotonic() < deadline:
        m = k._poll("iopub", 0.3)
        if m and m["msg_type"] == "update_display_data" and m["content"].get("transient", {}).get("display_id") == display_id:
            shown.append(m["content"]["data"]["text/plain"])
            if shown[-1] == "value 30":
                break
    check(shown == ["value 30"], "expected only the newest run shown; shown %s" % shown)
    check(k.value("slow.runs()") == "2", "runs finished and shown: %s" % k.value("slow.runs()"))
    return "10 and 20 dropped, 30 shown"


@test
def interrupt_stops_a_runaway_callback(s):
    """A callback that loops until interrupted: interrupt_request stops it, and the next callback runs."""
    k = s.shared()
    r = k.ok('var stuck = new java.util.concurrent.atomic.AtomicBoolean();\n'
             'var go = button("spin").onClick(b -> { stuck.set(true); '
             'while (!Thread.currentThread().isInterrupted()) { } stuck.set(false); });\ngo')
    bid = shown(r)[0]["model_id"]
    send_comm(k, "comm_msg", {"comm_id": bid, "data": {"method": "custom", "content": {"event": "click"}}})
    deadline = kt.time.monotonic() + 10
    while k.value("stuck.get()") != "true" and kt.time.monotonic() < deadline:
        kt.time.sleep(0.1)
    check(k.value("stuck.get()") == "true", "the callback never started")
    k.request("interrupt_request", {}, channel="control")
    deadline = kt.time.monotonic() + 10
    while k.value("stuck.get()") != "false" and kt.time.monotonic() < deadline:
        kt.time.sleep(0.1)
    check(k.value("stuck.get()") == "false", "the callback still runs after the interrupt")
    return "stopped"


@test
def reloaded_page_gets_every_widget_state(s):
    """The widget manager's control comm: request_states answers update_states with each open widget."""
    k = s.shared()
    r = k.ok('var again = slider(0, 10, 4);\nagain.value(6.0);\nagain')
    sid = shown(r)[0]["model_id"]
    cid = kt.uuid.uuid4().hex
    send_comm(k, "comm_open", {"comm_id": cid, "target_name": "jupyter.widget.control", "data": {}})
    send_comm(k, "comm_msg", {"comm_id": cid, "data": {"method": "request_states"}})
    m, _ = iopub_until(k, lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == cid)
    data = m["content"]["data"]
    check(data.get("method") == "update_states", "reply: %s" % short(data))
    one = data["states"].get(sid)
    check(one is not None, "the slider %s is not among %d states" % (sid[:8], len(data["states"])))
    check(one["model_name"] == "FloatSliderModel" and one["model_module"] == "@jupyter-widgets/controls"
          and one["model_module_version"] == "2.0.0" and one["state"]["value"] == 6.0, "its state: %s" % short(one))
    layout = one["state"]["layout"][len("IPY_MODEL_"):]
    check(layout in data["states"], "its layout model is missing from the states")
    return "%d widgets" % len(data["states"])


@test
def control_comm_answers_before_any_cell(s):
    """A front end connecting to a fresh kernel opens the control comm at once: it is answered."""
    with kt.fresh_kernel() as k:
        cid = kt.uuid.uuid4().hex
        send_comm(k, "comm_open", {"comm_id": cid, "target_name": "jupyter.widget.control", "data": {}})
        send_comm(k, "comm_msg", {"comm_id": cid, "data": {"method": "request_states"}})
        m, _ = iopub_until(k, lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == cid, timeout=60)
        check(m["content"]["data"] == {"method": "update_states", "states": {}, "buffer_paths": {}},
              "reply: %s" % short(m["content"]["data"]))
        check(m["parent_header"].get("msg_type") in ("comm_open", "comm_msg"), "parent: %r" % m["parent_header"])
    return "empty states"


@test
def output_widget_captures_prints_and_charts(s):
    """output().capture(...) in a button's callback: the text and the chart land in the Output's outputs."""
    k = s.shared()
    r = k.ok('var out = output();\n'
             'var draw = button("draw").onClick(b -> out.capture(() -> { System.out.println("drawing"); '
             'display(scatter(arange(0.0, 1.0, 0.1), arange(0.0, 1.0, 0.1), "line")); }));\nvbox(draw, out)')
    ms = models(r)
    oid = next(i for i, v in ms.items() if v[0] == "OutputModel")
    check(ms[oid][1]["_model_module"] == "@jupyter-widgets/output" and ms[oid][1]["_model_module_version"] == "1.0.0",
          "output module: %s" % short(ms[oid][1]))
    bid = next(i for i, v in ms.items() if v[0] == "ButtonModel")
    send_comm(k, "comm_msg", {"comm_id": bid, "data": {"method": "custom", "content": {"event": "click"}}})
    m, seen = iopub_until(k, lambda m: comm_msg_of(oid, "update")(m)
                          and any(o.get("output_type") == "display_data" for o in m["content"]["data"]["state"].get("outputs", [])))
    outs = m["content"]["data"]["state"]["outputs"]
    check(outs[0] == {"output_type": "stream", "name": "stdout", "text": "drawing\n"}, "first output: %s" % short(outs[0]))
    check("image/png" in outs[1]["data"], "the chart: %s" % short(list(outs[1]["data"])))
    leaked = [x for x in seen if x["msg_type"] == "stream" and "drawing" in x["content"]["text"]]
    check(not leaked, "the captured text also reached the cell: %s" % short(leaked))
    return "%d outputs" % len(outs)


@test
def fit_shows_a_widget_bar_once_a_widget_manager_connected(s):
    """As tqdm.notebook: without a widget manager fit shows the HTML bar; after one opened the control comm, a widget bar."""
    with kt.fresh_kernel() as k:
        k.ok("var xs = arange(0.0, 1.0, 0.05); var ys = xs.mul(2.0);")
        r = k.ok("net(1, 4, 1).tanh().linear().fit(xs, ys, lr(0.1), iters(50));")
        check(not r.of_type("comm_open"), "a widget before any widget manager connected")
        check(any("scratchnet-progress" in m["content"]["data"].get("text/html", "") for m in r.of_type("display_data")),
              "no HTML bar without a widget manager")
        cid = kt.uuid.uuid4().hex
        send_comm(k, "comm_open", {"comm_id": cid, "target_name": "jupyter.widget.control", "data": {}})
        kt.time.sleep(0.5)
        r = k.ok("net(1, 4, 1).tanh().linear().fit(xs, ys, lr(0.1), iters(50));")
        ms = models(r)
        names = sorted(v[0] for v in ms.values())
        check("FloatProgressModel" in names and "HBoxModel" in names and "LabelModel" in names, "models: %s" % names)
        bar = next(v for v in ms.values() if v[0] == "FloatProgressModel")
        check(bar[1]["max"] == 50 and bar[1]["value"] == 50, "the bar at the end: %s" % short(bar[1]))
        label = next(v for v in ms.values() if v[0] == "LabelModel")
        check("50/50" in label[1]["value"] and "done" in label[1]["value"], "the label: %r" % label[1]["value"])
    return "widget bar"


if __name__ == "__main__":
    sys.exit(kt.main())
