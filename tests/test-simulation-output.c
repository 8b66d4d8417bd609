/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: what a simulation gives people, the report
 * (sm_report_simulation_html()) and the workbook
 * (sm_simulation_save_xlsx()), on the public API only.
 *
 * Both are read back and checked against the simulations' getters, with
 * the figures computed here independently of the writers: the report is
 * parsed as XML (it is XHTML); its table of mechanisms, its table and
 * chart of the cumulative ranks (every point of every line), its chances
 * by priority class and its people must give the getters' numbers; it is
 * self-contained, escapes names, comes in Dutch and English, and is the
 * same twice. The workbook is unzipped and its sheets' XML cells must
 * hold the getters' numbers as numbers.
 */
#include "simulation-fixtures.h"
#include "test-util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <zip.h>

#include "boh-case.h"

/* Two people for one seat, with names that need escaping; tied, or the
 * first with more years of service. */
static SmScenario *
two_names (gboolean tied)
{
  static const char *const names[] = { "A<&>\"B", "Zoë 'Z' & <Co>" };
  return sm_test_two_for_one (tied, names, "R&D <Ommen>", "Q&A \"lead\"");
}

static SmScenario *
awkward_names (void)
{
  return two_names (TRUE);
}

/* ---- the expected figures --------------------------------------------- */

/* @value with @decimals decimals, with a decimal comma in Dutch. */
static char *
fixed (double value, int decimals, gboolean dutch)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE], format[8];
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buf, sizeof buf, format, value);
  char *text = g_strdup (buf);
  if (dutch)
    g_strdelimit (text, ".", ',');
  return text;
}

static char *
percent (double share, gboolean dutch)
{
  g_autofree char *n = fixed (100 * share, 1, dutch);
  return g_strconcat (n, "%", NULL);
}

static int64_t
applicants (const SmSimulation *sim)
{
  const SmScenario *s = sm_simulation_get_scenario (sim);
  int64_t n = 0;
  for (int32_t i = 0; i < sm_scenario_get_n_employees (s); i++)
    {
      gboolean applied = FALSE;
      SmSimulatedOutcome o;
      for (int32_t k = 0; sm_simulation_get_outcome (sim, i, k, &o); k++)
        applied |= o.preference > 0;
      n += applied;
    }
  return n;
}

static double
share_up_to (const SmSimulation *sim, int32_t k)
{
  int64_t sum = 0;
  for (int32_t p = 1; p <= k; p++)
    {
      int64_t c = 0;
      CU_ASSERT_TRUE (sm_simulation_get_rank_count (sim, p, &c));
      sum += c;
    }
  return (double) sum
         / ((double) applicants (sim) * sm_simulation_get_n_runs (sim));
}

/* ---- reading the page --------------------------------------------------- */

typedef struct {
  xmlDocPtr doc;
  xmlXPathContextPtr xpath;
} Parsed;

static void
parsed_clear (Parsed *p)
{
  xmlXPathFreeContext (p->xpath);
  xmlFreeDoc (p->doc);
}

static gboolean
parse (Parsed *p, const char *html)
{
  p->xpath = NULL; /* defined even when the parse fails */
  p->doc = xmlReadMemory (html, (int) strlen (html), "report.html", NULL,
                          XML_PARSE_NONET | XML_PARSE_NOERROR);
  if (p->doc == NULL)
    return FALSE;
  p->xpath = xmlXPathNewContext (p->doc);
  xmlXPathRegisterNs (p->xpath, BAD_CAST "h",
                      BAD_CAST "http://www.w3.org/1999/xhtml");
  xmlXPathRegisterNs (p->xpath, BAD_CAST "s",
                      BAD_CAST "http://www.w3.org/2000/svg");
  return TRUE;
}

/* The nodes @expr finds; free with g_ptr_array_unref(). */
static GPtrArray *
find (const Parsed *p, const char *expr)
{
  GPtrArray *nodes = g_ptr_array_new ();
  xmlXPathObjectPtr r = xmlXPathEvalExpression (BAD_CAST expr, p->xpath);
  if (r != NULL && r->nodesetval != NULL)
    for (int k = 0; k < r->nodesetval->nodeNr; k++)
      g_ptr_array_add (nodes, r->nodesetval->nodeTab[k]);
  xmlXPathFreeObject (r);
  return nodes;
}

