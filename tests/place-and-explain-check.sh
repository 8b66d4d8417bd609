#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# staffmatch tests: examples/programs/place-and-explain on a small
# scenario. The facts checked follow from the scenario's tables
# (tests/data/csv/small): one line per employee, each by identifier and
# never by name; the manual placements as given; the two applicants to
# the one seat of OM-A, the one with longer service placed there and the
# other refused with rank 2 against cutoff 1, decided by service, and
# following the work; the employee whose function has no position left
# supernumerary. The same scenario as JSON (written by `staffmatch
# export`) gives the same lines; the built-in case runs; a missing
# scenario and a bad command line fail with the documented statuses.
#
# usage: place-and-explain-check.sh PLACE-AND-EXPLAIN STAFFMATCH CSV-DIR WORK-DIR
set -eu
prog=$1
staffmatch=$2
csv=$3
dir=$4
rm -rf "$dir"
mkdir -p "$dir"
fail () { echo "place-and-explain: $*" >&2; exit 1; }

"$prog" "$csv" > "$dir/csv.txt"
out="$dir/csv.txt"

# One line per employee, by identifier, in the order of the table.
n=$(($(wc -l < "$csv/employees.csv") - 1))
head -n 1 "$out" | grep -q "^$n employees placed, lottery seed " \
  || fail "no count line for $n employees"
tail -n +2 "$csv/employees.csv" | cut -d ';' -f 1 > "$dir/ids.txt"
grep -v '^  ' "$out" | tail -n +2 | cut -d ':' -f 1 > "$dir/listed.txt"
cmp "$dir/ids.txt" "$dir/listed.txt" || fail "employees listed differ"

# No name from the table appears.
for name in $(tail -n +2 "$csv/employees.csv" | cut -d ';' -f 2); do
  if grep -q "$name" "$out"; then fail "the name $name is printed"; fi
done

# Every manual placement, as the table gives it.
tail -n +2 "$csv/manual-placements.csv" | while IFS=';' read -r e p _; do
  grep -q "^$e: placed by a manual decision at $p " "$out" \
    || fail "manual placement $e at $p missing"
done

# OM-A has one seat and two applicants: e1 (service from 2000) gets it,
# e2 (from 2010) is refused, ranked behind, and follows the work.
grep -q '^e1: placed at OM-A (Adviseur, Ommen), preference 1$' "$out" \
  || fail "e1 not placed at OM-A"
grep -q '^e2: follows the work to HB-A ' "$out" \
  || fail "e2 does not follow the work"
sed -n '/^e2:/,/^e3:/p' "$out" > "$dir/e2.txt"
grep -q '^  not OM-A (preference 1): every seat went to someone ranked higher (their rank 2, the last admitted rank 1); what decided: criterion [0-9] of rule "default", service$' "$dir/e2.txt" \
  || fail "e2's refusal at OM-A is not explained"
test "$(grep -c '^  ' "$out")" -eq 1 || fail "refusals other than e2's"
# e3's function B has no position: supernumerary in their own unit.
grep -q '^e3: supernumerary at Hardenberg, unit HB-U$' "$out" \
  || fail "e3 not supernumerary"

# The same scenario as one JSON file says the same.
"$staffmatch" export "$csv" --to json --out "$dir/small.json"
"$prog" "$dir/small.json" > "$dir/json.txt"
cmp "$dir/csv.txt" "$dir/json.txt" || fail "JSON and CSV differ"

# The built-in case: as many employee lines as the count says.
"$prog" > "$dir/builtin.txt"
count=$(head -n 1 "$dir/builtin.txt" | cut -d ' ' -f 1)
test "$count" -gt 0 || fail "built-in case is empty"
test "$(grep -cv '^  ' "$dir/builtin.txt")" -eq $((count + 1)) \
  || fail "built-in case: not one line per employee"

# A missing scenario: status 1, the path on stderr; two: status 2.
status=0
"$prog" "$dir/missing" > /dev/null 2> "$dir/err.txt" || status=$?
test "$status" -eq 1 || fail "missing scenario: status $status"
grep -q "$dir/missing" "$dir/err.txt" || fail "missing path not named"
status=0
"$prog" a b > /dev/null 2>&1 || status=$?
test "$status" -eq 2 || fail "two arguments: status $status"
echo "place-and-explain: ok"
