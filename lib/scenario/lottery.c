/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: a scenario's lottery, compiled once and drawn many times.
 *
 * Building: the scenario is compiled once (compile.c), with whatever seed
 * it has. Each position's compiled order is the rule's order with ties
 * broken by that seed's lottery, and since the rule compares its criteria
 * first and the lot only after them, the employees a rule leaves tied sit
 * next to each other in it. Walking the order once and asking the rule
 * whether each candidate differs from the one before on some criterion
 * gives the tie classes; manual placements, which come first in the order
 * added, get a class each. Beside every list entry go the class and the
 * hash of the identifiers from which sm_priority__lot() makes the lottery
 * number, and every employee gets the rank of their identifier (the
 * rule's last resort should two lots collide). Cost: one compile plus
 * O(entries) rule comparisons, O(entries) hashes and an O(n log n) sort.
 *
 * Drawing (one thread's worker, no allocation): deferred acceptance on
 * the tied market with the draw's lottery (tied-market.c). With the
 * reflection principle, the second stage of placement.c follows: for each
 * position of the default organisation whose contenders (its candidates
 * held by it or left at the default, manual placements aside) outnumber
 * its places, sm_reflection__choose() picks the keepers with the draw's
 * lots; the position then ranks manual placements, keepers, the other
 * contenders and everyone else, in that order and each in the rule's
 * order, which is exactly a boost of 0, 1, 2, 3 in front of the key; and
 * the market is solved again. Every employee lists at most one position
 * of the default organisation, so one boost per employee suffices.
 * Improvement cycles, when asked for, come last (improvement-cycles.c).
 */
#include "scenario/lottery-private.h"

#include <string.h>
#include <staffmatch/solve.h>

#include "scenario/compile-private.h"
#include "scenario/scenario-private.h"

/* Sets the tie class of every entry of position j's order. */
static void
set_tie_classes (const SmScenario *s, SmTiedMarket *tm, int32_t j)
{
  const SmMarket *mk = tm->market;
  const SmPriorityRule *rule = sm_scenario__rule_of (s, j);
  SmCandidate facts[2];
  int32_t tie_class = -1;
  gboolean previous_manual = TRUE;
  for (int32_t k = mk->pos_off[j]; k < mk->pos_off[j + 1]; k++)
    {
      int32_t i = mk->pos_edges[k].target, deciding = 0;
      gboolean manual = sm_scenario__employee (s, i)->manual >= 0;
      SmCandidate *now = &facts[k & 1], *before = &facts[(k & 1) ^ 1];
      sm_scenario__candidate (s, i, j, now);
      if (!manual && !previous_manual)
        sm_priority__compare (rule, before, now, &deciding);
      if (deciding >= 0)
        tie_class++;
      previous_manual = manual;
      SmTiedEntry *e = &tm->entries[mk->emp_off[i] + mk->pos_edges[k].rank];
      e->tie_class = (uint32_t) tie_class;
    }
  tm->n_classes[j] = tie_class + 1;
}

static gint
compare_ids (gconstpointer a, gconstpointer b, gpointer scenario)
{
  const SmScenario *s = scenario;
  return strcmp (sm_scenario__employee (s, *(const int32_t *) a)->spec.id,
                 sm_scenario__employee (s, *(const int32_t *) b)->spec.id);
}

/* Ranks the employees by identifier, byte by byte, as the rule does. */
static void
set_id_ranks (const SmScenario *s, SmTiedMarket *tm)
{
  int32_t n = tm->market->n_employees;
  g_autofree int32_t *order = g_new (int32_t, MAX (n, 1));
  for (int32_t i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (int32_t), compare_ids, (gpointer) s);
  for (int32_t k = 0; k < n; k++)
    tm->id_rank[order[k]] = (uint32_t) k;
}

static void
set_entries (const SmScenario *s, SmTiedMarket *tm, SmTieBreaking tb)
{
  const SmMarket *mk = tm->market;
  for (int32_t i = 0; i < mk->n_employees; i++)
    for (int32_t slot = mk->emp_off[i]; slot < mk->emp_off[i + 1]; slot++)
      {
        int32_t j = mk->emp_edges[slot].target;
        tm->entries[slot].position = j;
        tm->entries[slot].hash =
            sm_priority__lot_hash (tb, sm_scenario__position (s, j)->spec.id,
                                   sm_scenario__employee (s, i)->spec.id);
      }
  for (int32_t j = 0; j < mk->n_positions; j++)
    set_tie_classes (s, tm, j);
  set_id_ranks (s, tm);
}

/* What the reflection stage needs: places, dates, who may reduce. */
static void
set_reflection (const SmScenario *s, SmLottery *lot)
{
  const SmMarket *mk = lot->tm->market;
  int32_t n = mk->n_employees, m = mk->n_positions;
  lot->places = g_new0 (int32_t, MAX (m, 1));
  lot->reflect = g_new0 (int32_t, MAX (m, 1));
  lot->facts = g_new0 (SmReflectionCandidate, MAX (n, 1));
  lot->manual = g_new0 (uint8_t, MAX (n, 1));
  for (int32_t i = 0; i < n; i++)
    {
      const SmEmployeeRecord *e = sm_scenario__employee (s, i);
      lot->facts[i].birth_date = e->spec.birth_date;
      lot->facts[i].service_start = e->spec.service_start;
      lot->manual[i] = e->manual >= 0;
    }
  for (int32_t j = 0; j < m; j++)
    {
      const SmPositionRecord *p = sm_scenario__position (s, j);
      int32_t len = mk->pos_off[j + 1] - mk->pos_off[j];
      lot->places[j] = p->spec.seats - p->n_manual;
      lot->max_candidates = MAX (lot->max_candidates, len);
      if (lot->reduction == SM_REDUCTION_REFLECTION
          && p->organisation == s->default_organisation
          && len - p->n_manual > lot->places[j])
        lot->reflect[lot->n_reflect++] = j;
    }
}

SmLottery *
sm_lottery__new (const SmScenario *scenario, SmTieBreaking tie_breaking,
                 GError **error)
{
  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autoptr (SmMarket) market = sm_scenario__compile (scenario, error);
  if (market == NULL)
    return NULL;
  g_autoptr (SmLottery) lot = g_new0 (SmLottery, 1);
  lot->tm = sm_tied_market__new (market);
  lot->tie_breaking = tie_breaking;
  lot->reduction = scenario->reduction;
  lot->reference_date = scenario->reference_date;
  lot->age_band_years = scenario->age_band_years;
  set_entries (scenario, lot->tm, tie_breaking);
  set_reflection (scenario, lot);
  return g_steal_pointer (&lot);
}

void
sm_lottery__free (SmLottery *lot)
{
  if (lot == NULL)
    return;
  sm_tied_market__free (lot->tm);
  g_free (lot->reflect);
  g_free (lot->places);
  g_free (lot->facts);
  g_free (lot->manual);
  g_free (lot);
}

SmLotteryWorker *
sm_lottery_worker__new (const SmLottery *lot)
{
  return sm_lottery_worker__new_for (lot, TRUE);
}

SmLotteryWorker *
sm_lottery_worker__new_for (const SmLottery *lot, gboolean improve)
{
  g_autoptr (SmLotteryWorker) w = g_new0 (SmLotteryWorker, 1);
  size_t len = (size_t) lot->max_candidates + 1;
  w->solver = sm_tied_solver__new_for (lot->tm, improve);
  w->contenders = g_try_new (int32_t, len);
  w->cand = g_try_new (SmReflectionCandidate, len);
  w->keep = g_try_new (gboolean, len);
  if (!w->solver || !w->contenders || !w->cand || !w->keep)
    return NULL;
  w->boosted = TRUE; /* the solver's boosts are not known to be clear */
  return g_steal_pointer (&w);
}

void
sm_lottery_worker__free (SmLotteryWorker *w)
{
  if (w == NULL)
    return;
  sm_tied_solver__free (w->solver);
  g_free (w->contenders);
  g_free (w->cand);
  g_free (w->keep);
  g_free (w);
}

/* Position j's contenders after the first solve, in its order, each
 * with the draw's lot at j; marks everyone j ranks with boost 0 (manual),
 * 2 (contender) or 3 (not in the running). Returns how many contend. */
static int32_t
find_contenders (const SmLottery *lot, SmLotteryWorker *w, int32_t j)
{
  const SmMarket *mk = lot->tm->market;
  SmTiedSolver *s = w->solver;
  int32_t n = 0;
  for (int32_t k = mk->pos_off[j]; k < mk->pos_off[j + 1]; k++)
    {
      int32_t i = mk->pos_edges[k].target;
      int32_t slot = mk->emp_off[i] + mk->pos_edges[k].rank;
      gboolean running = s->next[i] == slot || s->next[i] == mk->emp_off[i + 1];
      s->boost[i] = lot->manual[i] ? 0 : running ? 2 : 3;
      if (lot->manual[i] || !running)
        continue;
      w->contenders[n] = i;
      w->cand[n] = lot->facts[i];
      w->cand[n].lot = sm_priority__lot_draw (s->mixed_seed,
                                              lot->tm->entries[slot].hash);
      n++;
    }
  return n;
}

/* The reflection stage at position j; whether it reorders j. */
static gboolean
reflect_position (const SmLottery *lot, SmLotteryWorker *w, int32_t j)
{
  int32_t n = find_contenders (lot, w, j), places = lot->places[j];
  if (n <= places)
    return FALSE;
  sm_reflection__choose (w->cand, n, places, lot->reference_date,
                         lot->age_band_years, w->keep);
  for (int32_t k = 0; k < n; k++)
    w->solver->boost[w->contenders[k]] = w->keep[k] ? 1 : 2;
  w->solver->boosted[j] = 1;
  return TRUE;
}

void
sm_lottery__draw (const SmLottery *lot, SmLotteryWorker *w, uint64_t seed,
                  gboolean improve)
{
  uint64_t mixed = sm_priority__mix64 (seed);
  if (w->boosted)
    sm_tied_solver__clear_boosts (w->solver);
  w->boosted = FALSE;
  sm_tied_solver__solve (w->solver, mixed);
  gboolean again = FALSE;
  for (int32_t k = 0; k < lot->n_reflect; k++)
    again = reflect_position (lot, w, lot->reflect[k]) || again;
  w->boosted = again;
  if (again)
    sm_tied_solver__solve (w->solver, mixed);
  if (improve)
    {
      g_assert (w->solver->edge_slot != NULL);
      sm_tied_solver__improve (w->solver);
    }
}

int32_t
sm_lottery__position_of (const SmLottery *lot, const SmLotteryWorker *w,
                         int32_t employee)
{
  const SmMarket *mk = lot->tm->market;
  int32_t slot = w->solver->next[employee];
  return slot == mk->emp_off[employee + 1] ? SM_DEFAULT
                                           : lot->tm->entries[slot].position;
}