/* The text of cell @column of row @row (0 based), g_free() it. */
static char *
cell (const Parsed *p, const char *table, int row, int column)
{
  g_autofree char *expr =
      g_strdup_printf ("//h:table[@id='%s']/h:tbody/h:tr[%d]/h:td[%d]", table,
                       row + 1, column + 1);
  g_autoptr (GPtrArray) nodes = find (p, expr);
  if (nodes->len != 1)
    return g_strdup ("(none)");
  xmlChar *text = xmlNodeGetContent (g_ptr_array_index (nodes, 0));
  char *copy = g_strdup ((const char *) text);
  xmlFree (text);
  return copy;
}

static void
assert_cell (const Parsed *p, const char *table, int row, int column,
             const char *expected)
{
  g_autofree char *got = cell (p, table, row, column);
  if (strcmp (got, expected) != 0)
    fprintf (stderr, "\n%s row %d column %d: '%s', expected '%s'\n", table, row,
             column, got, expected);
  CU_ASSERT_STRING_EQUAL (got, expected);
}

static void
assert_fixed (const Parsed *p, int row, int column, double value,
              gboolean dutch)
{
  g_autofree char *expected = fixed (value, 2, dutch);
  assert_cell (p, "mechanisms", row, column, expected);
}

static void
assert_int (const Parsed *p, const char *table, int row, int column,
            int64_t value)
{
  g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  assert_cell (p, table, row, column, expected);
}

/* ---- the report --------------------------------------------------------- */

