/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: the reports (text, Markdown, HTML with SVG charts).
 *
 * On the generated Ommen-Hardenberg case the key figures of the text
 * summary are checked against counts the test makes itself from the
 * public getters; Markdown tables must have a constant number of cells;
 * the HTML page must be well-formed XML (GLib's GMarkup parser, and
 * xmllint when it is installed), self-contained, with one titled SVG per
 * chart, and free of personal data. The same placement must give the
 * same bytes, and a tiny scenario without bands or contracts must render.
 */
#include "test-util.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "boh-case.h"

static SmPlacement *
boh_placement (SmScenario **scenario_out)
{
  GError *error = NULL;
  SmScenario *s = boh_case_new (BOH_CASE_SEED, &error);
  SM_ASSERT_NO_ERROR (error);
  SmPlacement *p = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  *scenario_out = s;
  return p;
}

static int32_t
find_org (const SmScenario *s, SmOrganisationKind kind)
{
  for (int32_t o = 0; o < sm_scenario_get_n_organisations (s); o++)
    {
      SmOrganisationSpec org;
      sm_scenario_get_organisation (s, o, &org);
      if (org.kind == kind)
        return o;
    }
  return -1;
}

/* The number after @key (and blanks) at or after @from, or -1. */
static long
number_after (const char *from, const char *key)
{
  const char *at = from != NULL ? strstr (from, key) : NULL;
  if (at == NULL)
    return -1;
  at += strlen (key);
  while (*at == ' ')
    at++;
  return g_ascii_isdigit (*at) ? strtol (at, NULL, 10) : -1;
}

/* How the lottery section must name @count of the @depends people whose
 * outcome depended on the draw: in words where a number reads badly
 * ("the other one", not "the other 1"). @other: after the clause on who
 * lost. */
static char *
lottery_subject (gboolean dutch, long count, long depends, gboolean other)
{
  if (other && count == 1)
    return g_strdup (dutch ? "de ander" : "the other one");
  if (other)
    return g_strdup_printf (dutch ? "de andere %ld" : "the other %ld", count);
  if (depends == 1)
    return g_strdup (dutch ? "Die persoon" : "That person");
  if (count == depends)
    return g_strdup_printf (dutch ? "Alle %ld" : "All %ld of them", count);
  if (count == 1)
    return g_strdup (dutch ? "Eén van hen" : "One of them");
  return g_strdup_printf (dutch ? "%ld van hen" : "%ld of them", count);
}

/* The lottery section (newlines flattened) says who lost a draw and who
 * won one, each counted, in both languages. */
static void
check_lottery_counts (const char *en, const char *nl, long depends, long lost)
{
  long won = depends - lost;
  const char *people = depends == 1 ? "person" : "people";
  const char *mensen = depends == 1 ? "persoon" : "personen";
  g_autofree char *who_lost = lottery_subject (FALSE, lost, depends, FALSE);
  g_autofree char *who_won = lottery_subject (FALSE, won, depends, TRUE);
  g_autofree char *wie_verloor = lottery_subject (TRUE, lost, depends, FALSE);
  g_autofree char *wie_won = lottery_subject (TRUE, won, depends, TRUE);
  g_autofree char *en_lost = g_strdup_printf (
      "%ld %s. %s %s refused a position they preferred because the lot put "
      "a tied candidate first; ",
      depends, people, who_lost, lost == 1 ? "was" : "were");
  g_autofree char *en_won = g_strdup_printf ("first; %s %s a seat ahead of a "
                                             "tied candidate by the lot. ",
                                             who_won,
                                             won == 1 ? "holds" : "hold");
  g_autofree char *nl_lost = g_strdup_printf (
      "%ld %s. %s %s een functie van de eigen voorkeur niet, omdat het lot",
      depends, mensen, wie_verloor, lost == 1 ? "kreeg" : "kregen");
  g_autofree char *nl_won = g_strdup_printf ("voorliet; %s %s dankzij het lot "
                                             "een plaats boven een kandidaat",
                                             wie_won,
                                             won == 1 ? "kreeg" : "kregen");
  CU_ASSERT_PTR_NOT_NULL (strstr (en, en_lost));
  CU_ASSERT_PTR_NOT_NULL (strstr (en, en_won));
  CU_ASSERT_PTR_NOT_NULL (strstr (nl, nl_lost));
  CU_ASSERT_PTR_NOT_NULL (strstr (nl, nl_won));
  CU_ASSERT_PTR_NULL (strstr (en, "other 1 "));
  CU_ASSERT_PTR_NULL (strstr (nl, "andere 1 "));
}

