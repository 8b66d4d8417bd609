/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: scenarios and placements as JSON documents.
 *
 * A hand-made scenario that sets every member survives save, load, save
 * with identical bytes and checksums; 64-bit seeds and awkward doubles
 * survive exactly; every broken document of data/json/bad/ fails with its
 * exact first error code (the table below; a file without an entry fails
 * the suite); a document with several problems reports them all, at the
 * right line and column; a placement is written with its version, seed
 * and scenario checksum and read back with json-glib; and no problem ever
 * shows the test person's name or birth date. */
#include "test-util.h"
#include "fuzz/json-count.h"

#include <math.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

/* The test person: neither may appear in any message. */
#define PERSON_FIRST "Wilhelmina"
#define PERSON_LAST "Jansen"
#define PERSON_NAME PERSON_FIRST " " PERSON_LAST "-Bakker"
#define PERSON_BIRTH_YEAR "1961"

#define BAD_DIR "data/json/bad"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* ---- building scenarios ---------------------------------------------- */

static void
add_org (SmScenario *s, const char *id, const char *name,
         SmOrganisationKind kind, int32_t min, int32_t max)
{
  GError *error = NULL;
  SmOrganisationSpec o = SM_ORGANISATION_SPEC_INIT;
  o.id = id;
  o.name = name;
  o.kind = kind;
  o.min_headcount = min;
  o.max_headcount = max;
  CU_ASSERT_TRUE (sm_scenario_add_organisation (s, &o, &error));
  SM_ASSERT_NO_ERROR (error);
}

static void
add_unit (SmScenario *s, const char *id, const char *org, const char *client,
          int32_t end_year)
{
  GError *error = NULL;
  SmUnitSpec u = SM_UNIT_SPEC_INIT;
  u.id = id;
  u.name = id;
  u.organisation_id = org;
  u.contract_client_id = client;
  u.contract_end_year = end_year;
  CU_ASSERT_TRUE (sm_scenario_add_unit (s, &u, &error));
  SM_ASSERT_NO_ERROR (error);
}

static void
add_position (SmScenario *s, const char *id, const char *unit, const char *code,
              int32_t grade, double fte, int32_t seats, int32_t target,
              const char *const *quals, const char *rule)
{
  GError *error = NULL;
  SmPositionSpec p = SM_POSITION_SPEC_INIT;
  p.id = id;
  p.title = "Adviseur \"beleid\"\tregie";
  p.unit_id = unit;
  p.function_code = code;
  p.grade = grade;
  p.fte = fte;
  p.seats = seats;
  p.target_seats = target;
  p.qualifications = quals;
  p.rule_id = rule;
  CU_ASSERT_TRUE (sm_scenario_add_position (s, &p, &error));
  SM_ASSERT_NO_ERROR (error);
}

static void
add_employee (SmScenario *s, const char *id, const char *name, const char *code,
              const char *unit, double fte, SmDate service, SmDate birth,
              const char *const *quals)
{
  GError *error = NULL;
  SmEmployeeSpec e = SM_EMPLOYEE_SPEC_INIT;
  e.id = id;
  e.name = name;
  e.function_code = code;
  e.unit_id = unit;
  e.grade = 10;
  e.fte = fte;
  e.service_start = service;
  e.birth_date = birth;
  e.qualifications = quals;
  CU_ASSERT_TRUE (sm_scenario_add_employee (s, &e, &error));
  SM_ASSERT_NO_ERROR (error);
}

static void
add_application (SmScenario *s, const char *employee, const char *position,
                 int32_t preference, double score, double travel)
{
  GError *error = NULL;
  SmApplicationSpec a = SM_APPLICATION_SPEC_INIT;
  a.employee_id = employee;
  a.position_id = position;
  a.preference = preference;
  a.committee_score = score;
  a.travel_km = travel;
  CU_ASSERT_TRUE (sm_scenario_add_application (s, &a, &error));
  SM_ASSERT_NO_ERROR (error);
}

static void
add_rules (SmScenario *s)
{
  GError *error = NULL;
  g_autoptr (SmPriorityRule) r1 = sm_priority_rule_new ("R1");
  CU_ASSERT_TRUE (sm_priority_rule_add_criterion (r1, SM_CRITERION_FIT,
                                                  SM_DIRECTION_HIGHER_FIRST,
                                                  &error));
  CU_ASSERT_TRUE (
      sm_priority_rule_add_criterion (r1, SM_CRITERION_COMMITTEE_SCORE,
                                      SM_DIRECTION_HIGHER_FIRST, &error));
  CU_ASSERT_TRUE (sm_priority_rule_add_criterion (r1, SM_CRITERION_AGE,
                                                  SM_DIRECTION_LOWER_FIRST,
                                                  &error));
  CU_ASSERT_TRUE (sm_priority_rule_add_criterion (r1, SM_CRITERION_TRAVEL,
                                                  SM_DIRECTION_LOWER_FIRST,
                                                  &error));
  sm_priority_rule_set_max_grade_distance (r1, 2);
  sm_priority_rule_set_min_fit (r1, SM_FIT_SUITABLE);
  sm_priority_rule_set_require_qualifications (r1, TRUE);
  CU_ASSERT_TRUE (sm_priority_rule_set_granularity (r1, SM_CRITERION_AGE,
                                                    SM_GRANULARITY_YEARS,
                                                    &error));
  CU_ASSERT_TRUE (sm_priority_rule_set_granularity (r1, SM_CRITERION_SERVICE,
                                                    SM_GRANULARITY_MONTHS,
                                                    &error));
  g_autoptr (SmPriorityRule) r2 = sm_priority_rule_new ("R2");
  CU_ASSERT_TRUE (sm_scenario_add_rule (s, r1, &error));
  CU_ASSERT_TRUE (sm_scenario_add_rule (s, r2, &error));
  CU_ASSERT_TRUE (sm_scenario_set_default_rule (s, "R2", &error));
  SM_ASSERT_NO_ERROR (error);
}

/* Every member of the format set, most to a value that is not the
 * default. */
static SmScenario *
full_scenario_new (void)
{
  static const char *const mba[] = { "MBA", NULL };
  static const char *const quals[] = { "MBA", "VCA", NULL };
  GError *error = NULL;
  SmScenario *s = sm_scenario_new ();
  sm_scenario_set_seed (s, G_MAXUINT64 - 1);
  sm_scenario_set_tie_breaking (s, SM_TIE_BREAKING_PER_POSITION);
  sm_scenario_set_reference_date (s, (SmDate){ 2018, 10, 1 });
  sm_scenario_set_reduction (s, SM_REDUCTION_REFLECTION, 5);
  add_org (s, "HB", "Hardenberg", SM_ORGANISATION_KIND_DEFAULT, 10, -1);
  add_org (s, "OM", "Ommen \"regie\"\ngemeente \\ é",
           SM_ORGANISATION_KIND_RECEIVING, 2, 5);
  add_unit (s, "HB-SOC", "HB", "OM", 2024);
  add_unit (s, "HB-PUB", "HB", NULL, 0);
  add_unit (s, "OM-REG", "OM", NULL, 0);
  add_rules (s);
  add_position (s, "OM-DIR", "OM-REG", "DIR", 12, 1.0, 1, -1, mba, "R1");
  add_position (s, "OM-ADV", "OM-REG", "ADV", 10, 0.8, 2, 1, NULL, NULL);
  add_position (s, "HB-ADV", "HB-SOC", "ADV", 10, 1.0 / 3.0, 3, -1, NULL, "R2");
  add_employee (s, "E1", PERSON_NAME, "ADV", "HB-SOC", 0.9,
                (SmDate){ 1990, 3, 1 }, (SmDate){ 1961, 4, 23 }, quals);
  add_employee (s, "E2", "Émile Dupont", "DIR", "HB-PUB", 2.0 / 3.0,
                (SmDate){ 0, 0, 0 }, (SmDate){ 0, 0, 0 }, NULL);
  add_employee (s, "E3", "", "ADV", "HB-PUB", 1.0, (SmDate){ 2001, 2, 28 },
                (SmDate){ 0, 0, 0 }, NULL);
  add_application (s, "E1", "OM-ADV", 1, 7.5, 12.3);
  add_application (s, "E1", "OM-DIR", 2, NAN, -1.0);
  add_application (s, "E2", "OM-DIR", 1, 0.1 + 0.2, 0.1);
  add_application (s, "E3", "OM-ADV", 3, 1e-300, 123456789.123);
  CU_ASSERT_TRUE (sm_scenario_add_function_relation (s, "ADV", "DIR",
                                                     SM_FIT_SUITABLE, &error));
  CU_ASSERT_TRUE (sm_scenario_add_function_relation (s, "DIR", "ADV",
                                                     SM_FIT_REASONABLE,
                                                     &error));
  CU_ASSERT_TRUE (
      sm_scenario_add_manual_placement (s, "E3", "OM-ADV",
                                        "hardheidsclausule: mantelzorg",
                                        &error));
  SM_ASSERT_NO_ERROR (error);
  return s;
}

