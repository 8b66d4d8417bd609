/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: the reflection principle (afspiegelingsbeginsel), on
 * its own and as the placement's final stage. */
#include "test-util.h"

#include <string.h>

#include "scenario/reflection-private.h"

static const SmDate reference = { 2019, 1, 1 };

static SmReflectionCandidate
candidate (int32_t age, int32_t service_year, uint64_t lot)
{
  SmReflectionCandidate c = { { 2019 - age, 1, 1 },
                              { service_year, 1, 1 },
                              lot };
  return c;
}

/* Ten candidates in four bands of ten years from 15: 15-24 (2), 25-34
 * (3), 35-44 (3), 45-54 (2); six places, so four go. Shares of the four:
 * 0.8, 1.2, 1.2, 0.8: whole parts 0, 1, 1, 0, and the two left go to the
 * largest remainders, 0.8 and 0.8 (bands of equal size: the younger
 * first, then the other). One goes from each band: the shortest service. */
static void
test_bands_in_proportion (void)
{
  SmReflectionCandidate c[10] = {
    candidate (20, 2017, 1), candidate (23, 2016, 2), /* band 0 */
    candidate (26, 2010, 3), candidate (30, 2015, 4),
    candidate (33, 2005, 5), /* band 1 */
    candidate (36, 2000, 6), candidate (40, 1999, 7),
    candidate (44, 2012, 8),                           /* band 2 */
    candidate (47, 1990, 9), candidate (53, 1995, 10), /* band 3 */
  };
  gboolean keep[10];
  sm_reflection__choose (c, 10, 6, reference, 10, keep);
  static const gboolean expected[10] = { FALSE, TRUE, TRUE,  FALSE, TRUE,
                                         TRUE,  TRUE, FALSE, TRUE,  FALSE };
  for (int k = 0; k < 10; k++)
    CU_ASSERT_EQUAL (keep[k], expected[k]);
}

/* A band that is larger takes more of the reduction: 6 in band 1, 2 in
 * band 3, keep 4 of 8: shares 3 and 1. */
static void
test_larger_band_gives_more (void)
{
  SmReflectionCandidate c[8];
  for (int k = 0; k < 6; k++)
    c[k] = candidate (30, 2000 + k, (uint64_t) k);
  c[6] = candidate (50, 1990, 6);
  c[7] = candidate (50, 1991, 7);
  gboolean keep[8];
  sm_reflection__choose (c, 8, 4, reference, 10, keep);
  /* band 1 loses its three shortest services (2003, 2004, 2005) */
  static const gboolean expected[8] = { TRUE,  TRUE,  TRUE, FALSE,
                                        FALSE, FALSE, TRUE, FALSE };
  for (int k = 0; k < 8; k++)
    CU_ASSERT_EQUAL (keep[k], expected[k]);
}

/* Equal service: the youngest goes first; equal in all: the higher lot. */
static void
test_ties_within_a_band (void)
{
  SmReflectionCandidate c[3] = { candidate (30, 2010, 5),
                                 candidate (28, 2010, 9),
                                 candidate (28, 2010, 1) };
  gboolean keep[3];
  sm_reflection__choose (c, 3, 2, reference, 10, keep);
  CU_ASSERT_TRUE (keep[0]);
  CU_ASSERT_FALSE (keep[1]); /* younger than 0, higher lot than 2 */
  CU_ASSERT_TRUE (keep[2]);
  sm_reflection__choose (c, 3, 1, reference, 10, keep);
  CU_ASSERT_TRUE (keep[0]);
  CU_ASSERT_FALSE (keep[1]);
  CU_ASSERT_FALSE (keep[2]);
}

static void
test_enough_places_keeps_all (void)
{
  SmReflectionCandidate c[2] = { candidate (30, 2010, 1),
                                 candidate (60, 1980, 2) };
  gboolean keep[2] = { FALSE, FALSE };
  sm_reflection__choose (c, 2, 2, reference, 10, keep);
  CU_ASSERT_TRUE (keep[0] && keep[1]);
  sm_reflection__choose (c, 2, 5, reference, 10, keep);
  CU_ASSERT_TRUE (keep[0] && keep[1]);
  sm_reflection__choose (c, 2, 0, reference, 10, keep);
  CU_ASSERT_FALSE (keep[0] || keep[1]);
}

/* ---- as the placement's final stage ---------------------------------------
 */

static void
add_employee (SmScenario *s, const char *id, int32_t birth_year,
              int32_t service_year)
{
  GError *error = NULL;
  SmEmployeeSpec e = SM_EMPLOYEE_SPEC_INIT;
  e.id = id;
  e.name = id;
  e.function_code = "ADM";
  e.unit_id = "hb-u";
  e.grade = 6;
  e.birth_date = (SmDate){ birth_year, 6, 1 };
  e.service_start = (SmDate){ service_year, 1, 1 };
  CU_ASSERT_TRUE (sm_scenario_add_employee (s, &e, &error));
  SM_ASSERT_NO_ERROR (error);
}

/* Hardenberg has two places for function ADM and four candidates: two
 * older with long service (A, B), two younger with short service (C, D).
 * D also applies to a position at Ommen and gets it. The rule (longest
 * service first) would keep A and B and leave C supernumerary; with D at
 * Ommen, the contenders are A, B, C for two places, in bands 45-54 (A,
 * B) and 25-34 (C): one goes, shares 2/3 and 1/3, so band 45-54 gives
 * it up: B (shorter service than A). */
