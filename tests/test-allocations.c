/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: what placing a scenario allocates.
 *
 * Compiling a scenario and solving it must not allocate per person or per
 * application: a lottery's draws and an HR team's what-ifs place the same
 * scenario thousands of times. The test counts the calls to malloc,
 * calloc and realloc during one sm_scenario_place() by standing in for
 * them, glibc's allocator doing the work through its __libc_ entry
 * points, on the Ommen-Hardenberg case and on generated scenarios of
 * 5,000 and 50,000 people (examples/case/large-case.c). The count may
 * grow with the logarithm of the size (arrays that double, the sort of a
 * long list), not with the size.
 *
 * Under a sanitizer that brings its own allocator (address, thread),
 * under valgrind, which replaces these functions even in the program, or
 * with another C library, there is nothing to count; the test says so
 * and checks only that placing works. */
#include "test-util.h"

#include <stdio.h>
#include <staffmatch/placement.h>

#include "boh-case.h"
#include "large-case.h"

#ifndef __has_feature
#define __has_feature(x) 0
#endif
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)                       \
    && !defined(__SANITIZE_THREAD__) && !__has_feature(address_sanitizer)      \
    && !__has_feature(thread_sanitizer) && !__has_feature(memory_sanitizer)
#define COUNTING 1
#else
#define COUNTING 0
#endif

/* The allocations made since the start, on any thread. */
static long n_allocations;

#if COUNTING
extern void *__libc_malloc (size_t size);
extern void *__libc_calloc (size_t count, size_t size);
extern void *__libc_realloc (void *block, size_t size);
extern void __libc_free (void *block);

void *
malloc (size_t size)
{
  __atomic_add_fetch (&n_allocations, 1, __ATOMIC_RELAXED);
  return __libc_malloc (size);
}

void *
calloc (size_t count, size_t size)
{
  __atomic_add_fetch (&n_allocations, 1, __ATOMIC_RELAXED);
  return __libc_calloc (count, size);
}

void *
realloc (void *block, size_t size)
{
  __atomic_add_fetch (&n_allocations, 1, __ATOMIC_RELAXED);
  return __libc_realloc (block, size);
}

void
free (void *block)
{
  __libc_free (block);
}
#endif

/* Whether the calls reach the stand-ins above: GLib allocates through
 * malloc, so a block from it is counted unless the allocator was
 * replaced. */
static gboolean
counting_works (void)
{
  long before = __atomic_load_n (&n_allocations, __ATOMIC_RELAXED);
  g_free (g_malloc (64));
  return COUNTING
         && __atomic_load_n (&n_allocations, __ATOMIC_RELAXED) > before;
}

/* The allocations of one sm_scenario_place() of @s, after one placement
 * that brings in whatever is made once per process. */
static long
allocations_of_place (const SmScenario *s)
{
  GError *error = NULL;
  SmPlacement *warm = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  sm_placement_free (warm);
  long before = __atomic_load_n (&n_allocations, __ATOMIC_RELAXED);
  SmPlacement *placement = sm_scenario_place (s, &error);
  long made = __atomic_load_n (&n_allocations, __ATOMIC_RELAXED) - before;
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL (placement);
  sm_placement_free (placement);
  return made;
}

/* From 5,000 people to 50,000 (about 200,000 list entries), placing
 * allocates a few more blocks, not tens of thousands. The case itself
 * takes a few dozen. Before compiling gathered the candidates in one
 * array, the three took 500, 3,676 and 32,257. */
static void
test_place_allocates_per_market (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) boh = boh_case_new (BOH_CASE_SEED, &error);
  g_autoptr (SmScenario) small = boh_large_case_new (5000, &error);
  g_autoptr (SmScenario) large = boh_large_case_new (50000, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (large);
  long on_case = allocations_of_place (boh);
  long on_small = allocations_of_place (small);
  long on_large = allocations_of_place (large);
  if (!counting_works ())
    {
      printf ("\n  (allocations not counted under this allocator)\n");
      return;
    }
  printf ("\n  allocations per placement: case %ld, 5,000 people %ld, "
          "50,000 people %ld\n",
          on_case, on_small, on_large);
  CU_ASSERT (on_case > 0 && on_case < 150);
  CU_ASSERT (on_small > 0 && on_large - on_small < 100);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "placing allocates per market, not per entry",
      test_place_allocates_per_market },
    { NULL, NULL },
  };
  return sm_test_run_suite ("allocations", cases);
}
