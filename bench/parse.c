/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* sm-bench parse: how fast an instance file becomes a market, with the
 * text and the build timed apart.
 *
 * sm_instance_read_file_threaded() parses and builds in one call, which
 * is what sm-bench solve times. Here the reader's private seam,
 * sm_instance__read_file_lists(), stops after the last line, with every
 * list checked and stored in the builder, and sm_market_builder_build()
 * follows on its own clock: parse_mb_per_s is the file's size over the
 * first part alone, read_mb_per_s over both. This is the one place where
 * sm-bench reaches past the public API, and why it links the static
 * library.
 *
 * The file is read several times in the one process (--rounds, 3 by
 * default). The first round takes memory the process has never used;
 * on a virtual machine the host backs each new page only then, which can
 * cost more than the parse itself (see sm-bench touch). Later rounds get
 * memory that earlier ones gave back, as a long-running program does
 * when it reads one file after another, so the best round shows the cost
 * of the parse and the build themselves. Both are printed, with the
 * page faults per megabyte of text that each round took. */
#include "parse.h"
#include "clock.h"
#include "rss.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <staffmatch/staffmatch.h>

#include "io/instance-private.h"

#define PARSE_MAX_ROUNDS 100

typedef struct {
  double parse_seconds;
  double build_seconds;
  int64_t faults;
} ParseRound;

static int
parse_usage (const char *what)
{
  fprintf (stderr,
           "sm-bench: parse: %s\n"
           "usage: sm-bench parse FILE [--threads T] [--rounds R]\n",
           what);
  return 2;
}

/* Reads @path once into a market and frees it; FALSE with @error set
 * when the file is not a good instance. */
static gboolean
parse_round (const char *path, int n_threads, ParseRound *round, GError **error)
{
  int64_t faults = sm_rss_minor_faults ();
  double t0 = sm_bench_now_seconds ();
  SmMarketBuilder *builder = sm_instance__read_file_lists (path, n_threads,
                                                           error);
  if (builder == NULL)
    return FALSE;
  double t1 = sm_bench_now_seconds ();
  SmMarket *market = sm_market_builder_build (builder, error);
  double t2 = sm_bench_now_seconds ();
  sm_market_builder_free (builder);
  if (market == NULL)
    return FALSE;
  sm_market_unref (market);
  *round = (ParseRound){ t1 - t0, t2 - t1, sm_rss_minor_faults () - faults };
  return TRUE;
}

static double
mb_per_s (int64_t bytes, double seconds)
{
  return seconds > 0 ? (double) bytes / seconds / 1e6 : 0.0;
}

static void
print_round (int k, int n_threads, int64_t bytes, const ParseRound *r)
{
  printf ("parse round=%d threads=%d parse_seconds=%.6f parse_mb_per_s=%.1f"
          " build_seconds=%.6f read_mb_per_s=%.1f faults_per_mb=%.1f\n",
          k, n_threads, r->parse_seconds, mb_per_s (bytes, r->parse_seconds),
          r->build_seconds,
          mb_per_s (bytes, r->parse_seconds + r->build_seconds),
          bytes > 0 ? (double) r->faults / ((double) bytes / 1e6) : 0.0);
}

/* Reads --threads and --rounds; FALSE on anything else. */
static gboolean
parse_options (int argc, char **argv, int *n_threads, int *n_rounds)
{
  for (int k = 1; k < argc; k += 2)
    {
      guint64 value;
      gboolean threads = strcmp (argv[k], "--threads") == 0;
      if ((!threads && strcmp (argv[k], "--rounds") != 0) || k + 1 >= argc
          || !g_ascii_string_to_unsigned (argv[k + 1], 10, threads ? 0 : 1,
                                          threads ? 64 : PARSE_MAX_ROUNDS,
                                          &value, NULL))
        return FALSE;
      *(threads ? n_threads : n_rounds) = (int) value;
    }
  return TRUE;
}

int
sm_bench_parse (int argc, char **argv)
{
  int n_threads = 1, n_rounds = 3;
  if (argc < 1 || !parse_options (argc, argv, &n_threads, &n_rounds))
    return parse_usage ("takes FILE, then --threads 0-64, --rounds 1-100");
  GStatBuf st;
  if (g_stat (argv[0], &st) != 0 || !S_ISREG (st.st_mode))
    return parse_usage ("FILE must be a regular file");
  int64_t bytes = st.st_size;
  ParseRound first = { 0 }, best = { 0 };
  double best_read = 0.0;
  for (int k = 1; k <= n_rounds; k++)
    {
      GError *error = NULL;
      ParseRound round;
      if (!parse_round (argv[0], n_threads, &round, &error))
        {
          fprintf (stderr, "sm-bench: %s\n", error->message);
          g_error_free (error);
          return 1;
        }
      print_round (k, n_threads, bytes, &round);
      if (k == 1)
        first = round;
      if (k == 1 || round.parse_seconds < best.parse_seconds)
        best = round;
      double read = round.parse_seconds + round.build_seconds;
      if (k == 1 || read < best_read)
        best_read = read;
    }
  printf ("parse summary threads=%d bytes=%" PRId64 " rounds=%d"
          " first_parse_mb_per_s=%.1f best_parse_mb_per_s=%.1f"
          " best_read_mb_per_s=%.1f peak_rss_mib=%.1f\n",
          n_threads, bytes, n_rounds, mb_per_s (bytes, first.parse_seconds),
          mb_per_s (bytes, best.parse_seconds), mb_per_s (bytes, best_read),
          (double) sm_rss_peak_kib () / 1024.0);
  return 0;
}
