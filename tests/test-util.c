/* staffmatch tests: shared helpers for the CUnit suites. */
#include "test-util.h"

#include <CUnit/Basic.h>
#include <stdio.h>

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
