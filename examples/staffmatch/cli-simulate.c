/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch command-line tool: `simulate`.
 *
 *     staffmatch simulate DIR|FILE --out DIR [--runs N] [--mechanism M]
 *                         [--threads T] [--seed S] [--language nl|en]
 *
 * Runs N draws of the scenario's lottery (sm_scenario_simulate()) under
 * each mechanism (deferred acceptance with single tie-breaking, with
 * per-position tie-breaking, and with stable improvement cycles), prints
 * them side by side, and writes to the output folder:
 *   - probabilities.csv and probabilities.json: under the chosen
 *     mechanism (--mechanism, da-single unless given), every employee's
 *     possible outcomes with how often each came up, its probability and
 *     the 95% interval;
 *   - mechanisms.csv: the comparison (first choices, mean and spread;
 *     placed, following their work, supernumerary; how many people's
 *     outcome depends on the draw; improvement cycles; placements by
 *     preference);
 *   - probabilities.xlsx: the chosen mechanism's probabilities as a
 *     workbook (sm_simulation_save_xlsx());
 *   - simulation.html: the report (sm_report_simulation_html()), the
 *     chosen mechanism first, in Dutch unless --language en.
 * On a terminal, standard error shows how far each simulation has got.
 * The CSV and JSON files name employees and positions by identifier
 * only; the workbook and the report also give names, for HR. The same
 * scenario, seed and runs give the same files whatever --threads says.
 */
#include "cli-common.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <staffmatch/report.h>
#include <staffmatch/simulation.h>
#include <staffmatch/workbook.h>

typedef struct {
  int runs;
  int threads;
  char *mechanism;
  char *seed;
  char *language_name;
  SmLanguage language;
  char *out;
} SimulateArgs;

/* A CSV field, quoted when it holds a comma, a quote or a line break. */
static void
csv_field (GString *out, const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static const char *
outcome_name (const SmScenario *s, const SmSimulatedOutcome *o)
{
  SmPositionSpec p;
  if (o->position < 0 || !sm_scenario_get_position (s, o->position, &p))
    return "";
  return p.id;
}

static char *
probabilities_csv (const SmSimulation *sim)
{
  const SmScenario *s = sm_simulation_get_scenario (sim);
  GString *out = g_string_new ("employee,position,status,preference,draws,"
                               "probability,low,high\n");
  for (int32_t i = 0; i < sm_scenario_get_n_employees (s); i++)
    {
      SmEmployeeSpec e;
      SmSimulatedOutcome o;
      sm_scenario_get_employee (s, i, &e);
      for (int32_t k = 0; sm_simulation_get_outcome (sim, i, k, &o); k++)
        {
          csv_field (out, e.id);
          g_string_append_c (out, ',');
          csv_field (out, outcome_name (s, &o));
          g_string_append_printf (out,
                                  ",%s,%d,%" G_GINT64_FORMAT
                                  ",%.4f,%.4f,%.4f\n",
                                  sm_status_to_string (o.status),
                                  (int) o.preference, o.n_draws, o.probability,
                                  o.low, o.high);
        }
    }
  return g_string_free (out, FALSE);
}

static void
add_outcome_json (JsonBuilder *b, const SmScenario *s,
                  const SmSimulatedOutcome *o)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "position");
  if (o->position < 0)
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, outcome_name (s, o));
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, sm_status_to_string (o->status));
  json_builder_set_member_name (b, "preference");
  json_builder_add_int_value (b, o->preference);
  json_builder_set_member_name (b, "draws");
  json_builder_add_int_value (b, o->n_draws);
  json_builder_set_member_name (b, "probability");
  json_builder_add_double_value (b, o->probability);
  json_builder_set_member_name (b, "low");
  json_builder_add_double_value (b, o->low);
  json_builder_set_member_name (b, "high");
  json_builder_add_double_value (b, o->high);
  json_builder_end_object (b);
}

static void
add_header_json (JsonBuilder *b, const SmSimulation *sim)
{
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                           sm_simulation_get_seed (sim));
  json_builder_set_member_name (b, "library_version");
  json_builder_add_string_value (b, sm_version ());
  json_builder_set_member_name (b, "mechanism");
  json_builder_add_string_value (b, sm_mechanism_to_string (
                                        sm_simulation_get_mechanism (sim)));
  json_builder_set_member_name (b, "seed");
  json_builder_add_string_value (b, seed);
  json_builder_set_member_name (b, "runs");
  json_builder_add_int_value (b, sm_simulation_get_n_runs (sim));
}