/* ---- the text summary ------------------------------------------------------
 */

static void
check_receiving_figures (const SmPlacement *p, const SmScenario *s,
                         const char *text)
{
  int32_t om = find_org (s, SM_ORGANISATION_KIND_RECEIVING);
  SmOrganisationSpec org;
  sm_scenario_get_organisation (s, om, &org);
  long headcount = 0, first = 0;
  for (int32_t i = 0; i < sm_scenario_get_n_employees (s); i++)
    {
      SmEmployeeOutcome out;
      sm_placement_get_outcome (p, i, &out);
      headcount += out.organisation == om;
      first += out.organisation == om && out.preference == 1;
    }
  g_autofree char *title = g_strdup_printf ("%s (receiving organisation)\n",
                                            org.name);
  const char *section = strstr (text, title);
  CU_ASSERT_PTR_NOT_NULL_FATAL (section);
  CU_ASSERT_TRUE (headcount > 0 && first > 0);
  CU_ASSERT_EQUAL (number_after (section, "\nHeadcount:"), headcount);
  CU_ASSERT_EQUAL (number_after (section, "\n1st choice:"), first);
}

/* Each unit's formation, counted from the positions, stands in the unit's
 * row of the default organisation's table. */
static void
check_unit_figures (const SmScenario *s, const char *text)
{
  int32_t hb = find_org (s, SM_ORGANISATION_KIND_DEFAULT);
  SmOrganisationSpec org;
  sm_scenario_get_organisation (s, hb, &org);
  g_autofree char *title = g_strdup_printf ("%s (default organisation)\n",
                                            org.name);
  const char *section = strstr (text, title);
  CU_ASSERT_PTR_NOT_NULL_FATAL (section);
  int32_t checked = 0;
  for (int32_t u = 0; u < sm_scenario_get_n_units (s); u++)
    {
      SmUnitSpec unit;
      sm_scenario_get_unit (s, u, &unit);
      if (strcmp (unit.organisation_id, org.id) != 0)
        continue;
      long formation = 0;
      for (int32_t j = 0; j < sm_scenario_get_n_positions (s); j++)
        {
          SmPositionSpec pos;
          sm_scenario_get_position (s, j, &pos);
          if (strcmp (pos.unit_id, unit.id) == 0)
            formation += pos.seats;
        }
      g_autofree char *row = g_strdup_printf ("\n  %s  ", unit.name);
      CU_ASSERT_EQUAL (number_after (section, row), formation);
      checked++;
    }
  CU_ASSERT_TRUE (checked > 5);
}

/* Every line of the text table that starts with @first_cell's row up to
 * its end has the same number of characters (not bytes). */
static void
check_alignment (const char *text, const char *header, const char *accented)
{
  const char *start = strstr (text, header);
  CU_ASSERT_PTR_NOT_NULL_FATAL (start);
  const char *end = strstr (start, "\n\n");
  g_autofree char *table = g_strndup (start, end - start);
  g_auto (GStrv) lines = g_strsplit (table, "\n", -1);
  glong width = g_utf8_strlen (lines[0], -1);
  gboolean seen = FALSE;
  for (char **l = lines; *l != NULL; l++)
    {
      CU_ASSERT_EQUAL (g_utf8_strlen (*l, -1), width);
      seen |= strstr (*l, accented) != NULL;
    }
  CU_ASSERT_TRUE (seen);
}

static void
test_text_figures (void)
{
  SmScenario *s;
  g_autoptr (SmPlacement) p = boh_placement (&s);
  g_autofree char *text = sm_report_summary_text (p);
  g_autofree char *checksum = sm_scenario_checksum (s);
  CU_ASSERT_PTR_NOT_NULL_FATAL (text);
  CU_ASSERT_TRUE (g_utf8_validate (text, -1, NULL));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, sm_version ()));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, checksum));
  CU_ASSERT_EQUAL (number_after (text, "\nSeed:"), BOH_CASE_SEED);
  CU_ASSERT_EQUAL (number_after (text, "\nEmployees:"),
                   sm_scenario_get_n_employees (s));
  check_receiving_figures (p, s, text);
  check_unit_figures (s, text);
  /* "Financiën" is padded by characters: the unit table stays aligned */
  check_alignment (text, "  Unit  ", "Financi\xc3\xabn");
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "\n  2025 ")); /* last end + 1 */
  CU_ASSERT_PTR_NULL (strstr (text, "\n  2018 "));
  sm_placement_free (g_steal_pointer (&p));
  sm_scenario_free (s);
}

