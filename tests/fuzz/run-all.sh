#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Runs every libFuzzer target built in BUILD-DIR (tests/fuzz/fuzz-<name>,
# from meson setup -Dfuzzing=true) for SECONDS each, one after the other,
# on a fresh copy of its seed corpus tests/fuzz/corpus/<name>/, so that the
# corpus in the tree only changes by hand. Fails if any target finds a
# crash, a leak, a timeout (5 s per input) or an out-of-memory (2 GiB),
# printing the reproducer's path; to keep it as a regression test copy it
# to tests/data/fuzz-regressions/<name>/ (test-fuzz-regressions replays
# that folder in every normal build).
#
# Usage: tests/fuzz/run-all.sh SECONDS BUILD-DIR
# A target's dictionary, tests/fuzz/<name>.dict, is used when present.
# Work files (corpus copy, log, reproducers) go to BUILD-DIR/fuzz-run/.
set -uo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 SECONDS BUILD-DIR" >&2
  exit 2
fi
seconds=$1
build=$2
here=$(cd "$(dirname "$0")" && pwd)
run_dir=$build/fuzz-run

# The scenario targets write their tables to temporary folders: on tmpfs
# that is three times faster than on disk (the library fsyncs its saves).
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  export TMPDIR=/dev/shm
fi

# Sanitizers: stop at the first report, with a stack trace.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

status=0
found=0
for exe in "$build"/tests/fuzz/fuzz-*; do
  [ -f "$exe" ] && [ -x "$exe" ] || continue
  name=${exe##*/fuzz-}
  work=$run_dir/$name
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/artifacts"
  if [ -d "$here/corpus/$name" ]; then
    cp "$here/corpus/$name"/* "$work/corpus/"
  fi
  # A dictionary of the format's keywords, where there is one.
  dict=()
  if [ -f "$here/$name.dict" ]; then
    dict=(-dict="$here/$name.dict")
  fi
  found=$((found + 1))
  echo "=== fuzz-$name: $seconds s"
  "$exe" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/" "${dict[@]}" \
    "$work/corpus" > "$work/log" 2>&1
  rc=$?
  # The last status line: executions, coverage (edges), features, speed.
  grep -E '^#[0-9]+' "$work/log" | tail -n 1
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' \
    "$work/log"
  if [ $rc -ne 0 ]; then
    status=1
    echo "fuzz-$name FAILED (exit $rc); the end of its log ($work/log):"
    tail -n 40 "$work/log"
    for artifact in "$work/artifacts"/*; do
      [ -e "$artifact" ] && echo "reproducer: $artifact" \
        "(replay: $exe $artifact)"
    done
  fi
done

if [ $found -eq 0 ]; then
  echo "no fuzz targets in $build/tests/fuzz: meson setup -Dfuzzing=true?" >&2
  exit 1
fi
exit $status
