/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: an independent oracle for placements and their
 * explanations.
 *
 * The library explains a placement from its own compiled market, so a
 * test that compares the explanation with that market cannot notice an
 * explanation that is untrue of the scenario. This oracle starts from the
 * scenario instead. Through the public getters only, it works out again:
 *
 *   - each employee's market list: eligible applications in preference
 *     order, then the default organisation's position of their own
 *     function (which no filter removes), or the manual placement alone;
 *   - each position's candidates and, from its rule, which of any two
 *     candidates must come first (manual placements before everyone);
 *   - each capped group (a receiving organisation with a headcount
 *     maximum), its target seats and its order of extra seats;
 *   - which own-function positions the reflection principle decides;
 *   - for every employee, which positions must be explained and what the
 *     explanation must say.
 *
 * The lottery cannot be drawn again without the library's internals, so
 * the final orders are read from the compiled market (placement.h gives
 * it) and checked against the rule: a pair the criteria separate must be
 * in the rule's order, and under single tie-breaking the ties must be
 * broken by one permutation of the employees for every position. Given
 * orders that pass, a person's place, a position's cutoff and the
 * deciding criterion follow from the scenario and the outcomes alone.
 *
 * Each check names, in its comment, the documented rule it enforces.
 * Where the documentation leaves a choice open, the check accepts every
 * reading and says so. The reason "a seat went to a manual placement"
 * (SM_REASON_MANUAL_SEAT) is held to the rule explain.h writes out.
 *
 * Cost per scenario: O(n^3) for the lottery's transitive closure and
 * O(m * n^2) for the pairwise order checks, n employees and m positions:
 * instant at the sizes the suite generates.
 */
#include "oracle-explain.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

/* ---- copying what the library says -------------------------------------- */

static GArray *
int_array (void)
{
  return g_array_new (FALSE, FALSE, sizeof (int32_t));
}

SmOracleObserved *
sm_oracle_observe (const SmPlacement *placement)
{
  const SmScenario *s = sm_placement_get_scenario (placement);
  const SmMarket *mk = sm_placement_get_market (placement);
  SmOracleObserved *ob = g_new0 (SmOracleObserved, 1);
  int32_t n = sm_scenario_get_n_employees (s);
  int32_t m = sm_scenario_get_n_positions (s);
  ob->n_employees = n;
  ob->n_positions = m;
  ob->lists = g_new0 (GArray *, MAX (n, 1));
  ob->refusals = g_new0 (GArray *, MAX (n, 1));
  ob->outcomes = g_new0 (SmEmployeeOutcome, MAX (n, 1));
  ob->orders = g_new0 (GArray *, MAX (m, 1));
  ob->results = g_new0 (SmPositionResult, MAX (m, 1));
  ob->lots = g_new0 (GArray *, MAX (n, 1));
  ob->depends = g_new0 (gboolean, MAX (n, 1));
  for (int32_t i = 0; i < n; i++)
    {
      int32_t len;
      const SmEdge *edges = sm_market_get_employee_edges (mk, i, &len);
      ob->lists[i] = int_array ();
      for (int32_t k = 0; k < len; k++)
        g_array_append_val (ob->lists[i], edges[k].target);
      sm_placement_get_outcome (placement, i, &ob->outcomes[i]);
      ob->refusals[i] = g_array_new (FALSE, FALSE, sizeof (SmRefusal));
      ob->lots[i] = g_array_new (FALSE, FALSE, sizeof (SmOracleLots));
      for (int32_t k = 0; k < sm_placement_get_n_refusals (placement, i); k++)
        {
          SmRefusal r;
          SmOracleLots lots = { FALSE, 0, 0 };
          sm_placement_get_refusal (placement, i, k, &r);
          g_array_append_val (ob->refusals[i], r);
          lots.decided = sm_placement_get_refusal_lots (placement, i, k,
                                                        &lots.own,
                                                        &lots.cutoff);
          g_array_append_val (ob->lots[i], lots);
        }
      ob->depends[i] = sm_placement_depends_on_lot (placement, i);
    }
  ob->cycles = sm_placement_get_improvement_cycles (placement);
  for (int32_t j = 0; j < m; j++)
    {
      int32_t len;
      const SmEdge *edges = sm_market_get_position_edges (mk, j, &len);
      ob->orders[j] = int_array ();
      for (int32_t k = 0; k < len; k++)
        g_array_append_val (ob->orders[j], edges[k].target);
      sm_placement_get_position_result (placement, j, &ob->results[j]);
    }
  return ob;
}

void
sm_oracle_observed_free (SmOracleObserved *ob)
{
  if (ob == NULL)
    return;
  for (int32_t i = 0; i < ob->n_employees; i++)
    {
      g_array_unref (ob->lists[i]);
      g_array_unref (ob->refusals[i]);
      g_array_unref (ob->lots[i]);
    }
  for (int32_t j = 0; j < ob->n_positions; j++)
    g_array_unref (ob->orders[j]);
  g_free (ob->lists);
  g_free (ob->refusals);
  g_free (ob->outcomes);
  g_free (ob->orders);
  g_free (ob->results);
  g_free (ob->lots);
  g_free (ob->depends);
  g_free (ob->da_positions);
  g_free (ob);
}

void
sm_oracle_observe_da (SmOracleObserved *ob, const SmPlacement *da)
{
  g_free (ob->da_positions);
  ob->da_positions = g_new (int32_t, MAX (ob->n_employees, 1));
  for (int32_t i = 0; i < ob->n_employees; i++)
    {
      SmEmployeeOutcome out;
      sm_placement_get_outcome (da, i, &out);
      ob->da_positions[i] = out.position;
    }
}

const char *
sm_oracle_check_name (SmOracleCheck check)
{
  static const char *const names[SM_ORACLE_N_CHECKS] = {
    "list",        "order",     "lottery",         "outcome", "stability",
    "reflection",  "refusals",  "reason",          "filter",  "rank",
    "cutoff",      "criterion", "position-result", "lot",     "draw",
    "improvement",
  };
  g_return_val_if_fail ((int) check >= 0 && check < SM_ORACLE_N_CHECKS, "?");
  return names[check];
}

gboolean
sm_oracle_findings_have (const GPtrArray *findings, SmOracleCheck check)
{
  for (guint k = 0; k < findings->len; k++)
    if (((const SmOracleFinding *) g_ptr_array_index (findings, k))->check
        == check)
      return TRUE;
  return FALSE;
}

/* ---- the scenario, read through its getters ------------------------------ */

static gboolean
same (const char *a, const char *b)
{
  return a != NULL && b != NULL && strcmp (a, b) == 0;
}

/* The position's rule: its own by identifier, else the scenario's
 * default rule (scenario.h, SmPositionSpec.rule_id). */
static const SmPriorityRule *
rule_of (const SmScenario *s, const SmPositionSpec *p)
{
  if (p->rule_id != NULL)
    for (int32_t k = 0; k < sm_scenario_get_n_rules (s); k++)
      if (same (sm_priority_rule_get_id (sm_scenario_get_rule (s, k)),
                p->rule_id))
        return sm_scenario_get_rule (s, k);
  return sm_scenario_get_default_rule (s);
}

/* Fit from the relation table: a function fits itself as SM_FIT_SAME,
 * pairs not in the table do not fit (scenario.h,
 * sm_scenario_add_function_relation). */
static SmFit
table_fit (const SmScenario *s, const char *from, const char *to)
{
  if (same (from, to))
    return SM_FIT_SAME;
  for (int32_t k = 0; k < sm_scenario_get_n_function_relations (s); k++)
    {
      const char *f, *t;
      SmFit fit;
      sm_scenario_get_function_relation (s, k, &f, &t, &fit);
      if (same (f, from) && same (t, to))
        return fit;
    }
  return SM_FIT_NONE;
}

static gboolean
holds (const char *const *list, const char *item)
{
  for (; list != NULL && *list != NULL; list++)
    if (same (*list, item))
      return TRUE;
  return FALSE;
}

/* Rule enforced: the eligibility filters of priority.h (grade distance
 * either way, minimum fit, all required qualifications held). */
guint
sm_oracle_failing_filters (const SmScenario *s, int32_t employee,
                           int32_t position)
{
  SmEmployeeSpec e;
  SmPositionSpec p;
  sm_scenario_get_employee (s, employee, &e);
  sm_scenario_get_position (s, position, &p);
  const SmPriorityRule *rule = rule_of (s, &p);
  guint failing = 0;
  int32_t max = sm_priority_rule_get_max_grade_distance (rule);
  if (max >= 0 && ABS (e.grade - p.grade) > max)
    failing |= 1u << SM_FILTER_GRADE;
  if (table_fit (s, e.function_code, p.function_code)
      > sm_priority_rule_get_min_fit (rule))
    failing |= 1u << SM_FILTER_FIT;
  if (sm_priority_rule_get_require_qualifications (rule))
    for (const char *const *q = p.qualifications; q != NULL && *q != NULL; q++)
      if (!holds (e.qualifications, *q))
        failing |= 1u << SM_FILTER_QUALIFICATIONS;
  return failing;
}

/* ---- the oracle's state -------------------------------------------------- */