static char *
read_text (const char *path, gsize *length)
{
  char *text = NULL;
  GError *error = NULL;
  CU_ASSERT_TRUE (g_file_get_contents (path, &text, length, &error));
  SM_ASSERT_NO_ERROR (error);
  return text;
}

/* Saves @s to @name in the temporary folder and returns the bytes. */
static char *
save_and_read (const SmScenario *s, const char *name, gsize *length)
{
  GError *error = NULL;
  g_autofree char *path = tmp_path (name);
  CU_ASSERT_TRUE (sm_scenario_save_json (s, path, &error));
  SM_ASSERT_NO_ERROR (error);
  return read_text (path, length);
}

static SmScenario *
load_saved (const char *name)
{
  GError *error = NULL;
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  g_autofree char *path = tmp_path (name);
  SmScenario *s = sm_scenario_load_json (path, problems, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (sm_problem_list_get_n (problems), 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  return s;
}

/* ---- round trip ------------------------------------------------------ */

static void
check_loaded_values (const SmScenario *s)
{
  SmEmployeeSpec e;
  SmApplicationSpec a;
  SmPositionSpec p;
  SmReduction reduction;
  int32_t years;
  CU_ASSERT_EQUAL (sm_scenario_get_seed (s), G_MAXUINT64 - 1);
  CU_ASSERT_EQUAL (sm_scenario_get_tie_breaking (s),
                   SM_TIE_BREAKING_PER_POSITION);
  CU_ASSERT_EQUAL (sm_scenario_get_reference_date (s).month, 10);
  sm_scenario_get_reduction (s, &reduction, &years);
  CU_ASSERT_EQUAL (reduction, SM_REDUCTION_REFLECTION);
  CU_ASSERT_EQUAL (years, 5);
  CU_ASSERT_STRING_EQUAL (sm_priority_rule_get_id (
                              sm_scenario_get_default_rule (s)),
                          "R2");
  CU_ASSERT_EQUAL (sm_priority_rule_get_min_fit (sm_scenario_get_rule (s, 0)),
                   SM_FIT_SUITABLE);
  CU_ASSERT_EQUAL (sm_priority_rule_get_granularity (sm_scenario_get_rule (s,
                                                                           0),
                                                     SM_CRITERION_AGE),
                   SM_GRANULARITY_YEARS);
  CU_ASSERT_EQUAL (sm_priority_rule_get_granularity (sm_scenario_get_rule (s,
                                                                           0),
                                                     SM_CRITERION_SERVICE),
                   SM_GRANULARITY_MONTHS);
  CU_ASSERT_EQUAL (sm_priority_rule_get_granularity (sm_scenario_get_rule (s,
                                                                           1),
                                                     SM_CRITERION_AGE),
                   SM_GRANULARITY_DAYS);
  sm_scenario_get_employee (s, 0, &e);
  CU_ASSERT_STRING_EQUAL (e.name, PERSON_NAME);
  CU_ASSERT_EQUAL (e.fte, 0.9);
  CU_ASSERT_EQUAL (e.birth_date.day, 23);
  CU_ASSERT_STRING_EQUAL (e.qualifications[1], "VCA");
  sm_scenario_get_employee (s, 1, &e);
  CU_ASSERT_EQUAL (e.fte, 2.0 / 3.0);
  CU_ASSERT_FALSE (sm_date_is_set (e.birth_date));
  sm_scenario_get_position (s, 2, &p);
  CU_ASSERT_EQUAL (p.fte, 1.0 / 3.0);
  sm_scenario_get_application (s, 1, &a);
  CU_ASSERT_TRUE (isnan (a.committee_score));
  CU_ASSERT_TRUE (a.travel_km < 0.0);
  sm_scenario_get_application (s, 2, &a);
  CU_ASSERT_EQUAL (a.committee_score, 0.1 + 0.2);
  sm_scenario_get_application (s, 3, &a);
  CU_ASSERT_EQUAL (a.committee_score, 1e-300);
  CU_ASSERT_EQUAL (a.travel_km, 123456789.123);
  CU_ASSERT_EQUAL (sm_scenario_get_n_manual_placements (s), 1);
  CU_ASSERT_EQUAL (sm_scenario_get_n_function_relations (s), 2);
}

static void
test_round_trip (void)
{
  g_autoptr (SmScenario) s = full_scenario_new ();
  gsize n1, n2;
  g_autofree char *first = save_and_read (s, "first.json", &n1);
  g_autoptr (SmScenario) loaded = load_saved ("first.json");
  g_autofree char *second = save_and_read (loaded, "second.json", &n2);
  CU_ASSERT_EQUAL_FATAL (n1, n2);
  CU_ASSERT_EQUAL (memcmp (first, second, n1), 0);
  check_loaded_values (loaded);

  g_autofree char *sum1 = sm_scenario_checksum (s);
  g_autofree char *sum2 = sm_scenario_checksum (loaded);
  g_autofree char *of_file =
      g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) first,
                                   n1);
  CU_ASSERT_STRING_EQUAL (sum1, sum2);
  CU_ASSERT_STRING_EQUAL (sum1, of_file);
  CU_ASSERT_EQUAL (strlen (sum1), 64);
  /* Every member is written, in the documented order. */
  const char *order[] = { "\"format\"",
                          "\"settings\"",
                          "\"default_rule\": \"R2\"",
                          "\"organisations\"",
                          "\"units\"",
                          "\"rules\"",
                          "\"positions\"",
                          "\"employees\"",
                          "\"applications\"",
                          "\"function_relations\"",
                          "\"manual_placements\"" };
  const char *at = first;
  for (size_t k = 0; k < G_N_ELEMENTS (order); k++)
    {
      const char *found = strstr (at, order[k]);
      CU_ASSERT_PTR_NOT_NULL_FATAL (found);
      at = found;
    }
  CU_ASSERT_PTR_NOT_NULL (strstr (first, "\"fte\": 0.9,"));
  CU_ASSERT_PTR_NOT_NULL (strstr (first, "\"fte\": 1.0,"));
  CU_ASSERT_PTR_NOT_NULL (strstr (first, "\"committee_score\": null,"));
  CU_ASSERT_PTR_NOT_NULL (strstr (first, "\"require_qualifications\":true,"
                                         "\"granularity\":{\"service\":"
                                         "\"months\",\"age\":\"years\"}}"));
  /* A rule that counts in days is written as before there were
   * granularities. */
  CU_ASSERT_PTR_NOT_NULL (strstr (first, "\"require_qualifications\":false}"));
  CU_ASSERT_PTR_NOT_NULL (strstr (first, "\n  \"version\": 1,\n"));
}

/* A different scenario has a different checksum. */
static void
test_checksum_changes (void)
{
  g_autoptr (SmScenario) a = full_scenario_new ();
  g_autoptr (SmScenario) b = full_scenario_new ();
  sm_scenario_set_seed (b, 7);
  g_autofree char *sum_a = sm_scenario_checksum (a);
  g_autofree char *sum_b = sm_scenario_checksum (b);
  CU_ASSERT_STRING_NOT_EQUAL (sum_a, sum_b);
}

/* ---- seeds ------------------------------------------------------------ */

