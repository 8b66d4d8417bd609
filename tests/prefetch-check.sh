#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# staffmatch tests: every __builtin_prefetch of the library's sources is
# in the built library. The solver's prefetching once sat in a helper that
# GCC judged pure and deleted (see prefetch_ahead() in
# lib/core/deferred-acceptance.c): the results stayed right, and only the
# time per proposal showed it. This check makes such a loss a failure.
#
# usage: prefetch-check.sh LIBSTAFFMATCH.SO LIB-SOURCE-DIR
# Skipped (77) where objdump is missing or the processor's prefetch
# instructions are not ones it knows (x86 prefetch*, Arm prfm).
set -eu
lib=$1
src=$2

command -v objdump > /dev/null 2>&1 || { echo "no objdump"; exit 77; }
case $(uname -m) in
  x86_64 | i?86 | aarch64 | arm64) ;;
  *) echo "prefetch instructions of $(uname -m) not known here"; exit 77 ;;
esac

calls=$(cat "$src"/*/*.c | grep -c '__builtin_prefetch (' || true)
built=$(objdump -d "$lib" | grep -cE '[[:space:]](prefetch[a-z0-9]*|prfm)[[:space:]]' || true)
if [ "$built" -lt "$calls" ]; then
  echo "$calls prefetches in the sources, $built in $lib:" >&2
  grep -n '__builtin_prefetch (' "$src"/*/*.c >&2
  echo "0 passed, 1 failed"
  exit 1
fi
echo "$calls prefetches in the sources, $built in the library"
echo "1 passed, 0 failed"
