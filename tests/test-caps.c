/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: headcount caps over groups of positions (flexible
 * deferred acceptance) and the stability notion that goes with them. */
#include "test-util.h"

#include <string.h>

/* Five employees, three positions; positions 0 and 1 form a group with a
 * cap of 1, position 0 first in the order of extra seats, no targets.
 *   E1: 2        P0 (2 seats): 4
 *   E2: 1        P1 (2 seats): 2 3 4
 *   E3: 2 1      P2 (1 seat):  3 4 1
 *   E4: 1 2 0    (E0 lists nothing)
 * Worked by hand: E1 takes 2. E2 takes 1, filling the cap. E3 ousts E1
 * from 2 (P2 ranks E3 first). E1 has nothing left. E4 is refused by 1
 * (the cap is reached and 1's next extra seat would be its second, after
 * its first) and by 2 (full with E3, whom P2 prefers); at 0 the group
 * gives its one extra seat to 0, first in order, and 1 lets E2 go. */
static SmMarket *
cap_market (void)
{
  GError *error = NULL;
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (5, 3, &error);
  sm_market_builder_set_seats (b, 0, 2, &error);
  sm_market_builder_set_seats (b, 1, 2, &error);
  sm_market_builder_set_target_seats (b, 0, 0, &error);
  sm_market_builder_set_target_seats (b, 1, 0, &error);
  CU_ASSERT_EQUAL (sm_market_builder_add_group (b, (int32_t[]){ 0, 1 }, 2, 1,
                                                &error),
                   0);
  sm_market_builder_set_preferences (b, 1, (int32_t[]){ 2 }, 1, &error);
  sm_market_builder_set_preferences (b, 2, (int32_t[]){ 1 }, 1, &error);
  sm_market_builder_set_preferences (b, 3, (int32_t[]){ 2, 1 }, 2, &error);
  sm_market_builder_set_preferences (b, 4, (int32_t[]){ 1, 2, 0 }, 3, &error);
  sm_market_builder_set_priorities (b, 0, (int32_t[]){ 4 }, 1, &error);
  sm_market_builder_set_priorities (b, 1, (int32_t[]){ 2, 3, 4 }, 3, &error);
  sm_market_builder_set_priorities (b, 2, (int32_t[]){ 3, 4, 1 }, 3, &error);
  SM_ASSERT_NO_ERROR (error);
  SmMarket *mk = sm_market_builder_build (b, &error);
  SM_ASSERT_NO_ERROR (error);
  return mk;
}

static void
test_hand_worked_cap (void)
{
  GError *error = NULL;
  g_autoptr (SmMarket) mk = cap_market ();
  CU_ASSERT_TRUE (sm_market_caps_bind (mk));
  g_autoptr (SmMatching) mt = sm_market_solve (mk, SM_SIDE_EMPLOYEES, &error);
  SM_ASSERT_NO_ERROR (error);
  static const int32_t expected[] = { -1, -1, -1, 2, 0 };
  CU_ASSERT_EQUAL (memcmp (sm_matching_get_assignment (mt), expected,
                           sizeof expected),
                   0);
  g_autoptr (SmCheckReport) report = sm_matching_check (mk, mt, &error);
  CU_ASSERT_TRUE (sm_check_report_is_stable (report));
  /* The claims of E2 and E4 on the free seats of 1 are excused by the
   * cap: the group prefers its one extra seat at 0. */
  int32_t n;
  const SmBlockingPair *excused = sm_check_report_get_cap_excused_pairs (report,
                                                                         &n);
  CU_ASSERT_EQUAL (n, 2);
  if (n == 2)
    {
      CU_ASSERT_EQUAL (excused[0].employee, 2);
      CU_ASSERT_EQUAL (excused[0].position, 1);
      CU_ASSERT_EQUAL (excused[1].employee, 4);
      CU_ASSERT_EQUAL (excused[1].position, 1);
    }
}

