/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* sm-bench: the standard suite of generated markets.
 *
 * Each case is generated from its seed in three forked children, so that
 * every figure belongs to one case and one solver:
 * - the library child generates straight into an SmMarketBuilder (the
 *   input is held once), notes its resident size, resets the peak, then
 *   times sm_market_builder_build() and sm_market_solve() and notes the
 *   peak again: bytes_per_entry = (peak - size before build) / entries is
 *   what the library needs beyond its input;
 * - the pairs child builds the same lists on one thread and on two,
 *   alternating with the warm transpose, for the build's gain from a
 *   second thread and its ratio to the transpose in the same minute (see
 *   run_build_pairs());
 * - the reference child generates plain arrays and times bench/reference.c.
 * Each child sends back its figures and a 128-bit digest of its matching;
 * the case passes when the digests agree (the employee-optimal stable
 * matching is unique) and, up to 100k employees, sm_matching_check()
 * finds the library's matching stable. Solves that take well under a
 * second are repeated and the fastest run counts (see want_another_run()),
 * to damp the noise of a shared machine. Children keep the parent small,
 * so a child's memory is its own case's. */
#include "suite.h"
#include "clock.h"

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <staffmatch/staffmatch.h>
#include "boh-case.h"
#include "generate.h"
#include "limit.h"
#include "reference.h"
#include "rss.h"

/* The library's matching is also checked for stability up to this size. */
#define CHECK_MAX_EMPLOYEES 100000

typedef struct {
  const char *name;
  gboolean quick;
  SmGenParams params;
} SuiteCase;

/* What a child sends back through its pipe. */
typedef struct {
  gboolean ok;
  char message[256];
  int64_t entries;
  int64_t seats;
  uint64_t proposals;
  int32_t placed;
  int32_t stable; /* 1 yes, 0 no, -1 not checked */
  double gen_seconds;
  double build_seconds;
  double solve_seconds;
  double build_cpu_seconds; /* CPU time of the process (all threads) */
  double solve_cpu_seconds;
  double pass_seconds;           /* the limit child: one pass over the lists */
  double transpose_seconds;      /* the limit child: a plain transpose */
  double transpose_warm_seconds; /* the same again, its pages faulted in */
  double transpose_warm_cpu_seconds;
  double transpose_both_warm_cpu_seconds; /* the pairs child: both sides */
  double two_thread_limit;   /* the pairs child: what a second core gives */
  double build1_seconds;     /* the pairs child: fastest one-thread build */
  double build1_cpu_seconds; /* and the fastest one by CPU time */
  double build2_least_cpu_seconds; /* the least CPU of a two-thread build */
  int32_t build_pairs;             /* the pairs child: builds of each kind */
  /* the pairs child: the library's one-thread build and solve and the
   * reference's, timed in turn, the fastest round of each by CPU time */
  double race_cpu_seconds;
  double race_ref_cpu_seconds;
  int32_t race_rounds;
  int64_t build_faults;      /* minor page faults during the build */
  int64_t transpose_faults;  /* and during the cold transpose */
  uint64_t market_digest[2]; /* the library children: the built market */
  int64_t gen_peak_kib;
  int64_t base_kib;
  int64_t peak_kib;
  gboolean peak_reset;
  uint64_t digest[2];
} CaseResult;

typedef void (*ChildFunc) (const SuiteCase *c, CaseResult *r);

#define UNI 0.0
#define ZIPF 1.0
#define INDEP 0.0
#define CORR 0.8

/* name, quick; n, m, list min..max, seats min..max, skew, correlation,
 * seed. Seats 1..17 give about 0.9 seats per employee. */
