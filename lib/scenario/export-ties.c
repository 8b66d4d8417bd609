/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: a scenario's market with its tie classes (export-ties.h).
 *
 * The lottery of the simulation (lottery.c) already compiles a scenario
 * once and finds every entry's tie class by walking the compiled orders
 * and asking the rule where two neighbours differ. This file copies that
 * market into a new builder (seats, targets, groups, lists) and gives
 * each priority order its classes (sm_market_builder_set_tied_priorities()),
 * so the result is the compiled market plus its ties. Cost: one compile,
 * O(entries) rule comparisons and one more build; the copy is made once
 * per export, never per draw.
 */
#include <staffmatch/export-ties.h>

#include <staffmatch/error.h>

#include "scenario/lottery-private.h"

/* Seats, target seats and headcount groups of @mk into @b. */
static gboolean
copy_seats_and_groups (const SmMarket *mk, SmMarketBuilder *b, GError **error)
{
  for (int32_t j = 0; j < mk->n_positions; j++)
    if (!sm_market_builder_set_seats (b, j, mk->seats[j], error)
        || !sm_market_builder_set_target_seats (b, j, mk->target[j], error))
      return FALSE;
  for (int32_t g = 0; g < mk->n_groups; g++)
    {
      int32_t n = 0;
      const int32_t *positions = sm_market_get_group_positions (mk, g, &n);
      if (sm_market_builder_add_group (b, positions, (size_t) n,
                                       mk->group_cap[g], error)
          < 0)
        return FALSE;
    }
  return TRUE;
}

/* Position j's order of @mk with the classes of @tm into @b; @employees
 * and @classes have room for the longest order. */
static gboolean
copy_order (const SmTiedMarket *tm, int32_t j, int32_t *employees,
            int32_t *classes, SmMarketBuilder *b, GError **error)
{
  const SmMarket *mk = tm->market;
  int32_t first = mk->pos_off[j], len = mk->pos_off[j + 1] - first;
  for (int32_t r = 0; r < len; r++)
    {
      const SmEdge *e = &mk->pos_edges[first + r];
      employees[r] = e->target;
      classes[r] =
          (int32_t) tm->entries[mk->emp_off[e->target] + e->rank].tie_class;
    }
  return sm_market_builder_set_tied_priorities (b, j, employees, classes,
                                                (size_t) len, error);
}

static SmMarket *
copy_with_ties (const SmTiedMarket *tm, GError **error)
{
  const SmMarket *mk = tm->market;
  int32_t n = mk->n_employees, m = mk->n_positions, longest = 0;
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (n, m, error);
  if (b == NULL || !copy_seats_and_groups (mk, b, error)
      || !sm_market_builder_reserve (b, mk->emp_off[n], error))
    return NULL;
  g_autofree int32_t *list = g_new (int32_t, MAX (m, 1));
  for (int32_t i = 0; i < n; i++)
    {
      int32_t len = mk->emp_off[i + 1] - mk->emp_off[i];
      for (int32_t c = 0; c < len; c++)
        list[c] = mk->emp_edges[mk->emp_off[i] + c].target;
      if (!sm_market_builder_set_preferences (b, i, list, (size_t) len, error))
        return NULL;
    }
  for (int32_t j = 0; j < m; j++)
    longest = MAX (longest, mk->pos_off[j + 1] - mk->pos_off[j]);
  g_autofree int32_t *employees = g_new (int32_t, MAX (longest, 1));
  g_autofree int32_t *classes = g_new (int32_t, MAX (longest, 1));
  for (int32_t j = 0; j < m; j++)
    if (!copy_order (tm, j, employees, classes, b, error))
      return NULL;
  return sm_market_builder_build (b, error);
}

SmMarket *
sm_scenario_compile_with_ties (const SmScenario *scenario, GError **error)
{
  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autoptr (SmLottery)
      lot = sm_lottery__new (scenario, sm_scenario_get_tie_breaking (scenario),
                             error);
  if (lot == NULL)
    return NULL;
  return copy_with_ties (lot->tm, error);
}
