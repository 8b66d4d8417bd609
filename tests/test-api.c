/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: the small public API that holds the others together:
 * the names of enum values, options versions, finding a rule, a refusal
 * in one sentence, getters out of range, const references. */

#include <string.h>

#include "test-util.h"

/* ---- a tiny scenario ------------------------------------------------------
 */

static void
add_org (SmScenario *s, const char *id, SmOrganisationKind kind)
{
  GError *error = NULL;
  SmOrganisationSpec o = SM_ORGANISATION_SPEC_INIT;
  o.id = id;
  o.name = id;
  o.kind = kind;
  CU_ASSERT_TRUE (sm_scenario_add_organisation (s, &o, &error));
  SM_ASSERT_NO_ERROR (error);
}

static void
add_unit (SmScenario *s, const char *id, const char *organisation)
{
  GError *error = NULL;
  SmUnitSpec u = SM_UNIT_SPEC_INIT;
  u.id = id;
  u.name = id;
  u.organisation_id = organisation;
  CU_ASSERT_TRUE (sm_scenario_add_unit (s, &u, &error));
  SM_ASSERT_NO_ERROR (error);
}

static void
add_employee (SmScenario *s, const char *id, int year)
{
  GError *error = NULL;
  SmEmployeeSpec e = SM_EMPLOYEE_SPEC_INIT;
  e.id = id;
  e.name = id;
  e.function_code = "ADV";
  e.unit_id = "OLD";
  e.grade = 8;
  e.service_start = (SmDate){ year, 1, 1 };
  e.birth_date = (SmDate){ 1970, 1, 1 };
  CU_ASSERT_TRUE (sm_scenario_add_employee (s, &e, &error));
  SM_ASSERT_NO_ERROR (error);
}

static void
add_application (SmScenario *s, const char *employee)
{
  GError *error = NULL;
  SmApplicationSpec a = SM_APPLICATION_SPEC_INIT;
  a.employee_id = employee;
  a.position_id = "P1";
  a.preference = 1;
  CU_ASSERT_TRUE (sm_scenario_add_application (s, &a, &error));
  SM_ASSERT_NO_ERROR (error);
}

/* Two rules; one position of one seat under "by-service", wanted by E1
 * (in service since 2000) and E2 (since 2010): E2 is refused, the
 * position full. */
static SmScenario *
tiny_scenario (void)
{
  GError *error = NULL;
  SmScenario *s = sm_scenario_new ();
  add_org (s, "NEW", SM_ORGANISATION_KIND_RECEIVING);
  add_org (s, "POOL", SM_ORGANISATION_KIND_DEFAULT);
  add_unit (s, "TEAM", "NEW");
  add_unit (s, "OLD", "POOL");
  g_autoptr (SmPriorityRule) first = sm_priority_rule_new ("first");
  CU_ASSERT_TRUE (sm_priority_rule_add_criterion (first, SM_CRITERION_AGE,
                                                  SM_DIRECTION_HIGHER_FIRST,
                                                  &error));
  g_autoptr (SmPriorityRule) by_service = sm_priority_rule_new ("by-service");
  CU_ASSERT_TRUE (
      sm_priority_rule_add_criterion (by_service, SM_CRITERION_SERVICE,
                                      SM_DIRECTION_HIGHER_FIRST, &error));
  CU_ASSERT_TRUE (sm_scenario_add_rule (s, first, &error));
  CU_ASSERT_TRUE (sm_scenario_add_rule (s, by_service, &error));
  SM_ASSERT_NO_ERROR (error);
  SmPositionSpec p = SM_POSITION_SPEC_INIT;
  p.id = "P1";
  p.title = "Adviseur";
  p.unit_id = "TEAM";
  p.function_code = "ADV";
  p.grade = 8;
  p.rule_id = "by-service";
  CU_ASSERT_TRUE (sm_scenario_add_position (s, &p, &error));
  SM_ASSERT_NO_ERROR (error);
  add_employee (s, "E1", 2000);
  add_employee (s, "E2", 2010);
  add_application (s, "E1");
  add_application (s, "E2");
  return s;
}

/* ---- enum names ------------------------------------------------------------
 */

/* Every value has its name and reads back from it; an unknown name is
 * FALSE and leaves the output as it was. */
