/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the list of problems found in an input.
 *
 * Readers report into a list instead of stopping at the first problem, so
 * that a person fixing a spreadsheet sees everything wrong in one go. The
 * GError a loader returns is made from the first problem. A problem is
 * an error, which stops the load, or a warning, which does not (an
 * unknown column whose values are ignored); a problem in a workbook names
 * its sheet and cell as a spreadsheet does (employees!C14). */
#include "io/problems-private.h"

#include <staffmatch/error.h>

typedef struct {
  char *file;
  char *sheet; /* a workbook's sheet, or NULL */
  SmSeverity severity;
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
  g_free (p->sheet);
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

static void
add_problem (SmProblemList *list, const char *file, const char *sheet,
             SmSeverity severity, int32_t line, int32_t column,
             const char *field, int code, char *message)
{
  StoredProblem p = { g_strdup (file != NULL ? file : ""),
                      g_strdup (sheet),
                      severity,
                      line,
                      column,
                      g_strdup (field),
                      code,
                      message };
  g_array_append_val (list->items, p);
}

void
sm_problem_list__add (SmProblemList *list, const char *file, int32_t line,
                      int32_t column, const char *field, int code,
                      const char *format, ...)
{
  g_return_if_fail (list != NULL && format != NULL);
  va_list args;
  va_start (args, format);
  char *message = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem (list, file, NULL, SM_SEVERITY_ERROR, line, column, field, code,
               message);
}

void
sm_problem_list__add_at (SmProblemList *list, const SmProblemPlace *place,
                         const char *field, int code, const char *format, ...)
{
  g_return_if_fail (list != NULL && place != NULL && format != NULL);
  va_list args;
  va_start (args, format);
  char *message = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem (list, place->file, place->sheet, place->severity, place->line,
               place->column, field, code, message);
}

void
sm_problem_list__append_all (const SmProblemList *from, SmProblemList *to)
{
  g_return_if_fail (from != NULL && to != NULL);
  for (guint k = 0; k < from->items->len; k++)
    {
      const StoredProblem *p = &g_array_index (from->items, StoredProblem, k);
      add_problem (to, p->file, p->sheet, p->severity, p->line, p->column,
                   p->field, p->code, g_strdup (p->message));
    }
}

const char *
sm_problem_list_get_sheet (const SmProblemList *list, int32_t index)
{
  g_return_val_if_fail (list != NULL, NULL);
  if (index < 0 || index >= (int32_t) list->items->len)
    return NULL;
  return g_array_index (list->items, StoredProblem, index).sheet;
}

SmSeverity
sm_problem_list_get_severity (const SmProblemList *list, int32_t index)
{
  g_return_val_if_fail (list != NULL, SM_SEVERITY_ERROR);
  if (index < 0 || index >= (int32_t) list->items->len)
    return SM_SEVERITY_ERROR;
  return g_array_index (list->items, StoredProblem, index).severity;
}

int32_t
sm_problem_list_count (const SmProblemList *list, SmSeverity severity)
{
  g_return_val_if_fail (list != NULL, 0);
  int32_t n = 0;
  for (guint k = 0; k < list->items->len; k++)
    n += g_array_index (list->items, StoredProblem, k).severity == severity;
  return n;
}

/* A spreadsheet column's letters: 1 is A, 27 is AA. */
static void
append_column_letters (GString *out, int32_t column)
{
  char letters[8];
  int n = 0;
  for (; column > 0 && n < 7; column = (column - 1) / 26)
    letters[n++] = (char) ('A' + (column - 1) % 26);
  while (n > 0)
    g_string_append_c (out, letters[--n]);
}

/* In a workbook: "SHEET!C14" for a cell, "SHEET!14:14" for a whole row,
 * "SHEET" for the sheet. */
static void
append_cell (GString *out, const StoredProblem *p)
{
  g_string_append_printf (out, ": %s", p->sheet);
  if (p->line > 0 && p->column > 0)
    {
      g_string_append_c (out, '!');
      append_column_letters (out, p->column);
      g_string_append_printf (out, "%d", p->line);
    }
  else if (p->line > 0)
    g_string_append_printf (out, "!%d:%d", p->line, p->line);
}

/* "FILE:LINE:COLUMN: FIELD: MESSAGE", leaving out what is not known. */
static void
append_problem (GString *out, const StoredProblem *p)
{
  g_string_append (out, p->file);
  if (p->sheet != NULL)
    append_cell (out, p);
  else if (p->line > 0)
    g_string_append_printf (out, ":%d", p->line);
  if (p->sheet == NULL && p->line > 0 && p->column > 0)
    g_string_append_printf (out, ":%d", p->column);
  g_string_append (out, ": ");
  if (p->field != NULL)
    g_string_append_printf (out, "%s: ", p->field);
  if (p->severity == SM_SEVERITY_WARNING)
    g_string_append (out, "warning: ");
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
  const StoredProblem *first = NULL;
  guint n_errors = 0;
  for (guint k = 0; k < list->items->len; k++)
    {
      const StoredProblem *p = &g_array_index (list->items, StoredProblem, k);
      if (p->severity != SM_SEVERITY_ERROR)
        continue;
      if (first == NULL)
        first = p;
      n_errors++;
    }
  if (first == NULL)
    return FALSE;
  g_autoptr (GString) text = g_string_new (NULL);
  append_problem (text, first);
  guint more = n_errors - 1;
  if (more > 0)
    g_string_append_printf (text, " (and %u more problem%s)", more,
                            more == 1 ? "" : "s");
  g_set_error_literal (error, SM_ERROR, first->code, text->str);
  return TRUE;
}
