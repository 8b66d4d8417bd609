/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: placing a scenario (compile, solve, map back) on small
 * hand-built scenarios whose answers are worked out by hand. No rule is
 * added unless said, so the built-in default rule ranks: fit, same grade,
 * years of service (longest first), age, lot. No function relations are
 * added, so a function fits only itself. */
#include "test-util.h"

#include <string.h>

/* ---- building scenarios ----------------------------------------------------
 */

static void
add_org (SmScenario *s, const char *id, SmOrganisationKind kind,
         int32_t min_headcount, int32_t max_headcount)
{
  GError *error = NULL;
  SmOrganisationSpec spec = SM_ORGANISATION_SPEC_INIT;
  spec.id = id;
  spec.name = id;
  spec.kind = kind;
  spec.min_headcount = min_headcount;
  spec.max_headcount = max_headcount;
  CU_ASSERT_TRUE (sm_scenario_add_organisation (s, &spec, &error));
  SM_ASSERT_NO_ERROR (error);
}

static void
add_unit (SmScenario *s, const char *id, const char *organisation_id)
{
  GError *error = NULL;
  SmUnitSpec spec = SM_UNIT_SPEC_INIT;
  spec.id = id;
  spec.name = id;
  spec.organisation_id = organisation_id;
  CU_ASSERT_TRUE (sm_scenario_add_unit (s, &spec, &error));
  SM_ASSERT_NO_ERROR (error);
}

static void
add_position (SmScenario *s, const char *id, const char *unit_id,
              const char *function_code, int32_t seats, int32_t target_seats,
              const char *rule_id)
{
  GError *error = NULL;
  SmPositionSpec spec = SM_POSITION_SPEC_INIT;
  spec.id = id;
  spec.title = id;
  spec.unit_id = unit_id;
  spec.function_code = function_code;
  spec.grade = 10;
  spec.seats = seats;
  spec.target_seats = target_seats;
  spec.rule_id = rule_id;
  CU_ASSERT_TRUE (sm_scenario_add_position (s, &spec, &error));
  SM_ASSERT_NO_ERROR (error);
}

/* Everyone was born on 1 January 1970; service starts on 1 January of
 * @service_year. */
static void
add_employee (SmScenario *s, const char *id, const char *function_code,
              const char *unit_id, int32_t grade, int32_t service_year)
{
  GError *error = NULL;
  SmEmployeeSpec spec = SM_EMPLOYEE_SPEC_INIT;
  spec.id = id;
  spec.name = id;
  spec.function_code = function_code;
  spec.unit_id = unit_id;
  spec.grade = grade;
  spec.service_start = (SmDate){ service_year, 1, 1 };
  spec.birth_date = (SmDate){ 1970, 1, 1 };
  CU_ASSERT_TRUE (sm_scenario_add_employee (s, &spec, &error));
  SM_ASSERT_NO_ERROR (error);
}

static void
add_application (SmScenario *s, const char *employee_id,
                 const char *position_id, int32_t preference)
{
  GError *error = NULL;
  SmApplicationSpec spec = SM_APPLICATION_SPEC_INIT;
  spec.employee_id = employee_id;
  spec.position_id = position_id;
  spec.preference = preference;
  CU_ASSERT_TRUE (sm_scenario_add_application (s, &spec, &error));
  SM_ASSERT_NO_ERROR (error);
}

static SmPlacement *
place (const SmScenario *s)
{
  GError *error = NULL;
  SmPlacement *p = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (p);
  return p;
}

/* Asserts the employee's outcome; organisation, unit and position by id
 * (position NULL for none). */
static void
assert_outcome (const SmPlacement *p, const char *employee_id, SmStatus status,
                const char *organisation_id, const char *unit_id,
                const char *position_id, int32_t preference)
{
  const SmScenario *s = sm_placement_get_scenario (p);
  SmEmployeeOutcome o;
  sm_placement_get_outcome (p, sm_scenario_find_employee (s, employee_id), &o);
  CU_ASSERT_EQUAL (o.status, status);
  CU_ASSERT_EQUAL (o.organisation,
                   sm_scenario_find_organisation (s, organisation_id));
  CU_ASSERT_EQUAL (o.unit, sm_scenario_find_unit (s, unit_id));
  CU_ASSERT_EQUAL (o.position,
                   position_id == NULL
                       ? -1
                       : sm_scenario_find_position (s, position_id));
  CU_ASSERT_EQUAL (o.preference, preference);
  if (o.status != status || o.preference != preference)
    fprintf (stderr, "%s: status %d preference %d\n", employee_id, o.status,
             o.preference);
}

