/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: the plain instance format (instance.h).
 *
 * Writing must give exactly the canonical text and reading it back the
 * same market (lists, ranks, seats); reading must accept comments, blank
 * lines, CRLF and E/P-lines in any order, and must reject every malformed
 * file of data/instance/bad/ with the exact error code and line. Files are
 * written only into a fresh temporary folder. */
#include "test-util.h"
#include "io/instance-private.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#define SAMPLE_PATH "data/instance/sample.txt"
#define BAD_DIR "data/instance/bad"

/* The text of data/instance/sample.txt, as the writer must print it. */
static const char sample_text[] = "hr-instance 1\n"
                                  "employees 4\n"
                                  "positions 3\n"
                                  "capacity 2 1 3\n"
                                  "E 0 1 0\n"
                                  "E 1 0\n"
                                  "E 2\n"
                                  "E 3 0 1\n"
                                  "P 0 3 0 1\n"
                                  "P 1 0 3\n"
                                  "P 2\n";

/* The market of sample_text: an empty list, a position nobody wants. */
static SmMarket *
sample_market (void)
{
  static const int32_t seats[] = { 2, 1, 3 };
  static const int32_t e0[] = { 1, 0 }, e1[] = { 0 }, e3[] = { 0, 1 };
  static const int32_t p0[] = { 3, 0, 1 }, p1[] = { 0, 3 };
  const int32_t *prefs[] = { e0, e1, NULL, e3 };
  const int32_t pref_len[] = { 2, 1, 0, 2 };
  const int32_t *prios[] = { p0, p1, NULL };
  const int32_t prio_len[] = { 3, 2, 0 };

  return sm_test_market_new (4, 3, seats, prefs, pref_len, prios, prio_len);
}

/* A random market: up to 6 distinct positions per employee, each position
 * ranking its applicants in a random order. */
static SmMarket *
random_market (guint32 seed, int32_t n, int32_t m)
{
  GError *error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (n, m, &error);
  g_autofree int32_t *pool = g_new (int32_t, m);
  GArray **applicants = g_new (GArray *, m);

  SM_ASSERT_NO_ERROR (error);
  for (int32_t j = 0; j < m; j++)
    {
      pool[j] = j;
      applicants[j] = g_array_new (FALSE, FALSE, sizeof (int32_t));
      sm_market_builder_set_seats (b, j, g_rand_int_range (rand, 1, 4), NULL);
    }
  for (int32_t i = 0; i < n; i++)
    {
      int32_t k = g_rand_int_range (rand, 0, MIN (m, 6) + 1);
      for (int32_t t = 0; t < k; t++)
        {
          int32_t u = g_rand_int_range (rand, t, m);
          int32_t tmp = pool[t];
          pool[t] = pool[u];
          pool[u] = tmp;
          g_array_append_val (applicants[pool[t]], i);
        }
      sm_market_builder_set_preferences (b, i, pool, k, &error);
      SM_ASSERT_NO_ERROR (error);
    }
  for (int32_t j = 0; j < m; j++)
    {
      int32_t *a = (int32_t *) applicants[j]->data;
      for (guint t = applicants[j]->len; t > 1; t--)
        {
          guint u = g_rand_int_range (rand, 0, t);
          int32_t tmp = a[t - 1];
          a[t - 1] = a[u];
          a[u] = tmp;
        }
      sm_market_builder_set_priorities (b, j, a, applicants[j]->len, &error);
      SM_ASSERT_NO_ERROR (error);
      g_array_unref (applicants[j]);
    }
  g_free (applicants);
  SmMarket *market = sm_market_builder_build (b, &error);
  SM_ASSERT_NO_ERROR (error);
  return market;
}

/* The instance text of @market (transfer full). */
static char *
write_to_string (const SmMarket *market)
{
  GError *error = NULL;
  char *text = NULL;
  size_t length = 0;
  FILE *stream = open_memstream (&text, &length);

  CU_ASSERT_PTR_NOT_NULL_FATAL (stream);
  CU_ASSERT_TRUE (sm_instance_write (market, stream, &error));
  SM_ASSERT_NO_ERROR (error);
  fclose (stream);
  CU_ASSERT_EQUAL (strlen (text), length);
  return text;
}

static SmMarket *
read_string (const char *text, GError **error)
{
  return sm_instance_read_data (text, strlen (text), error);
}

static void
assert_same_edges (const SmEdge *a, int32_t na, const SmEdge *b, int32_t nb)
{
  CU_ASSERT_EQUAL_FATAL (na, nb);
  for (int32_t k = 0; k < na; k++)
    {
      CU_ASSERT_EQUAL (a[k].target, b[k].target);
      CU_ASSERT_EQUAL (a[k].rank, b[k].rank);
    }
}

