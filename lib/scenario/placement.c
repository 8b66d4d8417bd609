/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the placement, a scenario's matching mapped back to people.
 *
 * sm_scenario_place() compiles the scenario (compile.c), runs
 * employee-proposing deferred acceptance on the market (flexible under
 * headcount caps) and reads the matching back: since the market keeps the
 * scenario's indices, an employee's market position is their scenario
 * position, and SM_DEFAULT means supernumerary in the default
 * organisation. Every employee gets exactly one outcome, so headcounts
 * always add up to the number of employees.
 *
 * With the reflection principle (SM_REDUCTION_REFLECTION) a second stage
 * decides who keeps the places of a function at the default organisation.
 * The own-function position comes last in every list, just before the
 * default, so nobody who reaches it ever proposes to a receiving
 * organisation again, and whatever it does cannot change who is placed at
 * a receiving organisation. The first solve therefore settles those, and
 * the candidates still in the running for each function are known: those
 * held by its position or left at the default. Where they outnumber the
 * places, reflection.c chooses the keepers, the position's priority order
 * becomes keepers first, then the others, and the market is solved again.
 * The result is the stable matching of that final market (which is what
 * market.txt shows), identical at the receiving organisations to the
 * first solve: a supernumerary's claim on a place of their function is
 * answered by the reflection principle, which the scenario chose, instead
 * of by the rule.
 *
 * The placement holds a reference to the scenario, which stays frozen
 * (no adds) while the placement lives (sm_scenario__hold), and owns the
 * market and the matching.
 */
#include <staffmatch/placement.h>

#include <staffmatch/error.h>
#include <staffmatch/solve.h>

#include "scenario/compile-private.h"
#include "scenario/lottery-private.h"
#include "scenario/placement-private.h"
#include "scenario/reflection-private.h"
#include "scenario/scenario-private.h"

void
sm_placement_free (SmPlacement *placement)
{
  if (placement == NULL)
    return;
  sm_scenario__release (placement->scenario);
  sm_market_unref (placement->market);
  sm_matching_free (placement->matching);
  sm_matching_free (placement->da_matching);
  g_free (placement->outcomes);
  g_free (placement->headcount);
  g_free (placement->reflected);
  g_free (placement);
}

/* The preference number the employee gave the position, or 0. */
static int32_t
preference_for (const SmScenario *scenario, int32_t employee, int32_t position)
{
  int32_t a = sm_scenario__find_application (scenario, employee, position);
  return a < 0 ? 0 : sm_scenario__application (scenario, a)->spec.preference;
}

/* The outcome of an employee whom the matching puts at @position. */
static void
read_outcome (const SmScenario *scenario, int32_t employee, int32_t position,
              SmEmployeeOutcome *out)
{
  const SmEmployeeRecord *e = sm_scenario__employee (scenario, employee);
  if (position == SM_DEFAULT)
    {
      /* A manual placement sits inside its target seats: never refused. */
      g_assert (e->manual < 0);
      out->status = SM_STATUS_SUPERNUMERARY;
      out->organisation = scenario->default_organisation;
      out->unit = e->unit;
      out->position = -1;
      out->preference = 0;
      return;
    }
  const SmPositionRecord *p = sm_scenario__position (scenario, position);
  out->organisation = p->organisation;
  out->unit = p->unit;
  out->position = position;
  out->preference = preference_for (scenario, employee, position);
  if (e->manual >= 0)
    out->status = SM_STATUS_MANUAL;
  else if (p->organisation == scenario->default_organisation)
    out->status = SM_STATUS_FOLLOWS_WORK;
  else
    out->status = SM_STATUS_PLACED;
}

static void
read_back (SmPlacement *placement)
{
  const SmScenario *s = placement->scenario;
  int32_t n = (int32_t) s->employees->len;
  placement->outcomes = g_new0 (SmEmployeeOutcome, MAX (n, 1));
  placement->headcount = g_new0 (int32_t, MAX (s->organisations->len, 1));
  for (int32_t i = 0; i < n; i++)
    {
      SmEmployeeOutcome *out = &placement->outcomes[i];
      read_outcome (s, i, sm_matching_get_position (placement->matching, i),
                    out);
      placement->headcount[out->organisation]++;
    }
}

/* ---- the reflection stage ---------------------------------------------- */

/* Position j's new order: manual placements, then the keepers, then the
 * other contenders, then everyone else, each in the rule's order. */
