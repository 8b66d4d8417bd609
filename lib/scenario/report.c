/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: where a position or an application sits in a scenario, for
 * the reports, which do not see the scenario's records (report-private.h).
 * Each is one read of a record that the add functions resolved.
 */
#include "scenario/report-private.h"
#include "scenario/scenario-private.h"

int32_t
sm_scenario__application_position (const SmScenario *scenario,
                                   int32_t application)
{
  return sm_scenario__application (scenario, application)->position;
}

int32_t
sm_scenario__position_unit (const SmScenario *scenario, int32_t position)
{
  return sm_scenario__position (scenario, position)->unit;
}

int32_t
sm_scenario__position_organisation (const SmScenario *scenario,
                                    int32_t position)
{
  return sm_scenario__position (scenario, position)->organisation;
}

const char *
sm_scenario__manual_reason (const SmScenario *scenario, int32_t employee)
{
  int32_t manual = sm_scenario__employee (scenario, employee)->manual;
  return manual >= 0 ? sm_scenario__manual_placement (scenario, manual)->reason
                     : NULL;
}
