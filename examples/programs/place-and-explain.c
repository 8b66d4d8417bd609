/* SPDX-License-Identifier: CC0-1.0 */
/* staffmatch example: load a scenario, place it, explain every outcome.
 *
 *     place-and-explain [DIR|FILE]
 *
 * Loads a scenario (a folder of CSV tables or a JSON file; with no
 * argument, the built-in Ommen-Hardenberg case), places everyone, and
 * prints one line per employee with their outcome, followed by one
 * indented line for each preferred position they did not get, saying
 * why: not eligible (and which filter), full (their rank, the rank of
 * the last person admitted, and the criterion of the position's rule
 * that decided), the headcount cap, a manual placement, or the
 * reflection principle. Employees are named by their identifier only.
 *
 * This is the program to start from when building on the library: it
 * uses the public API only, checks every call that can fail, and shows
 * who owns what (g_autoptr frees each object at the end of its scope;
 * the placement keeps its own reference to the scenario).
 *
 * Exit status: 0 done, 1 the scenario cannot be loaded or placed, 2 a
 * bad command line.
 */
#include <stdio.h>
#include <string.h>
#include <staffmatch/staffmatch.h>

#include "boh-case.h"

/* The scenario at @path, or the built-in case when @path is NULL. On a
 * problem, prints every problem the loader found and returns NULL. */
static SmScenario *
load_scenario (const char *path)
{
  g_autoptr (GError) error = NULL;
  if (path == NULL)
    {
      SmScenario *scenario = boh_case_new (BOH_CASE_SEED, &error);
      if (scenario == NULL)
        fprintf (stderr, "place-and-explain: %s\n", error->message);
      return scenario;
    }
  /* The problem list collects every problem, not only the first one
   * that @error reports: a user fixes them all in one go. */
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  SmScenario *scenario = sm_scenario_load (path, problems, &error);
  if (scenario == NULL)
    {
      g_autofree char *all = sm_problem_list_format (problems);
      fprintf (stderr,
               "place-and-explain: the scenario cannot be "
               "loaded:\n%s",
               all[0] != '\0' ? all : error->message);
      if (all[0] == '\0')
        fputc ('\n', stderr);
    }
  return scenario;
}

/* The rule that orders the candidates of a position: its own, named by
 * the position's rule_id, else the scenario's default rule. */
static const SmPriorityRule *
rule_of (const SmScenario *scenario, const SmPositionSpec *position)
{
  if (position->rule_id != NULL && position->rule_id[0] != '\0')
    for (int32_t i = 0; i < sm_scenario_get_n_rules (scenario); i++)
      {
        const SmPriorityRule *rule = sm_scenario_get_rule (scenario, i);
        if (strcmp (sm_priority_rule_get_id (rule), position->rule_id) == 0)
          return rule;
      }
  return sm_scenario_get_default_rule (scenario);
}

/* What decided between the employee and the last person admitted. */
static void
print_decider (const SmScenario *scenario, const SmPositionSpec *position,
               int32_t criterion)
{
  if (criterion == SM_DECIDED_BY_LOT)
    printf ("; it was a tie, decided by lottery");
  else if (criterion == SM_DECIDED_BY_CYCLES)
    printf ("; it was a tie, settled by the lottery and then improvement "
            "cycles");
  else if (criterion == SM_DECIDED_BY_MANUAL)
    printf ("; the seats went to manual placements");
  else if (criterion >= 0)
    {
      const SmPriorityRule *rule = rule_of (scenario, position);
      SmCriterion c;
      sm_priority_rule_get_criterion (rule, criterion, &c, NULL);
      printf ("; what decided: criterion %d of rule \"%s\", %s", criterion + 1,
              sm_priority_rule_get_id (rule), sm_criterion_to_string (c));
    }
}