static SmScenario *
reflection_scenario (SmReduction reduction)
{
  GError *error = NULL;
  SmScenario *s = sm_scenario_new ();
  SmOrganisationSpec o = SM_ORGANISATION_SPEC_INIT;
  o.id = o.name = "hb";
  o.kind = SM_ORGANISATION_KIND_DEFAULT;
  sm_scenario_add_organisation (s, &o, &error);
  o.id = o.name = "om";
  o.kind = SM_ORGANISATION_KIND_RECEIVING;
  sm_scenario_add_organisation (s, &o, &error);
  SmUnitSpec u = SM_UNIT_SPEC_INIT;
  u.id = u.name = "hb-u";
  u.organisation_id = "hb";
  sm_scenario_add_unit (s, &u, &error);
  u.id = u.name = "om-u";
  u.organisation_id = "om";
  sm_scenario_add_unit (s, &u, &error);
  SmPositionSpec p = SM_POSITION_SPEC_INIT;
  p.id = p.title = "hb-adm";
  p.unit_id = "hb-u";
  p.function_code = "ADM";
  p.grade = 6;
  p.seats = 2;
  sm_scenario_add_position (s, &p, &error);
  p.id = p.title = "om-adv";
  p.unit_id = "om-u";
  p.function_code = "ADV";
  p.seats = 1;
  sm_scenario_add_position (s, &p, &error);
  SM_ASSERT_NO_ERROR (error);
  add_employee (s, "A", 1970, 1990);
  add_employee (s, "B", 1972, 1995);
  add_employee (s, "C", 1990, 2012);
  add_employee (s, "D", 1991, 2014);
  SmApplicationSpec a = SM_APPLICATION_SPEC_INIT;
  a.employee_id = "D";
  a.position_id = "om-adv";
  a.preference = 1;
  sm_scenario_add_application (s, &a, &error);
  SM_ASSERT_NO_ERROR (error);
  sm_scenario_set_reduction (s, reduction, 10);
  return s;
}

static SmStatus
status_of (const SmPlacement *p, const char *id)
{
  SmEmployeeOutcome out;
  sm_placement_get_outcome (
      p, sm_scenario_find_employee (sm_placement_get_scenario (p), id), &out);
  return out.status;
}

static void
test_reflection_stage (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) by_rule = reflection_scenario (SM_REDUCTION_PRIORITY);
  g_autoptr (SmPlacement) p1 = sm_scenario_place (by_rule, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (status_of (p1, "A"), SM_STATUS_FOLLOWS_WORK);
  CU_ASSERT_EQUAL (status_of (p1, "B"), SM_STATUS_FOLLOWS_WORK);
  CU_ASSERT_EQUAL (status_of (p1, "C"), SM_STATUS_SUPERNUMERARY);
  CU_ASSERT_EQUAL (status_of (p1, "D"), SM_STATUS_PLACED);

  g_autoptr (SmScenario)
      reflect = reflection_scenario (SM_REDUCTION_REFLECTION);
  g_autoptr (SmPlacement) p2 = sm_scenario_place (reflect, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (status_of (p2, "A"), SM_STATUS_FOLLOWS_WORK);
  CU_ASSERT_EQUAL (status_of (p2, "B"), SM_STATUS_SUPERNUMERARY);
  CU_ASSERT_EQUAL (status_of (p2, "C"), SM_STATUS_FOLLOWS_WORK);
  CU_ASSERT_EQUAL (status_of (p2, "D"), SM_STATUS_PLACED);

  /* The final market puts the keepers first, then the other contender,
   * then D (placed at Ommen, so not in the running), and its matching is
   * stable. */
  int32_t len;
  const SmEdge *order =
      sm_market_get_position_edges (sm_placement_get_market (p2), 0, &len);
  CU_ASSERT_EQUAL_FATAL (len, 4);
  CU_ASSERT_EQUAL (order[0].target, 0); /* A */
  CU_ASSERT_EQUAL (order[1].target, 2); /* C */
  CU_ASSERT_EQUAL (order[2].target, 1); /* B */
  CU_ASSERT_EQUAL (order[3].target, 3); /* D */
  g_autoptr (SmCheckReport)
      report = sm_matching_check (sm_placement_get_market (p2),
                                  sm_placement_get_matching (p2), &error);
  CU_ASSERT_TRUE (sm_check_report_is_stable (report));
}

/* Positions may propose for comparison, but not with reflection. */
static void
test_positions_proposing (void)
{
  GError *error = NULL;
  SmPlaceOptions options = SM_PLACE_OPTIONS_INIT;
  options.proposing = SM_SIDE_POSITIONS;
  g_autoptr (SmScenario)
      reflect = reflection_scenario (SM_REDUCTION_REFLECTION);
  CU_ASSERT_PTR_NULL (sm_scenario_place_with (reflect, &options, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INFEASIBLE);

  g_autoptr (SmScenario) by_rule = reflection_scenario (SM_REDUCTION_PRIORITY);
  g_autoptr (SmPlacement)
      p = sm_scenario_place_with (by_rule, &options, &error);
  SM_ASSERT_NO_ERROR (error);
  /* the market has one stable matching, so both sides agree */
  g_autoptr (SmPlacement) e = sm_scenario_place (by_rule, &error);
  CU_ASSERT_TRUE (sm_matching_equal (sm_placement_get_matching (p),
                                     sm_placement_get_matching (e)));
  CU_ASSERT_EQUAL (status_of (p, "C"), SM_STATUS_SUPERNUMERARY);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "bands in proportion", test_bands_in_proportion },
    { "a larger band gives more", test_larger_band_gives_more },
    { "ties within a band", test_ties_within_a_band },
    { "enough places keeps all", test_enough_places_keeps_all },
    { "reflection as the final stage", test_reflection_stage },
    { "positions proposing", test_positions_proposing },
    { NULL, NULL },
  };
  return sm_test_run_suite ("reflection", cases);
}
