/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: markets with ties and version 2 of the instance
 * format (market.h, check.h, instance.h; docs/instance-format.md).
 *
 * A tied market written and read back keeps its strict orders and its
 * classes, byte for byte on a second write; a market without ties still
 * writes version 1; every broken version 2 file of data/instance/bad-v2/
 * fails with its exact code and line. On small random tied markets every
 * assignment is enumerated and the checker must call stable exactly the
 * weakly stable ones, as an independent definition here computes them
 * from the generated classes (not from the market); the solver's matching
 * under the stated tie-breaking, and under any other, must be among them. */
#include "test-util.h"

#include <string.h>

#define BAD_DIR "data/instance/bad-v2"

/* The example of docs/instance-format.md. */
static const char example_text[] = "hr-instance 2\n"
                                   "employees 4\n"
                                   "positions 2\n"
                                   "capacity 1 2\n"
                                   "E 0 0 1\n"
                                   "E 1 0\n"
                                   "E 2 0 1\n"
                                   "E 3 1\n"
                                   "P 0 (2 0) 1\n"
                                   "P 1 3 (0 2)\n";

static SmMarket *
read_text (const char *text)
{
  GError *error = NULL;
  SmMarket *market = sm_instance_read_data (text, strlen (text), &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (market);
  return market;
}

static char *
write_text (const SmMarket *market)
{
  GError *error = NULL;
  char *text = sm_instance_to_text (market, &error);
  SM_ASSERT_NO_ERROR (error);
  return text;
}

/* Asserts the classes of position j, in priority order. */
static void
assert_classes (const SmMarket *market, int32_t j, const int32_t *expected,
                int32_t n)
{
  int32_t len = 0;
  sm_market_get_position_edges (market, j, &len);
  CU_ASSERT_EQUAL_FATAL (len, n);
  for (int32_t r = 0; r < n; r++)
    CU_ASSERT_EQUAL (sm_market_get_tie_class (market, j, r), expected[r]);
  CU_ASSERT_EQUAL (sm_market_get_n_tie_classes (market, j),
                   n == 0 ? 0 : expected[n - 1] + 1);
}

static void
test_read_example (void)
{
  g_autoptr (SmMarket) market = read_text (example_text);
  int32_t len = 0;
  static const int32_t classes0[] = { 0, 0, 1 }, classes1[] = { 0, 1, 1 };

  CU_ASSERT_TRUE (sm_market_has_ties (market));
  /* The strict order is the order written, the group's included. */
  const SmEdge *edges = sm_market_get_position_edges (market, 0, &len);
  CU_ASSERT_EQUAL (edges[0].target, 2);
  CU_ASSERT_EQUAL (edges[1].target, 0);
  CU_ASSERT_EQUAL (edges[2].target, 1);
  assert_classes (market, 0, classes0, 3);
  assert_classes (market, 1, classes1, 3);
  g_autofree char *text = write_text (market);
  CU_ASSERT_STRING_EQUAL (text, example_text);
}

/* Blanks around and inside parentheses are optional, and a group of one
 * reads as the employee alone. */
static void
test_read_spacing_and_groups_of_one (void)
{
  static const char loose[] = "hr-instance 2\nemployees 4\npositions 2\n"
                              "capacity 1 2\nE 0 0 1\nE 1 0\nE 2 0 1\n"
                              "E 3 1\nP 0 ( 2\t0 )1\nP 1 (3)(0 2 )\r\n";
  g_autoptr (SmMarket) market = read_text (loose);
  g_autofree char *text = write_text (market);
  CU_ASSERT_STRING_EQUAL (text, example_text);

  /* Only groups of one: no ties, and so version 1 on writing. */
  static const char singles[] = "hr-instance 2\nemployees 2\npositions 1\n"
                                "capacity 1\nE 0 0\nE 1 0\nP 0 (1) (0)\n";
  g_autoptr (SmMarket) strict = read_text (singles);
  CU_ASSERT_FALSE (sm_market_has_ties (strict));
  g_autofree char *strict_text = write_text (strict);
  CU_ASSERT_STRING_EQUAL (strict_text, "hr-instance 1\nemployees 2\n"
                                       "positions 1\ncapacity 1\nE 0 0\n"
                                       "E 1 0\nP 0 1 0\n");
}

/* A version 1 file reads as before, and writes the same bytes. */
static void
test_version_1_unchanged (void)
{
  static const char v1[] = "hr-instance 1\nemployees 4\npositions 3\n"
                           "capacity 2 1 3\nE 0 1 0\nE 1 0\nE 2\n"
                           "E 3 0 1\nP 0 3 0 1\nP 1 0 3\nP 2\n";
  g_autoptr (SmMarket) market = read_text (v1);
  CU_ASSERT_FALSE (sm_market_has_ties (market));
  CU_ASSERT_EQUAL (sm_market_get_tie_class (market, 0, 2), 2);
  CU_ASSERT_EQUAL (sm_market_get_n_tie_classes (market, 0), 3);
  g_autofree char *text = write_text (market);
  CU_ASSERT_STRING_EQUAL (text, v1);
  g_autofree char *path = g_build_filename ("data", "instance", "sample.txt",
                                            NULL);
  g_autofree char *sample = NULL;
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &sample, NULL, NULL));
  g_autoptr (SmMarket) from_file = read_text (sample);
  CU_ASSERT_FALSE (sm_market_has_ties (from_file));
}