static void
test_cap_checker (void)
{
  GError *error = NULL;
  g_autoptr (SmMarket) mk = cap_market ();
  /* Over the cap: E2 at 1 and E4 at 0. */
  g_autoptr (SmMatching)
      over = sm_matching_new_from_assignment (mk,
                                              (int32_t[]){ -1, -1, 1, 2, 0 }, 5,
                                              &error);
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmCheckReport) r1 = sm_matching_check (mk, over, &error);
  CU_ASSERT_FALSE (sm_check_report_is_valid (r1));
  int32_t n;
  const SmViolation *v = sm_check_report_get_violations (r1, &n);
  CU_ASSERT_EQUAL_FATAL (n, 1);
  CU_ASSERT_EQUAL (v[0].kind, SM_VIOLATION_KIND_OVER_CAP);
  CU_ASSERT_EQUAL (v[0].group, 0);
  /* E2 at 1 instead of E4 at 0: the group prefers its extra seat at 0,
   * so E4's claim on 0 blocks. */
  g_autoptr (SmMatching)
      other = sm_matching_new_from_assignment (mk,
                                               (int32_t[]){ -1, -1, 1, 2, -1 },
                                               5, &error);
  g_autoptr (SmCheckReport) r2 = sm_matching_check (mk, other, &error);
  CU_ASSERT_TRUE (sm_check_report_is_valid (r2));
  const SmBlockingPair *p = sm_check_report_get_blocking_pairs (r2, &n);
  CU_ASSERT_EQUAL_FATAL (n, 1);
  CU_ASSERT_EQUAL (p[0].employee, 4);
  CU_ASSERT_EQUAL (p[0].position, 0);
}

