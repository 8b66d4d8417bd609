/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* sm-bench simulate: how fast draws of a scenario's lottery run.
 *
 * Two markets: the built-in Ommen-Hardenberg case (about 480 people), and
 * a generated one of 100,000 employees whose rule ranks by a committee
 * score of five values, so every position's candidates fall in five tie
 * classes and the lot decides within them. For each, sm_scenario_simulate()
 * runs with one worker thread and with two, under each mechanism (fewer
 * runs with improvement cycles on the large market), and one
 * line per run gives the draws per second, the cost of one draw and the
 * speedup of two threads over one; the two runs must give the same
 * figures, or the case fails. For comparison, the case's line also gives
 * the cost of one sm_scenario_place() (compile, solve and map back).
 *
 * Timings are wall-clock on whatever else the machine is doing; compare
 * them within one run. The processor time per draw with one thread and
 * with two (cpu_us_per_draw_1, _2) is given too: on a busy machine the
 * wall clock counts the waits for a core, and when the two are about
 * equal the threads add no work of their own, so on two free cores the
 * speedup is close to 2. cores_used_2 is the processor time of the
 * two-thread run over its wall-clock time: below 2, the threads waited
 * for a core (or for each other). cpu_share_caller_2 is the calling
 * thread's part of that processor time (it is one of the two workers):
 * 0.5 when the draws split evenly.
 *
 * worker_bytes is the memory each worker thread allocates once for its
 * draws (sm_simulation_get_worker_bytes()), and worker_bytes_per_person
 * the same per employee: with deferred acceptance alone it does not
 * grow from the case to the market 200 times its size, since such a
 * worker holds O(n + m). */
#include "simulate.h"
#include "clock.h"
#include "limit.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <staffmatch/staffmatch.h>

#include "boh-case.h"
#include "large-case.h"

/* ---- timing -------------------------------------------------------------- */

/* What one timed simulation gives. */
typedef struct {
  SmSimulationSummary summary;
  double cpu;        /* processor seconds, all threads */
  double caller_cpu; /* processor seconds of the calling thread */
  int64_t worker_bytes;
} Timed;

/* Runs the simulation; returns the seconds it took, or -1 on an error,
 * and fills @timed. */
static double
time_simulation (const SmScenario *s, SmMechanism m, int32_t runs,
                 int32_t threads, Timed *timed)
{
  SmSimulationOptions options = SM_SIMULATION_OPTIONS_INIT;
  options.n_runs = runs;
  options.mechanism = m;
  options.n_threads = threads;
  GError *error = NULL;
  double start = sm_bench_now_seconds (), cpu_start = sm_bench_cpu_seconds ();
  double caller_start = sm_bench_thread_cpu_seconds ();
  SmSimulation *sim = sm_scenario_simulate (s, &options, &error);
  double seconds = sm_bench_now_seconds () - start;
  timed->cpu = sm_bench_cpu_seconds () - cpu_start;
  timed->caller_cpu = sm_bench_thread_cpu_seconds () - caller_start;
  if (sim == NULL)
    {
      fprintf (stderr, "sm-bench simulate: %s\n", error->message);
      g_error_free (error);
      return -1;
    }
  sm_simulation_get_summary (sim, &timed->summary);
  timed->worker_bytes = sm_simulation_get_worker_bytes (sim);
  sm_simulation_unref (sim);
  return seconds;
}

/* Microseconds per sm_scenario_place() of @s, over @n calls. */
static double
time_placement (const SmScenario *s, int32_t n)
{
  double start = sm_bench_now_seconds ();
  for (int32_t k = 0; k < n; k++)
    sm_placement_free (sm_scenario_place (s, NULL));
  return (sm_bench_now_seconds () - start) / n * 1e6;
}

/* Seconds per draw: the simulation's time less that of a one-draw
 * simulation, which is the compile and the set-up. */
static double
per_draw (double seconds, double setup, int32_t runs)
{
  return MAX (seconds - setup, 1e-9) / (runs - 1);
}

