/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch command-line tool: what the subcommands share.
 *
 * Each subcommand is a function cli_<name> (argc, argv) with argv[0] its
 * own name, parsing its options with a GOptionContext of its own, and
 * returning the exit status: CLI_EXIT_OK, CLI_EXIT_FAILURE (bad input,
 * an output that cannot be written) or CLI_EXIT_USAGE (a bad command
 * line). This header also offers the helpers they share: messages and
 * progress on stderr, loading a scenario with its list of problems, the
 * options of a run (seed, side, letters), and the output set with its
 * manifest (cli-output.c).
 *
 * Personal data (names, birth dates) never goes to stderr: messages name
 * files, lines, fields and identifiers only. Progress lines are written
 * only when stderr is a terminal, so that scripts and logs see nothing
 * but errors.
 */
#pragma once

#include <stdint.h>
#include <glib.h>
#include <staffmatch/staffmatch.h>
#include <staffmatch/letter.h>

G_BEGIN_DECLS

enum {
  CLI_EXIT_OK = 0,
  CLI_EXIT_FAILURE = 1,
  CLI_EXIT_USAGE = 2,
};

/* ---- the subcommands ---------------------------------------------------- */

int cli_demo (int argc, char **argv);
int cli_solve (int argc, char **argv);
int cli_check (int argc, char **argv);
int cli_explain (int argc, char **argv);
int cli_diff (int argc, char **argv);
int cli_export (int argc, char **argv);
int cli_init (int argc, char **argv);
int cli_simulate (int argc, char **argv);
int cli_letters (int argc, char **argv);

/* ---- messages ------------------------------------------------------------ */

/* "staffmatch COMMAND: MESSAGE" on stderr; returns CLI_EXIT_FAILURE. */
int cli_fail (const char *command, const char *format, ...)
    G_GNUC_PRINTF (2, 3);
/* The same and a hint at --help; returns CLI_EXIT_USAGE. */
int cli_usage_error (const char *command, const char *format, ...)
    G_GNUC_PRINTF (2, 3);
/* "staffmatch COMMAND: MESSAGE" on stderr, for a note that is not an
 * error (what was cleaned up after an interrupted run). */
void cli_note (const char *command, const char *format, ...)
    G_GNUC_PRINTF (2, 3);
