#!/bin/sh
# staffmatch tests: the command-line tool as a user runs it, in a
# temporary folder: the demo's output set and its manifest, determinism,
# check on good and broken scenarios, solve (same seed, other seed, from
# JSON), explain, diff, export, usage errors, unwritable outputs, --help.
# Prints "N passed, M failed" and exits non-zero on any failure.
#
# usage: cli-check.sh STAFFMATCH WORK-DIR
set -u
sm=$1
dir=$2
case $sm in
  */*) sm=$(cd "$(dirname "$sm")" && pwd)/$(basename "$sm") ;;
esac
rm -rf "$dir"
mkdir -p "$dir"
cd "$dir" || exit 1

passed=0
failed=0

ok () {
  passed=$((passed + 1))
}

fail () {
  failed=$((failed + 1))
  echo "FAIL: $*" >&2
}

# expect STATUS NAME COMMAND...: runs COMMAND (stdout to NAME.out, stderr
# to NAME.err) and checks its exit status.
expect () {
  want=$1
  name=$2
  shift 2
  status=0
  "$@" > "$name.out" 2> "$name.err" || status=$?
  if [ "$status" -eq "$want" ]; then
    ok
  else
    fail "$name: exit status $status, expected $want"
    sed 's/^/    /' "$name.err" >&2
  fi
}

# check NAME CONDITION...: a test of its own.
check () {
  name=$1
  shift
  if "$@"; then ok; else fail "$name"; fi
}

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
check "demo printed the summary" grep -q "Placement summary" demo1.out
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

# letters/ blocked by a file: the run fails midway, leaves no temporary
# file, and removes the old manifest so the set is known incomplete.
cp -r d1 blocked
rm -rf blocked/letters
echo "in the way" > blocked/letters
expect 1 solve-blocked "$sm" solve d1/scenario --out blocked
check "blocked: no manifest left" test ! -e blocked/manifest.json
check "blocked: no temporary files" \
  test -z "$(find blocked -name '*.??????' -print)"
check "blocked: the message names the letters" \
  grep -q "letters" solve-blocked.err

# ---- help --------------------------------------------------------------------

expect 0 help "$sm" --help
for c in check solve explain diff export demo; do
  check "staffmatch --help lists $c" grep -q "^  $c " help.out
  expect 0 "help-$c" "$sm" "$c" --help
  check "$c --help shows the usage" grep -q "Usage:" "help-$c.out"
done
expect 0 version "$sm" --version

echo "$passed passed, $failed failed"
test "$failed" -eq 0
