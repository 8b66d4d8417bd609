/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: a scenario's market with the ties of its priority rules, to
 * exchange and verify it in the plain instance format (instance.h,
 * version 2).
 *
 * A placement's market (sm_placement_get_market()) holds each position's
 * priority order with the ties of the rule already broken by the
 * scenario's lottery. The market made here holds the same orders, the
 * same lists and seats, and beside them the rule's tie classes, so that
 * sm_instance_write() writes the ties as groups and sm_matching_check()
 * judges a matching by the rule itself, ties as ties (weak stability).
 */
#pragma once

#include <glib.h>
#include <staffmatch/export.h>
#include <staffmatch/market.h>
#include <staffmatch/scenario.h>

G_BEGIN_DECLS

/**
 * sm_scenario_compile_with_ties:
 * @scenario: a scenario
 * @error: return location for an error
 *
 * Compiles the scenario into its market, as placing it does with its own
 * seed and tie-breaking, and keeps the tie classes of every position's
 * rule: candidates the rule does not tell apart (same criteria values,
 * at the granularity the rule counts) share a class, ordered among
 * themselves by the lottery; each manual placement is a class of its
 * own, ahead of the others. The strict orders are those of
 * sm_placement_get_market() for the same scenario. Headcount caps and
 * target seats are kept too; the second stage of the reflection
 * principle is not part of a market.
 *
 * Errors: those of sm_scenario_place() before it solves
 * (SM_ERROR_INFEASIBLE when there is no default organisation, the market
 * builder's errors).
 *
 * Returns: (transfer full): the market, or NULL on error; drop it with
 *   sm_market_unref().
 */
SM_API SmMarket *sm_scenario_compile_with_ties (const SmScenario *scenario,
                                                GError **error);

G_END_DECLS