static void
test_seed_extremes (void)
{
  static const guint64 seeds[] = {
    0,
    (G_GUINT64_CONSTANT (1) << 53) + 1,
    G_MAXUINT64 - 1,
    G_MAXUINT64,
  };
  for (size_t k = 0; k < G_N_ELEMENTS (seeds); k++)
    {
      g_autoptr (SmScenario) s = full_scenario_new ();
      sm_scenario_set_seed (s, seeds[k]);
      gsize length;
      g_autofree char *text = save_and_read (s, "seed.json", &length);
      g_autofree char *member =
          g_strdup_printf ("\"seed\": \"%" G_GUINT64_FORMAT "\"", seeds[k]);
      CU_ASSERT_PTR_NOT_NULL (strstr (text, member));
      g_autoptr (SmScenario) loaded = load_saved ("seed.json");
      CU_ASSERT_EQUAL (sm_scenario_get_seed (loaded), seeds[k]);
    }
}

/* ---- broken documents ------------------------------------------------- */

typedef struct {
  const char *file;
  SmError code;
} BadCase;

static const BadCase bad_cases[] = {
  { "age-band-zero.json", SM_ERROR_INVALID_VALUE },
  { "application-to-default.json", SM_ERROR_INVALID_VALUE },
  { "assignment.json", SM_ERROR_PARSE },
  { "contract-own-organisation.json", SM_ERROR_INFEASIBLE },
  { "criterion-unknown.json", SM_ERROR_INVALID_VALUE },
  { "date-garbage.json", SM_ERROR_PARSE },
  { "date-invalid.json", SM_ERROR_PARSE },
  { "duplicate-criterion.json", SM_ERROR_DUPLICATE },
  { "duplicate-employee.json", SM_ERROR_DUPLICATE_ID },
  { "duplicate-relation.json", SM_ERROR_DUPLICATE_ID },
  { "empty.json", SM_ERROR_PARSE },
  { "fit-unknown.json", SM_ERROR_INVALID_VALUE },
  { "format-missing.json", SM_ERROR_PARSE },
  { "format-placement.json", SM_ERROR_PARSE },
  { "format-surname.json", SM_ERROR_PARSE },
  { "format-wrong.json", SM_ERROR_PARSE },
  { "fte-zero.json", SM_ERROR_INVALID_VALUE },
  { "grade-negative.json", SM_ERROR_INVALID_VALUE },
  { "granularity-member-unknown.json", SM_ERROR_PARSE },
  { "granularity-not-date.json", SM_ERROR_INVALID_VALUE },
  { "granularity-type.json", SM_ERROR_PARSE },
  { "granularity-unknown.json", SM_ERROR_INVALID_VALUE },
  { "grade-too-large.json", SM_ERROR_INVALID_VALUE },
  { "kind-birth-date.json", SM_ERROR_INVALID_VALUE },
  { "kind-name.json", SM_ERROR_INVALID_VALUE },
  { "kind-unknown.json", SM_ERROR_INVALID_VALUE },
  { "manual-no-reason.json", SM_ERROR_INVALID_VALUE },
  { "member-missing-grade.json", SM_ERROR_PARSE },
  { "member-missing-list.json", SM_ERROR_PARSE },
  { "member-null.json", SM_ERROR_PARSE },
  { "member-type-fte.json", SM_ERROR_PARSE },
  { "member-type-grade.json", SM_ERROR_PARSE },
  { "member-type-item.json", SM_ERROR_PARSE },
  { "member-type-list.json", SM_ERROR_PARSE },
  { "member-type-name.json", SM_ERROR_PARSE },
  { "member-type-qualification.json", SM_ERROR_PARSE },
  { "member-unknown-top.json", SM_ERROR_PARSE },
  { "member-unknown-name.json", SM_ERROR_PARSE },
  { "member-unknown.json", SM_ERROR_PARSE },
  { "not-object.json", SM_ERROR_PARSE },
  { "not-utf8.json", SM_ERROR_PARSE },
  { "preference-duplicate.json", SM_ERROR_INVALID_VALUE },
  { "reference-date-invalid.json", SM_ERROR_PARSE },
  { "score-infinite.json", SM_ERROR_INVALID_VALUE },
  { "second-default.json", SM_ERROR_INFEASIBLE },
  { "seed-negative.json", SM_ERROR_INVALID_VALUE },
  { "seed-number.json", SM_ERROR_PARSE },
  { "seed-too-large.json", SM_ERROR_INVALID_VALUE },
  { "settings-unknown.json", SM_ERROR_PARSE },
  { "syntax-trailing-comma.json", SM_ERROR_PARSE },
  { "syntax-truncated.json", SM_ERROR_PARSE },
  { "syntax-unquoted-name.json", SM_ERROR_PARSE },
  { "tie-breaking-surname.json", SM_ERROR_INVALID_VALUE },
  { "tie-breaking-unknown.json", SM_ERROR_INVALID_VALUE },
  { "travel-negative.json", SM_ERROR_INVALID_VALUE },
  { "unknown-default-rule.json", SM_ERROR_UNKNOWN_ID },
  { "unknown-position.json", SM_ERROR_UNKNOWN_ID },
  { "unknown-rule.json", SM_ERROR_UNKNOWN_ID },
  { "unknown-unit.json", SM_ERROR_UNKNOWN_ID },
  { "version-0.json", SM_ERROR_INVALID_VALUE },
  { "version-2.json", SM_ERROR_INVALID_VALUE },
  { "version-string.json", SM_ERROR_PARSE },
};

/* Documents that json-glib would read with something changed or lost,
 * or not at all: refused before parsing, with the exact place (line and
 * column in characters) and path of the first problem. */
typedef struct {
  const char *file;
  SmError code;
  int32_t line;
  int32_t column;
  const char *field;        /* NULL: the problem has none */
  gboolean field_is_prefix; /* the path goes on below @field */
} TextCase;

static const TextCase text_cases[] = {
  { "text-duplicate-list.json", SM_ERROR_DUPLICATE, 131, 3, "employees",
    FALSE },
  { "text-duplicate-name.json", SM_ERROR_DUPLICATE, 92, 7, "employees[0].name",
    FALSE },
  { "text-duplicate-escaped.json", SM_ERROR_DUPLICATE, 98, 7,
    "employees[0].birth_date", FALSE },
  { "text-second-document.json", SM_ERROR_PARSE, 132, 1, NULL, FALSE },
  { "text-integer-too-large.json", SM_ERROR_INVALID_VALUE, 94, 16,
    "employees[0].grade", FALSE },
  { "text-integer-too-small.json", SM_ERROR_INVALID_VALUE, 70, 16,
    "positions[0].seats", FALSE },
  { "text-number-too-large.json", SM_ERROR_INVALID_VALUE, 95, 14,
    "employees[0].fte", FALSE },
  { "text-number-underflow.json", SM_ERROR_INVALID_VALUE, 120, 20,
    "applications[0].travel_km", FALSE },
  { "text-number-octal.json", SM_ERROR_PARSE, 107, 16, "employees[1].grade",
    FALSE },
  { "text-number-hex.json", SM_ERROR_PARSE, 94, 16, "employees[0].grade",
    FALSE },
  { "text-escape-unknown.json", SM_ERROR_PARSE, 91, 33, "employees[0].name",
    FALSE },
  { "text-escape-nul.json", SM_ERROR_PARSE, 91, 26, "employees[0].name",
    FALSE },
  { "text-escape-short.json", SM_ERROR_PARSE, 91, 33, "employees[0].name",
    FALSE },
  { "text-surrogate-high.json", SM_ERROR_PARSE, 91, 27, "employees[0].name",
    FALSE },
  { "text-surrogate-low.json", SM_ERROR_PARSE, 91, 27, "employees[0].name",
    FALSE },
  { "text-control-character.json", SM_ERROR_PARSE, 91, 26, "employees[0].name",
    FALSE },
  { "text-single-quotes.json", SM_ERROR_PARSE, 91, 15, "employees[0].name",
    FALSE },
  { "text-word.json", SM_ERROR_PARSE, 97, 21, "employees[0].birth_date",
    FALSE },
  { "text-nesting-deep.json", SM_ERROR_TOO_LARGE, 111, 86,
    "employees[1].qualifications[0]", TRUE },
  { "text-comment-unclosed.json", SM_ERROR_PARSE, 132, 1, NULL, FALSE },
};

