/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch examples: a generated scenario at any size (large-case.h). */
#include "large-case.h"

#define N_FUNCTIONS 50

static gboolean
add_organisations (SmScenario *s, GError **error)
{
  SmOrganisationSpec r = SM_ORGANISATION_SPEC_INIT, d = r;
  r.id = r.name = "R";
  d.id = d.name = "D";
  d.kind = SM_ORGANISATION_KIND_DEFAULT;
  SmUnitSpec ur = SM_UNIT_SPEC_INIT, ud = ur;
  ur.id = ur.name = ur.organisation_id = "R";
  ud.id = ud.name = ud.organisation_id = "D";
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("score");
  return sm_scenario_add_organisation (s, &r, error)
         && sm_scenario_add_organisation (s, &d, error)
         && sm_scenario_add_unit (s, &ur, error)
         && sm_scenario_add_unit (s, &ud, error)
         && sm_priority_rule_add_criterion (rule, SM_CRITERION_COMMITTEE_SCORE,
                                            SM_DIRECTION_HIGHER_FIRST, error)
         && sm_scenario_add_rule (s, rule, error);
}

/* @n_recv receiving positions of 1 to 5 seats; per function one default
 * position with room for 90% of its people. */
static gboolean
add_positions (SmScenario *s, GRand *rand, int32_t n, int32_t n_recv,
               GError **error)
{
  for (int32_t j = 0; j < n_recv + N_FUNCTIONS; j++)
    {
      gboolean recv = j < n_recv;
      char id[32], function[16];
      g_snprintf (id, sizeof id, recv ? "P%06d" : "D%02d",
                  (int) (recv ? j : j - n_recv));
      g_snprintf (function, sizeof function, "F%02d",
                  (int) (recv ? g_rand_int_range (rand, 0, N_FUNCTIONS)
                              : j - n_recv));
      SmPositionSpec p = SM_POSITION_SPEC_INIT;
      p.id = p.title = id;
      p.unit_id = recv ? "R" : "D";
      p.function_code = function;
      p.grade = 8;
      p.seats = recv ? g_rand_int_range (rand, 1, 6)
                     : MAX (1, n / N_FUNCTIONS * 9 / 10);
      if (!sm_scenario_add_position (s, &p, error))
        return FALSE;
    }
  return TRUE;
}

/* Each employee applies to three receiving positions, with a committee
 * score of 1 to 5 for each. */
static gboolean
add_employees (SmScenario *s, GRand *rand, int32_t n, int32_t n_recv,
               GError **error)
{
  for (int32_t i = 0; i < n; i++)
    {
      char id[32], function[16];
      g_snprintf (id, sizeof id, "E%06d", (int) i);
      g_snprintf (function, sizeof function, "F%02d",
                  (int) g_rand_int_range (rand, 0, N_FUNCTIONS));
      SmEmployeeSpec e = SM_EMPLOYEE_SPEC_INIT;
      e.id = e.name = id;
      e.function_code = function;
      e.unit_id = "D";
      e.grade = 8;
      if (!sm_scenario_add_employee (s, &e, error))
        return FALSE;
      int32_t chosen[3];
      for (int32_t k = 0; k < 3; k++)
        {
          int32_t j;
          do
            j = g_rand_int_range (rand, 0, n_recv);
          while ((k > 0 && chosen[0] == j) || (k > 1 && chosen[1] == j));
          chosen[k] = j;
          char position[32];
          g_snprintf (position, sizeof position, "P%06d", (int) j);
          SmApplicationSpec a = SM_APPLICATION_SPEC_INIT;
          a.employee_id = id;
          a.position_id = position;
          a.preference = k + 1;
          a.committee_score = g_rand_int_range (rand, 1, 6);
          if (!sm_scenario_add_application (s, &a, error))
            return FALSE;
        }
    }
  return TRUE;
}

SmScenario *
boh_large_case_new (int32_t n, GError **error)
{
  g_autoptr (SmScenario) s = sm_scenario_new ();
  GRand *rand = g_rand_new_with_seed (20190101);
  int32_t n_recv = n / 10;
  gboolean ok = add_organisations (s, error)
                && add_positions (s, rand, n, n_recv, error)
                && add_employees (s, rand, n, n_recv, error);
  g_rand_free (rand);
  sm_scenario_set_seed (s, 2019);
  return ok ? g_steal_pointer (&s) : NULL;
}
