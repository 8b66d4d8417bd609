/* staffmatch: the CSV dialect of scenario folders (csv-private.h).
 *
 * HR teams keep their tables in spreadsheets and export them, so the
 * reader takes what Dutch spreadsheet programs write rather than one
 * strict form:
 *
 *   - Encoding: a UTF-8 byte-order mark means UTF-8 (and the rest must be
 *     valid); without one, text that is valid UTF-8 is taken as UTF-8 and
 *     anything else is converted from Windows-1252, the code page of
 *     older Excel exports ("é" as the single byte 0xE9). NUL bytes are
 *     refused: they mean UTF-16 or a workbook saved under a .csv name.
 *   - Delimiter: ';' (what Excel writes under a Dutch locale, where ',' is
 *     the decimal comma) or ','; whichever occurs outside quotes in the
 *     header row, ';' when both or neither do.
 *   - Records end at LF or CRLF; a lone CR is an ordinary character. An
 *     empty line is skipped, and so is a final line end. Line numbers
 *     count physical lines, and a record is numbered by the line where it
 *     starts, so a line break inside a quoted field shifts the numbers of
 *     the records after it just as an editor shows them.
 *   - A field that starts with '"' (after blanks) is quoted: it runs to
 *     the next lone '"', may hold delimiters, line breaks (read as '\n')
 *     and doubled quotes (read as one); only blanks may follow the
 *     closing quote. An unquoted field is taken as it stands with its
 *     surrounding blanks (space, tab) removed, a quote inside it being an
 *     ordinary character ("24\" screen" stays as written).
 *
 * The writer quotes exactly the fields that would not read back
 * otherwise (delimiter, quote, CR, LF, a blank at either end), ends rows
 * with '\n', writes decimals with '.' in their shortest exact form and
 * dates in ISO form, so that writing what was read gives the same bytes.
 */
#include "csv-private.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <staffmatch/error.h>

#include "text-scanner.h"

/* ---- encoding ----------------------------------------------------------- */

static int32_t
line_of (const char *data, const char *at)
{
  int32_t line = 1;
  for (const char *p = data; p < at; p++)
    if (*p == '\n')
      line++;
  return line;
}

static void
set_parse_error (GError **error, int32_t *line_out, int32_t line,
                 const char *message)
{
  *line_out = line;
  g_set_error_literal (error, SM_ERROR, SM_ERROR_PARSE, message);
}

/* The text as UTF-8 (transfer full, NUL-terminated, length in
 * *@length_out), converted from Windows-1252 when it is not UTF-8. */
static char *
to_utf8 (const char *data, gsize length, gsize *length_out,
         gboolean *converted, int32_t *line_out, GError **error)
{
  gboolean bom = length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0;
  const char *text = bom ? data + 3 : data;
  gsize n = bom ? length - 3 : length;
  const char *nul = n > 0 ? memchr (text, '\0', n) : NULL;
  const char *bad = NULL;

  *converted = FALSE;
  if (nul != NULL)
    {
      set_parse_error (error, line_out, line_of (text, nul),
                       "The file holds NUL bytes, so it is no CSV text (it "
                       "may be UTF-16 or a workbook); save it as CSV.");
      return NULL;
    }
  if (g_utf8_validate_len (text, n, &bad))
    {
      *length_out = n;
      return g_strndup (text, n);
    }
  if (bom)
    {
      set_parse_error (error, line_out, line_of (text, bad),
                       "The file starts with a UTF-8 byte-order mark but is "
                       "not valid UTF-8; save it again as CSV UTF-8.");
      return NULL;
    }
  char *utf8 = g_convert (text, (gssize) n, "UTF-8", "WINDOWS-1252", NULL,
                          length_out, NULL);
  if (utf8 == NULL)
    {
      set_parse_error (error, line_out, line_of (text, bad),
                       "The file is neither UTF-8 nor Windows-1252 text; "
                       "save it as CSV UTF-8.");
      return NULL;
    }
  *converted = TRUE;
  return utf8;
}

/* ---- records ------------------------------------------------------------ */

typedef struct {
  const char *p;
  const char *end;
  char delimiter;
  int32_t line;
} Cursor;

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* Length of the line end at p (1 for LF, 2 for CRLF), or 0. */
static int
line_end_length (const Cursor *c)
{
  if (c->p < c->end && *c->p == '\n')
    return 1;
  if (c->end - c->p >= 2 && c->p[0] == '\r' && c->p[1] == '\n')
    return 2;
  return 0;
}

static gboolean
at_field_end (const Cursor *c)
{
  return c->p == c->end || *c->p == c->delimiter || line_end_length (c) > 0;
}

