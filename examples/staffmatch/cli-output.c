/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch command-line tool: the output set of `solve` and `demo`.
 *
 * The output set is written into the staging folder of an output folder,
 * which then takes the place of the folder asked for: one transaction,
 * complete or nothing (cli-folder.c tells how).
 *
 * What it holds:
 *
 *     placements.csv    one row per employee (';'), sm_placement_save_csv()
 *     placements.json   the same with reasons, sm_placement_save_json()
 *     placements.xlsx   the workbook for HR, sm_placement_save_xlsx()
 *     summary.txt       the text summary, sm_report_summary_text()
 *     summary.md        the same in Markdown
 *     report.html       the HTML report with its SVG charts
 *     market.txt        the compiled market (hr-instance,
 * docs/instance-format.md) matching.txt      its matching (hr-solution 1)
 *     letters/ID.txt    one decision letter per employee
 *     mail-merge.csv    one row per employee with the letter's file, for
 *                       a document system (sm_letter_mail_merge())
 *     scenario/TABLE.csv (demo only) the scenario used, ';'-separated
 *     manifest.json     written last (below)
 *
 * The manifest (format "staffmatch-manifest", version 1) records what is
 * needed to reproduce and verify the outputs: the library version, the
 * command, the seed (a decimal string), the tie-breaking, whether
 * improvement cycles ran (true or false: with the tie-breaking, the
 * mechanism; cycles are not strategy-proof), the proposing
 * side, the letters' language, regime, effective date, letter date and
 * template (built-in or own), the scenario's
 * checksum, its priority rules (all of them, or the built-in default rule
 * when it has none) and the default rule's id, the input files with their
 * SHA-256 (a folder's *.csv sorted by name, or the JSON file; none for the
 * built-in case, whose "source" is "built-in"), and every output file
 * written, one entry per file and per letter, with its SHA-256, in the
 * order written. An output's SHA-256 is that of the bytes the tool wrote,
 * hashed as they are written; the files the library writes by path
 * (placements.csv, placements.json, the scenario's tables) are hashed as
 * read back at once from the staging folder, which only this run can
 * write while it holds the lock. The same run gives the same manifest
 * bytes: it holds no time stamps and no absolute paths.
 */
#include "cli-common.h"
#include "cli-folder.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <staffmatch/workbook.h>

/* ---- files written and hashed -------------------------------------------- */

typedef struct {
  char *path;   /* relative to the output folder */
  char *sha256; /* hex */
} Output;

static void
output_free (gpointer data)
{
  Output *o = data;
  g_free (o->path);
  g_free (o->sha256);
  g_free (o);
}

typedef struct {
  const SmPlacement *placement;
  const CliRun *run;
  const char *dir;    /* the staging folder */
  int dir_fd;         /* open on it */
  GPtrArray *outputs; /* Output *, in the order written */
} Job;

/* A file the tool writes: created new (never through a link), written
 * without a sync (the whole folder is synced once), hashed as written. */
typedef struct {
  int fd;
  GChecksum *sha;
  int saved_errno; /* the first write error, 0 if none */
} OutFile;

static gboolean
out_open (OutFile *f, int dir_fd, const char *name, const char *path,
          GError **error)
{
  f->fd = openat (dir_fd, name,
                  O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (f->fd < 0)
    {
      /* FALSE spelt out, so that the compiler sees @f unused after it */
      cli_fail_errno (error, path, "create");
      return FALSE;
    }
  f->sha = g_checksum_new (G_CHECKSUM_SHA256);
  f->saved_errno = 0;
  return TRUE;
}

static void
out_write (OutFile *f, const void *data, size_t length)
{
  const char *p = data;
  g_checksum_update (f->sha, data, (gssize) length);
  while (length > 0 && f->saved_errno == 0)
    {
      ssize_t n = write (f->fd, p, length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        f->saved_errno = errno;
      else
        {
          p += n;
          length -= (size_t) n;
        }
    }
}

/* Adds @rel with its hash @sha256 (taken over) to the outputs. */
static void
record (Job *job, const char *rel, char *sha256)
{
  Output *o = g_new (Output, 1);
  o->path = g_strdup (rel);
  o->sha256 = sha256;
  g_ptr_array_add (job->outputs, o);
}

/* Closes @f. Returns: (transfer full): the SHA-256 of what was written,
 * or NULL on error. */
static char *
out_close (OutFile *f, const char *path, GError **error)
{
  if (close (f->fd) != 0 && f->saved_errno == 0)
    f->saved_errno = errno;
  char *sha = g_strdup (g_checksum_get_string (f->sha));
  g_checksum_free (f->sha);
  if (f->saved_errno == 0)
    return sha;
  g_free (sha);
  cli_set_errno_error (error, path, "write", f->saved_errno);
  return NULL;
}

/* Writes @length bytes of @text as @rel (a name in the folder @dir_fd). */
static gboolean
write_text_at (Job *job, int dir_fd, const char *name, const char *rel,
               const char *text, size_t length, GError **error)
{
  g_autofree char *path = g_build_filename (job->dir, rel, NULL);
  OutFile f;
  if (!out_open (&f, dir_fd, name, path, error))
    return FALSE;
  out_write (&f, text, length);
  char *sha = out_close (&f, path, error);
  if (sha != NULL)
    record (job, rel, sha);
  return sha != NULL;
}

static ssize_t
out_cookie_write (void *cookie, const char *data, size_t length)
{
  OutFile *f = cookie;
  out_write (f, data, length);
  if (f->saved_errno == 0)
    return (ssize_t) length;
  errno = f->saved_errno;
  return -1;
}

typedef gboolean (*StreamFunc) (const Job *job, FILE *stream, GError **error);

/* Writes @name with a library writer onto a stdio stream. */
static gboolean
write_stream (Job *job, const char *name, StreamFunc func, GError **error)
{
  g_autofree char *path = g_build_filename (job->dir, name, NULL);
  OutFile f;
  if (!out_open (&f, job->dir_fd, name, path, error))
    return FALSE;
  cookie_io_functions_t io = { NULL, out_cookie_write, NULL, NULL };
  FILE *stream = fopencookie (&f, "w", io);
  if (stream == NULL)
    {
      close (f.fd);
      g_checksum_free (f.sha);
      return cli_fail_errno (error, path, "write");
    }
  gboolean ok = func (job, stream, error);
  if (fclose (stream) != 0 && f.saved_errno == 0)
    f.saved_errno = errno != 0 ? errno : EIO;
  g_autofree char *sha = out_close (&f, path, ok ? error : NULL);
  if (!ok)
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  if (sha == NULL)
    return FALSE;
  record (job, name, g_steal_pointer (&sha));
  return TRUE;
}

/* Records @rel, which the library wrote by path, with the hash of its
 * bytes as read back at once (the staging folder is this run's alone). */
static gboolean
record_written (Job *job, const char *rel, GError **error)
{
  g_autofree char *path = g_build_filename (job->dir, rel, NULL);
  int fd = openat (job->dir_fd, rel, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return cli_fail_errno (error, path, "read back");
  g_autoptr (GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (1 << 20);
  ssize_t n;
  while ((n = read (fd, buffer, 1 << 20)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_checksum_update (sha, buffer, n);
  int saved = errno;
  close (fd);
  if (n < 0)
    {
      cli_set_errno_error (error, path, "read back", saved);
      return FALSE;
    }
  record (job, rel, g_strdup (g_checksum_get_string (sha)));
  return TRUE;
}

/* ---- the outputs --------------------------------------------------------- */

/* Writes one output named @name into the staging folder. */
typedef gboolean (*WriteFunc) (Job *job, const char *name, GError **error);

static gboolean
write_placements_csv (Job *job, const char *name, GError **error)
{
  g_autofree char *path = g_build_filename (job->dir, name, NULL);
  return sm_placement_save_csv (job->placement, path,
                                SM_CSV_DELIMITER_SEMICOLON, error)
         && record_written (job, name, error);
}

static gboolean
write_placements_xlsx (Job *job, const char *name, GError **error)
{
  g_autofree char *path = g_build_filename (job->dir, name, NULL);
  return sm_placement_save_xlsx (job->placement, path, error)
         && record_written (job, name, error);
}

static gboolean
write_placements_json (Job *job, const char *name, GError **error)
{
  g_autofree char *path = g_build_filename (job->dir, name, NULL);
  return sm_placement_save_json (job->placement, path, error)
         && record_written (job, name, error);
}

static gboolean
write_owned_text (Job *job, const char *name, char *text, GError **error)
{
  g_autofree char *owned = text;
  return write_text_at (job, job->dir_fd, name, name, owned, strlen (owned),
                        error);
}

/* The reports in the run's language, that of the letters. */
static SmReportOptions
report_options (const Job *job)
{
  SmReportOptions options = SM_REPORT_OPTIONS_INIT;
  options.language = job->run->settings->letter.language;
  return options;
}

static gboolean
write_summary_text (Job *job, const char *name, GError **error)
{
  SmReportOptions options = report_options (job);
  return write_owned_text (job, name,
                           sm_report_summary_text_with (job->placement,
                                                        &options),
                           error);
}

static gboolean
write_summary_markdown (Job *job, const char *name, GError **error)
{
  SmReportOptions options = report_options (job);
  return write_owned_text (job, name,
                           sm_report_summary_markdown_with (job->placement,
                                                            &options),
                           error);
}

static gboolean
write_report (Job *job, const char *name, GError **error)
{
  SmReportOptions options = report_options (job);
  return write_owned_text (job, name,
                           sm_report_html_with (job->placement, &options),
                           error);
}

/* One row per employee for the municipality's document system: who,
 * where to, and which letter (sm_letter_mail_merge()). */
static gboolean
write_mail_merge (Job *job, const char *name, GError **error)
{
  return write_owned_text (job, name,
                           sm_letter_mail_merge (job->placement,
                                                 &job->run->settings->letter,
                                                 "letters"),
                           error);
}

static gboolean
stream_market (const Job *job, FILE *stream, GError **error)
{
  return sm_instance_write (sm_placement_get_market (job->placement), stream,
                            error);
}

static gboolean
stream_matching (const Job *job, FILE *stream, GError **error)
{
  return sm_solution_write (sm_placement_get_matching (job->placement), stream,
                            error);
}

static gboolean
write_market (Job *job, const char *name, GError **error)
{
  return write_stream (job, name, stream_market, error);
}

static gboolean
write_matching (Job *job, const char *name, GError **error)
{
  return write_stream (job, name, stream_matching, error);
}

typedef struct {
  Job *job;
  int fd; /* the letters folder */
  const char *folder;
} LetterSink;

/* Whether an employee id can name a file in the folder and nothing else. */
static gboolean
id_is_file_name (const char *id)
{
  return strchr (id, '/') == NULL && strchr (id, '\\') == NULL
         && strcmp (id, ".") != 0 && strcmp (id, "..") != 0;
}

static gboolean
write_letter (int32_t employee, const char *text, size_t length,
              void *user_data, GError **error)
{
  LetterSink *sink = user_data;
  const SmScenario *s = sm_placement_get_scenario (sink->job->placement);
  SmEmployeeSpec e;
  sm_scenario_get_employee (s, employee, &e);
  if (!id_is_file_name (e.id))
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE,
                   "employee '%s': the identifier cannot be used as a file "
                   "name (it is '.' or '..' or holds a slash); rename the "
                   "employee",
                   e.id);
      return FALSE;
    }
  g_autofree char *name = g_strconcat (e.id, ".txt", NULL);
  g_autofree char *rel = g_build_filename (sink->folder, name, NULL);
  return write_text_at (sink->job, sink->fd, name, rel, text, length, error);
}

/* One entry per letter, named after the employee's id. */
static gboolean
write_letters (Job *job, const char *name, GError **error)
{
  g_autofree char *path = g_build_filename (job->dir, name, NULL);
  if (mkdirat (job->dir_fd, name, 0777) != 0)
    return cli_fail_errno (error, path, "create the folder");
  int fd = openat (job->dir_fd, name,
                   O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return cli_fail_errno (error, path, "open the folder");
  LetterSink sink = { job, fd, name };
  gboolean ok = sm_letter_render_each (job->placement,
                                       &job->run->settings->letter,
                                       write_letter, &sink, error);
  close (fd);
  return ok;
}

static gboolean
write_scenario (Job *job, const char *name, GError **error)
{
  if (!job->run->save_scenario)
    return TRUE;
  const SmScenario *s = sm_placement_get_scenario (job->placement);
  g_autofree char *path = g_build_filename (job->dir, name, NULL);
  if (!sm_scenario_save_csv (s, path, SM_CSV_DELIMITER_SEMICOLON, error))
    return FALSE;
  g_autoptr (GPtrArray) files = cli_list_inputs (path, error);
  if (files == NULL)
    return FALSE;
  for (guint k = 0; k < files->len; k++)
    {
      g_autofree char *base = g_path_get_basename (files->pdata[k]);
      g_autofree char *rel = g_build_filename (name, base, NULL);
      if (!record_written (job, rel, error))
        return FALSE;
    }
  return TRUE;
}

static const struct {
  const char *name;
  WriteFunc write;
} outputs[] = {
  { "placements.csv", write_placements_csv },
  { "placements.json", write_placements_json },
  { "placements.xlsx", write_placements_xlsx },
  { "summary.txt", write_summary_text },
  { "summary.md", write_summary_markdown },
  { "report.html", write_report },
  { "market.txt", write_market },
  { "matching.txt", write_matching },
  { "letters", write_letters },
  { "mail-merge.csv", write_mail_merge },
  { "scenario", write_scenario },
};

/* ---- the manifest -------------------------------------------------------- */

static void
add_rule (JsonBuilder *b, const SmPriorityRule *rule)
{
  g_autofree char *text = sm_priority_rule_to_json (rule);
  json_builder_add_value (b, json_from_string (text, NULL));
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
  json_builder_add_string_value (b, sm_priority_rule_get_id (
                                        sm_scenario_get_default_rule (s)));
}

static void
add_string (JsonBuilder *b, const char *member, const char *value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value);
}

static void
add_file (JsonBuilder *b, const char *path, const char *sha)
{
  json_builder_begin_object (b);
  add_string (b, "path", path);
  add_string (b, "sha256", sha);
  json_builder_end_object (b);
}

/* [{ "path", "sha256" }] for the input files at @paths. */
static gboolean
add_inputs (JsonBuilder *b, const GPtrArray *paths, GError **error)
{
  json_builder_set_member_name (b, "inputs");
  json_builder_begin_array (b);
  for (guint k = 0; k < paths->len; k++)
    {
      g_autofree char *sha = cli_sha256_file (paths->pdata[k], error);
      if (sha == NULL)
        return FALSE;
      add_file (b, paths->pdata[k], sha);
    }
  json_builder_end_array (b);
  return TRUE;
}

static void
add_outputs (JsonBuilder *b, const GPtrArray *written)
{
  json_builder_set_member_name (b, "outputs");
  json_builder_begin_array (b);
  for (guint k = 0; k < written->len; k++)
    {
      const Output *o = written->pdata[k];
      add_file (b, o->path, o->sha256);
    }
  json_builder_end_array (b);
}

/* The letters' language and the scenario's settings they were written
 * with (the effective date as the letters state it). */
static void
add_letters (JsonBuilder *b, const SmPlacement *p,
             const SmLetterOptions *letter)
{
  SmLetterSettings l;
  sm_scenario_get_letter_settings (sm_placement_get_scenario (p), &l);
  SmDate effective = sm_date_is_set (l.effective_date)
                         ? l.effective_date
                         : sm_placement_get_reference_date (p);
  g_autofree char *date = sm_date_to_iso (effective);
  g_autofree char *letter_date = sm_date_is_set (l.letter_date)
                                     ? sm_date_to_iso (l.letter_date)
                                     : NULL;
  json_builder_set_member_name (b, "letters");
  json_builder_begin_object (b);
  add_string (b, "language", sm_language_to_string (letter->language));
  add_string (b, "regime", sm_regime_to_string (l.regime));
  add_string (b, "effective_date", date);
  add_string (b, "letter_date", letter_date);
  add_string (b, "template",
              letter->template_text != NULL ? "own" : "built-in");
  json_builder_end_object (b);
}

/* The members before the files: what ran, on what, with which settings. */
static void
add_run (JsonBuilder *b, const Job *job)
{
  const SmScenario *s = sm_placement_get_scenario (job->placement);
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                           sm_placement_get_seed (
                                               job->placement));
  g_autofree char *checksum = sm_placement_checksum (job->placement);
  const char *source = job->run->source;
  add_string (b, "format", CLI_MANIFEST_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);
  add_string (b, "library", sm_version ());
  add_string (b, "command", job->run->command);
  add_string (b, "seed", seed);
  add_string (b, "tie_breaking",
              sm_tie_breaking_to_string (
                  sm_placement_get_tie_breaking (job->placement)));
  json_builder_set_member_name (b, "improvement_cycles");
  json_builder_add_boolean_value (b, sm_placement_get_improvement_cycles (
                                         job->placement));
  add_string (b, "side",
              sm_side_to_string (job->run->settings->place.proposing));
  add_letters (b, job->placement, &job->run->settings->letter);
  add_string (b, "scenario_sha256", checksum);
  add_rules (b, s);
  add_string (b, "source",
              source == NULL                             ? "built-in"
              : g_file_test (source, G_FILE_TEST_IS_DIR) ? "csv"
                                                         : "json");
}

static gboolean
write_manifest (Job *job, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (GPtrArray)
      inputs = job->run->source == NULL
                   ? g_ptr_array_new ()
                   : cli_list_inputs (job->run->source, error);
  if (inputs == NULL)
    return FALSE;
  json_builder_begin_object (b);
  add_run (b, job);
  if (!add_inputs (b, inputs, error))
    return FALSE;
  add_outputs (b, job->outputs);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  gsize length = 0;
  g_autofree char *text = json_generator_to_data (generator, &length);
  g_autofree char *path = g_build_filename (job->dir, CLI_MANIFEST_NAME, NULL);
  OutFile f;
  if (!out_open (&f, job->dir_fd, CLI_MANIFEST_NAME, path, error))
    return FALSE;
  out_write (&f, text, length);
  out_write (&f, "\n", 1);
  /* The manifest does not list itself. */
  g_autofree char *sha = out_close (&f, path, error);
  return sha != NULL;
}

/* ---- the whole set ------------------------------------------------------- */

static gboolean
write_all (Job *job, GError **error)
{
  for (size_t k = 0; k < G_N_ELEMENTS (outputs); k++)
    if (!outputs[k].write (job, outputs[k].name, error))
      return FALSE;
  return write_manifest (job, error);
}

gboolean
cli_write_output_set (const SmPlacement *placement, const char *dir,
                      const CliRun *run, GError **error)
{
  cli_progress ("writing %s…", dir);
  g_autoptr (CliStage)
      stage = cli_stage_begin (run->command, dir, CLI_FOLDER_RUN, run->force,
                               error);
  if (stage == NULL)
    return FALSE;
  g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func (output_free);
  Job job = { placement, run, cli_stage_get_path (stage), -1, written };
  job.dir_fd = g_open (job.dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC,
                       0);
  if (job.dir_fd < 0)
    return cli_fail_errno (error, job.dir, "open the staging folder");
  gboolean ok = write_all (&job, error);
  close (job.dir_fd);
  if (!ok)
    return FALSE;
  cli_progress ("syncing %d files…", (int) written->len);
  return cli_stage_commit (stage, error);
}
