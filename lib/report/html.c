/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the HTML report, one self-contained page.
 *
 * The page is XHTML that is also valid HTML (polyglot markup): an XML
 * declaration, every element closed, only the five XML entities, the
 * XHTML namespace on <html> and the SVG namespace on each inline <svg>.
 * So xmllint and any XML parser accept it, and browsers open it as a plain
 * .html file. It has no scripts, no external files and no URLs other than
 * the two namespace names: it can be mailed, archived with a decision and
 * printed. The CSS is inline; its print rules keep charts whole on a page
 * and text black.
 *
 * The sections are the blocks of summary.c, in the same order as the text
 * summary. Each chart block becomes an SVG chart (drawn with svg.c) with
 * its table beside it, so the figures are there for screen readers and on
 * paper: (a) flows from former units to destinations, (b) preference
 * ranks obtained, (c) headcount against the band, (d) formation, placed
 * and supernumerary per unit of a default organisation, (e) people under
 * contracts by year. Coordinates are computed from counts only, and
 * written by svg.c without the locale, so the same placement gives the
 * same bytes.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <staffmatch/error.h>
#include <staffmatch/explain.h>
#include <staffmatch/report.h>
#include <staffmatch/version.h>

#include "io/file-private.h"
#include "report/html-page-private.h"
#include "report/summary-private.h"
#include "report/svg-private.h"

/* The colours of the placement report's charts; the rest of the style
 * sheet is every page's (html-page.c). */
static const char report_css[] =
    "svg .track { fill: #f2f2f2; }\n"
    "svg .band { fill: #9ecae1; fill-opacity: 0.7; }\n"
    "svg .value { fill: #08519c; }\n"
    "svg .node { fill: #636363; }\n"
    "svg .flow { fill-opacity: 0.45; }\n"
    "svg .d0 { fill: #1f77b4; } svg .d1 { fill: #2ca02c; }"
    " svg .d2 { fill: #d62728; } svg .d3 { fill: #9467bd; }"
    " svg .d4 { fill: #8c564b; } svg .d5 { fill: #e377c2; }\n"
    "svg .formation { fill: #bdbdbd; } svg .placed { fill: #31a354; }"
    " svg .super { fill: #e6550d; }\n"
    "svg .rank { fill: #3182bd; } svg .none { fill: #969696; }\n"
    "svg .year { fill: #756bb1; }\n";

/* ---- helpers --------------------------------------------------------------
 */

static void
put (GString *out, const char *text)
{
  sm_svg__append_escaped (out, text);
}

/* About how wide @text is in a chart's 11px sans-serif, in pixels: the
 * room a label needs, so that no name is cut short. */
static double
label_width (const char *text)
{
  return 6.5 * (double) g_utf8_strlen (text, -1);
}

/* Starts a group shifted @dx to the right: room on the left for labels
 * longer than the chart's own margin. */
static void
shift_begin (GString *out, double dx)
{
  g_string_append_printf (out, "<g transform=\"translate(%d 0)\">\n", (int) dx);
}

/* The smallest of 1, 2, 5 times a power of ten that is at least @value. */
static int32_t
nice_step (int32_t value)
{
  int32_t step = 1;
  while (step <= G_MAXINT32 / 10 && step * 10 < value)
    step *= 10;
  if (step >= value)
    return step;
  if (step <= G_MAXINT32 / 2 && 2 * step >= value)
    return 2 * step;
  if (step <= G_MAXINT32 / 5 && 5 * step >= value)
    return 5 * step;
  return step <= G_MAXINT32 / 10 ? 10 * step : value;
}

/* The end of an axis that shows @value with some room: a multiple of a
 * round step, about five steps long. */
static int32_t
axis_end (int32_t value)
{
  int64_t room = MAX ((int64_t) value * 11 / 10 + 1, 5);
  int64_t step = nice_step ((int32_t) MIN ((room + 4) / 5, G_MAXINT32));
  return (int32_t) MIN ((room + step - 1) / step * step, G_MAXINT32);
}

