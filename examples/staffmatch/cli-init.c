/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch command-line tool: `init`.
 *
 *     staffmatch init DIR
 *     staffmatch init --xlsx FILE
 *
 * `init` writes an empty scenario for HR to fill in: a folder of CSV
 * tables (';', as Dutch spreadsheet programs write them) with
 * README.txt, or one workbook whose first sheet is the README and whose
 * columns with a few fixed words offer them in a list. Every table has
 * its header row and one example row (sm_scenario_new_template()), so
 * that the template loads, checks and places as it is.
 *
 * It never writes over anything: the folder must be new or empty, the
 * workbook new. The folder is written as one transaction
 * (cli_stage_begin()), the workbook atomically.
 */
#include "cli-common.h"
#include "cli-folder.h"

#include <glib/gstdio.h>
#include <staffmatch/workbook.h>

static gboolean
is_new_or_empty (const char *dir)
{
  if (!g_file_test (dir, G_FILE_TEST_EXISTS))
    return TRUE;
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  return d != NULL && g_dir_read_name (d) == NULL;
}

static gboolean
write_readme (const char *dir, GError **error)
{
  g_autofree char *path = g_build_filename (dir, "README.txt", NULL);
  g_autofree char *text = sm_template_readme ();
  return g_file_set_contents (path, text, -1, error);
}

static int
init_folder (const char *dir)
{
  g_autoptr (GError) error = NULL;
  if (!is_new_or_empty (dir))
    return cli_fail ("init",
                     "%s: the folder exists and is not empty; init writes "
                     "only into a new or empty folder",
                     dir);
  g_autoptr (SmScenario) template = sm_scenario_new_template ();
  g_autoptr (CliStage)
      stage = cli_stage_begin ("init", dir, CLI_FOLDER_TABLES, FALSE, &error);
  if (stage == NULL
      || !sm_scenario_save_csv (template, cli_stage_get_path (stage),
                                SM_CSV_DELIMITER_SEMICOLON, &error)
      || !write_readme (cli_stage_get_path (stage), &error)
      || !cli_stage_commit (stage, &error))
    return cli_fail ("init", "%s", error->message);
  return CLI_EXIT_OK;
}

static int
init_workbook (const char *path)
{
  g_autoptr (GError) error = NULL;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return cli_fail ("init",
                     "%s: the file exists; init writes only a new workbook",
                     path);
  g_autoptr (SmScenario) template = sm_scenario_new_template ();
  if (!sm_scenario_save_xlsx (template, path, &error))
    return cli_fail ("init", "%s", error->message);
  return CLI_EXIT_OK;
}

int
cli_init (int argc, char **argv)
{
  g_autofree char *xlsx = NULL;
  const GOptionEntry entries[] = {
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx,
      "Write one workbook (.xlsx) instead of a folder", "FILE" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) context = cli_context_new (
      "init", "DIR | --xlsx FILE",
      "Writes an empty scenario to fill in: every table with its header,\n"
      "one example row and a README that explains each column.",
      entries);
  if (!cli_parse (context, "init", &argc, &argv))
    return CLI_EXIT_USAGE;
  if ((xlsx == NULL) == (argc != 2) || argc > 2)
    return cli_usage_error ("init", "give a folder, or --xlsx FILE");
  return xlsx != NULL ? init_workbook (xlsx) : init_folder (argv[1]);
}
