#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# staffmatch tests: the main job as a user runs it. boh2019 must write the
# same bytes twice (determinism), another seed must give another case,
# and solving the market.txt it writes with sm-bench (an independent
# reader and the same solver) must give back exactly its matching.txt.
#
# usage: boh2019-check.sh BOH2019 SM-BENCH WORK-DIR
set -eu
boh=$1
bench=$2
dir=$3
rm -rf "$dir"
mkdir -p "$dir"

"$boh" --out "$dir/a" | grep -v "^Outputs written" > "$dir/a.txt"
"$boh" --out "$dir/b" | grep -v "^Outputs written" > "$dir/b.txt"
cmp "$dir/a.txt" "$dir/b.txt"
for f in market.txt matching.txt placements.csv; do
  cmp "$dir/a/$f" "$dir/b/$f"
done

"$bench" solve "$dir/a/market.txt" > "$dir/resolved.txt" 2> "$dir/figures.txt"
cmp "$dir/resolved.txt" "$dir/a/matching.txt"

"$boh" --out "$dir/c" --seed 7 > /dev/null
if cmp -s "$dir/a/placements.csv" "$dir/c/placements.csv"; then
  echo "seed 7 gave the same placements as seed 2019" >&2
  exit 1
fi

# A bad option is a usage error (status 2).
status=0
"$boh" --no-such-option > /dev/null 2>&1 || status=$?
test "$status" -eq 2
echo "1 passed, 0 failed"