typedef struct {
  const SmScenario *s;
  const SmOracleObserved *ob;
  int32_t n, m;
  SmEmployeeSpec *emp;
  SmPositionSpec *pos;
  SmApplicationSpec *app;
  int32_t *pos_org;  /* per position: organisation index */
  int32_t *pos_unit; /* per position: unit index */
  int32_t *emp_unit; /* per employee: unit index */
  int32_t default_org;
  const SmPriorityRule **rule; /* per position */
  int32_t *manual;             /* per employee: manual position, or -1 */
  int32_t *manual_order;       /* per employee: order added, or -1 */
  int32_t *n_manual;           /* per position */
  int32_t *own;                /* per employee: own-function position, -1 */
  GArray **apps;               /* per employee: applications by preference */
  int32_t *app_of;             /* [i * m + j]: application index, or -1 */
  SmFit *fit;                  /* [i * m + j] */
  GArray **list;               /* per employee: the list as compiled */
  gboolean *candidate;         /* [i * m + j]: j's order must hold i */
  int32_t *n_candidates;       /* per position */
  int32_t *place;              /* [i * m + j]: place (from 1) in j's order */
  int32_t *held;               /* per position: people placed */
  int32_t *worst;              /* per position: place of the last admitted */
  int32_t *last;               /* per position: that person, or -1 */
  gboolean *contender;         /* per employee, for their own position */
  int32_t *n_contenders;       /* per position */
  gboolean *reflected;         /* per position: reflection decided */
  int32_t *cap;                /* per position: its group's cap, or -1 */
  int32_t *group_rank;         /* per position: place in its group */
  int32_t *target;             /* per position: target seats in a group */
  int32_t *org_count;          /* per organisation: people at its positions */
  SmReduction reduction;
  int32_t band_years;
  SmDate reference;
  GPtrArray *findings;
} Oracle;

static void
finding_free (gpointer data)
{
  SmOracleFinding *f = data;
  g_free (f->message);
  g_free (f);
}

static void G_GNUC_PRINTF (5, 6)
    report (Oracle *o, SmOracleCheck check, int32_t i, int32_t j,
            const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *text = g_strdup_vprintf (format, args);
  va_end (args);
  SmOracleFinding *f = g_new0 (SmOracleFinding, 1);
  f->check = check;
  f->employee = i;
  f->position = j;
  f->message = g_strdup_printf ("%s%s%s%s%s", i >= 0 ? "employee " : "",
                                i >= 0 ? o->emp[i].id : "",
                                j >= 0 ? (i >= 0 ? " at " : "position ") : "",
                                j >= 0 ? o->pos[j].id : "", text);
  g_ptr_array_add (o->findings, f);
}

static gint
by_preference (gconstpointer a, gconstpointer b, gpointer data)
{
  const Oracle *o = data;
  int32_t pa = o->app[*(const int32_t *) a].preference;
  int32_t pb = o->app[*(const int32_t *) b].preference;
  return (pa > pb) - (pa < pb);
}

static void
read_people (Oracle *o)
{
  int32_t n = o->n, m = o->m;
  o->emp = g_new0 (SmEmployeeSpec, MAX (n, 1));
  o->emp_unit = g_new0 (int32_t, MAX (n, 1));
  o->manual = g_new (int32_t, MAX (n, 1));
  o->manual_order = g_new (int32_t, MAX (n, 1));
  o->apps = g_new0 (GArray *, MAX (n, 1));
  o->app_of = g_new (int32_t, MAX (n * m, 1));
  o->fit = g_new (SmFit, MAX (n * m, 1));
  for (int32_t i = 0; i < n; i++)
    {
      sm_scenario_get_employee (o->s, i, &o->emp[i]);
      o->emp_unit[i] = sm_scenario_find_unit (o->s, o->emp[i].unit_id);
      o->manual[i] = o->manual_order[i] = -1;
      o->apps[i] = int_array ();
      for (int32_t j = 0; j < m; j++)
        {
          o->app_of[i * m + j] = -1;
          o->fit[i * m + j] = table_fit (o->s, o->emp[i].function_code,
                                         o->pos[j].function_code);
        }
    }
  int32_t n_apps = sm_scenario_get_n_applications (o->s);
  o->app = g_new0 (SmApplicationSpec, MAX (n_apps, 1));
  for (int32_t a = 0; a < n_apps; a++)
    {
      sm_scenario_get_application (o->s, a, &o->app[a]);
      int32_t i = sm_scenario_find_employee (o->s, o->app[a].employee_id);
      int32_t j = sm_scenario_find_position (o->s, o->app[a].position_id);
      g_array_append_val (o->apps[i], a);
      o->app_of[i * m + j] = a;
    }
  for (int32_t i = 0; i < n; i++)
    g_array_sort_with_data (o->apps[i], by_preference, o);
  for (int32_t k = 0; k < sm_scenario_get_n_manual_placements (o->s); k++)
    {
      const char *e, *p, *reason;
      sm_scenario_get_manual_placement (o->s, k, &e, &p, &reason);
      int32_t i = sm_scenario_find_employee (o->s, e);
      o->manual[i] = sm_scenario_find_position (o->s, p);
      o->manual_order[i] = k;
      o->n_manual[o->manual[i]]++;
    }
}

/* Rule enforced (placement.h): the default organisation's position with
 * the employee's own function code, the one in their own unit if there
 * are several, else the first. */
static int32_t
own_position (const Oracle *o, int32_t i)
{
  int32_t first = -1;
  for (int32_t j = 0; j < o->m; j++)
    {
      if (o->pos_org[j] != o->default_org
          || !same (o->pos[j].function_code, o->emp[i].function_code))
        continue;
      if (o->pos_unit[j] == o->emp_unit[i])
        return j;
      if (first < 0)
        first = j;
    }
  return first;
}

/* Rule enforced (README, placement model; placement.h): a receiving
 * organisation with a headcount maximum is a capped group of its
 * positions in the order added; each position keeps its target seats
 * (all its seats when not given), raised to its manual placements. */
static void
read_groups (Oracle *o)
{
  int32_t n_orgs = sm_scenario_get_n_organisations (o->s);
  o->cap = g_new (int32_t, MAX (o->m, 1));
  o->group_rank = g_new0 (int32_t, MAX (o->m, 1));
  o->target = g_new0 (int32_t, MAX (o->m, 1));
  o->org_count = g_new0 (int32_t, MAX (n_orgs, 1));
  int32_t *next_rank = g_new0 (int32_t, MAX (n_orgs, 1));
  for (int32_t j = 0; j < o->m; j++)
    {
      SmOrganisationSpec org;
      sm_scenario_get_organisation (o->s, o->pos_org[j], &org);
      o->cap[j] = org.kind == SM_ORGANISATION_KIND_RECEIVING ? org.max_headcount
                                                             : -1;
      int32_t t = o->pos[j].target_seats < 0 ? o->pos[j].seats
                                             : o->pos[j].target_seats;
      o->target[j] = MAX (t, o->n_manual[j]);
      o->group_rank[j] = next_rank[o->pos_org[j]]++;
    }
  g_free (next_rank);
}

static void
read_positions (Oracle *o)
{
  int32_t m = o->m;
  o->pos = g_new0 (SmPositionSpec, MAX (m, 1));
  o->pos_org = g_new0 (int32_t, MAX (m, 1));
  o->pos_unit = g_new0 (int32_t, MAX (m, 1));
  o->rule = g_new0 (const SmPriorityRule *, MAX (m, 1));
  o->n_manual = g_new0 (int32_t, MAX (m, 1));
  o->default_org = -1;
  for (int32_t k = 0; k < sm_scenario_get_n_organisations (o->s); k++)
    {
      SmOrganisationSpec org;
      sm_scenario_get_organisation (o->s, k, &org);
      if (org.kind == SM_ORGANISATION_KIND_DEFAULT)
        o->default_org = k;
    }
  for (int32_t j = 0; j < m; j++)
    {
      sm_scenario_get_position (o->s, j, &o->pos[j]);
      o->pos_unit[j] = sm_scenario_find_unit (o->s, o->pos[j].unit_id);
      SmUnitSpec u;
      sm_scenario_get_unit (o->s, o->pos_unit[j], &u);
      o->pos_org[j] = sm_scenario_find_organisation (o->s, u.organisation_id);
      o->rule[j] = rule_of (o->s, &o->pos[j]);
    }
}

/* ---- the priority criteria ----------------------------------------------- */

/* A criterion's value (larger = more of what it measures) or missing. */
typedef struct {
  gboolean missing;
  double value;
} Key;

static gboolean
date_given (SmDate d)
{
  return d.year != 0 || d.month != 0 || d.day != 0;
}

/* An earlier date is more service or more age. */
static Key
date_key (SmDate d)
{
  if (!date_given (d))
    return (Key){ TRUE, 0.0 };
  return (Key){ FALSE, -(d.year * 10000.0 + d.month * 100.0 + d.day) };
}