static const SuiteCase cases[] = {
  { "n480-uniform-indep", TRUE, { 480, 50, 1, 3, 1, 1, UNI, INDEP, 1 } },
  { "n480-skew-corr", TRUE, { 480, 50, 1, 3, 1, 1, ZIPF, CORR, 2 } },
  { "n10k-uniform-indep", TRUE, { 10000, 1000, 1, 5, 1, 17, UNI, INDEP, 3 } },
  { "n10k-skew-indep", TRUE, { 10000, 1000, 1, 5, 1, 17, ZIPF, INDEP, 4 } },
  { "n10k-uniform-corr", TRUE, { 10000, 1000, 1, 5, 1, 17, UNI, CORR, 5 } },
  { "n10k-skew-corr", TRUE, { 10000, 1000, 1, 5, 1, 17, ZIPF, CORR, 6 } },
  { "n100k-uniform-indep",
    TRUE,
    { 100000, 10000, 5, 10, 1, 17, UNI, INDEP, 7 } },
  { "n100k-skew-indep",
    FALSE,
    { 100000, 10000, 5, 10, 1, 17, ZIPF, INDEP, 8 } },
  { "n100k-uniform-corr",
    FALSE,
    { 100000, 10000, 5, 10, 1, 17, UNI, CORR, 9 } },
  { "n100k-skew-corr", TRUE, { 100000, 10000, 5, 10, 1, 17, ZIPF, CORR, 10 } },
  /* complete lists: every employee lists, and every position ranks,
   * everyone; about 10,000 proposals against 10 million entries */
  { "n10k-complete",
    FALSE,
    { 10000, 1000, 1000, 1000, 20, 20, UNI, INDEP, 17 } },
  { "n1m-uniform-indep",
    FALSE,
    { 1000000, 100000, 10, 10, 1, 17, UNI, INDEP, 11 } },
  { "n1m-skew-indep",
    FALSE,
    { 1000000, 100000, 10, 10, 1, 17, ZIPF, INDEP, 12 } },
  { "n1m-uniform-corr",
    FALSE,
    { 1000000, 100000, 10, 10, 1, 17, UNI, CORR, 13 } },
  { "n1m-skew-corr",
    FALSE,
    { 1000000, 100000, 10, 10, 1, 17, ZIPF, CORR, 14 } },
  { "n10m-uniform-indep",
    FALSE,
    { 10000000, 1000000, 10, 10, 1, 17, UNI, INDEP, 15 } },
  { "n10m-skew-corr",
    FALSE,
    { 10000000, 1000000, 10, 10, 1, 17, ZIPF, CORR, 16 } },
};

static inline uint64_t
digest_mix (uint64_t z)
{
  z = (z ^ (z >> 33)) * UINT64_C (0xff51afd7ed558ccd);
  z = (z ^ (z >> 33)) * UINT64_C (0xc4ceb9fe1a85ec53);
  return z ^ (z >> 33);
}

/* Two independent 64-bit hashes of the assignment, and the placed count. */
static void
digest_assignment (const int32_t *a, int32_t n, CaseResult *r)
{
  uint64_t h1 = UINT64_C (0x243f6a8885a308d3);
  uint64_t h2 = UINT64_C (0x13198a2e03707344);
  r->placed = 0;
  for (int32_t i = 0; i < n; i++)
    {
      uint64_t v = (uint64_t) (uint32_t) a[i] << 32 | (uint32_t) i;
      h1 = digest_mix (h1 ^ v) + UINT64_C (0x9e3779b97f4a7c15);
      h2 = (h2 ^ v) * UINT64_C (0x100000001b3) + (h2 >> 29);
      r->placed += a[i] >= 0;
    }
  r->digest[0] = h1;
  r->digest[1] = h2;
}

static void
result_fail (CaseResult *r, const char *what, GError *error)
{
  r->ok = FALSE;
  g_snprintf (r->message, sizeof r->message, "%s: %s", what,
              error != NULL ? error->message : "failed");
  g_clear_error (&error);
}

/* Gives freed memory back to the system so the size before the build
 * counts only what is still in use. */
