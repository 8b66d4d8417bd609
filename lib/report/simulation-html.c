/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the simulation report, one self-contained HTML page.
 *
 * The page puts simulations of one scenario (simulation.h) side by side,
 * one per mechanism, for the HR team and the works council. Like the
 * placement report (html.c) it is polyglot XHTML: an XML declaration,
 * every element closed, the five XML entities only, inline CSS, inline
 * SVG drawn with svg.c, no scripts and no URLs but the two namespace
 * names, so it can be mailed, archived with a decision and printed. Its
 * sections:
 *
 *   1. what was simulated (scenario checksum, seed, draws, version);
 *   2. how to read it: what a probability and its 95% interval mean, what
 *      "depends on the draw" means, what each mechanism does;
 *   3. the mechanisms side by side: first choices (mean and spread),
 *      placed, following their work, supernumerary (mean and spread),
 *      people whose outcome depends on the draw, improvement cycles;
 *   4. the cumulative rank distribution: for k = 0, 1, ... the share of
 *      the applicants (employees with at least one application in the
 *      market) placed at one of their first k preferences, a line per
 *      mechanism, with its table;
 *   5. per position of each receiving organisation, under the first
 *      simulation's mechanism, the chance of getting in by priority
 *      class: from the cutoff distribution, the share of draws in which
 *      the position closed below the class (everyone of the class who
 *      wanted it got it), at the class (the lot chose among them), and
 *      above it (none of them got it);
 *   6. per employee whose outcome depends on the draw, under the first
 *      simulation's mechanism, each outcome that came up with its
 *      probability and interval. This section names people: the page
 *      is a decision document for HR, not one to publish.
 *
 * Every figure is read from the simulations' getters and printed with a
 * fixed number of decimals (g_ascii_formatd(), then a decimal comma in
 * Dutch); chart coordinates are computed from the same integers and
 * written by svg.c without the locale, so the same simulations give the
 * same bytes.
 */
#include <string.h>
#include <staffmatch/error.h>
#include <staffmatch/io.h>
#include <staffmatch/report.h>
#include <staffmatch/version.h>

#include "report/html-page-private.h"
#include "io/simulation-check-private.h"
#include "report/summary-private.h"
#include "report/svg-private.h"

/* The colours of this page's charts; the rest of the style sheet is
 * every page's (html-page.c). */
static const char simulation_css[] =
    "svg .grid { stroke: #ddd; stroke-width: 1; }\n"
    "svg .cum { fill: none; stroke-width: 2; }\n"
    "svg .m0 { stroke: #1f77b4; } svg .m1 { stroke: #d62728;"
    " stroke-dasharray: 6 3; } svg .m2 { stroke: #2ca02c;"
    " stroke-dasharray: 2 2; } svg .m3 { stroke: #9467bd;"
    " stroke-dasharray: 8 2 2 2; }\n"
    "svg .sure { fill: #31a354; } svg .lot { fill: #fdae6b; }"
    " svg .out { fill: #d9d9d9; }\n";

/* What every section reads. */
typedef struct {
  const SmSimulation *const *sims;
  int32_t n_sims;
  const SmScenario *scenario;
  gboolean dutch;
  GString *out;
} Page;

/* ---- text and numbers ----------------------------------------------------
 */

static void
put (GString *out, const char *text)
{
  sm_svg__append_escaped (out, text);
}

/* @value with @decimals decimals, a decimal comma in Dutch. */
static void
put_fixed (const Page *pg, double value, int decimals)
{
  char format[8], buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buf, sizeof buf, format, value);
  char *dot = strchr (buf, '.');
  if (dot != NULL && pg->dutch)
    *dot = ',';
  g_string_append (pg->out, buf);
}

/* A share as a percentage with one decimal: "49.9%". */
static void
put_percent (const Page *pg, double share)
{
  put_fixed (pg, 100.0 * share, 1);
  g_string_append_c (pg->out, '%');
}

static void
cell_text (const Page *pg, const char *text)
{
  g_string_append (pg->out, "<td>");
  put (pg->out, text);
  g_string_append (pg->out, "</td>");
}

static void
cell_fixed (const Page *pg, double value, int decimals)
{
  g_string_append (pg->out, "<td class=\"num\">");
  put_fixed (pg, value, decimals);
  g_string_append (pg->out, "</td>");
}

static void
cell_int (const Page *pg, int64_t value)
{
  g_string_append_printf (pg->out,
                          "<td class=\"num\">%" G_GINT64_FORMAT "</td>", value);
}

static void
cell_percent (const Page *pg, double share)
{
  g_string_append (pg->out, "<td class=\"num\">");
  put_percent (pg, share);
  g_string_append (pg->out, "</td>");
}