static void
text_int (GString *out, double x, double y, SmSvgAnchor anchor,
          const char *css_class, int64_t value)
{
  char buf[32];
  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  sm_svg__text (out, x, y, anchor, css_class, buf);
}

/* ---- (a) flows ------------------------------------------------------------
 */

#define FLOW_LEFT 236.0  /* x of the former units' nodes */
#define FLOW_RIGHT 560.0 /* x of the destinations' nodes */
#define FLOW_NODE 12.0   /* width of a node */
#define FLOW_TOP 40.0
#define FLOW_GAP 6.0
#define FLOW_SLOT 14.0 /* the least room a node takes, for its label */

/* Stacks the nodes of @n items with @total people each from FLOW_TOP;
 * fills @y (the top of each node) and returns the bottom. */
static double
flow_stack (const int32_t *total, int32_t n, double scale, double *y)
{
  double at = FLOW_TOP;
  for (int32_t k = 0; k < n; k++)
    {
      y[k] = at;
      if (total[k] > 0)
        at += MAX (total[k] * scale, FLOW_SLOT) + FLOW_GAP;
    }
  return at;
}

static void
flow_band (GString *out, double y0, double y1, double h, int32_t to)
{
  double xl = FLOW_LEFT + FLOW_NODE, xr = FLOW_RIGHT;
  double xm = (xl + xr) / 2;
  char css[16];
  g_snprintf (css, sizeof css, "flow d%d", to % 6);
  sm_svg__path_begin (out, css);
  sm_svg__path_move (out, xl, y0);
  sm_svg__path_curve (out, xm, y0, xm, y1, xr, y1);
  sm_svg__path_line (out, xr, y1 + h);
  sm_svg__path_curve (out, xm, y1 + h, xm, y0 + h, xl, y0 + h);
  sm_svg__path_end (out, TRUE);
}

/* One node with its label "NAME (N)" on the side away from the bands. */
static void
flow_node (GString *out, double x, double y, double h, const char *css,
           const char *name, int32_t people, gboolean left)
{
  sm_svg__rect (out, x, y, FLOW_NODE, MAX (h, 1.0), css);
  g_autofree char *text = g_strdup_printf ("%s (%d)", name, people);
  sm_svg__text (out, left ? x - 6 : x + FLOW_NODE + 6,
                y + MAX (h, FLOW_SLOT) / 2 + 4,
                left ? SM_SVG_END : SM_SVG_START, NULL, text);
}

static void
flow_nodes (GString *out, const SmScenario *sc, const SmReportFlows *f,
            const double *ly, const double *ry, double scale)
{
  for (int32_t u = 0; u < f->n_from; u++)
    {
      SmUnitSpec unit;
      sm_scenario_get_unit (sc, u, &unit);
      if (f->from_total[u] > 0)
        flow_node (out, FLOW_LEFT, ly[u], f->from_total[u] * scale, "node",
                   unit.name, f->from_total[u], TRUE);
    }
  for (int32_t d = 0; d < f->n_to; d++)
    {
      char css[8];
      g_snprintf (css, sizeof css, "d%d", d % 6);
      if (f->to_total[d] > 0)
        flow_node (out, FLOW_RIGHT, ry[d], f->to_total[d] * scale, css,
                   f->to_name[d], f->to_total[d], FALSE);
    }
}

/* How much the flows chart moves right so that the longest unit label
 * fits, and how much wider it gets for the longest destination. */
static void
flow_room (const SmScenario *sc, const SmReportFlows *f, double *left_out,
           double *right_out)
{
  double left = 0, right = 0;
  for (int32_t u = 0; u < f->n_from; u++)
    {
      SmUnitSpec unit;
      sm_scenario_get_unit (sc, u, &unit);
      if (f->from_total[u] > 0)
        left = MAX (left, label_width (unit.name) + 40 - (FLOW_LEFT - 6));
    }
  for (int32_t d = 0; d < f->n_to; d++)
    right = MAX (right, label_width (f->to_name[d]) + 40
                            - (840 - FLOW_RIGHT - FLOW_NODE - 6));
  *left_out = MAX (left, 0);
  *right_out = MAX (right, 0);
}