/* A progress line on stderr, only when stderr is a terminal. */
void cli_progress (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* (transfer full): @text made safe to show on a terminal: control
 * characters (but tabs, and newlines when @keep_newlines), DEL, C1
 * controls and bytes that are not UTF-8 become \xHH, and the invisible
 * marks that reorder or hide text (bidirectional overrides, embeddings,
 * isolates and marks U+200E, U+200F, U+202A..U+202E, U+2066..U+2069,
 * U+061C; line and paragraph separators U+2028, U+2029) become \uHHHH.
 * Every message on stderr passes through it, and so does stdout when it
 * is a terminal (cli_filter_stdout()): an identifier cannot move the
 * cursor, recolour the terminal or make a line read differently. */
char *cli_escape (const char *text, gboolean keep_newlines);

/* When stdout is a terminal, routes it through cli_escape() (keeping
 * newlines) for the rest of the run; else leaves it alone, so that files
 * and pipes get the bytes as they are. */
void cli_filter_stdout (void);

/* ---- options ------------------------------------------------------------- */

/* A context for "staffmatch COMMAND [OPTION...] PARAMETERS". */
GOptionContext *cli_context_new (const char *command, const char *parameters,
                                 const char *summary,
                                 const GOptionEntry *entries);
/* Parses; on a bad option prints a usage error and returns FALSE. --help
 * prints the help and exits with status 0. */
gboolean cli_parse (GOptionContext *context, const char *command, int *argc,
                    char ***argv);

/* The options of a run as given on the command line (strings, NULL when
 * not given). */
typedef struct {
  char *seed;
  char *mechanism;
  char *side;
  char *language;
  char *regime;
  char *effective_date;
  /* the letters' settings and template */
  char *letter_date;
  char *employer;
  char *sender;
  char *signatory;
  char *contact;
  char *response_address;
  char *template_path;
} CliRunArgs;

/* ... and as understood. */
typedef struct {
  gboolean has_seed;
  uint64_t seed;
  SmPlaceOptions place;
  SmLetterOptions letter;
  const CliRunArgs *args; /* the letters' settings given, put into the
                             scenario by cli_apply_letter_settings() */
  char *template_text;    /* --template's text, owned; letter.template_text
                             points at it */
  gboolean has_mechanism; /* --mechanism given: it replaces the scenario's
                             tie-breaking and improvement cycles */
  SmMechanism mechanism;
} CliRunSettings;

/* The defaults; the options start from their _INIT, which sets their
 * version. */
/* clang-format off */
#define CLI_RUN_SETTINGS_INIT \
  { FALSE, 0, SM_PLACE_OPTIONS_INIT, SM_LETTER_OPTIONS_INIT, NULL, NULL, \
    FALSE, SM_MECHANISM_DA_SINGLE }
/* clang-format on */

/* Frees what cli_run_settings_resolve() loaded. */
void cli_run_settings_clear (CliRunSettings *settings);

/* Puts the letters' settings given on the command line (--regime,
 * --effective-date, --letter-date, --employer, --sender, --signatory,
 * --contact, --response-address) in place of the scenario's own; a value
 * the scenario refuses is an error naming the option. */
gboolean cli_apply_letter_settings (const CliRunSettings *settings,
                                    SmScenario *scenario, GError **error);

/* Puts what the command line says of the run into @scenario: the
 * letters' settings (cli_apply_letter_settings()), --seed, and
 * --mechanism's tie-breaking and improvement cycles. So `solve`, `demo`
 * and `explain` given the same options place the same way. */
gboolean cli_apply_run_settings (const CliRunSettings *settings,
                                 SmScenario *scenario, GError **error);

/* Adds the run's options (--seed, --mechanism, --side, --language, the
 * letters' settings and --template) to @context, storing into @args. */
void cli_add_run_options (GOptionContext *context, CliRunArgs *args);
void cli_run_args_clear (CliRunArgs *args);
/* Understands @args; on a bad value sets @error (a usage error). */
gboolean cli_run_settings_resolve (const CliRunArgs *args,
                                   CliRunSettings *settings_out,
                                   GError **error);
/* A seed as a decimal number 0 .. 2^64-1. */
gboolean cli_parse_seed (const char *text, uint64_t *seed_out, GError **error);
/* A mechanism's or a language's name as the library spells it; any other
 * text sets @error to a usage error that names the option and the
 * choices ("--mechanism: 'x' is not one of da-single, ..."), so that every
 * command that takes the option refuses a bad value in the same words. */
gboolean cli_parse_mechanism (const char *text, SmMechanism *mechanism_out,
                              GError **error);
gboolean cli_parse_language (const char *text, SmLanguage *language_out,
                             GError **error);

/* ---- inputs -------------------------------------------------------------- */

/* Loads a CSV folder or a JSON file. Every problem goes to stdout, one per
 * line, then their count; returns NULL (with the problems printed, or an
 * error on stderr) when the scenario cannot be used. */
SmScenario *cli_load (const char *command, const char *path);
/* The same, loading a workbook too (workbook.h), keeping the problems
 * and warnings in @problems; the warnings of a scenario that loads are
 * not printed (`check` prints them; cli_load() notes how many there are
 * on stderr). */
SmScenario *cli_load_keeping (const char *command, const char *path,
                              SmProblemList *problems);
void cli_print_problems (const SmProblemList *problems);

/* (transfer full): the input files of a scenario path as given: a
 * folder's *.csv and *.txt (in any case) sorted by name, or the file
 * itself (a workbook, a JSON file). */
GPtrArray *cli_list_inputs (const char *path, GError **error);

/* (transfer full): the SHA-256 of a file's bytes, in hex. */
char *cli_sha256_file (const char *path, GError **error);

/* Creates a folder and its parents, with an error naming it. */
gboolean cli_make_folder (const char *path, GError **error);

/* ---- the output set (cli-output.c) ------------------------------------- */

/**
 * CliRun: what produced a placement, for the manifest.
 * @command: "solve" or "demo"
 * @source: the scenario's path as given, or NULL for built-in data
 * @settings: the run's options
 * @save_scenario: also write the scenario as CSV into scenario/
 * @force: replace @dir even when it holds something else than an earlier
 *   run's outputs
 */
typedef struct {
  const char *command;
  const char *source;
  const CliRunSettings *settings;
  gboolean save_scenario;
  gboolean force;
} CliRun;

/* Writes the whole output set as one transaction (cli_stage_begin()):
 * @dir then holds this run's outputs and nothing else, or, on failure,
 * what it held before. */
gboolean cli_write_output_set (const SmPlacement *placement, const char *dir,
                               const CliRun *run, GError **error);

G_END_DECLS
