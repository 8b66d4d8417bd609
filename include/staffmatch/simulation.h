/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: simulating a scenario's lottery.
 *
 * Where the priority rules leave candidates tied, the lot decides, and one
 * placement shows one draw. sm_scenario_simulate() runs many seeded draws
 * of the same scenario under a mechanism and counts, for each employee,
 * how often each outcome came up (with a 95% interval), for each position
 * the priority class at which it closed, and for the whole the number of
 * first choices and of supernumeraries per draw.
 *
 * Mechanisms: employee-proposing deferred acceptance with single
 * tie-breaking (one lottery number per employee, the default of
 * placements) or with multiple tie-breaking (one number per employee and
 * position), both strategy-proof for employees; or single tie-breaking
 * followed by stable improvement cycles (Erdil and Ergin 2008), which
 * moves employees along cycles in which each prefers the next one's
 * position and is among its highest-priority claimants, until none is
 * left. The result stays stable with respect to the rules (ties as ties),
 * everyone is at least as well off as after deferred acceptance on the
 * same draw, and no stable matching is better for some and worse for
 * none; but it is NOT strategy-proof: an employee may gain by misstating
 * their preferences, so a works council should be told before it is
 * used. Headcount caps, manual placements and the reflection principle
 * are respected by every mechanism: cycles never change how many people a
 * position holds, and never pass through the default organisation.
 *
 * Draws: draw 0 uses the scenario's seed, draw r > 0 the seed
 * sm_simulation_get_draw_seed() gives, so any draw can be replayed as an
 * ordinary placement (set that seed and the mechanism's tie-breaking on
 * the scenario and place it: the matching is the same, employee for
 * employee). The same scenario, seed and options give the same counts,
 * bit for bit, whatever the number of threads.
 *
 * Threads: the draws run on a pool of worker threads, each with its own
 * working memory, allocated once by the worker itself
 * (sm_simulation_get_worker_bytes() gives its size): the draw's state,
 * O(n + m) (improvement cycles add two numbers per list entry), and a
 * buffer of the outcomes of a few draws, also O(n + m),
 * which the worker adds to the one shared table of counts, O(n + L) (L
 * the entries of all preference lists), under a lock. The scenario is only
 * read: it may be simulated and placed by several threads at once as long as
 * nobody changes it, and while a simulation lives it holds the scenario as a
 * placement does (its items are frozen). A finished SmSimulation is read-only:
 * its getters may be called from any thread, and references taken and dropped
 * from any thread.
 */
#pragma once

#include <stdint.h>
#include <glib.h>
#include <staffmatch/export.h>
#include <staffmatch/placement.h>
#include <staffmatch/scenario.h>

G_BEGIN_DECLS

/**
 * SmMechanism:
 * @SM_MECHANISM_DA_SINGLE: deferred acceptance, single tie-breaking
 *   ("da-single")
 * @SM_MECHANISM_DA_PER_POSITION: deferred acceptance, multiple
 *   tie-breaking, one lottery per position ("da-per-position")
 * @SM_MECHANISM_DA_SIC: deferred acceptance with single tie-breaking, then
 *   stable improvement cycles ("da-sic"); not strategy-proof
 */
typedef enum {
  SM_MECHANISM_DA_SINGLE,
  SM_MECHANISM_DA_PER_POSITION,
  SM_MECHANISM_DA_SIC,
} SmMechanism;

/**
 * sm_mechanism_to_string:
 *
 * Returns: (transfer none): the value's stable name in files, reports and
 *   the tool ("da-single", "da-per-position", "da-sic"), a static string;
 *   NULL (with a critical) for a value outside SmMechanism.
 */
SM_API const char *sm_mechanism_to_string (SmMechanism value);
/**
 * sm_mechanism_from_string:
 * @value_out: (out) (optional): gets the value
 *
 * Reads a name of sm_mechanism_to_string() back into @value_out (which
 * may be NULL); FALSE, leaving it untouched, for an unknown name.
 */
