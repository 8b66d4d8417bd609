/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the market, the integer heart of the library.
 *
 * A market has employees 0..n-1 and positions 0..m-1. Each position has a
 * number of seats. Each employee has a list of acceptable positions, best
 * first; each position has a priority order over exactly the employees who
 * listed it, best first. Everyone also has the default organisation as an
 * outside option, which takes anyone and is never listed: an employee
 * prefers every listed position to the default and the default to every
 * position not listed.
 *
 * A market is built once with an SmMarketBuilder and is then frozen and
 * shared (reference counted). Inside, both sides are stored as flat CSR
 * arrays of SmEdge, and every edge carries the rank the other side gives it,
 * so the solvers never search.
 *
 * A position's priority order may state ties
 * (sm_market_builder_set_tied_priorities()): beside the strict order,
 * which the solvers use and in which tied employees stand in the order
 * that broke their tie (a lottery's, say), each applicant then has a tie
 * class (0 first; tied employees share one). The checker
 * (sm_matching_check()) judges a tied market's matchings by the classes,
 * ties as ties. A market without ties stores no classes at all.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <glib.h>
#include <staffmatch/export.h>

G_BEGIN_DECLS

/**
 * SmEdge:
 * @target: in an employee's list, the position; in a position's list, the
 *   employee.
 * @rank: the rank the other side gives this pair, 0 = best. In an
 *   employee's list it is the employee's place in the position's priority
 *   order; in a position's list it is the position's place in the
 *   employee's preference list.
 */
typedef struct {
  int32_t target;
  int32_t rank;
} SmEdge;

typedef struct _SmMarketBuilder SmMarketBuilder;
typedef struct _SmMarket SmMarket;

/**
 * sm_market_builder_new:
 * @n_employees: number of employees, 0 or more
 * @n_positions: number of positions, 0 or more
 * @error: return location for an error
 *
 * Starts a market. Every position starts with one seat, every employee with
 * an empty list and every position with an empty priority order.
 *
 * Errors: SM_ERROR_INVALID_SIZE for a negative count, SM_ERROR_TOO_LARGE
 * for a count above INT32_MAX - 1, SM_ERROR_NO_MEMORY.
 *
 * Returns: (transfer full): a new builder, or NULL on error; free with
 *   sm_market_builder_free().
 */
SM_API SmMarketBuilder *sm_market_builder_new (int64_t n_employees,
                                               int64_t n_positions,
                                               GError **error);

/**
 * sm_market_builder_new_with_budget:
 * @budget_bytes: the most memory that building and solving the market may
 *   take, estimated by sm_market_estimate_bytes(); 0 for no limit
 *
 * As sm_market_builder_new(), but every step that would make the market
 * need more than the budget (the sizes here, sm_market_builder_reserve(),
 * a list that adds entries) is refused up front with SM_ERROR_TOO_LARGE,
 * before any memory is taken, and leaves the builder unchanged.
 *
 * Returns: (transfer full): a new builder, or NULL on error; free with
 *   sm_market_builder_free().
 */
SM_API SmMarketBuilder *sm_market_builder_new_with_budget (int64_t n_employees,
                                                           int64_t n_positions,
                                                           int64_t budget_bytes,
                                                           GError **error);

/**
 * sm_market_estimate_bytes:
 *
 * Returns: the peak memory, in bytes, that building and solving a market
 *   of this size takes: about 21 bytes per list entry, 40 per employee and
 *   64 per position. Of each entry's 21 bytes, 16 are the builder's lists,
 *   which become the market's edges in place; the rest covers the solver
 *   and lists that grow without sm_market_builder_reserve().
 */
SM_API int64_t sm_market_estimate_bytes (int64_t n_employees,
                                         int64_t n_positions,
                                         int64_t n_entries);

/**
 * sm_market_builder_set_n_threads:
 * @builder: a builder
 * @n_threads: how many threads sm_market_builder_build() may use; 0 for
 *   one per processor
 *
 * Optional: lets the build rank the lists on several threads (at most 64).
 * The build uses fewer when the market is too small to gain from them
 * (below about 262,000 list entries per thread), and one of its passes
 * (the scatter of the positions' entries to the employees) uses at most
 * two. With two or more, while the lists come in, a second thread also
 * asks the system for their memory ahead of them (on Linux 5.14 or
 * later), which makes reading a large instance file faster on machines
 * where fresh memory is slow. The market is the same, byte for byte,
 * whatever the number. The default is 1.
 */
SM_API void sm_market_builder_set_n_threads (SmMarketBuilder *builder,
                                             int n_threads);

/**
 * sm_market_builder_reserve:
 * @builder: a builder
 * @n_entries: the expected total length of all preference lists
 * @error: return location for an error
 *
 * Optional: reserves room for @n_entries list entries on each side, so that
 * building a large market does not grow its arrays step by step.
 *
 * Errors: SM_ERROR_TOO_LARGE above INT32_MAX entries, SM_ERROR_NO_MEMORY.
 */
SM_API gboolean sm_market_builder_reserve (SmMarketBuilder *builder,
                                           int64_t n_entries, GError **error);

/**
 * sm_market_builder_set_seats:
 * @builder: a builder
 * @position: index of the position
 * @seats: number of seats, 1 or more
 * @error: return location for an error
 *
 * Errors: SM_ERROR_INDEX_OUT_OF_RANGE, SM_ERROR_INVALID_SEATS.
 */
SM_API gboolean sm_market_builder_set_seats (SmMarketBuilder *builder,
                                             int32_t position, int32_t seats,
                                             GError **error);

/**
 * sm_market_builder_set_preferences:
 * @builder: a builder
 * @employee: index of the employee
 * @positions: (array length=n_positions): acceptable positions, best first
 * @n_positions: length of @positions (0 is allowed)
 * @error: return location for an error
 *
 * Sets the employee's preference list, copying @positions. Each employee's
 * list may be set once. Complexity: O(n_positions).
 *
 * Errors: SM_ERROR_INDEX_OUT_OF_RANGE for a bad employee or position,
 * SM_ERROR_DUPLICATE for a position listed twice or a list set twice,
 * SM_ERROR_TOO_LARGE when the total of all lists passes INT32_MAX,
 * SM_ERROR_NO_MEMORY. On error the builder is unchanged.
 */
SM_API gboolean sm_market_builder_set_preferences (SmMarketBuilder *builder,
                                                   int32_t employee,
                                                   const int32_t *positions,
                                                   size_t n_positions,
                                                   GError **error);

/**
 * sm_market_builder_set_priorities:
 * @builder: a builder
 * @position: index of the position
 * @employees: (array length=n_employees): the applicants, best first
 * @n_employees: length of @employees
 * @error: return location for an error
 *
 * Sets the position's priority order, copying @employees. It must name
 * exactly the employees whose lists contain the position; that is checked
 * by sm_market_builder_build(), when all lists are known. Each position's
 * order may be set once.
 *
 * Errors: as sm_market_builder_set_preferences(), with employees and
 * positions swapped.
 */
SM_API gboolean sm_market_builder_set_priorities (SmMarketBuilder *builder,
                                                  int32_t position,
                                                  const int32_t *employees,
                                                  size_t n_employees,
                                                  GError **error);

/**
 * sm_market_builder_set_tied_priorities:
 * @builder: a builder
 * @position: index of the position
 * @employees: (array length=n_employees): the applicants, best first; tied
 *   applicants stand next to each other, in the order that breaks their
 *   tie for the solvers
 * @classes: (array length=n_employees): the tie class of each applicant,
 *   0 or more and never decreasing along @employees; equal classes are tied
 * @n_employees: length of @employees and of @classes
 * @error: return location for an error
 *
 * As sm_market_builder_set_priorities(), stating ties as well. The
 * classes are kept renumbered 0, 1, 2, ... (so {3, 3, 7} reads back as
 * {0, 0, 1}), and an order without two equal classes is kept as a strict
 * one. The first tied order makes the market keep 4 bytes per list entry
 * more than sm_market_estimate_bytes() counts.
 *
 * Errors: SM_ERROR_INVALID_VALUE for classes below 0 or decreasing, else
 * those of sm_market_builder_set_priorities(). On error the builder is
 * unchanged.
 */
SM_API gboolean sm_market_builder_set_tied_priorities (
    SmMarketBuilder *builder, int32_t position, const int32_t *employees,
    const int32_t *classes, size_t n_employees, GError **error);

/**
 * sm_market_builder_add_group:
 * @builder: a builder
 * @positions: (array length=n_positions): the positions of the group, in
 *   the order in which they receive extra seats
 * @n_positions: length of @positions, 1 or more
 * @cap: the most employees the group's positions may hold together
 * @error: return location for an error
 *
 * Puts a headcount cap on a group of positions (an organisation's ceiling).
 * Each position of the group is sure of its target seats (see
 * sm_market_builder_set_target_seats()); the rest of the cap is handed out
 * as extra seats, one at a time, to the positions in the order given here,
 * round after round (the flexible deferred acceptance of Kamada and Kojima,
 * 2015). A position belongs to at most one group.
 *
 * Errors: SM_ERROR_INDEX_OUT_OF_RANGE, SM_ERROR_DUPLICATE (a position in
 * two groups, or twice in one), SM_ERROR_INVALID_SEATS (a cap below 0),
 * SM_ERROR_INVALID_SIZE (no positions).
 *
 * Returns: the index of the group (0, 1, ...), or -1 on error.
 */
SM_API int32_t sm_market_builder_add_group (SmMarketBuilder *builder,
                                            const int32_t *positions,
                                            size_t n_positions, int32_t cap,
                                            GError **error);

/**
 * sm_market_builder_set_target_seats:
 *
 * Sets how many of the position's seats are target seats, sure to be
 * available whatever its group's cap (0 to the position's seats). Without
 * it every seat is a target seat. The targets of a group must add up to at
 * most its cap; sm_market_builder_build() checks that.
 *
 * Errors: SM_ERROR_INDEX_OUT_OF_RANGE, SM_ERROR_INVALID_SEATS.
 */
SM_API gboolean sm_market_builder_set_target_seats (SmMarketBuilder *builder,
                                                    int32_t position,
                                                    int32_t target_seats,
                                                    GError **error);

/**
 * sm_market_builder_build:
 * @builder: a builder; it is spent afterwards and can only be freed
 * @error: return location for an error
 *
 * Checks that every priority order names exactly the position's applicants
 * and freezes the market: both sides become CSR arrays of SmEdge with the
 * other side's rank beside each entry. The builder's lists are moved, not
 * copied, and ranked in place, so building needs no memory per list entry
 * beyond the 16 bytes the builder holds. See
 * sm_market_builder_set_n_threads() for building on several threads.
 * Complexity: O(n + m + entries).
 *
 * Errors: SM_ERROR_PRIORITY_MISMATCH naming the position and the employee,
 * SM_ERROR_INVALID_SEATS for target seats above a position's seats,
 * SM_ERROR_INFEASIBLE for a group whose target seats add up to more than
 * its cap, SM_ERROR_NO_MEMORY.
 *
 * Returns: (transfer full): the market, with one reference, the
 *   caller's, or NULL on error; drop it with sm_market_unref().
 */
SM_API SmMarket *sm_market_builder_build (SmMarketBuilder *builder,
                                          GError **error);

/**
 * sm_market_builder_free: (skip)
 *
 * Frees a builder; NULL is allowed.
 * Bindings free it through its boxed type (types.h).
 */
SM_API void sm_market_builder_free (SmMarketBuilder *builder);

/**
 * sm_market_ref: (skip)
 * @market: a market
 *
 * Takes @market as const, as its getters give it (the reference count is
 * internal and not part of what const protects), so that a borrowed
 * market can be kept.
 * Takes a reference; references may be taken and dropped from any thread.
 * Bindings take and drop references through the boxed type (types.h).
 *
 * Returns: (transfer full): @market, with one more reference, the
 *   caller's; drop it with sm_market_unref().
 */
SM_API SmMarket *sm_market_ref (const SmMarket *market);
/**
 * sm_market_unref: (skip)
 *
 * Drops a reference, freeing at the last; NULL allowed.
 * Bindings take and drop references through the boxed type (types.h).
 */
SM_API void sm_market_unref (SmMarket *market);

/* Sizes and seats of a frozen market; positions are 0 .. n_positions-1.
 * An index out of range is a programmer error: the getters below log a
 * critical and return 0 (-1 for sm_market_get_position_group(), NULL for
 * the lists). */
/**
 * sm_market_get_n_employees:
 *
 * The number of employees.
 */
SM_API int32_t sm_market_get_n_employees (const SmMarket *market);
/**
 * sm_market_get_n_positions:
 *
 * The number of positions.
 */
SM_API int32_t sm_market_get_n_positions (const SmMarket *market);
/**
 * sm_market_get_n_entries:
 *
 * The total length of all preference lists.
 */
SM_API int64_t sm_market_get_n_entries (const SmMarket *market);
/**
 * sm_market_get_seats:
 *
 * The position's seats.
 */
SM_API int32_t sm_market_get_seats (const SmMarket *market, int32_t position);
/**
 * sm_market_get_total_seats:
 *
 * The sum of all positions' seats.
 */
SM_API int64_t sm_market_get_total_seats (const SmMarket *market);

/**
 * sm_market_get_employee_edges:
 * @n_out: (out): length of the list
 *
 * Returns: (transfer none) (array length=n_out): the employee's acceptable
 *   positions, best first, each with the employee's rank at that position;
 *   borrowed from the market, valid as long as it is (the caller's
 *   reference, or one taken with sm_market_ref()). Not NULL for an employee
 *   in range, even for an empty list (then *n_out is 0).
 */
SM_API const SmEdge *sm_market_get_employee_edges (const SmMarket *market,
                                                   int32_t employee,
                                                   int32_t *n_out);

/**
 * sm_market_get_position_edges:
 * @n_out: (out): length of the list
 *
 * Returns: (transfer none) (array length=n_out): the position's applicants
 *   in priority order, each with the place of the position in that
 *   employee's list; borrowed from the market, valid as long as it is.
 */
SM_API const SmEdge *sm_market_get_position_edges (const SmMarket *market,
                                                   int32_t position,
                                                   int32_t *n_out);

/**
 * sm_market_has_ties:
 *
 * Returns: whether some position's priority order has a tie (the market
 *   was built with sm_market_builder_set_tied_priorities() and some
 *   order stated two equal classes).
 */
SM_API gboolean sm_market_has_ties (const SmMarket *market);

/**
 * sm_market_get_tie_class:
 * @market: a market
 * @position: a position
 * @rank: a place in the position's priority order, 0 to its length - 1
 *
 * The tie class of the employee the position ranks @rank-th
 * (sm_market_get_position_edges()): 0 for the first class, never
 * decreasing with @rank, equal for tied employees. Without a tie at the
 * position it is @rank itself. O(1).
 *
 * Returns: the class, or -1 (with a critical) for a position or rank out
 *   of range.
 */
SM_API int32_t sm_market_get_tie_class (const SmMarket *market,
                                        int32_t position, int32_t rank);

/**
 * sm_market_get_n_tie_classes:
 *
 * The number of tie classes in the position's priority order: its length
 * when it has no ties. 0 (with a critical) for a position out of range.
 */
SM_API int32_t sm_market_get_n_tie_classes (const SmMarket *market,
                                            int32_t position);

/**
 * sm_market_get_target_seats:
 *
 * The position's target seats.
 */
SM_API int32_t sm_market_get_target_seats (const SmMarket *market,
                                           int32_t position);
/**
 * sm_market_get_n_groups:
 *
 * The number of capped groups.
 */
SM_API int32_t sm_market_get_n_groups (const SmMarket *market);
/**
 * sm_market_get_group_cap:
 *
 * The group's headcount cap.
 */
SM_API int32_t sm_market_get_group_cap (const SmMarket *market, int32_t group);
/**
 * sm_market_get_group_positions:
 * @market: a market
 * @group: a group, 0 .. sm_market_get_n_groups() - 1
 * @n_out: (out): gets the number of positions
 *
 * Returns: (transfer none) (array length=n_out): the group's positions in
 *   the order of extra seats, borrowed from the market, valid as long as
 *   it is.
 */
SM_API const int32_t *sm_market_get_group_positions (const SmMarket *market,
                                                     int32_t group,
                                                     int32_t *n_out);
/**
 * sm_market_get_position_group:
 *
 * The position's group, or -1.
 */
SM_API int32_t sm_market_get_position_group (const SmMarket *market,
                                             int32_t position);
/**
 * sm_market_caps_bind:
 *
 * Returns: whether some group's cap is below the seats of its positions,
 *   so that the cap can decide who is placed.
 */
SM_API gboolean sm_market_caps_bind (const SmMarket *market);

/**
 * sm_market_find_choice:
 *
 * Returns: where @position stands in the employee's list (0 = first
 *   choice), or -1 if the employee did not list it. O(list length).
 */
SM_API int32_t sm_market_find_choice (const SmMarket *market, int32_t employee,
                                      int32_t position);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmMarketBuilder, sm_market_builder_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmMarket, sm_market_unref)

G_END_DECLS
