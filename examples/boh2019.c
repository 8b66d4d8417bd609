/* staffmatch example: the split of the Bestuursdienst Ommen-Hardenberg.
 *
 * Builds the Ommen-Hardenberg case on its built-in data (boh-case.c),
 * places everyone, prints a summary a person can read, and writes the
 * outputs into a folder: the compiled market and its matching in the
 * plain formats of FORMAT.md (so that any solver can check the placement)
 * and one row per employee in placements.csv.
 *
 *     boh2019 [--out DIR] [--seed S]
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <staffmatch/staffmatch.h>

#include "boh-case.h"

/* The years of the contract table: the contracts of the case end in 2019,
 * 2020 and 2024. */
#define FIRST_YEAR 2019
#define LAST_YEAR 2025

static const char *
status_name (SmStatus status)
{
  switch (status)
    {
    case SM_STATUS_APPLIED:
      return "placed";
    case SM_STATUS_FOLLOWS_WORK:
      return "mens volgt werk";
    case SM_STATUS_SUPERNUMERARY:
      return "supernumerary";
    case SM_STATUS_MANUAL:
      return "manual";
    }
  return "?";
}

/* ---- the summary ---------------------------------------------------------- */

static void
print_receiving (const SmPlacement *p, int32_t org)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  SmOrganisationSpec o;
  sm_scenario_get_organisation (sc, org, &o);
  int32_t headcount = sm_placement_get_headcount (p, org);
  printf ("%s: %d people placed (band %d to %d)", o.name, headcount,
          o.min_headcount, o.max_headcount);
  int32_t vacancies = sm_placement_get_vacancies (p, org);
  if (vacancies > 0)
    printf (", %d to recruit", vacancies);
  printf ("\n");

  int32_t by_choice[4] = { 0 };
  for (int32_t i = 0; i < sm_scenario_get_n_employees (sc); i++)
    {
      SmEmployeeOutcome out;
      sm_placement_get_outcome (p, i, &out);
      if (out.organisation == org && out.preference > 0)
        by_choice[MIN (out.preference, 4) - 1]++;
    }
  printf ("  first choice %d, second %d, third %d, later %d\n",
          by_choice[0], by_choice[1], by_choice[2], by_choice[3]);

  printf ("  open positions:");
  int32_t n_open = 0;
  for (int32_t j = 0; j < sm_scenario_get_n_positions (sc); j++)
    {
      SmPositionSpec pos;
      sm_scenario_get_position (sc, j, &pos);
      int32_t u = sm_scenario_find_unit (sc, pos.unit_id);
      SmUnitSpec unit;
      sm_scenario_get_unit (sc, u, &unit);
      int32_t open = pos.seats - sm_placement_get_n_placed_at (p, j);
      if (strcmp (unit.organisation_id, o.id) == 0 && open > 0)
        {
          printf ("%s %s (%d)", n_open++ ? "," : "", pos.title, open);
        }
    }
  printf ("%s\n", n_open ? "" : " none");
}

/* Per unit of the default organisation: formation (the seats of its
 * positions), people placed there, and supernumeraries. */
static void
count_units (const SmPlacement *p, int32_t *formation, int32_t *placed,
             int32_t *supernumerary)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  for (int32_t j = 0; j < sm_scenario_get_n_positions (sc); j++)
    {
      SmPositionSpec pos;
      sm_scenario_get_position (sc, j, &pos);
      formation[sm_scenario_find_unit (sc, pos.unit_id)] += pos.seats;
    }
  for (int32_t i = 0; i < sm_scenario_get_n_employees (sc); i++)
    {
      SmEmployeeOutcome out;
      sm_placement_get_outcome (p, i, &out);
      if (out.status == SM_STATUS_SUPERNUMERARY)
        supernumerary[out.unit]++;
      else
        placed[out.unit]++;
    }
}

static void
print_default (const SmPlacement *p, int32_t org)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  int32_t n_units = sm_scenario_get_n_units (sc);
  g_autofree int32_t *formation = g_new0 (int32_t, n_units);
  g_autofree int32_t *placed = g_new0 (int32_t, n_units);
  g_autofree int32_t *super = g_new0 (int32_t, n_units);
  count_units (p, formation, placed, super);
  SmOrganisationSpec o;
  sm_scenario_get_organisation (sc, org, &o);
  printf ("\n%s: %d people\n", o.name, sm_placement_get_headcount (p, org));
  printf ("  %-44s %9s %7s %13s\n", "unit", "formation", "placed",
          "supernumerary");
  for (int32_t u = 0; u < n_units; u++)
    {
      SmUnitSpec unit;
      sm_scenario_get_unit (sc, u, &unit);
      if (strcmp (unit.organisation_id, o.id) != 0)
        continue;
      printf ("  %-44s %9d %7d %13d\n", unit.name, formation[u], placed[u],
              super[u]);
    }
}

