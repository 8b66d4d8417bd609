/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: collecting input problems, for the file readers. Not
 * installed. */
#pragma once

#include <staffmatch/io.h>

/* Appends a problem; the strings are copied. @field may be NULL. */
void sm_problem_list__add (SmProblemList *list, const char *file, int32_t line,
                           int32_t column, const char *field, int code,
                           const char *format, ...) G_GNUC_PRINTF (7, 8);

/* Where a problem is: @sheet is NULL for a text file (then @line and
 * @column are its line and field), or a workbook's sheet (then they are
 * the row and the column, A = 1; 0 when not known). */
typedef struct {
  const char *file;
  const char *sheet;
  SmSeverity severity;
  int32_t line;
  int32_t column;
} SmProblemPlace;

/* Appends a problem at @place; the strings are copied. */
void sm_problem_list__add_at (SmProblemList *list, const SmProblemPlace *place,
                              const char *field, int code, const char *format,
                              ...) G_GNUC_PRINTF (5, 6);

/* Appends copies of every problem of @from to @to. */
void sm_problem_list__append_all (const SmProblemList *from, SmProblemList *to);

/* Sets @error from the list's first error (warnings do not count), saying
 * how many more errors there are. Returns FALSE when there is none (and
 * leaves @error alone). */
gboolean sm_problem_list__to_error (const SmProblemList *list, GError **error);