static void
chart_flows (GString *out, const SmPlacement *p, const char *title,
             gboolean dutch)
{
  g_autoptr (SmReportFlows) f = sm_report_flows__new (p, dutch);
  double left, right;
  flow_room (sm_placement_get_scenario (p), f, &left, &right);
  int32_t total = 0;
  for (int32_t u = 0; u < f->n_from; u++)
    total += f->from_total[u];
  double scale = total > 0 ? MIN (2.0, 560.0 / total) : 1.0;
  g_autofree double *ly = g_new0 (double, MAX (f->n_from, 1));
  g_autofree double *ry = g_new0 (double, MAX (f->n_to, 1));
  g_autofree double *lcur = g_new0 (double, MAX (f->n_from, 1));
  g_autofree double *rcur = g_new0 (double, MAX (f->n_to, 1));
  double bottom = MAX (flow_stack (f->from_total, f->n_from, scale, ly),
                       flow_stack (f->to_total, f->n_to, scale, ry));
  sm_svg__begin (out, 840 + left + right, bottom + 10, title,
                 SM_T (dutch,
                       "Band widths are proportional to the number of "
                       "people.",
                       "De breedte van een stroom is evenredig met het "
                       "aantal mensen."));
  shift_begin (out, left);
  sm_svg__text (out, FLOW_LEFT - 6, 20, SM_SVG_END, "head",
                SM_T (dutch, "Unit of current work", "Afdeling nu"));
  sm_svg__text (out, FLOW_RIGHT, 20, SM_SVG_START, "head",
                SM_T (dutch, "Destination", "Bestemming"));
  memcpy (lcur, ly, sizeof (double) * f->n_from);
  memcpy (rcur, ry, sizeof (double) * f->n_to);
  for (int32_t u = 0; u < f->n_from; u++)
    for (int32_t d = 0; d < f->n_to; d++)
      {
        double h = f->count[u * f->n_to + d] * scale;
        if (h <= 0)
          continue;
        flow_band (out, lcur[u], rcur[d], h, d);
        lcur[u] += h;
        rcur[d] += h;
      }
  flow_nodes (out, sm_placement_get_scenario (p), f, ly, ry, scale);
  g_string_append (out, "</g>\n");
  sm_svg__end (out);
}

/* ---- (b) ranks and (e) contracts: vertical bars ---------------------------
 */

#define BAR_BASE 220.0   /* y of the baseline */
#define BAR_HEIGHT 170.0 /* height of the tallest bar */

/* Vertical bars with their values above and @labels below. */
static void
vertical_bars (GString *out, const int32_t *values, const char *const *labels,
               int32_t n, const char *const *css)
{
  int32_t max = 1;
  for (int32_t k = 0; k < n; k++)
    max = MAX (max, values[k]);
  for (int32_t k = 0; k < n; k++)
    {
      double x = 50 + 70.0 * k, h = BAR_HEIGHT * values[k] / max;
      sm_svg__rect (out, x, BAR_BASE - h, 44, h, css[k]);
      text_int (out, x + 22, BAR_BASE - h - 5, SM_SVG_MIDDLE, NULL, values[k]);
      sm_svg__text (out, x + 22, BAR_BASE + 16, SM_SVG_MIDDLE, NULL, labels[k]);
    }
  sm_svg__line (out, 40, BAR_BASE, 60 + 70.0 * n, BAR_BASE, "axis");
}

