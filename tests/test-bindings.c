/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: the variants for bindings (bindings.h) and the types
 * registered for them (types.h), from C.
 *
 * Each variant is checked against the C function it stands for, on the
 * generated Ommen-Hardenberg case where there is something to compare:
 * the same values, records that own their strings (they outlive the
 * scenario), options as their _INIT macro sets them, the text a FILE *
 * gets. The registered types: every enum value's name and nick, a boxed
 * copy of each kind (a reference, a deep copy, a hold on the same object)
 * and its free. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "boh-case.h"
#include "test-util.h"

static SmScenario *case_scenario;
static SmPlacement *case_placement;

static void
open_case (void)
{
  g_autoptr (GError) error = NULL;
  if (case_scenario == NULL)
    {
      case_scenario = boh_case_new (BOH_CASE_SEED, &error);
      SM_ASSERT_NO_ERROR (error);
      case_placement = sm_scenario_place (case_scenario, &error);
      SM_ASSERT_NO_ERROR (error);
    }
}

static void
test_dates (void)
{
  const SmDate leap = { 2020, 2, 29 }, later = { 2021, 3, 1 };
  g_autofree SmDate *d = sm_date_new (2020, 2, 29);
  CU_ASSERT_EQUAL (sm_date_compare (*d, leap), 0);
  CU_ASSERT_TRUE (sm_date_is_valid_ptr (d));
  CU_ASSERT_FALSE (sm_date_is_valid_ptr (&(SmDate){ 2019, 2, 29 }));
  CU_ASSERT_TRUE (sm_date_is_set_ptr (d));
  CU_ASSERT_FALSE (sm_date_is_set_ptr (&(SmDate){ 0, 0, 0 }));
  g_autofree char *iso = sm_date_to_iso_ptr (d);
  CU_ASSERT_STRING_EQUAL (iso, "2020-02-29");
  CU_ASSERT_EQUAL (sm_date_compare_ptr (d, &later),
                   sm_date_compare (leap, later));
  CU_ASSERT_EQUAL (sm_date_full_years_ptr (d, &later), 1);
  CU_ASSERT_EQUAL (sm_date_days_between_ptr (d, &later), 366);

  g_autoptr (SmScenario) s = sm_scenario_new ();
  sm_scenario_set_reference_date_ptr (s, &later);
  CU_ASSERT_EQUAL (sm_date_compare (sm_scenario_get_reference_date (s), later),
                   0);
  g_autofree SmDate *back = sm_scenario_dup_reference_date (s);
  CU_ASSERT_EQUAL (sm_date_compare_ptr (back, &later), 0);
  open_case ();
  g_autofree SmDate *placed = sm_placement_dup_reference_date (case_placement);
  CU_ASSERT_EQUAL (sm_date_compare (*placed, sm_placement_get_reference_date (
                                                 case_placement)),
                   0);
}

