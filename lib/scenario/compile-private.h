/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: compiling a scenario into a market, for the placement
 * (placement.c), its explanations (explain.c) and the checks of
 * validate.c. Not installed.
 *
 * The market's positions are the scenario's positions and its employees
 * the scenario's employees, with the same indices, so a matching on the
 * market reads back directly as one on the scenario. How the lists and the
 * priority orders are made is told in placement.h.
 */
#pragma once

#include <staffmatch/market.h>
#include <staffmatch/scenario.h>

#include "scenario/priority-private.h"

/* The scenario's market. Errors: SM_ERROR_INFEASIBLE when there is no
 * default organisation or the target seats of an organisation add up to
 * more than its headcount maximum; the market builder's errors.
 * (transfer full): free with sm_market_unref(). */
SmMarket *sm_scenario__compile (const SmScenario *scenario, GError **error);

/* As sm_scenario__compile(), with some positions' priority orders given:
 * @overrides is NULL or holds, per position, NULL (the rule decides) or a
 * GArray of int32_t employees that must be exactly the position's
 * candidates in the order wanted. The reflection stage uses it. */
SmMarket *sm_scenario__compile_with (const SmScenario *scenario,
                                     GArray *const *overrides, GError **error);

/* sm_scenario__candidate(), which the reports use too, is in
 * report-private.h. */

/* The employee's application to the position, as an index in the
 * scenario's applications, or -1 when they did not apply to it. */
int32_t sm_scenario__find_application (const SmScenario *scenario,
                                       int32_t employee, int32_t position);
