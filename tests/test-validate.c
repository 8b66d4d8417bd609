/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: validating a whole scenario (validate.h).
 *
 * Every refusal of sm_scenario_place_with() is built and must be reported
 * by sm_scenario_validate() as an error with the same code; every check
 * of implausible data is built and must be reported with its severity,
 * code, table, index, identifier and field, and with no name or birth
 * date in the message. A clean scenario and the built-in case give no
 * error. Employee identifiers that are not safe file names are reported
 * by both loaders with their line. */
#include "test-util.h"

#include <string.h>
#include <glib/gstdio.h>

#include "boh-case.h"

#define NAME "Jansen"

/* ---- building scenarios --------------------------------------------------
 *
 * HB (default): unit HB-U, position HB-A (function A, grade 10, 3 seats).
 * OM (receiving, max headcount @max or -1): unit OM-U.
 * Employees E1, E2, E3 (function A, grade 10, unit HB-U), born 1970,
 * in service since 2000.
 */

static void
add_org (SmScenario *s, const char *id, SmOrganisationKind kind, int32_t max)
{
  GError *error = NULL;
  SmOrganisationSpec o = SM_ORGANISATION_SPEC_INIT;
  o.id = o.name = id;
  o.kind = kind;
  o.max_headcount = max;
  CU_ASSERT_TRUE (sm_scenario_add_organisation (s, &o, &error));
  SM_ASSERT_NO_ERROR (error);
}

static void
add_unit (SmScenario *s, const char *id, const char *org)
{
  GError *error = NULL;
  SmUnitSpec u = SM_UNIT_SPEC_INIT;
  u.id = u.name = id;
  u.organisation_id = org;
  CU_ASSERT_TRUE (sm_scenario_add_unit (s, &u, &error));
  SM_ASSERT_NO_ERROR (error);
}

static void
add_position (SmScenario *s, const char *id, const char *unit, int32_t grade,
              int32_t seats, int32_t target, const char *rule)
{
  GError *error = NULL;
  SmPositionSpec p = SM_POSITION_SPEC_INIT;
  p.id = id;
  p.title = "title";
  p.unit_id = unit;
  p.function_code = "A";
  p.grade = grade;
  p.seats = seats;
  p.target_seats = target;
  p.rule_id = rule;
  CU_ASSERT_TRUE (sm_scenario_add_position (s, &p, &error));
  SM_ASSERT_NO_ERROR (error);
}

static SmEmployeeSpec
employee_spec (const char *id)
{
  SmEmployeeSpec e = SM_EMPLOYEE_SPEC_INIT;
  e.id = id;
  e.name = NAME;
  e.function_code = "A";
  e.unit_id = "HB-U";
  e.grade = 10;
  e.service_start = (SmDate){ 2000, 3, 1 };
  e.birth_date = (SmDate){ 1970, 6, 15 };
  return e;
}

static void
add_employee (SmScenario *s, const SmEmployeeSpec *e)
{
  GError *error = NULL;
  CU_ASSERT_TRUE (sm_scenario_add_employee (s, e, &error));
  SM_ASSERT_NO_ERROR (error);
}

static void
add_employees (SmScenario *s, int n)
{
  for (int k = 1; k <= n; k++)
    {
      char id[8];
      g_snprintf (id, sizeof id, "E%d", k);
      SmEmployeeSpec e = employee_spec (id);
      add_employee (s, &e);
    }
}

static void
add_manual (SmScenario *s, const char *employee, const char *position)
{
  GError *error = NULL;
  CU_ASSERT_TRUE (sm_scenario_add_manual_placement (s, employee, position,
                                                    "hardship", &error));
  SM_ASSERT_NO_ERROR (error);
}

static void
apply (SmScenario *s, const char *employee, const char *position, int pref)
{
  GError *error = NULL;
  SmApplicationSpec a = SM_APPLICATION_SPEC_INIT;
  a.employee_id = employee;
  a.position_id = position;
  a.preference = pref;
  CU_ASSERT_TRUE (sm_scenario_add_application (s, &a, &error));
  SM_ASSERT_NO_ERROR (error);
}

