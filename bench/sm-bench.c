/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* sm-bench: times the staffmatch core on instance files and on generated
 * markets, and checks it against a plain reference solver.
 *
 *   sm-bench solve FILE               solve an instance file (FORMAT.md)
 *   sm-bench gen N M K SEED [opts]    write a random instance to stdout
 *   sm-bench suite [opts]             the standard suite of markets
 *
 * Figures are key=value pairs (on stderr for solve, stdout for suite), so
 * that scripts can compare runs. Exit status: 0 success, 1 failure (a bad
 * file, a mismatch), 2 usage error. Only the public API is used. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <staffmatch/staffmatch.h>

#include "generate.h"
#include "simulate.h"
#include "suite.h"

#define EXIT_USAGE 2

static const char usage_text[] =
    "usage: sm-bench solve FILE\n"
    "       sm-bench gen N M K SEED [--min-list k] [--seats A-B] [--skew S]\n"
    "                               [--correlation C]\n"
    "       sm-bench suite [--quick] [--max-employees N] [--case NAME]\n"
    "       sm-bench simulate [--quick]\n";

static int
usage_error (const char *what)
{
  if (what != NULL)
    fprintf (stderr, "sm-bench: %s\n", what);
  fputs (usage_text, stderr);
  return EXIT_USAGE;
}

static double
now_seconds (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec * 1e-9;
}

/* Parses a whole decimal integer in min..max. */
static gboolean
parse_int (const char *text, int64_t min, int64_t max, int64_t *out)
{
  char *end = NULL;
  errno = 0;
  gint64 v = g_ascii_strtoll (text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || v < min || v > max)
    return FALSE;
  *out = v;
  return TRUE;
}

static gboolean
parse_double (const char *text, double *out)
{
  char *end = NULL;
  errno = 0;
  double v = g_ascii_strtod (text, &end);
  if (errno != 0 || end == text || *end != '\0')
    return FALSE;
  *out = v;
  return TRUE;
}

/* ---- solve ----------------------------------------------------------- */

/* Builds a copy of @market through the public builder and times only
 * sm_market_builder_build(): the reader builds inside its one call, so
 * this is how the build can be timed on its own. (Instance files have no
 * headcount groups, so there are none to copy.) */
static SmMarket *
rebuild_market (const SmMarket *market, double *seconds, GError **error)
{
  int32_t n = sm_market_get_n_employees (market);
  int32_t m = sm_market_get_n_positions (market), len;
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (n, m, error);
  if (b == NULL
      || !sm_market_builder_reserve (b, sm_market_get_n_entries (market),
                                     error))
    return NULL;
  g_autofree int32_t *buf = g_new (int32_t, MAX (MAX (n, m), 1));
  for (int32_t i = 0; i < n; i++)
    {
      const SmEdge *e = sm_market_get_employee_edges (market, i, &len);
      for (int32_t k = 0; k < len; k++)
        buf[k] = e[k].target;
      if (!sm_market_builder_set_preferences (b, i, buf, (size_t) len, error))
        return NULL;
    }
  for (int32_t j = 0; j < m; j++)
    {
      const SmEdge *e = sm_market_get_position_edges (market, j, &len);
      for (int32_t k = 0; k < len; k++)
        buf[k] = e[k].target;
      int32_t seats = sm_market_get_seats (market, j);
      if ((seats != 1 && !sm_market_builder_set_seats (b, j, seats, error))
          || !sm_market_builder_set_priorities (b, j, buf, (size_t) len, error))
        return NULL;
    }
  double t0 = now_seconds ();
  SmMarket *copy = sm_market_builder_build (b, error);
  *seconds = now_seconds () - t0;
  return copy;
}

static int
fail (GError *error)
{
  fprintf (stderr, "sm-bench: %s\n", error->message);
  g_error_free (error);
  return EXIT_FAILURE;
}

static int
cmd_solve (int argc, char **argv)
{
  GError *error = NULL;
  double build_seconds = 0.0;
  if (argc != 1)
    return usage_error ("solve takes one FILE");
  double t0 = now_seconds ();
  g_autoptr (SmMarket) read = sm_instance_read_file (argv[0], &error);
  double parse_seconds = now_seconds () - t0;
  if (read == NULL)
    return fail (error);
  g_autoptr (SmMarket) market = rebuild_market (read, &build_seconds, &error);
  if (market == NULL)
    return fail (error);
  g_clear_pointer (&read, sm_market_unref);
  t0 = now_seconds ();
  g_autoptr (SmMatching)
      matching = sm_market_solve (market, SM_SIDE_EMPLOYEES, &error);
  double solve_seconds = now_seconds () - t0;
  if (matching == NULL || !sm_solution_write (matching, stdout, &error))
    return fail (error);
  if (fflush (stdout) != 0)
    {
      fprintf (stderr, "sm-bench: writing the solution: %s\n",
               g_strerror (errno));
      return EXIT_FAILURE;
    }
  fprintf (stderr,
           "parse_seconds=%.6f parse_includes_build=yes build_seconds=%.6f"
           " solve_seconds=%.6f proposals=%" PRIu64 " employees=%d"
           " positions=%d entries=%" G_GINT64_FORMAT " placed=%d\n",
           parse_seconds, build_seconds, solve_seconds,
           sm_matching_get_n_proposals (matching),
           sm_market_get_n_employees (market),
           sm_market_get_n_positions (market), sm_market_get_n_entries (market),
           sm_matching_get_n_placed (matching));
  return EXIT_SUCCESS;
}

