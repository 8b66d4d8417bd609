#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# staffmatch tests: `staffmatch check` on whole scenarios, as a user runs
# it: counts on a good scenario, warnings that keep the exit status 0,
# errors that make it 1, each printed with its file, item and field;
# everything that `solve` refuses is found by `check` first; a missing
# default organisation is one line; an employee id that is no file name
# is refused on loading with its line, and nothing is written.
# Prints "N passed, M failed" and exits non-zero on any failure.
#
# usage: check-issues.sh STAFFMATCH SMALL-SCENARIO-DIR WORK-DIR
set -u
. "$(dirname "$0")/script-util.sh"
sm=$1
small=$2
dir=$3
sm=$(absolute "$sm")
case $small in
  /*) ;;
  *) small=$(pwd)/$small ;;
esac
enter "$dir"

# variant NAME SED-SCRIPT FILE: a copy of the small scenario with FILE
# edited.
variant () {
  rm -rf "$1"
  cp -r "$small" "$1"
  sed -i "$2" "$1/$3"
}

# ---- a good scenario: counts ------------------------------------------------
expect 0 good "$sm" check "$small"
check "good: OK and counts" grep -qx "OK: $small: 2 organisations, 2 units, 3 positions, 4 people, 2 applications, 1 manual placement; 0 errors, 0 warnings." good.out

# ---- a warning: printed, exit 0 ----------------------------------------------
variant future 's/^e2;Anna;A;HB-U;10;1;2010-01-01;/e2;Anna;A;HB-U;10;1;2030-01-01;/' employees.csv
expect 0 future "$sm" check future
check "future: the warning names file, item and field" \
  grep -q "^future/employees.csv: e2: service_start: warning: " future.out
check "future: counted" grep -q "^OK: .*; 0 errors, 1 warning\.$" future.out

# ---- an error of data: exit 1, no personal data -----------------------------
variant born 's/^e3;Kees;B;HB-U;8;0,8;2012-05-01;1990-06-15;/e3;Kees;B;HB-U;8;0,8;2012-05-01;2020-06-15;/' employees.csv
expect 1 born "$sm" check born
check "born: two errors on e3" test "$(grep -c '^born/employees.csv: e3: .*: error: ' born.out)" -eq 2
check "born: counted, no OK" grep -q "^born: .*; 2 errors, 0 warnings\.$" born.out
check "born: no name, no birth date" sh -c "! grep -qe Kees -e 2020-06-15 born.out born.err"

# ---- no default organisation: one line, not one per employee ---------------
variant nodefault 's/^HB;Hardenberg;default;;/HB;Hardenberg;receiving;;/' organisations.csv
expect 1 nodefault "$sm" check nodefault
check "nodefault: one error" test "$(grep -c ': error: ' nodefault.out)" -eq 1
check "nodefault: it says so" \
  grep -q "^nodefault/organisations.csv: kind: error: .*no default organisation.*'HB'" nodefault.out
expect 1 nodefault-solve "$sm" solve nodefault --out nodefault-run
check "nodefault: solve wrote nothing" test ! -e nodefault-run

# ---- manual placements beyond target seats under the cap --------------------
# OM may hold 3; OM-A (3 seats, 1 target) and OM-B (2 seats, 2 target) are
# sure of 3, but two manual placements at OM-A make 4.
variant cap 's/^OM;Ommen;receiving;;5/OM;Ommen;receiving;;3/' organisations.csv
sed -i 's/^OM-A;Adviseur;OM-U;A;10;1;1;;;/OM-A;Adviseur;OM-U;A;10;1;3;1;;/; s/^OM-B;Adviseur;OM-U;A;10;1;1;;;/OM-B;Adviseur;OM-U;A;10;1;2;2;;/' cap/positions.csv
printf 'e1;OM-A;Medisch\ne2;OM-A;Medisch\n' >> cap/manual-placements.csv
expect 1 cap "$sm" check cap
check "cap: the error names the organisation's maximum" \
  grep -q "^cap/organisations.csv: OM: max_headcount: error: .*manual placements" cap.out
expect 1 cap-solve "$sm" solve cap --out cap-run
check "cap: solve refuses what check found" \
  grep -qF "$(sed -n 's/^cap\/organisations.csv: OM: max_headcount: error: //p' cap.out | cut -c1-60)" cap-solve.err

# ---- positions proposing under a binding cap -------------------------------
variant binding 's/^OM;Ommen;receiving;;5/OM;Ommen;receiving;;1/' organisations.csv
sed -i 's/^OM-A;Adviseur;OM-U;A;10;1;1;;;/OM-A;Adviseur;OM-U;A;10;1;1;0;;/' binding/positions.csv
expect 0 binding "$sm" check binding
expect 1 binding-positions "$sm" check binding --side positions
check "binding: named" \
  grep -q "^binding/organisations.csv: OM: max_headcount: error: Positions cannot propose" binding-positions.out
expect 1 binding-solve "$sm" solve binding --side positions --out binding-run
expect 2 bad-side "$sm" check binding --side nobody

# ---- an employee id that cannot be a file name ------------------------------
variant unsafe 's/^e2;Anna;/..\/e2;Anna;/' employees.csv
expect 1 unsafe "$sm" check unsafe
check "unsafe: located on its line" \
  grep -q "^unsafe/employees.csv:3: .*file name" unsafe.out
check "unsafe: no name" sh -c "! grep -q Anna unsafe.out unsafe.err"
expect 1 unsafe-solve "$sm" solve unsafe --out unsafe-run
check "unsafe: solve wrote nothing" test ! -e unsafe-run

finish
