/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: explanations of a placement, checked by hand on small
 * scenarios and against the matching itself on generated Ommen-Hardenberg
 * cases: every refusal must be true of the positions' cutoffs. */
#include "test-util.h"

#include <string.h>

#include "boh-case.h"

/* ---- a small scenario ------------------------------------------------------
 */

static void
add (gboolean ok, GError **error)
{
  /* @error is passed by address: the call that sets it is an argument of
   * this one, and C does not say in which order arguments are evaluated */
  SM_ASSERT_NO_ERROR (*error);
  CU_ASSERT_TRUE (ok);
}

static void
add_seats_position (SmScenario *s, const char *id, const char *unit,
                    const char *code, int32_t grade, int32_t seats,
                    int32_t target, const char *rule)
{
  GError *error = NULL;
  SmPositionSpec p = SM_POSITION_SPEC_INIT;
  p.id = p.title = id;
  p.unit_id = unit;
  p.function_code = code;
  p.grade = grade;
  p.seats = seats;
  p.target_seats = target;
  p.rule_id = rule;
  add (sm_scenario_add_position (s, &p, &error), &error);
}

static void
add_position (SmScenario *s, const char *id, const char *unit, const char *code,
              int32_t grade, int32_t target, const char *rule)
{
  add_seats_position (s, id, unit, code, grade, 1, target, rule);
}

static void
add_employee_of (SmScenario *s, const char *id, const char *function,
                 int32_t grade, int32_t service_year)
{
  GError *error = NULL;
  SmEmployeeSpec e = SM_EMPLOYEE_SPEC_INIT;
  e.id = e.name = id;
  e.function_code = function;
  e.unit_id = "hb-u";
  e.grade = grade;
  e.birth_date = (SmDate){ 1970, 1, 1 };
  e.service_start = (SmDate){ service_year, 1, 1 };
  add (sm_scenario_add_employee (s, &e, &error), &error);
}

static void
add_employee (SmScenario *s, const char *id, int32_t grade,
              int32_t service_year)
{
  add_employee_of (s, id, "ADM", grade, service_year);
}

static void
apply (SmScenario *s, const char *employee, const char *position, int32_t pref)
{
  GError *error = NULL;
  SmApplicationSpec a = SM_APPLICATION_SPEC_INIT;
  a.employee_id = employee;
  a.position_id = position;
  a.preference = pref;
  add (sm_scenario_add_application (s, &a, &error), &error);
}

/* Hardenberg (default) has unit hb-u with one ADM seat; Ommen (cap 1)
 * has om-a (1 seat, default rule: fit, same grade, service, age, lot)
 * and om-b (1 seat, rule "strict": at most one grade from the position's
 * 10). Employees, all ADM:
 *   X  grade 10, service 1990: om-a, om-b
 *   Y  grade 10, service 2000: om-a, om-b
 *   Z  grade  6, service 1980: om-b, om-a
 *   W  grade 10, service 2010: manual placement at hb-adm, applied om-a
 * Ommen's positions keep no target seats (the cap of 1 is below their 2
 * seats, so the scenario must say so: target_seats 0).
 * Worked by hand: X takes om-a: at om-a, X and Y have the same grade and
 * X the longer service; Z's grade 6 is not the position's 10, so Z comes
 * after both. Z is not eligible for om-b (grade distance 4 > 1). Y is
 * refused by om-a (full: X ahead by service, criterion 2 of the default
 * rule) and by om-b: a free seat, but Ommen's cap of 1 is reached by X,
 * and om-b's first extra seat comes after om-a's in the group's order.
 * hb-adm has one seat, taken by W's manual placement: Y and Z are
 * supernumerary in hb-u. */
