/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: deferred acceptance on a market.
 *
 * Gale and Shapley (1962), "College admissions and the stability of
 * marriage", in its many-to-one form with incomplete lists (Roth and
 * Sotomayor, 1990, "Two-sided matching", ch. 5). With employees proposing
 * the result is the employee-optimal stable matching and no employee can
 * gain by misreporting; with positions proposing it is the position-optimal
 * stable matching. Both place the same employees and fill each position
 * equally (the rural hospitals theorem).
 */
#pragma once

#include <glib.h>
#include <staffmatch/export.h>
#include <staffmatch/market.h>
#include <staffmatch/matching.h>

G_BEGIN_DECLS

/**
 * sm_market_solve:
 * @market: the market
 * @proposing: which side proposes
 * @error: return location for an error
 *
 * Runs deferred acceptance. Time O(n + m + entries) when no headcount
 * cap binds; memory O(n + m) plus one bit per list entry, allocated once
 * per call, never per proposal.
 *
 * With capped groups (sm_market_builder_add_group()) employees proposing
 * run the flexible deferred acceptance of Kamada and Kojima (2015); the
 * result is stable in the sense of check.h. Positions cannot propose while
 * a cap binds. Under a binding cap, a proposal that finds its group at
 * the cap also scans the group's positions for the one that gives up an
 * extra seat, and that position's held set for its next worst, so the
 * time is at most O(n + m + entries * (g + L / 64)), with g the number of
 * positions of the largest binding group and L the longest priority
 * order. Groups whose cap does not bind cost nothing.
 *
 * Errors: SM_ERROR_INFEASIBLE for positions proposing under a binding cap,
 * SM_ERROR_NO_MEMORY.
 *
 * Returns: (transfer full): the stable matching, or NULL on error; free
 *   with sm_matching_free(). It keeps no reference to @market.
 */
SM_API SmMatching *sm_market_solve (const SmMarket *market, SmSide proposing,
                                    GError **error);

G_END_DECLS