/* The fixture, OM with maximum headcount @max. */
static SmScenario *
base (int32_t max)
{
  SmScenario *s = sm_scenario_new ();
  add_org (s, "HB", SM_ORGANISATION_KIND_DEFAULT, -1);
  add_org (s, "OM", SM_ORGANISATION_KIND_RECEIVING, max);
  add_unit (s, "HB-U", "HB");
  add_unit (s, "OM-U", "OM");
  add_position (s, "HB-A", "HB-U", 10, 3, -1, NULL);
  return s;
}

/* ---- helpers on results -------------------------------------------------- */

/* Validates; returns the list (transfer full) and checks that the return
 * value and the GError agree with the errors listed. */
static SmIssueList *
validate (const SmScenario *s, const SmPlaceOptions *options)
{
  SmIssueList *issues = sm_issue_list_new ();
  GError *error = NULL;
  gboolean ok = sm_scenario_validate (s, options, issues, &error);
  int32_t errors = sm_issue_list_count (issues, SM_SEVERITY_ERROR);
  CU_ASSERT_EQUAL (ok, errors == 0);
  if (ok)
    SM_ASSERT_NO_ERROR (error);
  else
    {
      SmIssue first;
      for (int32_t k = 0; sm_issue_list_get (issues, k, &first); k++)
        if (first.severity == SM_SEVERITY_ERROR)
          break;
      CU_ASSERT_PTR_NOT_NULL_FATAL (error);
      CU_ASSERT_TRUE (g_str_has_prefix (error->message, first.message));
      SM_ASSERT_ERROR (error, first.code);
    }
  for (int32_t k = 0; k < sm_issue_list_get_n (issues); k++)
    {
      SmIssue issue;
      CU_ASSERT_TRUE (sm_issue_list_get (issues, k, &issue));
      CU_ASSERT_PTR_NULL (strstr (issue.message, NAME));
      CU_ASSERT_PTR_NULL (strstr (issue.message, "1970"));
    }
  return issues;
}

/* Asserts that the list holds exactly one issue and that it is this one. */
static void
assert_only_issue (const SmIssueList *issues, SmSeverity severity, SmError code,
                   const char *table, int32_t index, const char *item_id,
                   const char *field)
{
  CU_ASSERT_EQUAL_FATAL (sm_issue_list_get_n (issues), 1);
  SmIssue issue;
  CU_ASSERT_TRUE (sm_issue_list_get (issues, 0, &issue));
  if (issue.code != code || issue.severity != severity)
    fprintf (stderr, "unexpected issue %d/%d: %s\n", issue.severity, issue.code,
             issue.message);
  CU_ASSERT_EQUAL (issue.severity, severity);
  CU_ASSERT_EQUAL (issue.code, code);
  CU_ASSERT_STRING_EQUAL (issue.table, table);
  CU_ASSERT_EQUAL (issue.index, index);
  if (item_id == NULL)
    {
      CU_ASSERT_PTR_NULL (issue.item_id);
    }
  else
    {
      CU_ASSERT_STRING_EQUAL (issue.item_id, item_id);
    }
  if (field == NULL)
    {
      CU_ASSERT_PTR_NULL (issue.field);
    }
  else
    {
      CU_ASSERT_STRING_EQUAL (issue.field, field);
    }
}

/* The code sm_scenario_place_with() refuses with, or 0 when it places. */
static int
place_code (const SmScenario *s, const SmPlaceOptions *options)
{
  SmPlaceOptions defaults = SM_PLACE_OPTIONS_INIT;
  GError *error = NULL;
  g_autoptr (SmPlacement)
      placement = sm_scenario_place_with (s,
                                          options != NULL ? options : &defaults,
                                          &error);
  if (placement != NULL)
    return 0;
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_EQUAL (error->domain, SM_ERROR);
  int code = error->code;
  g_error_free (error);
  return code;
}

/* ---- a clean scenario ---------------------------------------------------- */

static SmScenario *
clean (void)
{
  SmScenario *s = base (5);
  add_position (s, "OM-A", "OM-U", 10, 2, -1, NULL);
  add_employees (s, 3);
  apply (s, "E1", "OM-A", 1);
  return s;
}

