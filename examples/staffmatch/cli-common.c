/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch command-line tool: messages, options, inputs and files
 * shared by the subcommands (see cli-common.h).
 *
 * Messages go to stderr as "staffmatch COMMAND: MESSAGE" and name files,
 * fields and identifiers only; the problems of an input go to stdout,
 * since listing them is what `check` is for. Whatever reaches a terminal
 * passes through cli_escape(): an identifier in a scenario is data from
 * a spreadsheet, and must not be able to send the terminal control
 * sequences or reorder the text of a line.
 */
#include "cli-common.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

/* ---- messages ------------------------------------------------------------ */

/* Whether @c is an invisible mark that reorders or hides text. */
static gboolean
is_format_mark (gunichar c)
{
  return c == 0x061C || c == 0x200E || c == 0x200F
         || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
         || c == 0x2028 || c == 0x2029;
}

/* Appends @length bytes at @p to @out, escaped. With @partial, an
 * incomplete UTF-8 sequence at the end is left for the next call.
 * Returns the number of bytes consumed. */
static size_t
escape_append (GString *out, const char *p, size_t length,
               gboolean keep_newlines, gboolean partial)
{
  size_t k = 0;
  while (k < length)
    {
      unsigned char b = (unsigned char) p[k];
      if (b < 0x80)
        {
          if ((b < 0x20 && b != '\t' && !(keep_newlines && b == '\n'))
              || b == 0x7f)
            g_string_append_printf (out, "\\x%02x", b);
          else
            g_string_append_c (out, (char) b);
          k++;
          continue;
        }
      gunichar c = g_utf8_get_char_validated (p + k, (gssize) (length - k));
      if (c == (gunichar) -2 && partial)
        break;
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", b);
          k++;
          continue;
        }
      size_t n = (size_t) g_unichar_to_utf8 (c, NULL);
      if ((c >= 0x80 && c < 0xa0) || is_format_mark (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p + k, (gssize) n);
      k += n;
    }
  return k;
}

char *
cli_escape (const char *text, gboolean keep_newlines)
{
  GString *out = g_string_sized_new (strlen (text));
  escape_append (out, text, strlen (text), keep_newlines, FALSE);
  return g_string_free (out, FALSE);
}

/* stdout on a terminal: the bytes of an incomplete character wait for
 * the next write. */
typedef struct {
  char pending[8];
  size_t n_pending;
} TerminalFilter;

static ssize_t
filter_write (void *cookie, const char *data, size_t length)
{
  TerminalFilter *f = cookie;
  g_autoptr (GString) in = g_string_new_len (f->pending, (gssize) f->n_pending);
  g_string_append_len (in, data, (gssize) length);
  g_autoptr (GString) out = g_string_sized_new (in->len);
  size_t used = escape_append (out, in->str, in->len, TRUE, TRUE);
  f->n_pending = in->len - used; /* at most 3 bytes */
  memcpy (f->pending, in->str + used, f->n_pending);
  for (size_t k = 0; k < out->len;)
    {
      ssize_t n = write (STDOUT_FILENO, out->str + k, out->len - k);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      k += (size_t) n;
    }
  return (ssize_t) length;
}

static int
filter_close (void *cookie)
{
  TerminalFilter *f = cookie;
  g_autoptr (GString) out = g_string_new (NULL);
  escape_append (out, f->pending, f->n_pending, TRUE, FALSE);
  if (out->len > 0 && write (STDOUT_FILENO, out->str, out->len) < 0)
    return EOF;
  return 0;
}

void
cli_filter_stdout (void)
{
  static TerminalFilter filter;
  if (!isatty (STDOUT_FILENO))
    return;
  cookie_io_functions_t io = { NULL, filter_write, NULL, filter_close };
  FILE *stream = fopencookie (&filter, "w", io);
  if (stream == NULL)
    return;
  setvbuf (stream, NULL, _IOLBF, BUFSIZ);
  stdout = stream;
}

