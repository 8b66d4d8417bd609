/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: compiling a scenario into a market.
 *
 * Employees and positions keep their scenario indices. Each employee's
 * list is, best first: their applications by preference, less those the
 * position's rule finds them ineligible for; then the default
 * organisation's position of their own function ("mens volgt werk"),
 * preferring the one in their own unit, whatever that position's filters
 * say (the person follows their work; its rule only ranks them there, and
 * explanations read eligibility from these lists, not from the filters).
 * The default organisation itself
 * is the market's outside option and is never listed. A manual placement
 * replaces the whole list by its one position.
 *
 * Each position ranks exactly the employees that list it: manual
 * placements first, in the order they were added (so nothing can displace
 * them), then the rest by the position's rule, the lottery settling what
 * the rule leaves tied. A receiving organisation with a headcount maximum
 * becomes a capped group of its positions in scenario order; its manual
 * placements count as target seats, so the cap can never push them out.
 *
 * Cost: O(entries log entries) for the sorts plus O(n * d) to find the
 * own-function positions, d the default organisation's positions.
 * Memory: the lists and the positions' candidates each in one array, and
 * room to rank the longest candidate list, made once per compile: the
 * allocations do not grow with the people (tests/test-allocations.c),
 * only with the logarithm of the entries, as arrays double.
 */
#include "scenario/compile-private.h"

#include <math.h>
#include <string.h>
#include <staffmatch/error.h>

#include "scenario/scenario-private.h"

/* A candidate being ranked: the manual ones carry their order. */
typedef struct {
  int32_t employee;
  int32_t manual; /* index of the manual placement, or -1 */
  SmCandidate facts;
} SmRankEntry;

int32_t
sm_scenario__find_application (const SmScenario *scenario, int32_t employee,
                               int32_t position)
{
  const int32_t *apps;
  int32_t n;
  sm_scenario__applications_of (scenario, employee, &apps, &n);
  for (int32_t k = 0; k < n; k++)
    if (sm_scenario__application (scenario, apps[k])->position == position)
      return apps[k];
  return -1;
}

/* Facts for the pair; @application may be -1 (no score, no distance). */
static void
fill_candidate (const SmScenario *scenario, int32_t employee, int32_t position,
                int32_t application, SmCandidate *c)
{
  const SmEmployeeSpec *e = &sm_scenario__employee (scenario, employee)->spec;
  const SmPositionSpec *p = &sm_scenario__position (scenario, position)->spec;

  c->fit = sm_scenario_get_fit (scenario, e->function_code, p->function_code);
  c->employee_grade = e->grade;
  c->position_grade = p->grade;
  c->committee_score = NAN;
  c->travel_km = -1.0;
  if (application >= 0)
    {
      const SmApplicationSpec *a =
          &sm_scenario__application (scenario, application)->spec;
      c->committee_score = a->committee_score;
      c->travel_km = a->travel_km;
    }
  c->service_start = e->service_start;
  c->birth_date = e->birth_date;
  c->reference = scenario->reference_date;
  c->lot = sm_priority__lot (scenario->seed, scenario->tie_breaking, p->id,
                             e->id);
  c->employee_id = e->id;
}

void
sm_scenario__candidate (const SmScenario *scenario, int32_t employee,
                        int32_t position, SmCandidate *candidate_out)
{
  g_return_if_fail (scenario != NULL && candidate_out != NULL);
  fill_candidate (scenario, employee, position,
                  sm_scenario__find_application (scenario, employee, position),
                  candidate_out);
}

static gboolean
is_eligible (const SmScenario *scenario, int32_t employee, int32_t application)
{
  int32_t position = sm_scenario__application (scenario, application)->position;
  SmCandidate c;
  fill_candidate (scenario, employee, position, application, &c);
  return sm_priority__check_eligibility (sm_scenario__rule_of (scenario,
                                                               position),
                                         &c,
                                         sm_scenario__position (scenario,
                                                                position)
                                             ->spec.qualifications,
                                         sm_scenario__employee (scenario,
                                                                employee)
                                             ->spec.qualifications)
         == SM_ELIGIBLE;
}

/* The default organisation's position of the employee's function: the
 * one in their own unit, else the first; -1 when there is none. */
static int32_t
own_function_position (const SmScenario *scenario, const GArray *defaults,
                       int32_t employee)
{
  const SmEmployeeRecord *e = sm_scenario__employee (scenario, employee);
  int32_t first = -1;
  for (guint k = 0; k < defaults->len; k++)
    {
      int32_t j = g_array_index (defaults, int32_t, k);
      const SmPositionRecord *p = sm_scenario__position (scenario, j);
      if (strcmp (p->spec.function_code, e->spec.function_code) != 0)
        continue;
      if (p->unit == e->unit)
        return j;
      if (first < 0)
        first = j;
    }
  return first;
}

