/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: simulating a scenario's lottery (simulation.h), on
 * the public API only.
 *
 * Hand-worked: two people tied for one seat get it half the time each,
 * within the interval; a market without ties gives probability 1. On the
 * built-in case with a coarse rule (fit only, so the lot
 * decides often): identical figures with 1, 2 and 7 threads, outcome
 * counts that add up to the runs for everyone, one run that is the
 * placement, improvement cycles that never give fewer first choices than
 * deferred acceptance. Every refusal has its code; getters refuse out of
 * range. The last test runs a simulation and independent placements of
 * the same scenario at the same time (for ThreadSanitizer, in CI).
 */
#include "simulation-fixtures.h"
#include "test-util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "boh-case.h"
#include "lottery-gen.h"

/* Every figure of the simulation as text, to compare runs bit for bit. */
static char *
dump (const SmSimulation *sim)
{
  const SmScenario *s = sm_simulation_get_scenario (sim);
  GString *out = g_string_new (NULL);
  for (int32_t i = 0; i < sm_scenario_get_n_employees (s); i++)
    for (int32_t k = 0; k < sm_simulation_get_n_outcomes (sim, i); k++)
      {
        SmSimulatedOutcome o;
        sm_simulation_get_outcome (sim, i, k, &o);
        g_string_append_printf (out, "%d %d %d %" G_GINT64_FORMAT " %a %a\n",
                                (int) i, (int) o.position, (int) o.status,
                                o.n_draws, o.low, o.high);
      }
  for (int32_t j = 0; j < sm_scenario_get_n_positions (s); j++)
    for (int32_t c = -1; c < sm_simulation_get_n_classes (sim, j); c++)
      {
        int64_t n = -1;
        sm_simulation_get_cutoff (sim, j, c, &n);
        g_string_append_printf (out, "cut %d %d %" G_GINT64_FORMAT "\n",
                                (int) j, (int) c, n);
      }
  SmSimulationSummary sum;
  sm_simulation_get_summary (sim, &sum);
  g_string_append_printf (out, "%a %a %a %a %a %a %d %" G_GINT64_FORMAT "\n",
                          sum.first_choices_mean, sum.first_choices_sd,
                          sum.placed_mean, sum.follows_work_mean,
                          sum.supernumerary_mean, sum.supernumerary_sd,
                          (int) sum.n_depending, sum.n_cycles);
  for (int32_t k = 0; k <= sum.n_employees; k++)
    {
      int64_t a = 0, b = 0;
      sm_simulation_get_first_choices_draws (sim, k, &a);
      sm_simulation_get_supernumerary_draws (sim, k, &b);
      if (a != 0 || b != 0)
        g_string_append_printf (out,
                                "k %d %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                                "\n",
                                (int) k, a, b);
    }
  return g_string_free (out, FALSE);
}

static void
test_threads_identical (void)
{
  g_autoptr (SmScenario) s = sm_test_coarse_case ();
  for (int m = 0; m <= SM_MECHANISM_DA_SIC; m++)
    {
      g_autoptr (SmSimulation)
          one = sm_test_simulate (s, 300, (SmMechanism) m, 1);
      g_autoptr (SmSimulation)
          two = sm_test_simulate (s, 300, (SmMechanism) m, 2);
      g_autoptr (SmSimulation)
          seven = sm_test_simulate (s, 300, (SmMechanism) m, 7);
      g_autofree char *a = dump (one), *b = dump (two), *c = dump (seven);
      CU_ASSERT_STRING_EQUAL (a, b);
      CU_ASSERT_STRING_EQUAL (a, c);
    }
}

