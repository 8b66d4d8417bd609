/* staffmatch command-line tool: the output set of `solve` and `demo`.
 *
 * Into the output folder (created with its parents):
 *
 *     placements.csv    one row per employee (';'), sm_placement_save_csv()
 *     placements.json   the same with reasons, sm_placement_save_json()
 *     summary.txt       the text summary, sm_report_summary_text()
 *     summary.md        the same in Markdown
 *     report.html       the HTML report with its SVG charts
 *     market.txt        the compiled market (hr-instance 1, FORMAT.md)
 *     matching.txt      its matching (hr-solution 1)
 *     letters/ID.txt    one decision letter per employee
 *     scenario/TABLE.csv (demo only) the scenario used, ';'-separated
 *     manifest.json     written last (below)
 *
 * Every file is written atomically (a temporary file renamed into place).
 * An old manifest.json is removed before anything else is written, so a
 * folder holds a manifest only when every file it lists was written by
 * the same run; a run that fails leaves no manifest (and no temporary
 * file), and the message names the file and the system's reason.
 *
 * The manifest (format "staffmatch-manifest", version 1) records what is
 * needed to reproduce and verify the outputs: the library version, the
 * command, the seed (a decimal string), the tie-breaking, the proposing
 * side, the letters' language, regime and effective date, the scenario's
 * checksum, its priority rules (all of them, or the built-in default rule
 * when it has none) and the default rule's id, the input files with their
 * SHA-256 (a folder's *.csv sorted by name, or the JSON file; none for the
 * built-in case, whose "source" is "built-in"), and every output file
 * written, one entry per file and per letter, with its SHA-256, in the
 * order written. The same run gives the same manifest bytes: it holds no
 * time stamps and no absolute paths.
 */
#include "cli-common.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#define MANIFEST_NAME "manifest.json"

typedef struct
{
  const SmPlacement *placement;
  const CliRun *run;
  const char *dir;
  GPtrArray *outputs; /* paths relative to @dir, in the order written */
} Job;

/* Writes one output at @path; adds what it wrote to job->outputs. */
typedef gboolean (*WriteFunc) (Job *job, const char *name, const char *path,
                               GError **error);

/* ---- the outputs --------------------------------------------------------- */

static gboolean
write_placements_csv (Job *job, const char *name, const char *path,
                      GError **error)
{
  return sm_placement_save_csv (job->placement, path, SM_CSV_SEMICOLON, error);
}

static gboolean
write_placements_json (Job *job, const char *name, const char *path,
                       GError **error)
{
  return sm_placement_save_json (job->placement, path, error);
}

static gboolean
write_summary_text (Job *job, const char *name, const char *path,
                    GError **error)
{
  g_autofree char *text = sm_report_summary_text (job->placement);
  return cli_write_file (path, text, -1, error);
}

static gboolean
write_summary_markdown (Job *job, const char *name, const char *path,
                        GError **error)
{
  g_autofree char *text = sm_report_summary_markdown (job->placement);
  return cli_write_file (path, text, -1, error);
}

static gboolean
write_report (Job *job, const char *name, const char *path, GError **error)
{
  return sm_report_write_html (job->placement, path, error);
}

static gboolean
write_market (Job *job, const char *name, const char *path, GError **error)
{
  return sm_instance_write_file (sm_placement_get_market (job->placement), path,
                                 error);
}

static gboolean
write_matching (Job *job, const char *name, const char *path, GError **error)
{
  return sm_solution_write_file (sm_placement_get_matching (job->placement),
                                 path, error);
}

/* One entry per letter, named as sm_letter_write_all() names them. */
static gboolean
write_letters (Job *job, const char *name, const char *path, GError **error)
{
  const SmScenario *s = sm_placement_get_scenario (job->placement);
  if (!sm_letter_write_all (job->placement, path, &job->run->settings->letter,
                            error))
    return FALSE;
  for (int32_t k = 0; k < sm_scenario_get_n_employees (s); k++)
    {
      SmEmployeeSpec e;
      sm_scenario_get_employee (s, k, &e);
      g_ptr_array_add (job->outputs, g_strdup_printf ("%s/%s.txt", name, e.id));
    }
  return TRUE;
}