/* For each year, the people placed in units whose work for another
 * organisation depends on a contract still running that year. */
static void
print_contracts (const SmPlacement *p)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  int32_t n_units = sm_scenario_get_n_units (sc);
  g_autofree int32_t *formation = g_new0 (int32_t, n_units);
  g_autofree int32_t *placed = g_new0 (int32_t, n_units);
  g_autofree int32_t *super = g_new0 (int32_t, n_units);
  count_units (p, formation, placed, super);
  printf ("\nPeople in units working under contract for another "
          "organisation\n  year:");
  for (int32_t y = FIRST_YEAR; y <= LAST_YEAR; y++)
    printf (" %5d", y);
  printf ("\n  contracts running:");
  for (int32_t y = FIRST_YEAR; y <= LAST_YEAR; y++)
    {
      int32_t people = 0;
      for (int32_t u = 0; u < n_units; u++)
        {
          SmUnitSpec unit;
          sm_scenario_get_unit (sc, u, &unit);
          if (unit.contract_client_id != NULL && unit.contract_end_year >= y)
            people += placed[u] + super[u];
        }
      printf (" %5d", people);
    }
  printf ("\n");
}

static void
print_summary (const SmPlacement *p)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  printf ("staffmatch %s: %d employees, seed %" G_GUINT64_FORMAT "\n\n",
          sm_version (), sm_scenario_get_n_employees (sc),
          sm_scenario_get_seed (sc));
  for (int32_t org = 0; org < sm_scenario_get_n_organisations (sc); org++)
    {
      SmOrganisationSpec o;
      sm_scenario_get_organisation (sc, org, &o);
      if (o.kind == SM_ORGANISATION_RECEIVING)
        print_receiving (p, org);
      else
        print_default (p, org);
    }
  print_contracts (p);
}

/* ---- the files ------------------------------------------------------------ */

/* Writes a field for a ';'-separated file, quoted when it needs to be. */
static void
put_field (GString *out, const char *text, gboolean last)
{
  if (text != NULL && strpbrk (text, ";\"\n\r") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *c = text; *c; c++)
        {
          if (*c == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *c);
        }
      g_string_append_c (out, '"');
    }
  else if (text != NULL)
    g_string_append (out, text);
  g_string_append_c (out, last ? '\n' : ';');
}

static gboolean
write_placements_csv (const SmPlacement *p, const char *path, GError **error)
{
  const SmScenario *sc = sm_placement_get_scenario (p);
  g_autoptr (GString) out = g_string_new (
      "employee_id;organisation;unit;position;preference;status\n");
  for (int32_t i = 0; i < sm_scenario_get_n_employees (sc); i++)
    {
      SmEmployeeSpec e;
      SmEmployeeOutcome r;
      SmOrganisationSpec o;
      SmUnitSpec u;
      SmPositionSpec pos = SM_POSITION_SPEC_INIT;
      sm_scenario_get_employee (sc, i, &e);
      sm_placement_get_outcome (p, i, &r);
      sm_scenario_get_organisation (sc, r.organisation, &o);
      sm_scenario_get_unit (sc, r.unit, &u);
      if (r.position >= 0)
        sm_scenario_get_position (sc, r.position, &pos);
      g_autofree char *pref = g_strdup_printf ("%d", r.preference);
      put_field (out, e.id, FALSE);
      put_field (out, o.id, FALSE);
      put_field (out, u.id, FALSE);
      put_field (out, r.position >= 0 ? pos.id : "", FALSE);
      put_field (out, r.preference > 0 ? pref : "", FALSE);
      put_field (out, status_name (r.status), TRUE);
    }
  return g_file_set_contents (path, out->str, (gssize) out->len, error);
}

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
    && sm_solution_write_file (sm_placement_get_matching (p), matching, error)
    && write_placements_csv (p, csv, error);
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
  g_autoptr (SmPlacement) placement =
    scenario != NULL ? sm_scenario_place (scenario, &error) : NULL;
  const char *dir = out_dir != NULL ? out_dir : "boh2019-out";
  if (placement == NULL || !write_outputs (placement, dir, &error))
    {
      fprintf (stderr, "boh2019: %s\n", error->message);
      return 1;
    }
  print_summary (placement);
  printf ("\nOutputs written to %s/\n", dir);
  return 0;
}