/* Whether any text the user sees shows the test person. */
static gboolean
shows_person (const char *text)
{
  return strstr (text, PERSON_FIRST) != NULL
         || strstr (text, PERSON_LAST) != NULL
         || strstr (text, PERSON_BIRTH_YEAR) != NULL;
}

/* Loads @path, expecting failure with @code as the first problem, and
 * checks that nothing shows the test person. */
static void
check_bad_file (const char *path, SmError code)
{
  GError *error = NULL;
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  g_autoptr (SmScenario) s = sm_scenario_load_json (path, problems, &error);
  CU_ASSERT_PTR_NULL (s);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_TRUE (sm_problem_list_get_n (problems) >= 1);
  g_autofree char *all = sm_problem_list_format (problems);
  if (shows_person (error->message) || shows_person (all))
    fprintf (stderr, "%s shows personal data:\n%s\n", path, all);
  CU_ASSERT_FALSE (shows_person (error->message));
  CU_ASSERT_FALSE (shows_person (all));
  CU_ASSERT_TRUE (g_str_has_prefix (error->message, path));
  if (error->code != (int) code)
    fprintf (stderr, "%s: expected code %d\n", path, (int) code);
  SM_ASSERT_ERROR (error, (int) code);

  /* Without a problem list: the same error. */
  g_autoptr (SmScenario) again = sm_scenario_load_json (path, NULL, &error);
  CU_ASSERT_PTR_NULL (again);
  SM_ASSERT_ERROR (error, (int) code);
}

static void
test_bad_files (void)
{
  for (size_t k = 0; k < G_N_ELEMENTS (bad_cases); k++)
    {
      g_autofree char *path = g_build_filename (BAD_DIR, bad_cases[k].file,
                                                NULL);
      check_bad_file (path, bad_cases[k].code);
    }
}

/* Every file of the folder has its expected code in the table. */
/* A rule's granularity: each bad value is placed at its member. */
static void
test_bad_granularity_places (void)
{
  static const struct {
    const char *file;
    SmError code;
    const char *field;
    int32_t line;
  } cases[] = {
    { "granularity-unknown.json", SM_ERROR_INVALID_VALUE,
      "rules[0].granularity.service", 60 },
    { "granularity-not-date.json", SM_ERROR_INVALID_VALUE,
      "rules[0].granularity.fit", 60 },
    /* Not a near miss of a criterion: the item is named, not the
     * member, which might be anything. */
    { "granularity-member-unknown.json", SM_ERROR_PARSE, "rules[0].granularity",
      60 },
    { "granularity-type.json", SM_ERROR_PARSE, "rules[0].granularity", 60 },
  };
  for (size_t k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *path = g_build_filename (BAD_DIR, cases[k].file, NULL);
      g_autoptr (SmProblemList) problems = sm_problem_list_new ();
      GError *error = NULL;
      g_autoptr (SmScenario) s = sm_scenario_load_json (path, problems, &error);
      CU_ASSERT_PTR_NULL (s);
      SM_ASSERT_ERROR (error, (int) cases[k].code);
      g_clear_error (&error);
      SmProblem p;
      CU_ASSERT_EQUAL (sm_problem_list_get_n (problems), 1);
      CU_ASSERT_TRUE_FATAL (sm_problem_list_get (problems, 0, &p));
      if (p.field == NULL || strcmp (p.field, cases[k].field) != 0
          || p.line != cases[k].line)
        fprintf (stderr, "%s: %s at line %d; expected %s at line %d\n",
                 cases[k].file, p.field != NULL ? p.field : "(none)",
                 (int) p.line, cases[k].field, (int) cases[k].line);
      CU_ASSERT_STRING_EQUAL (p.field != NULL ? p.field : "", cases[k].field);
      CU_ASSERT_EQUAL (p.line, cases[k].line);
      CU_ASSERT_EQUAL (p.code, cases[k].code);
    }
}

static void
test_bad_files_listed (void)
{
  GError *error = NULL;
  g_autoptr (GDir) dir = g_dir_open (BAD_DIR, 0, &error);
  SM_ASSERT_NO_ERROR (error);
  const char *name;
  int n = 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;
      for (size_t k = 0; k < G_N_ELEMENTS (bad_cases); k++)
        listed = listed || g_str_equal (name, bad_cases[k].file);
      for (size_t k = 0; k < G_N_ELEMENTS (text_cases); k++)
        listed = listed || g_str_equal (name, text_cases[k].file);
      if (!listed)
        fprintf (stderr, "%s/%s has no entry in bad_cases\n", BAD_DIR, name);
      CU_ASSERT_TRUE (listed);
      n++;
    }
  CU_ASSERT_EQUAL (n, (int) (G_N_ELEMENTS (bad_cases)
                             + G_N_ELEMENTS (text_cases)));
}

/* Each document of text_cases fails before parsing with exactly one
 * problem: its code, line, column and path. */
static void
test_text_files (void)
{
  for (size_t k = 0; k < G_N_ELEMENTS (text_cases); k++)
    {
      const TextCase *t = &text_cases[k];
      g_autofree char *path = g_build_filename (BAD_DIR, t->file, NULL);
      GError *error = NULL;
      g_autoptr (SmProblemList) problems = sm_problem_list_new ();
      g_autoptr (SmScenario) s = sm_scenario_load_json (path, problems, &error);
      CU_ASSERT_PTR_NULL (s);
      SM_ASSERT_ERROR (error, (int) t->code);
      CU_ASSERT_EQUAL_FATAL (sm_problem_list_get_n (problems), 1);
      SmProblem p;
      sm_problem_list_get (problems, 0, &p);
      if (p.line != t->line || p.column != t->column)
        fprintf (stderr, "%s: problem at %d:%d, expected %d:%d\n", path,
                 (int) p.line, (int) p.column, (int) t->line, (int) t->column);
      CU_ASSERT_EQUAL (p.code, t->code);
      CU_ASSERT_EQUAL (p.line, t->line);
      CU_ASSERT_EQUAL (p.column, t->column);
      if (t->field == NULL)
        {
          CU_ASSERT_PTR_NULL (p.field);
        }
      else
        {
          CU_ASSERT_PTR_NOT_NULL_FATAL (p.field);
          CU_ASSERT_TRUE (t->field_is_prefix
                              ? g_str_has_prefix (p.field, t->field)
                              : g_str_equal (p.field, t->field));
        }
      check_bad_file (path, t->code);
    }
}

/* (transfer full): the code of the first problem of @text (0 when it
 * loads), and its column in *@column. */
static int
first_problem (const char *text, int32_t *column)
{
  GError *error = NULL;
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  g_autoptr (SmScenario)
      s = sm_scenario_load_json_data (text, strlen (text), "inline.json",
                                      problems, &error);
  *column = 0;
  if (s != NULL)
    return 0;
  int code = error->code;
  SmProblem p;
  sm_problem_list_get (problems, 0, &p);
  *column = p.column;
  g_error_free (error);
  return code;
}

/* Numbers at the edges of what is stored as written: those inside pass
 * the check (and the reader then finds the member 'x' unknown, a parse
 * problem), those just outside are refused as values. */
static void
test_number_edges (void)
{
  static const struct {
    const char *number;
    int code;
  } cases[] = {
    { "9223372036854775807", SM_ERROR_PARSE },
    { "9223372036854775808", SM_ERROR_INVALID_VALUE },
    { "-9223372036854775808", SM_ERROR_PARSE },
    { "-9223372036854775809", SM_ERROR_INVALID_VALUE },
    { "100000000000000000000", SM_ERROR_INVALID_VALUE },
    { "1.7e308", SM_ERROR_PARSE },
    { "1.8e308", SM_ERROR_INVALID_VALUE },
    { "-1e999", SM_ERROR_INVALID_VALUE },
    { "4.9e-324", SM_ERROR_PARSE },
    { "1e-400", SM_ERROR_INVALID_VALUE },
    { "0e-400", SM_ERROR_PARSE },
    { "-0.0", SM_ERROR_PARSE },
    { "1.", SM_ERROR_PARSE },
    { "+1", SM_ERROR_PARSE },
    { "00", SM_ERROR_PARSE },
  };
  for (size_t k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *text = g_strdup_printf (
          "{\"format\": \"staffmatch-scenario\", \"version\": 1, "
          "\"x\": %s}",
          cases[k].number);
      int32_t column;
      int code = first_problem (text, &column);
      if (code != cases[k].code)
        fprintf (stderr, "number %s: code %d\n", cases[k].number, code);
      CU_ASSERT_EQUAL (code, cases[k].code);
      if (code == SM_ERROR_INVALID_VALUE)
        CU_ASSERT_EQUAL (column,
                         (int32_t) (strstr (text, cases[k].number) - text) + 1);
    }
}

