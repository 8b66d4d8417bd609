/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the CSV dialect of scenario folders (csv-private.h).
 *
 * HR teams keep their tables in spreadsheets and export them, so the
 * reader takes what Dutch spreadsheet programs write rather than one
 * strict form; but where a file can be read in more than one way it
 * refuses it, naming the place, rather than guess, since a wrong guess
 * silently loses or changes a person.
 *
 *   - Encoding: a UTF-8 byte-order mark means UTF-8 (and the rest must be
 *     valid). Without one, text that is valid UTF-8 is taken as UTF-8,
 *     and text that is consistently Windows-1252 (the code page of older
 *     Excel exports, "é" as the single byte 0xE9) is converted: that is,
 *     text without a single valid multi-byte UTF-8 sequence. Text with
 *     both, UTF-8 characters and bytes that are not UTF-8 (one name
 *     pasted in from another program), is refused at the line and cell
 *     of the first offending byte: converting it all would garble every
 *     accented name ("MÃ¼ller"). NUL bytes are refused: they mean UTF-16
 *     or a workbook saved under a .csv name.
 *   - Delimiter: ';' (what Excel writes under a Dutch locale, where ',' is
 *     the decimal comma) or ','; whichever occurs outside quoted fields in
 *     the first non-empty line (the header row), ';' when both or neither
 *     do.
 *   - Records end at LF, CRLF or a lone CR (old Mac Excel ends lines with
 *     CR alone). An empty line is skipped, and so is a final line end.
 *     Line numbers count physical lines, each of these three line ends
 *     counting once, and a record is numbered by the line where it
 *     starts, so a line break inside a quoted field shifts the numbers of
 *     the records after it just as an editor shows them.
 *   - A field that starts with '"' (after blanks) is quoted: it runs to
 *     the next lone '"', may hold delimiters, line breaks (LF and CRLF
 *     read as '\n', a lone CR as itself) and doubled quotes (read as
 *     one); only blanks may follow the closing quote. An unquoted field
 *     is taken as it stands with its surrounding blanks (space, tab)
 *     removed, a quote inside it being an ordinary character ("24\"
 *     screen" stays as written). Each field records the line where it
 *     starts, so that the loader can tell where a quote opened and where
 *     it closed (which columns may hold line breaks is the loader's
 *     business: csv-tables.c).
 *   - Formulas: a spreadsheet runs a cell that starts with '=', '+', '-',
 *     '@', a tab or a CR as a formula, so the writer puts a single quote
 *     before any text that starts with one of them (after any single
 *     quotes it already starts with); the reader takes one single quote
 *     off a field that starts with single quotes followed by one of them.
 *     The two are exact inverses, so every text reads back as written,
 *     including one that itself starts with a single quote; numbers and
 *     dates are written as they are (a negative number is no formula to
 *     guard against, and must stay a number).
 *
 * The writer quotes exactly the fields that would not read back
 * otherwise (delimiter, quote, CR, LF, a blank at either end), ends rows
 * with '\n', writes decimals with '.' in their shortest exact form and
 * dates in ISO form, so that writing what was read gives the same bytes.
 */
#include "io/csv-private.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <staffmatch/error.h>

#include "io/file-private.h"

/* ---- lines and cells ---------------------------------------------------- */

/* A blank around a field: a space, or a tab unless tabs delimit the
 * fields (Excel's "Unicode text"). */
static gboolean
is_blank_for (char c, char delimiter)
{
  return c == ' ' || (c == '\t' && delimiter != '\t');
}

static gboolean
is_blank (char c)
{
  return is_blank_for (c, ';');
}

/* Length of the line end at @p (1 for LF or a lone CR, 2 for CRLF), or 0
 * when there is none. */
static int
line_end_at (const char *p, const char *end)
{
  if (p >= end)
    return 0;
  if (*p == '\n')
    return 1;
  if (*p != '\r')
    return 0;
  return end - p >= 2 && p[1] == '\n' ? 2 : 1;
}

/* The line and the cell (both from 1) of the byte at @at, reading the
 * quotes and delimiters before it as the reader does. */
static void
locate (const char *data, const char *end, const char *at, char delimiter,
        int32_t *line_out, int32_t *column_out)
{
  int32_t line = 1, column = 1;
  gboolean quoted = FALSE, field_start = TRUE;
  const char *p = data;
  while (p < at && p < end)
    {
      int eol = line_end_at (p, end);
      if (eol > 0)
        {
          line++;
          if (!quoted)
            column = 1;
          field_start = !quoted;
          p += eol;
          continue;
        }
      if (quoted && *p == '"')
        {
          gboolean doubled = end - p >= 2 && p[1] == '"';
          quoted = doubled;
          p += doubled ? 2 : 1;
          continue;
        }
      if (!quoted && *p == delimiter)
        column++;
      else if (!quoted && field_start && *p == '"')
        quoted = TRUE;
      field_start = !quoted
                    && (*p == delimiter
                        || (field_start && is_blank_for (*p, delimiter)));
      p++;
    }
  *line_out = line;
  *column_out = column;
}

/* ';' or ',': the one outside quoted fields in the first non-empty line
 * (see top). Either ends a field here, since the delimiter is not known
 * yet. */
static char
detect_delimiter (const char *p, const char *end)
{
  gboolean quoted = FALSE, field_start = TRUE;
  gboolean semicolon = FALSE, comma = FALSE, tab = FALSE;
  while (p < end && line_end_at (p, end) > 0)
    p++;
  for (; p < end && (quoted || line_end_at (p, end) == 0); p++)
    {
      if (quoted)
        {
          if (*p == '"' && end - p >= 2 && p[1] == '"')
            p++;
          else if (*p == '"')
            quoted = FALSE;
          continue;
        }
      if (*p == ';' || *p == ',')
        {
          semicolon |= *p == ';';
          comma |= *p == ',';
          field_start = TRUE;
          continue;
        }
      tab |= *p == '\t';
      if (field_start && *p == '"')
        quoted = TRUE;
      field_start = field_start && is_blank (*p);
    }
  if (!semicolon && !comma && tab)
    return '\t';
  return comma && !semicolon ? ',' : ';';
}

/* ---- encoding ----------------------------------------------------------- */

static void
set_parse_error (GError **error, int32_t *line_out, int32_t *column_out,
                 int32_t line, int32_t column, const char *message)
{
  *line_out = line;
  *column_out = column;
  g_set_error_literal (error, SM_ERROR, SM_ERROR_PARSE, message);
}

/* Whether @text holds at least one valid multi-byte UTF-8 sequence. */
static gboolean
has_utf8_sequence (const char *text, gsize n)
{
  const char *end = text + n;
  for (const char *p = text; p < end; p++)
    {
      if ((guchar) *p < 0xC2 || (guchar) *p > 0xF4)
        continue;
      gunichar c = g_utf8_get_char_validated (p, end - p);
      if (c != (gunichar) -1 && c != (gunichar) -2)
        return TRUE;
    }
  return FALSE;
}

/* The error for the byte at @bad, which is not UTF-8, located at its line
 * and cell. */
static void
set_encoding_error (const char *text, gsize n, const char *bad,
                    const char *message, int32_t *line_out, int32_t *column_out,
                    GError **error)
{
  int32_t line, column;
  char delimiter = detect_delimiter (text, text + n);
  locate (text, text + n, bad, delimiter, &line, &column);
  set_parse_error (error, line_out, column_out, line, column, message);
}

/* @text converted from Windows-1252 to UTF-8 (transfer full,
 * NUL-terminated, length in *@length_out); NULL with the error at the
 * first byte Windows-1252 lacks. */
static char *
from_windows_1252 (const char *text, gsize n, gsize *length_out,
                   int32_t *line_out, int32_t *column_out, GError **error)
{
  gsize read = 0;
  char *utf8 = g_convert (text, (gssize) n, "UTF-8", "WINDOWS-1252", &read,
                          length_out, NULL);
  if (utf8 == NULL)
    /* @read: the bytes converted before the one Windows-1252 lacks */
    set_encoding_error (text, n, text + MIN (read, n),
                        "The file is neither UTF-8 nor Windows-1252 text; "
                        "save it as CSV UTF-8.",
                        line_out, column_out, error);
  return utf8;
}

/* The text as UTF-8 (transfer full, NUL-terminated, length in
 * *@length_out), converted from Windows-1252 when it is consistently
 * that. */
static char *
to_utf8 (const char *data, gsize length, gsize *length_out, gboolean *converted,
         int32_t *line_out, int32_t *column_out, GError **error)
{
  gboolean bom = length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0;
  const char *text = bom ? data + 3 : data;
  gsize n = bom ? length - 3 : length;
  const char *nul = n > 0 ? memchr (text, '\0', n) : NULL;
  const char *bad = NULL;

  *converted = FALSE;
  if (nul != NULL)
    {
      set_encoding_error (text, n, nul,
                          "The file holds NUL bytes, so it "
                          "is no CSV text (it may be UTF-16 or a workbook); "
                          "save it as CSV.",
                          line_out, column_out, error);
      return NULL;
    }
  if (g_utf8_validate_len (text, n, &bad))
    {
      *length_out = n;
      return g_strndup (text, n);
    }
  if (bom || has_utf8_sequence (text, n))
    {
      set_encoding_error (
          text, n, bad,
          bom ? "The file starts with a UTF-8 byte-order mark, but this cell "
                "holds a byte that is not UTF-8; save the file again as CSV "
                "UTF-8, or retype the cell's special characters."
              : "The file is UTF-8 text, but this cell holds a byte that is "
                "not UTF-8 (probably a character in Windows-1252, pasted in "
                "from another program); retype the cell's special characters, "
                "or save the file again as CSV UTF-8.",
          line_out, column_out, error);
      return NULL;
    }
  char *utf8 = from_windows_1252 (text, n, length_out, line_out, column_out,
                                  error);
  *converted = utf8 != NULL;
  return utf8;
}

/* ---- records ------------------------------------------------------------ */

typedef struct {
  const char *p;
  const char *end;
  char delimiter;
  int32_t line;
  int32_t column; /* of the field being read, from 1 */
} Cursor;

static int
line_end_length (const Cursor *c)
{
  return line_end_at (c->p, c->end);
}

static gboolean
at_field_end (const Cursor *c)
{
  return c->p == c->end || *c->p == c->delimiter || line_end_length (c) > 0;
}

/* Whether a field starting with @text is a formula guarded by the writer:
 * single quotes, then a character that starts a formula. */
static gboolean
starts_formula (const char *text, gboolean after_quotes)
{
  const char *p = text;
  while (*p == '\'')
    p++;
  if (after_quotes && p == text)
    return FALSE;
  return *p != '\0' && strchr ("=+-@\t\r", *p) != NULL;
}

/* Reads a quoted field; c->p is on the opening quote. */
static gboolean
read_quoted (Cursor *c, GString *field, int32_t *line_out, int32_t *column_out,
             GError **error)
{
  int32_t start = c->line;
  c->p++;
  for (;;)
    {
      if (c->p == c->end)
        {
          set_parse_error (error, line_out, column_out, start, c->column,
                           "A quoted field has no closing quote; add the "
                           "'\"' that ends it, or remove the one that "
                           "opens it.");
          return FALSE;
        }
      int eol = line_end_length (c);
      if (*c->p == '"' && (c->end - c->p < 2 || c->p[1] != '"'))
        break;
      g_string_append_c (field, eol == 1 && *c->p == '\r' ? '\r'
                                : eol > 0                 ? '\n'
                                                          : *c->p);
      c->p += *c->p == '"' ? 2 : MAX (eol, 1);
      c->line += eol > 0;
    }
  for (c->p++; c->p < c->end && is_blank_for (*c->p, c->delimiter); c->p++)
    ; /* over the closing quote and blanks */
  if (at_field_end (c))
    return TRUE;
  if (c->line == start)
    {
      set_parse_error (error, line_out, column_out, start, c->column,
                       "A quoted field is followed by more text before the "
                       "next delimiter; quote the whole field.");
      return FALSE;
    }
  g_autofree char *message = g_strdup_printf (
      "A quote opened here closes on line %d, where more text follows it "
      "before the next delimiter; a quote is probably missing or stray on "
      "one of the two lines.",
      (int) c->line);
  set_parse_error (error, line_out, column_out, start, c->column, message);
  return FALSE;
}

static void
read_unquoted (Cursor *c, GString *field)
{
  const char *start = c->p;
  while (!at_field_end (c))
    c->p++;
  const char *stop = c->p;
  while (stop > start && is_blank_for (stop[-1], c->delimiter))
    stop--;
  g_string_append_len (field, start, stop - start);
}

static gboolean
read_field (Cursor *c, GString *field, int32_t *line_out, int32_t *column_out,
            GError **error)
{
  g_string_truncate (field, 0);
  while (c->p < c->end && is_blank_for (*c->p, c->delimiter))
    c->p++;
  if (c->p < c->end && *c->p == '"')
    {
      if (!read_quoted (c, field, line_out, column_out, error))
        return FALSE;
    }
  else
    read_unquoted (c, field);
  if (starts_formula (field->str, TRUE))
    g_string_erase (field, 0, 1); /* the writer's guard */
  return TRUE;
}

/* Reads one record, up to and over its line end. */
static gboolean
read_record (Cursor *c, SmCsvRecord *record, int32_t *line_out,
             int32_t *column_out, GError **error)
{
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (int32_t));
  g_autoptr (GString) field = g_string_new (NULL);

  record->line = c->line;
  for (c->column = 1;; c->column++)
    {
      g_array_append_val (lines, c->line);
      if (!read_field (c, field, line_out, column_out, error))
        return FALSE;
      g_ptr_array_add (fields, g_strdup (field->str));
      if (c->p == c->end)
        break;
      if (*c->p == c->delimiter)
        {
          c->p++;
          continue;
        }
      c->p += line_end_length (c);
      c->line++;
      break;
    }
  record->n_fields = (int32_t) fields->len;
  g_ptr_array_add (fields, NULL);
  g_ptr_array_set_free_func (fields, NULL);
  record->fields = (char **) g_ptr_array_free (g_steal_pointer (&fields),
                                               FALSE);
  record->lines = (int32_t *) (void *) g_array_free (g_steal_pointer (&lines),
                                                     FALSE);
  return TRUE;
}

