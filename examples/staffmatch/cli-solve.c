/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch command-line tool: `solve` and `demo`.
 *
 *     staffmatch solve DIR|FILE --out DIR [--force] [--seed S]
 *                      [--mechanism da-single|da-per-position|da-sic]
 *                      [--side SIDE] [--language LANG] [--regime REGIME]
 *                      [--effective-date DATE]
 *     staffmatch demo [--out DIR] [--force] [--seed S]
 *                     [--variant exact-dates|whole-years] [the same options]
 *
 * `solve` loads a scenario (a folder of CSV tables or a JSON file; its
 * problems are listed as `check` lists them), places everyone, writes the
 * output set (cli-output.c) and prints the text summary. `demo` does the
 * same on the built-in Ommen-Hardenberg case (examples/case/boh-case.c), whose
 * seed also draws the case, and saves the scenario it used as CSV into
 * DIR/scenario/, so that `solve DIR/scenario` reproduces it; --variant
 * whole-years counts service and age in whole years, so that more
 * candidates are tied and the lot decides more often.
 *
 * --mechanism (cli_apply_run_settings(), shared with `explain`) overrides
 * the scenario's tie-breaking and improvement cycles for the run, with the
 * names `simulate` uses: da-single and da-per-position (deferred acceptance
 * with one lottery number per person, or per person and position) or da-sic
 * (da-single, then stable improvement cycles: more people get a position they
 * prefer, but the mechanism is not strategy-proof). The placement's files,
 * reports, letters and manifest record what was used.
 *
 * DIR is written as one transaction (cli-folder.c): it ends up holding
 * this run's outputs and nothing else, or, when the run fails, what it
 * held before. A DIR that holds anything but an earlier run's outputs is
 * refused unless --force.
 */
#include "cli-common.h"

#include <stdio.h>

#include "boh-case.h"

#define DEMO_OUT "boh2019-out"

/* Places @scenario, writes the output set and prints the summary. */
static int
place_and_write (const char *command, SmScenario *scenario,
                 const CliRunSettings *settings, const char *source,
                 const char *out, gboolean force, gboolean quiet)
{
  g_autoptr (GError) error = NULL;
  if (!cli_apply_run_settings (settings, scenario, &error))
    return cli_usage_error (command, "%s", error->message);
  cli_progress ("placing %d employees…",
                sm_scenario_get_n_employees (scenario));
  g_autoptr (SmPlacement)
      placement = sm_scenario_place_with (scenario, &settings->place, &error);
  if (placement == NULL)
    return cli_fail (command, "cannot place: %s", error->message);
  CliRun run = { command, source, settings, source == NULL, force };
  if (!cli_write_output_set (placement, out, &run, &error))
    return cli_fail (command, "%s", error->message);
  if (quiet)
    return CLI_EXIT_OK;
  SmReportOptions report = SM_REPORT_OPTIONS_INIT;
  report.language = settings->letter.language;
  g_autofree char *summary = sm_report_summary_text_with (placement, &report);
  fputs (summary, stdout);
  printf (settings->letter.language == SM_LANGUAGE_ENGLISH
              ? "\nOutputs written to %s (listed in %s/manifest.json).\n"
              : "\nUitvoer geschreven naar %s (opgesomd in "
                "%s/manifest.json).\n",
          out, out);
  return CLI_EXIT_OK;
}