/* A member given twice is found in an object of any size (small ones are
 * searched one by one, large ones through a table), and only there: the
 * same name in two objects is fine. */
static void
test_duplicate_sizes (void)
{
  static const int sizes[] = { 1, 15, 16, 17, 40, 1000 };
  for (size_t k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      GString *text = g_string_new ("{\"format\": \"staffmatch-scenario\", "
                                    "\"version\": 1, \"x\": [{");
      for (int m = 0; m < sizes[k]; m++)
        g_string_append_printf (text, "\"m%d\": 0, ", m);
      g_string_append (text, "\"m0\": 1}, {\"m0\": 0}]}");
      g_autofree char *again = g_strdup (text->str);
      int32_t column;
      int code = first_problem (text->str, &column);
      CU_ASSERT_EQUAL (code, SM_ERROR_DUPLICATE);
      CU_ASSERT_EQUAL (column,
                       (int32_t) (strstr (text->str, "\"m0\": 1") - text->str)
                           + 1);
      /* Without the repeat, the check passes (the reader then finds the
       * member 'x' unknown). */
      char *repeat = strstr (again, "\"m0\": 1}, ");
      memmove (repeat, repeat + 9, strlen (repeat + 9) + 1);
      CU_ASSERT_EQUAL (first_problem (again, &column), SM_ERROR_PARSE);
      g_string_free (text, TRUE);
    }
}

/* ---- personal data --------------------------------------------------- */

/* An unknown member is named (in the message and the path) only when it
 * is a near miss of a known one; any other name might be a person's, and
 * the problem names the item instead, at the member's place. A member
 * twice is named only when it is one of the format's. */
static void
test_unknown_member_names (void)
{
  static const struct {
    const char *member;
    const char *field;
    SmError code;
  } cases[] = {
    { "birthdate", "employees[0].birthdate", SM_ERROR_PARSE },
    { "Grade", "employees[0].Grade", SM_ERROR_PARSE },
    { "jansen", "employees[0]", SM_ERROR_PARSE },
    { "Wilhelmina Jansen", "employees[0]", SM_ERROR_PARSE },
    { "name", "employees[0].name", SM_ERROR_DUPLICATE },
  };
  for (size_t k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *text = g_strdup_printf (
          "{\"format\": \"staffmatch-scenario\", \"version\": 1,\n"
          " \"organisations\": [{\"id\": \"HB\", \"name\": \"H\","
          " \"kind\": \"default\"}],\n"
          " \"units\": [{\"id\": \"U\", \"name\": \"U\","
          " \"organisation\": \"HB\"}], \"positions\": [],\n"
          " \"employees\": [{\"id\": \"E1\", \"name\": \"W\","
          " \"function\": \"A\", \"unit\": \"U\", \"grade\": 8,"
          " \"%s\": 1}]}",
          cases[k].member);
      GError *error = NULL;
      g_autoptr (SmProblemList) problems = sm_problem_list_new ();
      g_autoptr (SmScenario)
          s = sm_scenario_load_json_data (text, strlen (text), "inline.json",
                                          problems, &error);
      CU_ASSERT_PTR_NULL (s);
      SM_ASSERT_ERROR (error, (int) cases[k].code);
      CU_ASSERT_EQUAL_FATAL (sm_problem_list_get_n (problems), 1);
      SmProblem p;
      sm_problem_list_get (problems, 0, &p);
      CU_ASSERT_STRING_EQUAL (p.field, cases[k].field);
      g_autofree char *needle = g_strdup_printf ("\"%s\": 1", cases[k].member);
      /* An unknown member is placed at its value, a repeated one at its
       * name. */
      const char *at = strstr (text, needle);
      if (cases[k].code == SM_ERROR_PARSE)
        at += strlen (needle) - 1;
      CU_ASSERT_EQUAL (p.line, 4);
      CU_ASSERT_EQUAL (p.column, (int32_t) (at - strrchr (text, '\n')));
      gboolean shown = g_str_has_suffix (cases[k].field, cases[k].member);
      CU_ASSERT_EQUAL (strstr (p.message, cases[k].member) != NULL, shown);
    }
}

/* Adds to @words the value @value and its words of four or more letters
 * or digits, lowercased; escapes are dropped first. */
static void
add_personal_words (GPtrArray *words, const char *value)
{
  g_autoptr (GRegex)
      escapes = g_regex_new ("\\\\(u[0-9A-Fa-f]{0,4}|.)", 0, 0, NULL);
  g_autofree char *plain = g_regex_replace_literal (escapes, value, -1, 0, " ",
                                                    0, NULL);
  g_autofree char *lower = g_utf8_strdown (plain, -1);
  g_auto (GStrv) parts = g_regex_split_simple ("[^[:alnum:]]+", lower, 0, 0);
  if (g_utf8_strlen (g_strstrip (lower), -1) >= 4)
    g_ptr_array_add (words, g_strdup (lower));
  for (int k = 0; parts[k] != NULL; k++)
    if (g_utf8_strlen (parts[k], -1) >= 4)
      g_ptr_array_add (words, g_strdup (parts[k]));
}

/* (transfer full): the names and birth dates written in @text, whole and
 * word by word (so surnames alone too), lowercased; read from the raw
 * text, so that broken documents give theirs as well. */
static GPtrArray *
personal_words (const char *text)
{
  static const char *const json_words[] = { "true", "false", "null", NULL };
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GRegex) member = g_regex_new ("[\"'](name|birth_date)[\"']\\s*:"
                                           "\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|"
                                           "'([^']*)'|([[:alnum:]-]+))",
                                           0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_regex_match (member, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    for (int group = 3; group <= 5; group++)
      {
        g_autofree char *value = g_match_info_fetch (match, group);
        if (value != NULL && value[0] != '\0' && group < 5)
          add_personal_words (words, value);
        else if (value != NULL && value[0] != '\0'
                 && !g_strv_contains (json_words, value))
          add_personal_words (words, value);
      }
  return words;
}

/* Whether @text holds @word as a word of its own (not inside another
 * one, as "ommen" is in "comment"). */
static gboolean
holds_word (const char *text, const char *word)
{
  size_t n = strlen (word);
  for (const char *at = strstr (text, word); at != NULL;
       at = strstr (at + 1, word))
    if ((at == text || !g_ascii_isalnum (at[-1])) && !g_ascii_isalnum (at[n]))
      return TRUE;
  return FALSE;
}

/* Which of @words (lowercased) @message shows, or NULL. */
static const char *
shown_word (const char *message, const GPtrArray *words)
{
  g_autofree char *lower = g_utf8_strdown (message, -1);
  for (guint k = 0; k < words->len; k++)
    if (holds_word (lower, g_ptr_array_index (words, k)))
      return g_ptr_array_index (words, k);
  return NULL;
}

/* Loads @path with and without a problem list and checks that no message
 * shows a name or birth date written in it; returns how many words were
 * looked for. */
static guint
check_no_personal_data (const char *path)
{
  gsize length;
  g_autofree char *text = read_text (path, &length);
  g_autoptr (GPtrArray) words = personal_words (text);
  GError *error = NULL;
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  g_autoptr (SmScenario) s = sm_scenario_load_json (path, problems, &error);
  CU_ASSERT_PTR_NULL (s);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  g_autofree char *all = sm_problem_list_format (problems);
  const char *shown = shown_word (all, words);
  if (shown == NULL)
    shown = shown_word (error->message, words);
  if (shown != NULL)
    fprintf (stderr, "%s: a message shows \"%s\":\n%s\n", path, shown, all);
  CU_ASSERT_PTR_NULL (shown);
  g_error_free (error);
  return words->len;
}

/* No message about any broken document shows a name or a birth date
 * written in it. */
static void
test_no_personal_data (void)
{
  GError *error = NULL;
  g_autoptr (GDir) dir = g_dir_open (BAD_DIR, 0, &error);
  SM_ASSERT_NO_ERROR (error);
  guint files = 0, words = 0;
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (BAD_DIR, name, NULL);
      words += check_no_personal_data (path);
      files++;
    }
  words += check_no_personal_data ("data/json/many-problems.json");
  /* The words are really found: the fixtures are full of them. */
  CU_ASSERT_TRUE (files > 50);
  CU_ASSERT_TRUE (words > 4 * files);
  g_autoptr (GPtrArray) found = personal_words (
      "\"name\": \"Wilhelmina Jansen-Bakker\", 'birth_date': '1961-04-23',"
      " \"name\": \"A\\u00e9\\\"b Vries\", \"birth_date\": Jansen");
  static const char *const expected[] = {
    "wilhelmina jansen-bakker",
    "wilhelmina",
    "jansen",
    "bakker",
    "1961-04-23",
    "1961",
    "a  b vries",
    "vries",
    "jansen",
    "jansen",
  };
  CU_ASSERT_EQUAL_FATAL (found->len, G_N_ELEMENTS (expected));
  for (size_t k = 0; k < G_N_ELEMENTS (expected); k++)
    CU_ASSERT_STRING_EQUAL (g_ptr_array_index (found, k), expected[k]);
}

