#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# staffmatch tests: `solve --mechanism`, `explain --mechanism` and the
# improvement_cycles setting, on a scenario small enough to work out by
# hand.
#
# Ommen's om-1 and om-2 (one seat each) rank by the committee's score
# alone. B wants om-1 (score 8) then om-2 (9); C wants om-2 (7) then om-1
# (8); E wants om-2 (7). With seed 3 the lot orders E, C, B (lowest number
# first), so deferred acceptance places C at om-1 and B at om-2 (E loses
# om-2 to B's score) and leaves E supernumerary. B and C each prefer the
# other's position and are among its highest claimants, so improvement
# cycles swap them; E is then refused om-2 in favour of C, who is tied
# with E and has a higher lottery number: the lot alone did not decide,
# and E's letter must not say it did.
# Prints "N passed, M failed" and exits non-zero on any failure.
#
# usage: cli-mechanism-check.sh STAFFMATCH WORK-DIR
set -u
. "$(dirname "$0")/script-util.sh"
sm=$1
dir=$2
sm=$(absolute "$sm")
enter "$dir"

mkdir a
cat > a/organisations.csv <<'END'
id;name;kind;min_headcount;max_headcount
hb;Hardenberg;default;;
om;Ommen;receiving;;
END
cat > a/units.csv <<'END'
id;name;organisation
hb-u;Beheer;hb
om-u;Regie;om
END
cat > a/rules.csv <<'END'
id;criteria
score;committee-score:high
END
cat > a/positions.csv <<'END'
id;title;unit;function;grade;seats;target_seats;rule
om-1;Adviseur 1;om-u;ADV;10;1;;score
om-2;Adviseur 2;om-u;ADV;10;1;;score
END
cat > a/employees.csv <<'END'
id;name;function;unit;grade;service_start;birth_date
B;Bram Beer;POL;hb-u;10;2000-01-01;1970-01-01
C;Carla Cok;POL;hb-u;10;2000-01-01;1970-01-01
E;Eva Eik;POL;hb-u;10;2000-01-01;1970-01-01
END
cat > a/applications.csv <<'END'
employee;position;preference;committee_score
B;om-1;1;8
B;om-2;2;9
C;om-2;1;7
C;om-1;2;8
E;om-2;1;7
END
printf 'from;to;fit\n' > a/function-relations.csv
cp -r a b
printf 'key;value\nseed;3\nimprovement_cycles;yes\n' > b/settings.csv

# ---- deferred acceptance alone -------------------------------------------------

expect 0 solve-da "$sm" solve a --seed 3 --language en --out da
has "da: the manifest says no cycles" da/manifest.json \
  '"improvement_cycles" : false'
lacks "da: placements.json as before" da/placements.json improvement_cycles
has "da: the summary's tie-breaking" solve-da.out \
  "one lottery number per person"
lacks "da: no cycles line" solve-da.out "Improvement cycles"
has "da: E refused by B's score" da/placements.json \
  '"position": "om-2", "preference": 1, "reason": "full", "filter": null, "rank": 2, "cutoff": 1, "criterion": "committee-score"'

# ---- with improvement cycles ---------------------------------------------------

expect 0 solve-sic "$sm" solve a --seed 3 --mechanism da-sic --language en \
  --out sic
has "sic: the manifest" sic/manifest.json '"improvement_cycles" : true'
has "sic: placements.json" sic/placements.json '"improvement_cycles": true'
has "sic: the summary line" solve-sic.out \
  "Improvement cycles: yes, after the lottery: 2 people moved to a position they preferred; not strategy-proof"
has "sic: B at om-1" sic/placements.csv "B;om;om-u;om-1;1;placed"
has "sic: C at om-2" sic/placements.csv "C;om;om-u;om-2;1;placed"
has "sic: E's refusal" sic/placements.json \
  '"rank": 2, "cutoff": 3, "criterion": "lot-and-cycles"'
has "sic: E's letter says what happened" sic/letters/E.txt \
  "So your lottery number alone did not decide this."
lacks "sic: E's letter gives no lot claim" sic/letters/E.txt \
  "lot decided: your lottery number was"
has "sic: the letters tell of the cycles" sic/letters/B.txt \
  "This method is not strategy-proof"
tr '\n' ' ' < solve-sic.out > solve-sic.flat
has "sic: the lottery section" solve-sic.flat \
  "by the lot or by the improvement cycles that followed it"
if command -v python3 > /dev/null; then
  python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("xl/sharedStrings.xml").decode())' \
    sic/placements.xlsx > sic-strings.xml
  has "sic: placements.xlsx's reason" sic-strings.xml \
    "om-2 went to a tied candidate, by the lot and improvement cycles (rank 2, last admitted 3)"
  lacks "sic: placements.xlsx claims no higher rank" sic-strings.xml \
    "went to candidates ranked higher"
fi

# `explain` with the options of the run explains that run: E's letter
# as `solve` wrote it, with the cycles and without.
expect 0 explain-sic "$sm" explain a E --seed 3 --mechanism da-sic \
  --language en
check "explain --mechanism da-sic: E's letter of the run" cmp -s \
  explain-sic.out sic/letters/E.txt
expect 0 explain-da "$sm" explain a E --seed 3 --language en
check "explain without --mechanism: E's letter of deferred acceptance" \
  cmp -s explain-da.out da/letters/E.txt
lacks "explain without --mechanism: no cycles" explain-da.out \
  "improvement cycles"

# The setting in settings.csv does the same; --mechanism da-single turns
# it off for a run.
expect 0 solve-setting "$sm" solve b --language en --out set
check "settings.csv: the same placements" cmp -s sic/placements.json \
  set/placements.json
expect 0 solve-off "$sm" solve b --mechanism da-single --language en \
  --out off
has "off: the manifest" off/manifest.json '"improvement_cycles" : false'
expect 0 solve-per "$sm" solve b --mechanism da-per-position --out per
has "per-position: the manifest" per/manifest.json \
  '"tie_breaking" : "per-position"'

# ---- errors --------------------------------------------------------------------

expect 2 bad-mechanism "$sm" solve a --mechanism sic --out bad
has "bad mechanism: says which" bad-mechanism.err \
  "--mechanism: 'sic' is not one of da-single, da-per-position, da-sic"
expect 2 bad-mechanism-explain "$sm" explain a E --mechanism sic
has "explain, bad mechanism: says which" bad-mechanism-explain.err \
  "--mechanism: 'sic' is not one of da-single, da-per-position, da-sic"
expect 1 positions-propose "$sm" solve b --side positions --out pos
has "positions proposing with cycles: why" positions-propose.err \
  "Positions cannot propose when improvement cycles are on"
printf 'key;value\nimprovement_cycles;sometimes\n' > b/settings.csv
expect 1 bad-setting "$sm" solve b --out bad2
has "bad setting: where and what" bad-setting.out \
  "settings.csv:2"

finish