/* One indented line: why a preferred position was not obtained. */
static void
print_refusal (const SmScenario *scenario, const SmRefusal *r)
{
  SmPositionSpec position;
  if (!sm_scenario_get_position (scenario, r->position, &position))
    return;
  if (r->preference > 0)
    printf ("  not %s (preference %d): ", position.id, r->preference);
  else
    printf ("  not %s (their own function): ", position.id);
  switch (r->reason)
    {
    case SM_REASON_NOT_ELIGIBLE:
      printf ("not eligible, %s", r->filter == SM_FILTER_GRADE
                                      ? "the grade differs too much"
                                  : r->filter == SM_FILTER_FIT
                                      ? "their function fits too little"
                                      : "they lack a required qualification");
      break;
    case SM_REASON_FULL:
      printf ("every seat went to someone ranked higher (their rank %d, "
              "the last admitted rank %d)",
              r->rank, r->cutoff);
      print_decider (scenario, &position, r->criterion);
      break;
    case SM_REASON_CAP:
      printf ("a seat was free, but the organisation had reached its "
              "headcount maximum (their rank %d)",
              r->rank);
      break;
    case SM_REASON_MANUAL:
      printf ("they were placed by a manual decision, so this application "
              "was not considered");
      break;
    case SM_REASON_REFLECTION:
      printf ("the places went to others by the reflection principle "
              "(afspiegeling)");
      break;
    case SM_REASON_MANUAL_SEAT:
      printf ("the seat they would have had went to a manual placement "
              "(their rank %d)",
              r->rank);
      break;
    default: /* a reason added after this program was written */
      printf ("another reason (%d)", (int) r->reason);
      break;
    }
  putchar ('\n');
}

/* The employee's line: where they ended up. */
static gboolean
print_outcome (const SmPlacement *placement, int32_t employee)
{
  const SmScenario *scenario = sm_placement_get_scenario (placement);
  SmEmployeeSpec person;
  SmEmployeeOutcome outcome;
  SmOrganisationSpec organisation;
  if (!sm_scenario_get_employee (scenario, employee, &person)
      || !sm_placement_get_outcome (placement, employee, &outcome)
      || !sm_scenario_get_organisation (scenario, outcome.organisation,
                                        &organisation))
    return FALSE;
  SmPositionSpec position = SM_POSITION_SPEC_INIT;
  if (outcome.position >= 0
      && !sm_scenario_get_position (scenario, outcome.position, &position))
    return FALSE;
  switch (outcome.status)
    {
    case SM_STATUS_PLACED:
      printf ("%s: placed at %s (%s, %s), preference %d\n", person.id,
              position.id, position.title, organisation.name,
              outcome.preference);
      break;
    case SM_STATUS_FOLLOWS_WORK:
      printf ("%s: follows the work to %s (%s, %s)\n", person.id, position.id,
              position.title, organisation.name);
      break;
    case SM_STATUS_SUPERNUMERARY:
      {
        SmUnitSpec unit;
        if (!sm_scenario_get_unit (scenario, outcome.unit, &unit))
          return FALSE;
        printf ("%s: supernumerary at %s, unit %s\n", person.id,
                organisation.name, unit.id);
        break;
      }
    case SM_STATUS_MANUAL:
      printf ("%s: placed by a manual decision at %s (%s, %s)\n", person.id,
              position.id, position.title, organisation.name);
      break;
    default:
      printf ("%s: another outcome (%d)\n", person.id, (int) outcome.status);
      break;
    }
  for (int32_t i = 0; i < sm_placement_get_n_refusals (placement, employee);
       i++)
    {
      SmRefusal refusal;
      sm_placement_get_refusal (placement, employee, i, &refusal);
      print_refusal (scenario, &refusal);
    }
  return TRUE;
}

int
main (int argc, char **argv)
{
  if (argc > 2)
    {
      fprintf (stderr, "usage: place-and-explain [DIR|FILE]\n");
      return 2;
    }
  g_autoptr (SmScenario) scenario = load_scenario (argc == 2 ? argv[1] : NULL);
  if (scenario == NULL)
    return 1;

  /* Each GError starts NULL and is checked right after the call that
   * may set it: a GError that is set must never be passed on again. */
  g_autoptr (GError) error = NULL;
  g_autoptr (SmPlacement) placement = sm_scenario_place (scenario, &error);
  if (placement == NULL)
    {
      fprintf (stderr, "place-and-explain: cannot place: %s\n", error->message);
      return 1;
    }

  int32_t n = sm_scenario_get_n_employees (scenario);
  printf ("%d employees placed, lottery seed %" G_GUINT64_FORMAT "\n", n,
          (guint64) sm_placement_get_seed (placement));
  for (int32_t e = 0; e < n; e++)
    if (!print_outcome (placement, e))
      {
        fprintf (stderr, "place-and-explain: employee %d has no outcome\n", e);
        return 1;
      }
  return 0;
}