static void
record_clear (gpointer data)
{
  SmCsvRecord *record = data;
  g_strfreev (record->fields);
  g_free (record->lines);
}

static gboolean
read_records (Cursor *c, GArray *records, int32_t *line_out,
              int32_t *column_out, GError **error)
{
  while (c->p < c->end)
    {
      int eol = line_end_length (c);
      if (eol > 0)
        {
          c->p += eol; /* an empty line */
          c->line++;
          continue;
        }
      SmCsvRecord record = { 0, 0, NULL, NULL };
      if (!read_record (c, &record, line_out, column_out, error))
        return FALSE;
      g_array_append_val (records, record);
    }
  return TRUE;
}

/* A file that starts with the byte-order mark of UTF-16 (Excel's
 * "Unicode text", tab-separated) converted to UTF-8 (transfer full), or
 * NULL when it does not; *@failed when it does but cannot be. */
static char *
from_utf16 (const char *data, gsize length, gsize *length_out, gboolean *failed)
{
  *failed = FALSE;
  if (length < 2)
    return NULL;
  const char *from = NULL;
  if ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
    from = "UTF-16LE";
  else if ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)
    from = "UTF-16BE";
  if (from == NULL)
    return NULL;
  char *text = g_convert (data + 2, (gssize) (length - 2), "UTF-8", from, NULL,
                          length_out, NULL);
  *failed = text == NULL;
  return text;
}

