/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: a scenario's lottery, compiled once and drawn many times,
 * for the simulation (simulation.c). Not installed.
 *
 * sm_lottery__new() compiles the scenario once (compile.c) and keeps each
 * position's priority order as the rule's tie classes, with the lottery
 * as a separate number per list entry (tied-market-private.h). A draw with
 * seed s then gives exactly what sm_scenario_place() gives on the
 * scenario with seed s and the lottery's tie-breaking: the same deferred
 * acceptance under the same caps and manual placements, and, when the
 * scenario uses the reflection principle, the same second stage. An
 * SmLottery is read-only once made and may be shared by threads; each
 * thread draws with its own SmLotteryWorker.
 */
#pragma once

#include <staffmatch/scenario.h>

#include "scenario/reflection-private.h"
#include "scenario/tied-market-private.h"

typedef struct {
  SmTiedMarket *tm;
  SmTieBreaking tie_breaking;
  SmReduction reduction;
  SmDate reference_date;
  int32_t age_band_years;
  int32_t n_reflect;
  int32_t *reflect;             /* the default organisation's positions that
                                   rank more candidates than they have places */
  int32_t *places;              /* m: seats less manual placements */
  SmReflectionCandidate *facts; /* n: dates (the lot is set per draw) */
  uint8_t *manual;              /* n: whether the employee is placed by hand */
  int32_t max_candidates;       /* the longest priority order */
} SmLottery;

/* Compiles @scenario with @tie_breaking (which may differ from the
 * scenario's own). Errors: those of placing the scenario
 * (SM_ERROR_INFEASIBLE when there is no default organisation or caps
 * cannot hold the manual placements, the market builder's errors).
 * (transfer full): free with sm_lottery__free(). */
SmLottery *sm_lottery__new (const SmScenario *scenario,
                            SmTieBreaking tie_breaking, GError **error);
void sm_lottery__free (SmLottery *lottery);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmLottery, sm_lottery__free)

/* One thread's memory for drawing. */
typedef struct {
  SmTiedSolver *solver;
  int32_t *contenders;         /* max_candidates */
  SmReflectionCandidate *cand; /* max_candidates */
  gboolean *keep;              /* max_candidates */
  gboolean boosted;            /* the last draw boosted some position */
} SmLotteryWorker;

/* NULL when memory runs out. */
SmLotteryWorker *sm_lottery_worker__new (const SmLottery *lottery);
/* The same, for draws with @improve as given to sm_lottery__draw(): without
 * it, the improvement cycles' memory (O(entries)) is left out, and the
 * worker holds O(n + m). */
SmLotteryWorker *sm_lottery_worker__new_for (const SmLottery *lottery,
                                             gboolean improve);
void sm_lottery_worker__free (SmLotteryWorker *worker);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmLotteryWorker, sm_lottery_worker__free)

/* Draws the lottery with @seed and places everyone as sm_scenario_place()
 * would with that seed; then, if @improve, carries out stable improvement
 * cycles (improvement-cycles.c). The matching is in worker->solver->next
 * (slots of the market's employee lists; the end of a list is the
 * default). */
void sm_lottery__draw (const SmLottery *lottery, SmLotteryWorker *worker,
                       uint64_t seed, gboolean improve);

/* The position at which the draw placed @employee, or SM_DEFAULT. */
int32_t sm_lottery__position_of (const SmLottery *lottery,
                                 const SmLotteryWorker *worker,
                                 int32_t employee);