/* Asserts equal counts, seats, lists and ranks on both sides. */
static void
assert_same_market (const SmMarket *a, const SmMarket *b)
{
  int32_t na, nb;

  CU_ASSERT_PTR_NOT_NULL_FATAL (a);
  CU_ASSERT_PTR_NOT_NULL_FATAL (b);
  CU_ASSERT_EQUAL_FATAL (sm_market_get_n_employees (a),
                         sm_market_get_n_employees (b));
  CU_ASSERT_EQUAL_FATAL (sm_market_get_n_positions (a),
                         sm_market_get_n_positions (b));
  CU_ASSERT_EQUAL (sm_market_get_n_entries (a), sm_market_get_n_entries (b));
  for (int32_t j = 0; j < sm_market_get_n_positions (a); j++)
    {
      CU_ASSERT_EQUAL (sm_market_get_seats (a, j), sm_market_get_seats (b, j));
      const SmEdge *ea = sm_market_get_position_edges (a, j, &na);
      const SmEdge *eb = sm_market_get_position_edges (b, j, &nb);
      assert_same_edges (ea, na, eb, nb);
    }
  for (int32_t i = 0; i < sm_market_get_n_employees (a); i++)
    {
      const SmEdge *ea = sm_market_get_employee_edges (a, i, &na);
      const SmEdge *eb = sm_market_get_employee_edges (b, i, &nb);
      assert_same_edges (ea, na, eb, nb);
    }
}

/* Reading @length bytes of @text must fail with @code on @line. */
static void
assert_text_fails (const char *text, size_t length, SmError code, int line,
                   const char *label)
{
  GError *error = NULL;
  g_autofree char *prefix = g_strdup_printf ("line %d: ", line);
  SmMarket *market = sm_instance_read_data (text, length, &error);

  CU_ASSERT_PTR_NULL (market);
  sm_market_unref (market);
  sm_test_assert_error_prefix (&error, code, prefix, label);
}

/* As assert_text_fails() on a string literal, which may hold NUL bytes. */
#define ASSERT_LITERAL_FAILS(literal, code, line)                              \
  assert_text_fails ((literal), sizeof (literal) - 1, (code), (line), (literal))

/* The names in @dir, sorted and joined by spaces (transfer full). */
static char *
list_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  CU_ASSERT_PTR_NOT_NULL_FATAL (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* Removes @dir and what it holds, one level of subfolders deep. */
static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_write_exact_text (void)
{
  g_autoptr (SmMarket) market = sample_market ();
  g_autofree char *text = write_to_string (market);

  CU_ASSERT_STRING_EQUAL (text, sample_text);
}

static void
test_round_trip (void)
{
  GError *error = NULL;
  const int32_t sizes[][2] = { { 4, 3 }, { 1, 1 }, { 300, 40 }, { 50, 200 } };

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr (SmMarket)
          market = random_market (17 + k, sizes[k][0], sizes[k][1]);
      g_autofree char *text = write_to_string (market);
      g_autoptr (SmMarket) back = read_string (text, &error);
      SM_ASSERT_NO_ERROR (error);
      assert_same_market (market, back);
      g_autofree char *again = write_to_string (back);
      CU_ASSERT_STRING_EQUAL (again, text);
    }
}

static void
test_read_sample_file (void)
{
  GError *error = NULL;
  g_autoptr (SmMarket) expected = sample_market ();
  g_autoptr (SmMarket) market = sm_instance_read_file (SAMPLE_PATH, &error);

  SM_ASSERT_NO_ERROR (error);
  assert_same_market (expected, market);
  /* Ranks as the format implies: P 0 is "3 0 1", so employee 0 is second
   * at position 0, and position 0 is employee 0's second choice. */
  int32_t n;
  const SmEdge *e = sm_market_get_employee_edges (market, 0, &n);
  CU_ASSERT_EQUAL_FATAL (n, 2);
  CU_ASSERT_EQUAL (e[1].target, 0);
  CU_ASSERT_EQUAL (e[1].rank, 1);
  const SmEdge *p = sm_market_get_position_edges (market, 0, &n);
  CU_ASSERT_EQUAL_FATAL (n, 3);
  CU_ASSERT_EQUAL (p[1].target, 0);
  CU_ASSERT_EQUAL (p[1].rank, 1);
  CU_ASSERT_EQUAL (sm_market_get_total_seats (market), 6);
}

static void
test_write_file_round_trip (void)
{
  GError *error = NULL;
  g_autofree char *dir = sm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "market.txt", NULL);
  g_autoptr (SmMarket) market = random_market (5, 120, 30);
  g_autofree char *text = write_to_string (market);
  g_autofree char *contents = NULL;

  /* Twice: the second write replaces the first file. */
  for (int k = 0; k < 2; k++)
    {
      CU_ASSERT_TRUE (sm_instance_write_file (market, path, &error));
      SM_ASSERT_NO_ERROR (error);
    }
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &contents, NULL, NULL));
  CU_ASSERT_STRING_EQUAL (contents, text);
  g_autoptr (SmMarket) back = sm_instance_read_file (path, &error);
  SM_ASSERT_NO_ERROR (error);
  assert_same_market (market, back);
  g_autofree char *names = list_dir (dir);
  CU_ASSERT_STRING_EQUAL (names, "market.txt");
  remove_dir (dir);
}

/* A random market large enough for a build on two threads, written to
 * @dir/market.txt, whose path goes to *@path. */
static SmMarket *
write_threaded_market (guint32 seed, const char *dir, char **path)
{
  GError *error = NULL;
  SmMarket *market = random_market (seed, 200000, 2000);
  CU_ASSERT (sm_market_get_n_entries (market) > 2 * (1 << 18));
  *path = g_build_filename (dir, "market.txt", NULL);
  CU_ASSERT_TRUE_FATAL (sm_instance_write_file (market, *path, &error));
  SM_ASSERT_NO_ERROR (error);
  return market;
}

/* A file large enough for a build on two threads reads into the same
 * market on any number of threads. */
