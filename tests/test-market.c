/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: the market builder and the frozen market. */
#include "test-util.h"
#include "core/market-private.h"

#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif
#if defined(__SANITIZE_ADDRESS__)
#define SM_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SM_TEST_ASAN 1
#endif
#endif

/* Two employees, two positions:
 *   employee 0: 1, 0      position 0 (2 seats): 1, 0
 *   employee 1: 0         position 1 (1 seat):  0          */
static SmMarketBuilder *
small_builder (void)
{
  GError *error = NULL;
  SmMarketBuilder *b = sm_market_builder_new (2, 2, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (sm_market_builder_set_seats (b, 0, 2, &error));
  CU_ASSERT_TRUE (
      sm_market_builder_set_preferences (b, 0, (int32_t[]){ 1, 0 }, 2, &error));
  CU_ASSERT_TRUE (
      sm_market_builder_set_preferences (b, 1, (int32_t[]){ 0 }, 1, &error));
  CU_ASSERT_TRUE (
      sm_market_builder_set_priorities (b, 0, (int32_t[]){ 1, 0 }, 2, &error));
  CU_ASSERT_TRUE (
      sm_market_builder_set_priorities (b, 1, (int32_t[]){ 0 }, 1, &error));
  SM_ASSERT_NO_ERROR (error);
  return b;
}

static void
test_build_ranks_both_sides (void)
{
  GError *error = NULL;
  g_autoptr (SmMarketBuilder) b = small_builder ();
  g_autoptr (SmMarket) mk = sm_market_builder_build (b, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (sm_market_get_n_employees (mk), 2);
  CU_ASSERT_EQUAL (sm_market_get_n_positions (mk), 2);
  CU_ASSERT_EQUAL (sm_market_get_n_entries (mk), 3);
  CU_ASSERT_EQUAL (sm_market_get_seats (mk, 0), 2);
  CU_ASSERT_EQUAL (sm_market_get_seats (mk, 1), 1);
  CU_ASSERT_EQUAL (sm_market_get_total_seats (mk), 3);

  int32_t n;
  const SmEdge *e = sm_market_get_employee_edges (mk, 0, &n);
  CU_ASSERT_EQUAL_FATAL (n, 2);
  /* Employee 0 lists 1 then 0; position 1 ranks them first, position 0
   * second. */
  CU_ASSERT_EQUAL (e[0].target, 1);
  CU_ASSERT_EQUAL (e[0].rank, 0);
  CU_ASSERT_EQUAL (e[1].target, 0);
  CU_ASSERT_EQUAL (e[1].rank, 1);
  e = sm_market_get_employee_edges (mk, 1, &n);
  CU_ASSERT_EQUAL_FATAL (n, 1);
  CU_ASSERT_EQUAL (e[0].target, 0);
  CU_ASSERT_EQUAL (e[0].rank, 0);

  /* Position 0 ranks 1 then 0; employee 1 lists it first, employee 0
   * second. */
  const SmEdge *p = sm_market_get_position_edges (mk, 0, &n);
  CU_ASSERT_EQUAL_FATAL (n, 2);
  CU_ASSERT_EQUAL (p[0].target, 1);
  CU_ASSERT_EQUAL (p[0].rank, 0);
  CU_ASSERT_EQUAL (p[1].target, 0);
  CU_ASSERT_EQUAL (p[1].rank, 1);
  p = sm_market_get_position_edges (mk, 1, &n);
  CU_ASSERT_EQUAL_FATAL (n, 1);
  CU_ASSERT_EQUAL (p[0].target, 0);
  CU_ASSERT_EQUAL (p[0].rank, 0);

  CU_ASSERT_EQUAL (sm_market_find_choice (mk, 0, 0), 1);
  CU_ASSERT_EQUAL (sm_market_find_choice (mk, 0, 1), 0);
  CU_ASSERT_EQUAL (sm_market_find_choice (mk, 1, 1), -1);
}

/* Lists given in reverse order of owner must give the same market. */
static void
test_lists_in_any_order (void)
{
  GError *error = NULL;
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (3, 2, &error);
  sm_market_builder_set_priorities (b, 1, (int32_t[]){ 2, 0 }, 2, &error);
  sm_market_builder_set_preferences (b, 2, (int32_t[]){ 1, 0 }, 2, &error);
  sm_market_builder_set_preferences (b, 0, (int32_t[]){ 0, 1 }, 2, &error);
  sm_market_builder_set_priorities (b, 0, (int32_t[]){ 0, 2 }, 2, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmMarket) mk = sm_market_builder_build (b, &error);
  SM_ASSERT_NO_ERROR (error);
  int32_t n;
  const SmEdge *e = sm_market_get_employee_edges (mk, 1, &n);
  CU_ASSERT_EQUAL (n, 0);
  CU_ASSERT_PTR_NOT_NULL (e);
  e = sm_market_get_employee_edges (mk, 2, &n);
  CU_ASSERT_EQUAL_FATAL (n, 2);
  CU_ASSERT_EQUAL (e[0].target, 1);
  CU_ASSERT_EQUAL (e[0].rank, 0);
  CU_ASSERT_EQUAL (e[1].target, 0);
  CU_ASSERT_EQUAL (e[1].rank, 1);
  e = sm_market_get_employee_edges (mk, 0, &n);
  CU_ASSERT_EQUAL_FATAL (n, 2);
  CU_ASSERT_EQUAL (e[0].target, 0);
  CU_ASSERT_EQUAL (e[0].rank, 0);
  CU_ASSERT_EQUAL (e[1].target, 1);
  CU_ASSERT_EQUAL (e[1].rank, 1);
  const SmEdge *p = sm_market_get_position_edges (mk, 1, &n);
  CU_ASSERT_EQUAL_FATAL (n, 2);
  CU_ASSERT_EQUAL (p[0].target, 2);
  CU_ASSERT_EQUAL (p[0].rank, 0);
  CU_ASSERT_EQUAL (p[1].target, 0);
  CU_ASSERT_EQUAL (p[1].rank, 1);
}

static void
test_empty_market (void)
{
  GError *error = NULL;
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (0, 0, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmMarket) mk = sm_market_builder_build (b, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (sm_market_get_n_entries (mk), 0);
  CU_ASSERT_EQUAL (sm_market_get_total_seats (mk), 0);
}

static void
test_ref_counting (void)
{
  g_autoptr (SmMarketBuilder) b = small_builder ();
  SmMarket *mk = sm_market_builder_build (b, NULL);
  CU_ASSERT_PTR_EQUAL (sm_market_ref (mk), mk);
  sm_market_unref (mk);
  CU_ASSERT_EQUAL (sm_market_get_n_employees (mk), 2);
  sm_market_unref (mk);
  sm_market_unref (NULL);
  sm_market_builder_free (NULL);
}

static void
test_bad_sizes (void)
{
  GError *error = NULL;
  CU_ASSERT_PTR_NULL (sm_market_builder_new (-1, 3, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_SIZE);
  CU_ASSERT_PTR_NULL (sm_market_builder_new (3, -5, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_SIZE);
  CU_ASSERT_PTR_NULL (sm_market_builder_new ((int64_t) INT32_MAX, 3, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_TOO_LARGE);
  CU_ASSERT_PTR_NULL (sm_market_builder_new (3, (int64_t) 1 << 40, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_TOO_LARGE);
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (2, 2, &error);
  CU_ASSERT_FALSE (
      sm_market_builder_reserve (b, (int64_t) INT32_MAX + 1, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_TOO_LARGE);
  CU_ASSERT_TRUE (sm_market_builder_reserve (b, 100, &error));
  SM_ASSERT_NO_ERROR (error);
}

static void
test_bad_seats (void)
{
  GError *error = NULL;
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (1, 2, &error);
  CU_ASSERT_FALSE (sm_market_builder_set_seats (b, 0, 0, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_SEATS);
  CU_ASSERT_FALSE (sm_market_builder_set_seats (b, 1, -3, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_SEATS);
  CU_ASSERT_FALSE (sm_market_builder_set_seats (b, 2, 1, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INDEX_OUT_OF_RANGE);
  CU_ASSERT_FALSE (sm_market_builder_set_seats (b, -1, 1, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INDEX_OUT_OF_RANGE);
}

static void
test_bad_lists (void)
{
  GError *error = NULL;
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (2, 2, &error);
  CU_ASSERT_FALSE (
      sm_market_builder_set_preferences (b, 2, (int32_t[]){ 0 }, 1, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INDEX_OUT_OF_RANGE);
  CU_ASSERT_FALSE (
      sm_market_builder_set_preferences (b, 0, (int32_t[]){ 0, 2 }, 2, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INDEX_OUT_OF_RANGE);
  CU_ASSERT_FALSE (sm_market_builder_set_preferences (b, 0,
                                                      (int32_t[]){ 1, -1 }, 2,
                                                      &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INDEX_OUT_OF_RANGE);
  CU_ASSERT_FALSE (sm_market_builder_set_preferences (b, 0,
                                                      (int32_t[]){ 1, 0, 1 }, 3,
                                                      &error));
  SM_ASSERT_ERROR (error, SM_ERROR_DUPLICATE);
  CU_ASSERT_FALSE (
      sm_market_builder_set_priorities (b, 0, (int32_t[]){ 1, 1 }, 2, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_DUPLICATE);
  CU_ASSERT_FALSE (
      sm_market_builder_set_priorities (b, 1, (int32_t[]){ 5 }, 1, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INDEX_OUT_OF_RANGE);
  CU_ASSERT_FALSE (
      sm_market_builder_set_priorities (b, 7, (int32_t[]){ 0 }, 1, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INDEX_OUT_OF_RANGE);
  /* After all those refusals the builder is unchanged: the lists can
   * still be set once, and not twice. */
  CU_ASSERT_TRUE (
      sm_market_builder_set_preferences (b, 0, (int32_t[]){ 1, 0 }, 2, &error));
  CU_ASSERT_FALSE (
      sm_market_builder_set_preferences (b, 0, (int32_t[]){ 1 }, 1, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_DUPLICATE);
  CU_ASSERT_TRUE (
      sm_market_builder_set_priorities (b, 0, (int32_t[]){ 0 }, 1, &error));
  CU_ASSERT_TRUE (
      sm_market_builder_set_priorities (b, 1, (int32_t[]){ 0 }, 1, &error));
  CU_ASSERT_FALSE (
      sm_market_builder_set_priorities (b, 1, (int32_t[]){ 0 }, 1, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_DUPLICATE);
  g_autoptr (SmMarket) mk = sm_market_builder_build (b, &error);
  SM_ASSERT_NO_ERROR (error);
  int32_t n;
  sm_market_get_employee_edges (mk, 0, &n);
  CU_ASSERT_EQUAL (n, 2);
}

/* Builds a one-position market whose priority order is @prio over the
 * applicants {0, 1} (employee 2 applies nowhere) and expects @code. */
static void
expect_mismatch (const int32_t *prio, size_t n_prio, const char *fragment)
{
  GError *error = NULL;
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (3, 2, &error);
  sm_market_builder_set_preferences (b, 0, (int32_t[]){ 1, 0 }, 2, &error);
  sm_market_builder_set_preferences (b, 1, (int32_t[]){ 1 }, 1, &error);
  sm_market_builder_set_priorities (b, 0, (int32_t[]){ 0 }, 1, &error);
  sm_market_builder_set_priorities (b, 1, prio, n_prio, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NULL (sm_market_builder_build (b, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, fragment));
  SM_ASSERT_ERROR (error, SM_ERROR_PRIORITY_MISMATCH);
}

static void
test_priority_mismatch (void)
{
  /* misses an applicant */
  expect_mismatch ((int32_t[]){ 1 }, 1, "misses employee 0");
  expect_mismatch (NULL, 0, "misses employee 0");
  /* names a non-applicant */
  expect_mismatch ((int32_t[]){ 1, 2, 0 }, 3, "names employee 2");
  /* both: missing is reported first */
  expect_mismatch ((int32_t[]){ 2, 1 }, 2, "misses employee 0");
}

/* Two employees swap the positions they are ranked at: every list has the
 * right length and every total agrees, but position 0 ranks employee 1,
 * who listed position 1 only. */
static void
test_mismatch_with_equal_counts (void)
{
  GError *error = NULL;
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (2, 2, &error);
  sm_market_builder_set_preferences (b, 0, (int32_t[]){ 0 }, 1, &error);
  sm_market_builder_set_preferences (b, 1, (int32_t[]){ 1 }, 1, &error);
  sm_market_builder_set_priorities (b, 0, (int32_t[]){ 1 }, 1, &error);
  sm_market_builder_set_priorities (b, 1, (int32_t[]){ 0 }, 1, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NULL (sm_market_builder_build (b, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "position 0 misses "
                                                  "employee 0"));
  SM_ASSERT_ERROR (error, SM_ERROR_PRIORITY_MISMATCH);
}

/* A random market large enough for several build threads: employee i
 * lists 4 to 26 distinct positions; each position ranks its applicants in
 * a random order. The lists are kept to check the built market against. */
typedef struct {
  int32_t n, m;
  GPtrArray *prefs; /* per employee: GArray of int32_t */
  GPtrArray *prios; /* per position: GArray of int32_t */
} RandomMarket;

static void
random_market_clear (RandomMarket *rm)
{
  g_ptr_array_unref (rm->prefs);
  g_ptr_array_unref (rm->prios);
}

/* How long the random lists are: @min_len to @max_len entries, except
 * that the first @n_long employees list @long_len positions, and when
 * @empty_shift > 0, employees in odd blocks of 2^empty_shift list none. */
typedef struct {
  int32_t min_len, max_len;
  int32_t n_long, long_len;
  int empty_shift;
} ListLengths;

static int32_t
list_length (const ListLengths *l, GRand *rand, int32_t i)
{
  if (l->empty_shift > 0 && (i >> l->empty_shift) % 2 == 1)
    return 0;
  if (i < l->n_long)
    return l->long_len;
  return g_rand_int_range (rand, l->min_len, l->max_len + 1);
}

/* As random_market_init(), with lists as long as @lengths says. */
static void
random_market_init_with (RandomMarket *rm, int32_t n, int32_t m, guint32 seed,
                         const ListLengths *lengths)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autofree guint8 *taken = g_new0 (guint8, m);
  rm->n = n;
  rm->m = m;
  rm->prefs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  rm->prios = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (int32_t j = 0; j < m; j++)
    g_ptr_array_add (rm->prios, g_array_new (FALSE, FALSE, sizeof (int32_t)));
  for (int32_t i = 0; i < n; i++)
    {
      GArray *list = g_array_new (FALSE, FALSE, sizeof (int32_t));
      int32_t len = list_length (lengths, rand, i);
      while ((int32_t) list->len < len)
        {
          int32_t j = g_rand_int_range (rand, 0, m);
          if (taken[j])
            continue;
          taken[j] = 1;
          g_array_append_val (list, j);
          g_array_append_val (rm->prios->pdata[j], i);
        }
      for (guint k = 0; k < list->len; k++)
        taken[g_array_index (list, int32_t, k)] = 0;
      g_ptr_array_add (rm->prefs, list);
    }
  for (int32_t j = 0; j < m; j++)
    {
      GArray *order = rm->prios->pdata[j];
      for (guint k = order->len; k > 1; k--)
        {
          guint r = (guint) g_rand_int_range (rand, 0, (gint32) k);
          int32_t t = g_array_index (order, int32_t, k - 1);
          g_array_index (order, int32_t, k - 1) = g_array_index (order, int32_t,
                                                                 r);
          g_array_index (order, int32_t, r) = t;
        }
    }
}

static void
random_market_init_lengths (RandomMarket *rm, int32_t n, int32_t m,
                            guint32 seed, int32_t min_len, int32_t max_len)
{
  ListLengths lengths = { min_len, max_len, 0, 0, 0 };
  random_market_init_with (rm, n, m, seed, &lengths);
}

static void
random_market_init (RandomMarket *rm, int32_t n, int32_t m, guint32 seed)
{
  random_market_init_lengths (rm, n, m, seed, 4, 26);
}

/* Builds @rm on @n_threads threads, scattering the @way given;
 * positions' orders are given last first when @reversed. */
static SmMarket *
random_market_build_way (const RandomMarket *rm, int n_threads,
                         gboolean reversed, SmScatterWay way, GError **error)
{
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (rm->n, rm->m, error);
  sm_market_builder_set_n_threads (b, n_threads);
  sm_market_builder__set_scatter (b, way);
  for (int32_t i = 0; i < rm->n; i++)
    {
      GArray *l = rm->prefs->pdata[i];
      CU_ASSERT_TRUE (sm_market_builder_set_preferences (b, i,
                                                         (int32_t *) l->data,
                                                         l->len, error));
    }
  for (int32_t k = 0; k < rm->m; k++)
    {
      int32_t j = reversed ? rm->m - 1 - k : k;
      GArray *l = rm->prios->pdata[j];
      CU_ASSERT_TRUE (sm_market_builder_set_priorities (b, j,
                                                        (int32_t *) l->data,
                                                        l->len, error));
    }
  return sm_market_builder_build (b, error);
}

/* As random_market_build_way(), the way the builder chooses. */
static SmMarket *
random_market_build (const RandomMarket *rm, int n_threads, gboolean reversed,
                     GError **error)
{
  return random_market_build_way (rm, n_threads, reversed, SM_SCATTER_BY_SIZE,
                                  error);
}

/* Checks every edge's rank against the lists, found the slow way. */
static void
check_random_market (const RandomMarket *rm, const SmMarket *mk)
{
  g_autofree int32_t *rank = g_new (int32_t, rm->n);
  int failures = 0;
  for (int32_t j = 0; j < rm->m; j++)
    {
      GArray *order = rm->prios->pdata[j];
      int32_t len;
      const SmEdge *p = sm_market_get_position_edges (mk, j, &len);
      CU_ASSERT_EQUAL_FATAL (len, (int32_t) order->len);
      for (int32_t r = 0; r < len; r++)
        {
          int32_t i = g_array_index (order, int32_t, r);
          rank[i] = r;
          failures += p[r].target != i
                      || p[r].rank != sm_market_find_choice (mk, i, j);
        }
      for (int32_t r = 0; r < len; r++)
        {
          int32_t i = g_array_index (order, int32_t, r), n_edges;
          const SmEdge *e = sm_market_get_employee_edges (mk, i, &n_edges);
          int32_t c = sm_market_find_choice (mk, i, j);
          failures += c < 0 || e[c].rank != rank[i];
        }
    }
  CU_ASSERT_EQUAL (failures, 0);
}

static gboolean
same_edges (const SmMarket *a, const SmMarket *b)
{
  int32_t n = sm_market_get_n_employees (a), m = sm_market_get_n_positions (a);
  for (int32_t x = 0; x < n + m; x++)
    {
      int32_t la, lb;
      const SmEdge *ea = x < n ? sm_market_get_employee_edges (a, x, &la)
                               : sm_market_get_position_edges (a, x - n, &la);
      const SmEdge *eb = x < n ? sm_market_get_employee_edges (b, x, &lb)
                               : sm_market_get_position_edges (b, x - n, &lb);
      if (la != lb || memcmp (ea, eb, (size_t) la * sizeof *ea) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Any number of threads gives the same market, byte for byte, and the
 * right one; so do lists given out of order. About 900,000 entries: room
 * for three threads. */
static void
test_threads_same_market (void)
{
  GError *error = NULL;
  RandomMarket rm;
  random_market_init (&rm, 60000, 4000, 7);
  g_autoptr (SmMarket) one = random_market_build (&rm, 1, FALSE, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (one);
  CU_ASSERT (sm_market_get_n_entries (one) > 3 * (1 << 18));
  check_random_market (&rm, one);
  /* The slow way gives the same market: it must not hide a fast one that
   * went wrong. */
  CU_ASSERT_FALSE (one->ranked_slowly);
  for (int t = 0; t <= 4; t++)
    {
      g_autoptr (SmMarket) other = random_market_build (&rm, t, t == 3, &error);
      SM_ASSERT_NO_ERROR (error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (other);
      CU_ASSERT_TRUE (same_edges (one, other));
      CU_ASSERT_FALSE (other->ranked_slowly);
    }
  random_market_clear (&rm);
}

/* The ways of ranking that tests force, each checked against the others:
 * the direct scatter and the join, the scatter in parts and the join, and
 * each side on its own. */
static const SmScatterWay every_way[] = { SM_SCATTER_DIRECT,
                                          SM_SCATTER_IN_PARTS,
                                          SM_SCATTER_BY_SIDES };

/* Checks that @rm builds into the right market, the same byte for byte
 * on 1 to 3 threads every way, and never the slow way; each build says
 * which way it ranked. */
static void
expect_same_market_every_way (const RandomMarket *rm)
{
  GError *error = NULL;
  g_autoptr (SmMarket)
      one = random_market_build_way (rm, 1, FALSE, SM_SCATTER_DIRECT, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (one);
  check_random_market (rm, one);
  CU_ASSERT_FALSE (one->ranked_slowly);
  CU_ASSERT_FALSE (one->scattered_in_parts);
  CU_ASSERT_FALSE (one->ranked_by_sides);
  for (int run = 0; run < 9; run++)
    {
      int t = 1 + run / 3;
      SmScatterWay way = every_way[run % 3];
      g_autoptr (SmMarket)
          other = random_market_build_way (rm, t, FALSE, way, &error);
      SM_ASSERT_NO_ERROR (error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (other);
      CU_ASSERT_TRUE (same_edges (one, other));
      CU_ASSERT_FALSE (other->ranked_slowly);
      CU_ASSERT_EQUAL (other->scattered_in_parts, way == SM_SCATTER_IN_PARTS);
      CU_ASSERT_EQUAL (other->ranked_by_sides, way == SM_SCATTER_BY_SIDES);
    }
}

/* The scatter in parts, which the builder takes from 2^19 employees on,
 * forced on smaller markets: the same market as the direct scatter on any
 * number of threads (and as each side ranked on its own, forced on
 * markets this sparse, where its gallop takes many steps). For 60,000 employees
 * a part is 512 of them. Once on lists of 4 to 26 (three threads); once with
 * the first part's employees listing 1,000 positions each, so that it holds
 * most entries and the second step runs on one thread (two threads); once with
 * every odd part listing nothing (two threads). */
static void
test_scatter_in_parts (void)
{
  RandomMarket rm;
  random_market_init (&rm, 60000, 4000, 11);
  expect_same_market_every_way (&rm);
  random_market_clear (&rm);
  ListLengths first_part_long = { 1, 1, 512, 1000, 0 };
  random_market_init_with (&rm, 60000, 4000, 12, &first_part_long);
  CU_ASSERT (512 * 1000 * 2 > 60000 - 512 + 512 * 1000);
  expect_same_market_every_way (&rm);
  random_market_clear (&rm);
  ListLengths odd_parts_empty = { 8, 30, 0, 0, 9 };
  random_market_init_with (&rm, 60000, 4000, 13, &odd_parts_empty);
  expect_same_market_every_way (&rm);
  random_market_clear (&rm);
}

/* The builder scatters in parts from 2^19 employees on, directly below;
 * lists of zero to two entries on two threads, so that many employees in
 * a part list nothing. */
static void
test_scatter_way_by_size (void)
{
  GError *error = NULL;
  RandomMarket rm;
  random_market_init_lengths (&rm, 600000, 3000, 14, 0, 2);
  g_autoptr (SmMarket)
      direct = random_market_build_way (&rm, 2, FALSE, SM_SCATTER_DIRECT,
                                        &error);
  g_autoptr (SmMarket) chosen = random_market_build (&rm, 2, FALSE, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (chosen);
  CU_ASSERT_PTR_NOT_NULL_FATAL (direct);
  CU_ASSERT (sm_market_get_n_entries (chosen) >= 2 * (1 << 18));
  CU_ASSERT_TRUE (chosen->scattered_in_parts);
  CU_ASSERT_TRUE (same_edges (direct, chosen));
  check_random_market (&rm, chosen);
  random_market_clear (&rm);
  random_market_init (&rm, 60000, 4000, 15);
  g_autoptr (SmMarket) small = random_market_build (&rm, 2, FALSE, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (small);
  CU_ASSERT_FALSE (small->scattered_in_parts);
  CU_ASSERT_FALSE (small->ranked_by_sides);
  random_market_clear (&rm);
}

/* A list store that populates ahead: the thread brings in the memory up
 * to the capacity (unless the system cannot, as before Linux 5.14), and
 * the entries are those appended, across the mapping's moves as it
 * grows. */
static void
test_list_store_populate_ahead (void)
{
  SmListStore store;
  const int32_t n = 300000, k = 10;
  CU_ASSERT_TRUE_FATAL (sm_list_store_init (&store, n, 1000));
  sm_list_store_set_populate_ahead (&store, TRUE);
  for (int32_t i = 0; i < n; i++)
    {
      int32_t list[10];
      size_t bad;
      for (int32_t c = 0; c < k; c++)
        list[c] = c * 100 + i % 100;
      CU_ASSERT_EQUAL (sm_list_store_append (&store, i, list, k, &bad),
                       SM_LIST_OK);
    }
  CU_ASSERT_PTR_NOT_NULL_FATAL (store.populator);
  gboolean refused = FALSE;
  size_t capacity = store.capacity * 2 * sizeof (int32_t);
  for (int tries = 0; tries < 5000; tries++)
    {
      if (sm_populator__populated (store.populator, &refused) >= capacity
          || refused)
        break;
      g_usleep (1000);
    }
  if (!refused)
    CU_ASSERT (sm_populator__populated (store.populator, &refused) >= capacity);
  int32_t *off, *pairs, *spare;
  size_t bytes;
  CU_ASSERT_TRUE_FATAL (
      sm_list_store_take_csr (&store, &off, &pairs, &bytes, &spare));
  int failures = 0;
  for (int32_t i = 0; i < n; i++)
    for (int32_t c = 0; c < k; c++)
      failures += off[i] != i * k
                  || pairs[2 * (off[i] + c)] != c * 100 + i % 100
                  || pairs[2 * (off[i] + c) + 1] != 0;
  CU_ASSERT_EQUAL (failures, 0);
  CU_ASSERT_EQUAL (off[n], n * k);
  g_free (off);
  g_free (spare);
  sm_big__free (pairs, bytes);
}

/* Lists of one or two entries: on two threads, the second half of the
 * position entries is shorter than the employees are many, so the back
 * end of the scatter cannot keep its cursors in their rank fields and
 * takes an array of its own. The market is still right, and fast. */
static void
test_threads_short_lists (void)
{
  GError *error = NULL;
  RandomMarket rm;
  random_market_init_lengths (&rm, 400000, 2000, 10, 1, 2);
  for (int t = 1; t <= 2; t++)
    {
      g_autoptr (SmMarket) mk = random_market_build (&rm, t, FALSE, &error);
      SM_ASSERT_NO_ERROR (error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (mk);
      int64_t entries = sm_market_get_n_entries (mk);
      CU_ASSERT (entries >= 2 * (1 << 18) && entries - entries / 2 < rm.n);
      check_random_market (&rm, mk);
      CU_ASSERT_FALSE (mk->ranked_slowly);
    }
  random_market_clear (&rm);
}

/* Builds @rm on 1, 2 and 3 threads, every way: each build fails with
 * the same message, which names @position. */
static void
expect_same_mismatch (const RandomMarket *rm, const char *position)
{
  g_autofree char *first = NULL;
  for (int run = 0; run < 9; run++)
    {
      int t = 1 + run / 3;
      SmScatterWay way = every_way[run % 3];
      GError *error = NULL;
      g_autoptr (SmMarket)
          mk = random_market_build_way (rm, t, FALSE, way, &error);
      CU_ASSERT_PTR_NULL (mk);
      CU_ASSERT_PTR_NOT_NULL_FATAL (error);
      CU_ASSERT_PTR_NOT_NULL (strstr (error->message, position));
      if (first == NULL)
        first = g_strdup (error->message);
      else
        CU_ASSERT_STRING_EQUAL (error->message, first);
      SM_ASSERT_ERROR (error, SM_ERROR_PRIORITY_MISMATCH);
    }
}

/* A priority order that breaks the rules is reported the same way on any
 * number of threads: the first such position, the same words. */
static void
test_threads_same_mismatch (void)
{
  RandomMarket rm;
  random_market_init (&rm, 60000, 4000, 8);
  /* Position 2000 and 3000 swap their best applicants: all totals and
   * list lengths agree, only who is ranked where does not. */
  GArray *a = rm.prios->pdata[2000], *b = rm.prios->pdata[3000];
  int32_t t = g_array_index (a, int32_t, 0);
  g_array_index (a, int32_t, 0) = g_array_index (b, int32_t, 0);
  g_array_index (b, int32_t, 0) = t;
  expect_same_mismatch (&rm, "position 2000 ");
  /* Position 1000 ranks employee 0 in place of its worst applicant: one
   * employee is ranked once too often, another once too rarely. */
  GArray *c = rm.prios->pdata[1000];
  g_array_index (c, int32_t, c->len - 1) = 0;
  expect_same_mismatch (&rm, "position 1000 ");
  /* Position 500 loses an applicant: the totals differ too. */
  g_array_set_size (rm.prios->pdata[500], 1);
  expect_same_mismatch (&rm, "position 500 ");
  random_market_clear (&rm);
}

/* Replaces applicant @from of position @j by employee @to, who must not
 * apply to @j. */
static void
replace_applicant (RandomMarket *rm, int32_t j, int32_t from, int32_t to)
{
  GArray *order = rm->prios->pdata[j];
  for (guint r = 0; r < order->len; r++)
    if (g_array_index (order, int32_t, r) == from)
      g_array_index (order, int32_t, r) = to;
}

/* The employee of @i's part of 2^@shift employees, other than @i, nearest
 * below it (above unless @below), who does not apply to position @j; -1
 * when there is none. */
static int32_t
part_neighbour (const RandomMarket *rm, int32_t i, int32_t j, int shift,
                gboolean below)
{
  int32_t lo = (i >> shift) << shift, hi = MIN (lo + (1 << shift), rm->n);
  for (int32_t k = below ? i - 1 : i + 1; k >= lo && k < hi;
       k += below ? -1 : 1)
    {
      GArray *prefs = rm->prefs->pdata[k];
      gboolean applies = FALSE;
      for (guint c = 0; c < prefs->len; c++)
        applies = applies || g_array_index (prefs, int32_t, c) == j;
      if (!applies)
        return k;
    }
  return -1;
}

/* Lists that disagree only inside one part of the scatter in parts: a
 * position ranks, in place of one applicant, an employee of the same
 * part who did not apply. Each part then holds its right number of
 * entries, and only the check of the buckets after step two sees it. The
 * message is the same either way and on any number of threads. */
static void
test_mismatch_within_a_part (void)
{
  RandomMarket rm;
  /* 60,000 employees on up to three threads: parts of 512. */
  random_market_init (&rm, 60000, 4000, 16);
  int32_t a = g_array_index ((GArray *) rm.prios->pdata[2500], int32_t, 0);
  int32_t b = part_neighbour (&rm, a, 2500, 9, a % 512 > 256);
  CU_ASSERT_FATAL (b >= 0 && a >> 9 == b >> 9);
  replace_applicant (&rm, 2500, a, b);
  expect_same_mismatch (&rm, "position 2500 ");
  random_market_clear (&rm);
  /* Lists of zero or one, fewer entries than employees, so that a bucket
   * left unfilled would be read past the entries: parts of 2,048, and the
   * replacement below the applicant and above. */
  for (int below = 0; below <= 1; below++)
    {
      random_market_init_lengths (&rm, 200000, 3000, 17, 0, 1);
      GArray *order = rm.prios->pdata[101];
      CU_ASSERT_FATAL (order->len > 0);
      int32_t c = g_array_index (order, int32_t, 0);
      int32_t d = part_neighbour (&rm, c, 101, 11, below);
      CU_ASSERT_FATAL (d >= 0 && c >> 11 == d >> 11);
      replace_applicant (&rm, 101, c, d);
      expect_same_mismatch (&rm, "position 101 ");
      random_market_clear (&rm);
    }
}

/* Dense markets, which the builder ranks side by side: complete lists
 * (every employee lists every position), lists of 170 to all 200
 * positions, and complete lists but for the first 60 employees, who list
 * nothing; and the last at 3,000 employees, enough for two threads.
 * Each is the same market every way, on 1 to 3 threads; so are
 * lists of a third to all of the positions, and complete lists but for
 * every other block of 8 employees, which the builder ranks the other
 * way but which side by side must rank right too. A market just too
 * sparse, or with too many employees, is ranked the other way. Lists
 * that disagree give the same message every way. */
static void
test_dense_by_sides (void)
{
  GError *error = NULL;
  const struct {
    ListLengths lengths;
    gboolean dense;
  } shapes[] = { { { 200, 200, 0, 0, 0 }, TRUE },
                 { { 170, 200, 0, 0, 0 }, TRUE },
                 { { 200, 200, 60, 0, 0 }, TRUE },
                 { { 70, 200, 0, 0, 0 }, FALSE },
                 { { 200, 200, 0, 0, 3 }, FALSE } };
  for (guint k = 0; k < G_N_ELEMENTS (shapes); k++)
    {
      RandomMarket rm;
      random_market_init_with (&rm, 900, 200, 30 + k, &shapes[k].lengths);
      g_autoptr (SmMarket) chosen = random_market_build (&rm, 2, FALSE, &error);
      SM_ASSERT_NO_ERROR (error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (chosen);
      CU_ASSERT_EQUAL (chosen->ranked_by_sides, shapes[k].dense);
      check_random_market (&rm, chosen);
      expect_same_market_every_way (&rm);
      random_market_clear (&rm);
    }
  /* Complete lists of 3,000 employees over 200 positions but for the
   * first 60, who list nothing: entries enough for two threads, which
   * share each side's scatter (one thread from the buckets' starts, one
   * from their ends) and the walk's pieces. */
  RandomMarket rm;
  random_market_init_with (&rm, 3000, 200, 38, &shapes[2].lengths);
  CU_ASSERT ((3000 - 60) * 200 >= 2 * SM_MIN_ENTRIES_PER_THREAD);
  expect_same_market_every_way (&rm);
  random_market_clear (&rm);
  /* Lists of 140 to 159 of 200 positions: just under four fifths of all
   * pairs. */
  const ListLengths sparse = { 140, 159, 0, 0, 0 };
  random_market_init_with (&rm, 900, 200, 36, &sparse);
  g_autoptr (SmMarket) other = random_market_build (&rm, 1, FALSE, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (other);
  CU_ASSERT_FALSE (other->ranked_by_sides);
  check_random_market (&rm, other);
  random_market_clear (&rm);
  /* Complete lists of 2^19 employees over 2 positions: dense, but too
   * many employees for their scatter to stay in the cache. */
  random_market_init_lengths (&rm, SM_DENSE_MAX_OWNERS, 2, 35, 2, 2);
  g_autoptr (SmMarket) many = random_market_build (&rm, 1, FALSE, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (many);
  CU_ASSERT_FALSE (many->ranked_by_sides);
  CU_ASSERT_TRUE (many->scattered_in_parts);
  check_random_market (&rm, many);
  random_market_clear (&rm);
  /* Lists of 170 to 200 where position 50 ranks, in place of its best
   * applicant, an employee who did not apply: one employee is ranked
   * once too often, another once too rarely. 3,000 employees, so that
   * two threads and three rank it on two. */
  random_market_init_with (&rm, 3000, 200, 37, &shapes[1].lengths);
  int64_t entries = 0;
  for (int32_t j = 0; j < rm.m; j++)
    entries += ((GArray *) rm.prios->pdata[j])->len;
  CU_ASSERT (entries >= 2 * SM_MIN_ENTRIES_PER_THREAD);
  int32_t best = g_array_index ((GArray *) rm.prios->pdata[50], int32_t, 0);
  /* a neighbour in best's block of 1,024, on the side with more room */
  int32_t stranger = part_neighbour (&rm, best, 50, 10, best % 1024 >= 512);
  CU_ASSERT_FATAL (stranger >= 0);
  replace_applicant (&rm, 50, best, stranger);
  expect_same_mismatch (&rm, "position 50 ");
  random_market_clear (&rm);
}

/* A builder dropped before it is built gives back lists large enough to
 * live in mappings of their own (more than 4 MiB of edges), both sides;
 * handing those to the allocator's free() crashed. */
static void
test_drop_large_builder (void)
{
  GError *error = NULL;
  RandomMarket rm;
  random_market_init (&rm, 60000, 4000, 9);
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (rm.n, rm.m, &error);
  SM_ASSERT_NO_ERROR (error);
  int64_t n_entries = 0;
  for (int32_t i = 0; i < rm.n; i++)
    {
      GArray *l = rm.prefs->pdata[i];
      n_entries += l->len;
      CU_ASSERT_TRUE (sm_market_builder_set_preferences (b, i,
                                                         (int32_t *) l->data,
                                                         l->len, &error));
    }
  for (int32_t j = 0; j < rm.m; j++)
    {
      GArray *l = rm.prios->pdata[j];
      CU_ASSERT_TRUE (sm_market_builder_set_priorities (b, j,
                                                        (int32_t *) l->data,
                                                        l->len, &error));
    }
  CU_ASSERT (n_entries * 8 > (4 << 20));
  g_clear_pointer (&b, sm_market_builder_free);
  CU_ASSERT_PTR_NULL (b);
  random_market_clear (&rm);
}

static void
test_position_nobody_wants (void)
{
  GError *error = NULL;
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (1, 1, &error);
  sm_market_builder_set_priorities (b, 0, (int32_t[]){ 0 }, 1, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NULL (sm_market_builder_build (b, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_PRIORITY_MISMATCH);
}

/* A memory budget refuses, up front and without changing the builder, a
 * market that would need more. */
static void
test_memory_budget (void)
{
  GError *error = NULL;
  int64_t small = sm_market_estimate_bytes (1000, 100, 0);
  CU_ASSERT (sm_market_estimate_bytes (1000, 100, 10) > small);
  CU_ASSERT (sm_market_estimate_bytes (1001, 100, 0) > small);
  CU_ASSERT (sm_market_estimate_bytes (1000, 101, 0) > small);

  CU_ASSERT_PTR_NULL (
      sm_market_builder_new_with_budget (1000, 100, small - 1, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_TOO_LARGE);
  CU_ASSERT_PTR_NULL (sm_market_builder_new_with_budget ((int64_t) 1 << 30, 1,
                                                         (int64_t) 1 << 30,
                                                         &error));
  SM_ASSERT_ERROR (error, SM_ERROR_TOO_LARGE);

  /* room for exactly three entries per side */
  int64_t budget = sm_market_estimate_bytes (2, 2, 3);
  g_autoptr (SmMarketBuilder)
      b = sm_market_builder_new_with_budget (2, 2, budget, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_FALSE (sm_market_builder_reserve (b, 4, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_TOO_LARGE);
  CU_ASSERT_TRUE (
      sm_market_builder_set_preferences (b, 0, (int32_t[]){ 0, 1 }, 2, &error));
  CU_ASSERT_FALSE (
      sm_market_builder_set_preferences (b, 1, (int32_t[]){ 0, 1 }, 2, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_TOO_LARGE);
  CU_ASSERT_TRUE (
      sm_market_builder_set_preferences (b, 1, (int32_t[]){ 1 }, 1, &error));
  CU_ASSERT_TRUE (
      sm_market_builder_set_priorities (b, 0, (int32_t[]){ 0 }, 1, &error));
  CU_ASSERT_TRUE (
      sm_market_builder_set_priorities (b, 1, (int32_t[]){ 1, 0 }, 2, &error));
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmMarket) mk = sm_market_builder_build (b, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (sm_market_get_n_entries (mk), 3);
}

/* Running out of memory is an error, SM_ERROR_NO_MEMORY, not an abort: in
 * a child whose address space is capped, reserving room for 1.5 billion
 * list entries (12 GB) must fail with that code and leave the builder
 * usable. The cap cannot be used under AddressSanitizer (its shadow memory
 * needs terabytes of address space) or valgrind (which runs the child in
 * its own address space): there the test says so and passes. */
static void
test_out_of_memory (void)
{
#ifdef SM_TEST_ASAN
  fprintf (stderr, "(skipped under AddressSanitizer) ");
  return;
#else
  if (RUNNING_ON_VALGRIND)
    {
      fprintf (stderr, "(skipped under valgrind) ");
      return;
    }
  fflush (NULL);
  pid_t child = fork ();
  CU_ASSERT_FATAL (child >= 0);
  if (child == 0)
    {
      struct rlimit cap = { 1024L * 1024 * 1024, 1024L * 1024 * 1024 };
      if (setrlimit (RLIMIT_AS, &cap) != 0)
        _exit (3);
      GError *error = NULL;
      SmMarketBuilder *b = sm_market_builder_new (1000, 10, &error);
      if (b == NULL)
        _exit (4);
      gboolean ok = sm_market_builder_reserve (b, 1500000000, &error);
      int status = !ok && error != NULL && error->domain == SM_ERROR
                           && error->code == SM_ERROR_NO_MEMORY
                       ? 0
                       : 5;
      g_clear_error (&error);
      /* the builder is still usable after the failure */
      if (status == 0
          && !sm_market_builder_set_preferences (b, 0, (int32_t[]){ 1 }, 1,
                                                 &error))
        status = 6;
      sm_market_builder_free (b);
      _exit (status);
    }
  int status = 0;
  CU_ASSERT_EQUAL_FATAL (waitpid (child, &status, 0), child);
  CU_ASSERT_TRUE (WIFEXITED (status));
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    fprintf (stderr, "child ended with status %d\n", status);
  CU_ASSERT_EQUAL (WEXITSTATUS (status), 0);
#endif
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "build ranks both sides", test_build_ranks_both_sides },
    { "lists in any order", test_lists_in_any_order },
    { "empty market", test_empty_market },
    { "reference counting", test_ref_counting },
    { "bad sizes", test_bad_sizes },
    { "bad seats", test_bad_seats },
    { "bad lists", test_bad_lists },
    { "priority mismatch", test_priority_mismatch },
    { "mismatch with equal counts", test_mismatch_with_equal_counts },
    { "threads give the same market", test_threads_same_market },
    { "threads on lists of one or two", test_threads_short_lists },
    { "list store populates ahead", test_list_store_populate_ahead },
    { "threads report the same mismatch", test_threads_same_mismatch },
    { "the scatter in parts", test_scatter_in_parts },
    { "the scatter's way by size", test_scatter_way_by_size },
    { "dense markets ranked side by side", test_dense_by_sides },
    { "a mismatch within a part", test_mismatch_within_a_part },
    { "a large builder dropped unbuilt", test_drop_large_builder },
    { "priority for a position nobody wants", test_position_nobody_wants },
    { "memory budget", test_memory_budget },
    { "out of memory", test_out_of_memory },
    { NULL, NULL },
  };
  return sm_test_run_suite ("market", cases);
}