static gboolean
leap (int32_t y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int32_t
month_length (int32_t y, int32_t m)
{
  static const int32_t length[] = { 31, 28, 31, 30, 31, 30,
                                    31, 31, 30, 31, 30, 31 };
  return m == 2 && leap (y) ? 29 : length[m - 1];
}

/* Rule enforced (priority.h, SmGranularity): whole months from @d to the
 * reference date @r: the month of @r counts once the same day is reached,
 * and not at all when that month has no such day (the month is complete
 * on the first of the next); 0 for a date after @r. */
static int32_t
whole_months (SmDate d, SmDate r)
{
  int32_t months = (r.year - d.year) * 12 + (r.month - d.month);
  gboolean reached = d.day <= month_length (r.year, r.month) && r.day >= d.day;
  return MAX (0, reached ? months : months - 1);
}

/* Rule enforced (priority.h, SmGranularity): whole years, counted by
 * birthdays, 29 February falling on 1 March in a common year; 0 for a
 * date after @r. */
static int32_t
whole_years (SmDate d, SmDate r)
{
  int32_t month = d.month, day = d.day;
  if (month == 2 && day == 29 && !leap (r.year))
    month = 3, day = 1;
  int32_t years = r.year - d.year;
  if (r.month < month || (r.month == month && r.day < day))
    years--;
  return MAX (0, years);
}

/* A date criterion as the rule counts it: the date to the day, or the
 * whole months or years completed on the reference date. */
static Key
counted_date_key (const Oracle *o, SmDate d, SmGranularity g)
{
  if (g == SM_GRANULARITY_DAYS || !date_given (d))
    return date_key (d);
  if (g == SM_GRANULARITY_MONTHS)
    return (Key){ FALSE, whole_months (d, o->reference) };
  return (Key){ FALSE, whole_years (d, o->reference) };
}

/* Rule enforced (priority.h, SmCriterion): what each criterion measures
 * for the employee at the position. The score and the distance come from
 * the employee's application to the position; the own-function position
 * has no application, so both are missing there. */
static Key
key_of (const Oracle *o, SmCriterion c, int32_t i, int32_t j)
{
  int32_t a = o->app_of[i * o->m + j];
  switch (c)
    {
    case SM_CRITERION_FIT:
      return (Key){ FALSE, (double) SM_FIT_NONE - o->fit[i * o->m + j] };
    case SM_CRITERION_SAME_GRADE:
      return (Key){ FALSE, o->emp[i].grade == o->pos[j].grade };
    case SM_CRITERION_COMMITTEE_SCORE:
      if (a < 0 || isnan (o->app[a].committee_score))
        return (Key){ TRUE, 0.0 };
      return (Key){ FALSE, o->app[a].committee_score };
    case SM_CRITERION_SERVICE:
    case SM_CRITERION_AGE:
      return counted_date_key (o,
                               c == SM_CRITERION_SERVICE
                                   ? o->emp[i].service_start
                                   : o->emp[i].birth_date,
                               sm_priority_rule_get_granularity (o->rule[j],
                                                                 c));
    case SM_CRITERION_TRAVEL:
      if (a < 0 || !(o->app[a].travel_km >= 0))
        return (Key){ TRUE, 0.0 };
      return (Key){ FALSE, o->app[a].travel_km };
    }
  g_assert_not_reached ();
}

/* Rule enforced (priority.h): criteria in order, the first that separates
 * two candidates decides, each in its direction, a missing value last
 * either way. Returns <0 when @a must come first, >0 when @b must, 0 when
 * only the lot can decide; *deciding gets the criterion's index or
 * SM_DECIDED_BY_LOT. */
static int
rule_compare (const Oracle *o, int32_t j, int32_t a, int32_t b,
              int32_t *deciding)
{
  const SmPriorityRule *rule = o->rule[j];
  for (int32_t k = 0; k < sm_priority_rule_get_n_criteria (rule); k++)
    {
      SmCriterion c;
      SmDirection d;
      sm_priority_rule_get_criterion (rule, k, &c, &d);
      Key ka = key_of (o, c, a, j), kb = key_of (o, c, b, j);
      int cmp = 0;
      if (ka.missing || kb.missing)
        cmp = (int) ka.missing - (int) kb.missing;
      else if (ka.value != kb.value)
        cmp = (ka.value > kb.value) == (d == SM_DIRECTION_HIGHER_FIRST) ? -1
                                                                        : 1;
      if (cmp != 0)
        {
          if (deciding != NULL)
            *deciding = k;
          return cmp;
        }
    }
  if (deciding != NULL)
    *deciding = SM_DECIDED_BY_LOT;
  return 0;
}

static const char *
criterion_text (const Oracle *o, int32_t j, int32_t k)
{
  if (k == SM_DECIDED_BY_LOT)
    return "the lot";
  if (k == SM_DECIDED_BY_MANUAL)
    return "a manual placement";
  if (k == SM_DECIDED_BY_NOTHING)
    return "nothing";
  if (k == SM_DECIDED_BY_CYCLES)
    return "the lot and the improvement cycles";
  if (k < 0 || k >= sm_priority_rule_get_n_criteria (o->rule[j]))
    return "no such criterion";
  SmCriterion c;
  sm_priority_rule_get_criterion (o->rule[j], k, &c, NULL);
  return sm_criterion_to_string (c);
}

/* "P1, P3, D0" (transfer full). */
static char *
positions_text (const Oracle *o, const GArray *list)
{
  GString *text = g_string_new ("");
  for (guint k = 0; k < list->len; k++)
    g_string_append_printf (text, "%s%s", k > 0 ? ", " : "",
                            o->pos[g_array_index (list, int32_t, k)].id);
  if (list->len == 0)
    g_string_append (text, "(empty)");
  return g_string_free (text, FALSE);
}

static gboolean
arrays_equal (const GArray *a, const GArray *b)
{
  return a->len == b->len
         && (a->len == 0
             || memcmp (a->data, b->data, a->len * sizeof (int32_t)) == 0);
}

/* ---- check LIST -------------------------------------------------------------
 * Rule enforced (placement.h, "How the market is compiled"; README,
 * placement model): an employee's list is their applications in
 * preference order, less those the position's rule finds them ineligible
 * for, then the default organisation's position of their own function
 * (no filter applies to it: it is not an application); a manual
 * placement is the employee's only entry. */
static void
check_lists (Oracle *o)
{
  int32_t n = o->n, m = o->m;
  o->list = g_new0 (GArray *, MAX (n, 1));
  o->candidate = g_new0 (gboolean, MAX (n * m, 1));
  o->n_candidates = g_new0 (int32_t, MAX (m, 1));
  for (int32_t i = 0; i < n; i++)
    {
      GArray *list = o->list[i] = int_array ();
      if (o->manual[i] >= 0)
        g_array_append_val (list, o->manual[i]);
      else
        {
          for (guint k = 0; k < o->apps[i]->len; k++)
            {
              int32_t a = g_array_index (o->apps[i], int32_t, k);
              int32_t j = sm_scenario_find_position (o->s,
                                                     o->app[a].position_id);
              if (sm_oracle_failing_filters (o->s, i, j) == 0)
                g_array_append_val (list, j);
            }
          if (o->own[i] >= 0)
            g_array_append_val (list, o->own[i]);
        }
      for (guint k = 0; k < list->len; k++)
        {
          int32_t j = g_array_index (list, int32_t, k);
          o->candidate[i * m + j] = TRUE;
          o->n_candidates[j]++;
        }
      if (!arrays_equal (list, o->ob->lists[i]))
        {
          g_autofree char *want = positions_text (o, list);
          g_autofree char *got = positions_text (o, o->ob->lists[i]);
          report (o, SM_ORACLE_LIST, i, -1,
                  ": the market lists %s; the scenario gives %s", got, want);
        }
    }
}

/* ---- check OUTCOME ----------------------------------------------------------
 * Rule enforced (placement.h, SmStatus and sm_scenario_place; README):
 * every employee appears once: at a receiving position they applied to
 * and are eligible for (APPLIED), at their own-function position
 * (FOLLOWS_WORK), at their manual placement (MANUAL), or supernumerary
 * in the default organisation's unit of their current work; the
 * preference is the one they gave the position, else 0; no position
 * holds more than its seats and no capped organisation more than its
 * maximum. */
static void
check_one_outcome (Oracle *o, int32_t i)
{
  const SmEmployeeOutcome *out = &o->ob->outcomes[i];
  int32_t j = out->position;
  if (j < -1 || j >= o->m)
    {
      report (o, SM_ORACLE_OUTCOME, i, -1, ": position %d does not exist",
              (int) j);
      return;
    }
  SmStatus want;
  gboolean where_ok;
  if (o->manual[i] >= 0)
    want = SM_STATUS_MANUAL, where_ok = j == o->manual[i];
  else if (j < 0)
    want = SM_STATUS_SUPERNUMERARY, where_ok = TRUE;
  else if (o->pos_org[j] == o->default_org)
    want = SM_STATUS_FOLLOWS_WORK, where_ok = j == o->own[i];
  else
    want = SM_STATUS_PLACED, where_ok = o->candidate[i * o->m + j];
  int32_t a = j >= 0 ? o->app_of[i * o->m + j] : -1;
  int32_t org = j >= 0 ? o->pos_org[j] : o->default_org;
  int32_t unit = j >= 0 ? o->pos_unit[j] : o->emp_unit[i];
  int32_t pref = a >= 0 ? o->app[a].preference : 0;
  if (out->status != want || !where_ok || out->organisation != org
      || out->unit != unit || out->preference != pref)
    report (o, SM_ORACLE_OUTCOME, i, j,
            ": status %d, organisation %d, unit %d, preference %d; the "
            "rules give status %d, organisation %d, unit %d, preference "
            "%d%s",
            (int) out->status, (int) out->organisation, (int) out->unit,
            (int) out->preference, (int) want, (int) org, (int) unit,
            (int) pref, where_ok ? "" : ", and not at this position");
}

static void
check_outcomes (Oracle *o)
{
  o->held = g_new0 (int32_t, MAX (o->m, 1));
  for (int32_t i = 0; i < o->n; i++)
    {
      check_one_outcome (o, i);
      int32_t j = o->ob->outcomes[i].position;
      if (j >= 0 && j < o->m)
        {
          o->held[j]++;
          o->org_count[o->pos_org[j]]++;
        }
    }
  for (int32_t j = 0; j < o->m; j++)
    if (o->held[j] > o->pos[j].seats)
      report (o, SM_ORACLE_OUTCOME, -1, j, " holds %d people in %d seats",
              (int) o->held[j], (int) o->pos[j].seats);
  for (int32_t j = 0; j < o->m; j++)
    if (o->cap[j] >= 0 && o->group_rank[j] == 0
        && o->org_count[o->pos_org[j]] > o->cap[j])
      report (o, SM_ORACLE_OUTCOME, -1, j,
              ": its organisation holds %d people, above its maximum %d",
              (int) o->org_count[o->pos_org[j]], (int) o->cap[j]);
}

/* ---- who the reflection principle decides for ------------------------------
 * Rule enforced (README, "The reflection principle"): with the reflection
 * principle chosen, the contenders for the places of a function at the
 * default organisation are the people whose own-function position it is
 * and who were not placed at a receiving organisation (manual placements
 * aside); where they outnumber the places left by manual placements, the
 * principle chooses the keepers. Where manual placements take every seat
 * there is nothing left to choose: the seats went to the manual
 * placements, and that is the reason to give. With SM_REASON_MANUAL_SEAT,
 * explain.h and placement.h count the places as the seats less the manual
 * placements, none included, and say the principle chose there too; the
 * oracle then follows them. */
static void
find_reflected (Oracle *o)
{
  o->contender = g_new0 (gboolean, MAX (o->n, 1));
  o->n_contenders = g_new0 (int32_t, MAX (o->m, 1));
  o->reflected = g_new0 (gboolean, MAX (o->m, 1));
  if (o->reduction != SM_REDUCTION_REFLECTION)
    return;
  for (int32_t i = 0; i < o->n; i++)
    {
      int32_t at = o->ob->outcomes[i].position;
      if (o->manual[i] < 0 && o->own[i] >= 0 && (at == o->own[i] || at < 0))
        {
          o->contender[i] = TRUE;
          o->n_contenders[o->own[i]]++;
        }
    }
  for (int32_t j = 0; j < o->m; j++)
    {
      int32_t places = o->pos[j].seats - o->n_manual[j];
      /* Even with no places left (manual placements hold every seat) the
       * principle is said to have chosen: it kept nobody. */
      o->reflected[j] = o->pos_org[j] == o->default_org
                        && o->n_contenders[j] > places;
    }
}

/* ---- check ORDER ------------------------------------------------------------
 * Rules enforced: a position ranks exactly the employees whose list holds
 * it (market.h); manual placements come first, in the order they were
 * added (placement.h; compile.c's opening comment for their order); then
 * the rule decides every pair its criteria separate (priority.h), the
 * lottery only what they leave tied. At a position where the reflection
 * principle chose (README), the keepers come right after the manual
 * placements; among the others the rule's order holds between contenders
 * and between non-contenders, while how the two mix is not documented,
 * so it is left open. */

/* The block a candidate of position j belongs to; pairs are compared by
 * the rule only inside a block, and blocks must come in order. */
static int
order_block (const Oracle *o, int32_t j, int32_t i)
{
  if (o->manual[i] >= 0)
    return 0;
  if (!o->reflected[j])
    return 1;
  if (o->ob->outcomes[i].position == j)
    return 1;
  return o->contender[i] ? 2 : 3;
}

static gboolean
rule_applies_between (int block_a, int block_b)
{
  if (block_a == 0 || block_b == 0)
    return FALSE;
  return block_a == block_b;
}

/* Places from the observed order; FALSE (reported) when it ranks the
 * wrong people. */
static gboolean
read_places (Oracle *o, int32_t j)
{
  const GArray *order = o->ob->orders[j];
  gboolean ok = TRUE;
  for (guint k = 0; k < order->len; k++)
    {
      int32_t i = g_array_index (order, int32_t, k);
      if (i < 0 || i >= o->n || o->place[i * o->m + j] != 0
          || !o->candidate[i * o->m + j])
        {
          report (o, SM_ORACLE_ORDER, -1, j,
                  " ranks employee index %d who is not one of its "
                  "candidates (or twice)",
                  (int) i);
          return FALSE;
        }
      o->place[i * o->m + j] = (int32_t) k + 1;
    }
  if ((int32_t) order->len != o->n_candidates[j])
    {
      report (o, SM_ORACLE_ORDER, -1, j, " ranks %u people; %d listed it",
              order->len, (int) o->n_candidates[j]);
      ok = FALSE;
    }
  return ok;
}

static void
check_order_of (Oracle *o, int32_t j)
{
  const GArray *order = o->ob->orders[j];
  if (!read_places (o, j))
    return;
  for (guint k = 1; k < order->len; k++)
    {
      int32_t a = g_array_index (order, int32_t, k - 1);
      int32_t b = g_array_index (order, int32_t, k);
      int ba = order_block (o, j, a), bb = order_block (o, j, b);
      if (ba > bb
          || (ba == 0 && bb == 0 && o->manual_order[a] > o->manual_order[b]))
        {
          report (o, SM_ORACLE_ORDER, b, j,
                  " comes right after %s although %s must come first "
                  "(manual placements, then reflection keepers)",
                  o->emp[a].id, o->emp[b].id);
          return;
        }
    }
  for (guint k1 = 0; k1 < order->len; k1++)
    for (guint k2 = k1 + 1; k2 < order->len; k2++)
      {
        int32_t a = g_array_index (order, int32_t, k1);
        int32_t b = g_array_index (order, int32_t, k2);
        int32_t deciding;
        if (!rule_applies_between (order_block (o, j, a),
                                   order_block (o, j, b)))
          continue;
        if (rule_compare (o, j, a, b, &deciding) > 0)
          {
            report (o, SM_ORACLE_ORDER, b, j,
                    " has place %u, behind %s at %u, although the rule's "
                    "criterion %d (%s) puts %s first",
                    k2 + 1, o->emp[a].id, k1 + 1, (int) deciding,
                    criterion_text (o, j, deciding), o->emp[b].id);
            return;
          }
      }
}

static void
check_orders (Oracle *o)
{
  o->place = g_new0 (int32_t, MAX (o->n * o->m, 1));
  for (int32_t j = 0; j < o->m; j++)
    check_order_of (o, j);
}

/* The last person admitted at each position: the largest place held. */
static void
find_cutoffs (Oracle *o)
{
  o->worst = g_new0 (int32_t, MAX (o->m, 1));
  o->last = g_new (int32_t, MAX (o->m, 1));
  for (int32_t j = 0; j < o->m; j++)
    o->last[j] = -1;
  for (int32_t i = 0; i < o->n; i++)
    {
      int32_t j = o->ob->outcomes[i].position;
      if (j < 0 || j >= o->m)
        continue;
      int32_t p = o->place[i * o->m + j];
      if (p > o->worst[j])
        {
          o->worst[j] = p;
          o->last[j] = i;
        }
    }
}

/* ---- check LOTTERY ----------------------------------------------------------
 * Rule enforced (priority.h, SM_TIE_BREAKING_SINGLE): one lottery number
 * per employee, used at every position. Whatever the numbers, the ties
 * at all positions must then be broken by one order of the employees: the
 * "drawn ahead of" relation over all positions has no cycle. (Positions
 * where the reflection principle reordered the candidates are left out.) */
static void
check_lottery (Oracle *o)
{
  if (sm_scenario_get_tie_breaking (o->s) != SM_TIE_BREAKING_SINGLE)
    return;
  int32_t n = o->n;
  g_autofree gboolean *ahead = g_new0 (gboolean, MAX (n * n, 1));
  g_autofree int32_t *where = g_new (int32_t, MAX (n * n, 1));
  for (int32_t j = 0; j < o->m; j++)
    {
      const GArray *order = o->ob->orders[j];
      if (o->reflected[j])
        continue;
      for (guint k1 = 0; k1 < order->len; k1++)
        for (guint k2 = k1 + 1; k2 < order->len; k2++)
          {
            int32_t a = g_array_index (order, int32_t, k1);
            int32_t b = g_array_index (order, int32_t, k2);
            if (a < 0 || a >= n || b < 0 || b >= n || o->manual[a] >= 0
                || o->manual[b] >= 0 || rule_compare (o, j, a, b, NULL) != 0)
              continue;
            ahead[a * n + b] = TRUE;
            where[a * n + b] = j;
          }
    }
  g_autofree gboolean *reach = g_memdup2 (ahead,
                                          sizeof (gboolean) * MAX (n * n, 1));
  for (int32_t k = 0; k < n; k++)
    for (int32_t a = 0; a < n; a++)
      if (reach[a * n + k])
        for (int32_t b = 0; b < n; b++)
          reach[a * n + b] = reach[a * n + b] || reach[k * n + b];
  for (int32_t a = 0; a < n; a++)
    for (int32_t b = 0; b < n; b++)
      if (ahead[a * n + b] && reach[b * n + a])
        {
          report (o, SM_ORACLE_LOTTERY, a, where[a * n + b],
                  " is drawn ahead of %s in a tie, but behind them, "
                  "directly or through others, at another position, under "
                  "single tie-breaking",
                  o->emp[b].id);
          return;
        }
}

/* ---- check STABILITY --------------------------------------------------------
 * Rules enforced (README, guarantees and "Headcount caps"; check.h): no
 * employee is refused a position they listed above their outcome while
 * it holds someone of lower priority, or while it keeps a seat open,
 * unless the organisation's cap excuses that seat: the position holds at
 * least its target seats, the organisation is at its maximum, and the
 * group would rather keep its extra seats where they are (extra seats are
 * ordered fewer first, then by the order of positions; a move out of a
 * position at or below its target is never wanted). Reflection positions
 * are checked by the reflection check instead. */

/* Whether j's next extra seat comes before h's last one. */
static gboolean
next_extra_before (const Oracle *o, int32_t j, int32_t h)
{
  int32_t next_j = o->held[j] - o->target[j] + 1;
  int32_t last_h = o->held[h] - o->target[h];
  if (next_j != last_h)
    return next_j < last_h;
  return o->group_rank[j] < o->group_rank[h];
}

/* The group's last extra seat: the position with the most extra seats,
 * latest in the group's order; -1 when there are none. */
static int32_t
last_extra (const Oracle *o, int32_t org)
{
  int32_t best = -1, most = 0;
  for (int32_t h = 0; h < o->m; h++)
    if (o->pos_org[h] == org && o->held[h] - o->target[h] > 0
        && o->held[h] - o->target[h] >= most)
      {
        best = h;
        most = o->held[h] - o->target[h];
      }
  return best;
}

static gboolean
cap_excuses (const Oracle *o, int32_t i, int32_t j)
{
  int32_t org = o->pos_org[j];
  if (o->cap[j] < 0 || o->org_count[org] < o->cap[j]
      || o->held[j] < o->target[j])
    return FALSE;
  int32_t a = o->ob->outcomes[i].position;
  if (a < 0 || o->pos_org[a] != org)
    {
      int32_t h = last_extra (o, org);
      return h < 0 || !next_extra_before (o, j, h);
    }
  if (o->held[a] <= o->target[a])
    return TRUE;
  return !next_extra_before (o, j, a);
}

/* Where the employee's outcome stands in their list (the length when at
 * the default, -1 when not in it). */
static int32_t
outcome_index (const Oracle *o, int32_t i)
{
  int32_t at = o->ob->outcomes[i].position;
  const GArray *list = o->list[i];
  if (at < 0)
    return (int32_t) list->len;
  for (guint k = 0; k < list->len; k++)
    if (g_array_index (list, int32_t, k) == at)
      return (int32_t) k;
  return -1;
}

static void
check_stability (Oracle *o)
{
  for (int32_t i = 0; i < o->n; i++)
    {
      int32_t limit = outcome_index (o, i);
      for (int32_t k = 0; o->manual[i] < 0 && k < limit; k++)
        {
          int32_t j = g_array_index (o->list[i], int32_t, k);
          int32_t r = o->place[i * o->m + j];
          if (r == 0 || o->reflected[j])
            continue;
          /* With improvement cycles, stability is with respect to the
           * rule's ties (placement.h): only a strictly higher priority
           * blocks. */
          if (o->worst[j] > r && o->ob->cycles
              && rule_compare (o, j, i, o->last[j], NULL) >= 0)
            continue;
          if (o->worst[j] > r)
            report (o, SM_ORACLE_STABILITY, i, j,
                    " (place %d) is refused while %s (place %d) is "
                    "admitted: a blocking pair",
                    (int) r, o->emp[o->last[j]].id, (int) o->worst[j]);
          else if (o->held[j] < o->pos[j].seats && !cap_excuses (o, i, j))
            report (o, SM_ORACLE_STABILITY, i, j,
                    " (place %d) is refused while a seat stays open and no "
                    "headcount cap excuses it: a blocking pair",
                    (int) r);
        }
    }
}

/* ---- check REFLECTION -------------------------------------------------------
 * Rule enforced (README, "The reflection principle"; scenario.h,
 * SM_REDUCTION_REFLECTION): the keepers fill the places left by manual
 * placements; the contenders are grouped in age bands (age on the
 * reference date, bands of the scenario's width from age 15); the
 * reduction is divided over the bands in proportion to their sizes by
 * largest remainders (a band gets the whole part of its share, or one
 * more, and one more only when no band with a larger remainder was
 * passed over; how equal remainders are settled is not documented, so
 * either way is accepted); within a band the shortest service goes
 * first. Where a birth date is missing the band is not documented, so
 * the division is not checked; where a service date is missing the pair
 * is not compared. */
static int32_t
age_on (SmDate birth, SmDate day)
{
  int32_t years = day.year - birth.year;
  if (day.month < birth.month
      || (day.month == birth.month && day.day < birth.day))
    years--;
  return years;
}

static int32_t
band_of (const Oracle *o, int32_t i)
{
  if (!date_given (o->emp[i].birth_date))
    return -1;
  int32_t age = age_on (o->emp[i].birth_date, o->reference);
  return age < 15 ? 0 : (age - 15) / o->band_years;
}

static void
check_bands (Oracle *o, int32_t j, int32_t reduction)
{
  enum { MAX_BANDS = 64 };
  int32_t size[MAX_BANDS] = { 0 }, cut[MAX_BANDS] = { 0 };
  for (int32_t i = 0; i < o->n; i++)
    if (o->contender[i] && o->own[i] == j)
      {
        int32_t b = band_of (o, i);
        if (b < 0 || b >= MAX_BANDS)
          return;
        size[b]++;
        cut[b] += o->ob->outcomes[i].position != j;
      }
  int32_t total = o->n_contenders[j];
  for (int32_t b = 0; b < MAX_BANDS; b++)
    {
      int32_t whole = reduction * size[b] / total;
      int32_t rem = reduction * size[b] % total;
      if (cut[b] < whole || cut[b] > whole + 1)
        report (o, SM_ORACLE_REFLECTION, -1, j,
                ": age band %d gives up %d of %d places; its share is "
                "%d/%d",
                (int) b, (int) cut[b], (int) size[b],
                (int) (reduction * size[b]), (int) total);
      for (int32_t c = 0; c < MAX_BANDS && cut[b] == whole + 1; c++)
        {
          int32_t c_whole = reduction * size[c] / total;
          if (cut[c] == c_whole && c_whole < size[c]
              && reduction * size[c] % total > rem)
            report (o, SM_ORACLE_REFLECTION, -1, j,
                    ": age band %d gives up an extra place although band "
                    "%d has the larger remainder",
                    (int) b, (int) c);
        }
    }
}

static void
check_reflection_at (Oracle *o, int32_t j)
{
  int32_t places = o->pos[j].seats - o->n_manual[j], kept = 0;
  for (int32_t i = 0; i < o->n; i++)
    kept += o->contender[i] && o->own[i] == j
            && o->ob->outcomes[i].position == j;
  if (kept != places)
    report (o, SM_ORACLE_REFLECTION, -1, j, ": %d keepers for %d places",
            (int) kept, (int) places);
  check_bands (o, j, o->n_contenders[j] - places);
  for (int32_t x = 0; x < o->n; x++)
    for (int32_t y = 0; y < o->n; y++)
      {
        if (!o->contender[x] || !o->contender[y] || o->own[x] != j
            || o->own[y] != j || o->ob->outcomes[x].position == j
            || o->ob->outcomes[y].position != j)
          continue;
        SmDate sx = o->emp[x].service_start, sy = o->emp[y].service_start;
        if (band_of (o, x) < 0 || band_of (o, x) != band_of (o, y)
            || !date_given (sx) || !date_given (sy))
          continue;
        if (date_key (sx).value > date_key (sy).value)
          report (o, SM_ORACLE_REFLECTION, x, j,
                  " gives up the place although %s in the same age band "
                  "has the shorter service",
                  o->emp[y].id);
      }
}

static void
check_reflection (Oracle *o)
{
  for (int32_t j = 0; j < o->m; j++)
    if (o->reflected[j])
      check_reflection_at (o, j);
}

/* ---- the reflection principle, counterfactually ----------------------------
 * Rule enforced (placement.h and explain.h with SM_REASON_MANUAL_SEAT,
 * rule 1): at a position where the reflection principle chose and that
 * holds manual placements, a contender is told SM_REASON_MANUAL_SEAT when
 * the principle, choosing among the same contenders with all the seats
 * as places, would have kept them, else SM_REASON_REFLECTION. The choice
 * as placement.h writes it: age bands of the band width from age 15
 * (younger people and unknown birth dates in the first band), the
 * reduction divided by largest remainders (a tie to the larger band, then
 * the younger), and within a band the latest service start goes first,
 * then the latest birth date (a missing date counting as the latest),
 * then the lot, which the oracle cannot draw: where it would decide, both
 * reasons are accepted. */

/* The first band for unknown birth dates, as placement.h says there. */
static int32_t
band_or_first (const Oracle *o, int32_t i)
{
  return MAX (band_of (o, i), 0);
}

/* A date as a number that grows with lateness; missing is the latest. */
static double
lateness (SmDate d)
{
  return date_given (d) ? d.year * 10000.0 + d.month * 100.0 + d.day
                        : G_MAXDOUBLE;
}

/* <0 when x gives up a place before y within a band, 0 when the lot
 * decides. */
static int
reduction_compare (const Oracle *o, int32_t x, int32_t y)
{
  double a = lateness (o->emp[x].service_start);
  double b = lateness (o->emp[y].service_start);
  if (a == b)
    {
      a = lateness (o->emp[x].birth_date);
      b = lateness (o->emp[y].birth_date);
    }
  return a > b ? -1 : a < b ? 1 : 0;
}

/* How many of the band's contenders give up a place when @places are
 * kept at position j. */
static int32_t
band_cut (const Oracle *o, int32_t j, int32_t places, int32_t band)
{
  enum { MAX_BANDS = 64 };
  int32_t size[MAX_BANDS] = { 0 }, cut[MAX_BANDS], n = o->n_contenders[j];
  int64_t rem[MAX_BANDS];
  for (int32_t i = 0; i < o->n; i++)
    if (o->contender[i] && o->own[i] == j)
      size[MIN (band_or_first (o, i), MAX_BANDS - 1)]++;
  int32_t reduction = MAX (0, n - places), given = 0;
  for (int32_t b = 0; b < MAX_BANDS; b++)
    {
      cut[b] = (int32_t) ((int64_t) reduction * size[b] / n);
      rem[b] = (int64_t) reduction * size[b] % n;
      given += cut[b];
    }
  for (; given < reduction; given++)
    {
      int32_t best = -1;
      for (int32_t b = 0; b < MAX_BANDS; b++)
        if (cut[b] < size[b]
            && (best < 0 || rem[b] > rem[best]
                || (rem[b] == rem[best] && size[b] > size[best])))
          best = b;
      cut[best]++;
      rem[best] = -1;
    }
  return cut[MIN (band, MAX_BANDS - 1)];
}

static SmReason
reflection_reason (const Oracle *o, int32_t i, int32_t j, int *also_out)
{
  if (o->n_manual[j] == 0)
    return SM_REASON_REFLECTION;
  int32_t band = band_or_first (o, i), before = 0, tied = 0;
  int32_t cut = band_cut (o, j, o->pos[j].seats, band);
  for (int32_t x = 0; x < o->n; x++)
    if (x != i && o->contender[x] && o->own[x] == j
        && band_or_first (o, x) == band)
      {
        int cmp = reduction_compare (o, x, i);
        before += cmp < 0;
        tied += cmp == 0;
      }
  if (before >= cut)
    return SM_REASON_MANUAL_SEAT; /* kept without them */
  if (before + tied >= cut)
    *also_out = SM_REASON_MANUAL_SEAT; /* the lot would decide */
  return SM_REASON_REFLECTION;
}

/* ---- checks REFUSALS, REASON, FILTER, RANK, CUTOFF, CRITERION ---------------
 * Rules enforced (explain.h): an employee gets a refusal for each
 * application with a better preference than the one obtained (all of
 * them when the outcome is not an application) and, when supernumerary,
 * for the position of their own function, best preference first and the
 * own-function position last. Each refusal says:
 *   - MANUAL when the employee has a manual placement;
 *   - NOT_ELIGIBLE when the rule's filters refuse the application, with
 *     a filter that does refuse it (explain.h does not say which one to
 *     name when several do, so any of them is accepted); the
 *     own-function position is never subject to filters;
 *   - otherwise the employee was ranked: REFLECTION where the reflection
 *     principle chose, FULL where every seat is taken, CAP where a seat
 *     is free (stability leaves no other case);
 * with rank = the employee's place in the position's order (0 when not
 * ranked), cutoff = the place of the last person admitted (0 when none
 * was), and for FULL the criterion that put the last person admitted
 * ahead of them (SM_DECIDED_BY_MANUAL when that person is a manual
 * placement, SM_DECIDED_BY_LOT when the criteria tie); every other
 * reason decides nothing (SM_DECIDED_BY_NOTHING). For MANUAL and
 * NOT_ELIGIBLE the cutoff is accepted as 0 or as the true place:
 * explain.h does not say whether it is given there. */

static const char *
reason_text (SmReason reason)
{
  static const char *const text[] = {
    "not eligible", "full", "cap", "manual", "reflection", "manual seat",
  };
  return (int) reason >= 0 && reason <= SM_REASON_MANUAL_SEAT ? text[reason]
                                                              : "?";
}

/* Whether someone listed position j at or above their outcome: held by
 * j, or refused it for something worse. */
static gboolean
wanted_at_least (const Oracle *o, int32_t x, int32_t j)
{
  if (o->ob->outcomes[x].position == j)
    return TRUE;
  int32_t limit = outcome_index (o, x);
  for (int32_t c = 0; c < limit; c++)
    if (g_array_index (o->list[x], int32_t, c) == j)
      return TRUE;
  return FALSE;
}

/* Rule enforced (explain.h with SM_REASON_MANUAL_SEAT, its rule 2): the
 * position holds manual placements, and fewer than the people it holds
 * were ranked above the employee, not placed manually, and wanted it at
 * least as much as what they got. */
static gboolean
manual_took_seat (const Oracle *o, int32_t i, int32_t j)
{
  if (o->n_manual[j] == 0)
    return FALSE;
  int32_t ahead = 0, r = o->place[i * o->m + j];
  for (int32_t x = 0; x < o->n; x++)
    {
      int32_t p = o->place[x * o->m + j];
      ahead += o->manual[x] < 0 && p > 0 && p < r && wanted_at_least (o, x, j);
    }
  return ahead < o->held[j];
}

/* Rule enforced (explain.h, SM_DECIDED_BY_CYCLES): with improvement
 * cycles, a tie with the last person admitted was decided by the lot
 * alone only when every holder tied with the employee under the rule held
 * the position without the cycles too. */
static gboolean
cycles_decided (const Oracle *o, int32_t i, int32_t j)
{
  if (!o->ob->cycles || o->ob->da_positions == NULL)
    return FALSE;
  for (int32_t h = 0; h < o->n; h++)
    if (o->ob->outcomes[h].position == j && o->manual[h] < 0
        && o->ob->da_positions[h] != j && rule_compare (o, j, h, i, NULL) == 0)
      return TRUE;
  return FALSE;
}

/* The criterion that put the last person admitted to @j ahead of @i. */
static int32_t
tie_criterion (const Oracle *o, int32_t i, int32_t j)
{
  int32_t c;
  rule_compare (o, j, o->last[j], i, &c);
  if (c == SM_DECIDED_BY_LOT && cycles_decided (o, i, j))
    c = SM_DECIDED_BY_CYCLES;
  return c;
}

/* The refusal the rules give for the employee's claim on the position;
 * *also_out gets a second reason the documentation allows as well (where
 * only the lottery could tell them apart), or -1. */
static SmRefusal
true_refusal (const Oracle *o, int32_t i, int32_t j, int32_t preference,
              guint *filters_out, int *also_out)
{
  SmRefusal r = { j, preference,  SM_REASON_FULL,       SM_FILTER_NONE,
                  0, o->worst[j], SM_DECIDED_BY_NOTHING };
  *filters_out = preference > 0 ? sm_oracle_failing_filters (o->s, i, j) : 0;
  *also_out = -1;
  if (o->manual[i] >= 0)
    r.reason = SM_REASON_MANUAL;
  else if (*filters_out != 0)
    r.reason = SM_REASON_NOT_ELIGIBLE;
  else
    {
      r.rank = o->place[i * o->m + j];
      if (o->reflected[j])
        r.reason = reflection_reason (o, i, j, also_out);
      else if (manual_took_seat (o, i, j))
        {
          r.reason = SM_REASON_MANUAL_SEAT;
          r.criterion = SM_DECIDED_BY_MANUAL;
        }
      else if (o->held[j] < o->pos[j].seats)
        r.reason = SM_REASON_CAP;
      else if (o->last[j] >= 0 && o->manual[o->last[j]] >= 0)
        r.criterion = SM_DECIDED_BY_MANUAL;
      else if (o->last[j] >= 0)
        r.criterion = tie_criterion (o, i, j);
    }
  return r;
}

static void
compare_refusal (Oracle *o, int32_t i, const SmRefusal *got)
{
  guint filters;
  int also;
  SmRefusal want = true_refusal (o, i, got->position, got->preference, &filters,
                                 &also);
  if ((int) got->reason == also)
    want.reason = got->reason;
  int32_t j = want.position;
  gboolean unranked = want.reason == SM_REASON_MANUAL
                      || want.reason == SM_REASON_NOT_ELIGIBLE;
  if (got->reason != want.reason)
    {
      report (o, SM_ORACLE_REASON, i, j,
              " (preference %d): says %s (filter %d, rank %d, cutoff %d, "
              "criterion %d); the scenario gives %s (rank %d, cutoff %d, "
              "decided by %s)",
              (int) want.preference, reason_text (got->reason),
              (int) got->filter, (int) got->rank, (int) got->cutoff,
              (int) got->criterion, reason_text (want.reason), (int) want.rank,
              (int) want.cutoff, criterion_text (o, j, want.criterion));
      return;
    }
  if (want.reason == SM_REASON_NOT_ELIGIBLE
          ? got->filter <= SM_FILTER_NONE
                || got->filter > SM_FILTER_QUALIFICATIONS
                || !(filters & (1u << got->filter))
          : got->filter != SM_FILTER_NONE)
    report (o, SM_ORACLE_FILTER, i, j,
            ": says filter %d; the filters that refuse are 0x%x",
            (int) got->filter, filters);
  if (got->rank != want.rank)
    report (o, SM_ORACLE_RANK, i, j, " (%s): says rank %d; the place is %d",
            reason_text (want.reason), (int) got->rank, (int) want.rank);
  if (got->cutoff != want.cutoff && !(unranked && got->cutoff == 0))
    report (o, SM_ORACLE_CUTOFF, i, j,
            " (%s): says cutoff %d; the last person admitted has place %d",
            reason_text (want.reason), (int) got->cutoff, (int) want.cutoff);
  if (got->criterion != want.criterion)
    report (o, SM_ORACLE_CRITERION, i, j,
            " (%s): says decided by %d (%s); the truth is %d (%s)",
            reason_text (want.reason), (int) got->criterion,
            criterion_text (o, j, got->criterion), (int) want.criterion,
            criterion_text (o, j, want.criterion));
}

/* The positions to explain, as (position, preference) pairs. */
static GArray *
positions_to_explain (const Oracle *o, int32_t i)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int32_t) * 2);
  int32_t at = o->ob->outcomes[i].position;
  int32_t a_at = at >= 0 && at < o->m ? o->app_of[i * o->m + at] : -1;
  int32_t got = a_at >= 0 ? o->app[a_at].preference : 0;
  for (guint k = 0; k < o->apps[i]->len; k++)
    {
      const SmApplicationSpec *a =
          &o->app[g_array_index (o->apps[i], int32_t, k)];
      if (got > 0 && a->preference >= got)
        break;
      int32_t pair[2] = { sm_scenario_find_position (o->s, a->position_id),
                          a->preference };
      g_array_append_val (out, pair);
    }
  if (at < 0 && o->manual[i] < 0 && o->own[i] >= 0)
    {
      int32_t pair[2] = { o->own[i], 0 };
      g_array_append_val (out, pair);
    }
  return out;
}