static void
test_options (void)
{
  const SmPlaceOptions place_init = SM_PLACE_OPTIONS_INIT;
  g_autofree SmPlaceOptions *place = sm_place_options_new ();
  CU_ASSERT_EQUAL (memcmp (place, &place_init, sizeof place_init), 0);

  const SmLetterOptions init = SM_LETTER_OPTIONS_INIT;
  SmLetterOptions *options = sm_letter_options_new ();
  CU_ASSERT_EQUAL (options->version, init.version);
  CU_ASSERT_EQUAL (options->language, init.language);
  CU_ASSERT_EQUAL (options->regime, init.regime);
  CU_ASSERT_EQUAL (sm_date_compare (options->effective_date,
                                    init.effective_date),
                   0);
  CU_ASSERT_PTR_NULL (options->template_text);
  CU_ASSERT_PTR_NULL (options->sender);
  CU_ASSERT_PTR_NULL (options->settings);

  const SmLetterSettings settings_init = SM_LETTER_SETTINGS_INIT;
  SmLetterSettings *settings = sm_letter_settings_new ();
  CU_ASSERT_EQUAL (settings->version, settings_init.version);
  CU_ASSERT_EQUAL (settings->regime, settings_init.regime);
  CU_ASSERT_TRUE (sm_letter_settings_is_default (settings));
  char body[] = "the board";
  sm_letter_settings_set_texts (settings, "Employer", body, NULL, NULL, NULL);
  body[0] = 'T'; /* the settings hold a copy */
  sm_letter_settings_set_dates (settings, &(SmDate){ 2021, 4, 1 }, NULL);
  CU_ASSERT_STRING_EQUAL (settings->deciding_body, "the board");
  CU_ASSERT_EQUAL (settings->effective_date.year, 2021);
  CU_ASSERT_FALSE (sm_date_is_set (settings->letter_date));
  /* Setting the texts again from the settings' own strings is safe. */
  sm_letter_settings_set_texts (settings, settings->employer,
                                settings->deciding_body, NULL, NULL, NULL);
  CU_ASSERT_STRING_EQUAL (settings->employer, "Employer");

  sm_letter_options_set_settings (options, settings);
  sm_letter_settings_free (settings); /* the options hold a copy */
  sm_letter_options_set_template_text (options, "{{sender}}");
  SmLetterOptions *copy = sm_letter_options_copy (options);
  sm_letter_options_free (options);
  CU_ASSERT_STRING_EQUAL (copy->settings->deciding_body, "the board");
  CU_ASSERT_STRING_EQUAL (copy->template_text, "{{sender}}");
  sm_letter_options_set_settings (copy, NULL);
  CU_ASSERT_PTR_NULL (copy->settings);
  sm_letter_settings_free (NULL);
  sm_letter_options_set_template_text (copy, NULL);
  CU_ASSERT_PTR_NULL (copy->template_text);
  sm_letter_options_free (copy);
  sm_letter_options_free (NULL);
}

/* sm_letter_render_all() gives what sm_letter_render() gives for each
 * employee, and sm_letter_render()'s error. */
static void
test_letters_all (void)
{
  g_autoptr (GError) error = NULL;
  open_case ();
  SmLetterOptions options = SM_LETTER_OPTIONS_INIT;
  options.language = SM_LANGUAGE_ENGLISH;
  g_auto (GStrv)
      letters = sm_letter_render_all (case_placement, &options, &error);
  SM_ASSERT_NO_ERROR (error);
  int32_t n = sm_scenario_get_n_employees (case_scenario);
  CU_ASSERT_EQUAL_FATAL (g_strv_length (letters), (guint) n);
  for (int32_t i = 0; i < n; i += 37)
    {
      g_autofree char *one = sm_letter_render (case_placement, i, &options,
                                               &error);
      SM_ASSERT_NO_ERROR (error);
      CU_ASSERT_STRING_EQUAL (letters[i], one);
    }
  options.template_text = "{{nonsense}}";
  CU_ASSERT_PTR_NULL (sm_letter_render_all (case_placement, &options, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_PARSE);
}

/* The dup getters equal the getters, and outlive the scenario. */
static void
test_scenario_records (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SmScenario) s = boh_case_new (BOH_CASE_SEED, &error);
  SM_ASSERT_NO_ERROR (error);
  int32_t last = sm_scenario_get_n_employees (s) - 1;
  SmEmployeeSpec e;
  CU_ASSERT_TRUE (sm_scenario_get_employee (s, last, &e));
  SmEmployeeSpec *mine = sm_scenario_dup_employee (s, last);
  SmOrganisationSpec *org = sm_scenario_dup_organisation (s, 0);
  SmUnitSpec *unit = sm_scenario_dup_unit (s, 0);
  SmPositionSpec *pos = sm_scenario_dup_position (s, 0);
  SmApplicationSpec *app = sm_scenario_dup_application (s, 0);
  g_autofree char *id = g_strdup (e.id);
  g_autofree char *name = g_strdup (e.name);
  SmDate start = e.service_start;
  SmOrganisationSpec first_org;
  CU_ASSERT_TRUE (sm_scenario_get_organisation (s, 0, &first_org));
  g_autofree char *org_id = g_strdup (first_org.id);
  CU_ASSERT_PTR_NULL (sm_scenario_dup_employee (s, last + 1));
  CU_ASSERT_PTR_NULL (sm_scenario_dup_organisation (s, -1));
  CU_ASSERT_PTR_NULL (sm_scenario_dup_unit (s, 1 << 30));
  CU_ASSERT_PTR_NULL (sm_scenario_dup_position (s, -1));
  CU_ASSERT_PTR_NULL (sm_scenario_dup_application (s, -1));
  g_clear_pointer (&s, sm_scenario_unref);
  CU_ASSERT_STRING_EQUAL (mine->id, id);
  CU_ASSERT_STRING_EQUAL (mine->name, name);
  CU_ASSERT_EQUAL (sm_date_compare (mine->service_start, start), 0);
  CU_ASSERT_STRING_EQUAL (org->id, org_id);
  CU_ASSERT_PTR_NOT_NULL (unit->organisation_id);
  CU_ASSERT_PTR_NOT_NULL (pos->unit_id);
  CU_ASSERT_TRUE (app->preference >= 1);
  sm_employee_spec_free (mine);
  sm_organisation_spec_free (org);
  sm_unit_spec_free (unit);
  sm_position_spec_free (pos);
  sm_application_spec_free (app);
}