static void
test_sums (void)
{
  g_autoptr (SmScenario) s = sm_test_coarse_case ();
  g_autoptr (SmSimulation)
      sim = sm_test_simulate (s, 200, SM_MECHANISM_DA_SIC, 2);
  int32_t n = sm_scenario_get_n_employees (s);
  for (int32_t i = 0; i < n; i++)
    {
      int64_t draws = 0;
      double p = 0;
      for (int32_t k = 0; k < sm_simulation_get_n_outcomes (sim, i); k++)
        {
          SmSimulatedOutcome o;
          CU_ASSERT_TRUE (sm_simulation_get_outcome (sim, i, k, &o));
          CU_ASSERT (o.low <= o.probability && o.probability <= o.high);
          draws += o.n_draws;
          p += o.probability;
        }
      CU_ASSERT_EQUAL (draws, 200);
      CU_ASSERT_DOUBLE_EQUAL (p, 1.0, 1e-9);
    }
  for (int32_t j = 0; j < sm_scenario_get_n_positions (s); j++)
    {
      int64_t draws = 0;
      for (int32_t c = -1; c < sm_simulation_get_n_classes (sim, j); c++)
        {
          int64_t d = 0;
          CU_ASSERT_TRUE (sm_simulation_get_cutoff (sim, j, c, &d));
          draws += d;
        }
      CU_ASSERT_EQUAL (draws, 200);
    }
  SmSimulationSummary sum;
  sm_simulation_get_summary (sim, &sum);
  CU_ASSERT_DOUBLE_EQUAL (sum.placed_mean + sum.follows_work_mean
                              + sum.supernumerary_mean,
                          n, 1e-9);
  CU_ASSERT (sum.n_depending > 0); /* the coarse rule leaves ties */
}

/* One run is draw 0, which is the placement with the scenario's seed. */
static void
test_one_run_is_placement (void)
{
  g_autoptr (SmScenario) s = sm_test_coarse_case ();
  for (uint64_t seed = 1; seed <= 6; seed++)
    {
      SmMechanism m = seed % 2 ? SM_MECHANISM_DA_SINGLE
                               : SM_MECHANISM_DA_PER_POSITION;
      sm_scenario_set_seed (s, seed);
      sm_scenario_set_tie_breaking (s, m == SM_MECHANISM_DA_SINGLE
                                           ? SM_TIE_BREAKING_SINGLE
                                           : SM_TIE_BREAKING_PER_POSITION);
      GError *error = NULL;
      g_autoptr (SmPlacement) p = sm_scenario_place (s, &error);
      SM_ASSERT_NO_ERROR (error);
      g_autoptr (SmSimulation) sim = sm_test_simulate (s, 1, m, 1);
      CU_ASSERT_EQUAL (sm_simulation_get_draw_seed (sim, 0), seed);
      for (int32_t i = 0; i < sm_scenario_get_n_employees (s); i++)
        {
          SmEmployeeOutcome placed;
          sm_placement_get_outcome (p, i, &placed);
          int32_t found = 0;
          for (int32_t k = 0; k < sm_simulation_get_n_outcomes (sim, i); k++)
            {
              SmSimulatedOutcome o;
              sm_simulation_get_outcome (sim, i, k, &o);
              if (o.n_draws == 1)
                {
                  found++;
                  CU_ASSERT_EQUAL (o.position, placed.position);
                  CU_ASSERT_EQUAL (o.status, placed.status);
                  CU_ASSERT_EQUAL (o.preference, placed.preference);
                }
            }
          CU_ASSERT_EQUAL (found, 1);
        }
    }
}

/* Improvement cycles make nobody worse off on the same draw, so no draw
 * has fewer first choices, the mean cannot fall, and the supernumeraries
 * stay who they were. */
static void
compare_mechanisms (const SmScenario *s, int32_t runs, int64_t *cycles)
{
  g_autoptr (SmSimulation)
      da = sm_test_simulate (s, runs, SM_MECHANISM_DA_SINGLE, 2);
  g_autoptr (SmSimulation)
      sic = sm_test_simulate (s, runs, SM_MECHANISM_DA_SIC, 2);
  SmSimulationSummary a, b;
  sm_simulation_get_summary (da, &a);
  sm_simulation_get_summary (sic, &b);
  CU_ASSERT (b.first_choices_mean >= a.first_choices_mean);
  CU_ASSERT_EQUAL (a.n_cycles, 0);
  CU_ASSERT_DOUBLE_EQUAL (a.supernumerary_mean, b.supernumerary_mean, 1e-9);
  *cycles += b.n_cycles;
}

static void
test_cycles_help (void)
{
  static const SmLotteryGenOptions options = { 8, 5, TRUE, TRUE, TRUE, 0.3, 2 };
  int64_t cycles = 0;
  g_autoptr (SmScenario) s = sm_test_coarse_case ();
  compare_mechanisms (s, 300, &cycles);
  for (uint32_t seed = 1; seed <= 200; seed++)
    {
      g_autoptr (SmScenario) small = sm_lottery_gen_scenario (seed, &options);
      compare_mechanisms (small, 40, &cycles);
    }
  CU_ASSERT (cycles > 0);
}