static void
check_refusals (Oracle *o)
{
  for (int32_t i = 0; i < o->n; i++)
    {
      g_autoptr (GArray) want = positions_to_explain (o, i);
      const GArray *got = o->ob->refusals[i];
      gboolean same_set = want->len == got->len;
      for (guint k = 0; same_set && k < want->len; k++)
        {
          const int32_t *pair = &g_array_index (want, int32_t, 2 * k);
          const SmRefusal *r = &g_array_index (got, SmRefusal, k);
          same_set = r->position == pair[0] && r->preference == pair[1];
        }
      if (!same_set)
        {
          report (o, SM_ORACLE_REFUSALS, i, -1,
                  ": %u refusals given; %u positions to explain", got->len,
                  want->len);
          continue;
        }
      for (guint k = 0; k < got->len; k++)
        compare_refusal (o, i, &g_array_index (got, SmRefusal, k));
    }
}

/* ---- check POSITION_RESULT --------------------------------------------------
 * Rule enforced (explain.h, SmPositionResult): seats, people placed, seats
 * open, candidates ranked, the cutoff (the place of the last person
 * admitted when every seat is filled, else 0), the criterion that
 * separated the last person admitted from the first one refused (the
 * first candidate after the cutoff who listed the position above their
 * outcome), and whether the reflection principle chose. */