/* ';' or ',': the one outside quotes in the first record (see top). */
static char
detect_delimiter (const char *p, const char *end)
{
  gboolean quoted = FALSE;
  gboolean semicolon = FALSE, comma = FALSE;
  for (; p < end && (quoted || *p != '\n'); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == ';')
        semicolon = TRUE;
      else if (!quoted && *p == ',')
        comma = TRUE;
    }
  return comma && !semicolon ? ',' : ';';
}

/* Reads a quoted field; c->p is on the opening quote. */
static gboolean
read_quoted (Cursor *c, GString *field, int32_t *line_out, GError **error)
{
  int32_t start = c->line;
  c->p++;
  for (;;)
    {
      if (c->p == c->end)
        {
          set_parse_error (error, line_out, start,
                           "A quoted field has no closing quote; add the "
                           "'\"' that ends it.");
          return FALSE;
        }
      int eol = line_end_length (c);
      if (*c->p == '"' && (c->end - c->p < 2 || c->p[1] != '"'))
        break;
      g_string_append_c (field, eol > 0 ? '\n' : *c->p);
      c->p += *c->p == '"' ? 2 : MAX (eol, 1);
      c->line += eol > 0;
    }
  for (c->p++; c->p < c->end && is_blank (*c->p); c->p++)
    ;   /* over the closing quote and blanks */
  if (at_field_end (c))
    return TRUE;
  set_parse_error (error, line_out, c->line,
                   "A quoted field is followed by more text before the "
                   "next delimiter; quote the whole field.");
  return FALSE;
}

static void
read_unquoted (Cursor *c, GString *field)
{
  const char *start = c->p;
  while (!at_field_end (c))
    c->p++;
  const char *stop = c->p;
  while (stop > start && is_blank (stop[-1]))
    stop--;
  g_string_append_len (field, start, stop - start);
}

static gboolean
read_field (Cursor *c, GString *field, int32_t *line_out, GError **error)
{
  g_string_truncate (field, 0);
  while (c->p < c->end && is_blank (*c->p))
    c->p++;
  if (c->p < c->end && *c->p == '"')
    return read_quoted (c, field, line_out, error);
  read_unquoted (c, field);
  return TRUE;
}

/* Reads one record, up to and over its line end. */
static gboolean
read_record (Cursor *c, SmCsvRecord *record, int32_t *line_out,
             GError **error)
{
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) field = g_string_new (NULL);

  record->line = c->line;
  for (;;)
    {
      if (!read_field (c, field, line_out, error))
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
  return TRUE;
}

static void
record_clear (gpointer data)
{
  SmCsvRecord *record = data;
  g_strfreev (record->fields);
}

static gboolean
read_records (Cursor *c, GArray *records, int32_t *line_out, GError **error)
{
  while (c->p < c->end)
    {
      int eol = line_end_length (c);
      if (eol > 0)
        {
          c->p += eol;   /* an empty line */
          c->line++;
          continue;
        }
      SmCsvRecord record = { 0, 0, NULL };
      if (!read_record (c, &record, line_out, error))
        return FALSE;
      g_array_append_val (records, record);
    }
  return TRUE;
}

SmCsvTable *
sm_csv__read (const char *data, gsize length, int32_t *line_out,
              GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (line_out != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  gsize n = 0;
  gboolean converted;
  g_autofree char *text = to_utf8 (data != NULL ? data : "", length, &n,
                                   &converted, line_out, error);
  if (text == NULL)
    return NULL;
  g_autoptr (SmCsvTable) table = g_new0 (SmCsvTable, 1);
  table->records = g_array_new (FALSE, FALSE, sizeof (SmCsvRecord));
  g_array_set_clear_func (table->records, record_clear);
  table->from_windows_1252 = converted;
  table->delimiter = detect_delimiter (text, text + n);
  Cursor c = { text, text + n, table->delimiter, 1 };
  if (!read_records (&c, table->records, line_out, error))
    return NULL;
  return g_steal_pointer (&table);
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

void
sm_csv__put_text (SmCsvWriter *w, const char *text)
{
  g_return_if_fail (w != NULL && w->out != NULL);
  if (w->row_started)
    g_string_append_c (w->out, w->delimiter);
  w->row_started = TRUE;
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
sm_csv__put_int (SmCsvWriter *w, int64_t value)
{
  char buffer[32];
  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, (gint64) value);
  sm_csv__put_text (w, buffer);
}

void
sm_csv__put_double (SmCsvWriter *w, double value)
{
  g_autofree char *text = sm_csv__format_double (value);
  sm_csv__put_text (w, text);
}

void
sm_csv__put_date (SmCsvWriter *w, SmDate date)
{
  g_autofree char *text = sm_date_is_set (date) ? sm_date_to_iso (date)
                                                : NULL;
  sm_csv__put_text (w, text);
}

void
sm_csv__end_row (SmCsvWriter *w)
{
  g_return_if_fail (w != NULL && w->out != NULL);
  g_string_append_c (w->out, '\n');
  w->row_started = FALSE;
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
