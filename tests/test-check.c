/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: the stability checker on hand-made matchings.
 *
 * Each matching is written down as an assignment and its verdict worked
 * out by hand in the comment: which violations, which blocking pairs and
 * in what order (by employee, then in the employee's order of
 * preference, as check.h promises). Failures are checked for their exact
 * error domain and code. */
#include "test-util.h"
#include "test-brute.h"

#include <string.h>

static SmMatching *
matching_new (const SmMarket *market, const int32_t *assignment)
{
  GError *error = NULL;
  SmMatching *mt = sm_matching_new_from_assignment (market, assignment,
                                                    sm_market_get_n_employees (
                                                        market),
                                                    &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (mt);
  return mt;
}

static SmCheckReport *
check (const SmMarket *market, const SmMatching *mt)
{
  GError *error = NULL;
  SmCheckReport *report = sm_matching_check (market, mt, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (report);
  return report;
}

/* Asserts the report's blocking pairs are exactly @want, in order. */
static void
assert_pairs (const SmCheckReport *report, const SmBlockingPair *want,
              int32_t n_want)
{
  int32_t n = -1;
  const SmBlockingPair *got = sm_check_report_get_blocking_pairs (report, &n);
  CU_ASSERT_EQUAL (n, n_want);
  for (int32_t k = 0; k < MIN (n, n_want); k++)
    {
      gboolean same = got[k].employee == want[k].employee
                      && got[k].position == want[k].position;
      CU_ASSERT_TRUE (same);
      if (!same)
        fprintf (stderr,
                 "blocking pair %d is (e%d, p%d), expected "
                 "(e%d, p%d)\n",
                 k, got[k].employee, got[k].position, want[k].employee,
                 want[k].position);
    }
  if (n != n_want)
    fprintf (stderr, "%d blocking pairs, expected %d\n", n, n_want);
}

static gboolean
same_violation (const SmViolation *a, const SmViolation *b)
{
  return a->kind == b->kind && a->employee == b->employee
         && a->position == b->position && a->group == b->group;
}

/* Asserts the report's violations are exactly @want, in any order: the
 * header does not promise one. */
static void
assert_violations (const SmCheckReport *report, const SmViolation *want,
                   int32_t n_want)
{
  int32_t n = -1;
  const SmViolation *got = sm_check_report_get_violations (report, &n);
  CU_ASSERT_EQUAL (n, n_want);
  if (n != n_want)
    fprintf (stderr, "%d violations, expected %d\n", n, n_want);
  gboolean used[8] = { FALSE };
  g_assert (n_want <= (int32_t) G_N_ELEMENTS (used));
  for (int32_t k = 0; k < MIN (n, (int32_t) G_N_ELEMENTS (used)); k++)
    {
      gboolean found = FALSE;
      for (int32_t w = 0; w < n_want && !found; w++)
        if (!used[w] && same_violation (&got[k], &want[w]))
          used[w] = found = TRUE;
      CU_ASSERT_TRUE (found);
      if (!found)
        fprintf (stderr,
                 "unexpected violation kind %d employee %d "
                 "position %d group %d\n",
                 got[k].kind, got[k].employee, got[k].position, got[k].group);
    }
}

static void
assert_stable (const SmMarket *market, const int32_t *assignment)
{
  g_autoptr (SmMatching) mt = matching_new (market, assignment);
  g_autoptr (SmCheckReport) report = check (market, mt);
  CU_ASSERT_TRUE (sm_check_report_is_valid (report));
  CU_ASSERT_TRUE (sm_check_report_is_stable (report));
  assert_violations (report, NULL, 0);
  assert_pairs (report, NULL, 0);
  CU_ASSERT_EQUAL (sm_matching_get_n_proposals (mt), 0);
}

/* The two stable matchings of the college market (see test-brute.h; the
 * solvers' answers, worked by hand in test-solve.c), and the middle one of
 * the cyclic 3x3 market, where everyone has their second choice:
 *
 *   e0: p0 p1 p2      p0: e1 e2 e0
 *   e1: p1 p2 p0      p1: e2 e0 e1
 *   e2: p2 p0 p1      p2: e0 e1 e2
 *
 * e0-p1, e1-p2, e2-p0: e0 would rather have p0, but p0 holds e2, whom it
 * ranks above e0; likewise e1 and p1 (holds e0), e2 and p2 (holds e1). */
static void
test_stable (void)
{
  g_autoptr (SmMarket) college = sm_test_college_market_new ();
  assert_stable (college, (const int32_t[]){ 0, 1, 0, 2, SM_DEFAULT, 2 });
  assert_stable (college, (const int32_t[]){ 0, 2, 0, 2, SM_DEFAULT, 1 });

  static const int32_t p0[] = { 0, 1, 2 }, p1[] = { 1, 2, 0 },
                       p2[] = { 2, 0, 1 };
  static const int32_t q0[] = { 1, 2, 0 }, q1[] = { 2, 0, 1 },
                       q2[] = { 0, 1, 2 };
  const int32_t *prefs[] = { p0, p1, p2 }, *prios[] = { q0, q1, q2 };
  const int32_t len[] = { 3, 3, 3 };
  g_autoptr (SmMarket)
      cyclic = sm_test_market_new (3, 3, NULL, prefs, len, prios, len);
  const int32_t middle[] = { 1, 2, 0 };
  assert_stable (cyclic, middle);
  g_autoptr (SmMatching) mt = matching_new (cyclic, middle);
  for (int32_t i = 0; i < 3; i++)
    CU_ASSERT_EQUAL (sm_matching_get_choice (mt, i), 1);
}

/* The college market with
 *   e0-p1, e1-p0, e2 default, e3 default, e4-p2, e5-p0
 * (valid: all listed; p0 2 of 2, p1 1 of 1, p2 1 of 2 seats):
 *   e0 (at choice 1) wants p0: full, but holds e1 (rank 4) and e5 (2)
 *      below e0 (1)                                    -> (e0, p0)
 *   e1 has their first choice.
 *   e2 (default) wants p0: holds e1 (4) below e2 (0)   -> (e2, p0)
 *      p1: holds e0 (3) below e2 (0)                   -> (e2, p1)
 *      p2: a seat is open                              -> (e2, p2)
 *   e3 (default) wants p1: holds e0 (3) above e3 (5), no;
 *      p2: open                                        -> (e3, p2)
 *   e4 (at choice 1, p2) wants p0: holds e1 (4) below e4 (3) -> (e4, p0)
 *   e5 (at choice 2, p0) wants p2 first: open          -> (e5, p2)
 *      then p1: holds e0 (3) below e5 (1)              -> (e5, p1)
 * e5's pairs come in e5's order (p2 before p1), not in index order. */
static void
test_blocking_pairs (void)
{
  g_autoptr (SmMarket) market = sm_test_college_market_new ();
  g_autoptr (SmMatching)
      mt = matching_new (market, (const int32_t[]){ 1, 0, SM_DEFAULT,
                                                    SM_DEFAULT, 2, 0 });
  g_autoptr (SmCheckReport) report = check (market, mt);
  CU_ASSERT_TRUE (sm_check_report_is_valid (report));
  CU_ASSERT_FALSE (sm_check_report_is_stable (report));
  assert_violations (report, NULL, 0);
  static const SmBlockingPair want[] = {
    { 0, 0 }, { 2, 0 }, { 2, 1 }, { 2, 2 },
    { 3, 2 }, { 4, 0 }, { 5, 2 }, { 5, 1 },
  };
  assert_pairs (report, want, G_N_ELEMENTS (want));
}

/* The college market with
 *   e0-p2, e1-p1, e2-p0, e3 default, e4 default, e5-p0:
 *   e0 (choice 2) wants p0: holds e2 (0), e5 (2); e0 is 1 -> (e0, p0);
 *      p1: holds e1 (2) above e0 (3), no.
 *   e1 (choice 1) wants p0: e1 is 4, below both held, no.
 *   e2 has their first choice.
 *   e3 wants p1: e1 (2) above e3 (5), no; p2: open    -> (e3, p2)
 *   e4 wants p0: e4 (3) below both held, no; p2 open  -> (e4, p2);
 *      p1 comes after p2 in e4's list, and e4 (4) is below e1 (2): no.
 *   e5 (choice 2) wants p2: open                      -> (e5, p2)
 *      p1: holds e1 (2) below e5 (1)                   -> (e5, p1) */
static void
test_blocking_pairs_2 (void)
{
  g_autoptr (SmMarket) market = sm_test_college_market_new ();
  g_autoptr (SmMatching)
      mt = matching_new (market, (const int32_t[]){ 2, 1, 0, SM_DEFAULT,
                                                    SM_DEFAULT, 0 });
  g_autoptr (SmCheckReport) report = check (market, mt);
  CU_ASSERT_TRUE (sm_check_report_is_valid (report));
  CU_ASSERT_FALSE (sm_check_report_is_stable (report));
  static const SmBlockingPair want[] = {
    { 0, 0 }, { 3, 2 }, { 4, 2 }, { 5, 2 }, { 5, 1 },
  };
  assert_pairs (report, want, G_N_ELEMENTS (want));
}

/* One position p0 (1 seat) that e0 and e1 both list; p0 ranks e0 first;
 * e2 lists nothing.
 *   everyone at the default: p0 has an open seat, so e0 and e1 both block
 *     it, and e2, who did not list p0, does not;
 *   e0 at p0: stable (e1 ranks below e0, e2 does not want p0);
 *   e1 at p0: e0 blocks, p0 holds e1 whom it ranks below e0. */
static void
test_default_and_open_seat (void)
{
  static const int32_t p0[] = { 0 }, q0[] = { 0, 1 }, none[] = { -1 };
  const int32_t *prefs[] = { p0, p0, none }, *prios[] = { q0 };
  const int32_t pref_len[] = { 1, 1, 0 }, prio_len[] = { 2 };
  g_autoptr (SmMarket) market = sm_test_market_new (3, 1, NULL, prefs, pref_len,
                                                    prios, prio_len);
  const int32_t d = SM_DEFAULT;
  {
    g_autoptr (SmMatching)
        mt = matching_new (market, (const int32_t[]){ d, d, d });
    g_autoptr (SmCheckReport) report = check (market, mt);
    CU_ASSERT_TRUE (sm_check_report_is_valid (report));
    CU_ASSERT_FALSE (sm_check_report_is_stable (report));
    assert_pairs (report, (const SmBlockingPair[]){ { 0, 0 }, { 1, 0 } }, 2);
    CU_ASSERT_EQUAL (sm_matching_get_cutoff (mt, 0), SM_CUTOFF_OPEN);
    CU_ASSERT_EQUAL (sm_matching_get_n_placed (mt), 0);
  }
  assert_stable (market, (const int32_t[]){ 0, d, d });
  {
    g_autoptr (SmMatching)
        mt = matching_new (market, (const int32_t[]){ d, 0, d });
    g_autoptr (SmCheckReport) report = check (market, mt);
    CU_ASSERT_TRUE (sm_check_report_is_valid (report));
    CU_ASSERT_FALSE (sm_check_report_is_stable (report));
    assert_pairs (report, (const SmBlockingPair[]){ { 0, 0 } }, 1);
    CU_ASSERT_EQUAL (sm_matching_get_cutoff (mt, 0), 1);
    CU_ASSERT_EQUAL (sm_matching_get_n_placed (mt), 1);
  }
}

/* Three one-seat positions, everyone lists all three:
 *   e0: p0 p1 p2      p0: e2 e0 e1
 *   e1: p0 p2 p1      p1: e0 e2 e1
 *   e2: p1 p0 p2      p2: e0 e1 e2
 * e0 and e1 both at p0, e2 at p1: p0 holds two in one seat. */
static void
test_over_seats (void)
{
  static const int32_t p0[] = { 0, 1, 2 }, p1[] = { 0, 2, 1 },
                       p2[] = { 1, 0, 2 };
  static const int32_t q0[] = { 2, 0, 1 }, q1[] = { 0, 2, 1 },
                       q2[] = { 0, 1, 2 };
  const int32_t *prefs[] = { p0, p1, p2 }, *prios[] = { q0, q1, q2 };
  const int32_t len[] = { 3, 3, 3 };
  g_autoptr (SmMarket)
      market = sm_test_market_new (3, 3, NULL, prefs, len, prios, len);
  g_autoptr (SmMatching)
      mt = matching_new (market, (const int32_t[]){ 0, 0, 1 });
  g_autoptr (SmCheckReport) report = check (market, mt);
  CU_ASSERT_FALSE (sm_check_report_is_valid (report));
  CU_ASSERT_FALSE (sm_check_report_is_stable (report));
  const SmViolation want[] = { { SM_VIOLATION_KIND_OVER_SEATS, -1, 0, -1 } };
  assert_violations (report, want, 1);

  /* The matching keeps both, held in p0's order: e0 before e1. */
  int32_t n_held = 0;
  const int32_t *held = sm_matching_get_held (mt, 0, &n_held);
  CU_ASSERT_EQUAL_FATAL (n_held, 2);
  CU_ASSERT_EQUAL (held[0], 0);
  CU_ASSERT_EQUAL (held[1], 1);
  CU_ASSERT_EQUAL (sm_matching_get_n_placed (mt), 3);
}

/* p0 (3 seats) ranks e2 then e1; e0 listed nothing:
 *   e0: (nothing)     p0: e2 e1
 *   e1: p0
 *   e2: p0
 * All three at p0: e0's placement is not acceptable. p0 holds e2, e1 in
 * priority order and then e0, whom it does not rank. */
static void
test_not_acceptable (void)
{
  static const int32_t p0[] = { 0 }, q0[] = { 2, 1 }, none[] = { -1 };
  const int32_t *prefs[] = { none, p0, p0 }, *prios[] = { q0 };
  const int32_t pref_len[] = { 0, 1, 1 }, prio_len[] = { 2 };
  const int32_t seats[] = { 3 };
  g_autoptr (SmMarket) market = sm_test_market_new (3, 1, seats, prefs,
                                                    pref_len, prios, prio_len);
  g_autoptr (SmMatching)
      mt = matching_new (market, (const int32_t[]){ 0, 0, 0 });
  g_autoptr (SmCheckReport) report = check (market, mt);
  CU_ASSERT_FALSE (sm_check_report_is_valid (report));
  CU_ASSERT_FALSE (sm_check_report_is_stable (report));
  const SmViolation want[] = { { SM_VIOLATION_KIND_NOT_ACCEPTABLE, 0, 0, -1 } };
  assert_violations (report, want, 1);

  CU_ASSERT_EQUAL (sm_matching_get_position (mt, 0), 0);
  CU_ASSERT_EQUAL (sm_matching_get_choice (mt, 0), -1);
  CU_ASSERT_EQUAL (sm_matching_get_choice (mt, 1), 0);
  int32_t n_held = 0;
  const int32_t *held = sm_matching_get_held (mt, 0, &n_held);
  CU_ASSERT_EQUAL_FATAL (n_held, 3);
  CU_ASSERT_EQUAL (held[0], 2);
  CU_ASSERT_EQUAL (held[1], 1);
  CU_ASSERT_EQUAL (held[2], 0);
}

/* Both kinds at once, in a market with one-seat positions:
 *   e0: p0            p0: e1 e0
 *   e1: p0 p1         p1: e1
 *   e2: (nothing)
 * e0, e1 and e2 all at p1: p1 is over its one seat, and neither e0 nor e2
 * listed it. Three violations. */
static void
test_both_violations (void)
{
  static const int32_t p0[] = { 0 }, p1[] = { 0, 1 }, none[] = { -1 };
  static const int32_t q0[] = { 1, 0 }, q1[] = { 1 };
  const int32_t *prefs[] = { p0, p1, none }, *prios[] = { q0, q1 };
  const int32_t pref_len[] = { 1, 2, 0 }, prio_len[] = { 2, 1 };
  g_autoptr (SmMarket) market = sm_test_market_new (3, 2, NULL, prefs, pref_len,
                                                    prios, prio_len);
  g_autoptr (SmMatching)
      mt = matching_new (market, (const int32_t[]){ 1, 1, 1 });
  g_autoptr (SmCheckReport) report = check (market, mt);
  CU_ASSERT_FALSE (sm_check_report_is_valid (report));
  CU_ASSERT_FALSE (sm_check_report_is_stable (report));
  const SmViolation want[] = {
    { SM_VIOLATION_KIND_OVER_SEATS, -1, 1, -1 },
    { SM_VIOLATION_KIND_NOT_ACCEPTABLE, 0, 1, -1 },
    { SM_VIOLATION_KIND_NOT_ACCEPTABLE, 2, 1, -1 },
  };
  assert_violations (report, want, G_N_ELEMENTS (want));
}

/* Four employees and four one-seat positions whose lists cross so that
 * there are ten stable matchings, a known example (Malkevitch, "Gale-
 * Shapley example with ten stable marriages"):
 *
 *   e0: p0 p1 p2 p3      p0: e3 e2 e1 e0
 *   e1: p1 p0 p3 p2      p1: e2 e3 e0 e1
 *   e2: p2 p3 p0 p1      p2: e1 e0 e3 e2
 *   e3: p3 p2 p1 p0      p3: e0 e1 e2 e3
 *
 * Of the 209 valid matchings (no position over its seat; everyone listed
 * everything), exactly these ten are stable, all of them complete:
 *   0123 0132 1023 1032 1302 2031 2301 2310 3201 3210
 * (the position of e0, e1, e2, e3). The checker runs on all 625
 * assignments of each employee to the default or a position; the other
 * 416 hold two in one seat and are invalid. */
static void
test_ten_stable_matchings (void)
{
  static const int32_t p0[] = { 0, 1, 2, 3 }, p1[] = { 1, 0, 3, 2 },
                       p2[] = { 2, 3, 0, 1 }, p3[] = { 3, 2, 1, 0 };
  const int32_t *prefs[] = { p0, p1, p2, p3 };
  const int32_t *prios[] = { p3, p2, p1, p0 };
  const int32_t len[] = { 4, 4, 4, 4 };
  g_autoptr (SmMarket)
      market = sm_test_market_new (4, 4, NULL, prefs, len, prios, len);
  static const char *const want[] = {
    "0123", "0132", "1023", "1032", "1302",
    "2031", "2301", "2310", "3201", "3210",
  };
  int n_valid = 0, n_stable = 0;
  for (int code = 0; code < 625; code++)
    {
      int32_t a[4];
      char name[5] = { 0 };
      for (int i = 0, rest = code; i < 4; i++, rest /= 5)
        {
          a[i] = rest % 5 - 1;
          name[i] = a[i] == SM_DEFAULT ? '-' : (char) ('0' + a[i]);
        }
      g_autoptr (SmMatching) mt = matching_new (market, a);
      g_autoptr (SmCheckReport) report = check (market, mt);
      n_valid += sm_check_report_is_valid (report);
      if (!sm_check_report_is_stable (report))
        continue;
      gboolean known = FALSE;
      for (size_t k = 0; k < G_N_ELEMENTS (want); k++)
        known |= strcmp (name, want[k]) == 0;
      CU_ASSERT_TRUE (known);
      if (!known)
        fprintf (stderr, "%s is called stable\n", name);
      n_stable++;
    }
  CU_ASSERT_EQUAL (n_valid, 209);
  CU_ASSERT_EQUAL (n_stable, 10);
}

/* An assignment of the wrong length is refused, and so is checking a
 * matching against a market of another size. */
static void
test_size_mismatch (void)
{
  g_autoptr (SmMarket) college = sm_test_college_market_new ();
  const int32_t assignment[] = { 0, 1, 0, 2, SM_DEFAULT, 2, SM_DEFAULT };
  const int32_t wrong[] = { 0, 5, 7, -1, INT32_MIN };
  GError *error = NULL;
  for (size_t k = 0; k < G_N_ELEMENTS (wrong); k++)
    {
      SmMatching *mt = sm_matching_new_from_assignment (college, assignment,
                                                        wrong[k], &error);
      CU_ASSERT_PTR_NULL (mt);
      SM_ASSERT_ERROR (error, SM_ERROR_INVALID_SIZE);
      sm_matching_free (mt);
    }

  /* Seven employees against the market's six... */
  static const int32_t p0[] = { 0 }, q0[] = { 0 }, none[] = { -1 };
  const int32_t *prefs[] = { p0, none, none, none, none, none, none };
  const int32_t *prios[] = { q0, none, none };
  const int32_t pref_len[] = { 1, 0, 0, 0, 0, 0, 0 };
  const int32_t prio_len[] = { 1, 0, 0 };
  g_autoptr (SmMarket)
      seven = sm_test_market_new (7, 3, NULL, prefs, pref_len, prios, prio_len);
  /* ...and six employees with two positions instead of three. */
  g_autoptr (SmMarket)
      two = sm_test_market_new (6, 2, NULL, prefs, pref_len, prios, prio_len);
  g_autoptr (SmMatching) mt = matching_new (college, assignment);
  SmCheckReport *report = sm_matching_check (seven, mt, &error);
  CU_ASSERT_PTR_NULL (report);
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_SIZE);
  sm_check_report_free (report);
  report = sm_matching_check (two, mt, &error);
  CU_ASSERT_PTR_NULL (report);
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_SIZE);
  sm_check_report_free (report);

  /* The other way round: a matching of the seven against the college. */
  g_autoptr (SmMatching) big = matching_new (seven, assignment);
  report = sm_matching_check (college, big, &error);
  CU_ASSERT_PTR_NULL (report);
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_SIZE);
  sm_check_report_free (report);
}