static int32_t
first_refused (const Oracle *o, int32_t j)
{
  const GArray *order = o->ob->orders[j];
  /* With improvement cycles a tied candidate refused may rank above the
   * last person admitted. */
  for (guint k = o->ob->cycles ? 0 : (guint) o->worst[j]; k < order->len; k++)
    {
      int32_t i = g_array_index (order, int32_t, k);
      if (o->ob->outcomes[i].position == j)
        continue;
      int32_t limit = outcome_index (o, i);
      for (int32_t c = 0; c < limit; c++)
        if (g_array_index (o->list[i], int32_t, c) == j)
          return i;
    }
  return -1;
}

static void
check_position_results (Oracle *o)
{
  for (int32_t j = 0; j < o->m; j++)
    {
      const SmPositionResult *got = &o->ob->results[j];
      int32_t seats = o->pos[j].seats;
      gboolean full = o->held[j] >= seats;
      SmPositionResult want = { 0 };
      want.seats = seats;
      want.filled = o->held[j];
      want.open = MAX (0, seats - o->held[j]);
      want.candidates = o->n_candidates[j];
      want.cutoff = full ? o->worst[j] : 0;
      want.criterion = SM_DECIDED_BY_NOTHING;
      want.reflection = o->reflected[j];
      int32_t refused = full && !o->reflected[j] ? first_refused (o, j) : -1;
      if (refused >= 0 && o->manual[o->last[j]] >= 0)
        want.criterion = SM_DECIDED_BY_MANUAL;
      else if (refused >= 0)
        want.criterion = tie_criterion (o, refused, j);
      /* explain.h with SM_REASON_MANUAL_SEAT: the people placed there
       * manually. */
      if (got->manual != o->n_manual[j])
        report (o, SM_ORACLE_POSITION_RESULT, -1, j,
                ": says %d placed manually; %d were", (int) got->manual,
                (int) o->n_manual[j]);
      if (got->seats != want.seats || got->filled != want.filled
          || got->open != want.open || got->candidates != want.candidates
          || got->cutoff != want.cutoff || got->criterion != want.criterion
          || !got->reflection != !want.reflection)
        report (o, SM_ORACLE_POSITION_RESULT, -1, j,
                ": says seats %d filled %d open %d candidates %d cutoff %d "
                "criterion %d reflection %d; the truth is %d %d %d %d %d %d "
                "%d",
                got->seats, got->filled, got->open, got->candidates,
                got->cutoff, got->criterion, got->reflection, want.seats,
                want.filled, want.open, want.candidates, want.cutoff,
                want.criterion, want.reflection);
    }
}