/* Nobody is lost: one outcome each, consistent with the matching, and the
 * headcounts add up to the number of employees. The matching is stable. */
static void
assert_nobody_lost (const SmPlacement *p)
{
  GError *error = NULL;
  const SmScenario *s = sm_placement_get_scenario (p);
  int32_t n = sm_scenario_get_n_employees (s);
  int32_t total = 0;
  for (int32_t o = 0; o < sm_scenario_get_n_organisations (s); o++)
    total += sm_placement_get_headcount (p, o);
  CU_ASSERT_EQUAL (total, n);
  int32_t placed = 0;
  for (int32_t j = 0; j < sm_scenario_get_n_positions (s); j++)
    placed += sm_placement_get_n_placed_at (p, j);
  for (int32_t i = 0; i < n; i++)
    {
      SmEmployeeOutcome o;
      sm_placement_get_outcome (p, i, &o);
      CU_ASSERT_EQUAL (o.position,
                       sm_matching_get_position (sm_placement_get_matching (p),
                                                 i));
      CU_ASSERT_EQUAL (o.status == SM_STATUS_SUPERNUMERARY, o.position == -1);
      placed -= o.position >= 0;
    }
  CU_ASSERT_EQUAL (placed, 0);
  g_autoptr (SmCheckReport)
      report = sm_matching_check (sm_placement_get_market (p),
                                  sm_placement_get_matching (p), &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (sm_check_report_is_stable (report));
}

/* ---- (1) applications, following the work, supernumerary ----------------- */

/* Receiving R (unit UR): P1 (function A, 1 seat), P2 (B, 1 seat).
 * Default D (unit UD): DA (A, 1 seat), DB (B, 2 seats).
 * Employees, all grade 10 in UD, service from the year given:
 *   E1 A 1990  applies P1 (1), P2 (2)
 *   E2 A 2000  applies P1 (1)
 *   E3 B 1995  applies P1 (1), P2 (2)
 *   E4 A 2005  no applications
 *   E5 B 2010  applies P2 (1)
 * Lists (own function last): E1 P1 P2 DA; E2 P1 DA; E3 P1 P2 DB; E4 DA;
 * E5 P2 DB. Priorities (same function first, then longest service):
 *   P1: E1 E2 E3   P2: E3 E5 E1   DA: E1 E2 E4   DB: E3 E5
 * Employees proposing: E1 takes P1. E2 is refused by P1 and takes DA. E3
 * is refused by P1 and takes P2. E4 is refused by DA, which keeps E2
 * (longer service): E4 is supernumerary in UD. E5 is refused by P2 and
 * takes DB. Headcounts: R 2, D 3. */
static SmScenario *
scenario_one (void)
{
  SmScenario *s = sm_scenario_new ();
  add_org (s, "R", SM_ORGANISATION_KIND_RECEIVING, -1, -1);
  add_org (s, "D", SM_ORGANISATION_KIND_DEFAULT, -1, -1);
  add_unit (s, "UR", "R");
  add_unit (s, "UD", "D");
  add_position (s, "P1", "UR", "A", 1, -1, NULL);
  add_position (s, "P2", "UR", "B", 1, -1, NULL);
  add_position (s, "DA", "UD", "A", 1, -1, NULL);
  add_position (s, "DB", "UD", "B", 2, -1, NULL);
  add_employee (s, "E1", "A", "UD", 10, 1990);
  add_employee (s, "E2", "A", "UD", 10, 2000);
  add_employee (s, "E3", "B", "UD", 10, 1995);
  add_employee (s, "E4", "A", "UD", 10, 2005);
  add_employee (s, "E5", "B", "UD", 10, 2010);
  add_application (s, "E1", "P1", 1);
  add_application (s, "E1", "P2", 2);
  add_application (s, "E2", "P1", 1);
  add_application (s, "E3", "P1", 1);
  add_application (s, "E3", "P2", 2);
  add_application (s, "E5", "P2", 1);
  return s;
}

static void
test_hand_worked (void)
{
  g_autoptr (SmScenario) s = scenario_one ();
  g_autoptr (SmPlacement) p = place (s);
  CU_ASSERT_PTR_EQUAL (sm_placement_get_scenario (p), s);
  assert_outcome (p, "E1", SM_STATUS_PLACED, "R", "UR", "P1", 1);
  assert_outcome (p, "E2", SM_STATUS_FOLLOWS_WORK, "D", "UD", "DA", 0);
  assert_outcome (p, "E3", SM_STATUS_PLACED, "R", "UR", "P2", 2);
  assert_outcome (p, "E4", SM_STATUS_SUPERNUMERARY, "D", "UD", NULL, 0);
  assert_outcome (p, "E5", SM_STATUS_FOLLOWS_WORK, "D", "UD", "DB", 0);
  CU_ASSERT_EQUAL (sm_placement_get_headcount (p, 0), 2);
  CU_ASSERT_EQUAL (sm_placement_get_headcount (p, 1), 3);
  static const int32_t placed_at[] = { 1, 1, 1, 1 };
  for (int32_t j = 0; j < 4; j++)
    CU_ASSERT_EQUAL (sm_placement_get_n_placed_at (p, j), placed_at[j]);
  /* the market: same indices, own function last, default never listed */
  const SmMarket *mk = sm_placement_get_market (p);
  CU_ASSERT_EQUAL (sm_market_get_n_employees (mk), 5);
  CU_ASSERT_EQUAL (sm_market_get_n_positions (mk), 4);
  CU_ASSERT_EQUAL (sm_market_get_seats (mk, 3), 2);
  CU_ASSERT_EQUAL (sm_market_get_n_groups (mk), 0);
  int32_t n;
  const SmEdge *e1 = sm_market_get_employee_edges (mk, 0, &n);
  CU_ASSERT_EQUAL_FATAL (n, 3);
  CU_ASSERT_EQUAL (e1[0].target, 0);
  CU_ASSERT_EQUAL (e1[1].target, 1);
  CU_ASSERT_EQUAL (e1[2].target, 2);
  const SmEdge *p2 = sm_market_get_position_edges (mk, 1, &n);
  CU_ASSERT_EQUAL_FATAL (n, 3);
  CU_ASSERT_EQUAL (p2[0].target, 2);
  CU_ASSERT_EQUAL (p2[1].target, 4);
  CU_ASSERT_EQUAL (p2[2].target, 0);
  assert_nobody_lost (p);
}

/* ---- (2) a manual placement ------------------------------------------------
 */

/* Scenario one with E5 placed at P1 by hand (E5 did not apply to it). E5
 * lists only P1 and comes first there, though E1 and E2 rank higher by the
 * rule. E1 is refused by P1, takes P2, is ousted there by E3 (refused by
 * P1) and takes DA, ousting E2 (shorter service), who is supernumerary, as
 * is E4. */
static void
test_manual_placement (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = scenario_one ();
  CU_ASSERT_TRUE (
      sm_scenario_add_manual_placement (s, "E5", "P1", "hardship", &error));
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmPlacement) p = place (s);
  assert_outcome (p, "E1", SM_STATUS_FOLLOWS_WORK, "D", "UD", "DA", 0);
  assert_outcome (p, "E2", SM_STATUS_SUPERNUMERARY, "D", "UD", NULL, 0);
  assert_outcome (p, "E3", SM_STATUS_PLACED, "R", "UR", "P2", 2);
  assert_outcome (p, "E4", SM_STATUS_SUPERNUMERARY, "D", "UD", NULL, 0);
  assert_outcome (p, "E5", SM_STATUS_MANUAL, "R", "UR", "P1", 0);
  int32_t n;
  const SmEdge *e5 = sm_market_get_employee_edges (sm_placement_get_market (p),
                                                   4, &n);
  CU_ASSERT_EQUAL_FATAL (n, 1);
  CU_ASSERT_EQUAL (e5[0].target, 0);
  CU_ASSERT_EQUAL (e5[0].rank, 0);
  assert_nobody_lost (p);
}

