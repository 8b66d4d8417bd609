/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the list of problems found in an input.
 *
 * Readers report into a list instead of stopping at the first problem, so
 * that a person fixing a spreadsheet sees everything wrong in one go. The
 * GError a loader returns is made from the first problem. */
#include "io/problems-private.h"

#include <staffmatch/error.h>

typedef struct {
  char *file;
  int32_t line;
  int32_t column;
  char *field;
  int code;
  char *message;
} StoredProblem;

struct _SmProblemList {
  GArray *items; /* StoredProblem */
};

static void
stored_problem_clear (gpointer data)
{
  StoredProblem *p = data;
  g_free (p->file);
  g_free (p->field);
  g_free (p->message);
}

SmProblemList *
sm_problem_list_new (void)
{
  SmProblemList *list = g_new0 (SmProblemList, 1);
  list->items = g_array_new (FALSE, FALSE, sizeof (StoredProblem));
  g_array_set_clear_func (list->items, stored_problem_clear);
  return list;
}

void
sm_problem_list_free (SmProblemList *list)
{
  if (list == NULL)
    return;
  g_array_unref (list->items);
  g_free (list);
}

int32_t
sm_problem_list_get_n (const SmProblemList *list)
{
  g_return_val_if_fail (list != NULL, 0);
  return (int32_t) list->items->len;
}

gboolean
sm_problem_list_get (const SmProblemList *list, int32_t index,
                     SmProblem *problem_out)
{
  g_return_val_if_fail (list != NULL && problem_out != NULL, FALSE);
  if (index < 0 || index >= (int32_t) list->items->len)
    return FALSE;
  const StoredProblem *p = &g_array_index (list->items, StoredProblem, index);
  problem_out->file = p->file;
  problem_out->line = p->line;
  problem_out->column = p->column;
  problem_out->field = p->field;
  problem_out->code = p->code;
  problem_out->message = p->message;
  return TRUE;
}

void
sm_problem_list__add (SmProblemList *list, const char *file, int32_t line,
                      int32_t column, const char *field, int code,
                      const char *format, ...)
{
  g_return_if_fail (list != NULL && format != NULL);
  va_list args;
  va_start (args, format);
  StoredProblem p = {
    g_strdup (file != NULL ? file : ""), line, column, g_strdup (field), code,
    g_strdup_vprintf (format, args)
  };
  va_end (args);
  g_array_append_val (list->items, p);
}

/* "FILE:LINE:COLUMN: FIELD: MESSAGE", leaving out what is not known. */
static void
append_problem (GString *out, const StoredProblem *p)
{
  g_string_append (out, p->file);
  if (p->line > 0)
    g_string_append_printf (out, ":%d", p->line);
  if (p->line > 0 && p->column > 0)
    g_string_append_printf (out, ":%d", p->column);
  g_string_append (out, ": ");
  if (p->field != NULL)
    g_string_append_printf (out, "%s: ", p->field);
  g_string_append (out, p->message);
}

char *
sm_problem_list_format (const SmProblemList *list)
{
  g_return_val_if_fail (list != NULL, NULL);
  GString *out = g_string_new (NULL);
  for (guint k = 0; k < list->items->len; k++)
    {
      append_problem (out, &g_array_index (list->items, StoredProblem, k));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

gboolean
sm_problem_list__to_error (const SmProblemList *list, GError **error)
{
  g_return_val_if_fail (list != NULL, FALSE);
  if (list->items->len == 0)
    return FALSE;
  const StoredProblem *first = &g_array_index (list->items, StoredProblem, 0);
  g_autoptr (GString) text = g_string_new (NULL);
  append_problem (text, first);
  guint more = list->items->len - 1;
  if (more > 0)
    g_string_append_printf (text, " (and %u more problem%s)", more,
                            more == 1 ? "" : "s");
  g_set_error_literal (error, SM_ERROR, first->code, text->str);
  return TRUE;
}
