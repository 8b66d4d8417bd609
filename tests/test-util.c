/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: shared helpers for the CUnit suites. */
#include "test-util.h"

#include <CUnit/Basic.h>
#include <stdio.h>
#include <string.h>

int
sm_test_run_suite (const char *suite_name, const SmTestCase *cases)
{
  if (CU_initialize_registry () != CUE_SUCCESS)
    return 2;
  CU_pSuite suite = CU_add_suite (suite_name, NULL, NULL);
  if (suite == NULL)
    return 2;
  for (const SmTestCase *c = cases; c->name != NULL; c++)
    if (CU_add_test (suite, c->name, c->func) == NULL)
      return 2;
  CU_basic_set_mode (CU_BRM_VERBOSE);
  CU_basic_run_tests ();
  unsigned failed = CU_get_number_of_failures ()
                    + CU_get_number_of_tests_failed ();
  CU_cleanup_registry ();
  return failed == 0 ? 0 : 1;
}

SmMarket *
sm_test_market_new (int32_t n, int32_t m, const int32_t *seats,
                    const int32_t *const *prefs, const int32_t *pref_len,
                    const int32_t *const *prios, const int32_t *prio_len)
{
  GError *error = NULL;
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (n, m, &error);
  SM_ASSERT_NO_ERROR (error);
  for (int32_t j = 0; j < m; j++)
    {
      if (seats != NULL)
        sm_market_builder_set_seats (b, j, seats[j], &error);
      SM_ASSERT_NO_ERROR (error);
      sm_market_builder_set_priorities (b, j, prios[j], prio_len[j], &error);
      SM_ASSERT_NO_ERROR (error);
    }
  for (int32_t i = 0; i < n; i++)
    {
      sm_market_builder_set_preferences (b, i, prefs[i], pref_len[i], &error);
      SM_ASSERT_NO_ERROR (error);
    }
  SmMarket *market = sm_market_builder_build (b, &error);
  SM_ASSERT_NO_ERROR (error);
  return market;
}

void
sm_test_assert_error_prefix (GError **error, SmError code, const char *prefix,
                             const char *label)
{
  if (*error == NULL)
    fprintf (stderr, "%s: no error\n", label);
  CU_ASSERT_PTR_NOT_NULL_FATAL (*error);
  gboolean ok = g_str_has_prefix ((*error)->message, prefix);
  if (!ok || (*error)->code != (int) code)
    fprintf (stderr, "%s: expected code %d and prefix '%s', got %d: %s\n",
             label, code, prefix, (*error)->code, (*error)->message);
  CU_ASSERT_TRUE (ok);
  SM_ASSERT_ERROR (*error, code);
}

void
sm_test_assert_all_listed (const char *dir, const SmTestBadFile *table,
                           size_t n_rows)
{
  g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;
  size_t n_files = 0;

  CU_ASSERT_PTR_NOT_NULL_FATAL (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      gboolean listed = FALSE;
      for (size_t k = 0; k < n_rows; k++)
        listed = listed || strcmp (table[k].file, name) == 0;
      if (!listed)
        fprintf (stderr, "%s/%s is not in the table\n", dir, name);
      CU_ASSERT_TRUE (listed);
      n_files++;
    }
  CU_ASSERT_EQUAL (n_files, n_rows);
}

char *
sm_test_make_temp_dir (void)
{
  char *dir = g_dir_make_tmp ("staffmatch-test-XXXXXX", NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
  return dir;
}

gboolean
sm_test_has_word (const char *text, const char *word)
{
  size_t n = strlen (word);
  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    {
      gboolean before = p > text
                        && (g_ascii_isalnum (p[-1]) || (guchar) p[-1] >= 0x80);
      gboolean after = g_ascii_isalnum (p[n]) || (guchar) p[n] >= 0x80;
      if (!before && !after)
        return TRUE;
    }
  return FALSE;
}