static char *
report (const SmSimulation *const *sims, int32_t n, SmLanguage language)
{
  SmReportOptions options = SM_REPORT_OPTIONS_INIT;
  options.language = language;
  GError *error = NULL;
  char *html = sm_report_simulation_html (sims, n, &options, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (html);
  return html;
}

static void
check_mechanisms (const Parsed *p, const SmSimulation *const *sims, int32_t n,
                  gboolean dutch)
{
  for (int32_t k = 0; k < n; k++)
    {
      SmSimulationSummary s;
      sm_simulation_get_summary (sims[k], &s);
      assert_cell (p, "mechanisms", k, 0,
                   sm_mechanism_to_string (
                       sm_simulation_get_mechanism (sims[k])));
      assert_int (p, "mechanisms", k, 2, s.n_runs);
      assert_fixed (p, k, 3, s.first_choices_mean, dutch);
      assert_fixed (p, k, 4, s.first_choices_sd, dutch);
      assert_fixed (p, k, 5, s.placed_mean, dutch);
      assert_fixed (p, k, 6, s.follows_work_mean, dutch);
      assert_fixed (p, k, 7, s.supernumerary_mean, dutch);
      assert_fixed (p, k, 8, s.supernumerary_sd, dutch);
      assert_int (p, "mechanisms", k, 9, s.n_depending);
      assert_int (p, "mechanisms", k, 10, s.n_cycles);
    }
}

/* The points "M x,y L x,y ..." of a path's d attribute. */
static GArray *
path_points (xmlNodePtr path)
{
  GArray *xy = g_array_new (FALSE, FALSE, sizeof (double));
  xmlChar *d = xmlGetProp (path, BAD_CAST "d");
  g_auto (GStrv) words = g_strsplit_set ((const char *) d, " ,", -1);
  for (char **w = words; *w != NULL; w++)
    if (**w != '\0' && **w != 'M' && **w != 'L')
      {
        double v = g_ascii_strtod (*w, NULL);
        g_array_append_val (xy, v);
      }
  xmlFree (d);
  return xy;
}

/* Every point of every line: x for k = 0 .. max, y for the share of
 * applicants placed at k or better. */
static void
check_rank_chart (const Parsed *p, const SmSimulation *const *sims, int32_t n,
                  gboolean dutch)
{
  int32_t max = 0;
  for (int32_t m = 0; m < n; m++)
    max = MAX (max, sm_simulation_get_max_preference (sims[m]));
  CU_ASSERT_FATAL (max >= 1);
  for (int32_t m = 0; m < n; m++)
    {
      g_autofree char *expr =
          g_strdup_printf ("//s:svg/s:path[@class='cum m%d']", (int) m);
      g_autoptr (GPtrArray) paths = find (p, expr);
      CU_ASSERT_EQUAL_FATAL (paths->len, 1);
      g_autoptr (GArray) xy = path_points (g_ptr_array_index (paths, 0));
      CU_ASSERT_EQUAL_FATAL (xy->len, 2 * (guint) (max + 1));
      for (int32_t k = 0; k <= max; k++)
        {
          double share = share_up_to (sims[m], k);
          double x = g_array_index (xy, double, 2 * k);
          double y = g_array_index (xy, double, 2 * k + 1);
          CU_ASSERT (fabs (x - (60 + 360.0 * k / max)) <= 0.0051);
          CU_ASSERT (fabs (y - (30 + 200 * (1 - share))) <= 0.0051);
          if (k == 0)
            continue;
          g_autofree char *pct = percent (share, dutch);
          assert_cell (p, "ranks", k - 1, 1 + m, pct);
        }
    }
}

static gboolean
receiving (const SmScenario *s, const SmPositionSpec *pos)
{
  SmUnitSpec u;
  SmOrganisationSpec o;
  return sm_scenario_get_unit (s, sm_scenario_find_unit (s, pos->unit_id), &u)
         && sm_scenario_get_organisation (
             s, sm_scenario_find_organisation (s, u.organisation_id), &o)
         && o.kind == SM_ORGANISATION_KIND_RECEIVING;
}

/* The per-class table of the first simulation, row by row: the shares of
 * the draws closing below, at and above each class shown. */
static void
check_classes (const Parsed *p, const SmSimulation *sim, gboolean dutch)
{
  const SmScenario *s = sm_simulation_get_scenario (sim);
  g_autoptr (GPtrArray) rows = find (p, "//h:table[@class='classes']"
                                        "/h:tbody/h:tr");
  guint row = 0;
  double runs = sm_simulation_get_n_runs (sim);
  for (int32_t j = 0; j < sm_scenario_get_n_positions (s); j++)
    {
      SmPositionSpec pos;
      int64_t open = 0;
      sm_scenario_get_position (s, j, &pos);
      sm_simulation_get_cutoff (sim, j, -1, &open);
      if (!receiving (s, &pos) || sm_simulation_get_n_classes (sim, j) == 0
          || open == runs)
        continue;
      for (int32_t c = 0; c < sm_simulation_get_n_classes (sim, j); c++)
        {
          int64_t below = open, at = 0;
          for (int32_t k = c + 1; k < sm_simulation_get_n_classes (sim, j); k++)
            {
              int64_t d = 0;
              sm_simulation_get_cutoff (sim, j, k, &d);
              below += d;
            }
          sm_simulation_get_cutoff (sim, j, c, &at);
          if (below + at == 0)
            continue;
          g_autofree char *html_rows = g_strdup_printf (
              "//h:table[@class='classes']/h:tbody/h:tr[%u]/h:td", row + 1);
          g_autoptr (GPtrArray) cells = find (p, html_rows);
          CU_ASSERT_EQUAL_FATAL (cells->len, 6);
          g_autofree char *a = percent (below / runs, dutch);
          g_autofree char *b = percent (at / runs, dutch);
          g_autofree char *e = percent ((runs - below - at) / runs, dutch);
          const char *want[] = { pos.id, NULL, NULL, a, b, e };
          for (int k = 0; k < 6; k++)
            if (want[k] != NULL)
              {
                xmlChar *t = xmlNodeGetContent (g_ptr_array_index (cells, k));
                CU_ASSERT_STRING_EQUAL ((const char *) t, want[k]);
                xmlFree (t);
              }
          row++;
        }
    }
  CU_ASSERT (row > 0);
  CU_ASSERT_EQUAL (row, rows->len);
}

/* The people whose outcome depends on the draw, each outcome that came
 * up: their rows in order, with the draws, chance and interval. */
static void
check_people (const Parsed *p, const SmSimulation *sim, gboolean dutch)
{
  const SmScenario *s = sm_simulation_get_scenario (sim);
  int row = 0;
  for (int32_t i = 0; i < sm_scenario_get_n_employees (s); i++)
    {
      SmEmployeeSpec e;
      SmSimulatedOutcome o;
      gboolean depends = FALSE;
      sm_scenario_get_employee (s, i, &e);
      for (int32_t k = 0; sm_simulation_get_outcome (sim, i, k, &o); k++)
        depends |= o.n_draws > 0 && o.n_draws < sm_simulation_get_n_runs (sim);
      for (int32_t k = 0; depends && sm_simulation_get_outcome (sim, i, k, &o);
           k++)
        if (o.n_draws > 0)
          {
            g_autofree char *chance = percent (o.probability, dutch);
            g_autofree char *lo = percent (o.low, dutch);
            g_autofree char *hi = percent (o.high, dutch);
            g_autofree char *interval = g_strdup_printf ("%s – %s", lo, hi);
            assert_cell (p, "people", row, 0, e.id);
            assert_cell (p, "people", row, 1, e.name);
            assert_int (p, "people", row, 6, o.n_draws);
            assert_cell (p, "people", row, 7, chance);
            assert_cell (p, "people", row, 8, interval);
            row++;
          }
    }
  g_autoptr (GPtrArray) rows = find (p, "//h:table[@id='people']/h:tbody/h:tr");
  CU_ASSERT_EQUAL (rows->len, (guint) row);
}

/* No scripts, no links, no external files: only the two namespaces. */
static void
check_self_contained (const char *html)
{
  CU_ASSERT_PTR_NULL (strstr (html, "<script"));
  CU_ASSERT_PTR_NULL (strstr (html, "src="));
  CU_ASSERT_PTR_NULL (strstr (html, "href="));
  CU_ASSERT_PTR_NULL (strstr (html, "url("));
  CU_ASSERT_PTR_NULL (strstr (html, "https:"));
  CU_ASSERT_PTR_NULL (strstr (html, "@import"));
  int urls = 0;
  for (const char *at = strstr (html, "http:"); at != NULL;
       at = strstr (at + 1, "http:"))
    {
      CU_ASSERT (g_str_has_prefix (at, "http://www.w3.org/1999/xhtml\"")
                 || g_str_has_prefix (at, "http://www.w3.org/2000/svg\""));
      urls++;
    }
  CU_ASSERT (urls >= 2);
}

static void
check_page (const SmSimulation *const *sims, int32_t n, SmLanguage language)
{
  gboolean dutch = language == SM_LANGUAGE_DUTCH;
  g_autofree char *html = report (sims, n, language);
  g_autofree char *again = report (sims, n, language);
  CU_ASSERT_STRING_EQUAL (html, again);
  check_self_contained (html);
  Parsed p;
  CU_ASSERT_TRUE_FATAL (parse (&p, html));
  CU_ASSERT_PTR_NOT_NULL (strstr (html, dutch ? "lang=\"nl\"" : "lang=\"en\""));
  CU_ASSERT_PTR_NOT_NULL (strstr (html, dutch ? "Simulatie van de loting"
                                              : "Simulation of the lottery"));
  CU_ASSERT_PTR_NOT_NULL (
      strstr (html, dutch ? "niet strategiebestendig" : "not strategy-proof"));
  check_mechanisms (&p, sims, n, dutch);
  check_rank_chart (&p, sims, n, dutch);
  check_classes (&p, sims[0], dutch);
  check_people (&p, sims[0], dutch);
  parsed_clear (&p);
}

static void
test_report_case (void)
{
  g_autoptr (SmScenario) s = sm_test_coarse_case ();
  g_autoptr (SmSimulation)
      a = sm_test_simulate (s, 400, SM_MECHANISM_DA_PER_POSITION, 2);
  g_autoptr (SmSimulation)
      b = sm_test_simulate (s, 400, SM_MECHANISM_DA_SINGLE, 2);
  g_autoptr (SmSimulation)
      c = sm_test_simulate (s, 300, SM_MECHANISM_DA_SIC, 2);
  const SmSimulation *sims[] = { a, b, c };
  check_page (sims, 3, SM_LANGUAGE_ENGLISH);
  check_page (sims, 3, SM_LANGUAGE_DUTCH);
  check_page (sims + 1, 1, SM_LANGUAGE_ENGLISH);
}

static void
test_report_names (void)
{
  g_autoptr (SmScenario) s = awkward_names ();
  g_autoptr (SmSimulation)
      sim = sm_test_simulate (s, 200, SM_MECHANISM_DA_SINGLE, 2);
  const SmSimulation *sims[] = { sim };
  g_autofree char *html = report (sims, 1, SM_LANGUAGE_ENGLISH);
  Parsed p;
  CU_ASSERT_TRUE_FATAL (parse (&p, html));
  CU_ASSERT_PTR_NULL (strstr (html, "A<&>"));
  CU_ASSERT_PTR_NOT_NULL (strstr (html, "A&lt;&amp;&gt;&quot;B"));
  check_people (&p, sim, FALSE);
  assert_cell (&p, "people", 0, 3, "Q&A \"lead\"");
  g_autoptr (GPtrArray) h3 = find (&p, "//h:h3");
  CU_ASSERT_EQUAL_FATAL (h3->len, 1);
  xmlChar *org = xmlNodeGetContent (g_ptr_array_index (h3, 0));
  CU_ASSERT_STRING_EQUAL ((const char *) org, "R&D <Ommen>");
  xmlFree (org);
  parsed_clear (&p);
}

/* Without ties nobody's outcome depends on the draw, and the page says
 * so instead of showing an empty table. */
static void
test_report_no_ties (void)
{
  g_autoptr (SmScenario) s = two_names (FALSE);
  g_autoptr (SmSimulation)
      sim = sm_test_simulate (s, 50, SM_MECHANISM_DA_SINGLE, 2);
  const SmSimulation *sims[] = { sim };
  g_autofree char *en = report (sims, 1, SM_LANGUAGE_ENGLISH);
  g_autofree char *nl = report (sims, 1, SM_LANGUAGE_DUTCH);
  CU_ASSERT_PTR_NULL (strstr (en, "id=\"people\""));
  CU_ASSERT_PTR_NOT_NULL (strstr (en, "Nobody: the criteria decide"));
  CU_ASSERT_PTR_NOT_NULL (strstr (nl, "Niemand: voor iedereen"));
  Parsed p;
  CU_ASSERT_TRUE_FATAL (parse (&p, en));
  check_mechanisms (&p, sims, 1, FALSE);
  check_rank_chart (&p, sims, 1, FALSE);
  parsed_clear (&p);
}

static void
test_report_refusals (void)
{
  g_autoptr (SmScenario) s = sm_test_coarse_case ();
  g_autoptr (SmScenario) t = awkward_names ();
  g_autoptr (SmSimulation)
      a = sm_test_simulate (s, 20, SM_MECHANISM_DA_SINGLE, 2);
  g_autoptr (SmSimulation)
      b = sm_test_simulate (t, 20, SM_MECHANISM_DA_SINGLE, 2);
  const SmSimulation *sims[] = { a, b };
  SmReportOptions options = SM_REPORT_OPTIONS_INIT;
  GError *error = NULL;
  CU_ASSERT_PTR_NULL (sm_report_simulation_html (sims, 2, &options, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NULL (strstr (error->message, "A<&>"));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);
  /* Another load of the same scenario is the same scenario. */
  g_autoptr (SmScenario) s2 = sm_test_coarse_case ();
  g_autoptr (SmSimulation)
      c = sm_test_simulate (s2, 20, SM_MECHANISM_DA_SIC, 2);
  const SmSimulation *same[] = { a, c };
  g_autofree char *html = sm_report_simulation_html (same, 2, &options, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL (html);
}

/* ---- the workbook -------------------------------------------------------- */

/* One unzipped workbook: per sheet (1 based, in order) its cells by
 * reference ("H2") as text, and whether each is a number. */
typedef struct {
  GPtrArray *names;   /* sheet names, in order */
  GPtrArray *values;  /* per sheet: GHashTable ref -> text */
  GPtrArray *numeric; /* per sheet: GHashTable ref -> "1" for numbers */
  GPtrArray *xml;     /* per sheet: the sheet's XML */
} Workbook;

static void
workbook_clear (Workbook *w)
{
  g_ptr_array_unref (w->names);
  g_ptr_array_unref (w->values);
  g_ptr_array_unref (w->numeric);
  g_ptr_array_unref (w->xml);
}

static char *
zip_text (zip_t *z, const char *name)
{
  zip_stat_t st;
  if (zip_stat (z, name, 0, &st) != 0)
    return NULL;
  zip_file_t *f = zip_fopen (z, name, 0);
  char *text = g_malloc0 (st.size + 1);
  CU_ASSERT_EQUAL (zip_fread (f, text, st.size), (zip_int64_t) st.size);
  zip_fclose (f);
  return text;
}

static xmlXPathContextPtr
xpath_of (xmlDocPtr doc)
{
  xmlXPathContextPtr x = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (x, BAD_CAST "m",
                      BAD_CAST "http://schemas.openxmlformats.org/"
                               "spreadsheetml/2006/main");
  return x;
}

/* The texts of the nodes @expr finds in @xml. */
static GPtrArray *
texts (const char *xml, const char *expr)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  xmlDocPtr doc = xmlReadMemory (xml, (int) strlen (xml), "x.xml", NULL,
                                 XML_PARSE_NONET);
  CU_ASSERT_PTR_NOT_NULL_FATAL (doc);
  xmlXPathContextPtr x = xpath_of (doc);
  xmlXPathObjectPtr r = xmlXPathEvalExpression (BAD_CAST expr, x);
  for (int k = 0; r->nodesetval && k < r->nodesetval->nodeNr; k++)
    {
      xmlChar *t = xmlNodeGetContent (r->nodesetval->nodeTab[k]);
      g_ptr_array_add (out, g_strdup ((const char *) t));
      xmlFree (t);
    }
  xmlXPathFreeObject (r);
  xmlXPathFreeContext (x);
  xmlFreeDoc (doc);
  return out;
}

static void
read_cells (Workbook *w, const char *xml, const GPtrArray *strings)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              g_free);
  GHashTable *numeric = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               NULL);
  xmlDocPtr doc = xmlReadMemory (xml, (int) strlen (xml), "sheet.xml", NULL,
                                 XML_PARSE_NONET);
  xmlXPathContextPtr x = xpath_of (doc);
  xmlXPathObjectPtr r = xmlXPathEvalExpression (BAD_CAST "//m:c[m:v]", x);
  for (int k = 0; r->nodesetval && k < r->nodesetval->nodeNr; k++)
    {
      xmlNodePtr c = r->nodesetval->nodeTab[k];
      xmlChar *ref = xmlGetProp (c, BAD_CAST "r");
      xmlChar *type = xmlGetProp (c, BAD_CAST "t");
      xmlChar *v = xmlNodeGetContent (c);
      gboolean shared = type != NULL && strcmp ((char *) type, "s") == 0;
      guint index = shared ? (guint) atoi ((char *) v) : 0;
      g_hash_table_insert (values, g_strdup ((char *) ref),
                           g_strdup (shared && index < strings->len
                                         ? g_ptr_array_index (strings, index)
                                         : (char *) v));
      if (type == NULL)
        g_hash_table_insert (numeric, g_strdup ((char *) ref), "1");
      xmlFree (ref);
      xmlFree (type);
      xmlFree (v);
    }
  xmlXPathFreeObject (r);
  xmlXPathFreeContext (x);
  xmlFreeDoc (doc);
  g_ptr_array_add (w->values, values);
  g_ptr_array_add (w->numeric, numeric);
}

