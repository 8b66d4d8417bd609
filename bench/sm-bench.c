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

#include <glib/gstdio.h>
#include <sys/stat.h>
#include "generate.h"
#include "rss.h"
#include "suite.h"

#define EXIT_USAGE 2

static const char usage_text[] =
  "usage: sm-bench solve FILE\n"
  "       sm-bench gen N M K SEED [--min-list k] [--seats A-B] [--skew S]\n"
  "                               [--correlation C]\n"
  "       sm-bench suite [--quick] [--max-employees N] [--case NAME]\n";

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

static int
fail (GError *error)
{
  fprintf (stderr, "sm-bench: %s\n", error->message);
  g_error_free (error);
  return EXIT_FAILURE;
}

/* The size of the file at @path, or 0 when it is not a regular file. */
static int64_t
file_bytes (const char *path)
{
  GStatBuf st;
  return g_stat (path, &st) == 0 && S_ISREG (st.st_mode) ? st.st_size : 0;
}

/* Reads, builds and solves the file once, as a user's program does: the
 * reader's one call parses and builds, and is timed as such. */
static int
cmd_solve (int argc, char **argv)
{
  GError *error = NULL;
  if (argc != 1)
    return usage_error ("solve takes one FILE");
  double t0 = now_seconds ();
  g_autoptr (SmMarket) market = sm_instance_read_file (argv[0], &error);
  double read_seconds = now_seconds () - t0;
  if (market == NULL)
    return fail (error);
  t0 = now_seconds ();
  g_autoptr (SmMatching) matching = sm_market_solve (market,
                                                     SM_SIDE_EMPLOYEES,
                                                     &error);
  double solve_seconds = now_seconds () - t0;
  if (matching == NULL || !sm_solution_write (matching, stdout, &error))
    return fail (error);
  if (fflush (stdout) != 0)
    {
      fprintf (stderr, "sm-bench: writing the solution: %s\n",
               g_strerror (errno));
      return EXIT_FAILURE;
    }
  int64_t bytes = file_bytes (argv[0]);
  fprintf (stderr,
           "read_seconds=%.6f read_includes_build=yes read_mb_per_s=%.1f"
           " solve_seconds=%.6f proposals=%" PRIu64 " employees=%d"
           " positions=%d entries=%" G_GINT64_FORMAT " placed=%d"
           " peak_rss_mib=%.1f\n",
           read_seconds, read_seconds > 0 ? bytes / read_seconds / 1e6 : 0.0,
           solve_seconds, sm_matching_get_n_proposals (matching),
           sm_market_get_n_employees (market),
           sm_market_get_n_positions (market),
           sm_market_get_n_entries (market),
           sm_matching_get_n_placed (matching),
           sm_rss_peak_kib () / 1024.0);
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
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "help") == 0)
    {
      fputs (usage_text, stdout);
      return EXIT_SUCCESS;
    }
  return usage_error ("unknown command");
}
