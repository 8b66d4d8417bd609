#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# staffmatch tests: the command-line tool as a user runs it, in a
# temporary folder: the demo's output set and its manifest, determinism,
# check on good and broken scenarios, solve (same seed, other seed, from
# JSON), explain, diff, export, usage errors, unwritable outputs, --help.
# Prints "N passed, M failed" and exits non-zero on any failure.
#
# usage: cli-check.sh STAFFMATCH WORK-DIR
set -u
. "$(dirname "$0")/script-util.sh"
sm=$1
dir=$2
sm=$(absolute "$sm")
enter "$dir"

# The "outputs" of a manifest as "SHA256  PATH" lines for sha256sum -c.
manifest_outputs () {
  awk '/"outputs"/ { on = 1 }
       on && /"path"/ { split ($0, f, "\""); path = f[4] }
       on && /"sha256"/ { split ($0, f, "\""); print f[4] "  " path }' "$1"
}

# ---- demo: the output set ----------------------------------------------------

expect 0 demo1 "$sm" demo --out d1
expect 0 demo2 "$sm" demo --out d2
for f in placements.csv placements.json summary.txt summary.md report.html \
         market.txt matching.txt manifest.json \
         scenario/organisations.csv scenario/units.csv scenario/positions.csv \
         scenario/employees.csv scenario/applications.csv \
         scenario/function-relations.csv scenario/rules.csv \
         scenario/manual-placements.csv scenario/settings.csv; do
  check "demo wrote $f" test -s "d1/$f"
done
employees=$(($(wc -l < d1/scenario/employees.csv) - 1))
letters=$(ls d1/letters | wc -l)
check "one letter per employee ($letters for $employees)" \
  test "$letters" -eq "$employees" -a "$employees" -gt 0
check "demo printed the summary" grep -q "Overzicht van de plaatsing" demo1.out
check "demo stderr is empty when not a terminal" test ! -s demo1.err
check "the summary on stdout is summary.txt" \
  grep -qF "$(head -n 1 d1/summary.txt)" demo1.out

# The manifest lists every file written, with checksums that match.
manifest_outputs d1/manifest.json > outputs.sha256
check "manifest checksums match the files" \
  sh -c 'cd d1 && sha256sum -c --quiet ../outputs.sha256'
(cd d1 && find . -type f ! -name manifest.json | sed 's|^\./||' | sort) \
  > files.txt
cut -c 67- outputs.sha256 | sort > listed.txt
check "manifest lists every output file" cmp -s files.txt listed.txt
check "manifest names the command, seed and side" \
  sh -c 'grep -q "\"command\" *: *\"demo\"" d1/manifest.json &&
         grep -q "\"seed\" *: *\"2019\"" d1/manifest.json &&
         grep -q "\"side\" *: *\"employees\"" d1/manifest.json &&
         grep -q "\"source\" *: *\"built-in\"" d1/manifest.json'

# Determinism: the same run twice gives the same bytes in every file.
check "demo twice gives identical files" diff -r d1 d2

# ---- check -------------------------------------------------------------------

expect 0 check-good "$sm" check d1/scenario
check "check says OK" grep -q "^OK" check-good.out

# Two problems: an unknown unit in employees.csv, a grade that is not a
# number in positions.csv.
cp -r d1/scenario broken
awk -F';' -v OFS=';' 'NR == 2 { $4 = "no-such-unit" } 1' \
  d1/scenario/employees.csv > broken/employees.csv
awk -F';' -v OFS=';' 'NR == 2 { $5 = "abc" } 1' \
  d1/scenario/positions.csv > broken/positions.csv
expect 1 check-broken "$sm" check broken
check "check lists the unknown unit" \
  grep -q "employees.csv:2:[0-9]*: unit: .*no-such-unit" check-broken.out
check "check lists the bad grade" \
  grep -q "positions.csv:2:[0-9]*: grade: " check-broken.out
check "check counts the problems" grep -q "problems found" check-broken.out
name=$(awk -F';' 'NR == 2 { print $2 }' d1/scenario/employees.csv)
check "no name on stderr" sh -c "! grep -qF '$name' check-broken.err"
expect 1 solve-broken "$sm" solve broken --out s-broken
check "solve on a broken scenario writes nothing" test ! -e s-broken

# ---- demo --variant whole-years -----------------------------------------------

expect 0 demo-years "$sm" demo --variant whole-years --out dy
check "whole years: the same people as the exact dates" \
  cmp -s d1/scenario/employees.csv dy/scenario/employees.csv
check "whole years: the rules count service in years" \
  grep -q "service:years" dy/scenario/rules.csv
check "exact dates: no granularity written" \
  sh -c '! grep -q ":years" d1/scenario/rules.csv'
