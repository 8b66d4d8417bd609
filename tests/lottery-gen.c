/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: small random scenarios with many ties. Every add is
 * checked: a generator that makes a scenario the library refuses would
 * make the suites that use it test nothing. */
#include "lottery-gen.h"

#include <CUnit/CUnit.h>
#include <stdio.h>

typedef struct {
  GRand *rand;
  SmScenario *s;
  const SmLotteryGenOptions *options;
} Gen;

static int32_t
pick (Gen *g, int32_t low, int32_t high)
{
  return g_rand_int_range (g->rand, low, high + 1);
}

static gboolean
chance (Gen *g, double p)
{
  return g_rand_double (g->rand) < p;
}

static void
added (gboolean ok, GError *error)
{
  if (!ok)
    fprintf (stderr, "generator refused: %s\n",
             error != NULL ? error->message : "?");
  CU_ASSERT_TRUE_FATAL (ok);
}

static const char *const functions[] = { "F0", "F1", "F2" };

static void
add_rule (Gen *g)
{
  static const SmCriterion criteria[] = { SM_CRITERION_FIT,
                                          SM_CRITERION_SAME_GRADE,
                                          SM_CRITERION_COMMITTEE_SCORE,
                                          SM_CRITERION_SERVICE };
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("coarse");
  for (size_t k = 0; k < G_N_ELEMENTS (criteria); k++)
    if (chance (g, g->options->p_criterion))
      sm_priority_rule_add_criterion (rule, criteria[k],
                                      SM_DIRECTION_HIGHER_FIRST, NULL);
  GError *error = NULL;
  added (sm_scenario_add_rule (g->s, rule, &error), error);
  added (sm_scenario_add_function_relation (g->s, "F0", "F1",
                                            SM_FIT_INTERCHANGEABLE, &error),
         error);
}

static void
add_organisations (Gen *g, int32_t cap)
{
  const char *ids[] = { "R", "D" };
  GError *error = NULL;
  for (int k = 0; k < 2; k++)
    {
      SmOrganisationSpec o = SM_ORGANISATION_SPEC_INIT;
      o.id = o.name = ids[k];
      o.kind = k == 1 ? SM_ORGANISATION_KIND_DEFAULT
                      : SM_ORGANISATION_KIND_RECEIVING;
      o.max_headcount = k == 0 ? cap : -1;
      added (sm_scenario_add_organisation (g->s, &o, &error), error);
      SmUnitSpec u = SM_UNIT_SPEC_INIT;
      u.id = u.name = k == 0 ? "U-R" : "U-D";
      u.organisation_id = ids[k];
      added (sm_scenario_add_unit (g->s, &u, &error), error);
    }
}

/* Receiving positions P0.. with @seats, then default positions D0..
 * (one per function at most). Under a cap every receiving seat is extra,
 * so the cap decides. */
static void
add_positions (Gen *g, const int32_t *seats, int32_t n_recv, int32_t n_default,
               gboolean capped)
{
  GError *error = NULL;
  for (int32_t j = 0; j < n_recv + n_default; j++)
    {
      gboolean recv = j < n_recv;
      char id[16];
      g_snprintf (id, sizeof id, recv ? "P%d" : "D%d",
                  (int) (recv ? j : j - n_recv));
      SmPositionSpec p = SM_POSITION_SPEC_INIT;
      p.id = p.title = id;
      p.unit_id = recv ? "U-R" : "U-D";
      p.function_code = recv ? functions[pick (g, 0, 2)]
                             : functions[j - n_recv];
      p.grade = pick (g, 8, 9);
      p.seats = recv ? seats[j] : pick (g, 1, 2);
      p.target_seats = recv && capped ? 0 : -1;
      added (sm_scenario_add_position (g->s, &p, &error), error);
    }
}

static void
add_employees (Gen *g, int32_t n)
{
  GError *error = NULL;
  for (int32_t i = 0; i < n; i++)
    {
      char id[16];
      g_snprintf (id, sizeof id, "E%d", (int) i);
      SmEmployeeSpec e = SM_EMPLOYEE_SPEC_INIT;
      e.id = e.name = id;
      e.function_code = functions[pick (g, 0, 2)];
      e.unit_id = "U-D";
      e.grade = pick (g, 8, 9);
      e.service_start = (SmDate){ 2000 + pick (g, 0, 2), 1, 1 };
      e.birth_date = (SmDate){ 1960 + 10 * pick (g, 0, 2), 1, 1 };
      added (sm_scenario_add_employee (g->s, &e, &error), error);
    }
}

static void
add_applications (Gen *g, int32_t n, int32_t n_recv)
{
  g_autofree int32_t *order = g_new (int32_t, MAX (n_recv, 1));
  GError *error = NULL;
  for (int32_t i = 0; i < n; i++)
    {
      for (int32_t j = 0; j < n_recv; j++)
        order[j] = j;
      int32_t k_max = pick (g, MIN (g->options->min_applications, n_recv),
                            MIN (3, n_recv));
      for (int32_t k = 0; k < k_max; k++)
        {
          int32_t x = pick (g, k, n_recv - 1), t = order[k];
          order[k] = order[x];
          order[x] = t;
          char employee[16], position[16];
          g_snprintf (employee, sizeof employee, "E%d", (int) i);
          g_snprintf (position, sizeof position, "P%d", (int) order[k]);
          SmApplicationSpec a = SM_APPLICATION_SPEC_INIT;
          a.employee_id = employee;
          a.position_id = position;
          a.preference = k + 1;
          a.committee_score = pick (g, 7, 9);
          added (sm_scenario_add_application (g->s, &a, &error), error);
        }
    }
}

static void
add_manual (Gen *g, int32_t n, int32_t n_recv)
{
  GError *error = NULL;
  char employee[16], position[16];
  g_snprintf (employee, sizeof employee, "E%d", (int) pick (g, 0, n - 1));
  g_snprintf (position, sizeof position, "P%d", (int) pick (g, 0, n_recv - 1));
  added (sm_scenario_add_manual_placement (g->s, employee, position, "hardship",
                                           &error),
         error);
}

SmScenario *
sm_lottery_gen_scenario (uint32_t seed, const SmLotteryGenOptions *options)
{
  Gen g = { g_rand_new_with_seed (seed), sm_scenario_new (), options };
  int32_t n = pick (&g, 1, options->max_employees);
  int32_t n_recv = pick (&g, 1, options->max_positions);
  int32_t n_default = pick (&g, 0, 3), total = 0;
  int32_t seats[16];
  g_assert (n_recv <= 16);
  for (int32_t j = 0; j < n_recv; j++)
    total += seats[j] = pick (&g, 1, 2);
  gboolean capped = options->caps && total > 1 && chance (&g, 0.5);
  add_rule (&g);
  add_organisations (&g, capped ? total - 1 : -1);
  add_positions (&g, seats, n_recv, n_default, capped);
  add_employees (&g, n);
  add_applications (&g, n, n_recv);
  if (options->manual && chance (&g, 0.3))
    add_manual (&g, n, n_recv);
  sm_scenario_set_seed (g.s, ((uint64_t) g_rand_int (g.rand) << 32)
                                 | g_rand_int (g.rand));
  sm_scenario_set_tie_breaking (g.s, chance (&g, 0.5)
                                         ? SM_TIE_BREAKING_SINGLE
                                         : SM_TIE_BREAKING_PER_POSITION);
  if (options->reflection && chance (&g, 0.4))
    sm_scenario_set_reduction (g.s, SM_REDUCTION_REFLECTION, 10);
  g_rand_free (g.rand);
  return g.s;
}
