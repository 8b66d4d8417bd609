/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: explaining a placement.
 *
 * Everything is recomputed from the final market and its matching, on
 * demand, and never from the scenario's rules alone: whether an employee
 * was a candidate at a position is whether the compiled market lists the
 * pair (compile.c adds the "mens volgt werk" position whatever its rule's
 * filters say, and a manual placement replaces the whole list), the
 * employee's rank is beside their edge, and the cutoff is the matching's.
 * The rule is consulted only to say which filter refused an application
 * the market dropped, and which criterion put the last person admitted
 * ahead of the employee (the same comparison that ranked them).
 *
 * A refused candidate is told the first of these that holds (explain.h
 * has the exact rule): the reflection principle chose the keepers; a
 * seat held by a manual placement would have been theirs, counting only
 * the candidates ranked above them who wanted the position at least as
 * much as what they got; the organisation's cap kept a seat closed; the
 * position was full with candidates of higher priority. Since the
 * matching is stable there is no other case: anything else would be a
 * blocking pair, which the tests rule out.
 *
 * Where the lot decided a refusal, both lottery numbers are drawn again
 * from the placement's seed (the order already holds them, but only as
 * places). Whether an outcome depended on the draw is read the same way:
 * a refusal decided by the lot, or a seat held ahead of a tied candidate
 * whose refusal there the lot decided.
 *
 * With improvement cycles the matching is no longer the final market's
 * stable matching: it is stable for the rule's ties, not for the lot.
 * Every holder of a position is still at least as high in the rule as
 * anyone refused it, so a refusal is still explained by the last person
 * admitted (the holder ranked lowest), and a criterion that separates
 * them is still what decided. Where the two are tied, the lot decided
 * only if every tied holder already held the position before the cycles
 * (then deferred acceptance's lot put them all ahead); where a cycle
 * brought a tied candidate in, the lot and the cycles decided together
 * (SM_DECIDED_BY_CYCLES), no lottery numbers are given, and the last
 * person admitted may rank below the employee. A tied candidate refused
 * may then rank above the cutoff, so the searches for refused
 * candidates read the whole order.
 *
 * Cost of one refusal: O(d) to find the edge (d the employee's list)
 * plus O(p) for the candidates ranked above and the people held, p the
 * length of the position's order; at a reflected position holding manual
 * placements, one more run of the reflection principle over its
 * contenders.
 */
#include <staffmatch/explain.h>

#include <staffmatch/matching.h>

#include "scenario/compile-private.h"
#include "scenario/placement-private.h"
#include "scenario/reflection-private.h"
#include "scenario/scenario-private.h"

static SmFilter
filter_of (SmEligibility eligibility)
{
  switch (eligibility)
    {
    case SM_INELIGIBLE_GRADE:
      return SM_FILTER_GRADE;
    case SM_INELIGIBLE_FIT:
      return SM_FILTER_FIT;
    case SM_INELIGIBLE_QUALIFICATIONS:
      return SM_FILTER_QUALIFICATIONS;
    case SM_ELIGIBLE:
      break;
    }
  return SM_FILTER_NONE;
}

/* The filter of the position's rule that refuses the employee; only
 * asked about pairs the market does not list. */
static SmFilter
eligibility_filter (const SmScenario *s, int32_t employee, int32_t position)
{
  SmCandidate c;
  sm_scenario__candidate (s, employee, position, &c);
  return filter_of (
      sm_priority__check_eligibility (sm_scenario__rule_of (s, position), &c,
                                      sm_scenario__position (s, position)
                                          ->spec.qualifications,
                                      sm_scenario__employee (s, employee)
                                          ->spec.qualifications));
}

static gboolean
is_manual (const SmScenario *s, int32_t employee)
{
  return sm_scenario__employee (s, employee)->manual >= 0;
}

/* Which criterion put @ahead before @behind at the position. */
static int32_t
deciding_criterion (const SmScenario *s, int32_t position, int32_t ahead,
                    int32_t behind)
{
  if (is_manual (s, ahead))
    return SM_DECIDED_BY_MANUAL;
  SmCandidate a, b;
  sm_scenario__candidate (s, ahead, position, &a);
  sm_scenario__candidate (s, behind, position, &b);
  int32_t deciding = SM_DECIDED_BY_LOT;
  sm_priority__compare (sm_scenario__rule_of (s, position), &a, &b, &deciding);
  return deciding;
}

/* The employee's 0-based rank at the position in the final market, or -1
 * when the market does not list the pair. */
static int32_t
market_rank (const SmMarket *mk, int32_t employee, int32_t position)
{
  int32_t len, c = sm_market_find_choice (mk, employee, position);
  if (c < 0)
    return -1;
  return sm_market_get_employee_edges (mk, employee, &len)[c].rank;
}

/* The 1-based place of the last person admitted to the position, or 0
 * when nobody was: the cutoff when it is full, and also when a cap kept
 * a seat closed. */
static int32_t
last_admitted_place (const SmPlacement *pl, int32_t position)
{
  int32_t n;
  const int32_t *held = sm_matching_get_held (pl->matching, position, &n);
  if (n == 0)
    return 0;
  return market_rank (pl->market, held[n - 1], position) + 1;
}

/* How many of the people held by the position were placed manually. */
static int32_t
manual_held (const SmPlacement *pl, int32_t position)
{
  int32_t n, manual = 0;
  const int32_t *held = sm_matching_get_held (pl->matching, position, &n);
  for (int32_t k = 0; k < n; k++)
    manual += is_manual (pl->scenario, held[k]);
  return manual;
}

/* The candidates ranked above @rank at the position, not placed
 * manually, who wanted it at least as much as what they got: held there,
 * or refused it for something worse. Those ranked above who got
 * something better never competed for its seats. */
static int32_t
contenders_ahead (const SmPlacement *pl, int32_t position, int32_t rank)
{
  int32_t len, n = 0;
  const SmEdge *edges = sm_market_get_position_edges (pl->market, position,
                                                      &len);
  for (int32_t k = 0; k < rank && k < len; k++)
    {
      int32_t i = edges[k].target;
      int32_t got = sm_matching_get_choice (pl->matching, i);
      if (!is_manual (pl->scenario, i) && (got < 0 || got >= edges[k].rank))
        n++;
    }
  return n;
}

/* At a position where the reflection principle chose: whether the
 * employee would have kept a place had the manual placements not held
 * any of its seats. */
static gboolean
reflection_keeps_without_manual (const SmPlacement *pl, int32_t employee,
                                 int32_t position)
{
  const SmPositionRecord *p = sm_scenario__position (pl->scenario, position);
  return p->n_manual > 0
         && sm_placement__reflection_keeps (pl, position, employee,
                                            p->spec.seats);
}

/* With improvement cycles, whether the lot alone decided that the
 * employee, tied under the rule with the last person admitted, was
 * refused the position: every holder tied with them already held it
 * after deferred acceptance, whose lot put them all ahead. Where a cycle
 * brought a tied candidate in, the lot and the cycles decided together.
 * Without cycles the lot decides every tie. */
static gboolean
lot_alone_decided (const SmPlacement *pl, int32_t employee, int32_t position)
{
  if (pl->da_matching == NULL)
    return TRUE;
  int32_t n;
  const int32_t *held = sm_matching_get_held (pl->matching, position, &n);
  for (int32_t k = 0; k < n; k++)
    if (sm_matching_get_position (pl->da_matching, held[k]) != position
        && deciding_criterion (pl->scenario, position, held[k], employee)
               == SM_DECIDED_BY_LOT)
      return FALSE;
  return TRUE;
}

/* Which criterion put the last person admitted, @last, ahead of the
 * refused @employee: a criterion, the manual placement, the lot, or
 * the lot and the improvement cycles together. */
static int32_t
refusal_criterion (const SmPlacement *pl, int32_t position, int32_t last,
                   int32_t employee)
{
  int32_t c = deciding_criterion (pl->scenario, position, last, employee);
  if (c == SM_DECIDED_BY_LOT && !lot_alone_decided (pl, employee, position))
    return SM_DECIDED_BY_CYCLES;
  return c;
}

/* Explains why a candidate the market ranked did not get the position. */
static void
explain_ranked (const SmPlacement *pl, int32_t employee, int32_t position,
                int32_t rank, SmRefusal *r)
{
  const SmMatching *mt = pl->matching;
  int32_t cutoff = sm_matching_get_cutoff (mt, position), filled;
  sm_matching_get_held (mt, position, &filled);
  r->rank = rank + 1;
  r->cutoff = last_admitted_place (pl, position);
  r->criterion = SM_DECIDED_BY_NOTHING;
  if (pl->reflected[position])
    r->reason = reflection_keeps_without_manual (pl, employee, position)
                    ? SM_REASON_MANUAL_SEAT
                    : SM_REASON_REFLECTION;
  else if (manual_held (pl, position) > 0
           && contenders_ahead (pl, position, rank) < filled)
    {
      r->reason = SM_REASON_MANUAL_SEAT;
      r->criterion = SM_DECIDED_BY_MANUAL;
    }
  else if (cutoff == SM_CUTOFF_OPEN)
    r->reason = SM_REASON_CAP;
  else
    {
      int32_t len;
      const SmEdge *edges = sm_market_get_position_edges (pl->market, position,
                                                          &len);
      r->reason = SM_REASON_FULL;
      r->criterion = refusal_criterion (pl, position, edges[cutoff].target,
                                        employee);
    }
}

static void
explain_one (const SmPlacement *pl, int32_t employee, int32_t position,
             int32_t preference, SmRefusal *r)
{
  const SmScenario *s = pl->scenario;
  *r = (SmRefusal){ position, preference, SM_REASON_FULL,       SM_FILTER_NONE,
                    0,        0,          SM_DECIDED_BY_NOTHING };
  int32_t rank = market_rank (pl->market, employee, position);
  if (is_manual (s, employee))
    r->reason = SM_REASON_MANUAL;
  else if (rank < 0)
    {
      /* Compile drops exactly the applications a filter refuses. */
      r->reason = SM_REASON_NOT_ELIGIBLE;
      r->filter = eligibility_filter (s, employee, position);
    }
  else
    explain_ranked (pl, employee, position, rank, r);
}

/* The applications to explain: all with a preference better than the one
 * obtained (all of them when none was). */
static int32_t
n_applications_to_explain (const SmPlacement *pl, int32_t employee)
{
  const SmEmployeeOutcome *out = &pl->outcomes[employee];
  const int32_t *apps;
  int32_t n, k = 0;
  sm_scenario__applications_of (pl->scenario, employee, &apps, &n);
  for (; k < n; k++)
    {
      int32_t pref =
          sm_scenario__application (pl->scenario, apps[k])->spec.preference;
      if (out->preference > 0 && pref >= out->preference)
        break;
    }
  return k;
}

/* The own-function position of a supernumerary, or -1. */
static int32_t
lost_own_position (const SmPlacement *pl, int32_t employee)
{
  if (pl->outcomes[employee].status != SM_STATUS_SUPERNUMERARY)
    return -1;
  int32_t len;
  const SmEdge *edges = sm_market_get_employee_edges (pl->market, employee,
                                                      &len);
  if (len == 0)
    return -1;
  int32_t j = edges[len - 1].target;
  return sm_scenario__position (pl->scenario, j)->organisation
                 == pl->scenario->default_organisation
             ? j
             : -1;
}

int32_t
sm_placement_get_n_refusals (const SmPlacement *placement, int32_t employee)
{
  g_return_val_if_fail (placement != NULL, 0);
  g_return_val_if_fail (employee >= 0
                            && (guint) employee
                                   < placement->scenario->employees->len,
                        0);
  return n_applications_to_explain (placement, employee)
         + (lost_own_position (placement, employee) >= 0 ? 1 : 0);
}

gboolean
sm_placement_get_refusal (const SmPlacement *placement, int32_t employee,
                          int32_t index, SmRefusal *refusal_out)
{
  g_return_val_if_fail (placement != NULL && refusal_out != NULL, FALSE);
  if (employee < 0 || (guint) employee >= placement->scenario->employees->len
      || index < 0
      || index >= sm_placement_get_n_refusals (placement, employee))
    return FALSE;
  const SmScenario *s = placement->scenario;
  int32_t n_apps = n_applications_to_explain (placement, employee);
  if (index == n_apps)
    {
      explain_one (placement, employee, lost_own_position (placement, employee),
                   0, refusal_out);
      return TRUE;
    }
  const int32_t *apps;
  int32_t n;
  sm_scenario__applications_of (s, employee, &apps, &n);
  const SmApplicationRecord *a = sm_scenario__application (s, apps[index]);
  explain_one (placement, employee, a->position, a->spec.preference,
               refusal_out);
  return TRUE;
}

/* ---- the lot ------------------------------------------------------------ */

/* The employee's lottery number at the position, as the placement drew
 * it. */
static uint64_t
lot_of (const SmPlacement *pl, int32_t employee, int32_t position)
{
  return sm_priority__lot (pl->settings.seed, pl->settings.tie_breaking,
                           sm_scenario__position (pl->scenario, position)
                               ->spec.id,
                           sm_scenario__employee (pl->scenario, employee)
                               ->spec.id);
}

gboolean
sm_placement_get_refusal_lots (const SmPlacement *placement, int32_t employee,
                               int32_t index, uint64_t *own_lot_out,
                               uint64_t *cutoff_lot_out)
{
  g_return_val_if_fail (placement != NULL, FALSE);
  SmRefusal r;
  if (!sm_placement_get_refusal (placement, employee, index, &r)
      || r.reason != SM_REASON_FULL || r.criterion != SM_DECIDED_BY_LOT)
    return FALSE;
  int32_t len;
  const SmEdge *edges = sm_market_get_position_edges (placement->market,
                                                      r.position, &len);
  int32_t last = edges[r.cutoff - 1].target;
  if (own_lot_out != NULL)
    *own_lot_out = lot_of (placement, employee, r.position);
  if (cutoff_lot_out != NULL)
    *cutoff_lot_out = lot_of (placement, last, r.position);
  return TRUE;
}

/* A refusal among tied candidates: decided by the lot, or by the lot
 * and the improvement cycles. */
static gboolean
is_draw (const SmRefusal *r)
{
  return r->reason == SM_REASON_FULL
         && (r->criterion == SM_DECIDED_BY_LOT
             || r->criterion == SM_DECIDED_BY_CYCLES);
}

static gboolean
lost_a_draw (const SmPlacement *pl, int32_t employee)
{
  for (int32_t k = 0; k < sm_placement_get_n_refusals (pl, employee); k++)
    {
      SmRefusal r;
      sm_placement_get_refusal (pl, employee, k, &r);
      if (is_draw (&r))
        return TRUE;
    }
  return FALSE;
}

/* Whether the employee holds a seat of a position, where the rule
 * decides who is admitted, ahead of a candidate tied with them whose
 * refusal there was a draw. Without cycles such candidates rank below
 * the cutoff; with them a tied candidate may rank anywhere, so the whole
 * order is read. */
static gboolean
won_a_draw (const SmPlacement *pl, int32_t employee)
{
  int32_t j = sm_matching_get_position (pl->matching, employee);
  if (j < 0 || is_manual (pl->scenario, employee) || pl->reflected[j])
    return FALSE;
  int32_t cutoff = sm_matching_get_cutoff (pl->matching, j), len;
  if (cutoff == SM_CUTOFF_OPEN)
    return FALSE;
  const SmEdge *edges = sm_market_get_position_edges (pl->market, j, &len);
  for (int32_t r = pl->da_matching != NULL ? 0 : cutoff + 1; r < len; r++)
    {
      int32_t i = edges[r].target;
      int32_t got = sm_matching_get_choice (pl->matching, i);
      SmRefusal refusal;
      if (got >= 0 && got <= edges[r].rank)
        continue; /* held there, or never competed for the seats */
      explain_ranked (pl, i, j, r, &refusal);
      if (is_draw (&refusal)
          && deciding_criterion (pl->scenario, j, employee, i)
                 == SM_DECIDED_BY_LOT)
        return TRUE;
    }
  return FALSE;
}

gboolean
sm_placement_depends_on_lot (const SmPlacement *placement, int32_t employee)
{
  g_return_val_if_fail (placement != NULL, FALSE);
  if (employee < 0 || (guint) employee >= placement->scenario->employees->len)
    return FALSE;
  return lost_a_draw (placement, employee) || won_a_draw (placement, employee);
}

/* ---- positions, units, contracts --------------------------------------- */

/* The first candidate below the cutoff who wanted the position more than
 * what they got, or -1. With improvement cycles a tied candidate refused
 * may rank above the cutoff, so the search starts at the top. */
static int32_t
first_refused (const SmPlacement *pl, int32_t position, int32_t cutoff)
{
  int32_t len;
  const SmEdge *edges = sm_market_get_position_edges (pl->market, position,
                                                      &len);
  for (int32_t r = pl->da_matching != NULL ? 0 : cutoff + 1; r < len; r++)
    {
      int32_t i = edges[r].target;
      int32_t got = sm_matching_get_choice (pl->matching, i);
      if (got < 0 || got > edges[r].rank)
        return i;
    }
  return -1;
}

gboolean
sm_placement_get_position_result (const SmPlacement *placement,
                                  int32_t position,
                                  SmPositionResult *result_out)
{
  g_return_val_if_fail (placement != NULL && result_out != NULL, FALSE);
  if (position < 0 || (guint) position >= placement->scenario->positions->len)
    return FALSE;
  const SmMarket *mk = placement->market;
  int32_t seats = sm_market_get_seats (mk, position), filled, len;
  sm_matching_get_held (placement->matching, position, &filled);
  const SmEdge *edges = sm_market_get_position_edges (mk, position, &len);
  int32_t cutoff = sm_matching_get_cutoff (placement->matching, position);
  *result_out = (SmPositionResult){ seats,
                                    filled,
                                    MAX (0, seats - filled),
                                    len,
                                    cutoff == SM_CUTOFF_OPEN ? 0 : cutoff + 1,
                                    SM_DECIDED_BY_NOTHING,
                                    placement->reflected[position],
                                    manual_held (placement, position) };
  int32_t refused = cutoff == SM_CUTOFF_OPEN
                        ? -1
                        : first_refused (placement, position, cutoff);
  if (refused >= 0 && !placement->reflected[position])
    result_out->criterion = refusal_criterion (placement, position,
                                               edges[cutoff].target, refused);
  return TRUE;
}

gboolean
sm_placement_get_unit_result (const SmPlacement *placement, int32_t unit,
                              SmUnitResult *result_out)
{
  g_return_val_if_fail (placement != NULL && result_out != NULL, FALSE);
  const SmScenario *s = placement->scenario;
  if (unit < 0 || (guint) unit >= s->units->len)
    return FALSE;
  *result_out = (SmUnitResult){ 0, 0, 0 };
  for (guint j = 0; j < s->positions->len; j++)
    if (sm_scenario__position (s, (int32_t) j)->unit == unit)
      result_out->formation +=
          sm_scenario__position (s, (int32_t) j)->spec.seats;
  for (guint i = 0; i < s->employees->len; i++)
    {
      const SmEmployeeOutcome *out = &placement->outcomes[i];
      if (out->unit != unit)
        continue;
      if (out->status == SM_STATUS_SUPERNUMERARY)
        result_out->supernumerary++;
      else
        result_out->placed++;
    }
  return TRUE;
}

int32_t
sm_placement_get_contract_people (const SmPlacement *placement, int32_t year)
{
  g_return_val_if_fail (placement != NULL, 0);
  const SmScenario *s = placement->scenario;
  int32_t people = 0;
  for (guint i = 0; i < s->employees->len; i++)
    {
      const SmUnitRecord *u = sm_scenario__unit (s,
                                                 placement->outcomes[i].unit);
      if (u->contract_client >= 0 && u->spec.contract_end_year >= year)
        people++;
    }
  return people;
}
