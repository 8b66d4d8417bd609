/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* sm-bench: times the staffmatch core on instance files and on generated
 * markets, and checks it against a plain reference solver.
 *
 *   sm-bench solve FILE             solve an instance file
 *                                   (docs/instance-format.md)
 *   sm-bench check FILE SOLUTION    check a solution against an instance
 *   sm-bench gen N M K SEED [opts]  write a random instance to stdout
 *   sm-bench build N M K SEED       time the build of a generated market
 *   sm-bench suite [opts]           the standard suite of markets
 *   sm-bench parse FILE [opts]      read a file, the text and the build
 *                                   timed apart (parse.c)
 *   sm-bench simulate [--quick]     lottery draws (simulate.c)
 *   sm-bench touch [MIB]            the price of fresh memory
 *
 * Figures are key=value pairs (on stderr for solve, stdout for the
 * others), so that scripts can compare runs. Exit status: 0 success, 1
 * failure (a bad file, a mismatch), 2 usage error. Only the public API is
 * used, but for the one seam of parse.c. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <staffmatch/staffmatch.h>

#include <glib/gstdio.h>
#include <sys/stat.h>
#include "generate.h"
#include "clock.h"
#include "rss.h"
#include "limit.h"
#include "parse.h"
#include "simulate.h"
#include "suite.h"

#define EXIT_USAGE 2

static const char usage_text[] =
    "usage: sm-bench solve FILE [--threads T]\n"
    "       sm-bench check FILE SOLUTION\n"
    "       sm-bench gen N M K SEED [--min-list k] [--seats A-B] [--skew S]\n"
    "                               [--correlation C]\n"
    "       sm-bench build N M K SEED [gen options] [--threads T] [--runs R]\n"
    "       sm-bench suite [--quick] [--max-employees N] [--case NAME]\n"
    "       sm-bench parse FILE [--threads T] [--rounds R]\n"
    "       sm-bench simulate [--quick]\n"
    "       sm-bench touch [MIB]\n";

static int
usage_error (const char *what)
{
  if (what != NULL)
    fprintf (stderr, "sm-bench: %s\n", what);
  fputs (usage_text, stderr);
  return EXIT_USAGE;
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
  int64_t threads = 1;
  if (argc == 3 && strcmp (argv[1], "--threads") == 0)
    {
      if (!parse_int (argv[2], 0, 64, &threads))
        return usage_error ("solve: --threads needs 0 to 64");
      argc = 1;
    }
  if (argc != 1)
    return usage_error ("solve takes one FILE");
  double t0 = sm_bench_now_seconds ();
  g_autoptr (SmMarket)
      market = sm_instance_read_file_threaded (argv[0], (int) threads, &error);
  double read_seconds = sm_bench_now_seconds () - t0;
  if (market == NULL)
    return fail (error);
  t0 = sm_bench_now_seconds ();
  g_autoptr (SmMatching)
      matching = sm_market_solve (market, SM_SIDE_EMPLOYEES, &error);
  double solve_seconds = sm_bench_now_seconds () - t0;
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
           sm_market_get_n_positions (market), sm_market_get_n_entries (market),
           sm_matching_get_n_placed (matching), sm_rss_peak_kib () / 1024.0);
  return EXIT_SUCCESS;
}

/* ---- check ----------------------------------------------------------- */

/* Whether @matching is the one sm-bench solve writes for @market: the
 * employee-optimal stable matching under the order the file states
 * (for a tied instance, its tie-breaking). */
static gboolean
is_stated_solution (const SmMarket *market, const SmMatching *matching,
                    GError **error)
{
  g_autoptr (SmMatching)
      solved = sm_market_solve (market, SM_SIDE_EMPLOYEES, error);
  if (solved == NULL)
    return FALSE;
  int32_t n = sm_matching_get_n_employees (matching);
  return memcmp (sm_matching_get_assignment (solved),
                 sm_matching_get_assignment (matching),
                 (size_t) n * sizeof (int32_t))
         == 0;
}