static gboolean
write_scenario (Job *job, const char *name, const char *path, GError **error)
{
  if (!job->run->save_scenario)
    return TRUE;
  const SmScenario *s = sm_placement_get_scenario (job->placement);
  if (!sm_scenario_save_csv (s, path, SM_CSV_SEMICOLON, error))
    return FALSE;
  g_autoptr (GPtrArray) files = cli_list_inputs (path, error);
  if (files == NULL)
    return FALSE;
  for (guint k = 0; k < files->len; k++)
    {
      g_autofree char *base = g_path_get_basename (files->pdata[k]);
      g_ptr_array_add (job->outputs, g_strdup_printf ("%s/%s", name, base));
    }
  return TRUE;
}

static const struct
{
  const char *name;
  WriteFunc write;
  gboolean is_file; /* one output of that name; else it adds its own */
} outputs[] = {
  { "placements.csv", write_placements_csv, TRUE },
  { "placements.json", write_placements_json, TRUE },
  { "summary.txt", write_summary_text, TRUE },
  { "summary.md", write_summary_markdown, TRUE },
  { "report.html", write_report, TRUE },
  { "market.txt", write_market, TRUE },
  { "matching.txt", write_matching, TRUE },
  { "letters", write_letters, FALSE },
  { "scenario", write_scenario, FALSE },
};

/* ---- the manifest -------------------------------------------------------- */

static void
add_rule (JsonBuilder *b, const SmPriorityRule *rule)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, sm_priority_rule_get_id (rule));
  json_builder_set_member_name (b, "criteria");
  json_builder_begin_array (b);
  for (int32_t k = 0; k < sm_priority_rule_get_n_criteria (rule); k++)
    {
      SmCriterion criterion;
      SmDirection direction;
      sm_priority_rule_get_criterion (rule, k, &criterion, &direction);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "criterion");
      json_builder_add_string_value (b, sm_criterion_to_string (criterion));
      json_builder_set_member_name (b, "prefer");
      json_builder_add_string_value (b, direction == SM_PREFER_HIGH ? "high"
                                                                    : "low");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  int32_t distance = sm_priority_rule_get_max_grade_distance (rule);
  json_builder_set_member_name (b, "max_grade_distance");
  if (distance >= 0)
    json_builder_add_int_value (b, distance);
  else
    json_builder_add_null_value (b);
  SmFit fit = sm_priority_rule_get_min_fit (rule);
  json_builder_set_member_name (b, "min_fit");
  if (fit != SM_FIT_NONE)
    json_builder_add_string_value (b, sm_fit_to_string (fit));
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "require_qualifications");
  json_builder_add_boolean_value (
      b, sm_priority_rule_get_require_qualifications (rule));
  json_builder_end_object (b);
}

static void
add_rules (JsonBuilder *b, const SmScenario *s)
{
  json_builder_set_member_name (b, "rules");
  json_builder_begin_array (b);
  for (int32_t k = 0; k < sm_scenario_get_n_rules (s); k++)
    add_rule (b, sm_scenario_get_rule (s, k));
  if (sm_scenario_get_n_rules (s) == 0)
    add_rule (b, sm_scenario_get_default_rule (s));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "default_rule");
  json_builder_add_string_value (
      b, sm_priority_rule_get_id (sm_scenario_get_default_rule (s)));
}

/* [{ "path", "sha256" }] for @paths, named relative to @base (or as
 * given when @base is NULL). */
static gboolean
add_files (JsonBuilder *b, const char *member, const char *base,
           const GPtrArray *paths, GError **error)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint k = 0; k < paths->len; k++)
    {
      const char *path = paths->pdata[k];
      g_autofree char *full = base != NULL ? g_build_filename (base, path, NULL)
                                           : g_strdup (path);
      g_autofree char *sha = cli_sha256_file (full, error);
      if (sha == NULL)
        return FALSE;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "path");
      json_builder_add_string_value (b, path);
      json_builder_set_member_name (b, "sha256");
      json_builder_add_string_value (b, sha);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return TRUE;
}