static void
vmessage (const char *command, const char *format, va_list args)
{
  g_autofree char *text = g_strdup_vprintf (format, args);
  g_autofree char *shown = cli_escape (text, FALSE);
  fprintf (stderr, "staffmatch %s: %s\n", command, shown);
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

void
cli_note (const char *command, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  vmessage (command, format, args);
  va_end (args);
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
  g_autofree char *shown = cli_escape (text, FALSE);
  fprintf (stderr, "%s\n", shown);
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
    { "mechanism", 0, 0, G_OPTION_ARG_STRING, &args->mechanism,
      "How ties are drawn: da-single (one lottery number per person), "
      "da-per-position (one per person and position) or da-sic (da-single, "
      "then stable improvement cycles: more first choices, but not "
      "strategy-proof); default: the scenario's settings",
      "M" },
    { "side", 0, 0, G_OPTION_ARG_STRING, &args->side,
      "Which side proposes: employees (default) or positions", "SIDE" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &args->language,
      "Language of the letters, summary and report: nl (default) or en",
      "LANG" },
    { "regime", 0, 0, G_OPTION_ARG_STRING, &args->regime,
      "Legal regime of the letters: public or employment (default: the "
      "scenario's, else employment)",
      "REGIME" },
    { "effective-date", 0, 0, G_OPTION_ARG_STRING, &args->effective_date,
      "Date the placement takes effect (default: the scenario's, else its "
      "reference date)",
      "DATE" },
    { "letter-date", 0, 0, G_OPTION_ARG_STRING, &args->letter_date,
      "Date the letters carry; the two weeks to respond count from it",
      "DATE" },
    { "employer", 0, 0, G_OPTION_ARG_STRING, &args->employer,
      "The employer's name, at the top of the letters", "NAME" },
    { "sender", 0, 0, G_OPTION_ARG_STRING, &args->sender,
      "Who decides, and with whom a response or objection is lodged", "BODY" },
    { "signatory", 0, 0, G_OPTION_ARG_STRING, &args->signatory,
      "Who signs on the sender's behalf", "NAME" },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &args->contact,
      "Whom the employees may ask about their letter", "TEXT" },
    { "response-address", 0, 0, G_OPTION_ARG_STRING, &args->response_address,
      "Where a response or objection is sent", "ADDRESS" },
    { "template", 0, 0, G_OPTION_ARG_FILENAME, &args->template_path,
      "A letter template of your own (see 'staffmatch letters "
      "--print-template')",
      "FILE" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_option_context_add_main_entries (context, entries, NULL);
}

void
cli_run_args_clear (CliRunArgs *args)
{
  g_clear_pointer (&args->seed, g_free);
  g_clear_pointer (&args->mechanism, g_free);
  g_clear_pointer (&args->side, g_free);
  g_clear_pointer (&args->language, g_free);
  g_clear_pointer (&args->regime, g_free);
  g_clear_pointer (&args->effective_date, g_free);
  g_clear_pointer (&args->letter_date, g_free);
  g_clear_pointer (&args->employer, g_free);
  g_clear_pointer (&args->sender, g_free);
  g_clear_pointer (&args->signatory, g_free);
  g_clear_pointer (&args->contact, g_free);
  g_clear_pointer (&args->response_address, g_free);
  g_clear_pointer (&args->template_path, g_free);
}

void
cli_run_settings_clear (CliRunSettings *settings)
{
  g_clear_pointer (&settings->template_text, g_free);
  settings->letter.template_text = NULL;
}

/* The error of an option whose @text is none of @choices (NULL-terminated). */
static gboolean
bad_choice (const char *option, const char *text, const char *const *choices,
            GError **error)
{
  g_autofree char *list = g_strjoinv (", ", (char **) choices);
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "--%s: '%s' is not one of %s", option, text, list);
  return FALSE;
}

gboolean
cli_parse_mechanism (const char *text, SmMechanism *mechanism_out,
                     GError **error)
{
  const char *const choices[] = {
    sm_mechanism_to_string (SM_MECHANISM_DA_SINGLE),
    sm_mechanism_to_string (SM_MECHANISM_DA_PER_POSITION),
    sm_mechanism_to_string (SM_MECHANISM_DA_SIC), NULL
  };
  return sm_mechanism_from_string (text, mechanism_out)
         || bad_choice ("mechanism", text, choices, error);
}

