/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: scenarios as CSV folders, placements as CSV (io.h).
 *
 * A scenario built by hand, with every table and the awkward values
 * (delimiters, quotes and a line break in text, a leading blank, "é",
 * missing dates and scores, a 64-bit seed), must survive save, load, save
 * byte for byte with either delimiter; the same scenario as a spreadsheet
 * exports it (columns reordered, header case, decimal commas, dd-mm-jjjj
 * dates, CRLF, byte-order marks, Windows-1252, blank rows) must load to
 * the same scenario, compared by saving both; data/csv/small/ must load
 * the same with its lines ended by CR alone or by CR, CRLF and LF mixed.
 * Every
 * folder of data/csv/bad/ has one thing wrong (among them a stray quote
 * that swallows rows, a decimal comma that shifts cells, one
 * Windows-1252 name in a UTF-8 file, a missing header row) and must fail
 * with the exact code and location, and no message of any of them may
 * hold a name, first name, surname or date found in its employees.csv;
 * data/csv/several/ has several problems, which must all be listed.
 * Identifiers and names that a spreadsheet would run as formulas are
 * guarded when saved and read back as they were; a line break where
 * loading would refuse it makes saving fail. Files are written only into
 * fresh temporary folders. */
#include "test-util.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#define SMALL_DIR "data/csv/small"
#define SHEET_DIR "data/csv/spreadsheet"
#define SEVERAL_DIR "data/csv/several"
#define BAD_DIR "data/csv/bad"

static const char *const table_files[] = {
  "organisations.csv", "units.csv",
  "positions.csv",     "employees.csv",
  "applications.csv",  "function-relations.csv",
  "rules.csv",         "manual-placements.csv",
  "settings.csv",
};

/* ---- temporary folders -------------------------------------------------- */

static char *
make_tmp (void)
{
  GError *error = NULL;
  char *dir = g_dir_make_tmp ("sm-scenario-csv-XXXXXX", &error);
  SM_ASSERT_NO_ERROR (error);
  return dir;
}

/* Removes @dir and the files in it (one level, as the tests make them). */
static void
remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static char *
read_text (const char *dir, const char *file)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  char *text = NULL;
  CU_ASSERT_TRUE (g_file_get_contents (path, &text, NULL, NULL));
  return text != NULL ? text : g_strdup ("");
}

/* Every table file of @a and @b has the same bytes. */
static void
assert_same_tables (const char *a, const char *b)
{
  for (size_t k = 0; k < G_N_ELEMENTS (table_files); k++)
    {
      g_autofree char *ta = read_text (a, table_files[k]);
      g_autofree char *tb = read_text (b, table_files[k]);
      CU_ASSERT_STRING_EQUAL (ta, tb);
      if (strcmp (ta, tb) != 0)
        fprintf (stderr, "%s differs:\n%s\n---\n%s\n", table_files[k], ta, tb);
    }
}

