/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: reading workbooks (workbook.h), private parts. Not
 * installed.
 *
 * workbook-zip.c opens the zip container within the limits of workbook.h;
 * workbook-xlsx.c and workbook-ods.c read the sheets of the two formats
 * with libxml2's streaming reader into SmCsvTable records, one per row
 * that holds a value, through the sheet builder of workbook-read.c; the
 * loader of csv-load.c then reads those as it reads a CSV file.
 */
#pragma once

#include <stdint.h>
#include <glib.h>
#include <libxml/xmlreader.h>
#include <staffmatch/workbook.h>

#include "io/csv-private.h"

/* ---- the zip container (workbook-zip.c) ---------------------------------- */

typedef struct _SmZip SmZip;

/* Reads the file at @path and opens it as a zip. Errors: SM_ERROR_IO;
 * SM_ERROR_PARSE for a file that is no zip (the message says what it
 * looks like); SM_ERROR_TOO_LARGE for a file larger than
 * SM_WORKBOOK_MAX_SIZE or with more than SM_WORKBOOK_MAX_ENTRIES
 * entries. */
SmZip *sm_zip__open (const char *path, GError **error);
void sm_zip__close (SmZip *z);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmZip, sm_zip__close)

/* Whether the archive has an entry named @name. */
gboolean sm_zip__has (const SmZip *z, const char *name);

/* (transfer full): the unpacked bytes of entry @name. Errors:
 * SM_ERROR_PARSE (missing, damaged), SM_ERROR_TOO_LARGE (the entries
 * read so far would unpack to more than SM_WORKBOOK_MAX_SIZE). Messages
 * start with the entry's name. */
GBytes *sm_zip__read (SmZip *z, const char *name, GError **error);

/* ---- building sheets (workbook-read.c) ----------------------------------- */

/* A problem of one cell, found while a sheet is read. */
typedef struct {
  int32_t row;    /* from 1 */
  int32_t column; /* from 1 */
  int code;
  char *message;
} SmCellProblem;

/* The cells of one sheet as they are read, row by row. */
typedef struct {
  char *name;         /* the sheet's name */
  GArray *problems;   /* SmCellProblem */
  SmCsvTable *table;  /* the rows that hold a value */
  GPtrArray *row;     /* the current row's cells, by column from 0 */
  int32_t row_number; /* from 1 */
  int32_t width;      /* the widest row */
} SmSheet;

SmSheet *sm_sheet__new (const char *name);
void sm_sheet__free (SmSheet *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmSheet, sm_sheet__free)

/* Sets cell @column (from 0) of the current row to @text (taken; NULL
 * or "" for an empty cell). */
void sm_sheet__set (SmSheet *sheet, int32_t column, char *text);
/* Adds a problem at cell @column (from 0) of row @row_number. */
void sm_sheet__problem (SmSheet *sheet, int32_t row_number, int32_t column,
                        int code, const char *message);
/* Ends the current row (numbered @row_number), keeping it when some
 * cell holds a value. */
void sm_sheet__end_row (SmSheet *sheet, int32_t row_number);
/* Ends the sheet: the header row is widened to the widest row, so that
 * a value in a column without a name is reported as such. (transfer
 * full): the table. */
SmCsvTable *sm_sheet__finish (SmSheet *sheet);

/* Counts @n more cells that hold a value against SM_WORKBOOK_MAX_CELLS;
 * FALSE (with the error) past it. */
gboolean sm_workbook__count_cells (guint64 *counted, guint64 n, GError **error);

/* ---- XML ----------------------------------------------------------------- */

/* An XML reader on @bytes that never prints and never loads anything
 * from outside (no network, no external entities, no DTD). Its first
 * error is kept for sm_xml__fail(). */
typedef struct {
  xmlTextReaderPtr reader;
  char *entry; /* the zip entry, for messages */
  char *first_error;
  int error_line;
} SmXml;

gboolean sm_xml__open (SmXml *x, GBytes *bytes, const char *entry,
                       GError **error);
void sm_xml__close (SmXml *x);
/* Sets the error of a damaged file (SM_ERROR_PARSE) and returns FALSE. */
gboolean sm_xml__fail (SmXml *x, GError **error);
/* The value of the current element's attribute of local name @name (any
 * namespace), or NULL. (transfer full) */
char *sm_xml__attribute (SmXml *x, const char *name);
/* Whether the current node is an element (@start) or an element's end,
 * with local name @name. */
gboolean sm_xml__is (SmXml *x, gboolean start, const char *name);

/* ---- the two formats ----------------------------------------------------- */

/* The sheets of an .xlsx (workbook-xlsx.c) or .ods (workbook-ods.c), in
 * the order of the workbook: (transfer full) a GPtrArray of SmSheet,
 * each finished, or NULL with the error. Only the sheets for which
 * @wanted returns TRUE are read (the others may be large and are not the
 * scenario's). */
typedef gboolean (*SmSheetWanted) (const char *name);
GPtrArray *sm_xlsx__read_sheets (SmZip *z, SmSheetWanted wanted,
                                 GError **error);
GPtrArray *sm_ods__read_sheets (SmZip *z, SmSheetWanted wanted, GError **error);

/* The text of a number as the loader reads it: a whole number without a
 * decimal point, else the shortest decimal that reads back the same.
 * (transfer full) */
char *sm_workbook__number_text (double value);
/* The ISO date of day @serial in a workbook's 1900 or 1904 system, or
 * NULL when it is out of the range of dates (transfer full). */
char *sm_workbook__serial_date (double serial, gboolean system_1904);
