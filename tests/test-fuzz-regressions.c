/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: every input the fuzzers ever broke something with.
 *
 * A crash or broken property found by a fuzz target (tests/fuzz/) is kept
 * as a file under data/fuzz-regressions/<target>/; this suite runs the
 * same checks as the fuzz targets (fuzz/fuzz-checks.c) on each of them, and
 * on the seed corpora in fuzz/corpus/<target>/, in the ordinary build, so
 * that CI's sanitizer and valgrind runs see them too without clang or
 * libFuzzer. One test per target; a failure names the file and the
 * property. */
#include "test-util.h"

#include <stdio.h>
#include <string.h>

#include "fuzz/fuzz-checks.h"

#define REGRESSIONS_DIR "data/fuzz-regressions"
#define CORPUS_DIR "fuzz/corpus"

/* Runs @check on every file of @dir (a missing folder has none) and
 * returns how many files were run. */
static int
run_folder (const char *dir, SmFuzzCheck check)
{
  GDir *listing = g_dir_open (dir, 0, NULL);
  if (listing == NULL)
    return 0;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (listing);
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  int run = 0;
  for (guint k = 0; k < names->len; k++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[k], NULL);
      g_autofree char *data = NULL;
      gsize length = 0;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &data, &length, NULL));
      g_autofree char *broken = check ((const uint8_t *) data, length);
      if (broken != NULL)
        fprintf (stderr, "%s: %s\n", path, broken);
      CU_ASSERT_PTR_NULL (broken);
      run++;
    }
  return run;
}

static void
run_target (const char *target)
{
  const SmFuzzTarget *t = sm_fuzz_targets;
  while (t->name != NULL && strcmp (t->name, target) != 0)
    t++;
  CU_ASSERT_PTR_NOT_NULL_FATAL (t->name);
  g_autofree char *regressions = g_build_filename (REGRESSIONS_DIR, target,
                                                   NULL);
  g_autofree char *corpus = g_build_filename (CORPUS_DIR, target, NULL);
  int run = run_folder (regressions, t->check);
  run += run_folder (corpus, t->check);
  /* Every target has a seed corpus: finding none means a wrong folder. */
  CU_ASSERT_TRUE (run > 0);
}

static void
test_instance (void)
{
  run_target ("instance");
}

static void
test_solution (void)
{
  run_target ("solution");
}

static void
test_market (void)
{
  run_target ("market");
}

static void
test_scenario_json (void)
{
  run_target ("scenario-json");
}

static void
test_scenario_csv (void)
{
  run_target ("scenario-csv");
}

int
main (void)
{
  sm_fuzz_init ();
  static const SmTestCase cases[] = {
    { "instance", test_instance },
    { "solution", test_solution },
    { "market", test_market },
    { "scenario-json", test_scenario_json },
    { "scenario-csv", test_scenario_csv },
    { NULL, NULL },
  };
  return sm_test_run_suite ("fuzz-regressions", cases);
}