SmCsvTable *
sm_csv__read (const char *data, gsize length, int32_t *line_out,
              int32_t *column_out, GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (line_out != NULL && column_out != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  gsize n = 0;
  gboolean converted, failed;
  g_autofree char *wide = from_utf16 (data, length, &n, &failed);
  if (failed)
    {
      *line_out = 1;
      *column_out = 1;
      g_set_error_literal (error, SM_ERROR, SM_ERROR_PARSE,
                           "The file starts as UTF-16 text (Excel's "
                           "\"Unicode text\") but is not UTF-16 throughout; "
                           "save it again, or save it as CSV UTF-8.");
      return NULL;
    }
  if (wide != NULL)
    {
      data = wide;
      length = n;
    }
  g_autofree char *text = to_utf8 (data != NULL ? data : "", length, &n,
                                   &converted, line_out, column_out, error);
  if (text == NULL)
    return NULL;
  g_autoptr (SmCsvTable) table = g_new0 (SmCsvTable, 1);
  table->records = g_array_new (FALSE, FALSE, sizeof (SmCsvRecord));
  g_array_set_clear_func (table->records, record_clear);
  table->from_windows_1252 = converted;
  table->delimiter = detect_delimiter (text, text + n);
  Cursor c = { text, text + n, table->delimiter, 1, 1 };
  if (!read_records (&c, table->records, line_out, column_out, error))
    return NULL;
  return g_steal_pointer (&table);
}

SmCsvTable *
sm_csv__table_new (char delimiter)
{
  SmCsvTable *table = g_new0 (SmCsvTable, 1);
  table->delimiter = delimiter;
  table->records = g_array_new (FALSE, FALSE, sizeof (SmCsvRecord));
  g_array_set_clear_func (table->records, record_clear);
  return table;
}

void
sm_csv__table_free (SmCsvTable *table)
{
  if (table == NULL)
    return;
  g_array_unref (table->records);
  g_free (table);
}

gboolean
sm_csv__record_is_blank (const SmCsvRecord *record)
{
  g_return_val_if_fail (record != NULL, TRUE);
  for (int32_t k = 0; k < record->n_fields; k++)
    if (record->fields[k][0] != '\0')
      return FALSE;
  return TRUE;
}

/* ---- field values ------------------------------------------------------- */

/* A copy of @text without surrounding white space (transfer full). */
static char *
stripped (const char *text)
{
  return g_strstrip (g_strdup (text));
}

gboolean
sm_csv__parse_double (const char *text, double *out)
{
  g_return_val_if_fail (text != NULL && out != NULL, FALSE);
  g_autofree char *copy = stripped (text);
  int separators = 0;
  for (char *p = copy; *p != '\0'; p++)
    {
      if (*p == ',' || *p == '.')
        {
          *p = '.';
          separators++;
        }
      else if (!g_ascii_isdigit (*p) && strchr ("+-eE", *p) == NULL)
        return FALSE;
    }
  char *end = NULL;
  double value = g_ascii_strtod (copy, &end);
  if (copy[0] == '\0' || separators > 1 || *end != '\0' || !isfinite (value))
    return FALSE;
  *out = value;
  return TRUE;
}

gboolean
sm_csv__parse_int (const char *text, int64_t min, int64_t max, int64_t *out)
{
  g_return_val_if_fail (text != NULL && out != NULL, FALSE);
  g_autofree char *copy = stripped (text);
  gint64 value;
  if (copy[0] == '+'
      || !g_ascii_string_to_signed (copy, 10, min, max, &value, NULL))
    return FALSE;
  *out = value;
  return TRUE;
}

gboolean
sm_csv__parse_bool (const char *text, gboolean *out)
{
  static const char *const yes[] = { "yes", "true", "ja", "1" };
  static const char *const no[] = { "no", "false", "nee", "0" };
  g_return_val_if_fail (text != NULL && out != NULL, FALSE);
  g_autofree char *copy = stripped (text);
  for (size_t k = 0; k < G_N_ELEMENTS (yes); k++)
    if (g_ascii_strcasecmp (copy, yes[k]) == 0
        || g_ascii_strcasecmp (copy, no[k]) == 0)
      {
        *out = g_ascii_strcasecmp (copy, yes[k]) == 0;
        return TRUE;
      }
  return FALSE;
}

char *
sm_csv__format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_return_val_if_fail (isfinite (value), g_strdup (""));
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];
      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return g_strdup (buffer);
}