static gboolean
parse_side (const char *text, SmSide *side_out, GError **error)
{
  const char *const choices[] = { sm_side_to_string (SM_SIDE_EMPLOYEES),
                                  sm_side_to_string (SM_SIDE_POSITIONS), NULL };
  return sm_side_from_string (text, side_out)
         || bad_choice ("side", text, choices, error);
}

gboolean
cli_parse_language (const char *text, SmLanguage *language_out, GError **error)
{
  const char *const choices[] = { sm_language_to_string (SM_LANGUAGE_DUTCH),
                                  sm_language_to_string (SM_LANGUAGE_ENGLISH),
                                  NULL };
  return sm_language_from_string (text, language_out)
         || bad_choice ("language", text, choices, error);
}

static gboolean
parse_regime (const char *text, SmRegime *regime_out, GError **error)
{
  const char *const choices[] = {
    sm_regime_to_string (SM_REGIME_PUBLIC_LAW),
    sm_regime_to_string (SM_REGIME_EMPLOYMENT_LAW), NULL
  };
  return sm_regime_from_string (text, regime_out)
         || bad_choice ("regime", text, choices, error);
}

gboolean
cli_parse_seed (const char *text, uint64_t *seed_out, GError **error)
{
  guint64 value;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, &value, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--seed: '%s' is not a whole number from 0 to "
                   "%" G_GUINT64_FORMAT,
                   text, G_MAXUINT64);
      return FALSE;
    }
  *seed_out = value;
  return TRUE;
}

static gboolean
parse_date (const char *option, const char *text, SmDate *date_out,
            GError **error)
{
  if (sm_date_parse (text, date_out, NULL) && sm_date_is_valid (*date_out))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "--%s: '%s' is not a date (yyyy-mm-dd or dd-mm-yyyy)", option,
               text);
  return FALSE;
}

/* The text of --template FILE: UTF-8, checked by the letters when they
 * parse it. */
static gboolean
load_template (const char *path, char **text_out, GError **error)
{
  g_autoptr (GError) read_error = NULL;
  g_autofree char *text = NULL;
  if (!g_file_get_contents (path, &text, NULL, &read_error))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--template: %s", read_error->message);
      return FALSE;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--template: %s is not UTF-8 text; save it as UTF-8", path);
      return FALSE;
    }
  *text_out = g_steal_pointer (&text);
  return TRUE;
}

/* Checks the dates and the regime given, which the scenario is not
 * needed for, so that a bad one is a usage error before any work. */
static gboolean
check_letter_args (const CliRunArgs *args, GError **error)
{
  SmDate date;
  return (args->regime == NULL || parse_regime (args->regime, NULL, error))
         && (args->effective_date == NULL
             || parse_date ("effective-date", args->effective_date, &date,
                            error))
         && (args->letter_date == NULL
             || parse_date ("letter-date", args->letter_date, &date, error));
}

/* One setting from the command line, checked as the scenario checks it. */
static gboolean
try_setting (SmScenario *scenario, const SmLetterSettings *next,
             const char *option, GError **error)
{
  g_autoptr (GError) refused = NULL;
  if (sm_scenario_set_letter_settings (scenario, next, &refused))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--%s: %s",
               option, refused->message);
  return FALSE;
}