/* A manual placement at a position the employee applied to keeps the
 * preference number: E3 placed at P2, their second preference. P1 goes to
 * E1 as in scenario one, E5 is refused by P2 (E3 first) and takes DB. */
static void
test_manual_keeps_preference (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = scenario_one ();
  CU_ASSERT_TRUE (
      sm_scenario_add_manual_placement (s, "E3", "P2", "reason", &error));
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmPlacement) p = place (s);
  assert_outcome (p, "E1", SM_STATUS_PLACED, "R", "UR", "P1", 1);
  assert_outcome (p, "E3", SM_STATUS_MANUAL, "R", "UR", "P2", 2);
  assert_outcome (p, "E5", SM_STATUS_FOLLOWS_WORK, "D", "UD", "DB", 0);
  assert_nobody_lost (p);
}

/* ---- (3) an ineligible applicant --------------------------------------- */

/* P1 (grade 10) ranks by a rule that allows a grade distance of at most
 * 1. X (grade 7) applies to it and is dropped from the list; X follows
 * the work to the position of function A in their own unit UD2 (DA2), not
 * to the first one (DA1). Y (grade 9) is eligible and takes P1. */
static void
test_ineligible_skipped (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = sm_scenario_new ();
  g_autoptr (SmPriorityRule) strict = sm_priority_rule_new ("strict");
  sm_priority_rule_set_max_grade_distance (strict, 1);
  add_org (s, "R", SM_ORGANISATION_KIND_RECEIVING, -1, -1);
  add_org (s, "D", SM_ORGANISATION_KIND_DEFAULT, -1, -1);
  add_unit (s, "UR", "R");
  add_unit (s, "UD1", "D");
  add_unit (s, "UD2", "D");
  CU_ASSERT_TRUE (sm_scenario_add_rule (s, strict, &error));
  SM_ASSERT_NO_ERROR (error);
  add_position (s, "P1", "UR", "A", 2, -1, "strict");
  add_position (s, "DA1", "UD1", "A", 2, -1, NULL);
  add_position (s, "DA2", "UD2", "A", 2, -1, NULL);
  add_employee (s, "X", "A", "UD2", 7, 1980);
  add_employee (s, "Y", "A", "UD1", 9, 1990);
  add_application (s, "X", "P1", 1);
  add_application (s, "Y", "P1", 1);
  g_autoptr (SmPlacement) p = place (s);
  assert_outcome (p, "X", SM_STATUS_FOLLOWS_WORK, "D", "UD2", "DA2", 0);
  assert_outcome (p, "Y", SM_STATUS_PLACED, "R", "UR", "P1", 1);
  CU_ASSERT_EQUAL (sm_market_find_choice (sm_placement_get_market (p), 0, 0),
                   -1);
  CU_ASSERT_EQUAL (sm_placement_get_n_placed_at (p, 1), 0);
  assert_nobody_lost (p);
}