/* A position outside the market, on either side, is refused; SM_DEFAULT
 * (-1) is the only negative allowed. */
static void
test_index_out_of_range (void)
{
  g_autoptr (SmMarket) college = sm_test_college_market_new ();
  const int32_t bad[] = { 3, 4, 1000, INT32_MAX, -2, INT32_MIN };
  GError *error = NULL;
  for (size_t k = 0; k < G_N_ELEMENTS (bad); k++)
    {
      int32_t assignment[] = { 0, 1, 0, 2, SM_DEFAULT, 2 };
      assignment[k % 6] = bad[k];
      SmMatching *mt = sm_matching_new_from_assignment (college, assignment, 6,
                                                        &error);
      CU_ASSERT_PTR_NULL (mt);
      SM_ASSERT_ERROR (error, SM_ERROR_INDEX_OUT_OF_RANGE);
      sm_matching_free (mt);
    }
}

/* Both solvers' answers on a random market of some size are valid and
 * stable; test-properties.c compares the checker with brute force on
 * thousands of small markets. */
static void
test_solver_answers_stable (void)
{
  SmTestRng rng;
  sm_test_rng_init (&rng, 2019);
  g_autoptr (SmMarket) market = sm_test_random_market_new (&rng, 300, 30, 6, 4);
  const SmSide sides[] = { SM_SIDE_EMPLOYEES, SM_SIDE_POSITIONS };
  for (size_t s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      GError *error = NULL;
      g_autoptr (SmMatching) mt = sm_market_solve (market, sides[s], &error);
      SM_ASSERT_NO_ERROR (error);
      g_autoptr (SmCheckReport) report = check (market, mt);
      CU_ASSERT_TRUE (sm_check_report_is_valid (report));
      CU_ASSERT_TRUE (sm_check_report_is_stable (report));
      int32_t n_pairs = 99, n_violations = 99;
      sm_check_report_get_blocking_pairs (report, &n_pairs);
      sm_check_report_get_violations (report, &n_violations);
      CU_ASSERT_EQUAL (n_pairs, 0);
      CU_ASSERT_EQUAL (n_violations, 0);
    }
}