static void
trim_heap (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

/* Whether to time another run: small cases run until 0.2 s are spent
 * (at least 3 runs, at most 1000) and the fastest run counts, which damps
 * the noise of a shared machine; runs past 2 s in all are not repeated. */
static gboolean
want_another_run (int runs, double spent)
{
  if (runs == 0)
    return TRUE;
  if (spent > 2.0 || runs >= 1000)
    return FALSE;
  return runs < 3 || spent < 0.2;
}

/* Solves as often as want_another_run() says; returns the last matching
 * and sets r->solve_seconds to the fastest run. */
static SmMatching *
library_time_solve (SmMarket *market, CaseResult *r, GError **error)
{
  SmMatching *matching = NULL;
  double spent = 0.0;
  for (int runs = 0; want_another_run (runs, spent); runs++)
    {
      g_clear_pointer (&matching, sm_matching_free);
      double t0 = sm_bench_now_seconds (), c0 = sm_bench_cpu_seconds ();
      matching = sm_market_solve (market, SM_SIDE_EMPLOYEES, error);
      double t = sm_bench_now_seconds () - t0, c = sm_bench_cpu_seconds () - c0;
      if (matching == NULL)
        return NULL;
      r->solve_seconds = runs == 0 ? t : MIN (r->solve_seconds, t);
      r->solve_cpu_seconds = runs == 0 ? c : MIN (r->solve_cpu_seconds, c);
      spent += t;
    }
  return matching;
}

/* Solves on the built market and records the figures; checks stability
 * for small cases (not timed). */
static void
library_solve (SmMarket *market, CaseResult *r)
{
  GError *error = NULL;
  g_autoptr (SmMatching) matching = library_time_solve (market, r, &error);
  r->peak_kib = sm_rss_peak_kib ();
  if (matching == NULL)
    {
      result_fail (r, "solve", error);
      return;
    }
  r->proposals = sm_matching_get_n_proposals (matching);
  r->seats = sm_market_get_total_seats (market);
  int32_t n = sm_matching_get_n_employees (matching);
  digest_assignment (sm_matching_get_assignment (matching), n, r);
  r->stable = -1;
  if (n <= CHECK_MAX_EMPLOYEES)
    {
      g_autoptr (SmCheckReport)
          report = sm_matching_check (market, matching, &error);
      if (report == NULL)
        {
          result_fail (r, "check", error);
          return;
        }
      r->stable = sm_check_report_is_stable (report) ? 1 : 0;
    }
  r->ok = TRUE;
}

/* Two hashes of every edge of the market, both sides, so that markets
 * built with different numbers of threads can be compared. */
static void
digest_market (const SmMarket *market, uint64_t digest[2])
{
  uint64_t h1 = UINT64_C (0x452821e638d01377);
  uint64_t h2 = UINT64_C (0xbe5466cf34e90c6c);
  int32_t n = sm_market_get_n_employees (market);
  int32_t m = sm_market_get_n_positions (market), len;
  for (int32_t i = 0; i < n + m; i++)
    {
      const SmEdge *e = i < n ? sm_market_get_employee_edges (market, i, &len)
                              : sm_market_get_position_edges (market, i - n,
                                                              &len);
      for (int32_t k = 0; k < len; k++)
        {
          uint64_t v = (uint64_t) (uint32_t) e[k].target << 32
                       | (uint32_t) e[k].rank;
          h1 = digest_mix (h1 ^ v) + (uint64_t) i;
          h2 = (h2 ^ v) * UINT64_C (0x100000001b3) + (h2 >> 29);
        }
    }
  digest[0] = h1;
  digest[1] = h2;
}

/* Generates the case into a builder that may use @n_threads threads. */
static SmMarketBuilder *
library_generate (const SuiteCase *c, int n_threads, CaseResult *r)
{
  GError *error = NULL;
  const SmGenParams *p = &c->params;
  double t0 = sm_bench_now_seconds ();
  g_autoptr (SmMarketBuilder)
      builder = sm_market_builder_new (p->n_employees, p->n_positions, &error);
  if (builder == NULL || !sm_gen_into_builder (p, builder, &r->entries, &error))
    {
      result_fail (r, "generate", error);
      return NULL;
    }
  sm_market_builder_set_n_threads (builder, n_threads);
  r->gen_seconds = sm_bench_now_seconds () - t0;
  return g_steal_pointer (&builder);
}

/* Whether the pairs child builds another pair: at least 5, then on
 * until 3 seconds are spent (small cases), at most 200; and 9 while
 * under 15 seconds are spent (a pair at 1M takes about 1.3 s, at 10M
 * about 15): a moment when the machine slows the second core down
 * lasts seconds, and at 1M five pairs could all fall in one (the
 * two-thread build's CPU time then a tenth or more above the one-thread
 * build's). Both kinds of build get the same number of tries. */
static gboolean
want_another_pair (int pairs, double spent)
{
  return pairs < 5 || (spent < 3.0 && pairs < 200)
         || (spent < 15.0 && pairs < 9);
}

/* Keeps in @best the smaller of it and @t; 0 means none yet. */
static void
keep_fastest (double *best, double t)
{
  if (*best == 0.0 || t < *best)
    *best = t;
}

/* The suite's own errors (a market or a matching that disagrees). */
#define SUITE_ERROR g_quark_from_static_string ("sm-bench-suite")

/* A fresh builder of @lists that builds on @n_threads threads, the heap
 * trimmed so that the build finds memory as a first build does; NULL
 * with @error set on failure. */
static SmMarketBuilder *
fresh_builder (const SmGenLists *lists, int n_threads, GError **error)
{
  g_autoptr (SmMarketBuilder)
      builder = sm_market_builder_new (lists->n_employees, lists->n_positions,
                                       error);
  if (builder == NULL || !sm_gen_lists_into_builder (lists, builder, error))
    return NULL;
  sm_market_builder_set_n_threads (builder, n_threads);
  trim_heap ();
  return g_steal_pointer (&builder);
}

/* Builds the lists once on @n_threads threads from a fresh builder; keeps
 * the fastest time in @r (the one-thread time in build1_seconds) and
 * checks the market against the @first one built. */
static gboolean
build_once (const SmGenLists *lists, int n_threads, gboolean first,
            CaseResult *r, GError **error)
{
  g_autoptr (SmMarketBuilder) builder = fresh_builder (lists, n_threads, error);
  if (builder == NULL)
    return FALSE;
  double t0 = sm_bench_now_seconds (), c0 = sm_bench_cpu_seconds ();
  g_autoptr (SmMarket) market = sm_market_builder_build (builder, error);
  double t = sm_bench_now_seconds () - t0, c = sm_bench_cpu_seconds () - c0;
  if (market == NULL)
    return FALSE;
  uint64_t digest[2];
  digest_market (market, digest);
  if (first)
    memcpy (r->market_digest, digest, sizeof digest);
  else if (memcmp (r->market_digest, digest, sizeof digest) != 0)
    {
      g_set_error (error, SUITE_ERROR, 0,
                   "a market built on %d threads differs from the first",
                   n_threads);
      return FALSE;
    }
  if (n_threads == 1)
    {
      keep_fastest (&r->build1_seconds, t);
      keep_fastest (&r->build1_cpu_seconds, c);
    }
  if (n_threads == 2)
    {
      keep_fastest (&r->build2_least_cpu_seconds, c);
      if (r->build_seconds == 0.0 || t < r->build_seconds)
        {
          r->build_seconds = t;
          r->build_cpu_seconds = c;
        }
    }
  return TRUE;
}

/* Whether the pairs child races the library against the reference once
 * more: at least twice, five times while under 20 seconds are spent (a
 * round at 1M takes about 1.5 s, at 10M about 40), and on until 1 second
 * is spent on small cases, at most 200 times. */
static gboolean
want_another_round (int rounds, double spent)
{
  return rounds < 2 || (rounds < 5 && spent < 20.0)
         || (spent < 1.0 && rounds < 200);
}

/* One round of the library: a fresh builder of @lists, built on one
 * thread and solved; returns the CPU time of the two, or a negative
 * number with @error set. Keeps the assignment in @assignment. */
static double
race_library (const SmGenLists *lists, int32_t **assignment, GError **error)
{
  g_autoptr (SmMarketBuilder) builder = fresh_builder (lists, 1, error);
  if (builder == NULL)
    return -1.0;
  double c0 = sm_bench_cpu_seconds ();
  g_autoptr (SmMarket) market = sm_market_builder_build (builder, error);
  g_autoptr (SmMatching)
      matching = market != NULL
                     ? sm_market_solve (market, SM_SIDE_EMPLOYEES, error)
                     : NULL;
  double c = sm_bench_cpu_seconds () - c0;
  if (matching == NULL)
    return -1.0;
  g_free (*assignment);
  *assignment = g_memdup2 (sm_matching_get_assignment (matching),
                           (gsize) lists->n_employees * sizeof (int32_t));
  return c;
}

/* One round of the reference: its rank lookup and its solve; returns
 * their CPU time and the assignment in @assignment. */
static double
race_reference (const SmGenLists *lists, int32_t **assignment)
{
  trim_heap ();
  uint64_t proposals;
  double c0 = sm_bench_cpu_seconds ();
  SmRef *ref = sm_ref_new (lists);
  int32_t *solved = sm_ref_solve (ref, &proposals);
  double c = sm_bench_cpu_seconds () - c0;
  sm_ref_free (ref);
  g_free (*assignment);
  *assignment = solved;
  return c;
}

/* The library's build and solve against the reference's, in turn in one
 * process (library, reference, reference, library, ...), the fastest
 * round of each counting: the ratio of the separate children moved with
 * the minute each ran in (at 1M uniform with correlated priorities,
 * 2.91 to 4.34 over six runs, 2.91 where the library child's build took
 * 0.301 s of CPU and the same run's pairs child's 0.233). Both must
 * give the same matching. */
static gboolean
race (const SmGenLists *lists, CaseResult *r, GError **error)
{
  g_autofree int32_t *mine = NULL, *theirs = NULL;
  double spent = 0.0;
  for (int rounds = 0; want_another_round (rounds, spent); rounds++)
    {
      double t0 = sm_bench_now_seconds ();
      for (int k = 0; k < 2; k++)
        if ((k + rounds) % 2 == 0)
          {
            double c = race_library (lists, &mine, error);
            if (c < 0)
              return FALSE;
            keep_fastest (&r->race_cpu_seconds, c);
          }
        else
          keep_fastest (&r->race_ref_cpu_seconds,
                        race_reference (lists, &theirs));
      if (lists->n_employees > 0
          && memcmp (mine, theirs,
                     (size_t) lists->n_employees * sizeof (int32_t))
                 != 0)
        {
          g_set_error (error, SUITE_ERROR, 0,
                       "the library and the reference disagree");
          return FALSE;
        }
      r->race_rounds = rounds + 1;
      spent += sm_bench_now_seconds () - t0;
    }
  return TRUE;
}

/* The pairs child: the build against its limits, all in one process.
 * The lists are generated once; then builds on one thread and on two
 * alternate (1 2, 2 1, 1 2, ...), each from a fresh builder, with the
 * warm transpose twice after each pair (then the transpose of both
 * sides twice: see sm_limit_transpose_both_again()), and the fastest of
 * each counts.
 * So the build, its second thread and the transpose see the same machine
 * in the same minute: one build of each in separate children, minutes
 * apart, gave ratios that moved with the machine's load more than with
 * the code. Every market built must be the same. The two-thread limit is
 * measured here too, once, at the end (at 10M it takes seconds). */
static void
run_build_pairs (const SuiteCase *c, CaseResult *r)
{
  GError *error = NULL;
  g_autoptr (SmGenLists) lists = sm_gen_lists_new (&c->params, &error);
  if (lists == NULL)
    {
      result_fail (r, "generate", error);
      return;
    }
  r->entries = lists->n_entries;
  double fresh, spent = 0.0;
  g_autoptr (SmLimitTranspose)
      transpose = sm_limit_transpose_new (lists, &fresh);
  for (int pairs = 0; want_another_pair (pairs, spent); pairs++)
    {
      double t0 = sm_bench_now_seconds (), cpu;
      int leading = pairs % 2 == 0 ? 1 : 2; /* threads of the first build */
      uint64_t sum;
      if (!build_once (lists, leading, pairs == 0, r, &error)
          || !build_once (lists, 3 - leading, FALSE, r, &error))
        {
          result_fail (r, "build", error);
          return;
        }
      /* twice, so that the second finds in the cache what fits there,
       * as the reference child's warm transpose does */
      for (int k = 0; k < 2; k++)
        {
          keep_fastest (&r->transpose_warm_seconds,
                        sm_limit_transpose_again (transpose, &cpu, &sum));
          keep_fastest (&r->transpose_warm_cpu_seconds, cpu);
        }
      for (int k = 0; k < 2; k++)
        {
          sm_limit_transpose_both_again (transpose, &cpu, &sum);
          keep_fastest (&r->transpose_both_warm_cpu_seconds, cpu);
        }
      r->build_pairs = pairs + 1;
      spent += sm_bench_now_seconds () - t0;
    }
  if (!race (lists, r, &error))
    {
      result_fail (r, "race", error);
      return;
    }
  r->two_thread_limit = sm_limit_two_threads (lists);
  r->ok = TRUE;
}

/* The library child: generate into a builder, then build and solve. */
static void
run_library (const SuiteCase *c, CaseResult *r)
{
  GError *error = NULL;
  g_autoptr (SmMarketBuilder) builder = library_generate (c, 1, r);
  if (builder == NULL)
    return;
  trim_heap ();
  r->gen_peak_kib = sm_rss_peak_kib ();
  r->base_kib = sm_rss_current_kib ();
  r->peak_reset = sm_rss_reset_peak ();
  int64_t faults = sm_rss_minor_faults ();
  double t0 = sm_bench_now_seconds (), c0 = sm_bench_cpu_seconds ();
  g_autoptr (SmMarket) market = sm_market_builder_build (builder, &error);
  r->build_seconds = sm_bench_now_seconds () - t0;
  r->build_cpu_seconds = sm_bench_cpu_seconds () - c0;
  r->build_faults = sm_rss_minor_faults () - faults;
  if (market == NULL)
    {
      result_fail (r, "build", error);
      return;
    }
  library_solve (market, r);
  digest_market (market, r->market_digest);
}

/* The reference child: plain arrays, then the reference solver; only its
 * solve counts as solve_seconds, its rank lookup as build_seconds. */
static void
run_reference (const SuiteCase *c, CaseResult *r)
{
  GError *error = NULL;
  double t0 = sm_bench_now_seconds ();
  g_autoptr (SmGenLists) lists = sm_gen_lists_new (&c->params, &error);
  if (lists == NULL)
    {
      result_fail (r, "generate", error);
      return;
    }
  r->entries = lists->n_entries;
  r->gen_seconds = sm_bench_now_seconds () - t0;
  uint64_t sums[2];
  r->pass_seconds = sm_limit_pass (lists, &sums[0]);
  int64_t faults = sm_rss_minor_faults ();
  r->transpose_seconds = sm_limit_transpose (lists, &r->transpose_warm_seconds,
                                             &r->transpose_warm_cpu_seconds,
                                             &sums[1]);
  r->transpose_faults = sm_rss_minor_faults () - faults;
  r->market_digest[0] = sums[0] ^ sums[1];
  t0 = sm_bench_now_seconds ();
  double cpu0 = sm_bench_cpu_seconds ();
  g_autoptr (SmRef) ref = sm_ref_new (lists);
  r->build_seconds = sm_bench_now_seconds () - t0;
  r->build_cpu_seconds = sm_bench_cpu_seconds () - cpu0;
  g_autofree int32_t *assignment = NULL;
  double spent = 0.0;
  for (int runs = 0; want_another_run (runs, spent); runs++)
    {
      g_clear_pointer (&assignment, g_free);
      t0 = sm_bench_now_seconds ();
      cpu0 = sm_bench_cpu_seconds ();
      assignment = sm_ref_solve (ref, &r->proposals);
      double t = sm_bench_now_seconds () - t0,
             cpu = sm_bench_cpu_seconds () - cpu0;
      r->solve_seconds = runs == 0 ? t : MIN (r->solve_seconds, t);
      r->solve_cpu_seconds = runs == 0 ? cpu : MIN (r->solve_cpu_seconds, cpu);
      spent += t;
    }
  r->peak_kib = sm_rss_peak_kib ();
  digest_assignment (assignment, lists->n_employees, r);
  r->ok = TRUE;
}

/* Writes all of @len bytes to @fd. */
static gboolean
write_all (int fd, const void *buf, size_t len)
{
  const char *p = buf;
  while (len > 0)
    {
      ssize_t k = write (fd, p, len);
      if (k < 0 && errno == EINTR)
        continue;
      if (k <= 0)
        return FALSE;
      p += k;
      len -= (size_t) k;
    }
  return TRUE;
}

/* Reads up to @len bytes from @fd; returns how many came. */
static size_t
read_all (int fd, void *buf, size_t len)
{
  char *p = buf;
  size_t got = 0;
  while (got < len)
    {
      ssize_t k = read (fd, p + got, len - got);
      if (k < 0 && errno == EINTR)
        continue;
      if (k <= 0)
        break;
      got += (size_t) k;
    }
  return got;
}

/* Tells why a child that sent nothing ended. */
static void
describe_exit (int status, CaseResult *r)
{
  r->ok = FALSE;
  if (WIFSIGNALED (status))
    g_snprintf (r->message, sizeof r->message, "child killed by signal %d",
                WTERMSIG (status));
  else
    g_snprintf (r->message, sizeof r->message, "child exited with status %d",
                WEXITSTATUS (status));
}

/* Runs @func on @c in a forked child and returns its result in @r. */
static void
run_child (ChildFunc func, const SuiteCase *c, CaseResult *r)
{
  int fds[2], status = 0;
  memset (r, 0, sizeof *r);
  fflush (stdout);
  fflush (stderr);
  if (pipe (fds) != 0)
    {
      g_snprintf (r->message, sizeof r->message, "pipe: %s",
                  g_strerror (errno));
      return;
    }
  pid_t pid = fork ();
  if (pid == 0)
    {
      close (fds[0]);
      func (c, r);
      _exit (write_all (fds[1], r, sizeof *r) ? 0 : 3);
    }
  close (fds[1]);
  size_t got = pid > 0 ? read_all (fds[0], r, sizeof *r) : 0;
  close (fds[0]);
  if (pid < 0)
    g_snprintf (r->message, sizeof r->message, "fork: %s", g_strerror (errno));
  else if (waitpid (pid, &status, 0) == pid && got != sizeof *r)
    describe_exit (status, r);
}

static double
ratio (double a, double b)
{
  return b > 0 ? a / b : 0.0;
}

/* @count per million list entries. */
static double
per_mentry (int64_t count, int64_t entries)
{
  return entries > 0 ? (double) count * 1e6 / (double) entries : 0.0;
}

/* Prints the CPU-time columns. A process that gets a fraction of a core
 * on a loaded machine takes longer by the clock but not by CPU time, so
 * these ratios hold whatever the load; cpu_share (CPU over wall time of
 * the two-thread build) says how many cores that build really had, and
 * thus whether its wall-clock speedup could show at all; and the
 * two-thread build's CPU time over the one-thread build's says whether
 * each of its threads ran at one thread's pace (about 1) or slower,
 * when the machine gave the process two cores that were each slower
 * than the one it gave a single thread. The paired
 * columns come from the pairs child: its fastest one-thread build over
 * its fastest warm transpose, timed in turn in one process. */
static void
report_cpu (const CaseResult *lib, const CaseResult *lib2,
            const CaseResult *ref)
{
  double sm_cpu = lib->build_cpu_seconds + lib->solve_cpu_seconds;
  printf (" build_cpu_seconds=%.6f solve_cpu_seconds=%.6f"
          " build_per_transpose_warm_cpu=%.2f build1_cpu_seconds=%.6f"
          " paired_transpose_warm_cpu_seconds=%.6f"
          " paired_build_per_transpose_warm_cpu=%.2f"
          " paired_transpose_both_warm_cpu_seconds=%.6f"
          " paired_build_per_transpose_both_warm_cpu=%.2f"
          " build2_cpu_seconds=%.6f"
          " build2_cpu_share=%.2f build2_cpu_per_build1_cpu=%.2f"
          " two_thread_limit=%.2f"
          " build_2t_per_limit=%.2f ref_build_cpu_seconds=%.6f"
          " ref_solve_cpu_seconds=%.6f speedup_build_solve_cpu=%.2f"
          " race_cpu_seconds=%.6f race_ref_cpu_seconds=%.6f race_rounds=%d"
          " race_speedup_build_solve_cpu=%.2f",
          lib->build_cpu_seconds, lib->solve_cpu_seconds,
          ratio (lib->build_cpu_seconds, ref->transpose_warm_cpu_seconds),
          lib2->build1_cpu_seconds, lib2->transpose_warm_cpu_seconds,
          ratio (lib2->build1_cpu_seconds, lib2->transpose_warm_cpu_seconds),
          lib2->transpose_both_warm_cpu_seconds,
          ratio (lib2->build1_cpu_seconds,
                 lib2->transpose_both_warm_cpu_seconds),
          lib2->build_cpu_seconds,
          ratio (lib2->build_cpu_seconds, lib2->build_seconds),
          ratio (lib2->build2_least_cpu_seconds, lib2->build1_cpu_seconds),
          lib2->two_thread_limit,
          ratio (ratio (lib2->build1_seconds, lib2->build_seconds),
                 lib2->two_thread_limit),
          ref->build_cpu_seconds, ref->solve_cpu_seconds,
          ratio (ref->build_cpu_seconds + ref->solve_cpu_seconds, sm_cpu),
          lib2->race_cpu_seconds, lib2->race_ref_cpu_seconds, lib2->race_rounds,
          ratio (lib2->race_ref_cpu_seconds, lib2->race_cpu_seconds));
}

/* Prints the limit columns: the build and the solve as multiples of what
 * the hardware allows, and the build's gain from a second thread. */
static void
report_limits (const CaseResult *lib, const CaseResult *lib2,
               const CaseResult *ref)
{
  int64_t peak = MAX (lib->gen_peak_kib, lib->peak_kib);
  printf (" pass_seconds=%.6f transpose_seconds=%.6f"
          " transpose_warm_seconds=%.6f build_per_pass=%.1f"
          " build_per_transpose=%.2f build_per_transpose_warm=%.2f"
          " build_solve_per_pass=%.1f"
          " build1_seconds=%.6f build2_seconds=%.6f build_pairs=%d"
          " build_speedup_2t=%.2f"
          " peak_bytes_per_entry=%.1f build_faults_per_mentry=%.0f"
          " transpose_faults_per_mentry=%.0f",
          ref->pass_seconds, ref->transpose_seconds,
          ref->transpose_warm_seconds,
          ratio (lib->build_seconds, ref->pass_seconds),
          ratio (lib->build_seconds, ref->transpose_seconds),
          ratio (lib->build_seconds, ref->transpose_warm_seconds),
          ratio (lib->build_seconds + lib->solve_seconds, ref->pass_seconds),
          lib2->build1_seconds, lib2->build_seconds, lib2->build_pairs,
          ratio (lib2->build1_seconds, lib2->build_seconds),
          lib->entries > 0 ? peak * 1024.0 / (double) lib->entries : 0.0,
          per_mentry (lib->build_faults, lib->entries),
          per_mentry (ref->transpose_faults, lib->entries));
  report_cpu (lib, lib2, ref);
}

/* Prints the case's line; returns TRUE when it passed. */
static gboolean
report_case (const SuiteCase *c, const CaseResult *lib, const CaseResult *lib2,
             const CaseResult *ref)
{
  gboolean match = lib->ok && ref->ok && lib->digest[0] == ref->digest[0]
                   && lib->digest[1] == ref->digest[1];
  gboolean same_market = lib->ok && lib2->ok
                         && lib->market_digest[0] == lib2->market_digest[0]
                         && lib->market_digest[1] == lib2->market_digest[1];
  gboolean stable = lib->stable != 0;
  double mib = 1.0 / 1024.0, sm_total = lib->build_seconds + lib->solve_seconds;
  int64_t peak = MAX (lib->gen_peak_kib, lib->peak_kib);
  printf ("case=%s seed=%" G_GUINT64_FORMAT " n=%" G_GINT64_FORMAT
          " m=%" G_GINT64_FORMAT " entries=%" G_GINT64_FORMAT
          " seats=%" G_GINT64_FORMAT " placed=%d proposals=%" PRIu64
          " gen_seconds=%.3f"
          " build_seconds=%.6f solve_seconds=%.6f ns_per_proposal=%.2f"
          " peak_rss_mib=%.1f build_solve_peak_rss_mib=%.1f"
          " base_rss_mib=%.1f bytes_per_entry=%.2f",
          c->name, c->params.seed, c->params.n_employees, c->params.n_positions,
          lib->entries, lib->seats, lib->placed, lib->proposals,
          lib->gen_seconds, lib->build_seconds, lib->solve_seconds,
          lib->proposals > 0 ? lib->solve_seconds * 1e9 / lib->proposals : 0,
          peak * mib, lib->peak_kib * mib, lib->base_kib * mib,
          lib->entries > 0
              ? (lib->peak_kib - lib->base_kib) * 1024.0 / (double) lib->entries
              : 0.0);
  report_limits (lib, lib2, ref);
  printf (" ref_build_seconds=%.6f ref_solve_seconds=%.6f"
          " ref_proposals=%" PRIu64 " speedup=%.2f speedup_build_solve=%.2f"
          " stable=%s match=%s threads_match=%s",
          ref->build_seconds, ref->solve_seconds, ref->proposals,
          lib->solve_seconds > 0 ? ref->solve_seconds / lib->solve_seconds : 0,
          sm_total > 0 ? (ref->build_seconds + ref->solve_seconds) / sm_total
                       : 0,
          lib->stable < 0 ? "unchecked"
          : lib->stable   ? "yes"
                          : "no",
          match ? "yes" : "no", same_market ? "yes" : "no");
  if (!lib->peak_reset && lib->ok)
    printf (" note=peak_not_reset");
  if (!lib->ok)
    printf (" error=\"library: %s\"", lib->message);
  if (!lib2->ok)
    printf (" error=\"library, two threads: %s\"", lib2->message);
  if (!ref->ok)
    printf (" error=\"reference: %s\"", ref->message);
  printf ("\n");
  fflush (stdout);
  return match && stable && same_market;
}

/* The case's own scenario (examples/boh-case.c, about 480 employees):
 * sm_scenario_place() timed whole, compile and solve, as often as
 * want_another_run() says; the fastest run counts. A lottery that draws
 * many seeds pays this per draw. */
static void
run_boh_case (const SuiteCase *c, CaseResult *r)
{
  GError *error = NULL;
  g_autoptr (SmScenario) scenario = boh_case_new (BOH_CASE_SEED, &error);
  if (scenario == NULL)
    {
      result_fail (r, "the case", error);
      return;
    }
  double spent = 0.0;
  for (int runs = 0; want_another_run (runs, spent); runs++)
    {
      double t0 = sm_bench_now_seconds ();
      SmPlacement *placement = sm_scenario_place (scenario, &error);
      double t = sm_bench_now_seconds () - t0;
      if (placement == NULL)
        {
          result_fail (r, "place", error);
          return;
        }
      sm_placement_free (placement);
      r->solve_seconds = runs == 0 ? t : MIN (r->solve_seconds, t);
      spent += t;
    }
  r->entries = sm_scenario_get_n_employees (scenario);
  r->peak_kib = sm_rss_peak_kib ();
  r->ok = TRUE;
}

/* Prints the line of the case's scenario; returns TRUE when it ran. */
static gboolean
report_boh_case (const CaseResult *r)
{
  printf ("case=boh-case seed=%d employees=%" G_GINT64_FORMAT
          " place_seconds=%.6f us_per_placement=%.1f peak_rss_mib=%.1f",
          BOH_CASE_SEED, r->entries, r->solve_seconds, r->solve_seconds * 1e6,
          r->peak_kib / 1024.0);
  if (!r->ok)
    printf (" error=\"%s\"", r->message);
  printf ("\n");
  fflush (stdout);
  return r->ok;
}

static gboolean
case_selected (const SuiteCase *c, const SmSuiteOptions *o)
{
  if (o->quick && !c->quick)
    return FALSE;
  if (o->max_employees > 0 && c->params.n_employees > o->max_employees)
    return FALSE;
  return o->filter == NULL || strstr (c->name, o->filter) != NULL;
}

int
sm_suite_run (const SmSuiteOptions *options)
{
  int n_run = 0, n_failed = 0;
  double t0 = sm_bench_now_seconds ();
  if (options->filter == NULL || strstr ("boh-case", options->filter) != NULL)
    {
      CaseResult boh;
      run_child (run_boh_case, NULL, &boh);
      n_run++;
      n_failed += !report_boh_case (&boh);
    }
  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CaseResult lib, lib2, ref;
      if (!case_selected (&cases[i], options))
        continue;
      run_child (run_library, &cases[i], &lib);
      run_child (run_build_pairs, &cases[i], &lib2);
      run_child (run_reference, &cases[i], &ref);
      n_run++;
      n_failed += !report_case (&cases[i], &lib, &lib2, &ref);
    }
  printf ("summary=suite cases=%d failed=%d seconds=%.1f library=%s\n", n_run,
          n_failed, sm_bench_now_seconds () - t0, sm_version ());
  return n_failed == 0 ? 0 : 1;
}
