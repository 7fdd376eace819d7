#!/usr/bin/env bash
# Runs the programs in tests/programs under valgrind memcheck and fails on
# any memcheck error: the unsafe code (NaN-boxed values, frame slab, handler
# registers, the trashcan) must stay clean for every path the corpus covers.
#
# Usage: tests/memcheck.sh [--budget SECS] [--seed SEED] [PYVM_BINARY]
#
# PYVM_BINARY must be built with the system allocator
# (`cargo build --release --no-default-features`): mimalloc hands out
# objects from large mappings valgrind cannot see into, so a use-after-free
# of a Python object would pass unnoticed; with malloc every object is its
# own block. The script refuses a binary linked with mimalloc.
#
# Every (program, strategy) pair for the three dispatch strategies is a
# run. The runs are shuffled by SEED (default: derived from the date, so
# successive CI runs cover different samples; printed so a failure can be
# replayed) and started until SECS of wall time have been spent (default:
# no budget, every run). A sample always begins with one run of every
# program, so the budget trims strategies before it trims programs.
#
# The interpreter thread gets a 64 MiB stack (PYVM_STACK_SIZE) instead of
# 1 GiB: memcheck spends about 3 s setting up a 1 GiB thread stack, per run.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
budget=0
seed=$(date -u +%Y%j)
binary=""
while [ $# -gt 0 ]; do
  case "$1" in
    --budget) budget=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) binary=$1; shift ;;
  esac
done
# Resolve the binary relative to where we were called from, before moving.
pyvm=$(realpath -m "${binary:-$here/../target/sysalloc/release/pyvm}")
[ -x "$pyvm" ] || {
  echo "memcheck: no pyvm binary at $pyvm"
  echo "  build one: CARGO_TARGET_DIR=target/sysalloc cargo build --release --no-default-features --bin pyvm"
  exit 2
}
if grep -q -a "mi_malloc" "$pyvm"; then
  echo "memcheck: $pyvm is linked with mimalloc; memcheck needs the system allocator (--no-default-features)"
  exit 2
fi
command -v valgrind >/dev/null || { echo "memcheck: valgrind is not installed"; exit 2; }
cd "$here/programs"

# One line per run, "program strategy", in the sampled order.
plan=$(python3 - "$seed" <<'EOF'
import glob, random, sys
rng = random.Random(sys.argv[1])
programs = sorted(p[:-3] for p in glob.glob("*.py"))
strategies = ["switch", "table", "threaded"]
first, rest = [], []
for p in programs:
    order = strategies[:]
    rng.shuffle(order)
    first.append((p, order[0]))
    rest.extend((p, s) for s in order[1:])
rng.shuffle(first)
rng.shuffle(rest)
for p, s in first + rest:
    print(p, s)
EOF
)
total=$(printf '%s\n' "$plan" | wc -l)
echo "memcheck: $pyvm, seed $seed, budget ${budget}s (0 = none), $total possible runs"

failed=0
checked=0
start=$SECONDS

# The interactive path (PRINT_EXPR, displayhook, errors that keep the
# session): one piped `-i` session; it ends with exit(3).
PYVM_STACK_SIZE=64M timeout 600 valgrind --tool=memcheck --error-exitcode=99 --leak-check=no -q \
  "$pyvm" -i -q <"$here/data/repl_session.txt" >/dev/null 2>"${TMPDIR:-/tmp}/memcheck-repl.log"
status=$?
if [ $status -ne 3 ]; then
  echo "MEMCHECK: interactive session exited with $status, expected 3"
  grep '^==' "${TMPDIR:-/tmp}/memcheck-repl.log" | head -30
  failed=$((failed + 1))
fi
rm -f "${TMPDIR:-/tmp}/memcheck-repl.log"
while read -r name strategy; do
  if [ "$budget" -gt 0 ] && [ $((SECONDS - start)) -ge "$budget" ]; then
    break
  fi
  args=()
  [ -f "$name.args" ] && read -r -a args < "$name.args"
  log=$(mktemp)
  t0=$SECONDS
  # stdin from /dev/null, as the test harness gives it: a program that
  # reads stdin must not eat this loop's plan.
  PYVM_STACK_SIZE=64M timeout 600 valgrind --tool=memcheck --error-exitcode=99 --leak-check=no -q \
    "$pyvm" --dispatch "$strategy" "$name.py" "${args[@]}" </dev/null >/dev/null 2>"$log"
  status=$?
  if [ $status -eq 99 ]; then
    echo "MEMCHECK ERRORS: $name ($strategy)"
    grep '^==' "$log" | head -30
    failed=$((failed + 1))
  elif [ $status -eq 124 ]; then
    echo "MEMCHECK TIMEOUT: $name ($strategy)"
    failed=$((failed + 1))
  fi
  rm -f "$log"
  checked=$((checked + 1))
  [ -n "${MEMCHECK_VERBOSE:-}" ] && echo "  $name ($strategy): $((SECONDS - t0))s"
done <<< "$plan"
programs=$(printf '%s\n' "$plan" | awk '{print $1}' | sort -u | wc -l)
echo "memcheck: $checked of $total runs ($programs programs x 3 strategies), $failed with errors, $((SECONDS - start))s"
[ "$failed" -eq 0 ]