static char *
probabilities_json (const SmSimulation *sim)
{
  const SmScenario *s = sm_simulation_get_scenario (sim);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  add_header_json (b, sim);
  json_builder_set_member_name (b, "employees");
  json_builder_begin_array (b);
  for (int32_t i = 0; i < sm_scenario_get_n_employees (s); i++)
    {
      SmEmployeeSpec e;
      SmSimulatedOutcome o;
      sm_scenario_get_employee (s, i, &e);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, e.id);
      json_builder_set_member_name (b, "outcomes");
      json_builder_begin_array (b);
      for (int32_t k = 0; sm_simulation_get_outcome (sim, i, k, &o); k++)
        add_outcome_json (b, s, &o);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

/* The mean number of people placed at preference @p per draw. */
static double
rank_mean (const SmSimulation *sim, int32_t p)
{
  int64_t n = 0;
  sm_simulation_get_rank_count (sim, p, &n);
  return (double) n / sm_simulation_get_n_runs (sim);
}

static void
comparison_row (GString *csv, const SmSimulation *sim)
{
  SmSimulationSummary s;
  sm_simulation_get_summary (sim, &s);
  g_string_append_printf (
      csv,
      "%s,%d,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%d,%" G_GINT64_FORMAT
      ",%.2f,%.2f,%.2f\n",
      sm_mechanism_to_string (sm_simulation_get_mechanism (sim)),
      (int) s.n_runs, s.first_choices_mean, s.first_choices_sd, s.placed_mean,
      s.follows_work_mean, s.supernumerary_mean, s.supernumerary_sd,
      (int) s.n_depending, s.n_cycles, rank_mean (sim, 1), rank_mean (sim, 2),
      rank_mean (sim, 3));
  printf ("%-16s %8.2f (sd %5.2f) %8.2f %8.2f %8.2f %10d %8" G_GINT64_FORMAT
          "\n",
          sm_mechanism_to_string (sm_simulation_get_mechanism (sim)),
          s.first_choices_mean, s.first_choices_sd, s.placed_mean,
          s.follows_work_mean, s.supernumerary_mean, (int) s.n_depending,
          s.n_cycles);
}

static gboolean
write_file (const char *dir, const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  if (g_file_set_contents (path, text, -1, &error))
    return TRUE;
  cli_fail ("simulate", "%s", error->message);
  return FALSE;
}

/* Shows how far a simulation has got, on one line of the terminal. */
static void
show_progress (int32_t done, int32_t total, gpointer data)
{
  const char *mechanism = data;
  fprintf (stderr, "\r%s: %d of %d draws (%d%%)", mechanism, (int) done,
           (int) total, (int) ((int64_t) done * 100 / total));
  if (done == total)
    fputc ('\n', stderr);
  fflush (stderr);
}

static SmSimulation *
simulate_one (const SmScenario *s, const SimulateArgs *args, SmMechanism m)
{
  SmSimulationOptions options = SM_SIMULATION_OPTIONS_INIT;
  options.n_runs = args->runs;
  options.n_threads = args->threads;
  options.mechanism = m;
  if (isatty (STDERR_FILENO))
    {
      options.progress = show_progress;
      options.progress_data = (gpointer) sm_mechanism_to_string (m);
    }
  g_autoptr (GError) error = NULL;
  SmSimulation *sim = sm_scenario_simulate (s, &options, &error);
  if (sim == NULL)
    cli_fail ("simulate", "cannot simulate: %s", error->message);
  return sim;
}

/* The simulations with the chosen mechanism's first, then the others in
 * their order; returns how many. */
static int32_t
chosen_first (SmSimulation **sims, SmMechanism chosen,
              const SmSimulation **order)
{
  int32_t n = 0;
  order[n++] = sims[chosen];
  for (int m = 0; m <= SM_MECHANISM_DA_SIC; m++)
    if ((SmMechanism) m != chosen)
      order[n++] = sims[m];
  return n;
}

/* The chosen mechanism's probabilities as CSV, JSON and a workbook (with
 * the other mechanisms beside them), and the report. */
static gboolean
write_outputs (SmSimulation **sims, SmMechanism chosen,
               const SimulateArgs *args)
{
  const SmSimulation *order[SM_MECHANISM_DA_SIC + 1];
  int32_t n = chosen_first (sims, chosen, order);
  g_autofree char *p_csv = probabilities_csv (order[0]);
  g_autofree char *p_json = probabilities_json (order[0]);
  g_autofree char *xlsx = g_build_filename (args->out, "probabilities.xlsx",
                                            NULL);
  SmReportOptions options = SM_REPORT_OPTIONS_INIT;
  options.language = args->language;
  g_autoptr (GError) error = NULL;
  if (!write_file (args->out, "probabilities.csv", p_csv)
      || !write_file (args->out, "probabilities.json", p_json))
    return FALSE;
  g_autofree char *html = sm_report_simulation_html (order, n, &options,
                                                     &error);
  if (html == NULL || !sm_simulation_save_xlsx (order, n, xlsx, &error))
    {
      cli_fail ("simulate", "%s", error->message);
      return FALSE;
    }
  return write_file (args->out, "simulation.html", html);
}

/* Runs every mechanism; writes the chosen one's probabilities, the
 * comparison and the report. */
static int
simulate_all (const SmScenario *s, const SimulateArgs *args, SmMechanism chosen)
{
  g_autoptr (GString) csv = g_string_new (
      "mechanism,runs,first_choices_mean,first_choices_sd,placed_mean,"
      "follows_work_mean,supernumerary_mean,supernumerary_sd,depending,"
      "cycles,preference_1_mean,preference_2_mean,preference_3_mean\n");
  SmSimulation *sims[SM_MECHANISM_DA_SIC + 1] = { NULL };
  int status = CLI_EXIT_OK;
  for (int m = 0; m <= SM_MECHANISM_DA_SIC && status == CLI_EXIT_OK; m++)
    {
      sims[m] = simulate_one (s, args, (SmMechanism) m);
      if (sims[m] == NULL)
        status = CLI_EXIT_FAILURE;
    }
  if (status == CLI_EXIT_OK)
    {
      printf ("%-16s %22s %8s %8s %8s %10s %8s\n", "mechanism", "first choices",
              "placed", "follows", "supern.", "depending", "cycles");
      for (int m = 0; m <= SM_MECHANISM_DA_SIC; m++)
        comparison_row (csv, sims[m]);
      printf ("(means per draw over %d draws; da-sic is not "
              "strategy-proof)\n",
              args->runs);
      if (!write_file (args->out, "mechanisms.csv", csv->str)
          || !write_outputs (sims, chosen, args))
        status = CLI_EXIT_FAILURE;
    }
  for (int m = 0; m <= SM_MECHANISM_DA_SIC; m++)
    sm_simulation_unref (sims[m]);
  return status;
}

static int
run_simulate (const char *source, SimulateArgs *args)
{
  SmMechanism chosen = SM_MECHANISM_DA_SINGLE;
  uint64_t seed = 0;
  g_autoptr (GError) error = NULL;
  if ((args->mechanism != NULL
       && !cli_parse_mechanism (args->mechanism, &chosen, &error))
      || (args->language_name != NULL
          && !cli_parse_language (args->language_name, &args->language, &error))
      || (args->seed != NULL && !cli_parse_seed (args->seed, &seed, &error)))
    return cli_usage_error ("simulate", "%s", error->message);
  if (args->runs < 1 || args->threads < 0)
    return cli_usage_error ("simulate", "--runs must be 1 or more and "
                                        "--threads 0 or more");
  g_autoptr (SmScenario) scenario = cli_load ("simulate", source);
  if (scenario == NULL)
    return CLI_EXIT_FAILURE;
  if (args->seed != NULL)
    sm_scenario_set_seed (scenario, seed);
  if (!cli_make_folder (args->out, &error))
    return cli_fail ("simulate", "%s", error->message);
  return simulate_all (scenario, args, chosen);
}

int
cli_simulate (int argc, char **argv)
{
  SimulateArgs args = { 1000, 0, NULL, NULL, NULL, SM_LANGUAGE_DUTCH, NULL };
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &args.runs, "number of draws (1000)",
      "N" },
    { "mechanism", 0, 0, G_OPTION_ARG_STRING, &args.mechanism,
      "whose probabilities to write: da-single, da-per-position or da-sic",
      "M" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &args.threads,
      "worker threads (0: one per processor)", "T" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &args.seed,
      "the lottery seed of draw 0 (the scenario's unless given)", "S" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &args.language_name,
      "language of simulation.html: nl (default) or en", "LANG" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &args.out, "output folder", "DIR" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) context = cli_context_new (
      "simulate", "DIR|FILE",
      "Draws the scenario's lottery many times under each mechanism and\n"
      "writes every employee's chances (probabilities.csv, .json, .xlsx),\n"
      "a comparison of the mechanisms (mechanisms.csv) and a report with\n"
      "charts (simulation.html).",
      entries);
  int status = CLI_EXIT_OK;
  if (!cli_parse (context, "simulate", &argc, &argv))
    status = CLI_EXIT_USAGE;
  else if (argc != 2 || args.out == NULL)
    status = cli_usage_error ("simulate", "give a scenario and --out DIR");
  if (status == CLI_EXIT_OK)
    status = run_simulate (argv[1], &args);
  g_free (args.mechanism);
  g_free (args.seed);
  g_free (args.language_name);
  g_free (args.out);
  return status;
}
