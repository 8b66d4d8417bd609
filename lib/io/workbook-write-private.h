/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the atomic workbook writer of workbook-write.c and its
 * sheet helpers, shared with the other writers of .xlsx files
 * (workbook-simulation.c). Not installed. */
#pragma once

#include <glib.h>
#include <staffmatch/scenario.h>
#include <xlsxwriter.h>

/* Adds the sheets to @book; FALSE with @error set to give up. */
typedef gboolean (*SmWorkbookFill) (lxw_workbook *book, gconstpointer data,
                                    GError **error);

/* Writes the workbook that @fill makes to @path, replacing it atomically
 * (a target that is not a regular file is refused), with @date at
 * midnight UTC as its creation time so that the same input gives the
 * same bytes. Errors: SM_ERROR_IO. */
gboolean sm_workbook__save (const char *path, SmDate date, SmWorkbookFill fill,
                            gconstpointer data, GError **error);

/* Column widths that fit the longest text of each column, from 8 to 60
 * characters, for the first 16 columns of a sheet. Start with { 0 }. */
typedef struct {
  double widths[16];
  int n; /* columns seen */
} SmColumnWidths;

/* Widens @column to fit @text (NULL: nothing). */
void sm_workbook__widen (SmColumnWidths *w, int column, const char *text);

/* Writes @text (nothing when NULL or empty) at @row, @column, widening the
 * column to fit it. */
void sm_workbook__put_text (lxw_worksheet *sheet, SmColumnWidths *w,
                            int32_t row, int column, const char *text);

/* Freezes the header row, sets a filter over it and the @rows rows after
 * it, and gives each column its width. */
void sm_workbook__finish_sheet (lxw_worksheet *sheet, const SmColumnWidths *w,
                                int32_t rows);