/* A header row of @n cells, the first @n_text of them not numeric. */
static void
header_row (const Page *pg, const char *const *names, int n, int n_text)
{
  g_string_append (pg->out, "<thead><tr>");
  for (int k = 0; k < n; k++)
    {
      g_string_append (pg->out, k < n_text ? "<th>" : "<th class=\"num\">");
      put (pg->out, names[k]);
      g_string_append (pg->out, "</th>");
    }
  g_string_append (pg->out, "</tr></thead>\n<tbody>\n");
}

static void
paragraph (const Page *pg, const char *en, const char *nl)
{
  g_string_append (pg->out, "<p>");
  put (pg->out, SM_T (pg->dutch, en, nl));
  g_string_append (pg->out, "</p>\n");
}

static void
heading (const Page *pg, int level, const char *en, const char *nl)
{
  g_string_append_printf (pg->out, "<h%d>", level);
  put (pg->out, SM_T (pg->dutch, en, nl));
  g_string_append_printf (pg->out, "</h%d>\n", level);
}

static const char *
mechanism_words (SmMechanism m, gboolean dutch)
{
  switch (m)
    {
    case SM_MECHANISM_DA_PER_POSITION:
      return SM_T (dutch, "a lottery number per position",
                   "een lotnummer per functie");
    case SM_MECHANISM_DA_SIC:
      return SM_T (dutch, "one lottery number, then improvement cycles",
                   "één lotnummer, daarna verbeteringsrondes");
    case SM_MECHANISM_DA_SINGLE:
    default:
      return SM_T (dutch, "one lottery number per person",
                   "één lotnummer per persoon");
    }
}

static const char *
status_words (SmStatus status, gboolean dutch)
{
  switch (status)
    {
    case SM_STATUS_PLACED:
      return SM_T (dutch, "placed", "geplaatst");
    case SM_STATUS_FOLLOWS_WORK:
      return SM_T (dutch, "follows their work", "volgt het werk");
    case SM_STATUS_MANUAL:
      return SM_T (dutch, "placed by decision", "geplaatst bij besluit");
    case SM_STATUS_SUPERNUMERARY:
    default:
      return SM_T (dutch, "supernumerary", "boventallig");
    }
}

/* ---- 1 and 2: what was simulated, how to read it -------------------------
 */

static void
fact_row (const Page *pg, const char *en, const char *nl, const char *value)
{
  g_string_append (pg->out, "<tr><th>");
  put (pg->out, SM_T (pg->dutch, en, nl));
  g_string_append (pg->out, "</th>");
  cell_text (pg, value);
  g_string_append (pg->out, "</tr>\n");
}

static void
section_facts (const Page *pg)
{
  const SmSimulation *first = pg->sims[0];
  g_autofree char *checksum = sm_scenario_checksum (pg->scenario);
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                           sm_simulation_get_seed (first));
  g_autoptr (GString) mechanisms = g_string_new (NULL);
  for (int32_t k = 0; k < pg->n_sims; k++)
    g_string_append_printf (mechanisms, "%s%s", k > 0 ? ", " : "",
                            sm_mechanism_to_string (
                                sm_simulation_get_mechanism (pg->sims[k])));
  g_string_append (pg->out, "<table class=\"facts\">\n<tbody>\n");
  fact_row (pg, "Scenario checksum", "Controlegetal van het scenario",
            checksum);
  fact_row (pg, "Seed of draw 0", "Startgetal van trekking 0", seed);
  fact_row (pg, "Mechanisms", "Methoden", mechanisms->str);
  fact_row (pg, "Library", "Programmabibliotheek", sm_version ());
  g_string_append (pg->out, "</tbody>\n</table>\n");
}

static void
section_reading (const Page *pg)
{
  heading (pg, 2, "How to read this", "Hoe u dit leest");
  paragraph (
      pg,
      "Where the social plan's criteria leave candidates equal, the lot "
      "decides. One placement shows one draw of that lot. Here the "
      "placement was repeated many times, each time with another draw and "
      "otherwise the same data and rules, and we counted what happened to "
      "whom. Draw 0 is the placement made with the scenario's own seed.",
      "Waar de criteria van het sociaal plan kandidaten gelijk laten, "
      "beslist het lot. Eén plaatsing toont één trekking van dat lot. Hier "
      "is de plaatsing vele malen herhaald, steeds met een andere trekking "
      "en verder dezelfde gegevens en regels, en is geteld wat ieder "
      "overkwam. Trekking 0 is de plaatsing met het eigen startgetal van "
      "het scenario.");
  paragraph (
      pg,
      "A probability is the share of the draws in which something "
      "happened: 50% means in half of the draws. Its 95% interval says how "
      "precise that share is, given the number of draws: with 95% "
      "confidence the chance lies between its two ends. More draws make it "
      "narrower; it says nothing about the rules themselves.",
      "Een kans is het deel van de trekkingen waarin iets gebeurde: 50% "
      "betekent in de helft van de trekkingen. Het 95%-interval zegt hoe "
      "nauwkeurig dat deel is bij dit aantal trekkingen: met 95% "
      "zekerheid ligt de kans tussen de twee grenzen. Meer trekkingen "
      "maken het smaller; over de regels zelf zegt het niets.");
  paragraph (
      pg,
      "A person's outcome depends on the draw when they did not get the "
      "same outcome in every draw: for them the lot decides, not the "
      "criteria alone. For everyone else the criteria decide, whatever the "
      "lot.",
      "De uitkomst van iemand hangt af van de loting als hij of zij niet "
      "in elke trekking hetzelfde kreeg: dan beslist het lot, niet alleen "
      "de criteria. Voor alle anderen beslissen de criteria, hoe het lot "
      "ook valt.");
}