static SmScenario *
small_scenario (void)
{
  GError *error = NULL;
  SmScenario *s = sm_scenario_new ();
  SmOrganisationSpec o = SM_ORGANISATION_SPEC_INIT;
  o.id = o.name = "hb";
  o.kind = SM_ORGANISATION_KIND_DEFAULT;
  add (sm_scenario_add_organisation (s, &o, &error), &error);
  o.id = o.name = "om";
  o.kind = SM_ORGANISATION_KIND_RECEIVING;
  o.max_headcount = 1;
  add (sm_scenario_add_organisation (s, &o, &error), &error);
  SmUnitSpec u = SM_UNIT_SPEC_INIT;
  u.id = u.name = "hb-u";
  u.organisation_id = "hb";
  u.contract_client_id = "om";
  u.contract_end_year = 2020;
  add (sm_scenario_add_unit (s, &u, &error), &error);
  u = (SmUnitSpec) SM_UNIT_SPEC_INIT;
  u.id = u.name = "om-u";
  u.organisation_id = "om";
  add (sm_scenario_add_unit (s, &u, &error), &error);
  g_autoptr (SmPriorityRule) def = sm_priority_rule_new_default ();
  add (sm_scenario_add_rule (s, def, &error), &error);
  g_autoptr (SmPriorityRule) strict = sm_priority_rule_new ("strict");
  sm_priority_rule_add_criterion (strict, SM_CRITERION_SERVICE,
                                  SM_DIRECTION_HIGHER_FIRST, &error);
  sm_priority_rule_set_max_grade_distance (strict, 1);
  add (sm_scenario_add_rule (s, strict, &error), &error);
  add_position (s, "hb-adm", "hb-u", "ADM", 10, -1, NULL);
  add_position (s, "om-a", "om-u", "ADV", 10, 0, NULL);
  add_position (s, "om-b", "om-u", "ADV", 10, 0, "strict");
  add_employee (s, "X", 10, 1990);
  add_employee (s, "Y", 10, 2000);
  add_employee (s, "Z", 6, 1980);
  add_employee (s, "W", 10, 2010);
  apply (s, "X", "om-a", 1);
  apply (s, "X", "om-b", 2);
  apply (s, "Y", "om-a", 1);
  apply (s, "Y", "om-b", 2);
  apply (s, "Z", "om-b", 1);
  apply (s, "Z", "om-a", 2);
  apply (s, "W", "om-a", 1);
  add (sm_scenario_add_manual_placement (s, "W", "hb-adm", "hardship clause",
                                         &error),
       &error);
  return s;
}

static int32_t
employee (const SmPlacement *p, const char *id)
{
  return sm_scenario_find_employee (sm_placement_get_scenario (p), id);
}

static int32_t
position (const SmPlacement *p, const char *id)
{
  return sm_scenario_find_position (sm_placement_get_scenario (p), id);
}