static GArray *
order_keepers_first (const SmScenario *s, const SmMarket *mk, int32_t j,
                     const GArray *contenders, const gboolean *keeper)
{
  int32_t len;
  const SmEdge *edges = sm_market_get_position_edges (mk, j, &len);
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (int32_t),
                                     (guint) len);
  g_autofree gboolean *contending = g_new0 (gboolean, s->employees->len);
  for (guint k = 0; k < contenders->len; k++)
    contending[g_array_index (contenders, int32_t, k)] = TRUE;
  for (int pass = 0; pass < 4; pass++)
    for (int32_t k = 0; k < len; k++)
      {
        int32_t i = edges[k].target;
        int group = sm_scenario__employee (s, i)->manual >= 0 ? 0
                    : !contending[i]                          ? 3
                    : keeper[i]                               ? 1
                                                              : 2;
        if (group == pass)
          g_array_append_val (order, i);
      }
  return order;
}

/* The candidates of default-organisation position j still in the running
 * (held by j or left at the default; manual placements aside), in the
 * position's order. */
static GArray *
contenders_of (const SmScenario *s, const SmMarket *mk, const SmMatching *mt,
               int32_t j)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int32_t));
  int32_t len;
  const SmEdge *edges = sm_market_get_position_edges (mk, j, &len);
  for (int32_t k = 0; k < len; k++)
    {
      int32_t i = edges[k].target, at = sm_matching_get_position (mt, i);
      if (sm_scenario__employee (s, i)->manual < 0
          && (at == j || at == SM_DEFAULT))
        g_array_append_val (out, i);
    }
  return out;
}

/* The reflection principle's candidates, in the order of @contenders,
 * with the lot of position j. (transfer full) */
static SmReflectionCandidate *
reflection_candidates (const SmScenario *s, const SmPlacementSettings *set,
                       int32_t j, const GArray *contenders)
{
  const SmPositionRecord *p = sm_scenario__position (s, j);
  int32_t n = (int32_t) contenders->len;
  SmReflectionCandidate *c = g_new (SmReflectionCandidate, MAX (n, 1));
  for (int32_t k = 0; k < n; k++)
    {
      const SmEmployeeRecord *e =
          sm_scenario__employee (s, g_array_index (contenders, int32_t, k));
      c[k].birth_date = e->spec.birth_date;
      c[k].service_start = e->spec.service_start;
      c[k].lot = sm_priority__lot (set->seed, set->tie_breaking, p->spec.id,
                                   e->spec.id);
    }
  return c;
}

/* Chooses the keepers among the contenders of position j; returns its new
 * priority order, or NULL when there are places for all. */
static GArray *
reflect_position (const SmScenario *s, const SmPlacementSettings *set,
                  const SmMarket *mk, const SmMatching *mt, int32_t j)
{
  const SmPositionRecord *p = sm_scenario__position (s, j);
  g_autoptr (GArray) contenders = contenders_of (s, mk, mt, j);
  int32_t places = p->spec.seats - p->n_manual, n = (int32_t) contenders->len;
  if (n <= places)
    return NULL;
  g_autofree SmReflectionCandidate *c = reflection_candidates (s, set, j,
                                                               contenders);
  g_autofree gboolean *keep = g_new (gboolean, n);
  g_autofree gboolean *keeper = g_new0 (gboolean, s->employees->len);
  sm_reflection__choose (c, n, places, set->reference_date, set->age_band_years,
                         keep);
  for (int32_t k = 0; k < n; k++)
    keeper[g_array_index (contenders, int32_t, k)] = keep[k];
  return order_keepers_first (s, mk, j, contenders, keeper);
}

/* The contenders of a reflected position are the same in the final
 * matching as after the first solve: the keepers are held by it, the
 * others are at the default, and everyone else kept what they had. So an
 * explanation can run the choice again with another number of places. */
gboolean
sm_placement__reflection_keeps (const SmPlacement *placement, int32_t position,
                                int32_t employee, int32_t places)
{
  const SmScenario *s = placement->scenario;
  g_autoptr (GArray) contenders = contenders_of (s, placement->market,
                                                 placement->matching, position);
  int32_t n = (int32_t) contenders->len, at = -1;
  for (int32_t k = 0; k < n; k++)
    if (g_array_index (contenders, int32_t, k) == employee)
      at = k;
  if (at < 0 || n <= places)
    return at >= 0;
  const SmPlacementSettings *set = &placement->settings;
  g_autofree SmReflectionCandidate *c = reflection_candidates (s, set, position,
                                                               contenders);
  g_autofree gboolean *keep = g_new (gboolean, n);
  sm_reflection__choose (c, n, MAX (places, 0), set->reference_date,
                         set->age_band_years, keep);
  return keep[at];
}

/* Runs the reflection stage on every position of the default
 * organisation; returns the new orders (NULL where unchanged) and sets
 * reflected[j], or returns NULL when nothing changes. */