/* ---- (4) a headcount cap ----------------------------------------------- */

/* R may hold at most 2. P1 (A, 2 seats, 1 target) and P2 (A, 2 seats, 0
 * targets), in that order; D has DA (A, 5 seats). E1..E4 (function A,
 * service 1990, 1995, 2000, 2005) apply: E1 and E2 to P1, E3 and E4 to P2.
 * One seat beyond the targets fits under the cap, and P1 comes first in
 * the order of extra seats and has demand for it: P1 holds E1 and E2, P2
 * nobody; E3 and E4 follow their work. Their claims on P2 are excused by
 * the cap, so the matching is stable in the sense of check.h. */
static void
test_headcount_cap (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = sm_scenario_new ();
  add_org (s, "R", SM_ORGANISATION_KIND_RECEIVING, -1, 2);
  add_org (s, "D", SM_ORGANISATION_KIND_DEFAULT, -1, -1);
  add_unit (s, "UR", "R");
  add_unit (s, "UD", "D");
  add_position (s, "P1", "UR", "A", 2, 1, NULL);
  add_position (s, "P2", "UR", "A", 2, 0, NULL);
  add_position (s, "DA", "UD", "A", 5, -1, NULL);
  add_employee (s, "E1", "A", "UD", 10, 1990);
  add_employee (s, "E2", "A", "UD", 10, 1995);
  add_employee (s, "E3", "A", "UD", 10, 2000);
  add_employee (s, "E4", "A", "UD", 10, 2005);
  add_application (s, "E1", "P1", 1);
  add_application (s, "E2", "P1", 1);
  add_application (s, "E3", "P2", 1);
  add_application (s, "E4", "P2", 1);
  g_autoptr (SmPlacement) p = place (s);
  const SmMarket *mk = sm_placement_get_market (p);
  CU_ASSERT_EQUAL_FATAL (sm_market_get_n_groups (mk), 1);
  CU_ASSERT_EQUAL (sm_market_get_group_cap (mk, 0), 2);
  CU_ASSERT_EQUAL (sm_market_get_target_seats (mk, 0), 1);
  CU_ASSERT_EQUAL (sm_market_get_target_seats (mk, 1), 0);
  CU_ASSERT_EQUAL (sm_market_get_position_group (mk, 2), -1);
  CU_ASSERT_TRUE (sm_market_caps_bind (mk));
  assert_outcome (p, "E1", SM_STATUS_PLACED, "R", "UR", "P1", 1);
  assert_outcome (p, "E2", SM_STATUS_PLACED, "R", "UR", "P1", 1);
  assert_outcome (p, "E3", SM_STATUS_FOLLOWS_WORK, "D", "UD", "DA", 0);
  assert_outcome (p, "E4", SM_STATUS_FOLLOWS_WORK, "D", "UD", "DA", 0);
  CU_ASSERT_EQUAL (sm_placement_get_headcount (p, 0), 2);
  g_autoptr (SmCheckReport)
      report = sm_matching_check (mk, sm_placement_get_matching (p), &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (sm_check_report_is_stable (report));
  int32_t n;
  sm_check_report_get_cap_excused_pairs (report, &n);
  CU_ASSERT_EQUAL (n, 2);
  assert_nobody_lost (p);
}

/* ---- (5) vacancies ------------------------------------------------------ */

/* R wants at least 5 people and gets E1 and E2 (3 vacancies); D wants 3
 * and gets E3 at DA (longer service than E4) and E4 as supernumerary (1
 * vacancy); Q has no minimum (none). */
static void
test_vacancies (void)
{
  g_autoptr (SmScenario) s = sm_scenario_new ();
  add_org (s, "R", SM_ORGANISATION_KIND_RECEIVING, 5, -1);
  add_org (s, "D", SM_ORGANISATION_KIND_DEFAULT, 3, -1);
  add_org (s, "Q", SM_ORGANISATION_KIND_RECEIVING, -1, -1);
  add_unit (s, "UR", "R");
  add_unit (s, "UD", "D");
  add_position (s, "P1", "UR", "A", 2, -1, NULL);
  add_position (s, "DA", "UD", "A", 1, -1, NULL);
  add_employee (s, "E1", "A", "UD", 10, 1990);
  add_employee (s, "E2", "A", "UD", 10, 2000);
  add_employee (s, "E3", "A", "UD", 10, 2001);
  add_employee (s, "E4", "A", "UD", 10, 2002);
  add_application (s, "E1", "P1", 1);
  add_application (s, "E2", "P1", 1);
  g_autoptr (SmPlacement) p = place (s);
  CU_ASSERT_EQUAL (sm_placement_get_headcount (p, 0), 2);
  CU_ASSERT_EQUAL (sm_placement_get_vacancies (p, 0), 3);
  CU_ASSERT_EQUAL (sm_placement_get_headcount (p, 1), 2);
  CU_ASSERT_EQUAL (sm_placement_get_vacancies (p, 1), 1);
  CU_ASSERT_EQUAL (sm_placement_get_headcount (p, 2), 0);
  CU_ASSERT_EQUAL (sm_placement_get_vacancies (p, 2), 0);
  assert_outcome (p, "E3", SM_STATUS_FOLLOWS_WORK, "D", "UD", "DA", 0);
  assert_outcome (p, "E4", SM_STATUS_SUPERNUMERARY, "D", "UD", NULL, 0);
  assert_nobody_lost (p);
}

/* ---- (6) errors ------------------------------------------------------------
 */

static void
test_errors (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) none = sm_scenario_new ();
  add_org (none, "R", SM_ORGANISATION_KIND_RECEIVING, -1, -1);
  add_unit (none, "UR", "R");
  add_position (none, "P1", "UR", "A", 1, -1, NULL);
  CU_ASSERT_PTR_NULL (sm_scenario_place (none, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INFEASIBLE);

  /* Target seats above the maximum are refused when the position is
   * added (all seats are targets by default: 2 > 1), so a placement meets
   * them only through manual placements, which count as targets. */
  g_autoptr (SmScenario) s = sm_scenario_new ();
  add_org (s, "R", SM_ORGANISATION_KIND_RECEIVING, -1, 1);
  add_unit (s, "UR", "R");
  SmPositionSpec spec = SM_POSITION_SPEC_INIT;
  spec.id = "P1";
  spec.title = "P1";
  spec.unit_id = "UR";
  spec.function_code = "A";
  spec.seats = 2;
  CU_ASSERT_FALSE (sm_scenario_add_position (s, &spec, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INFEASIBLE);

  /* manual placements count as targets: P2's target 1 plus one manual
   * placement at P3 (target 0) is 2 > 1 */
  g_autoptr (SmScenario) m = sm_scenario_new ();
  add_org (m, "R", SM_ORGANISATION_KIND_RECEIVING, -1, 1);
  add_org (m, "D", SM_ORGANISATION_KIND_DEFAULT, -1, -1);
  add_unit (m, "UR", "R");
  add_unit (m, "UD", "D");
  add_position (m, "P2", "UR", "A", 1, 1, NULL);
  add_position (m, "P3", "UR", "A", 1, 0, NULL);
  add_employee (m, "E1", "A", "UD", 10, 1990);
  sm_placement_free (place (m));
  CU_ASSERT_TRUE (
      sm_scenario_add_manual_placement (m, "E1", "P3", "reason", &error));
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NULL (sm_scenario_place (m, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "'R'"));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "target seats"));
  SM_ASSERT_ERROR (error, SM_ERROR_INFEASIBLE);
}