static void
section_mechanisms_text (const Page *pg)
{
  paragraph (
      pg,
      "Every mechanism places everyone by deferred acceptance, as the "
      "placement does. da-single gives each person one lottery number, "
      "used at every position; da-per-position draws a separate number "
      "for each position; da-sic uses one number and then lets people "
      "swap along improvement cycles (Erdil and Ergin, 2008) where each "
      "prefers the next one's position and is among its highest-priority "
      "candidates. da-sic is not strategy-proof: a person can sometimes "
      "gain by stating their preferences otherwise than they are.",
      "Elke methode plaatst iedereen met uitgestelde acceptatie, zoals de "
      "plaatsing zelf. da-single geeft ieder één lotnummer, dat bij elke "
      "functie telt; da-per-position trekt per functie een apart nummer; "
      "da-sic gebruikt één nummer en laat daarna mensen ruilen in "
      "verbeteringsrondes (Erdil en Ergin, 2008), waarin ieder de functie "
      "van de volgende liever heeft en daarvoor tot de kandidaten met de "
      "hoogste voorrang hoort. da-sic is niet strategiebestendig: iemand "
      "kan soms winnen door zijn voorkeuren anders op te geven dan ze "
      "zijn.");
}

/* ---- 3: the mechanisms side by side --------------------------------------
 */

static void
mechanism_row (const Page *pg, const SmSimulation *sim)
{
  SmSimulationSummary s;
  sm_simulation_get_summary (sim, &s);
  SmMechanism m = sm_simulation_get_mechanism (sim);
  g_string_append (pg->out, "<tr>");
  cell_text (pg, sm_mechanism_to_string (m));
  cell_text (pg, mechanism_words (m, pg->dutch));
  cell_int (pg, s.n_runs);
  cell_fixed (pg, s.first_choices_mean, 2);
  cell_fixed (pg, s.first_choices_sd, 2);
  cell_fixed (pg, s.placed_mean, 2);
  cell_fixed (pg, s.follows_work_mean, 2);
  cell_fixed (pg, s.supernumerary_mean, 2);
  cell_fixed (pg, s.supernumerary_sd, 2);
  cell_int (pg, s.n_depending);
  cell_int (pg, s.n_cycles);
  g_string_append (pg->out, "</tr>\n");
}

static void
section_mechanisms (const Page *pg)
{
  static const char *const en[] = {
    "Mechanism",           "In words",          "Draws",
    "First choices",       "spread (sd)",       "Placed",
    "Follows their work",  "Supernumerary",     "spread (sd)",
    "Depends on the draw", "Improvement cycles"
  };
  static const char *const nl[] = {
    "Methode",           "In woorden",
    "Trekkingen",        "Eerste keuzes",
    "spreiding (sd)",    "Geplaatst",
    "Volgt het werk",    "Boventallig",
    "spreiding (sd)",    "Hangt af van de loting",
    "Verbeteringsrondes"
  };
  heading (pg, 2, "The mechanisms side by side", "De methoden naast elkaar");
  section_mechanisms_text (pg);
  g_string_append (pg->out, "<table id=\"mechanisms\">\n<caption>");
  put (pg->out, SM_T (pg->dutch,
                      "People per draw, mean over the draws; the spread is "
                      "the standard deviation from draw to draw",
                      "Mensen per trekking, gemiddeld over de trekkingen; "
                      "de spreiding is de standaardafwijking tussen de "
                      "trekkingen"));
  g_string_append (pg->out, "</caption>\n");
  header_row (pg, pg->dutch ? nl : en, 11, 2);
  for (int32_t k = 0; k < pg->n_sims; k++)
    mechanism_row (pg, pg->sims[k]);
  g_string_append (pg->out, "</tbody>\n</table>\n");
}

