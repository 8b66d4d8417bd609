#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# staffmatch tests: a scenario's tied market exchanged in the plain format
# (docs/instance-format.md). The built-in case with whole years of service
# exports as version 2 with groups; without its parentheses it is the
# demo's own market.txt, its stated solution is the demo's matching.txt,
# and sm-bench check accepts that matching and refuses a broken one. The
# default case (no ties) exports as version 1, byte for byte market.txt.
#
# usage: ties-format-check.sh STAFFMATCH SM-BENCH WORK-DIR
set -eu
tool=$1
bench=$2
dir=$3
rm -rf "$dir"
mkdir -p "$dir"

"$tool" demo --variant whole-years --out "$dir/wy" --quiet
"$tool" export "$dir/wy/scenario" --to instance --out "$dir/wy.hr"
test "$(head -n 1 "$dir/wy.hr")" = "hr-instance 2"
grep -q "^P [0-9]* .*([0-9]* [0-9]*" "$dir/wy.hr"
sed -e 's/[()]//g' -e '1s/^hr-instance 2$/hr-instance 1/' "$dir/wy.hr" \
  > "$dir/wy-strict.hr"
cmp "$dir/wy-strict.hr" "$dir/wy/market.txt"
"$bench" solve "$dir/wy.hr" > "$dir/wy.sol" 2> /dev/null
cmp "$dir/wy.sol" "$dir/wy/matching.txt"
"$bench" check "$dir/wy.hr" "$dir/wy/matching.txt" > "$dir/check.txt"
grep -q "^ties=yes valid=yes stable=yes violations=0 blocking_pairs=0 stated_solution=yes$" \
  "$dir/check.txt"

# Employee 0 sent to the default: someone now wants a seat they could
# have, so the check fails with status 1.
sed 's/^0 .*/0 -1/' "$dir/wy/matching.txt" > "$dir/broken.sol"
status=0
"$bench" check "$dir/wy.hr" "$dir/broken.sol" > "$dir/broken.txt" || status=$?
test "$status" -eq 1
grep -q "stable=no" "$dir/broken.txt"

"$tool" demo --out "$dir/exact" --quiet
"$tool" export "$dir/exact/scenario" --to instance --out "$dir/exact.hr"
cmp "$dir/exact.hr" "$dir/exact/market.txt"
echo "1 passed, 0 failed"
