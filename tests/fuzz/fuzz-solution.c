/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch fuzzing: libFuzzer target "solution".
 *
 * Reads the input as an hr-solution file for a fixed small market and
 * checks the matching with sm_matching_check().
 * The checks themselves are in fuzz-checks.c, shared with the regression
 * suite test-fuzz-regressions.c; this file only turns a broken property
 * into an abort, so that libFuzzer stops and keeps the input as a
 * reproducer. Built only with -Dfuzzing=true (see tests/fuzz/meson.build).
 */
#include <stdio.h>
#include <stdlib.h>
#include <glib.h>

#include "fuzz-checks.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  sm_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *broken = sm_fuzz_check_solution (data, size);
  if (broken != NULL)
    {
      fprintf (stderr, "fuzz-solution: %s\n", broken);
      abort ();
    }
  return 0;
}