/* ---- 4: the cumulative rank distribution ---------------------------------
 */

#define CUM_LEFT 60.0
#define CUM_WIDTH 360.0
#define CUM_TOP 30.0
#define CUM_HEIGHT 200.0

/* Employees with at least one application in the simulated market. */
static int64_t
n_applicants (const SmSimulation *sim, const SmScenario *s)
{
  int64_t n = 0;
  for (int32_t i = 0; i < sm_scenario_get_n_employees (s); i++)
    {
      SmSimulatedOutcome o;
      for (int32_t k = 0; sm_simulation_get_outcome (sim, i, k, &o); k++)
        if (o.preference > 0)
          {
            n++;
            break;
          }
    }
  return n;
}

/* The share of applicants placed at one of their first @k preferences,
 * over all draws. */
static double
cumulative_share (const SmSimulation *sim, int64_t applicants, int32_t k)
{
  int64_t sum = 0;
  for (int32_t p = 1; p <= k; p++)
    {
      int64_t count = 0;
      sm_simulation_get_rank_count (sim, p, &count);
      sum += count;
    }
  int64_t all = applicants * sm_simulation_get_n_runs (sim);
  return all > 0 ? (double) sum / (double) all : 0.0;
}

static int32_t
max_preference (const Page *pg)
{
  int32_t max = 0;
  for (int32_t k = 0; k < pg->n_sims; k++)
    max = MAX (max, sm_simulation_get_max_preference (pg->sims[k]));
  return max;
}

static double
cum_x (int32_t k, int32_t max)
{
  return CUM_LEFT + CUM_WIDTH * k / MAX (max, 1);
}

static double
cum_y (double share)
{
  return CUM_TOP + CUM_HEIGHT * (1.0 - share);
}

static void
cum_axes (const Page *pg, int32_t max)
{
  GString *out = pg->out;
  for (int pct = 0; pct <= 100; pct += 25)
    {
      char label[8];
      g_snprintf (label, sizeof label, "%d%%", pct);
      double y = cum_y (pct / 100.0);
      sm_svg__line (out, CUM_LEFT, y, CUM_LEFT + CUM_WIDTH, y, "grid");
      sm_svg__text (out, CUM_LEFT - 6, y + 4, SM_SVG_END, NULL, label);
    }
  int32_t step = (max + 9) / 10;
  for (int32_t k = 0; k <= max; k += MAX (step, 1))
    {
      char label[16];
      g_snprintf (label, sizeof label, "%d", (int) k);
      sm_svg__text (out, cum_x (k, max), cum_y (0) + 16, SM_SVG_MIDDLE, NULL,
                    label);
    }
  sm_svg__line (out, CUM_LEFT, cum_y (0), CUM_LEFT + CUM_WIDTH, cum_y (0),
                "axis");
  sm_svg__line (out, CUM_LEFT, cum_y (0), CUM_LEFT, cum_y (1), "axis");
  sm_svg__text (out, CUM_LEFT + CUM_WIDTH / 2, cum_y (0) + 34, SM_SVG_MIDDLE,
                NULL,
                SM_T (pg->dutch, "preference k (placed at k or better)",
                      "voorkeur k (geplaatst op k of beter)"));
  sm_svg__text (out, 8, CUM_TOP - 12, SM_SVG_START, "head",
                SM_T (pg->dutch, "Share of applicants",
                      "Deel van de sollicitanten"));
}

static void
cum_line (const Page *pg, int32_t index, int32_t max)
{
  const SmSimulation *sim = pg->sims[index];
  int64_t applicants = n_applicants (sim, pg->scenario);
  char css[16];
  g_snprintf (css, sizeof css, "cum m%d", (int) (index % 4));
  sm_svg__path_begin (pg->out, css);
  for (int32_t k = 0; k <= max; k++)
    {
      double y = cum_y (cumulative_share (sim, applicants, k));
      if (k == 0)
        sm_svg__path_move (pg->out, cum_x (k, max), y);
      else
        sm_svg__path_line (pg->out, cum_x (k, max), y);
    }
  sm_svg__path_end (pg->out, FALSE);
  /* the legend, right of the plot */
  double y = CUM_TOP + 10 + 18.0 * index;
  double x = CUM_LEFT + CUM_WIDTH + 16;
  sm_svg__line (pg->out, x, y - 4, x + 24, y - 4, css);
  sm_svg__text (pg->out, x + 30, y, SM_SVG_START, NULL,
                sm_mechanism_to_string (sm_simulation_get_mechanism (sim)));
}