/* Checks a solution file against an instance file: valid, and stable
 * (on a tied instance, weakly stable: ties as ties). Prints one
 * key=value line, then the first blocking pairs; exit status 0 only
 * for a stable matching. */
static int
cmd_check (int argc, char **argv)
{
  GError *error = NULL;
  int32_t n_violations = 0, n_pairs = 0;
  if (argc != 2)
    return usage_error ("check takes an instance FILE and a SOLUTION");
  g_autoptr (SmMarket) market = sm_instance_read_file (argv[0], &error);
  if (market == NULL)
    return fail (error);
  g_autoptr (SmMatching)
      matching = sm_solution_read_file (market, argv[1], &error);
  if (matching == NULL)
    return fail (error);
  g_autoptr (SmCheckReport)
      report = sm_matching_check (market, matching, &error);
  if (report == NULL)
    return fail (error);
  gboolean stated = is_stated_solution (market, matching, &error);
  if (error != NULL)
    return fail (error);
  sm_check_report_get_violations (report, &n_violations);
  const SmBlockingPair *pairs = sm_check_report_get_blocking_pairs (report,
                                                                    &n_pairs);
  gboolean stable = sm_check_report_is_stable (report);
  printf ("ties=%s valid=%s stable=%s violations=%d blocking_pairs=%d"
          " stated_solution=%s\n",
          sm_market_has_ties (market) ? "yes" : "no",
          sm_check_report_is_valid (report) ? "yes" : "no",
          stable ? "yes" : "no", n_violations, n_pairs, stated ? "yes" : "no");
  for (int32_t k = 0; k < MIN (n_pairs, 10); k++)
    printf ("blocking employee=%d position=%d\n", pairs[k].employee,
            pairs[k].position);
  return stable ? EXIT_SUCCESS : EXIT_FAILURE;
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

/* Parses "N M K SEED [options]" into @p; returns FALSE after printing a
 * usage error (then *status is the exit status). */
static gboolean
parse_gen_args (int argc, char **argv, SmGenParams *p, int *status)
{
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
          if (value == NULL || !gen_option (name, value, p, &min_set))
            {
              *status = usage_error ("gen: bad option or value");
              return FALSE;
            }
        }
      else if (!gen_positional (n_positional++, arg, p))
        {
          *status = usage_error ("gen: N M K SEED must be integers in range");
          return FALSE;
        }
    }
  if (n_positional != 4)
    {
      *status = usage_error ("gen needs N M K SEED");
      return FALSE;
    }
  if (!min_set)
    p->list_min = p->list_max;
  if (!sm_gen_params_validate (p, &error))
    {
      fprintf (stderr, "sm-bench: gen: %s\n", error->message);
      g_error_free (error);
      *status = EXIT_USAGE;
      return FALSE;
    }
  return TRUE;
}

static int
cmd_gen (int argc, char **argv)
{
  SmGenParams p = SM_GEN_PARAMS_INIT;
  GError *error = NULL;
  int status = EXIT_SUCCESS;
  if (!parse_gen_args (argc, argv, &p, &status))
    return status;
  if (!sm_gen_write_instance (&p, stdout, &error))
    return fail (error);
  return EXIT_SUCCESS;
}

/* ---- build ----------------------------------------------------------- */

/* Generates the market into a builder and times sm_market_builder_build()
 * alone, on 1 and on @threads threads, @runs times each; prints the
 * fastest of each. */