static void
test_read_file_threaded (void)
{
  GError *error = NULL;
  g_autofree char *dir = sm_test_make_temp_dir ();
  g_autofree char *path = NULL;
  g_autoptr (SmMarket) market = write_threaded_market (11, dir, &path);
  for (int threads = 0; threads <= 3; threads++)
    {
      g_autoptr (SmMarket)
          back = sm_instance_read_file_threaded (path, threads, &error);
      SM_ASSERT_NO_ERROR (error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (back);
      assert_same_market (market, back);
    }
  remove_dir (dir);
}

static void
test_comments_and_blank_lines (void)
{
  GError *error = NULL;
  g_autoptr (SmMarket) expected = sample_market ();
  g_autoptr (SmMarket)
      market = sm_instance_read_file ("data/instance/comments.txt", &error);

  SM_ASSERT_NO_ERROR (error);
  assert_same_market (expected, market);
}

static void
test_crlf_and_byte_order_mark (void)
{
  GError *error = NULL;
  g_autoptr (SmMarket) expected = sample_market ();
  g_autoptr (GString) text = g_string_new ("\xEF\xBB\xBF");

  for (const char *c = sample_text; *c != '\0'; c++)
    {
      if (*c == '\n')
        g_string_append_c (text, '\r');
      g_string_append_c (text, *c);
    }
  g_autoptr (SmMarket) market = read_string (text->str, &error);
  SM_ASSERT_NO_ERROR (error);
  assert_same_market (expected, market);
}

static void
test_lines_in_any_order (void)
{
  GError *error = NULL;
  g_autoptr (SmMarket) expected = sample_market ();
  g_autoptr (SmMarket) market =
      read_string ("hr-instance 1\nemployees 4\npositions 3\ncapacity 2 1 3\n"
                   "P 2\nE 3 0 1\nP 1 0 3\nE 1 0\nP 0 3 0 1\nE 2\nE 0 1 0\n",
                   &error);

  SM_ASSERT_NO_ERROR (error);
  assert_same_market (expected, market);
}

/* Leading zeros and more than ten digits are still the number. */
static void
test_long_numbers (void)
{
  static const char text[] = "hr-instance 1\nemployees 2\npositions 2\n"
                             "capacity 000000000003 1\n"
                             "E 0 00000000001 0\nE 1 1\n"
                             "P 1 0 000000000000000000000000001\nP 0 0\n";
  GError *error = NULL;
  int32_t n;
  g_autoptr (SmMarket) market = read_string (text, &error);

  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (sm_market_get_seats (market, 0), 3);
  const SmEdge *e = sm_market_get_employee_edges (market, 0, &n);
  CU_ASSERT_EQUAL_FATAL (n, 2);
  CU_ASSERT_EQUAL (e[0].target, 1);
  CU_ASSERT_EQUAL (e[1].target, 0);
  const SmEdge *p = sm_market_get_position_edges (market, 1, &n);
  CU_ASSERT_EQUAL_FATAL (n, 2);
  CU_ASSERT_EQUAL (p[1].target, 1);
}

static void
test_empty_markets (void)
{
  static const struct {
    const char *text;
    int32_t n, m;
  } cases[] = {
    { "hr-instance 1\nemployees 0\npositions 0\ncapacity\n", 0, 0 },
    { "hr-instance 1\nemployees 2\npositions 0\ncapacity\nE 0\nE 1\n", 2, 0 },
    { "hr-instance 1\nemployees 0\npositions 2\ncapacity 1 4\nP 0\nP 1\n", 0,
      2 },
  };
  GError *error = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr (SmMarket) market = read_string (cases[k].text, &error);
      SM_ASSERT_NO_ERROR (error);
      CU_ASSERT_EQUAL (sm_market_get_n_employees (market), cases[k].n);
      CU_ASSERT_EQUAL (sm_market_get_n_positions (market), cases[k].m);
      CU_ASSERT_EQUAL (sm_market_get_n_entries (market), 0);
      g_autofree char *text = write_to_string (market);
      CU_ASSERT_STRING_EQUAL (text, cases[k].text);
    }
}

