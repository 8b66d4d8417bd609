#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# staffmatch tests: a scenario from `staffmatch init` to the placement, in
# every form HR keeps it, through the command-line tool.
#
#     sh cli-workbook.sh STAFFMATCH WORKDIR
#
# `init` writes the template folder; its tables are filled with the rows
# of tests/data/workbook/filled/ (Dutch CSV, as an HR adviser types it:
# dd-mm-jjjj dates, decimal commas, identifiers with leading zeros), which
# must then be that folder exactly. The filled folder is exported as an
# .xlsx (libxlsxwriter); tests/data/workbook/filled.ods is the same
# tables as LibreOffice saves them (make-ods.py). All three solve to the
# same placement: the same placements.json, placements.csv and
# placements.xlsx, byte for byte. `init --xlsx` writes a workbook that
# checks; init never writes over anything.
. "$(dirname "$0")/script-util.sh"

sm=$(absolute "$1")
data=$(absolute "$(dirname "$0")/data/workbook")
enter "$2"

expect 0 init "$sm" init work
has init-readme work/README.txt "belongs to"
expect 0 check-template "$sm" check work
has check-template check-template.out "OK: work: 2 organisations"
for f in "$data"/filled/*.csv; do
  name=$(basename "$f")
  have=$(wc -l < "work/$name")
  tail -n +"$((have + 1))" "$f" >> "work/$name"
  check "filled-$name" cmp -s "$f" "work/$name"
done
rm work/README.txt

expect 0 export "$sm" export work --to xlsx --out filled.xlsx
cp "$data/filled.ods" filled.ods
for form in work filled.xlsx filled.ods; do
  expect 0 "check-$form" "$sm" check "$form"
  has "check-$form" "check-$form.out" "0 errors, 0 warnings."
  expect 0 "solve-$form" "$sm" solve "$form" --out "run-$form"
done
for out in placements.json placements.csv placements.xlsx; do
  check "same-$out-xlsx" cmp -s "run-work/$out" "run-filled.xlsx/$out"
  check "same-$out-ods" cmp -s "run-work/$out" "run-filled.ods/$out"
done
has placed run-work/placements.csv "00412;OM;OM-STAF;OM-BA2;1;placed"

expect 0 init-xlsx "$sm" init --xlsx template.xlsx
expect 0 check-xlsx "$sm" check template.xlsx
expect 1 init-again "$sm" init work
has init-again init-again.err "the folder exists and is not empty"
expect 1 init-xlsx-again "$sm" init --xlsx template.xlsx
expect 2 init-usage "$sm" init

# The letters' settings (letters.csv) travel through a workbook too.
expect 0 demo "$sm" demo --out demo --quiet
expect 0 export-case "$sm" export demo/scenario --to xlsx --out case.xlsx
expect 0 back-case "$sm" export case.xlsx --to csv --out case-back
check letters-through-xlsx cmp -s demo/scenario/letters.csv \
  case-back/letters.csv
finish
