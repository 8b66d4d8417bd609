/* staffmatch command-line tool: messages, options, inputs and files
 * shared by the subcommands (see cli-common.h).
 *
 * Messages go to stderr as "staffmatch COMMAND: MESSAGE" and name files,
 * fields and identifiers only; the problems of an input go to stdout,
 * since listing them is what `check` is for. Own files are written with
 * g_file_set_contents_full(), which writes a temporary file beside the
 * target and renames it into place, removing it on failure.
 */
#include "cli-common.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

/* ---- messages ------------------------------------------------------------ */

static void
vmessage (const char *command, const char *format, va_list args)
{
  g_autofree char *text = g_strdup_vprintf (format, args);
  fprintf (stderr, "staffmatch %s: %s\n", command, text);
}

int
cli_fail (const char *command, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  vmessage (command, format, args);
  va_end (args);
  return CLI_EXIT_FAILURE;
}

int
cli_usage_error (const char *command, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  vmessage (command, format, args);
  va_end (args);
  fprintf (stderr, "Try 'staffmatch %s --help'.\n", command);
  return CLI_EXIT_USAGE;
}

void
cli_progress (const char *format, ...)
{
  if (!isatty (STDERR_FILENO))
    return;
  va_list args;
  va_start (args, format);
  g_autofree char *text = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "%s\n", text);
}

/* ---- options ------------------------------------------------------------- */

GOptionContext *
cli_context_new (const char *command, const char *parameters,
                 const char *summary, const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, NULL);
  return context;
}

gboolean
cli_parse (GOptionContext *context, const char *command, int *argc,
           char ***argv)
{
  g_autoptr (GError) error = NULL;
  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;
  cli_usage_error (command, "%s", error->message);
  return FALSE;
}

void
cli_add_run_options (GOptionContext *context, CliRunArgs *args)
{
  const GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_STRING, &args->seed,
      "Seed of the lottery that breaks ties (default: the scenario's)", "S" },
    { "side", 0, 0, G_OPTION_ARG_STRING, &args->side,
      "Which side proposes: employees (default) or positions", "SIDE" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &args->language,
      "Language of the letters: nl (default) or en", "LANG" },
    { "regime", 0, 0, G_OPTION_ARG_STRING, &args->regime,
      "Legal regime of the letters: public (default) or employment", "REGIME" },
    { "effective-date", 0, 0, G_OPTION_ARG_STRING, &args->effective_date,
      "Date the placement takes effect (default 2019-01-01)", "DATE" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_option_context_add_main_entries (context, entries, NULL);
}

void
cli_run_args_clear (CliRunArgs *args)
{
  g_clear_pointer (&args->seed, g_free);
  g_clear_pointer (&args->side, g_free);
  g_clear_pointer (&args->language, g_free);
  g_clear_pointer (&args->regime, g_free);
  g_clear_pointer (&args->effective_date, g_free);
}

static const char *const side_names[] = { "employees", "positions", NULL };
static const char *const tie_names[] = { "single", "per-position", NULL };
static const char *const language_names[] = { "nl", "en", NULL };
static const char *const regime_names[] = { "public", "employment", NULL };

/* The index of @text in @names (a NULL-terminated list), into @value_out;
 * the option's name and the choices in the error. */
static gboolean
parse_choice (const char *option, const char *text, const char *const *names,
              int *value_out, GError **error)
{
  for (int k = 0; names[k] != NULL; k++)
    if (strcmp (text, names[k]) == 0)
      {
        *value_out = k;
        return TRUE;
      }
  g_autofree char *choices = g_strjoinv (", ", (char **)names);
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "--%s: '%s' is not one of %s", option, text, choices);
  return FALSE;
}

gboolean
cli_parse_seed (const char *text, uint64_t *seed_out, GError **error)
{
  guint64 value;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, &value, NULL))
    {
      g_set_error (
          error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
          "--seed: '%s' is not a whole number from 0 to %" G_GUINT64_FORMAT,
          text, G_MAXUINT64);
      return FALSE;
    }
  *seed_out = value;
  return TRUE;
}