SM_API gboolean sm_mechanism_from_string (const char *text,
                                          SmMechanism *value_out);

/**
 * SmSimulationProgress:
 * @done: draws finished so far, 0 to @total
 * @total: the draws asked for (n_runs)
 * @user_data: the options' progress_data
 *
 * Told how far a simulation has got. sm_scenario_simulate() calls it only
 * on the thread that called sm_scenario_simulate() (never on a worker
 * thread), about every 1/256 of the draws and once at the end with @done
 * equal to @total, so a program may print from it without locking. It
 * must not touch the scenario being simulated; it has no effect on the
 * results.
 */
typedef void (*SmSimulationProgress) (int32_t done, int32_t total,
                                      gpointer user_data);

/**
 * SmSimulationOptions:
 * @version: SM_SIMULATION_OPTIONS_VERSION, set by the _INIT macro
 * @n_runs: the number of draws, 1 or more
 * @mechanism: how each draw places everyone
 * @n_threads: worker threads; 0 means one per processor
 * @progress: (nullable) (skip): called now and then with the draws done,
 *   on the calling thread (version 2); NULL for none
 * @progress_data: (nullable) (skip): passed to @progress (version 2)
 *
 * Start from SM_SIMULATION_OPTIONS_INIT (1000 draws, SM_MECHANISM_DA_SINGLE,
 * one thread per processor, no progress). Version 1 ended at @n_threads;
 * a program built against it keeps working (without progress).
 */
typedef struct {
  int32_t version;
  int32_t n_runs;
  SmMechanism mechanism;
  int32_t n_threads;
  SmSimulationProgress progress;
  gpointer progress_data;
} SmSimulationOptions;

#define SM_SIMULATION_OPTIONS_VERSION 2
/* clang-format off */
#define SM_SIMULATION_OPTIONS_INIT \
  { SM_SIMULATION_OPTIONS_VERSION, 1000, SM_MECHANISM_DA_SINGLE, 0, NULL, \
    NULL }
/* clang-format on */

typedef struct _SmSimulation SmSimulation;

/**
 * sm_scenario_simulate:
 * @scenario: the scenario; only read
 * @options: the options, started from SM_SIMULATION_OPTIONS_INIT
 * @error: return location for a GError
 *
 * Compiles the scenario once and runs @options->n_runs draws of its
 * lottery under @options->mechanism. Cost: one compile, then per draw
 * about what deferred acceptance costs on the market (no compiling or
 * sorting), plus the improvement cycles for SM_MECHANISM_DA_SIC.
 *
 * Errors: SM_ERROR_INVALID_VALUE when n_runs is below 1 or n_threads
 * below 0; the errors of sm_scenario_place() (SM_ERROR_INFEASIBLE and
 * the market builder's); SM_ERROR_NO_MEMORY.
 *
 * Returns: (transfer full): the simulation, free with
 *   sm_simulation_unref(); NULL with @error set on failure
 */
SM_API SmSimulation *sm_scenario_simulate (const SmScenario *scenario,
                                           const SmSimulationOptions *options,
                                           GError **error);

/**
 * sm_simulation_ref: (skip)
 * @simulation: a simulation
 *
 * Takes a reference. Bindings take and drop references through the boxed
 * type (types.h).
 *
 * Returns: (transfer full): @simulation, with one more reference; drop it
 *   with sm_simulation_unref()
 */
SM_API SmSimulation *sm_simulation_ref (SmSimulation *simulation);

/**
 * sm_simulation_unref: (skip)
 * @simulation: (nullable): a simulation
 *
 * Drops a reference; the last frees the simulation and releases its
 * scenario. NULL is allowed. Bindings take and drop references through
 * the boxed type (types.h).
 */
SM_API void sm_simulation_unref (SmSimulation *simulation);

/**
 * sm_simulation_get_scenario:
 * @simulation: a simulation
 *
 * Returns: (transfer none): the scenario simulated, held as long as the
 *   simulation lives
 */
SM_API const SmScenario *
sm_simulation_get_scenario (const SmSimulation *simulation);

