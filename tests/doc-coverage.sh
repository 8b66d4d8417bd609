#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# staffmatch tests: every public function is documented by name: each
# SM_API declaration in include/staffmatch/ follows, with no blank line
# between, a comment that names the function ("sm_x_y:" as gtk-doc writes
# it). A comment may document a group of declarations that follow it, but
# it must name each of them, so a function added to a group without its
# own words is caught.
#
# A function that returns a pointer must also say who owns it: its part
# of the comment (from "sm_x_y:" to the next function named so) holds
# "(transfer full)" (the caller frees it) or "(transfer none)" (borrowed).
#
# Functions whose transfer is known to be missing, each "file:name", until
# their header is filled; a name listed here that is documented after all
# fails the test too, so the list cannot outlive its reason.
pending_transfer=""
#
# usage: doc-coverage.sh INCLUDE-DIR
set -eu
missing=$(for h in "$1"/*.h "$1"/*.h.in; do
  [ -f "$h" ] || continue
  awk -v file="$(basename "$h")" -v pending="$pending_transfer" '
    # Where "name:" starts in text as a name of its own (not the end of a
    # longer name), or 0.
    function heading (text, name,    from, at, before) {
      from = 1
      while ((at = index (substr (text, from), name ":")) > 0) {
        at += from - 1
        before = at > 1 ? substr (text, at - 1, 1) : " "
        if (before !~ /[A-Za-z0-9_]/)
          return at
        from = at + 1
      }
      return 0
    }
    BEGIN {
      n = split (pending, list, " ")
      for (k = 1; k <= n; k++)
        waiting[list[k]] = 1
    }
    # Collect the text of each comment; it stays "current" until a blank
    # line ends the group of declarations below it.
    /\/\*/ { in_comment = 1; comment = "" }
    in_comment { comment = comment " " $0 }
    in_comment && /\*\// { in_comment = 0; have_comment = 1; next }
    in_comment { next }
    /^[ \t]*$/ { have_comment = 0; next }
    /SM_API/ && /sm_[a-z0-9_]* *\(/ {
      match ($0, /sm_[a-z0-9_]* *\(/)
      name = substr ($0, RSTART, RLENGTH - 1)
      returns = substr ($0, 1, RSTART - 1)
      sub (/ +$/, "", name)
      at = have_comment ? heading (comment, name) : 0
      if (at == 0) {
        print file ": " name ": no comment names it"
        next
      }
      if (returns !~ /\*/)
        next
      # This function'"'"'s part of the comment: up to the next heading.
      part = substr (comment, at + length (name) + 1)
      if (match (part, /sm_[a-z0-9_]+:/))
        part = substr (part, 1, RSTART - 1)
      said = index (part, "(transfer full)") > 0 \
             || index (part, "(transfer none)") > 0
      if (!said && !((file ":" name) in waiting))
        print file ": " name ": returns a pointer; say (transfer full) " \
              "or (transfer none)"
      if (said && (file ":" name) in waiting)
        print file ": " name ": documented now; take it off pending_transfer"
      delete waiting[file ":" name]
    }
    END {
      for (entry in waiting)
        if (index (entry, file ":") == 1)
          print entry ": on pending_transfer, but no such undocumented " \
                "function"
    }
  ' "$h"
done
for entry in $pending_transfer; do
  [ -f "$1/${entry%%:*}" ] \
    || echo "$entry: on pending_transfer, but no such header"
done)
if [ -n "$missing" ]; then
  echo "public functions documented short of the rule" \
       "(see the top of doc-coverage.sh):" >&2
  echo "$missing" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
echo "1 passed, 0 failed"