static GArray **
reflection_orders (const SmScenario *s, const SmPlacementSettings *set,
                   const SmMarket *mk, const SmMatching *mt,
                   gboolean *reflected)
{
  int32_t m = (int32_t) s->positions->len;
  GArray **orders = g_new0 (GArray *, MAX (m, 1));
  gboolean any = FALSE;
  for (int32_t j = 0; j < m; j++)
    if (sm_scenario__position (s, j)->organisation == s->default_organisation)
      {
        orders[j] = reflect_position (s, set, mk, mt, j);
        reflected[j] = orders[j] != NULL;
        any = any || reflected[j];
      }
  if (!any)
    g_clear_pointer (&orders, g_free);
  return orders;
}

static void
free_orders (GArray **orders, int32_t m)
{
  for (int32_t j = 0; orders != NULL && j < m; j++)
    if (orders[j] != NULL)
      g_array_unref (orders[j]);
  g_free (orders);
}

/* Compiles and solves; with reflection, a second time with the chosen
 * keepers first. */
static gboolean
solve_scenario (SmPlacement *pl, SmSide side, GError **error)
{
  const SmScenario *s = pl->scenario;
  pl->reflected = g_new0 (gboolean, MAX (s->positions->len, 1));
  if (!sm_scenario__check_side (s, side, error))
    return FALSE;
  pl->market = sm_scenario__compile (s, error);
  pl->matching = pl->market != NULL ? sm_market_solve (pl->market, side, error)
                                    : NULL;
  if (pl->matching == NULL || pl->settings.reduction != SM_REDUCTION_REFLECTION)
    return pl->matching != NULL;
  GArray **orders = reflection_orders (s, &pl->settings, pl->market,
                                       pl->matching, pl->reflected);
  if (orders == NULL)
    return TRUE;
  g_clear_pointer (&pl->matching, sm_matching_free);
  g_clear_pointer (&pl->market, sm_market_unref);
  pl->market = sm_scenario__compile_with (s, orders, error);
  free_orders (orders, (int32_t) s->positions->len);
  pl->matching = pl->market != NULL
                     ? sm_market_solve (pl->market, SM_SIDE_EMPLOYEES, error)
                     : NULL;
  return pl->matching != NULL;
}

/* ---- stable improvement cycles ------------------------------------------ */

/* The lottery (lottery.c) draws the placement's seed again on a tied
 * market: its deferred acceptance is, employee for employee, the matching
 * solve_scenario() found (the reflection stage included), and the cycles
 * (improvement-cycles.c) then run on the tie classes it keeps. The final
 * market stays as deferred acceptance left it: the positions' orders,
 * ranks and cutoffs are still the rule's with the lot. */
static gboolean
improve (SmPlacement *pl, GError **error)
{
  const SmScenario *s = pl->scenario;
  int32_t n = (int32_t) s->employees->len;
  g_autoptr (SmLottery)
      lottery = sm_lottery__new (s, pl->settings.tie_breaking, error);
  if (lottery == NULL)
    return FALSE;
  g_autoptr (SmLotteryWorker) worker = sm_lottery_worker__new (lottery);
  if (worker == NULL)
    {
      g_set_error_literal (error, SM_ERROR, SM_ERROR_NO_MEMORY,
                           "Out of memory while preparing the improvement "
                           "cycles.");
      return FALSE;
    }
  sm_lottery__draw (lottery, worker, pl->settings.seed, FALSE);
  for (int32_t i = 0; i < n; i++)
    g_assert (sm_lottery__position_of (lottery, worker, i)
              == sm_matching_get_position (pl->matching, i));
  sm_tied_solver__improve (worker->solver);
  g_autofree int32_t *assignment = g_new (int32_t, MAX (n, 1));
  for (int32_t i = 0; i < n; i++)
    {
      assignment[i] = sm_lottery__position_of (lottery, worker, i);
      pl->n_improved += assignment[i]
                        != sm_matching_get_position (pl->matching, i);
    }
  SmMatching *improved = sm_matching_new_from_assignment (pl->market,
                                                          assignment, n, error);
  if (improved == NULL)
    return FALSE;
  pl->da_matching = g_steal_pointer (&pl->matching);
  pl->matching = improved;
  return TRUE;
}

SmPlacement *
sm_scenario_place (const SmScenario *scenario, GError **error)
{
  SmPlaceOptions options = SM_PLACE_OPTIONS_INIT;
  return sm_scenario_place_with (scenario, &options, error);
}