static void
test_data_not_nul_terminated (void)
{
  GError *error = NULL;
  /* The byte after the data would turn "P 0 0" into "P 0 05". */
  static const char text[] = "hr-instance 1\nemployees 1\npositions 1\n"
                             "capacity 1\nE 0 0\nP 0 05";
  size_t length = strlen (text) - 1;
  g_autofree char *copy = g_memdup2 (text, length);

  g_autoptr (SmMarket) market = sm_instance_read_data (copy, length, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (sm_market_get_n_entries (market), 1);
  /* Cut inside "capacity": reading the word must stop at the end too. */
  assert_text_fails (copy, 44, SM_ERROR_PARSE, 4, "cut after capaci");
  assert_text_fails (NULL, 0, SM_ERROR_PARSE, 1, "NULL data");
}

static void
test_numbers_at_their_limits (void)
{
  /* INT64_MAX parses and is out of range; one more does not parse. */
  ASSERT_LITERAL_FAILS ("hr-instance 1\nemployees 9223372036854775807\n",
                        SM_ERROR_TOO_LARGE, 2);
  ASSERT_LITERAL_FAILS ("hr-instance 1\nemployees 9223372036854775808\n",
                        SM_ERROR_PARSE, 2);
  ASSERT_LITERAL_FAILS ("hr-instance 1\nemployees 2147483646\npositions 0\n",
                        SM_ERROR_PARSE, 3);
  ASSERT_LITERAL_FAILS ("hr-instance 1\nemployees -\n", SM_ERROR_PARSE, 2);
  ASSERT_LITERAL_FAILS ("hr-instance 1\nemployees 1\npositions 1\n"
                        "capacity 1\nE 0 -9223372036854775808\nP 0 0\n",
                        SM_ERROR_INDEX_OUT_OF_RANGE, 5);
  ASSERT_LITERAL_FAILS ("hr-instance 1\nemployees 1\npositions 1\n"
                        "capacity 1\nE 0 -9223372036854775809\nP 0 0\n",
                        SM_ERROR_PARSE, 5);
  /* Long tokens leave the fast path of list reading for the careful one,
   * which must still tell a long number from an overflow. */
  ASSERT_LITERAL_FAILS ("hr-instance 1\nemployees 1\npositions 1\n"
                        "capacity 1\nE 0 4294967296\nP 0 0\n",
                        SM_ERROR_INDEX_OUT_OF_RANGE, 5);
  ASSERT_LITERAL_FAILS ("hr-instance 1\nemployees 1\npositions 1\n"
                        "capacity 1\nE 0 1844674407370955161600001\nP 0 0\n",
                        SM_ERROR_PARSE, 5);
  ASSERT_LITERAL_FAILS ("hr-instance 1\nemployees 1\npositions 2\n"
                        "capacity 1 1\nE 0 0 1 0\nP 0 0\nP 1 0\n",
                        SM_ERROR_DUPLICATE, 5);
  /* A NUL byte is not a blank. */
  ASSERT_LITERAL_FAILS ("hr-instance 1\nemployees 0\0\n", SM_ERROR_PARSE, 2);
}

/* Every file of data/instance/bad/, the error it gives and its line. */
static const SmTestBadFile bad_files[] = {
  { "empty.txt", SM_ERROR_PARSE, 1 },
  { "only-comments.txt", SM_ERROR_PARSE, 2 },
  { "wrong-magic.txt", SM_ERROR_PARSE, 1 },
  { "wrong-version.txt", SM_ERROR_PARSE, 1 },
  { "version-not-number.txt", SM_ERROR_PARSE, 1 },
  { "header-extra.txt", SM_ERROR_PARSE, 1 },
  { "header-misspelt.txt", SM_ERROR_PARSE, 3 },
  { "employees-line-missing.txt", SM_ERROR_PARSE, 2 },
  { "employees-not-number.txt", SM_ERROR_PARSE, 2 },
  { "employees-negative.txt", SM_ERROR_PARSE, 2 },
  { "employees-too-large.txt", SM_ERROR_TOO_LARGE, 2 },
  { "employees-overflow.txt", SM_ERROR_PARSE, 2 },
  { "employees-glued.txt", SM_ERROR_PARSE, 2 },
  { "positions-extra.txt", SM_ERROR_PARSE, 3 },
  { "positions-line-missing.txt", SM_ERROR_PARSE, 2 },
  { "counts-exceed-file.txt", SM_ERROR_PARSE, 3 },
  { "capacity-line-missing.txt", SM_ERROR_PARSE, 4 },
  { "capacity-short.txt", SM_ERROR_PARSE, 4 },
  { "capacity-long.txt", SM_ERROR_PARSE, 4 },
  { "capacity-zero.txt", SM_ERROR_INVALID_SEATS, 4 },
  { "capacity-negative.txt", SM_ERROR_INVALID_SEATS, 4 },
  { "capacity-huge.txt", SM_ERROR_TOO_LARGE, 4 },
  { "capacity-not-number.txt", SM_ERROR_PARSE, 4 },
  { "unknown-keyword.txt", SM_ERROR_PARSE, 6 },
  { "lowercase-keyword.txt", SM_ERROR_PARSE, 6 },
  { "employee-out-of-range.txt", SM_ERROR_INDEX_OUT_OF_RANGE, 6 },
  { "employee-negative.txt", SM_ERROR_INDEX_OUT_OF_RANGE, 6 },
  { "position-out-of-range.txt", SM_ERROR_INDEX_OUT_OF_RANGE, 5 },
  { "position-negative.txt", SM_ERROR_INDEX_OUT_OF_RANGE, 5 },
  { "position-twice.txt", SM_ERROR_DUPLICATE, 5 },
  { "e-line-twice.txt", SM_ERROR_DUPLICATE, 8 },
  { "p-line-twice.txt", SM_ERROR_DUPLICATE, 11 },
  { "p-employee-twice.txt", SM_ERROR_DUPLICATE, 9 },
  { "p-employee-out-of-range.txt", SM_ERROR_INDEX_OUT_OF_RANGE, 9 },
  { "e-line-without-index.txt", SM_ERROR_PARSE, 7 },
  { "e-line-not-number.txt", SM_ERROR_PARSE, 5 },
  { "e-line-overflow.txt", SM_ERROR_PARSE, 5 },
  { "e-line-glued.txt", SM_ERROR_PARSE, 5 },
  { "trailing-comment.txt", SM_ERROR_PARSE, 5 },
  { "e-line-missing.txt", SM_ERROR_PARSE, 10 },
  { "p-line-missing.txt", SM_ERROR_PARSE, 10 },
  { "p-line-missing-no-newline.txt", SM_ERROR_PARSE, 10 },
  { "p-line-extra-employee.txt", SM_ERROR_PRIORITY_MISMATCH, 10 },
  { "p-line-missing-employee.txt", SM_ERROR_PRIORITY_MISMATCH, 9 },
  { "p-before-e-mismatch.txt", SM_ERROR_PRIORITY_MISMATCH, 5 },
  { "trailing-garbage.txt", SM_ERROR_PARSE, 12 },
  { "trailing-e-line.txt", SM_ERROR_DUPLICATE, 13 },
};

static void
test_bad_files (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (bad_files); k++)
    {
      GError *error = NULL;
      g_autofree char *path = g_build_filename (BAD_DIR, bad_files[k].file,
                                                NULL);
      g_autofree char *text = NULL;
      gsize length = 0;

      CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &text, &length, NULL));
      assert_text_fails (text, length, bad_files[k].code, bad_files[k].line,
                         bad_files[k].file);

      /* From the file, messages name it instead of "line". */
      g_autofree char *prefix = g_strdup_printf ("%s:%d: ", path,
                                                 bad_files[k].line);
      SmMarket *market = sm_instance_read_file (path, &error);
      CU_ASSERT_PTR_NULL (market);
      sm_market_unref (market);
      sm_test_assert_error_prefix (&error, bad_files[k].code, prefix, path);
    }
}

