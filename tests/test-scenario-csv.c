/* staffmatch tests: scenarios as CSV folders, placements as CSV (io.h).
 *
 * A scenario built by hand, with every table and the awkward values
 * (delimiters, quotes and a line break in text, a leading blank, "é",
 * missing dates and scores, a 64-bit seed), must survive save, load, save
 * byte for byte with either delimiter; the same scenario as a spreadsheet
 * exports it (columns reordered, header case, decimal commas, dd-mm-jjjj
 * dates, CRLF, byte-order marks, Windows-1252, blank rows) must load to
 * the same scenario, compared by saving both. Every folder of
 * data/csv/bad/ has one thing wrong and must fail with the exact code and
 * location; data/csv/several/ has several problems, which must all be
 * listed. Files are written only into fresh temporary folders. */
#include "test-util.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#define SMALL_DIR "data/csv/small"
#define SHEET_DIR "data/csv/spreadsheet"
#define SEVERAL_DIR "data/csv/several"
#define BAD_DIR "data/csv/bad"

static const char *const table_files[] = {
  "organisations.csv", "units.csv", "positions.csv", "employees.csv",
  "applications.csv", "function-relations.csv", "rules.csv",
  "manual-placements.csv", "settings.csv",
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
        fprintf (stderr, "%s differs:\n%s\n---\n%s\n", table_files[k], ta,
                 tb);
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

#define OK(call)                                                      \
  do {                                                                \
    GError *ok_error = NULL;                                          \
    CU_ASSERT_TRUE (call);                                            \
    SM_ASSERT_NO_ERROR (ok_error);                                    \
  } while (0)

static void
add_organisations (SmScenario *s)
{
  SmOrganisationSpec om = { "OM", "Gemeente Ommen", SM_ORGANISATION_RECEIVING,
                            1, 4 };
  SmOrganisationSpec hb = { "HB", "Gemeente Hardenberg",
                            SM_ORGANISATION_DEFAULT, -1, -1 };
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
                                      SM_PREFER_HIGH, &ok_error));
  OK (sm_priority_rule_add_criterion (strict, SM_CRITERION_COMMITTEE_SCORE,
                                      SM_PREFER_HIGH, &ok_error));
  OK (sm_priority_rule_add_criterion (strict, SM_CRITERION_SERVICE,
                                      SM_PREFER_HIGH, &ok_error));
  OK (sm_priority_rule_add_criterion (strict, SM_CRITERION_AGE,
                                      SM_PREFER_LOW, &ok_error));
  sm_priority_rule_set_max_grade_distance (strict, 1);
  sm_priority_rule_set_min_fit (strict, SM_FIT_SUITABLE);
  sm_priority_rule_set_require_qualifications (strict, TRUE);
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
    { "OM-SEC", "Gemeentesecretaris", "OM-STAF", "SEC", 14, 1.0, 1, -1,
      sec_q, "strict" },
    { "OM-BA", "Beleidsadviseur \"sociaal\"", "OM-STAF", "BA", 11, 0.8, 3,
      2, NULL, NULL },
    { "HB-CON", "Consulent", "HB-SD", "CON", 9, 1.0, 2, -1, NULL, NULL },
    { "HB-BA", " Beleidsadviseur", "HB-SD", "BA", 11, 0.9, 1, -1, vog,
      NULL },
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
    { "1001", "Jansen, Piet", "SEC", "HB-SD", 14, 1.0, { 2001, 3, 1 },
      { 1965, 7, 15 }, sec_q },
    { "1002", "Ren\xC3\xA9" "e de Vries", "BA", "HB-SD", 11, 0.8,
      { 2010, 9, 1 }, { 1980, 2, 29 }, NULL },
    { "1003", "Ali Yilmaz", "CON", "HB-PUB", 9, 0.55, { 0, 0, 0 },
      { 0, 0, 0 }, vog },
    { "1004", "O'Neill; Sam", "CON", "HB-SD", 9, 1.0, { 1999, 1, 1 },
      { 1970, 12, 31 }, NULL },
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
  OK (sm_scenario_add_function_relation (s, "SEC", "BA",
                                         SM_FIT_INTERCHANGEABLE, &ok_error));
  OK (sm_scenario_add_manual_placement (
      s, "1004", "OM-BA", "Hardheidsclausule:\nmedische redenen; zie dossier",
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
  sm_scenario_set_tie_breaking (s, SM_TIE_BREAK_PER_POSITION);
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
  CU_ASSERT_STRING_EQUAL (
      sm_priority_rule_get_id (sm_scenario_get_default_rule (back)), "lot");
  remove_tree (tmp);
}

static void
test_round_trip_semicolon (void)
{
  round_trip (SM_CSV_SEMICOLON);
}

static void
test_round_trip_comma (void)
{
  round_trip (SM_CSV_COMMA);
}

static void
test_canonical_text (void)
{
  g_autoptr (SmScenario) s = hand_made_scenario ();
  g_autofree char *tmp = make_tmp ();
  save_ok (s, tmp, SM_CSV_SEMICOLON);
  g_autofree char *positions = read_text (tmp, "positions.csv");
  CU_ASSERT_STRING_EQUAL (positions,
    "id;title;unit;function;grade;fte;seats;target_seats;qualifications;"
    "rule\n"
    "OM-SEC;Gemeentesecretaris;OM-STAF;SEC;14;1;1;;master|vog;strict\n"
    "OM-BA;\"Beleidsadviseur \"\"sociaal\"\"\";OM-STAF;BA;11;0.8;3;2;;\n"
    "HB-CON;Consulent;HB-SD;CON;9;1;2;;;\n"
    "HB-BA;\" Beleidsadviseur\";HB-SD;BA;11;0.9;1;;vog;\n");
  g_autofree char *settings = read_text (tmp, "settings.csv");
  CU_ASSERT_STRING_EQUAL (settings,
    "key;value\n"
    "seed;18446744073709551615\n"
    "tie_breaking;per-position\n"
    "reference_date;2018-10-01\n"
    "reduction;reflection\n"
    "age_band_years;5\n"
    "default_rule;lot\n");
  g_autofree char *rules = read_text (tmp, "rules.csv");
  CU_ASSERT_STRING_EQUAL (rules,
    "id;criteria;max_grade_distance;min_fit;require_qualifications\n"
    "strict;fit:high|committee-score:high|service:high|age:low;1;suitable;"
    "yes\n"
    "lot;;;;no\n");
  remove_tree (tmp);
}

/* An empty scenario still writes every table, settings with every key. */
static void
test_empty_scenario_tables (void)
{
  g_autoptr (SmScenario) s = sm_scenario_new ();
  g_autofree char *tmp = make_tmp ();
  save_ok (s, tmp, SM_CSV_COMMA);
  g_autofree char *manual = read_text (tmp, "manual-placements.csv");
  CU_ASSERT_STRING_EQUAL (manual, "employee,position,reason\n");
  g_autofree char *settings = read_text (tmp, "settings.csv");
  CU_ASSERT_STRING_EQUAL (settings,
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
  save_ok (made, a, SM_CSV_SEMICOLON);
  save_ok (sheet, b, SM_CSV_SEMICOLON);
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

  CU_ASSERT_PTR_NULL (sm_scenario_load_csv (BAD_DIR "/no-such-folder", NULL,
                                            &error));
  SM_ASSERT_ERROR (error, SM_ERROR_IO);
}

/* ---- broken folders ----------------------------------------------------- */

/* Each folder of data/csv/bad/, its first error and where. Each has one
 * problem, reported once: what it makes fail later (a unit of an
 * organisation that was refused, the positions of a table that could not
 * be read) is not reported again. */
static const struct {
  const char *name;
  SmError code;
  const char *prefix;   /* after "data/csv/bad/NAME/" */
} bad_cases[] = {
  { "missing-table", SM_ERROR_IO, "employees.csv: " },
  { "unterminated-quote", SM_ERROR_PARSE, "positions.csv:3: " },
  { "text-after-quote", SM_ERROR_PARSE, "units.csv:2: " },
  { "invalid-utf8-after-bom", SM_ERROR_PARSE, "employees.csv:3: " },
  { "empty-file", SM_ERROR_PARSE, "function-relations.csv:1: " },
  { "unknown-column", SM_ERROR_INVALID_VALUE, "units.csv:1:6: colour: " },
  { "missing-column", SM_ERROR_PARSE, "employees.csv:1: grade: " },
  { "row-without-column-name", SM_ERROR_PARSE,
    "function-relations.csv:2:4: " },
  { "extra-field", SM_ERROR_PARSE, "applications.csv:3:6: " },
  { "grade-not-number", SM_ERROR_INVALID_VALUE, "employees.csv:3:5: grade: " },
  { "bad-date", SM_ERROR_INVALID_VALUE, "employees.csv:2:8: birth_date: " },
  { "bad-fte", SM_ERROR_INVALID_VALUE, "positions.csv:4:6: fte: " },
  { "bad-kind", SM_ERROR_INVALID_VALUE, "organisations.csv:2:3: kind: " },
  { "bad-fit", SM_ERROR_INVALID_VALUE, "function-relations.csv:2:3: fit: " },
  { "unknown-unit", SM_ERROR_UNKNOWN_ID, "positions.csv:2:3: unit: " },
  { "unknown-position", SM_ERROR_UNKNOWN_ID,
    "applications.csv:3:2: position: " },
  { "duplicate-id", SM_ERROR_DUPLICATE_ID, "employees.csv:3:1: id: " },
  { "second-default", SM_ERROR_INFEASIBLE, "organisations.csv:3: " },
  { "manual-no-reason", SM_ERROR_INVALID_VALUE,
    "manual-placements.csv:2:3: reason: " },
  { "unknown-setting", SM_ERROR_INVALID_VALUE, "settings.csv:2:1: key: " },
  { "bad-seed", SM_ERROR_INVALID_VALUE, "settings.csv:2:2: seed: " },
  { "unknown-default-rule", SM_ERROR_UNKNOWN_ID,
    "settings.csv:3:2: default_rule: " },
  { "bad-criterion", SM_ERROR_INVALID_VALUE, "rules.csv:2:2: criteria: " },
  { "duplicate-criterion", SM_ERROR_DUPLICATE, "rules.csv:2:2: criteria: " },
  { "bad-boolean", SM_ERROR_INVALID_VALUE,
    "rules.csv:2:5: require_qualifications: " },
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
  /* duplicate-id also leaves the application of e2 without its employee */
  int want = g_str_equal (bad_cases[k].name, "duplicate-id") ? 2 : 1;
  if (!g_str_has_prefix (error->message, prefix)
      || sm_problem_list_get_n (problems) != want)
    fprintf (stderr, "%s: want prefix '%s', got:\n%s", bad_cases[k].name,
             prefix, all);
  CU_ASSERT_TRUE (g_str_has_prefix (error->message, prefix));
  CU_ASSERT_EQUAL (sm_problem_list_get_n (problems), want);
  /* Personal data never appears: the names and dates of the folders. */
  CU_ASSERT_PTR_NULL (strstr (all, "Piet"));
  CU_ASSERT_PTR_NULL (strstr (all, "Anna"));
  CU_ASSERT_PTR_NULL (strstr (all, "1970"));
  SM_ASSERT_ERROR (error, bad_cases[k].code);
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
      CU_ASSERT_EQUAL (p.code, (int) want[k].code);
    }
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
  g_autofree char *comma = g_build_filename (tmp, "placement-comma.csv",
                                             NULL);
  g_autofree char *missing = g_build_filename (tmp, "no", "p.csv", NULL);
  CU_ASSERT_TRUE (sm_placement_save_csv (placement, semi, SM_CSV_SEMICOLON,
                                         &error));
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (sm_placement_save_csv (placement, comma, SM_CSV_COMMA,
                                         &error));
  SM_ASSERT_NO_ERROR (error);
  g_autofree char *text = read_text (tmp, "placement.csv");
  CU_ASSERT_STRING_EQUAL (text,
    "employee;organisation;unit;position;preference;status\n"
    "e1;OM;OM-U;OM-A;1;placed\n"
    "e2;HB;HB-U;HB-A;;follows-work\n"
    "e3;HB;HB-U;;;supernumerary\n"
    "e4;OM;OM-U;OM-B;;manual\n");
  g_autofree char *text_comma = read_text (tmp, "placement-comma.csv");
  CU_ASSERT_TRUE (g_str_has_prefix (text_comma,
    "employee,organisation,unit,position,preference,status\n"
    "e1,OM,OM-U,OM-A,1,placed\n"));
  CU_ASSERT_FALSE (sm_placement_save_csv (placement, missing,
                                          SM_CSV_SEMICOLON, &error));
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
    { "several problems are all listed", test_several_problems },
    { "placement as CSV", test_placement_csv },
    { NULL, NULL },
  };
  return sm_test_run_suite ("scenario-csv", cases);
}
