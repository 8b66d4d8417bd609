/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch command-line tool: `explain`.
 *
 *     staffmatch explain DIR|FILE EMPLOYEE-ID [--seed S] [--mechanism M]
 *                        [--side SIDE] [--language LANG] [--regime REGIME]
 *                        [--effective-date DATE]
 *
 * Places the scenario as `solve` would with the same options (the same
 * --seed and --mechanism give the same placement) and prints
 * the decision letter of one employee (sm_letter_render() with the
 * built-in template of the language and regime): their outcome, each
 * preference with the reason it was or was not obtained (not eligible;
 * full, with rank, cutoff and the deciding criterion; a seat that went to
 * a manual placement; the headcount cap; the reflection principle; never
 * the colleagues who got the places), the rules and the lottery seed. The
 * letter goes to stdout only; an unknown identifier is an error naming the
 * identifier and the nearest ones (by edit distance, ignoring case).
 */
#include "cli-common.h"

#include <stdio.h>
#include <string.h>

/* The edit distance between @a and @b, ignoring case (ids are typed by
 * hand). */
static gsize
distance (const char *a, const char *b)
{
  gsize n = strlen (b);
  g_autofree gsize *row = g_new (gsize, n + 1);
  for (gsize j = 0; j <= n; j++)
    row[j] = j;
  for (gsize i = 1; a[i - 1] != '\0'; i++)
    {
      gsize diagonal = row[0];
      row[0] = i;
      for (gsize j = 1; j <= n; j++)
        {
          gsize above = row[j];
          gboolean same = g_ascii_tolower (a[i - 1])
                          == g_ascii_tolower (b[j - 1]);
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1),
                        diagonal + (same ? 0 : 1));
          diagonal = above;
        }
    }
  return row[n];
}

/* "; did you mean P10065 or P10067?": the (at most three) ids nearest to
 * @id, within a third of its length (at least 2 edits); "" when none. */
static char *
nearest_ids (const SmScenario *scenario, const char *id)
{
  enum { MAX_SHOWN = 3 };
  gsize limit = MAX (strlen (id) / 3, 2), best[MAX_SHOWN];
  const char *shown[MAX_SHOWN];
  int n = 0;
  for (int32_t i = 0; i < sm_scenario_get_n_employees (scenario); i++)
    {
      SmEmployeeSpec e;
      sm_scenario_get_employee (scenario, i, &e);
      gsize d = distance (id, e.id);
      if (d > limit || (n == MAX_SHOWN && d >= best[n - 1]))
        continue;
      int at = n < MAX_SHOWN ? n++ : n - 1;
      for (; at > 0 && best[at - 1] > d; at--)
        {
          best[at] = best[at - 1];
          shown[at] = shown[at - 1];
        }
      best[at] = d;
      shown[at] = e.id;
    }
  if (n == 0)
    return g_strdup ("");
  GString *out = g_string_new ("; did you mean ");
  for (int k = 0; k < n; k++)
    g_string_append_printf (out, "%s%s",
                            k == 0       ? ""
                            : k == n - 1 ? " or "
                                         : ", ",
                            shown[k]);
  g_string_append_c (out, '?');
  return g_string_free (out, FALSE);
}

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
    {
      g_autofree char *near = nearest_ids (scenario, id);
      return cli_fail ("explain", "%s: no employee with the id '%s'%s", source,
                       id, near);
    }
  if (!cli_apply_run_settings (settings, scenario, &error))
    return cli_usage_error ("explain", "%s", error->message);
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
