/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: simulating a scenario's lottery on a pool of threads.
 *
 * The scenario is compiled once into a lottery (lottery.c): a tied market
 * whose draws cost one run of deferred acceptance each. Workers take
 * blocks of draws from a shared counter. Each worker allocates its own
 * memory, in its own thread (so that the allocator's per-thread arenas
 * keep the workers' data apart, never in one cache line, which the
 * structs allocated one after the other by one thread could share),
 * once: the lottery worker and a buffer of the outcomes of up to
 * `batch` draws (per employee the outcome, per position the cutoff
 * class, and the draw's four figures). When the buffer is full the
 * worker takes the lock and adds it to the simulation's one table of
 * counts (per outcome of every employee, per cutoff class of every
 * position, per preference rank) and writes each draw's figures (first
 * choices, supernumeraries, placed, following their work) at that draw's
 * index. Between two flushes a worker writes only its own memory.
 *
 * Which worker made which draw, and in which order the buffers were
 * added, changes nothing: a draw depends only on its seed, counts are
 * integer sums, and the per-draw figures sit at their draw's index, so
 * the result is the same bit for bit with any number of threads. Means,
 * deviations and intervals are computed once, from those integers, in a
 * fixed order.
 *
 * Draw r's seed: the scenario's seed for r = 0 (so draw 0 is the
 * placement everyone sees), else mix64 (mix64 (seed) ^ r), mix64 the
 * splitmix64 finaliser: distinct for distinct r, and any draw can be
 * replayed by placing the scenario with its seed.
 *
 * Intervals: Wilson's score interval at 95% (z = 1.959963984540054),
 * which stays inside [0, 1] and is sensible at 0 and 1, where the normal
 * approximation would give an empty interval.
 *
 * Memory: per worker the lottery worker's O(n + m) arrays (and, for
 * improvement cycles only, their scratch of two numbers per list entry)
 * and the buffer, batch x (n + m + 5) 32-bit numbers, where batch is at
 * most BLOCK and shrinks for large markets so that the buffer stays
 * within BUFFER_BYTES or one draw. Shared: the counts,
 * O(n + m + L) 64-bit numbers for L list entries, and 16 bytes per draw.
 *
 * The lock is a POSIX mutex rather than a GMutex: GLib's mutex waits on a
 * futex inside libglib, which ThreadSanitizer (run on the simulation in
 * CI) cannot see without a GLib built for it, while it knows the POSIX
 * calls; the threads themselves are GThreads, which are POSIX threads.
 *
 * Progress: only the calling thread, which is also a worker, calls the
 * caller's progress function, after its own flushes (with the number of
 * draws flushed by all, read under the lock) and once at the end.
 */
#include <staffmatch/simulation.h>

#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>
#include <staffmatch/error.h>

#include "scenario/compile-private.h"
#include "scenario/lottery-private.h"
#include "scenario/priority-private.h"
#include "scenario/scenario-private.h"

/* Draws a worker takes from the counter at a time, at most: enough to
 * make the counter's cost vanish, few enough to share the tail evenly.
 * With few draws for the threads (a large market) a block is smaller,
 * down to one draw, so that every thread gets some. */
#define BLOCK 16

/* The most bytes a worker's buffer takes when more than one draw fits:
 * the case's 16 draws fit, a market of 100,000 employees buffers one. */
#define BUFFER_BYTES (64 * 1024)

/* The figures of one draw kept in the buffer. */
enum { FIG_RUN, FIG_FIRST, FIG_SUPER, FIG_PLACED, FIG_FOLLOWS, N_FIGURES };

struct _SmSimulation {
  gint ref_count;
  const SmScenario *scenario; /* held (sm_scenario__hold) */
  SmMechanism mechanism;
  uint64_t seed;
  int32_t n_runs, n_employees, n_positions;
  int32_t *out_off;        /* n + 1 */
  int32_t *out_position;   /* per outcome; -1: supernumerary */
  SmStatus *out_status;    /* per outcome */
  int32_t *out_preference; /* per outcome */
  int64_t *out_count;      /* per outcome */
  int32_t *cut_off;        /* m + 1: counts of class c at cut_off[j]+c+1 */
  int64_t *cut_count;
  int32_t bound_preference; /* the highest preference that can come up */
  int64_t *rank_count;      /* bound_preference + 1 */
  int64_t *first_draws;     /* n + 1 */
  int64_t *super_draws;     /* n + 1 */
  int64_t worker_bytes;
  SmSimulationSummary summary;
};