static void
cum_chart (const Page *pg, int32_t max)
{
  sm_svg__begin (
      pg->out, CUM_LEFT + CUM_WIDTH + 150, CUM_TOP + CUM_HEIGHT + 45,
      SM_T (pg->dutch, "Cumulative preference ranks by mechanism",
            "Cumulatieve voorkeursplaatsen per methode"),
      SM_T (pg->dutch,
            "For each mechanism, the share of applicants placed at one of "
            "their first k preferences, over all draws.",
            "Per methode het deel van de sollicitanten dat op een van hun "
            "eerste k voorkeuren werd geplaatst, over alle trekkingen."));
  cum_axes (pg, max);
  for (int32_t m = 0; m < pg->n_sims; m++)
    cum_line (pg, m, max);
  sm_svg__end (pg->out);
}

static void
cum_table (const Page *pg, int32_t max)
{
  g_string_append (pg->out, "<table id=\"ranks\">\n<thead><tr><th>");
  put (pg->out, SM_T (pg->dutch, "k", "k"));
  g_string_append (pg->out, "</th>");
  for (int32_t m = 0; m < pg->n_sims; m++)
    {
      g_string_append (pg->out, "<th class=\"num\">");
      put (pg->out,
           sm_mechanism_to_string (sm_simulation_get_mechanism (pg->sims[m])));
      g_string_append (pg->out, "</th>");
    }
  g_string_append (pg->out, "</tr></thead>\n<tbody>\n");
  for (int32_t k = 1; k <= max; k++)
    {
      g_string_append_printf (pg->out, "<tr><td>%d</td>", (int) k);
      for (int32_t m = 0; m < pg->n_sims; m++)
        {
          const SmSimulation *sim = pg->sims[m];
          cell_percent (pg,
                        cumulative_share (sim, n_applicants (sim, pg->scenario),
                                          k));
        }
      g_string_append (pg->out, "</tr>\n");
    }
  g_string_append (pg->out, "</tbody>\n</table>\n");
}

static void
section_ranks (const Page *pg)
{
  heading (pg, 2, "Preferences obtained", "Verkregen voorkeuren");
  int32_t max = max_preference (pg);
  if (max == 0)
    {
      paragraph (pg, "Nobody was placed at a position they applied to.",
                 "Niemand werd geplaatst op een functie waarop hij of zij "
                 "solliciteerde.");
      return;
    }
  paragraph (pg,
             "Each line shows, for one mechanism, the share of the people "
             "who applied that got one of their first k preferences (k = 1: "
             "their first choice). A line that lies higher places more "
             "people at a position they preferred.",
             "Elke lijn toont voor één methode het deel van de "
             "sollicitanten dat een van hun eerste k voorkeuren kreeg (k = "
             "1: hun eerste keuze). Een lijn die hoger ligt, plaatst meer "
             "mensen op een functie van hun voorkeur.");
  g_string_append (pg->out, "<div class=\"chart\">\n");
  cum_chart (pg, max);
  cum_table (pg, max);
  g_string_append (pg->out, "</div>\n");
}

/* ---- 5: per position, the chance of getting in by priority class ---------
 */

/* In how many draws position @j closed below, at and above class @c. */
typedef struct {
  int64_t sure, lot, none;
} ClassChance;

static ClassChance
class_chance (const SmSimulation *sim, int32_t j, int32_t c)
{
  ClassChance cc = { 0, 0, 0 };
  for (int32_t k = -1; k < sm_simulation_get_n_classes (sim, j); k++)
    {
      int64_t draws = 0;
      sm_simulation_get_cutoff (sim, j, k, &draws);
      if (k == -1 || k > c)
        cc.sure += draws;
      else if (k == c)
        cc.lot += draws;
      else
        cc.none += draws;
    }
  return cc;
}

static gboolean
position_in (const SmScenario *s, int32_t j, int32_t org)
{
  SmPositionSpec p;
  SmUnitSpec u;
  return sm_scenario_get_position (s, j, &p)
         && sm_scenario_get_unit (s, sm_scenario_find_unit (s, p.unit_id), &u)
         && sm_scenario_find_organisation (s, u.organisation_id) == org;
}

#define BAR_WIDTH 300.0
#define BAR_ROW 18.0

/* Whether class @c of position @j ever had room or filled up: the rows
 * shown (the classes after them were full before in every draw). */
static gboolean
class_shown (const SmSimulation *sim, int32_t j, int32_t c)
{
  ClassChance cc = class_chance (sim, j, c);
  return cc.sure + cc.lot > 0;
}

