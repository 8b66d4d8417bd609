#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# staffmatch tests: the letters as the tool writes them, and the options
# that HR sets for them.
#
# A small scenario written here, with reference date 2025-07-01 and a
# letters.csv that sets public law and an effective date of 2019-01-01:
# the letters say "per 1 januari 2019" beside "berekend op 1 juli 2025".
# The command-line options (--regime, --letter-date, --sender,
# --signatory, --contact, --response-address, --employer, --template)
# replace the scenario's settings; `letters --print-template` prints the
# built-in templates; mail-merge.csv lists every letter; --quiet prints
# nothing; the summary and report follow --language.
# Prints "N passed, M failed" and exits non-zero on any failure.
#
# usage: letters-cli-check.sh STAFFMATCH WORK-DIR
set -u
. "$(dirname "$0")/script-util.sh"
sm=$1
dir=$2
sm=$(absolute "$sm")
enter "$dir"

# ---- the scenario ------------------------------------------------------------

mkdir s
cat > s/organisations.csv <<'EOT'
id;name;kind;min_headcount;max_headcount
hb;Hardenberg;default;;
om;Ommen;receiving;;
EOT
cat > s/units.csv <<'EOT'
id;name;organisation
hb-u;Publiekszaken en dienstverlening aan inwoners;hb
om-u;Regie;om
EOT
cat > s/positions.csv <<'EOT'
id;title;unit;function;grade;seats
om-pol;Beleidsadviseur;om-u;POL;10;1
hb-pol;Beleidsmedewerker;hb-u;POL;10;2
EOT
cat > s/employees.csv <<'EOT'
id;name;function;unit;grade;service_start;birth_date
E1;Eva Eerste;POL;hb-u;10;1990-01-01;1970-01-01
E2;Erik Tweede;POL;hb-u;10;2024-01-01;1980-01-01
EOT
cat > s/applications.csv <<'EOT'
employee;position;preference
E1;om-pol;1
E2;om-pol;1
EOT
cat > s/function-relations.csv <<'EOT'
from;to;fit
EOT
cat > s/settings.csv <<'EOT'
key;value
reference_date;2025-07-01
EOT
cat > s/letters.csv <<'EOT'
key;value
regime;public
effective_date;2019-01-01
deciding_body;het bestuur van de Bestuursdienst
EOT

# ---- the scenario's settings ---------------------------------------------------

expect 0 solve "$sm" solve s --out o1
has "effective date from the scenario" o1/letters/E2.txt \
  "plaatsing per 1 januari 2019"
has "reference date beside it" o1/letters/E2.txt "berekend op 1 juli 2025"
has "public law from the scenario" o1/letters/E2.txt "ontwerpbesluit"
has "the Awb named" o1/letters/E2.txt "Algemene wet bestuursrecht, Awb"
has "the deciding body from the scenario" o1/letters/E2.txt \
  "bezwaar maken bij het bestuur van de Bestuursdienst, binnen zes weken"
lacks "no college" o1/letters/E2.txt "college"
has "candidates for the position" o1/letters/E2.txt \
  "Voor deze functie waren er 2 kandidaten voor 1 plaats."
has "Dutch summary by default" solve.out "Overzicht van de plaatsing"
lacks "no English status words in Dutch" o1/summary.txt "Supernumerary"
lacks "no English status words in Dutch" o1/summary.txt "Follow their work"
lacks "no criterion codes in Dutch" o1/summary.txt "service"
has "human criterion in Dutch" o1/summary.txt "diensttijd"
has "the report in Dutch" o1/report.html 'lang="nl"'
has "the report prints on A4" o1/report.html "@page { size: A4;"
has "the band shading has a legend" o1/report.html \
  "bandbreedte (laagste tot hoogste)"
has "unit names whole in the chart" o1/report.html \
  "Publiekszaken en dienstverlening aan inwoners ("
has "manifest: the scenario's regime" o1/manifest.json '"regime" : "public"'

# ---- the mail-merge file ----------------------------------------------------------

check "mail merge: a header and one row per employee" \
  test "$(wc -l < o1/mail-merge.csv)" -eq 3
has "mail merge: header" o1/mail-merge.csv \
  "personeelsnummer;naam;organisatie;afdeling;functie;uitkomst;voorkeur;brief"
has "mail merge: a row" o1/mail-merge.csv \
  "E1;Eva Eerste;Ommen;Regie;Beleidsadviseur;geplaatst op sollicitatie;1;letters/E1.txt"
grep -o 'letters/[^;]*$' o1/mail-merge.csv > listed-letters.txt
check "mail merge: every letter file exists" \
  sh -c 'cd o1 && while read -r f; do test -f "$f" || exit 1; done < ../listed-letters.txt'