/* ---- Markdown ---------------------------------------------------------------
 */

/* The cell separators of a Markdown table row: '|' not escaped. */
static int
count_pipes (const char *line)
{
  int n = 0;
  for (const char *c = line; *c != '\0'; c++)
    {
      if (*c == '\\' && c[1] != '\0')
        c++;
      else if (*c == '|')
        n++;
    }
  return n;
}

/* Every table has a header, a delimiter row, and the same number of cells
 * in every row; returns how many tables there are. */
static int
check_markdown_tables (const char *markdown)
{
  g_auto (GStrv) lines = g_strsplit (markdown, "\n", -1);
  int tables = 0, pipes = 0, row = 0;
  for (char **l = lines; *l != NULL; l++)
    {
      if ((*l)[0] != '|')
        {
          row = 0;
          continue;
        }
      if (row == 0)
        {
          tables++;
          pipes = count_pipes (*l);
          CU_ASSERT_TRUE (pipes >= 3);
        }
      if (row == 1)
        CU_ASSERT_TRUE (
            g_regex_match_simple ("^(\\| -{3,}:? )+\\|$", *l, 0, 0));
      CU_ASSERT_EQUAL (count_pipes (*l), pipes);
      row++;
    }
  return tables;
}

static void
test_markdown (void)
{
  SmScenario *s;
  g_autoptr (SmPlacement) p = boh_placement (&s);
  g_autofree char *md = sm_report_summary_markdown (p);
  CU_ASSERT_PTR_NOT_NULL_FATAL (md);
  CU_ASSERT_TRUE (g_str_has_prefix (md, "# "));
  CU_ASSERT_PTR_NOT_NULL (strstr (md, "\n## "));
  /* organisations, ranks, open positions, positions, units, contract
   * units, contract years */
  CU_ASSERT_TRUE (check_markdown_tables (md) >= 7);
  sm_placement_free (g_steal_pointer (&p));
  sm_scenario_free (s);
}

/* ---- HTML -------------------------------------------------------------------
 */

typedef struct {
  int svg;
  int svg_titles;
  int tables;
} PageCount;

static void
on_start (GMarkupParseContext *context, const char *element, const char **names,
          const char **values, gpointer data, GError **error)
{
  PageCount *count = data;
  const GSList *stack = g_markup_parse_context_get_element_stack (context);
  if (strcmp (element, "svg") == 0)
    count->svg++;
  else if (strcmp (element, "table") == 0)
    count->tables++;
  else if (strcmp (element, "title") == 0 && stack->next != NULL
           && strcmp (stack->next->data, "svg") == 0)
    count->svg_titles++;
}

/* Parses the whole page with GMarkup, which accepts only well-formed
 * XML; fills @count. */
static void
check_well_formed (const char *html, PageCount *count)
{
  static const GMarkupParser parser = { on_start, NULL, NULL, NULL, NULL };
  GError *error = NULL;
  memset (count, 0, sizeof *count);
  GMarkupParseContext *ctx = g_markup_parse_context_new (&parser, 0, count,
                                                         NULL);
  gboolean ok = g_markup_parse_context_parse (ctx, html, -1, &error)
                && g_markup_parse_context_end_parse (ctx, &error);
  if (error != NULL)
    fprintf (stderr, "not well-formed: %s\n", error->message);
  CU_ASSERT_TRUE (ok);
  g_clear_error (&error);
  g_markup_parse_context_free (ctx);
}

/* Self-contained: no scripts, and no URL but the two namespace names. */
static void
check_self_contained (const char *html)
{
  CU_ASSERT_TRUE (g_str_has_prefix (html, "<?xml version=\"1.0\" "
                                          "encoding=\"UTF-8\"?>\n"));
  CU_ASSERT_PTR_NULL (strstr (html, "<script"));
  CU_ASSERT_PTR_NULL (strstr (html, "https://"));
  for (const char *at = strstr (html, "http://"); at != NULL;
       at = strstr (at + 1, "http://"))
    CU_ASSERT_TRUE (g_str_has_prefix (at, "http://www.w3.org/1999/xhtml\"")
                    || g_str_has_prefix (at, "http://www.w3.org/2000/svg\""));
  CU_ASSERT_PTR_NOT_NULL (strstr (html, "<html xmlns=\"http://www.w3.org/"
                                        "1999/xhtml\""));
  CU_ASSERT_PTR_NOT_NULL (strstr (html, "@media print"));
}