/* Appends the employee's market list to @lists (int32_t). */
static void
employee_list (const SmScenario *scenario, const GArray *defaults,
               int32_t employee, GArray *lists)
{
  const SmEmployeeRecord *e = sm_scenario__employee (scenario, employee);
  if (e->manual >= 0)
    {
      int32_t j = sm_scenario__manual_placement (scenario, e->manual)->position;
      g_array_append_val (lists, j);
      return;
    }
  const int32_t *apps;
  int32_t n;
  sm_scenario__applications_of (scenario, employee, &apps, &n);
  for (int32_t k = 0; k < n; k++)
    {
      int32_t j = sm_scenario__application (scenario, apps[k])->position;
      if (is_eligible (scenario, employee, apps[k]))
        g_array_append_val (lists, j);
    }
  int32_t own = own_function_position (scenario, defaults, employee);
  if (own >= 0)
    g_array_append_val (lists, own);
}

/* Every position's candidates, the employees that list it, in ascending
 * order: position j's are employees[off[j] .. off[j+1]). One array for
 * all, so that compiling allocates the same few blocks however many
 * people and applications there are. */
typedef struct {
  int32_t *off;       /* m + 1 */
  int32_t *employees; /* entries */
  int32_t most;       /* the largest number of candidates of a position */
} Candidates;

static void
candidates_clear (Candidates *c)
{
  g_clear_pointer (&c->off, g_free);
  g_clear_pointer (&c->employees, g_free);
}

/* Gathers @c from the employees' lists, lists[starts[i] .. starts[i+1]),
 * by counting: a count per position, their running sums, then each
 * employee in turn into the positions it lists. */
static void
candidates_gather (Candidates *c, int32_t n, int32_t m, const int32_t *lists,
                   const int32_t *starts)
{
  c->off = g_new0 (int32_t, (size_t) m + 1);
  c->employees = g_new (int32_t, MAX ((size_t) starts[n], 1));
  for (int32_t k = 0; k < starts[n]; k++)
    c->off[lists[k] + 1]++;
  c->most = 0;
  for (int32_t j = 0; j < m; j++)
    {
      c->most = MAX (c->most, c->off[j + 1]);
      c->off[j + 1] += c->off[j];
    }
  /* off[j] serves as position j's write cursor, then is shifted back. */
  for (int32_t i = 0; i < n; i++)
    for (int32_t k = starts[i]; k < starts[i + 1]; k++)
      c->employees[c->off[lists[k]]++] = i;
  for (int32_t j = m; j > 0; j--)
    c->off[j] = c->off[j - 1];
  c->off[0] = 0;
}

/* Sets every employee's list and gathers each position's candidates in
 * @candidates. */
static gboolean
set_employee_lists (const SmScenario *scenario, SmMarketBuilder *builder,
                    Candidates *candidates, GError **error)
{
  int32_t n = (int32_t) scenario->employees->len;
  int32_t m = (int32_t) scenario->positions->len;
  g_autoptr (GArray) defaults = g_array_new (FALSE, FALSE, sizeof (int32_t));
  for (int32_t j = 0; j < m; j++)
    if (sm_scenario__position (scenario, j)->organisation
        == scenario->default_organisation)
      g_array_append_val (defaults, j);

  g_autoptr (GArray)
      lists = g_array_sized_new (FALSE, FALSE, sizeof (int32_t), (guint) n + 1);
  g_autofree int32_t *starts = g_new (int32_t, (size_t) n + 1);
  for (int32_t i = 0; i < n; i++)
    {
      starts[i] = (int32_t) lists->len;
      employee_list (scenario, defaults, i, lists);
      if (!sm_market_builder_set_preferences (builder, i,
                                              &g_array_index (lists, int32_t,
                                                              starts[i]),
                                              lists->len - (guint) starts[i],
                                              error))
        return FALSE;
    }
  starts[n] = (int32_t) lists->len;
  candidates_gather (candidates, n, m, (const int32_t *) lists->data, starts);
  return TRUE;
}

/* Manual placements first in the order added, then the rule. */
static gint
compare_entries (gconstpointer pa, gconstpointer pb, gpointer rule)
{
  const SmRankEntry *a = pa, *b = pb;
  if (a->manual >= 0 || b->manual >= 0)
    {
      if (a->manual < 0)
        return 1;
      if (b->manual < 0)
        return -1;
      return a->manual < b->manual ? -1 : a->manual > b->manual;
    }
  return sm_priority__compare (rule, &a->facts, &b->facts, NULL);
}

/* Room to rank the candidates of any one position, allocated once. */
typedef struct {
  SmRankEntry *entries;
  int32_t *order;
} RankScratch;