/* ---- hand-worked -------------------------------------------------------- */

/* Two people (E0, E1) and one seat P at R; D takes everyone else. With
 * @tied the two have the same service, else E0 has more. */
static SmScenario *
two_for_one (gboolean tied)
{
  return sm_test_two_for_one (tied, NULL, NULL, NULL);
}

static void
test_two_tied (void)
{
  g_autoptr (SmScenario) s = two_for_one (TRUE);
  g_autoptr (SmSimulation)
      sim = sm_test_simulate (s, 2000, SM_MECHANISM_DA_SINGLE, 2);
  for (int32_t i = 0; i < 2; i++)
    {
      SmSimulatedOutcome got, lost;
      CU_ASSERT_EQUAL (sm_simulation_get_n_outcomes (sim, i), 2);
      sm_simulation_get_outcome (sim, i, 0, &got);
      sm_simulation_get_outcome (sim, i, 1, &lost);
      CU_ASSERT_EQUAL (got.position, 0);
      CU_ASSERT_EQUAL (got.status, SM_STATUS_PLACED);
      CU_ASSERT_EQUAL (lost.status, SM_STATUS_SUPERNUMERARY);
      CU_ASSERT (got.low <= 0.5 && 0.5 <= got.high);
      CU_ASSERT (got.high - got.low < 0.05);
      CU_ASSERT_EQUAL (got.n_draws + lost.n_draws, 2000);
    }
  SmSimulationSummary sum;
  sm_simulation_get_summary (sim, &sum);
  CU_ASSERT_DOUBLE_EQUAL (sum.first_choices_mean, 1.0, 0);
  CU_ASSERT_DOUBLE_EQUAL (sum.first_choices_sd, 0.0, 0);
  CU_ASSERT_EQUAL (sum.n_depending, 2);
  int64_t n = 0;
  CU_ASSERT_TRUE (sm_simulation_get_cutoff (sim, 0, 0, &n));
  CU_ASSERT_EQUAL (n, 2000); /* full, closing in the one class */
  CU_ASSERT_EQUAL (sm_simulation_get_n_classes (sim, 0), 1);
}

static void
test_no_ties (void)
{
  g_autoptr (SmScenario) s = two_for_one (FALSE);
  g_autoptr (SmSimulation)
      sim = sm_test_simulate (s, 500, SM_MECHANISM_DA_SIC, 3);
  SmSimulatedOutcome o;
  sm_simulation_get_outcome (sim, 0, 0, &o);
  CU_ASSERT_EQUAL (o.n_draws, 500);
  CU_ASSERT_DOUBLE_EQUAL (o.probability, 1.0, 0);
  CU_ASSERT_DOUBLE_EQUAL (o.high, 1.0, 0);
  CU_ASSERT (o.low > 0.99);
  sm_simulation_get_outcome (sim, 1, 1, &o);
  CU_ASSERT_EQUAL (o.status, SM_STATUS_SUPERNUMERARY);
  CU_ASSERT_EQUAL (o.n_draws, 500);
  SmSimulationSummary sum;
  sm_simulation_get_summary (sim, &sum);
  CU_ASSERT_EQUAL (sum.n_depending, 0);
  CU_ASSERT_EQUAL (sm_simulation_get_n_classes (sim, 0), 2);
}

/* Random small markets: with every mechanism, counts add up. */
static void
test_random_sums (void)
{
  static const SmLotteryGenOptions options = { 6, 4, TRUE, TRUE, TRUE, 0.3, 1 };
  for (uint32_t seed = 1; seed <= 200; seed++)
    {
      g_autoptr (SmScenario) s = sm_lottery_gen_scenario (seed, &options);
      g_autoptr (SmSimulation)
          sim = sm_test_simulate (s, 50, (SmMechanism) (seed % 3),
                                  (int32_t) (seed % 4));
      for (int32_t i = 0; i < sm_scenario_get_n_employees (s); i++)
        {
          int64_t draws = 0;
          SmSimulatedOutcome o;
          for (int32_t k = 0; sm_simulation_get_outcome (sim, i, k, &o); k++)
            draws += o.n_draws;
          CU_ASSERT_EQUAL (draws, 50);
        }
    }
}