/* Records made from values go into a scenario as a C struct would. */
static void
test_spec_constructors (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SmScenario) s = sm_scenario_new ();
  const char *quals[] = { "law", NULL };
  SmOrganisationSpec *o1 =
      sm_organisation_spec_new ("NEW", "New", SM_ORGANISATION_KIND_RECEIVING,
                                -1, 3);
  SmOrganisationSpec *o2 =
      sm_organisation_spec_new ("OLD", "Old", SM_ORGANISATION_KIND_DEFAULT, -1,
                                -1);
  SmUnitSpec *u1 = sm_unit_spec_new ("T", "Team", "NEW", NULL, 0);
  SmUnitSpec *u2 = sm_unit_spec_new ("A", "Archive", "OLD", "NEW", 2024);
  SmPositionSpec *p = sm_position_spec_new ("P", "Advisor", "T", "ADV", 9, 0.8,
                                            2, 1, quals, NULL);
  SmEmployeeSpec *e = sm_employee_spec_new ("E", "Name", "ADV", "A", 9, 1.0,
                                            &(SmDate){ 2001, 2, 3 }, NULL,
                                            quals);
  SmApplicationSpec *a = sm_application_spec_new ("E", "P", 1, NAN, 12.5);
  CU_ASSERT_TRUE (sm_scenario_add_organisation (s, o1, &error)
                  && sm_scenario_add_organisation (s, o2, &error)
                  && sm_scenario_add_unit (s, u1, &error)
                  && sm_scenario_add_unit (s, u2, &error)
                  && sm_scenario_add_position (s, p, &error)
                  && sm_scenario_add_employee (s, e, &error)
                  && sm_scenario_add_application (s, a, &error));
  SM_ASSERT_NO_ERROR (error);
  SmPositionSpec got;
  CU_ASSERT_TRUE (sm_scenario_get_position (s, 0, &got));
  CU_ASSERT_EQUAL (got.seats, 2);
  CU_ASSERT_EQUAL (got.target_seats, 1);
  CU_ASSERT_DOUBLE_EQUAL (got.fte, 0.8, 1e-12);
  CU_ASSERT_STRING_EQUAL (got.qualifications[0], "law");
  SmEmployeeSpec got_e;
  CU_ASSERT_TRUE (sm_scenario_get_employee (s, 0, &got_e));
  CU_ASSERT_EQUAL (got_e.service_start.day, 3);
  CU_ASSERT_FALSE (sm_date_is_set (got_e.birth_date));
  SmApplicationSpec got_a;
  CU_ASSERT_TRUE (sm_scenario_get_application (s, 0, &got_a));
  CU_ASSERT_TRUE (isnan (got_a.committee_score));
  CU_ASSERT_DOUBLE_EQUAL (got_a.travel_km, 12.5, 1e-12);
  SmPositionSpec *copy = sm_position_spec_copy (p);
  sm_position_spec_free (p);
  CU_ASSERT_STRING_EQUAL (copy->qualifications[0], "law");
  CU_ASSERT_PTR_NULL (copy->rule_id);
  SmEmployeeSpec *e2 = sm_employee_spec_copy (e);
  SmUnitSpec *u3 = sm_unit_spec_copy (u2);
  SmOrganisationSpec *o3 = sm_organisation_spec_copy (o1);
  SmApplicationSpec *a2 = sm_application_spec_copy (a);
  CU_ASSERT_STRING_EQUAL (u3->contract_client_id, "NEW");
  CU_ASSERT_EQUAL (o3->max_headcount, 3);
  sm_position_spec_free (copy);
  sm_employee_spec_free (e);
  sm_employee_spec_free (e2);
  sm_unit_spec_free (u1);
  sm_unit_spec_free (u2);
  sm_unit_spec_free (u3);
  sm_organisation_spec_free (o1);
  sm_organisation_spec_free (o2);
  sm_organisation_spec_free (o3);
  sm_application_spec_free (a);
  sm_application_spec_free (a2);
  sm_position_spec_free (NULL);
}