expect 0 solve-years "$sm" solve dy/scenario --out sy
check "solve on the whole-years scenario gives its placements" \
  cmp -s dy/placements.csv sy/placements.csv
expect 2 usage-variant "$sm" demo --variant decades --out dz
check "an unknown variant writes nothing" test ! -e dz

# ---- solve -------------------------------------------------------------------

expect 0 solve-same "$sm" solve d1/scenario --out s1
check "solve on demo's scenario gives demo's placements" \
  cmp -s d1/placements.csv s1/placements.csv
check "solve stderr is empty when not a terminal" test ! -s solve-same.err
check "solve's manifest lists the inputs" \
  grep -q "\"path\" *: *\"d1/scenario/employees.csv\"" s1/manifest.json
manifest_outputs s1/manifest.json > s1.sha256
check "solve's manifest checksums match" \
  sh -c 'cd s1 && sha256sum -c --quiet ../s1.sha256'

# In the case as generated, service and age leave no ties for the lottery;
# with everyone's dates alike the lottery decides, and the seed shows.
cp -r d1/scenario tied
awk -F';' -v OFS=';' 'NR > 1 { $7 = "2010-01-01"; $8 = "1980-01-01" } 1' \
  d1/scenario/employees.csv > tied/employees.csv
expect 0 solve-tied "$sm" solve tied --out t1
expect 0 solve-seed7 "$sm" solve tied --out t7 --seed 7
check "solve --seed 7 places differently" \
  sh -c '! cmp -s t1/placements.csv t7/placements.csv'
check "the manifest records seed 7" \
  grep -q "\"seed\" *: *\"7\"" t7/manifest.json
expect 0 solve-positions "$sm" solve d1/scenario --out sp --side positions \
  --language en --regime employment --effective-date 2019-02-01
check "--side positions is recorded" \
  grep -q "\"side\" *: *\"positions\"" sp/manifest.json

# ---- export ------------------------------------------------------------------

expect 0 export-json "$sm" export d1/scenario --to json --out scenario.json
expect 0 solve-json "$sm" solve scenario.json --out sj
check "solve from JSON gives the same placements" \
  cmp -s d1/placements.csv sj/placements.csv
expect 0 export-csv "$sm" export scenario.json --to csv --out back \
  --delimiter ','
expect 0 check-back "$sm" check back
check "export --delimiter , writes commas" \
  grep -q "^id,name," back/employees.csv

# ---- explain -----------------------------------------------------------------

id=$(awk -F';' 'NR == 2 { print $1 }' d1/scenario/employees.csv)
expect 0 explain "$sm" explain d1/scenario "$id" --language en
check "explain mentions the employee's id" grep -qF "$id" explain.out
expect 1 explain-unknown "$sm" explain d1/scenario NO-SUCH-ID
check "explain names the unknown id" grep -q "NO-SUCH-ID" explain-unknown.err

# ---- diff --------------------------------------------------------------------

expect 0 diff-seeds "$sm" diff t1 t7/placements.json
check "diff lists the differences" grep -q "placed differently" diff-seeds.out
check "diff says why" grep -q "refused: " diff-seeds.out
expect 0 diff-same "$sm" diff d1 s1
check "diff of identical placements" grep -q "^No differences" diff-same.out
echo '{ "format": "something-else" }' > other.json
expect 1 diff-bad "$sm" diff d1 other.json
expect 1 diff-missing "$sm" diff d1 no-such-folder

# ---- usage errors ------------------------------------------------------------

expect 2 usage-none "$sm"
expect 2 usage-unknown "$sm" frobnicate
expect 2 usage-missing "$sm" solve --out x
expect 2 usage-no-out "$sm" solve d1/scenario
expect 2 usage-side "$sm" solve d1/scenario --out x --side sideways
expect 2 usage-seed "$sm" solve d1/scenario --out x --seed minus-one
expect 2 usage-option "$sm" check --no-such-option d1/scenario
expect 2 usage-explain "$sm" explain d1/scenario
expect 2 usage-export "$sm" export d1/scenario --to xml --out x
check "usage errors wrote nothing" test ! -e x

# ---- outputs that cannot be written ------------------------------------------

echo "a regular file" > plain
expect 1 solve-unwritable "$sm" solve d1/scenario --out plain/sub
check "unwritable: the message names the folder" \
  grep -q "plain/sub" solve-unwritable.err
check "unwritable: no output files" test "$(ls | grep -c '^plain')" -eq 1

# ---- output folders: one run each, complete ------------------------------------

