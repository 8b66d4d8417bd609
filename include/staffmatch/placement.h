/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the placement, a scenario's allocation mapped back to people.
 *
 * sm_scenario_place() compiles the scenario into a market, solves it with
 * employee-proposing deferred acceptance (flexible under headcount caps)
 * and maps the matching back: every employee appears exactly once, at a
 * position of a receiving organisation they applied to, at the position of
 * their own function at the default organisation ("mens volgt werk"), at a
 * position fixed by a manual placement, or supernumerary ("boventallig")
 * in the default organisation's unit of their current work.
 *
 * How the market is compiled:
 *   - market positions are the scenario's positions, in the same order;
 *   - an employee's list is their applications in preference order
 *     (dropping positions whose rule finds them ineligible), then the
 *     default organisation's position with their own function code (the
 *     one in their own unit if there are several, else the first; listed
 *     whatever that position's eligibility filters say, since the person
 *     follows their work), then the default itself, which never refuses
 *     anyone;
 *   - a position ranks its candidates by its priority rule, ties by the
 *     scenario's lottery;
 *   - an employee with a manual placement lists only that position and
 *     comes first in its order, inside its target seats, so nothing can
 *     displace them and everyone else is placed around them;
 *   - a receiving organisation with a headcount maximum becomes a capped
 *     group of its positions, in the order they were added.
 *
 * Ranking compares service start and birth dates to the day (not whole
 * years of service or age); a missing date, score or distance comes
 * last whichever way the criterion points. The scenario's reference date
 * (1 January 2019 unless set) does not change any ranking: it only puts
 * people in the reflection principle's age bands and states ages and
 * service in letters.
 *
 * With the reflection principle (sm_scenario_set_reduction()) each
 * position of the default organisation is chosen for on its own: its
 * contenders are the people it ranks (those whose own function it is, by
 * the rule above) who were not placed elsewhere, manual placements aside;
 * its places are its seats less its manual placements. When a function
 * has positions in several units, each of them reduces separately, over
 * the people it ranks, not over the function as a whole. Who keeps a
 * place: age bands of the band width from age 15 (age in whole years on
 * the reference date; younger people and unknown birth dates in the first
 * band), the reduction divided over the bands in proportion to their
 * sizes by largest remainders (a tie to the larger band, then the
 * younger), and within a band the latest service start goes first, then
 * the latest birth date, then the higher lottery number (the scenario's
 * draw, as for ties in the rules); a missing date counts as the shortest
 * service or the youngest age. Explanations (explain.h) say when that, a manual
 * placement or a headcount cap decided.
 *
 * With improvement cycles (sm_scenario_set_improvement_cycles()), the
 * matching deferred acceptance found on the draw is improved by stable
 * improvement cycles (Erdil and Ergin 2008): repeatedly, a cycle of
 * employees each of whom prefers the next one's position and has there
 * the highest priority class under the rule (ties as ties, the lot left
 * aside) among all who prefer it moves along the cycle. Nobody gets a
 * worse outcome, every position keeps the number of people it holds (so
 * seats and headcount caps hold as before), manual placements never move
 * (they list one position), and the default organisation's positions are
 * never part of a cycle (they come last in every list, so nobody placed
 * at a receiving organisation prefers one), which keeps the reflection
 * principle's choice as it was. The result is stable with respect to the
 * rules, but not with respect to the lot: a tied candidate with a better
 * lottery number may be refused a position that a cycle gave to another.
 * The market (sm_placement_get_market()) stays the one deferred
 * acceptance used; sm_placement_get_matching() is the improved matching.
 * Improvement cycles are not strategy-proof: an employee may gain by
 * misstating their preferences. They need employees proposing
 * (SM_ERROR_INFEASIBLE otherwise).
 */
#pragma once

#include <stdint.h>
#include <glib.h>
#include <staffmatch/export.h>
#include <staffmatch/check.h>
#include <staffmatch/market.h>
#include <staffmatch/matching.h>
#include <staffmatch/scenario.h>

G_BEGIN_DECLS

typedef struct _SmPlacement SmPlacement;

