/* SPDX-License-Identifier: CC0-1.0 */
/* staffmatch example: the 20-line tour of the C API shown in README.md.
 * Three employees, two positions of one seat each; prints who goes where
 * and checks that the placement is stable. */
#include <stdio.h>
#include <staffmatch/staffmatch.h>

int
main (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (3, 2, &error);
  sm_market_builder_set_preferences (b, 0, (int32_t[]){ 0, 1 }, 2, &error);
  sm_market_builder_set_preferences (b, 1, (int32_t[]){ 0 }, 1, &error);
  sm_market_builder_set_preferences (b, 2, (int32_t[]){ 1, 0 }, 2, &error);
  sm_market_builder_set_priorities (b, 0, (int32_t[]){ 1, 2, 0 }, 3, &error);
  sm_market_builder_set_priorities (b, 1, (int32_t[]){ 0, 2 }, 2, &error);
  g_autoptr (SmMarket) market = sm_market_builder_build (b, &error);
  if (market == NULL)
    g_error ("%s", error->message);

  g_autoptr (SmMatching)
      m = sm_market_solve (market, SM_SIDE_EMPLOYEES, &error);
  for (int32_t i = 0; i < 3; i++)
    printf ("employee %d -> %d\n", i, sm_matching_get_position (m, i));

  g_autoptr (SmCheckReport) report = sm_matching_check (market, m, &error);
  g_assert (sm_check_report_is_stable (report));
  return 0;
}