static gboolean
read_workbook (Workbook *w, const char *path)
{
  int status = 0;
  zip_t *z = zip_open (path, ZIP_RDONLY, &status);
  if (z == NULL)
    return FALSE;
  w->names = NULL;
  g_autofree char *book = zip_text (z, "xl/workbook.xml");
  g_autofree char *sst = zip_text (z, "xl/sharedStrings.xml");
  w->names = texts (book, "//m:sheet/@name");
  g_autoptr (GPtrArray) strings = texts (sst, "//m:si");
  w->values = g_ptr_array_new_with_free_func (
      (GDestroyNotify) g_hash_table_unref);
  w->numeric = g_ptr_array_new_with_free_func (
      (GDestroyNotify) g_hash_table_unref);
  w->xml = g_ptr_array_new_with_free_func (g_free);
  for (guint k = 0; k < w->names->len; k++)
    {
      g_autofree char *name = g_strdup_printf ("xl/worksheets/sheet%u.xml",
                                               k + 1);
      char *xml = zip_text (z, name);
      CU_ASSERT_PTR_NOT_NULL_FATAL (xml);
      g_ptr_array_add (w->xml, xml);
      read_cells (w, xml, strings);
    }
  zip_close (z);
  return TRUE;
}

static const char *
value_at (const Workbook *w, guint sheet, char column, int row)
{
  char ref[16];
  g_snprintf (ref, sizeof ref, "%c%d", column, row);
  const char *v = g_hash_table_lookup (g_ptr_array_index (w->values, sheet),
                                       ref);
  return v != NULL ? v : "";
}