/* Whether @word occurs in @text as a word of its own (not inside a
 * longer word), ignoring case. */
static gboolean
has_word (const char *text, const char *word)
{
  g_autofree char *t = g_utf8_casefold (text, -1);
  g_autofree char *w = g_utf8_casefold (word, -1);
  size_t n = strlen (w);
  for (const char *p = strstr (t, w); p != NULL; p = strstr (p + 1, w))
    {
      gboolean start = p == t || !g_ascii_isalnum (p[-1]);
      gboolean end = !g_ascii_isalnum (p[n]);
      if (start && end)
        return TRUE;
    }
  return FALSE;
}

/* No employee's name in any report: not the full name, and not any of
 * its words (a surname alone, or a first name) that is not also a word
 * the report has a right to (an organisation's, unit's or position's
 * name, title or identifier). */
static void
check_no_names (const SmScenario *s, const char *report)
{
  g_autoptr (GString) allowed = g_string_new (NULL);
  for (int32_t k = 0; k < sm_scenario_get_n_organisations (s); k++)
    {
      SmOrganisationSpec o;
      sm_scenario_get_organisation (s, k, &o);
      g_string_append_printf (allowed, " %s %s ", o.id, o.name);
    }
  for (int32_t k = 0; k < sm_scenario_get_n_units (s); k++)
    {
      SmUnitSpec u;
      sm_scenario_get_unit (s, k, &u);
      g_string_append_printf (allowed, " %s %s ", u.id, u.name);
    }
  for (int32_t k = 0; k < sm_scenario_get_n_positions (s); k++)
    {
      SmPositionSpec p;
      sm_scenario_get_position (s, k, &p);
      g_string_append_printf (allowed, " %s %s %s ", p.id, p.title,
                              p.function_code);
    }
  int32_t found = 0;
  for (int32_t i = 0; i < sm_scenario_get_n_employees (s); i++)
    {
      SmEmployeeSpec e;
      sm_scenario_get_employee (s, i, &e);
      found += strstr (report, e.name) != NULL;
      g_auto (GStrv) words = g_strsplit_set (e.name, " -", -1);
      for (char **w = words; *w != NULL; w++)
        if (strlen (*w) > 3 && !has_word (allowed->str, *w)
            && has_word (report, *w))
          {
            fprintf (stderr, "a report holds '%s' of an employee's name\n", *w);
            found++;
          }
    }
  CU_ASSERT_EQUAL (found, 0);
}

static void
test_html (void)
{
  SmScenario *s;
  g_autoptr (SmPlacement) p = boh_placement (&s);
  g_autofree char *html = sm_report_html (p);
  g_autofree char *text = sm_report_summary_text (p);
  g_autofree char *md = sm_report_summary_markdown (p);
  CU_ASSERT_PTR_NOT_NULL_FATAL (html);
  PageCount count;
  check_well_formed (html, &count);
  check_self_contained (html);
  CU_ASSERT_EQUAL (count.svg, 5); /* one per chart */
  CU_ASSERT_EQUAL (count.svg_titles, 5);
  CU_ASSERT_TRUE (count.tables >= 5 + 5); /* a table beside each chart */
  CU_ASSERT_PTR_NOT_NULL (strstr (html, "Financi\xc3\xabn"));
  check_no_names (s, html);
  check_no_names (s, text);
  check_no_names (s, md);
  sm_placement_free (g_steal_pointer (&p));
  sm_scenario_free (s);
}

