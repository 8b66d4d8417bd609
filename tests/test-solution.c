/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: the plain solution format (solution.h).
 *
 * A solved market's matching must be written as exactly the canonical
 * text and read back equal; reading checks only the file's form (every
 * employee once, in order, positions in range), so an unstable or invalid
 * assignment still reads, while every malformed file of
 * data/solution/bad/ fails with its exact code and line. */
#include "test-util.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#define MARKET_PATH "data/solution/market.txt"
#define SAMPLE_PATH "data/solution/sample.txt"
#define BAD_DIR "data/solution/bad"

/* The employee-optimal matching of market.txt, as the writer prints it. */
static const char sample_text[] = "hr-solution 1\n"
                                  "0 1\n"
                                  "1 0\n"
                                  "2 -1\n"
                                  "3 0\n";

static SmMarket *
read_market (void)
{
  GError *error = NULL;
  SmMarket *market = sm_instance_read_file (MARKET_PATH, &error);
  SM_ASSERT_NO_ERROR (error);
  return market;
}

/* A random market: up to 5 distinct positions per employee, each position
 * ranking its applicants in a random order. */
static SmMarket *
random_market (guint32 seed, int32_t n, int32_t m)
{
  GError *error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (n, m, &error);
  g_autofree int32_t *pool = g_new (int32_t, m);
  g_autoptr (GPtrArray) applicants = g_ptr_array_new_with_free_func (
      (GDestroyNotify) g_array_unref);

  SM_ASSERT_NO_ERROR (error);
  for (int32_t j = 0; j < m; j++)
    {
      pool[j] = j;
      g_ptr_array_add (applicants, g_array_new (FALSE, FALSE, 4));
      sm_market_builder_set_seats (b, j, g_rand_int_range (rand, 1, 3), NULL);
    }
  for (int32_t i = 0; i < n; i++)
    {
      int32_t k = g_rand_int_range (rand, 0, MIN (m, 5) + 1);
      for (int32_t t = 0; t < k; t++)
        {
          int32_t u = g_rand_int_range (rand, t, m);
          int32_t tmp = pool[t];
          pool[t] = pool[u];
          pool[u] = tmp;
          g_array_append_val (applicants->pdata[pool[t]], i);
        }
      sm_market_builder_set_preferences (b, i, pool, k, &error);
      SM_ASSERT_NO_ERROR (error);
    }
  for (int32_t j = 0; j < m; j++)
    {
      GArray *list = applicants->pdata[j];
      int32_t *a = (int32_t *) list->data;
      for (guint t = list->len; t > 1; t--)
        {
          guint u = g_rand_int_range (rand, 0, t);
          int32_t tmp = a[t - 1];
          a[t - 1] = a[u];
          a[u] = tmp;
        }
      sm_market_builder_set_priorities (b, j, a, list->len, &error);
      SM_ASSERT_NO_ERROR (error);
    }
  SmMarket *market = sm_market_builder_build (b, &error);
  SM_ASSERT_NO_ERROR (error);
  return market;
}

/* The solution text of @matching (transfer full). */
static char *
write_to_string (const SmMatching *matching)
{
  GError *error = NULL;
  char *text = NULL;
  size_t length = 0;
  FILE *stream = open_memstream (&text, &length);

  CU_ASSERT_PTR_NOT_NULL_FATAL (stream);
  CU_ASSERT_TRUE (sm_solution_write (matching, stream, &error));
  SM_ASSERT_NO_ERROR (error);
  fclose (stream);
  return text;
}