static void
test_clean (void)
{
  g_autoptr (SmScenario) s = clean ();
  g_autoptr (SmIssueList) issues = validate (s, NULL);
  CU_ASSERT_EQUAL (sm_issue_list_get_n (issues), 0);
  GError *error = NULL;
  CU_ASSERT_TRUE (sm_scenario_validate (s, NULL, NULL, &error));
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (place_code (s, NULL), 0);
}

/* The built-in Ommen-Hardenberg case has nothing wrong with it. */
static void
test_builtin_case (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = boh_case_new (BOH_CASE_SEED, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmIssueList) issues = validate (s, NULL);
  SmIssue issue;
  for (int32_t k = 0; sm_issue_list_get (issues, k, &issue); k++)
    fprintf (stderr, "built-in case: %s\n", issue.message);
  CU_ASSERT_EQUAL (sm_issue_list_get_n (issues), 0);
}

/* ---- every refusal of placing ----------------------------------------------
 *
 * Each builder makes a scenario that sm_scenario_place_with() refuses with
 * the options it sets; validation must report that refusal, with the same
 * code, at the place given. */

typedef struct {
  const char *name;
  SmScenario *(*build) (SmPlaceOptions *options);
  int code;
  const char *table;
  int32_t index;
  const char *item_id;
  const char *field;
} Refusal;

/* No default organisation: before, every employee was refused on loading;
 * now they load and the scenario is refused once. */
static SmScenario *
build_no_default (SmPlaceOptions *options)
{
  (void) options;
  SmScenario *s = sm_scenario_new ();
  add_org (s, "OM", SM_ORGANISATION_KIND_RECEIVING, -1);
  add_unit (s, "HB-U", "OM");
  add_employees (s, 3);
  return s;
}

/* Manual placements beyond a position's target seats push the target
 * seats of OM (max 3) to 4, though its positions' own add up to 3. */
static SmScenario *
build_cap_manual (SmPlaceOptions *options)
{
  (void) options;
  SmScenario *s = base (3);
  add_position (s, "OM-A", "OM-U", 10, 2, 1, NULL);
  add_position (s, "OM-B", "OM-U", 10, 2, 2, NULL);
  add_employees (s, 3);
  add_manual (s, "E1", "OM-A");
  add_manual (s, "E2", "OM-A");
  return s;
}

/* The reflection principle with positions proposing. */
static SmScenario *
build_reflection_positions (SmPlaceOptions *options)
{
  options->proposing = SM_SIDE_POSITIONS;
  SmScenario *s = clean ();
  sm_scenario_set_reduction (s, SM_REDUCTION_REFLECTION, 10);
  return s;
}

/* Positions proposing while OM's cap (1) is below its seats (2). */
static SmScenario *
build_binding_cap_positions (SmPlaceOptions *options)
{
  options->proposing = SM_SIDE_POSITIONS;
  SmScenario *s = base (1);
  add_position (s, "OM-A", "OM-U", 10, 2, 1, NULL);
  add_employees (s, 3);
  apply (s, "E1", "OM-A", 1);
  return s;
}

/* Improvement cycles with positions proposing. */
static SmScenario *
build_cycles_positions (SmPlaceOptions *options)
{
  options->proposing = SM_SIDE_POSITIONS;
  SmScenario *s = clean ();
  sm_scenario_set_improvement_cycles (s, TRUE);
  return s;
}

static const Refusal refusals[] = {
  { "no default organisation", build_no_default, SM_ERROR_INFEASIBLE,
    "organisations", -1, NULL, "kind" },
  { "manual placements above the cap", build_cap_manual, SM_ERROR_INFEASIBLE,
    "organisations", 1, "OM", "max_headcount" },
  { "positions proposing with reflection", build_reflection_positions,
    SM_ERROR_INFEASIBLE, "settings", -1, NULL, "reduction" },
  { "positions proposing under a binding cap", build_binding_cap_positions,
    SM_ERROR_INFEASIBLE, "organisations", 1, "OM", "max_headcount" },
  { "positions proposing with improvement cycles", build_cycles_positions,
    SM_ERROR_INFEASIBLE, "settings", -1, NULL, "improvement_cycles" },
};

