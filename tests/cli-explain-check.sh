#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# staffmatch tests: what `explain`, `diff` and the reports of `solve` say
# when manual placements take seats and a headcount cap binds.
#
# A small scenario written here: Hardenberg (default) with hb-adm (2
# seats), Ommen (at most 2 people) with om-a (2 seats, 1 target) and om-b
# (1 seat, 1 target). Run A has no manual placements; run B places M at
# hb-adm and M2 at om-b, each with a private reason. In B, P2 loses the
# seat at hb-adm and Y loses om-b to those placements; in both runs X2 is
# refused om-a by the cap after X1 was admitted (place 1). The reasons of
# the manual placements must reach the letters of M and M2 only, never
# the summaries or the page.
# Prints "N passed, M failed" and exits non-zero on any failure.
#
# usage: cli-explain-check.sh STAFFMATCH WORK-DIR
set -u
. "$(dirname "$0")/script-util.sh"
sm=$1
dir=$2
sm=$(absolute "$sm")
enter "$dir"

# ---- the scenario ------------------------------------------------------------

mkdir a
cat > a/organisations.csv <<'EOF'
id;name;kind;min_headcount;max_headcount
hb;Hardenberg;default;;
om;Ommen;receiving;;2
EOF
cat > a/units.csv <<'EOF'
id;name;organisation
hb-u;Beheer;hb
om-u;Regie;om
EOF
cat > a/positions.csv <<'EOF'
id;title;unit;function;grade;seats;target_seats
hb-adm;Administrateur;hb-u;ADM;10;2;
om-a;Adviseur A;om-u;ADV;10;2;1
om-b;Adviseur B;om-u;ADV;10;1;1
EOF
cat > a/employees.csv <<'EOF'
id;name;function;unit;grade;service_start;birth_date
M;Marit Manual;ADM;hb-u;10;2015-01-01;1970-01-01
P1;Pieter First;ADM;hb-u;10;1990-01-01;1970-01-01
P2;Paula Second;ADM;hb-u;10;2000-01-01;1970-01-01
M2;Mohammed Manual;POL;hb-u;10;2012-01-01;1970-01-01
X1;Xandra First;POL;hb-u;10;1990-01-01;1970-01-01
X2;Xavier Second;POL;hb-u;10;2000-01-01;1970-01-01
Y;Yara Other;POL;hb-u;10;2005-01-01;1970-01-01
EOF
cat > a/applications.csv <<'EOF'
employee;position;preference
X1;om-a;1
X2;om-a;1
Y;om-b;1
EOF
cat > a/function-relations.csv <<'EOF'
from;to;fit
EOF
cp -r a b
cat > b/manual-placements.csv <<'EOF'
employee;position;reason
M;hb-adm;burn-out QQX-17
M2;om-b;mantelzorg QQY-42
EOF

expect 0 solve-a "$sm" solve a --out ra
expect 0 solve-b "$sm" solve b --out rb

# ---- explain: the letters ----------------------------------------------------

expect 0 explain-p2-en "$sm" explain b P2 --language en
has "P2: the seat went to a manual placement" explain-p2-en.out \
  "a place you would otherwise have had went to a manual placement"
has "P2: rank and cutoff" explain-p2-en.out \
  "Your priority rank was 3; the last place went to rank 2."
lacks "P2: not told of higher priority" explain-p2-en.out "higher priority"
expect 0 explain-p2-nl "$sm" explain b P2 --language nl
has "P2 in Dutch" explain-p2-nl.out \
  "is gegaan naar een plaatsing op grond van de hardheidsclausule"
expect 0 explain-x2-en "$sm" explain b X2 --language en
has "X2: the cap, with the last person admitted" explain-x2-en.out \
  "the last person admitted had rank 1."
has "X2: manual placements at the organisation" explain-x2-en.out \
  "People placed at Ommen manually (hardship clause): 1."
expect 0 explain-x2-a "$sm" explain a X2 --language en
has "X2 in A: the cap, with the last person admitted" explain-x2-a.out \
  "the last person admitted had rank 1."
for f in explain-p2-en.out explain-p2-nl.out explain-x2-en.out; do
  for name in "Marit Manual" "Pieter First" "Mohammed Manual" "Xandra First" \
              QQX-17 QQY-42; do
    lacks "$f names nobody else" "$f" "$name"
  done
done

# ---- diff ----------------------------------------------------------------------

expect 0 diff-ab "$sm" diff ra rb
# (the whole refusal: no criterion follows the cutoff)
has "diff: P2's seat" diff-ab.out "in B, the own-function position hb-adm was refused: a seat the employee would otherwise have had went to a manual placement (rank 3, cutoff 2)"
has "diff: Y's seat" diff-ab.out "in B, the 1st choice om-b was refused: a seat the employee would otherwise have had went to a manual placement"
has "placements.json: the reason" rb/placements.json '"reason": "manual-seat"'
has "placements.json: the cap's cutoff" rb/placements.json \
  '"position": "om-a", "preference": 1, "reason": "cap", "filter": null, "rank": 2, "cutoff": 1'

# ---- the reports others read -------------------------------------------------

for f in summary.txt summary.md report.html; do
  for text in QQX-17 QQY-42 burn-out mantelzorg; do
    lacks "rb/$f keeps manual reasons out" "rb/$f" "$text"
  done
done
has "summary: manual seats per position" rb/summary.txt "Plaatsen hardheidsclausule"
has "letter of M: own reason" rb/letters/M.txt "burn-out QQX-17"
has "letter of M2: own reason" rb/letters/M2.txt "mantelzorg QQY-42"
lacks "letter of P2: no reason of others" rb/letters/P2.txt "QQX-17"

finish
