/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: decision letters and the template engine behind them.
 *
 * Letters are checked on a placement of the generated Ommen-Hardenberg
 * case (seed 2019). That case only refuses people because positions are
 * full, so the fixture adds a small third organisation where one employee
 * is refused for two different reasons (not eligible by grade, full) and
 * placed at a third preference, and a manual placement; the employees the
 * tests write to are then found by scanning outcomes and refusals. */
#include "test-util.h"

#include <string.h>
#include <glib/gstdio.h>

#include "boh-case.h"
#include "report/template-private.h"
#include "scenario/report-private.h"

/* The placeholders letter.h documents. */
static const char *const placeholders[] = {
  "sender",         "effective_date",
  "reference_date", "seed",
  "tie_breaking",   "version",
  "checksum",       "public_law",
  "employment_law", "employee_name",
  "employee_id",    "applied",
  "follows_work",   "supernumerary",
  "manual",         "organisation",
  "unit",           "position",
  "grade",          "preference_obtained",
  "manual_reason",  "preferences",
  "number",         "title",
  "place",          "obtained",
  "refused",        "not_needed",
  "reason",         "rank",
  "cutoff",         "decided_by",
  "own_value",      "own_function",
  "rules",          "rule_id",
  "rule_positions", "filters",
  "criteria",       "criterion_number",
  "criterion",      "employer",
  "deciding_body",  "signatory",
  "contact",        "response_address",
  "letter_date",    "response_deadline",
  "candidates",     "seats",
  "competition",    NULL
};

#define MANUAL_REASON "mantelzorg voor een naaste; de werktijden passen"

/* ---- the fixture --------------------------------------------------------- */

typedef struct {
  SmScenario *scenario;
  SmPlacement *placement;
  int32_t of_status[4]; /* an employee of each SmStatus */
  int32_t two_kinds;    /* applied, refused for two different reasons */
} Fixture;

static Fixture fx;

static void
ok_or_fail (gboolean ok, GError **error)
{
  /* @error is passed by address: the call that sets it is an argument of
   * this one, and C does not say in which order arguments are evaluated */
  SM_ASSERT_NO_ERROR (*error);
  CU_ASSERT_TRUE_FATAL (ok);
}

/* Whether each employee has applied somewhere. */
static gboolean *
who_applied (const SmScenario *s)
{
  gboolean *applied = g_new0 (gboolean, sm_scenario_get_n_employees (s));
  for (int32_t a = 0; a < sm_scenario_get_n_applications (s); a++)
    {
      SmApplicationSpec spec;
      sm_scenario_get_application (s, a, &spec);
      applied[sm_scenario_find_employee (s, spec.employee_id)] = TRUE;
    }
  return applied;
}

static void
add_regio_position (SmScenario *s, const char *id, const char *title,
                    const char *code, int32_t grade, const char *rule)
{
  GError *error = NULL;
  SmPositionSpec p = SM_POSITION_SPEC_INIT;
  p.id = id;
  p.title = title;
  p.unit_id = "regio-u";
  p.function_code = code;
  p.grade = grade;
  p.rule_id = rule;
  ok_or_fail (sm_scenario_add_position (s, &p, &error), &error);
}

static void
apply (SmScenario *s, const char *employee, const char *position, int32_t pref)
{
  GError *error = NULL;
  SmApplicationSpec a = SM_APPLICATION_SPEC_INIT;
  a.employee_id = employee;
  a.position_id = position;
  a.preference = pref;
  ok_or_fail (sm_scenario_add_application (s, &a, &error), &error);
}

/* Regio Vechtdal, without a cap: E (who had not applied) is not eligible
 * for regio-strict (grade 3 above theirs, rule allows 0), is behind F at
 * regio-full (F's own function, E's is another) and gets regio-open. */
static void
add_regio (SmScenario *s, const SmEmployeeSpec *e, const SmEmployeeSpec *f)
{
  GError *error = NULL;
  SmOrganisationSpec o = SM_ORGANISATION_SPEC_INIT;
  o.id = "regio";
  o.name = "Regio Vechtdal";
  ok_or_fail (sm_scenario_add_organisation (s, &o, &error), &error);
  SmUnitSpec u = SM_UNIT_SPEC_INIT;
  u.id = "regio-u";
  u.name = "Samenwerking";
  u.organisation_id = "regio";
  ok_or_fail (sm_scenario_add_unit (s, &u, &error), &error);
  g_autoptr (SmPriorityRule) strict = sm_priority_rule_new ("strict");
  ok_or_fail (sm_priority_rule_add_criterion (strict, SM_CRITERION_SERVICE,
                                              SM_DIRECTION_HIGHER_FIRST,
                                              &error),
              &error);
  sm_priority_rule_set_max_grade_distance (strict, 0);
  ok_or_fail (sm_scenario_add_rule (s, strict, &error), &error);
  add_regio_position (s, "regio-strict", "Adviseur strategie", "RG-STR",
                      e->grade + 3, "strict");
  add_regio_position (s, "regio-full", "Coordinator samenwerking",
                      f->function_code, f->grade, NULL);
  add_regio_position (s, "regio-open", "Projectleider regio", "RG-PL", e->grade,
                      NULL);
  apply (s, f->id, "regio-full", 1);
  apply (s, e->id, "regio-strict", 1);
  apply (s, e->id, "regio-full", 2);
  apply (s, e->id, "regio-open", 3);
}

/* Whether the position belongs to the default organisation. */
static gboolean
at_default (const SmScenario *s, const SmPositionSpec *p)
{
  SmUnitSpec u;
  SmOrganisationSpec o;
  sm_scenario_get_unit (s, sm_scenario_find_unit (s, p->unit_id), &u);
  sm_scenario_get_organisation (
      s, sm_scenario_find_organisation (s, u.organisation_id), &o);
  return o.kind == SM_ORGANISATION_KIND_DEFAULT;
}

/* The default organisation's first position with the function. */
static const char *
own_position (const SmScenario *s, const char *code)
{
  for (int32_t j = 0; j < sm_scenario_get_n_positions (s); j++)
    {
      SmPositionSpec p;
      sm_scenario_get_position (s, j, &p);
      if (strcmp (p.function_code, code) == 0 && at_default (s, &p))
        return p.id;
    }
  return NULL;
}