# letters/ replaced by a file in an earlier output: the new run writes a
# fresh folder, so nothing of the old one is in the way or stays.
cp -r d1 blocked
rm -rf blocked/letters
echo "in the way" > blocked/letters
expect 0 solve-blocked "$sm" solve d1/scenario --out blocked
check "blocked: the letters are a folder again" test -d blocked/letters
check "blocked: the same files as a fresh run" diff -r s1 blocked

# A run into the folder of an earlier, larger run: nothing of the earlier
# run stays (its letters of people not in the new run are gone).
cp -r d1/scenario smaller
head -n 101 d1/scenario/employees.csv > smaller/employees.csv
awk -F';' 'NR == FNR { keep[$1] = 1; next } FNR == 1 || ($1 in keep)' \
  smaller/employees.csv d1/scenario/applications.csv > smaller/applications.csv
awk -F';' 'NR == FNR { keep[$1] = 1; next } FNR == 1 || ($1 in keep)' \
  smaller/employees.csv d1/scenario/manual-placements.csv \
  > smaller/manual-placements.csv
cp -r d1 rerun
expect 0 solve-smaller "$sm" solve smaller --out rerun
check "rerun: one letter per employee of the new run" \
  test "$(ls rerun/letters | wc -l)" -eq 100
manifest_outputs rerun/manifest.json > rerun.sha256
(cd rerun && find . -type f ! -name manifest.json | sed 's|^\./||' | sort) \
  > rerun-files.txt
cut -c 67- rerun.sha256 | sort > rerun-listed.txt
check "rerun: the folder holds exactly what the manifest lists" \
  cmp -s rerun-files.txt rerun-listed.txt
check "rerun: no scenario/ of the earlier demo" test ! -e rerun/scenario
check "rerun: nothing left beside the folder" \
  test -z "$(ls -A | grep 'staffmatch-')"

# A folder that holds something else is refused, and kept, unless --force.
mkdir foreign
echo "my notes" > foreign/notes.txt
expect 1 solve-foreign "$sm" solve d1/scenario --out foreign
check "foreign: the message says what to do" \
  grep -q "foreign: .*--force" solve-foreign.err
check "foreign: the folder is untouched" \
  sh -c 'test "$(ls -A foreign)" = notes.txt'
expect 0 solve-forced "$sm" solve d1/scenario --out foreign --force
check "foreign --force: replaced by the run's outputs" diff -r s1 foreign
mkdir empty
expect 0 solve-empty "$sm" solve d1/scenario --out empty
check "an empty folder takes the outputs" test -s empty/manifest.json

# A symbolic link as the target is refused, with or without --force, and
# what it points to is untouched; so is a file.
mkdir elsewhere
ln -s elsewhere linked
expect 1 solve-link "$sm" solve d1/scenario --out linked --force
check "link: refused by name" grep -q "linked: is a symbolic link" solve-link.err
check "link: nothing written where it points" test -z "$(ls -A elsewhere)"
check "link: the link stays" test -L linked
expect 1 solve-file "$sm" solve d1/scenario --out plain
check "file: refused" grep -q "plain: exists and is not a folder" \
  solve-file.err

# A second run on the same folder while one holds the lock fails at once.
cp -r s1 locked
: > .locked.staffmatch-lock
flock .locked.staffmatch-lock sh -c '
  "$1" solve "$2" --out locked > solve-locked.out 2> solve-locked.err
  echo $? > solve-locked.status' sh "$sm" d1/scenario
check "locked: the second run fails" test "$(cat solve-locked.status)" -eq 1
check "locked: it says another run is writing" \
  grep -q "another staffmatch run is writing" solve-locked.err
check "locked: the earlier output is untouched" diff -r s1 locked
expect 0 solve-unlocked "$sm" solve d1/scenario --out locked
check "unlocked: the lock file is removed at the end" \
  test ! -e .locked.staffmatch-lock

# A run killed while writing left its staging folder (made here by hand):
# the earlier output is intact, and the next run removes the remains.
cp -r s1 killed
mkdir .killed.staffmatch-staging
echo "half a letter" > .killed.staffmatch-staging/P1.txt.tmp
check "killed: the earlier output is intact" diff -r s1 killed
expect 0 solve-after-kill "$sm" solve d1/scenario --out killed
check "killed: the staging folder is removed" \
  test ! -e .killed.staffmatch-staging
check "killed: the next run says so" grep -q "did not finish" \
  solve-after-kill.err
check "killed: the new output is complete" diff -r s1 killed

# Killed between the two renames of a swap: the earlier output is put back.
cp -r s1 .moved.staffmatch-previous
expect 0 solve-after-move "$sm" solve d1/scenario --out moved
check "moved: the earlier output put back, then replaced" diff -r s1 moved
check "moved: nothing left beside it" \
  test ! -e .moved.staffmatch-previous -a ! -e .moved.staffmatch-staging

