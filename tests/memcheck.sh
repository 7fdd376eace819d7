#!/usr/bin/env bash
# Runs every program in tests/programs under valgrind memcheck (switch and
# threaded dispatch, release build) and fails on any memcheck error: the
# unsafe code (NaN-boxed values, frame slab, handler registers) must stay
# clean for every path the test corpus covers.
# Usage: tests/memcheck.sh [PYVM_BINARY]   (default: target/release/pyvm)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# Resolve the binary relative to where we were called from, before moving.
pyvm=$(realpath -m "${1:-$here/../target/release/pyvm}")
[ -x "$pyvm" ] || { echo "memcheck: no pyvm binary at $pyvm (cargo build --release)"; exit 2; }
cd "$here/programs"
command -v valgrind >/dev/null || { echo "memcheck: valgrind is not installed"; exit 2; }
failed=0
checked=0
for prog in *.py; do
  name=${prog%.py}
  args=()
  [ -f "$name.args" ] && read -r -a args < "$name.args"
  for strategy in switch threaded; do
    log=$(mktemp)
    timeout 600 valgrind --tool=memcheck --error-exitcode=99 --leak-check=no -q \
      "$pyvm" --dispatch "$strategy" "$prog" "${args[@]}" >/dev/null 2>"$log"
    if [ $? -eq 99 ]; then
      echo "MEMCHECK ERRORS: $name ($strategy)"
      grep '^==' "$log" | head -30
      failed=$((failed + 1))
    fi
    rm -f "$log"
    checked=$((checked + 1))
  done
done
echo "memcheck: $checked runs, $failed with errors"
[ "$failed" -eq 0 ]