/* E and F: two employees who did not apply, with different functions;
 * M: one who applied, to be placed manually at their own function. */
static void
extend_case (SmScenario *s)
{
  g_autofree gboolean *applied = who_applied (s);
  SmEmployeeSpec e = { 0 }, f = { 0 }, m = { 0 };
  for (int32_t i = 0; i < sm_scenario_get_n_employees (s); i++)
    {
      SmEmployeeSpec x;
      sm_scenario_get_employee (s, i, &x);
      if (applied[i] && m.id == NULL)
        m = x;
      else if (!applied[i] && e.id == NULL)
        e = x;
      else if (!applied[i] && f.id == NULL
               && strcmp (x.function_code, e.function_code) != 0)
        f = x;
    }
  CU_ASSERT_PTR_NOT_NULL_FATAL (e.id);
  CU_ASSERT_PTR_NOT_NULL_FATAL (f.id);
  CU_ASSERT_PTR_NOT_NULL_FATAL (m.id);
  add_regio (s, &e, &f);
  const char *target = own_position (s, m.function_code);
  CU_ASSERT_PTR_NOT_NULL_FATAL (target);
  GError *error = NULL;
  ok_or_fail (sm_scenario_add_manual_placement (s, m.id, target, MANUAL_REASON,
                                                &error),
              &error);
}

/* The number of different reasons among the employee's refusals. */
static int
n_reason_kinds (const SmPlacement *pl, int32_t employee)
{
  gboolean seen[SM_REASON_REFLECTION + 1] = { FALSE };
  int kinds = 0;
  for (int32_t k = 0; k < sm_placement_get_n_refusals (pl, employee); k++)
    {
      SmRefusal r;
      sm_placement_get_refusal (pl, employee, k, &r);
      kinds += !seen[r.reason];
      seen[r.reason] = TRUE;
    }
  return kinds;
}

static void
scan_outcomes (void)
{
  for (int k = 0; k < 4; k++)
    fx.of_status[k] = -1;
  fx.two_kinds = -1;
  for (int32_t i = 0; i < sm_scenario_get_n_employees (fx.scenario); i++)
    {
      SmEmployeeOutcome out;
      sm_placement_get_outcome (fx.placement, i, &out);
      if (fx.of_status[out.status] < 0)
        fx.of_status[out.status] = i;
      if (out.status == SM_STATUS_PLACED && fx.two_kinds < 0
          && n_reason_kinds (fx.placement, i) >= 2)
        fx.two_kinds = i;
    }
}

