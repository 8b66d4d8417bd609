# SPDX-License-Identifier: LGPL-2.1-or-later
# staffmatch tests: what the script tests share, sourced by each of them
# (cli-check.sh, check-issues.sh, cli-explain-check.sh): the program's
# absolute path, a fresh work folder, the pass/fail count and the checks.
# A script sources it with `. "$(dirname "$0")/script-util.sh"` and ends
# with `finish`.

# absolute PATH: PATH made absolute (a bare name is left to $PATH).
absolute () {
  case $1 in
    /*) echo "$1" ;;
    */*) echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" ;;
    *) echo "$1" ;;
  esac
}

# enter DIR: DIR emptied, created and made the current folder.
enter () {
  rm -rf "$1"
  mkdir -p "$1"
  cd "$1" || exit 1
}

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
# to NAME.err) and checks its exit status; on failure shows both.
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
    sed 's/^/    /' "$name.out" "$name.err" >&2
  fi
}

# check NAME CONDITION...: a test of its own.
check () {
  name=$1
  shift
  if "$@"; then ok; else fail "$name"; fi
}

# has NAME FILE TEXT / lacks NAME FILE TEXT: FILE holds TEXT, or not.
has () {
  if grep -qF -- "$3" "$2"; then ok; else fail "$1: $2 lacks \"$3\""; fi
}

lacks () {
  if grep -qF -- "$3" "$2"; then fail "$1: $2 holds \"$3\""; else ok; fi
}

# finish: prints "N passed, M failed"; the status says whether all passed.
finish () {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
