/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch command-line tool: `explain`.
 *
 *     staffmatch explain DIR|FILE EMPLOYEE-ID [--seed S] [--side SIDE]
 *                        [--language LANG] [--regime REGIME]
 *                        [--effective-date DATE]
 *
 * Places the scenario as `solve` would with the same options and prints
 * the decision letter of one employee (sm_letter_render() with the
 * built-in template of the language and regime): their outcome, each
 * preference with the reason it was or was not obtained (not eligible;
 * full, with rank, cutoff and the deciding criterion; a seat that went to
 * a manual placement; the headcount cap; the reflection principle; never
 * the colleagues who got the places), the rules and the lottery seed. The
 * letter goes to stdout only; an unknown identifier is an error naming the
 * identifier.
 */
#include "cli-common.h"

#include <stdio.h>

static int
explain_employee (const char *source, const char *id,
                  const CliRunSettings *settings)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SmScenario) scenario = cli_load ("explain", source);
  if (scenario == NULL)
    return CLI_EXIT_FAILURE;
  int32_t employee = sm_scenario_find_employee (scenario, id);
  if (employee < 0)
    return cli_fail ("explain", "%s: no employee with the id '%s'", source, id);
  if (!cli_apply_letter_settings (settings, scenario, &error))
    return cli_usage_error ("explain", "%s", error->message);
  if (settings->has_seed)
    sm_scenario_set_seed (scenario, settings->seed);
  g_autoptr (SmPlacement)
      placement = sm_scenario_place_with (scenario, &settings->place, &error);
  if (placement == NULL)
    return cli_fail ("explain", "cannot place: %s", error->message);
  g_autofree char *letter = sm_letter_render (placement, employee,
                                              &settings->letter, &error);
  if (letter == NULL)
    return cli_fail ("explain", "%s", error->message);
  fputs (letter, stdout);
  return CLI_EXIT_OK;
}

int
cli_explain (int argc, char **argv)
{
  CliRunArgs args = { 0 };
  g_autoptr (GOptionContext) context = cli_context_new (
      "explain", "DIR|FILE EMPLOYEE-ID",
      "Explains one employee's outcome: the position obtained and, for\n"
      "each preference not obtained, why (as in the decision letter).",
      NULL);
  cli_add_run_options (context, &args);
  g_autoptr (GError) error = NULL;
  CliRunSettings settings = CLI_RUN_SETTINGS_INIT;
  int status = CLI_EXIT_OK;
  if (!cli_parse (context, "explain", &argc, &argv))
    status = CLI_EXIT_USAGE;
  else if (argc != 3)
    status = cli_usage_error ("explain", "give a scenario and an "
                                         "employee's id");
  else if (!cli_run_settings_resolve (&args, &settings, &error))
    status = cli_usage_error ("explain", "%s", error->message);
  if (status == CLI_EXIT_OK)
    status = explain_employee (argv[1], argv[2], &settings);
  cli_run_settings_clear (&settings);
  cli_run_args_clear (&args);
  return status;
}