/* ---- check IMPROVEMENT
 * ------------------------------------------------------- Rules enforced
 * (placement.h, improvement cycles): compared with the placement of the same
 * draw without cycles, nobody is worse off in their own list, every position
 * holds as many people, manual placements and the default organisation's
 * positions hold the same people, and no stable improvement cycle is left: no
 * cycle of positions a -> b where someone held at a lists b before a and no one
 * who lists b before their outcome has a strictly higher priority at b under
 * the rule. */

static int32_t
list_index (const Oracle *o, int32_t i, int32_t position)
{
  const GArray *list = o->list[i];
  for (guint k = 0; position >= 0 && k < list->len; k++)
    if (g_array_index (list, int32_t, k) == position)
      return (int32_t) k;
  return (int32_t) list->len;
}

/* Whether @i lists @b before their outcome and nobody who does so has a
 * strictly higher priority at @b. */
static gboolean
top_desirer (const Oracle *o, int32_t i, int32_t b)
{
  if (o->manual[i] >= 0 || list_index (o, i, b) >= outcome_index (o, i))
    return FALSE;
  for (int32_t x = 0; x < o->n; x++)
    if (x != i && o->manual[x] < 0
        && list_index (o, x, b) < outcome_index (o, x)
        && rule_compare (o, b, x, i, NULL) < 0)
      return FALSE;
  return TRUE;
}

