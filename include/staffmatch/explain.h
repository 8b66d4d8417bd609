/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: explaining a placement.
 *
 * Every employee gets an explanation for each position they preferred to
 * the one they got: the applications ranked above their outcome (all of
 * them when they stay at the default organisation), and, for someone left
 * supernumerary, the position of their own function. Explanations are
 * read from the compiled market and its matching (sm_placement_get_market(),
 * sm_placement_get_matching()), never from the rules alone, so they say
 * what the market and the solver actually did:
 *
 *   - an employee was a candidate at a position exactly when the market
 *     lists the pair. An application the market does not list was refused
 *     by a filter of the position's rule (SM_REASON_NOT_ELIGIBLE). The
 *     position of one's own function at the default organisation is
 *     always listed ("mens volgt werk" holds whatever that position's
 *     filters say), so it is never explained as not eligible;
 *   - rank and cutoff are places in the position's priority order of the
 *     final market (manual placements first, then the rule's order, or
 *     the reflection principle's keepers first where it chose).
 *
 * A refused candidate at position P gets the first reason that holds:
 *
 *   1. P belongs to the default organisation and the reflection principle
 *      chose its keepers: SM_REASON_MANUAL_SEAT when P holds manual
 *      placements and the principle, choosing among the same contenders
 *      with all of P's seats as places, would have kept the employee;
 *      else SM_REASON_REFLECTION.
 *   2. P holds manual placements, and fewer than F of the candidates
 *      ranked above the employee wanted P at least as much as what they
 *      got (held by P, or refused it for something worse; manual
 *      placements not counted), F being the people P holds:
 *      SM_REASON_MANUAL_SEAT. Had the manual placements not held seats,
 *      those seats would have gone down P's order to the employee, with
 *      everyone else's outcome as it is.
 *   3. P has a seat left open (its organisation's headcount maximum was
 *      reached): SM_REASON_CAP.
 *   4. Otherwise P is full with people ranked above the employee:
 *      SM_REASON_FULL. P may still hold manual placements; then even
 *      without them candidates of higher priority would have come first.
 *
 * A placement is stable, so there is no other case (with improvement
 * cycles it is stable with respect to the rule's ties, which is enough:
 * every holder of P is at least as high in the rule as the employee; see
 * SM_DECIDED_BY_CYCLES for what a tie then says). No explanation names
 * another person: it gives the employee's own rank, the place of the last
 * person admitted (the cutoff) and which criterion of the position's rule
 * put that person ahead, and per position how many seats were placed
 * manually. Where no criterion did (the two were tied under the rule),
 * the lot decided: the criterion is SM_DECIDED_BY_LOT and
 * sm_placement_get_refusal_lots() gives both lottery numbers, which name
 * nobody.
 *
 * What the rules compare, exactly (see also priority.h): years of service
 * and age are compared as dates, to the day (an earlier service start is
 * longer service, an earlier birth date is older), unless the rule counts
 * them in whole months or whole years completed on the reference date
 * (SmGranularity), when people with the same count are tied and the lot
 * decides between them; a missing date, score or distance comes last
 * whichever way the criterion points; the reference date (1 January 2019
 * unless the scenario sets one) is otherwise used only to state ages and
 * service in letters and to put people in the reflection principle's age
 * bands. How the reflection
 * principle chooses, per position of the default organisation, is told
 * exactly in placement.h.
 *
 * Ranks and cutoffs here count from 1 (1 = first in priority), unlike
 * the 0-based ranks of the market.
 */
#pragma once

#include <stdint.h>
#include <glib.h>
#include <staffmatch/export.h>
#include <staffmatch/placement.h>

G_BEGIN_DECLS

/**
 * SmReason:
 * @SM_REASON_NOT_ELIGIBLE: the market does not list the pair: the
 *   position's rule filters the employee out (SmFilter says which
 *   filter); never for the position of one's own function
 * @SM_REASON_FULL: all seats went to candidates of higher priority (some
 *   may be manual placements, which then did not change the outcome)
 * @SM_REASON_CAP: a seat was free, but the organisation's headcount
 *   maximum was reached and the organisation kept its extra seats where
 *   they were (see check.h)
 * @SM_REASON_MANUAL: the employee was placed by a manual decision, so
 *   their applications were not considered
 * @SM_REASON_REFLECTION: the places of the employee's function at the
 *   default organisation went to others by the reflection principle
 * @SM_REASON_MANUAL_SEAT: a seat the employee would otherwise have had
 *   went to a manual placement (hardship clause)
 *
 * Why a preferred position was not obtained (the rule that chooses among
 * them opens this header).
 */
typedef enum {
  SM_REASON_NOT_ELIGIBLE,
  SM_REASON_FULL,
  SM_REASON_CAP,
  SM_REASON_MANUAL,
  SM_REASON_REFLECTION,
  SM_REASON_MANUAL_SEAT,
} SmReason;

/**
 * SmFilter:
 *
 * The eligibility filter that refused an employee.
 */
typedef enum {
  SM_FILTER_NONE,
  SM_FILTER_GRADE,
  SM_FILTER_FIT,
  SM_FILTER_QUALIFICATIONS,
} SmFilter;

/**
 * SM_DECIDED_BY_LOT:
 *
 * The criterion index of a decision made by the lottery.
 */
#define SM_DECIDED_BY_LOT (-1)
/**
 * SM_DECIDED_BY_MANUAL:
 *
 * The criterion index when a manual placement decided: it held the seat
 * the employee would otherwise have had (SM_REASON_MANUAL_SEAT), or it is
 * the last person admitted (SM_REASON_FULL, every seat manual).
 */
#define SM_DECIDED_BY_MANUAL (-2)
/**
 * SM_DECIDED_BY_NOTHING:
 *
 * The criterion index when there is nothing to decide (nobody refused,
 * or the reason is not about priority).
 */
#define SM_DECIDED_BY_NOTHING (-3)
/**
 * SM_DECIDED_BY_CYCLES:
 *
 * The criterion index, only in a placement with improvement cycles
 * (sm_placement_get_improvement_cycles()), when the employee was tied on
 * every criterion of the rule with the last person admitted and the lot
 * alone did not decide: the places among the tied candidates were settled
 * by the lottery and then by improvement cycles, which let tied
 * candidates swap to positions each preferred. No lottery numbers are
 * given (sm_placement_get_refusal_lots() returns FALSE), and the last
 * person admitted may have a worse lottery number, and so a worse place
 * (cutoff) than the employee.
 */
#define SM_DECIDED_BY_CYCLES (-4)

/**
 * SmRefusal:
 * @position: the position (scenario index)
 * @preference: the employee's preference number for it (1 = first), or 0
 *   for the position of their own function at the default organisation
 * @reason: why
 * @filter: for SM_REASON_NOT_ELIGIBLE, which filter: the first that
 *   refuses, in the order grade distance, minimum fit, qualifications;
 *   else SM_FILTER_NONE
 * @rank: the employee's place in the position's priority order (1 =
 *   first), or 0 when not ranked
 * @cutoff: the place of the last person admitted (whatever the reason,
 *   also when a cap left a seat open), or 0 when nobody was admitted;
 *   always 0 (as is @rank) for SM_REASON_NOT_ELIGIBLE and
 *   SM_REASON_MANUAL, where the employee was not in the running
 * @criterion: for SM_REASON_FULL, the index, in the position's rule, of
 *   the criterion that put the last person admitted ahead of the
 *   employee, SM_DECIDED_BY_LOT, SM_DECIDED_BY_CYCLES (with improvement
 *   cycles, see there), or SM_DECIDED_BY_MANUAL when that person
 *   was placed manually (then every seat is a manual placement); for
 *   SM_REASON_MANUAL_SEAT at a position the rule orders,
 *   SM_DECIDED_BY_MANUAL; else SM_DECIDED_BY_NOTHING
 *
 * One preferred position not obtained.
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

/**
 * sm_placement_get_refusal_lots:
 * @placement: the placement
 * @employee: the employee (scenario index)
 * @index: the refusal, as for sm_placement_get_refusal()
 * @own_lot_out: (out) (nullable): the employee's lottery number at the
 *   refusal's position
 * @cutoff_lot_out: (out) (nullable): the lottery number of the last
 *   person admitted there
 *
 * Where the lot decided a refusal (SM_REASON_FULL with the criterion
 * SM_DECIDED_BY_LOT: under the position's rule the employee was tied
 * with the last person admitted, and the draw put that person first;
 * not SM_DECIDED_BY_CYCLES, where improvement cycles decided as well),
 * gives the two lottery numbers that decided: the lower number goes
 * first, so @own_lot_out is above @cutoff_lot_out. The numbers are those
 * of the placement's seed and tie-breaking (sm_placement_get_seed()):
 * with SM_TIE_BREAKING_SINGLE an employee has one number for every
 * position.
 *
 * A lottery number is computed, the same on every machine, as the 64-bit
 * FNV-1a hash (offset basis 0xcbf29ce484222325, prime 0x100000001b3) of
 * the bytes of the position's identifier and its terminating zero (only
 * for SM_TIE_BREAKING_PER_POSITION), then of the employee's identifier
 * and its terminating zero; XORed with mix (seed); and passed through mix
 * once more, where mix is the splitmix64 finaliser: add
 * 0x9e3779b97f4a7c15, then x ^= x >> 30, x *= 0xbf58476d1ce4e5b9,
 * x ^= x >> 27, x *= 0x94d049bb133111eb, x ^= x >> 31 (all modulo 2^64).
 * Anyone can draw the numbers again from the seed and the identifiers.
 *
 * Returns: TRUE when the lot decided the refusal; FALSE (outputs left
 *   untouched) when another reason or criterion did, or when @employee
 *   or @index is out of range.
 */
SM_API gboolean sm_placement_get_refusal_lots (const SmPlacement *placement,
                                               int32_t employee, int32_t index,
                                               uint64_t *own_lot_out,
                                               uint64_t *cutoff_lot_out);

/**
 * sm_placement_depends_on_lot:
 * @placement: the placement
 * @employee: the employee (scenario index)
 *
 * Whether the employee's outcome depended on the lottery draw: they lost
 * a draw (a refusal of theirs was decided by the lot, see
 * sm_placement_get_refusal_lots(), or by the lot and improvement cycles,
 * SM_DECIDED_BY_CYCLES), or they won one (they hold a seat, not by a
 * manual placement, at a position where a candidate tied with them under
 * the rule was refused so). Another draw changes
 * what such a person gets first; a changed outcome may in turn move
 * others, which only a new placement (or a simulation of many draws)
 * shows.
 *
 * Returns: TRUE when it depended on the draw; FALSE otherwise and for an
 *   @employee out of range.
 */
SM_API gboolean sm_placement_depends_on_lot (const SmPlacement *placement,
                                             int32_t employee);

/**
 * sm_placement_get_n_refusals:
 *
 * How many refusals explain the outcome.
 */
SM_API int32_t sm_placement_get_n_refusals (const SmPlacement *placement,
                                            int32_t employee);
/**
 * sm_placement_get_refusal:
 * @placement: the placement
 * @employee: the employee (a scenario index)
 * @index: 0 .. sm_placement_get_n_refusals() - 1
 * @refusal_out: (out caller-allocates): filled with the refusal
 *
 * Fills @refusal_out with the @index-th refusal, best preference first.
 *
 * Returns: TRUE, or FALSE when @employee is not an employee of the
 *   scenario or @index is not below sm_placement_get_n_refusals() (then
 *   @refusal_out is left untouched).
 */
SM_API gboolean sm_placement_get_refusal (const SmPlacement *placement,
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
 * @manual: how many of the people placed there were placed manually
 *   (hardship clause); a count only, for reports that others read
 */
typedef struct {
  int32_t seats;
  int32_t filled;
  int32_t open;
  int32_t candidates;
  int32_t cutoff;
  int32_t criterion;
  gboolean reflection;
  int32_t manual;
} SmPositionResult;

/**
 * sm_placement_get_position_result:
 * @result_out: (out caller-allocates) (optional): filled in
 *
 * Fills @result_out for the position (a scenario index).
 *
 * Returns: TRUE, or FALSE when @position is out of range (then @result_out
 * is left untouched).
 */
SM_API gboolean sm_placement_get_position_result (const SmPlacement *placement,
                                                  int32_t position,
                                                  SmPositionResult *result_out);

/**
 * SmUnitResult:
 * @formation: the seats of the unit's positions
 * @placed: people placed at the unit's positions
 * @supernumerary: people supernumerary in the unit
 *
 * A unit's formation against the people placed.
 */
typedef struct {
  int32_t formation;
  int32_t placed;
  int32_t supernumerary;
} SmUnitResult;

/**
 * sm_placement_get_unit_result:
 * @result_out: (out caller-allocates) (optional): filled in
 *
 * Fills @result_out for the unit (a scenario index).
 *
 * Returns: TRUE, or FALSE when @unit is out of range (then @result_out is
 * left untouched).
 */
SM_API gboolean sm_placement_get_unit_result (const SmPlacement *placement,
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

/**
 * sm_reason_to_string:
 *
 * Returns: (transfer none): the value's stable name in files, reports and
 *   the tool ("not-eligible", "full", "cap", "manual", "reflection",
 *   "manual-seat"), a static string; NULL (with a critical) for a value
 *   outside SmReason.
 */
SM_API const char *sm_reason_to_string (SmReason value);
/**
 * sm_reason_from_string:
 * @value_out: (out) (optional): gets the value
 *
 * Reads a name of sm_reason_to_string() back into @value_out (which may be
 * NULL); FALSE, leaving it untouched, for an unknown name.
 */
SM_API gboolean sm_reason_from_string (const char *text, SmReason *value_out);

/**
 * sm_filter_to_string:
 *
 * Returns: (transfer none): the value's stable name in files, reports and
 *   the tool ("none", "grade", "fit", "qualifications"), a static string;
 *   NULL (with a critical) for a value outside SmFilter. The placement
 *   file writes null for SM_FILTER_NONE.
 */
SM_API const char *sm_filter_to_string (SmFilter value);
/**
 * sm_filter_from_string:
 * @value_out: (out) (optional): gets the value
 *
 * Reads a name of sm_filter_to_string() back into @value_out (which may be
 * NULL); FALSE, leaving it untouched, for an unknown name.
 */
SM_API gboolean sm_filter_from_string (const char *text, SmFilter *value_out);

G_END_DECLS