/* Ranks the position's candidates and hands the order to the builder. */
static gboolean
set_position_order (const SmScenario *scenario, SmMarketBuilder *builder,
                    int32_t position, const Candidates *candidates,
                    RankScratch *scratch, const GArray *override,
                    GError **error)
{
  if (override != NULL)
    return sm_market_builder_set_priorities (builder, position,
                                             (const int32_t *) override->data,
                                             override->len, error);
  const int32_t *cands = candidates->employees + candidates->off[position];
  guint n = (guint) (candidates->off[position + 1] - candidates->off[position]);
  SmRankEntry *entries = scratch->entries;
  for (guint k = 0; k < n; k++)
    {
      int32_t i = cands[k];
      entries[k].employee = i;
      entries[k].manual = sm_scenario__employee (scenario, i)->manual;
      sm_scenario__candidate (scenario, i, position, &entries[k].facts);
    }
  gpointer rule = (gpointer) sm_scenario__rule_of (scenario, position);
#if GLIB_CHECK_VERSION(2, 82, 0)
  g_sort_array (entries, n, sizeof (SmRankEntry), compare_entries, rule);
#else
  g_qsort_with_data (entries, (gint) n, sizeof (SmRankEntry), compare_entries,
                     rule);
#endif
  for (guint k = 0; k < n; k++)
    scratch->order[k] = entries[k].employee;
  return sm_market_builder_set_priorities (builder, position, scratch->order, n,
                                           error);
}

/* The position's target seats: its own, raised to its manual placements. */
static int32_t
position_target (const SmPositionRecord *p)
{
  return sm_scenario__position_target (p);
}

/* Makes the organisation's positions a capped group if it has a maximum. */
static gboolean
add_cap (const SmScenario *scenario, SmMarketBuilder *builder,
         int32_t organisation, GError **error)
{
  const SmOrganisationRecord *o = sm_scenario__organisation (scenario,
                                                             organisation);
  if (o->spec.kind != SM_ORGANISATION_KIND_RECEIVING
      || o->spec.max_headcount < 0)
    return TRUE;
  g_autoptr (GArray) group = g_array_new (FALSE, FALSE, sizeof (int32_t));
  for (int32_t j = 0; j < (int32_t) scenario->positions->len; j++)
    {
      const SmPositionRecord *p = sm_scenario__position (scenario, j);
      if (p->organisation != organisation)
        continue;
      g_array_append_val (group, j);
      if (!sm_market_builder_set_target_seats (builder, j, position_target (p),
                                               error))
        return FALSE;
    }
  if (!sm_scenario__check_cap (scenario, organisation, error))
    return FALSE;
  if (group->len == 0)
    return TRUE;
  return sm_market_builder_add_group (builder, (const int32_t *) group->data,
                                      group->len, o->spec.max_headcount, error)
         >= 0;
}

static gboolean
set_positions (const SmScenario *scenario, SmMarketBuilder *builder,
               const Candidates *candidates, GArray *const *overrides,
               GError **error)
{
  int32_t m = (int32_t) scenario->positions->len;
  size_t most = MAX ((size_t) candidates->most, 1);
  g_autofree SmRankEntry *entries = g_new (SmRankEntry, most);
  g_autofree int32_t *order = g_new (int32_t, most);
  RankScratch scratch = { entries, order };
  for (int32_t j = 0; j < m; j++)
    {
      const GArray *override = overrides != NULL ? overrides[j] : NULL;
      if (!sm_market_builder_set_seats (builder, j,
                                        sm_scenario__position (scenario, j)
                                            ->spec.seats,
                                        error)
          || !set_position_order (scenario, builder, j, candidates, &scratch,
                                  override, error))
        return FALSE;
    }
  for (guint o = 0; o < scenario->organisations->len; o++)
    if (!add_cap (scenario, builder, (int32_t) o, error))
      return FALSE;
  return TRUE;
}

SmMarket *
sm_scenario__compile (const SmScenario *scenario, GError **error)
{
  return sm_scenario__compile_with (scenario, NULL, error);
}

SmMarket *
sm_scenario__compile_with (const SmScenario *scenario, GArray *const *overrides,
                           GError **error)
{
  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!sm_scenario__check_default_organisation (scenario, error))
    return NULL;
  int32_t n = (int32_t) scenario->employees->len;
  int32_t m = (int32_t) scenario->positions->len;
  g_autoptr (SmMarketBuilder) builder = sm_market_builder_new (n, m, error);
  if (builder == NULL)
    return NULL;
  Candidates candidates = { NULL, NULL, 0 };
  gboolean ok = set_employee_lists (scenario, builder, &candidates, error)
                && set_positions (scenario, builder, &candidates, overrides,
                                  error);
  candidates_clear (&candidates);
  if (!ok)
    return NULL;
  return sm_market_builder_build (builder, error);
}
