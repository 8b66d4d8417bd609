/* staffmatch tests: deferred acceptance on hand-worked markets.
 *
 * Every market below is small enough to solve with pencil and paper; the
 * comment above each test is that working, for both sides proposing, and
 * the test compares the library with it entry by entry: each employee's
 * position and choice, each position's held employees in priority order
 * and its cutoff, the number placed and the number of proposals.
 *
 * Proposal counts do not depend on the order in which free employees are
 * taken: with employees proposing, each employee proposes down their list
 * exactly as far as their employee-optimal position (or to the end); with
 * positions proposing, each position offers down its priority order as
 * far as its worst employee in the position-optimal matching when full (or
 * to the end when not). So one count per side is right for any correct
 * implementation. */
#include "test-util.h"
#include "test-brute.h"

#include <string.h>

/* What a solver must return. Arrays are per employee or per position. */
typedef struct {
  const int32_t *position;
  const int32_t *choice;
  const int32_t *const *held;
  const int32_t *n_held;
  const int32_t *cutoff;
  int32_t n_placed;
  uint64_t n_proposals;
} Expected;

static const char *
side_name (SmSide side)
{
  return side == SM_SIDE_EMPLOYEES ? "employees propose" : "positions propose";
}

/* CU_ASSERT in a helper reports the helper's line, so say which entry
 * (@index -1: the matching as a whole). */
static void
expect_int (SmSide side, const char *what, int32_t index, int64_t got,
            int64_t want)
{
  CU_ASSERT_EQUAL (got, want);
  if (got == want)
    return;
  fprintf (stderr, "%s: %s", side_name (side), what);
  if (index >= 0)
    fprintf (stderr, " %d", index);
  fprintf (stderr, " is %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT
           "\n", got, want);
}

static void
assert_employees (const SmMatching *mt, SmSide side, int32_t n,
                  const Expected *x)
{
  const int32_t *assignment = sm_matching_get_assignment (mt);
  for (int32_t i = 0; i < n; i++)
    {
      expect_int (side, "position of employee", i,
                  sm_matching_get_position (mt, i), x->position[i]);
      expect_int (side, "assignment of employee", i, assignment[i],
                  x->position[i]);
      expect_int (side, "choice of employee", i,
                  sm_matching_get_choice (mt, i), x->choice[i]);
    }
}

static void
assert_positions (const SmMatching *mt, SmSide side, int32_t m,
                  const Expected *x)
{
  for (int32_t j = 0; j < m; j++)
    {
      int32_t n_held = -1;
      const int32_t *held = sm_matching_get_held (mt, j, &n_held);
      expect_int (side, "number held at position", j, n_held, x->n_held[j]);
      for (int32_t k = 0; k < MIN (n_held, x->n_held[j]); k++)
        expect_int (side, "held employee (by priority) at position", j,
                    held[k], x->held[j][k]);
      expect_int (side, "cutoff of position", j,
                  sm_matching_get_cutoff (mt, j), x->cutoff[j]);
    }
}