SmPlacement *
sm_scenario_place_with (const SmScenario *scenario,
                        const SmPlaceOptions *options, GError **error)
{
  g_return_val_if_fail (scenario != NULL && options != NULL, NULL);
  g_return_val_if_fail (options->version == SM_PLACE_OPTIONS_VERSION, NULL);
  g_return_val_if_fail (options->proposing == SM_SIDE_EMPLOYEES
                            || options->proposing == SM_SIDE_POSITIONS,
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr (SmPlacement) placement = g_new0 (SmPlacement, 1);
  placement->scenario = scenario;
  sm_scenario__hold (scenario);
  placement->settings = (SmPlacementSettings){
    .seed = scenario->seed,
    .tie_breaking = scenario->tie_breaking,
    .reference_date = scenario->reference_date,
    .reduction = scenario->reduction,
    .age_band_years = scenario->age_band_years,
    .improvement_cycles = scenario->improvement_cycles,
  };
  if (!sm_scenario__check_cycles_side (scenario, options->proposing, error)
      || !solve_scenario (placement, options->proposing, error))
    return NULL;
  if (placement->settings.improvement_cycles && !improve (placement, error))
    return NULL;
  read_back (placement);
  return g_steal_pointer (&placement);
}

const SmScenario *
sm_placement_get_scenario (const SmPlacement *placement)
{
  g_return_val_if_fail (placement != NULL, NULL);
  return placement->scenario;
}

const SmMarket *
sm_placement_get_market (const SmPlacement *placement)
{
  g_return_val_if_fail (placement != NULL, NULL);
  return placement->market;
}

const SmMatching *
sm_placement_get_matching (const SmPlacement *placement)
{
  g_return_val_if_fail (placement != NULL, NULL);
  return placement->matching;
}

gboolean
sm_placement_get_outcome (const SmPlacement *placement, int32_t employee,
                          SmEmployeeOutcome *outcome_out)
{
  g_return_val_if_fail (placement != NULL, FALSE);
  if (employee < 0 || (guint) employee >= placement->scenario->employees->len)
    return FALSE;
  if (outcome_out != NULL)
    *outcome_out = placement->outcomes[employee];
  return TRUE;
}

uint64_t
sm_placement_get_seed (const SmPlacement *placement)
{
  g_return_val_if_fail (placement != NULL, 0);
  return placement->settings.seed;
}

SmTieBreaking
sm_placement_get_tie_breaking (const SmPlacement *placement)
{
  g_return_val_if_fail (placement != NULL, SM_TIE_BREAKING_SINGLE);
  return placement->settings.tie_breaking;
}

gboolean
sm_placement_get_improvement_cycles (const SmPlacement *placement)
{
  g_return_val_if_fail (placement != NULL, FALSE);
  return placement->settings.improvement_cycles;
}

int32_t
sm_placement_get_n_improved (const SmPlacement *placement)
{
  g_return_val_if_fail (placement != NULL, 0);
  return placement->n_improved;
}

SmDate
sm_placement_get_reference_date (const SmPlacement *placement)
{
  g_return_val_if_fail (placement != NULL, (SmDate){ 0 });
  return placement->settings.reference_date;
}

void
sm_placement_get_reduction (const SmPlacement *placement,
                            SmReduction *reduction_out,
                            int32_t *age_band_years_out)
{
  g_return_if_fail (placement != NULL);
  if (reduction_out != NULL)
    *reduction_out = placement->settings.reduction;
  if (age_band_years_out != NULL)
    *age_band_years_out = placement->settings.age_band_years;
}

int32_t
sm_placement_get_n_placed_at (const SmPlacement *placement, int32_t position)
{
  g_return_val_if_fail (placement != NULL, 0);
  g_return_val_if_fail (position >= 0
                            && (guint) position
                                   < placement->scenario->positions->len,
                        0);
  int32_t n;
  sm_matching_get_held (placement->matching, position, &n);
  return n;
}

static gboolean
is_organisation (const SmPlacement *placement, int32_t organisation)
{
  return organisation >= 0
         && (guint) organisation < placement->scenario->organisations->len;
}

int32_t
sm_placement_get_headcount (const SmPlacement *placement, int32_t organisation)
{
  g_return_val_if_fail (placement != NULL, 0);
  g_return_val_if_fail (is_organisation (placement, organisation), 0);
  return placement->headcount[organisation];
}

int32_t
sm_placement_get_vacancies (const SmPlacement *placement, int32_t organisation)
{
  g_return_val_if_fail (placement != NULL, 0);
  g_return_val_if_fail (is_organisation (placement, organisation), 0);
  int32_t min = sm_scenario__organisation (placement->scenario, organisation)
                    ->spec.min_headcount;
  if (min < 0)
    return 0;
  return MAX (0, min - placement->headcount[organisation]);
}