/* ---- writing ------------------------------------------------------------ */

void
sm_csv__writer_init (SmCsvWriter *w, char delimiter)
{
  g_return_if_fail (w != NULL);
  g_return_if_fail (delimiter == ';' || delimiter == ',');
  w->out = g_string_new (NULL);
  w->delimiter = delimiter;
  w->row_started = FALSE;
  w->multiline = ~0u;
  w->row = 1;
  w->column = 0;
  w->broken_row = 0;
  w->broken_column = 0;
}

void
sm_csv__writer_clear (SmCsvWriter *w)
{
  g_return_if_fail (w != NULL);
  if (w->out != NULL)
    g_string_free (w->out, TRUE);
  w->out = NULL;
}

static gboolean
needs_quotes (const char *text, char delimiter)
{
  size_t n = strlen (text);
  if (n > 0 && (is_blank (text[0]) || is_blank (text[n - 1])))
    return TRUE;
  for (const char *p = text; *p != '\0'; p++)
    if (*p == delimiter || *p == '"' || *p == '\r' || *p == '\n')
      return TRUE;
  return FALSE;
}

/* Appends @text as one field, quoted when needed, as it stands. */
static void
put_field (SmCsvWriter *w, const char *text)
{
  g_return_if_fail (w != NULL && w->out != NULL);
  if (w->row_started)
    g_string_append_c (w->out, w->delimiter);
  w->row_started = TRUE;
  w->column++;
  if (text == NULL)
    return;
  if (!needs_quotes (text, w->delimiter))
    {
      g_string_append (w->out, text);
      return;
    }
  g_string_append_c (w->out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (w->out, '"');
      g_string_append_c (w->out, *p);
    }
  g_string_append_c (w->out, '"');
}