int
cli_solve (int argc, char **argv)
{
  g_autofree char *out = NULL;
  gboolean force = FALSE;
  gboolean quiet = FALSE;
  CliRunArgs args = { 0 };
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      "Folder for the outputs (required; created, or replaced when it holds "
      "an earlier run's outputs)",
      "DIR" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      "Replace DIR even when it holds other files (they are removed)", NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      "Print nothing but errors (the summary is in DIR/summary.txt)", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) context = cli_context_new (
      "solve", "DIR|FILE",
      "Places the staff of a scenario (a folder of CSV tables or a JSON "
      "file)\nand writes placements, reports, letters and a manifest.",
      entries);
  cli_add_run_options (context, &args);
  g_autoptr (GError) error = NULL;
  CliRunSettings settings = CLI_RUN_SETTINGS_INIT;
  int status = CLI_EXIT_OK;
  if (!cli_parse (context, "solve", &argc, &argv))
    status = CLI_EXIT_USAGE;
  else if (argc != 2)
    status = cli_usage_error ("solve", "give one scenario: a folder of CSV "
                                       "tables or a JSON file");
  else if (out == NULL)
    status = cli_usage_error ("solve", "--out DIR is required");
  else if (!cli_run_settings_resolve (&args, &settings, &error))
    status = cli_usage_error ("solve", "%s", error->message);
  if (status == CLI_EXIT_OK)
    {
      g_autoptr (SmScenario) scenario = cli_load ("solve", argv[1]);
      status = scenario == NULL ? CLI_EXIT_FAILURE
                                : place_and_write ("solve", scenario, &settings,
                                                   argv[1], out, force, quiet);
    }
  cli_run_settings_clear (&settings);
  cli_run_args_clear (&args);
  return status;
}

/* The case variant named by --variant (NULL: the exact dates), or -1. */
static int
demo_variant (const char *name)
{
  if (name == NULL)
    return BOH_CASE_EXACT_DATES;
  for (int k = 0; boh_case_variant_names[k] != NULL; k++)
    if (g_str_equal (name, boh_case_variant_names[k]))
      return k;
  return -1;
}

/* Builds the case in @variant (its seed that of --seed, if given),
 * places it and writes the outputs to @out. */
static int
run_demo (const CliRunSettings *settings, int variant, const char *out,
          gboolean force, gboolean quiet)
{
  g_autoptr (GError) error = NULL;
  uint64_t seed = settings->has_seed ? settings->seed : BOH_CASE_SEED;
  cli_progress ("building the Ommen-Hardenberg case…");
  g_autoptr (SmScenario)
      scenario = boh_case_new_variant (seed, (BohCaseVariant) variant, &error);
  if (scenario == NULL)
    return cli_fail ("demo", "%s", error->message);
  return place_and_write ("demo", scenario, settings, NULL, out, force, quiet);
}

int
cli_demo (int argc, char **argv)
{
  g_autofree char *out = NULL;
  g_autofree char *variant_name = NULL;
  gboolean force = FALSE;
  gboolean quiet = FALSE;
  CliRunArgs args = { 0 };
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      "Folder for the outputs (default " DEMO_OUT "; replaced when it "
      "holds an earlier run's outputs)",
      "DIR" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      "Replace DIR even when it holds other files (they are removed)", NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      "Print nothing but errors (the summary is in DIR/summary.txt)", NULL },
    { "variant", 0, 0, G_OPTION_ARG_STRING, &variant_name,
      "How the rules count service and age: exact-dates (default) or "
      "whole-years",
      "NAME" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) context = cli_context_new (
      "demo", NULL,
      "Places the staff of the Ommen-Hardenberg split (2018) on built-in\n"
      "data; --seed also draws the case (default 2019).",
      entries);
  cli_add_run_options (context, &args);
  g_autoptr (GError) error = NULL;
  CliRunSettings settings = CLI_RUN_SETTINGS_INIT;
  int status = CLI_EXIT_OK;
  if (!cli_parse (context, "demo", &argc, &argv))
    status = CLI_EXIT_USAGE;
  else if (argc != 1)
    status = cli_usage_error ("demo", "unexpected argument '%s'", argv[1]);
  else if (demo_variant (variant_name) < 0)
    status = cli_usage_error ("demo",
                              "--variant is exact-dates or whole-years");
  else if (!cli_run_settings_resolve (&args, &settings, &error))
    status = cli_usage_error ("demo", "%s", error->message);
  if (status == CLI_EXIT_OK)
    status = run_demo (&settings, demo_variant (variant_name),
                       out != NULL ? out : DEMO_OUT, force, quiet);
  cli_run_settings_clear (&settings);
  cli_run_args_clear (&args);
  return status;
}
