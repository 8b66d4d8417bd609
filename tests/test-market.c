/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: the market builder and the frozen market. */
#include "test-util.h"

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
    { "priority for a position nobody wants", test_position_nobody_wants },
    { "memory budget", test_memory_budget },
    { "out of memory", test_out_of_memory },
    { NULL, NULL },
  };
  return sm_test_run_suite ("market", cases);
}