/* ---- nothing lost ---------------------------------------------------- */

#define CORPUS_DIR "fuzz/corpus/scenario-json"

/* Whether @text, when it loads, holds as many employees and applications
 * as the document lists (counted by json-count.h, without the loader);
 * *@loaded tells whether it loaded. */
static gboolean
counts_match (const char *text, gsize length, gboolean *loaded)
{
  g_autoptr (SmScenario)
      s = sm_scenario_load_json_data (text, length, NULL, NULL, NULL);
  *loaded = s != NULL;
  if (s == NULL)
    return TRUE;
  return sm_json_count_elements (text, length, "employees")
             == sm_scenario_get_n_employees (s)
         && sm_json_count_elements (text, length, "applications")
                == sm_scenario_get_n_applications (s);
}

/* The fuzz target's property on the seed corpus and the valid documents:
 * a document that loads loses no employee and no application. */
static void
test_nothing_lost (void)
{
  GError *error = NULL;
  g_autoptr (GDir) dir = g_dir_open (CORPUS_DIR, 0, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (paths, g_build_filename (CORPUS_DIR, name, NULL));
  g_ptr_array_add (paths, g_strdup ("data/json/valid.json"));
  int n_loaded = 0;
  for (guint k = 0; k < paths->len; k++)
    {
      gsize length;
      g_autofree char *text = read_text (g_ptr_array_index (paths, k), &length);
      gboolean loaded;
      gboolean match = counts_match (text, length, &loaded);
      if (!match)
        fprintf (stderr, "%s loses items\n",
                 (char *) g_ptr_array_index (paths, k));
      CU_ASSERT_TRUE (match);
      n_loaded += loaded;
    }
  CU_ASSERT_TRUE (n_loaded >= 4);
}

/* The count itself: every list under the name counts (a name given twice
 * counts twice), escapes in names and comments are understood, nested
 * lists and texts holding brackets are not counted. */
static void
test_count_elements (void)
{
  static const struct {
    const char *text;
    int64_t employees;
  } cases[] = {
    { "{\"employees\": []}", 0 },
    { "\xEF\xBB\xBF{\"employees\": [{}, {\"q\": [1, 2]}, \"a,]\"]}", 3 },
    { "{\"employees\": [{}, {}], \"x\": [1], \"employees\": []}", 2 },
    { "{/* \"employees\": [1] */ \"employe\\u0065s\": [[1, 2], {}]}", 2 },
    { "{\"x\": {\"employees\": [1, 2]}, \"employees\\\"\": [1]}", 0 },
  };
  for (size_t k = 0; k < G_N_ELEMENTS (cases); k++)
    CU_ASSERT_EQUAL (sm_json_count_elements (cases[k].text,
                                             strlen (cases[k].text),
                                             "employees"),
                     cases[k].employees);
  /* A document whose second "employees" would empty the scenario: the
   * count and the loader must agree, so it may not load. */
  static const char twice[] =
      "{\"format\": \"staffmatch-scenario\", \"version\": 1,"
      " \"organisations\": [{\"id\": \"HB\", \"name\": \"H\","
      " \"kind\": \"default\"}],"
      " \"units\": [{\"id\": \"U\", \"name\": \"U\","
      " \"organisation\": \"HB\"}],"
      " \"positions\": [], \"employees\": [{\"id\": \"E1\", \"name\": \"W\","
      " \"function\": \"A\", \"unit\": \"U\", \"grade\": 8}],"
      " \"employees\": []}";
  gboolean loaded;
  CU_ASSERT_TRUE (counts_match (twice, strlen (twice), &loaded));
  CU_ASSERT_FALSE (loaded);
}

/* ---- size ------------------------------------------------------------ */

/* Clears *@error (a pointer to the caller's, so that its later
 * g_clear_error() does not free it twice). */
static void
check_too_large (SmScenario *s, SmProblemList *problems, GError **error)
{
  CU_ASSERT_PTR_NULL (s);
  SM_ASSERT_ERROR (*error, SM_ERROR_TOO_LARGE); /* clears *error */
  CU_ASSERT_EQUAL_FATAL (sm_problem_list_get_n (problems), 1);
  SmProblem p;
  sm_problem_list_get (problems, 0, &p);
  CU_ASSERT_EQUAL (p.code, SM_ERROR_TOO_LARGE);
  CU_ASSERT_EQUAL (p.line, 0);
  CU_ASSERT_PTR_NOT_NULL (strstr (p.message, "256 MiB"));
}

/* Text longer than the limit is refused before it is read (the data
 * here is shorter than the length given, and is never touched); so is
 * a file, before it is mapped, and a device without end. */
static void
test_size_limit (void)
{
  static const char text[] = "{}";
  GError *error = NULL;
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  g_autoptr (SmScenario)
      s = sm_scenario_load_json_data (text, SM_SCENARIO_JSON_MAX_SIZE + 1,
                                      "big.json", problems, &error);
  check_too_large (s, problems, &error);

  g_autofree char *path = tmp_path ("sparse.json");
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  CU_ASSERT_TRUE_FATAL (fd >= 0);
  CU_ASSERT_EQUAL (ftruncate (fd, (off_t) SM_SCENARIO_JSON_MAX_SIZE + 1), 0);
  close (fd);
  g_autoptr (SmProblemList) file_problems = sm_problem_list_new ();
  g_autoptr (SmScenario)
      from_file = sm_scenario_load_json (path, file_problems, &error);
  check_too_large (from_file, file_problems, &error);

  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    return;
  g_autoptr (SmProblemList) zero_problems = sm_problem_list_new ();
  g_autoptr (SmScenario)
      zero = sm_scenario_load_json ("/dev/zero", zero_problems, &error);
  check_too_large (zero, zero_problems, &error);
}

/* A length of (gsize) -1 means text that ends with a NUL byte. */
static void
test_nul_terminated (void)
{
  static const char good[] =
      "{\"format\": \"staffmatch-scenario\", \"version\": 1,"
      " \"organisations\": [{\"id\": \"HB\", \"name\": \"Hardenberg\","
      " \"kind\": \"default\"}], \"units\": [], \"positions\": [],"
      " \"employees\": []}";
  static const char bad[] = "{\"format\": \"staffmatch-scenario\",\n"
                            " \"version\": 1, \"version\": 2}";
  GError *error = NULL;
  g_autoptr (SmScenario)
      s = sm_scenario_load_json_data (good, (gsize) -1, NULL, NULL, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  CU_ASSERT_EQUAL (sm_scenario_get_n_organisations (s), 1);
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  g_autoptr (SmScenario)
      t = sm_scenario_load_json_data (bad, (gsize) -1, NULL, problems, &error);
  CU_ASSERT_PTR_NULL (t);
  SM_ASSERT_ERROR (error, SM_ERROR_DUPLICATE);
  SmProblem p;
  sm_problem_list_get (problems, 0, &p);
  CU_ASSERT_STRING_EQUAL (p.file, "JSON text");
  CU_ASSERT_EQUAL (p.line, 2);
  CU_ASSERT_EQUAL (p.column, 16);
}

/* ---- several problems ------------------------------------------------- */

typedef struct {
  SmError code;
  const char *field;
} Expected;

/* The line and column (in characters) where @needle first starts. */
static void
find_place (const char *text, const char *needle, int32_t *line,
            int32_t *column)
{
  const char *at = strstr (text, needle);
  CU_ASSERT_PTR_NOT_NULL_FATAL (at);
  *line = 1;
  const char *line_start = text;
  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }
  *column = (int32_t) g_utf8_strlen (line_start, at - line_start) + 1;
}

static void
test_many_problems (void)
{
  /* Applications of employee E2 (whose grade is text) and to position
   * P-X (whose FTE is text) are not reported again. */
  static const Expected expected[] = {
    { SM_ERROR_INVALID_VALUE, "settings.tie_breaking" },
    { SM_ERROR_PARSE, "organisations[0]" }, /* "colour": not shown */
    { SM_ERROR_PARSE, "positions[2].fte" },
    { SM_ERROR_PARSE, "employees[1].grade" },
    { SM_ERROR_UNKNOWN_ID, "employees[2]" },
    { SM_ERROR_DUPLICATE_ID, "employees[3]" },
    { SM_ERROR_PARSE, "employees[4].birth_date" },
    { SM_ERROR_UNKNOWN_ID, "applications[3]" },
    { SM_ERROR_INVALID_VALUE, "function_relations[0].fit" },
  };
  const char *path = "data/json/many-problems.json";
  GError *error = NULL;
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  g_autoptr (SmScenario) s = sm_scenario_load_json (path, problems, &error);
  CU_ASSERT_PTR_NULL (s);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "(and 8 more problems)"));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);
  g_autofree char *all = sm_problem_list_format (problems);
  CU_ASSERT_FALSE (shows_person (all));
  CU_ASSERT_EQUAL_FATAL (sm_problem_list_get_n (problems),
                         (int32_t) G_N_ELEMENTS (expected));
  for (size_t k = 0; k < G_N_ELEMENTS (expected); k++)
    {
      SmProblem p;
      sm_problem_list_get (problems, (int32_t) k, &p);
      CU_ASSERT_EQUAL (p.code, expected[k].code);
      CU_ASSERT_PTR_NOT_NULL_FATAL (p.field);
      CU_ASSERT_STRING_EQUAL (p.field, expected[k].field);
      CU_ASSERT_STRING_EQUAL (p.file, path);
      CU_ASSERT_TRUE (p.line > 0 && p.column > 0);
    }
  /* The grade problem points at the value "ten". */
  gsize length;
  g_autofree char *text = read_text (path, &length);
  int32_t line, column;
  find_place (text, "\"ten\"", &line, &column);
  SmProblem grade;
  sm_problem_list_get (problems, 3, &grade);
  CU_ASSERT_EQUAL (grade.line, line);
  CU_ASSERT_EQUAL (grade.column, column);
}

