"""Tests for perf/gate.

    python3 -m unittest discover -s perf -p 'test_*.py'

The pure logic (parsing callgrind and --stats output, comparison against the
threshold, table and baseline formatting) is tested directly. The command
line is tested as a subprocess: usage errors exit 2 without building
anything, and an end-to-end run with a baseline 10% below the measured counts
must exit 1 -- the proof that the gate can fail. That run needs valgrind and
a release pyvm binary (PYVM=path, else target/release/pyvm or
$CARGO_TARGET_DIR/release/pyvm); without them it is skipped with a message.
"""

import importlib.machinery
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

PERF = Path(__file__).resolve().parent
REPO = PERF.parent
GATE = PERF / "gate"


def _load_gate():
    loader = importlib.machinery.SourceFileLoader("perf_gate", str(GATE))
    spec = importlib.util.spec_from_loader("perf_gate", loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules["perf_gate"] = module  # dataclasses look their module up here
    loader.exec_module(module)
    return module


gate = _load_gate()

CALLGRIND_STDERR = """\
==4242== Callgrind, a call-graph generating cache profiler
==4242== Copyright (C) 2002-2017, and GNU GPL'd, by Josef Weidendorfer et al.
==4242== Using Valgrind-3.19.0 and LibVEX; rerun with -h for copyright info
==4242== Command: pyvm --dispatch switch fib_recursive.py 25
==4242==
==4242== For interactive control, run 'callgrind_control -h'.
==4242==
==4242== Events    : Ir
==4242== Collected : 188134270
==4242==
==4242== I   refs:      188,134,270
"""

TOOLCHAIN = {"rustc": "rustc 1.95.0", "valgrind": "valgrind-3.19.0", "cpu": "Test CPU"}


def doc(counts, bytecodes=None, sizes=None, toolchain=None):
    """A document in the baseline-file shape."""
    return {
        "toolchain": dict(toolchain or TOOLCHAIN),
        "gate_sizes": sizes if sizes is not None else {p: 10 for p in counts},
        "counts": counts,
        "bytecodes": bytecodes if bytecodes is not None else {p: {s: 1_000_000 for s in v} for p, v in counts.items()},
    }


def scaled(counts, factor):
    return {p: {s: int(n * factor) for s, n in v.items()} for p, v in counts.items()}


MEASURED = {
    "fib_recursive": {"switch": 188_134_270, "table": 208_164_097, "threaded": 193_718_301},
    "sieve": {"switch": 133_986_805, "table": 143_572_505, "threaded": 123_005_020},
}


class ParseCallgrind(unittest.TestCase):
    def test_reads_collected_total(self):
        self.assertEqual(gate.parse_callgrind_total(CALLGRIND_STDERR), 188_134_270)

    def test_program_stderr_before_the_summary_is_ignored(self):
        text = "Traceback? no\nCollected : 5\n" + CALLGRIND_STDERR
        self.assertEqual(gate.parse_callgrind_total(text), 188_134_270)

    def test_last_total_wins(self):
        text = "==1== Collected : 10\n==2== Collected : 20\n"
        self.assertEqual(gate.parse_callgrind_total(text), 20)

    def test_missing_total_is_an_error(self):
        with self.assertRaises(ValueError):
            gate.parse_callgrind_total("==1== Events    : Ir\n==1== I   refs:      1,000\n")


class ParseStats(unittest.TestCase):
    def test_json_on_the_last_line(self):
        stats = {"instructions": 2185096, "opcodes": {"LOAD_FAST": 5}}
        text = "some program output on stderr\n{not json\n" + json.dumps(stats) + "\n"
        self.assertEqual(gate.parse_stats_instructions(text), 2185096)

    def test_missing_stats_is_an_error(self):
        with self.assertRaises(ValueError):
            gate.parse_stats_instructions("Traceback (most recent call last):\nNameError: x\n")
        with self.assertRaises(ValueError):
            gate.parse_stats_instructions('{"opcodes": {}}\n')


class ParseNames(unittest.TestCase):
    def test_commas_spaces_suffix_and_duplicates(self):
        self.assertEqual(gate.parse_names(["a,b", "c.py", "a"]), ["a", "b", "c"])
        self.assertIsNone(gate.parse_names(None))

    def test_strategy_order(self):
        self.assertEqual(gate.strategy_order({"threaded": 1, "zeta": 1, "switch": 1}), ["switch", "threaded", "zeta"])


class Compare(unittest.TestCase):
    def test_gate_fails_when_baseline_is_ten_percent_lower(self):
        # The proof that the gate can fail: every measured count is ~11% above
        # a baseline recorded 10% lower.
        rows = gate.compare(doc(scaled(MEASURED, 0.9)), doc(MEASURED), 2.0)
        self.assertEqual(len(rows), 6)
        self.assertTrue(all(r.status == "regression" for r in rows))
        self.assertEqual(gate.exit_status(rows), 1)

    def test_identical_counts_pass(self):
        rows = gate.compare(doc(MEASURED), doc(MEASURED), 2.0)
        self.assertTrue(all(r.status == "ok" and r.change == 0 for r in rows))
        self.assertEqual(gate.exit_status(rows), 0)

    def test_threshold_is_strictly_greater_than(self):
        base = doc({"p": {"switch": 1000, "table": 1000, "threaded": 1000}})
        now = doc({"p": {"switch": 1020, "table": 1021, "threaded": 980}})
        status = {r.strategy: r.status for r in gate.compare(base, now, 2.0)}
        self.assertEqual(status, {"switch": "ok", "table": "regression", "threaded": "ok"})
        self.assertEqual(gate.exit_status(gate.compare(base, now, 2.5)), 0)

    def test_one_regression_among_improvements_fails(self):
        now = scaled(MEASURED, 0.5)
        now["sieve"]["table"] = int(MEASURED["sieve"]["table"] * 1.03)
        rows = gate.compare(doc(MEASURED), doc(now), 2.0)
        self.assertEqual([r.status for r in rows].count("improved"), 5)
        self.assertEqual(gate.exit_status(rows), 1)

    def test_missing_from_baseline_is_new_not_a_failure(self):
        base = doc({"sieve": {"switch": MEASURED["sieve"]["switch"]}})
        rows = gate.compare(base, doc(MEASURED), 2.0)
        self.assertEqual([r.status for r in rows].count("new"), 5)
        self.assertEqual(gate.exit_status(rows), 0)
        self.assertIsNone(rows[0].change)

    def test_changed_gate_size_is_not_compared(self):
        base = doc(scaled(MEASURED, 0.5), sizes={"fib_recursive": 20, "sieve": 10})
        rows = gate.compare(base, doc(MEASURED), 2.0)
        self.assertEqual({r.status for r in rows if r.program == "fib_recursive"}, {"resized"})
        self.assertEqual({r.status for r in rows if r.program == "sieve"}, {"regression"})

    def test_bytecode_change_is_noted(self):
        base = doc({"p": {"switch": 100}}, bytecodes={"p": {"switch": 1000}})
        now = doc({"p": {"switch": 101}}, bytecodes={"p": {"switch": 1010}})
        (row,) = gate.compare(base, now, 2.0)
        self.assertEqual(row.note, "bytecodes +1.00%")


class Formatting(unittest.TestCase):
    def test_table_has_all_columns_and_marks_regressions(self):
        base = doc({"fib_recursive": {"switch": 100_000_000}}, bytecodes={"fib_recursive": {"switch": 2_000_000}})
        now = doc(
            {"fib_recursive": {"switch": 110_000_000, "table": 5}},
            bytecodes={"fib_recursive": {"switch": 2_000_000, "table": 1}},
        )
        table = gate.format_table(gate.compare(base, now, 2.0)).splitlines()
        self.assertEqual(table[0], "| program | strategy | baseline Ir | now Ir | change | Ir/bytecode | status |")
        self.assertTrue(table[1].startswith("|:--|"))
        self.assertEqual(
            table[2], "| fib_recursive | switch | 100,000,000 | 110,000,000 | **+10.00%** | 50.0 → 55.0 | **REGRESSION** |"
        )
        self.assertEqual(table[3], "| fib_recursive | table | — | 5 | — | 5.0 | new (not in baseline) |")
        for line in table:
            self.assertEqual(line.count("|"), 8, line)

    def test_summary_lines(self):
        fail = gate.summarize(gate.compare(doc(scaled(MEASURED, 0.9)), doc(MEASURED), 2.0), 2.0)
        self.assertTrue(fail.startswith("**FAIL**: 6 of 6"), fail)
        self.assertIn("geometric mean +11.11%", fail)
        ok = gate.summarize(gate.compare(doc(MEASURED), doc(MEASURED), 2.0), 2.0)
        self.assertTrue(ok.startswith("**PASS**"), ok)
        err = gate.summarize([], 2.0, failed=1)
        self.assertTrue(err.startswith("**ERROR**"), err)
        self.assertNotIn("PASS", err)

    def test_toolchain_warning(self):
        self.assertEqual(gate.toolchain_differences(TOOLCHAIN, dict(TOOLCHAIN)), [])
        self.assertEqual(gate.format_toolchain_warning([]), "")
        now = dict(TOOLCHAIN, rustc="rustc 1.96.0")
        diffs = gate.toolchain_differences(TOOLCHAIN, now)
        self.assertEqual(diffs, ["rustc: baseline `rustc 1.95.0`, now `rustc 1.96.0`"])
        self.assertIn("WARNING", gate.format_toolchain_warning(diffs))
        self.assertEqual(len(gate.toolchain_differences(None, now)), 3)


class BaselineFile(unittest.TestCase):
    def test_render_is_stable_and_round_trips(self):
        counts = {"zeta": {"threaded": 3, "switch": 1, "table": 2}, "alpha": {"table": 5}}
        text = gate.render_baseline(dict(TOOLCHAIN, extra="x"), {"zeta": 1, "alpha": 2}, counts, counts)
        self.assertTrue(text.endswith("}\n"))
        loaded = json.loads(text)
        self.assertEqual(list(loaded), ["toolchain", "gate_sizes", "counts", "bytecodes"])
        self.assertEqual(list(loaded["toolchain"]), ["rustc", "valgrind", "cpu"])
        self.assertEqual(list(loaded["counts"]), ["alpha", "zeta"])
        self.assertEqual(list(loaded["counts"]["zeta"]), ["switch", "table", "threaded"])
        self.assertEqual(text, gate.render_baseline(TOOLCHAIN, loaded["gate_sizes"], loaded["counts"], counts))
        self.assertEqual(gate.load_baseline_text(text, "t")["counts"], loaded["counts"])

    def test_invalid_baselines_are_errors(self):
        for text in ("not json", "[]", '{"counts": {"p": {"switch": "12"}}}'):
            with self.assertRaises(gate.GateError):
                gate.load_baseline_text(text, "t")

    def test_partial_update_merges(self):
        old = doc(MEASURED, sizes={"fib_recursive": 25, "sieve": 12000})
        new = doc({"sieve": {"switch": 1}}, sizes={"sieve": 12000})
        merged = gate.merge_baseline(old, new, full=False)
        self.assertEqual(merged["counts"]["sieve"], dict(MEASURED["sieve"], switch=1))
        self.assertEqual(merged["counts"]["fib_recursive"], MEASURED["fib_recursive"])
        resized = gate.merge_baseline(old, doc({"sieve": {"switch": 1}}, sizes={"sieve": 99}), full=False)
        self.assertEqual(resized["counts"]["sieve"], {"switch": 1})
        self.assertEqual(resized["gate_sizes"]["sieve"], 99)
        self.assertIs(gate.merge_baseline(old, new, full=True), new)

    def test_every_program_has_a_gate_size(self):
        sizes = gate.load_sizes()
        programs = sorted(p.stem for p in gate.PROGRAMS_DIR.glob("*.py"))
        self.assertEqual(sorted(sizes), programs)


def run_gate(*args, timeout=1800):
    return subprocess.run([sys.executable, str(GATE), *args], capture_output=True, text=True, timeout=timeout)


class CommandLine(unittest.TestCase):
    def test_usage_errors_exit_2(self):
        for args in (["--threshold", "-1"], ["--jobs", "0"], ["--update", "--against", "HEAD"], ["--bogus"]):
            with self.subTest(args=args):
                self.assertEqual(run_gate(*args, timeout=60).returncode, 2)

    def test_missing_baseline_exits_2_with_a_message(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = run_gate("--baseline", str(Path(tmp) / "none.json"), timeout=60)
        self.assertEqual(out.returncode, 2)
        self.assertIn("not found", out.stderr)

    def test_unknown_program_exits_2(self):
        out = run_gate("--programs", "no_such_program", timeout=60)
        self.assertEqual(out.returncode, 2)
        self.assertIn("no_such_program", out.stderr)


def find_pyvm():
    candidates = []
    if os.environ.get("PYVM"):
        candidates.append(Path(os.environ["PYVM"]))
    if os.environ.get("CARGO_TARGET_DIR"):
        candidates.append(Path(os.environ["CARGO_TARGET_DIR"]) / "release" / "pyvm")
    candidates.append(REPO / "target" / "release" / "pyvm")
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK):
            return c
    return None


E2E_PROGRAM = "loop_dispatch"


class EndToEnd(unittest.TestCase):
    def setUp(self):
        if shutil.which("valgrind") is None:
            self.skipTest("valgrind is not installed; the end-to-end gate test needs it")
        self.pyvm = find_pyvm()
        if self.pyvm is None:
            self.skipTest("no pyvm binary: build one with `cargo build --release --bin pyvm` or set PYVM=path")
        size = gate.load_sizes()[E2E_PROGRAM]
        probe = subprocess.run(
            [str(self.pyvm), f"{E2E_PROGRAM}.py", str(size)], cwd=gate.PROGRAMS_DIR, capture_output=True, text=True,
            timeout=600,
        )
        if probe.returncode != 0:
            self.skipTest(f"{self.pyvm} cannot run {E2E_PROGRAM}.py yet: {probe.stderr.strip().splitlines()[-1:]}")

    def test_gate_exits_1_when_counts_rose_ten_percent(self):
        with tempfile.TemporaryDirectory() as tmp:
            baseline = Path(tmp) / "baseline.json"
            common = ["--pyvm", str(self.pyvm), "--baseline", str(baseline), "--programs", E2E_PROGRAM, "--jobs", "2"]
            recorded = run_gate(*common, "--update")
            self.assertEqual(recorded.returncode, 0, recorded.stdout + recorded.stderr)
            data = json.loads(baseline.read_text())
            self.assertEqual(set(data["counts"][E2E_PROGRAM]), set(gate.STRATEGIES))
            data["counts"] = scaled(data["counts"], 0.9)
            baseline.write_text(json.dumps(data))

            out = run_gate(*common)
        self.assertEqual(out.returncode, 1, out.stdout + out.stderr)
        self.assertIn("**FAIL**", out.stdout)
        rows = [l for l in out.stdout.splitlines() if l.startswith(f"| {E2E_PROGRAM} |")]
        self.assertEqual(len(rows), len(gate.STRATEGIES), out.stdout)
        for row in rows:
            change = float(row.split("|")[5].strip(" *%"))
            # 1/0.9 - 1 = +11.1%; anything else means the counts are not reproducible.
            self.assertAlmostEqual(change, 11.11, delta=0.1, msg=row)


if __name__ == "__main__":
    unittest.main()