gboolean
cli_apply_letter_settings (const CliRunSettings *settings, SmScenario *scenario,
                           GError **error)
{
  const CliRunArgs *a = settings->args;
  if (a == NULL)
    return TRUE;
  const struct {
    const char *option;
    const char *value;
    glong offset;
  } texts[] = {
    { "employer", a->employer, G_STRUCT_OFFSET (SmLetterSettings, employer) },
    { "sender", a->sender, G_STRUCT_OFFSET (SmLetterSettings, deciding_body) },
    { "signatory", a->signatory,
      G_STRUCT_OFFSET (SmLetterSettings, signatory) },
    { "contact", a->contact, G_STRUCT_OFFSET (SmLetterSettings, contact) },
    { "response-address", a->response_address,
      G_STRUCT_OFFSET (SmLetterSettings, response_address) },
  };
  SmLetterSettings l;
  sm_scenario_get_letter_settings (scenario, &l);
  /* The dates and regime were checked by cli_run_settings_resolve(). */
  if (a->regime != NULL)
    sm_regime_from_string (a->regime, &l.regime);
  if (a->effective_date != NULL)
    sm_date_parse (a->effective_date, &l.effective_date, NULL);
  if (a->letter_date != NULL)
    sm_date_parse (a->letter_date, &l.letter_date, NULL);
  if (!try_setting (scenario, &l, "effective-date", error))
    return FALSE;
  for (size_t k = 0; k < G_N_ELEMENTS (texts); k++)
    {
      if (texts[k].value == NULL)
        continue;
      G_STRUCT_MEMBER (const char *, &l, texts[k].offset) = texts[k].value;
      if (!try_setting (scenario, &l, texts[k].option, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
cli_apply_run_settings (const CliRunSettings *settings, SmScenario *scenario,
                        GError **error)
{
  if (!cli_apply_letter_settings (settings, scenario, error))
    return FALSE;
  if (settings->has_seed)
    sm_scenario_set_seed (scenario, settings->seed);
  if (settings->has_mechanism)
    {
      gboolean per_position = settings->mechanism
                              == SM_MECHANISM_DA_PER_POSITION;
      sm_scenario_set_tie_breaking (scenario, per_position
                                                  ? SM_TIE_BREAKING_PER_POSITION
                                                  : SM_TIE_BREAKING_SINGLE);
      sm_scenario_set_improvement_cycles (scenario, settings->mechanism
                                                        == SM_MECHANISM_DA_SIC);
    }
  return TRUE;
}

gboolean
cli_run_settings_resolve (const CliRunArgs *args, CliRunSettings *settings_out,
                          GError **error)
{
  CliRunSettings s = CLI_RUN_SETTINGS_INIT;
  if ((args->seed != NULL && !cli_parse_seed (args->seed, &s.seed, error))
      || (args->mechanism != NULL
          && !cli_parse_mechanism (args->mechanism, &s.mechanism, error))
      || (args->side != NULL
          && !parse_side (args->side, &s.place.proposing, error))
      || (args->language != NULL
          && !cli_parse_language (args->language, &s.letter.language, error))
      || !check_letter_args (args, error)
      || (args->template_path != NULL
          && !load_template (args->template_path, &s.template_text, error)))
    return FALSE;
  s.has_seed = args->seed != NULL;
  s.has_mechanism = args->mechanism != NULL;
  s.args = args;
  s.letter.template_text = s.template_text;
  *settings_out = s;
  return TRUE;
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
  SmScenario *scenario = cli_load_keeping (command, path, problems);
  int32_t warnings = sm_problem_list_count (problems, SM_SEVERITY_WARNING);
  if (scenario != NULL && warnings > 0)
    cli_note (command,
              "%s: %d warning%s about the input (a column that is ignored); "
              "'staffmatch check' lists %s",
              path, warnings, warnings == 1 ? "" : "s",
              warnings == 1 ? "it" : "them");
  return scenario;
}

SmScenario *
cli_load_keeping (const char *command, const char *path,
                  SmProblemList *problems)
{
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
  return strcmp (*(const char *const *) a, *(const char *const *) b);
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
    {
      /* the loader finds tables in any case, and as .txt ("Unicode text") */
      g_autofree char *lower = g_ascii_strdown (name, -1);
      if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".txt"))
        g_ptr_array_add (names, g_strdup (name));
    }
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
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);
  struct stat st;
  int saved = 0;
  if (fd < 0 || fstat (fd, &st) != 0)
    saved = errno;
  else if (!S_ISREG (st.st_mode))
    saved = EINVAL;
  g_autoptr (GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (1 << 20);
  ssize_t n = 0;
  while (saved == 0
         && ((n = read (fd, buffer, 1 << 20)) > 0 || (n < 0 && errno == EINTR)))
    if (n > 0)
      g_checksum_update (sha, buffer, n);
  if (saved == 0 && n < 0)
    saved = errno;
  if (fd >= 0)
    close (fd);
  if (saved != 0)
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: cannot read the file to record its checksum: %s",
                   display,
                   saved == EINVAL ? "not a regular file" : g_strerror (saved));
      return NULL;
    }
  return g_strdup (g_checksum_get_string (sha));
}

/* ---- outputs ------------------------------------------------------------- */

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