/* A syntax error keeps json-glib's line and column. */
static void
test_syntax_error_place (void)
{
  static const char text[] = "{\n  \"format\": \"staffmatch-scenario\",\n"
                             "  \"version\": 1 2\n}\n";
  GError *error = NULL;
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  g_autoptr (SmScenario)
      s = sm_scenario_load_json_data (text, strlen (text), "inline.json",
                                      problems, &error);
  CU_ASSERT_PTR_NULL (s);
  SM_ASSERT_ERROR (error, SM_ERROR_PARSE);
  CU_ASSERT_EQUAL_FATAL (sm_problem_list_get_n (problems), 1);
  SmProblem p;
  sm_problem_list_get (problems, 0, &p);
  CU_ASSERT_STRING_EQUAL (p.file, "inline.json");
  CU_ASSERT_EQUAL (p.line, 3);
  CU_ASSERT_TRUE (p.column > 0);
}

/* Block comments, which json-glib accepts, do not upset the places of
 * problems; columns count characters, not bytes. */
static void
test_problem_place_after_comments (void)
{
  static const char text[] =
      "{\"format\": \"staffmatch-scenario\", /* a { comment [ */"
      " \"version\": 1,\n"
      " /* \"units\": [\n*/"
      " \"organisations\": [{\"id\": \"HB\", \"name\": \"H\u00e9\u00e9\","
      " \"kind\": \"default\"}],\n"
      " \"units\": [], \"positions\": [],\n"
      " \"employees\": [{\"id\": \"E\u00e9\", \"name\": \"\u00c9\","
      " \"grade\": true,"
      " \"function\": \"A\", \"unit\": \"U\"}]}";
  GError *error = NULL;
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  g_autoptr (SmScenario)
      s = sm_scenario_load_json_data (text, strlen (text), "comments.json",
                                      problems, &error);
  CU_ASSERT_PTR_NULL (s);
  SM_ASSERT_ERROR (error, SM_ERROR_PARSE);
  CU_ASSERT_EQUAL_FATAL (sm_problem_list_get_n (problems), 1);
  SmProblem p;
  sm_problem_list_get (problems, 0, &p);
  CU_ASSERT_PTR_NOT_NULL_FATAL (p.field);
  CU_ASSERT_STRING_EQUAL (p.field, "employees[0].grade");
  CU_ASSERT_EQUAL (p.line, 5);
  CU_ASSERT_EQUAL (p.column, 51);
}