/**
 * SmStatus:
 * @SM_STATUS_PLACED: placed at a receiving organisation's position they
 *   applied to
 * @SM_STATUS_FOLLOWS_WORK: placed at the default organisation's position
 *   of their own function ("mens volgt werk")
 * @SM_STATUS_SUPERNUMERARY: employed by the default organisation in the
 *   unit of their current work without a position ("boventallig")
 * @SM_STATUS_MANUAL: placed by a manual decision (hardship clause)
 */
typedef enum {
  SM_STATUS_PLACED,
  SM_STATUS_FOLLOWS_WORK,
  SM_STATUS_SUPERNUMERARY,
  SM_STATUS_MANUAL,
} SmStatus;

/**
 * SmEmployeeOutcome:
 *
 * One employee's place (indices into the scenario).
 */
typedef struct {
  SmStatus status;
  int32_t organisation;
  int32_t unit;
  int32_t position;   /* -1 when supernumerary */
  int32_t preference; /* the preference obtained (1 = first), 0 if none */
} SmEmployeeOutcome;

/**
 * sm_scenario_place:
 * @scenario: the scenario (not changed; the placement takes a reference
 *   to it, and its items stay frozen until the placement is freed)
 * @error: return location for an error
 *
 * Errors: SM_ERROR_INFEASIBLE (no default organisation; target seats of an
 * organisation above its headcount maximum), SM_ERROR_NO_MEMORY, and the
 * market's size errors.
 *
 * Returns: (transfer full): the placement, or NULL on error; free it
 *   with sm_placement_free().
 */
SM_API SmPlacement *sm_scenario_place (const SmScenario *scenario,
                                       GError **error);

/**
 * SmPlaceOptions:
 * @version: SM_PLACE_OPTIONS_VERSION; set by SM_PLACE_OPTIONS_INIT
 * @proposing: which side proposes: SM_SIDE_EMPLOYEES (the default: the
 *   employee-optimal stable placement, and nobody gains by misreporting)
 *   or SM_SIDE_POSITIONS (the position-optimal one, for comparison; not
 *   under a binding headcount cap, not with the reflection principle, and
 *   not with improvement cycles)
 */
typedef struct {
  unsigned int version;
  SmSide proposing;
} SmPlaceOptions;

/* The options' layout a program was compiled with. Options structs only
 * grow, at their end, and each growth raises the version; a function
 * refuses (with a critical) a version it does not know, such as 0 from a
 * struct started with { 0 }. Start every options struct from its _INIT. */
#define SM_PLACE_OPTIONS_VERSION 1u
/* clang-format off */
#define SM_PLACE_OPTIONS_INIT { SM_PLACE_OPTIONS_VERSION, SM_SIDE_EMPLOYEES }
/* clang-format on */

/**
 * sm_scenario_place_with:
 * @scenario: as for sm_scenario_place()
 * @options: the options (not NULL; start from SM_PLACE_OPTIONS_INIT:
 *   another version is refused with a critical, and NULL returned)
 * @error: return location for an error
 *
 * As sm_scenario_place(), with options. Errors also SM_ERROR_INFEASIBLE
 * for positions proposing under a binding cap, with the reflection
 * principle or with improvement cycles.
 *
 * Returns: (transfer full): the placement, or NULL on error; free it with
 *   sm_placement_free().
 */
SM_API SmPlacement *sm_scenario_place_with (const SmScenario *scenario,
                                            const SmPlaceOptions *options,
                                            GError **error);

/**
 * sm_placement_free: (skip)
 *
 * Frees a placement and drops its reference to the scenario, which it kept
 * alive and unchanged (scenario.h); NULL is allowed.
 * Bindings free it through its boxed type (types.h).
 */
SM_API void sm_placement_free (SmPlacement *placement);

/* The placement's parts, borrowed: each is valid as long as the placement
 * lives (take a reference with sm_scenario_ref() or sm_market_ref() to
 * keep one longer). */

/**
 * sm_placement_get_scenario:
 *
 * (transfer none): the scenario placed.
 */
SM_API const SmScenario *
sm_placement_get_scenario (const SmPlacement *placement);
/**
 * sm_placement_get_market:
 *
 * (transfer none): the compiled market.
 */
