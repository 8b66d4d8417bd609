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

SmScenario *
sm_test_two_for_one (gboolean tied, const char *const *names,
                     const char *organisation, const char *title)
{
  SmScenario *s = sm_scenario_new ();
  GError *error = NULL;
  SmOrganisationSpec r = SM_ORGANISATION_SPEC_INIT, d = r;
  r.id = "R";
  r.name = organisation != NULL ? organisation : "R";
  d.id = d.name = "D";
  d.kind = SM_ORGANISATION_KIND_DEFAULT;
  CU_ASSERT_TRUE (sm_scenario_add_organisation (s, &r, &error)
                  && sm_scenario_add_organisation (s, &d, &error));
  SmUnitSpec ur = SM_UNIT_SPEC_INIT, ud = ur;
  ur.id = ur.name = ur.organisation_id = "R";
  ud.id = ud.name = ud.organisation_id = "D";
  CU_ASSERT_TRUE (sm_scenario_add_unit (s, &ur, &error)
                  && sm_scenario_add_unit (s, &ud, &error));
  SmPositionSpec p = SM_POSITION_SPEC_INIT;
  p.id = "P";
  p.title = title != NULL ? title : "P";
  p.unit_id = "R";
  p.function_code = "F";
  CU_ASSERT_TRUE (sm_scenario_add_position (s, &p, &error));
  for (int k = 0; k < 2; k++)
    {
      SmEmployeeSpec e = SM_EMPLOYEE_SPEC_INIT;
      e.id = k == 0 ? "E0" : "E1";
      e.name = names != NULL ? names[k] : e.id;
      e.function_code = "F";
      e.unit_id = "D";
      e.service_start = (SmDate){ tied || k == 1 ? 2001 : 1999, 1, 1 };
      e.birth_date = (SmDate){ 1970, 1, 1 };
      SmApplicationSpec a = SM_APPLICATION_SPEC_INIT;
      a.employee_id = e.id;
      a.position_id = "P";
      a.preference = 1;
      CU_ASSERT_TRUE (sm_scenario_add_employee (s, &e, &error)
                      && sm_scenario_add_application (s, &a, &error));
    }
  SM_ASSERT_NO_ERROR (error);
  return s;
}
