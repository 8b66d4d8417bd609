/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: a strict reading of CSV tables, written apart from the
 * library's reader, and the property that loading loses no row.
 *
 * The library's reader (lib/io/csv.c) is the one to check, so this one
 * shares no code with it: a character-by-character state machine for the
 * dialect that csv.c documents, RFC 4180 with the leeway that
 * spreadsheets need and nothing more. Fields are separated by the
 * delimiter (';' or ',', whichever occurs outside quoted fields in the
 * first non-empty line, ';' when both or neither do); records end at
 * CRLF, LF or CR; empty lines are skipped; a UTF-8 byte-order mark at the
 * start is skipped. A field that starts with '"' (after blanks) is quoted
 * and must end with a lone '"' followed only by blanks before the next
 * delimiter or line end, else the text is not CSV; inside it, '""' is a
 * quote, CRLF and LF are a line feed, and a CR is itself. Any other field
 * runs to the next delimiter or line end, blanks (space, tab) trimmed,
 * a '"' in it being an ordinary character. A field that starts with
 * single quotes followed by '=', '+', '-', '@', a tab or a CR loses its
 * first single quote (the writer's guard against formulas). Bytes are
 * taken as they are: encodings are the caller's business.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <glib.h>

/* The records of @length bytes at @data: a GPtrArray of GStrv, the
 * header first, or NULL when the text is not CSV of that dialect (a
 * quoted field that never closes, or text after a closing quote). Sets
 * *@delimiter_out when not NULL. (transfer full) */
GPtrArray *sm_strict_csv_read (const char *data, size_t length,
                               char *delimiter_out);

/* Whether every field of @record is empty. */
gboolean sm_strict_csv_is_blank (char **record);

/* The number of data rows in @data: records after the header that are
 * not blank; -1 when the text is not CSV, 0 when it has no header. */
int sm_strict_csv_count_rows (const char *data, size_t length);

/* The property "loading loses no row", on an input of the scenario-csv
 * fuzz target (tables separated by SM_FUZZ_CSV_SEPARATOR, in the order of
 * sm_fuzz_csv_tables): when the folder loads, it has exactly as many
 * employees and applications as the strict reading finds data rows in
 * employees.csv and applications.csv. Returns NULL when it holds, else
 * (transfer full) what broke. */
char *sm_fuzz_check_csv_rows (const uint8_t *data, size_t size);
