/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch fuzzing: libFuzzer target "scenario-json".
 *
 * Loads the input as a JSON scenario; one that loads is placed, and
 * saved and loaded again with the same checksum, and it holds exactly as
 * many employees and applications as the document lists, counted by
 * json-count.h without the loader (nothing is dropped silently).
 * The checks of fuzz-checks.c are shared with the regression suite
 * test-fuzz-regressions.c (the count is also checked on the seed corpus
 * by test-scenario-json.c); this file only turns a broken property into
 * an abort, so that libFuzzer stops and keeps the input as a reproducer.
 * Built only with -Dfuzzing=true (see tests/fuzz/meson.build).
 */
#include <stdio.h>
#include <stdlib.h>
#include <glib.h>
#include <staffmatch/staffmatch.h>

#include "fuzz-checks.h"
#include "json-count.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  sm_fuzz_init ();
  return 0;
}

/* NULL when a scenario that loads from the input holds as many employees
 * and applications as the document lists, else (transfer full) what
 * differs. */
static char *
check_counts (const uint8_t *data, size_t size)
{
  const char *text = (const char *) data;
  g_autoptr (SmScenario)
      s = sm_scenario_load_json_data (text, size, "fuzz.json", NULL, NULL);
  if (s == NULL)
    return NULL;
  int64_t employees = sm_json_count_elements (text, size, "employees");
  int64_t applications = sm_json_count_elements (text, size, "applications");
  if (employees != sm_scenario_get_n_employees (s)
      || applications != sm_scenario_get_n_applications (s))
    return g_strdup_printf ("the document lists %" G_GINT64_FORMAT
                            " employees and %" G_GINT64_FORMAT
                            " applications, the scenario holds %d and %d",
                            employees, applications,
                            (int) sm_scenario_get_n_employees (s),
                            (int) sm_scenario_get_n_applications (s));
  return NULL;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *broken = sm_fuzz_check_scenario_json (data, size);
  if (broken == NULL)
    broken = check_counts (data, size);
  if (broken != NULL)
    {
      fprintf (stderr, "fuzz-scenario-json: %s\n", broken);
      abort ();
    }
  return 0;
}
