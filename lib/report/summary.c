/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the report's content: the tables and facts of a placement.
 *
 * sm_report__new() reads a placement through the public getters and
 * lays the report out as blocks (summary-private.h): an overview with the
 * library version, seed and scenario checksum that reproduce the run; the
 * organisations against their headcount bands; the flows of people from
 * their former units; the preference ranks obtained; per receiving
 * organisation its choices, open positions and per position the cutoff
 * and the criterion that decided it (before that, how many people's
 * outcome depended on the lottery draw); per default organisation its units'
 * formation, placed and supernumerary; the contract table; how many
 * seats of each position were placed manually; and where the reflection
 * principle chose the supernumeraries. The same placement always gives
 * the same blocks, in scenario order.
 *
 * The text and Markdown forms (summary-text.c) are written by one walk
 * over the blocks, sm_report__render(); html.c walks them itself, as it
 * also draws the charts and shows what the text forms leave out.
 *
 * These reports go to people other than those placed (a works council,
 * managers), so they hold counts, not people: no names, and nothing
 * about a manual placement beyond its position. Who was placed by the
 * hardship clause, and why (often a medical or family reason), is told
 * only to that person, in their letter, and kept by HR in the placement
 * file.
 */
#include "report/summary-private.h"

#include <stdarg.h>
#include <string.h>
#include <staffmatch/explain.h>
#include <staffmatch/io.h>
#include <staffmatch/report.h>
#include <staffmatch/version.h>

/* ---- tables and blocks -------------------------------------------------- */

/* A new table with the NULL-terminated header cells. */
static SmReportTable *
table_new (guint32 right, const char *first, ...)
{
  SmReportTable *t = g_new0 (SmReportTable, 1);
  t->right = right;
  t->cells = g_ptr_array_new_with_free_func (g_free);
  va_list args;
  va_start (args, first);
  for (const char *h = first; h != NULL; h = va_arg (args, const char *))
    {
      g_ptr_array_add (t->cells, g_strdup (h));
      t->n_columns++;
    }
  va_end (args);
  return t;
}

static void
table_free (SmReportTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->cells);
  g_free (table);
}

/* Appends a cell (copied) to the last row; line breaks, tabs and other
 * control characters become spaces, so that every cell is one line. */
static void
table_text (SmReportTable *t, const char *text)
{
  char *cell = g_strdup (text != NULL ? text : "");
  for (char *c = cell; *c != '\0'; c++)
    if ((guchar) *c < 0x20 || *c == 0x7F)
      *c = ' ';
  g_ptr_array_add (t->cells, cell);
}