static void
test_refusals (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (refusals); k++)
    {
      const Refusal *r = &refusals[k];
      SmPlaceOptions options = SM_PLACE_OPTIONS_INIT;
      g_autoptr (SmScenario) s = r->build (&options);
      int code = place_code (s, &options);
      if (code != r->code)
        fprintf (stderr, "%s: placing gave %d\n", r->name, code);
      CU_ASSERT_EQUAL (code, r->code);
      g_autoptr (SmIssueList) issues = validate (s, &options);
      assert_only_issue (issues, SM_SEVERITY_ERROR, code, r->table, r->index,
                         r->item_id, r->field);
    }
}

/* The default side is employees: what only positions proposing refuse is
 * fine without options. */
static void
test_side_matters (void)
{
  for (guint k = 2; k < G_N_ELEMENTS (refusals); k++)
    {
      SmPlaceOptions options = SM_PLACE_OPTIONS_INIT;
      g_autoptr (SmScenario) s = refusals[k].build (&options);
      g_autoptr (SmIssueList) issues = validate (s, NULL);
      CU_ASSERT_EQUAL (sm_issue_list_get_n (issues), 0);
      CU_ASSERT_EQUAL (place_code (s, NULL), 0);
    }
}

/* The message about the cap tells the truth: the positions' own target
 * seats fit, manual placements push them over, and lowering the target
 * seats as it says makes the scenario placeable. */
static void
test_cap_advice (void)
{
  SmPlaceOptions options = SM_PLACE_OPTIONS_INIT;
  g_autoptr (SmScenario) s = build_cap_manual (&options);
  GError *error = NULL;
  CU_ASSERT_FALSE (sm_scenario_validate (s, NULL, NULL, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "at most 3 people"));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "add up to 3"));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "position 'OM-A'"));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "Lower by 1"));
  CU_ASSERT_PTR_NULL (strstr (error->message, "3 or less"));
  SM_ASSERT_ERROR (error, SM_ERROR_INFEASIBLE);
  g_autoptr (SmPlacement) refused = sm_scenario_place (s, &error);
  CU_ASSERT_PTR_NULL (refused);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "Lower by 1"));
  SM_ASSERT_ERROR (error, SM_ERROR_INFEASIBLE);

  /* OM-B, without manual placements, one target seat fewer */
  g_autoptr (SmScenario) fixed = base (3);
  add_position (fixed, "OM-A", "OM-U", 10, 2, 1, NULL);
  add_position (fixed, "OM-B", "OM-U", 10, 2, 1, NULL);
  add_employees (fixed, 3);
  add_manual (fixed, "E1", "OM-A");
  add_manual (fixed, "E2", "OM-A");
  g_autoptr (SmIssueList) issues = validate (fixed, NULL);
  CU_ASSERT_EQUAL (sm_issue_list_get_n (issues), 0);
  CU_ASSERT_EQUAL (place_code (fixed, NULL), 0);
}

/* The missing default organisation is named once, with the likely one. */
static void
test_no_default_hint (void)
{
  SmPlaceOptions options = SM_PLACE_OPTIONS_INIT;
  g_autoptr (SmScenario) s = build_no_default (&options);
  GError *error = NULL;
  CU_ASSERT_FALSE (sm_scenario_validate (s, NULL, NULL, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "'OM', so probably"));
  CU_ASSERT_PTR_NULL (strstr (error->message, "more error"));
  SM_ASSERT_ERROR (error, SM_ERROR_INFEASIBLE);
}

/* ---- implausible data ------------------------------------------------------
 */

static void
test_birth_after_reference (void)
{
  g_autoptr (SmScenario) s = clean ();
  SmEmployeeSpec e = employee_spec ("E9");
  e.birth_date = (SmDate){ 2019, 1, 2 };
  e.service_start = (SmDate){ 0, 0, 0 };
  add_employee (s, &e);
  g_autoptr (SmIssueList) issues = validate (s, NULL);
  assert_only_issue (issues, SM_SEVERITY_ERROR, SM_ERROR_INVALID_VALUE,
                     "employees", 3, "E9", "birth_date");
  SmIssue issue;
  sm_issue_list_get (issues, 0, &issue);
  CU_ASSERT_PTR_NULL (strstr (issue.message, "2019-01-02"));
  /* the reference date itself is fine */
  g_autoptr (SmScenario) t = clean ();
  e.birth_date = (SmDate){ 2019, 1, 1 };
  add_employee (t, &e);
  g_autoptr (SmIssueList) none = validate (t, NULL);
  CU_ASSERT_EQUAL (sm_issue_list_get_n (none), 0);
}

