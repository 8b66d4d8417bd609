#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# staffmatch tests: the shared library exports exactly the public API:
# every function declared SM_API in include/staffmatch/*.h, and nothing
# else (no private sm_x__y helpers, no static-looking internals).
#
# usage: exported-symbols.sh LIBSTAFFMATCH.SO INCLUDE-DIR
set -eu
lib=$1
include=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

nm -D --defined-only "$lib" | awk '{ print $NF }' \
  | grep -v '^_' | sort -u > "$tmp/exported"
# A declaration may wrap after SM_API and its return type, so each one is
# read from SM_API up to the name before its first parenthesis.
cat "$include"/*.h "$include"/*.h.in 2>/dev/null \
  | perl -0777 -ne 'print "$1\n" while /\bSM_API\b[^;(]*?\b(sm_[a-z0-9_]*)\s*\(/g' \
  | sort -u > "$tmp/declared"

if ! cmp -s "$tmp/exported" "$tmp/declared"; then
  echo "exported (<) and declared SM_API (>) differ:" >&2
  diff "$tmp/exported" "$tmp/declared" >&2 || true
  echo "0 passed, 1 failed"
  exit 1
fi
echo "$(wc -l < "$tmp/exported") symbols exported, all declared"
echo "1 passed, 0 failed"
