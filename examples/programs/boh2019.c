/* SPDX-License-Identifier: CC0-1.0 */
/* staffmatch example: the split of the Bestuursdienst Ommen-Hardenberg.
 *
 * Builds the Ommen-Hardenberg case on its built-in data (../case/),
 * places everyone, prints the library's summary (Ommen's headcount
 * against its band, the choices obtained, open positions, Hardenberg's
 * units with formation and supernumeraries, the contract table), and
 * writes into a folder the compiled market and its matching in the plain
 * formats (docs/instance-format.md) (so that any solver can check the
 * placement) and one row per employee in placements.csv. The command-line
 * tool's `demo` does the same and writes reports and letters besides.
 *
 *     boh2019 [--out DIR] [--seed S]
 */
#include <errno.h>
#include <stdio.h>
#include <glib/gstdio.h>
#include <staffmatch/staffmatch.h>

#include "boh-case.h"

static gboolean
write_outputs (const SmPlacement *p, const char *dir, GError **error)
{
  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "cannot create folder %s: %s", dir, g_strerror (errno));
      return FALSE;
    }
  g_autofree char *market = g_build_filename (dir, "market.txt", NULL);
  g_autofree char *matching = g_build_filename (dir, "matching.txt", NULL);
  g_autofree char *csv = g_build_filename (dir, "placements.csv", NULL);
  return sm_instance_write_file (sm_placement_get_market (p), market, error)
         && sm_solution_write_file (sm_placement_get_matching (p), matching,
                                    error)
         && sm_placement_save_csv (p, csv, SM_CSV_DELIMITER_SEMICOLON, error);
}

int
main (int argc, char **argv)
{
  g_autofree char *out_dir = NULL;
  gint64 seed = BOH_CASE_SEED;
  GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_dir,
      "folder for the outputs (default boh2019-out)", "DIR" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      "seed of the case and its lottery (default 2019)", "S" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) ctx = g_option_context_new (
      "- place the staff of the Ommen-Hardenberg split");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      fprintf (stderr, "boh2019: %s\n", error->message);
      return 2;
    }
  g_autoptr (SmScenario) scenario = boh_case_new ((uint64_t) seed, &error);
  g_autoptr (SmPlacement) placement = scenario != NULL
                                          ? sm_scenario_place (scenario, &error)
                                          : NULL;
  const char *dir = out_dir != NULL ? out_dir : "boh2019-out";
  if (placement == NULL || !write_outputs (placement, dir, &error))
    {
      fprintf (stderr, "boh2019: %s\n", error->message);
      return 1;
    }
  g_autofree char *summary = sm_report_summary_text (placement);
  fputs (summary, stdout);
  printf ("\nOutputs written to %s/\n", dir);
  return 0;
}