static void
table_int (SmReportTable *t, int64_t value)
{
  g_ptr_array_add (t->cells, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

guint
sm_report_table__get_n_rows (const SmReportTable *table)
{
  return table->cells->len / table->n_columns;
}

const char *
sm_report_table__get (const SmReportTable *table, guint row, guint column)
{
  g_return_val_if_fail (column < table->n_columns, "");
  return g_ptr_array_index (table->cells, row * table->n_columns + column);
}

static void
block_free (gpointer data)
{
  SmReportBlock *b = data;
  g_free (b->text);
  table_free (b->table);
  g_free (b);
}

void
sm_report__free (SmReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->blocks);
  g_free (report);
}

static SmReportBlock *
add_block (SmReport *r, SmBlockKind kind, char *text, SmReportTable *table)
{
  SmReportBlock *b = g_new0 (SmReportBlock, 1);
  b->kind = kind;
  b->text = text;
  b->table = table;
  b->in_text = TRUE;
  b->organisation = -1;
  g_ptr_array_add (r->blocks, b);
  return b;
}

static void G_GNUC_PRINTF (3, 4)
    heading (SmReport *r, int level, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  SmReportBlock *b = add_block (r, SM_BLOCK_HEADING,
                                g_strdup_vprintf (format, args), NULL);
  va_end (args);
  b->level = level;
}

static void G_GNUC_PRINTF (2, 3)
    paragraph (SmReport *r, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  add_block (r, SM_BLOCK_PARAGRAPH, g_strdup_vprintf (format, args), NULL);
  va_end (args);
}

static SmReportTable *
facts (SmReport *r)
{
  SmReportTable *t = table_new (0, "", "", NULL);
  add_block (r, SM_BLOCK_FACTS, NULL, t);
  return t;
}

static void G_GNUC_PRINTF (3, 4)
    fact (SmReportTable *t, const char *key, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *value = g_strdup_vprintf (format, args);
  va_end (args);
  table_text (t, key);
  table_text (t, value);
}

static SmReportBlock *
chart (SmReport *r, SmChart kind, SmReportTable *table, gboolean in_text)
{
  SmReportBlock *b = add_block (r, SM_BLOCK_CHART, NULL, table);
  b->chart = kind;
  b->in_text = in_text;
  return b;
}

/* ---- reading the scenario ----------------------------------------------- */

static int32_t
position_organisation (const SmScenario *sc, int32_t position)
{
  SmPositionSpec pos;
  SmUnitSpec unit;
  sm_scenario_get_position (sc, position, &pos);
  sm_scenario_get_unit (sc, sm_scenario_find_unit (sc, pos.unit_id), &unit);
  return sm_scenario_find_organisation (sc, unit.organisation_id);
}

static const SmPriorityRule *
position_rule (const SmScenario *sc, int32_t position)
{
  SmPositionSpec pos;
  sm_scenario_get_position (sc, position, &pos);
  for (int32_t k = 0; pos.rule_id != NULL && k < sm_scenario_get_n_rules (sc);
       k++)
    {
      const SmPriorityRule *rule = sm_scenario_get_rule (sc, k);
      if (g_str_equal (sm_priority_rule_get_id (rule), pos.rule_id))
        return rule;
    }
  return sm_scenario_get_default_rule (sc);
}

/* What decided a position's last seat, in human words. */
static const char *
criterion_name (const SmScenario *sc, int32_t position, int32_t criterion,
                gboolean dutch)
{
  static const char *const en[] = {
    "fit to the current function",
    "same salary grade",
    "committee score",
    "years of service",
    "age",
    "travel distance",
  };
  static const char *const nl[] = {
    "aansluiting op de huidige functie",
    "zelfde salarisschaal",
    "score van de plaatsingscommissie",
    "diensttijd",
    "leeftijd",
    "reisafstand",
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (en) == SM_N_CRITERIA);
  G_STATIC_ASSERT (G_N_ELEMENTS (nl) == SM_N_CRITERIA);
  if (criterion == SM_DECIDED_BY_LOT)
    return SM_T (dutch, "lot", "loting");
  if (criterion == SM_DECIDED_BY_MANUAL)
    return SM_T (dutch, "manual placement", "hardheidsclausule");
  if (criterion == SM_DECIDED_BY_CYCLES)
    return SM_T (dutch, "lot and improvement cycles",
                 "loting en verbeterrondes");
  const SmPriorityRule *rule = position_rule (sc, position);
  if (criterion < 0 || rule == NULL
      || criterion >= sm_priority_rule_get_n_criteria (rule))
    return "-";
  SmCriterion c;
  SmDirection direction;
  sm_priority_rule_get_criterion (rule, criterion, &c, &direction);
  return dutch ? nl[c] : en[c];
}

char *
sm_report__band_text (const SmOrganisationSpec *o, gboolean dutch)
{
  if (o->min_headcount >= 0 && o->max_headcount >= 0)
    return g_strdup_printf (SM_T (dutch, "%d to %d", "%d tot en met %d"),
                            o->min_headcount, o->max_headcount);
  if (o->min_headcount >= 0)
    return g_strdup_printf (SM_T (dutch, "at least %d", "ten minste %d"),
                            o->min_headcount);
  if (o->max_headcount >= 0)
    return g_strdup_printf (SM_T (dutch, "at most %d", "ten hoogste %d"),
                            o->max_headcount);
  return g_strdup (SM_T (dutch, "none", "geen"));
}

static const char *
ordinal (int32_t rank, gboolean dutch)
{
  static const char *const en[] = { "1st", "2nd", "3rd", "later", "none" };
  static const char *const nl[] = { "1e", "2e", "3e", "later", "geen" };
  return dutch ? nl[rank] : en[rank];
}

void
sm_report__rank_counts (const SmPlacement *placement, int32_t counts_out[5])
{
  const SmScenario *sc = sm_placement_get_scenario (placement);
  int32_t n = sm_scenario_get_n_employees (sc);
  g_autofree gboolean *applied = g_new0 (gboolean, MAX (n, 1));
  for (int32_t a = 0; a < sm_scenario_get_n_applications (sc); a++)
    {
      SmApplicationSpec app;
      sm_scenario_get_application (sc, a, &app);
      int32_t e = sm_scenario_find_employee (sc, app.employee_id);
      if (e >= 0)
        applied[e] = TRUE;
    }
  memset (counts_out, 0, 5 * sizeof (int32_t));
  for (int32_t i = 0; i < n; i++)
    {
      SmEmployeeOutcome out;
      sm_placement_get_outcome (placement, i, &out);
      if (applied[i])
        counts_out[out.preference > 0 ? MIN (out.preference, 4) - 1 : 4]++;
    }
}

gboolean
sm_report__contract_years (const SmScenario *scenario, int32_t *first_out,
                           int32_t *last_out)
{
  int32_t first = G_MAXINT32, last = G_MININT32;
  for (int32_t u = 0; u < sm_scenario_get_n_units (scenario); u++)
    {
      SmUnitSpec unit;
      sm_scenario_get_unit (scenario, u, &unit);
      if (unit.contract_client_id == NULL)
        continue;
      first = MIN (first, unit.contract_end_year);
      last = MAX (last, unit.contract_end_year);
    }
  if (first > last)
    return FALSE;
  *first_out = first;
  *last_out = last + 1;
  return TRUE;
}

gsize
sm_report__text_width (const char *text)
{
  gsize width = 0;
  if (!g_utf8_validate (text, -1, NULL))
    return strlen (text);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* ---- flows ----------------------------------------------------------------
 */

/* First destination of each organisation: one for a receiving
 * organisation, two (follows work, supernumerary) for a default one. */
static int32_t *
destinations (const SmScenario *sc, GPtrArray *names, gboolean dutch)
{
  int32_t n_orgs = sm_scenario_get_n_organisations (sc);
  int32_t *first = g_new0 (int32_t, MAX (n_orgs, 1));
  for (int32_t o = 0; o < n_orgs; o++)
    {
      SmOrganisationSpec org;
      sm_scenario_get_organisation (sc, o, &org);
      first[o] = (int32_t) names->len;
      if (org.kind == SM_ORGANISATION_KIND_RECEIVING)
        g_ptr_array_add (names, g_strdup (org.name));
      else
        {
          g_ptr_array_add (names,
                           g_strdup_printf (SM_T (dutch, "%s: follows work",
                                                  "%s: mens volgt werk"),
                                            org.name));
          g_ptr_array_add (names,
                           g_strdup_printf (SM_T (dutch, "%s: supernumerary",
                                                  "%s: boventallig"),
                                            org.name));
        }
    }
  return first;
}

SmReportFlows *
sm_report_flows__new (const SmPlacement *placement, gboolean dutch)
{
  const SmScenario *sc = sm_placement_get_scenario (placement);
  SmReportFlows *f = g_new0 (SmReportFlows, 1);
  GPtrArray *names = g_ptr_array_new ();
  g_autofree int32_t *first = destinations (sc, names, dutch);
  f->n_from = sm_scenario_get_n_units (sc);
  f->n_to = (int32_t) names->len;
  g_ptr_array_add (names, NULL);
  f->to_name = (char **) g_ptr_array_free (names, FALSE);
  f->from_total = g_new0 (int32_t, MAX (f->n_from, 1));
  f->to_total = g_new0 (int32_t, MAX (f->n_to, 1));
  f->count = g_new0 (int32_t, MAX ((gsize) f->n_from * f->n_to, 1));
  for (int32_t i = 0; i < sm_scenario_get_n_employees (sc); i++)
    {
      SmEmployeeSpec e;
      SmEmployeeOutcome out;
      SmOrganisationSpec org;
      sm_scenario_get_employee (sc, i, &e);
      sm_placement_get_outcome (placement, i, &out);
      sm_scenario_get_organisation (sc, out.organisation, &org);
      int32_t from = sm_scenario_find_unit (sc, e.unit_id);
      int32_t to = first[out.organisation]
                   + (org.kind == SM_ORGANISATION_KIND_DEFAULT
                      && out.status == SM_STATUS_SUPERNUMERARY);
      if (from < 0)
        continue;
      f->count[from * f->n_to + to]++;
      f->from_total[from]++;
      f->to_total[to]++;
    }
  return f;
}

void
sm_report_flows__free (SmReportFlows *flows)
{
  if (flows == NULL)
    return;
  g_strfreev (flows->to_name);
  g_free (flows->from_total);
  g_free (flows->to_total);
  g_free (flows->count);
  g_free (flows);
}

/* ---- the content ----------------------------------------------------------
 */

/* The mechanism: how ties were drawn and whether improvement cycles
 * followed, which are not strategy-proof (placement.h) and so are said
 * to be wherever they are used. */
static void
add_mechanism (SmReport *r, SmReportTable *t, const SmPlacement *p)
{
  gboolean single = sm_placement_get_tie_breaking (p) == SM_TIE_BREAKING_SINGLE;
  fact (t, SM_T (r->dutch, "Tie-breaking", "Loting"), "%s",
        single ? SM_T (r->dutch, "one lottery number per person",
                       "één lotnummer per persoon")
               : SM_T (r->dutch, "a lottery number per person and position",
                       "een lotnummer per persoon en functie"));
  if (!sm_placement_get_improvement_cycles (p))
    return;
  int32_t moved = sm_placement_get_n_improved (p);
  if (r->dutch)
    fact (t, "Verbeterrondes",
          "ja, na de loting: %d %s naar een functie die %s; niet "
          "strategiebestendig (wie andere voorkeuren opgeeft dan hij "
          "heeft, kan er soms beter van worden)",
          (int) moved, moved == 1 ? "persoon ging" : "personen gingen",
          moved == 1 ? "die persoon liever had" : "zij liever hadden");
  else
    fact (t, "Improvement cycles",
          "yes, after the lottery: %d %s moved to a position they "
          "preferred; not strategy-proof (someone who states other "
          "preferences than their own can sometimes gain by it)",
          (int) moved, moved == 1 ? "person" : "people");
}

static void
add_overview (SmReport *r, const SmPlacement *p)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  g_autofree char *checksum = sm_placement_checksum (p);
  int32_t by_status[4] = { 0 };
  for (int32_t i = 0; i < sm_scenario_get_n_employees (sc); i++)
    {
      SmEmployeeOutcome out;
      sm_placement_get_outcome (p, i, &out);
      by_status[out.status]++;
    }
  heading (r, 1, "%s",
           SM_T (r->dutch, "Placement summary", "Overzicht van de plaatsing"));
  SmReportTable *t = facts (r);
  fact (t, SM_T (r->dutch, "Library", "Programmatuur"), "staffmatch %s",
        sm_version ());
  fact (t, SM_T (r->dutch, "Seed", "Lotingsgetal"), "%" G_GUINT64_FORMAT,
        sm_placement_get_seed (p));
  add_mechanism (r, t, p);
  fact (t, SM_T (r->dutch, "Scenario checksum", "Controlegetal scenario"), "%s",
        checksum != NULL ? checksum
                         : SM_T (r->dutch, "unavailable", "niet beschikbaar"));
  fact (t, SM_T (r->dutch, "Employees", "Medewerkers"), "%d",
        sm_scenario_get_n_employees (sc));
  fact (t, SM_T (r->dutch, "Organisations", "Organisaties"), "%d",
        sm_scenario_get_n_organisations (sc));
  fact (t, SM_T (r->dutch, "Units", "Afdelingen"), "%d",
        sm_scenario_get_n_units (sc));
  fact (t, SM_T (r->dutch, "Positions", "Functies"), "%d",
        sm_scenario_get_n_positions (sc));
  fact (t, SM_T (r->dutch, "Applications", "Sollicitaties"), "%d",
        sm_scenario_get_n_applications (sc));
  fact (t, SM_T (r->dutch, "Placed as applied", "Geplaatst op sollicitatie"),
        "%d", by_status[SM_STATUS_PLACED]);
  fact (t, SM_T (r->dutch, "Follow their work", "Mens volgt werk"), "%d",
        by_status[SM_STATUS_FOLLOWS_WORK]);
  fact (t, SM_T (r->dutch, "Supernumerary", "Boventallig"), "%d",
        by_status[SM_STATUS_SUPERNUMERARY]);
  fact (t, SM_T (r->dutch, "Placed manually", "Hardheidsclausule"), "%d",
        by_status[SM_STATUS_MANUAL]);
}

static void
add_organisations (SmReport *r, const SmPlacement *p)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  heading (r, 2, "%s", SM_T (r->dutch, "Organisations", "Organisaties"));
  SmReportTable *t = table_new (0x14,
                                SM_T (r->dutch, "Organisation", "Organisatie"),
                                SM_T (r->dutch, "Kind", "Soort"),
                                SM_T (r->dutch, "Headcount", "Bezetting"),
                                SM_T (r->dutch, "Band", "Bandbreedte"),
                                SM_T (r->dutch, "Vacancies", "Vacatures"),
                                NULL);
  for (int32_t o = 0; o < sm_scenario_get_n_organisations (sc); o++)
    {
      SmOrganisationSpec org;
      sm_scenario_get_organisation (sc, o, &org);
      g_autofree char *band = sm_report__band_text (&org, r->dutch);
      table_text (t, org.name);
      table_text (t, org.kind == SM_ORGANISATION_KIND_DEFAULT
                         ? SM_T (r->dutch, "default", "standaard")
                         : SM_T (r->dutch, "receiving", "ontvangend"));
      table_int (t, sm_placement_get_headcount (p, o));
      table_text (t, band);
      table_int (t, sm_placement_get_vacancies (p, o));
    }
  chart (r, SM_CHART_HEADCOUNTS, t, TRUE);
}

