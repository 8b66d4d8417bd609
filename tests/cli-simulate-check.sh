#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# staffmatch tests: `staffmatch simulate` as a user runs it. Two people
# tied for one seat at Ommen (same fit, grade, service and age) and one
# who has it to themselves: the tied two get it about half the time each,
# the third always; the files (the report and the workbook too) are the
# same with 1 and 2 threads; every employee's draws add up to the runs;
# the report comes in Dutch and English; bad command lines are refused.
# Prints "N passed, M failed" and exits non-zero on any failure.
#
# usage: cli-simulate-check.sh STAFFMATCH WORK-DIR
set -u
. "$(dirname "$0")/script-util.sh"
sm=$(absolute "$1")
enter "$2"

mkdir s
cat > s/organisations.csv <<'CSV'
id;name;kind;min_headcount;max_headcount
hb;Hardenberg;default;;
om;Ommen;receiving;;
CSV
cat > s/units.csv <<'CSV'
id;name;organisation;contract_client;contract_end_year
hb-u;Unit;hb;;
om-u;Unit;om;;
CSV
cat > s/positions.csv <<'CSV'
id;title;unit;function;grade;fte;seats;target_seats;qualifications;rule
om-a;Adviser;om-u;ADV;9;1;1;;;
om-b;Clerk;om-u;ADV;9;1;1;;;
CSV
cat > s/employees.csv <<'CSV'
id;name;function;unit;grade;fte;service_start;birth_date;qualifications
E1;Anna;ADV;hb-u;9;1;2010-01-01;1980-01-01;
E2;Bert;ADV;hb-u;9;1;2010-01-01;1980-01-01;
E3;Carla;ADV;hb-u;9;1;2010-01-01;1980-01-01;
CSV
cat > s/applications.csv <<'CSV'
employee;position;preference;committee_score;travel_km
E1;om-a;1;;
E2;om-a;1;;
E3;om-b;1;;
CSV
cat > s/function-relations.csv <<'CSV'
from;to;fit
CSV

expect 0 one "$sm" simulate s --runs 400 --threads 1 --out one
expect 0 two "$sm" simulate s --runs 400 --threads 2 --out two
for f in probabilities.csv probabilities.json mechanisms.csv \
    probabilities.xlsx simulation.html; do
  check "$f is the same with 1 and 2 threads" cmp -s one/$f two/$f
done
has "the comparison is printed" one.out "da-per-position"
has "the comparison says da-sic is not strategy-proof" one.out \
  "not strategy-proof"
check "every employee's draws add up to the runs" awk -F, '
  NR > 1 { n[$1] += $5 }
  END { for (e in n) if (n[e] != 400) exit 1; exit (length(n) == 3) ? 0 : 1 }' \
  one/probabilities.csv
check "the tied two get om-a about half the time" awk -F, '
  $2 == "om-a" && ($1 == "E1" || $1 == "E2") {
    if ($6 < 0.4 || $6 > 0.6 || $7 > 0.5 || $8 < 0.5) exit 1; k++ }
  END { exit k == 2 ? 0 : 1 }' one/probabilities.csv
has "the untied one always gets om-b" one/probabilities.csv \
  "E3,om-b,placed,1,400,1.0000"
has "the JSON names the mechanism" one/probabilities.json '"da-single"'
has "the report is in Dutch by default" one/simulation.html 'lang="nl"'
has "the report names the tied people" one/simulation.html "<td>Anna</td>"
check "the report links to nothing outside" sh -c \
  '! grep -E "src=|href=|https:|<script" one/simulation.html'
check "the workbook is a zip" sh -c 'head -c 2 one/probabilities.xlsx | grep -q PK'
check "no progress on a file" sh -c '! grep -q "draws (" one.err'
# On a terminal (script(1) gives the tool one), progress up to the end.
if command -v script > /dev/null 2>&1; then
  script -q -c "$sm simulate s --runs 400 --out tty > /dev/null" tty.log \
    > /dev/null 2>&1 < /dev/null
  has "progress on a terminal" tty.log "da-sic: 400 of 400 draws (100%)"
  check "the files are the same with progress shown" cmp -s \
    one/probabilities.csv tty/probabilities.csv
fi
expect 0 english "$sm" simulate s --runs 50 --language en --mechanism da-sic \
  --out en
has "the report in English" en/simulation.html 'lang="en"'
has "the chosen mechanism comes first" en/simulation.html \
  "<tr><td>da-sic</td>"
expect 2 bad-language "$sm" simulate s --language fr --out x
has "bad language: says which, as solve does" bad-language.err \
  "--language: 'fr' is not one of nl, en"
expect 2 bad-mechanism "$sm" simulate s --mechanism lottery --out x
has "bad mechanism: says which, as solve does" bad-mechanism.err \
  "--mechanism: 'lottery' is not one of da-single, da-per-position, da-sic"
expect 2 bad-seed "$sm" simulate s --seed -1 --out x
expect 2 no-out "$sm" simulate s
expect 2 no-runs "$sm" simulate s --runs 0 --out x
expect 1 no-scenario "$sm" simulate missing --out x

finish
