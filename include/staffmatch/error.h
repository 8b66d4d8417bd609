/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the error domain and its codes.
 *
 * Every recoverable failure (bad input, an impossible request, I/O) sets a
 * GError in SM_ERROR with one of the codes below and a message that names
 * the item at fault and says what to do. Messages never contain personal
 * data: items are named by index or identifier, never by a person's name. */
#pragma once

#include <glib.h>
#include <staffmatch/export.h>

G_BEGIN_DECLS

#define SM_ERROR (sm_error_quark ())

/**
 * SmError:
 * @SM_ERROR_INVALID_SIZE: a count is negative or a size does not match
 *   the market it is used with.
 * @SM_ERROR_TOO_LARGE: a size would overflow the 32-bit indices of the core,
 *   or passes a set limit (a market's memory budget, the size or nesting
 *   depth of a JSON document).
 * @SM_ERROR_INDEX_OUT_OF_RANGE: an employee or position index is outside
 *   the market.
 * @SM_ERROR_DUPLICATE: the same item is named twice where once is allowed
 *   (a position twice in one preference list, a list given twice).
 * @SM_ERROR_INVALID_SEATS: a position of the market has fewer than one
 *   seat, or target seats below 0 or above its seats, or a group has a
 *   negative cap.
 * @SM_ERROR_PRIORITY_MISMATCH: a position's priority order names an
 *   employee who did not apply to it, or misses one who did.
 * @SM_ERROR_PARSE: a file is not in the expected format.
 * @SM_ERROR_IO: a file could not be read or written.
 * @SM_ERROR_NO_MEMORY: an allocation failed.
 * @SM_ERROR_DUPLICATE_ID: a scenario item's identifier is already taken.
 * @SM_ERROR_UNKNOWN_ID: a scenario item refers to an identifier that does
 *   not exist.
 * @SM_ERROR_INVALID_VALUE: a field has a value outside what it allows (an
 *   empty identifier, an FTE of zero, a date that does not exist, ...).
 * @SM_ERROR_INFEASIBLE: the request cannot be met as a whole (a second
 *   default organisation, target seats above a headcount cap, more manual
 *   placements than seats).
 * @SM_ERROR_IN_USE: the scenario cannot change while a placement made from
 *   it lives; free the placement first.
 */
typedef enum {
  SM_ERROR_INVALID_SIZE = 1,
  SM_ERROR_TOO_LARGE,
  SM_ERROR_INDEX_OUT_OF_RANGE,
  SM_ERROR_DUPLICATE,
  SM_ERROR_INVALID_SEATS,
  SM_ERROR_PRIORITY_MISMATCH,
  SM_ERROR_PARSE,
  SM_ERROR_IO,
  SM_ERROR_NO_MEMORY,
  SM_ERROR_DUPLICATE_ID,
  SM_ERROR_UNKNOWN_ID,
  SM_ERROR_INVALID_VALUE,
  SM_ERROR_INFEASIBLE,
  SM_ERROR_IN_USE,
} SmError;

/**
 * sm_error_quark:
 *
 * The quark of SM_ERROR.
 */
SM_API GQuark sm_error_quark (void);

G_END_DECLS