static void
add_flows (SmReport *r, const SmPlacement *p)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  g_autoptr (SmReportFlows) f = sm_report_flows__new (p, r->dutch);
  SmReportTable *t =
      table_new (0, SM_T (r->dutch, "Former unit", "Huidige afdeling"), NULL);
  for (int32_t d = 0; d <= f->n_to; d++)
    {
      g_ptr_array_add (t->cells,
                       g_strdup (d < f->n_to
                                     ? f->to_name[d]
                                     : SM_T (r->dutch, "Total", "Totaal")));
      t->right |= t->n_columns < 32 ? 1u << t->n_columns : 0;
      t->n_columns++;
    }
  for (int32_t u = 0; u < f->n_from; u++)
    {
      SmUnitSpec unit;
      sm_scenario_get_unit (sc, u, &unit);
      if (f->from_total[u] == 0)
        continue;
      table_text (t, unit.name);
      for (int32_t d = 0; d < f->n_to; d++)
        table_int (t, f->count[u * f->n_to + d]);
      table_int (t, f->from_total[u]);
    }
  SmReportBlock *b = add_block (r, SM_BLOCK_HEADING,
                                g_strdup (SM_T (r->dutch, "Where people went",
                                                "Waar iedereen heen gaat")),
                                NULL);
  b->level = 2;
  b->in_text = FALSE;
  chart (r, SM_CHART_FLOWS, t, FALSE);
}