/* Moving someone from a full position to the default frees a seat: they
 * block it at once, and so does every other employee who listed it above
 * their own outcome. */
static void
test_moved_to_default_blocks (void)
{
  g_autoptr (SmMarket) market = sm_test_college_market_new ();
  /* Employee-optimal, with e2 (first choice p0) sent to the default:
   *   e0-p0, e1-p1, e2 default, e3-p2, e4 default, e5-p2.
   *   e0 has their first choice.
   *   e1 (choice 1) wants p0: open now               -> (e1, p0)
   *   e2 wants p0: open                              -> (e2, p0)
   *      p1: holds e1 (2) below e2 (0)               -> (e2, p1)
   *      p2: full with e3 (0), e5 (4); e2 is 2       -> (e2, p2)
   *   e3 (choice 1) wants p1: e1 (2) above e3 (5), no.
   *   e4 wants p0: open                              -> (e4, p0)
   *      p2: e5 (4) above e4 (5), no; p1: e1 (2) above e4 (4), no.
   *   e5 has their first choice. */
  g_autoptr (SmMatching)
      mt = matching_new (market, (const int32_t[]){ 0, 1, SM_DEFAULT, 2,
                                                    SM_DEFAULT, 2 });
  g_autoptr (SmCheckReport) report = check (market, mt);
  CU_ASSERT_TRUE (sm_check_report_is_valid (report));
  CU_ASSERT_FALSE (sm_check_report_is_stable (report));
  static const SmBlockingPair want[] = {
    { 1, 0 }, { 2, 0 }, { 2, 1 }, { 2, 2 }, { 4, 0 },
  };
  assert_pairs (report, want, G_N_ELEMENTS (want));
  CU_ASSERT_EQUAL (sm_matching_get_cutoff (mt, 0), SM_CUTOFF_OPEN);
  CU_ASSERT_EQUAL (sm_matching_get_cutoff (mt, 2), 4);
}

