/* staffmatch: checking a matching for validity and stability.
 *
 * Valid: no position holds more employees than it has seats, and every
 * employee placed at a position listed it (and so was ranked by it).
 * Everyone appears exactly once by construction of SmMatching.
 * Stable: valid, and no blocking pair: no employee e and position j such
 * that e listed j above their outcome (any listed position is above the
 * default) and j has an open seat or holds someone of lower priority.
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
 * @SM_VIOLATION_OVER_SEATS: the position holds more employees than seats
 *   (employee is -1)
 * @SM_VIOLATION_NOT_ACCEPTABLE: the employee is placed at a position they
 *   did not list
 */
typedef enum {
  SM_VIOLATION_OVER_SEATS,
  SM_VIOLATION_NOT_ACCEPTABLE,
} SmViolationKind;

typedef struct {
  SmViolationKind kind;
  int32_t employee;
  int32_t position;
} SmViolation;

/** SmBlockingPair: the employee and the position that would both gain. */
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
 * employee, then in the employee's order of preference. Time
 * O(n + m + entries).
 *
 * Errors: SM_ERROR_INVALID_SIZE when the matching is of another size than
 * the market, SM_ERROR_NO_MEMORY.
 *
 * Returns: (transfer full): the report, or NULL on error.
 */
SM_API SmCheckReport *sm_matching_check (const SmMarket *market,
                                         const SmMatching *matching,
                                         GError **error);

SM_API void sm_check_report_free (SmCheckReport *report);

/** sm_check_report_is_valid: no violations. */
SM_API gboolean sm_check_report_is_valid (const SmCheckReport *report);
/** sm_check_report_is_stable: valid and no blocking pairs. */
SM_API gboolean sm_check_report_is_stable (const SmCheckReport *report);

/** Returns: (transfer none): the violations; *n_out gets their number. */
SM_API const SmViolation *sm_check_report_get_violations (const SmCheckReport *report,
                                                          size_t *n_out);
/** Returns: (transfer none): the blocking pairs; *n_out gets their number. */
SM_API const SmBlockingPair *sm_check_report_get_blocking_pairs (const SmCheckReport *report,
                                                                 size_t *n_out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmCheckReport, sm_check_report_free)

G_END_DECLS
