/* SPDX-License-Identifier: LGPL-2.1-or-later */
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
#define SM_ASSERT_ERROR(err, expected_code)                                    \
  do                                                                           \
    {                                                                          \
      CU_ASSERT_PTR_NOT_NULL_FATAL (err);                                      \
      CU_ASSERT_EQUAL ((err)->domain, SM_ERROR);                               \
      CU_ASSERT_EQUAL ((err)->code, (int) (expected_code));                    \
      if ((err)->domain != SM_ERROR || (err)->code != (int) (expected_code))   \
        fprintf (stderr, "unexpected error %d: %s\n", (err)->code,             \
                 (err)->message);                                              \
      g_clear_error (&(err));                                                  \
    }                                                                          \
  while (0)

/* Asserts that no error is set, printing it if one is. */
#define SM_ASSERT_NO_ERROR(err)                                                \
  do                                                                           \
    {                                                                          \
      if ((err) != NULL)                                                       \
        fprintf (stderr, "unexpected error: %s\n", (err)->message);            \
      CU_ASSERT_PTR_NULL_FATAL (err);                                          \
    }                                                                          \
  while (0)

/* A file of a folder of broken inputs, the error it must give and the
 * line that error must name. */
typedef struct {
  const char *file;
  SmError code;
  int line;
} SmTestBadFile;

/* Asserts that @error is set with @code and a message starting with
 * @prefix, then clears it; @label says which input, in the report. */
void sm_test_assert_error_prefix (GError **error, SmError code,
                                  const char *prefix, const char *label);

/* Asserts that every file in @dir has its row in @table, so that no broken
 * input goes untested. */
/* Whether @word occurs in @text as a whole word, not inside a longer one
 * ("Wit" is not in "With"); bytes of UTF-8 characters count as letters. */
gboolean sm_test_has_word (const char *text, const char *word);

void sm_test_assert_all_listed (const char *dir, const SmTestBadFile *table,
                                size_t n_rows);

/* A fresh temporary folder (transfer full). */
char *sm_test_make_temp_dir (void);

/* Builds a market from dense C arrays: @prefs[i] is employee i's list of
 * @pref_len[i] positions; @prios[j] is position j's order of @prio_len[j]
 * employees. Aborts the test on error. */
SmMarket *sm_test_market_new (int32_t n, int32_t m, const int32_t *seats,
                              const int32_t *const *prefs,
                              const int32_t *pref_len,
                              const int32_t *const *prios,
                              const int32_t *prio_len);