static void
test_builder_classes (void)
{
  GError *error = NULL;
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (3, 2, &error);
  static const int32_t all[] = { 0, 1 };
  static const int32_t order[] = { 2, 0, 1 };
  static const int32_t sparse[] = { 3, 3, 7 }, falling[] = { 0, 2, 1 };
  static const int32_t negative[] = { -1, 0, 0 }, strict[] = { 0, 1, 2 };

  for (int32_t i = 0; i < 3; i++)
    CU_ASSERT_TRUE (sm_market_builder_set_preferences (b, i, all, 2, NULL));
  CU_ASSERT_FALSE (
      sm_market_builder_set_tied_priorities (b, 0, order, falling, 3, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);
  CU_ASSERT_FALSE (
      sm_market_builder_set_tied_priorities (b, 0, order, negative, 3, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);
  CU_ASSERT_FALSE (
      sm_market_builder_set_tied_priorities (b, 2, order, sparse, 3, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INDEX_OUT_OF_RANGE);
  /* The failed calls left the order unset. */
  CU_ASSERT_TRUE (
      sm_market_builder_set_tied_priorities (b, 0, order, sparse, 3, &error));
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_FALSE (
      sm_market_builder_set_tied_priorities (b, 0, order, sparse, 3, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_DUPLICATE);
  CU_ASSERT_TRUE (
      sm_market_builder_set_tied_priorities (b, 1, order, strict, 3, &error));
  g_autoptr (SmMarket) market = sm_market_builder_build (b, &error);
  SM_ASSERT_NO_ERROR (error);
  static const int32_t dense[] = { 0, 0, 1 };
  assert_classes (market, 0, dense, 3);
  assert_classes (market, 1, strict, 3);
  g_autofree char *text = write_text (market);
  CU_ASSERT_STRING_EQUAL (text, "hr-instance 2\nemployees 3\npositions 2\n"
                                "capacity 1 1\nE 0 0 1\nE 1 0 1\nE 2 0 1\n"
                                "P 0 (2 0) 1\nP 1 2 0 1\n");
}

/* Classes given for every order, but no two equal: a strict market. */
static void
test_builder_classes_without_ties (void)
{
  GError *error = NULL;
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (2, 1, &error);
  static const int32_t list[] = { 0 }, order[] = { 1, 0 }, cls[] = { 4, 9 };
  sm_market_builder_set_preferences (b, 0, list, 1, NULL);
  sm_market_builder_set_preferences (b, 1, list, 1, NULL);
  CU_ASSERT_TRUE (
      sm_market_builder_set_tied_priorities (b, 0, order, cls, 2, &error));
  g_autoptr (SmMarket) market = sm_market_builder_build (b, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_FALSE (sm_market_has_ties (market));
  CU_ASSERT_EQUAL (sm_market_get_tie_class (market, 0, 1), 1);
}

/* ---- bad files ------------------------------------------------------ */

static const SmTestBadFile bad_files[] = {
  { "unbalanced-open.txt", SM_ERROR_PARSE, 9 },
  { "unbalanced-close.txt", SM_ERROR_PARSE, 9 },
  { "nested-group.txt", SM_ERROR_PARSE, 9 },
  { "empty-group.txt", SM_ERROR_PARSE, 9 },
  { "group-in-e-line.txt", SM_ERROR_PARSE, 5 },
  { "group-in-e-line-version-1.txt", SM_ERROR_PARSE, 5 },
  { "group-in-version-1.txt", SM_ERROR_PARSE, 9 },
  { "parenthesis-in-version-1.txt", SM_ERROR_PARSE, 10 },
  { "group-misses-applicant.txt", SM_ERROR_PRIORITY_MISMATCH, 9 },
  { "group-names-non-applicant.txt", SM_ERROR_PRIORITY_MISMATCH, 10 },
  { "group-employee-twice.txt", SM_ERROR_DUPLICATE, 9 },
  { "group-longer-than-employees.txt", SM_ERROR_DUPLICATE, 9 },
  { "group-out-of-range.txt", SM_ERROR_INDEX_OUT_OF_RANGE, 9 },
  { "group-negative.txt", SM_ERROR_INDEX_OUT_OF_RANGE, 9 },
  { "group-not-number.txt", SM_ERROR_PARSE, 9 },
  { "group-overflow.txt", SM_ERROR_PARSE, 9 },
  { "group-glued-letter.txt", SM_ERROR_PARSE, 9 },
  { "group-as-position.txt", SM_ERROR_PARSE, 9 },
  { "group-trailing-comment.txt", SM_ERROR_PARSE, 9 },
  { "group-p-line-twice.txt", SM_ERROR_DUPLICATE, 10 },
  { "group-in-capacity.txt", SM_ERROR_PARSE, 4 },
  { "version-3.txt", SM_ERROR_PARSE, 1 },
};

/* The first words of the message each kind of broken group must give, so
 * that a wrong message of the right code is caught too. */
static const struct {
  const char *file;
  const char *words;
} bad_messages[] = {
  { "unbalanced-open.txt", "a group opened with '(' is not closed" },
  { "unbalanced-close.txt", "')' closes no group" },
  { "nested-group.txt", "a group inside a group" },
  { "empty-group.txt", "an empty group" },
  { "group-in-e-line.txt", "an E-line lists positions in a strict order" },
  { "group-in-e-line-version-1.txt", "an E-line lists positions" },
  { "group-in-version-1.txt", "ties in parentheses need version 2" },
  { "parenthesis-in-version-1.txt", "ties in parentheses need version 2" },
  { "version-3.txt", "unsupported version 3 of the 'hr-instance' format: 1 "
                     "and 2 are known" },
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
      SmMarket *market = sm_instance_read_data (text, length, &error);
      CU_ASSERT_PTR_NULL (market);
      sm_market_unref (market);
      g_autofree char *prefix = g_strdup_printf ("line %d: ",
                                                 bad_files[k].line);
      for (guint w = 0; w < G_N_ELEMENTS (bad_messages); w++)
        if (error != NULL
            && strcmp (bad_messages[w].file, bad_files[k].file) == 0
            && strstr (error->message, bad_messages[w].words) == NULL)
          {
            fprintf (stderr, "%s: message '%s'\n", path, error->message);
            CU_FAIL ("the message does not say what is wrong");
          }
      sm_test_assert_error_prefix (&error, bad_files[k].code, prefix, path);
      /* From the file, by windows: the same error at the same line. */
      g_autofree char *file_prefix = g_strdup_printf ("%s:%d: ", path,
                                                      bad_files[k].line);
      market = sm_instance_read_file (path, &error);
      CU_ASSERT_PTR_NULL (market);
      sm_market_unref (market);
      sm_test_assert_error_prefix (&error, bad_files[k].code, file_prefix,
                                   path);
    }
}

static void
test_bad_files_all_listed (void)
{
  sm_test_assert_all_listed (BAD_DIR, bad_files, G_N_ELEMENTS (bad_files));
}

/* ---- weak stability, by brute force ---------------------------------- */

#define MAX_N 5
#define MAX_M 3

/* A small tied market as plain arrays, the oracle's own copy. */
typedef struct {
  int32_t n, m;
  int32_t seats[MAX_M];
  int32_t pref[MAX_N][MAX_M]; /* positions, best first */
  int32_t pref_len[MAX_N];
  int32_t order[MAX_M][MAX_N]; /* employees, best first, as written */
  int32_t cls[MAX_M][MAX_N];   /* the tie class of order[j][r] */
  int32_t order_len[MAX_M];
} Tied;

static void
shuffle (GRand *rand, int32_t *a, int32_t n)
{
  for (int32_t k = n - 1; k > 0; k--)
    {
      int32_t u = g_rand_int_range (rand, 0, k + 1), t = a[k];
      a[k] = a[u];
      a[u] = t;
    }
}

static void
random_tied (GRand *rand, Tied *t)
{
  memset (t, 0, sizeof *t);
  t->n = g_rand_int_range (rand, 2, MAX_N + 1);
  t->m = g_rand_int_range (rand, 1, MAX_M + 1);
  for (int32_t j = 0; j < t->m; j++)
    t->seats[j] = g_rand_int_range (rand, 1, 3);
  for (int32_t i = 0; i < t->n; i++)
    {
      int32_t pool[MAX_M];
      for (int32_t j = 0; j < t->m; j++)
        pool[j] = j;
      shuffle (rand, pool, t->m);
      t->pref_len[i] = g_rand_int_range (rand, 0, t->m + 1);
      for (int32_t c = 0; c < t->pref_len[i]; c++)
        {
          int32_t j = pool[c];
          t->pref[i][c] = j;
          t->order[j][t->order_len[j]++] = i;
        }
    }
  for (int32_t j = 0; j < t->m; j++)
    {
      shuffle (rand, t->order[j], t->order_len[j]);
      for (int32_t r = 1; r < t->order_len[j]; r++)
        t->cls[j][r] = t->cls[j][r - 1] + (g_rand_boolean (rand) ? 1 : 0);
    }
}

/* The market of @t; with @reverse, each group's members in the opposite
 * order (another tie-breaking of the same ties). */
static SmMarket *
tied_market (const Tied *t, gboolean reverse)
{
  GError *error = NULL;
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (t->n, t->m, &error);
  SM_ASSERT_NO_ERROR (error);
  for (int32_t j = 0; j < t->m; j++)
    sm_market_builder_set_seats (b, j, t->seats[j], NULL);
  for (int32_t i = 0; i < t->n; i++)
    CU_ASSERT_TRUE (sm_market_builder_set_preferences (b, i, t->pref[i],
                                                       t->pref_len[i], NULL));
  for (int32_t j = 0; j < t->m; j++)
    {
      int32_t order[MAX_N];
      int32_t len = t->order_len[j];
      for (int32_t r = 0; r < len; r++)
        {
          /* Within a class, reversed: the r-th of the class's span. */
          int32_t lo = r, hi = r;
          while (reverse && lo > 0 && t->cls[j][lo - 1] == t->cls[j][r])
            lo--;
          while (reverse && hi + 1 < len && t->cls[j][hi + 1] == t->cls[j][r])
            hi++;
          order[r] = t->order[j][reverse ? lo + hi - r : r];
        }
      CU_ASSERT_TRUE (
          sm_market_builder_set_tied_priorities (b, j, order, t->cls[j],
                                                 (size_t) len, &error));
      SM_ASSERT_NO_ERROR (error);
    }
  SmMarket *market = sm_market_builder_build (b, &error);
  SM_ASSERT_NO_ERROR (error);
  return market;
}

/* The class position j gives employee i, or -1 if i did not apply. */
static int32_t
class_of (const Tied *t, int32_t j, int32_t i)
{
  for (int32_t r = 0; r < t->order_len[j]; r++)
    if (t->order[j][r] == i)
      return t->cls[j][r];
  return -1;
}

/* Where i lists j (0 first), or the list's length for the default and
 * for a position not listed. */
static int32_t
choice_of (const Tied *t, int32_t i, int32_t j)
{
  for (int32_t c = 0; c < t->pref_len[i]; c++)
    if (t->pref[i][c] == j)
      return c;
  return t->pref_len[i];
}

/* The oracle: whether @a is valid, and its weakly blocking pairs. */
static gboolean
oracle (const Tied *t, const int32_t *a, int32_t *n_blocking)
{
  int32_t count[MAX_M] = { 0 };
  gboolean valid = TRUE;
  for (int32_t i = 0; i < t->n; i++)
    if (a[i] >= 0)
      {
        count[a[i]]++;
        valid = valid && class_of (t, a[i], i) >= 0;
      }
  for (int32_t j = 0; j < t->m; j++)
    valid = valid && count[j] <= t->seats[j];
  *n_blocking = 0;
  for (int32_t i = 0; i < t->n; i++)
    for (int32_t c = 0; c < choice_of (t, i, a[i]); c++)
      {
        int32_t j = t->pref[i][c];
        gboolean strictly_worse_holder = FALSE;
        for (int32_t h = 0; h < t->n; h++)
          if (a[h] == j && class_of (t, j, h) > class_of (t, j, i))
            strictly_worse_holder = TRUE;
        *n_blocking += count[j] < t->seats[j] || strictly_worse_holder;
      }
  return valid;
}

/* Checks every assignment (each employee at the default or a listed
 * position) of @t against the oracle; returns how many are stable. */
static int
check_every_assignment (const Tied *t, const SmMarket *market)
{
  int32_t a[MAX_N], pick[MAX_N] = { 0 };
  int n_stable = 0;
  for (;;)
    {
      for (int32_t i = 0; i < t->n; i++)
        a[i] = pick[i] == t->pref_len[i] ? SM_DEFAULT : t->pref[i][pick[i]];
      GError *error = NULL;
      g_autoptr (SmMatching)
          matching = sm_matching_new_from_assignment (market, a, t->n, &error);
      SM_ASSERT_NO_ERROR (error);
      g_autoptr (SmCheckReport)
          report = sm_matching_check (market, matching, &error);
      SM_ASSERT_NO_ERROR (error);
      int32_t n_blocking = 0, n_pairs = 0;
      gboolean valid = oracle (t, a, &n_blocking);
      sm_check_report_get_blocking_pairs (report, &n_pairs);
      CU_ASSERT_EQUAL (sm_check_report_is_valid (report), valid);
      CU_ASSERT_EQUAL (n_pairs, n_blocking);
      CU_ASSERT_EQUAL (sm_check_report_is_stable (report),
                       valid && n_blocking == 0);
      n_stable += valid && n_blocking == 0;
      int32_t i = 0;
      while (i < t->n && pick[i] == t->pref_len[i])
        pick[i++] = 0;
      if (i == t->n)
        return n_stable;
      pick[i]++;
    }
}

/* Whether the solver's matching on @solved is weakly stable on @market. */
static void
assert_solution_weakly_stable (const SmMarket *solved, const SmMarket *market)
{
  GError *error = NULL;
  g_autoptr (SmMatching)
      matching = sm_market_solve (solved, SM_SIDE_EMPLOYEES, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmCheckReport)
      report = sm_matching_check (market, matching, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (sm_check_report_is_stable (report));
}

static void
test_brute_force_weak_stability (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261126);
  int tied_markets = 0, more_than_one = 0;
  for (int round = 0; round < 1000; round++)
    {
      Tied t;
      random_tied (rand, &t);
      g_autoptr (SmMarket) market = tied_market (&t, FALSE);
      g_autoptr (SmMarket) reversed = tied_market (&t, TRUE);
      tied_markets += sm_market_has_ties (market);
      int n_stable = check_every_assignment (&t, market);
      CU_ASSERT_TRUE (n_stable >= 1);
      more_than_one += n_stable > 1;
      assert_solution_weakly_stable (market, market);
      assert_solution_weakly_stable (reversed, market);
      /* Written and read back: the same strict orders, the same classes,
       * so the same solution and the same text. */
      g_autofree char *text = write_text (market);
      g_autoptr (SmMarket) again = read_text (text);
      g_autofree char *text_again = write_text (again);
      CU_ASSERT_STRING_EQUAL (text, text_again);
      CU_ASSERT_EQUAL (sm_market_has_ties (again), sm_market_has_ties (market));
      for (int32_t j = 0; j < t.m; j++)
        for (int32_t r = 0; r < t.order_len[j]; r++)
          CU_ASSERT_EQUAL (sm_market_get_tie_class (again, j, r), t.cls[j][r]);
    }
  /* The generator made what the test is about. */
  CU_ASSERT_TRUE (tied_markets > 400);
  CU_ASSERT_TRUE (more_than_one > 150);
}

/* A hand-worked case: one seat, two tied applicants. Either placement is
 * weakly stable, the empty seat is not; the file's order decides the
 * solution. */
static void
test_hand_worked_tie (void)
{
  static const char text[] = "hr-instance 2\nemployees 2\npositions 1\n"
                             "capacity 1\nE 0 0\nE 1 0\nP 0 (1 0)\n";
  g_autoptr (SmMarket) market = read_text (text);
  GError *error = NULL;
  g_autoptr (SmMatching)
      solved = sm_market_solve (market, SM_SIDE_EMPLOYEES, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (sm_matching_get_assignment (solved)[1], 0);
  CU_ASSERT_EQUAL (sm_matching_get_assignment (solved)[0], SM_DEFAULT);
  static const int32_t other[] = { 0, SM_DEFAULT }, none[] = { -1, -1 };
  g_autoptr (SmMatching)
      swapped = sm_matching_new_from_assignment (market, other, 2, &error);
  g_autoptr (SmCheckReport)
      report = sm_matching_check (market, swapped, &error);
  CU_ASSERT_TRUE (sm_check_report_is_stable (report));
  g_autoptr (SmMatching)
      empty = sm_matching_new_from_assignment (market, none, 2, &error);
  g_autoptr (SmCheckReport) report2 = sm_matching_check (market, empty, &error);
  int32_t n_pairs = 0;
  sm_check_report_get_blocking_pairs (report2, &n_pairs);
  CU_ASSERT_FALSE (sm_check_report_is_stable (report2));
  CU_ASSERT_EQUAL (n_pairs, 2);
  /* The same order without the group: the swap blocks. */
  static const char strict_text[] = "hr-instance 1\nemployees 2\n"
                                    "positions 1\ncapacity 1\nE 0 0\nE 1 0\n"
                                    "P 0 1 0\n";
  g_autoptr (SmMarket) strict = read_text (strict_text);
  g_autoptr (SmCheckReport)
      report3 = sm_matching_check (strict, swapped, &error);
  CU_ASSERT_FALSE (sm_check_report_is_stable (report3));
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "read the example", test_read_example },
    { "spacing and groups of one", test_read_spacing_and_groups_of_one },
    { "version 1 unchanged", test_version_1_unchanged },
    { "builder classes", test_builder_classes },
    { "builder classes without ties", test_builder_classes_without_ties },
    { "bad files", test_bad_files },
    { "bad files all listed", test_bad_files_all_listed },
    { "brute force weak stability", test_brute_force_weak_stability },
    { "hand-worked tie", test_hand_worked_tie },
    { NULL, NULL },
  };
  return sm_test_run_suite ("ties-format", cases);
}