static void
add_ranks (SmReport *r, const SmPlacement *p)
{
  int32_t counts[5];
  sm_report__rank_counts (p, counts);
  int32_t applicants = 0;
  for (int k = 0; k < 5; k++)
    applicants += counts[k];
  heading (r, 2, "%s",
           SM_T (r->dutch, "Preferences obtained", "Toegekende voorkeuren"));
  if (applicants == 0)
    {
      paragraph (r, "%s",
                 SM_T (r->dutch, "Nobody applied to a receiving organisation.",
                       "Niemand heeft gesolliciteerd bij een ontvangende "
                       "organisatie."));
      return;
    }
  paragraph (r,
             SM_T (r->dutch,
                   "Of the %d employees who applied to a receiving "
                   "organisation, by the preference they obtained:",
                   "Van de %d medewerkers die bij een ontvangende organisatie "
                   "solliciteerden, naar de voorkeur die zij kregen:"),
             applicants);
  SmReportTable *t = table_new (0x2, SM_T (r->dutch, "Preference", "Voorkeur"),
                                SM_T (r->dutch, "People", "Mensen"), NULL);
  for (int k = 0; k < 5; k++)
    {
      table_text (t, ordinal (k, r->dutch));
      table_int (t, counts[k]);
    }
  chart (r, SM_CHART_RANKS, t, TRUE);
}

static void
add_open_positions (SmReport *r, const SmPlacement *p, int32_t org)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  SmReportTable *t = table_new (0x2, SM_T (r->dutch, "Position", "Functie"),
                                SM_T (r->dutch, "Open seats", "Open plaatsen"),
                                NULL);
  for (int32_t j = 0; j < sm_scenario_get_n_positions (sc); j++)
    {
      SmPositionSpec pos;
      SmPositionResult res;
      sm_scenario_get_position (sc, j, &pos);
      sm_placement_get_position_result (p, j, &res);
      if (position_organisation (sc, j) != org || res.open == 0)
        continue;
      table_text (t, pos.title);
      table_int (t, res.open);
    }
  heading (r, 3, "%s", SM_T (r->dutch, "Open positions", "Open functies"));
  if (sm_report_table__get_n_rows (t) > 1)
    add_block (r, SM_BLOCK_TABLE, NULL, t);
  else
    {
      table_free (t);
      paragraph (r, "%s",
                 SM_T (r->dutch, "None: every seat is filled.",
                       "Geen: elke plaats is bezet."));
    }
}

/* Position @j's row of the positions table. */
static void
add_position_row (SmReportTable *t, const SmPlacement *p, int32_t j,
                  gboolean dutch)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  SmPositionSpec pos;
  SmPositionResult res;
  sm_scenario_get_position (sc, j, &pos);
  sm_placement_get_position_result (p, j, &res);
  table_text (t, pos.id);
  table_text (t, pos.title);
  table_int (t, res.seats);
  table_int (t, res.candidates);
  table_int (t, res.filled);
  table_int (t, res.manual);
  if (res.cutoff > 0)
    table_int (t, res.cutoff);
  else
    table_text (t, "-");
  table_text (t, criterion_name (sc, j, res.criterion, dutch));
}