static void
chart_ranks (GString *out, const SmPlacement *p, const char *title,
             gboolean dutch)
{
  static const char *const en[] = { "1st", "2nd", "3rd", "later", "none" };
  static const char *const nl[] = { "1e", "2e", "3e", "later", "geen" };
  const char *const *labels = dutch ? nl : en;
  static const char *const css[] = { "rank", "rank", "rank", "rank", "none" };
  int32_t counts[5];
  sm_report__rank_counts (p, counts);
  sm_svg__begin (out, 420, 250, title,
                 SM_T (dutch,
                       "People who applied to a receiving organisation, by "
                       "the preference they obtained.",
                       "Medewerkers die bij een ontvangende organisatie "
                       "solliciteerden, naar de voorkeur die zij kregen."));
  vertical_bars (out, counts, labels, 5, css);
  sm_svg__text (out, 40, 20, SM_SVG_START, "head",
                SM_T (dutch, "People", "Mensen"));
  sm_svg__end (out);
}

static void
chart_contracts (GString *out, const SmPlacement *p, const char *title,
                 gboolean dutch)
{
  int32_t first = 0, last = -1;
  sm_report__contract_years (sm_placement_get_scenario (p), &first, &last);
  int32_t n = MAX (last - first + 1, 0);
  g_autofree int32_t *values = g_new0 (int32_t, MAX (n, 1));
  g_auto (GStrv) labels = g_new0 (char *, n + 1);
  g_autofree const char **css = g_new0 (const char *, MAX (n, 1));
  for (int32_t k = 0; k < n; k++)
    {
      values[k] = sm_placement_get_contract_people (p, first + k);
      labels[k] = g_strdup_printf ("%d", first + k);
      css[k] = "year";
    }
  sm_svg__begin (out, 80 + 70.0 * n, 250, title,
                 SM_T (dutch,
                       "People in units whose work for another organisation "
                       "depends on a contract still running in the year.",
                       "Mensen in afdelingen waarvan het werk voor een andere "
                       "organisatie afhangt van een overeenkomst die in dat "
                       "jaar nog loopt."));
  vertical_bars (out, values, (const char *const *) labels, n, css);
  sm_svg__text (out, 40, 20, SM_SVG_START, "head",
                SM_T (dutch, "People", "Mensen"));
  sm_svg__end (out);
}

/* ---- (c) headcount against the band ---------------------------------------
 */

#define HC_X 20.0  /* start of each row's track */
#define HC_W 600.0 /* width of a track */
#define HC_ROW 56.0
#define HC_TOP 30.0 /* room for the legend */

static void
headcount_row (GString *out, const SmOrganisationSpec *o, int32_t headcount,
               double y, gboolean dutch)
{
  int32_t top = axis_end (
      MAX (headcount, MAX (o->min_headcount, o->max_headcount)));
  double unit = HC_W / top;
  sm_svg__text (out, HC_X, y + 12, SM_SVG_START, "head", o->name);
  sm_svg__rect (out, HC_X, y + 18, HC_W, 16, "track");
  if (o->min_headcount >= 0 || o->max_headcount >= 0)
    {
      double lo = MAX (o->min_headcount, 0) * unit;
      double hi = (o->max_headcount >= 0 ? o->max_headcount : top) * unit;
      sm_svg__rect (out, HC_X + lo, y + 18, hi - lo, 16, "band");
    }
  sm_svg__rect (out, HC_X, y + 22, headcount * unit, 8, "value");
  g_autofree char *band = sm_report__band_text (o, dutch);
  g_autofree char *label = g_strdup_printf (SM_T (dutch, "%d (band: %s)",
                                                  "%d (bandbreedte: %s)"),
                                            headcount, band);
  sm_svg__text (out, HC_X + HC_W + 8, y + 30, SM_SVG_START, NULL, label);
  sm_svg__text (out, HC_X, y + 46, SM_SVG_START, "small", "0");
  text_int (out, HC_X + HC_W, y + 46, SM_SVG_END, "small", top);
}

/* A key for each mark of the chart: the bar, the shaded band, the
 * track behind them. */
