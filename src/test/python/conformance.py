#!/usr/bin/env python3
"""The Jupyter project's own kernel test suite, jupyter_kernel_test, run against the scratchnet kernel.

Every opt-in test that applies to Java is enabled; the kernel is started from the kernelspec
``scratchnet`` found on ``JUPYTER_PATH``, as Jupyter starts it.

    /usr/bin/python3 src/test/python/conformance.py --jupyter-path DIR      # DIR/kernels/scratchnet/kernel.json

Prints unittest's verbose report and summary; exits with status 1 when a test failed, raised an
error, or was skipped without being listed in NOT_APPLICABLE (so an opt-in that stops applying
cannot pass silently), 2 for a usage error. Needs jupyter_client and jupyter_kernel_test
(Debian: python3-jupyter-kernel-test).
"""

import argparse
import os
import shutil
import sys
import tempfile
import unittest

KERNEL_NAME = "scratchnet"
#: how long the kernel may take to start and run its first cell (the suite allows 15 s per request)
STARTUP_TIMEOUT_S = 120

#: the suite's tests that do not apply to this kernel, with the reason
NOT_APPLICABLE = {
    "test_pager": "Java cells have no pager payload (IPython's `?` help); inspect_request serves that role",
}

try:
    import jupyter_kernel_test
except ImportError:  # reported by main(), so that --help and the usage errors still work
    jupyter_kernel_test = None

_Base = jupyter_kernel_test.KernelTests if jupyter_kernel_test else unittest.TestCase


class ScratchnetConformance(_Base):
    kernel_name = KERNEL_NAME

    # kernel_info_reply
    language_name = "java"
    file_extension = ".java"

    # stream output
    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("something went wrong");'

    # complete_request with the cursor at the end; matches replace the text from cursor_start
    completion_samples = [
        {"text": "Math.P", "matches": {"PI"}},
        {"text": "Integer.MAX_V", "matches": {"MAX_VALUE"}},
        {"text": "linspa", "matches": {"linspace("}},
    ]

    # is_complete_request, by Java's rules (JShell's source analysis)
    complete_code_samples = [
        "int x = 1;",
        "6 * 7",
        'System.out.println("hi")',
        "class Point { int x; }",
        "for (int i = 0; i < 3; i++) {\n    System.out.println(i);\n}",
        "var m = net(1, 25, 1)\n    .sigmoid()\n    .linear();",
        "int a = 1; int b = 2;",
        "",
    ]
    incomplete_code_samples = [
        "for (int i = 0; i < 3; i++) {",
        "class Point {",
        "int x = (1 +",
        "var m = net(1, 25, 1)\n    .sigmoid()\n    .",
        "/* a comment that goes on",
    ]
    # JShell's analysis flags what cannot start or end a snippet; other syntax errors count as
    # complete and are reported when the cell runs
    invalid_code_samples = [
        "int x = 1;)",
        "}",
        "int x = 1 +;",
        "class 1Point {}",
    ]

    # errors, values and rich output
    code_generate_error = 'throw new IllegalStateException("expected by the test");'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"scratch" + "net"', "result": "scratchnet"},
        {"code": "eye(2)", "mime": "text/html"},
    ]
    code_display_data = [
        {"code": "display(eye(2));", "mime": "text/html"},
        {"code": "display(line(row(1, 2, 3), row(1, 4, 9)));", "mime": "image/png"},
    ]
    code_clear_output = 'System.out.println("soon gone");\nclearOutput();'

    # history_request; the pattern (a glob) must match exactly one of code_execute_result's codes
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6*7"

    # inspect_request with the cursor at the end of the code, where Shift-Tab is pressed
    code_inspect_sample = "Math.max"

    @classmethod
    def setUpClass(cls):
        from jupyter_client.manager import start_new_kernel

        cls.km, cls.kc = start_new_kernel(kernel_name=cls.kernel_name, startup_timeout=STARTUP_TIMEOUT_S)
        # the suite gives every request 15 s; the first cell of a cold JVM on a busy machine may need more
        reply = cls.kc.execute_interactive("1", store_history=False, timeout=STARTUP_TIMEOUT_S,
                                           output_hook=lambda msg: None)
        if reply["content"]["status"] != "ok":
            raise RuntimeError("the warm-up cell failed: %r" % reply["content"])


class Report(unittest.TextTestResult):
    """unittest's verbose result, which also remembers the tests that were skipped."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.skipped_ids = []

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self.skipped_ids.append(test.id())


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--jupyter-path", required=True, help="directory holding kernels/%s/kernel.json" % KERNEL_NAME)
    args = p.parse_args(argv)
    spec = os.path.join(args.jupyter_path, "kernels", KERNEL_NAME, "kernel.json")
    if not os.path.isfile(spec):
        p.error("expected the kernelspec %s; it does not exist" % spec)
    if jupyter_kernel_test is None:
        print("jupyter_kernel_test is not installed (Debian: python3-jupyter-kernel-test; pip: jupyter_kernel_test)",
              file=sys.stderr)
        return 2

    os.environ["JUPYTER_PATH"] = os.path.abspath(args.jupyter_path)
    runtime = tempfile.mkdtemp(prefix="scratchnet-jupyter-runtime-")
    os.environ["JUPYTER_RUNTIME_DIR"] = runtime
    try:
        suite = unittest.defaultTestLoader.loadTestsFromTestCase(ScratchnetConformance)
        runner = unittest.TextTestRunner(stream=sys.stdout, verbosity=2, resultclass=Report)
        result = runner.run(suite)
    finally:
        shutil.rmtree(runtime, ignore_errors=True)

    # a test counts as skipped when it or any of its subtests was
    skipped = sorted({t.split(".")[-1] for t in result.skipped_ids})
    unexpected = [t for t in skipped if t not in NOT_APPLICABLE]
    missing = [t for t in NOT_APPLICABLE if t not in skipped]
    print("skipped as not applicable: %s" % ", ".join("%s (%s)" % (t, NOT_APPLICABLE[t]) for t in skipped
                                                     if t in NOT_APPLICABLE))
    if unexpected:
        print("UNEXPECTED SKIP: %s: an opt-in attribute is unset or a subtest skipped itself" % ", ".join(unexpected))
    if missing:
        print("NOT SKIPPED: %s ran although listed as not applicable; remove it from NOT_APPLICABLE"
              % ", ".join(missing))
    ok = result.wasSuccessful() and not unexpected and not missing
    print("conformance: %s (%d run, %d failures, %d errors, %d skipped)"
          % ("OK" if ok else "FAILED", result.testsRun, len(result.failures), len(result.errors), len(skipped)))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