/* Depth-first search for a cycle through the edges a -> b; @state is 0
 * (not seen), 1 (on the path) or 2 (done). */
static gboolean
cycle_from (const Oracle *o, const gboolean *edge, int32_t a, int *state)
{
  state[a] = 1;
  for (int32_t b = 0; b < o->m; b++)
    if (edge[a * o->m + b]
        && (state[b] == 1 || (state[b] == 0 && cycle_from (o, edge, b, state))))
      return TRUE;
  state[a] = 2;
  return FALSE;
}

static void
check_cycle_left (Oracle *o)
{
  g_autofree gboolean *edge = g_new0 (gboolean, MAX (o->m * o->m, 1));
  g_autofree int *state = g_new0 (int, MAX (o->m, 1));
  for (int32_t i = 0; i < o->n; i++)
    {
      int32_t a = o->ob->outcomes[i].position;
      for (int32_t b = 0; a >= 0 && b < o->m; b++)
        edge[a * o->m + b] = edge[a * o->m + b] || top_desirer (o, i, b);
    }
  for (int32_t a = 0; a < o->m; a++)
    if (state[a] == 0 && cycle_from (o, edge, a, state))
      {
        report (o, SM_ORACLE_IMPROVEMENT, -1, a,
                ": a stable improvement cycle through it is left");
        return;
      }
}

static void
check_improvement (Oracle *o)
{
  if (!o->ob->cycles || o->ob->da_positions == NULL)
    return;
  g_autofree int32_t *before = g_new0 (int32_t, MAX (o->m, 1));
  for (int32_t i = 0; i < o->n; i++)
    {
      int32_t was = o->ob->da_positions[i], now = o->ob->outcomes[i].position;
      if (was >= 0)
        before[was]++;
      if (list_index (o, i, now) > list_index (o, i, was))
        report (o, SM_ORACLE_IMPROVEMENT, i, now,
                ": is worse off than without the cycles");
      gboolean fixed = o->manual[i] >= 0 || was < 0
                       || (was >= 0 && o->pos_org[was] == o->default_org)
                       || (now >= 0 && o->pos_org[now] == o->default_org);
      if (fixed && was != now)
        report (o, SM_ORACLE_IMPROVEMENT, i, now,
                ": moved by the cycles from a manual placement or a position "
                "of the default organisation");
    }
  for (int32_t j = 0; j < o->m; j++)
    if (before[j] != o->held[j])
      report (o, SM_ORACLE_IMPROVEMENT, -1, j,
              ": holds %d people, %d without the cycles", (int) o->held[j],
              (int) before[j]);
  check_cycle_left (o);
}

/* ---- running every check ------------------------------------------------- */

static void
oracle_clear (Oracle *o)
{
  for (int32_t i = 0; i < o->n; i++)
    {
      if (o->apps != NULL && o->apps[i] != NULL)
        g_array_unref (o->apps[i]);
      if (o->list != NULL && o->list[i] != NULL)
        g_array_unref (o->list[i]);
    }
  g_free (o->emp);
  g_free (o->pos);
  g_free (o->app);
  g_free (o->pos_org);
  g_free (o->pos_unit);
  g_free (o->emp_unit);
  g_free (o->rule);
  g_free (o->manual);
  g_free (o->manual_order);
  g_free (o->n_manual);
  g_free (o->own);
  g_free (o->apps);
  g_free (o->app_of);
  g_free (o->fit);
  g_free (o->list);
  g_free (o->candidate);
  g_free (o->n_candidates);
  g_free (o->place);
  g_free (o->held);
  g_free (o->worst);
  g_free (o->last);
  g_free (o->contender);
  g_free (o->n_contenders);
  g_free (o->reflected);
  g_free (o->cap);
  g_free (o->group_rank);
  g_free (o->target);
  g_free (o->org_count);
}