/* Solves @market from @side and compares everything with @x. */
static void
assert_solution (const SmMarket *market, SmSide side, const Expected *x)
{
  GError *error = NULL;
  g_autoptr (SmMatching) mt = sm_market_solve (market, side, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (mt);
  int32_t n = sm_market_get_n_employees (market);
  int32_t m = sm_market_get_n_positions (market);
  CU_ASSERT_EQUAL (sm_matching_get_n_employees (mt), n);
  CU_ASSERT_EQUAL (sm_matching_get_n_positions (mt), m);
  assert_employees (mt, side, n, x);
  assert_positions (mt, side, m, x);
  expect_int (side, "n_placed", -1, sm_matching_get_n_placed (mt),
              x->n_placed);
  expect_int (side, "n_proposals", -1,
              (int64_t) sm_matching_get_n_proposals (mt),
              (int64_t) x->n_proposals);
}

static SmMatching *
solve (const SmMarket *market, SmSide side)
{
  GError *error = NULL;
  SmMatching *mt = sm_market_solve (market, side, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (mt);
  return mt;
}

/* Gale and Shapley's (1962) Example 1, a cycle of preferences
 * (alpha, beta, gamma = e0, e1, e2; A, B, C = p0, p1, p2):
 *
 *   e0: p0 p1 p2      p0: e1 e2 e0
 *   e1: p1 p2 p0      p1: e2 e0 e1
 *   e2: p2 p0 p1      p2: e0 e1 e2
 *
 * Employees propose: everyone asks their first choice, nobody collides:
 * e0-p0, e1-p1, e2-p2 after 3 proposals. Each position holds its last
 * choice, so every cutoff is rank 2.
 * Positions propose: likewise p0-e1, p1-e2, p2-e0 after 3 proposals; each
 * employee gets their last choice (choice 2), every cutoff is rank 0.
 * (A third stable matching, everyone's second choice, lies between.) */
static void
test_cyclic_3x3 (void)
{
  static const int32_t p0[] = { 0, 1, 2 }, p1[] = { 1, 2, 0 },
                       p2[] = { 2, 0, 1 };
  static const int32_t q0[] = { 1, 2, 0 }, q1[] = { 2, 0, 1 },
                       q2[] = { 0, 1, 2 };
  const int32_t *prefs[] = { p0, p1, p2 }, *prios[] = { q0, q1, q2 };
  const int32_t len[] = { 3, 3, 3 };
  g_autoptr (SmMarket) market = sm_test_market_new (3, 3, NULL, prefs, len,
                                                    prios, len);

  static const int32_t e_h0[] = { 0 }, e_h1[] = { 1 }, e_h2[] = { 2 };
  const int32_t *e_held[] = { e_h0, e_h1, e_h2 };
  const Expected e = {
    .position = (const int32_t[]) { 0, 1, 2 },
    .choice = (const int32_t[]) { 0, 0, 0 },
    .held = e_held, .n_held = (const int32_t[]) { 1, 1, 1 },
    .cutoff = (const int32_t[]) { 2, 2, 2 },
    .n_placed = 3, .n_proposals = 3,
  };
  assert_solution (market, SM_SIDE_EMPLOYEES, &e);

  static const int32_t p_h0[] = { 1 }, p_h1[] = { 2 }, p_h2[] = { 0 };
  const int32_t *p_held[] = { p_h0, p_h1, p_h2 };
  const Expected p = {
    .position = (const int32_t[]) { 2, 0, 1 },
    .choice = (const int32_t[]) { 2, 2, 2 },
    .held = p_held, .n_held = (const int32_t[]) { 1, 1, 1 },
    .cutoff = (const int32_t[]) { 0, 0, 0 },
    .n_placed = 3, .n_proposals = 3,
  };
  assert_solution (market, SM_SIDE_POSITIONS, &p);
}

/* A one-to-one market where proposals get rejected and the two sides'
 * optimal matchings differ:
 *
 *   e0: p0 p1 p2      p0: e2 e0 e1
 *   e1: p0 p2 p1      p1: e0 e2 e1
 *   e2: p1 p0 p2      p2: e0 e1 e2
 *
 * Employees propose: e0->p0, e1->p0; p0 ranks e0 (1) above e1 (2) and
 * rejects e1; e2->p1; e1->p2, accepted. 4 proposals.
 *   e0-p0 (choice 0), e1-p2 (choice 1), e2-p1 (choice 0);
 *   cutoffs: p0 holds e0 at rank 1, p1 holds e2 at rank 1, p2 holds e1 at
 *   rank 1.
 * Positions propose: p0->e2, p1->e0, p2->e0; e0 likes p1 better and
 * rejects p2; p2->e1, accepted. 4 proposals.
 *   e0-p1 (choice 1), e1-p2 (choice 1), e2-p0 (choice 1);
 *   cutoffs: p0 rank 0 (e2), p1 rank 0 (e0), p2 rank 1 (e1). */
static void
test_one_to_one_sides_differ (void)
{
  static const int32_t p0[] = { 0, 1, 2 }, p1[] = { 0, 2, 1 },
                       p2[] = { 1, 0, 2 };
  static const int32_t q0[] = { 2, 0, 1 }, q1[] = { 0, 2, 1 },
                       q2[] = { 0, 1, 2 };
  const int32_t *prefs[] = { p0, p1, p2 }, *prios[] = { q0, q1, q2 };
  const int32_t len[] = { 3, 3, 3 };
  g_autoptr (SmMarket) market = sm_test_market_new (3, 3, NULL, prefs, len,
                                                    prios, len);

  static const int32_t e_h0[] = { 0 }, e_h1[] = { 2 }, e_h2[] = { 1 };
  const int32_t *e_held[] = { e_h0, e_h1, e_h2 };
  const Expected e = {
    .position = (const int32_t[]) { 0, 2, 1 },
    .choice = (const int32_t[]) { 0, 1, 0 },
    .held = e_held, .n_held = (const int32_t[]) { 1, 1, 1 },
    .cutoff = (const int32_t[]) { 1, 1, 1 },
    .n_placed = 3, .n_proposals = 4,
  };
  assert_solution (market, SM_SIDE_EMPLOYEES, &e);

  static const int32_t p_h0[] = { 2 }, p_h1[] = { 0 }, p_h2[] = { 1 };
  const int32_t *p_held[] = { p_h0, p_h1, p_h2 };
  const Expected p = {
    .position = (const int32_t[]) { 1, 2, 0 },
    .choice = (const int32_t[]) { 1, 1, 1 },
    .held = p_held, .n_held = (const int32_t[]) { 1, 1, 1 },
    .cutoff = (const int32_t[]) { 0, 0, 1 },
    .n_placed = 3, .n_proposals = 4,
  };
  assert_solution (market, SM_SIDE_POSITIONS, &p);

  /* The two answers really differ, so sm_matching_equal() must say so. */
  g_autoptr (SmMatching) a = solve (market, SM_SIDE_EMPLOYEES);
  g_autoptr (SmMatching) b = solve (market, SM_SIDE_POSITIONS);
  CU_ASSERT_FALSE (sm_matching_equal (a, b));
  CU_ASSERT_TRUE (sm_matching_equal (a, a));
}

/* A four-by-four marriage market with a single stable matching, reached
 * by both sides only after several rejections:
 *
 *   e0: p0 p1 p2 p3      p0: e3 e2 e0 e1
 *   e1: p0 p3 p2 p1      p1: e1 e3 e0 e2
 *   e2: p1 p0 p2 p3      p2: e3 e0 e1 e2
 *   e3: p3 p1 p2 p0      p3: e2 e1 e0 e3
 *
 * Employees propose (free employees in index order):
 *   e0->p0 held; e1->p0 rejected (p0 ranks e0 2, e1 3); e2->p1 held;
 *   e3->p3 held; e1->p3: p3 ranks e1 1 over e3 3, rejects e3;
 *   e3->p1: p1 ranks e3 1 over e2 3, rejects e2; e2->p0: p0 ranks e2 1
 *   over e0 2, rejects e0; e0->p1 rejected (e3 is 1, e0 is 2);
 *   e0->p2 held. Proposals: e0 3 + e1 2 + e2 2 + e3 2 = 9.
 * Positions propose:
 *   p0->e3 held; p1->e1 held; p2->e3, who drops p0 (e3 likes p2 better);
 *   p3->e2 held; p0->e2, who drops p3; p3->e1, who drops p1; p1->e3, who
 *   drops p2; p2->e0 held. Proposals: 2 per position = 8.
 * Both end at the unique stable matching
 *   e0-p2, e1-p3, e2-p0, e3-p1,
 * each employee at choice 2, 1, 1, 1 and each position at its rank 1. */
static void
test_unique_4x4 (void)
{
  static const int32_t p0[] = { 0, 1, 2, 3 }, p1[] = { 0, 3, 2, 1 },
                       p2[] = { 1, 0, 2, 3 }, p3[] = { 3, 1, 2, 0 };
  static const int32_t q0[] = { 3, 2, 0, 1 }, q1[] = { 1, 3, 0, 2 },
                       q2[] = { 3, 0, 1, 2 }, q3[] = { 2, 1, 0, 3 };
  const int32_t *prefs[] = { p0, p1, p2, p3 };
  const int32_t *prios[] = { q0, q1, q2, q3 };
  const int32_t len[] = { 4, 4, 4, 4 };
  g_autoptr (SmMarket) market = sm_test_market_new (4, 4, NULL, prefs, len,
                                                    prios, len);

  static const int32_t h0[] = { 2 }, h1[] = { 3 }, h2[] = { 0 }, h3[] = { 1 };
  const int32_t *held[] = { h0, h1, h2, h3 };
  Expected x = {
    .position = (const int32_t[]) { 2, 3, 0, 1 },
    .choice = (const int32_t[]) { 2, 1, 1, 1 },
    .held = held, .n_held = (const int32_t[]) { 1, 1, 1, 1 },
    .cutoff = (const int32_t[]) { 1, 1, 1, 1 },
    .n_placed = 4, .n_proposals = 9,
  };
  assert_solution (market, SM_SIDE_EMPLOYEES, &x);
  x.n_proposals = 8;
  assert_solution (market, SM_SIDE_POSITIONS, &x);
}

/* College admissions in Gale and Shapley's sense: positions with quotas
 * (seats p0 2, p1 1, p2 2), six applicants for five seats:
 *
 *   e0: p0 p1 p2         p0: e2 e0 e5 e4 e1
 *   e1: p0 p1 p2         p1: e2 e5 e1 e0 e4 e3
 *   e2: p0 p1 p2         p2: e3 e0 e2 e1 e5 e4
 *   e3: p1 p2
 *   e4: p0 p2 p1
 *   e5: p2 p1 p0
 *
 * Employees propose (free employees in index order):
 *   e0->p0, e1->p0 held; e2->p0: p0 keeps e2 (0), e0 (1), rejects e1 (4);
 *   e3->p1 held; e4->p0 rejected (3, worse than e0's 1); e5->p2 held;
 *   e1->p1: p1 keeps e1 (2), rejects e3 (5); e4->p2 held (p2 has 2 seats);
 *   e3->p2: p2 keeps e3 (0), e5 (4), rejects e4 (5); e4->p1 rejected (4,
 *   worse than e1's 2); e4's list is spent: default.
 *   Proposals: 1 + 2 + 1 + 2 + 3 + 1 = 10.
 *   e0-p0 (0), e1-p1 (1), e2-p0 (0), e3-p2 (1), e4 default, e5-p2 (0);
 *   p0 holds e2, e0 (cutoff 1), p1 e1 (cutoff 2), p2 e3, e5 (cutoff 4).
 * Positions propose:
 *   p0->e2, p0->e0, both held; p1->e2, rejected (e2 holds p0); p1->e5
 *   held; p2->e3 held, p2->e0 rejected (e0 holds p0), p2->e2 rejected,
 *   p2->e1 held. Proposals: 2 + 2 + 4 = 8.
 *   e0-p0 (0), e1-p2 (2), e2-p0 (0), e3-p2 (1), e4 default, e5-p1 (1);
 *   p0 holds e2, e0 (cutoff 1), p1 e5 (cutoff 1), p2 e3, e1 (cutoff 3).
 * The same employee (e4) stays at the default either way and every
 * position is full either way, as the rural hospitals theorem says.
 * The market is sm_test_college_market_new(). */
static void
test_college_admissions_quotas (void)
{
  g_autoptr (SmMarket) market = sm_test_college_market_new ();

  static const int32_t e_h0[] = { 2, 0 }, e_h1[] = { 1 }, e_h2[] = { 3, 5 };
  const int32_t *e_held[] = { e_h0, e_h1, e_h2 };
  const Expected e = {
    .position = (const int32_t[]) { 0, 1, 0, 2, SM_DEFAULT, 2 },
    .choice = (const int32_t[]) { 0, 1, 0, 1, -1, 0 },
    .held = e_held, .n_held = (const int32_t[]) { 2, 1, 2 },
    .cutoff = (const int32_t[]) { 1, 2, 4 },
    .n_placed = 5, .n_proposals = 10,
  };
  assert_solution (market, SM_SIDE_EMPLOYEES, &e);

  static const int32_t p_h0[] = { 2, 0 }, p_h1[] = { 5 }, p_h2[] = { 3, 1 };
  const int32_t *p_held[] = { p_h0, p_h1, p_h2 };
  const Expected p = {
    .position = (const int32_t[]) { 0, 2, 0, 2, SM_DEFAULT, 1 },
    .choice = (const int32_t[]) { 0, 2, 0, 1, -1, 1 },
    .held = p_held, .n_held = (const int32_t[]) { 2, 1, 2 },
    .cutoff = (const int32_t[]) { 1, 1, 3 },
    .n_placed = 5, .n_proposals = 8,
  };
  assert_solution (market, SM_SIDE_POSITIONS, &p);
}

/* Incomplete lists: someone who listed a position loses it and stays at
 * the default, someone lists nothing, a position is listed but refused.
 *
 *   e0: p0               p0: e1 e0      (1 seat)
 *   e1: p0 p1            p1: e1         (1 seat)
 *   e2: (nothing)
 *
 * Employees propose: e0->p0 held; e1->p0: p0 prefers e1 and rejects e0,
 * whose list is spent. 2 proposals. e0 and e2 stay at the default; p1 was
 * never asked and is open.
 * Positions propose: p0->e1 and p1->e1; e1 keeps p0 and rejects p1, whose
 * list is spent. 2 proposals, the same matching. */
static void
test_incomplete_lists_default (void)
{
  static const int32_t p0[] = { 0 }, p1[] = { 0, 1 }, none[] = { -1 };
  static const int32_t q0[] = { 1, 0 }, q1[] = { 1 };
  const int32_t *prefs[] = { p0, p1, none }, *prios[] = { q0, q1 };
  const int32_t pref_len[] = { 1, 2, 0 }, prio_len[] = { 2, 1 };
  g_autoptr (SmMarket) market = sm_test_market_new (3, 2, NULL, prefs,
                                                    pref_len, prios,
                                                    prio_len);

  static const int32_t h0[] = { 1 }, h1[] = { -1 };
  const int32_t *held[] = { h0, h1 };
  const Expected x = {
    .position = (const int32_t[]) { SM_DEFAULT, 0, SM_DEFAULT },
    .choice = (const int32_t[]) { -1, 0, -1 },
    .held = held, .n_held = (const int32_t[]) { 1, 0 },
    .cutoff = (const int32_t[]) { 0, SM_CUTOFF_OPEN },
    .n_placed = 1, .n_proposals = 2,
  };
  assert_solution (market, SM_SIDE_EMPLOYEES, &x);
  assert_solution (market, SM_SIDE_POSITIONS, &x);
}

/* Seats versus applicants, and a position nobody wants:
 *
 *   e0: p0               p0: e2 e0 e5 e3 e1   (6 seats, 5 applicants)
 *   e1: p0 p1            p1: e6 e4 e1 e5      (3 seats, 4 applicants)
 *   e2: p0               p2: (nobody)         (2 seats)
 *   e3: p0               p3: e8 e7            (2 seats, 2 applicants)
 *   e4: p1
 *   e5: p1 p0
 *   e6: p1
 *   e7: p3
 *   e8: p3
 *
 * Employees propose: all first choices fit (p0 gets 4 of 6 seats, p1 3 of
 * 3, p3 2 of 2): 9 proposals, everyone at choice 0.
 * Positions propose: p0 offers to all five applicants; p1 to e6, e4, e1;
 * p3 to e8, e7. e1 holds p0 and p1 and keeps p0, so p1 offers to e5, who
 * drops p0 for p1. p0's list is spent with 4 held. Proposals 5 + 4 + 0 + 2
 * = 11, and the same matching.
 * p0 holds e2, e0, e3, e1 (priority order, not index order), a seat open:
 * SM_CUTOFF_OPEN. p1 is full, its worst e5 at rank 3. p2 holds nobody and
 * is open. p3 is exactly full: cutoff 1, the rank of e7. */
static void
test_seats_and_unwanted_positions (void)
{
  static const int32_t p0[] = { 0 }, p1[] = { 0, 1 }, p4[] = { 1 },
                       p5[] = { 1, 0 }, p7[] = { 3 };
  static const int32_t q0[] = { 2, 0, 5, 3, 1 }, q1[] = { 6, 4, 1, 5 },
                       q3[] = { 8, 7 }, none[] = { -1 };
  const int32_t *prefs[] = { p0, p1, p0, p0, p4, p5, p4, p7, p7 };
  const int32_t *prios[] = { q0, q1, none, q3 };
  const int32_t pref_len[] = { 1, 2, 1, 1, 1, 2, 1, 1, 1 };
  const int32_t prio_len[] = { 5, 4, 0, 2 };
  const int32_t seats[] = { 6, 3, 2, 2 };
  g_autoptr (SmMarket) market = sm_test_market_new (9, 4, seats, prefs,
                                                    pref_len, prios,
                                                    prio_len);

  static const int32_t h0[] = { 2, 0, 3, 1 }, h1[] = { 6, 4, 5 },
                       h3[] = { 8, 7 };
  const int32_t *held[] = { h0, h1, none, h3 };
  Expected x = {
    .position = (const int32_t[]) { 0, 0, 0, 0, 1, 1, 1, 3, 3 },
    .choice = (const int32_t[]) { 0, 0, 0, 0, 0, 0, 0, 0, 0 },
    .held = held, .n_held = (const int32_t[]) { 4, 3, 0, 2 },
    .cutoff = (const int32_t[]) { SM_CUTOFF_OPEN, 3, SM_CUTOFF_OPEN, 1 },
    .n_placed = 9, .n_proposals = 9,
  };
  assert_solution (market, SM_SIDE_EMPLOYEES, &x);
  x.n_proposals = 11;
  assert_solution (market, SM_SIDE_POSITIONS, &x);
}

/* Markets with no employees, no positions or neither: nothing to do, and
 * nothing may break. */
static void
test_empty_markets (void)
{
  static const int32_t none[] = { -1 };
  const int32_t *lists[] = { none, none, none };
  const int32_t zero[] = { 0, 0, 0 }, seats[] = { 1, 4 };

  const int32_t sizes[][2] = { { 0, 0 }, { 3, 0 }, { 0, 2 } };
  for (size_t s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      int32_t n = sizes[s][0], m = sizes[s][1];
      g_autoptr (SmMarket) market = sm_test_market_new (n, m, seats, lists,
                                                        zero, lists, zero);
      const int32_t *held[] = { none, none };
      const Expected x = {
        .position = (const int32_t[]) { SM_DEFAULT, SM_DEFAULT, SM_DEFAULT },
        .choice = (const int32_t[]) { -1, -1, -1 },
        .held = held, .n_held = zero,
        .cutoff = (const int32_t[]) { SM_CUTOFF_OPEN, SM_CUTOFF_OPEN },
        .n_placed = 0, .n_proposals = 0,
      };
      assert_solution (market, SM_SIDE_EMPLOYEES, &x);
      assert_solution (market, SM_SIDE_POSITIONS, &x);
    }
}

/* Two matchings agree in everything a caller can see. */
static void
assert_identical (const SmMatching *a, const SmMatching *b)
{
  int32_t n = sm_matching_get_n_employees (a);
  int32_t m = sm_matching_get_n_positions (a);
  CU_ASSERT_TRUE (sm_matching_equal (a, b));
  CU_ASSERT_EQUAL_FATAL (sm_matching_get_n_employees (b), n);
  CU_ASSERT_EQUAL_FATAL (sm_matching_get_n_positions (b), m);
  CU_ASSERT_EQUAL (memcmp (sm_matching_get_assignment (a),
                           sm_matching_get_assignment (b),
                           (size_t) n * sizeof (int32_t)), 0);
  CU_ASSERT_EQUAL (sm_matching_get_n_placed (a), sm_matching_get_n_placed (b));
  for (int32_t j = 0; j < m; j++)
    {
      int32_t na, nb;
      const int32_t *ha = sm_matching_get_held (a, j, &na);
      const int32_t *hb = sm_matching_get_held (b, j, &nb);
      CU_ASSERT_EQUAL_FATAL (na, nb);
      CU_ASSERT_EQUAL (memcmp (ha, hb, (size_t) na * sizeof (int32_t)), 0);
      CU_ASSERT_EQUAL (sm_matching_get_cutoff (a, j),
                       sm_matching_get_cutoff (b, j));
    }
}

/* A market big enough to have long rejection chains; the same seed gives
 * the same market. One-to-one with long lists, because random
 * many-to-one markets with short lists nearly always have a single stable
 * matching, and this one should have the two sides disagree. */
static SmMarket *
big_market_new (void)
{
  SmTestRng rng;
  sm_test_rng_init (&rng, 20181001);
  return sm_test_random_market_new (&rng, 300, 300, 300, 1);
}

/* Solving is a pure function of the market: solving again, after solving
 * the other side, or on a copy of the market built anew gives the same
 * bytes, and so do copies of the result. */
static void
test_determinism (void)
{
  g_autoptr (SmMarket) market = big_market_new ();
  g_autoptr (SmMarket) again = big_market_new ();
  const SmSide sides[] = { SM_SIDE_EMPLOYEES, SM_SIDE_POSITIONS };
  for (size_t s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      g_autoptr (SmMatching) first = solve (market, sides[s]);
      CU_ASSERT_TRUE (sm_matching_get_n_proposals (first) > 0);
      for (int round = 0; round < 4; round++)
        {
          g_autoptr (SmMatching) other = solve (market, sides[1 - s]);
          CU_ASSERT_PTR_NOT_NULL (other);
          g_autoptr (SmMatching) next = solve (market, sides[s]);
          assert_identical (first, next);
          CU_ASSERT_EQUAL (sm_matching_get_n_proposals (first),
                           sm_matching_get_n_proposals (next));
        }
      g_autoptr (SmMatching) rebuilt = solve (again, sides[s]);
      assert_identical (first, rebuilt);
      CU_ASSERT_EQUAL (sm_matching_get_n_proposals (first),
                       sm_matching_get_n_proposals (rebuilt));
      g_autoptr (SmMatching) copy = sm_matching_copy (first);
      CU_ASSERT_PTR_NOT_NULL_FATAL (copy);
      assert_identical (first, copy);
    }
}

/* The big market is big enough that the two sides disagree somewhere, and
 * sm_matching_equal() must notice a single employee moved. */
static void
test_equal_detects_difference (void)
{
  g_autoptr (SmMarket) market = big_market_new ();
  g_autoptr (SmMatching) e = solve (market, SM_SIDE_EMPLOYEES);
  g_autoptr (SmMatching) p = solve (market, SM_SIDE_POSITIONS);
  CU_ASSERT_FALSE (sm_matching_equal (e, p));

  GError *error = NULL;
  int32_t n = sm_market_get_n_employees (market);
  g_autofree int32_t *moved = g_memdup2 (sm_matching_get_assignment (e),
                                         (size_t) n * sizeof (int32_t));
  moved[n - 1] = moved[n - 1] == SM_DEFAULT ? 0 : SM_DEFAULT;
  g_autoptr (SmMatching) m = sm_matching_new_from_assignment (market, moved,
                                                              n, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_FALSE (sm_matching_equal (e, m));
  moved[n - 1] = sm_matching_get_assignment (e)[n - 1];
  g_autoptr (SmMatching) same = sm_matching_new_from_assignment (market, moved,
                                                                 n, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (sm_matching_equal (e, same));
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "cyclic 3x3 (Gale-Shapley)", test_cyclic_3x3 },
    { "one-to-one, sides differ", test_one_to_one_sides_differ },
    { "4x4, unique stable matching", test_unique_4x4 },
    { "college admissions with quotas", test_college_admissions_quotas },
    { "incomplete lists, default", test_incomplete_lists_default },
    { "seats and unwanted positions", test_seats_and_unwanted_positions },
    { "empty markets", test_empty_markets },
    { "determinism", test_determinism },
    { "equal detects a difference", test_equal_detects_difference },
    { NULL, NULL },
  };
  return sm_test_run_suite ("solve", cases);
}