/* What every worker reads, and what they add to under the lock. */
typedef struct {
  SmSimulation *sim;
  const SmLottery *lottery;
  gboolean improve;
  int32_t block;                             /* draws taken at a time */
  int32_t batch;                             /* draws a buffer holds */
  gint next_run;                             /* atomic */
  gint n_ready;                              /* atomic: workers with memory */
  pthread_mutex_t lock;                      /* guards what follows */
  int32_t *first, *super, *placed, *follows; /* n_runs each */
  int32_t n_flushed;                         /* draws added */
  int64_t n_cycles;
  /* The calling thread's alone: */
  SmSimulationProgress progress;
  gpointer progress_data;
  int32_t reported; /* the last count given to progress */
} Run;

typedef struct {
  Run *run;
  gboolean caller; /* the thread that called sm_scenario_simulate() */
  SmLotteryWorker *lw;
  int32_t n_buffered;
  int32_t *outcome; /* batch x n: the outcome's index (out_off based) */
  int32_t *cut;     /* batch x m: the cutoff's index (cut_off based) */
  int32_t *figures; /* batch x N_FIGURES */
  int32_t *cutoff;  /* m: the draw's largest class held, -1 if none */
} Worker;

static uint64_t
draw_seed (uint64_t seed, int32_t run)
{
  if (run == 0)
    return seed;
  return sm_priority__mix64 (sm_priority__mix64 (seed) ^ (uint64_t) run);
}

/* ---- what each outcome is ----------------------------------------------- */

static SmStatus
status_at (const SmScenario *s, int32_t employee, int32_t position)
{
  if (sm_scenario__employee (s, employee)->manual >= 0)
    return SM_STATUS_MANUAL;
  if (sm_scenario__position (s, position)->organisation
      == s->default_organisation)
    return SM_STATUS_FOLLOWS_WORK;
  return SM_STATUS_PLACED;
}

static int32_t
preference_at (const SmScenario *s, int32_t employee, int32_t position)
{
  int32_t a = sm_scenario__find_application (s, employee, position);
  return a < 0 ? 0 : sm_scenario__application (s, a)->spec.preference;
}

/* Lays out the outcomes (the list, then supernumerary) and the cutoffs. */
static void
describe_outcomes (SmSimulation *sim, const SmTiedMarket *tm)
{
  const SmScenario *s = sim->scenario;
  const SmMarket *mk = tm->market;
  int32_t n = sim->n_employees, m = sim->n_positions;
  int32_t total = mk->emp_off[n] + n;
  sim->out_off = g_new (int32_t, n + 1);
  sim->out_position = g_new (int32_t, MAX (total, 1));
  sim->out_status = g_new (SmStatus, MAX (total, 1));
  sim->out_preference = g_new0 (int32_t, MAX (total, 1));
  sim->out_count = g_new0 (int64_t, MAX (total, 1));
  for (int32_t i = 0; i <= n; i++)
    sim->out_off[i] = mk->emp_off[i] + i;
  for (int32_t i = 0; i < n; i++)
    {
      for (int32_t slot = mk->emp_off[i]; slot < mk->emp_off[i + 1]; slot++)
        {
          int32_t k = slot + i, j = tm->entries[slot].position;
          sim->out_position[k] = j;
          sim->out_status[k] = status_at (s, i, j);
          sim->out_preference[k] = preference_at (s, i, j);
          sim->bound_preference = MAX (sim->bound_preference,
                                       sim->out_preference[k]);
        }
      sim->out_position[sim->out_off[i + 1] - 1] = -1;
      sim->out_status[sim->out_off[i + 1] - 1] = SM_STATUS_SUPERNUMERARY;
    }
  sim->cut_off = g_new (int32_t, m + 1);
  sim->cut_off[0] = 0;
  for (int32_t j = 0; j < m; j++)
    sim->cut_off[j + 1] = sim->cut_off[j] + tm->n_classes[j] + 1;
  sim->cut_count = g_new0 (int64_t, MAX (sim->cut_off[m], 1));
  sim->rank_count = g_new0 (int64_t, sim->bound_preference + 1);
  sim->first_draws = g_new0 (int64_t, n + 1);
  sim->super_draws = g_new0 (int64_t, n + 1);
}