static void
test_small_scenario (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = small_scenario ();
  g_autoptr (SmPlacement) p = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  SmEmployeeOutcome out;
  SmRefusal r;

  /* X: first choice, nothing to explain */
  sm_placement_get_outcome (p, employee (p, "X"), &out);
  CU_ASSERT_EQUAL (out.position, position (p, "om-a"));
  CU_ASSERT_EQUAL (sm_placement_get_n_refusals (p, employee (p, "X")), 0);

  /* Y: om-a full (rank 2 behind cutoff 1, decided by service, index 2 of
   * the default rule), om-b closed by the cap, own function taken by a
   * manual placement. */
  int32_t y = employee (p, "Y");
  sm_placement_get_outcome (p, y, &out);
  CU_ASSERT_EQUAL (out.status, SM_STATUS_SUPERNUMERARY);
  CU_ASSERT_EQUAL_FATAL (sm_placement_get_n_refusals (p, y), 3);
  sm_placement_get_refusal (p, y, 0, &r);
  CU_ASSERT_EQUAL (r.position, position (p, "om-a"));
  CU_ASSERT_EQUAL (r.preference, 1);
  CU_ASSERT_EQUAL (r.reason, SM_REASON_FULL);
  CU_ASSERT_EQUAL (r.rank, 2);
  CU_ASSERT_EQUAL (r.cutoff, 1);
  CU_ASSERT_EQUAL (r.criterion, 2);
  sm_placement_get_refusal (p, y, 1, &r);
  CU_ASSERT_EQUAL (r.position, position (p, "om-b"));
  CU_ASSERT_EQUAL (r.reason, SM_REASON_CAP);
  CU_ASSERT_EQUAL (r.cutoff, 0);
  /* Y would have had hb-adm but for W's manual placement: Y ranks first
   * among the others who want it (same grade, where Z has not). */
  sm_placement_get_refusal (p, y, 2, &r);
  CU_ASSERT_EQUAL (r.position, position (p, "hb-adm"));
  CU_ASSERT_EQUAL (r.preference, 0);
  CU_ASSERT_EQUAL (r.reason, SM_REASON_MANUAL_SEAT);
  CU_ASSERT_EQUAL (r.rank, 3); /* behind W, and X who got om-a */
  CU_ASSERT_EQUAL (r.cutoff, 1);
  CU_ASSERT_EQUAL (r.criterion, SM_DECIDED_BY_MANUAL);

  /* Z: not eligible for om-b (grade), om-a full */
  int32_t z = employee (p, "Z");
  CU_ASSERT_EQUAL_FATAL (sm_placement_get_n_refusals (p, z), 3);
  sm_placement_get_refusal (p, z, 0, &r);
  CU_ASSERT_EQUAL (r.reason, SM_REASON_NOT_ELIGIBLE);
  CU_ASSERT_EQUAL (r.filter, SM_FILTER_GRADE);
  sm_placement_get_refusal (p, z, 1, &r);
  CU_ASSERT_EQUAL (r.reason, SM_REASON_FULL);
  CU_ASSERT_EQUAL (r.criterion, 1); /* same grade: X has it, Z not */
  /* hb-adm: its one seat is W's; without it, Y would still come first */
  sm_placement_get_refusal (p, z, 2, &r);
  CU_ASSERT_EQUAL (r.position, position (p, "hb-adm"));
  CU_ASSERT_EQUAL (r.reason, SM_REASON_FULL);
  CU_ASSERT_EQUAL (r.rank, 4);
  CU_ASSERT_EQUAL (r.cutoff, 1);
  CU_ASSERT_EQUAL (r.criterion, SM_DECIDED_BY_MANUAL);

  /* W: placed manually; the application was not considered */
  int32_t w = employee (p, "W");
  sm_placement_get_outcome (p, w, &out);
  CU_ASSERT_EQUAL (out.status, SM_STATUS_MANUAL);
  CU_ASSERT_EQUAL_FATAL (sm_placement_get_n_refusals (p, w), 1);
  sm_placement_get_refusal (p, w, 0, &r);
  CU_ASSERT_EQUAL (r.reason, SM_REASON_MANUAL);

  SmPositionResult pr;
  sm_placement_get_position_result (p, position (p, "om-a"), &pr);
  CU_ASSERT_EQUAL (pr.seats, 1);
  CU_ASSERT_EQUAL (pr.filled, 1);
  CU_ASSERT_EQUAL (pr.candidates, 3);
  CU_ASSERT_EQUAL (pr.cutoff, 1);
  CU_ASSERT_EQUAL (pr.criterion, 2); /* X before Y by service */
  CU_ASSERT_EQUAL (pr.manual, 0);
  sm_placement_get_position_result (p, position (p, "om-b"), &pr);
  CU_ASSERT_EQUAL (pr.filled, 0);
  CU_ASSERT_EQUAL (pr.open, 1);
  CU_ASSERT_EQUAL (pr.criterion, SM_DECIDED_BY_NOTHING);
  sm_placement_get_position_result (p, position (p, "hb-adm"), &pr);
  CU_ASSERT_EQUAL (pr.filled, 1);
  CU_ASSERT_EQUAL (pr.manual, 1);

  SmUnitResult ur;
  sm_placement_get_unit_result (p, sm_scenario_find_unit (s, "hb-u"), &ur);
  CU_ASSERT_EQUAL (ur.formation, 1);
  CU_ASSERT_EQUAL (ur.placed, 1);
  CU_ASSERT_EQUAL (ur.supernumerary, 2);
  CU_ASSERT_EQUAL (sm_placement_get_contract_people (p, 2019), 3);
  CU_ASSERT_EQUAL (sm_placement_get_contract_people (p, 2020), 3);
  CU_ASSERT_EQUAL (sm_placement_get_contract_people (p, 2021), 0);
}