/* The number at a cell, which must be stored as a number. */
static double
number_at (const Workbook *w, guint sheet, char column, int row)
{
  char ref[16];
  g_snprintf (ref, sizeof ref, "%c%d", column, row);
  CU_ASSERT_PTR_NOT_NULL (
      g_hash_table_lookup (g_ptr_array_index (w->numeric, sheet), ref));
  return g_ascii_strtod (value_at (w, sheet, column, row), NULL);
}

static gboolean
close_to (double a, double b)
{
  return fabs (a - b) <= 1e-12 * MAX (1.0, fabs (b));
}

static void
check_probability_sheet (const Workbook *w, const SmSimulation *sim)
{
  const SmScenario *s = sm_simulation_get_scenario (sim);
  int row = 2;
  for (int32_t i = 0; i < sm_scenario_get_n_employees (s); i++)
    {
      SmEmployeeSpec e;
      SmSimulatedOutcome o;
      sm_scenario_get_employee (s, i, &e);
      for (int32_t k = 0; sm_simulation_get_outcome (sim, i, k, &o); k++)
        {
          SmPositionSpec p = { 0 };
          if (o.position >= 0)
            sm_scenario_get_position (s, o.position, &p);
          CU_ASSERT_STRING_EQUAL (value_at (w, 0, 'A', row), e.id);
          CU_ASSERT_STRING_EQUAL (value_at (w, 0, 'B', row), e.name);
          CU_ASSERT_STRING_EQUAL (value_at (w, 0, 'C', row),
                                  o.position >= 0 ? p.id : "");
          CU_ASSERT_STRING_EQUAL (value_at (w, 0, 'E', row),
                                  sm_status_to_string (o.status));
          CU_ASSERT_EQUAL (number_at (w, 0, 'G', row), (double) o.n_draws);
          CU_ASSERT (close_to (number_at (w, 0, 'H', row), o.probability));
          CU_ASSERT (close_to (number_at (w, 0, 'I', row), o.low));
          CU_ASSERT (close_to (number_at (w, 0, 'J', row), o.high));
          row++;
        }
    }
  CU_ASSERT_STRING_EQUAL (value_at (w, 0, 'A', row), "");
}