/* ---- the workers -------------------------------------------------------- */

/* Buffers draw @r, whose matching is in the worker's solver: per
 * employee the outcome, per position the cutoff (the largest tie class
 * held by a full position, else "not full"), and the draw's figures. */
static void
record_draw (Worker *w, int32_t r)
{
  const SmSimulation *sim = w->run->sim;
  const SmTiedSolver *solver = w->lw->solver;
  const SmTiedEntry *entries = solver->tm->entries;
  const SmMarket *mk = solver->tm->market;
  int32_t *outcome = w->outcome + (size_t) w->n_buffered * sim->n_employees;
  int32_t *cut = w->cut + (size_t) w->n_buffered * sim->n_positions;
  int32_t *fig = w->figures + (size_t) w->n_buffered * N_FIGURES;
  int32_t first = 0, by_status[SM_STATUS_MANUAL + 1] = { 0 };
  for (int32_t j = 0; j < sim->n_positions; j++)
    w->cutoff[j] = -1;
  for (int32_t i = 0; i < sim->n_employees; i++)
    {
      int32_t slot = solver->next[i], k = slot + i, j = sim->out_position[k];
      outcome[i] = k;
      first += sim->out_preference[k] == 1;
      by_status[sim->out_status[k]]++;
      if (j >= 0)
        w->cutoff[j] = MAX (w->cutoff[j], (int32_t) entries[slot].tie_class);
    }
  for (int32_t j = 0; j < sim->n_positions; j++)
    {
      int32_t c = solver->count[j] < mk->seats[j] ? -1 : w->cutoff[j];
      cut[j] = sim->cut_off[j] + c + 1;
    }
  fig[FIG_RUN] = r;
  fig[FIG_FIRST] = first;
  fig[FIG_SUPER] = by_status[SM_STATUS_SUPERNUMERARY];
  fig[FIG_PLACED] = by_status[SM_STATUS_PLACED] + by_status[SM_STATUS_MANUAL];
  fig[FIG_FOLLOWS] = by_status[SM_STATUS_FOLLOWS_WORK];
  w->n_buffered++;
}

/* Adds the buffered draws to the shared counts; the lock is held. */
static void
add_buffer (SmSimulation *sim, Run *run, const Worker *w)
{
  for (int32_t b = 0; b < w->n_buffered; b++)
    {
      const int32_t *outcome = w->outcome + (size_t) b * sim->n_employees;
      const int32_t *cut = w->cut + (size_t) b * sim->n_positions;
      const int32_t *fig = w->figures + (size_t) b * N_FIGURES;
      for (int32_t i = 0; i < sim->n_employees; i++)
        {
          sim->out_count[outcome[i]]++;
          sim->rank_count[sim->out_preference[outcome[i]]]++;
        }
      for (int32_t j = 0; j < sim->n_positions; j++)
        sim->cut_count[cut[j]]++;
      int32_t r = fig[FIG_RUN];
      run->first[r] = fig[FIG_FIRST];
      run->super[r] = fig[FIG_SUPER];
      run->placed[r] = fig[FIG_PLACED];
      run->follows[r] = fig[FIG_FOLLOWS];
    }
  run->n_flushed += w->n_buffered;
}

/* Whether the progress function is due: every 1/256 of the draws. */
static gboolean
progress_due (const Run *run, int32_t done)
{
  int64_t total = run->sim->n_runs;
  return (int64_t) done * 256 / total > (int64_t) run->reported * 256 / total;
}

static void
flush (Worker *w)
{
  Run *run = w->run;
  pthread_mutex_lock (&run->lock);
  add_buffer (run->sim, run, w);
  int32_t done = run->n_flushed;
  pthread_mutex_unlock (&run->lock);
  w->n_buffered = 0;
  if (w->caller && run->progress != NULL && progress_due (run, done))
    {
      run->reported = done;
      run->progress (done, run->sim->n_runs, run->progress_data);
    }
}

static void
worker_free (Worker *w)
{
  if (w == NULL)
    return;
  sm_lottery_worker__free (w->lw);
  g_free (w->outcome);
  g_free (w->cut);
  g_free (w->figures);
  g_free (w->cutoff);
  g_free (w);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Worker, worker_free)

