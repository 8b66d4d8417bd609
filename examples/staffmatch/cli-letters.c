/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch command-line tool: `letters`.
 *
 *     staffmatch letters --list-templates
 *     staffmatch letters --print-template NAME
 *
 * Gives HR and legal advisers the built-in letter templates to adapt:
 * --list-templates names them ("nl-public", "nl-employment",
 * "en-public", "en-employment": language and regime), --print-template
 * writes one to stdout as it is, with the comment at its top that lists
 * every field. An adapted copy is used with `solve --template FILE` (and
 * `demo`, `explain`). An unknown name is a usage error that lists the
 * names.
 */
#include "cli-common.h"

#include <stdio.h>

static int
print_template (const char *name)
{
  SmLanguage language;
  SmRegime regime;
  if (!sm_letter_template_from_name (name, &language, &regime))
    {
      g_autofree char *names =
          g_strjoinv (", ", (char **) sm_letter_template_names ());
      return cli_usage_error ("letters",
                              "--print-template: '%s' is not one of %s", name,
                              names);
    }
  fputs (sm_letter_get_default_template (language, regime), stdout);
  return CLI_EXIT_OK;
}

static void
list_templates (void)
{
  for (const char *const *n = sm_letter_template_names (); *n != NULL; n++)
    printf ("%s\n", *n);
}

int
cli_letters (int argc, char **argv)
{
  g_autofree char *name = NULL;
  gboolean list = FALSE;
  const GOptionEntry entries[] = {
    { "print-template", 0, 0, G_OPTION_ARG_STRING, &name,
      "Print a built-in template (nl-public, nl-employment, en-public, "
      "en-employment)",
      "NAME" },
    { "list-templates", 0, 0, G_OPTION_ARG_NONE, &list,
      "List the names of the built-in templates", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext)
      context = cli_context_new ("letters", NULL,
                                 "Prints the built-in letter templates, to "
                                 "adapt and use with\n"
                                 "'staffmatch solve --template FILE'.",
                                 entries);
  if (!cli_parse (context, "letters", &argc, &argv))
    return CLI_EXIT_USAGE;
  if (argc != 1)
    return cli_usage_error ("letters", "unexpected argument '%s'", argv[1]);
  if (list && name == NULL)
    {
      list_templates ();
      return CLI_EXIT_OK;
    }
  if (name == NULL || list)
    return cli_usage_error ("letters", "give --print-template NAME or "
                                       "--list-templates");
  return print_template (name);
}