# The manifest lists what was written: a file changed afterwards fails
# the check (so a mixed folder cannot pass as one run).
cp -r s1 changed
echo "changed" >> changed/letters/$(ls changed/letters | head -n 1)
manifest_outputs changed/manifest.json > changed.sha256
check "changed: the manifest no longer matches" \
  sh -c '! (cd changed && sha256sum -c --quiet ../changed.sha256) \
         > /dev/null 2>&1'

# ---- export: files and folders ------------------------------------------------

ln -s scenario.json json-link
expect 1 export-link "$sm" export d1/scenario --to json --out json-link
check "export over a link: refused" grep -q "symbolic link" export-link.err
check "export over a link: the link stays" test -L json-link
# A pipe, and (as root, who could replace one) a device node of our own:
# never a system device, which a broken build would replace.
mkfifo json-pipe
expect 1 export-pipe "$sm" export d1/scenario --to json --out json-pipe
check "export over a pipe: refused" grep -q "pipe" export-pipe.err
check "export over a pipe: still a pipe" test -p json-pipe
if [ "$(id -u)" -eq 0 ] && mknod json-device c 1 3 2> /dev/null; then
  expect 1 export-device "$sm" export d1/scenario --to json --out json-device
  check "export over a device: refused" grep -q "device" export-device.err
  check "export over a device: still a device" test -c json-device
fi
cp -r back back-old
echo "old" > back/extra.csv
expect 0 export-again "$sm" export scenario.json --to csv --out back
check "export csv: the old table that is not written again is gone" \
  test ! -e back/extra.csv
echo "notes" > back/notes.txt
expect 1 export-foreign "$sm" export scenario.json --to csv --out back
check "export csv: a folder with other files is refused" \
  grep -q "back: .*--force" export-foreign.err
check "export csv: and kept" test -e back/notes.txt
expect 0 export-forced "$sm" export scenario.json --to csv --out back --force
check "export csv --force: replaced" test ! -e back/notes.txt
mkdir .back.staffmatch-staging
echo "employees of a killed export" > .back.staffmatch-staging/employees.csv
expect 0 check-back-killed "$sm" check back
expect 0 export-after-kill "$sm" export scenario.json --to csv --out back
check "export csv: a killed export's staging folder is removed" \
  test ! -e .back.staffmatch-staging

# ---- terminal output: identifiers cannot send control sequences --------------

esc=$(printf '\033')
rlo=$(printf '\342\200\256')
expect 1 explain-control "$sm" explain d1/scenario "P1${esc}[31m${rlo}x"
check "stderr: ESC escaped" grep -qF 'P1\x1b[31m\u202ex' explain-control.err
check "stderr: no raw ESC" sh -c "! grep -q \"\$(printf '\\033')\" explain-control.err"
if script -qc true /dev/null > /dev/null 2>&1; then
  # An id with a control character cannot be loaded (it names a letter
  # file); the problem shows it escaped, never raw.
  evil_id () {
    cp -r d1/scenario "$1"
    old=$(awk -F';' 'NR == 2 { print $1 }' d1/scenario/employees.csv)
    for t in employees applications manual-placements; do
      awk -F';' -v OFS=';' -v old="$old" -v bad="$2" \
        '$1 == old { $1 = bad } 1' "d1/scenario/$t.csv" > "$1/$t.csv"
    done
  }
  evil_id evil "P1${esc}[2J${rlo}"
  SM="$sm" script -qc '"$SM" check evil' /dev/null > tty.out 2>&1
  check "terminal: a control character in an id is refused" \
    grep -q "cannot be used as a file name" tty.out
  check "terminal: no raw ESC" sh -c "! grep -q \"\$(printf '\\033')\" tty.out"
  # A text-reordering mark is a legal file name, so the id loads; the
  # terminal shows the mark escaped.
  evil_id evil2 "P1${rlo}x"
  SM="$sm" script -qc '"$SM" explain evil2 "$(printf "P1\342\200\256x")" --language en' \
    /dev/null > tty2.out 2>&1
  check "terminal: the id is escaped" grep -qF 'P1\u202ex' tty2.out
  check "terminal: no raw reordering mark" sh -c "! grep -qF \"${rlo}\" tty2.out"
fi

# ---- help --------------------------------------------------------------------

expect 0 help "$sm" --help
for c in check solve explain diff export demo; do
  check "staffmatch --help lists $c" grep -q "^  $c " help.out
  expect 0 "help-$c" "$sm" "$c" --help
  check "$c --help shows the usage" grep -q "Usage:" "help-$c.out"
done
expect 0 version "$sm" --version

finish