/* The worker's memory, allocated by the thread that uses it; NULL when
 * memory runs out. */
static Worker *
worker_new (Run *run, gboolean caller)
{
  const SmSimulation *sim = run->sim;
  size_t batch = (size_t) run->batch;
  g_autoptr (Worker) w = g_try_new0 (Worker, 1);
  if (w == NULL)
    return NULL;
  w->run = run;
  w->caller = caller;
  w->lw = sm_lottery_worker__new_for (run->lottery, run->improve);
  w->outcome = g_try_new (int32_t, batch * sim->n_employees + 1);
  w->cut = g_try_new (int32_t, batch * sim->n_positions + 1);
  w->figures = g_try_new (int32_t, batch * N_FIGURES);
  w->cutoff = g_try_new (int32_t, sim->n_positions + 1);
  if (!w->lw || !w->outcome || !w->cut || !w->figures || !w->cutoff)
    return NULL;
  return g_steal_pointer (&w);
}

/* What worker_new() and sm_lottery_worker__new() allocated for @w, the
 * same for every worker: the sizes sm_tied_solver__new() gives its
 * arrays, the lottery worker's three lists of candidates, the buffer. */
static int64_t
worker_bytes (const Worker *w)
{
  const SmTiedSolver *s = w->lw->solver;
  const SmMarket *mk = s->tm->market;
  int64_t n = mk->n_employees + 1, m = mk->n_positions + 1;
  int64_t entries = mk->emp_off[mk->n_employees] + 1;
  int64_t cands = w->run->lottery->max_candidates + 1;
  int64_t batch = w->run->batch;
  int64_t solver = sizeof (SmTiedSolver) + n * (4 + 4 + 1) + m * (4 + 4 + 1)
                   + (int64_t) (s->heap_off[mk->n_positions] + 1)
                         * sizeof (SmTiedKey)
                   + (mk->n_groups + 1) * 4;
  if (w->run->improve) /* alloc_improvement() of tied-market.c */
    solver += n * 4 + m * (8 + 4 + 4 + 3 * 4) + entries * 4 * 2;
  int64_t lottery = sizeof (SmLotteryWorker)
                    + cands
                          * (4 + sizeof (SmReflectionCandidate)
                             + sizeof (gboolean));
  int64_t own = sizeof (Worker)
                + 4
                      * (batch * (n - 1) + 1 + batch * (m - 1) + 1
                         + batch * N_FIGURES + m);
  return solver + lottery + own;
}

/* Draws blocks of runs until none is left. A worker whose memory cannot
 * be had leaves its share to the others. */
static void
work (Run *run, gboolean caller)
{
  g_autoptr (Worker) w = worker_new (run, caller);
  if (w == NULL)
    return;
  if (g_atomic_int_add (&run->n_ready, 1) == 0)
    run->sim->worker_bytes = worker_bytes (w);
  int32_t n_runs = run->sim->n_runs;
  for (;;)
    {
      int32_t r0 = g_atomic_int_add (&run->next_run, run->block);
      if (r0 >= n_runs)
        break;
      for (int32_t r = r0; r < MIN (r0 + run->block, n_runs); r++)
        {
          sm_lottery__draw (run->lottery, w->lw, draw_seed (run->sim->seed, r),
                            run->improve);
          record_draw (w, r);
          if (w->n_buffered == run->batch)
            flush (w);
        }
    }
  flush (w);
  pthread_mutex_lock (&run->lock);
  run->n_cycles += w->lw->solver->n_cycles;
  pthread_mutex_unlock (&run->lock);
}

static gpointer
work_thread (gpointer data)
{
  work (data, FALSE);
  return NULL;
}

static int32_t
thread_count (const SmSimulationOptions *options)
{
  int32_t t = options->n_threads;
  if (t == 0)
    t = (int32_t) g_get_num_processors ();
  return CLAMP (MIN (t, options->n_runs), 1, 1024);
}

/* Draws a buffer holds: BLOCK, fewer when that would pass BUFFER_BYTES,
 * at least one. */
static int32_t
batch_size (const SmSimulation *sim)
{
  size_t per_draw = sizeof (int32_t)
                    * ((size_t) sim->n_employees + sim->n_positions
                       + N_FIGURES);
  return (int32_t) CLAMP (BUFFER_BYTES / per_draw, 1, BLOCK);
}

