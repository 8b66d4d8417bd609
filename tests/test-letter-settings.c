/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: the letters' settings (scenario.h, SmLetterSettings)
 * and the letters that carry them.
 *
 * A small scenario placed with a reference date of 1 July 2025: every
 * letter, in each regime and language, is checked for its date, the
 * deadline two weeks later, the sender, the signatory, the contact, the
 * address for a response, the effective date from the settings and the
 * legal route of its regime. The settings go through CSV and JSON and
 * come back the same; every bad value is refused with its exact code and
 * place.
 */
#include <string.h>
#include <glib/gstdio.h>
#include <staffmatch/staffmatch.h>

#include "test-util.h"

#define EMPLOYER "Bestuursdienst Testland"
#define BODY "het dagelijks bestuur van de Bestuursdienst Testland"
#define SIGNATORY "J. Jansen, secretaris"
#define CONTACT "A. de Vries (HR-adviseur), 0523 123 456"
#define ADDRESS "Postbus 12, 1234 AB Testdorp"

static void
ok_or_fail (gboolean ok, GError **error)
{
  if (!ok)
    fprintf (stderr, "setup: %s\n", (*error)->message);
  CU_ASSERT_TRUE_FATAL (ok);
}

/* Two organisations, one position at the receiving one that two people
 * want and one gets, a third person whose function fits nothing there. */
static SmScenario *
small_scenario (void)
{
  GError *error = NULL;
  SmScenario *s = sm_scenario_new ();
  SmOrganisationSpec o = SM_ORGANISATION_SPEC_INIT;
  o.id = "H", o.name = "Hardenberg", o.kind = SM_ORGANISATION_KIND_DEFAULT;
  ok_or_fail (sm_scenario_add_organisation (s, &o, &error), &error);
  o.id = "O", o.name = "Ommen", o.kind = SM_ORGANISATION_KIND_RECEIVING;
  ok_or_fail (sm_scenario_add_organisation (s, &o, &error), &error);
  SmUnitSpec u = SM_UNIT_SPEC_INIT;
  u.id = "hu", u.name = "Publiekszaken", u.organisation_id = "H";
  ok_or_fail (sm_scenario_add_unit (s, &u, &error), &error);
  u.id = "ou", u.name = "Regie en beleid", u.organisation_id = "O";
  ok_or_fail (sm_scenario_add_unit (s, &u, &error), &error);
  SmPositionSpec p = SM_POSITION_SPEC_INIT;
  p.id = "pol", p.title = "Beleidsadviseur", p.unit_id = "ou";
  p.function_code = "POL", p.grade = 10;
  ok_or_fail (sm_scenario_add_position (s, &p, &error), &error);
  p.id = "adm", p.title = "Administratief medewerker", p.unit_id = "hu";
  p.function_code = "ADM", p.grade = 8, p.seats = 3;
  ok_or_fail (sm_scenario_add_position (s, &p, &error), &error);
  const struct {
    const char *id, *name, *code;
    int year;
  } people[] = { { "E1", "Eva Eerste", "POL", 1990 },
                 { "E2", "Erik Tweede", "POL", 2024 },
                 { "E3", "Els Derde", "ADM", 2000 } };
  for (size_t k = 0; k < G_N_ELEMENTS (people); k++)
    {
      SmEmployeeSpec e = SM_EMPLOYEE_SPEC_INIT;
      e.id = people[k].id, e.name = people[k].name;
      e.function_code = people[k].code, e.unit_id = "hu", e.grade = 10;
      e.service_start = (SmDate){ people[k].year, 1, 1 };
      e.birth_date = (SmDate){ 1970, 1, 1 };
      ok_or_fail (sm_scenario_add_employee (s, &e, &error), &error);
      SmApplicationSpec a = SM_APPLICATION_SPEC_INIT;
      a.employee_id = e.id, a.position_id = "pol", a.preference = 1;
      ok_or_fail (sm_scenario_add_application (s, &a, &error), &error);
    }
  SmPriorityRule *rule = sm_priority_rule_new ("sociaal-statuut");
  ok_or_fail (sm_priority_rule_add_criterion (rule, SM_CRITERION_SERVICE,
                                              SM_DIRECTION_HIGHER_FIRST,
                                              &error),
              &error);
  sm_priority_rule_set_min_fit (rule, SM_FIT_REASONABLE);
  ok_or_fail (sm_scenario_add_rule (s, rule, &error), &error);
  sm_priority_rule_free (rule);
  sm_scenario_set_reference_date (s, (SmDate){ 2025, 7, 1 });
  return s;
}