static void
test_write_exact_text (void)
{
  GError *error = NULL;
  g_autoptr (SmMarket) market = read_market ();
  g_autoptr (SmMatching)
      matching = sm_market_solve (market, SM_SIDE_EMPLOYEES, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autofree char *text = write_to_string (matching);
  CU_ASSERT_STRING_EQUAL (text, sample_text);
}

static void
test_round_trip (void)
{
  GError *error = NULL;

  for (guint32 seed = 1; seed <= 4; seed++)
    {
      g_autoptr (SmMarket) market = random_market (seed, 400, 60);
      g_autoptr (SmMatching)
          matching = sm_market_solve (market,
                                      seed % 2 ? SM_SIDE_EMPLOYEES
                                               : SM_SIDE_POSITIONS,
                                      &error);
      SM_ASSERT_NO_ERROR (error);
      g_autofree char *text = write_to_string (matching);
      g_autoptr (SmMatching)
          back = sm_solution_read_data (market, text, strlen (text), &error);
      SM_ASSERT_NO_ERROR (error);
      CU_ASSERT_TRUE (sm_matching_equal (matching, back));
      CU_ASSERT_EQUAL (sm_matching_get_n_placed (back),
                       sm_matching_get_n_placed (matching));
      CU_ASSERT_TRUE (sm_matching_get_n_placed (matching) > 0);
      g_autofree char *again = write_to_string (back);
      CU_ASSERT_STRING_EQUAL (again, text);
    }
}

static void
test_file_round_trip (void)
{
  GError *error = NULL;
  g_autofree char *dir = sm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "solution.txt", NULL);
  g_autoptr (SmMarket) market = random_market (9, 300, 50);
  g_autoptr (SmMatching)
      matching = sm_market_solve (market, SM_SIDE_EMPLOYEES, &error);
  g_autofree char *contents = NULL;

  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (sm_solution_write_file (matching, path, &error));
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmMatching) back = sm_solution_read_file (market, path, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (sm_matching_equal (matching, back));
  g_autofree char *text = write_to_string (matching);
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &contents, NULL, NULL));
  CU_ASSERT_STRING_EQUAL (contents, text);
  CU_ASSERT_EQUAL (g_unlink (path), 0);
  CU_ASSERT_EQUAL (g_rmdir (dir), 0); /* fails if a temporary file is left */
}

static void
test_read_sample_and_comments (void)
{
  const char *paths[] = { SAMPLE_PATH, "data/solution/comments.txt" };
  const int32_t expected[] = { 1, 0, SM_DEFAULT, 0 };
  g_autoptr (SmMarket) market = read_market ();

  for (guint k = 0; k < G_N_ELEMENTS (paths); k++)
    {
      GError *error = NULL;
      g_autoptr (SmMatching)
          matching = sm_solution_read_file (market, paths[k], &error);
      SM_ASSERT_NO_ERROR (error);
      CU_ASSERT_EQUAL_FATAL (sm_matching_get_n_employees (matching), 4);
      for (int32_t i = 0; i < 4; i++)
        CU_ASSERT_EQUAL (sm_matching_get_position (matching, i), expected[i]);
      CU_ASSERT_EQUAL (sm_matching_get_n_placed (matching), 3);
    }
}

/* Only the form is checked: employee 2 at a position they did not list,
 * and position 1 over its one seat, still read as given. */
