/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: the tied market, its draws and stable improvement
 * cycles (lib/scenario/lottery.c, tied-market.c, improvement-cycles.c).
 *
 * A draw must be the placement with that seed, employee for employee: on
 * the built-in case with both tie-breakings and with the reflection
 * principle, and on thousands of small random scenarios with caps,
 * manual placements and reflection. Stable improvement cycles are
 * checked by brute force on small markets with ties: every matching is
 * enumerated, and the result must be stable with respect to the rule's
 * ties, not Pareto-dominated by any stable matching, and at least as good
 * for everyone as deferred acceptance on the same draw.
 */
#include "test-util.h"

#include <stdio.h>
#include <string.h>

#include "boh-case.h"
#include "lottery-gen.h"
#include "scenario/lottery-private.h"

/* ---- a draw is a placement ---------------------------------------------- */

/* Asserts that the worker's draw places everyone as the placement does;
 * returns the number of employees who differ. */
static int32_t
count_differences (const SmLottery *lot, const SmLotteryWorker *w,
                   const SmPlacement *placement)
{
  const SmMatching *mt = sm_placement_get_matching (placement);
  int32_t differ = 0;
  for (int32_t i = 0; i < sm_matching_get_n_employees (mt); i++)
    if (sm_lottery__position_of (lot, w, i) != sm_matching_get_position (mt, i))
      differ++;
  return differ;
}

/* Draws @seed on @lot and compares with placing @s with that seed. */
static int32_t
compare_draw (SmScenario *s, const SmLottery *lot, SmLotteryWorker *w,
              uint64_t seed)
{
  GError *error = NULL;
  sm_scenario_set_seed (s, seed);
  sm_scenario_set_tie_breaking (s, lot->tie_breaking);
  g_autoptr (SmPlacement) placement = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  sm_lottery__draw (lot, w, seed, FALSE);
  return count_differences (lot, w, placement);
}

static void
check_case (SmScenario *s, SmTieBreaking tb, int32_t n_seeds)
{
  GError *error = NULL;
  g_autoptr (SmLottery) lot = sm_lottery__new (s, tb, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmLotteryWorker) w = sm_lottery_worker__new (lot);
  CU_ASSERT_PTR_NOT_NULL_FATAL (w);
  for (int32_t k = 0; k < n_seeds; k++)
    {
      uint64_t seed = UINT64_C (0x5eed) * (uint64_t) (k + 1);
      int32_t differ = compare_draw (s, lot, w, seed);
      if (differ != 0)
        fprintf (stderr, "case, seed %" G_GUINT64_FORMAT ": %d differ\n", seed,
                 (int) differ);
      CU_ASSERT_EQUAL (differ, 0);
    }
}

static void
test_case_draws (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = boh_case_new (BOH_CASE_SEED, &error);
  SM_ASSERT_NO_ERROR (error);
  check_case (s, SM_TIE_BREAKING_SINGLE, 20);
  check_case (s, SM_TIE_BREAKING_PER_POSITION, 20);
  sm_scenario_set_reduction (s, SM_REDUCTION_REFLECTION, 10);
  check_case (s, SM_TIE_BREAKING_SINGLE, 10);
}

/* Ties in the case itself: with a default rule on fit alone, a position
 * ranked by it has exactly as many tie classes as its candidates have
 * distinct fits, and a better fit is a lower class. */
