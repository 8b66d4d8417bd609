#!/bin/sh
# staffmatch tests: every public function is documented: each SM_API
# declaration in include/staffmatch/ follows a comment (its own, or the
# one that documents the group of getters it belongs to).
#
# usage: doc-coverage.sh INCLUDE-DIR
set -eu
missing=$(for h in "$1"/*.h "$1"/*.h.in; do
  [ -f "$h" ] || continue
  awk -v file="$(basename "$h")" '
    /SM_API/ && /sm_[a-z0-9_]* *\(/ {
      if (!(after_comment || in_group)) {
        match ($0, /sm_[a-z0-9_]* *\(/)
        print file ": " substr ($0, RSTART, RLENGTH - 1)
      }
      in_group = 1
    }
    /\*\/[ \t]*$/ { after_comment = 1; next }
    /^[ \t]*$/ { in_group = 0 }
    !/^[ \t]*$/ { after_comment = 0 }
  ' "$h"
done)
if [ -n "$missing" ]; then
  echo "public functions without a comment:" >&2
  echo "$missing" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
echo "1 passed, 0 failed"