/* What the positions table's columns mean. */
static void
add_positions_legend (SmReport *r, const SmPlacement *p)
{
  paragraph (
      r, "%s",
      SM_T (r->dutch,
            "Manual: seats filled by a manual placement (hardship "
            "clause). Cutoff: the place in the position's priority order "
            "of the last person admitted when every seat is filled. "
            "Decided by: the criterion of the position's rule that put "
            "that person ahead of the first one refused.",
            "Hardheidsclausule: plaatsen bezet door een plaatsing op grond van "
            "de hardheidsclausule. Grens: de plaats in de voorrangsvolgorde "
            "van de laatst geplaatste kandidaat, als alle plaatsen bezet zijn. "
            "Doorslaggevend: het criterium van de voorrangsregel dat die "
            "kandidaat voor de eerste afgewezen kandidaat plaatste."));
  if (sm_placement_get_n_improved (p) > 0)
    paragraph (r, "%s",
               SM_T (r->dutch,
                     "Lot and improvement cycles: the two were tied under "
                     "the rule, and the improvement cycles after the lot, "
                     "not the lot alone, settled which of them holds the "
                     "seat; the last person admitted may then have a later "
                     "place than the first one refused.",
                     "Loting en verbeterrondes: de twee stonden volgens de "
                     "regel gelijk, en de verbeterrondes na de loting, niet "
                     "het lot alleen, bepaalden wie van hen de plaats "
                     "heeft; de laatst geplaatste kan dan een latere plaats "
                     "hebben dan de eerste afgewezen kandidaat."));
}

static void
add_positions (SmReport *r, const SmPlacement *p, int32_t org)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  SmReportTable *t = table_new (0x7C, SM_T (r->dutch, "Id", "Code"),
                                SM_T (r->dutch, "Title", "Titel"),
                                SM_T (r->dutch, "Seats", "Plaatsen"),
                                SM_T (r->dutch, "Candidates", "Kandidaten"),
                                SM_T (r->dutch, "Filled", "Bezet"),
                                SM_T (r->dutch, "Manual", "Hardheidsclausule"),
                                SM_T (r->dutch, "Cutoff", "Grens"),
                                SM_T (r->dutch, "Decided by", "Doorslaggevend"),
                                NULL);
  for (int32_t j = 0; j < sm_scenario_get_n_positions (sc); j++)
    if (position_organisation (sc, j) == org)
      add_position_row (t, p, j, r->dutch);
  heading (r, 3, "%s", SM_T (r->dutch, "Positions", "Functies"));
  add_positions_legend (r, p);
  add_block (r, SM_BLOCK_TABLE, NULL, t);
}

static void
add_receiving (SmReport *r, const SmPlacement *p, int32_t org)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  SmOrganisationSpec o;
  sm_scenario_get_organisation (sc, org, &o);
  int32_t by_choice[4] = { 0 };
  for (int32_t i = 0; i < sm_scenario_get_n_employees (sc); i++)
    {
      SmEmployeeOutcome out;
      sm_placement_get_outcome (p, i, &out);
      if (out.organisation == org && out.preference > 0)
        by_choice[MIN (out.preference, 4) - 1]++;
    }
  g_autofree char *band = sm_report__band_text (&o, r->dutch);
  heading (r, 2,
           SM_T (r->dutch, "%s (receiving organisation)",
                 "%s (ontvangende organisatie)"),
           o.name);
  SmReportTable *t = facts (r);
  fact (t, SM_T (r->dutch, "Headcount", "Bezetting"), "%d",
        sm_placement_get_headcount (p, org));
  fact (t, SM_T (r->dutch, "Band", "Bandbreedte"), "%s", band);
  fact (t, SM_T (r->dutch, "Vacancies to recruit", "Te werven vacatures"), "%d",
        sm_placement_get_vacancies (p, org));
  fact (t, SM_T (r->dutch, "1st choice", "1e keus"), "%d", by_choice[0]);
  fact (t, SM_T (r->dutch, "2nd choice", "2e keus"), "%d", by_choice[1]);
  fact (t, SM_T (r->dutch, "3rd choice", "3e keus"), "%d", by_choice[2]);
  fact (t, SM_T (r->dutch, "Later choice", "Latere keus"), "%d", by_choice[3]);
  add_open_positions (r, p, org);
  add_positions (r, p, org);
}

/* The rows of the units of organisation @org, one each, into @t;
 * returns their totals. */
static SmUnitResult
add_unit_rows (SmReportTable *t, const SmPlacement *p, int32_t org)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  SmUnitResult total = { 0, 0, 0 };
  for (int32_t u = 0; u < sm_scenario_get_n_units (sc); u++)
    {
      SmUnitSpec unit;
      SmUnitResult res;
      sm_scenario_get_unit (sc, u, &unit);
      if (sm_scenario_find_organisation (sc, unit.organisation_id) != org)
        continue;
      sm_placement_get_unit_result (p, u, &res);
      table_text (t, unit.name);
      table_int (t, res.formation);
      table_int (t, res.placed);
      table_int (t, res.supernumerary);
      total.formation += res.formation;
      total.placed += res.placed;
      total.supernumerary += res.supernumerary;
    }
  return total;
}

