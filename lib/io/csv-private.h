/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the CSV dialect of scenario folders, reading and writing.
 * Not installed.
 *
 * The reader takes a whole file in memory (as spreadsheet programs export
 * it: ';' or ',' as delimiter (a tab in UTF-16 text, as Excel's "Unicode
 * text" is), UTF-8 with or without a byte-order mark or
 * consistently Windows-1252, quoted fields that may hold delimiters,
 * doubled quotes and line breaks, LF, CRLF or CR) and returns its
 * records, each field with the physical line where it starts, so that
 * every problem can name a line and a column. The writer produces the
 * canonical form that the reader reads back to the same fields, with
 * text that a spreadsheet would run as a formula guarded by a single
 * quote. See csv.c for the exact rules.
 */
#pragma once

#include <stdint.h>
#include <glib.h>
#include <staffmatch/date.h>

/* One record: field k (0-based) is column k + 1. */
typedef struct {
  int32_t line;     /* physical line where the record starts, from 1 */
  int32_t n_fields; /* at least 1 */
  char **fields;    /* n_fields UTF-8 strings, then NULL */
  int32_t *lines;   /* n_fields: the line where field k starts; it ends
                       as many lines further as it holds '\n' and '\r' */
} SmCsvRecord;

typedef struct {
  char delimiter;             /* ';', ',' or '\t' as detected */
  gboolean from_windows_1252; /* the bytes were converted */
  GArray *records;            /* SmCsvRecord, the header row first; empty
                                 lines are left out */
} SmCsvTable;

/* Reads @length bytes at @data (need not end in NUL). Errors:
 * SM_ERROR_PARSE (an unterminated quote, text after a closing quote, NUL
 * bytes, bytes that are neither UTF-8 nor Windows-1252, UTF-8 mixed with
 * other bytes) with *@line_out and *@column_out set to the line and cell
 * at fault (where a quote opened, for the quote errors); the message has
 * no location and quotes nothing of the file. Returns: (transfer full):
 * the table, or NULL on error. */
SmCsvTable *sm_csv__read (const char *data, gsize length, int32_t *line_out,
                          int32_t *column_out, GError **error);
/* An empty table, for readers of other formats (workbooks) that fill
 * its records themselves. (transfer full) */
SmCsvTable *sm_csv__table_new (char delimiter);
void sm_csv__table_free (SmCsvTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmCsvTable, sm_csv__table_free)

/* Whether every field of @record is empty (a blank spreadsheet row). */
gboolean sm_csv__record_is_blank (const SmCsvRecord *record);

/* Field values. A number may have a decimal comma or point and an
 * exponent; no thousands separators, no "inf" or "nan". Booleans are
 * yes/no, true/false, ja/nee, 1/0 in any case. Blanks around are
 * ignored. They return FALSE when the text is not of the kind. */
gboolean sm_csv__parse_double (const char *text, double *out);
gboolean sm_csv__parse_int (const char *text, int64_t min, int64_t max,
                            int64_t *out);
gboolean sm_csv__parse_bool (const char *text, gboolean *out);

/* (transfer full): the shortest decimal (with '.') that reads back as
 * exactly @value. */
char *sm_csv__format_double (double value);

/* A table being written, in memory until saved. */
typedef struct {
  GString *out;
  char delimiter;
  gboolean row_started;
  unsigned multiline; /* bit k: column k may hold line breaks; all by
                         default, the caller narrows it */
  int32_t row;        /* the row being written, from 1 (the header) */
  int32_t column;     /* fields written in it */
  int32_t broken_row; /* the first text with a line break in a column
                         that may not hold one, or 0 */
  int32_t broken_column;
} SmCsvWriter;

void sm_csv__writer_init (SmCsvWriter *w, char delimiter);
void sm_csv__writer_clear (SmCsvWriter *w);
/* Appends a text field, quoted when it holds the delimiter, a quote, CR
 * or LF, or starts or ends with a blank, and after a single quote when a
 * spreadsheet would run it as a formula (see csv.c). NULL writes an empty
 * field. A line break in a column outside w->multiline is written, and
 * its place kept in broken_row and broken_column. Numbers and dates are
 * written as they are. */
void sm_csv__put_text (SmCsvWriter *w, const char *text);
void sm_csv__put_int (SmCsvWriter *w, int64_t value);
void sm_csv__put_double (SmCsvWriter *w, double value);
/* Writes ISO yyyy-mm-dd, or an empty field for an unset date. */
void sm_csv__put_date (SmCsvWriter *w, SmDate date);
/* Ends the row with '\n'. */
void sm_csv__end_row (SmCsvWriter *w);
/* Writes the text to @path atomically. Errors: SM_ERROR_IO. */
gboolean sm_csv__writer_save (const SmCsvWriter *w, const char *path,
                              GError **error);
