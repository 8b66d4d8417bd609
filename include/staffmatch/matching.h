/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: a matching of employees to positions or the default.
 *
 * A matching is an index vector: for each employee, a position or
 * SM_DEFAULT. From it follow each position's held employees (in priority
 * order) and its cutoff. Matchings come from the solvers (solve.h) or from
 * an assignment given by the caller, for example read from a solution file;
 * the latter may be invalid, which sm_matching_check() reports.
 */
#pragma once

#include <stdint.h>
#include <glib.h>
#include <staffmatch/export.h>
#include <staffmatch/market.h>

G_BEGIN_DECLS

/**
 * SM_DEFAULT:
 *
 * The position index that stands for the default organisation.
 */
#define SM_DEFAULT (-1)
/**
 * SM_CUTOFF_OPEN:
 *
 * The cutoff of a position with a seat left open.
 */
#define SM_CUTOFF_OPEN (-1)

/**
 * SmSide:
 * @SM_SIDE_EMPLOYEES: employees propose (employee-optimal matching)
 * @SM_SIDE_POSITIONS: positions propose (position-optimal matching)
 */
typedef enum {
  SM_SIDE_EMPLOYEES,
  SM_SIDE_POSITIONS,
} SmSide;

typedef struct _SmMatching SmMatching;

/**
 * sm_matching_new_from_assignment:
 * @market: the market the assignment belongs to
 * @assignment: (array length=n_employees): each employee's position, or
 *   SM_DEFAULT
 * @n_employees: must equal the market's number of employees
 * @error: return location for an error
 *
 * Makes a matching from an assignment as given. Pairs that are not
 * acceptable and positions over their seats are kept as they are, so that
 * sm_matching_check() can report them. O(n + m + entries + placed log
 * placed): each placed employee's list is searched for the position.
 * The matching keeps no reference to @market: it holds its own arrays.
 *
 * Errors: SM_ERROR_INVALID_SIZE when @n_employees is not the market's,
 * SM_ERROR_INDEX_OUT_OF_RANGE for a position outside the market,
 * SM_ERROR_NO_MEMORY.
 *
 * Returns: (transfer full): the matching, or NULL on error; free with
 *   sm_matching_free().
 */
SM_API SmMatching *sm_matching_new_from_assignment (const SmMarket *market,
                                                    const int32_t *assignment,
                                                    int32_t n_employees,
                                                    GError **error);

/**
 * sm_matching_free: (skip)
 *
 * Frees a matching; NULL is allowed.
 * Bindings free it through its boxed type (types.h).
 */
SM_API void sm_matching_free (SmMatching *matching);

/**
 * sm_matching_copy:
 * @matching: a matching
 *
 * Returns: (transfer full): an independent copy; free with
 *   sm_matching_free().
 */
SM_API SmMatching *sm_matching_copy (const SmMatching *matching);

/**
 * sm_matching_get_n_employees:
 *
 * The number of employees of the market the matching belongs to.
 */
SM_API int32_t sm_matching_get_n_employees (const SmMatching *matching);
/**
 * sm_matching_get_n_positions:
 *
 * The number of positions of that market.
 */
SM_API int32_t sm_matching_get_n_positions (const SmMatching *matching);

/**
 * sm_matching_get_position:
 *
 * The employee's position, or SM_DEFAULT.
 */
SM_API int32_t sm_matching_get_position (const SmMatching *matching,
                                         int32_t employee);

/**
 * sm_matching_get_choice:
 *
 * Returns: which of the employee's preferences they got (0 = first), or -1
 *   at the default or at a position they did not list.
 */
SM_API int32_t sm_matching_get_choice (const SmMatching *matching,
                                       int32_t employee);

/**
 * sm_matching_get_assignment: (skip)
 * @matching: a matching
 *
 * The array has sm_matching_get_n_employees() entries. Bindings call
 * sm_matching_get_assignment_with_length() in its place.
 *
 * Returns: (transfer none): every employee's position or SM_DEFAULT,
 *   borrowed from the matching: valid until it is freed.
 */
SM_API const int32_t *sm_matching_get_assignment (const SmMatching *matching);

/**
 * sm_matching_get_held:
 * @n_out: (out): how many employees the position holds
 *
 * Returns: (transfer none) (array length=n_out): the employees placed at the
 *   position, best priority first (employees the position does not rank come
 *   last), borrowed from the matching: valid until it is freed. NULL (with a
 *   critical) for a position out of range.
 */
SM_API const int32_t *sm_matching_get_held (const SmMatching *matching,
                                            int32_t position, int32_t *n_out);

/**
 * sm_matching_get_cutoff:
 *
 * Returns: the priority rank (0 = best) of the worst employee the position
 *   admitted when all its seats are filled, or SM_CUTOFF_OPEN when a seat
 *   is left open (then anyone who applied would have been admitted).
 */
SM_API int32_t sm_matching_get_cutoff (const SmMatching *matching,
                                       int32_t position);

/**
 * sm_matching_get_n_placed:
 *
 * How many employees are not at the default.
 */
SM_API int32_t sm_matching_get_n_placed (const SmMatching *matching);

/**
 * sm_matching_get_n_proposals:
 *
 * Returns: the number of proposals the solver made (0 for a matching made
 *   from an assignment).
 */
SM_API uint64_t sm_matching_get_n_proposals (const SmMatching *matching);

/**
 * sm_matching_equal:
 *
 * Whether both place every employee alike.
 */
SM_API gboolean sm_matching_equal (const SmMatching *a, const SmMatching *b);

/**
 * sm_side_to_string:
 *
 * Returns: (transfer none): the value's stable name in files, reports and
 *   the tool ("employees", "positions"), a static string; NULL (with a
 *   critical) for a value outside SmSide.
 */
SM_API const char *sm_side_to_string (SmSide value);
/**
 * sm_side_from_string:
 * @value_out: (out) (optional): gets the value
 *
 * Reads a name of sm_side_to_string() back into @value_out (which may be
 * NULL); FALSE, leaving it untouched, for an unknown name.
 */
SM_API gboolean sm_side_from_string (const char *text, SmSide *value_out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmMatching, sm_matching_free)

G_END_DECLS