static void
add_default (SmReport *r, const SmPlacement *p, int32_t org)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  SmOrganisationSpec o;
  sm_scenario_get_organisation (sc, org, &o);
  SmReportTable *t = table_new (0xE, SM_T (r->dutch, "Unit", "Afdeling"),
                                SM_T (r->dutch, "Formation", "Formatie"),
                                SM_T (r->dutch, "Placed", "Geplaatst"),
                                SM_T (r->dutch, "Supernumerary", "Boventallig"),
                                NULL);
  SmUnitResult total = add_unit_rows (t, p, org);
  heading (r, 2,
           SM_T (r->dutch, "%s (default organisation)",
                 "%s (standaardorganisatie)"),
           o.name);
  paragraph (r,
             SM_T (r->dutch,
                   "Headcount %d: everyone not placed elsewhere, by their "
                   "function where it has a place (\"mens volgt werk\"), else "
                   "supernumerary in the unit of their current work.",
                   "Bezetting %d: iedereen die niet elders is geplaatst, in de "
                   "eigen functie waar daar plaats is (mens volgt werk), "
                   "anders boventallig in de afdeling van het huidige werk."),
             sm_placement_get_headcount (p, org));
  if (sm_report_table__get_n_rows (t) == 1)
    {
      table_free (t);
      paragraph (r, "%s",
                 SM_T (r->dutch, "The organisation has no units.",
                       "De organisatie heeft geen afdelingen."));
      return;
    }
  table_text (t, SM_T (r->dutch, "Total", "Totaal"));
  table_int (t, total.formation);
  table_int (t, total.placed);
  table_int (t, total.supernumerary);
  chart (r, SM_CHART_UNITS, t, TRUE)->organisation = org;
}

static void
add_contract_units (SmReport *r, const SmPlacement *p)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  SmReportTable *t = table_new (0xC, SM_T (r->dutch, "Unit", "Afdeling"),
                                SM_T (r->dutch, "Works for", "Werkt voor"),
                                SM_T (r->dutch, "Until", "Tot en met"),
                                SM_T (r->dutch, "People", "Mensen"), NULL);
  for (int32_t u = 0; u < sm_scenario_get_n_units (sc); u++)
    {
      SmUnitSpec unit;
      SmUnitResult res;
      SmOrganisationSpec client;
      sm_scenario_get_unit (sc, u, &unit);
      if (unit.contract_client_id == NULL)
        continue;
      sm_scenario_get_organisation (
          sc, sm_scenario_find_organisation (sc, unit.contract_client_id),
          &client);
      sm_placement_get_unit_result (p, u, &res);
      table_text (t, unit.name);
      table_text (t, client.name);
      table_int (t, unit.contract_end_year);
      table_int (t, res.placed + res.supernumerary);
    }
  add_block (r, SM_BLOCK_TABLE, NULL, t);
}

static void
add_contracts (SmReport *r, const SmPlacement *p)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  int32_t first, last;
  heading (r, 2, "%s",
           SM_T (r->dutch, "Service contracts",
                 "Dienstverleningsovereenkomsten"));
  if (!sm_report__contract_years (sc, &first, &last))
    {
      paragraph (r, "%s",
                 SM_T (r->dutch,
                       "No unit works for another organisation under a "
                       "contract.",
                       "Geen afdeling werkt onder een overeenkomst voor een "
                       "andere organisatie."));
      return;
    }
  paragraph (r, "%s",
             SM_T (r->dutch,
                   "Units that work for another organisation under a "
                   "contract, and the people (placed and supernumerary) whose "
                   "work depends on a contract still running in each year:",
                   "Afdelingen die onder een overeenkomst voor een andere "
                   "organisatie werken, en per jaar de mensen (geplaatst en "
                   "boventallig) van wie het werk afhangt van een overeenkomst "
                   "die dan nog loopt:"));
  add_contract_units (r, p);
  SmReportTable *t = table_new (0x2, SM_T (r->dutch, "Year", "Jaar"),
                                SM_T (r->dutch, "People", "Mensen"), NULL);
  for (int32_t y = first; y <= last; y++)
    {
      table_int (t, y);
      table_int (t, sm_placement_get_contract_people (p, y));
    }
  chart (r, SM_CHART_CONTRACTS, t, TRUE);
}

/* Per position, how many seats went to manual placements: never who,
 * never why. */
static void
add_manual (SmReport *r, const SmPlacement *p)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  int32_t n = sm_scenario_get_n_manual_placements (sc);
  heading (r, 2, "%s",
           SM_T (r->dutch, "Manual placements",
                 "Plaatsingen op grond van de hardheidsclausule"));
  if (n == 0)
    {
      paragraph (r, "%s",
                 SM_T (r->dutch, "None: every placement follows the rules.",
                       "Geen: elke plaatsing volgt de regels."));
      return;
    }
  paragraph (r,
             SM_T (r->dutch,
                   "The employer placed %d %s by the hardship clause, at "
                   "these positions. Who was placed, and why, is told only to "
                   "the people concerned, in their decisions.",
                   "De werkgever plaatste %d %s op grond van de "
                   "hardheidsclausule, in deze functies. Wie dat zijn, en "
                   "waarom, staat alleen in het besluit voor de betrokkene "
                   "zelf."),
             n,
             n == 1 ? SM_T (r->dutch, "person", "medewerker")
                    : SM_T (r->dutch, "people", "medewerkers"));
  SmReportTable *t = table_new (0x8, SM_T (r->dutch, "Position", "Functie"),
                                SM_T (r->dutch, "Title", "Titel"),
                                SM_T (r->dutch, "Organisation", "Organisatie"),
                                SM_T (r->dutch, "Manual seats",
                                      "Plaatsen hardheidsclausule"),
                                NULL);
  for (int32_t j = 0; j < sm_scenario_get_n_positions (sc); j++)
    {
      SmPositionSpec pos;
      SmPositionResult res;
      SmOrganisationSpec org;
      sm_placement_get_position_result (p, j, &res);
      if (res.manual == 0)
        continue;
      sm_scenario_get_position (sc, j, &pos);
      sm_scenario_get_organisation (sc, position_organisation (sc, j), &org);
      table_text (t, pos.id);
      table_text (t, pos.title);
      table_text (t, org.name);
      table_int (t, res.manual);
    }
  add_block (r, SM_BLOCK_TABLE, NULL, t);
}