/**
 * sm_simulation_get_n_runs:
 * @simulation: a simulation
 *
 * Returns: the number of draws made.
 */
SM_API int32_t sm_simulation_get_n_runs (const SmSimulation *simulation);
/**
 * sm_simulation_get_mechanism:
 * @simulation: a simulation
 *
 * Returns: the mechanism the draws used.
 */
SM_API SmMechanism sm_simulation_get_mechanism (const SmSimulation *simulation);
/**
 * sm_simulation_get_seed:
 * @simulation: a simulation
 *
 * Returns: the scenario's seed when simulated, which is the seed of draw 0.
 */
SM_API uint64_t sm_simulation_get_seed (const SmSimulation *simulation);

/**
 * sm_simulation_get_draw_seed:
 * @simulation: a simulation
 * @run: a draw, 0 to n_runs - 1
 *
 * The seed of draw @run: the scenario's seed for draw 0, else the
 * splitmix64 finaliser of (the finaliser of the seed) XOR @run. Placing
 * the scenario with this seed and the mechanism's tie-breaking gives the
 * draw's deferred-acceptance matching. Returns 0 when @run is out of
 * range.
 */
SM_API uint64_t sm_simulation_get_draw_seed (const SmSimulation *simulation,
                                             int32_t run);

/**
 * SmSimulatedOutcome:
 * @position: the position, or -1 for supernumerary
 * @status: placed, follows-work, manual or supernumerary, as a placement
 *   would say
 * @preference: the preference the employee gave the position, 0 when
 *   they did not apply to it
 * @n_draws: in how many draws the employee had this outcome
 * @probability: @n_draws / n_runs
 * @low: the lower end of the 95% interval for the probability (Wilson's
 *   score interval)
 * @high: its upper end
 */
typedef struct {
  int32_t position;
  SmStatus status;
  int32_t preference;
  int64_t n_draws;
  double probability;
  double low;
  double high;
} SmSimulatedOutcome;

/**
 * sm_simulation_get_n_outcomes:
 * @simulation: a simulation
 * @employee: an employee index of the scenario
 *
 * Returns: the number of outcomes the employee can have: each position of
 * their market list (their eligible applications best first, then the
 * position of their own function at the default organisation, or their
 * manual placement alone), then supernumerary; 0 when @employee is out of
 * range. Their probabilities add up to 1.
 */
SM_API int32_t sm_simulation_get_n_outcomes (const SmSimulation *simulation,
                                             int32_t employee);

/**
 * sm_simulation_get_outcome:
 * @simulation: a simulation
 * @employee: an employee index of the scenario
 * @index: 0 to sm_simulation_get_n_outcomes() - 1
 * @outcome_out: (out caller-allocates): filled with the outcome and its
 * frequency
 *
 * Returns: FALSE, leaving @outcome_out untouched, when @employee or
 *   @index is out of range
 */
SM_API gboolean sm_simulation_get_outcome (const SmSimulation *simulation,
                                           int32_t employee, int32_t index,
                                           SmSimulatedOutcome *outcome_out);

/**
 * sm_simulation_get_n_classes:
 * @simulation: a simulation
 * @position: a position index of the scenario
 *
 * Returns: the number of priority classes among the position's
 * candidates (candidates in one class are tied by the rule; class 0 comes
 * first; each manual placement is a class of its own), 0 when @position
 * is out of range.
 */
SM_API int32_t sm_simulation_get_n_classes (const SmSimulation *simulation,
                                            int32_t position);

/**
 * sm_simulation_get_cutoff:
 * @simulation: a simulation
 * @position: a position index of the scenario
 * @tie_class: a class, 0 to sm_simulation_get_n_classes() - 1, or -1 for
 *   "not full"
 * @draws_out: (out): in how many draws the position was full with its
 *   last-ranked holder in @tie_class (for -1: had a free seat)
 *
 * The distribution of the position's cutoff: candidates of a class before
 * the cutoff's always got in (if they wanted it), of the cutoff's class
 * only by the lot. Under the reflection principle a position of the
 * default organisation is counted by the rule's classes of its holders.
 *
 * Returns: FALSE, leaving @draws_out untouched, when out of range
 */