static void
fixture_init (void)
{
  GError *error = NULL;
  fx.scenario = boh_case_new (2019, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (fx.scenario);
  extend_case (fx.scenario);
  fx.placement = sm_scenario_place (fx.scenario, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (fx.placement);
  scan_outcomes ();
}

/* ---- helpers ------------------------------------------------------------- */

static char *
letter (int32_t employee, SmLanguage language, SmRegime regime)
{
  GError *error = NULL;
  SmLetterOptions o = SM_LETTER_OPTIONS_INIT;
  SmLetterSettings settings;
  sm_scenario_get_letter_settings (fx.scenario, &settings);
  settings.regime = regime;
  o.language = language;
  o.settings = &settings;
  CU_ASSERT_PTR_NOT_NULL_FATAL (fx.placement);
  char *text = sm_letter_render (fx.placement, employee, &o, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (text);
  return text;
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

static const char *
position_title (int32_t position)
{
  SmPositionSpec p;
  sm_scenario_get_position (fx.scenario, position, &p);
  return p.title;
}

static const SmPriorityRule *
rule_of (int32_t position)
{
  SmPositionSpec p;
  sm_scenario_get_position (fx.scenario, position, &p);
  for (int32_t k = 0;
       p.rule_id != NULL && k < sm_scenario_get_n_rules (fx.scenario); k++)
    {
      const SmPriorityRule *rule = sm_scenario_get_rule (fx.scenario, k);
      if (strcmp (sm_priority_rule_get_id (rule), p.rule_id) == 0)
        return rule;
    }
  return sm_scenario_get_default_rule (fx.scenario);
}

/* Name, personnel number, seed: in every letter. */
static void
assert_person (const char *text, int32_t employee)
{
  SmEmployeeSpec e;
  sm_scenario_get_employee (fx.scenario, employee, &e);
  assert_contains (text, e.name);
  assert_contains (text, e.id);
  assert_contains (text, "2019");
}

/* Every preference's title, in the letter. */
static void
assert_preferences (const char *text, int32_t employee)
{
  SmEmployeeSpec e;
  sm_scenario_get_employee (fx.scenario, employee, &e);
  for (int32_t a = 0; a < sm_scenario_get_n_applications (fx.scenario); a++)
    {
      SmApplicationSpec spec;
      sm_scenario_get_application (fx.scenario, a, &spec);
      if (strcmp (spec.employee_id, e.id) != 0)
        continue;
      assert_contains (text, position_title (
                                 sm_scenario_find_position (fx.scenario,
                                                            spec.position_id)));
    }
}

/* Each refusal's numbers and reason, as the English letter words them. */
static void
assert_refusals_en (const char *text, int32_t employee)
{
  for (int32_t k = 0; k < sm_placement_get_n_refusals (fx.placement, employee);
       k++)
    {
      SmRefusal r;
      sm_placement_get_refusal (fx.placement, employee, k, &r);
      assert_contains (text, position_title (r.position));
      if (r.reason == SM_REASON_NOT_ELIGIBLE)
        assert_contains (text, r.filter == SM_FILTER_GRADE ? "salary grade"
                                                           : "not eligible");
      if (r.reason == SM_REASON_MANUAL)
        assert_contains (text, "Not considered");
      if (r.reason != SM_REASON_FULL || r.cutoff == 0)
        continue;
      g_autofree char *numbers = g_strdup_printf (
          "Your priority rank was %d; the last place went to rank %d.",
          (int) r.rank, (int) r.cutoff);
      assert_contains (text, numbers);
      if (r.criterion >= 0)
        assert_contains (text,
                         sm_priority__describe_criterion (rule_of (r.position),
                                                          r.criterion));
    }
}

static void
assert_refusals_nl (const char *text, int32_t employee)
{
  for (int32_t k = 0; k < sm_placement_get_n_refusals (fx.placement, employee);
       k++)
    {
      SmRefusal r;
      sm_placement_get_refusal (fx.placement, employee, k, &r);
      assert_contains (text, position_title (r.position));
      if (r.reason == SM_REASON_NOT_ELIGIBLE)
        assert_contains (text, "niet in aanmerking");
      if (r.reason != SM_REASON_FULL || r.cutoff == 0)
        continue;
      g_autofree char *numbers = g_strdup_printf (
          "Uw plaats in de voorrangsvolgorde was %d; de laatste plaats ging "
          "naar nummer %d.",
          (int) r.rank, (int) r.cutoff);
      assert_contains (text, numbers);
    }
}

/* No other employee's name, unless it equals or is part of the own. */
static void
assert_no_other_names (const char *text, int32_t employee)
{
  SmEmployeeSpec own;
  sm_scenario_get_employee (fx.scenario, employee, &own);
  for (int32_t i = 0; i < sm_scenario_get_n_employees (fx.scenario); i++)
    {
      SmEmployeeSpec e;
      sm_scenario_get_employee (fx.scenario, i, &e);
      if (i == employee || strstr (own.name, e.name) != NULL)
        continue;
      assert_lacks (text, e.name);
    }
}

/* ---- letters ------------------------------------------------------------- */

static void
test_found_every_status (void)
{
  CU_ASSERT_TRUE (fx.two_kinds >= 0);
  for (int k = 0; k < 4; k++)
    CU_ASSERT_TRUE (fx.of_status[k] >= 0);
}

static void
test_applied_two_reasons (void)
{
  int32_t i = fx.two_kinds;
  CU_ASSERT_TRUE_FATAL (i >= 0);
  SmEmployeeOutcome out;
  sm_placement_get_outcome (fx.placement, i, &out);
  g_autofree char *en = letter (i, SM_LANGUAGE_ENGLISH, SM_REGIME_PUBLIC_LAW);
  g_autofree char *nl = letter (i, SM_LANGUAGE_DUTCH, SM_REGIME_PUBLIC_LAW);
  for (int k = 0; k < 2; k++)
    {
      const char *text = k == 0 ? en : nl;
      assert_person (text, i);
      assert_contains (text, position_title (out.position));
      assert_contains (text, "Regio Vechtdal");
      assert_preferences (text, i);
      assert_no_other_names (text, i);
    }
  assert_refusals_en (en, i);
  assert_refusals_nl (nl, i);
  assert_contains (en, "salary grade");
  assert_contains (en, "This was preference 3 on your list.");
  assert_contains (nl, "Dit is uw 3e voorkeur.");
}

static void
test_every_status (void)
{
  static const char *const marks_nl[] = {
    "e voorkeur",
    "mens volgt werk",
    "boventallig",
    "hardheidsclausule",
  };
  for (int k = 0; k < 4; k++)
    {
      int32_t i = fx.of_status[k];
      CU_ASSERT_TRUE_FATAL (i >= 0);
      SmEmployeeOutcome out;
      sm_placement_get_outcome (fx.placement, i, &out);
      g_autofree char *nl = letter (i, SM_LANGUAGE_DUTCH, SM_REGIME_PUBLIC_LAW);
      g_autofree char *en = letter (i, SM_LANGUAGE_ENGLISH,
                                    SM_REGIME_EMPLOYMENT_LAW);
      assert_person (nl, i);
      assert_person (en, i);
      assert_contains (nl, marks_nl[k]);
      if (out.position >= 0)
        assert_contains (nl, position_title (out.position));
      assert_preferences (nl, i);
      assert_refusals_nl (nl, i);
      assert_refusals_en (en, i);
      assert_no_other_names (nl, i);
      assert_no_other_names (en, i);
    }
}

static void
test_supernumerary_and_manual (void)
{
  int32_t sup = fx.of_status[SM_STATUS_SUPERNUMERARY];
  int32_t man = fx.of_status[SM_STATUS_MANUAL];
  CU_ASSERT_TRUE_FATAL (sup >= 0 && man >= 0);
  SmEmployeeOutcome out;
  SmUnitSpec unit;
  sm_placement_get_outcome (fx.placement, sup, &out);
  sm_scenario_get_unit (fx.scenario, out.unit, &unit);
  g_autofree char *s_en = letter (sup, SM_LANGUAGE_ENGLISH,
                                  SM_REGIME_PUBLIC_LAW);
  assert_contains (s_en, "supernumerary (boventallig) in the unit");
  assert_contains (s_en, unit.name);
  assert_contains (s_en, "Your own function");
  g_autofree char *m_nl = letter (man, SM_LANGUAGE_DUTCH, SM_REGIME_PUBLIC_LAW);
  assert_contains (m_nl, MANUAL_REASON);
  assert_contains (m_nl, "hardheidsclausule");
  g_autofree char *m_en = letter (man, SM_LANGUAGE_ENGLISH,
                                  SM_REGIME_PUBLIC_LAW);
  assert_contains (m_en, "Not considered");
}

static void
test_regimes_and_languages (void)
{
  int32_t i = fx.of_status[SM_STATUS_PLACED];
  g_autofree char *nl_pub = letter (i, SM_LANGUAGE_DUTCH, SM_REGIME_PUBLIC_LAW);
  g_autofree char *nl_emp = letter (i, SM_LANGUAGE_DUTCH,
                                    SM_REGIME_EMPLOYMENT_LAW);
  g_autofree char *en_pub = letter (i, SM_LANGUAGE_ENGLISH,
                                    SM_REGIME_PUBLIC_LAW);
  g_autofree char *en_emp = letter (i, SM_LANGUAGE_ENGLISH,
                                    SM_REGIME_EMPLOYMENT_LAW);
  CU_ASSERT_STRING_NOT_EQUAL (nl_pub, en_pub);
  CU_ASSERT_STRING_NOT_EQUAL (nl_pub, nl_emp);
  CU_ASSERT_STRING_NOT_EQUAL (en_pub, en_emp);
  /* Dutch public law: draft decision, response, objection in 6 weeks
   * under the Awb, to the board that decides (the built-in case's). */
  assert_contains (nl_pub, "Beste ");
  assert_contains (nl_pub, "ontwerpbesluit");
  assert_contains (nl_pub, "binnen twee weken na de datum van deze brief, "
                           "dus uiterlijk op 15 oktober 2018,");
  assert_contains (nl_pub, "zienswijze geven aan het bestuur van de "
                           "Bestuursdienst Ommen-Hardenberg (artikel 4:8 "
                           "van de Algemene wet bestuursrecht, Awb)");
  assert_contains (nl_pub, "bezwaar maken bij het bestuur van de "
                           "Bestuursdienst Ommen-Hardenberg, binnen zes "
                           "weken te rekenen vanaf de dag na de "
                           "bekendmaking");
  assert_contains (nl_pub, "1 januari 2019");
  assert_lacks (nl_pub, "Dear ");
  assert_lacks (nl_pub, "college van burgemeester");
  /* Dutch employment law: the employer, then the court; no Awb. */
  assert_contains (nl_emp, "onder het arbeidsrecht");
  assert_contains (nl_emp, "kantonrechter");
  assert_lacks (nl_emp, "bezwaar");
  assert_lacks (nl_emp, "Awb");
  /* English. */
  assert_contains (en_pub, "Dear ");
  assert_contains (en_pub, "Draft decision");
  assert_contains (en_pub, "objection (bezwaar) against that decision with "
                           "het bestuur van de Bestuursdienst "
                           "Ommen-Hardenberg within six weeks, counted from "
                           "the day after the decision was made known");
  assert_contains (en_pub, "General Administrative Law Act");
  assert_contains (en_pub, "1 January 2019");
  assert_lacks (en_pub, "Beste ");
  assert_lacks (en_pub, "voorkeur");
  assert_contains (en_emp, "within two weeks of the date of this letter, "
                           "that is by 15 October 2018,");
  assert_contains (en_emp, "subdistrict court (kantonrechter)");
  assert_lacks (en_emp, "objection");
  assert_lacks (en_emp, "Awb");
}

/* A program built against the first header: its own sender and date. */
static void
test_version_one_options (void)
{
  GError *error = NULL;
  SmLetterOptions o = SM_LETTER_OPTIONS_INIT;
  o.version = 1;
  o.regime = SM_REGIME_PUBLIC_LAW;
  o.sender = "de gemeentesecretaris van Ommen";
  o.effective_date = (SmDate){ 2019, 3, 1 };
  g_autofree char *text = sm_letter_render (fx.placement, 0, &o, &error);
  SM_ASSERT_NO_ERROR (error);
  assert_contains (text, "bezwaar maken bij de gemeentesecretaris van "
                         "Ommen");
  assert_contains (text, "per 1 maart 2019");
  o.effective_date = (SmDate){ 2019, 2, 30 };
  CU_ASSERT_PTR_NULL (sm_letter_render (fx.placement, 0, &o, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);
}

/* Settings given with the options are checked as the scenario checks
 * them. */
static void
test_bad_settings (void)
{
  GError *error = NULL;
  SmLetterOptions o = SM_LETTER_OPTIONS_INIT;
  SmLetterSettings bad = SM_LETTER_SETTINGS_INIT;
  o.settings = &bad;
  bad.letter_date = (SmDate){ 2019, 2, 30 };
  CU_ASSERT_PTR_NULL (sm_letter_render (fx.placement, 0, &o, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);
  bad = (SmLetterSettings) SM_LETTER_SETTINGS_INIT;
  bad.contact = "A. de Vries\n0523";
  CU_ASSERT_FALSE (
      sm_letter_write_all (fx.placement, "unused-folder", &o, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);
  CU_ASSERT_FALSE (g_file_test ("unused-folder", G_FILE_TEST_EXISTS));
}

static void
test_deterministic (void)
{
  int32_t i = fx.two_kinds;
  g_autofree char *a = letter (i, SM_LANGUAGE_DUTCH, SM_REGIME_PUBLIC_LAW);
  g_autofree char *b = letter (i, SM_LANGUAGE_DUTCH, SM_REGIME_PUBLIC_LAW);
  CU_ASSERT_STRING_EQUAL (a, b);
}

/* ---- templates ----------------------------------------------------------- */

static void
test_custom_template (void)
{
  GError *error = NULL;
  SmLetterOptions o = SM_LETTER_OPTIONS_INIT;
  o.template_text =
      "{{employee_id}}:{{#preferences}} [{{number}} {{title}}"
      "{{#obtained}} ok{{/obtained}}{{^obtained}} no{{/obtained}}]"
      "{{/preferences}}{{^preferences}} none{{/preferences}}\n";
  SmEmployeeSpec e;
  int32_t i = fx.two_kinds;
  sm_scenario_get_employee (fx.scenario, i, &e);
  g_autofree char *text = sm_letter_render (fx.placement, i, &o, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autofree char *want = g_strdup_printf ("%s: [1 Adviseur strategie no] [2 "
                                           "Coordinator samenwerking no] "
                                           "[3 Projectleider regio ok]\n",
                                           e.id);
  CU_ASSERT_STRING_EQUAL (text, want);
  int32_t w = fx.of_status[SM_STATUS_FOLLOWS_WORK];
  g_autofree char *none = sm_letter_render (fx.placement, w, &o, &error);
  SM_ASSERT_NO_ERROR (error);
  sm_scenario_get_employee (fx.scenario, w, &e);
  g_autofree char *want_none = g_strdup_printf ("%s: none\n", e.id);
  CU_ASSERT_STRING_EQUAL (none, want_none);
}

static void
assert_parse_error (const char *text, const char *line)
{
  GError *error = NULL;
  SmLetterOptions o = SM_LETTER_OPTIONS_INIT;
  o.template_text = text;
  CU_ASSERT_PTR_NULL (sm_letter_render (fx.placement, 0, &o, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  if (strstr (error->message, line) == NULL)
    fprintf (stderr, "\nmessage without “%s”: %s\n", line, error->message);
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, line));
  SM_ASSERT_ERROR (error, SM_ERROR_PARSE);
}

static void
test_bad_templates (void)
{
  assert_parse_error ("Beste {{employee_name}},\n\n{{naam}}\n", "line 3:");
  assert_parse_error ("{{#preferences}}\n{{title}}\n", "line 1:");
  assert_parse_error ("a\n{{#preferences}}\n{{#obtained}}\nx\n"
                      "{{/preferences}}\n",
                      "line 5:");
  assert_parse_error ("a\n{{/rules}}\n", "line 2:");
  assert_parse_error ("a\nb {{employee_name\n", "line 2:");
  assert_parse_error ("\n\n\n{{ two words }}\n", "line 4:");
  assert_parse_error ("{{! a\ncomment }}\n{{#nope}}{{/nope}}\n", "line 3:");
}

/* The names a template really uses as tags ({{name}}, {{#name}},
 * {{^name}}, {{/name}}), comments ({{! ...}}) left out, so that a name
 * found only in a comment or inside a longer name does not count.
 * (transfer full) */
static GHashTable *
tags_used (const char *text)
{
  GHashTable *used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            NULL);
  const char *p = text;
  while ((p = strstr (p, "{{")) != NULL)
    {
      const char *end = strstr (p + 2, "}}");
      CU_ASSERT_PTR_NOT_NULL_FATAL (end);
      const char *name = p + 2;
      if (*name != '!')
        {
          if (*name == '#' || *name == '^' || *name == '/')
            name++;
          while (*name == ' ')
            name++;
          const char *stop = name;
          while (stop < end && (g_ascii_isalnum (*stop) || *stop == '_'))
            stop++;
          g_hash_table_add (used, g_strndup (name, (gsize) (stop - name)));
        }
      p = end + 2;
    }
  return used;
}

static void
test_placeholders_listed (void)
{
  /* Every documented placeholder is used, as a tag, by every built-in
   * template, so that no template quietly leaves out a person's outcome
   * or reason; but for these, which a built-in template has no need of:
   * it is written for one regime, and its {{reason}} sentence already
   * states the rank, the cutoff, what decided and the person's value. */
  static const char *const for_own_templates[] = {
    "public_law", "employment_law", "rank",  "cutoff",        "decided_by",
    "own_value",  "candidates",     "seats", "deciding_body", NULL
  };
  for (int lang = 0; lang < 2; lang++)
    for (int regime = 0; regime < 2; regime++)
      {
        const char *t = sm_letter_get_default_template (lang, regime);
        g_autoptr (GHashTable) used = tags_used (t);
        for (const char *const *n = placeholders; *n != NULL; n++)
          if (!g_strv_contains (for_own_templates, *n)
              && !g_hash_table_contains (used, *n))
            {
              fprintf (stderr, "template %d/%d does not use {{%s}}\n", lang,
                       regime, *n);
              CU_FAIL ("a documented placeholder is not used");
            }
      }
  GString *all = g_string_new (NULL);
  for (const char *const *n = placeholders; *n != NULL; n++)
    g_string_append_printf (all, "{{%s}}\n", *n);
  GError *error = NULL;
  SmLetterOptions o = SM_LETTER_OPTIONS_INIT;
  o.template_text = all->str;
  g_autofree char *text = sm_letter_render (fx.placement, 0, &o, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL (text);
  g_string_free (all, TRUE);
}

static char *
render_text (const char *text, const SmTemplateRecord *data)
{
  GError *error = NULL;
  g_autoptr (SmTemplate) t = sm_template__parse (text, NULL, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (t);
  return sm_template__render (t, data);
}

static void
test_engine (void)
{
  g_autoptr (SmTemplateRecord) r = sm_template_record__new ();
  sm_template_record__set_string (r, "who", "Anna");
  sm_template_record__set_boolean (r, "yes", TRUE);
  sm_template_record__set_boolean (r, "no", FALSE);
  sm_template_record__set_list (r, "empty");
  for (int k = 1; k <= 2; k++)
    {
      SmTemplateRecord *item = sm_template_record__append (r, "items");
      sm_template_record__set_int (item, "n", k);
      if (k == 2)
        sm_template_record__set_string (item, "who", "Bob");
    }
  g_autofree char *a =
      render_text ("Hi {{ who }}{{#items}}, {{n}}:{{who}}{{/items}}.", r);
  CU_ASSERT_STRING_EQUAL (a, "Hi Anna, 1:Anna, 2:Bob.");
  /* Tags alone on a line leave no line; comments leave nothing. */
  g_autofree char *b = render_text (
      "x\n  {{#yes}}\ny\n  {{/yes}}\n{{#no}}\nn\n{{/no}}\n{{^empty}}\n"
      "e\n{{/empty}}\n{{! note\n  more }}\nz {{missing}}{{#missing}}m"
      "{{/missing}}{{^missing}}!{{/missing}}\n",
      r);
  CU_ASSERT_STRING_EQUAL (b, "x\ny\ne\nz !\n");
  /* No escaping; a text section shows once when not empty. */
  sm_template_record__set_string (r, "raw", "<a & \"b\">");
  g_autofree char *c = render_text ("{{#raw}}[{{raw}}]{{/raw}}", r);
  CU_ASSERT_STRING_EQUAL (c, "[<a & \"b\">]");
}

/* ---- writing ------------------------------------------------------------- */

static int
count_and_remove (const char *dir, const char *compare_name,
                  const char *compare_text)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (d);
  int n = 0;
  const char *name;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      CU_ASSERT_TRUE (g_str_has_suffix (name, ".txt"));
      if (strcmp (name, compare_name) == 0)
        {
          g_autofree char *text = NULL;
          CU_ASSERT_TRUE (g_file_get_contents (path, &text, NULL, NULL));
          CU_ASSERT_STRING_EQUAL (text, compare_text);
        }
      g_unlink (path);
      n++;
    }
  return n;
}

static void
test_write_all (void)
{
  GError *error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("sm-letters-XXXXXX", &error);
  SM_ASSERT_NO_ERROR (error);
  g_autofree char *dir = g_build_filename (tmp, "letters", NULL);
  SmLetterOptions o = SM_LETTER_OPTIONS_INIT;
  CU_ASSERT_TRUE (sm_letter_write_all (fx.placement, dir, &o, &error));
  SM_ASSERT_NO_ERROR (error);
  SmEmployeeSpec e;
  sm_scenario_get_employee (fx.scenario, fx.two_kinds, &e);
  g_autofree char *name = g_strconcat (e.id, ".txt", NULL);
  g_autofree char *want = sm_letter_render (fx.placement, fx.two_kinds, &o,
                                            &error);
  CU_ASSERT_EQUAL (count_and_remove (dir, name, want),
                   sm_scenario_get_n_employees (fx.scenario));
  CU_ASSERT_EQUAL (g_rmdir (dir), 0);
  /* A folder under a regular file cannot be made. */
  g_autofree char *plain = g_build_filename (tmp, "plain", NULL);
  CU_ASSERT_TRUE (g_file_set_contents (plain, "x", 1, NULL));
  g_autofree char *under = g_build_filename (plain, "letters", NULL);
  CU_ASSERT_FALSE (sm_letter_write_all (fx.placement, under, &o, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "plain"));
  SM_ASSERT_ERROR (error, SM_ERROR_IO);
  /* A bad template fails before anything is made. */
  o.template_text = "{{#rules}}";
  CU_ASSERT_FALSE (sm_letter_write_all (fx.placement, dir, &o, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_PARSE);
  CU_ASSERT_FALSE (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_unlink (plain);
  CU_ASSERT_EQUAL (g_rmdir (tmp), 0);
}

/* ---- letters for manual seats, caps and reflection
 * --------------------------- */

/* Hardenberg (default; hb-adm, 2 seats) and Ommen (at most 2 people;
 * om-a 2 seats, 1 of them a target; om-b 1 seat, 1 target). M is placed
 * manually at hb-adm, M2 at om-b. P1, P2 (services 1990, 2000) follow
 * their work to hb-adm, and P2 loses the seat to M. X1 and X2 (1990,
 * 2000) apply to om-a, Y to om-b: X1 is admitted, X2 is refused by the
 * cap (Ommen holds X1 and M2), Y loses om-b to M2. With @reflection the
 * reflection principle chooses at hb-adm, where P3 (2010) also works. */
static SmScenario *
manual_scenario (gboolean reflection)
{
  GError *error = NULL;
  SmScenario *s = sm_scenario_new ();
  SmOrganisationSpec o = SM_ORGANISATION_SPEC_INIT;
  o.id = o.name = "hb";
  o.kind = SM_ORGANISATION_KIND_DEFAULT;
  ok_or_fail (sm_scenario_add_organisation (s, &o, &error), &error);
  o.id = o.name = "om";
  o.kind = SM_ORGANISATION_KIND_RECEIVING;
  o.max_headcount = 2;
  ok_or_fail (sm_scenario_add_organisation (s, &o, &error), &error);
  const char *units[][2] = { { "hb-u", "hb" }, { "om-u", "om" } };
  for (int k = 0; k < 2; k++)
    {
      SmUnitSpec u = SM_UNIT_SPEC_INIT;
      u.id = u.name = units[k][0];
      u.organisation_id = units[k][1];
      ok_or_fail (sm_scenario_add_unit (s, &u, &error), &error);
    }
  const struct {
    const char *id, *unit, *code;
    int32_t seats, target;
  } positions[] = { { "hb-adm", "hb-u", "ADM", 2, -1 },
                    { "om-a", "om-u", "ADV", 2, 1 },
                    { "om-b", "om-u", "ADV", 1, 1 } };
  for (size_t k = 0; k < G_N_ELEMENTS (positions); k++)
    {
      SmPositionSpec p = SM_POSITION_SPEC_INIT;
      p.id = p.title = positions[k].id;
      p.unit_id = positions[k].unit;
      p.function_code = positions[k].code;
      p.grade = 10;
      p.seats = positions[k].seats;
      p.target_seats = positions[k].target;
      ok_or_fail (sm_scenario_add_position (s, &p, &error), &error);
    }
  const struct {
    const char *id, *name, *code;
    int32_t service;
  } people[] = { { "M", "Marit Manual", "ADM", 2015 },
                 { "P1", "Pieter First", "ADM", 1990 },
                 { "P2", "Paula Second", "ADM", 2000 },
                 { "P3", "Pim Third", "ADM", 2010 },
                 { "M2", "Mohammed Manual", "POL", 2012 },
                 { "X1", "Xandra First", "POL", 1990 },
                 { "X2", "Xavier Second", "POL", 2000 },
                 { "Y", "Yara Other", "POL", 2005 } };
  for (size_t k = 0; k < G_N_ELEMENTS (people); k++)
    {
      SmEmployeeSpec e = SM_EMPLOYEE_SPEC_INIT;
      e.id = people[k].id;
      e.name = people[k].name;
      e.function_code = people[k].code;
      e.unit_id = "hb-u";
      e.grade = 10;
      e.birth_date = (SmDate){ 1970, 1, 1 };
      e.service_start = (SmDate){ people[k].service, 1, 1 };
      if (reflection || strcmp (e.id, "P3") != 0)
        ok_or_fail (sm_scenario_add_employee (s, &e, &error), &error);
    }
  apply (s, "X1", "om-a", 1);
  apply (s, "X2", "om-a", 1);
  apply (s, "Y", "om-b", 1);
  ok_or_fail (sm_scenario_add_manual_placement (s, "M", "hb-adm",
                                                "burn-out QQX-17", &error),
              &error);
  ok_or_fail (sm_scenario_add_manual_placement (s, "M2", "om-b",
                                                "mantelzorg QQY-42", &error),
              &error);
  if (reflection)
    sm_scenario_set_reduction (s, SM_REDUCTION_REFLECTION, 10);
  return s;
}

static char *
letter_of (const SmPlacement *p, const char *id, SmLanguage language)
{
  GError *error = NULL;
  SmLetterOptions o = SM_LETTER_OPTIONS_INIT;
  o.language = language;
  const SmScenario *s = sm_placement_get_scenario (p);
  char *text = sm_letter_render (p, sm_scenario_find_employee (s, id), &o,
                                 &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (text);
  return text;
}

/* Nobody else's name, nor a manual placement's reason, unless @id is
 * the person placed for it. */
static void
assert_private (const SmPlacement *p, const char *text, const char *id)
{
  const SmScenario *s = sm_placement_get_scenario (p);
  for (int32_t i = 0; i < sm_scenario_get_n_employees (s); i++)
    {
      SmEmployeeSpec e;
      sm_scenario_get_employee (s, i, &e);
      if (strcmp (e.id, id) != 0)
        assert_lacks (text, e.name);
    }
  if (strcmp (id, "M") != 0)
    assert_lacks (text, "QQX-17");
  if (strcmp (id, "M2") != 0)
    assert_lacks (text, "QQY-42");
}

static void
test_manual_seat_letters (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = manual_scenario (FALSE);
  g_autoptr (SmPlacement) p = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (p);
  g_autofree char *p2_en = letter_of (p, "P2", SM_LANGUAGE_ENGLISH);
  g_autofree char *p2_nl = letter_of (p, "P2", SM_LANGUAGE_DUTCH);
  assert_contains (p2_en, "Not obtained: a place you would otherwise have "
                          "had went to a manual placement (hardship "
                          "clause). People placed in this position: 2, of "
                          "whom placed manually: 1. Your priority rank was "
                          "3; the last place went to rank 2.");
  assert_lacks (p2_en, "higher priority");
  assert_contains (p2_nl, "Niet toegekend: een plaats die u anders had "
                          "gekregen, is gegaan naar een plaatsing op grond "
                          "van de hardheidsclausule. Geplaatst in deze "
                          "functie: 2 medewerkers, van wie op grond van de "
                          "hardheidsclausule: 1.");
  assert_lacks (p2_nl, "hogere voorrang");
  g_autofree char *x2_en = letter_of (p, "X2", SM_LANGUAGE_ENGLISH);
  g_autofree char *x2_nl = letter_of (p, "X2", SM_LANGUAGE_DUTCH);
  assert_contains (x2_en, "but om had reached its maximum headcount of 2 "
                          "people. Your priority rank was 2; the last "
                          "person admitted had rank 1. People placed at om "
                          "manually (hardship clause): 1.");
  assert_contains (x2_nl, "maar om had het maximale aantal van 2 "
                          "medewerkers bereikt. Uw plaats in de "
                          "voorrangsvolgorde was 2; de laatst toegelaten "
                          "kandidaat had nummer 1. Medewerkers bij om "
                          "geplaatst op grond van de hardheidsclausule: 1.");
  g_autofree char *y_en = letter_of (p, "Y", SM_LANGUAGE_ENGLISH);
  assert_contains (y_en, "went to a manual placement (hardship clause). "
                         "People placed in this position: 1, of whom "
                         "placed manually: 1.");
  g_autofree char *m_en = letter_of (p, "M", SM_LANGUAGE_ENGLISH);
  assert_contains (m_en, "burn-out QQX-17");
  const char *texts[][2] = { { "P2", p2_en }, { "P2", p2_nl }, { "X2", x2_en },
                             { "X2", x2_nl }, { "Y", y_en },   { "M", m_en } };
  for (size_t k = 0; k < G_N_ELEMENTS (texts); k++)
    assert_private (p, texts[k][1], texts[k][0]);
}

/* With the reflection principle at hb-adm, one place beside M for P1,
 * P2 and P3: P1 keeps it. With both seats free P2 would have kept one:
 * P2 lost it to M; P3 to the reflection principle. */
static void
test_manual_seat_reflection_letters (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = manual_scenario (TRUE);
  g_autoptr (SmPlacement) p = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (p);
  g_autofree char *p2_en = letter_of (p, "P2", SM_LANGUAGE_ENGLISH);
  g_autofree char *p2_nl = letter_of (p, "P2", SM_LANGUAGE_DUTCH);
  g_autofree char *p3_en = letter_of (p, "P3", SM_LANGUAGE_ENGLISH);
  assert_contains (p2_en, "People placed in this position: 2, of whom "
                          "placed manually: 1. Had those places been free, "
                          "the reflection principle (afspiegelingsbeginsel) "
                          "would have let you keep a place.");
  assert_contains (p2_nl, "Waren die plaatsen vrij geweest, dan had u "
                          "volgens het afspiegelingsbeginsel een plaats "
                          "behouden.");
  assert_contains (p3_en, "Who keeps a place was decided by the "
                          "reflection principle");
  /* born 1 January 1970: 49 on 1 January 2019, band (49 - 15) / 10 */
  assert_contains (p3_en, "then the youngest, then the lottery");
  assert_contains (p3_en, "Your age: 49 years, in the age band 45 to 54 "
                          "years; your years of service: 9 years.");
  g_autofree char *p3_nl = letter_of (p, "P3", SM_LANGUAGE_DUTCH);
  assert_contains (p3_nl, "Uw leeftijd: 49 jaar, in de leeftijdsgroep 45 "
                          "tot en met 54 jaar; uw diensttijd: 9 jaar.");
  assert_lacks (p3_en, "manual placement (hardship clause). People");
  assert_private (p, p2_en, "P2");
  assert_private (p, p2_nl, "P2");
  assert_private (p, p3_en, "P3");
  assert_private (p, p3_nl, "P3");
}

/* hb-adm (grade 10) has a rule that admits only its own grade, and is
 * the own function of P (grade 10, service 1990) and Q (grade 8, 2000).
 * Both are its candidates ("mens volgt werk" holds whatever the filters
 * say): Q is told the place went to a candidate of higher priority, not
 * that Q was not eligible, and the rules section says the filters are
 * for applications. */
static void
test_own_function_filters (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = sm_scenario_new ();
  SmOrganisationSpec o = SM_ORGANISATION_SPEC_INIT;
  o.id = o.name = "hb";
  o.kind = SM_ORGANISATION_KIND_DEFAULT;
  ok_or_fail (sm_scenario_add_organisation (s, &o, &error), &error);
  SmUnitSpec u = SM_UNIT_SPEC_INIT;
  u.id = u.name = "hb-u";
  u.organisation_id = "hb";
  ok_or_fail (sm_scenario_add_unit (s, &u, &error), &error);
  g_autoptr (SmPriorityRule) strict = sm_priority_rule_new ("strict");
  ok_or_fail (sm_priority_rule_add_criterion (strict, SM_CRITERION_SERVICE,
                                              SM_DIRECTION_HIGHER_FIRST,
                                              &error),
              &error);
  sm_priority_rule_set_max_grade_distance (strict, 0);
  ok_or_fail (sm_scenario_add_rule (s, strict, &error), &error);
  SmPositionSpec pos = SM_POSITION_SPEC_INIT;
  pos.id = pos.title = "hb-adm";
  pos.unit_id = "hb-u";
  pos.function_code = "ADM";
  pos.grade = 10;
  pos.rule_id = "strict";
  ok_or_fail (sm_scenario_add_position (s, &pos, &error), &error);
  const struct {
    const char *id, *name;
    int32_t grade, service;
  } people[] = { { "P", "Petra Placed", 10, 1990 },
                 { "Q", "Quinten Refused", 8, 2000 } };
  for (size_t k = 0; k < G_N_ELEMENTS (people); k++)
    {
      SmEmployeeSpec e = SM_EMPLOYEE_SPEC_INIT;
      e.id = people[k].id;
      e.name = people[k].name;
      e.function_code = "ADM";
      e.unit_id = "hb-u";
      e.grade = people[k].grade;
      e.birth_date = (SmDate){ 1970, 1, 1 };
      e.service_start = (SmDate){ people[k].service, 1, 1 };
      ok_or_fail (sm_scenario_add_employee (s, &e, &error), &error);
    }
  g_autoptr (SmPlacement) p = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (p);
  g_autofree char *en = letter_of (p, "Q", SM_LANGUAGE_ENGLISH);
  g_autofree char *nl = letter_of (p, "Q", SM_LANGUAGE_DUTCH);
  assert_contains (en, "Not obtained: every place went to a candidate with "
                       "a higher priority. Your priority rank was 2; the "
                       "last place went to rank 1.");
  assert_lacks (en, "not eligible");
  assert_contains (en, "To be eligible: the same salary grade as the "
                       "position (these apply to applications; they do not "
                       "close the position of your own function to you).");
  assert_contains (nl, "Uw plaats in de voorrangsvolgorde was 2; de laatste "
                       "plaats ging naar nummer 1.");
  assert_lacks (nl, "niet in aanmerking:");
  assert_contains (nl, "de functie die bij uw eigen werk hoort, sluiten zij "
                       "niet voor u af");
  assert_lacks (en, "Petra Placed");
  assert_lacks (nl, "Petra Placed");
}

static void
test_setup (void)
{
  fixture_init ();
}

static void test_lot_letters (void);

static const SmTestCase cases[] = {
  { "setup", test_setup },
  { "found_every_status", test_found_every_status },
  { "applied_two_reasons", test_applied_two_reasons },
  { "every_status", test_every_status },
  { "supernumerary_and_manual", test_supernumerary_and_manual },
  { "regimes_and_languages", test_regimes_and_languages },
  { "version_one_options", test_version_one_options },
  { "bad_settings", test_bad_settings },
  { "deterministic", test_deterministic },
  { "custom_template", test_custom_template },
  { "bad_templates", test_bad_templates },
  { "placeholders_listed", test_placeholders_listed },
  { "engine", test_engine },
  { "write_all", test_write_all },
  { "manual_seat_letters", test_manual_seat_letters },
  { "manual_seat_reflection_letters", test_manual_seat_reflection_letters },
  { "own_function_filters", test_own_function_filters },
  { "lot_letters", test_lot_letters },
  { NULL, NULL },
};

/* ---- the lot decided ------------------------------------------------------
 */

/* In the whole-years variant of the case, the letter of someone whose
 * refusal the lot decided says so in plain words, with their lottery
 * number and the last admitted person's, exactly as the explanation
 * gives them; and the rule is described as counting whole years. */
static void
test_lot_letters (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario)
      s = boh_case_new_variant (BOH_CASE_SEED, BOH_CASE_WHOLE_YEARS, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmPlacement) p = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (p);
  int32_t found = 0;
  for (int32_t i = 0; i < sm_scenario_get_n_employees (s); i++)
    for (int32_t k = 0; k < sm_placement_get_n_refusals (p, i); k++)
      {
        uint64_t own, cutoff;
        if (!sm_placement_get_refusal_lots (p, i, k, &own, &cutoff))
          continue;
        found++;
        SmRefusal r;
        sm_placement_get_refusal (p, i, k, &r);
        g_autofree char *en = g_strdup_printf (
            "Under the rule you were tied with the last person admitted, "
            "so the lot decided: your lottery number was %" G_GUINT64_FORMAT
            " and theirs was %" G_GUINT64_FORMAT
            ", and the lower number goes first. (The lottery was drawn "
            "with the seed %d; with it anyone can work out the numbers "
            "again.)",
            own, cutoff, BOH_CASE_SEED);
        g_autofree char *nl = g_strdup_printf (
            "Volgens de voorrangsregel stond u gelijk met de laatst "
            "geplaatste kandidaat. Daarom heeft het lot beslist: uw "
            "lotnummer was %" G_GUINT64_FORMAT ", dat van die kandidaat "
            "%" G_GUINT64_FORMAT ", en het laagste nummer gaat voor.",
            own, cutoff);
        g_autofree char *sentence_en =
            sm_refusal_to_sentence (p, i, &r, SM_LANGUAGE_ENGLISH);
        g_autofree char *sentence_nl =
            sm_refusal_to_sentence (p, i, &r, SM_LANGUAGE_DUTCH);
        assert_contains (sentence_en, en);
        assert_contains (sentence_nl, nl);
        CU_ASSERT_TRUE (own > cutoff);
        SmLetterOptions o = SM_LETTER_OPTIONS_INIT;
        o.language = SM_LANGUAGE_ENGLISH;
        g_autofree char *text = sm_letter_render (p, i, &o, &error);
        SM_ASSERT_NO_ERROR (error);
        CU_ASSERT_PTR_NOT_NULL_FATAL (text);
        assert_contains (text, en);
        assert_contains (text, "whole years of service on the reference "
                               "date (most first)");
        o.language = SM_LANGUAGE_DUTCH;
        g_autofree char *dutch = sm_letter_render (p, i, &o, &error);
        SM_ASSERT_NO_ERROR (error);
        CU_ASSERT_PTR_NOT_NULL_FATAL (dutch);
        assert_contains (dutch, nl);
        assert_contains (dutch, "diensttijd in hele jaren op de peildatum "
                                "(langste eerst)");
      }
  CU_ASSERT (found >= 1);
}

int
main (void)
{
  int status = sm_test_run_suite ("letter", cases);
  sm_placement_free (fx.placement);
  sm_scenario_free (fx.scenario);
  return status;
}