SM_API const SmMarket *sm_placement_get_market (const SmPlacement *placement);
/**
 * sm_placement_get_matching:
 *
 * (transfer none): the market's matching.
 */
SM_API const SmMatching *
sm_placement_get_matching (const SmPlacement *placement);

/**
 * sm_placement_get_outcome:
 * @outcome_out: (out caller-allocates) (optional): filled in
 *
 * Fills @outcome_out (which may be NULL) with the employee's outcome.
 *
 * Returns: TRUE, or FALSE when @employee is not an employee of the scenario
 * (then @outcome_out is left untouched).
 */
SM_API gboolean sm_placement_get_outcome (const SmPlacement *placement,
                                          int32_t employee,
                                          SmEmployeeOutcome *outcome_out);

/* The run's settings as they were when the placement was made. The
 * scenario's settings may change while a placement lives (scenario.h);
 * everything that explains or reports a placement (letters, reports,
 * placement files) states these. */

/**
 * sm_placement_get_seed:
 *
 * The lottery seed the placement was drawn with.
 */
SM_API uint64_t sm_placement_get_seed (const SmPlacement *placement);
/**
 * sm_placement_get_tie_breaking:
 *
 * The tie-breaking it used.
 */
SM_API SmTieBreaking
sm_placement_get_tie_breaking (const SmPlacement *placement);
/**
 * sm_placement_get_improvement_cycles:
 * @placement: the placement
 *
 * Whether stable improvement cycles followed the lot
 * (sm_scenario_set_improvement_cycles()). With the tie-breaking this is
 * the mechanism: employee-proposing deferred acceptance with single or
 * per-position tie-breaking, alone or followed by the cycles.
 *
 * Returns: TRUE when the cycles ran.
 */
SM_API gboolean
sm_placement_get_improvement_cycles (const SmPlacement *placement);
/**
 * sm_placement_get_n_improved:
 * @placement: the placement
 *
 * Returns: how many people the improvement cycles moved to a position
 *   they prefer to the one deferred acceptance gave them on the same draw
 *   (0 without cycles).
 */
SM_API int32_t sm_placement_get_n_improved (const SmPlacement *placement);
/**
 * sm_placement_get_reference_date:
 *
 * The date its ages and years of service were counted on.
 */
SM_API SmDate sm_placement_get_reference_date (const SmPlacement *placement);
/**
 * sm_placement_get_reduction:
 * @reduction_out: (out) (optional): gets the value
 * @age_band_years_out: (out) (optional): gets the value
 *
 * How its supernumeraries were chosen and the width of the reflection
 * principle's age bands; either output may be NULL.
 */
SM_API void sm_placement_get_reduction (const SmPlacement *placement,
                                        SmReduction *reduction_out,
                                        int32_t *age_band_years_out);

/**
 * sm_placement_get_n_placed_at:
 *
 * People placed at the position.
 */
SM_API int32_t sm_placement_get_n_placed_at (const SmPlacement *placement,
                                             int32_t position);
/**
 * sm_placement_get_headcount:
 *
 * People placed at the organisation, supernumeraries included.
 */
SM_API int32_t sm_placement_get_headcount (const SmPlacement *placement,
                                           int32_t organisation);
/**
 * sm_placement_get_vacancies:
 *
 * For an organisation below its headcount minimum, how many people it still
 * has to recruit; else 0.
 */
SM_API int32_t sm_placement_get_vacancies (const SmPlacement *placement,
                                           int32_t organisation);

/**
 * sm_status_to_string:
 *
 * Returns: (transfer none): the value's stable name in files, reports and
 *   the tool ("placed", "follows-work", "supernumerary", "manual"), a
 *   static string; NULL (with a critical) for a value outside SmStatus.
 */
SM_API const char *sm_status_to_string (SmStatus value);
/**
 * sm_status_from_string:
 * @value_out: (out) (optional): gets the value
 *
 * Reads a name of sm_status_to_string() back into @value_out (which may be
 * NULL); FALSE, leaving it untouched, for an unknown name.
 */
SM_API gboolean sm_status_from_string (const char *text, SmStatus *value_out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmPlacement, sm_placement_free)

G_END_DECLS
