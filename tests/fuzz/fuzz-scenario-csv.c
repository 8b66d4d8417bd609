/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch fuzzing: libFuzzer target "scenario-csv".
 *
 * Splits the input into the tables of a CSV scenario folder (separated
 * by byte 0x1e) and loads it; one that loads is placed, and saved as CSV
 * and JSON and loaded again with the same checksum; and it has exactly as
 * many employees and applications as a strict reading of its own
 * (csv-strict.c) finds data rows in employees.csv and applications.csv,
 * so that loading never loses a row silently.
 * The checks themselves are in fuzz-checks.c, shared with the regression
 * suite test-fuzz-regressions.c, and in csv-strict.c, which
 * test-csv-mutation.c runs on the same corpus; this file only turns a
 * broken property into an abort, so that libFuzzer stops and keeps the
 * input as a reproducer. Built only with -Dfuzzing=true (see
 * tests/fuzz/meson.build).
 */
#include <stdio.h>
#include <stdlib.h>
#include <glib.h>

#include "csv-strict.h"
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
  g_autofree char *broken = sm_fuzz_check_scenario_csv (data, size);
  if (broken == NULL)
    broken = sm_fuzz_check_csv_rows (data, size);
  if (broken != NULL)
    {
      fprintf (stderr, "fuzz-scenario-csv: %s\n", broken);
      abort ();
    }
  return 0;
}
