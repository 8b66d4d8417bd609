#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# staffmatch tests: every source file says its licence in an SPDX line
# near its top (C sources and headers, scripts, meson files).
#
# usage: spdx-check.sh SOURCE-ROOT
set -eu
cd "$1"
missing=$(find lib include examples bench tests .ci meson.build \
  meson_options.txt -type f \( -name '*.c' -o -name '*.h' -o -name '*.in' \
  -o -name '*.sh' -o -name 'meson.build' -o -name 'meson_options.txt' \
  -o -path './.ci/*' -o -path '.ci/*' \) -not -path '*/data/*' \
  -not -path '*/corpus/*' -not -name 'packages' | sort | while read -r f; do
    head -3 "$f" | grep -q 'SPDX-License-Identifier:' || echo "$f"
  done)
if [ -n "$missing" ]; then
  echo "files without an SPDX-License-Identifier line:" >&2
  echo "$missing" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
echo "1 passed, 0 failed"