static SmReportTable *
reflected_positions (const SmReport *r, const SmPlacement *p)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  SmReportTable *t = table_new (0x18, SM_T (r->dutch, "Position", "Functie"),
                                SM_T (r->dutch, "Title", "Titel"),
                                SM_T (r->dutch, "Unit", "Afdeling"),
                                SM_T (r->dutch, "Seats", "Plaatsen"),
                                SM_T (r->dutch, "Candidates", "Kandidaten"),
                                NULL);
  for (int32_t j = 0; j < sm_scenario_get_n_positions (sc); j++)
    {
      SmPositionSpec pos;
      SmPositionResult res;
      SmUnitSpec unit;
      sm_placement_get_position_result (p, j, &res);
      if (!res.reflection)
        continue;
      sm_scenario_get_position (sc, j, &pos);
      sm_scenario_get_unit (sc, sm_scenario_find_unit (sc, pos.unit_id), &unit);
      table_text (t, pos.id);
      table_text (t, pos.title);
      table_text (t, unit.name);
      table_int (t, res.seats);
      table_int (t, res.candidates);
    }
  return t;
}

static void
add_reflection (SmReport *r, const SmPlacement *p)
{
  SmReduction reduction;
  int32_t band_years;
  sm_placement_get_reduction (p, &reduction, &band_years);
  SmReportTable *t = reflected_positions (r, p);
  gboolean used = sm_report_table__get_n_rows (t) > 1;
  heading (r, 2, "%s",
           SM_T (r->dutch, "Reflection principle", "Afspiegelingsbeginsel"));
  if (reduction != SM_REDUCTION_REFLECTION && !used)
    paragraph (r, "%s",
               SM_T (r->dutch,
                     "Not used: where a function had fewer places than "
                     "candidates, the position's priority rule decided who "
                     "kept a place.",
                     "Niet toegepast: waar een functie minder plaatsen had dan "
                     "kandidaten, besliste de voorrangsregel van de functie "
                     "wie een plaats hield."));
  else if (!used)
    paragraph (r,
               SM_T (r->dutch,
                     "Chosen (age bands of %d years), but not needed: no "
                     "function had more candidates than places.",
                     "Gekozen (leeftijdsgroepen van %d jaar), maar niet nodig: "
                     "geen functie had meer kandidaten dan plaatsen."),
               band_years);
  else
    paragraph (r,
               SM_T (r->dutch,
                     "Used (age bands of %d years) to choose who keeps the "
                     "places of these functions:",
                     "Toegepast (leeftijdsgroepen van %d jaar) om te bepalen "
                     "wie de plaatsen van deze functies houdt:"),
               band_years);
  if (used)
    add_block (r, SM_BLOCK_TABLE, NULL, t);
  else
    table_free (t);
}

/* Whether a refusal of the employee's was a draw: the lot's, or the
 * lot's and the improvement cycles'. */
static gboolean
lost_a_draw (const SmPlacement *p, int32_t employee)
{
  for (int32_t k = 0; k < sm_placement_get_n_refusals (p, employee); k++)
    {
      SmRefusal r;
      sm_placement_get_refusal (p, employee, k, &r);
      if (r.reason == SM_REASON_FULL
          && (r.criterion == SM_DECIDED_BY_LOT
              || r.criterion == SM_DECIDED_BY_CYCLES))
        return TRUE;
    }
  return FALSE;
}

/* The subject of a sentence about @count of the @depends people whose
 * outcome depended on the draw: "That person", "All 3 of them", "One of
 * them", "3 of them"; after a first clause (@other), "the other one",
 * "the other 3". Its verb is singular when @count is 1. A count is never
 * written where words say it better ("the other 1", "de andere 1"). */
static char *
lottery_subject (gboolean dutch, int32_t count, int32_t depends, gboolean other)
{
  if (other)
    return count == 1
               ? g_strdup (SM_T (dutch, "the other one", "de ander"))
               : g_strdup_printf (SM_T (dutch, "the other %d", "de andere %d"),
                                  (int) count);
  if (depends == 1)
    return g_strdup (SM_T (dutch, "That person", "Die persoon"));
  if (count == depends)
    return g_strdup_printf (SM_T (dutch, "All %d of them", "Alle %d"),
                            (int) count);
  if (count == 1)
    return g_strdup (SM_T (dutch, "One of them", "Eén van hen"));
  return g_strdup_printf (SM_T (dutch, "%d of them", "%d van hen"),
                          (int) count);
}

/* "Who lost": a clause on the @lost people refused a preferred position
 * by the lot (or by the improvement cycles after it, @cycles). */
static void
append_lost (GString *out, gboolean dutch, gboolean cycles, int32_t lost,
             int32_t depends)
{
  g_autofree char *who = lottery_subject (dutch, lost, depends, FALSE);
  if (dutch)
    g_string_append_printf (
        out, "%s %s een functie van de eigen voorkeur niet, omdat %s", who,
        lost == 1 ? "kreeg" : "kregen",
        cycles ? "een kandidaat met gelijke voorrang die kreeg, door het "
                 "lot of door de verbeterrondes daarna"
               : "het lot een kandidaat met gelijke voorrang voorliet");
  else
    g_string_append_printf (
        out, "%s %s refused a position they preferred because %s", who,
        lost == 1 ? "was" : "were",
        cycles ? "a tied candidate got it, by the lot or by the "
                 "improvement cycles that followed it"
               : "the lot put a tied candidate first");
}