/* The benchmarks' seam, which stops before the build: the lists it
 * leaves build the same market, and every bad file fails the same way,
 * in the text with the same message, or else in the build with the same
 * code (without a line, which only the reader can give). */
static void
test_read_file_lists (void)
{
  GError *error = NULL;
  g_autofree char *dir = sm_test_make_temp_dir ();
  g_autofree char *path = NULL;
  g_autoptr (SmMarket) market = write_threaded_market (12, dir, &path);
  for (int threads = 1; threads <= 2; threads++)
    {
      SmMarketBuilder *builder = sm_instance__read_file_lists (path, threads,
                                                               &error);
      SM_ASSERT_NO_ERROR (error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (builder);
      g_autoptr (SmMarket) back = sm_market_builder_build (builder, &error);
      sm_market_builder_free (builder);
      SM_ASSERT_NO_ERROR (error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (back);
      assert_same_market (market, back);
    }
  remove_dir (dir);
  int built = 0;
  for (guint k = 0; k < G_N_ELEMENTS (bad_files); k++)
    {
      g_autofree char *bad = g_build_filename (BAD_DIR, bad_files[k].file,
                                               NULL);
      GError *expected = NULL;
      CU_ASSERT_PTR_NULL (sm_instance_read_file (bad, &expected));
      CU_ASSERT_PTR_NOT_NULL_FATAL (expected);
      SmMarketBuilder *builder = sm_instance__read_file_lists (bad, 1, &error);
      if (builder == NULL)
        {
          CU_ASSERT_PTR_NOT_NULL_FATAL (error);
          CU_ASSERT_EQUAL (error->code, expected->code);
          CU_ASSERT_STRING_EQUAL (error->message, expected->message);
        }
      else
        {
          built++;
          CU_ASSERT_PTR_NULL (sm_market_builder_build (builder, &error));
          sm_market_builder_free (builder);
          SM_ASSERT_ERROR (error, expected->code);
        }
      g_clear_error (&error);
      g_clear_error (&expected);
    }
  /* The files whose lines are fine but whose lists disagree. */
  CU_ASSERT (built >= 2);
}

/* No file in the folder of bad files goes untested. */
static void
test_bad_files_all_listed (void)
{
  sm_test_assert_all_listed (BAD_DIR, bad_files, G_N_ELEMENTS (bad_files));
}

static void
test_read_file_missing (void)
{
  GError *error = NULL;
  SmMarket *market = sm_instance_read_file ("data/instance/no-such.txt",
                                            &error);

  CU_ASSERT_PTR_NULL (market);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_TRUE (
      g_str_has_prefix (error->message, "data/instance/no-such.txt: "));
  SM_ASSERT_ERROR (error, SM_ERROR_IO);

  market = sm_instance_read_file ("data/instance", &error);
  CU_ASSERT_PTR_NULL (market);
  SM_ASSERT_ERROR (error, SM_ERROR_IO);
}

typedef struct {
  char *path;
  const char *text;
} FifoJob;

static gpointer
feed_fifo (gpointer data)
{
  FifoJob *job = data;
  FILE *stream = fopen (job->path, "w");
  if (stream != NULL)
    {
      fputs (job->text, stream);
      fclose (stream);
    }
  return NULL;
}

/* A file that cannot be mapped, such as a pipe, is read to its end. */
static void
test_read_pipe (void)
{
  GError *error = NULL;
  g_autofree char *dir = sm_test_make_temp_dir ();
  FifoJob job = { g_build_filename (dir, "fifo", NULL), sample_text };
  g_autoptr (SmMarket) expected = sample_market ();

  CU_ASSERT_EQUAL_FATAL (mkfifo (job.path, 0600), 0);
  GThread *thread = g_thread_new ("feed", feed_fifo, &job);
  g_autoptr (SmMarket) market = sm_instance_read_file (job.path, &error);
  g_thread_join (thread);
  SM_ASSERT_NO_ERROR (error);
  assert_same_market (expected, market);
  g_free (job.path);
  remove_dir (dir);
}

/* The text of a random instance that is right: @n employees list up to
 * @k of @m positions, and every position ranks its applicants shuffled.
 * Lines vary as a person's file would: comments, blank lines, CRLF. */
static GString *
random_instance_text (GRand *rand, int32_t n, int32_t m, int32_t k)
{
  GString *text = g_string_new ("hr-instance 1\n# random\n");
  g_autoptr (GPtrArray) applicants = g_ptr_array_new_with_free_func (
      (GDestroyNotify) g_array_unref);
  g_string_append_printf (text, "employees %d\r\npositions %d\n\ncapacity", n,
                          m);
  for (int32_t j = 0; j < m; j++)
    {
      g_string_append_printf (text, " %d", g_rand_int_range (rand, 1, 4));
      g_ptr_array_add (applicants,
                       g_array_new (FALSE, FALSE, sizeof (int32_t)));
    }
  g_string_append (text, "\n");
  g_autofree guint8 *taken = g_new0 (guint8, m);
  for (int32_t i = 0; i < n; i++)
    {
      int32_t len = g_rand_int_range (rand, 0, k + 1);
      g_string_append_printf (text, "E %d", i);
      int32_t listed[64];
      int32_t count = 0;
      while (count < len)
        {
          int32_t j = g_rand_int_range (rand, 0, m);
          if (taken[j])
            continue;
          taken[j] = 1;
          listed[count++] = j;
          g_array_append_val (applicants->pdata[j], i);
          g_string_append_printf (text, g_rand_boolean (rand) ? " %d" : "\t%d",
                                  j);
        }
      for (int32_t c = 0; c < count; c++)
        taken[listed[c]] = 0;
      g_string_append (text,
                       g_rand_int_range (rand, 0, 8) == 0 ? " \r\n" : "\n");
      if (g_rand_int_range (rand, 0, 50) == 0)
        g_string_append (text, "  # a comment line\n\n");
    }
  for (int32_t j = m - 1; j >= 0; j--)
    {
      GArray *a = applicants->pdata[j];
      g_string_append_printf (text, "P %d", j);
      for (guint r = a->len; r > 1; r--)
        {
          guint x = (guint) g_rand_int_range (rand, 0, (gint32) r);
          int32_t t = g_array_index (a, int32_t, r - 1);
          g_array_index (a, int32_t, r - 1) = g_array_index (a, int32_t, x);
          g_array_index (a, int32_t, x) = t;
        }
      for (guint r = 0; r < a->len; r++)
        g_string_append_printf (text, " %d", g_array_index (a, int32_t, r));
      g_string_append (text, "\n");
    }
  return text;
}

/* The canonical text of @market, or NULL for none. */
static char *
market_text (const SmMarket *market)
{
  if (market == NULL)
    return NULL;
  char *buffer = NULL;
  size_t size = 0;
  FILE *stream = open_memstream (&buffer, &size);
  GError *error = NULL;
  CU_ASSERT_TRUE (sm_instance_write (market, stream, &error));
  SM_ASSERT_NO_ERROR (error);
  fclose (stream);
  return buffer;
}

/* Reading @text from a file at @path must give what reading it from
 * memory gives: the same market, or the same error code and the same
 * message after the location ("PATH:N: " against "line N: "). Returns
 * whether both failed. */
static gboolean
expect_file_as_data_threaded (const char *path, const GString *text,
                              int n_threads)
{
  GError *file_error = NULL, *data_error = NULL;
  CU_ASSERT_TRUE_FATAL (
      g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  g_autoptr (SmMarket)
      from_file = sm_instance_read_file_threaded (path, n_threads, &file_error);
  g_autoptr (SmMarket)
      from_data = sm_instance_read_data (text->str, text->len, &data_error);
  g_autofree char *file_text = market_text (from_file);
  g_autofree char *data_text = market_text (from_data);
  CU_ASSERT_EQUAL (file_text == NULL, data_text == NULL);
  if (file_text != NULL && data_text != NULL)
    CU_ASSERT_STRING_EQUAL (file_text, data_text);
  CU_ASSERT_EQUAL (file_error == NULL, data_error == NULL);
  gboolean both_failed = file_error != NULL && data_error != NULL;
  if (both_failed)
    {
      CU_ASSERT_EQUAL (file_error->code, data_error->code);
      /* "line N: rest" from memory, "PATH:N: rest" from the file. */
      CU_ASSERT_TRUE (g_str_has_prefix (data_error->message, "line "));
      g_autofree char *as_file = g_strdup_printf ("%s:%s", path,
                                                  data_error->message
                                                      + strlen ("line "));
      CU_ASSERT_STRING_EQUAL (file_error->message, as_file);
    }
  g_clear_error (&file_error);
  g_clear_error (&data_error);
  return both_failed;
}

static gboolean
expect_file_as_data (const char *path, const GString *text)
{
  return expect_file_as_data_threaded (path, text, 1);
}

/* Reads 40 copies of @text, each damaged at a random place (a byte
 * changed, or the file cut short), from a file on @n_threads as from
 * memory (expect_file_as_data_threaded()); returns how many failed. */
static int
read_damaged_copies (const char *path, const GString *text, GRand *rand,
                     int n_threads)
{
  static const char damage[] = "x-9 #\n\r";
  int n_failed = 0;
  for (int t = 0; t < 40; t++)
    {
      g_autoptr (GString)
          bad = g_string_new_len (text->str, (gssize) text->len);
      gsize at = (gsize) g_rand_int_range (rand, 40, (gint32) bad->len);
      if (t % 4 == 0)
        g_string_truncate (bad, at);
      else
        bad->str[at] = damage[g_rand_int_range (rand, 0, sizeof damage - 1)];
      n_failed += expect_file_as_data_threaded (path, bad, n_threads);
    }
  return n_failed;
}

/* A file is read a window at a time, never whole: files several windows
 * long, with a comment line longer than a window and with damage at
 * random places (a byte changed, the file cut short), read exactly as the
 * same text in memory does, markets and error lines alike. */
static void
test_read_file_in_windows (void)
{
  g_autofree char *dir = sm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "windows.txt", NULL);
  GRand *rand = g_rand_new_with_seed (29);
  g_autoptr (GString) text = random_instance_text (rand, 20000, 900, 12);
  CU_ASSERT (text->len > 4 * 128 * 1024);
  CU_ASSERT_FALSE (expect_file_as_data (path, text));
  /* A comment line of 600,000 bytes, beyond any window, a way in. */
  g_autoptr (GString) long_line = g_string_new (text->str);
  const char *mid = strstr (long_line->str + long_line->len / 4, "\nE ");
  CU_ASSERT_PTR_NOT_NULL_FATAL (mid);
  g_autofree char *comment = g_strnfill (600000, 'x');
  comment[0] = '#';
  g_string_insert (long_line, mid - long_line->str + 1, "\n");
  g_string_insert (long_line, mid - long_line->str + 1, comment);
  CU_ASSERT_FALSE (expect_file_as_data (path, long_line));
  /* No newline at the end. */
  g_string_truncate (long_line, long_line->len - 1);
  CU_ASSERT_FALSE (expect_file_as_data (path, long_line));
  CU_ASSERT (read_damaged_copies (path, text, rand, 1) > 20);
  g_rand_free (rand);
  g_remove (path);
  remove_dir (dir);
}

/* Puts "( )" around the first two employees of the P-line of position
 * @j in @text, which becomes version 2: they are tied. */
static void
tie_first_two (GString *text, int32_t j)
{
  g_autofree char *start = g_strdup_printf ("\nP %d ", j);
  char *line = strstr (text->str, start);
  CU_ASSERT_PTR_NOT_NULL_FATAL (line);
  gsize at = (gsize) (line - text->str) + strlen (start);
  const char *second = strchr (text->str + at, ' ');
  CU_ASSERT_PTR_NOT_NULL_FATAL (second);
  const char *end = second + 1 + strspn (second + 1, "0123456789");
  CU_ASSERT_EQUAL_FATAL (*end, ' ');
  gsize close = (gsize) (end - text->str);
  g_string_insert_c (text, (gssize) close, ')');
  g_string_insert_c (text, (gssize) at, '(');
  CU_ASSERT_TRUE_FATAL (g_str_has_prefix (text->str, "hr-instance 1\n"));
  text->str[strlen ("hr-instance ")] = '2';
}

/* Moves the first P-line of @text to just after its tenth E-line, so
 * that the E- and P-lines are no longer two blocks. */
static void
move_first_p_line (GString *text)
{
  const char *p = strstr (text->str, "\nP ");
  CU_ASSERT_PTR_NOT_NULL_FATAL (p);
  const char *p_end = strchr (p + 1, '\n');
  CU_ASSERT_PTR_NOT_NULL_FATAL (p_end);
  g_autofree char *line = g_strndup (p + 1, (gsize) (p_end - p));
  g_string_erase (text, p + 1 - text->str, p_end - p);
  const char *e = text->str;
  for (int k = 0; k <= 10; k++)
    {
      e = strstr (e + 1, "\nE ");
      CU_ASSERT_PTR_NOT_NULL_FATAL (e);
    }
  g_string_insert (text, e + 1 - text->str, line);
}

/* On two threads a file of E-lines and then P-lines is read in two parts
 * at once, which must give what one thread gives from memory: the same
 * market, with ties too, and after any damage the same error and line,
 * the first in the file when both parts have one, and for a file of any
 * other shape the same market read on one thread. The split is lowered
 * so that files of a few MB are split, and the count of reads in parts
 * shows that they were. */
static void
test_read_file_in_two_parts (void)
{
  g_autofree char *dir = sm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "parts.txt", NULL);
  GRand *rand = g_rand_new_with_seed (31);
  size_t old_min = sm_instance__set_split_min (0);
  g_autoptr (GString) text = random_instance_text (rand, 20000, 900, 12);
  int split = sm_instance__get_n_split_reads ();
  CU_ASSERT_FALSE (expect_file_as_data_threaded (path, text, 2));
  CU_ASSERT_EQUAL (sm_instance__get_n_split_reads (), split + 1);
  g_autoptr (GString) tied = g_string_new (text->str);
  tie_first_two (tied, 17);
  CU_ASSERT_FALSE (expect_file_as_data_threaded (path, tied, 2));
  CU_ASSERT_EQUAL (sm_instance__get_n_split_reads (), split + 2);
  g_autoptr (GString) indented = g_string_new (text->str);
  g_string_replace (indented, "\nP ", "\n \tP ", 0);
  CU_ASSERT_FALSE (expect_file_as_data_threaded (path, indented, 2));
  CU_ASSERT_EQUAL (sm_instance__get_n_split_reads (), split + 3);
  g_autoptr (GString) mixed = g_string_new (text->str);
  move_first_p_line (mixed);
  CU_ASSERT_FALSE (expect_file_as_data_threaded (path, mixed, 2));
  CU_ASSERT_EQUAL (sm_instance__get_n_split_reads (), split + 3);
  g_autoptr (GString) twice = g_string_new (text->str);
  twice->str[twice->len / 4] = 'x';
  twice->str[3 * twice->len / 4] = 'x';
  CU_ASSERT_TRUE (expect_file_as_data_threaded (path, twice, 2));
  CU_ASSERT (read_damaged_copies (path, text, rand, 2) > 20);
  sm_instance__set_split_min (old_min);
  g_rand_free (rand);
  g_remove (path);
  remove_dir (dir);
}

/* Every bad file gives on two threads, read in parts where it can be,
 * exactly the error it gives on one. */
static void
test_bad_files_in_two_parts (void)
{
  size_t old_min = sm_instance__set_split_min (0);
  int split = sm_instance__get_n_split_reads ();
  for (guint k = 0; k < G_N_ELEMENTS (bad_files); k++)
    {
      g_autofree char *path = g_build_filename (BAD_DIR, bad_files[k].file,
                                                NULL);
      GError *one = NULL, *two = NULL;
      CU_ASSERT_PTR_NULL (sm_instance_read_file (path, &one));
      CU_ASSERT_PTR_NULL (sm_instance_read_file_threaded (path, 2, &two));
      CU_ASSERT_PTR_NOT_NULL_FATAL (one);
      CU_ASSERT_PTR_NOT_NULL_FATAL (two);
      CU_ASSERT_EQUAL (two->code, one->code);
      CU_ASSERT_STRING_EQUAL (two->message, one->message);
      g_clear_error (&one);
      g_clear_error (&two);
    }
  /* The files whose lines read well but whose lists disagree, at least. */
  CU_ASSERT (sm_instance__get_n_split_reads () >= split + 2);
  sm_instance__set_split_min (old_min);
}

/* A file that gives more bytes than its size said, as /proc files do, is
 * being changed while read: an error, not a parse. */
static void
test_read_file_that_grows (void)
{
  GError *error = NULL;
  SmMarket *market = sm_instance_read_file ("/proc/self/status", &error);
  CU_ASSERT_PTR_NULL (market);
  SM_ASSERT_ERROR (error, SM_ERROR_IO);
  if (error != NULL)
    CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "grew while it was read"));
  g_clear_error (&error);
}