/* ---- (7) determinism and the lottery ------------------------------------ */

static gboolean
same_outcomes (const SmPlacement *a, const SmPlacement *b)
{
  int32_t n = sm_scenario_get_n_employees (sm_placement_get_scenario (a));
  for (int32_t i = 0; i < n; i++)
    {
      SmEmployeeOutcome x, y;
      sm_placement_get_outcome (a, i, &x);
      sm_placement_get_outcome (b, i, &y);
      if (memcmp (&x, &y, sizeof x) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
test_determinism (void)
{
  g_autoptr (SmScenario) s = scenario_one ();
  g_autoptr (SmPlacement) a = place (s);
  g_autoptr (SmPlacement) b = place (s);
  CU_ASSERT_TRUE (same_outcomes (a, b));
  CU_ASSERT_TRUE (sm_matching_equal (sm_placement_get_matching (a),
                                     sm_placement_get_matching (b)));
  /* scenario one has no ties: the seed changes nothing */
  for (uint64_t seed = 1; seed < 16; seed++)
    {
      sm_scenario_set_seed (s, seed);
      g_autoptr (SmPlacement) c = place (s);
      CU_ASSERT_TRUE (same_outcomes (a, c));
    }
}

/* T1 and T2 are alike in every criterion and want P1's one seat; the
 * loser follows their work. Over seeds 0..63 each wins sometimes, and
 * the other is always at DB. */
static void
test_lottery (void)
{
  g_autoptr (SmScenario) s = sm_scenario_new ();
  add_org (s, "R", SM_ORGANISATION_KIND_RECEIVING, -1, -1);
  add_org (s, "D", SM_ORGANISATION_KIND_DEFAULT, -1, -1);
  add_unit (s, "UR", "R");
  add_unit (s, "UD", "D");
  add_position (s, "P1", "UR", "A", 1, -1, NULL);
  add_position (s, "DB", "UD", "A", 2, -1, NULL);
  add_employee (s, "T1", "A", "UD", 10, 2000);
  add_employee (s, "T2", "A", "UD", 10, 2000);
  add_application (s, "T1", "P1", 1);
  add_application (s, "T2", "P1", 1);
  int wins[2] = { 0, 0 };
  for (uint64_t seed = 0; seed < 64; seed++)
    {
      sm_scenario_set_seed (s, seed);
      g_autoptr (SmPlacement) p = place (s);
      SmEmployeeOutcome o[2];
      sm_placement_get_outcome (p, 0, &o[0]);
      sm_placement_get_outcome (p, 1, &o[1]);
      int winner = o[0].position == 0 ? 0 : 1;
      wins[winner]++;
      CU_ASSERT_EQUAL (o[winner].status, SM_STATUS_PLACED);
      CU_ASSERT_EQUAL (o[1 - winner].status, SM_STATUS_FOLLOWS_WORK);
      CU_ASSERT_EQUAL (o[1 - winner].position, 1);
      /* the same seed again gives the same winner */
      g_autoptr (SmPlacement) again = place (s);
      CU_ASSERT_TRUE (same_outcomes (p, again));
    }
  CU_ASSERT_TRUE (wins[0] > 0);
  CU_ASSERT_TRUE (wins[1] > 0);
}

/* ---- (8) nobody lost, on a larger scenario ---------------------------------
 */

/* 40 employees in 4 functions over 2 units of D, 6 receiving positions
 * (one org capped), own-function positions too few: everyone still ends
 * up exactly once, and the matching is stable. */
static void
test_nobody_lost (void)
{
  static const char *const functions[] = { "A", "B", "C", "D" };
  g_autoptr (SmScenario) s = sm_scenario_new ();
  add_org (s, "R1", SM_ORGANISATION_KIND_RECEIVING, 5, -1);
  add_org (s, "R2", SM_ORGANISATION_KIND_RECEIVING, -1, 4);
  add_org (s, "D", SM_ORGANISATION_KIND_DEFAULT, -1, -1);
  add_unit (s, "U1", "R1");
  add_unit (s, "U2", "R2");
  add_unit (s, "UD1", "D");
  add_unit (s, "UD2", "D");
  for (int k = 0; k < 6; k++)
    {
      char id[8];
      g_snprintf (id, sizeof id, "P%d", k);
      add_position (s, id, k < 3 ? "U1" : "U2", functions[k % 4], 1 + k % 3,
                    k < 3 ? -1 : 1, NULL);
    }
  for (int k = 0; k < 3; k++)
    {
      char id[8];
      g_snprintf (id, sizeof id, "D%d", k);
      add_position (s, id, k % 2 ? "UD2" : "UD1", functions[k], 4, -1, NULL);
    }
  for (int i = 0; i < 40; i++)
    {
      char id[8];
      g_snprintf (id, sizeof id, "E%d", i);
      add_employee (s, id, functions[i % 4], i % 2 ? "UD2" : "UD1", 10,
                    1980 + (i * 7) % 30);
      for (int c = 0; c < i % 4; c++)
        {
          char pos[8];
          g_snprintf (pos, sizeof pos, "P%d", (i + 2 * c) % 6);
          add_application (s, id, pos, c + 1);
        }
    }
  g_autoptr (SmPlacement) p = place (s);
  assert_nobody_lost (p);
  CU_ASSERT_TRUE (sm_placement_get_headcount (p, 1) <= 4);
  CU_ASSERT_EQUAL (sm_placement_get_vacancies (p, 0),
                   MAX (0, 5 - sm_placement_get_headcount (p, 0)));
}

/* ---- the reflection principle and missing dates -----------------------------
 */

/* One function place at the default organisation for two people of the
 * same age band (@band_years wide) chosen by the reflection principle: @a
 * and @b with the given service start and birth dates (a zero date is
 * missing). */
static SmScenario *
reflection_pair (int32_t band_years, SmDate a_service, SmDate a_birth,
                 SmDate b_service, SmDate b_birth)
{
  GError *error = NULL;
  SmScenario *s = sm_scenario_new ();
  add_org (s, "hb", SM_ORGANISATION_KIND_DEFAULT, -1, -1);
  add_unit (s, "hb-u", "hb");
  add_position (s, "hb-adm", "hb-u", "ADM", 1, -1, NULL);
  sm_scenario_set_reduction (s, SM_REDUCTION_REFLECTION, band_years);
  const char *ids[2] = { "A", "B" };
  SmDate service[2] = { a_service, b_service }, birth[2] = { a_birth, b_birth };
  for (int k = 0; k < 2; k++)
    {
      SmEmployeeSpec spec = SM_EMPLOYEE_SPEC_INIT;
      spec.id = spec.name = ids[k];
      spec.function_code = "ADM";
      spec.unit_id = "hb-u";
      spec.grade = 10;
      spec.service_start = service[k];
      spec.birth_date = birth[k];
      CU_ASSERT_TRUE (sm_scenario_add_employee (s, &spec, &error));
      SM_ASSERT_NO_ERROR (error);
    }
  return s;
}

/* Within a band the reflection principle lets the shortest service go
 * first, then the youngest. A missing service start counts as the
 * shortest service, a missing birth date as the youngest: nobody keeps a
 * place by a date nobody recorded, as in the priority rules. */
static void
test_reflection_missing_dates (void)
{
  static const SmDate none = { 0, 0, 0 }, y1970 = { 1970, 1, 1 },
                      y2000 = { 2000, 1, 1 };
  g_autoptr (SmScenario) s1 = reflection_pair (10, y2000, y1970, none, y1970);
  g_autoptr (SmPlacement) p1 = place (s1);
  assert_outcome (p1, "A", SM_STATUS_FOLLOWS_WORK, "hb", "hb-u", "hb-adm", 0);
  assert_outcome (p1, "B", SM_STATUS_SUPERNUMERARY, "hb", "hb-u", NULL, 0);
  /* one band of 100 years holds both, whatever the birth dates */
  g_autoptr (SmScenario) s2 = reflection_pair (100, y2000, none, y2000, y1970);
  g_autoptr (SmPlacement) p2 = place (s2);
  assert_outcome (p2, "A", SM_STATUS_SUPERNUMERARY, "hb", "hb-u", NULL, 0);
  assert_outcome (p2, "B", SM_STATUS_FOLLOWS_WORK, "hb", "hb-u", "hb-adm", 0);
  SmPositionResult pr;
  sm_placement_get_position_result (p2, 0, &pr);
  CU_ASSERT_TRUE (pr.reflection);
}

/* A placement states the settings it was made with, whatever the scenario
 * says later: its seed, reference date, reduction, checksum, placement
 * file and letters do not follow a change made after placing. */
static void
test_settings_kept (void)
{
  g_autoptr (SmScenario) s = scenario_one ();
  sm_scenario_set_seed (s, 11);
  g_autofree char *before = sm_scenario_checksum (s);
  g_autoptr (SmPlacement) p = place (s);
  SmLetterOptions options = SM_LETTER_OPTIONS_INIT;
  g_autofree char *letter_before = sm_letter_render (p, 0, &options, NULL);

  sm_scenario_set_seed (s, 99);
  sm_scenario_set_reference_date (s, (SmDate){ 2030, 6, 1 });
  sm_scenario_set_reduction (s, SM_REDUCTION_REFLECTION, 7);
  g_autofree char *after = sm_scenario_checksum (s);
  CU_ASSERT_STRING_NOT_EQUAL (before, after);

  CU_ASSERT_EQUAL (sm_placement_get_seed (p), 11);
  SmDate ref = sm_placement_get_reference_date (p);
  CU_ASSERT_TRUE (ref.year == 2019 && ref.month == 1 && ref.day == 1);
  SmReduction reduction;
  int32_t band;
  sm_placement_get_reduction (p, &reduction, &band);
  CU_ASSERT_EQUAL (reduction, SM_REDUCTION_PRIORITY);
  CU_ASSERT_EQUAL (band, 10);
  g_autofree char *kept = sm_placement_checksum (p);
  CU_ASSERT_STRING_EQUAL (kept, before);
  g_autofree char *letter_after = sm_letter_render (p, 0, &options, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (letter_after);
  CU_ASSERT_STRING_EQUAL (letter_after, letter_before);
  g_autofree char *summary = sm_report_summary_text (p);
  CU_ASSERT_PTR_NOT_NULL (strstr (summary, before));
  CU_ASSERT_PTR_NULL (strstr (summary, after));
}

/* An employee out of range is an answer, not a critical: FALSE, and the
 * output untouched. */
static void
test_outcome_out_of_range (void)
{
  g_autoptr (SmScenario) s = scenario_one ();
  g_autoptr (SmPlacement) p = place (s);
  SmEmployeeOutcome o = { .position = 1234 };
  CU_ASSERT_FALSE (sm_placement_get_outcome (p, -1, &o));
  CU_ASSERT_FALSE (
      sm_placement_get_outcome (p, sm_scenario_get_n_employees (s), &o));
  CU_ASSERT_EQUAL (o.position, 1234);
  CU_ASSERT_TRUE (sm_placement_get_outcome (p, 0, &o));
  CU_ASSERT_TRUE (sm_placement_get_outcome (p, 0, NULL));
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "hand-worked placement", test_hand_worked },
    { "a manual placement is placed around", test_manual_placement },
    { "a manual placement keeps the preference", test_manual_keeps_preference },
    { "an ineligible applicant follows the work", test_ineligible_skipped },
    { "a headcount cap with target seats", test_headcount_cap },
    { "vacancies below the minimum", test_vacancies },
    { "errors", test_errors },
    { "same seed, same placement", test_determinism },
    { "the lottery settles ties", test_lottery },
    { "nobody is lost", test_nobody_lost },
    { "reflection: a missing date keeps no place",
      test_reflection_missing_dates },
    { "a placement keeps the settings it was made with", test_settings_kept },
    { "an outcome out of range is FALSE", test_outcome_out_of_range },
    { NULL, NULL },
  };
  return sm_test_run_suite ("placement", cases);
}