static gboolean
parse_date (const char *text, SmDate *date_out, GError **error)
{
  if (sm_date_parse (text, date_out, NULL) && sm_date_is_valid (*date_out))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "--effective-date: '%s' is not a date (yyyy-mm-dd or "
               "dd-mm-yyyy)",
               text);
  return FALSE;
}

gboolean
cli_run_settings_resolve (const CliRunArgs *args, CliRunSettings *settings_out,
                          GError **error)
{
  CliRunSettings s
      = { FALSE, 0, SM_PLACE_OPTIONS_INIT, SM_LETTER_OPTIONS_INIT };
  int side = SM_SIDE_EMPLOYEES, language = SM_LANGUAGE_DUTCH;
  int regime = SM_REGIME_PUBLIC_LAW;
  if ((args->seed != NULL && !cli_parse_seed (args->seed, &s.seed, error))
      || (args->side != NULL
          && !parse_choice ("side", args->side, side_names, &side, error))
      || (args->language != NULL
          && !parse_choice ("language", args->language, language_names,
                            &language, error))
      || (args->regime != NULL
          && !parse_choice ("regime", args->regime, regime_names, &regime,
                            error))
      || (args->effective_date != NULL
          && !parse_date (args->effective_date, &s.letter.effective_date,
                          error)))
    return FALSE;
  s.has_seed = args->seed != NULL;
  s.place.proposing = (SmSide)side;
  s.letter.language = (SmLanguage)language;
  s.letter.regime = (SmRegime)regime;
  *settings_out = s;
  return TRUE;
}

const char *
cli_side_name (SmSide side)
{
  return side_names[side == SM_SIDE_POSITIONS ? 1 : 0];
}

const char *
cli_tie_breaking_name (SmTieBreaking tie_breaking)
{
  return tie_names[tie_breaking == SM_TIE_BREAK_PER_POSITION ? 1 : 0];
}

const char *
cli_language_name (SmLanguage language)
{
  return language_names[language == SM_LANGUAGE_ENGLISH ? 1 : 0];
}

const char *
cli_regime_name (SmRegime regime)
{
  return regime_names[regime == SM_REGIME_EMPLOYMENT_LAW ? 1 : 0];
}

/* ---- inputs -------------------------------------------------------------- */

void
cli_print_problems (const SmProblemList *problems)
{
  g_autofree char *text = sm_problem_list_format (problems);
  int32_t n = sm_problem_list_get_n (problems);
  fputs (text, stdout);
  printf ("%d problem%s found.\n", n, n == 1 ? "" : "s");
}

SmScenario *
cli_load (const char *command, const char *path)
{
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  g_autoptr (GError) error = NULL;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      cli_fail (command, "%s: no such file or folder", path);
      return NULL;
    }
  cli_progress ("loading %s…", path);
  SmScenario *scenario = sm_scenario_load (path, problems, &error);
  if (scenario != NULL)
    return scenario;
  if (sm_problem_list_get_n (problems) > 0)
    {
      cli_print_problems (problems);
      cli_fail (command,
                "%s: the scenario has problems (listed on "
                "standard output)",
                path);
    }
  else
    cli_fail (command, "%s", error->message);
  return NULL;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

GPtrArray *
cli_list_inputs (const char *path, GError **error)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (names, g_strdup (path));
      return g_steal_pointer (&names);
    }
  g_autoptr (GDir) dir = g_dir_open (path, 0, error);
  if (dir == NULL)
    return NULL;
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".csv"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  for (guint k = 0; k < names->len; k++)
    {
      char *full = g_build_filename (path, names->pdata[k], NULL);
      g_free (names->pdata[k]);
      names->pdata[k] = full;
    }
  return g_steal_pointer (&names);
}

char *
cli_sha256_file (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)data,
                                      length);
}

/* ---- outputs ------------------------------------------------------------- */

gboolean
cli_write_file (const char *path, const char *text, gssize length,
                GError **error)
{
  return g_file_set_contents_full (path, text, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}

gboolean
cli_make_folder (const char *path, GError **error)
{
  if (g_mkdir_with_parents (path, 0777) == 0)
    return TRUE;
  int saved = errno;
  g_autofree char *display = g_filename_display_name (path);
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               "%s: cannot create the folder: %s", display, g_strerror (saved));
  return FALSE;
}