static void
check_mechanism_sheet (const Workbook *w, const SmSimulation *const *sims,
                       int32_t n)
{
  for (int32_t k = 0; k < n; k++)
    {
      SmSimulationSummary s;
      sm_simulation_get_summary (sims[k], &s);
      int row = k + 2;
      CU_ASSERT_STRING_EQUAL (value_at (w, 1, 'A', row),
                              sm_mechanism_to_string (
                                  sm_simulation_get_mechanism (sims[k])));
      CU_ASSERT_EQUAL (number_at (w, 1, 'B', row), s.n_runs);
      CU_ASSERT (close_to (number_at (w, 1, 'C', row), s.first_choices_mean));
      CU_ASSERT (close_to (number_at (w, 1, 'D', row), s.first_choices_sd));
      CU_ASSERT (close_to (number_at (w, 1, 'G', row), s.supernumerary_mean));
      CU_ASSERT (close_to (number_at (w, 1, 'H', row), s.supernumerary_sd));
      CU_ASSERT_EQUAL (number_at (w, 1, 'I', row), s.n_depending);
      CU_ASSERT_EQUAL (number_at (w, 1, 'J', row), (double) s.n_cycles);
      int64_t first = 0;
      sm_simulation_get_rank_count (sims[k], 1, &first);
      CU_ASSERT (
          close_to (number_at (w, 1, 'K', row), (double) first / s.n_runs));
    }
}

