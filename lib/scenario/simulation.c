/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: simulating a scenario's lottery on a pool of threads.
 *
 * The scenario is compiled once into a lottery (lottery.c): a tied market
 * whose draws cost one run of deferred acceptance each. Workers take
 * blocks of draws from a shared counter; each worker has its own drawing
 * memory and its own counters (per outcome of every employee, per cutoff
 * class of every position, per preference rank), and writes the few
 * figures of each draw (first choices, supernumeraries, placed, following
 * their work) into that draw's slot of shared arrays. Which worker made
 * which draw changes nothing: a draw depends only on its seed, the
 * counters are integers summed at the end, and the per-draw figures sit
 * at their draw's index, so the result is the same bit for bit with any
 * number of threads. Means, deviations and intervals are computed once,
 * from those integers, in a fixed order.
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
 * Memory per worker: the lottery worker's O(n + m + L) plus one 32-bit
 * counter per outcome and per cutoff class (O(n + m + L) again), where L
 * is the number of list entries; all allocated before the threads start.
 * The shared per-draw arrays take 16 bytes per draw.
 */
#include <staffmatch/simulation.h>

#include <math.h>
#include <string.h>
#include <staffmatch/error.h>

#include "scenario/compile-private.h"
#include "scenario/lottery-private.h"
#include "scenario/priority-private.h"
#include "scenario/scenario-private.h"

/* Draws a worker takes from the counter at a time: enough to make the
 * counter's cost vanish, few enough to share the tail evenly. */
#define BLOCK 16

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
  SmSimulationSummary summary;
};

/* What every worker reads, and the per-draw figures they write. */
typedef struct {
  SmSimulation *sim;
  const SmLottery *lottery;
  gboolean improve;
  gint next_run;                             /* atomic */
  int32_t *first, *super, *placed, *follows; /* n_runs each */
} Run;

