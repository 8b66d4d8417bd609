/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: a tiny, independent model of a market for brute force.
 *
 * Nothing here calls the library's solvers or checker: the point is a
 * second opinion. The only library calls build a market from the model. */
#include "test-brute.h"
#include "test-util.h"

#include <string.h>

void
sm_test_rng_init (SmTestRng *rng, uint64_t seed)
{
  rng->state = seed;
}

uint64_t
sm_test_rng_next (SmTestRng *rng)
{
  uint64_t z = (rng->state += UINT64_C (0x9E3779B97F4A7C15));
  z = (z ^ (z >> 30)) * UINT64_C (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * UINT64_C (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

uint32_t
sm_test_rng_below (SmTestRng *rng, uint32_t bound)
{
  g_assert (bound >= 1);
  /* Draws below 2^32 mod bound are thrown away, so that every residue is
   * hit by the same number of 32-bit values. */
  uint32_t reject_below = (uint32_t) (-bound) % bound;
  for (;;)
    {
      uint32_t x = (uint32_t) (sm_test_rng_next (rng) >> 32);
      if (x >= reject_below)
        return x % bound;
    }
}

int32_t
sm_test_rng_range (SmTestRng *rng, int32_t lo, int32_t hi)
{
  g_assert (lo <= hi);
  return lo + (int32_t) sm_test_rng_below (rng, (uint32_t) (hi - lo) + 1);
}

void
sm_test_rng_shuffle (SmTestRng *rng, int32_t *values, int32_t n)
{
  for (int32_t k = n - 1; k > 0; k--)
    {
      int32_t r = (int32_t) sm_test_rng_below (rng, (uint32_t) k + 1);
      int32_t tmp = values[k];
      values[k] = values[r];
      values[r] = tmp;
    }
}

/* An ordered random subset of 0..m-1, of random length min_len..m. */
static int32_t
random_list (SmTestRng *rng, int32_t m, int32_t min_len, int32_t *out)
{
  int32_t all[SM_BRUTE_MAX_M];
  for (int32_t j = 0; j < m; j++)
    all[j] = j;
  sm_test_rng_shuffle (rng, all, m);
  int32_t len = sm_test_rng_range (rng, min_len, m);
  memcpy (out, all, (size_t) len * sizeof (int32_t));
  return len;
}

static void
random_masters (SmBruteMarket *bm, SmTestRng *rng)
{
  for (int32_t j = 0; j < bm->m; j++)
    {
      for (int32_t i = 0; i < bm->n; i++)
        bm->master[j][i] = i;
      sm_test_rng_shuffle (rng, bm->master[j], bm->n);
    }
}

static void
draw_sparse (SmBruteMarket *bm, SmTestRng *rng, int32_t max_n, int32_t max_m,
             int32_t max_seats)
{
  /* Empty sides are legal but dull: keep them to one market in sixteen. */
  int32_t lo = sm_test_rng_below (rng, 16) == 0 ? 0 : 1;
  bm->n = sm_test_rng_range (rng, lo, max_n);
  bm->m = sm_test_rng_range (rng, lo, max_m);
  for (int32_t j = 0; j < bm->m; j++)
    bm->seats[j] = sm_test_rng_range (rng, 1, max_seats);
  for (int32_t i = 0; i < bm->n; i++)
    bm->pref_len[i] = random_list (rng, bm->m, 0, bm->prefs[i]);
  random_masters (bm, rng);
}

/* Sorts position @j's master ranking so that employees who list it late
 * come first, breaking ties (and blurring a little) at random: employees
 * chase positions that rank them low, the source of several stable
 * matchings. */
static void
anti_align_master (SmBruteMarket *bm, SmTestRng *rng, int32_t j)
{
  int32_t key[SM_BRUTE_MAX_N];
  for (int32_t i = 0; i < bm->n; i++)
    {
      int32_t place = 0;
      for (int32_t k = 0; k < bm->pref_len[i]; k++)
        if (bm->prefs[i][k] == j)
          place = k;
      key[i] = place * 16 + (int32_t) sm_test_rng_below (rng, 24);
    }
  int32_t *order = bm->master[j];
  for (int32_t a = 1; a < bm->n; a++)
    for (int32_t b = a; b > 0 && key[order[b]] > key[order[b - 1]]; b--)
      {
        int32_t tmp = order[b];
        order[b] = order[b - 1];
        order[b - 1] = tmp;
      }
}

static void
draw_contested (SmBruteMarket *bm, SmTestRng *rng, int32_t max_n, int32_t max_m,
                int32_t max_seats)
{
  bm->m = sm_test_rng_range (rng, 1, max_m);
  int32_t total = 0;
  for (int32_t j = 0; j < bm->m; j++)
    {
      gboolean one = sm_test_rng_below (rng, 3) != 0;
      bm->seats[j] = one ? 1 : sm_test_rng_range (rng, 1, max_seats);
      total += bm->seats[j];
    }
  int32_t n = total + sm_test_rng_range (rng, -1, 1);
  bm->n = CLAMP (n, 1, max_n);
  for (int32_t i = 0; i < bm->n; i++)
    {
      gboolean full = sm_test_rng_below (rng, 4) != 0;
      bm->pref_len[i] = random_list (rng, bm->m, full ? bm->m : 0,
                                     bm->prefs[i]);
    }
  random_masters (bm, rng);
  for (int32_t j = 0; j < bm->m; j++)
    anti_align_master (bm, rng, j);
}

void
sm_brute_market_random (SmBruteMarket *bm, SmTestRng *rng, SmBruteShape shape,
                        int32_t max_n, int32_t max_m, int32_t max_seats)
{
  g_assert (max_n <= SM_BRUTE_MAX_N && max_m <= SM_BRUTE_MAX_M);
  memset (bm, 0, sizeof *bm);
  if (shape == SM_BRUTE_SPARSE)
    draw_sparse (bm, rng, max_n, max_m, max_seats);
  else
    draw_contested (bm, rng, max_n, max_m, max_seats);
  sm_brute_market_derive (bm);
}

void
sm_brute_market_set_list (SmBruteMarket *bm, int32_t i, const int32_t *list,
                          int32_t len)
{
  g_assert (i >= 0 && i < bm->n && len >= 0 && len <= bm->m);
  memcpy (bm->prefs[i], list, (size_t) len * sizeof (int32_t));
  bm->pref_len[i] = len;
  sm_brute_market_derive (bm);
}

void
sm_brute_market_derive (SmBruteMarket *bm)
{
  for (int32_t i = 0; i < bm->n; i++)
    {
      for (int32_t j = 0; j < bm->m; j++)
        bm->choice[i][j] = -1;
      for (int32_t k = 0; k < bm->pref_len[i]; k++)
        bm->choice[i][bm->prefs[i][k]] = k;
    }
  for (int32_t j = 0; j < bm->m; j++)
    {
      bm->prio_len[j] = 0;
      for (int32_t k = 0; k < bm->n; k++)
        {
          int32_t e = bm->master[j][k];
          bm->rank[j][e] = -1;
          if (bm->choice[e][j] < 0)
            continue;
          bm->rank[j][e] = bm->prio_len[j];
          bm->prios[j][bm->prio_len[j]++] = e;
        }
    }
}

SmMarket *
sm_brute_market_build (const SmBruteMarket *bm)
{
  const int32_t *prefs[SM_BRUTE_MAX_N];
  const int32_t *prios[SM_BRUTE_MAX_M];
  for (int32_t i = 0; i < bm->n; i++)
    prefs[i] = bm->prefs[i];
  for (int32_t j = 0; j < bm->m; j++)
    prios[j] = bm->prios[j];
  return sm_test_market_new (bm->n, bm->m, bm->seats, prefs, bm->pref_len,
                             prios, bm->prio_len);
}

void
sm_brute_market_print (const SmBruteMarket *bm, FILE *stream)
{
  fprintf (stream, "hr-instance 1\nemployees %d\npositions %d\ncapacity", bm->n,
           bm->m);
  for (int32_t j = 0; j < bm->m; j++)
    fprintf (stream, " %d", bm->seats[j]);
  fputc ('\n', stream);
  for (int32_t i = 0; i < bm->n; i++)
    {
      fprintf (stream, "E %d", i);
      for (int32_t k = 0; k < bm->pref_len[i]; k++)
        fprintf (stream, " %d", bm->prefs[i][k]);
      fputc ('\n', stream);
    }
  for (int32_t j = 0; j < bm->m; j++)
    {
      fprintf (stream, "P %d", j);
      for (int32_t k = 0; k < bm->prio_len[j]; k++)
        fprintf (stream, " %d", bm->prios[j][k]);
      fputc ('\n', stream);
    }
}

int32_t
sm_brute_employee_rank (const SmBruteMarket *bm, int32_t i, int32_t position)
{
  if (position == SM_DEFAULT)
    return bm->pref_len[i];
  if (bm->choice[i][position] < 0)
    return bm->pref_len[i] + 1;
  return bm->choice[i][position];
}

static int32_t
count_at (const SmBruteMarket *bm, const int32_t *assignment, int32_t j)
{
  int32_t count = 0;
  for (int32_t e = 0; e < bm->n; e++)
    count += assignment[e] == j;
  return count;
}

gboolean
sm_brute_is_valid (const SmBruteMarket *bm, const int32_t *assignment)
{
  for (int32_t i = 0; i < bm->n; i++)
    {
      int32_t j = assignment[i];
      if (j != SM_DEFAULT && (j < 0 || j >= bm->m || bm->choice[i][j] < 0))
        return FALSE;
    }
  for (int32_t j = 0; j < bm->m; j++)
    if (count_at (bm, assignment, j) > bm->seats[j])
      return FALSE;
  return TRUE;
}

/* Whether position @j would take employee @i: it has a seat free, or it
 * holds some employee it ranks below @i. The definition, word for word. */
static gboolean
position_would_take (const SmBruteMarket *bm, const int32_t *assignment,
                     int32_t j, int32_t i)
{
  if (count_at (bm, assignment, j) < bm->seats[j])
    return TRUE;
  for (int32_t e = 0; e < bm->n; e++)
    if (assignment[e] == j && bm->rank[j][e] > bm->rank[j][i])
      return TRUE;
  return FALSE;
}

size_t
sm_brute_blocking_pairs (const SmBruteMarket *bm, const int32_t *assignment,
                         SmBlockingPair *out)
{
  size_t n_pairs = 0;
  for (int32_t i = 0; i < bm->n; i++)
    {
      int32_t current = sm_brute_employee_rank (bm, i, assignment[i]);
      /* Only positions listed above the current outcome can tempt i. */
      for (int32_t k = 0; k < bm->pref_len[i] && k < current; k++)
        {
          int32_t j = bm->prefs[i][k];
          if (position_would_take (bm, assignment, j, i))
            out[n_pairs++] = (SmBlockingPair){ .employee = i, .position = j };
        }
    }
  return n_pairs;
}

typedef struct {
  const SmBruteMarket *bm;
  int32_t assignment[SM_BRUTE_MAX_N];
  int32_t filled[SM_BRUTE_MAX_M];
  SmBruteVisit visit;
  gpointer data;
} Enumeration;

static void
enumerate_from (Enumeration *en, int32_t i)
{
  const SmBruteMarket *bm = en->bm;
  if (i == bm->n)
    {
      en->visit (en->assignment, en->data);
      return;
    }
  en->assignment[i] = SM_DEFAULT;
  enumerate_from (en, i + 1);
  for (int32_t k = 0; k < bm->pref_len[i]; k++)
    {
      int32_t j = bm->prefs[i][k];
      if (en->filled[j] == bm->seats[j])
        continue;
      en->assignment[i] = j;
      en->filled[j]++;
      enumerate_from (en, i + 1);
      en->filled[j]--;
    }
}

void
sm_brute_enumerate (const SmBruteMarket *bm, SmBruteVisit visit, gpointer data)
{
  Enumeration en = { .bm = bm, .visit = visit, .data = data };
  enumerate_from (&en, 0);
}

SmMarket *
sm_test_random_market_new (SmTestRng *rng, int32_t n, int32_t m,
                           int32_t max_len, int32_t max_seats)
{
  GError *error = NULL;
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (n, m, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autofree int32_t *all = g_new (int32_t, MAX (n, m) + 1);
  g_autofree int32_t *listed = g_new0 (int32_t, (size_t) n * m + 1);
  for (int32_t i = 0; i < n; i++)
    {
      for (int32_t j = 0; j < m; j++)
        all[j] = j;
      sm_test_rng_shuffle (rng, all, m);
      int32_t len = sm_test_rng_range (rng, 0, MIN (m, max_len));
      for (int32_t k = 0; k < len; k++)
        listed[(size_t) i * m + all[k]] = 1;
      sm_market_builder_set_preferences (b, i, all, len, &error);
      SM_ASSERT_NO_ERROR (error);
    }
  for (int32_t j = 0; j < m; j++)
    {
      int32_t len = 0;
      for (int32_t i = 0; i < n; i++)
        if (listed[(size_t) i * m + j])
          all[len++] = i;
      sm_test_rng_shuffle (rng, all, len);
      sm_market_builder_set_seats (b, j, sm_test_rng_range (rng, 1, max_seats),
                                   &error);
      SM_ASSERT_NO_ERROR (error);
      sm_market_builder_set_priorities (b, j, all, len, &error);
      SM_ASSERT_NO_ERROR (error);
    }
  SmMarket *market = sm_market_builder_build (b, &error);
  SM_ASSERT_NO_ERROR (error);
  return market;
}

SmMarket *
sm_test_college_market_new (void)
{
  static const int32_t p0[] = { 0, 1, 2 }, p3[] = { 1, 2 }, p4[] = { 0, 2, 1 },
                       p5[] = { 2, 1, 0 };
  static const int32_t q0[] = { 2, 0, 5, 4, 1 }, q1[] = { 2, 5, 1, 0, 4, 3 },
                       q2[] = { 3, 0, 2, 1, 5, 4 };
  const int32_t *prefs[] = { p0, p0, p0, p3, p4, p5 };
  const int32_t *prios[] = { q0, q1, q2 };
  const int32_t pref_len[] = { 3, 3, 3, 2, 3, 3 };
  const int32_t prio_len[] = { 5, 6, 6 };
  const int32_t seats[] = { 2, 1, 2 };
  return sm_test_market_new (6, 3, seats, prefs, pref_len, prios, prio_len);
}