void
sm_csv__put_text (SmCsvWriter *w, const char *text)
{
  g_return_if_fail (w != NULL && w->out != NULL);
  if (text != NULL && w->broken_row == 0 && w->column < 32
      && !(w->multiline & (1u << w->column)) && strpbrk (text, "\r\n"))
    {
      w->broken_row = w->row;
      w->broken_column = w->column + 1;
    }
  if (text == NULL || !starts_formula (text, FALSE))
    {
      put_field (w, text);
      return;
    }
  g_autofree char *guarded = g_strconcat ("'", text, NULL);
  put_field (w, guarded);
}

void
sm_csv__put_int (SmCsvWriter *w, int64_t value)
{
  char buffer[32];
  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, (gint64) value);
  put_field (w, buffer);
}

void
sm_csv__put_double (SmCsvWriter *w, double value)
{
  g_autofree char *text = sm_csv__format_double (value);
  put_field (w, text);
}

void
sm_csv__put_date (SmCsvWriter *w, SmDate date)
{
  g_autofree char *text = sm_date_is_set (date) ? sm_date_to_iso (date) : NULL;
  put_field (w, text);
}

void
sm_csv__end_row (SmCsvWriter *w)
{
  g_return_if_fail (w != NULL && w->out != NULL);
  g_string_append_c (w->out, '\n');
  w->row_started = FALSE;
  w->row++;
  w->column = 0;
}

static gboolean
write_text (gconstpointer object, FILE *stream, GError **error)
{
  const GString *text = object;
  if (text->len == 0 || fwrite (text->str, 1, text->len, stream) == text->len)
    return TRUE;
  g_set_error (error, SM_ERROR, SM_ERROR_IO, "cannot write the table: %s",
               g_strerror (errno));
  return FALSE;
}

gboolean
sm_csv__writer_save (const SmCsvWriter *w, const char *path, GError **error)
{
  g_return_val_if_fail (w != NULL && w->out != NULL && path != NULL, FALSE);
  return sm_text_file__replace (path, write_text, w->out, error);
}