/* One row of the chart: the label and a bar of three parts. */
static void
class_bar (const Page *pg, double left, double y, const char *label,
           ClassChance cc, int32_t runs)
{
  double a = BAR_WIDTH * (double) cc.sure / runs;
  double b = BAR_WIDTH * (double) cc.lot / runs;
  sm_svg__text (pg->out, left - 8, y + 11, SM_SVG_END, NULL, label);
  sm_svg__rect (pg->out, left, y + 2, a, BAR_ROW - 4, "sure");
  sm_svg__rect (pg->out, left + a, y + 2, b, BAR_ROW - 4, "lot");
  sm_svg__rect (pg->out, left + a + b, y + 2, BAR_WIDTH - a - b, BAR_ROW - 4,
                "out");
}

static const char *const class_words_en[] = { "room for the whole class",
                                              "filled up within the class",
                                              "full before the class" };
static const char *const class_words_nl[] = { "plaats voor de hele klasse",
                                              "vol binnen de klasse",
                                              "vol vóór de klasse" };

static void
class_legend (const Page *pg, double y)
{
  static const char *const css[] = { "sure", "lot", "out" };
  const char *const *words = pg->dutch ? class_words_nl : class_words_en;
  double x = 10;
  for (int k = 0; k < 3; k++)
    {
      sm_svg__rect (pg->out, x, y, 12, 12, css[k]);
      sm_svg__text (pg->out, x + 16, y + 10, SM_SVG_START, NULL, words[k]);
      x += 16 + 6.5 * g_utf8_strlen (words[k], -1) + 14;
    }
}

static char *
class_label (const Page *pg, int32_t j, int32_t c)
{
  SmPositionSpec p;
  sm_scenario_get_position (pg->scenario, j, &p);
  return g_strdup_printf ("%s · %s %d", p.id,
                          SM_T (pg->dutch, "class", "klasse"), (int) c + 1);
}

/* The rows of the chart and the room their labels need. */
static int32_t
class_rows (const Page *pg, const GArray *js, double *label_room)
{
  const SmSimulation *sim = pg->sims[0];
  int32_t rows = 0;
  *label_room = 160;
  for (guint k = 0; k < js->len; k++)
    {
      int32_t j = g_array_index (js, int32_t, k);
      for (int32_t c = 0; c < sm_simulation_get_n_classes (sim, j); c++)
        if (class_shown (sim, j, c))
          {
            g_autofree char *label = class_label (pg, j, c);
            *label_room = MAX (*label_room,
                               6.5 * g_utf8_strlen (label, -1) + 16);
            rows++;
          }
    }
  return rows;
}

/* The chart of the contested positions @js of one organisation. */
static void
class_chart (const Page *pg, const GArray *js, const char *org_name)
{
  const SmSimulation *sim = pg->sims[0];
  int32_t runs = sm_simulation_get_n_runs (sim);
  double left;
  int32_t rows = class_rows (pg, js, &left);
  g_autofree char *title =
      g_strdup_printf ("%s: %s", org_name,
                       SM_T (pg->dutch, "getting in by priority class",
                             "erin komen per voorrangsklasse"));
  sm_svg__begin (pg->out, MAX (left + BAR_WIDTH, 560) + 40, 40 + BAR_ROW * rows,
                 title, NULL);
  class_legend (pg, 6);
  double y = 28;
  for (guint k = 0; k < js->len; k++)
    {
      int32_t j = g_array_index (js, int32_t, k);
      for (int32_t c = 0; c < sm_simulation_get_n_classes (sim, j); c++)
        if (class_shown (sim, j, c))
          {
            g_autofree char *label = class_label (pg, j, c);
            class_bar (pg, left, y, label, class_chance (sim, j, c), runs);
            y += BAR_ROW;
          }
    }
  sm_svg__end (pg->out);
}

static void
class_table (const Page *pg, const GArray *js)
{
  const char *const *words = pg->dutch ? class_words_nl : class_words_en;
  const char *const names[] = { SM_T (pg->dutch, "Position", "Functie"),
                                SM_T (pg->dutch, "Title", "Titel"),
                                SM_T (pg->dutch, "Class", "Klasse"),
                                words[0],
                                words[1],
                                words[2] };
  const SmSimulation *sim = pg->sims[0];
  double runs = sm_simulation_get_n_runs (sim);
  g_string_append (pg->out, "<table class=\"classes\">\n");
  header_row (pg, names, 6, 2);
  for (guint k = 0; k < js->len; k++)
    {
      int32_t j = g_array_index (js, int32_t, k);
      SmPositionSpec p;
      sm_scenario_get_position (pg->scenario, j, &p);
      for (int32_t c = 0; c < sm_simulation_get_n_classes (sim, j); c++)
        if (class_shown (sim, j, c))
          {
            ClassChance cc = class_chance (sim, j, c);
            g_string_append (pg->out, "<tr>");
            cell_text (pg, p.id);
            cell_text (pg, p.title);
            cell_int (pg, c + 1);
            cell_percent (pg, cc.sure / runs);
            cell_percent (pg, cc.lot / runs);
            cell_percent (pg, cc.none / runs);
            g_string_append (pg->out, "</tr>\n");
          }
    }
  g_string_append (pg->out, "</tbody>\n</table>\n");
}