/* Text with a byte order mark, optional lists left out, defaults. */
static void
test_minimal_data (void)
{
  static const char text[] =
      "\xEF\xBB\xBF{\"format\": \"staffmatch-scenario\", \"version\": 1,\n"
      " \"organisations\": [{\"id\": \"HB\", \"name\": \"Hardenberg\","
      " \"kind\": \"default\"}],\n"
      " \"units\": [{\"id\": \"HB-1\", \"name\": \"Eén\","
      " \"organisation\": \"HB\"}],\n"
      " \"positions\": [], \"employees\": [{\"id\": \"E1\", \"name\": \"\","
      " \"function\": \"ADV\", \"unit\": \"HB-1\", \"grade\": 8}]}";
  GError *error = NULL;
  g_autoptr (SmScenario)
      s = sm_scenario_load_json_data (text, strlen (text), NULL, NULL, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  SmEmployeeSpec e;
  sm_scenario_get_employee (s, 0, &e);
  CU_ASSERT_EQUAL (e.fte, 1.0);
  CU_ASSERT_EQUAL (sm_scenario_get_seed (s), 0);
  CU_ASSERT_EQUAL (sm_scenario_get_n_rules (s), 0);
}

static void
test_io_errors (void)
{
  GError *error = NULL;
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  g_autoptr (SmScenario)
      s = sm_scenario_load_json ("data/json/no-such-file.json", problems,
                                 &error);
  CU_ASSERT_PTR_NULL (s);
  SM_ASSERT_ERROR (error, SM_ERROR_IO);
  CU_ASSERT_EQUAL (sm_problem_list_get_n (problems), 1);

  g_autoptr (SmScenario) full = full_scenario_new ();
  g_autofree char *path = g_build_filename (tmp_dir, "missing-dir", "x.json",
                                            NULL);
  CU_ASSERT_FALSE (sm_scenario_save_json (full, path, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_IO);
}

/* ---- placement -------------------------------------------------------- */

/* HB (default): HB-ADV (ADV, 1 seat). OM (receiving, at least 3):
 * OM-ADV (2 seats). E1 applies to OM-ADV, E4 is placed there by hand,
 * E2 and E3 compete for HB-ADV (E2 has served longer). */
static SmScenario *
small_scenario_new (void)
{
  GError *error = NULL;
  SmScenario *s = sm_scenario_new ();
  sm_scenario_set_seed (s, 42);
  add_org (s, "HB", "Hardenberg", SM_ORGANISATION_KIND_DEFAULT, -1, -1);
  add_org (s, "OM", "Ommen", SM_ORGANISATION_KIND_RECEIVING, 3, -1);
  add_unit (s, "HB-SOC", "HB", NULL, 0);
  add_unit (s, "OM-REG", "OM", NULL, 0);
  add_position (s, "HB-ADV", "HB-SOC", "ADV", 10, 1.0, 1, -1, NULL, NULL);
  add_position (s, "OM-ADV", "OM-REG", "ADV", 10, 1.0, 2, -1, NULL, NULL);
  add_employee (s, "E1", PERSON_NAME, "ADV", "HB-SOC", 1.0,
                (SmDate){ 1990, 1, 1 }, (SmDate){ 1961, 4, 23 }, NULL);
  add_employee (s, "E2", "B", "ADV", "HB-SOC", 1.0, (SmDate){ 1985, 1, 1 },
                (SmDate){ 1970, 1, 1 }, NULL);
  add_employee (s, "E3", "C", "ADV", "HB-SOC", 1.0, (SmDate){ 2010, 1, 1 },
                (SmDate){ 1970, 1, 1 }, NULL);
  add_employee (s, "E4", "D", "ADV", "HB-SOC", 1.0, (SmDate){ 2010, 1, 1 },
                (SmDate){ 1970, 1, 1 }, NULL);
  add_application (s, "E1", "OM-ADV", 1, NAN, -1.0);
  CU_ASSERT_TRUE (
      sm_scenario_add_manual_placement (s, "E4", "OM-ADV", "hardship", &error));
  SM_ASSERT_NO_ERROR (error);
  return s;
}

static const char *
object_string (JsonObject *o, const char *member)
{
  JsonNode *node = json_object_get_member (o, member);
  CU_ASSERT_PTR_NOT_NULL_FATAL (node);
  return JSON_NODE_HOLDS_NULL (node) ? NULL : json_node_get_string (node);
}

static void
check_outcomes (JsonArray *employees, const SmPlacement *placement,
                const SmScenario *s)
{
  static const char *const status[] = { "placed", "follows-work",
                                        "supernumerary", "manual" };
  CU_ASSERT_EQUAL_FATAL (json_array_get_length (employees), 4);
  for (guint k = 0; k < 4; k++)
    {
      JsonObject *o = json_array_get_object_element (employees, k);
      SmEmployeeOutcome outcome;
      SmEmployeeSpec e;
      SmOrganisationSpec org;
      sm_placement_get_outcome (placement, (int32_t) k, &outcome);
      sm_scenario_get_employee (s, (int32_t) k, &e);
      sm_scenario_get_organisation (s, outcome.organisation, &org);
      CU_ASSERT_STRING_EQUAL (object_string (o, "id"), e.id);
      CU_ASSERT_STRING_EQUAL (object_string (o, "organisation"), org.id);
      CU_ASSERT_STRING_EQUAL (object_string (o, "status"),
                              status[outcome.status]);
      CU_ASSERT_EQUAL (outcome.position < 0,
                       object_string (o, "position") == NULL);
      CU_ASSERT_EQUAL (json_object_get_size (o), 7); /* with refusals */
      CU_ASSERT_EQUAL (json_array_get_length (
                           json_object_get_array_member (o, "refusals")),
                       (guint) sm_placement_get_n_refusals (placement,
                                                            (int32_t) k));
    }
  /* E1 got their first preference, E2 follows the work, E3 is left. */
  JsonObject *e1 = json_array_get_object_element (employees, 0);
  CU_ASSERT_STRING_EQUAL (object_string (e1, "status"), "placed");
  CU_ASSERT_STRING_EQUAL (object_string (e1, "position"), "OM-ADV");
  CU_ASSERT_EQUAL (json_object_get_int_member (e1, "preference"), 1);
  JsonObject *e3 = json_array_get_object_element (employees, 2);
  CU_ASSERT_STRING_EQUAL (object_string (e3, "status"), "supernumerary");
  CU_ASSERT_TRUE (json_object_get_null_member (e3, "preference"));
  JsonObject *e4 = json_array_get_object_element (employees, 3);
  CU_ASSERT_STRING_EQUAL (object_string (e4, "status"), "manual");
}

static void
check_counts (JsonObject *root)
{
  JsonArray *positions = json_object_get_array_member (root, "positions");
  JsonArray *orgs = json_object_get_array_member (root, "organisations");
  CU_ASSERT_EQUAL_FATAL (json_array_get_length (positions), 2);
  CU_ASSERT_EQUAL_FATAL (json_array_get_length (orgs), 2);
  JsonObject *om_adv = json_array_get_object_element (positions, 1);
  CU_ASSERT_STRING_EQUAL (object_string (om_adv, "id"), "OM-ADV");
  CU_ASSERT_EQUAL (json_object_get_int_member (om_adv, "seats"), 2);
  CU_ASSERT_EQUAL (json_object_get_int_member (om_adv, "filled"), 2);
  JsonObject *hb = json_array_get_object_element (orgs, 0);
  JsonObject *om = json_array_get_object_element (orgs, 1);
  CU_ASSERT_EQUAL (json_object_get_int_member (hb, "headcount"), 2);
  CU_ASSERT_EQUAL (json_object_get_int_member (om, "headcount"), 2);
  CU_ASSERT_EQUAL (json_object_get_int_member (om, "vacancies"), 1);
}

static void
test_placement (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = small_scenario_new ();
  g_autoptr (SmPlacement) placement = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (placement);
  g_autofree char *path = tmp_path ("placement.json");
  CU_ASSERT_TRUE (sm_placement_save_json (placement, path, &error));
  SM_ASSERT_NO_ERROR (error);

  g_autoptr (JsonParser) parser = json_parser_new ();
  CU_ASSERT_TRUE_FATAL (json_parser_load_from_file (parser, path, &error));
  SM_ASSERT_NO_ERROR (error);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  g_autofree char *checksum = sm_scenario_checksum (s);
  CU_ASSERT_STRING_EQUAL (object_string (root, "format"),
                          "staffmatch-placement");
  CU_ASSERT_EQUAL (json_object_get_int_member (root, "version"), 1);
  CU_ASSERT_STRING_EQUAL (object_string (root, "library"), sm_version ());
  CU_ASSERT_STRING_EQUAL (object_string (root, "seed"), "42");
  CU_ASSERT_STRING_EQUAL (object_string (root, "scenario_sha256"), checksum);
  check_outcomes (json_object_get_array_member (root, "employees"), placement,
                  s);
  check_counts (root);

  gsize length;
  g_autofree char *text = read_text (path, &length);
  CU_ASSERT_FALSE (shows_person (text));
}

/* ---- suite ------------------------------------------------------------ */

static void
remove_tmp_dir (void)
{
  g_autoptr (GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = tmp_path (name);
      g_unlink (path);
    }
  g_rmdir (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "round trip: same bytes, same checksum", test_round_trip },
    { "checksum follows the content", test_checksum_changes },
    { "64-bit seeds survive", test_seed_extremes },
    { "broken documents: exact first error", test_bad_files },
    { "every broken document is in the table", test_bad_files_listed },
    { "bad granularities, placed", test_bad_granularity_places },
    { "changed or lost by json-glib: refused, placed", test_text_files },
    { "numbers at the edges of 64 bits and doubles", test_number_edges },
    { "a member twice, in objects small and large", test_duplicate_sizes },
    { "unknown members named only when near misses",
      test_unknown_member_names },
    { "no name or birth date in any message", test_no_personal_data },
    { "documents larger than the limit", test_size_limit },
    { "nothing lost: items counted without the loader", test_nothing_lost },
    { "the independent count of items", test_count_elements },
    { "length -1: text ending with NUL", test_nul_terminated },
    { "several problems, all reported, placed", test_many_problems },
    { "syntax error keeps its place", test_syntax_error_place },
    { "places survive comments", test_problem_place_after_comments },
    { "minimal document with defaults", test_minimal_data },
    { "missing file, unwritable folder", test_io_errors },
    { "placement document", test_placement },
    { NULL, NULL },
  };
  tmp_dir = g_dir_make_tmp ("sm-json-XXXXXX", NULL);
  g_assert (tmp_dir != NULL);
  int status = sm_test_run_suite ("scenario-json", cases);
  remove_tmp_dir ();
  return status;
}
