/* staffmatch: explaining a placement.
 *
 * Every employee gets an explanation for each position they preferred to
 * the one they got: the applications ranked above their outcome (all of
 * them when they stay at the default organisation), and, for someone left
 * supernumerary, the position of their own function. A placement is
 * stable, so each such position was refused for one of the reasons below;
 * the explanation gives the rank the employee had there, the position's
 * cutoff, and which criterion of the position's rule put the last person
 * admitted ahead of them, without naming that person.
 *
 * Per position, the result gives seats, people placed, the cutoff and the
 * criterion that separated the last person admitted from the first one
 * refused. Ranks and cutoffs here count from 1 (1 = first in priority),
 * unlike the 0-based ranks of the market.
 */
#pragma once

#include <stdint.h>
#include <glib.h>
#include <staffmatch/export.h>
#include <staffmatch/placement.h>

G_BEGIN_DECLS

/**
 * SmReason: why a preferred position was not obtained.
 * @SM_REASON_NOT_ELIGIBLE: the position's rule does not rank the employee
 *   (see SmFilter for which filter)
 * @SM_REASON_FULL: all seats went to candidates of higher priority
 * @SM_REASON_CAP: a seat was free, but the organisation's headcount
 *   maximum was reached and the organisation kept its extra seats where
 *   they were (see check.h)
 * @SM_REASON_MANUAL: the employee was placed by a manual decision, so
 *   their applications were not considered
 * @SM_REASON_REFLECTION: the places of the employee's function at the
 *   default organisation went to others by the reflection principle
 */
typedef enum {
  SM_REASON_NOT_ELIGIBLE,
  SM_REASON_FULL,
  SM_REASON_CAP,
  SM_REASON_MANUAL,
  SM_REASON_REFLECTION,
} SmReason;

/** SmFilter: the eligibility filter that refused an employee. */
typedef enum {
  SM_FILTER_NONE,
  SM_FILTER_GRADE,
  SM_FILTER_FIT,
  SM_FILTER_QUALIFICATIONS,
} SmFilter;

/** The criterion index of a decision made by the lottery. */
#define SM_DECIDED_BY_LOT (-1)
/** The criterion index when the last seat went to a manual placement. */
#define SM_DECIDED_BY_MANUAL (-2)
/** The criterion index when there is nothing to decide (nobody refused,
 * or the reason is not about priority). */
#define SM_DECIDED_BY_NOTHING (-3)

/**
 * SmRefusal: one preferred position not obtained.
 * @position: the position (scenario index)
 * @preference: the employee's preference number for it (1 = first), or 0
 *   for the position of their own function at the default organisation
 * @reason: why
 * @filter: for SM_REASON_NOT_ELIGIBLE, which filter; else SM_FILTER_NONE
 * @rank: the employee's place in the position's priority order (1 =
 *   first), or 0 when not ranked
 * @cutoff: the place of the last person admitted, or 0 when none was
 * @criterion: the index, in the position's rule, of the criterion that put
 *   the last person admitted ahead of the employee, or one of the
 *   SM_DECIDED_BY_ values
 */
typedef struct {
  int32_t position;
  int32_t preference;
  SmReason reason;
  SmFilter filter;
  int32_t rank;
  int32_t cutoff;
  int32_t criterion;
} SmRefusal;

/** sm_placement_get_n_refusals: how many refusals explain the outcome. */
SM_API int32_t sm_placement_get_n_refusals (const SmPlacement *placement,
                                            int32_t employee);
/**
 * sm_placement_get_refusal:
 *
 * Fills @refusal_out with the @index-th refusal, best preference first.
 */
SM_API void sm_placement_get_refusal (const SmPlacement *placement,
                                      int32_t employee, int32_t index,
                                      SmRefusal *refusal_out);

/**
 * SmPositionResult:
 * @seats: the position's seats
 * @filled: people placed there
 * @open: seats left open
 * @candidates: people the position ranked
 * @cutoff: the place (from 1) of the last person admitted when every seat
 *   is filled, else 0
 * @criterion: the criterion index that separated the last person
 *   admitted from the first one refused, or an SM_DECIDED_BY_ value
 * @reflection: whether the reflection principle chose who keeps the places
 */
typedef struct {
  int32_t seats;
  int32_t filled;
  int32_t open;
  int32_t candidates;
  int32_t cutoff;
  int32_t criterion;
  gboolean reflection;
} SmPositionResult;

/** sm_placement_get_position_result: fills @result_out for the
 * position (a scenario index). */
SM_API void sm_placement_get_position_result (const SmPlacement *placement,
                                              int32_t position,
                                              SmPositionResult *result_out);

/**
 * SmUnitResult: a unit's formation against the people placed.
 * @formation: the seats of the unit's positions
 * @placed: people placed at the unit's positions
 * @supernumerary: people supernumerary in the unit
 */
typedef struct {
  int32_t formation;
  int32_t placed;
  int32_t supernumerary;
} SmUnitResult;

/** sm_placement_get_unit_result: fills @result_out for the unit (a
 * scenario index). */
SM_API void sm_placement_get_unit_result (const SmPlacement *placement,
                                          int32_t unit,
                                          SmUnitResult *result_out);

/**
 * sm_placement_get_contract_people:
 *
 * Returns: the people (placed and supernumerary) in units that work for
 *   another organisation under a contract still running in @year, that
 *   is whose last year is @year or later: the work that depends on it.
 */
SM_API int32_t sm_placement_get_contract_people (const SmPlacement *placement,
                                                 int32_t year);

G_END_DECLS