static void
test_positions_cannot_propose_under_binding_cap (void)
{
  GError *error = NULL;
  g_autoptr (SmMarket) mk = cap_market ();
  CU_ASSERT_PTR_NULL (sm_market_solve (mk, SM_SIDE_POSITIONS, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INFEASIBLE);
}

static void
test_group_errors (void)
{
  GError *error = NULL;
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (1, 3, &error);
  CU_ASSERT_EQUAL (sm_market_builder_add_group (b, NULL, 0, 1, &error), -1);
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_SIZE);
  CU_ASSERT_EQUAL (sm_market_builder_add_group (b, (int32_t[]){ 0 }, 1, -1,
                                                &error),
                   -1);
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_SEATS);
  CU_ASSERT_EQUAL (sm_market_builder_add_group (b, (int32_t[]){ 0, 3 }, 2, 1,
                                                &error),
                   -1);
  SM_ASSERT_ERROR (error, SM_ERROR_INDEX_OUT_OF_RANGE);
  CU_ASSERT_EQUAL (sm_market_builder_add_group (b, (int32_t[]){ 0, 1, 0 }, 3, 1,
                                                &error),
                   -1);
  SM_ASSERT_ERROR (error, SM_ERROR_DUPLICATE);
  /* the failed groups left no trace: 0 and 1 can still form one */
  CU_ASSERT_EQUAL (sm_market_builder_add_group (b, (int32_t[]){ 0, 1 }, 2, 1,
                                                &error),
                   0);
  CU_ASSERT_EQUAL (sm_market_builder_add_group (b, (int32_t[]){ 2, 1 }, 2, 1,
                                                &error),
                   -1);
  SM_ASSERT_ERROR (error, SM_ERROR_DUPLICATE);
  CU_ASSERT_FALSE (sm_market_builder_set_target_seats (b, 0, -1, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_SEATS);
  CU_ASSERT_FALSE (sm_market_builder_set_target_seats (b, 5, 0, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INDEX_OUT_OF_RANGE);
  /* both positions default to all seats as targets: 2 > cap 1 */
  CU_ASSERT_PTR_NULL (sm_market_builder_build (b, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INFEASIBLE);

  g_autoptr (SmMarketBuilder) b2 = sm_market_builder_new (1, 1, &error);
  sm_market_builder_set_target_seats (b2, 0, 2, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NULL (sm_market_builder_build (b2, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_SEATS);
}

/* ---- random markets ------------------------------------------------------ */

static uint64_t rng_state;

static uint32_t
rng_below (uint32_t bound)
{
  uint64_t z = (rng_state += UINT64_C (0x9e3779b97f4a7c15));
  z = (z ^ (z >> 30)) * UINT64_C (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * UINT64_C (0x94d049bb133111eb);
  return (uint32_t) ((z ^ (z >> 31)) % bound);
}

static void
shuffle (int32_t *a, int32_t n)
{
  for (int32_t k = n - 1; k > 0; k--)
    {
      int32_t r = (int32_t) rng_below ((uint32_t) k + 1), x = a[k];
      a[k] = a[r];
      a[r] = x;
    }
}

/* A random market of up to 7 employees and 4 positions with one capped
 * group; with @binding FALSE the cap is at least the group's seats. */
static SmMarket *
random_capped_market (gboolean binding)
{
  int32_t n = 1 + (int32_t) rng_below (7), m = 1 + (int32_t) rng_below (4);
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (n, m, NULL);
  int32_t seats[4], group[4], n_group = 1 + (int32_t) rng_below ((uint32_t) m);
  int32_t sum = 0, targets = 0;
  for (int32_t j = 0; j < m; j++)
    sm_market_builder_set_seats (b, j, seats[j] = 1 + (int32_t) rng_below (3),
                                 NULL);
  for (int32_t k = 0; k < n_group; k++)
    sum += seats[group[k] = k];
  shuffle (group, n_group);
  int32_t cap = binding ? (int32_t) rng_below ((uint32_t) sum + 1) : sum;
  for (int32_t k = 0; binding && k < n_group; k++)
    {
      int32_t t = (int32_t) rng_below ((uint32_t) seats[group[k]] + 1);
      t = MIN (t, cap - targets);
      targets += t;
      sm_market_builder_set_target_seats (b, group[k], t, NULL);
    }
  sm_market_builder_add_group (b, group, (size_t) n_group, cap, NULL);
  int32_t applicants[4][7], n_applicants[4] = { 0 };
  for (int32_t i = 0; i < n; i++)
    {
      int32_t list[4] = { 0, 1, 2, 3 },
              len = (int32_t) rng_below ((uint32_t) m + 1);
      shuffle (list, m);
      for (int32_t k = 0; k < len; k++)
        applicants[list[k]][n_applicants[list[k]]++] = i;
      sm_market_builder_set_preferences (b, i, list, (size_t) len, NULL);
    }
  for (int32_t j = 0; j < m; j++)
    {
      shuffle (applicants[j], n_applicants[j]);
      sm_market_builder_set_priorities (b, j, applicants[j],
                                        (size_t) n_applicants[j], NULL);
    }
  GError *error = NULL;
  SmMarket *mk = sm_market_builder_build (b, &error);
  SM_ASSERT_NO_ERROR (error);
  return mk;
}

/* Every result under a binding cap is valid and stable in the documented
 * sense, and proposals in any order give the same result (the solver is
 * deterministic; here: solving twice gives the same bytes). */
static void
test_random_binding_caps_stable (void)
{
  rng_state = 2019;
  for (int t = 0; t < 5000; t++)
    {
      g_autoptr (SmMarket) mk = random_capped_market (TRUE);
      g_autoptr (SmMatching) a = sm_market_solve (mk, SM_SIDE_EMPLOYEES, NULL);
      g_autoptr (SmMatching) b = sm_market_solve (mk, SM_SIDE_EMPLOYEES, NULL);
      g_autoptr (SmCheckReport) r = sm_matching_check (mk, a, NULL);
      CU_ASSERT_TRUE (sm_check_report_is_stable (r));
      CU_ASSERT_TRUE (sm_matching_equal (a, b));
    }
}

/* A cap that does not bind changes nothing: the result equals that of the
 * same market without the group, for both sides proposing. */
static void
test_non_binding_cap_is_neutral (void)
{
  rng_state = 45;
  for (int t = 0; t < 3000; t++)
    {
      g_autoptr (SmMarket) mk = random_capped_market (FALSE);
      CU_ASSERT_FALSE (sm_market_caps_bind (mk));
      g_autoptr (SmMatching) a = sm_market_solve (mk, SM_SIDE_EMPLOYEES, NULL);
      g_autoptr (SmMatching) p = sm_market_solve (mk, SM_SIDE_POSITIONS, NULL);
      CU_ASSERT_PTR_NOT_NULL_FATAL (p);
      g_autoptr (SmCheckReport) ra = sm_matching_check (mk, a, NULL);
      g_autoptr (SmCheckReport) rp = sm_matching_check (mk, p, NULL);
      CU_ASSERT_TRUE (sm_check_report_is_stable (ra));
      CU_ASSERT_TRUE (sm_check_report_is_stable (rp));
      int32_t n;
      sm_check_report_get_cap_excused_pairs (ra, &n);
      CU_ASSERT_EQUAL (n, 0);
    }
}

/* ---- strategy-proofness under a binding cap ------------------------------ */

/* A small capped market kept as plain arrays, so that one employee's list
 * can be swapped: priorities come from a master order per position,
 * restricted to whoever lists it. */
typedef struct {
  int32_t n, m, seats[3], target[3], cap;
  int32_t list[4][3], len[4];
  int32_t master[3][4];
} CappedSpec;

static SmMarket *
build_capped (const CappedSpec *c)
{
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (c->n, c->m, NULL);
  int32_t group[3] = { 0, 1, 2 };
  for (int32_t j = 0; j < c->m; j++)
    {
      sm_market_builder_set_seats (b, j, c->seats[j], NULL);
      sm_market_builder_set_target_seats (b, j, c->target[j], NULL);
      int32_t order[4], k = 0;
      for (int32_t r = 0; r < c->n; r++)
        for (int32_t x = 0; x < c->len[c->master[j][r]]; x++)
          if (c->list[c->master[j][r]][x] == j)
            order[k++] = c->master[j][r];
      sm_market_builder_set_priorities (b, j, order, (size_t) k, NULL);
    }
  for (int32_t i = 0; i < c->n; i++)
    sm_market_builder_set_preferences (b, i, c->list[i], (size_t) c->len[i],
                                       NULL);
  sm_market_builder_add_group (b, group, (size_t) c->m, c->cap, NULL);
  GError *error = NULL;
  SmMarket *mk = sm_market_builder_build (b, &error);
  SM_ASSERT_NO_ERROR (error);
  return mk;
}

/* Where the position stands in the employee's true list (the default is
 * after all of it). */
static int32_t
true_rank (const CappedSpec *c, int32_t i, int32_t position)
{
  for (int32_t k = 0; k < c->len[i]; k++)
    if (c->list[i][k] == position)
      return k;
  return c->len[i];
}

static void
random_capped_spec (CappedSpec *c)
{
  c->n = 2 + (int32_t) rng_below (3);
  c->m = 2 + (int32_t) rng_below (2);
  int32_t seats = 0, targets = 0;
  for (int32_t j = 0; j < c->m; j++)
    seats += c->seats[j] = 1 + (int32_t) rng_below (2);
  c->cap = (int32_t) rng_below ((uint32_t) seats); /* always binds */
  for (int32_t j = 0; j < c->m; j++)
    {
      int32_t want = (int32_t) rng_below ((uint32_t) c->seats[j] + 1);
      c->target[j] = MIN (want, c->cap - targets);
      targets += c->target[j];
      for (int32_t r = 0; r < c->n; r++)
        c->master[j][r] = r;
      shuffle (c->master[j], c->n);
    }
  for (int32_t i = 0; i < c->n; i++)
    {
      int32_t all[3] = { 0, 1, 2 };
      shuffle (all, c->m);
      c->len[i] = (int32_t) rng_below ((uint32_t) c->m + 1);
      memcpy (c->list[i], all, sizeof all);
    }
}

/* Kamada and Kojima (2015) show flexible deferred acceptance is
 * strategy-proof for the proposing side: checked here exhaustively, every
 * employee reporting every ordered list of up to three positions. */
static void
test_strategy_proof_under_caps (void)
{
  rng_state = 77;
  int32_t lists[16][3], lens[16], n_lists = 0;
  for (int32_t a = -1; a < 3; a++)
    for (int32_t b2 = -1; b2 < 3; b2++)
      for (int32_t c3 = -1; c3 < 3; c3++)
        {
          int32_t l[3] = { a, b2, c3 }, len = 0;
          while (len < 3 && l[len] >= 0)
            len++;
          gboolean ok = TRUE;
          for (int32_t k = len; k < 3; k++)
            ok = ok && l[k] < 0;
          for (int32_t x = 0; x < len; x++)
            for (int32_t y = x + 1; y < len; y++)
              ok = ok && l[x] != l[y];
          if (!ok)
            continue;
          memcpy (lists[n_lists], l, sizeof l);
          lens[n_lists++] = len;
        }
  for (int t = 0; t < 1500; t++)
    {
      CappedSpec truth;
      random_capped_spec (&truth);
      g_autoptr (SmMarket) mk = build_capped (&truth);
      g_autoptr (SmMatching)
          honest = sm_market_solve (mk, SM_SIDE_EMPLOYEES, NULL);
      for (int32_t i = 0; i < truth.n; i++)
        {
          int32_t got = true_rank (&truth, i,
                                   sm_matching_get_position (honest, i));
          for (int32_t k = 0; k < n_lists; k++)
            {
              gboolean fits = TRUE;
              for (int32_t x = 0; x < lens[k]; x++)
                fits = fits && lists[k][x] < truth.m;
              if (!fits)
                continue;
              CappedSpec lie = truth;
              memcpy (lie.list[i], lists[k], sizeof lists[k]);
              lie.len[i] = lens[k];
              g_autoptr (SmMarket) mk2 = build_capped (&lie);
              g_autoptr (SmMatching)
                  m2 = sm_market_solve (mk2, SM_SIDE_EMPLOYEES, NULL);
              CU_ASSERT (true_rank (&truth, i, sm_matching_get_position (m2, i))
                         >= got);
            }
        }
    }
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "hand-worked market under a cap", test_hand_worked_cap },
    { "checker under a cap", test_cap_checker },
    { "positions cannot propose under a binding cap",
      test_positions_cannot_propose_under_binding_cap },
    { "group errors", test_group_errors },
    { "random binding caps give stable results",
      test_random_binding_caps_stable },
    { "a cap that does not bind is neutral", test_non_binding_cap_is_neutral },
    { "strategy-proof under a binding cap", test_strategy_proof_under_caps },
    { NULL, NULL },
  };
  return sm_test_run_suite ("caps", cases);
}
