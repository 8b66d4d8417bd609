/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: checking a matching for validity and stability.
 *
 * Valid: no position holds more employees than it has seats, and every
 * employee placed at a position listed it (and so was ranked by it).
 * Everyone appears exactly once by construction of SmMatching.
 * Stable: valid, and no blocking pair: no employee e and position j such
 * that e listed j above their outcome (any listed position is above the
 * default) and j has an open seat or holds someone of lower priority.
 *
 * Under headcount caps (groups of positions with a cap, target seats and
 * an order for extra seats; see market.h) validity also asks that no
 * group holds more than its cap, and stability is that of Kamada and
 * Kojima (2015) with the group's preferences over how its people are
 * spread: a pair (e, j) as above still blocks, unless j does not hold
 * anyone of lower priority than e (only a free seat is in question), j
 * already holds at least its target seats, j's group is at its cap, and
 * either e is outside the group (taking e would break the cap) or e holds
 * a position a of the group and the group does not prefer the move: a
 * would fall to or below its target, or j's next extra seat comes after
 * a's last extra seat in the group's order of extra seats (fewer extra
 * seats first, then the order of positions). Such pairs are not blocking;
 * they are listed apart as excused by the cap, which is what an
 * explanation says to the employee.
 *
 * On a market with ties (sm_market_has_ties()), "lower priority" means a
 * higher tie class (sm_market_get_tie_class()): tied employees are equal,
 * whatever order broke their tie, so a position blocks only with an
 * employee it strictly prefers to one of its holders, or with a free
 * seat. This is weak stability, stability with respect to the ties: the
 * matching of any tie-breaking (sm_market_solve() follows the order the
 * market stores) passes, and so do matchings that no single tie-breaking
 * gives, such as those after stable improvement cycles.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <glib.h>
#include <staffmatch/export.h>
#include <staffmatch/market.h>
#include <staffmatch/matching.h>

G_BEGIN_DECLS

/**
 * SmViolationKind:
 * @SM_VIOLATION_KIND_OVER_SEATS: the position holds more employees than seats
 *   (employee is -1)
 * @SM_VIOLATION_KIND_NOT_ACCEPTABLE: the employee is placed at a position they
 *   did not list
 * @SM_VIOLATION_KIND_OVER_CAP: the group holds more employees than its cap
 *   (employee and position are -1)
 */
typedef enum {
  SM_VIOLATION_KIND_OVER_SEATS,
  SM_VIOLATION_KIND_NOT_ACCEPTABLE,
  SM_VIOLATION_KIND_OVER_CAP,
} SmViolationKind;

/**
 * SmViolation:
 *
 * What is wrong and where; group is -1 unless over cap.
 */
typedef struct {
  SmViolationKind kind;
  int32_t employee;
  int32_t position;
  int32_t group;
} SmViolation;

/**
 * SmBlockingPair:
 *
 * The employee and the position that would both gain.
 */
typedef struct {
  int32_t employee;
  int32_t position;
} SmBlockingPair;

typedef struct _SmCheckReport SmCheckReport;

/**
 * sm_matching_check:
 * @market: the market
 * @matching: a matching on that market
 * @error: return location for an error
 *
 * Finds every violation and every blocking pair. Blocking pairs come by
 * employee, then in the employee's order of preference. On a market with
 * ties, the pairs are those of weak stability (see above). Time
 * O(n + m + entries).
 *
 * Errors: SM_ERROR_INVALID_SIZE when the matching is of another size than
 * the market, SM_ERROR_NO_MEMORY.
 *
 * Returns: (transfer full): the report, or NULL on error; free with
 *   sm_check_report_free().
 */
SM_API SmCheckReport *sm_matching_check (const SmMarket *market,
                                         const SmMatching *matching,
                                         GError **error);

/**
 * sm_check_report_free: (skip)
 *
 * Frees a report; NULL is allowed.
 * Bindings free it through its boxed type (types.h).
 */
SM_API void sm_check_report_free (SmCheckReport *report);

/**
 * sm_check_report_is_valid:
 *
 * No violations.
 */
SM_API gboolean sm_check_report_is_valid (const SmCheckReport *report);
/**
 * sm_check_report_is_stable:
 *
 * Valid and no blocking pairs.
 */
SM_API gboolean sm_check_report_is_stable (const SmCheckReport *report);

/**
 * sm_check_report_get_violations:
 * @report: a report
 * @n_out: (out): gets the number of violations
 *
 * Returns: (transfer none) (array length=n_out): the violations, borrowed
 *   from @report: valid until the report is freed. Never NULL, even when
 *   there are none, so the pointer may always be passed to memcpy() (the
 *   same holds for the pair getters below).
 */
SM_API const SmViolation *
sm_check_report_get_violations (const SmCheckReport *report, int32_t *n_out);
/**
 * sm_check_report_get_blocking_pairs:
 * @report: a report
 * @n_out: (out): gets the number of blocking pairs
 *
 * Returns: (transfer none) (array length=n_out): the blocking pairs, by
 *   employee and then in the employee's order of preference, borrowed from
 *   the report: valid until it is freed.
 */
SM_API const SmBlockingPair *
sm_check_report_get_blocking_pairs (const SmCheckReport *report,
                                    int32_t *n_out);

/**
 * sm_check_report_get_cap_excused_pairs:
 * @report: a report
 * @n_out: (out): gets the number of pairs
 *
 * Returns: (transfer none) (array length=n_out): the pairs that would block
 *   but for a headcount cap, in the same order as blocking pairs, borrowed
 *   from the report: valid until it is freed.
 */
SM_API const SmBlockingPair *
sm_check_report_get_cap_excused_pairs (const SmCheckReport *report,
                                       int32_t *n_out);

/**
 * sm_violation_kind_to_string:
 *
 * Returns: (transfer none): the value's stable name in files, reports and
 *   the tool ("over-seats", "not-acceptable", "over-cap"), a static
 *   string; NULL (with a critical) for a value outside SmViolationKind.
 */
SM_API const char *sm_violation_kind_to_string (SmViolationKind value);
/**
 * sm_violation_kind_from_string:
 * @value_out: (out) (optional): gets the value
 *
 * Reads a name of sm_violation_kind_to_string() back into @value_out (which
 * may be NULL); FALSE, leaving it untouched, for an unknown name.
 */
SM_API gboolean sm_violation_kind_from_string (const char *text,
                                               SmViolationKind *value_out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmCheckReport, sm_check_report_free)

G_END_DECLS