/* Runs the draws on @n_threads workers, the calling thread being one. */
static gboolean
run_workers (Run *run, int32_t n_threads, GError **error)
{
  /* about four blocks per thread at least */
  run->block = CLAMP (run->sim->n_runs / (4 * n_threads), 1, BLOCK);
  g_autofree GThread **threads = g_new0 (GThread *, n_threads);
  /* A thread that cannot start leaves its share to the others. */
  for (int32_t t = 1; t < n_threads; t++)
    threads[t] = g_thread_try_new ("sm-simulate", work_thread, run, NULL);
  work (run, TRUE);
  for (int32_t t = 1; t < n_threads; t++)
    if (threads[t] != NULL)
      g_thread_join (threads[t]);
  if (run->n_ready == 0)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_NO_MEMORY,
                   "Out of memory while preparing %d simulation workers.",
                   (int) n_threads);
      return FALSE;
    }
  if (run->progress != NULL && run->reported != run->sim->n_runs)
    run->progress (run->sim->n_runs, run->sim->n_runs, run->progress_data);
  return TRUE;
}

/* ---- the figures -------------------------------------------------------- */

static void
mean_and_sd (const int32_t *values, int32_t n, double *mean, double *sd)
{
  int64_t sum = 0, squares = 0;
  for (int32_t r = 0; r < n; r++)
    {
      sum += values[r];
      squares += (int64_t) values[r] * values[r];
    }
  *mean = (double) sum / n;
  double variance = n > 1 ? ((double) squares - (double) sum * *mean) / (n - 1)
                          : 0.0;
  *sd = variance > 0 ? sqrt (variance) : 0.0;
}

static void
summarise (SmSimulation *sim, const Run *run)
{
  SmSimulationSummary *s = &sim->summary;
  double unused;
  s->n_runs = sim->n_runs;
  s->n_employees = sim->n_employees;
  s->n_cycles = run->n_cycles;
  mean_and_sd (run->first, sim->n_runs, &s->first_choices_mean,
               &s->first_choices_sd);
  mean_and_sd (run->super, sim->n_runs, &s->supernumerary_mean,
               &s->supernumerary_sd);
  mean_and_sd (run->placed, sim->n_runs, &s->placed_mean, &unused);
  mean_and_sd (run->follows, sim->n_runs, &s->follows_work_mean, &unused);
  for (int32_t r = 0; r < sim->n_runs; r++)
    {
      sim->first_draws[run->first[r]]++;
      sim->super_draws[run->super[r]]++;
    }
  for (int32_t i = 0; i < sim->n_employees; i++)
    for (int32_t k = sim->out_off[i]; k < sim->out_off[i + 1]; k++)
      if (sim->out_count[k] != 0 && sim->out_count[k] != sim->n_runs)
        {
          s->n_depending++;
          break;
        }
}

/* ---- the entry point ---------------------------------------------------- */

static gboolean
check_options (const SmSimulationOptions *options, GError **error)
{
  if (options->n_runs < 1 || options->n_threads < 0)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE,
                   "A simulation needs at least one run and a thread count "
                   "of 0 (one per processor) or more; got %d runs and %d "
                   "threads.",
                   (int) options->n_runs, (int) options->n_threads);
      return FALSE;
    }
  return TRUE;
}

static SmTieBreaking
tie_breaking_of (SmMechanism mechanism)
{
  return mechanism == SM_MECHANISM_DA_PER_POSITION
             ? SM_TIE_BREAKING_PER_POSITION
             : SM_TIE_BREAKING_SINGLE;
}

static gboolean
simulate (SmSimulation *sim, const SmSimulationOptions *options, GError **error)
{
  g_autoptr (SmLottery)
      lottery = sm_lottery__new (sim->scenario,
                                 tie_breaking_of (options->mechanism), error);
  if (lottery == NULL)
    return FALSE;
  describe_outcomes (sim, lottery->tm);
  Run run = { 0 };
  run.sim = sim;
  run.lottery = lottery;
  run.improve = options->mechanism == SM_MECHANISM_DA_SIC;
  run.batch = batch_size (sim);
  run.progress = options->progress;
  run.progress_data = options->progress_data;
  pthread_mutex_init (&run.lock, NULL);
  run.first = g_new (int32_t, sim->n_runs);
  run.super = g_new (int32_t, sim->n_runs);
  run.placed = g_new (int32_t, sim->n_runs);
  run.follows = g_new (int32_t, sim->n_runs);
  gboolean ok = run_workers (&run, thread_count (options), error);
  if (ok)
    summarise (sim, &run);
  pthread_mutex_destroy (&run.lock);
  g_free (run.first);
  g_free (run.super);
  g_free (run.placed);
  g_free (run.follows);
  return ok;
}