/* The positions never full, as one sentence. */
static void
never_full (const Page *pg, const GArray *js)
{
  if (js->len == 0)
    return;
  g_string_append (pg->out, "<p>");
  put (pg->out, SM_T (pg->dutch,
                      "Never full, so everyone who wanted them and was not "
                      "placed higher got them: ",
                      "Nooit vol, dus ieder die ze wilde en niet hoger werd "
                      "geplaatst, kreeg ze: "));
  for (guint k = 0; k < js->len; k++)
    {
      SmPositionSpec p;
      sm_scenario_get_position (pg->scenario, g_array_index (js, int32_t, k),
                                &p);
      if (k > 0)
        g_string_append (pg->out, ", ");
      put (pg->out, p.id);
    }
  g_string_append (pg->out, ".</p>\n");
}

static void
organisation_classes (const Page *pg, int32_t org, const char *name)
{
  const SmSimulation *sim = pg->sims[0];
  g_autoptr (GArray) full = g_array_new (FALSE, FALSE, sizeof (int32_t));
  g_autoptr (GArray) open = g_array_new (FALSE, FALSE, sizeof (int32_t));
  for (int32_t j = 0; j < sm_scenario_get_n_positions (pg->scenario); j++)
    {
      int64_t not_full = 0;
      if (!position_in (pg->scenario, j, org)
          || sm_simulation_get_n_classes (sim, j) == 0)
        continue;
      sm_simulation_get_cutoff (sim, j, -1, &not_full);
      g_array_append_val (not_full == sm_simulation_get_n_runs (sim) ? open
                                                                     : full,
                          j);
    }
  g_string_append (pg->out, "<h3>");
  put (pg->out, name);
  g_string_append (pg->out, "</h3>\n");
  if (full->len > 0)
    {
      g_string_append (pg->out, "<div class=\"chart\">\n");
      class_chart (pg, full, name);
      class_table (pg, full);
      g_string_append (pg->out, "</div>\n");
    }
  never_full (pg, open);
}

static void
section_classes (const Page *pg)
{
  heading (pg, 2, "Getting in, by priority class",
           "Erin komen, per voorrangsklasse");
  g_autofree char *intro = g_strdup_printf (
      SM_T (pg->dutch,
            "Under %s. A position's candidates fall into priority classes "
            "by the rule (class 1 first); within a class they are equal and "
            "the lot decides. Per class, the share of the draws in which "
            "there was room for everyone of the class who wanted the "
            "position (and did not get a position they preferred): the "
            "position did not fill up, or its last place went to a lower "
            "class; in which the position filled up within the class: its "
            "last place went to someone of the class, and if more of them "
            "wanted it than there was room, the lot chose; and in which it "
            "was full before the class. Classes after the ones shown were "
            "full before in every draw.",
            "Onder %s. De kandidaten voor een functie vallen volgens de "
            "regel in voorrangsklassen (klasse 1 eerst); binnen een klasse "
            "zijn zij gelijk en beslist het lot. Per klasse het deel van de "
            "trekkingen waarin er plaats was voor iedereen uit de klasse "
            "die de functie wilde (en geen functie kreeg die hij of zij "
            "liever had): de functie raakte niet vol, of haar laatste "
            "plaats ging naar een lagere klasse; waarin de functie vol "
            "raakte binnen de klasse: haar laatste plaats ging naar iemand "
            "uit de klasse, en wilden meer van hen haar dan er plaats was, "
            "dan koos het lot; en waarin zij al vol was vóór de klasse. "
            "Klassen na de getoonde waren in elke trekking al vol."),
      sm_mechanism_to_string (sm_simulation_get_mechanism (pg->sims[0])));
  paragraph (pg, intro, intro);
  for (int32_t o = 0; o < sm_scenario_get_n_organisations (pg->scenario); o++)
    {
      SmOrganisationSpec org;
      sm_scenario_get_organisation (pg->scenario, o, &org);
      if (org.kind == SM_ORGANISATION_KIND_RECEIVING)
        organisation_classes (pg, o, org.name);
    }
}

/* ---- 6: the people whose outcome depends on the draw ---------------------
 */

static gboolean
depends (const SmSimulation *sim, int32_t i)
{
  SmSimulatedOutcome o;
  for (int32_t k = 0; sm_simulation_get_outcome (sim, i, k, &o); k++)
    if (o.n_draws != 0 && o.n_draws != sm_simulation_get_n_runs (sim))
      return TRUE;
  return FALSE;
}

