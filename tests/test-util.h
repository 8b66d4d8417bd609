/* staffmatch tests: shared helpers for the CUnit suites. */
#pragma once

#include <CUnit/CUnit.h>
#include <staffmatch/staffmatch.h>

/* A test case: its name and function. */
typedef struct {
  const char *name;
  void (*func) (void);
} SmTestCase;

/* Runs one suite of @cases (terminated by a { NULL, NULL } entry) with
 * CUnit's basic runner and returns the process exit status: 0 when every
 * assertion passed. */
int sm_test_run_suite (const char *suite_name, const SmTestCase *cases);

/* Asserts that @err is set in SM_ERROR with @expected_code, then clears it. */
#define SM_ASSERT_ERROR(err, expected_code)                                   \
  do {                                                               \
    CU_ASSERT_PTR_NOT_NULL_FATAL (err);                              \
    CU_ASSERT_EQUAL ((err)->domain, SM_ERROR);                       \
    CU_ASSERT_EQUAL ((err)->code, (expected_code));                           \
    if ((err)->domain != SM_ERROR || (err)->code != (int) (expected_code))    \
      fprintf (stderr, "unexpected error %d: %s\n", (err)->code,     \
               (err)->message);                                      \
    g_clear_error (&(err));                                          \
  } while (0)

/* Asserts that no error is set, printing it if one is. */
#define SM_ASSERT_NO_ERROR(err)                                      \
  do {                                                               \
    if ((err) != NULL)                                               \
      fprintf (stderr, "unexpected error: %s\n", (err)->message);    \
    CU_ASSERT_PTR_NULL_FATAL (err);                                  \
  } while (0)

/* Builds a market from dense C arrays: @prefs[i] is employee i's list of
 * @pref_len[i] positions; @prios[j] is position j's order of @prio_len[j]
 * employees. Aborts the test on error. */
SmMarket *sm_test_market_new (int32_t n, int32_t m, const int32_t *seats,
                              const int32_t *const *prefs,
                              const int32_t *pref_len,
                              const int32_t *const *prios,
                              const int32_t *prio_len);