static void
check_settings_sheet (const Workbook *w, const SmSimulation *sim)
{
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                           sm_simulation_get_seed (sim));
  g_autofree char *checksum = sm_scenario_checksum (
      sm_simulation_get_scenario (sim));
  CU_ASSERT_STRING_EQUAL (value_at (w, 2, 'B', 2),
                          sm_mechanism_to_string (
                              sm_simulation_get_mechanism (sim)));
  CU_ASSERT_EQUAL (number_at (w, 2, 'B', 3), sm_simulation_get_n_runs (sim));
  CU_ASSERT_STRING_EQUAL (value_at (w, 2, 'B', 4), seed);
  CU_ASSERT_STRING_EQUAL (value_at (w, 2, 'B', 5), sm_version ());
  CU_ASSERT_STRING_EQUAL (value_at (w, 2, 'B', 6), checksum);
}

static char *
save (const SmSimulation *const *sims, int32_t n, const char *name)
{
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  GError *error = NULL;
  CU_ASSERT_TRUE (sm_simulation_save_xlsx (sims, n, path, &error));
  SM_ASSERT_NO_ERROR (error);
  return path;
}

static void
check_workbook (const SmSimulation *const *sims, int32_t n)
{
  g_autofree char *name = g_strdup_printf ("sm-sim-%d.xlsx", (int) getpid ());
  g_autofree char *path = save (sims, n, name);
  Workbook w = { NULL, NULL, NULL, NULL };
  CU_ASSERT_TRUE_FATAL (read_workbook (&w, path));
  CU_ASSERT_EQUAL_FATAL (w.names->len, 3);
  CU_ASSERT_STRING_EQUAL (g_ptr_array_index (w.names, 0), "probabilities");
  CU_ASSERT_STRING_EQUAL (g_ptr_array_index (w.names, 1), "mechanisms");
  CU_ASSERT_STRING_EQUAL (g_ptr_array_index (w.names, 2), "settings");
  for (guint k = 0; k < 3; k++)
    {
      const char *xml = g_ptr_array_index (w.xml, k);
      CU_ASSERT_PTR_NOT_NULL (strstr (xml, "ySplit=\"1\""));
      CU_ASSERT_PTR_NOT_NULL (strstr (xml, "state=\"frozen\""));
      CU_ASSERT_PTR_NOT_NULL (strstr (xml, "<autoFilter"));
      CU_ASSERT_PTR_NOT_NULL (strstr (xml, "customWidth=\"1\""));
    }
  check_probability_sheet (&w, sims[0]);
  check_mechanism_sheet (&w, sims, n);
  check_settings_sheet (&w, sims[0]);
  workbook_clear (&w);
  /* the same simulations, the same bytes */
  g_autofree char *name2 = g_strdup_printf ("sm-sim-%d-b.xlsx",
                                            (int) getpid ());
  g_autofree char *again = save (sims, n, name2);
  g_autofree char *a = NULL, *b = NULL;
  gsize la = 0, lb = 0;
  CU_ASSERT_TRUE (g_file_get_contents (path, &a, &la, NULL));
  CU_ASSERT_TRUE (g_file_get_contents (again, &b, &lb, NULL));
  CU_ASSERT (la == lb && memcmp (a, b, la) == 0);
  g_unlink (path);
  g_unlink (again);
}