static void
test_read_invalid_matching (void)
{
  static const char text[] = "hr-solution 1\n0 1\n1 1\n2 0\n3 -1\n";
  GError *error = NULL;
  g_autoptr (SmMarket) market = read_market ();
  g_autoptr (SmMatching)
      matching = sm_solution_read_data (market, text, strlen (text), &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (sm_matching_get_position (matching, 1), 1);
  CU_ASSERT_EQUAL (sm_matching_get_position (matching, 2), 0);
  CU_ASSERT_EQUAL (sm_matching_get_position (matching, 3), SM_DEFAULT);
  g_autofree char *again = write_to_string (matching);
  CU_ASSERT_STRING_EQUAL (again, text);
}

static void
test_empty_market (void)
{
  static const char text[] = "hr-solution 1\n";
  GError *error = NULL;
  static const char instance[] =
      "hr-instance 1\nemployees 0\npositions 1\ncapacity 1\nP 0\n";
  g_autoptr (SmMarket)
      market = sm_instance_read_data (instance, strlen (instance), &error);
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmMatching)
      matching = sm_solution_read_data (market, text, strlen (text), &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (sm_matching_get_n_employees (matching), 0);
  g_autofree char *again = write_to_string (matching);
  CU_ASSERT_STRING_EQUAL (again, text);

  SmMatching *bad = sm_solution_read_data (market, "hr-solution 1\n0 0\n",
                                           strlen ("hr-solution 1\n0 0\n"),
                                           &error);
  CU_ASSERT_PTR_NULL (bad);
  sm_matching_free (bad);
  sm_test_assert_error_prefix (&error, SM_ERROR_PARSE,
                               "line 2: ", "extra line");
}

/* Every file of data/solution/bad/, the error it gives and its line. */
static const SmTestBadFile bad_files[] = {
  { "empty.txt", SM_ERROR_PARSE, 1 },
  { "only-comments.txt", SM_ERROR_PARSE, 1 },
  { "wrong-magic.txt", SM_ERROR_PARSE, 1 },
  { "wrong-version.txt", SM_ERROR_PARSE, 1 },
  { "header-extra.txt", SM_ERROR_PARSE, 1 },
  { "too-few-lines.txt", SM_ERROR_PARSE, 4 },
  { "too-many-lines.txt", SM_ERROR_PARSE, 6 },
  { "out-of-order.txt", SM_ERROR_PARSE, 3 },
  { "employee-repeated.txt", SM_ERROR_PARSE, 3 },
  { "employee-out-of-range.txt", SM_ERROR_INDEX_OUT_OF_RANGE, 3 },
  { "employee-negative.txt", SM_ERROR_INDEX_OUT_OF_RANGE, 2 },
  { "position-out-of-range.txt", SM_ERROR_INDEX_OUT_OF_RANGE, 3 },
  { "position-below-default.txt", SM_ERROR_INDEX_OUT_OF_RANGE, 4 },
  { "position-missing.txt", SM_ERROR_PARSE, 3 },
  { "extra-token.txt", SM_ERROR_PARSE, 3 },
  { "not-a-number.txt", SM_ERROR_PARSE, 3 },
  { "overflow.txt", SM_ERROR_PARSE, 3 },
  { "trailing-garbage.txt", SM_ERROR_PARSE, 7 },
  { "trailing-comment.txt", SM_ERROR_PARSE, 3 },
};

static void
test_bad_files (void)
{
  g_autoptr (SmMarket) market = read_market ();

  for (guint k = 0; k < G_N_ELEMENTS (bad_files); k++)
    {
      GError *error = NULL;
      g_autofree char *path = g_build_filename (BAD_DIR, bad_files[k].file,
                                                NULL);
      g_autofree char *text = NULL;
      gsize length = 0;

      CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &text, &length, NULL));
      g_autofree char *line = g_strdup_printf ("line %d: ", bad_files[k].line);
      SmMatching *m = sm_solution_read_data (market, text, length, &error);
      CU_ASSERT_PTR_NULL (m);
      sm_matching_free (m);
      sm_test_assert_error_prefix (&error, bad_files[k].code, line, path);

      g_autofree char *prefix = g_strdup_printf ("%s:%d: ", path,
                                                 bad_files[k].line);
      m = sm_solution_read_file (market, path, &error);
      CU_ASSERT_PTR_NULL (m);
      sm_matching_free (m);
      sm_test_assert_error_prefix (&error, bad_files[k].code, prefix, path);
    }
}

/* No file in the folder of bad files goes untested. */
static void
test_bad_files_all_listed (void)
{
  sm_test_assert_all_listed (BAD_DIR, bad_files, G_N_ELEMENTS (bad_files));
}

static void
test_file_errors (void)
{
  GError *error = NULL;
  g_autoptr (SmMarket) market = read_market ();
  g_autoptr (SmMatching)
      matching = sm_solution_read_file (market, SAMPLE_PATH, &error);
  SM_ASSERT_NO_ERROR (error);

  SmMatching *missing = sm_solution_read_file (market,
                                               "data/solution/no-such.txt",
                                               &error);
  CU_ASSERT_PTR_NULL (missing);
  sm_test_assert_error_prefix (&error, SM_ERROR_IO,
                               "data/solution/no-such.txt: ", "missing file");

  g_autofree char *dir = sm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "no", "solution.txt", NULL);
  CU_ASSERT_FALSE (sm_solution_write_file (matching, path, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, g_strerror (ENOENT)));
  sm_test_assert_error_prefix (&error, SM_ERROR_IO, path, "missing folder");
  CU_ASSERT_EQUAL (g_rmdir (dir), 0); /* nothing was left in it */

  FILE *full = fopen ("/dev/full", "w");
  if (full != NULL)
    {
      g_autoptr (SmMarket) big = random_market (2, 50000, 100);
      g_autoptr (SmMatching)
          solved = sm_market_solve (big, SM_SIDE_EMPLOYEES, &error);
      SM_ASSERT_NO_ERROR (error);
      CU_ASSERT_FALSE (sm_solution_write (solved, full, &error));
      SM_ASSERT_ERROR (error, SM_ERROR_IO);
      fclose (full);
    }
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "write exact text", test_write_exact_text },
    { "round trip", test_round_trip },
    { "file round trip", test_file_round_trip },
    { "read sample and comments", test_read_sample_and_comments },
    { "read an invalid matching", test_read_invalid_matching },
    { "empty market", test_empty_market },
    { "bad files", test_bad_files },
    { "bad files all listed", test_bad_files_all_listed },
    { "file errors", test_file_errors },
    { NULL, NULL },
  };

  return sm_test_run_suite ("solution", cases);
}
