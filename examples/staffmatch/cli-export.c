/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch command-line tool: `export`.
 *
 *     staffmatch export DIR|FILE --to csv|json|xlsx|instance --out PATH
 *                       [--delimiter ';'|','] [--force]
 *
 * `export` converts a scenario: to a folder of CSV tables (';' by
 * default, as Dutch spreadsheet programs write them), to one JSON file,
 * to one workbook (--to xlsx, sm_scenario_save_xlsx()), or to its market
 * in the plain instance format (--to instance): the compiled priority
 * orders with the rules' ties as groups (version 2 of the format when
 * some rule leaves a tie, else version 1; docs/instance-format.md), so
 * that other programs can solve it and check any matching against it.
 * A folder is written as one transaction (cli_stage_begin()), replacing
 * a folder of CSV tables, or any folder with --force; a file replaces
 * only a regular file.
 */
#include "cli-common.h"
#include "cli-folder.h"

#include <string.h>
#include <staffmatch/workbook.h>

static gboolean
parse_export_options (const char *to, const char *delimiter, gboolean *csv_out,
                      SmCsvDelimiter *delimiter_out, GError **error)
{
  if (to == NULL
      || (strcmp (to, "csv") != 0 && strcmp (to, "json") != 0
          && strcmp (to, "xlsx") != 0 && strcmp (to, "instance") != 0))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--to must be csv, json, xlsx or instance");
      return FALSE;
    }
  *csv_out = strcmp (to, "csv") == 0;
  *delimiter_out = SM_CSV_DELIMITER_SEMICOLON;
  if (delimiter == NULL || strcmp (delimiter, ";") == 0)
    return TRUE;
  if (strcmp (delimiter, ",") == 0)
    {
      *delimiter_out = SM_CSV_DELIMITER_COMMA;
      return TRUE;
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "--delimiter must be ';' or ','");
  return FALSE;
}

/* The tables into a staging folder that then takes the place of @out. */
static gboolean
export_csv (const SmScenario *scenario, SmCsvDelimiter delimiter,
            const char *out, gboolean force, GError **error)
{
  g_autoptr (CliStage)
      stage = cli_stage_begin ("export", out, CLI_FOLDER_TABLES, force, error);
  return stage != NULL
         && sm_scenario_save_csv (scenario, cli_stage_get_path (stage),
                                  delimiter, error)
         && cli_stage_commit (stage, error);
}

/* The scenario's market with its ties, in the instance format. */
static gboolean
export_instance (const SmScenario *scenario, const char *out, GError **error)
{
  g_autoptr (SmMarket) market = sm_scenario_compile_with_ties (scenario, error);
  return market != NULL && sm_instance_write_file (market, out, error);
}

static int
export_scenario (const char *source, const char *to, gboolean csv,
                 SmCsvDelimiter delimiter, const char *out, gboolean force)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SmScenario) scenario = cli_load ("export", source);
  if (scenario == NULL)
    return CLI_EXIT_FAILURE;
  cli_progress ("writing %s…", out);
  gboolean ok;
  if (csv)
    ok = export_csv (scenario, delimiter, out, force, &error);
  else if (strcmp (to, "xlsx") == 0)
    ok = sm_scenario_save_xlsx (scenario, out, &error);
  else if (strcmp (to, "instance") == 0)
    ok = export_instance (scenario, out, &error);
  else
    ok = sm_scenario_save_json (scenario, out, &error);
  if (!ok)
    return cli_fail ("export", "%s", error->message);
  return CLI_EXIT_OK;
}

int
cli_export (int argc, char **argv)
{
  g_autofree char *to = NULL, *out = NULL, *delimiter = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      "Format to write: csv (a folder of tables), json (one file), xlsx "
      "(one workbook) or instance (the market with its ties, in the plain "
      "instance format)",
      "FORMAT" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      "Folder (csv) or file (json, xlsx, instance) to write", "PATH" },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter,
      "Delimiter of the CSV files: ';' (default) or ','", "CHAR" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      "With --to csv, replace PATH even when it holds other files than "
      "CSV tables (they are removed)",
      NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext)
      context = cli_context_new ("export", "DIR|FILE",
                                 "Converts a scenario between a folder of CSV "
                                 "tables, a JSON file and a workbook, or "
                                 "writes its market (with the rules' ties) "
                                 "in the plain instance format.",
                                 entries);
  g_autoptr (GError) error = NULL;
  gboolean csv = FALSE;
  SmCsvDelimiter delim = SM_CSV_DELIMITER_SEMICOLON;
  if (!cli_parse (context, "export", &argc, &argv))
    return CLI_EXIT_USAGE;
  if (argc != 2)
    return cli_usage_error ("export", "give one scenario: a folder of CSV "
                                      "tables or a JSON file");
  if (out == NULL)
    return cli_usage_error ("export", "--out PATH is required");
  if (!parse_export_options (to, delimiter, &csv, &delim, &error))
    return cli_usage_error ("export", "%s", error->message);
  if (!csv && delimiter != NULL)
    return cli_usage_error ("export", "--delimiter applies to --to csv");
  return export_scenario (argv[1], to, csv, delim, out, force);
}