static void
test_service_before_birth (void)
{
  g_autoptr (SmScenario) s = clean ();
  SmEmployeeSpec e = employee_spec ("E9");
  e.service_start = (SmDate){ 1970, 6, 14 };
  add_employee (s, &e);
  g_autoptr (SmIssueList) issues = validate (s, NULL);
  assert_only_issue (issues, SM_SEVERITY_ERROR, SM_ERROR_INVALID_VALUE,
                     "employees", 3, "E9", "service_start");
}

/* A warning: it does not make validation fail. */
static void
test_service_after_reference (void)
{
  g_autoptr (SmScenario) s = clean ();
  sm_scenario_set_reference_date (s, (SmDate){ 2018, 10, 1 });
  SmEmployeeSpec e = employee_spec ("E9");
  e.service_start = (SmDate){ 2018, 10, 2 };
  add_employee (s, &e);
  g_autoptr (SmIssueList) issues = validate (s, NULL);
  assert_only_issue (issues, SM_SEVERITY_WARNING, SM_ERROR_INVALID_VALUE,
                     "employees", 3, "E9", "service_start");
  SmIssue issue;
  sm_issue_list_get (issues, 0, &issue);
  CU_ASSERT_PTR_NOT_NULL (strstr (issue.message, "2018-10-01"));
  GError *error = NULL;
  CU_ASSERT_TRUE (sm_scenario_validate (s, NULL, NULL, &error));
  SM_ASSERT_NO_ERROR (error);
}

/* A manual placement at a position the rule's filters would keep the
 * employee out of: grade 10 at a grade 13 position with a maximum grade
 * distance of 2. */
static void
test_manual_ineligible (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = base (-1);
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("near");
  CU_ASSERT_TRUE (sm_priority_rule_add_criterion (rule, SM_CRITERION_FIT,
                                                  SM_DIRECTION_HIGHER_FIRST,
                                                  &error));
  sm_priority_rule_set_max_grade_distance (rule, 2);
  CU_ASSERT_TRUE (sm_scenario_add_rule (s, rule, &error));
  SM_ASSERT_NO_ERROR (error);
  add_position (s, "OM-LOW", "OM-U", 12, 1, -1, "near");
  add_position (s, "OM-HIGH", "OM-U", 13, 1, -1, "near");
  add_employees (s, 2);
  add_manual (s, "E1", "OM-LOW");
  g_autoptr (SmIssueList) none = validate (s, NULL);
  CU_ASSERT_EQUAL (sm_issue_list_get_n (none), 0);
  add_manual (s, "E2", "OM-HIGH");
  g_autoptr (SmIssueList) issues = validate (s, NULL);
  assert_only_issue (issues, SM_SEVERITY_WARNING, SM_ERROR_INVALID_VALUE,
                     "manual_placements", 1, "E2", "position");
  SmIssue issue;
  sm_issue_list_get (issues, 0, &issue);
  CU_ASSERT_PTR_NOT_NULL (strstr (issue.message, "grade distance"));
  CU_ASSERT_EQUAL (place_code (s, NULL), 0);
}

static void
test_rule_without_criteria (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = clean ();
  g_autoptr (SmPriorityRule) full = sm_priority_rule_new_default ();
  g_autoptr (SmPriorityRule) empty = sm_priority_rule_new ("lot");
  CU_ASSERT_TRUE (sm_scenario_add_rule (s, full, &error));
  CU_ASSERT_TRUE (sm_scenario_add_rule (s, empty, &error));
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmIssueList) issues = validate (s, NULL);
  assert_only_issue (issues, SM_SEVERITY_WARNING, SM_ERROR_INVALID_VALUE,
                     "rules", 1, "lot", "criteria");
}

/* Whole years of service on a rule that ranks by age alone: a setting
 * that changes nothing. Counting age in years there is fine. */