static void
headcount_legend (GString *out, gboolean dutch)
{
  static const char *const css[] = { "value", "band", "track" };
  const char *const en[] = { "headcount", "band (lowest to highest)", "scale" };
  const char *const nl[] = { "bezetting", "bandbreedte (laagste tot hoogste)",
                             "schaal" };
  for (int k = 0; k < 3; k++)
    {
      sm_svg__rect (out, HC_X + 200.0 * k, 8, 10, 10, css[k]);
      sm_svg__text (out, HC_X + 200.0 * k + 14, 17, SM_SVG_START, NULL,
                    dutch ? nl[k] : en[k]);
    }
}

static void
chart_headcounts (GString *out, const SmPlacement *p, const char *title,
                  gboolean dutch)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  int32_t n = sm_scenario_get_n_organisations (sc);
  sm_svg__begin (out, 780, HC_TOP + 10 + HC_ROW * n, title,
                 SM_T (dutch,
                       "The bar is the headcount; the shaded range is the "
                       "band. Each organisation has its own scale.",
                       "De balk is de bezetting; het gearceerde deel is de "
                       "bandbreedte. Elke organisatie heeft haar eigen "
                       "schaal."));
  headcount_legend (out, dutch);
  for (int32_t o = 0; o < n; o++)
    {
      SmOrganisationSpec org;
      sm_scenario_get_organisation (sc, o, &org);
      headcount_row (out, &org, sm_placement_get_headcount (p, o),
                     HC_TOP + 8 + HC_ROW * o, dutch);
    }
  sm_svg__end (out);
}

/* ---- (d) a default organisation's units -----------------------------------
 */

#define UNIT_X 210.0 /* start of the bars */
#define UNIT_W 480.0 /* length of the longest bar */
#define UNIT_ROW 34.0
#define UNIT_TOP 34.0

static void
unit_legend (GString *out, gboolean dutch)
{
  static const char *const en[] = { "formation", "placed", "supernumerary" };
  static const char *const nl[] = { "formatie", "geplaatst", "boventallig" };
  static const char *const css[] = { "formation", "placed", "super" };
  for (int k = 0; k < 3; k++)
    {
      sm_svg__rect (out, UNIT_X + 130.0 * k, 8, 10, 10, css[k]);
      sm_svg__text (out, UNIT_X + 130.0 * k + 14, 17, SM_SVG_START, NULL,
                    dutch ? nl[k] : en[k]);
    }
}

static void
unit_row (GString *out, const char *name, const SmUnitResult *res, int32_t max,
          double y)
{
  const int32_t values[3] = { res->formation, res->placed, res->supernumerary };
  static const char *const css[] = { "formation", "placed", "super" };
  sm_svg__text (out, UNIT_X - 8, y + 15, SM_SVG_END, NULL, name);
  for (int k = 0; k < 3; k++)
    {
      double w = UNIT_W * values[k] / max;
      sm_svg__rect (out, UNIT_X, y + 1 + 8.0 * k, w, 7, css[k]);
      text_int (out, UNIT_X + w + 4, y + 8 + 8.0 * k, SM_SVG_START, "small",
                values[k]);
    }
}

static void
chart_units (GString *out, const SmPlacement *p, int32_t org, const char *title,
             gboolean dutch)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  int32_t n_units = sm_scenario_get_n_units (sc), max = 1, rows = 0;
  double left = 0;
  g_autofree SmUnitResult *res = g_new0 (SmUnitResult, MAX (n_units, 1));
  g_autofree gboolean *mine = g_new0 (gboolean, MAX (n_units, 1));
  for (int32_t u = 0; u < n_units; u++)
    {
      SmUnitSpec unit;
      sm_scenario_get_unit (sc, u, &unit);
      mine[u] = sm_scenario_find_organisation (sc, unit.organisation_id) == org;
      sm_placement_get_unit_result (p, u, &res[u]);
      if (!mine[u])
        continue;
      rows++;
      left = MAX (left, label_width (unit.name) + 16 - (UNIT_X - 8));
      max = MAX (max, MAX (res[u].formation,
                           MAX (res[u].placed, res[u].supernumerary)));
    }
  sm_svg__begin (out, 760 + left, UNIT_TOP + UNIT_ROW * rows + 6, title,
                 SM_T (dutch,
                       "For each unit: the seats of its positions "
                       "(formation), the people placed there, and the "
                       "supernumeraries.",
                       "Per afdeling: de plaatsen van haar functies "
                       "(formatie), de mensen die er geplaatst zijn, en de "
                       "boventalligen."));
  shift_begin (out, left);
  unit_legend (out, dutch);
  for (int32_t u = 0, row = 0; u < n_units; u++)
    {
      SmUnitSpec unit;
      sm_scenario_get_unit (sc, u, &unit);
      if (mine[u])
        unit_row (out, unit.name, &res[u], max, UNIT_TOP + UNIT_ROW * row++);
    }
  g_string_append (out, "</g>\n");
  sm_svg__end (out);
}