/* The options as this version has them: a version-1 struct ends before
 * the progress function. */
static SmSimulationOptions
options_of (const SmSimulationOptions *given)
{
  SmSimulationOptions options = SM_SIMULATION_OPTIONS_INIT;
  size_t size = given->version == 1 ? offsetof (SmSimulationOptions, progress)
                                    : sizeof options;
  memcpy (&options, given, size);
  options.version = SM_SIMULATION_OPTIONS_VERSION;
  return options;
}

SmSimulation *
sm_scenario_simulate (const SmScenario *scenario,
                      const SmSimulationOptions *given, GError **error)
{
  g_return_val_if_fail (scenario != NULL && given != NULL, NULL);
  g_return_val_if_fail (given->version >= 1
                            && given->version <= SM_SIMULATION_OPTIONS_VERSION,
                        NULL);
  SmSimulationOptions options = options_of (given);
  g_return_val_if_fail ((int) options.mechanism >= 0
                            && options.mechanism <= SM_MECHANISM_DA_SIC,
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (!check_options (&options, error))
    return NULL;
  g_autoptr (SmSimulation) sim = g_new0 (SmSimulation, 1);
  sim->ref_count = 1;
  sim->scenario = scenario;
  sm_scenario__hold (scenario);
  sim->mechanism = options.mechanism;
  sim->seed = scenario->seed;
  sim->n_runs = options.n_runs;
  sim->n_employees = (int32_t) scenario->employees->len;
  sim->n_positions = (int32_t) scenario->positions->len;
  if (!simulate (sim, &options, error))
    return NULL;
  return g_steal_pointer (&sim);
}

SmSimulation *
sm_simulation_ref (SmSimulation *sim)
{
  g_return_val_if_fail (sim != NULL, NULL);
  g_atomic_int_inc (&sim->ref_count);
  return sim;
}

void
sm_simulation_unref (SmSimulation *sim)
{
  if (sim == NULL || !g_atomic_int_dec_and_test (&sim->ref_count))
    return;
  sm_scenario__release (sim->scenario);
  g_free (sim->out_off);
  g_free (sim->out_position);
  g_free (sim->out_status);
  g_free (sim->out_preference);
  g_free (sim->out_count);
  g_free (sim->cut_off);
  g_free (sim->cut_count);
  g_free (sim->rank_count);
  g_free (sim->first_draws);
  g_free (sim->super_draws);
  g_free (sim);
}

/* ---- getters ------------------------------------------------------------ */

const SmScenario *
sm_simulation_get_scenario (const SmSimulation *sim)
{
  g_return_val_if_fail (sim != NULL, NULL);
  return sim->scenario;
}

int32_t
sm_simulation_get_n_runs (const SmSimulation *sim)
{
  g_return_val_if_fail (sim != NULL, 0);
  return sim->n_runs;
}

SmMechanism
sm_simulation_get_mechanism (const SmSimulation *sim)
{
  g_return_val_if_fail (sim != NULL, SM_MECHANISM_DA_SINGLE);
  return sim->mechanism;
}

uint64_t
sm_simulation_get_seed (const SmSimulation *sim)
{
  g_return_val_if_fail (sim != NULL, 0);
  return sim->seed;
}

uint64_t
sm_simulation_get_draw_seed (const SmSimulation *sim, int32_t run)
{
  g_return_val_if_fail (sim != NULL, 0);
  if (run < 0 || run >= sim->n_runs)
    return 0;
  return draw_seed (sim->seed, run);
}

int32_t
sm_simulation_get_n_outcomes (const SmSimulation *sim, int32_t employee)
{
  g_return_val_if_fail (sim != NULL, 0);
  if (employee < 0 || employee >= sim->n_employees)
    return 0;
  return sim->out_off[employee + 1] - sim->out_off[employee];
}

/* Wilson's score interval at 95% for @k successes in @n. */
static void
wilson (int64_t k, int32_t n, double *low, double *high)
{
  const double z = 1.959963984540054;
  double p = (double) k / n, z2n = z * z / n;
  double centre = (p + z2n / 2) / (1 + z2n);
  double half = z * sqrt (p * (1 - p) / n + z2n / (4.0 * n)) / (1 + z2n);
  /* At 0 and at n an end is exactly 0 or 1; rounding must not move it
   * past the estimate. */
  *low = k == 0 ? 0.0 : MIN (p, MAX (0.0, centre - half));
  *high = k == n ? 1.0 : MAX (p, MIN (1.0, centre + half));
}

gboolean
sm_simulation_get_outcome (const SmSimulation *sim, int32_t employee,
                           int32_t index, SmSimulatedOutcome *outcome_out)
{
  g_return_val_if_fail (sim != NULL, FALSE);
  if (index < 0 || index >= sm_simulation_get_n_outcomes (sim, employee))
    return FALSE;
  if (outcome_out == NULL)
    return TRUE;
  int32_t k = sim->out_off[employee] + index;
  SmSimulatedOutcome *o = outcome_out;
  o->position = sim->out_position[k];
  o->status = sim->out_status[k];
  o->preference = sim->out_preference[k];
  o->n_draws = sim->out_count[k];
  o->probability = (double) o->n_draws / sim->n_runs;
  wilson (o->n_draws, sim->n_runs, &o->low, &o->high);
  return TRUE;
}

int32_t
sm_simulation_get_n_classes (const SmSimulation *sim, int32_t position)
{
  g_return_val_if_fail (sim != NULL, 0);
  if (position < 0 || position >= sim->n_positions)
    return 0;
  return sim->cut_off[position + 1] - sim->cut_off[position] - 1;
}

gboolean
sm_simulation_get_cutoff (const SmSimulation *sim, int32_t position,
                          int32_t tie_class, int64_t *draws_out)
{
  g_return_val_if_fail (sim != NULL, FALSE);
  if (position < 0 || position >= sim->n_positions || tie_class < -1
      || tie_class >= sm_simulation_get_n_classes (sim, position))
    return FALSE;
  if (draws_out != NULL)
    *draws_out = sim->cut_count[sim->cut_off[position] + tie_class + 1];
  return TRUE;
}

void
sm_simulation_get_summary (const SmSimulation *sim,
                           SmSimulationSummary *summary_out)
{
  g_return_if_fail (sim != NULL && summary_out != NULL);
  *summary_out = sim->summary;
}

int32_t
sm_simulation_get_max_preference (const SmSimulation *sim)
{
  g_return_val_if_fail (sim != NULL, 0);
  int32_t p = sim->bound_preference;
  while (p > 0 && sim->rank_count[p] == 0)
    p--;
  return p;
}

gboolean
sm_simulation_get_rank_count (const SmSimulation *sim, int32_t preference,
                              int64_t *count_out)
{
  g_return_val_if_fail (sim != NULL, FALSE);
  if (preference < 1 || preference > sm_simulation_get_max_preference (sim))
    return FALSE;
  if (count_out != NULL)
    *count_out = sim->rank_count[preference];
  return TRUE;
}

static gboolean
get_draws (const SmSimulation *sim, const int64_t *draws, int32_t k,
           int64_t *draws_out)
{
  if (k < 0 || k > sim->n_employees)
    return FALSE;
  if (draws_out != NULL)
    *draws_out = draws[k];
  return TRUE;
}

gboolean
sm_simulation_get_first_choices_draws (const SmSimulation *sim, int32_t k,
                                       int64_t *draws_out)
{
  g_return_val_if_fail (sim != NULL, FALSE);
  return get_draws (sim, sim->first_draws, k, draws_out);
}

gboolean
sm_simulation_get_supernumerary_draws (const SmSimulation *sim, int32_t k,
                                       int64_t *draws_out)
{
  g_return_val_if_fail (sim != NULL, FALSE);
  return get_draws (sim, sim->super_draws, k, draws_out);
}

int64_t
sm_simulation_get_worker_bytes (const SmSimulation *sim)
{
  g_return_val_if_fail (sim != NULL, 0);
  return sim->worker_bytes;
}