/* ---- gen ------------------------------------------------------------- */

/* Parses "A-B" or "A" into a seat range. */
static gboolean
parse_seats (const char *text, SmGenParams *p)
{
  int64_t lo, hi;
  g_auto (GStrv) parts = g_strsplit (text, "-", 2);
  if (!parse_int (parts[0], 1, INT32_MAX, &lo))
    return FALSE;
  hi = lo;
  if (parts[1] != NULL && !parse_int (parts[1], lo, INT32_MAX, &hi))
    return FALSE;
  p->seats_min = (int32_t) lo;
  p->seats_max = (int32_t) hi;
  return TRUE;
}

/* Applies option @name with @value; returns FALSE when either is bad. */
static gboolean
gen_option (const char *name, const char *value, SmGenParams *p,
            gboolean *min_set)
{
  int64_t v;
  if (strcmp (name, "--min-list") == 0)
    {
      if (!parse_int (value, 0, INT32_MAX, &v))
        return FALSE;
      p->list_min = (int32_t) v;
      *min_set = TRUE;
      return TRUE;
    }
  if (strcmp (name, "--seats") == 0)
    return parse_seats (value, p);
  if (strcmp (name, "--skew") == 0)
    return parse_double (value, &p->skew);
  if (strcmp (name, "--correlation") == 0)
    return parse_double (value, &p->correlation);
  return FALSE;
}

/* Sets positional argument @index (N, M, K, SEED) from @text. */
static gboolean
gen_positional (int index, const char *text, SmGenParams *p)
{
  int64_t v;
  guint64 seed;
  char *end = NULL;
  switch (index)
    {
    case 0:
      return parse_int (text, 0, INT32_MAX - 1, &p->n_employees);
    case 1:
      return parse_int (text, 0, INT32_MAX - 1, &p->n_positions);
    case 2:
      if (!parse_int (text, 0, INT32_MAX, &v))
        return FALSE;
      p->list_max = (int32_t) v;
      return TRUE;
    case 3:
      errno = 0;
      seed = g_ascii_strtoull (text, &end, 10);
      p->seed = seed;
      return errno == 0 && end != text && *end == '\0' && text[0] != '-';
    default:
      return FALSE;
    }
}

static int
cmd_gen (int argc, char **argv)
{
  SmGenParams p = SM_GEN_PARAMS_INIT;
  GError *error = NULL;
  gboolean min_set = FALSE;
  int n_positional = 0;
  for (int i = 0; i < argc; i++)
    {
      const char *arg = argv[i], *eq = strchr (arg, '=');
      if (g_str_has_prefix (arg, "--"))
        {
          g_autofree char *name = eq != NULL ? g_strndup (arg, eq - arg)
                                             : g_strdup (arg);
          const char *value = eq != NULL ? eq + 1 : argv[++i];
          if (value == NULL || !gen_option (name, value, &p, &min_set))
            return usage_error ("gen: bad option or value");
        }
      else if (!gen_positional (n_positional++, arg, &p))
        return usage_error ("gen: N M K SEED must be integers in range");
    }
  if (n_positional != 4)
    return usage_error ("gen needs N M K SEED");
  if (!min_set)
    p.list_min = p.list_max;
  if (!sm_gen_params_validate (&p, &error))
    {
      fprintf (stderr, "sm-bench: gen: %s\n", error->message);
      g_error_free (error);
      return EXIT_USAGE;
    }
  if (!sm_gen_write_instance (&p, stdout, &error))
    return fail (error);
  return EXIT_SUCCESS;
}

/* ---- suite ----------------------------------------------------------- */

static int
cmd_suite (int argc, char **argv)
{
  SmSuiteOptions o = SM_SUITE_OPTIONS_INIT;
  for (int i = 0; i < argc; i++)
    {
      if (strcmp (argv[i], "--quick") == 0)
        o.quick = TRUE;
      else if (strcmp (argv[i], "--max-employees") == 0 && i + 1 < argc)
        {
          if (!parse_int (argv[++i], 1, INT64_MAX, &o.max_employees))
            return usage_error ("suite: --max-employees needs a count");
        }
      else if (strcmp (argv[i], "--case") == 0 && i + 1 < argc)
        o.filter = argv[++i];
      else
        return usage_error ("suite: unknown option");
    }
  return sm_suite_run (&o);
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    return usage_error (NULL);
  if (strcmp (argv[1], "solve") == 0)
    return cmd_solve (argc - 2, argv + 2);
  if (strcmp (argv[1], "gen") == 0)
    return cmd_gen (argc - 2, argv + 2);
  if (strcmp (argv[1], "suite") == 0)
    return cmd_suite (argc - 2, argv + 2);
  if (strcmp (argv[1], "simulate") == 0)
    return sm_bench_simulate (argc - 2, argv + 2);
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "help") == 0)
    {
      fputs (usage_text, stdout);
      return EXIT_SUCCESS;
    }
  return usage_error ("unknown command");
}