/* Nothing to check is still a verdict: valid and stable. */
static void
test_empty_market (void)
{
  g_autoptr (SmMarket)
      market = sm_test_market_new (0, 0, NULL, NULL, NULL, NULL, NULL);
  g_autoptr (SmMatching) mt = matching_new (market, (const int32_t[]){ 0 });
  g_autoptr (SmCheckReport) report = check (market, mt);
  CU_ASSERT_TRUE (sm_check_report_is_valid (report));
  CU_ASSERT_TRUE (sm_check_report_is_stable (report));
  assert_pairs (report, NULL, 0);
  assert_violations (report, NULL, 0);
  sm_check_report_free (NULL);
  sm_matching_free (NULL);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "stable matchings", test_stable },
    { "blocking pairs, by employee then preference", test_blocking_pairs },
    { "blocking pairs, second matching", test_blocking_pairs_2 },
    { "default with an open seat blocks", test_default_and_open_seat },
    { "moved to the default", test_moved_to_default_blocks },
    { "over seats", test_over_seats },
    { "not acceptable", test_not_acceptable },
    { "both violations", test_both_violations },
    { "ten stable matchings", test_ten_stable_matchings },
    { "size mismatch", test_size_mismatch },
    { "index out of range", test_index_out_of_range },
    { "solver answers are stable", test_solver_answers_stable },
    { "empty market", test_empty_market },
    { NULL, NULL },
  };
  return sm_test_run_suite ("check", cases);
}
