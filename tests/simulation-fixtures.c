/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Scenarios and simulations that the simulation suites share. */
#include "simulation-fixtures.h"

#include <CUnit/CUnit.h>

#include "boh-case.h"
#include "test-util.h"

SmSimulation *
sm_test_simulate (const SmScenario *s, int32_t runs, SmMechanism mechanism,
                  int32_t threads)
{
  SmSimulationOptions options = SM_SIMULATION_OPTIONS_INIT;
  options.n_runs = runs;
  options.mechanism = mechanism;
  options.n_threads = threads;
  GError *error = NULL;
  SmSimulation *sim = sm_scenario_simulate (s, &options, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sim);
  return sim;
}

SmScenario *
sm_test_coarse_case (void)
{
  GError *error = NULL;
  SmScenario *s = boh_case_new (BOH_CASE_SEED, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("coarse");
  sm_priority_rule_add_criterion (rule, SM_CRITERION_FIT,
                                  SM_DIRECTION_HIGHER_FIRST, NULL);
  CU_ASSERT_TRUE (sm_scenario_add_rule (s, rule, &error));
  CU_ASSERT_TRUE (sm_scenario_set_default_rule (s, "coarse", &error));
  SM_ASSERT_NO_ERROR (error);
  return s;
}