static void
test_case_coarse_rule (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = boh_case_new (BOH_CASE_SEED, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("fit-only");
  sm_priority_rule_add_criterion (rule, SM_CRITERION_FIT,
                                  SM_DIRECTION_HIGHER_FIRST, NULL);
  CU_ASSERT_TRUE (sm_scenario_add_rule (s, rule, &error)
                  && sm_scenario_set_default_rule (s, "fit-only", &error));
  g_autoptr (SmLottery)
      lot = sm_lottery__new (s, SM_TIE_BREAKING_SINGLE, &error);
  SM_ASSERT_NO_ERROR (error);
  const SmMarket *mk = lot->tm->market;
  int32_t checked = 0, tied = 0;
  for (int32_t j = 0; j < mk->n_positions; j++)
    {
      SmPositionSpec p;
      sm_scenario_get_position (s, j, &p);
      if (p.rule_id != NULL)
        continue;
      gboolean seen[SM_FIT_NONE + 1] = { FALSE };
      uint32_t class_of_fit[SM_FIT_NONE + 1];
      int32_t distinct = 0;
      for (int32_t k = mk->pos_off[j]; k < mk->pos_off[j + 1]; k++)
        {
          int32_t i = mk->pos_edges[k].target;
          SmEmployeeSpec e;
          sm_scenario_get_employee (s, i, &e);
          SmFit fit = sm_scenario_get_fit (s, e.function_code, p.function_code);
          uint32_t c = lot->tm->entries[mk->emp_off[i] + mk->pos_edges[k].rank]
                           .tie_class;
          if (!seen[fit])
            {
              seen[fit] = TRUE;
              class_of_fit[fit] = c;
              distinct++;
            }
          CU_ASSERT_EQUAL (class_of_fit[fit], c);
        }
      for (int f = 0; f < SM_FIT_NONE; f++)
        for (int g = f + 1; g <= SM_FIT_NONE; g++)
          if (seen[f] && seen[g])
            CU_ASSERT (class_of_fit[f] < class_of_fit[g]);
      CU_ASSERT_EQUAL (lot->tm->n_classes[j], distinct);
      checked++;
      tied += mk->pos_off[j + 1] - mk->pos_off[j] > distinct;
    }
  CU_ASSERT (checked > 100);
  CU_ASSERT (tied > 10);
}

static const SmLotteryGenOptions everything = {
  6, 4, TRUE, TRUE, TRUE, 0.4, 0
};

static void
test_random_draws (void)
{
  int32_t failures = 0;
  for (uint32_t seed = 1; seed <= 2000; seed++)
    {
      g_autoptr (SmScenario) s = sm_lottery_gen_scenario (seed, &everything);
      GError *error = NULL;
      SmTieBreaking tb = sm_scenario_get_tie_breaking (s);
      g_autoptr (SmLottery) lot = sm_lottery__new (s, tb, &error);
      SM_ASSERT_NO_ERROR (error);
      g_autoptr (SmLotteryWorker) w = sm_lottery_worker__new (lot);
      for (uint64_t draw = 0; draw < 3; draw++)
        if (compare_draw (s, lot, w, draw * 7919 + seed) != 0)
          {
            if (failures++ < 5)
              fprintf (stderr, "scenario %u draw %d differs\n", seed,
                       (int) draw);
          }
    }
  CU_ASSERT_EQUAL (failures, 0);
}

/* ---- stable improvement cycles by brute force --------------------------- */

/* A matching as list slots, the end of a list meaning the default. */
typedef struct {
  const SmTiedMarket *tm;
  int32_t n, m;
  int32_t *slot;  /* n */
  int32_t *count; /* m */
} Brute;

static uint32_t
class_at (const Brute *b, int32_t slot)
{
  return b->tm->entries[slot].tie_class;
}

/* Stable with respect to the ties (no caps here): nobody wants a
 * position with a free seat, or one that holds someone of a strictly
 * lower class than theirs. */
static gboolean
is_stable (const Brute *b, const int32_t *slot)
{
  const SmMarket *mk = b->tm->market;
  g_autofree int32_t *count = g_new0 (int32_t, b->m + 1);
  g_autofree int32_t *worst = g_new (int32_t, b->m + 1);
  for (int32_t j = 0; j < b->m; j++)
    worst[j] = -1;
  for (int32_t i = 0; i < b->n; i++)
    if (slot[i] < mk->emp_off[i + 1])
      {
        int32_t j = b->tm->entries[slot[i]].position;
        count[j]++;
        worst[j] = MAX (worst[j], (int32_t) class_at (b, slot[i]));
      }
  for (int32_t i = 0; i < b->n; i++)
    for (int32_t s = mk->emp_off[i]; s < slot[i]; s++)
      {
        int32_t j = b->tm->entries[s].position;
        if (count[j] < mk->seats[j] || worst[j] > (int32_t) class_at (b, s))
          return FALSE;
      }
  return TRUE;
}

/* Whether @a Pareto-dominates @b (lower slot = better). */
static gboolean
dominates (int32_t n, const int32_t *a, const int32_t *b)
{
  gboolean better = FALSE;
  for (int32_t i = 0; i < n; i++)
    {
      if (a[i] > b[i])
        return FALSE;
      better = better || a[i] < b[i];
    }
  return better;
}

/* Enumerates every matching within the seats; returns whether a stable
 * one dominates @target. */
static gboolean
dominated_from (Brute *b, int32_t i, const int32_t *target)
{
  const SmMarket *mk = b->tm->market;
  if (i == b->n)
    return is_stable (b, b->slot) && dominates (b->n, b->slot, target);
  for (int32_t s = mk->emp_off[i]; s <= mk->emp_off[i + 1]; s++)
    {
      if (s > target[i])
        break; /* worse for i: cannot dominate */
      int32_t j = s < mk->emp_off[i + 1] ? b->tm->entries[s].position : -1;
      if (j >= 0 && b->count[j] >= mk->seats[j])
        continue;
      b->slot[i] = s;
      if (j >= 0)
        b->count[j]++;
      gboolean found = dominated_from (b, i + 1, target);
      if (j >= 0)
        b->count[j]--;
      if (found)
        return TRUE;
    }
  return FALSE;
}

static const SmLotteryGenOptions plain = { 7, 3, FALSE, FALSE, FALSE, 0.35, 3 };

/* Checks one scenario; returns the number of cycles carried out. */
static int64_t
check_improvement (uint32_t seed, uint64_t draw, int32_t *bad)
{
  g_autoptr (SmScenario) s = sm_lottery_gen_scenario (seed, &plain);
  GError *error = NULL;
  g_autoptr (SmLottery)
      lot = sm_lottery__new (s, SM_TIE_BREAKING_SINGLE, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmLotteryWorker) w = sm_lottery_worker__new (lot);
  int32_t n = lot->tm->market->n_employees, m = lot->tm->market->n_positions;
  sm_lottery__draw (lot, w, draw, FALSE);
  g_autofree int32_t *da = g_memdup2 (w->solver->next, sizeof (int32_t) * n);
  int64_t cycles = sm_tied_solver__improve (w->solver);
  const int32_t *sic = w->solver->next;
  Brute b = { lot->tm, n, m, g_new (int32_t, n + 1), g_new0 (int32_t, m + 1) };
  gboolean ok = is_stable (&b, da) && is_stable (&b, sic)
                && (cycles == 0 || dominates (n, sic, da))
                && (cycles > 0 || memcmp (da, sic, sizeof (int32_t) * n) == 0)
                && !dominated_from (&b, 0, sic);
  if (!ok && (*bad)++ < 5)
    fprintf (stderr, "scenario %u draw %d: improvement cycles wrong\n", seed,
             (int) draw);
  g_free (b.slot);
  g_free (b.count);
  return cycles;
}

static void
test_improvement_brute (void)
{
  int32_t bad = 0, improved = 0;
  for (uint32_t seed = 1; seed <= 3000; seed++)
    for (uint64_t draw = 0; draw < 4; draw++)
      improved += check_improvement (seed, draw, &bad) > 0;
  CU_ASSERT_EQUAL (bad, 0);
  /* The check would be empty if ties never left room for a cycle. */
  CU_ASSERT (improved >= 30);
  fprintf (stderr, "improvement cycles found in %d of 12000 draws\n",
           (int) improved);
}

/* Cycles keep the built-in case's placement stable and make nobody worse
 * off; under its cap too. */
static void
test_improvement_case (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = boh_case_new (BOH_CASE_SEED, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmLottery)
      lot = sm_lottery__new (s, SM_TIE_BREAKING_SINGLE, &error);
  g_autoptr (SmLotteryWorker) w = sm_lottery_worker__new (lot);
  int32_t n = lot->tm->market->n_employees;
  for (uint64_t seed = 1; seed <= 5; seed++)
    {
      sm_lottery__draw (lot, w, seed, FALSE);
      g_autofree int32_t *da = g_memdup2 (w->solver->next,
                                          sizeof (int32_t) * n);
      g_autofree int32_t *count =
          g_memdup2 (w->solver->count,
                     sizeof (int32_t) * lot->tm->market->n_positions);
      sm_tied_solver__improve (w->solver);
      for (int32_t i = 0; i < n; i++)
        CU_ASSERT (w->solver->next[i] <= da[i]);
      for (int32_t i = 0; i < n; i++)
        if (w->solver->next[i] < lot->tm->market->emp_off[i + 1])
          count[lot->tm->entries[w->solver->next[i]].position]--;
      for (int32_t j = 0; j < lot->tm->market->n_positions; j++)
        CU_ASSERT_EQUAL (count[j], 0);
    }
}

/* Under caps, manual placements and the reflection principle, cycles
 * make nobody worse off and leave every position with the same number of
 * people (so seats and caps hold), and manual placements stay put. */
static void
test_improvement_constraints (void)
{
  int32_t bad = 0;
  for (uint32_t seed = 1; seed <= 1000; seed++)
    {
      g_autoptr (SmScenario) s = sm_lottery_gen_scenario (seed, &everything);
      g_autoptr (SmLottery)
          lot = sm_lottery__new (s, SM_TIE_BREAKING_SINGLE, NULL);
      g_autoptr (SmLotteryWorker) w = sm_lottery_worker__new (lot);
      const SmMarket *mk = lot->tm->market;
      int32_t n = mk->n_employees;
      sm_lottery__draw (lot, w, seed, FALSE);
      g_autofree int32_t *da = g_memdup2 (w->solver->next,
                                          sizeof (int32_t) * (n + 1));
      sm_lottery__draw (lot, w, seed, TRUE);
      g_autofree int32_t *count = g_new0 (int32_t, mk->n_positions + 1);
      for (int32_t i = 0; i < n; i++)
        {
          bad += w->solver->next[i] > da[i];
          bad += lot->manual[i] && w->solver->next[i] != da[i];
          if (da[i] < mk->emp_off[i + 1])
            count[lot->tm->entries[da[i]].position]++;
          if (w->solver->next[i] < mk->emp_off[i + 1])
            count[lot->tm->entries[w->solver->next[i]].position]--;
        }
      for (int32_t j = 0; j < mk->n_positions; j++)
        bad += count[j] != 0;
    }
  CU_ASSERT_EQUAL (bad, 0);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "a draw of the case is its placement", test_case_draws },
    { "tie classes of the case", test_case_coarse_rule },
    { "draws of random scenarios are placements", test_random_draws },
    { "improvement cycles by brute force", test_improvement_brute },
    { "improvement cycles on the case", test_improvement_case },
    { "improvement cycles under caps and manual placements",
      test_improvement_constraints },
    { NULL, NULL },
  };
  return sm_test_run_suite ("lottery", cases);
}