/* ---- checks LOT and DRAW ----------------------------------------------------
 * Rules enforced (explain.h, sm_placement_get_refusal_lots() and
 * sm_placement_depends_on_lot()): the lottery numbers are drawn by the
 * published formula, written again here; ties under a rule are in the
 * order of the numbers, lower first (where the rule orders a position);
 * a refusal gives numbers exactly when the lot decided it, the
 * employee's and the last admitted person's; an outcome depended on the
 * draw exactly when the person lost one or holds a seat ahead of a tied
 * candidate whose refusal there the lot decided. */

static uint64_t
splitmix_final (uint64_t x)
{
  x += UINT64_C (0x9e3779b97f4a7c15);
  x = (x ^ (x >> 30)) * UINT64_C (0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * UINT64_C (0x94d049bb133111eb);
  return x ^ (x >> 31);
}

/* FNV-1a of @text and its terminating zero, continuing from @hash. */
static uint64_t
fnv_bytes (uint64_t hash, const char *text)
{
  size_t n = strlen (text) + 1;
  for (size_t k = 0; k < n; k++)
    hash = (hash ^ (unsigned char) text[k]) * UINT64_C (0x100000001b3);
  return hash;
}

static uint64_t
oracle_lot (const Oracle *o, int32_t i, int32_t j)
{
  uint64_t hash = UINT64_C (0xcbf29ce484222325);
  if (sm_scenario_get_tie_breaking (o->s) == SM_TIE_BREAKING_PER_POSITION)
    hash = fnv_bytes (hash, o->pos[j].id);
  hash = fnv_bytes (hash, o->emp[i].id);
  return splitmix_final (splitmix_final (sm_scenario_get_seed (o->s)) ^ hash);
}

/* Ties in each order the rule makes are in lottery order. */
static void
check_tie_order (Oracle *o)
{
  for (int32_t j = 0; j < o->m; j++)
    {
      const GArray *order = o->ob->orders[j];
      if (o->reflected[j])
        continue;
      for (guint k = 0; k + 1 < order->len; k++)
        {
          int32_t a = g_array_index (order, int32_t, k);
          int32_t b = g_array_index (order, int32_t, k + 1);
          if (a < 0 || a >= o->n || b < 0 || b >= o->n || o->manual[a] >= 0
              || o->manual[b] >= 0 || rule_compare (o, j, a, b, NULL) != 0
              || oracle_lot (o, a, j) <= oracle_lot (o, b, j))
            continue;
          report (o, SM_ORACLE_LOT, a, j,
                  " is ahead of %s in a tie, but has the higher lottery "
                  "number",
                  o->emp[b].id);
        }
    }
}

/* The refusal of @i at position @j (an explained one) is the lot's. */
static gboolean
lot_refused (const Oracle *o, int32_t i, int32_t j, int32_t preference)
{
  guint filters;
  int also;
  SmRefusal want = true_refusal (o, i, j, preference, &filters, &also);
  return want.reason == SM_REASON_FULL && want.criterion == SM_DECIDED_BY_LOT;
}

/* The refusal of @i at position @j is a draw's: the lot's, or the lot's
 * and the improvement cycles'. */
static gboolean
draw_refused (const Oracle *o, int32_t i, int32_t j, int32_t preference)
{
  guint filters;
  int also;
  SmRefusal want = true_refusal (o, i, j, preference, &filters, &also);
  return want.reason == SM_REASON_FULL
         && (want.criterion == SM_DECIDED_BY_LOT
             || want.criterion == SM_DECIDED_BY_CYCLES);
}

static void
check_refusal_lots (Oracle *o, int32_t i)
{
  const GArray *got = o->ob->refusals[i];
  for (guint k = 0; k < got->len && k < o->ob->lots[i]->len; k++)
    {
      const SmRefusal *r = &g_array_index (got, SmRefusal, k);
      const SmOracleLots *l = &g_array_index (o->ob->lots[i], SmOracleLots, k);
      int32_t j = r->position;
      if (j < 0 || j >= o->m)
        continue;
      gboolean want = lot_refused (o, i, j, r->preference);
      if (want != l->decided)
        report (o, SM_ORACLE_LOT, i, j, ": lottery numbers %s; the lot %s",
                l->decided ? "given" : "not given",
                want ? "decided" : "did not decide");
      else if (want
               && (l->own != oracle_lot (o, i, j)
                   || l->cutoff != oracle_lot (o, o->last[j], j)))
        report (o, SM_ORACLE_LOT, i, j,
                ": lottery numbers %" G_GUINT64_FORMAT " and %" G_GUINT64_FORMAT
                "; drawn again they are %" G_GUINT64_FORMAT
                " and %" G_GUINT64_FORMAT,
                l->own, l->cutoff, oracle_lot (o, i, j),
                oracle_lot (o, o->last[j], j));
    }
}

/* Marks in @depends who lost a draw and who won one against them. */
static void
find_draws (const Oracle *o, gboolean *depends)
{
  for (int32_t i = 0; i < o->n; i++)
    {
      g_autoptr (GArray) pairs = positions_to_explain (o, i);
      for (guint k = 0; k < pairs->len; k++)
        {
          int32_t j = g_array_index (pairs, int32_t, 2 * k);
          if (!draw_refused (o, i, j,
                             g_array_index (pairs, int32_t, 2 * k + 1)))
            continue;
          depends[i] = TRUE;
          for (int32_t h = 0; h < o->n; h++)
            if (o->ob->outcomes[h].position == j && o->manual[h] < 0
                && rule_compare (o, j, h, i, NULL) == 0)
              depends[h] = TRUE;
        }
    }
}

static void
check_lots (Oracle *o)
{
  check_tie_order (o);
  for (int32_t i = 0; i < o->n; i++)
    check_refusal_lots (o, i);
  g_autofree gboolean *depends = g_new0 (gboolean, MAX (o->n, 1));
  find_draws (o, depends);
  for (int32_t i = 0; i < o->n; i++)
    if (depends[i] != o->ob->depends[i])
      report (o, SM_ORACLE_DRAW, i, -1,
              ": says the outcome %s on the draw; the truth is that it %s",
              o->ob->depends[i] ? "depended" : "did not depend",
              depends[i] ? "did" : "did not");
}

GPtrArray *
sm_oracle_check (const SmScenario *scenario, const SmOracleObserved *observed)
{
  g_return_val_if_fail (scenario != NULL && observed != NULL, NULL);
  Oracle o = { 0 };
  o.s = scenario;
  o.ob = observed;
  o.n = sm_scenario_get_n_employees (scenario);
  o.m = sm_scenario_get_n_positions (scenario);
  o.findings = g_ptr_array_new_with_free_func (finding_free);
  o.reference = sm_scenario_get_reference_date (scenario);
  sm_scenario_get_reduction (scenario, &o.reduction, &o.band_years);
  if (o.n != observed->n_employees || o.m != observed->n_positions)
    {
      report (&o, SM_ORACLE_OUTCOME, -1, -1,
              "the placement is of another size than the scenario");
      return o.findings;
    }
  read_positions (&o);
  read_people (&o);
  o.own = g_new (int32_t, MAX (o.n, 1));
  for (int32_t i = 0; i < o.n; i++)
    o.own[i] = own_position (&o, i);
  read_groups (&o);
  check_lists (&o);
  check_outcomes (&o);
  find_reflected (&o);
  check_orders (&o);
  find_cutoffs (&o);
  check_lottery (&o);
  check_stability (&o);
  check_reflection (&o);
  check_refusals (&o);
  check_position_results (&o);
  check_lots (&o);
  check_improvement (&o);
  oracle_clear (&o);
  return o.findings;
}

/* An oracle that knows the scenario's rules and facts only. */
struct _SmOracleRules {
  Oracle o;
};

SmOracleRules *
sm_oracle_rules_new (const SmScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, NULL);
  SmOracleRules *rules = g_new0 (SmOracleRules, 1);
  Oracle *o = &rules->o;
  o->s = scenario;
  o->n = sm_scenario_get_n_employees (scenario);
  o->m = sm_scenario_get_n_positions (scenario);
  o->reference = sm_scenario_get_reference_date (scenario);
  read_positions (o);
  read_people (o);
  return rules;
}

void
sm_oracle_rules_free (SmOracleRules *rules)
{
  if (rules == NULL)
    return;
  oracle_clear (&rules->o);
  g_free (rules);
}

int
sm_oracle_rules_compare (const SmOracleRules *rules, int32_t position,
                         int32_t a, int32_t b, int32_t *deciding_out)
{
  g_return_val_if_fail (rules != NULL, 0);
  return rule_compare (&rules->o, position, a, b, deciding_out);
}

int
sm_oracle_rule_compare (const SmScenario *scenario, int32_t position, int32_t a,
                        int32_t b, int32_t *deciding_out)
{
  g_return_val_if_fail (scenario != NULL, 0);
  g_autoptr (SmOracleRules) rules = sm_oracle_rules_new (scenario);
  return sm_oracle_rules_compare (rules, position, a, b, deciding_out);
}