static void
print_case (const char *name, SmMechanism m, int32_t runs, double t0,
            const double *t, const Timed *one, const Timed *two, double c0)
{
  double d1 = per_draw (t[0], t0, runs), d2 = per_draw (t[1], t0, runs);
  double p1 = per_draw (one->cpu, c0, runs), p2 = per_draw (two->cpu, c0, runs);
  printf ("case=%s employees=%d mechanism=%s runs=%d setup_ms=%.2f "
          "draws_per_second_1=%.0f draws_per_second_2=%.0f "
          "us_per_draw_1=%.2f speedup_2=%.2f cpu_us_per_draw_1=%.2f "
          "cpu_us_per_draw_2=%.2f cpu_share_caller_2=%.2f "
          "cores_used_2=%.2f worker_bytes=%" PRId64
          " worker_bytes_per_person=%.1f first_choices=%.2f "
          "first_choices_sd=%.2f supernumerary=%.2f depending=%d",
          name, (int) one->summary.n_employees, sm_mechanism_to_string (m),
          (int) runs, t0 * 1e3, 1 / d1, 1 / d2, d1 * 1e6, d1 / d2, p1 * 1e6,
          p2 * 1e6, two->caller_cpu / MAX (two->cpu, 1e-9), two->cpu / t[1],
          one->worker_bytes,
          (double) one->worker_bytes / MAX (one->summary.n_employees, 1),
          one->summary.first_choices_mean, one->summary.first_choices_sd,
          one->summary.supernumerary_mean, (int) one->summary.n_depending);
}

/* What a second core gives right now (limit.h) to random reads over
 * @n numbers: few for a market whose draws stay in the cache, many for
 * one whose draws do not. */
static double
two_thread_limit (int64_t n)
{
  g_autofree int32_t *array = g_new (int32_t, n);
  for (int64_t k = 0; k < n; k++)
    array[k] = (int32_t) (k * 2654435761u);
  return sm_limit_two_threads_array (array, n);
}

static int
bench_case (const char *name, const SmScenario *s, int32_t da_runs,
            int32_t sic_runs, double place_us, int64_t limit_numbers)
{
  int status = 0;
  for (int m = 0; m <= SM_MECHANISM_DA_SIC; m++)
    {
      int32_t runs = m == SM_MECHANISM_DA_SIC ? sic_runs : da_runs;
      Timed first, one, two;
      double t[2];
      double t0 = time_simulation (s, (SmMechanism) m, 1, 1, &first);
      t[0] = time_simulation (s, (SmMechanism) m, runs, 1, &one);
      t[1] = time_simulation (s, (SmMechanism) m, runs, 2, &two);
      if (t0 < 0 || t[0] < 0 || t[1] < 0)
        return 1;
      gboolean same = memcmp (&one.summary, &two.summary, sizeof one.summary)
                          == 0
                      && one.worker_bytes == two.worker_bytes;
      print_case (name, (SmMechanism) m, runs, t0, t, &one, &two, first.cpu);
      double limit = two_thread_limit (limit_numbers);
      printf (" two_thread_limit=%.2f speedup_per_limit=%.2f", limit,
              limit > 0 ? per_draw (t[0], t0, runs) / per_draw (t[1], t0, runs)
                              / limit
                        : 0.0);
      printf (" same=%s", same ? "yes" : "NO");
      if (place_us > 0)
        printf (" place_us=%.1f", place_us);
      printf ("\n");
      fflush (stdout);
      if (!same)
        status = 1;
    }
  return status;
}

int
sm_bench_simulate (int argc, char **argv)
{
  gboolean quick = argc == 1 && strcmp (argv[0], "--quick") == 0;
  if (argc > 1 || (argc == 1 && !quick))
    {
      fputs ("usage: sm-bench simulate [--quick]\n", stderr);
      return 2;
    }
  GError *error = NULL;
  g_autoptr (SmScenario) boh = boh_case_new (BOH_CASE_SEED, &error);
  int32_t big_n = quick ? 10000 : 100000;
  g_autoptr (SmScenario) big = boh != NULL ? boh_large_case_new (big_n, &error)
                                           : NULL;
  if (big == NULL)
    {
      fprintf (stderr, "sm-bench simulate: %s\n", error->message);
      g_error_free (error);
      return 1;
    }
  int status = bench_case ("boh", boh, quick ? 2000 : 40000,
                           quick ? 2000 : 40000,
                           time_placement (boh, quick ? 20 : 200),
                           (int64_t) 16 << 10);
  /* Improvement cycles rebuild the desire graph once per cycle found, so
   * a large market with many cycles gets fewer runs; but enough that the
   * draws, not the set-up subtracted from them, make up the time (with 5
   * runs, the set-up's own noise gave two-thread "speedups" above 3). */
  status |= bench_case (quick ? "generated-10k" : "generated-100k", big,
                        quick ? 20 : 200, quick ? 5 : 40, -1,
                        (int64_t) 16 << 20);
  return status;
}
