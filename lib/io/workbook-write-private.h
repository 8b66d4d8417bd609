/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the atomic workbook writer of workbook-write.c, shared with
 * the other writers of .xlsx files (workbook-simulation.c). Not
 * installed. */
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