SM_API gboolean sm_simulation_get_cutoff (const SmSimulation *simulation,
                                          int32_t position, int32_t tie_class,
                                          int64_t *draws_out);

/**
 * SmSimulationSummary:
 * @n_runs: draws
 * @n_employees: employees in each draw
 * @first_choices_mean: employees placed at their first preference
 *   (preference 1), mean per draw
 * @first_choices_sd: its standard deviation over the draws
 * @placed_mean: employees placed at a receiving organisation (applied or
 *   manual), mean per draw
 * @follows_work_mean: employees following their work, mean per draw
 * @supernumerary_mean: supernumerary employees, mean per draw
 * @supernumerary_sd: its standard deviation over the draws
 * @n_depending: employees whose outcome was not the same in every draw
 * @n_cycles: stable improvement cycles carried out, over all draws (0
 *   for deferred acceptance alone)
 */
typedef struct {
  int32_t n_runs;
  int32_t n_employees;
  double first_choices_mean;
  double first_choices_sd;
  double placed_mean;
  double follows_work_mean;
  double supernumerary_mean;
  double supernumerary_sd;
  int32_t n_depending;
  int64_t n_cycles;
} SmSimulationSummary;

/**
 * sm_simulation_get_summary:
 * @simulation: a simulation
 * @summary_out: (out caller-allocates): filled in
 *
 * Fills @summary_out (not NULL) with the figures of the whole simulation.
 */
SM_API void sm_simulation_get_summary (const SmSimulation *simulation,
                                       SmSimulationSummary *summary_out);

/**
 * sm_simulation_get_max_preference:
 * @simulation: a simulation
 *
 * Returns: the highest preference number anybody obtained in some draw
 *   (0 when nobody was placed by an application), the bound of
 *   sm_simulation_get_rank_count().
 */
SM_API int32_t
sm_simulation_get_max_preference (const SmSimulation *simulation);

/**
 * sm_simulation_get_rank_count:
 * @simulation: a simulation
 * @preference: 1 to sm_simulation_get_max_preference()
 * @count_out: (out): employees placed at a position they gave this preference,
 *   summed over the draws (divide by n_runs for the mean per draw)
 *
 * Returns: FALSE, leaving @count_out untouched, when out of range
 */
SM_API gboolean sm_simulation_get_rank_count (const SmSimulation *simulation,
                                              int32_t preference,
                                              int64_t *count_out);

/**
 * sm_simulation_get_first_choices_draws:
 * @simulation: a simulation
 * @k: 0 to the number of employees
 * @draws_out: (out): in how many draws exactly @k employees got their
 *   first preference
 *
 * Returns: FALSE, leaving @draws_out untouched, when @k is out of range
 */
SM_API gboolean sm_simulation_get_first_choices_draws (
    const SmSimulation *simulation, int32_t k, int64_t *draws_out);

/**
 * sm_simulation_get_supernumerary_draws:
 * @simulation: a simulation
 * @k: 0 to the number of employees
 * @draws_out: (out): in how many draws exactly @k employees were
 *   supernumerary
 *
 * Returns: FALSE, leaving @draws_out untouched, when @k is out of range
 */
SM_API gboolean sm_simulation_get_supernumerary_draws (
    const SmSimulation *simulation, int32_t k, int64_t *draws_out);

/**
 * sm_simulation_get_worker_bytes:
 * @simulation: a simulation
 *
 * Returns: the bytes of working memory each worker thread allocated,
 *   once, for its draws (the solver's state and its buffer of outcomes);
 *   the same for every worker and every thread count. The shared table
 *   of counts and the per-draw figures (16 bytes a draw) are not
 *   included.
 */
SM_API int64_t sm_simulation_get_worker_bytes (const SmSimulation *simulation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmSimulation, sm_simulation_unref)

G_END_DECLS