/* ---- the page -------------------------------------------------------------
 */

static gboolean
is_right (const SmReportTable *t, guint column)
{
  return column < 32 && (t->right >> column & 1);
}

static void
html_row (GString *out, const SmReportTable *t, guint row)
{
  const char *tag = row == 0 ? "th" : "td";
  g_string_append (out, "<tr>");
  for (guint c = 0; c < t->n_columns; c++)
    {
      g_string_append_printf (out, "<%s%s%s>", tag,
                              row == 0 ? " scope=\"col\"" : "",
                              is_right (t, c) ? " class=\"num\"" : "");
      put (out, sm_report_table__get (t, row, c));
      g_string_append_printf (out, "</%s>", tag);
    }
  g_string_append (out, "</tr>\n");
}

static void
html_table (GString *out, const SmReportTable *t, const char *caption)
{
  g_string_append (out, "<table>\n");
  if (caption != NULL)
    {
      g_string_append (out, "<caption>");
      put (out, caption);
      g_string_append (out, "</caption>\n");
    }
  g_string_append (out, "<thead>\n");
  html_row (out, t, 0);
  g_string_append (out, "</thead>\n<tbody>\n");
  for (guint row = 1; row < sm_report_table__get_n_rows (t); row++)
    html_row (out, t, row);
  g_string_append (out, "</tbody>\n</table>\n");
}

