/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch command-line tool: `check`.
 *
 *     staffmatch check DIR|FILE [--side employees|positions]
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
 * exit 1. The warnings of loading (a column the table does not have,
 * whose values are ignored) come first, as problems are printed with
 * "warning: " before the message, and count with the others. A workbook
 * is checked as a folder is, its issues named by sheet and identifier. --side
 * checks for the side that `solve --side` would use.
 */
#include "cli-common.h"

#include <stdio.h>
#include <string.h>

/* A workbook's tables are sheets, named as the CSV files without
 * ".csv"; its issues are placed as a folder's, by identifier. */
static gboolean
is_workbook (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  return g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xlsm")
         || g_str_has_suffix (lower, ".ods");
}

/* Where an issue is, as a person finds it: in a CSV folder the table's
 * file and the item's identifier; in a JSON file the member and index. */
static char *
issue_location (const char *path, gboolean folder, const SmIssue *issue)
{
  GString *out = g_string_new (NULL);
  if (is_workbook (path))
    {
      g_autofree char *sheet = g_strdelimit (g_strdup (issue->table), "_", '-');
      g_string_append_printf (out, "%s: %s", path, sheet);
      if (issue->item_id != NULL)
        g_string_append_printf (out, ": %s", issue->item_id);
    }
  else if (folder)
    {
      g_autofree char *file = g_strdelimit (g_strconcat (issue->table, ".csv",
                                                         NULL),
                                            "_", '-');
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

/* The warnings of loading (a column that is ignored), as problems are
 * printed. */
static void
print_load_warnings (const SmProblemList *problems)
{
  g_autofree char *text = sm_problem_list_format (problems);
  fputs (text, stdout);
}

static void
print_counts (const char *path, const SmScenario *s, const SmIssueList *issues,
              int32_t load_warnings)
{
  int32_t errors = sm_issue_list_count (issues, SM_SEVERITY_ERROR);
  g_autofree char *organisations =
      count_of (sm_scenario_get_n_organisations (s), "organisation");
  g_autofree char *units = count_of (sm_scenario_get_n_units (s), "unit");
  g_autofree char *positions = count_of (sm_scenario_get_n_positions (s),
                                         "position");
  int32_t n_people = sm_scenario_get_n_employees (s);
  g_autofree char *applications = count_of (sm_scenario_get_n_applications (s),
                                            "application");
  g_autofree char *manual = count_of (sm_scenario_get_n_manual_placements (s),
                                      "manual placement");
  g_autofree char *n_errors = count_of (errors, "error");
  g_autofree char *n_warnings =
      count_of (sm_issue_list_count (issues, SM_SEVERITY_WARNING)
                    + load_warnings,
                "warning");
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
      "or positions",
      "SIDE" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) context = cli_context_new (
      "check", "DIR|FILE",
      "Checks a scenario (a folder of CSV tables, a workbook or a JSON\n"
      "file) and lists\n"
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
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  g_autoptr (SmScenario) s = cli_load_keeping ("check", argv[1], problems);
  if (s == NULL)
    return CLI_EXIT_FAILURE;
  g_autoptr (SmIssueList) issues = sm_issue_list_new ();
  gboolean ok = sm_scenario_validate (s, &options, issues, NULL);
  print_load_warnings (problems);
  print_issues (argv[1], issues);
  print_counts (argv[1], s, issues, sm_problem_list_get_n (problems));
  if (!ok)
    return cli_fail ("check",
                     "%s: the scenario has errors (listed on "
                     "standard output)",
                     argv[1]);
  return CLI_EXIT_OK;
}