static SmScenario *
load_ok (const char *dir)
{
  GError *error = NULL;
  SmScenario *s = sm_scenario_load_csv (dir, NULL, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  return s;
}

static void
save_ok (const SmScenario *s, const char *dir, SmCsvDelimiter delimiter)
{
  GError *error = NULL;
  CU_ASSERT_TRUE (sm_scenario_save_csv (s, dir, delimiter, &error));
  SM_ASSERT_NO_ERROR (error);
}

/* ---- the hand-made scenario --------------------------------------------- */

#define OK(call)                                                               \
  do                                                                           \
    {                                                                          \
      GError *ok_error = NULL;                                                 \
      CU_ASSERT_TRUE (call);                                                   \
      SM_ASSERT_NO_ERROR (ok_error);                                           \
    }                                                                          \
  while (0)

static void
add_organisations (SmScenario *s)
{
  SmOrganisationSpec om = { "OM", "Gemeente Ommen",
                            SM_ORGANISATION_KIND_RECEIVING, 1, 4 };
  SmOrganisationSpec hb = { "HB", "Gemeente Hardenberg",
                            SM_ORGANISATION_KIND_DEFAULT, -1, -1 };
  SmUnitSpec units[] = {
    { "OM-STAF", "Staf; regie", "OM", NULL, 0 },
    { "HB-SD", "Sociaal domein, backoffice", "HB", "OM", 2024 },
    { "HB-PUB", "Publieksdienst", "HB", "OM", 2019 },
  };
  OK (sm_scenario_add_organisation (s, &om, &ok_error));
  OK (sm_scenario_add_organisation (s, &hb, &ok_error));
  for (size_t k = 0; k < G_N_ELEMENTS (units); k++)
    OK (sm_scenario_add_unit (s, &units[k], &ok_error));
}

static void
add_rules (SmScenario *s)
{
  g_autoptr (SmPriorityRule) strict = sm_priority_rule_new ("strict");
  g_autoptr (SmPriorityRule) lot = sm_priority_rule_new ("lot");
  OK (sm_priority_rule_add_criterion (strict, SM_CRITERION_FIT,
                                      SM_DIRECTION_HIGHER_FIRST, &ok_error));
  OK (sm_priority_rule_add_criterion (strict, SM_CRITERION_COMMITTEE_SCORE,
                                      SM_DIRECTION_HIGHER_FIRST, &ok_error));
  OK (sm_priority_rule_add_criterion (strict, SM_CRITERION_SERVICE,
                                      SM_DIRECTION_HIGHER_FIRST, &ok_error));
  OK (sm_priority_rule_add_criterion (strict, SM_CRITERION_AGE,
                                      SM_DIRECTION_LOWER_FIRST, &ok_error));
  sm_priority_rule_set_max_grade_distance (strict, 1);
  sm_priority_rule_set_min_fit (strict, SM_FIT_SUITABLE);
  sm_priority_rule_set_require_qualifications (strict, TRUE);
  OK (sm_priority_rule_set_granularity (strict, SM_CRITERION_SERVICE,
                                        SM_GRANULARITY_YEARS, &ok_error));
  OK (sm_priority_rule_set_granularity (strict, SM_CRITERION_AGE,
                                        SM_GRANULARITY_MONTHS, &ok_error));
  OK (sm_scenario_add_rule (s, strict, &ok_error));
  OK (sm_scenario_add_rule (s, lot, &ok_error));
  OK (sm_scenario_set_default_rule (s, "lot", &ok_error));
}

static void
add_positions (SmScenario *s)
{
  static const char *const sec_q[] = { "master", "vog", NULL };
  static const char *const vog[] = { "vog", NULL };
  SmPositionSpec positions[] = {
    { "OM-SEC", "Gemeentesecretaris", "OM-STAF", "SEC", 14, 1.0, 1, -1, sec_q,
      "strict" },
    { "OM-BA", "Beleidsadviseur \"sociaal\"", "OM-STAF", "BA", 11, 0.8, 3, 2,
      NULL, NULL },
    { "HB-CON", "Consulent", "HB-SD", "CON", 9, 1.0, 2, -1, NULL, NULL },
    { "HB-BA", " Beleidsadviseur", "HB-SD", "BA", 11, 0.9, 1, -1, vog, NULL },
  };
  for (size_t k = 0; k < G_N_ELEMENTS (positions); k++)
    OK (sm_scenario_add_position (s, &positions[k], &ok_error));
}

static void
add_employees (SmScenario *s)
{
  static const char *const sec_q[] = { "master", "vog", NULL };
  static const char *const vog[] = { "vog", NULL };
  SmEmployeeSpec employees[] = {
    { "1001",
      "Jansen, Piet",
      "SEC",
      "HB-SD",
      14,
      1.0,
      { 2001, 3, 1 },
      { 1965, 7, 15 },
      sec_q },
    { "1002",
      "Ren\xC3\xA9"
      "e de Vries",
      "BA",
      "HB-SD",
      11,
      0.8,
      { 2010, 9, 1 },
      { 1980, 2, 29 },
      NULL },
    { "1003",
      "Ali Yilmaz",
      "CON",
      "HB-PUB",
      9,
      0.55,
      { 0, 0, 0 },
      { 0, 0, 0 },
      vog },
    { "1004",
      "O'Neill; Sam",
      "CON",
      "HB-SD",
      9,
      1.0,
      { 1999, 1, 1 },
      { 1970, 12, 31 },
      NULL },
  };
  for (size_t k = 0; k < G_N_ELEMENTS (employees); k++)
    OK (sm_scenario_add_employee (s, &employees[k], &ok_error));
}

static void
add_applications (SmScenario *s)
{
  SmApplicationSpec apps[] = {
    { "1001", "OM-SEC", 1, 8.5, 12.3 },
    { "1002", "OM-BA", 1, NAN, -1.0 },
    { "1002", "OM-SEC", 2, 7.0, -1.0 },
    { "1003", "OM-BA", 1, NAN, 3.0 },
  };
  for (size_t k = 0; k < G_N_ELEMENTS (apps); k++)
    OK (sm_scenario_add_application (s, &apps[k], &ok_error));
  OK (sm_scenario_add_function_relation (s, "BA", "SEC", SM_FIT_SUITABLE,
                                         &ok_error));
  OK (sm_scenario_add_function_relation (s, "CON", "BA", SM_FIT_REASONABLE,
                                         &ok_error));
  OK (sm_scenario_add_function_relation (s, "SEC", "BA", SM_FIT_INTERCHANGEABLE,
                                         &ok_error));
  OK (sm_scenario_add_manual_placement (s, "1004", "OM-BA",
                                        "Hardheidsclausule:\nmedische redenen; "
                                        "zie dossier",
                                        &ok_error));
}

/* The scenario that data/csv/spreadsheet/ holds as a spreadsheet writes
 * it. */
static SmScenario *
hand_made_scenario (void)
{
  SmScenario *s = sm_scenario_new ();
  add_organisations (s);
  add_rules (s);
  add_positions (s);
  add_employees (s);
  add_applications (s);
  sm_scenario_set_seed (s, G_MAXUINT64);
  sm_scenario_set_tie_breaking (s, SM_TIE_BREAKING_PER_POSITION);
  sm_scenario_set_reference_date (s, (SmDate){ 2018, 10, 1 });
  sm_scenario_set_reduction (s, SM_REDUCTION_REFLECTION, 5);
  return s;
}

/* ---- round trips -------------------------------------------------------- */

static void
round_trip (SmCsvDelimiter delimiter)
{
  g_autoptr (SmScenario) s = hand_made_scenario ();
  g_autofree char *tmp = make_tmp ();
  g_autofree char *first = g_build_filename (tmp, "first", NULL);
  g_autofree char *second = g_build_filename (tmp, "second", NULL);
  save_ok (s, first, delimiter);
  g_autoptr (SmScenario) back = load_ok (first);
  save_ok (back, second, delimiter);
  assert_same_tables (first, second);

  SmEmployeeSpec e;
  sm_scenario_get_employee (back, 2, &e);
  CU_ASSERT_STRING_EQUAL (e.name, "Ali Yilmaz");
  CU_ASSERT_EQUAL (e.fte, 0.55);
  CU_ASSERT_FALSE (sm_date_is_set (e.birth_date));
  SmApplicationSpec a;
  sm_scenario_get_application (back, 1, &a);
  CU_ASSERT_TRUE (isnan (a.committee_score));
  CU_ASSERT_TRUE (a.travel_km < 0.0);
  CU_ASSERT_EQUAL (sm_scenario_get_seed (back), G_MAXUINT64);
  CU_ASSERT_STRING_EQUAL (sm_priority_rule_get_id (
                              sm_scenario_get_default_rule (back)),
                          "lot");
  const SmPriorityRule *strict = sm_scenario_get_rule (back, 0);
  CU_ASSERT_EQUAL (sm_priority_rule_get_granularity (strict,
                                                     SM_CRITERION_SERVICE),
                   SM_GRANULARITY_YEARS);
  CU_ASSERT_EQUAL (sm_priority_rule_get_granularity (strict, SM_CRITERION_AGE),
                   SM_GRANULARITY_MONTHS);
  CU_ASSERT_EQUAL (sm_priority_rule_get_granularity (sm_scenario_get_rule (back,
                                                                           1),
                                                     SM_CRITERION_SERVICE),
                   SM_GRANULARITY_DAYS);
  remove_tree (tmp);
}

static void
test_round_trip_semicolon (void)
{
  round_trip (SM_CSV_DELIMITER_SEMICOLON);
}

static void
test_round_trip_comma (void)
{
  round_trip (SM_CSV_DELIMITER_COMMA);
}

static void
test_canonical_text (void)
{
  g_autoptr (SmScenario) s = hand_made_scenario ();
  g_autofree char *tmp = make_tmp ();
  save_ok (s, tmp, SM_CSV_DELIMITER_SEMICOLON);
  g_autofree char *positions = read_text (tmp, "positions.csv");
  CU_ASSERT_STRING_EQUAL (
      positions,
      "id;title;unit;function;grade;fte;seats;target_seats;qualifications;"
      "rule\n"
      "OM-SEC;Gemeentesecretaris;OM-STAF;SEC;14;1;1;;master|vog;strict\n"
      "OM-BA;\"Beleidsadviseur \"\"sociaal\"\"\";OM-STAF;BA;11;0.8;3;2;;\n"
      "HB-CON;Consulent;HB-SD;CON;9;1;2;;;\n"
      "HB-BA;\" Beleidsadviseur\";HB-SD;BA;11;0.9;1;;vog;\n");
  g_autofree char *settings = read_text (tmp, "settings.csv");
  CU_ASSERT_STRING_EQUAL (settings, "key;value\n"
                                    "seed;18446744073709551615\n"
                                    "tie_breaking;per-position\n"
                                    "reference_date;2018-10-01\n"
                                    "reduction;reflection\n"
                                    "age_band_years;5\n"
                                    "default_rule;lot\n");
  g_autofree char *rules = read_text (tmp, "rules.csv");
  CU_ASSERT_STRING_EQUAL (
      rules,
      "id;criteria;max_grade_distance;min_fit;require_qualifications;"
      "granularity\n"
      "strict;fit:high|committee-score:high|service:high|age:low;1;suitable;"
      "yes;service:years|age:months\n"
      "lot;;;;no;\n");
  remove_tree (tmp);
}

/* An empty scenario still writes every table, settings with every key. */
static void
test_empty_scenario_tables (void)
{
  g_autoptr (SmScenario) s = sm_scenario_new ();
  g_autofree char *tmp = make_tmp ();
  save_ok (s, tmp, SM_CSV_DELIMITER_COMMA);
  g_autofree char *manual = read_text (tmp, "manual-placements.csv");
  CU_ASSERT_STRING_EQUAL (manual, "employee,position,reason\n");
  g_autofree char *settings = read_text (tmp, "settings.csv");
  CU_ASSERT_STRING_EQUAL (
      settings,
      "key,value\nseed,0\ntie_breaking,single\nreference_date,2019-01-01\n"
      "reduction,priority\nage_band_years,10\ndefault_rule,\n");
  remove_tree (tmp);
}

static void
test_spreadsheet_variant (void)
{
  g_autoptr (SmScenario) made = hand_made_scenario ();
  g_autoptr (SmScenario) sheet = load_ok (SHEET_DIR);
  g_autofree char *tmp = make_tmp ();
  g_autofree char *a = g_build_filename (tmp, "made", NULL);
  g_autofree char *b = g_build_filename (tmp, "sheet", NULL);
  save_ok (made, a, SM_CSV_DELIMITER_SEMICOLON);
  save_ok (sheet, b, SM_CSV_DELIMITER_SEMICOLON);
  assert_same_tables (a, b);
  remove_tree (tmp);
}

static void
test_load_dispatch (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = sm_scenario_load (SMALL_DIR, NULL, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL (s);
  CU_ASSERT_EQUAL (sm_scenario_get_n_employees (s), 4);
  CU_ASSERT_EQUAL (sm_scenario_get_n_rules (s), 0);

  CU_ASSERT_PTR_NULL (
      sm_scenario_load_csv (BAD_DIR "/no-such-folder", NULL, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_IO);
}

/* ---- broken folders ----------------------------------------------------- */

/* Each folder of data/csv/bad/, its first error and where. Each has one
 * problem, reported once, unless it says otherwise: what it makes fail
 * later (a unit of an organisation that was refused, the positions of a
 * table that could not be read, the applications of employees swallowed
 * by a stray quote) is not reported again. */
static const struct {
  const char *name;
  SmError code;
  const char *prefix; /* after "data/csv/bad/NAME/" */
  int n_problems;     /* 0: one */
  const char *says;   /* in the first message, or NULL */
} bad_cases[] = {
  { "missing-table", SM_ERROR_IO, "employees.csv: ", 0, NULL },
  { "unterminated-quote", SM_ERROR_PARSE, "positions.csv:3:2: ", 0, NULL },
  { "text-after-quote", SM_ERROR_PARSE, "units.csv:2:2: ", 0, NULL },
  { "invalid-utf8-after-bom", SM_ERROR_PARSE, "employees.csv:3:2: ", 0, NULL },
  { "empty-file", SM_ERROR_PARSE, "function-relations.csv:1: ", 0, NULL },
  { "unknown-column", SM_ERROR_INVALID_VALUE, "units.csv:1:6: colour: ", 0,
    "'colour'" },
  { "missing-column", SM_ERROR_PARSE, "employees.csv:1: grade: ", 0, NULL },
  { "row-without-column-name", SM_ERROR_PARSE,
    "function-relations.csv:2:4: ", 0, NULL },
  { "extra-field", SM_ERROR_PARSE, "applications.csv:3:6: ", 0, NULL },
  { "grade-not-number", SM_ERROR_INVALID_VALUE, "employees.csv:3:5: grade: ", 0,
    NULL },
  { "bad-date", SM_ERROR_INVALID_VALUE, "employees.csv:2:8: birth_date: ", 0,
    NULL },
  { "bad-fte", SM_ERROR_INVALID_VALUE, "positions.csv:4:6: fte: ", 0, "'3'" },
  { "bad-kind", SM_ERROR_INVALID_VALUE, "organisations.csv:2:3: kind: ", 0,
    "'ontvangend'" },
  { "bad-fit", SM_ERROR_INVALID_VALUE, "function-relations.csv:2:3: fit: ", 0,
    NULL },
  { "unknown-unit", SM_ERROR_UNKNOWN_ID, "positions.csv:2:3: unit: ", 0,
    "'OM-X'" },
  { "unknown-position", SM_ERROR_UNKNOWN_ID,
    "applications.csv:3:2: position: ", 0, "'OM-Z'" },
  { "duplicate-id", SM_ERROR_DUPLICATE_ID, "employees.csv:3:1: id: ", 2,
    "'e1'" },
  { "second-default", SM_ERROR_INFEASIBLE, "organisations.csv:3: ", 0, NULL },
  { "manual-no-reason", SM_ERROR_INVALID_VALUE,
    "manual-placements.csv:2:3: reason: ", 0, NULL },
  { "unknown-setting", SM_ERROR_INVALID_VALUE, "settings.csv:2:1: key: ", 0,
    NULL },
  { "bad-seed", SM_ERROR_INVALID_VALUE, "settings.csv:2:2: seed: ", 0, NULL },
  { "unknown-default-rule", SM_ERROR_UNKNOWN_ID,
    "settings.csv:3:2: default_rule: ", 0, NULL },
  { "bad-criterion", SM_ERROR_INVALID_VALUE, "rules.csv:2:2: criteria: ", 0,
    NULL },
  { "duplicate-criterion", SM_ERROR_DUPLICATE, "rules.csv:2:2: criteria: ", 0,
    NULL },
  { "bad-granularity", SM_ERROR_INVALID_VALUE,
    "rules.csv:2:6: granularity: ", 0, "days, months or years" },
  { "granularity-not-date", SM_ERROR_INVALID_VALUE,
    "rules.csv:2:6: granularity: ", 0, "'fit' in years" },
  { "granularity-unknown-criterion", SM_ERROR_INVALID_VALUE,
    "rules.csv:2:6: granularity: ", 0, "not a criterion" },
  { "granularity-missing", SM_ERROR_INVALID_VALUE,
    "rules.csv:2:6: granularity: ", 0, "age:years" },
  { "bad-boolean", SM_ERROR_INVALID_VALUE,
    "rules.csv:2:5: require_qualifications: ", 0, NULL },
  /* A quote opened in one name and closed two rows further: the rows in
   * between must not vanish. */
  { "stray-quote", SM_ERROR_PARSE, "employees.csv:2:2: name: ", 0,
    "from line 2 to line 4" },
  /* In free text a line break is allowed, a swallowed row is not. */
  { "swallowed-title", SM_ERROR_PARSE, "positions.csv:2:2: title: ", 0,
    "from line 2 to line 3" },
  /* fte 1,5 in a comma-separated file: fte 1, seats 5, target seats 1. */
  { "decimal-comma", SM_ERROR_PARSE, "positions.csv:2:6: fte: ", 0,
    "decimal comma" },
  { "extra-empty-cell", SM_ERROR_PARSE, "applications.csv:2:6: ", 0,
    "6 cells" },
  /* One Windows-1252 name in a UTF-8 file. */
  { "mixed-encoding", SM_ERROR_PARSE, "employees.csv:3:2: ", 0, "UTF-8" },
  { "missing-header", SM_ERROR_PARSE, "employees.csv:1: ", 0, "header row" },
  { "unknown-column-data", SM_ERROR_INVALID_VALUE,
    "employees.csv:1:10: Unknown column (", 0, NULL },
  /* Every row has fte and birth_date swapped: no date is quoted. */
  { "swapped-columns", SM_ERROR_INVALID_VALUE, "employees.csv:2:6: fte: ", 8,
    "The value is not a number" },
  { "date-in-fte", SM_ERROR_INVALID_VALUE, "employees.csv:3:6: fte: ", 0,
    "The value is not a number" },
  /* Lines ended by CR alone, as old Mac spreadsheets write them. */
  { "cr-only-bad-date", SM_ERROR_INVALID_VALUE,
    "employees.csv:3:8: birth_date: ", 0, NULL },
};

static void
check_bad_case (size_t k)
{
  g_autofree char *dir = g_build_filename (BAD_DIR, bad_cases[k].name, NULL);
  g_autofree char *prefix = g_build_filename (dir, bad_cases[k].prefix, NULL);
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  GError *error = NULL;
  SmScenario *s = sm_scenario_load_csv (dir, problems, &error);
  CU_ASSERT_PTR_NULL (s);
  sm_scenario_free (s);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  g_autofree char *all = sm_problem_list_format (problems);
  int want = bad_cases[k].n_problems > 0 ? bad_cases[k].n_problems : 1;
  const char *says = bad_cases[k].says;
  if (!g_str_has_prefix (error->message, prefix)
      || sm_problem_list_get_n (problems) != want
      || (says != NULL && strstr (error->message, says) == NULL))
    fprintf (stderr, "%s: want prefix '%s' (and '%s'), got:\n%s",
             bad_cases[k].name, prefix, says != NULL ? says : "", all);
  CU_ASSERT_TRUE (g_str_has_prefix (error->message, prefix));
  CU_ASSERT_EQUAL (sm_problem_list_get_n (problems), want);
  CU_ASSERT_TRUE (says == NULL || strstr (error->message, says) != NULL);
  SM_ASSERT_ERROR (error, (int) bad_cases[k].code);
}

static void
test_bad_folders (void)
{
  for (size_t k = 0; k < G_N_ELEMENTS (bad_cases); k++)
    check_bad_case (k);
  /* Every folder there is in the table. */
  g_autoptr (GDir) d = g_dir_open (BAD_DIR, 0, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (d);
  guint n = 0;
  while (g_dir_read_name (d) != NULL)
    n++;
  CU_ASSERT_EQUAL (n, G_N_ELEMENTS (bad_cases));
}

/* ---- no personal data in messages --------------------------------------- */

/* The lines of @text, split at LF, CRLF and CR (transfer full). */
static char **
split_lines (const char *text)
{
  g_autofree char *unified = g_strdup (text);
  for (char *p = unified; *p != '\0'; p++)
    if (*p == '\r')
      *p = '\n';
  return g_strsplit (unified, "\n", -1);
}

/* Whether @text looks like a date as people write them: digits joined by
 * '-', '/' or '.' in three groups. */
static gboolean
is_date_text (const char *text)
{
  g_auto (GStrv) parts = g_regex_split_simple ("[-/.]", text, 0, 0);
  if (g_strv_length (parts) != 3)
    return FALSE;
  for (int k = 0; k < 3; k++)
    if (parts[k][0] == '\0'
        || strspn (parts[k], "0123456789") != strlen (parts[k]))
      return FALSE;
  return TRUE;
}

/* Adds the words of @name that could identify a person (first names and
 * surnames: capitalised, three letters or more) and the name itself. */
static void
add_name (GPtrArray *secrets, const char *name)
{
  if (strlen (name) < 3)
    return;
  g_ptr_array_add (secrets, g_strdup (name));
  g_auto (GStrv) words = g_regex_split_simple ("[ ,;]+", name, 0, 0);
  for (char **w = words; *w != NULL; w++)
    if (strlen (*w) >= 3 && g_ascii_isupper (**w))
      g_ptr_array_add (secrets, g_strdup (*w));
}

/* The names, surnames and dates in an employees.csv, found in the file
 * itself as a person would read it: the column named "name" (the second
 * when no header row names it), and every cell that holds a date. Cells
 * are split at the file's delimiter, quotes and blanks taken off, so that
 * a broken file yields them too. */
static void
add_secrets (GPtrArray *secrets, const char *text)
{
  g_auto (GStrv) lines = split_lines (text);
  char delimiter = strchr (lines[0], ';') != NULL ? ';' : ',';
  g_auto (GStrv) head = g_strsplit (lines[0], (char[]){ delimiter, 0 }, -1);
  int name_k = 1;
  for (int k = 0; head[k] != NULL; k++)
    if (g_ascii_strcasecmp (g_strstrip (head[k]), "name") == 0)
      name_k = k;
  for (char **line = lines; *line != NULL; line++)
    {
      g_auto (GStrv) cells = g_strsplit (*line, (char[]){ delimiter, 0 }, -1);
      for (int k = 0; cells[k] != NULL; k++)
        {
          g_strdelimit (cells[k], "\"", ' ');
          g_strstrip (cells[k]);
          if (is_date_text (cells[k]))
            g_ptr_array_add (secrets, g_strdup (cells[k]));
          else if (k == name_k && g_ascii_strcasecmp (cells[k], "name") != 0)
            add_name (secrets, cells[k]);
        }
    }
}

/* Fails for every secret that @messages contains, naming the folder. */
static void
assert_no_secrets (const char *messages, GPtrArray *secrets, const char *label)
{
  for (guint k = 0; k < secrets->len; k++)
    {
      const char *secret = secrets->pdata[k];
      gboolean found = sm_test_has_word (messages, secret);
      if (found)
        fprintf (stderr, "%s: a message quotes '%s':\n%s", label, secret,
                 messages);
      CU_ASSERT_FALSE (found);
    }
}

/* The names and dates of @dir's employees.csv, also read as Windows-1252
 * when it is not UTF-8 (transfer full). */
static GPtrArray *
secrets_of (const char *dir)
{
  GPtrArray *secrets = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_build_filename (dir, "employees.csv", NULL);
  g_autofree char *text = NULL;
  if (!g_file_get_contents (path, &text, NULL, NULL))
    return secrets;
  if (g_utf8_validate (text, -1, NULL))
    add_secrets (secrets, text);
  else
    {
      g_autofree char *utf8 = g_convert (text, -1, "UTF-8", "WINDOWS-1252",
                                         NULL, NULL, NULL);
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      add_secrets (secrets, valid);
      if (utf8 != NULL)
        add_secrets (secrets, utf8);
    }
  return secrets;
}

/* Every broken folder, read with the problem list: no message holds a
 * name, a surname, a first name or a date of its employees.csv. */
static void
test_no_personal_data (void)
{
  static const char *const more[] = { SEVERAL_DIR };
  g_autoptr (GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) d = g_dir_open (BAD_DIR, 0, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (d);
  for (const char *name; (name = g_dir_read_name (d)) != NULL;)
    g_ptr_array_add (dirs, g_build_filename (BAD_DIR, name, NULL));
  for (size_t k = 0; k < G_N_ELEMENTS (more); k++)
    g_ptr_array_add (dirs, g_strdup (more[k]));
  int checked = 0;
  for (guint k = 0; k < dirs->len; k++)
    {
      g_autoptr (GPtrArray) secrets = secrets_of (dirs->pdata[k]);
      g_autoptr (SmProblemList) problems = sm_problem_list_new ();
      GError *error = NULL;
      SmScenario *s = sm_scenario_load_csv (dirs->pdata[k], problems, &error);
      CU_ASSERT_PTR_NULL (s);
      sm_scenario_free (s);
      CU_ASSERT_PTR_NOT_NULL_FATAL (error);
      g_autofree char *all = sm_problem_list_format (problems);
      g_autofree char *messages = g_strconcat (all, error->message, NULL);
      assert_no_secrets (messages, secrets, dirs->pdata[k]);
      checked += secrets->len > 0;
      g_clear_error (&error);
    }
  /* The check itself finds what it looks for. */
  g_autoptr (GPtrArray) probe = secrets_of (BAD_DIR "/stray-quote");
  CU_ASSERT_TRUE (checked >= 30);
  gboolean surname = FALSE, date = FALSE;
  for (guint k = 0; k < probe->len; k++)
    {
      surname |= g_str_equal (probe->pdata[k], "Brinkman");
      date |= g_str_equal (probe->pdata[k], "1970-01-01");
    }
  CU_ASSERT_TRUE (surname && date);
  CU_ASSERT_TRUE (sm_test_has_word ("a 'Brinkman' b", "Brinkman"));
  CU_ASSERT_FALSE (sm_test_has_word ("With", "Wit"));
}

static void
test_several_problems (void)
{
  static const struct {
    const char *file;
    int32_t line, column;
    const char *field;
    SmError code;
  } want[] = {
    { "units.csv", 1, 6, "colour", SM_ERROR_INVALID_VALUE },
    { "positions.csv", 4, 3, "unit", SM_ERROR_UNKNOWN_ID },
    { "employees.csv", 4, 5, "grade", SM_ERROR_INVALID_VALUE },
    { "function-relations.csv", 2, 3, "fit", SM_ERROR_INVALID_VALUE },
    { "function-relations.csv", 4, 1, "from", SM_ERROR_DUPLICATE_ID },
  };
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  GError *error = NULL;
  CU_ASSERT_PTR_NULL (sm_scenario_load_csv (SEVERAL_DIR, problems, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_TRUE (g_str_has_suffix (error->message, "(and 4 more problems)"));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);
  CU_ASSERT_EQUAL_FATAL (sm_problem_list_get_n (problems), G_N_ELEMENTS (want));
  for (size_t k = 0; k < G_N_ELEMENTS (want); k++)
    {
      SmProblem p;
      g_autofree char *file = g_build_filename (SEVERAL_DIR, want[k].file,
                                                NULL);
      sm_problem_list_get (problems, (int32_t) k, &p);
      CU_ASSERT_STRING_EQUAL (p.file, file);
      CU_ASSERT_EQUAL (p.line, want[k].line);
      CU_ASSERT_EQUAL (p.column, want[k].column);
      CU_ASSERT_STRING_EQUAL (p.field, want[k].field);
      CU_ASSERT_EQUAL (p.code, want[k].code);
    }
}

/* ---- line ends, formulas, line breaks ----------------------------------- */

/* Writes @text into @dir/@file. */
static void
write_file (const char *dir, const char *file, const char *text)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  CU_ASSERT_TRUE (g_file_set_contents (path, text, -1, NULL));
}

/* @text with every LF replaced by CR, or (@mixed) by CR, CRLF and LF in
 * turn (transfer full). */
static char *
with_line_ends (const char *text, gboolean mixed)
{
  static const char *const ends[] = { "\r", "\r\n", "\n" };
  GString *out = g_string_new (NULL);
  int k = 0;
  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      g_string_append (out, ends[mixed ? k++ % 3 : 0]);
    else
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* A file whose lines end in CR alone (old Mac spreadsheets), or in a mix
 * of CR, CRLF and LF, loads as the same scenario. */
static void
test_cr_line_ends (void)
{
  g_autoptr (SmScenario) small = load_ok (SMALL_DIR);
  g_autofree char *tmp = make_tmp ();
  g_autofree char *mac = g_build_filename (tmp, "mac", NULL);
  g_autofree char *a = g_build_filename (tmp, "a", NULL);
  g_autofree char *b = g_build_filename (tmp, "b", NULL);
  save_ok (small, mac, SM_CSV_DELIMITER_SEMICOLON);
  for (size_t k = 0; k < G_N_ELEMENTS (table_files); k++)
    {
      g_autofree char *text = read_text (mac, table_files[k]);
      g_autofree char *changed = with_line_ends (text, k % 2 == 0);
      write_file (mac, table_files[k], changed);
    }
  g_autofree char *employees = read_text (mac, "employees.csv");
  CU_ASSERT_PTR_NULL (strchr (employees, '\n'));
  g_autoptr (SmScenario) back = load_ok (mac);
  CU_ASSERT_EQUAL (sm_scenario_get_n_employees (back), 4);
  save_ok (small, a, SM_CSV_DELIMITER_SEMICOLON);
  save_ok (back, b, SM_CSV_DELIMITER_SEMICOLON);
  assert_same_tables (a, b);
  remove_tree (tmp);
}

/* Identifiers and names that a spreadsheet would run as formulas. */
static SmScenario *
formula_scenario (void)
{
  SmScenario *s = sm_scenario_new ();
  SmOrganisationSpec om = { "=OM", "+Ommen", SM_ORGANISATION_KIND_RECEIVING, -1,
                            -1 };
  SmOrganisationSpec hb = { "HB", "Hardenberg", SM_ORGANISATION_KIND_DEFAULT,
                            -1, -1 };
  SmUnitSpec om_u = { "+OM-U", "@Staf", "=OM", NULL, 0 };
  SmUnitSpec hb_u = { "-HB-U", "Sociaal domein", "HB", "=OM", 2024 };
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("-lot");
  SmPositionSpec om_a = { "=OM-A", "=1+1", "+OM-U", "A",  10,
                          1.0,     1,      -1,      NULL, "-lot" };
  SmPositionSpec hb_a = { "@HB-A", "Adviseur", "-HB-U", "A",  10,
                          1.0,     1,          -1,      NULL, NULL };
  SmEmployeeSpec e1 = { "@e1",
                        "=HYPERLINK(\"http://x\";\"y\")",
                        "A",
                        "-HB-U",
                        10,
                        1.0,
                        { 2000, 1, 1 },
                        { 1970, 1, 1 },
                        NULL };
  SmEmployeeSpec e2 = { "'=e2",         "\tAnna Visser", "A", "-HB-U", 10, 1.0,
                        { 2000, 1, 1 }, { 1980, 1, 1 },  NULL };
  SmApplicationSpec app = { "@e1", "=OM-A", 1, -2.5, -1.0 };
  OK (sm_scenario_add_organisation (s, &om, &ok_error));
  OK (sm_scenario_add_organisation (s, &hb, &ok_error));
  OK (sm_scenario_add_unit (s, &om_u, &ok_error));
  OK (sm_scenario_add_unit (s, &hb_u, &ok_error));
  OK (sm_scenario_add_rule (s, rule, &ok_error));
  OK (sm_scenario_add_position (s, &om_a, &ok_error));
  OK (sm_scenario_add_position (s, &hb_a, &ok_error));
  OK (sm_scenario_add_employee (s, &e1, &ok_error));
  OK (sm_scenario_add_employee (s, &e2, &ok_error));
  OK (sm_scenario_add_application (s, &app, &ok_error));
  OK (sm_scenario_add_function_relation (s, "A", "-B", SM_FIT_SUITABLE,
                                         &ok_error));
  return s;
}

/* No cell that a spreadsheet would run as a formula is written as one,
 * and save, load, save still gives the same bytes and the same
 * identifiers. */
static void
test_formula_guard (void)
{
  g_autoptr (SmScenario) s = formula_scenario ();
  g_autofree char *tmp = make_tmp ();
  g_autofree char *first = g_build_filename (tmp, "first", NULL);
  g_autofree char *second = g_build_filename (tmp, "second", NULL);
  save_ok (s, first, SM_CSV_DELIMITER_SEMICOLON);
  g_autofree char *employees = read_text (first, "employees.csv");
  CU_ASSERT_STRING_EQUAL (
      employees,
      "id;name;function;unit;grade;fte;service_start;birth_date;"
      "qualifications\n"
      "'@e1;\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\";A;'-HB-U;10;1;"
      "2000-01-01;1970-01-01;\n"
      "''=e2;'\tAnna Visser;A;'-HB-U;10;1;2000-01-01;1980-01-01;\n");
  g_autofree char *applications = read_text (first, "applications.csv");
  CU_ASSERT_TRUE (g_str_has_suffix (applications, "'@e1;'=OM-A;1;-2.5;\n"));
  for (size_t k = 0; k < G_N_ELEMENTS (table_files); k++)
    {
      /* no cell of any table starts with a formula character, but for
       * negative numbers */
      g_autofree char *text = read_text (first, table_files[k]);
      g_autoptr (GRegex) formula = g_regex_new ("(^|[;\"])([=@\t]|[-+][^0-9])",
                                                G_REGEX_MULTILINE, 0, NULL);
      CU_ASSERT_FALSE (g_regex_match (formula, text, 0, NULL));
    }
  g_autoptr (SmScenario) back = load_ok (first);
  CU_ASSERT_TRUE (sm_scenario_find_employee (back, "@e1") == 0);
  CU_ASSERT_TRUE (sm_scenario_find_employee (back, "'=e2") == 1);
  CU_ASSERT_TRUE (sm_scenario_find_unit (back, "-HB-U") >= 0);
  SmEmployeeSpec e;
  sm_scenario_get_employee (back, 0, &e);
  CU_ASSERT_STRING_EQUAL (e.name, "=HYPERLINK(\"http://x\";\"y\")");
  g_autofree char *before = sm_scenario_checksum (s);
  g_autofree char *after = sm_scenario_checksum (back);
  CU_ASSERT_STRING_EQUAL (before, after);
  save_ok (back, second, SM_CSV_DELIMITER_SEMICOLON);
  assert_same_tables (first, second);

  /* The placement table guards its identifiers too. */
  GError *error = NULL;
  g_autoptr (SmPlacement) placement = sm_scenario_place (back, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autofree char *csv = g_build_filename (tmp, "placements.csv", NULL);
  CU_ASSERT_TRUE (
      sm_placement_save_csv (placement, csv, SM_CSV_DELIMITER_COMMA, &error));
  SM_ASSERT_NO_ERROR (error);
  g_autofree char *text = read_text (tmp, "placements.csv");
  CU_ASSERT_STRING_EQUAL (text, "employee,organisation,unit,position,"
                                "preference,status\n"
                                "'@e1,'=OM,'+OM-U,'=OM-A,1,placed\n"
                                "''=e2,HB,'-HB-U,'@HB-A,,follows-work\n");
  remove_tree (tmp);
}

/* Saving never writes what loading refuses: a line break in a column
 * that holds none fails, naming the table, the column and the row, and
 * writes no table. */
static void
test_save_refuses_line_breaks (void)
{
  g_autoptr (SmScenario) s = hand_made_scenario ();
  SmEmployeeSpec e = { "1005", "Jan\nde Jong", "CON",       "HB-SD", 9,
                       1.0,    { 0, 0, 0 },    { 0, 0, 0 }, NULL };
  OK (sm_scenario_add_employee (s, &e, &ok_error));
  g_autofree char *tmp = make_tmp ();
  GError *error = NULL;
  CU_ASSERT_FALSE (
      sm_scenario_save_csv (s, tmp, SM_CSV_DELIMITER_SEMICOLON, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_TRUE (g_str_has_prefix (error->message,
                                    "Cannot save employees.csv: the name of "
                                    "row 5 holds a line break"));
  CU_ASSERT_PTR_NULL (strstr (error->message, "Jong"));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);
  g_autofree char *units = g_build_filename (tmp, "units.csv", NULL);
  CU_ASSERT_FALSE (g_file_test (units, G_FILE_TEST_EXISTS));

  /* The free text of a manual placement's reason may hold them (the
   * hand-made scenario has one). */
  g_autoptr (SmScenario) fine = hand_made_scenario ();
  save_ok (fine, tmp, SM_CSV_DELIMITER_COMMA);
  remove_tree (tmp);
}

/* ---- placements --------------------------------------------------------- */

static void
test_placement_csv (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = load_ok (SMALL_DIR);
  g_autoptr (SmPlacement) placement = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autofree char *tmp = make_tmp ();
  g_autofree char *semi = g_build_filename (tmp, "placement.csv", NULL);
  g_autofree char *comma = g_build_filename (tmp, "placement-comma.csv", NULL);
  g_autofree char *missing = g_build_filename (tmp, "no", "p.csv", NULL);
  CU_ASSERT_TRUE (sm_placement_save_csv (placement, semi,
                                         SM_CSV_DELIMITER_SEMICOLON, &error));
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (
      sm_placement_save_csv (placement, comma, SM_CSV_DELIMITER_COMMA, &error));
  SM_ASSERT_NO_ERROR (error);
  g_autofree char *text = read_text (tmp, "placement.csv");
  CU_ASSERT_STRING_EQUAL (text, "employee;organisation;unit;position;"
                                "preference;status\n"
                                "e1;OM;OM-U;OM-A;1;placed\n"
                                "e2;HB;HB-U;HB-A;;follows-work\n"
                                "e3;HB;HB-U;;;supernumerary\n"
                                "e4;OM;OM-U;OM-B;;manual\n");
  g_autofree char *text_comma = read_text (tmp, "placement-comma.csv");
  CU_ASSERT_TRUE (g_str_has_prefix (text_comma, "employee,organisation,unit,"
                                                "position,preference,status\n"
                                                "e1,OM,OM-U,OM-A,1,placed\n"));
  CU_ASSERT_FALSE (sm_placement_save_csv (placement, missing,
                                          SM_CSV_DELIMITER_SEMICOLON, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_IO);
  remove_tree (tmp);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "save, load, save with ';'", test_round_trip_semicolon },
    { "save, load, save with ','", test_round_trip_comma },
    { "canonical text of the tables", test_canonical_text },
    { "an empty scenario writes every table", test_empty_scenario_tables },
    { "a spreadsheet's export loads the same", test_spreadsheet_variant },
    { "sm_scenario_load takes a folder as CSV", test_load_dispatch },
    { "broken folders: code and location", test_bad_folders },
    { "no names or dates in any message", test_no_personal_data },
    { "several problems are all listed", test_several_problems },
    { "placement as CSV", test_placement_csv },
    { "CR and mixed line ends load the same", test_cr_line_ends },
    { "formulas guarded, read back as written", test_formula_guard },
    { "saving refuses line breaks loading refuses",
      test_save_refuses_line_breaks },
    { NULL, NULL },
  };
  return sm_test_run_suite ("scenario-csv", cases);
}
