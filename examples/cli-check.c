/* staffmatch command-line tool: `check` and `export`.
 *
 *     staffmatch check DIR|FILE [--side employees|positions]
 *     staffmatch export DIR|FILE --to csv|json --out PATH
 *                       [--delimiter ';'|','] [--force]
 *
 * `check` loads a scenario with a problem list; when it does not load, it
 * prints every problem, one per line ("FILE:LINE:COLUMN: FIELD:
 * MESSAGE"), then their count, and exits 1. A scenario that loads is then
 * validated as a whole (validate.h): every error (what `solve` would
 * refuse, or data that cannot be right) and warning (what looks like a
 * mistake) is printed, one per line, as
 *
 *     FILE: ID: FIELD: error|warning: MESSAGE          (a CSV folder)
 *     FILE: TABLE[INDEX]: FIELD: error|warning: MESSAGE (a JSON file)
 *
 * leaving out what does not apply, and then one line of counts, which
 * starts with "OK:" when there is no error. Warnings alone exit 0, errors
 * exit 1. --side checks for the side that `solve --side` would use.
 * `export` converts a scenario: to a folder of CSV tables (';' by
 * default, as Dutch spreadsheet programs write them) or to one JSON file.
 * A folder is written as one transaction (cli_stage_begin()), replacing
 * a folder of CSV tables, or any folder with --force; a file replaces
 * only a regular file.
 */
#include "cli-common.h"

#include <stdio.h>
#include <string.h>

/* Where an issue is, as a person finds it: in a CSV folder the table's
 * file and the item's identifier; in a JSON file the member and index. */
static char *
issue_location (const char *path, gboolean folder, const SmIssue *issue)
{
  GString *out = g_string_new (NULL);
  if (folder)
    {
      g_autofree char *file = g_strdelimit (g_strconcat (issue->table, ".csv",
                                                         NULL), "_", '-');
      g_autofree char *full = g_build_filename (path, file, NULL);
      g_string_append (out, full);
      if (issue->item_id != NULL)
        g_string_append_printf (out, ": %s", issue->item_id);
    }
  else
    {
      g_string_append_printf (out, "%s: %s", path, issue->table);
      if (issue->index >= 0)
        g_string_append_printf (out, "[%d]", issue->index);
    }
  if (issue->field != NULL)
    g_string_append_printf (out, ": %s", issue->field);
  return g_string_free (out, FALSE);
}

static void
print_issues (const char *path, const SmIssueList *issues)
{
  gboolean folder = g_file_test (path, G_FILE_TEST_IS_DIR);
  SmIssue issue;
  for (int32_t k = 0; sm_issue_list_get (issues, k, &issue); k++)
    {
      g_autofree char *where = issue_location (path, folder, &issue);
      printf ("%s: %s: %s\n", where,
              issue.severity == SM_SEVERITY_ERROR ? "error" : "warning",
              issue.message);
    }
}

/* "1 error", "2 errors". */
static char *
count_of (int32_t n, const char *what)
{
  return g_strdup_printf ("%d %s%s", n, what, n == 1 ? "" : "s");
}

static void
print_counts (const char *path, const SmScenario *s, const SmIssueList *issues)
{
  int32_t errors = sm_issue_list_count (issues, SM_SEVERITY_ERROR);
  g_autofree char *organisations =
      count_of (sm_scenario_get_n_organisations (s), "organisation");
  g_autofree char *units = count_of (sm_scenario_get_n_units (s), "unit");
  g_autofree char *positions =
      count_of (sm_scenario_get_n_positions (s), "position");
  int32_t n_people = sm_scenario_get_n_employees (s);
  g_autofree char *applications =
      count_of (sm_scenario_get_n_applications (s), "application");
  g_autofree char *manual =
      count_of (sm_scenario_get_n_manual_placements (s), "manual placement");
  g_autofree char *n_errors = count_of (errors, "error");
  g_autofree char *n_warnings =
      count_of (sm_issue_list_count (issues, SM_SEVERITY_WARNING), "warning");
  printf ("%s%s: %s, %s, %s, %d %s, %s, %s; %s, %s.\n",
          errors == 0 ? "OK: " : "", path, organisations, units, positions,
          n_people, n_people == 1 ? "person" : "people", applications, manual,
          n_errors, n_warnings);
}

static gboolean
parse_side (const char *text, SmPlaceOptions *options)
{
  if (text == NULL || strcmp (text, "employees") == 0)
    options->proposing = SM_SIDE_EMPLOYEES;
  else if (strcmp (text, "positions") == 0)
    options->proposing = SM_SIDE_POSITIONS;
  else
    return FALSE;
  return TRUE;
}

int
cli_check (int argc, char **argv)
{
  g_autofree char *side = NULL;
  const GOptionEntry entries[] = {
    { "side", 0, 0, G_OPTION_ARG_STRING, &side,
      "Check for this side proposing, as solve --side: employees (default) "
      "or positions", "SIDE" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) context = cli_context_new (
      "check", "DIR|FILE",
      "Checks a scenario (a folder of CSV tables or a JSON file) and lists\n"
      "every problem with its file, line, column and field; then every\n"
      "error that solve would refuse and every warning of what looks wrong.",
      entries);
  SmPlaceOptions options = SM_PLACE_OPTIONS_INIT;
  if (!cli_parse (context, "check", &argc, &argv))
    return CLI_EXIT_USAGE;
  if (argc != 2)
    return cli_usage_error ("check", "give one scenario: a folder of CSV "
                                     "tables or a JSON file");
  if (!parse_side (side, &options))
    return cli_usage_error ("check", "--side must be employees or positions");
  g_autoptr (SmScenario) s = cli_load ("check", argv[1]);
  if (s == NULL)
    return CLI_EXIT_FAILURE;
  g_autoptr (SmIssueList) issues = sm_issue_list_new ();
  gboolean ok = sm_scenario_validate (s, &options, issues, NULL);
  print_issues (argv[1], issues);
  print_counts (argv[1], s, issues);
  if (!ok)
    return cli_fail ("check", "%s: the scenario has errors (listed on "
                              "standard output)", argv[1]);
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
  return export_scenario (argv[1], csv, delim, out, force);
}