static void
test_same_bytes (void)
{
  SmScenario *s1, *s2;
  g_autoptr (SmPlacement) p1 = boh_placement (&s1);
  g_autoptr (SmPlacement) p2 = boh_placement (&s2);
  char *(*const forms[]) (const SmPlacement *) = {
    sm_report_summary_text,
    sm_report_summary_markdown,
    sm_report_html,
  };
  for (guint k = 0; k < G_N_ELEMENTS (forms); k++)
    {
      g_autofree char *a = forms[k](p1);
      g_autofree char *b = forms[k](p2);
      g_autofree char *again = forms[k](p1);
      CU_ASSERT_STRING_EQUAL (a, b);
      CU_ASSERT_STRING_EQUAL (a, again);
    }
  /* a decimal comma in the locale changes no coordinate */
  g_autofree char *html = sm_report_html (p1);
  if (setlocale (LC_NUMERIC, "nl_NL.UTF-8") != NULL
      || setlocale (LC_NUMERIC, "de_DE.UTF-8") != NULL)
    {
      g_autofree char *comma = sm_report_html (p1);
      CU_ASSERT_STRING_EQUAL (html, comma);
      setlocale (LC_NUMERIC, "C");
    }
  sm_placement_free (g_steal_pointer (&p1));
  sm_placement_free (g_steal_pointer (&p2));
  sm_scenario_free (s1);
  sm_scenario_free (s2);
}

/* With the reflection principle, the summary says so and names every
 * position where it chose the keepers. */
static void
test_reflection (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = boh_case_new (BOH_CASE_SEED, &error);
  SM_ASSERT_NO_ERROR (error);
  sm_scenario_set_reduction (s, SM_REDUCTION_REFLECTION, 10);
  g_autoptr (SmPlacement) p = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autofree char *text = sm_report_summary_text (p);
  const char *section = strstr (text, "\nReflection principle\n");
  CU_ASSERT_PTR_NOT_NULL_FATAL (section);
  CU_ASSERT_PTR_NOT_NULL (strstr (section, "Used (age bands of 10 years)"));
  int32_t reflected = 0;
  for (int32_t j = 0; j < sm_scenario_get_n_positions (s); j++)
    {
      SmPositionResult res;
      SmPositionSpec pos;
      sm_placement_get_position_result (p, j, &res);
      sm_scenario_get_position (s, j, &pos);
      g_autofree char *row = g_strdup_printf ("\n  %s  ", pos.id);
      CU_ASSERT_EQUAL (strstr (section, row) != NULL, res.reflection);
      reflected += res.reflection;
    }
  CU_ASSERT_TRUE (reflected > 0);
}

/* ---- a tiny scenario --------------------------------------------------------
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
add_employee (SmScenario *s, const char *id, const char *name)
{
  GError *error = NULL;
  SmEmployeeSpec e = SM_EMPLOYEE_SPEC_INIT;
  e.id = id;
  e.name = name;
  e.function_code = "ADM";
  e.unit_id = "hb-u";
  e.grade = 8;
  e.birth_date = (SmDate){ 1970, 1, 1 };
  e.service_start = (SmDate){ 2000, 1, 1 };
  add (sm_scenario_add_employee (s, &e, &error), &error);
}

/* The reason of the tiny scenario's manual placement: personal, and
 * with markup. */
#define MANUAL_REASON "burn-out ZQX-4471: <b>care</b> & 'duty'\nline two"

/* A default organisation with one unit whose name needs escaping, a
 * receiving organisation without a band and nobody applying, no
 * contracts, and a manual placement whose reason holds markup. */
static SmScenario *
tiny_scenario (void)
{
  GError *error = NULL;
  SmScenario *s = sm_scenario_new ();
  SmOrganisationSpec o = SM_ORGANISATION_SPEC_INIT;
  o.id = "hb";
  o.name = "Default <org> & co";
  o.kind = SM_ORGANISATION_KIND_DEFAULT;
  add (sm_scenario_add_organisation (s, &o, &error), &error);
  o.id = o.name = "om";
  o.kind = SM_ORGANISATION_KIND_RECEIVING;
  add (sm_scenario_add_organisation (s, &o, &error), &error);
  SmUnitSpec u = SM_UNIT_SPEC_INIT;
  u.id = "hb-u";
  u.name = "Financi\xc3\xabn | \"Zaken\"";
  u.organisation_id = "hb";
  add (sm_scenario_add_unit (s, &u, &error), &error);
  SmPositionSpec pos = SM_POSITION_SPEC_INIT;
  pos.id = "hb-adm";
  pos.title = "Administrateur";
  pos.unit_id = "hb-u";
  pos.function_code = "ADM";
  pos.grade = 8;
  add (sm_scenario_add_position (s, &pos, &error), &error);
  add_employee (s, "E1", "Ann Example");
  add_employee (s, "E2", "Bob Example");
  add (sm_scenario_add_manual_placement (s, "E2", "hb-adm", MANUAL_REASON,
                                         &error),
       &error);
  return s;
}