static int
cmd_build (int argc, char **argv)
{
  SmGenParams p = SM_GEN_PARAMS_INIT;
  GError *error = NULL;
  int status = EXIT_SUCCESS;
  int64_t threads = 2, runs = 3;
  if (argc >= 2 && strcmp (argv[argc - 2], "--runs") == 0)
    {
      if (!parse_int (argv[argc - 1], 1, 100, &runs))
        return usage_error ("build: --runs needs 1 to 100");
      argc -= 2;
    }
  if (argc >= 2 && strcmp (argv[argc - 2], "--threads") == 0)
    {
      if (!parse_int (argv[argc - 1], 1, 64, &threads))
        return usage_error ("build: --threads needs 1 to 64");
      argc -= 2;
    }
  if (!parse_gen_args (argc, argv, &p, &status))
    return status;
  double best[2] = { 0.0, 0.0 };
  int64_t entries = 0;
  for (int64_t run = 0; run < 2 * runs; run++)
    {
      int k = (int) (run % 2);
      g_autoptr (SmMarketBuilder)
          b = sm_market_builder_new (p.n_employees, p.n_positions, &error);
      if (b == NULL || !sm_gen_into_builder (&p, b, &entries, &error))
        return fail (error);
      sm_market_builder_set_n_threads (b, k == 0 ? 1 : (int) threads);
      double t0 = sm_bench_now_seconds ();
      g_autoptr (SmMarket) market = sm_market_builder_build (b, &error);
      double t = sm_bench_now_seconds () - t0;
      if (market == NULL)
        return fail (error);
      best[k] = run < 2 ? t : MIN (best[k], t);
    }
  printf ("entries=%" G_GINT64_FORMAT
          " build_seconds=%.6f threads=%" G_GINT64_FORMAT
          " build_threads_seconds=%.6f speedup=%.2f ns_per_entry=%.2f\n",
          entries, best[0], threads, best[1], best[0] / best[1],
          entries > 0 ? best[0] * 1e9 / (double) entries : 0.0);
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

/* sm-bench touch [MIB]: the price of fresh memory on this machine. */
static int
command_touch (int argc, char **argv)
{
  int64_t mib = 256;
  if (argc > 1 || (argc == 1 && !parse_int (argv[0], 1, 65536, &mib)))
    return usage_error ("touch takes one size in MiB, 1 to 65536");
  size_t bytes = (size_t) mib << 20;
  for (int huge = 0; huge < 2; huge++)
    {
      double warm = 0.0;
      double fresh = sm_limit_first_touch (bytes, huge, &warm);
      if (fresh < 0)
        {
          fprintf (stderr, "sm-bench: could not map %" G_GINT64_FORMAT " MiB\n",
                   mib);
          return 1;
        }
      printf ("touch mib=%" G_GINT64_FORMAT " huge_pages=%s fresh_seconds=%.4f"
              " fresh_gb_per_s=%.2f warm_seconds=%.4f warm_gb_per_s=%.2f"
              " fresh_per_warm=%.1f\n",
              mib, huge ? "asked" : "no", fresh,
              fresh > 0 ? (double) bytes / fresh / 1e9 : 0.0, warm,
              warm > 0 ? (double) bytes / warm / 1e9 : 0.0,
              warm > 0 ? fresh / warm : 0.0);
    }
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    return usage_error (NULL);
  if (strcmp (argv[1], "solve") == 0)
    return cmd_solve (argc - 2, argv + 2);
  if (strcmp (argv[1], "check") == 0)
    return cmd_check (argc - 2, argv + 2);
  if (strcmp (argv[1], "gen") == 0)
    return cmd_gen (argc - 2, argv + 2);
  if (strcmp (argv[1], "build") == 0)
    return cmd_build (argc - 2, argv + 2);
  if (strcmp (argv[1], "suite") == 0)
    return cmd_suite (argc - 2, argv + 2);
  if (strcmp (argv[1], "touch") == 0)
    return command_touch (argc - 2, argv + 2);
  if (strcmp (argv[1], "parse") == 0)
    return sm_bench_parse (argc - 2, argv + 2);
  if (strcmp (argv[1], "simulate") == 0)
    return sm_bench_simulate (argc - 2, argv + 2);
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "help") == 0)
    {
      fputs (usage_text, stdout);
      return EXIT_SUCCESS;
    }
  return usage_error ("unknown command");
}