static void
test_write_file_missing_folder (void)
{
  GError *error = NULL;
  g_autofree char *dir = sm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "market.txt", NULL);
  g_autoptr (SmMarket) market = sample_market ();

  CU_ASSERT_FALSE (sm_instance_write_file (market, path, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_TRUE (g_str_has_prefix (error->message, path));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, g_strerror (ENOENT)));
  SM_ASSERT_ERROR (error, SM_ERROR_IO);
  g_autofree char *names = list_dir (dir);
  CU_ASSERT_STRING_EQUAL (names, "");
  remove_dir (dir);
}

/* When the rename fails (the target is a folder), the temporary file,
 * already written, must be removed. */
static void
test_write_file_failed_rename (void)
{
  GError *error = NULL;
  g_autofree char *dir = sm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "target", NULL);
  g_autoptr (SmMarket) market = sample_market ();

  CU_ASSERT_EQUAL_FATAL (g_mkdir (path, 0700), 0);
  CU_ASSERT_FALSE (sm_instance_write_file (market, path, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_TRUE (g_str_has_prefix (error->message, path));
  SM_ASSERT_ERROR (error, SM_ERROR_IO);
  g_autofree char *names = list_dir (dir);
  CU_ASSERT_STRING_EQUAL (names, "target");
  remove_dir (dir);
}

static void
test_write_stream_error (void)
{
  GError *error = NULL;
  g_autoptr (SmMarket) market = random_market (3, 2000, 100);
  FILE *full = fopen ("/dev/full", "w");

  if (full == NULL)
    return;
  CU_ASSERT_FALSE (sm_instance_write (market, full, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_IO);
  fclose (full);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "write exact text", test_write_exact_text },
    { "round trip", test_round_trip },
    { "read sample file", test_read_sample_file },
    { "write_file round trip", test_write_file_round_trip },
    { "read a file on several threads", test_read_file_threaded },
    { "comments and blank lines", test_comments_and_blank_lines },
    { "CRLF and byte order mark", test_crlf_and_byte_order_mark },
    { "E and P lines in any order", test_lines_in_any_order },
    { "long numbers", test_long_numbers },
    { "empty markets", test_empty_markets },
    { "data not NUL-terminated", test_data_not_nul_terminated },
    { "numbers at their limits", test_numbers_at_their_limits },
    { "bad files", test_bad_files },
    { "the lists of a file, unbuilt", test_read_file_lists },
    { "bad files all listed", test_bad_files_all_listed },
    { "read_file of a missing file", test_read_file_missing },
    { "read_file of a pipe", test_read_pipe },
    { "read_file a window at a time", test_read_file_in_windows },
    { "read_file in two parts", test_read_file_in_two_parts },
    { "bad files in two parts", test_bad_files_in_two_parts },
    { "read_file of a file that grows", test_read_file_that_grows },
    { "write_file into a missing folder", test_write_file_missing_folder },
    { "write_file with a failed rename", test_write_file_failed_rename },
    { "write to a full device", test_write_stream_error },
    { NULL, NULL },
  };

  return sm_test_run_suite ("instance", cases);
}
