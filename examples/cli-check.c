/* staffmatch command-line tool: `check` and `export`.
 *
 *     staffmatch check DIR|FILE
 *     staffmatch export DIR|FILE --to csv|json --out PATH
 *                       [--delimiter ';'|','] [--force]
 *
 * `check` loads a scenario with a problem list and prints every problem,
 * one per line ("FILE:LINE:COLUMN: FIELD: MESSAGE"), then their count,
 * and exits 1; a scenario without problems gets one line with its counts.
 * `export` converts a scenario: to a folder of CSV tables (';' by
 * default, as Dutch spreadsheet programs write them) or to one JSON file.
 * A folder is written as one transaction (cli_stage_begin()), replacing
 * a folder of CSV tables, or any folder with --force; a file replaces
 * only a regular file.
 */
#include "cli-common.h"

#include <stdio.h>
#include <string.h>

int
cli_check (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = cli_context_new (
      "check", "DIR|FILE",
      "Checks a scenario (a folder of CSV tables or a JSON file) and lists\n"
      "every problem with its file, line, column and field.",
      NULL);
  if (!cli_parse (context, "check", &argc, &argv))
    return CLI_EXIT_USAGE;
  if (argc != 2)
    return cli_usage_error ("check", "give one scenario: a folder of CSV "
                                     "tables or a JSON file");
  g_autoptr (SmScenario) s = cli_load ("check", argv[1]);
  if (s == NULL)
    return CLI_EXIT_FAILURE;
  printf ("OK: %s: %d organisations, %d units, %d positions, "
          "%d employees, %d applications.\n",
          argv[1], sm_scenario_get_n_organisations (s),
          sm_scenario_get_n_units (s), sm_scenario_get_n_positions (s),
          sm_scenario_get_n_employees (s), sm_scenario_get_n_applications (s));
  return CLI_EXIT_OK;
}

/* Understands --to and --delimiter; FALSE with @error on a bad value. */
static gboolean
parse_export_options (const char *to, const char *delimiter, gboolean *csv_out,
                      SmCsvDelimiter *delimiter_out, GError **error)
{
  if (to == NULL || (strcmp (to, "csv") != 0 && strcmp (to, "json") != 0))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--to must be csv or json");
      return FALSE;
    }
  *csv_out = strcmp (to, "csv") == 0;
  *delimiter_out = SM_CSV_SEMICOLON;
  if (delimiter == NULL || strcmp (delimiter, ";") == 0)
    return TRUE;
  if (strcmp (delimiter, ",") == 0)
    {
      *delimiter_out = SM_CSV_COMMA;
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
  g_autoptr (CliStage) stage
      = cli_stage_begin ("export", out, CLI_FOLDER_TABLES, force, error);
  return stage != NULL
         && sm_scenario_save_csv (scenario, cli_stage_get_path (stage),
                                  delimiter, error)
         && cli_stage_commit (stage, error);
}

static int
export_scenario (const char *source, gboolean csv, SmCsvDelimiter delimiter,
                 const char *out, gboolean force)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SmScenario) scenario = cli_load ("export", source);
  if (scenario == NULL)
    return CLI_EXIT_FAILURE;
  cli_progress ("writing %s…", out);
  gboolean ok = csv ? export_csv (scenario, delimiter, out, force, &error)
                    : sm_scenario_save_json (scenario, out, &error);
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
      "Format to write: csv (a folder of tables) or json (one file)",
      "FORMAT" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      "Folder (csv) or file (json) to write", "PATH" },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter,
      "Delimiter of the CSV files: ';' (default) or ','", "CHAR" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      "With --to csv, replace PATH even when it holds other files than "
      "CSV tables (they are removed)", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) context = cli_context_new (
      "export", "DIR|FILE",
      "Converts a scenario between a folder of CSV tables and a JSON file.",
      entries);
  g_autoptr (GError) error = NULL;
  gboolean csv = FALSE;
  SmCsvDelimiter delim = SM_CSV_SEMICOLON;
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
  return export_scenario (argv[1], csv, delim, out, force);
}
