/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the command-line tool for HR teams.
 *
 *     staffmatch COMMAND [OPTION...] [ARGUMENT...]
 *     staffmatch --help | --version
 *
 * Dispatches to one subcommand per task (check, solve, explain, diff,
 * export, demo, init; see staffmatch.1), each in its own file and with its
 * own --help. Exit status: 0 done, 1 bad input or a failure (the message
 * on stderr names the file and the reason), 2 a bad command line. On a
 * terminal, stdout passes through cli_escape() (cli-common.h).
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>
#include <staffmatch/staffmatch.h>

#include "cli-common.h"

typedef struct {
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "check", cli_check, "check a scenario and list every problem" },
  { "solve", cli_solve,
    "place a scenario's staff and write placements, reports and letters" },
  { "explain", cli_explain, "explain one employee's outcome" },
  { "diff", cli_diff, "compare two placements: who moved, and why" },
  { "export", cli_export, "convert a scenario between CSV and JSON" },
  { "letters", cli_letters, "print the built-in letter templates to adapt" },
  { "demo", cli_demo, "run the built-in Ommen-Hardenberg case" },
  { "init", cli_init, "write an empty scenario to fill in" },
  { "simulate", cli_simulate,
    "draw the lottery many times: everyone's chances, mechanisms compared" },
};

static void
print_help (FILE *stream)
{
  fprintf (stream,
           "Usage:\n  staffmatch COMMAND [OPTION...] [ARGUMENT...]\n\n"
           "Places the staff of a reorganised public body into positions "
           "by stable matching.\n\nCommands:\n");
  for (size_t k = 0; k < G_N_ELEMENTS (commands); k++)
    fprintf (stream, "  %-9s %s\n", commands[k].name, commands[k].summary);
  fprintf (stream, "\nOptions:\n  -h, --help  show this help\n"
                   "  --version   show the library's version\n\n"
                   "'staffmatch COMMAND --help' shows a command's options; "
                   "man staffmatch tells more.\n");
}

static const Command *
find_command (const char *name)
{
  for (size_t k = 0; k < G_N_ELEMENTS (commands); k++)
    if (strcmp (commands[k].name, name) == 0)
      return &commands[k];
  return NULL;
}

int
main (int argc, char **argv)
{
  /* Only the character set: numbers and dates stay in the C locale. */
  setlocale (LC_CTYPE, "");
  cli_filter_stdout ();
  if (argc < 2)
    {
      fprintf (stderr, "staffmatch: no command given\n");
      print_help (stderr);
      return CLI_EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return CLI_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("staffmatch %s\n", sm_version ());
      return CLI_EXIT_OK;
    }
  const Command *command = find_command (argv[1]);
  if (command == NULL)
    {
      fprintf (stderr,
               "staffmatch: unknown command '%s'\n"
               "Try 'staffmatch --help'.\n",
               argv[1]);
      return CLI_EXIT_USAGE;
    }
  g_autofree char *prgname = g_strdup_printf ("staffmatch %s", command->name);
  g_set_prgname (prgname);
  int status = command->run (argc - 1, argv + 1);
  /* stdout may be a filter (cli_filter_stdout()) that must be flushed. */
  if (fflush (stdout) != 0 && status == CLI_EXIT_OK)
    status = CLI_EXIT_FAILURE;
  return status;
}