typedef struct {
  Run *run;
  SmLotteryWorker *lw;
  uint32_t *counts; /* per outcome */
  uint32_t *cuts;   /* per cutoff class */
  int64_t *ranks;   /* bound_preference + 1 */
  int32_t *cutoff;  /* m */
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

/* Counts the cutoff class of every position: the largest tie class held
 * by a full position (@cutoff holds it per position, -1 when not full). */
static void
record_cutoffs (Worker *w)
{
  const SmSimulation *sim = w->run->sim;
  const SmTiedSolver *solver = w->lw->solver;
  const SmMarket *mk = solver->tm->market;
  for (int32_t j = 0; j < sim->n_positions; j++)
    {
      int32_t c = solver->count[j] < mk->seats[j] ? -1 : w->cutoff[j];
      w->cuts[sim->cut_off[j] + c + 1]++;
    }
}

/* Counts draw @r, whose matching is in the worker's solver: one pass over
 * the employees for their outcomes and the classes held, one over the
 * positions for the cutoffs. */
static void
record_draw (Worker *w, int32_t r)
{
  const SmSimulation *sim = w->run->sim;
  const SmTiedSolver *solver = w->lw->solver;
  const SmTiedEntry *entries = solver->tm->entries;
  int32_t first = 0, by_status[SM_STATUS_MANUAL + 1] = { 0 };
  for (int32_t j = 0; j < sim->n_positions; j++)
    w->cutoff[j] = -1;
  for (int32_t i = 0; i < sim->n_employees; i++)
    {
      int32_t slot = solver->next[i], k = slot + i, j = sim->out_position[k];
      w->counts[k]++;
      w->ranks[sim->out_preference[k]]++;
      first += sim->out_preference[k] == 1;
      by_status[sim->out_status[k]]++;
      if (j >= 0)
        w->cutoff[j] = MAX (w->cutoff[j], (int32_t) entries[slot].tie_class);
    }
  record_cutoffs (w);
  w->run->first[r] = first;
  w->run->super[r] = by_status[SM_STATUS_SUPERNUMERARY];
  w->run->placed[r] = by_status[SM_STATUS_PLACED] + by_status[SM_STATUS_MANUAL];
  w->run->follows[r] = by_status[SM_STATUS_FOLLOWS_WORK];
}

static gpointer
work (gpointer data)
{
  Worker *w = data;
  Run *run = w->run;
  int32_t n_runs = run->sim->n_runs;
  for (;;)
    {
      int32_t r0 = g_atomic_int_add (&run->next_run, BLOCK);
      if (r0 >= n_runs)
        break;
      for (int32_t r = r0; r < MIN (r0 + BLOCK, n_runs); r++)
        {
          sm_lottery__draw (run->lottery, w->lw, draw_seed (run->sim->seed, r),
                            run->improve);
          record_draw (w, r);
        }
    }
  return NULL;
}

static void
worker_clear (Worker *w)
{
  sm_lottery_worker__free (w->lw);
  g_free (w->counts);
  g_free (w->cuts);
  g_free (w->ranks);
  g_free (w->cutoff);
}

static gboolean
worker_init (Worker *w, Run *run)
{
  const SmSimulation *sim = run->sim;
  w->run = run;
  w->lw = sm_lottery_worker__new (run->lottery);
  w->counts = g_try_new0 (uint32_t, sim->out_off[sim->n_employees] + 1);
  w->cuts = g_try_new0 (uint32_t, sim->cut_off[sim->n_positions] + 1);
  w->ranks = g_try_new0 (int64_t, sim->bound_preference + 1);
  w->cutoff = g_try_new (int32_t, sim->n_positions + 1);
  return w->lw && w->counts && w->cuts && w->ranks && w->cutoff;
}

/* Adds the worker's counters to the simulation's. */
static void
merge (SmSimulation *sim, const Worker *w)
{
  for (int32_t k = 0; k < sim->out_off[sim->n_employees]; k++)
    sim->out_count[k] += w->counts[k];
  for (int32_t k = 0; k < sim->cut_off[sim->n_positions]; k++)
    sim->cut_count[k] += w->cuts[k];
  for (int32_t p = 0; p <= sim->bound_preference; p++)
    sim->rank_count[p] += w->ranks[p];
  sim->summary.n_cycles += w->lw->solver->n_cycles;
}

static int32_t
thread_count (const SmSimulationOptions *options)
{
  int32_t t = options->n_threads;
  if (t == 0)
    t = (int32_t) g_get_num_processors ();
  t = MIN (t, (options->n_runs + BLOCK - 1) / BLOCK);
  return CLAMP (t, 1, 1024);
}

/* Runs the draws on @n_threads workers, the calling thread being one. */
static gboolean
run_workers (Run *run, int32_t n_threads, GError **error)
{
  g_autofree Worker *w = g_new0 (Worker, n_threads);
  g_autofree GThread **threads = g_new0 (GThread *, n_threads);
  gboolean ok = TRUE;
  for (int32_t t = 0; t < n_threads; t++)
    ok = worker_init (&w[t], run) && ok;
  if (ok)
    {
      /* A thread that cannot start leaves its share to the others. */
      for (int32_t t = 1; t < n_threads; t++)
        threads[t] = g_thread_try_new ("sm-simulate", work, &w[t], NULL);
      work (&w[0]);
      for (int32_t t = 1; t < n_threads; t++)
        if (threads[t] != NULL)
          g_thread_join (threads[t]);
      for (int32_t t = 0; t < n_threads; t++)
        merge (run->sim, &w[t]);
    }
  else
    g_set_error (error, SM_ERROR, SM_ERROR_NO_MEMORY,
                 "Out of memory while preparing %d simulation workers.",
                 (int) n_threads);
  for (int32_t t = 0; t < n_threads; t++)
    worker_clear (&w[t]);
  return ok;
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
  Run run = { sim,  lottery, options->mechanism == SM_MECHANISM_DA_SIC,
              0,    NULL,    NULL,
              NULL, NULL };
  run.first = g_new (int32_t, sim->n_runs);
  run.super = g_new (int32_t, sim->n_runs);
  run.placed = g_new (int32_t, sim->n_runs);
  run.follows = g_new (int32_t, sim->n_runs);
  gboolean ok = run_workers (&run, thread_count (options), error);
  if (ok)
    summarise (sim, &run);
  g_free (run.first);
  g_free (run.super);
  g_free (run.placed);
  g_free (run.follows);
  return ok;
}

SmSimulation *
sm_scenario_simulate (const SmScenario *scenario,
                      const SmSimulationOptions *options, GError **error)
{
  g_return_val_if_fail (scenario != NULL && options != NULL, NULL);
  g_return_val_if_fail (options->version == SM_SIMULATION_OPTIONS_VERSION,
                        NULL);
  g_return_val_if_fail ((int) options->mechanism >= 0
                            && options->mechanism <= SM_MECHANISM_DA_SIC,
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (!check_options (options, error))
    return NULL;
  g_autoptr (SmSimulation) sim = g_new0 (SmSimulation, 1);
  sim->ref_count = 1;
  sim->scenario = scenario;
  sm_scenario__hold (scenario);
  sim->mechanism = options->mechanism;
  sim->seed = scenario->seed;
  sim->n_runs = options->n_runs;
  sim->n_employees = (int32_t) scenario->employees->len;
  sim->n_positions = (int32_t) scenario->positions->len;
  if (!simulate (sim, options, error))
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