static void
test_workbook_case (void)
{
  g_autoptr (SmScenario) s = sm_test_coarse_case ();
  g_autoptr (SmSimulation)
      a = sm_test_simulate (s, 300, SM_MECHANISM_DA_SIC, 2);
  g_autoptr (SmSimulation)
      b = sm_test_simulate (s, 300, SM_MECHANISM_DA_SINGLE, 2);
  const SmSimulation *sims[] = { a, b };
  check_workbook (sims, 2);
}

static void
test_workbook_names (void)
{
  g_autoptr (SmScenario) s = awkward_names ();
  g_autoptr (SmSimulation)
      sim = sm_test_simulate (s, 100, SM_MECHANISM_DA_SINGLE, 2);
  const SmSimulation *sims[] = { sim };
  check_workbook (sims, 1);
}

static void
test_workbook_refusals (void)
{
  g_autoptr (SmScenario) s = sm_test_coarse_case ();
  g_autoptr (SmScenario) t = awkward_names ();
  g_autoptr (SmSimulation)
      a = sm_test_simulate (s, 20, SM_MECHANISM_DA_SINGLE, 2);
  g_autoptr (SmSimulation)
      b = sm_test_simulate (t, 20, SM_MECHANISM_DA_SINGLE, 2);
  const SmSimulation *two[] = { a, b };
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "sm-never.xlsx",
                                            NULL);
  GError *error = NULL;
  CU_ASSERT_FALSE (sm_simulation_save_xlsx (two, 2, path, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);
  CU_ASSERT_FALSE (g_file_test (path, G_FILE_TEST_EXISTS));
  /* a folder is not replaced */
  CU_ASSERT_FALSE (sm_simulation_save_xlsx (two, 1, g_get_tmp_dir (), &error));
  SM_ASSERT_ERROR (error, SM_ERROR_IO);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "report: the figures are the getters', in English and Dutch",
      test_report_case },
    { "report: names escaped", test_report_names },
    { "report: without ties, nobody depends on the draw", test_report_no_ties },
    { "report: simulations of another scenario refused", test_report_refusals },
    { "workbook: the cells are the getters'", test_workbook_case },
    { "workbook: names with <&>\"", test_workbook_names },
    { "workbook: refusals", test_workbook_refusals },
    { NULL, NULL },
  };
  return sm_test_run_suite ("simulation-output", cases);
}