/* ---- refusals and ranges ------------------------------------------------ */

static void
test_refusals (void)
{
  g_autoptr (SmScenario) s = two_for_one (TRUE);
  SmSimulationOptions options = SM_SIMULATION_OPTIONS_INIT;
  GError *error = NULL;
  options.n_runs = 0;
  CU_ASSERT_PTR_NULL (sm_scenario_simulate (s, &options, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);
  options.n_runs = 10;
  options.n_threads = -1;
  CU_ASSERT_PTR_NULL (sm_scenario_simulate (s, &options, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);

  g_autoptr (SmScenario) empty = sm_scenario_new ();
  options.n_threads = 1;
  CU_ASSERT_PTR_NULL (sm_scenario_simulate (empty, &options, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INFEASIBLE);

  /* Nobody to place is not an error: every figure is zero. */
  SmOrganisationSpec d = SM_ORGANISATION_SPEC_INIT;
  d.id = d.name = "D";
  d.kind = SM_ORGANISATION_KIND_DEFAULT;
  CU_ASSERT_TRUE (sm_scenario_add_organisation (empty, &d, &error));
  g_autoptr (SmSimulation)
      none = sm_test_simulate (empty, 5, SM_MECHANISM_DA_SIC, 2);
  SmSimulationSummary sum;
  sm_simulation_get_summary (none, &sum);
  CU_ASSERT_EQUAL (sum.n_employees, 0);
  CU_ASSERT_DOUBLE_EQUAL (sum.first_choices_mean, 0.0, 0);
  int64_t draws = 0;
  CU_ASSERT_TRUE (sm_simulation_get_supernumerary_draws (none, 0, &draws));
  CU_ASSERT_EQUAL (draws, 5);

  /* The scenario is held while the simulation lives. */
  g_autoptr (SmSimulation)
      sim = sm_test_simulate (s, 10, SM_MECHANISM_DA_SINGLE, 1);
  SmUnitSpec u = SM_UNIT_SPEC_INIT;
  u.id = u.name = "X";
  u.organisation_id = "D";
  CU_ASSERT_FALSE (sm_scenario_add_unit (s, &u, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_IN_USE);
  g_clear_pointer (&sim, sm_simulation_unref);
  CU_ASSERT_TRUE (sm_scenario_add_unit (s, &u, &error));
  SM_ASSERT_NO_ERROR (error);
}

static void
test_ranges (void)
{
  g_autoptr (SmScenario) s = two_for_one (TRUE);
  g_autoptr (SmSimulation)
      sim = sm_test_simulate (s, 10, SM_MECHANISM_DA_SINGLE, 1);
  SmSimulatedOutcome o = { 0 };
  int64_t n = 42;
  CU_ASSERT_FALSE (sm_simulation_get_outcome (sim, 2, 0, &o));
  CU_ASSERT_FALSE (sm_simulation_get_outcome (sim, -1, 0, &o));
  CU_ASSERT_FALSE (sm_simulation_get_outcome (sim, 0, 2, &o));
  CU_ASSERT_FALSE (sm_simulation_get_outcome (sim, 0, -1, &o));
  CU_ASSERT_EQUAL (o.n_draws, 0);
  CU_ASSERT_EQUAL (sm_simulation_get_n_outcomes (sim, 5), 0);
  CU_ASSERT_EQUAL (sm_simulation_get_n_classes (sim, 1), 0);
  CU_ASSERT_FALSE (sm_simulation_get_cutoff (sim, 0, 1, &n));
  CU_ASSERT_FALSE (sm_simulation_get_cutoff (sim, 0, -2, &n));
  CU_ASSERT_FALSE (sm_simulation_get_cutoff (sim, 1, 0, &n));
  CU_ASSERT_FALSE (sm_simulation_get_rank_count (sim, 0, &n));
  CU_ASSERT_FALSE (sm_simulation_get_rank_count (sim, 2, &n));
  CU_ASSERT_FALSE (sm_simulation_get_first_choices_draws (sim, 3, &n));
  CU_ASSERT_FALSE (sm_simulation_get_supernumerary_draws (sim, -1, &n));
  CU_ASSERT_EQUAL (n, 42);
  CU_ASSERT_TRUE (sm_simulation_get_rank_count (sim, 1, &n));
  CU_ASSERT_EQUAL (n, 10);
  CU_ASSERT_EQUAL (sm_simulation_get_max_preference (sim), 1);
  CU_ASSERT_EQUAL (sm_simulation_get_draw_seed (sim, 10), 0);
  CU_ASSERT_NOT_EQUAL (sm_simulation_get_draw_seed (sim, 1),
                       sm_simulation_get_draw_seed (sim, 2));
  SmMechanism m;
  CU_ASSERT_TRUE (sm_mechanism_from_string ("da-sic", &m));
  CU_ASSERT_EQUAL (m, SM_MECHANISM_DA_SIC);
  CU_ASSERT_STRING_EQUAL (sm_mechanism_to_string (SM_MECHANISM_DA_PER_POSITION),
                          "da-per-position");
  CU_ASSERT_FALSE (sm_mechanism_from_string ("serial", &m));
}

/* ---- at the same time as placements ------------------------------------- */

static gpointer
place_repeatedly (gpointer scenario)
{
  for (int k = 0; k < 5; k++)
    {
      SmPlacement *p = sm_scenario_place (scenario, NULL);
      sm_placement_free (p);
    }
  return NULL;
}

static gpointer
simulate_once (gpointer scenario)
{
  SmSimulationOptions options = SM_SIMULATION_OPTIONS_INIT;
  options.n_runs = 200;
  options.n_threads = 2;
  options.mechanism = SM_MECHANISM_DA_SIC;
  return sm_scenario_simulate (scenario, &options, NULL);
}

static void
test_concurrent (void)
{
  g_autoptr (SmScenario) s = sm_test_coarse_case ();
  g_autoptr (SmSimulation)
      alone = sm_test_simulate (s, 200, SM_MECHANISM_DA_SIC, 1);
  GThread *a = g_thread_new ("place", place_repeatedly, s);
  GThread *b = g_thread_new ("simulate", simulate_once, s);
  GThread *c = g_thread_new ("place", place_repeatedly, s);
  g_thread_join (a);
  g_autoptr (SmSimulation) sim = g_thread_join (b);
  g_thread_join (c);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sim);
  g_autofree char *x = dump (alone), *y = dump (sim);
  CU_ASSERT_STRING_EQUAL (x, y);
}

/* ---- buffers, progress, memory ------------------------------------------ */

/* A generated scenario big enough that a worker buffers fewer draws than
 * it takes at a time (over about a thousand employees and positions). */
static SmScenario *
large_scenario (void)
{
  static const SmLotteryGenOptions options = { 3000, 16,  TRUE, TRUE,
                                               TRUE, 0.3, 2 };
  for (uint32_t seed = 1;; seed++)
    {
      SmScenario *s = sm_lottery_gen_scenario (seed, &options);
      if (sm_scenario_get_n_employees (s) + sm_scenario_get_n_positions (s)
          > 1500)
        return s;
      sm_scenario_unref (s);
    }
}

static void
test_large_threads_identical (void)
{
  g_autoptr (SmScenario) s = large_scenario ();
  for (int m = 0; m <= SM_MECHANISM_DA_SIC; m++)
    {
      g_autoptr (SmSimulation)
          one = sm_test_simulate (s, 45, (SmMechanism) m, 1);
      g_autoptr (SmSimulation)
          two = sm_test_simulate (s, 45, (SmMechanism) m, 2);
      g_autoptr (SmSimulation)
          seven = sm_test_simulate (s, 45, (SmMechanism) m, 7);
      g_autofree char *a = dump (one), *b = dump (two), *c = dump (seven);
      CU_ASSERT_STRING_EQUAL (a, b);
      CU_ASSERT_STRING_EQUAL (a, c);
      for (int32_t i = 0; i < sm_scenario_get_n_employees (s); i++)
        {
          int64_t draws = 0;
          SmSimulatedOutcome o;
          for (int32_t k = 0; sm_simulation_get_outcome (two, i, k, &o); k++)
            draws += o.n_draws;
          CU_ASSERT_EQUAL (draws, 45);
        }
    }
}

typedef struct {
  GThread *caller;
  int32_t calls, last, total;
  gboolean other_thread, backwards;
} Progress;

static void
note_progress (int32_t done, int32_t total, gpointer data)
{
  Progress *p = data;
  p->calls++;
  p->other_thread |= g_thread_self () != p->caller;
  p->backwards |= done < p->last || done > total;
  p->last = done;
  p->total = total;
}

static void
test_progress (void)
{
  g_autoptr (SmScenario) s = sm_test_coarse_case ();
  Progress p = { g_thread_self (), 0, 0, 0, FALSE, FALSE };
  SmSimulationOptions options = SM_SIMULATION_OPTIONS_INIT;
  CU_ASSERT_EQUAL (options.version, 2);
  CU_ASSERT_PTR_NULL (options.progress);
  options.n_runs = 3000;
  options.n_threads = 7;
  options.progress = note_progress;
  options.progress_data = &p;
  g_autoptr (SmSimulation) sim = sm_scenario_simulate (s, &options, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sim);
  CU_ASSERT (p.calls >= 1 && p.calls <= 257);
  CU_ASSERT_FALSE (p.other_thread);
  CU_ASSERT_FALSE (p.backwards);
  CU_ASSERT_EQUAL (p.last, 3000);
  CU_ASSERT_EQUAL (p.total, 3000);
  /* A version-1 caller's struct ends before the progress fields, which
   * are not read. */
  Progress q = { g_thread_self (), 0, 0, 0, FALSE, FALSE };
  options.version = 1;
  options.progress_data = &q;
  g_autoptr (SmSimulation) old = sm_scenario_simulate (s, &options, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (old);
  CU_ASSERT_EQUAL (q.calls, 0);
  g_autofree char *a = dump (sim), *b = dump (old);
  CU_ASSERT_STRING_EQUAL (a, b);
}

static void
test_worker_bytes (void)
{
  g_autoptr (SmScenario) s = sm_test_coarse_case ();
  g_autoptr (SmScenario) big = large_scenario ();
  g_autoptr (SmSimulation)
      one = sm_test_simulate (s, 100, SM_MECHANISM_DA_SINGLE, 1);
  g_autoptr (SmSimulation)
      two = sm_test_simulate (s, 100, SM_MECHANISM_DA_SINGLE, 7);
  g_autoptr (SmSimulation)
      large = sm_test_simulate (big, 20, SM_MECHANISM_DA_SINGLE, 2);
  int64_t a = sm_simulation_get_worker_bytes (one);
  int64_t n = sm_scenario_get_n_employees (s) + sm_scenario_get_n_positions (s);
  int64_t nb = sm_scenario_get_n_employees (big)
               + sm_scenario_get_n_positions (big);
  CU_ASSERT (a > 4 * n);
  CU_ASSERT_EQUAL (a, sm_simulation_get_worker_bytes (two));
  /* The buffer holds at most 16 draws of n + m numbers, and for a large
   * market fewer: a worker never takes 64 bytes per employee and
   * position beyond its solver. */
  CU_ASSERT (a < 200 * n);
  CU_ASSERT (sm_simulation_get_worker_bytes (large) < 200 * nb);
  /* Only improvement cycles need memory per list entry. */
  g_autoptr (SmSimulation)
      sic = sm_test_simulate (s, 100, SM_MECHANISM_DA_SIC, 2);
  CU_ASSERT (a < sm_simulation_get_worker_bytes (sic));
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "1, 2 and 7 threads give the same figures", test_threads_identical },
    { "outcomes and cutoffs add up", test_sums },
    { "one run is the placement", test_one_run_is_placement },
    { "improvement cycles never lose first choices", test_cycles_help },
    { "two tied for one seat: half each", test_two_tied },
    { "no ties: probability 1", test_no_ties },
    { "random markets add up", test_random_sums },
    { "refusals", test_refusals },
    { "getters out of range", test_ranges },
    { "simulation beside placements", test_concurrent },
    { "a large market: same figures with 1, 2, 7 threads",
      test_large_threads_identical },
    { "progress: on the calling thread, up to the total", test_progress },
    { "memory per worker", test_worker_bytes },
    { NULL, NULL },
  };
  return sm_test_run_suite ("simulation", cases);
}