static SmLetterSettings
full_settings (SmRegime regime)
{
  SmLetterSettings l = SM_LETTER_SETTINGS_INIT;
  l.regime = regime;
  l.effective_date = (SmDate){ 2019, 1, 1 };
  l.letter_date = (SmDate){ 2025, 6, 20 };
  l.employer = EMPLOYER;
  l.deciding_body = BODY;
  l.signatory = SIGNATORY;
  l.contact = CONTACT;
  l.response_address = ADDRESS;
  return l;
}

static void
assert_contains (const char *text, const char *what)
{
  if (strstr (text, what) == NULL)
    fprintf (stderr, "\nmissing: “%s”\n", what);
  CU_ASSERT_PTR_NOT_NULL (strstr (text, what));
}

static void
assert_lacks (const char *text, const char *what)
{
  if (strstr (text, what) != NULL)
    fprintf (stderr, "\nunexpected: “%s”\n", what);
  CU_ASSERT_PTR_NULL (strstr (text, what));
}

/* The letter of employee @id, from the scenario's own settings. */
static char *
letter_of (const SmPlacement *p, const char *id, SmLanguage language)
{
  GError *error = NULL;
  SmLetterOptions o = SM_LETTER_OPTIONS_INIT;
  o.language = language;
  int32_t i = sm_scenario_find_employee (sm_placement_get_scenario (p), id);
  char *text = sm_letter_render (p, i, &o, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (text);
  return text;
}

static SmPlacement *
place_with (SmScenario *s, SmRegime regime)
{
  GError *error = NULL;
  SmLetterSettings l = full_settings (regime);
  ok_or_fail (sm_scenario_set_letter_settings (s, &l, &error), &error);
  SmPlacement *p = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  return p;
}

/* ---- the letters carry every setting --------------------------------------
 */

static void
assert_dutch_head (const char *t)
{
  CU_ASSERT_TRUE (g_str_has_prefix (t, EMPLOYER "\n\nDatum: 20 juni 2025\n"
                                                "Aan: Eva Eerste\n"));
  assert_contains (t, "over uw plaatsing per 1 januari 2019\n");
  assert_contains (t, "met ingang van 1 januari 2019");
  assert_contains (t, "berekend op 1 juli 2025");
  assert_contains (t, "neem dan contact op met " CONTACT ".\n");
  assert_contains (t, "Met vriendelijke groet,\n\n" BODY
                      "\nnamens deze,\n\n" SIGNATORY "\n");
  assert_contains (t, "binnen twee weken na de datum van deze brief, dus "
                      "uiterlijk op 4 juli 2025,");
  assert_lacks (t, "college");
}

static void
assert_english_head (const char *t)
{
  CU_ASSERT_TRUE (g_str_has_prefix (t, EMPLOYER "\n\nDate: 20 June 2025\n"
                                                "To: Eva Eerste\n"));
  assert_contains (t, "on your placement from 1 January 2019\n");
  assert_contains (t, "With effect from 1 January 2019");
  assert_contains (t, "were counted on 1 July 2025");
  assert_contains (t, "please contact " CONTACT ".\n");
  assert_contains (t, "Yours sincerely,\n\n" BODY
                      "\non its behalf,\n\n" SIGNATORY "\n");
  assert_contains (t, "within two weeks of the date of this letter, that is "
                      "by 4 July 2025,");
  assert_lacks (t, "college");
}

static void
test_public_law_letters (void)
{
  g_autoptr (SmScenario) s = small_scenario ();
  g_autoptr (SmPlacement) p = place_with (s, SM_REGIME_PUBLIC_LAW);
  g_autofree char *nl = letter_of (p, "E1", SM_LANGUAGE_DUTCH);
  g_autofree char *en = letter_of (p, "E1", SM_LANGUAGE_ENGLISH);
  assert_dutch_head (nl);
  assert_contains (nl, "Onderwerp: ontwerpbesluit over");
  assert_contains (nl, "zienswijze geven aan " BODY " (" ADDRESS
                       ") (artikel 4:8 van de Algemene wet "
                       "bestuursrecht, Awb)");
  assert_contains (nl, "op grond van de Awb bezwaar maken bij " BODY
                       " (" ADDRESS "), binnen zes weken");
  assert_contains (nl, "(artikel 6:5 Awb)");
  assert_lacks (nl, "kantonrechter");
  assert_english_head (en);
  assert_contains (en, "Subject: Draft decision on");
  assert_contains (en, "in writing within two weeks of the date of this "
                       "letter, that is by 4 July 2025, to " BODY " (" ADDRESS
                       ") (article 4:8 of the General "
                       "Administrative Law Act");
  assert_contains (en, "Under the Awb you may lodge an objection (bezwaar) "
                       "against that decision with " BODY " (" ADDRESS
                       ") within six weeks");
  assert_lacks (en, "kantonrechter");
}

static void
test_employment_law_letters (void)
{
  g_autoptr (SmScenario) s = small_scenario ();
  g_autoptr (SmPlacement) p = place_with (s, SM_REGIME_EMPLOYMENT_LAW);
  g_autofree char *nl = letter_of (p, "E1", SM_LANGUAGE_DUTCH);
  g_autofree char *en = letter_of (p, "E1", SM_LANGUAGE_ENGLISH);
  assert_dutch_head (nl);
  assert_contains (nl, "Onderwerp: besluit over");
  assert_contains (nl, "Dit besluit is genomen door " BODY
                       ", onder het arbeidsrecht.");
  assert_contains (nl, "schriftelijk en met uw redenen weten aan " BODY
                       " (" ADDRESS ").");
  assert_contains (nl, "kantonrechter");
  assert_lacks (nl, "Awb");
  assert_lacks (nl, "bezwaar");
  assert_lacks (nl, "ontwerpbesluit");
  assert_english_head (en);
  assert_contains (en,
                   "This decision was taken by " BODY " under employment law.");
  assert_contains (en, "subdistrict court (kantonrechter)");
  assert_lacks (en, "Awb");
  assert_lacks (en, "objection");
}

/* Without settings: employment law, the reference date as the effective
 * date, no date line, two weeks from receipt, "your employer". */
static void
test_defaults (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = small_scenario ();
  g_autoptr (SmPlacement) p = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autofree char *nl = letter_of (p, "E1", SM_LANGUAGE_DUTCH);
  g_autofree char *en = letter_of (p, "E1", SM_LANGUAGE_ENGLISH);
  CU_ASSERT_TRUE (g_str_has_prefix (nl, "Aan: Eva Eerste\n"));
  assert_contains (nl, "plaatsing per 1 juli 2025\n");
  assert_contains (nl, "binnen twee weken nadat u deze brief heeft "
                       "ontvangen");
  assert_contains (nl, "Dit besluit is genomen door uw werkgever");
  assert_contains (nl, "kantonrechter");
  assert_lacks (nl, "Datum:");
  assert_lacks (nl, "bezwaar");
  assert_lacks (nl, "contact op");
  assert_lacks (nl, "namens deze");
  CU_ASSERT_TRUE (g_str_has_prefix (en, "To: Eva Eerste\n"));
  assert_contains (en, "within two weeks of receiving this letter");
  assert_lacks (en, "Date:");
}

/* Settings given with the options replace the scenario's. */
static void
test_options_replace_scenario (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = small_scenario ();
  g_autoptr (SmPlacement) p = place_with (s, SM_REGIME_EMPLOYMENT_LAW);
  SmLetterSettings mine;
  sm_scenario_get_letter_settings (s, &mine);
  mine.regime = SM_REGIME_PUBLIC_LAW;
  mine.deciding_body = "de directie";
  SmLetterOptions o = SM_LETTER_OPTIONS_INIT;
  o.settings = &mine;
  g_autofree char *nl = sm_letter_render (p, 0, &o, &error);
  SM_ASSERT_NO_ERROR (error);
  assert_contains (nl, "bezwaar maken bij de directie (" ADDRESS ")");
  assert_contains (nl, "Datum: 20 juni 2025");
}

/* ---- plain wording: competition, a missing relation, own values --------- */

static void
test_wording (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = small_scenario ();
  g_autoptr (SmPlacement) p = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autofree char *e2_nl = letter_of (p, "E2", SM_LANGUAGE_DUTCH);
  g_autofree char *e2_en = letter_of (p, "E2", SM_LANGUAGE_ENGLISH);
  g_autofree char *e3_nl = letter_of (p, "E3", SM_LANGUAGE_DUTCH);
  g_autofree char *e3_en = letter_of (p, "E3", SM_LANGUAGE_ENGLISH);
  /* E1 and E2 were ranked for the one seat; E3 was not eligible. */
  assert_contains (e2_nl, "Voor deze functie waren er 2 kandidaten voor 1 "
                          "plaats.");
  assert_contains (e2_en, "This position had 2 candidates for 1 place.");
  /* E2 started on 1 January 2024: one year and 182 days on 1 July 2025. */
  assert_contains (e2_nl, "Doorslaggevend was diensttijd (langste eerst). "
                          "Uw diensttijd op 1 juli 2025: 1 jaar en 181 "
                          "dagen.");
  assert_contains (e2_en, "Your years of service on 1 July 2025: 1 year and "
                          "181 days.");
  assert_lacks (e2_nl, "eigen gegeven");
  assert_lacks (e2_en, "own value");
  /* E3's function ADM has no relation to POL. */
  assert_contains (e3_nl, "De tabel van functierelaties noemt geen relatie "
                          "van uw functie (ADM) naar de functie van deze "
                          "positie (POL)");
  assert_contains (e3_en, "The table of function relations holds no "
                          "relation from your function (ADM) to this "
                          "position's function (POL)");
}

/* ---- the setter ------------------------------------------------------------
 */

static void
assert_refused (SmScenario *s, const SmLetterSettings *bad)
{
  GError *error = NULL;
  SmLetterSettings before, after;
  sm_scenario_get_letter_settings (s, &before);
  CU_ASSERT_FALSE (sm_scenario_set_letter_settings (s, bad, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);
  CU_ASSERT_FALSE (sm_letter_settings_check (bad, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);
  sm_scenario_get_letter_settings (s, &after);
  CU_ASSERT_EQUAL (memcmp (&before, &after, sizeof before), 0);
}

static void
test_setter_refuses (void)
{
  g_autoptr (SmScenario) s = small_scenario ();
  char long_text[202];
  memset (long_text, 'x', 201);
  long_text[201] = '\0';
  SmLetterSettings bad = full_settings (SM_REGIME_PUBLIC_LAW);
  bad.regime = (SmRegime) 2;
  assert_refused (s, &bad);
  bad = full_settings (SM_REGIME_PUBLIC_LAW);
  bad.effective_date = (SmDate){ 2019, 2, 29 };
  assert_refused (s, &bad);
  bad = full_settings (SM_REGIME_PUBLIC_LAW);
  bad.letter_date = (SmDate){ 1899, 12, 31 };
  assert_refused (s, &bad);
  bad = full_settings (SM_REGIME_PUBLIC_LAW);
  bad.contact = "  ";
  assert_refused (s, &bad);
  bad = full_settings (SM_REGIME_PUBLIC_LAW);
  bad.signatory = "J. Jansen\nsecretaris";
  assert_refused (s, &bad);
  bad = full_settings (SM_REGIME_PUBLIC_LAW);
  bad.employer = "Bestuursdienst \xff";
  assert_refused (s, &bad);
  bad = full_settings (SM_REGIME_PUBLIC_LAW);
  bad.response_address = long_text;
  assert_refused (s, &bad);
  long_text[200] = '\0'; /* 200 bytes are allowed */
  GError *error = NULL;
  CU_ASSERT_TRUE (sm_scenario_set_letter_settings (s, &bad, &error));
  SM_ASSERT_NO_ERROR (error);
}

/* The settings decide nothing in a placement: the checksum ignores them. */
static void
test_checksum_ignores_letters (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = small_scenario ();
  g_autofree char *before = sm_scenario_checksum (s);
  SmLetterSettings l = full_settings (SM_REGIME_PUBLIC_LAW);
  ok_or_fail (sm_scenario_set_letter_settings (s, &l, &error), &error);
  g_autofree char *after = sm_scenario_checksum (s);
  CU_ASSERT_STRING_EQUAL (before, after);
}

/* ---- files ----------------------------------------------------------------
 */

static void
assert_same_settings (const SmScenario *a, const SmScenario *b)
{
  SmLetterSettings x, y;
  sm_scenario_get_letter_settings (a, &x);
  sm_scenario_get_letter_settings (b, &y);
  CU_ASSERT_EQUAL (x.regime, y.regime);
  CU_ASSERT_EQUAL (sm_date_compare (x.effective_date, y.effective_date), 0);
  CU_ASSERT_EQUAL (sm_date_compare (x.letter_date, y.letter_date), 0);
  CU_ASSERT_STRING_EQUAL (x.employer, y.employer);
  CU_ASSERT_STRING_EQUAL (x.deciding_body, y.deciding_body);
  CU_ASSERT_STRING_EQUAL (x.signatory, y.signatory);
  CU_ASSERT_STRING_EQUAL (x.contact, y.contact);
  CU_ASSERT_STRING_EQUAL (x.response_address, y.response_address);
}

static void
test_round_trip (void)
{
  GError *error = NULL;
  g_autofree char *dir = sm_test_make_temp_dir ();
  g_autofree char *csv = g_build_filename (dir, "csv", NULL);
  g_autofree char *json = g_build_filename (dir, "scenario.json", NULL);
  for (int regime = 0; regime < 2; regime++)
    {
      g_autoptr (SmScenario) s = small_scenario ();
      SmLetterSettings l = full_settings ((SmRegime) regime);
      ok_or_fail (sm_scenario_set_letter_settings (s, &l, &error), &error);
      ok_or_fail (sm_scenario_save_csv (s, csv, SM_CSV_DELIMITER_SEMICOLON,
                                        &error),
                  &error);
      ok_or_fail (sm_scenario_save_json (s, json, &error), &error);
      g_autoptr (SmScenario)
          from_csv = sm_scenario_load_csv (csv, NULL, &error);
      SM_ASSERT_NO_ERROR (error);
      g_autoptr (SmScenario)
          from_json = sm_scenario_load_json (json, NULL, &error);
      SM_ASSERT_NO_ERROR (error);
      assert_same_settings (s, from_csv);
      assert_same_settings (s, from_json);
    }
  /* Defaults leave the JSON as it was, and CSV lists every key blank. */
  g_autoptr (SmScenario) plain = small_scenario ();
  ok_or_fail (sm_scenario_save_json (plain, json, &error), &error);
  ok_or_fail (sm_scenario_save_csv (plain, csv, SM_CSV_DELIMITER_SEMICOLON,
                                    &error),
              &error);
  g_autofree char *text = NULL;
  g_autofree char *table = NULL;
  g_autofree char *table_path = g_build_filename (csv, "letters.csv", NULL);
  CU_ASSERT_TRUE (g_file_get_contents (json, &text, NULL, NULL));
  CU_ASSERT_TRUE (g_file_get_contents (table_path, &table, NULL, NULL));
  CU_ASSERT_PTR_NULL (strstr (text, "\"letters\""));
  CU_ASSERT_STRING_EQUAL (table, "key;value\nregime;employment\n"
                                 "effective_date;\nletter_date;\n"
                                 "employer;\ndeciding_body;\n"
                                 "signatory;\ncontact;\n"
                                 "response_address;\n");
}

/* A folder saved from the small scenario, with letters.csv replaced. */
static char *
folder_with_letters (const char *dir, const char *table)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = small_scenario ();
  char *csv = g_build_filename (dir, "bad", NULL);
  ok_or_fail (sm_scenario_save_csv (s, csv, SM_CSV_DELIMITER_SEMICOLON, &error),
              &error);
  g_autofree char *path = g_build_filename (csv, "letters.csv", NULL);
  CU_ASSERT_TRUE (g_file_set_contents (path, table, -1, NULL));
  return csv;
}

typedef struct {
  const char *table; /* letters.csv */
  SmError code;
  int line, column;
  const char *field;
} BadCsv;

static void
test_csv_refuses (void)
{
  static const BadCsv cases[] = {
    { "key;value\nregime;civil\n", SM_ERROR_INVALID_VALUE, 2, 2, "regime" },
    { "key;value\nregime;public\nRegime;public\n", SM_ERROR_DUPLICATE, 3, 1,
      "key" },
    { "key;value\nsender;x\n", SM_ERROR_INVALID_VALUE, 2, 1, "key" },
    { "key;value\nletter_date;2025-02-30\n", SM_ERROR_INVALID_VALUE, 2, 2,
      "letter_date" },
    { "key;value\neffective_date;1899-12-31\n", SM_ERROR_INVALID_VALUE, 2, 2,
      "effective_date" },
    { "key;value\nemployer;Bestuursdienst\ncontact;\"A. de Vries\n0523\"\n",
      SM_ERROR_PARSE, 3, 2, "value" },
  };
  g_autofree char *dir = sm_test_make_temp_dir ();
  for (size_t k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      GError *error = NULL;
      g_autofree char *csv = folder_with_letters (dir, cases[k].table);
      g_autoptr (SmProblemList) problems = sm_problem_list_new ();
      g_autoptr (SmScenario) s = sm_scenario_load_csv (csv, problems, &error);
      CU_ASSERT_PTR_NULL (s);
      CU_ASSERT_TRUE_FATAL (sm_problem_list_get_n (problems) >= 1);
      SmProblem pr;
      sm_problem_list_get (problems, 0, &pr);
      if (pr.code != cases[k].code || pr.line != cases[k].line
          || pr.column != cases[k].column)
        fprintf (stderr, "case %zu: %d at %d:%d %s: %s\n", k, pr.code, pr.line,
                 pr.column, pr.field, pr.message);
      CU_ASSERT_EQUAL (pr.code, cases[k].code);
      CU_ASSERT_EQUAL (pr.line, cases[k].line);
      CU_ASSERT_EQUAL (pr.column, cases[k].column);
      CU_ASSERT_STRING_EQUAL (pr.field, cases[k].field);
      CU_ASSERT_TRUE (g_str_has_suffix (pr.file, "letters.csv"));
      CU_ASSERT_PTR_NULL (strstr (pr.message, "Vries"));
      SM_ASSERT_ERROR (error, cases[k].code);
    }
}

typedef struct {
  const char *letters; /* the "letters" member */
  SmError code;
  const char *field;
} BadJson;

static void
test_json_refuses (void)
{
  static const BadJson cases[] = {
    { "{ \"regime\": \"civil\" }", SM_ERROR_INVALID_VALUE, "letters.regime" },
    /* Dates and types are read as the rest of the document reads them. */
    { "{ \"letter_date\": \"2025-02-30\" }", SM_ERROR_PARSE,
      "letters.letter_date" },
    { "{ \"effective_date\": \"1899-12-31\" }", SM_ERROR_PARSE,
      "letters.effective_date" },
    { "{ \"contact\": \"  \" }", SM_ERROR_INVALID_VALUE, "letters.contact" },
    { "{ \"signatory\": \"J. Jansen\\nsecretaris\" }", SM_ERROR_INVALID_VALUE,
      "letters.signatory" },
    { "{ \"employer\": 12 }", SM_ERROR_PARSE, "letters.employer" },
    { "[]", SM_ERROR_PARSE, "letters" },
  };
  GError *error = NULL;
  g_autofree char *dir = sm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "s.json", NULL);
  g_autoptr (SmScenario) s = small_scenario ();
  ok_or_fail (sm_scenario_save_json (s, path, &error), &error);
  g_autofree char *good = NULL;
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &good, NULL, NULL));
  const char *at = strstr (good, "  \"organisations\"");
  CU_ASSERT_PTR_NOT_NULL_FATAL (at);
  for (size_t k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *text = g_strdup_printf ("%.*s  \"letters\": %s,\n%s",
                                               (int) (at - good), good,
                                               cases[k].letters, at);
      CU_ASSERT_TRUE (g_file_set_contents (path, text, -1, NULL));
      g_autoptr (SmProblemList) problems = sm_problem_list_new ();
      g_autoptr (SmScenario)
          bad = sm_scenario_load_json (path, problems, &error);
      CU_ASSERT_PTR_NULL (bad);
      CU_ASSERT_TRUE_FATAL (sm_problem_list_get_n (problems) >= 1);
      SmProblem pr;
      sm_problem_list_get (problems, 0, &pr);
      if (pr.code != cases[k].code || g_strcmp0 (pr.field, cases[k].field))
        fprintf (stderr, "case %zu: %d %s: %s\n", k, pr.code, pr.field,
                 pr.message);
      CU_ASSERT_EQUAL (pr.code, cases[k].code);
      CU_ASSERT_STRING_EQUAL (pr.field, cases[k].field);
      SM_ASSERT_ERROR (error, cases[k].code);
    }
}

static const SmTestCase cases[] = {
  { "public_law_letters", test_public_law_letters },
  { "employment_law_letters", test_employment_law_letters },
  { "defaults", test_defaults },
  { "options_replace_scenario", test_options_replace_scenario },
  { "wording", test_wording },
  { "setter_refuses", test_setter_refuses },
  { "checksum_ignores_letters", test_checksum_ignores_letters },
  { "round_trip", test_round_trip },
  { "csv_refuses", test_csv_refuses },
  { "json_refuses", test_json_refuses },
  { NULL, NULL },
};

int
main (void)
{
  return sm_test_run_suite ("letter-settings", cases);
}
