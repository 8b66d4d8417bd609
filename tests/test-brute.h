/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: a tiny, independent model of a market for brute force.
 *
 * The property tests must not trust the library to judge the library, so
 * this file keeps its own copy of a small market as dense arrays and its
 * own definitions of validity and of a blocking pair, written as literally
 * as the textbook states them (quantifying over every held employee rather
 * than looking at a cutoff). It also holds the tests' pseudo-random number
 * generator, which is fixed here so that every machine draws the same
 * markets from the same seed. */
#pragma once

#include <stdint.h>
#include <stdio.h>
#include <glib.h>
#include <staffmatch/staffmatch.h>

/* Small enough to enumerate every matching: (1 + 4)^8 assignments. */
#define SM_BRUTE_MAX_N 8
#define SM_BRUTE_MAX_M 4
/* Every pair (employee, listed position) can block at most once. */
#define SM_BRUTE_MAX_PAIRS (SM_BRUTE_MAX_N * SM_BRUTE_MAX_M)

/* splitmix64 (Steele, Lea and Flood, 2014): 64 bits of state, no
 * platform-dependent arithmetic, so the same seed gives the same markets
 * everywhere. */
typedef struct {
  uint64_t state;
} SmTestRng;

void sm_test_rng_init (SmTestRng *rng, uint64_t seed);
uint64_t sm_test_rng_next (SmTestRng *rng);
/* A uniform integer in [0, bound), bound >= 1, without modulo bias. */
uint32_t sm_test_rng_below (SmTestRng *rng, uint32_t bound);
/* A uniform integer in [lo, hi]. */
int32_t sm_test_rng_range (SmTestRng *rng, int32_t lo, int32_t hi);
/* Shuffles @values in place (Fisher-Yates). */
void sm_test_rng_shuffle (SmTestRng *rng, int32_t *values, int32_t n);

/* A small market. Priorities come from a master ranking of all employees
 * per position: a position's order over its applicants is the master order
 * restricted to them, so when an employee changes their list the priorities
 * follow without being drawn again. */
typedef struct {
  int32_t n;
  int32_t m;
  int32_t seats[SM_BRUTE_MAX_M];
  int32_t pref_len[SM_BRUTE_MAX_N];
  int32_t prefs[SM_BRUTE_MAX_N][SM_BRUTE_MAX_M];
  int32_t master[SM_BRUTE_MAX_M][SM_BRUTE_MAX_N];
  /* Derived by sm_brute_market_derive(). */
  int32_t choice[SM_BRUTE_MAX_N][SM_BRUTE_MAX_M]; /* place in list, or -1 */
  int32_t prio_len[SM_BRUTE_MAX_M];
  int32_t prios[SM_BRUTE_MAX_M][SM_BRUTE_MAX_N];
  int32_t rank[SM_BRUTE_MAX_M][SM_BRUTE_MAX_N]; /* place in prios, or -1 */
} SmBruteMarket;

/* How sm_brute_market_random() draws.
 * @SM_BRUTE_SPARSE: 0..max_n employees (rarely 0), 0..max_m positions
 *   (rarely 0), 1..max_seats seats, lists of uniformly random length
 *   (empty ones included), uniformly random master rankings. Most such
 *   markets have a single stable matching.
 * @SM_BRUTE_CONTESTED: about as many employees as seats, mostly one seat
 *   per position, mostly complete lists, and master rankings that put
 *   first the employees who like the position least (with noise). These
 *   conflicts make several stable matchings common, which is what the
 *   optimality and rural-hospitals properties need to bite. */
typedef enum {
  SM_BRUTE_SPARSE,
  SM_BRUTE_CONTESTED,
} SmBruteShape;

void sm_brute_market_random (SmBruteMarket *bm, SmTestRng *rng,
                             SmBruteShape shape, int32_t max_n, int32_t max_m,
                             int32_t max_seats);
/* Replaces employee @i's list and derives the priorities anew. */
void sm_brute_market_set_list (SmBruteMarket *bm, int32_t i,
                               const int32_t *list, int32_t len);
/* Recomputes the derived fields from prefs and master. */
void sm_brute_market_derive (SmBruteMarket *bm);
/* Builds the library's market; aborts the test on error. */
SmMarket *sm_brute_market_build (const SmBruteMarket *bm);
/* Writes the market in the hr-instance format, for reproducing a failure. */
void sm_brute_market_print (const SmBruteMarket *bm, FILE *stream);

/* How employee @i ranks @position: 0 for their first choice, pref_len for
 * the default (SM_DEFAULT), and pref_len + 1 for a position they did not
 * list, which they like less than the default. Smaller is better. */
int32_t sm_brute_employee_rank (const SmBruteMarket *bm, int32_t i,
                                int32_t position);

/* Valid: everyone placed at a listed position, no position over its seats. */
gboolean sm_brute_is_valid (const SmBruteMarket *bm, const int32_t *assignment);

/* Writes every blocking pair of the valid @assignment to @out (room for
 * SM_BRUTE_MAX_PAIRS) by employee, then in the employee's order of
 * preference, and returns their number. */
size_t sm_brute_blocking_pairs (const SmBruteMarket *bm,
                                const int32_t *assignment, SmBlockingPair *out);

/* Calls @visit on every valid assignment, in a fixed order. */
typedef void (*SmBruteVisit) (const int32_t *assignment, gpointer data);
void sm_brute_enumerate (const SmBruteMarket *bm, SmBruteVisit visit,
                         gpointer data);

/* A larger random market, for determinism tests: @n employees with lists
 * of 0..max_len positions out of @m, seats 1..max_seats. */
SmMarket *sm_test_random_market_new (SmTestRng *rng, int32_t n, int32_t m,
                                     int32_t max_len, int32_t max_seats);

/* The college admissions market worked by hand in test-solve.c:
 * seats p0 2, p1 1, p2 2;
 *   e0: p0 p1 p2   e1: p0 p1 p2   e2: p0 p1 p2
 *   e3: p1 p2      e4: p0 p2 p1   e5: p2 p1 p0
 *   p0: e2 e0 e5 e4 e1   p1: e2 e5 e1 e0 e4 e3   p2: e3 e0 e2 e1 e5 e4
 * Its stable matchings are exactly (e0..e5)
 *   0 1 0 2 - 2   (employee-optimal) and   0 2 0 2 - 1   (position-optimal). */
SmMarket *sm_test_college_market_new (void);
