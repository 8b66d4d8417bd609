#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# staffmatch tests: g-ir-scanner reads every public header without a
# warning. The build makes StaffMatch-0.1.gir with --warn-all and goes on
# when a comment is not what the scanner expects (a typo in an
# annotation, a parameter the comment names twice, a one-line "/** x: */"
# comment it skips); this runs the same scan with --warn-error, so any
# such warning fails here, quoting the line. docs/bindings.md says how to
# write the comments.
#
# usage: gir-warnings.sh G-IR-SCANNER SOURCE-ROOT BUILD-ROOT OUT-DIR
set -eu
scanner=$1
src=$2
build=$3
out=$4
mkdir -p "$out"
# shellcheck disable=SC2046 # pkg-config gives one word per flag
"$scanner" --quiet --no-libtool --namespace=StaffMatch --nsversion=0.1 \
  --warn-all --warn-error --output "$out/StaffMatch-0.1.gir" \
  --c-include=staffmatch/staffmatch.h \
  --include=GLib-2.0 --include=GObject-2.0 \
  --symbol-prefix=sm --identifier-prefix=Sm \
  -I"$src/include" -I"$build/include" \
  --cflags-begin -D_GNU_SOURCE -I"$src/include" -I"$build/include" \
    $(pkg-config --cflags gobject-2.0) --cflags-end \
  -L"$build/lib" --library staffmatch \
  "$src"/include/staffmatch/*.h "$build/include/staffmatch/version.h"
echo "1 passed, 0 failed"