static void
test_granularity_unused (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = clean ();
  g_autoptr (SmPriorityRule) used = sm_priority_rule_new_default ();
  g_autoptr (SmPriorityRule) unused = sm_priority_rule_new ("age-only");
  CU_ASSERT_TRUE (sm_priority_rule_set_granularity (used, SM_CRITERION_SERVICE,
                                                    SM_GRANULARITY_YEARS,
                                                    &error));
  CU_ASSERT_TRUE (sm_priority_rule_add_criterion (unused, SM_CRITERION_AGE,
                                                  SM_DIRECTION_HIGHER_FIRST,
                                                  &error));
  CU_ASSERT_TRUE (sm_priority_rule_set_granularity (unused, SM_CRITERION_AGE,
                                                    SM_GRANULARITY_YEARS,
                                                    &error));
  CU_ASSERT_TRUE (
      sm_priority_rule_set_granularity (unused, SM_CRITERION_SERVICE,
                                        SM_GRANULARITY_MONTHS, &error));
  CU_ASSERT_TRUE (sm_scenario_add_rule (s, used, &error));
  CU_ASSERT_TRUE (sm_scenario_add_rule (s, unused, &error));
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmIssueList) issues = validate (s, NULL);
  assert_only_issue (issues, SM_SEVERITY_WARNING, SM_ERROR_INVALID_VALUE,
                     "rules", 1, "age-only", "granularity");
}

/* Relations whose codes nobody has: each side on its own. */
static void
test_relation_unknown_codes (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = clean ();
  CU_ASSERT_TRUE (
      sm_scenario_add_function_relation (s, "A", "B", SM_FIT_SUITABLE, &error));
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmIssueList) to = validate (s, NULL);
  assert_only_issue (to, SM_SEVERITY_WARNING, SM_ERROR_UNKNOWN_ID,
                     "function_relations", 0, "A", "to");
  g_autoptr (SmScenario) t = clean ();
  CU_ASSERT_TRUE (
      sm_scenario_add_function_relation (t, "X", "A", SM_FIT_SUITABLE, &error));
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmIssueList) from = validate (t, NULL);
  assert_only_issue (from, SM_SEVERITY_WARNING, SM_ERROR_UNKNOWN_ID,
                     "function_relations", 0, "X", "from");
}

/* Issues are appended to the caller's list, and the GError counts the
 * errors after the first; warnings come after errors of placing. */