static void
add_string (JsonBuilder *b, const char *member, const char *value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value);
}

static void
add_letters (JsonBuilder *b, const SmLetterOptions *letter)
{
  g_autofree char *date = sm_date_to_iso (letter->effective_date);
  json_builder_set_member_name (b, "letters");
  json_builder_begin_object (b);
  add_string (b, "language", cli_language_name (letter->language));
  add_string (b, "regime", cli_regime_name (letter->regime));
  add_string (b, "effective_date", date);
  json_builder_end_object (b);
}

/* The members before the files: what ran, on what, with which settings. */
static void
add_run (JsonBuilder *b, const Job *job)
{
  const SmScenario *s = sm_placement_get_scenario (job->placement);
  g_autofree char *seed
      = g_strdup_printf ("%" G_GUINT64_FORMAT, sm_scenario_get_seed (s));
  g_autofree char *checksum = sm_scenario_checksum (s);
  const char *source = job->run->source;
  add_string (b, "format", "staffmatch-manifest");
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);
  add_string (b, "library", sm_version ());
  add_string (b, "command", job->run->command);
  add_string (b, "seed", seed);
  add_string (b, "tie_breaking",
              cli_tie_breaking_name (sm_scenario_get_tie_breaking (s)));
  add_string (b, "side", cli_side_name (job->run->settings->place.proposing));
  add_letters (b, &job->run->settings->letter);
  add_string (b, "scenario_sha256", checksum);
  add_rules (b, s);
  add_string (b, "source",
              source == NULL                             ? "built-in"
              : g_file_test (source, G_FILE_TEST_IS_DIR) ? "csv"
                                                         : "json");
}

static gboolean
write_manifest (const Job *job, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (GPtrArray) inputs
      = job->run->source == NULL ? g_ptr_array_new ()
                                 : cli_list_inputs (job->run->source, error);
  if (inputs == NULL)
    return FALSE;
  json_builder_begin_object (b);
  add_run (b, job);
  if (!add_files (b, "inputs", NULL, inputs, error)
      || !add_files (b, "outputs", job->dir, job->outputs, error))
    return FALSE;
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  gsize length = 0;
  g_autofree char *text = json_generator_to_data (generator, &length);
  g_autofree char *with_newline = g_strconcat (text, "\n", NULL);
  g_autofree char *path = g_build_filename (job->dir, MANIFEST_NAME, NULL);
  return cli_write_file (path, with_newline, -1, error);
}

/* ---- the whole set ------------------------------------------------------- */

static gboolean
remove_old_manifest (const char *dir, GError **error)
{
  g_autofree char *path = g_build_filename (dir, MANIFEST_NAME, NULL);
  if (g_unlink (path) == 0 || errno == ENOENT)
    return TRUE;
  int saved = errno;
  g_autofree char *display = g_filename_display_name (path);
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               "%s: cannot remove the old manifest: %s", display,
               g_strerror (saved));
  return FALSE;
}

gboolean
cli_write_output_set (const SmPlacement *placement, const char *dir,
                      const CliRun *run, GError **error)
{
  g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  Job job = { placement, run, dir, written };
  cli_progress ("writing %s…", dir);
  if (!cli_make_folder (dir, error) || !remove_old_manifest (dir, error))
    return FALSE;
  for (size_t k = 0; k < G_N_ELEMENTS (outputs); k++)
    {
      g_autofree char *path = g_build_filename (dir, outputs[k].name, NULL);
      if (!outputs[k].write (&job, outputs[k].name, path, error))
        return FALSE;
      if (outputs[k].is_file)
        g_ptr_array_add (written, g_strdup (outputs[k].name));
    }
  return write_manifest (&job, error);
}