# ---- options replace the settings -------------------------------------------------

expect 0 solve-opts "$sm" solve s --out o2 --quiet --language en \
  --regime employment --letter-date 2025-06-20 --employer "Gemeente Test" \
  --sender "the board of the shared service" --signatory "J. Jansen" \
  --contact "A. de Vries, HR" --response-address "PO Box 12, Testdorp"
check "--quiet prints nothing" test ! -s solve-opts.out
check "--quiet: nothing on stderr" test ! -s solve-opts.err
has "letter date" o2/letters/E2.txt "Date: 20 June 2025"
has "deadline two weeks on" o2/letters/E2.txt \
  "within two weeks of the date of this letter, that is by 4 July 2025,"
has "employer on top" o2/letters/E2.txt "Gemeente Test"
has "sender decides" o2/letters/E2.txt \
  "This decision was taken by the board of the shared service under employment law."
has "signatory" o2/letters/E2.txt "J. Jansen"
has "contact" o2/letters/E2.txt "please contact A. de Vries, HR."
has "response address" o2/letters/E2.txt "(PO Box 12, Testdorp)"
has "employment law: the court" o2/letters/E2.txt "kantonrechter"
lacks "employment law: no Awb" o2/letters/E2.txt "Awb"
has "English summary" o2/summary.txt "Placement summary"
lacks "no Dutch status words in English" o2/summary.txt "boventallig"
lacks "no Dutch status words in English" o2/summary.txt "Mens volgt werk"
has "English criterion words" o2/summary.txt "years of service"
has "English mail merge" o2/mail-merge.csv \
  "employee_id;name;organisation;unit;position;outcome;preference;letter"

expect 2 bad-regime "$sm" solve s --out o3 --regime civil
has "bad regime named" bad-regime.err "--regime: 'civil' is not one of"
expect 2 bad-letter-date "$sm" solve s --out o3 --letter-date 2025-02-30
has "bad letter date named" bad-letter-date.err "--letter-date: '2025-02-30'"
expect 2 blank-contact "$sm" solve s --out o3 --contact "  "
has "blank contact named" blank-contact.err "--contact: The contact"
check "nothing written on a bad option" test ! -e o3

# ---- templates ----------------------------------------------------------------------

expect 0 list "$sm" letters --list-templates
check "four templates" test "$(wc -l < list.out)" -eq 4
expect 0 print-nl "$sm" letters --print-template nl-public
has "the template's field list" print-nl.out "response_deadline"
has "the template's route" print-nl.out "Algemene wet bestuursrecht"
expect 2 print-bad "$sm" letters --print-template nl
has "unknown template: names listed" print-bad.err \
  "nl-public, nl-employment, en-public, en-employment"
sed 's/^Beste /Geachte /' print-nl.out > own.txt
expect 0 own "$sm" solve s --out o4 --template own.txt --quiet
has "own template used" o4/letters/E1.txt "Geachte Eva Eerste,"
has "manifest: own template" o4/manifest.json '"template" : "own"'
printf 'Beste {{naam}},\n' > broken.txt
expect 1 broken "$sm" solve s --out o5 --template broken.txt
has "broken template: line named" broken.err "line 1"
expect 2 missing "$sm" solve s --out o5 --template no-such-file.txt
has "missing template named" missing.err "--template:"
expect 0 explain-own "$sm" explain s E1 --template own.txt --regime employment
has "explain uses the template" explain-own.out "Geachte Eva Eerste,"

# ---- diff and explain ------------------------------------------------------------

# In s2, E1 first asks for om-x, which goes to E2 by a manual placement:
# E1 keeps om-pol, now as the 2nd choice.
cp -r s s2
cat >> s2/positions.csv <<'EOT'
om-x;Strateeg;om-u;POL;10;1
EOT
cat > s2/applications.csv <<'EOT'
employee;position;preference
E1;om-x;1
E1;om-pol;2
E2;om-pol;1
EOT
cat > s2/manual-placements.csv <<'EOT'
employee;position;reason
E2;om-x;QQZ-reason
EOT
expect 0 solve-s2 "$sm" solve s2 --out o6 --quiet
expect 0 diff "$sm" diff o1 o6
has "diff: a renumbered preference is told apart" diff.out \
  "E1: the same position, om-pol at om/om-u; it was the 1st choice on the employee's list in A and is the 2nd in B"
has "diff: counted apart" diff.out \
  "1 placed differently, 1 at the same position under another preference number, 0 the same"
expect 1 explain-typo "$sm" explain s E3
has "explain: nearest ids" explain-typo.err \
  "no employee with the id 'E3'; did you mean E1 or E2?"
expect 1 explain-far "$sm" explain s XYZ-1234
lacks "explain: nothing near" explain-far.err "did you mean"

finish
