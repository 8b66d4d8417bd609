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
 * The placement borrows the scenario, which must outlive it, and owns the
 * market and the matching.
 */
#include <staffmatch/placement.h>

#include <staffmatch/error.h>
#include <staffmatch/solve.h>

#include "compile-private.h"
#include "scenario-private.h"

struct _SmPlacement {
  const SmScenario *scenario;   /* borrowed */
  SmMarket *market;
  SmMatching *matching;
  SmEmployeeOutcome *outcomes;  /* per employee */
  int32_t *headcount;           /* per organisation */
};

void
sm_placement_free (SmPlacement *placement)
{
  if (placement == NULL)
    return;
  sm_market_unref (placement->market);
  sm_matching_free (placement->matching);
  g_free (placement->outcomes);
  g_free (placement->headcount);
  g_free (placement);
}

/* The preference number the employee gave the position, or 0. */
static int32_t
preference_for (const SmScenario *scenario, int32_t employee,
                int32_t position)
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
    out->status = SM_STATUS_APPLIED;
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

SmPlacement *
sm_scenario_place (const SmScenario *scenario, GError **error)
{
  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr (SmMarket) market = sm_scenario__compile (scenario, error);
  if (market == NULL)
    return NULL;
  g_autoptr (SmMatching) matching =
      sm_market_solve (market, SM_SIDE_EMPLOYEES, error);
  if (matching == NULL)
    return NULL;

  SmPlacement *placement = g_new0 (SmPlacement, 1);
  placement->scenario = scenario;
  placement->market = g_steal_pointer (&market);
  placement->matching = g_steal_pointer (&matching);
  read_back (placement);
  return placement;
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

void
sm_placement_get_outcome (const SmPlacement *placement, int32_t employee,
                          SmEmployeeOutcome *outcome_out)
{
  g_return_if_fail (placement != NULL && outcome_out != NULL);
  g_return_if_fail (employee >= 0
                    && (guint) employee
                           < placement->scenario->employees->len);
  *outcome_out = placement->outcomes[employee];
}

int32_t
sm_placement_get_n_placed_at (const SmPlacement *placement, int32_t position)
{
  g_return_val_if_fail (placement != NULL, 0);
  g_return_val_if_fail (position >= 0
                        && (guint) position
                               < placement->scenario->positions->len, 0);
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
sm_placement_get_headcount (const SmPlacement *placement,
                            int32_t organisation)
{
  g_return_val_if_fail (placement != NULL, 0);
  g_return_val_if_fail (is_organisation (placement, organisation), 0);
  return placement->headcount[organisation];
}

int32_t
sm_placement_get_vacancies (const SmPlacement *placement,
                            int32_t organisation)
{
  g_return_val_if_fail (placement != NULL, 0);
  g_return_val_if_fail (is_organisation (placement, organisation), 0);
  int32_t min = sm_scenario__organisation (placement->scenario, organisation)
                    ->spec.min_headcount;
  if (min < 0)
    return 0;
  return MAX (0, min - placement->headcount[organisation]);
}