static void
test_list_and_error (void)
{
  SmPlaceOptions options = SM_PLACE_OPTIONS_INIT;
  g_autoptr (SmScenario) s = build_cap_manual (&options);
  SmEmployeeSpec e = employee_spec ("E9");
  e.birth_date = (SmDate){ 2020, 1, 1 };
  e.service_start = (SmDate){ 2020, 6, 1 };
  add_employee (s, &e);
  g_autoptr (SmIssueList) issues = sm_issue_list_new ();
  GError *error = NULL;
  CU_ASSERT_FALSE (sm_scenario_validate (s, NULL, issues, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "(and 1 more error)"));
  SM_ASSERT_ERROR (error, SM_ERROR_INFEASIBLE);
  CU_ASSERT_EQUAL (sm_issue_list_get_n (issues), 3);
  CU_ASSERT_EQUAL (sm_issue_list_count (issues, SM_SEVERITY_ERROR), 2);
  CU_ASSERT_EQUAL (sm_issue_list_count (issues, SM_SEVERITY_WARNING), 1);
  CU_ASSERT_FALSE (sm_scenario_validate (s, NULL, issues, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INFEASIBLE);
  CU_ASSERT_EQUAL (sm_issue_list_get_n (issues), 6);
  SmIssue issue = { 0 };
  CU_ASSERT_FALSE (sm_issue_list_get (issues, 6, &issue));
  CU_ASSERT_FALSE (sm_issue_list_get (issues, -1, &issue));
  CU_ASSERT_PTR_NULL (issue.message);
  sm_issue_list_free (NULL);
}

/* ---- identifiers that are no file names, through the loaders ------------ */

static void
write_file (const char *dir, const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  CU_ASSERT_TRUE_FATAL (g_file_set_contents (path, text, -1, NULL));
}

static void
remove_folder (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

/* The employee's row (line 3) is named, with the rule, before anything
 * could be written. */
static void
test_csv_unsafe_id (void)
{
  g_autofree char *dir = sm_test_make_temp_dir ();
  write_file (dir, "organisations.csv",
              "id;name;kind\nHB;Hardenberg;default\n");
  write_file (dir, "units.csv", "id;name;organisation\nHB-U;Staf;HB\n");
  write_file (dir, "positions.csv",
              "id;title;unit;function;grade\nHB-A;Adviseur;HB-U;A;10\n");
  write_file (dir, "employees.csv",
              "id;name;function;unit;grade\n"
              "E1;" NAME ";A;HB-U;10\n"
              "../E2;" NAME ";A;HB-U;10\n");
  write_file (dir, "applications.csv", "employee;position;preference\n");
  write_file (dir, "function-relations.csv", "from;to;fit\n");
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  GError *error = NULL;
  g_autoptr (SmScenario) s = sm_scenario_load_csv (dir, problems, &error);
  CU_ASSERT_PTR_NULL (s);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NULL (strstr (error->message, NAME));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);
  CU_ASSERT_EQUAL_FATAL (sm_problem_list_get_n (problems), 1);
  SmProblem p;
  sm_problem_list_get (problems, 0, &p);
  CU_ASSERT_TRUE (g_str_has_suffix (p.file, "employees.csv"));
  CU_ASSERT_EQUAL (p.line, 3);
  CU_ASSERT_EQUAL (p.code, SM_ERROR_INVALID_VALUE);
  CU_ASSERT_PTR_NOT_NULL (strstr (p.message, "file name"));
  CU_ASSERT_PTR_NOT_NULL (strstr (p.message, "separate folders"));
  remove_folder (dir);
}

static void
test_json_unsafe_id (void)
{
  static const char doc[] =
      "{\n"
      "  \"format\": \"staffmatch-scenario\",\n"
      "  \"version\": 1,\n"
      "  \"organisations\": [\n"
      "    { \"id\": \"HB\", \"name\": \"Hardenberg\", \"kind\": \"default\" "
      "}\n"
      "  ],\n"
      "  \"units\": [ { \"id\": \"HB-U\", \"name\": \"Staf\", "
      "\"organisation\": \"HB\" } ],\n"
      "  \"positions\": [],\n"
      "  \"employees\": [\n"
      "    { \"id\": \"E1\", \"name\": \"" NAME
      "\", \"function\": \"A\", \"unit\": \"HB-U\", \"grade\": 10 },\n"
      "    { \"id\": \"lpt1.txt\", \"name\": \"" NAME
      "\", \"function\": \"A\", \"unit\": \"HB-U\", \"grade\": 10 }\n"
      "  ],\n"
      "  \"applications\": []\n"
      "}\n";
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  GError *error = NULL;
  g_autoptr (SmScenario)
      s = sm_scenario_load_json_data (doc, sizeof doc - 1, "doc.json", problems,
                                      &error);
  CU_ASSERT_PTR_NULL (s);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  if (error->code != SM_ERROR_INVALID_VALUE)
    fprintf (stderr, "%s\n", error->message);
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);
  CU_ASSERT_EQUAL_FATAL (sm_problem_list_get_n (problems), 1);
  SmProblem p;
  sm_problem_list_get (problems, 0, &p);
  CU_ASSERT_STRING_EQUAL (p.file, "doc.json");
  CU_ASSERT_EQUAL (p.line, 11);
  CU_ASSERT_PTR_NOT_NULL (strstr (p.message, "reserves for a device"));
  CU_ASSERT_PTR_NULL (strstr (p.message, NAME));
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "a clean scenario", test_clean },
    { "the built-in case", test_builtin_case },
    { "every refusal of placing", test_refusals },
    { "the side matters", test_side_matters },
    { "the cap's advice", test_cap_advice },
    { "no default organisation", test_no_default_hint },
    { "birth after the reference date", test_birth_after_reference },
    { "service before birth", test_service_before_birth },
    { "service after the reference date", test_service_after_reference },
    { "manual placement not eligible", test_manual_ineligible },
    { "rule without criteria", test_rule_without_criteria },
    { "granularity of a criterion not used", test_granularity_unused },
    { "relation with unknown codes", test_relation_unknown_codes },
    { "list and error", test_list_and_error },
    { "CSV: unsafe employee id", test_csv_unsafe_id },
    { "JSON: unsafe employee id", test_json_unsafe_id },
    { NULL, NULL },
  };
  return sm_test_run_suite ("validate", cases);
}