static void
html_facts (GString *out, const SmReportTable *t)
{
  g_string_append (out, "<table class=\"facts\">\n<tbody>\n");
  for (guint row = 1; row < sm_report_table__get_n_rows (t); row++)
    {
      g_string_append (out, "<tr><th scope=\"row\">");
      put (out, sm_report_table__get (t, row, 0));
      g_string_append (out, "</th><td>");
      put (out, sm_report_table__get (t, row, 1));
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

/* (transfer full): the title of a chart block. */
static char *
chart_title (const SmPlacement *p, const SmReportBlock *b, gboolean dutch)
{
  SmOrganisationSpec org;
  switch (b->chart)
    {
    case SM_CHART_FLOWS:
      return g_strdup (SM_T (dutch,
                             "People by unit of current work and destination",
                             "Mensen naar huidige afdeling en bestemming"));
    case SM_CHART_RANKS:
      return g_strdup (
          SM_T (dutch, "Preference ranks obtained", "Toegekende voorkeuren"));
    case SM_CHART_HEADCOUNTS:
      return g_strdup (SM_T (dutch,
                             "Headcount of each organisation against its band",
                             "Bezetting van elke organisatie tegen haar "
                             "bandbreedte"));
    case SM_CHART_UNITS:
      sm_scenario_get_organisation (sm_placement_get_scenario (p),
                                    b->organisation, &org);
      return g_strdup_printf (SM_T (dutch,
                                    "Formation, placed and supernumerary per "
                                    "unit of %s",
                                    "Formatie, geplaatst en boventallig per "
                                    "afdeling van %s"),
                              org.name);
    case SM_CHART_CONTRACTS:
      return g_strdup (SM_T (dutch,
                             "People under contracts for another "
                             "organisation, by year",
                             "Mensen onder overeenkomsten voor een andere "
                             "organisatie, per jaar"));
    }
  return g_strdup (SM_T (dutch, "Chart", "Grafiek"));
}

static void
html_chart (GString *out, const SmPlacement *p, const SmReportBlock *b,
            gboolean dutch)
{
  g_autofree char *title = chart_title (p, b, dutch);
  g_string_append (out, "<div class=\"chart\">\n");
  switch (b->chart)
    {
    case SM_CHART_FLOWS:
      chart_flows (out, p, title, dutch);
      break;
    case SM_CHART_RANKS:
      chart_ranks (out, p, title, dutch);
      break;
    case SM_CHART_HEADCOUNTS:
      chart_headcounts (out, p, title, dutch);
      break;
    case SM_CHART_UNITS:
      chart_units (out, p, b->organisation, title, dutch);
      break;
    case SM_CHART_CONTRACTS:
      chart_contracts (out, p, title, dutch);
      break;
    }
  html_table (out, b->table, title);
  g_string_append (out, "</div>\n");
}

static void
html_block (GString *out, const SmPlacement *p, const SmReportBlock *b,
            gboolean dutch)
{
  switch (b->kind)
    {
    case SM_BLOCK_HEADING:
      g_string_append_printf (out, "<h%d>", CLAMP (b->level, 1, 6));
      put (out, b->text);
      g_string_append_printf (out, "</h%d>\n", CLAMP (b->level, 1, 6));
      break;
    case SM_BLOCK_PARAGRAPH:
      g_string_append (out, "<p>");
      put (out, b->text);
      g_string_append (out, "</p>\n");
      break;
    case SM_BLOCK_FACTS:
      html_facts (out, b->table);
      break;
    case SM_BLOCK_TABLE:
      html_table (out, b->table, NULL);
      break;
    case SM_BLOCK_CHART:
      html_chart (out, p, b, dutch);
      break;
    }
}

static void
html_head (GString *out, gboolean dutch)
{
  sm_html__open_page (out, dutch ? "nl" : "en",
                      SM_T (dutch, "Placement report",
                            "Rapport van de plaatsing"),
                      report_css);
}

char *
sm_report__html (const SmPlacement *placement, gboolean dutch)
{
  g_autoptr (SmReport) r = sm_report__new (placement, dutch);
  GString *out = g_string_new (NULL);
  html_head (out, dutch);
  for (guint k = 0; k < r->blocks->len; k++)
    html_block (out, placement, g_ptr_array_index (r->blocks, k), dutch);
  g_string_append_printf (
      out, "<p class=\"note\">%s</p>\n</body>\n</html>\n",
      SM_T (dutch,
            "This report gives counts and positions only; the decisions "
            "for each person are in their letters.",
            "Dit rapport geeft alleen aantallen en functies; het besluit "
            "voor ieder persoonlijk staat in de eigen brief."));
  return g_string_free (out, FALSE);
}

char *
sm_report_html (const SmPlacement *placement)
{
  g_return_val_if_fail (placement != NULL, NULL);
  return sm_report__html (placement, FALSE);
}

/* The page, for write_page(). */
typedef struct {
  const char *data;
  gsize length;
} Page;

/* Writes the page to @stream for sm_text_file__replace(). */
static gboolean
write_page (gconstpointer object, FILE *stream, GError **error)
{
  const Page *page = object;
  errno = 0;
  if (fwrite (page->data, 1, page->length, stream) == page->length)
    return TRUE;
  int saved = errno != 0 ? errno : EIO;
  g_set_error (error, SM_ERROR, SM_ERROR_IO, "cannot write the report: %s",
               g_strerror (saved));
  return FALSE;
}

gboolean
sm_report_write_html (const SmPlacement *placement, const char *path,
                      GError **error)
{
  g_return_val_if_fail (placement != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_autofree char *html = sm_report_html (placement);
  Page page = { html, strlen (html) };
  return sm_text_file__replace (path, write_page, &page, error);
}