static void
test_tiny (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = tiny_scenario ();
  g_autoptr (SmPlacement) p = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (p);
  g_autofree char *text = sm_report_summary_text (p);
  g_autofree char *md = sm_report_summary_markdown (p);
  g_autofree char *html = sm_report_html (p);
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "No unit works for another"));
  CU_ASSERT_EQUAL (number_after (text, "\nSupernumerary:"), 1);
  CU_ASSERT_TRUE (check_markdown_tables (md) >= 3);
  PageCount count;
  check_well_formed (html, &count);
  check_self_contained (html);
  CU_ASSERT_TRUE (count.svg >= 3);
  CU_ASSERT_EQUAL (count.svg, count.svg_titles);
  CU_ASSERT_PTR_NOT_NULL (strstr (html, "Default &lt;org&gt; &amp; co"));
  CU_ASSERT_PTR_NULL (strstr (html, "<b>"));
  check_no_names (s, text);
  check_no_names (s, md);
  check_no_names (s, html);
}

/* A manual placement's reason (often medical or about family care) and
 * who was placed go to that person's letter, never into the reports that
 * others read; those give the count, and per position the manual seats. */
static void
test_manual_reason_private (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = tiny_scenario ();
  g_autoptr (SmPlacement) p = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (p);
  g_autofree char *text = sm_report_summary_text (p);
  g_autofree char *md = sm_report_summary_markdown (p);
  g_autofree char *html = sm_report_html (p);
  const char *shared[] = { text, md, html };
  for (size_t k = 0; k < G_N_ELEMENTS (shared); k++)
    {
      CU_ASSERT_PTR_NULL (strstr (shared[k], "ZQX-4471"));
      CU_ASSERT_PTR_NULL (strstr (shared[k], "burn-out"));
      CU_ASSERT_PTR_NULL (strstr (shared[k], "care"));
      CU_ASSERT_PTR_NULL (strstr (shared[k], "E2"));
    }
  CU_ASSERT_EQUAL (number_after (text, "\nPlaced manually:"), 1);
  /* the manual placements table: position, title, organisation, seats */
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "Manual seats"));
  const char *table = strstr (text, "Manual seats\n");
  CU_ASSERT_PTR_NOT_NULL_FATAL (table);
  CU_ASSERT_EQUAL (number_after (table, "Administrateur  Default <org> & co"),
                   1);
  SmLetterOptions options = SM_LETTER_OPTIONS_INIT;
  g_autofree char *letter = sm_letter_render (p,
                                              sm_scenario_find_employee (s,
                                                                         "E2"),
                                              &options, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (letter);
  CU_ASSERT_PTR_NOT_NULL (strstr (letter, "burn-out ZQX-4471"));
  g_autofree char *other = sm_letter_render (p,
                                             sm_scenario_find_employee (s,
                                                                        "E1"),
                                             &options, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NULL (strstr (other, "ZQX-4471"));
}

/* ---- writing the page -------------------------------------------------------
 */

/* Runs xmllint --noout on @path when it is installed (meson passes the one
 * it found in SM_XMLLINT); FALSE only when xmllint rejects the file. */
static gboolean
xmllint_accepts (const char *path)
{
  g_autofree char *xmllint = g_strdup (g_getenv ("SM_XMLLINT"));
  if (xmllint == NULL || *xmllint == '\0')
    {
      g_free (xmllint);
      xmllint = g_find_program_in_path ("xmllint");
    }
  if (xmllint == NULL)
    {
      fprintf (stderr, "xmllint not found: skipping its check\n");
      return TRUE;
    }
  const char *argv[] = { xmllint, "--noout", "--nonet", path, NULL };
  g_autofree char *err = NULL;
  int status = -1;
  GError *error = NULL;
  gboolean ran = g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                               &err, &status, &error);
  SM_ASSERT_NO_ERROR (error);
  if (ran && !(WIFEXITED (status) && WEXITSTATUS (status) == 0))
    fprintf (stderr, "xmllint: %s\n", err);
  return ran && WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

static void
test_write_html (void)
{
  SmScenario *s;
  GError *error = NULL;
  g_autoptr (SmPlacement) p = boh_placement (&s);
  g_autofree char *dir = g_dir_make_tmp ("sm-report-XXXXXX", &error);
  SM_ASSERT_NO_ERROR (error);
  g_autofree char *path = g_build_filename (dir, "report.html", NULL);
  CU_ASSERT_TRUE (sm_report_write_html (p, path, &error));
  SM_ASSERT_NO_ERROR (error);
  g_autofree char *written = NULL;
  CU_ASSERT_TRUE (g_file_get_contents (path, &written, NULL, NULL));
  g_autofree char *html = sm_report_html (p);
  CU_ASSERT_STRING_EQUAL (written, html);
  CU_ASSERT_TRUE (xmllint_accepts (path));
  g_autofree char *missing = g_build_filename (dir, "no", "report.html", NULL);
  CU_ASSERT_FALSE (sm_report_write_html (p, missing, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_IO);
  g_unlink (path);
  g_rmdir (dir);
  sm_placement_free (g_steal_pointer (&p));
  sm_scenario_free (s);
}

/* The lottery section counts the people whose outcome depended on the
 * draw, as sm_placement_depends_on_lot() says, split into those who lost
 * a draw and the others; with exact dates nothing depended on it. */
static void
test_lottery_counts (void)
{
  static const BohCaseVariant variants[] = { BOH_CASE_EXACT_DATES,
                                             BOH_CASE_WHOLE_YEARS };
  for (size_t v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      GError *error = NULL;
      g_autoptr (SmScenario)
          s = boh_case_new_variant (BOH_CASE_SEED, variants[v], &error);
      SM_ASSERT_NO_ERROR (error);
      g_autoptr (SmPlacement) p = sm_scenario_place (s, &error);
      SM_ASSERT_NO_ERROR (error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (p);
      long depends = 0, lost = 0;
      for (int32_t i = 0; i < sm_scenario_get_n_employees (s); i++)
        {
          depends += sm_placement_depends_on_lot (p, i);
          gboolean any = FALSE;
          for (int32_t k = 0; k < sm_placement_get_n_refusals (p, i); k++)
            any = any || sm_placement_get_refusal_lots (p, i, k, NULL, NULL);
          lost += any;
        }
      g_autofree char *text = sm_report_summary_text (p);
      g_autofree char *md = sm_report_summary_markdown (p);
      g_autofree char *html = sm_report_html (p);
      CU_ASSERT_PTR_NOT_NULL (strstr (text, "\nThe lottery\n"));
      CU_ASSERT_PTR_NOT_NULL (strstr (md, "The lottery"));
      CU_ASSERT_PTR_NOT_NULL (strstr (html, "The lottery"));
      /* In Dutch the section speaks Dutch, with the same counts. */
      SmReportOptions dutch = SM_REPORT_OPTIONS_INIT;
      g_autofree char *nl = sm_report_summary_text_with (p, &dutch);
      CU_ASSERT_PTR_NOT_NULL (strstr (nl, "\nDe loting\n"));
      CU_ASSERT_PTR_NULL (strstr (nl, "lottery"));
      CU_ASSERT_PTR_NULL (strstr (nl, "depended"));
      if (variants[v] == BOH_CASE_EXACT_DATES)
        {
          CU_ASSERT_EQUAL (depends, 0);
          CU_ASSERT_PTR_NOT_NULL (strstr (text, "No outcome depended"));
          continue;
        }
      CU_ASSERT (depends > lost && lost > 0);
      g_autofree char *flat = g_strdup (text);
      g_strdelimit (flat, "\n", ' ');
      CU_ASSERT_EQUAL (number_after (flat, "depended on the lottery draw "
                                           "(seed 2019):"),
                       depends);
      g_strdelimit (nl, "\n", ' ');
      CU_ASSERT_EQUAL (number_after (nl, "afhingen (lotingsgetal 2019):"),
                       depends);
      check_lottery_counts (flat, nl, depends, lost);
    }
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "the lottery section counts the draw's people", test_lottery_counts },
    { "text summary holds the key figures", test_text_figures },
    { "Markdown tables are consistent", test_markdown },
    { "HTML is well-formed, self-contained, without names", test_html },
    { "same placement, same bytes", test_same_bytes },
    { "the reflection principle is reported", test_reflection },
    { "a tiny scenario renders", test_tiny },
    { "a manual placement's reason stays out of reports",
      test_manual_reason_private },
    { "the page is written atomically and xmllint accepts it",
      test_write_html },
    { NULL, NULL },
  };
  return sm_test_run_suite ("report", cases);
}