static void
test_problem_and_issue_records (void)
{
  g_autoptr (GError) error = NULL;
  SmProblemList *problems = sm_problem_list_new ();
  CU_ASSERT_PTR_NULL (sm_scenario_load_json_data ("{\"format\": 1}", -1,
                                                  "bad.json", problems,
                                                  &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  SmProblem borrowed;
  CU_ASSERT_TRUE_FATAL (sm_problem_list_get (problems, 0, &borrowed));
  SmProblem *problem = sm_problem_list_dup (problems, 0);
  CU_ASSERT_PTR_NULL (sm_problem_list_dup (problems, 1 << 20));
  CU_ASSERT_EQUAL (problem->code, borrowed.code);
  CU_ASSERT_EQUAL ((int) problem->code, error->code);
  g_autofree char *message = g_strdup (borrowed.message);
  sm_problem_list_free (problems);
  CU_ASSERT_STRING_EQUAL (problem->file, "bad.json");
  CU_ASSERT_STRING_EQUAL (problem->message, message);
  SmProblem *copy = sm_problem_copy (problem);
  sm_problem_free (problem);
  CU_ASSERT_STRING_EQUAL (copy->message, message);
  sm_problem_free (copy);

  g_autoptr (SmScenario) s = sm_scenario_new ();
  SmIssueList *issues = sm_issue_list_new ();
  CU_ASSERT_FALSE (sm_scenario_validate (s, NULL, issues, NULL));
  SmIssue *issue = sm_issue_list_dup (issues, 0);
  CU_ASSERT_PTR_NULL (sm_issue_list_dup (issues, -1));
  sm_issue_list_free (issues);
  CU_ASSERT_PTR_NOT_NULL_FATAL (issue);
  CU_ASSERT_EQUAL (issue->severity, SM_SEVERITY_ERROR);
  CU_ASSERT_EQUAL (issue->code, SM_ERROR_INFEASIBLE);
  CU_ASSERT_PTR_NOT_NULL (issue->message);
  SmIssue *issue_copy = sm_issue_copy (issue);
  sm_issue_free (issue);
  CU_ASSERT_EQUAL (issue_copy->code, SM_ERROR_INFEASIBLE);
  sm_issue_free (issue_copy);
}

/* What a FILE * gets, as text. */
static void
test_text (void)
{
  g_autoptr (GError) error = NULL;
  open_case ();
  const SmMarket *market = sm_placement_get_market (case_placement);
  const SmMatching *matching = sm_placement_get_matching (case_placement);
  g_autofree char *dir = sm_test_make_temp_dir ();
  g_autofree char *market_path = g_build_filename (dir, "market.txt", NULL);
  g_autofree char *matching_path = g_build_filename (dir, "m.txt", NULL);
  CU_ASSERT_TRUE (sm_instance_write_file (market, market_path, &error));
  CU_ASSERT_TRUE (sm_solution_write_file (matching, matching_path, &error));
  SM_ASSERT_NO_ERROR (error);
  g_autofree char *market_file = NULL, *matching_file = NULL;
  CU_ASSERT_TRUE (g_file_get_contents (market_path, &market_file, NULL, NULL));
  CU_ASSERT_TRUE (
      g_file_get_contents (matching_path, &matching_file, NULL, NULL));
  g_autofree char *market_text = sm_instance_to_text (market, &error);
  g_autofree char *matching_text = sm_solution_to_text (matching, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_STRING_EQUAL (market_text, market_file);
  CU_ASSERT_STRING_EQUAL (matching_text, matching_file);
  g_unlink (market_path);
  g_unlink (matching_path);
  g_rmdir (dir);

  int32_t n = -1;
  const int32_t *assignment = sm_matching_get_assignment_with_length (matching,
                                                                      &n);
  CU_ASSERT_EQUAL (n, sm_matching_get_n_employees (matching));
  CU_ASSERT_PTR_EQUAL (assignment, sm_matching_get_assignment (matching));
}

/* Every value of every registered enum: its C name and nick. */
static void
test_enum_types (void)
{
  g_autoptr (GEnumClass) side = g_type_class_ref (SM_TYPE_SIDE);
  CU_ASSERT_EQUAL (side->n_values, 2);
  GEnumValue *v = g_enum_get_value (side, SM_SIDE_POSITIONS);
  CU_ASSERT_STRING_EQUAL (v->value_name, "SM_SIDE_POSITIONS");
  CU_ASSERT_STRING_EQUAL (v->value_nick, "positions");
  g_autoptr (GEnumClass) errors = g_type_class_ref (SM_TYPE_ERROR);
  CU_ASSERT_EQUAL (errors->minimum, SM_ERROR_INVALID_SIZE);
  CU_ASSERT_EQUAL (errors->maximum, SM_ERROR_IN_USE);
  CU_ASSERT_STRING_EQUAL (g_enum_get_value (errors, SM_ERROR_IN_USE)
                              ->value_nick,
                          "in-use");
  g_autoptr (GEnumClass) ties = g_type_class_ref (SM_TYPE_TIE_BREAKING);
  CU_ASSERT_EQUAL (g_enum_get_value_by_nick (ties, "per-position")->value,
                   SM_TIE_BREAKING_PER_POSITION);
  const GType all[] = {
    SM_TYPE_VIOLATION_KIND, SM_TYPE_REASON,    SM_TYPE_FILTER,
    SM_TYPE_CSV_DELIMITER,  SM_TYPE_LANGUAGE,  SM_TYPE_REGIME,
    SM_TYPE_STATUS,         SM_TYPE_FIT,       SM_TYPE_CRITERION,
    SM_TYPE_DIRECTION,      SM_TYPE_REDUCTION, SM_TYPE_ORGANISATION_KIND,
    SM_TYPE_SEVERITY,
  };
  /* The last value of each enum, named by its to_string(), is counted. */
  const guint n_values[] = { 3, 6, 4, 2, 2, 2, 4, 5, 6, 2, 2, 2, 2 };
  for (size_t k = 0; k < G_N_ELEMENTS (all); k++)
    {
      g_autoptr (GEnumClass) klass = g_type_class_ref (all[k]);
      CU_ASSERT_EQUAL (klass->n_values, n_values[k]);
      CU_ASSERT_TRUE (g_str_has_prefix (klass->values[0].value_name, "SM_"));
    }
}

/* g_boxed_copy() of each kind, and g_boxed_free() of both copies. */
static void
test_boxed_copies (void)
{
  g_autoptr (GError) error = NULL;
  SmScenario *s = sm_scenario_new ();
  SmScenario *s2 = g_boxed_copy (SM_TYPE_SCENARIO, s);
  CU_ASSERT_PTR_EQUAL (s, s2); /* a reference */
  g_boxed_free (SM_TYPE_SCENARIO, s);
  CU_ASSERT_EQUAL (sm_scenario_get_n_employees (s2), 0);
  g_boxed_free (SM_TYPE_SCENARIO, s2);

  open_case ();
  SmPlacement *p = sm_scenario_place (case_scenario, &error);
  SM_ASSERT_NO_ERROR (error);
  SmPlacement *held = g_boxed_copy (SM_TYPE_PLACEMENT, p);
  SmPlacement *held2 = g_boxed_copy (SM_TYPE_PLACEMENT, p);
  CU_ASSERT_PTR_EQUAL (held, p); /* one more hold on the same object */
  g_boxed_free (SM_TYPE_PLACEMENT, p);
  g_boxed_free (SM_TYPE_PLACEMENT, held2);
  CU_ASSERT_EQUAL (sm_placement_get_seed (held), BOH_CASE_SEED);
  g_boxed_free (SM_TYPE_PLACEMENT, held); /* the last: frees it */

  SmMatching *m = g_boxed_copy (SM_TYPE_MATCHING,
                                sm_placement_get_matching (case_placement));
  CU_ASSERT_TRUE (
      sm_matching_equal (m, sm_placement_get_matching (case_placement)));
  g_boxed_free (SM_TYPE_MATCHING, m);

  SmEmployeeOutcome o;
  CU_ASSERT_TRUE (sm_placement_get_outcome (case_placement, 3, &o));
  SmEmployeeOutcome *o2 = g_boxed_copy (SM_TYPE_EMPLOYEE_OUTCOME, &o);
  CU_ASSERT_EQUAL (memcmp (o2, &o, sizeof o), 0);
  g_boxed_free (SM_TYPE_EMPLOYEE_OUTCOME, o2);

  SmUnitSpec borrowed = { "U", "Unit", "ORG", NULL, 0 };
  SmUnitSpec *owned = g_boxed_copy (SM_TYPE_UNIT_SPEC, &borrowed);
  CU_ASSERT_PTR_NOT_EQUAL (owned->id, borrowed.id);
  CU_ASSERT_STRING_EQUAL (owned->name, "Unit");
  g_boxed_free (SM_TYPE_UNIT_SPEC, owned);

  /* Every boxed type is registered under its C name. */
  const GType all[] = {
    SM_TYPE_MARKET,        SM_TYPE_MARKET_BUILDER, SM_TYPE_PRIORITY_RULE,
    SM_TYPE_CHECK_REPORT,  SM_TYPE_ISSUE_LIST,     SM_TYPE_PROBLEM_LIST,
    SM_TYPE_DATE,          SM_TYPE_EDGE,           SM_TYPE_VIOLATION,
    SM_TYPE_BLOCKING_PAIR, SM_TYPE_REFUSAL,        SM_TYPE_POSITION_RESULT,
    SM_TYPE_UNIT_RESULT,   SM_TYPE_PLACE_OPTIONS,  SM_TYPE_PROBLEM,
    SM_TYPE_ISSUE,         SM_TYPE_LETTER_OPTIONS, SM_TYPE_ORGANISATION_SPEC,
    SM_TYPE_POSITION_SPEC, SM_TYPE_EMPLOYEE_SPEC,  SM_TYPE_APPLICATION_SPEC,
  };
  for (size_t k = 0; k < G_N_ELEMENTS (all); k++)
    {
      CU_ASSERT_TRUE (G_TYPE_IS_BOXED (all[k]));
      CU_ASSERT_TRUE (g_str_has_prefix (g_type_name (all[k]), "Sm"));
    }
}

static void
close_case (void)
{
  g_clear_pointer (&case_placement, sm_placement_free);
  g_clear_pointer (&case_scenario, sm_scenario_unref);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "dates by pointer", test_dates },
    { "options as their _INIT sets them", test_options },
    { "every letter at once", test_letters_all },
    { "scenario items as records of their own", test_scenario_records },
    { "scenario items made from values", test_spec_constructors },
    { "problems and issues as records of their own",
      test_problem_and_issue_records },
    { "instance and solution as text", test_text },
    { "enums registered", test_enum_types },
    { "boxed copies and frees", test_boxed_copies },
    { "(closing the case)", close_case },
    { NULL, NULL },
  };
  return sm_test_run_suite ("bindings", cases);
}