/* "Who won": a clause on the @won people who hold a seat ahead of a tied
 * candidate; @other when it follows the clause on who lost, which has
 * said already how the lot and the cycles decide. */
static void
append_won (GString *out, gboolean dutch, gboolean cycles, int32_t won,
            int32_t depends, gboolean other)
{
  g_autofree char *who = lottery_subject (dutch, won, depends, other);
  const char *how;
  if (dutch)
    {
      how = !cycles ? "dankzij het lot"
            : other ? "op dezelfde manier"
                    : "door het lot of door de verbeterrondes daarna";
      g_string_append_printf (out,
                              "%s %s %s een plaats boven een kandidaat met "
                              "gelijke voorrang",
                              who, won == 1 ? "kreeg" : "kregen", how);
    }
  else
    {
      how = !cycles ? "by the lot"
            : other ? "in the same way"
                    : "by the lot or by the improvement cycles that followed "
                      "it";
      g_string_append_printf (out, "%s %s a seat ahead of a tied candidate %s",
                              who, won == 1 ? "holds" : "hold", how);
    }
}

/* The lottery section's counts: how many people's outcome depended on
 * the draw (@depends), how many of them lost a draw, how many won one;
 * with @cycles, improvement cycles followed the lot, and a tie went one
 * way by the lot or by the cycles. */
static void
add_lottery_counts (SmReport *r, const SmPlacement *p, int32_t depends,
                    int32_t lost, gboolean cycles)
{
  int32_t won = depends - lost;
  g_autoptr (GString) out = g_string_new (NULL);
  if (r->dutch)
    g_string_append_printf (out,
                            "Uitkomsten die van de loting %safhingen "
                            "(lotingsgetal %" G_GUINT64_FORMAT "): %d %s. ",
                            cycles ? "en de verbeterrondes " : "",
                            sm_placement_get_seed (p), (int) depends,
                            depends == 1 ? "persoon" : "personen");
  else
    g_string_append_printf (out,
                            "Outcomes that depended on the lottery draw%s "
                            "(seed %" G_GUINT64_FORMAT "): %d %s. ",
                            cycles ? " and the improvement cycles" : "",
                            sm_placement_get_seed (p), (int) depends,
                            depends == 1 ? "person" : "people");
  if (lost > 0)
    append_lost (out, r->dutch, cycles, lost, depends);
  if (lost > 0 && won > 0)
    g_string_append (out, "; ");
  if (won > 0)
    append_won (out, r->dutch, cycles, won, depends, lost > 0);
  g_string_append (out, SM_T (r->dutch,
                              ". Another draw could change these outcomes "
                              "first, and through them other people's.",
                              ". Een andere trekking kan deze uitkomsten als "
                              "eerste veranderen, en daardoor die van "
                              "anderen."));
  paragraph (r, "%s", out->str);
}

/* How many people's outcome depended on the lottery draw: who lost a
 * draw (refused a preferred position by the lot) and who won one (holds a
 * seat ahead of a tied candidate the lot refused). Counts only. */
static void
add_lottery (SmReport *r, const SmPlacement *p)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  int32_t depends = 0, lost = 0;
  for (int32_t i = 0; i < sm_scenario_get_n_employees (sc); i++)
    {
      if (!sm_placement_depends_on_lot (p, i))
        continue;
      depends++;
      lost += lost_a_draw (p, i);
    }
  heading (r, 2, "%s", SM_T (r->dutch, "The lottery", "De loting"));
  if (depends == 0)
    {
      paragraph (r, "%s",
                 SM_T (r->dutch,
                       "No outcome depended on the lottery draw: wherever "
                       "the rules left candidates tied, there was a seat for "
                       "all of them or for none.",
                       "Geen uitkomst hing af van de loting: waar de regels "
                       "kandidaten gelijk lieten eindigen, was er een plaats "
                       "voor allen of voor niemand."));
      return;
    }
  /* Cycles that moved nobody leave every tie to the lot. */
  add_lottery_counts (r, p, depends, lost, sm_placement_get_n_improved (p) > 0);
}

SmReport *
sm_report__new (const SmPlacement *placement, gboolean dutch)
{
  const SmScenario *sc = sm_placement_get_scenario (placement);
  SmReport *r = g_new0 (SmReport, 1);
  r->dutch = dutch;
  r->blocks = g_ptr_array_new_with_free_func (block_free);
  add_overview (r, placement);
  add_organisations (r, placement);
  add_flows (r, placement);
  add_ranks (r, placement);
  add_lottery (r, placement);
  for (int32_t o = 0; o < sm_scenario_get_n_organisations (sc); o++)
    {
      SmOrganisationSpec org;
      sm_scenario_get_organisation (sc, o, &org);
      if (org.kind == SM_ORGANISATION_KIND_RECEIVING)
        add_receiving (r, placement, o);
      else
        add_default (r, placement, o);
    }
  add_contracts (r, placement);
  add_manual (r, placement);
  add_reflection (r, placement);
  return r;
}

/* ---- the walk shared by the text forms ---------------------------------- */

char *
sm_report__render (const SmPlacement *placement, const SmReportForm *form,
                   gboolean dutch)
{
  g_autoptr (SmReport) r = sm_report__new (placement, dutch);
  GString *out = g_string_new (NULL);
  for (guint k = 0; k < r->blocks->len; k++)
    {
      const SmReportBlock *b = g_ptr_array_index (r->blocks, k);
      if (!b->in_text)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (b->kind == SM_BLOCK_HEADING)
        form->heading (out, b);
      else if (b->kind == SM_BLOCK_PARAGRAPH)
        form->paragraph (out, b->text);
      else if (b->kind == SM_BLOCK_FACTS)
        form->facts (out, b->table);
      else
        form->table (out, b->table);
    }
  return g_string_free (out, FALSE);
}
