/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: the theorems of deferred acceptance, by brute force.
 *
 * Thousands of small random markets (up to 7 employees, 4 positions of 1
 * to 3 seats, random incomplete lists including empty ones, priorities
 * over exactly the applicants) are drawn from a fixed seed: half of them
 * uniformly, half "contested" so that several stable matchings are common
 * (test-brute.h). For each, every matching is enumerated (each employee at
 * the default or at one of their listed positions, no position over its
 * seats), and the stable ones are picked out with the definition in
 * test-brute.c, which owes nothing to the library. Then:
 *
 *  - the checker agrees with brute force on every stable matching and on
 *    a sample of about 128 unstable ones per market: the same verdict and
 *    the same blocking pairs in the same order (check.h promises one);
 *    and on random, mostly invalid assignments, the same violations;
 *  - both solvers' answers are among the stable matchings, and what the
 *    matching reports (choices, held lists, cutoffs, n_placed, the number
 *    of proposals) agrees with the assignment;
 *  - the employee-proposing answer is the best stable matching for every
 *    employee and the worst for every position; the position-proposing
 *    answer the other way round;
 *  - every stable matching places the same employees and fills each
 *    position equally, and a position with a seat left open holds the very
 *    same employees in all of them (the rural hospitals theorem);
 *  - no employee gains by misreporting: on markets of up to 4 employees
 *    and 3 positions, every employee tries every other list (every ordered
 *    subset of the positions) while the others keep theirs.
 *
 * Comparing sets of employees for a position. A position's preference
 * over sets is responsive to its priority order, but we do not know how it
 * weighs, say, two middling employees against one good one. So "position j
 * weakly prefers A to B" is taken in the one sense every responsive
 * preference agrees with: A holds at least as many as B, and for every k
 * the k-th best of A (by j's priority) is at least as good as the k-th
 * best of B. Roth and Sotomayor (1990, ch. 5) show that the position-
 * optimal stable matching is preferred in this strong sense to every
 * stable matching by every position, and every stable matching to the
 * employee-optimal one.
 *
 * SM_TEST_SCALE (a factor, default 1) scales the number of markets, and
 * SM_TEST_SEED replaces the seed, for longer or different runs. */
#include "test-util.h"
#include "test-brute.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_SEED UINT64_C (20181002)
/* Enough markets to meet every shape many times: about 1.5 s, and 25 s
 * under valgrind, which runs this same default. */
#define N_MARKETS 16000
#define N_CHECKER_MARKETS 6000
#define N_STRATEGY_MARKETS 4000

typedef struct {
  guint64 markets;      /* markets whose stable matchings were enumerated */
  guint64 several;      /* of which with more than one stable matching */
  guint64 sides_differ; /* of which the two solvers disagree on */
  guint64 matchings;    /* valid matchings enumerated */
  guint64 stable;       /* of which stable */
  guint64 checked;      /* matchings compared with sm_matching_check() */
  guint64 sp_markets;   /* markets tested for strategy-proofness */
  guint64 reports;      /* lists reported, the true one included */
} Totals;

static Totals totals;

/* What the current market is, to name it when something fails, and the
 * matching under test, if any. */
typedef struct {
  const char *test;
  guint64 index;
  uint64_t seed;
  const SmBruteMarket *bm;
  gboolean printed;
  const int32_t *assignment;
} Subject;

/* Failed properties so far. Past MAX_FAILURES a test stops: one bug
 * tends to fail millions of checks, and CUnit would list them all. */
#define MAX_FAILURES 20
static guint n_failed;

static void
begin_test (void)
{
  n_failed = 0;
}

static double
scale (void)
{
  const char *text = g_getenv ("SM_TEST_SCALE");
  double factor = text != NULL ? g_ascii_strtod (text, NULL) : 1.0;
  return factor > 0.0 ? factor : 1.0;
}

static guint64
scaled (guint64 count)
{
  return MAX ((guint64) 1, (guint64) (count * scale ()));
}

static uint64_t
base_seed (void)
{
  const char *text = g_getenv ("SM_TEST_SEED");
  return text != NULL ? g_ascii_strtoull (text, NULL, 10) : DEFAULT_SEED;
}

/* Reports a failed property, printing the market (once) in the instance
 * format so that the failure can be reproduced with the command-line
 * tools. */
static void report_failure (Subject *subject, const char *format, ...)
    G_GNUC_PRINTF (2, 3);

static void
report_failure (Subject *subject, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  fprintf (stderr,
           "%s, market %" G_GUINT64_FORMAT " (seed %" G_GUINT64_FORMAT "): ",
           subject->test, subject->index, subject->seed);
  vfprintf (stderr, format, args);
  va_end (args);
  if (subject->assignment != NULL)
    {
      fputs (" in the matching", stderr);
      for (int32_t i = 0; i < subject->bm->n; i++)
        fprintf (stderr, " e%d:%d", i, subject->assignment[i]);
    }
  fputc ('\n', stderr);
  if (!subject->printed)
    sm_brute_market_print (subject->bm, stderr);
  subject->printed = TRUE;
}

/* Asserts a property; CUnit records only failures, since a run makes
 * millions of checks. */
#define PROP(subject, cond, ...)                                               \
  G_STMT_START                                                                 \
  {                                                                            \
    if (!(cond) && ++n_failed <= MAX_FAILURES)                                 \
      {                                                                        \
        CU_assertImplementation (CU_FALSE, __LINE__, #cond, __FILE__, "",      \
                                 CU_FALSE);                                    \
        report_failure ((subject), __VA_ARGS__);                               \
      }                                                                        \
  }                                                                            \
  G_STMT_END

/* The seed of the first market of the test labelled @salt (market k has
 * that plus k): the base seed and the salt are hashed, so that
 * neighbouring base seeds or two tests do not share their markets. */
static uint64_t
first_seed (uint64_t salt)
{
  SmTestRng rng;
  sm_test_rng_init (&rng, base_seed () ^ salt);
  return sm_test_rng_next (&rng);
}

/* Market @k of a run: even ones sparse, odd ones contested (see
 * test-brute.h), each from its own seed so that any one can be redrawn. */
static void
draw_market (SmBruteMarket *bm, uint64_t seed, guint64 k, int32_t max_n,
             int32_t max_m, int32_t max_seats)
{
  SmTestRng rng;
  sm_test_rng_init (&rng, seed);
  SmBruteShape shape = k % 2 == 0 ? SM_BRUTE_SPARSE : SM_BRUTE_CONTESTED;
  sm_brute_market_random (bm, &rng, shape, max_n, max_m, max_seats);
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

/* The employees at position @j in @j's priority order. */
static int32_t
held_by_priority (const SmBruteMarket *bm, const int32_t *assignment, int32_t j,
                  int32_t *out)
{
  int32_t n_held = 0;
  for (int32_t k = 0; k < bm->prio_len[j]; k++)
    if (assignment[bm->prios[j][k]] == j)
      out[n_held++] = bm->prios[j][k];
  return n_held;
}

/* The matching's own account of itself matches its assignment. */
static void
check_accessors (Subject *subject, const SmMatching *mt, const char *side)
{
  const SmBruteMarket *bm = subject->bm;
  const int32_t *a = sm_matching_get_assignment (mt);
  int32_t placed = 0;
  for (int32_t i = 0; i < bm->n; i++)
    {
      int32_t want = a[i] == SM_DEFAULT ? -1 : bm->choice[i][a[i]];
      PROP (subject, sm_matching_get_position (mt, i) == a[i],
            "%s: position of e%d differs from the assignment", side, i);
      PROP (subject, sm_matching_get_choice (mt, i) == want,
            "%s: choice of e%d is %d, expected %d", side, i,
            sm_matching_get_choice (mt, i), want);
      placed += a[i] != SM_DEFAULT;
    }
  PROP (subject, sm_matching_get_n_placed (mt) == placed,
        "%s: n_placed %d, expected %d", side, sm_matching_get_n_placed (mt),
        placed);
  for (int32_t j = 0; j < bm->m; j++)
    {
      int32_t want[SM_BRUTE_MAX_N], n_got = -1;
      int32_t n_want = held_by_priority (bm, a, j, want);
      const int32_t *got = sm_matching_get_held (mt, j, &n_got);
      PROP (subject,
            n_got == n_want
                && memcmp (got, want, sizeof (int32_t) * n_want) == 0,
            "%s: held list of p%d differs", side, j);
      int32_t cutoff = n_want == bm->seats[j] ? bm->rank[j][want[n_want - 1]]
                                              : SM_CUTOFF_OPEN;
      PROP (subject, sm_matching_get_cutoff (mt, j) == cutoff,
            "%s: cutoff of p%d is %d, expected %d", side, j,
            sm_matching_get_cutoff (mt, j), cutoff);
    }
}

/* ----------------------------------------------------------------------
 * The checker against brute force. */

/* Unstable matchings compared per market, at most (about): the contested
 * markets have tens of thousands, and a library call per matching is what
 * makes this test slow under valgrind. Stable ones are all compared. */
#define UNSTABLE_PER_MARKET 128

typedef struct {
  Subject *subject;
  const SmMarket *market;
  guint64 index;  /* of the matching in the enumeration */
  guint64 stride; /* compare every stride-th unstable matching */
} CheckerRun;

static void
count_matching (const int32_t *assignment, gpointer data)
{
  (*(guint64 *) data)++;
}

static void
compare_pairs (Subject *subject, const SmBlockingPair *got, size_t n_got,
               const SmBlockingPair *want, size_t n_want)
{
  PROP (subject, n_got == n_want,
        "checker lists %zu blocking pairs, brute "
        "force %zu",
        n_got, n_want);
  for (size_t k = 0; k < MIN (n_got, n_want); k++)
    PROP (subject,
          got[k].employee == want[k].employee
              && got[k].position == want[k].position,
          "blocking pair %zu is (e%d, p%d), brute force (e%d, p%d)", k,
          got[k].employee, got[k].position, want[k].employee, want[k].position);
}

static void
check_one_matching (const int32_t *assignment, gpointer data)
{
  CheckerRun *run = data;
  const SmBruteMarket *bm = run->subject->bm;
  SmBlockingPair want[SM_BRUTE_MAX_PAIRS];
  size_t n_want = sm_brute_blocking_pairs (bm, assignment, want);
  totals.matchings++;
  totals.stable += n_want == 0;
  if (n_want > 0 && run->index++ % run->stride != 0)
    return;

  run->subject->assignment = assignment;
  g_autoptr (SmMatching) mt = matching_new (run->market, assignment);
  GError *error = NULL;
  g_autoptr (SmCheckReport)
      report = sm_matching_check (run->market, mt, &error);
  SM_ASSERT_NO_ERROR (error);
  int32_t n_got = 0, n_violations = 0;
  const SmBlockingPair *got = sm_check_report_get_blocking_pairs (report,
                                                                  &n_got);
  sm_check_report_get_violations (report, &n_violations);
  PROP (run->subject, sm_check_report_is_valid (report) && n_violations == 0,
        "checker finds a valid matching invalid");
  PROP (run->subject, sm_check_report_is_stable (report) == (n_want == 0),
        "checker's stability verdict differs from brute force");
  compare_pairs (run->subject, got, n_got, want, n_want);
  check_accessors (run->subject, mt, "from an assignment");
  PROP (run->subject, sm_matching_get_n_proposals (mt) == 0,
        "a matching from an assignment counts proposals");
  run->subject->assignment = NULL;
  totals.checked++;
}

static int
compare_violations (const void *a, const void *b)
{
  const SmViolation *x = a, *y = b;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->employee != y->employee)
    return x->employee < y->employee ? -1 : 1;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return (x->group > y->group) - (x->group < y->group);
}

/* The violations of any assignment, by the definition in check.h (these
 * markets have no capped groups, so the group is always -1). */
static size_t
brute_violations (const SmBruteMarket *bm, const int32_t *assignment,
                  SmViolation *out)
{
  size_t n = 0;
  int32_t held[SM_BRUTE_MAX_M] = { 0 };
  for (int32_t i = 0; i < bm->n; i++)
    {
      int32_t j = assignment[i];
      if (j == SM_DEFAULT)
        continue;
      held[j]++;
      if (bm->choice[i][j] < 0)
        out[n++] = (SmViolation){ SM_VIOLATION_KIND_NOT_ACCEPTABLE, i, j, -1 };
    }
  for (int32_t j = 0; j < bm->m; j++)
    if (held[j] > bm->seats[j])
      out[n++] = (SmViolation){ SM_VIOLATION_KIND_OVER_SEATS, -1, j, -1 };
  return n;
}

/* Any assignment, valid or not: held lists start with the employees the
 * position ranks, in its order, and end with those it does not rank;
 * choices are -1 where the employee did not list the position. */
static void
check_held_any (Subject *subject, const SmMatching *mt,
                const int32_t *assignment)
{
  const SmBruteMarket *bm = subject->bm;
  for (int32_t j = 0; j < bm->m; j++)
    {
      int32_t want[SM_BRUTE_MAX_N], n_got = -1, n_unranked = 0;
      int32_t n_ranked = held_by_priority (bm, assignment, j, want);
      for (int32_t i = 0; i < bm->n; i++)
        n_unranked += assignment[i] == j && bm->rank[j][i] < 0;
      const int32_t *got = sm_matching_get_held (mt, j, &n_got);
      PROP (subject,
            n_got == n_ranked + n_unranked
                && memcmp (got, want, sizeof (int32_t) * n_ranked) == 0,
            "held list of p%d (from an assignment) differs", j);
      for (int32_t k = n_ranked; k < MIN (n_got, n_ranked + n_unranked); k++)
        PROP (subject, assignment[got[k]] == j && bm->rank[j][got[k]] < 0,
              "p%d holds e%d after its ranked employees", j, got[k]);
    }
  for (int32_t i = 0; i < bm->n; i++)
    {
      int32_t j = assignment[i];
      int32_t want = j == SM_DEFAULT ? -1 : bm->choice[i][j];
      PROP (subject, sm_matching_get_choice (mt, i) == want,
            "choice of e%d (from an assignment) is %d, expected %d", i,
            sm_matching_get_choice (mt, i), want);
    }
}

/* A uniformly random assignment, acceptable or not, within or over the
 * seats: the checker must name every violation, in some order. */
static void
check_random_assignment (Subject *subject, const SmMarket *market,
                         SmTestRng *rng)
{
  const SmBruteMarket *bm = subject->bm;
  int32_t assignment[SM_BRUTE_MAX_N + 1] = { 0 };
  for (int32_t i = 0; i < bm->n; i++)
    assignment[i] = sm_test_rng_range (rng, SM_DEFAULT, bm->m - 1);
  SmViolation want[SM_BRUTE_MAX_N + SM_BRUTE_MAX_M];
  size_t n_want = brute_violations (bm, assignment, want);

  subject->assignment = assignment;
  g_autoptr (SmMatching) mt = matching_new (market, assignment);
  check_held_any (subject, mt, assignment);
  GError *error = NULL;
  g_autoptr (SmCheckReport) report = sm_matching_check (market, mt, &error);
  SM_ASSERT_NO_ERROR (error);
  int32_t n_got = 0;
  const SmViolation *got = sm_check_report_get_violations (report, &n_got);
  PROP (subject, (size_t) n_got == n_want,
        "checker finds %d violations, "
        "brute force %zu",
        n_got, n_want);
  PROP (subject, sm_check_report_is_valid (report) == (n_want == 0),
        "checker's validity verdict differs from brute force");
  if (n_want > 0)
    PROP (subject, !sm_check_report_is_stable (report),
          "an invalid matching is called stable");
  if ((size_t) n_got != n_want)
    {
      subject->assignment = NULL;
      return;
    }
  SmViolation sorted[SM_BRUTE_MAX_N + SM_BRUTE_MAX_M];
  if (n_got > 0)
    memcpy (sorted, got, n_got * sizeof *got);
  qsort (sorted, n_got, sizeof *sorted, compare_violations);
  qsort (want, n_want, sizeof *want, compare_violations);
  for (size_t k = 0; k < n_want; k++)
    PROP (subject, compare_violations (&sorted[k], &want[k]) == 0,
          "violation (%d, e%d, p%d, g%d) where brute force has (%d, e%d, "
          "p%d, g%d)",
          sorted[k].kind, sorted[k].employee, sorted[k].position,
          sorted[k].group, want[k].kind, want[k].employee, want[k].position,
          want[k].group);
  subject->assignment = NULL;
}

static void
test_checker_agrees (void)
{
  begin_test ();
  const uint64_t first = first_seed (UINT64_C (0xC0FFEE));
  guint64 n_markets = scaled (N_CHECKER_MARKETS);
  for (guint64 k = 0; k < n_markets && n_failed < MAX_FAILURES; k++)
    {
      SmBruteMarket bm;
      uint64_t seed = first + k;
      draw_market (&bm, seed, k, 7, 4, 3);
      Subject subject = { "checker", k, seed, &bm, FALSE, NULL };
      g_autoptr (SmMarket) market = sm_brute_market_build (&bm);
      guint64 n_valid = 0;
      sm_brute_enumerate (&bm, count_matching, &n_valid);
      CheckerRun run = { &subject, market, 0,
                         n_valid / UNSTABLE_PER_MARKET + 1 };
      sm_brute_enumerate (&bm, check_one_matching, &run);
      SmTestRng rng;
      sm_test_rng_init (&rng, ~seed);
      for (int round = 0; round < 4; round++)
        check_random_assignment (&subject, market, &rng);
    }
}

/* ----------------------------------------------------------------------
 * The solvers against every stable matching. */

typedef struct {
  const SmBruteMarket *bm;
  GArray *stable; /* n int32_t per stable matching */
  guint n_stable; /* counted apart: with no employees, n is 0 */
} StableSet;

static void
collect_stable (const int32_t *assignment, gpointer data)
{
  StableSet *set = data;
  SmBlockingPair pairs[SM_BRUTE_MAX_PAIRS];
  if (sm_brute_blocking_pairs (set->bm, assignment, pairs) != 0)
    return;
  g_array_append_vals (set->stable, assignment, (guint) set->bm->n);
  set->n_stable++;
}

static const int32_t *
stable_at (const StableSet *set, guint s)
{
  return &g_array_index (set->stable, int32_t, (gsize) s * set->bm->n);
}

/* Deferred acceptance makes the same proposals in any order (see
 * test-solve.c): an employee proposes down to their final position, or
 * through their whole list; a position offers down to its worst held
 * employee when full, or through its whole list. */
static uint64_t
expected_proposals (const SmBruteMarket *bm, const int32_t *a, SmSide side)
{
  uint64_t count = 0;
  if (side == SM_SIDE_EMPLOYEES)
    {
      for (int32_t i = 0; i < bm->n; i++)
        count += a[i] == SM_DEFAULT ? bm->pref_len[i] : bm->choice[i][a[i]] + 1;
      return count;
    }
  for (int32_t j = 0; j < bm->m; j++)
    {
      int32_t held[SM_BRUTE_MAX_N];
      int32_t n_held = held_by_priority (bm, a, j, held);
      count += n_held == bm->seats[j] ? bm->rank[j][held[n_held - 1]] + 1
                                      : bm->prio_len[j];
    }
  return count;
}

static gboolean
is_member (const StableSet *set, const int32_t *a)
{
  if (set->bm->n == 0)
    return set->n_stable == 1;
  for (guint s = 0; s < set->n_stable; s++)
    if (memcmp (stable_at (set, s), a, sizeof (int32_t) * set->bm->n) == 0)
      return TRUE;
  return FALSE;
}

/* A solver's answer is valid, stable by brute force, one of the
 * enumerated stable matchings, and reports itself consistently. */
static void
check_answer (Subject *subject, const StableSet *set, const SmMatching *mt,
              SmSide side)
{
  const char *name = side == SM_SIDE_EMPLOYEES ? "employees propose"
                                               : "positions propose";
  const SmBruteMarket *bm = subject->bm;
  const int32_t *a = sm_matching_get_assignment (mt);
  SmBlockingPair pairs[SM_BRUTE_MAX_PAIRS];
  subject->assignment = a;
  PROP (subject, sm_brute_is_valid (bm, a), "%s: answer is invalid", name);
  if (!sm_brute_is_valid (bm, a))
    {
      subject->assignment = NULL;
      return;
    }
  PROP (subject, sm_brute_blocking_pairs (bm, a, pairs) == 0,
        "%s: answer has a blocking pair (e%d, p%d)", name, pairs[0].employee,
        pairs[0].position);
  PROP (subject, is_member (set, a),
        "%s: answer is not an enumerated "
        "stable matching",
        name);
  check_accessors (subject, mt, name);
  uint64_t want = expected_proposals (bm, a, side);
  PROP (subject, sm_matching_get_n_proposals (mt) == want,
        "%s: %" G_GUINT64_FORMAT " proposals, expected %" G_GUINT64_FORMAT,
        name, (guint64) sm_matching_get_n_proposals (mt), (guint64) want);
  subject->assignment = NULL;
}

/* Position @j weakly prefers its employees under @a to those under @b, in
 * the strong sense of the comment at the top. */
static gboolean
position_weakly_prefers (const SmBruteMarket *bm, int32_t j, const int32_t *a,
                         const int32_t *b)
{
  int32_t ha[SM_BRUTE_MAX_N], hb[SM_BRUTE_MAX_N];
  int32_t na = held_by_priority (bm, a, j, ha);
  int32_t nb = held_by_priority (bm, b, j, hb);
  if (nb > na)
    return FALSE;
  for (int32_t k = 0; k < nb; k++)
    if (bm->rank[j][ha[k]] > bm->rank[j][hb[k]])
      return FALSE;
  return TRUE;
}

/* Against one stable matching @s: @e (employee-proposing) is at least as
 * good for every employee and at most as good for every position; @p
 * (position-proposing) the other way round. */
static void
check_optimality (Subject *subject, const int32_t *e, const int32_t *p,
                  const int32_t *s)
{
  const SmBruteMarket *bm = subject->bm;
  for (int32_t i = 0; i < bm->n; i++)
    {
      int32_t re = sm_brute_employee_rank (bm, i, e[i]);
      int32_t rp = sm_brute_employee_rank (bm, i, p[i]);
      int32_t rs = sm_brute_employee_rank (bm, i, s[i]);
      PROP (subject, re <= rs,
            "e%d prefers a stable matching to the "
            "employee-optimal one",
            i);
      PROP (subject, rp >= rs,
            "e%d likes the position-optimal matching "
            "better than another stable one",
            i);
    }
  for (int32_t j = 0; j < bm->m; j++)
    {
      PROP (subject, position_weakly_prefers (bm, j, p, s),
            "p%d prefers a stable matching to the position-optimal one", j);
      PROP (subject, position_weakly_prefers (bm, j, s, e),
            "p%d likes the employee-optimal matching better than another "
            "stable one",
            j);
    }
}

/* Rural hospitals: @s places the same employees as @e, fills every
 * position equally, and where @e leaves a seat open, holds the same. */
static void
check_rural_hospitals (Subject *subject, const int32_t *e, const int32_t *s)
{
  const SmBruteMarket *bm = subject->bm;
  for (int32_t i = 0; i < bm->n; i++)
    PROP (subject, (e[i] == SM_DEFAULT) == (s[i] == SM_DEFAULT),
          "e%d is placed in one stable matching and not in another", i);
  for (int32_t j = 0; j < bm->m; j++)
    {
      int32_t he[SM_BRUTE_MAX_N], hs[SM_BRUTE_MAX_N];
      int32_t ne = held_by_priority (bm, e, j, he);
      int32_t ns = held_by_priority (bm, s, j, hs);
      PROP (subject, ne == ns,
            "p%d holds %d in one stable matching and %d "
            "in another",
            j, ne, ns);
      if (ne == ns && ne < bm->seats[j])
        PROP (subject, memcmp (he, hs, sizeof (int32_t) * ne) == 0,
              "p%d, not full, holds different employees in two stable "
              "matchings",
              j);
    }
}

static void
check_market (Subject *subject)
{
  const SmBruteMarket *bm = subject->bm;
  g_autoptr (SmMarket) market = sm_brute_market_build (bm);
  g_autoptr (GArray) stable = g_array_new (FALSE, FALSE, sizeof (int32_t));
  StableSet set = { bm, stable, 0 };
  sm_brute_enumerate (bm, collect_stable, &set);
  totals.markets++;

  g_autoptr (SmMatching) e = solve (market, SM_SIDE_EMPLOYEES);
  g_autoptr (SmMatching) p = solve (market, SM_SIDE_POSITIONS);
  check_answer (subject, &set, e, SM_SIDE_EMPLOYEES);
  check_answer (subject, &set, p, SM_SIDE_POSITIONS);
  const int32_t *ea = sm_matching_get_assignment (e);
  const int32_t *pa = sm_matching_get_assignment (p);
  PROP (subject, set.n_stable >= 1, "no stable matching enumerated");
  totals.several += set.n_stable > 1;
  totals.sides_differ += !sm_matching_equal (e, p);
  PROP (subject, sm_matching_equal (e, p) == (set.n_stable == 1),
        "the solvers %s though there %s stable matching",
        sm_matching_equal (e, p) ? "agree" : "disagree",
        set.n_stable == 1 ? "is one" : "is more than one");
  for (guint s = 0; s < set.n_stable && bm->n > 0; s++)
    {
      check_optimality (subject, ea, pa, stable_at (&set, s));
      check_rural_hospitals (subject, ea, stable_at (&set, s));
    }
}

static void
test_solvers_against_brute_force (void)
{
  begin_test ();
  const uint64_t first = first_seed (0);
  guint64 n_markets = scaled (N_MARKETS);
  for (guint64 k = 0; k < n_markets && n_failed < MAX_FAILURES; k++)
    {
      SmBruteMarket bm;
      uint64_t seed = first + k;
      draw_market (&bm, seed, k, 7, 4, 3);
      Subject subject = { "solvers", k, seed, &bm, FALSE, NULL };
      check_market (&subject);
    }
}

/* ----------------------------------------------------------------------
 * Strategy-proofness for employees. */

/* Every ordered subset of 0..m-1 (the empty list included), each as a
 * list of up to SM_BRUTE_MAX_M positions; returns their number. */
static int32_t
all_lists (int32_t m, int32_t (*lists)[SM_BRUTE_MAX_M], int32_t *lens,
           int32_t *prefix, int32_t len, int32_t count)
{
  memcpy (lists[count], prefix, sizeof (int32_t) * len);
  lens[count++] = len;
  /* A full list uses every position; saying so also lets the compiler
   * see that prefix[len] stays in bounds. */
  if (len >= m || len >= SM_BRUTE_MAX_M)
    return count;
  for (int32_t j = 0; j < m; j++)
    {
      gboolean used = FALSE;
      for (int32_t k = 0; k < len; k++)
        used |= prefix[k] == j;
      if (used)
        continue;
      prefix[len] = j;
      count = all_lists (m, lists, lens, prefix, len + 1, count);
    }
  return count;
}

/* 1 + 4 + 12 + 24 + 24 ordered subsets of four positions. */
#define MAX_LISTS 65

/* Employee @i reports every list in turn; in none do they get a position
 * they truly prefer to what the truth gets them. The priorities follow
 * the report (test-brute.h): each position ranks its new applicants by
 * its master ranking. */
static void
check_employee_cannot_gain (Subject *subject, int32_t i, int32_t truth_rank,
                            int32_t (*lists)[SM_BRUTE_MAX_M],
                            const int32_t *lens, int32_t n_lists)
{
  const SmBruteMarket *truth = subject->bm;
  for (int32_t l = 0; l < n_lists; l++)
    {
      SmBruteMarket lie = *truth;
      sm_brute_market_set_list (&lie, i, lists[l], lens[l]);
      g_autoptr (SmMarket) market = sm_brute_market_build (&lie);
      g_autoptr (SmMatching) mt = solve (market, SM_SIDE_EMPLOYEES);
      const int32_t *a = sm_matching_get_assignment (mt);
      SmBlockingPair pairs[SM_BRUTE_MAX_PAIRS];
      PROP (subject,
            sm_brute_is_valid (&lie, a)
                && sm_brute_blocking_pairs (&lie, a, pairs) == 0,
            "answer to the market with e%d's list #%d is not stable", i, l);
      int32_t rank = sm_brute_employee_rank (truth, i, a[i]);
      PROP (subject, rank >= truth_rank,
            "e%d gains by reporting list #%d "
            "(truly ranked %d instead of %d)",
            i, l, rank, truth_rank);
      totals.reports++;
    }
}

static void
test_strategy_proofness (void)
{
  begin_test ();
  const uint64_t first = first_seed (UINT64_C (0x5EED));
  guint64 n_markets = scaled (N_STRATEGY_MARKETS);
  static int32_t lists[SM_BRUTE_MAX_M + 1][MAX_LISTS][SM_BRUTE_MAX_M];
  static int32_t lens[SM_BRUTE_MAX_M + 1][MAX_LISTS];
  int32_t n_lists[SM_BRUTE_MAX_M + 1];
  int32_t prefix[SM_BRUTE_MAX_M];
  for (int32_t m = 0; m <= SM_BRUTE_MAX_M; m++)
    n_lists[m] = all_lists (m, lists[m], lens[m], prefix, 0, 0);
  CU_ASSERT_EQUAL (n_lists[3], 16);
  CU_ASSERT_EQUAL (n_lists[4], MAX_LISTS);

  for (guint64 k = 0; k < n_markets && n_failed < MAX_FAILURES; k++)
    {
      SmBruteMarket bm;
      uint64_t seed = first + k;
      /* Two seats at most, so that four employees still compete. */
      draw_market (&bm, seed, k, 4, 3, 2);
      Subject subject = { "strategy-proofness", k, seed, &bm, FALSE, NULL };
      g_autoptr (SmMarket) market = sm_brute_market_build (&bm);
      g_autoptr (SmMatching) truth = solve (market, SM_SIDE_EMPLOYEES);
      const int32_t *a = sm_matching_get_assignment (truth);
      for (int32_t i = 0; i < bm.n; i++)
        check_employee_cannot_gain (&subject, i,
                                    sm_brute_employee_rank (&bm, i, a[i]),
                                    lists[bm.m], lens[bm.m], n_lists[bm.m]);
      totals.sp_markets++;
    }
}

/* Last: everything above really ran, on markets varied enough for the
 * optimality and rural-hospitals checks to mean something (they are
 * empty where there is only one stable matching), and one line says how
 * much. */
static void
test_summary (void)
{
  CU_ASSERT_EQUAL (totals.markets, scaled (N_MARKETS));
  CU_ASSERT_EQUAL (totals.sp_markets, scaled (N_STRATEGY_MARKETS));
  CU_ASSERT_TRUE (totals.checked >= scaled (N_CHECKER_MARKETS));
  CU_ASSERT_TRUE (totals.stable >= scaled (N_CHECKER_MARKETS));
  CU_ASSERT_TRUE (totals.several * 10 >= totals.markets);
  CU_ASSERT_TRUE (totals.sides_differ == totals.several);
  /* CUnit's verbose mode has begun a line; ours gets its own. */
  printf ("\nproperties: %" G_GUINT64_FORMAT " markets against all their "
          "stable matchings (%" G_GUINT64_FORMAT " with several); checker "
          "against brute force on %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
          " matchings (%" G_GUINT64_FORMAT " stable) of %" G_GUINT64_FORMAT
          " markets; %" G_GUINT64_FORMAT " reported lists in %" G_GUINT64_FORMAT
          " markets; seed %" G_GUINT64_FORMAT "\n",
          totals.markets, totals.several, totals.checked, totals.matchings,
          totals.stable, scaled (N_CHECKER_MARKETS), totals.reports,
          totals.sp_markets, base_seed ());
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "checker agrees with brute force", test_checker_agrees },
    { "solvers against every stable matching",
      test_solvers_against_brute_force },
    { "strategy-proofness for employees", test_strategy_proofness },
    { "summary", test_summary },
    { NULL, NULL },
  };
  return sm_test_run_suite ("properties", cases);
}