static void
person_row (const Page *pg, const SmEmployeeSpec *e,
            const SmSimulatedOutcome *o)
{
  SmPositionSpec p = { 0 };
  gboolean has = o->position >= 0
                 && sm_scenario_get_position (pg->scenario, o->position, &p);
  g_string_append (pg->out, "<tr>");
  cell_text (pg, e->id);
  cell_text (pg, e->name);
  cell_text (pg, has ? p.id : "");
  cell_text (pg, has ? p.title : "");
  cell_text (pg, status_words (o->status, pg->dutch));
  if (o->preference > 0)
    cell_int (pg, o->preference);
  else
    cell_text (pg, "");
  cell_int (pg, o->n_draws);
  cell_percent (pg, o->probability);
  g_string_append (pg->out, "<td class=\"num\">");
  put_percent (pg, o->low);
  g_string_append (pg->out, " – ");
  put_percent (pg, o->high);
  g_string_append (pg->out, "</td></tr>\n");
}

static void
section_people (const Page *pg)
{
  static const char *const en[] = { "Employee", "Name",    "Position",
                                    "Title",    "Outcome", "Preference",
                                    "Draws",    "Chance",  "95% interval" };
  static const char *const nl[] = { "Medewerker", "Naam",     "Functie",
                                    "Titel",      "Uitkomst", "Voorkeur",
                                    "Trekkingen", "Kans",     "95%-interval" };
  const SmSimulation *sim = pg->sims[0];
  heading (pg, 2, "People whose outcome depends on the draw",
           "Mensen van wie de uitkomst afhangt van de loting");
  g_autofree char *intro = g_strdup_printf (
      SM_T (pg->dutch,
            "Under %s, each outcome that came up, with its chance. This "
            "section names people: it belongs with the decision, not in a "
            "published report.",
            "Onder %s, elke uitkomst die voorkwam, met haar kans. Dit "
            "deel noemt namen: het hoort bij het besluit, niet in een "
            "openbaar verslag."),
      sm_mechanism_to_string (sm_simulation_get_mechanism (sim)));
  int32_t n_depending = 0;
  for (int32_t i = 0; i < sm_scenario_get_n_employees (pg->scenario); i++)
    n_depending += depends (sim, i);
  if (n_depending == 0)
    {
      paragraph (pg, "Nobody: the criteria decide for everyone.",
                 "Niemand: voor iedereen beslissen de criteria.");
      return;
    }
  paragraph (pg, intro, intro);
  g_string_append (pg->out, "<table id=\"people\">\n");
  header_row (pg, pg->dutch ? nl : en, 9, 5);
  for (int32_t i = 0; i < sm_scenario_get_n_employees (pg->scenario); i++)
    {
      SmEmployeeSpec e;
      SmSimulatedOutcome o;
      if (!depends (sim, i) || !sm_scenario_get_employee (pg->scenario, i, &e))
        continue;
      for (int32_t k = 0; sm_simulation_get_outcome (sim, i, k, &o); k++)
        if (o.n_draws > 0)
          person_row (pg, &e, &o);
    }
  g_string_append (pg->out, "</tbody>\n</table>\n");
}

/* ---- the page ------------------------------------------------------------
 */

static void
page_head (const Page *pg)
{
  const char *title = SM_T (pg->dutch, "Simulation of the lottery",
                            "Simulatie van de loting");
  sm_html__open_page (pg->out, pg->dutch ? "nl" : "en", title, simulation_css);
  g_string_append (pg->out, "<h1>");
  put (pg->out, title);
  g_string_append (pg->out, "</h1>\n");
}

char *
sm_report_simulation_html (const SmSimulation *const *simulations,
                           int32_t n_simulations,
                           const SmReportOptions *options, GError **error)
{
  g_return_val_if_fail (simulations != NULL && n_simulations >= 1, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->version == SM_REPORT_OPTIONS_VERSION, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  for (int32_t k = 0; k < n_simulations; k++)
    g_return_val_if_fail (simulations[k] != NULL, NULL);
  if (!sm_simulation__check_one_scenario (simulations, n_simulations,
                                          "a report compares simulations of "
                                          "one scenario",
                                          error))
    return NULL;
  Page pg = { simulations, n_simulations,
              sm_simulation_get_scenario (simulations[0]),
              options->language == SM_LANGUAGE_DUTCH, g_string_new (NULL) };
  page_head (&pg);
  section_facts (&pg);
  section_reading (&pg);
  section_mechanisms (&pg);
  section_ranks (&pg);
  section_classes (&pg);
  section_people (&pg);
  g_string_append (pg.out, "</body>\n</html>\n");
  return g_string_free (pg.out, FALSE);
}