/* ---- hand-made cases of what the market did --------------------------------
 */

/* Hardenberg (default, unit hb-u) and Ommen (receiving, unit om-u, with
 * a headcount maximum of @om_max or none for -1), the default rule and
 * "strict" (service only, the position's own grade only). */
static SmScenario *
two_organisations (int32_t om_max)
{
  GError *error = NULL;
  SmScenario *s = sm_scenario_new ();
  SmOrganisationSpec o = SM_ORGANISATION_SPEC_INIT;
  o.id = o.name = "hb";
  o.kind = SM_ORGANISATION_KIND_DEFAULT;
  add (sm_scenario_add_organisation (s, &o, &error), &error);
  o.id = o.name = "om";
  o.kind = SM_ORGANISATION_KIND_RECEIVING;
  o.max_headcount = om_max;
  add (sm_scenario_add_organisation (s, &o, &error), &error);
  SmUnitSpec u = SM_UNIT_SPEC_INIT;
  u.id = u.name = "hb-u";
  u.organisation_id = "hb";
  add (sm_scenario_add_unit (s, &u, &error), &error);
  u.id = u.name = "om-u";
  u.organisation_id = "om";
  add (sm_scenario_add_unit (s, &u, &error), &error);
  g_autoptr (SmPriorityRule) def = sm_priority_rule_new_default ();
  add (sm_scenario_add_rule (s, def, &error), &error);
  g_autoptr (SmPriorityRule) strict = sm_priority_rule_new ("strict");
  sm_priority_rule_add_criterion (strict, SM_CRITERION_SERVICE,
                                  SM_DIRECTION_HIGHER_FIRST, &error);
  sm_priority_rule_set_max_grade_distance (strict, 0);
  add (sm_scenario_add_rule (s, strict, &error), &error);
  return s;
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

/* The only refusal of the employee at the position. */
static void
refusal_at (const SmPlacement *p, const char *employee_id,
            const char *position_id, SmRefusal *r)
{
  int32_t i = employee (p, employee_id);
  for (int32_t k = 0; k < sm_placement_get_n_refusals (p, i); k++)
    {
      sm_placement_get_refusal (p, i, k, r);
      if (r->position == position (p, position_id))
        return;
    }
  CU_FAIL_FATAL ("no refusal at the position");
}

/* hb-adm (grade 10, rule "strict") is the own function of P (grade 10,
 * service 1990) and Q (grade 8, service 2000). "Mens volgt werk" lists
 * it for both whatever its filters say, so Q is a candidate there, ranked
 * after P by service: the position was full, not closed to Q. Q's
 * application to om-x (grade 10, "strict") is dropped by the grade
 * filter, and is explained as such. */
static void
test_own_function_not_filtered (void)
{
  g_autoptr (SmScenario) s = two_organisations (-1);
  add_position (s, "hb-adm", "hb-u", "ADM", 10, -1, "strict");
  add_position (s, "om-x", "om-u", "ADV", 10, -1, "strict");
  add_employee (s, "P", 10, 1990);
  add_employee (s, "Q", 8, 2000);
  apply (s, "Q", "om-x", 1);
  g_autoptr (SmPlacement) p = place (s);
  const SmMarket *mk = sm_placement_get_market (p);
  CU_ASSERT_TRUE (
      sm_market_find_choice (mk, employee (p, "Q"), position (p, "hb-adm"))
      >= 0);
  CU_ASSERT_TRUE (
      sm_market_find_choice (mk, employee (p, "Q"), position (p, "om-x")) < 0);
  SmRefusal r;
  CU_ASSERT_EQUAL_FATAL (sm_placement_get_n_refusals (p, employee (p, "Q")), 2);
  refusal_at (p, "Q", "hb-adm", &r);
  CU_ASSERT_EQUAL (r.preference, 0);
  CU_ASSERT_EQUAL (r.reason, SM_REASON_FULL);
  CU_ASSERT_EQUAL (r.filter, SM_FILTER_NONE);
  CU_ASSERT_EQUAL (r.rank, 2);
  CU_ASSERT_EQUAL (r.cutoff, 1);
  CU_ASSERT_EQUAL (r.criterion, 0); /* service, the rule's only one */
  refusal_at (p, "Q", "om-x", &r);
  CU_ASSERT_EQUAL (r.reason, SM_REASON_NOT_ELIGIBLE);
  CU_ASSERT_EQUAL (r.filter, SM_FILTER_GRADE);
  CU_ASSERT_EQUAL (r.rank, 0);
}

/* Ommen may hold 2: om-a has 2 seats of which 1 target, om-b 1 seat, 1
 * target, so the targets use the whole cap. X1 (service 1990) and X2
 * (2000) apply to om-a, Y to om-b. X1 is admitted at om-a, whose second
 * seat stays closed: X2 is refused by the cap, and the last person
 * admitted there had place 1. */
static void
test_cap_cutoff (void)
{
  g_autoptr (SmScenario) s = two_organisations (2);
  add_seats_position (s, "om-a", "om-u", "ADV", 10, 2, 1, NULL);
  add_seats_position (s, "om-b", "om-u", "ADV", 10, 1, 1, NULL);
  add_employee (s, "X1", 10, 1990);
  add_employee (s, "X2", 10, 2000);
  add_employee (s, "Y", 10, 2005);
  apply (s, "X1", "om-a", 1);
  apply (s, "X2", "om-a", 1);
  apply (s, "Y", "om-b", 1);
  g_autoptr (SmPlacement) p = place (s);
  SmEmployeeOutcome out;
  sm_placement_get_outcome (p, employee (p, "X1"), &out);
  CU_ASSERT_EQUAL (out.position, position (p, "om-a"));
  SmRefusal r;
  refusal_at (p, "X2", "om-a", &r);
  CU_ASSERT_EQUAL (r.reason, SM_REASON_CAP);
  CU_ASSERT_EQUAL (r.rank, 2);
  CU_ASSERT_EQUAL (r.cutoff, 1);
  CU_ASSERT_EQUAL (r.criterion, SM_DECIDED_BY_NOTHING);
  SmPositionResult pr;
  sm_placement_get_position_result (p, position (p, "om-a"), &pr);
  CU_ASSERT_EQUAL (pr.filled, 1);
  CU_ASSERT_EQUAL (pr.open, 1);
  CU_ASSERT_EQUAL (pr.cutoff, 0); /* not every seat is filled */
}

/* hb-adm has 2 seats; M (service 2015) is placed there manually; P1,
 * P2, P3 (services 1990, 2000, 2010) follow their work. M and P1 hold
 * the seats. P2 would have had M's seat: the seat went to a manual
 * placement. P3 would not have had it either way: full, decided by
 * service against P1, the last person admitted by the rule.
 * At om-a (1 seat, M2 placed manually) R1 is refused; R0 ranks above R1
 * there but got om-b, which R0 wanted more, so R0 does not count: the
 * seat R1 lost is M2's. (M2, R0 and R1 hold a function that the default
 * organisation has no position for.) */
static void
test_manual_seat (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = two_organisations (-1);
  add_seats_position (s, "hb-adm", "hb-u", "ADM", 10, 2, -1, NULL);
  add_position (s, "om-a", "om-u", "ADV", 10, -1, NULL);
  add_position (s, "om-b", "om-u", "ADV", 10, -1, NULL);
  add_employee (s, "M", 10, 2015);
  add_employee (s, "P1", 10, 1990);
  add_employee (s, "P2", 10, 2000);
  add_employee (s, "P3", 10, 2010);
  add_employee_of (s, "M2", "POL", 10, 2012);
  add_employee_of (s, "R0", "POL", 10, 1980);
  add_employee_of (s, "R1", "POL", 10, 1985);
  apply (s, "R0", "om-b", 1);
  apply (s, "R0", "om-a", 2);
  apply (s, "R1", "om-a", 1);
  add (sm_scenario_add_manual_placement (s, "M", "hb-adm", "reason one",
                                         &error),
       &error);
  add (sm_scenario_add_manual_placement (s, "M2", "om-a", "reason two", &error),
       &error);
  g_autoptr (SmPlacement) p = place (s);
  SmRefusal r;
  refusal_at (p, "P2", "hb-adm", &r);
  CU_ASSERT_EQUAL (r.reason, SM_REASON_MANUAL_SEAT);
  CU_ASSERT_EQUAL (r.rank, 3);
  CU_ASSERT_EQUAL (r.cutoff, 2);
  CU_ASSERT_EQUAL (r.criterion, SM_DECIDED_BY_MANUAL);
  refusal_at (p, "P3", "hb-adm", &r);
  CU_ASSERT_EQUAL (r.reason, SM_REASON_FULL);
  CU_ASSERT_EQUAL (r.rank, 4);
  CU_ASSERT_EQUAL (r.cutoff, 2);
  CU_ASSERT_EQUAL (r.criterion, 2); /* service, in the default rule */
  refusal_at (p, "R1", "om-a", &r);
  CU_ASSERT_EQUAL (r.reason, SM_REASON_MANUAL_SEAT);
  CU_ASSERT_EQUAL (r.rank, 3);
  CU_ASSERT_EQUAL (r.cutoff, 1);
  SmPositionResult pr;
  sm_placement_get_position_result (p, position (p, "hb-adm"), &pr);
  CU_ASSERT_EQUAL (pr.filled, 2);
  CU_ASSERT_EQUAL (pr.manual, 1);
  sm_placement_get_position_result (p, position (p, "om-b"), &pr);
  CU_ASSERT_EQUAL (pr.manual, 0);
}

/* As test_manual_seat's hb-adm, with the reflection principle: one
 * place is left beside M for P1, P2, P3 (one age band), and it keeps the
 * longest service, P1. With both seats free it would have kept P1 and
 * P2: P2 lost the place to the manual placement, P3 to the reflection
 * principle. */
static void
test_manual_seat_reflection (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = two_organisations (-1);
  sm_scenario_set_reduction (s, SM_REDUCTION_REFLECTION, 10);
  add_seats_position (s, "hb-adm", "hb-u", "ADM", 10, 2, -1, NULL);
  add_employee (s, "M", 10, 2015);
  add_employee (s, "P1", 10, 1990);
  add_employee (s, "P2", 10, 2000);
  add_employee (s, "P3", 10, 2010);
  add (sm_scenario_add_manual_placement (s, "M", "hb-adm", "reason", &error),
       &error);
  g_autoptr (SmPlacement) p = place (s);
  SmEmployeeOutcome out;
  sm_placement_get_outcome (p, employee (p, "P1"), &out);
  CU_ASSERT_EQUAL (out.status, SM_STATUS_FOLLOWS_WORK);
  SmRefusal r;
  refusal_at (p, "P2", "hb-adm", &r);
  CU_ASSERT_EQUAL (r.reason, SM_REASON_MANUAL_SEAT);
  refusal_at (p, "P3", "hb-adm", &r);
  CU_ASSERT_EQUAL (r.reason, SM_REASON_REFLECTION);
  SmPositionResult pr;
  sm_placement_get_position_result (p, position (p, "hb-adm"), &pr);
  CU_ASSERT_TRUE (pr.reflection);
  CU_ASSERT_EQUAL (pr.manual, 1);
}

/* ---- properties on generated cases -----------------------------------------
 */

/* The employee's 1-based place in the position's order of the final
 * market, or 0 when the market does not list the pair. */
static int32_t
market_place (const SmPlacement *p, int32_t employee, int32_t position)
{
  const SmMarket *mk = sm_placement_get_market (p);
  int32_t len, c = sm_market_find_choice (mk, employee, position);
  if (c < 0)
    return 0;
  return sm_market_get_employee_edges (mk, employee, &len)[c].rank + 1;
}

/* The 1-based place of the last person the position holds, or 0. */
static int32_t
last_held_place (const SmPlacement *p, int32_t position)
{
  int32_t n;
  const int32_t *held = sm_matching_get_held (sm_placement_get_matching (p),
                                              position, &n);
  return n == 0 ? 0 : market_place (p, held[n - 1], position);
}

/* What every refusal says about the market: a candidate is not eligible
 * exactly when the market does not list the pair; otherwise the rank is
 * the market's and the cutoff the place of the last person admitted. */
static void
check_against_market (const SmPlacement *p, int32_t i, const SmRefusal *r)
{
  SmEmployeeOutcome out;
  sm_placement_get_outcome (p, i, &out);
  if (out.status == SM_STATUS_MANUAL)
    {
      CU_ASSERT_EQUAL (r->reason, SM_REASON_MANUAL);
      CU_ASSERT (r->rank == 0 && r->cutoff == 0);
      return;
    }
  int32_t place = market_place (p, i, r->position);
  CU_ASSERT_EQUAL (r->reason == SM_REASON_NOT_ELIGIBLE, place == 0);
  if (r->reason == SM_REASON_NOT_ELIGIBLE)
    {
      CU_ASSERT (r->filter != SM_FILTER_NONE && r->preference > 0);
      CU_ASSERT (r->rank == 0 && r->cutoff == 0);
      return;
    }
  CU_ASSERT_EQUAL (r->filter, SM_FILTER_NONE);
  CU_ASSERT_EQUAL (r->rank, place);
  CU_ASSERT_EQUAL (r->cutoff, last_held_place (p, r->position));
}

/* Every refusal is true of the matching: FULL means the position's seats
 * are all taken by people ranked above the employee; CAP means a free seat
 * in an organisation at its maximum; MANUAL_SEAT a position holding
 * manual placements; every better preference is explained. */
static void
check_refusals (const SmPlacement *p, int32_t i)
{
  const SmScenario *s = sm_placement_get_scenario (p);
  SmEmployeeOutcome out;
  sm_placement_get_outcome (p, i, &out);
  for (int32_t k = 0; k < sm_placement_get_n_refusals (p, i); k++)
    {
      SmRefusal r;
      SmPositionResult pr;
      sm_placement_get_refusal (p, i, k, &r);
      sm_placement_get_position_result (p, r.position, &pr);
      check_against_market (p, i, &r);
      CU_ASSERT (out.preference == 0 || r.preference < out.preference);
      if (r.reason == SM_REASON_MANUAL_SEAT)
        CU_ASSERT (pr.manual > 0);
      if (r.reason == SM_REASON_FULL)
        {
          CU_ASSERT_EQUAL (pr.open, 0);
          CU_ASSERT (r.rank > r.cutoff && r.cutoff == pr.cutoff);
        }
      else if (r.reason == SM_REASON_CAP)
        {
          SmPositionSpec pos;
          SmUnitSpec unit;
          SmOrganisationSpec org;
          sm_scenario_get_position (s, r.position, &pos);
          sm_scenario_get_unit (s, sm_scenario_find_unit (s, pos.unit_id),
                                &unit);
          int32_t o = sm_scenario_find_organisation (s, unit.organisation_id);
          sm_scenario_get_organisation (s, o, &org);
          CU_ASSERT (pr.open > 0);
          CU_ASSERT_EQUAL (sm_placement_get_headcount (p, o),
                           org.max_headcount);
        }
    }
}

static void
check_generated (const SmPlacement *p)
{
  const SmScenario *s = sm_placement_get_scenario (p);
  int32_t n = sm_scenario_get_n_employees (s), total = 0;
  for (int32_t o = 0; o < sm_scenario_get_n_organisations (s); o++)
    total += sm_placement_get_headcount (p, o);
  CU_ASSERT_EQUAL (total, n); /* nobody lost, nobody twice */
  for (int32_t i = 0; i < n; i++)
    {
      SmEmployeeOutcome out;
      sm_placement_get_outcome (p, i, &out);
      if (out.status == SM_STATUS_PLACED)
        CU_ASSERT (out.preference >= 1); /* only applicants */
      check_refusals (p, i);
    }
  GError *error = NULL;
  g_autoptr (SmCheckReport)
      report = sm_matching_check (sm_placement_get_market (p),
                                  sm_placement_get_matching (p), &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (sm_check_report_is_stable (report));
}

/* Four manual placements, at positions spread over both organisations:
 * they take seats that others applied for or follow their work to. */
static void
add_manual_placements (SmScenario *s, uint64_t seed)
{
  int32_t n = sm_scenario_get_n_employees (s);
  int32_t m = sm_scenario_get_n_positions (s);
  for (int32_t k = 0; k < 4; k++)
    {
      GError *error = NULL;
      SmEmployeeSpec e;
      SmPositionSpec pos;
      sm_scenario_get_employee (s, (int32_t) ((seed * 131 + 97 * k) % n), &e);
      sm_scenario_get_position (s, (int32_t) ((seed * 17 + 29 * k) % m), &pos);
      add (sm_scenario_add_manual_placement (s, e.id, pos.id, "test", &error),
           &error);
    }
}

/* How many refusals of each reason the placement gives. */
static void
count_reasons (const SmPlacement *p, int32_t *counts)
{
  for (int32_t i = 0;
       i < sm_scenario_get_n_employees (sm_placement_get_scenario (p)); i++)
    for (int32_t k = 0; k < sm_placement_get_n_refusals (p, i); k++)
      {
        SmRefusal r;
        sm_placement_get_refusal (p, i, k, &r);
        counts[r.reason]++;
      }
}

static void
test_generated_cases (void)
{
  int32_t counts[SM_REASON_MANUAL_SEAT + 1] = { 0 };
  for (uint64_t seed = 0; seed < 40; seed++)
    {
      GError *error = NULL;
      g_autoptr (SmScenario) s = boh_case_new (seed, &error);
      SM_ASSERT_NO_ERROR (error);
      if (seed % 2 == 1)
        sm_scenario_set_reduction (s, SM_REDUCTION_REFLECTION, 10);
      if (seed % 4 >= 2)
        add_manual_placements (s, seed);
      g_autoptr (SmPlacement) p = sm_scenario_place (s, &error);
      SM_ASSERT_NO_ERROR (error);
      check_generated (p);
      count_reasons (p, counts);
    }
  /* the cases reach every reason but these two, which the hand-made
   * scenarios cover: the generated rules have no filters, and Ommen's
   * cap never binds */
  for (int reason = 0; reason <= SM_REASON_MANUAL_SEAT; reason++)
    if (reason != SM_REASON_CAP && reason != SM_REASON_NOT_ELIGIBLE)
      CU_ASSERT_TRUE (counts[reason] > 0);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "a small scenario explained by hand", test_small_scenario },
    { "own function explained from the market",
      test_own_function_not_filtered },
    { "a cap refusal gives the last place admitted", test_cap_cutoff },
    { "a seat that went to a manual placement", test_manual_seat },
    { "a manual placement under reflection", test_manual_seat_reflection },
    { "explanations true of generated cases", test_generated_cases },
    { NULL, NULL },
  };
  return sm_test_run_suite ("explain", cases);
}
