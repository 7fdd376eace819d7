#!/usr/bin/env python3
"""Record expected outputs of the end-to-end test programs by running CPython.

Usage:
    python3 tests/record_expected.py [NAME...]            # tests/programs -> tests/expected
    python3 tests/record_expected.py --benches [NAME...]  # benches/programs -> benches/expected

For every program NAME.py (or only the given NAMEs, with or without ".py"), runs
the real CPython interpreter (sys.executable, resolved) with
    cwd  = the programs directory
    argv = [python, NAME.py, *args]   (args: whitespace-split contents of NAME.args, if present)
    env  = inherited environment without PYTHON* variables, plus
           PYTHONHASHSEED=0 and PYTHONIOENCODING=utf-8
and writes
    tests/expected/NAME.stdout   exact stdout bytes
    tests/expected/NAME.stderr   full stderr bytes
    tests/expected/NAME.status   exit status as decimal text (no newline)
For --benches only NAME.stdout is written (benchmarks must exit with status 0),
and the wall-clock time of each run is reported.

CPython is the oracle: never edit the expected files by hand, re-record them.
"""
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMEOUT = 300


def python_executable():
    exe = os.path.realpath(sys.executable)
    if not exe or not os.path.exists(exe):
        sys.exit("record_expected.py: cannot resolve sys.executable")
    return exe


def child_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def read_args(prog_dir, name):
    path = os.path.join(prog_dir, name + ".args")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return f.read().split()


def main(argv):
    benches = False
    names = []
    for a in argv:
        if a == "--benches":
            benches = True
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            names.append(a[:-3] if a.endswith(".py") else a)
    base = os.path.join(ROOT, "benches" if benches else "tests")
    prog_dir = os.path.join(base, "programs")
    out_dir = os.path.join(base, "expected")
    os.makedirs(out_dir, exist_ok=True)
    if not names:
        names = sorted(f[:-3] for f in os.listdir(prog_dir) if f.endswith(".py"))
    exe = python_executable()
    print(f"using {exe} ({sys.version.split()[0]})")
    env = child_env()
    failures = 0
    for name in names:
        script = name + ".py"
        if not os.path.exists(os.path.join(prog_dir, script)):
            print(f"{name}: no such program {os.path.join(prog_dir, script)}")
            failures += 1
            continue
        cmd = [exe, script] + read_args(prog_dir, name)
        start = time.perf_counter()
        try:
            proc = subprocess.run(cmd, cwd=prog_dir, env=env, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            print(f"{name}: TIMEOUT after {TIMEOUT}s, nothing written")
            failures += 1
            continue
        elapsed = time.perf_counter() - start
        with open(os.path.join(out_dir, name + ".stdout"), "wb") as f:
            f.write(proc.stdout)
        last_err = [l for l in proc.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
        last_err = last_err[-1] if last_err else ""
        if benches:
            if proc.returncode != 0 or proc.stderr:
                print(f"{name}: benchmark FAILED with status {proc.returncode}: {last_err}")
                failures += 1
            else:
                print(f"{name}: {elapsed:.3f}s, {len(proc.stdout)} bytes stdout")
            continue
        with open(os.path.join(out_dir, name + ".stderr"), "wb") as f:
            f.write(proc.stderr)
        with open(os.path.join(out_dir, name + ".status"), "w") as f:
            f.write(str(proc.returncode))
        print(f"{name}: status {proc.returncode}, {len(proc.stdout)} bytes stdout, "
              f"{elapsed:.2f}s{', stderr: ' + last_err if last_err else ''}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