#define CHECK_NAMES(prefix, Type, ...)                                         \
  do                                                                           \
    {                                                                          \
      static const char *const names[] = { __VA_ARGS__ };                      \
      for (int k = 0; k < (int) G_N_ELEMENTS (names); k++)                     \
        {                                                                      \
          CU_ASSERT_STRING_EQUAL (prefix##_to_string ((Type) k), names[k]);    \
          Type value = (Type) 77;                                              \
          CU_ASSERT_TRUE (prefix##_from_string (names[k], &value));            \
          CU_ASSERT_EQUAL (value, (Type) k);                                   \
        }                                                                      \
      Type untouched = (Type) 77;                                              \
      CU_ASSERT_FALSE (prefix##_from_string ("no-such-name", &untouched));     \
      CU_ASSERT_EQUAL (untouched, (Type) 77);                                  \
      CU_ASSERT_FALSE (prefix##_from_string ("", NULL));                       \
      g_test_expect_message ("staffmatch", G_LOG_LEVEL_CRITICAL, "*");         \
      CU_ASSERT_PTR_NULL (prefix##_to_string ((Type) G_N_ELEMENTS (names)));   \
      g_test_assert_expected_messages ();                                      \
    }                                                                          \
  while (0)

static void
test_enum_names (void)
{
  CHECK_NAMES (sm_status, SmStatus, "placed", "follows-work", "supernumerary",
               "manual");
  CHECK_NAMES (sm_reason, SmReason, "not-eligible", "full", "cap", "manual",
               "reflection", "manual-seat");
  CHECK_NAMES (sm_filter, SmFilter, "none", "grade", "fit", "qualifications");
  CHECK_NAMES (sm_criterion, SmCriterion, "fit", "same-grade",
               "committee-score", "service", "age", "travel");
  CHECK_NAMES (sm_fit, SmFit, "same", "interchangeable", "suitable",
               "reasonable", "none");
  CHECK_NAMES (sm_direction, SmDirection, "high", "low");
  CHECK_NAMES (sm_tie_breaking, SmTieBreaking, "single", "per-position");
  CHECK_NAMES (sm_granularity, SmGranularity, "days", "months", "years");
  CHECK_NAMES (sm_reduction, SmReduction, "priority", "reflection");
  CHECK_NAMES (sm_organisation_kind, SmOrganisationKind, "receiving",
               "default");
  CHECK_NAMES (sm_side, SmSide, "employees", "positions");
  CHECK_NAMES (sm_language, SmLanguage, "nl", "en");
  CHECK_NAMES (sm_regime, SmRegime, "public", "employment");
  CHECK_NAMES (sm_csv_delimiter, SmCsvDelimiter, "semicolon", "comma");
  CHECK_NAMES (sm_violation_kind, SmViolationKind, "over-seats",
               "not-acceptable", "over-cap");
  CHECK_NAMES (sm_severity, SmSeverity, "warning", "error");
}

/* The values are spelled as their type: the names above are at the
 * values' indices. */
static void
test_enum_spelling (void)
{
  CU_ASSERT_EQUAL (SM_STATUS_PLACED, 0);
  CU_ASSERT_EQUAL (SM_TIE_BREAKING_PER_POSITION, 1);
  CU_ASSERT_EQUAL (SM_GRANULARITY_YEARS, 2);
  CU_ASSERT_EQUAL (SM_DIRECTION_LOWER_FIRST, 1);
  CU_ASSERT_EQUAL (SM_ORGANISATION_KIND_DEFAULT, 1);
  CU_ASSERT_EQUAL (SM_CSV_DELIMITER_COMMA, 1);
  CU_ASSERT_EQUAL (SM_VIOLATION_KIND_OVER_CAP, 2);
}

/* ---- a rule as JSON --------------------------------------------------------
 */

static void
test_rule_json (void)
{
  GError *error = NULL;
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("r\"1");
  CU_ASSERT_TRUE (sm_priority_rule_add_criterion (rule, SM_CRITERION_FIT,
                                                  SM_DIRECTION_HIGHER_FIRST,
                                                  &error));
  CU_ASSERT_TRUE (sm_priority_rule_add_criterion (rule, SM_CRITERION_AGE,
                                                  SM_DIRECTION_LOWER_FIRST,
                                                  &error));
  SM_ASSERT_NO_ERROR (error);
  sm_priority_rule_set_min_fit (rule, SM_FIT_SUITABLE);
  g_autofree char *json = sm_priority_rule_to_json (rule);
  CU_ASSERT_STRING_EQUAL (
      json, "{\"id\":\"r\\\"1\",\"criteria\":[{\"criterion\":\"fit\","
            "\"prefer\":\"high\"},{\"criterion\":\"age\",\"prefer\":\"low\"}],"
            "\"max_grade_distance\":null,\"min_fit\":\"suitable\","
            "\"require_qualifications\":false}");
}

/* ---- options versions ------------------------------------------------------
 */

static void
test_options_version (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = tiny_scenario ();
  SmPlaceOptions good = SM_PLACE_OPTIONS_INIT;
  CU_ASSERT_EQUAL (good.version, SM_PLACE_OPTIONS_VERSION);
  g_autoptr (SmPlacement) p = sm_scenario_place_with (s, &good, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL (p);

  /* A struct started with zeros is refused, loudly. */
  SmPlaceOptions zero;
  memset (&zero, 0, sizeof zero);
  g_test_expect_message ("staffmatch", G_LOG_LEVEL_CRITICAL,
                         "*SM_PLACE_OPTIONS_VERSION*");
  CU_ASSERT_PTR_NULL (sm_scenario_place_with (s, &zero, &error));
  g_test_assert_expected_messages ();
  CU_ASSERT_PTR_NULL (error);

  SmLetterOptions letter = SM_LETTER_OPTIONS_INIT;
  CU_ASSERT_EQUAL (letter.version, SM_LETTER_OPTIONS_VERSION);
  g_autofree char *text = sm_letter_render (p, 1, &letter, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL (text);
  letter.version = SM_LETTER_OPTIONS_VERSION + 1;
  g_test_expect_message ("staffmatch", G_LOG_LEVEL_CRITICAL,
                         "*SM_LETTER_OPTIONS_VERSION*");
  CU_ASSERT_PTR_NULL (sm_letter_render (p, 1, &letter, &error));
  g_test_assert_expected_messages ();
  CU_ASSERT_PTR_NULL (error);
}

/* ---- finding a rule --------------------------------------------------------
 */

static void
test_find_rule (void)
{
  g_autoptr (SmScenario) s = tiny_scenario ();
  CU_ASSERT_EQUAL (sm_scenario_find_rule (s, "first"), 0);
  CU_ASSERT_EQUAL (sm_scenario_find_rule (s, "by-service"), 1);
  CU_ASSERT_STRING_EQUAL (sm_priority_rule_get_id (sm_scenario_get_rule (s, 1)),
                          "by-service");
  CU_ASSERT_EQUAL (sm_scenario_find_rule (s, "nobody"), -1);
  /* the built-in default rule is not one added */
  g_autoptr (SmPriorityRule) builtin = sm_priority_rule_new_default ();
  g_autoptr (SmScenario) empty = sm_scenario_new ();
  CU_ASSERT_EQUAL (sm_scenario_find_rule (empty,
                                          sm_priority_rule_get_id (builtin)),
                   -1);
}

/* ---- a refusal in one sentence ---------------------------------------------
 */

static void
test_refusal_sentence (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = tiny_scenario ();
  g_autoptr (SmPlacement) p = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  int32_t e2 = sm_scenario_find_employee (s, "E2");
  CU_ASSERT_EQUAL_FATAL (sm_placement_get_n_refusals (p, e2), 1);
  SmRefusal r;
  CU_ASSERT_TRUE_FATAL (sm_placement_get_refusal (p, e2, 0, &r));
  CU_ASSERT_EQUAL (r.reason, SM_REASON_FULL);
  g_autofree char *nl = sm_refusal_to_sentence (p, e2, &r, SM_LANGUAGE_DUTCH);
  g_autofree char *en = sm_refusal_to_sentence (p, e2, &r, SM_LANGUAGE_ENGLISH);
  CU_ASSERT_TRUE (g_str_has_prefix (nl, "Niet toegekend: "));
  CU_ASSERT_TRUE (g_str_has_prefix (en, "Not obtained: "));
  /* the deciding criterion is named, and no person */
  CU_ASSERT_PTR_NOT_NULL (strstr (en, "Your priority rank was 2; the last "
                                      "place went to rank 1."));
  CU_ASSERT_PTR_NOT_NULL (strstr (en, "Deciding criterion: "));
  CU_ASSERT_PTR_NULL (strstr (nl, "E1"));
  CU_ASSERT_PTR_NULL (strchr (en, '\n'));
  /* the same words as the letter */
  SmLetterOptions options = SM_LETTER_OPTIONS_INIT;
  options.language = SM_LANGUAGE_ENGLISH;
  g_autofree char *letter = sm_letter_render (p, e2, &options, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (letter, "Not obtained: "));
  /* an employee out of range is a programmer error */
  g_test_expect_message ("staffmatch", G_LOG_LEVEL_CRITICAL, "*employee*");
  CU_ASSERT_PTR_NULL (sm_refusal_to_sentence (p, 99, &r, SM_LANGUAGE_DUTCH));
  g_test_assert_expected_messages ();
}

/* ---- getters out of range ---------------------------------------------------
 */

static void
test_getters_out_of_range (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = tiny_scenario ();
  g_autoptr (SmPlacement) p = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  SmRefusal r, r_before;
  memset (&r, 0x5a, sizeof r);
  r_before = r;
  CU_ASSERT_FALSE (sm_placement_get_refusal (p, 1, 1, &r));
  CU_ASSERT_FALSE (sm_placement_get_refusal (p, 5, 0, &r));
  CU_ASSERT_FALSE (sm_placement_get_refusal (p, -1, 0, &r));
  CU_ASSERT_EQUAL (memcmp (&r, &r_before, sizeof r), 0);

  SmPositionResult pr, pr_before;
  memset (&pr, 0x5a, sizeof pr);
  pr_before = pr;
  CU_ASSERT_FALSE (sm_placement_get_position_result (p, 1, &pr));
  CU_ASSERT_EQUAL (memcmp (&pr, &pr_before, sizeof pr), 0);
  CU_ASSERT_TRUE (sm_placement_get_position_result (p, 0, &pr));
  CU_ASSERT_EQUAL (pr.filled, 1);

  SmUnitResult ur, ur_before;
  memset (&ur, 0x5a, sizeof ur);
  ur_before = ur;
  CU_ASSERT_FALSE (sm_placement_get_unit_result (p, 2, &ur));
  CU_ASSERT_EQUAL (memcmp (&ur, &ur_before, sizeof ur), 0);
  CU_ASSERT_TRUE (sm_placement_get_unit_result (p, 0, &ur));
  CU_ASSERT_EQUAL (ur.placed, 1);

  const SmPriorityRule *rule = sm_scenario_get_rule (s, 1);
  SmCriterion c = (SmCriterion) 77;
  SmDirection d = (SmDirection) 77;
  CU_ASSERT_FALSE (sm_priority_rule_get_criterion (rule, 1, &c, &d));
  CU_ASSERT_EQUAL (c, (SmCriterion) 77);
  CU_ASSERT_EQUAL (d, (SmDirection) 77);
  CU_ASSERT_TRUE (sm_priority_rule_get_criterion (rule, 0, &c, &d));
  CU_ASSERT_EQUAL (c, SM_CRITERION_SERVICE);

  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  SmProblem problem = { "untouched", 7, 7, NULL, SM_ERROR_IO, NULL };
  CU_ASSERT_FALSE (sm_problem_list_get (problems, 0, &problem));
  CU_ASSERT_STRING_EQUAL (problem.file, "untouched");
  CU_ASSERT_EQUAL (problem.code, SM_ERROR_IO);
}

/* ---- references through const pointers ------------------------------------
 */

static void
test_const_ref (void)
{
  GError *error = NULL;
  SmScenario *s = tiny_scenario ();
  SmPlacement *p = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  /* keep what the placement lends, then let go of everything else */
  SmScenario *kept = sm_scenario_ref (sm_placement_get_scenario (p));
  SmMarket *market = sm_market_ref (sm_placement_get_market (p));
  sm_placement_free (p);
  sm_scenario_unref (s);
  CU_ASSERT_EQUAL (sm_scenario_find_employee (kept, "E2"), 1);
  CU_ASSERT_EQUAL (sm_market_get_n_employees (market), 2);
  sm_market_unref (market);
  sm_scenario_unref (kept);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "every enum value has its name", test_enum_names },
    { "enum values spelled as their type", test_enum_spelling },
    { "a rule as JSON", test_rule_json },
    { "options carry their version", test_options_version },
    { "a rule found by id", test_find_rule },
    { "a refusal in one sentence", test_refusal_sentence },
    { "getters out of range leave the output", test_getters_out_of_range },
    { "references through const pointers", test_const_ref },
    { NULL, NULL },
  };
  return sm_test_run_suite ("api", cases);
}
