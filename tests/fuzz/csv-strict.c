/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: a strict reading of CSV tables (csv-strict.h).
 *
 * One pass over the bytes with a small state machine; the delimiter is
 * found by a first pass of the same machine over the first record, with
 * both candidates ending fields. */
#include "csv-strict.h"

#include <stdarg.h>
#include <string.h>
#include <glib/gstdio.h>
#include <staffmatch/staffmatch.h>

#include "fuzz-checks.h"

typedef enum { AT_START, UNQUOTED, QUOTED, QUOTE_SEEN, AFTER_QUOTE } State;

typedef struct {
  const char *delimiters; /* the bytes that end a field */
  gboolean first_only;    /* stop after the first record */
  gboolean seen[2];       /* ';' and ',' ended a field */
  GPtrArray *records;     /* GStrv */
  GPtrArray *record;      /* char *, the record being read */
  GString *field;
  gboolean quoted;  /* the field being read is */
  gboolean touched; /* the record being read has a byte */
  State state;
} Reader;

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t';
}

static void
end_field (Reader *r, char delimiter)
{
  GString *f = r->field;
  if (!r->quoted)
    while (f->len > 0 && is_space (f->str[f->len - 1]))
      g_string_truncate (f, f->len - 1);
  size_t quotes = strspn (f->str, "'");
  if (quotes > 0 && f->str[quotes] != '\0'
      && strchr ("=+-@\t\r", f->str[quotes]) != NULL)
    g_string_erase (f, 0, 1);
  g_ptr_array_add (r->record, g_strdup (f->str));
  g_string_truncate (f, 0);
  r->quoted = FALSE;
  r->seen[0] |= delimiter == ';';
  r->seen[1] |= delimiter == ',';
}

static void
end_record (Reader *r)
{
  end_field (r, '\0');
  g_ptr_array_add (r->record, NULL);
  g_ptr_array_add (r->records, g_ptr_array_free (r->record, FALSE));
  r->record = g_ptr_array_new_with_free_func (g_free);
  r->touched = FALSE;
}

/* Feeds byte @c (with @eol, the length of a line end starting there, 0
 * when none). Returns FALSE when the text is not CSV. */
static gboolean
feed (Reader *r, char c, int eol, gboolean *again)
{
  gboolean delimiter = c != '\0' && strchr (r->delimiters, c) != NULL;
  *again = FALSE;
  switch (r->state)
    {
    case AT_START:
      if (eol > 0)
        {
          if (r->touched)
            end_record (r);
          return TRUE;
        }
      r->touched = TRUE;
      if (c == '"')
        {
          r->state = QUOTED;
          r->quoted = TRUE;
        }
      else if (delimiter)
        end_field (r, c);
      else if (!is_space (c))
        {
          r->state = UNQUOTED;
          g_string_append_c (r->field, c);
        }
      return TRUE;
    case UNQUOTED:
      if (eol > 0 || delimiter)
        break;
      g_string_append_c (r->field, c);
      return TRUE;
    case QUOTED:
      if (c == '"')
        r->state = QUOTE_SEEN;
      else
        g_string_append_c (r->field, eol == 2 ? '\n' : c);
      return TRUE;
    case QUOTE_SEEN:
      if (c == '"')
        {
          g_string_append_c (r->field, '"');
          r->state = QUOTED;
          return TRUE;
        }
      r->state = AFTER_QUOTE;
      *again = TRUE;
      return TRUE;
    case AFTER_QUOTE:
    default:
      if (eol > 0 || delimiter)
        break;
      return is_space (c);
    }
  /* the end of an unquoted field, or of what follows a closing quote */
  if (eol > 0)
    end_record (r);
  else
    end_field (r, c);
  r->state = AT_START;
  return TRUE;
}

static gboolean
scan (Reader *r, const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++)
    {
      int eol = s[i] == '\n'                    ? 1
                : s[i] != '\r'                  ? 0
                : i + 1 < n && s[i + 1] == '\n' ? 2
                                                : 1;
      gboolean again;
      if (!feed (r, s[i], eol, &again))
        return FALSE;
      if (again)
        i--; /* the byte after a closing quote, once more */
      else if (eol == 2)
        i++; /* over the LF of a CRLF */
      if (r->first_only && r->records->len > 0)
        return TRUE;
    }
  if (r->state == QUOTED)
    return FALSE;
  if (r->state != AT_START || r->touched)
    end_record (r);
  return TRUE;
}

static void
reader_init (Reader *r, const char *delimiters, gboolean first_only)
{
  *r = (Reader){ 0 };
  r->delimiters = delimiters;
  r->first_only = first_only;
  r->records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  r->record = g_ptr_array_new_with_free_func (g_free);
  r->field = g_string_new (NULL);
  r->state = AT_START;
}

/* Frees what the reader holds but its records. */
static void
reader_clear (Reader *r)
{
  g_ptr_array_free (r->record, TRUE);
  g_string_free (r->field, TRUE);
}

static char
find_delimiter (const char *s, size_t n)
{
  Reader r;
  reader_init (&r, ";,", TRUE);
  scan (&r, s, n);
  char delimiter = r.seen[1] && !r.seen[0] ? ',' : ';';
  g_ptr_array_unref (r.records);
  reader_clear (&r);
  return delimiter;
}

GPtrArray *
sm_strict_csv_read (const char *data, size_t length, char *delimiter_out)
{
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3; /* a byte-order mark */
      length -= 3;
    }
  char delimiters[2] = { find_delimiter (data, length), '\0' };
  Reader r;
  reader_init (&r, delimiters, FALSE);
  gboolean ok = scan (&r, data, length);
  reader_clear (&r);
  if (delimiter_out != NULL)
    *delimiter_out = delimiters[0];
  if (ok)
    return r.records;
  g_ptr_array_unref (r.records);
  return NULL;
}

gboolean
sm_strict_csv_is_blank (char **record)
{
  for (char **f = record; *f != NULL; f++)
    if (**f != '\0')
      return FALSE;
  return TRUE;
}

int
sm_strict_csv_count_rows (const char *data, size_t length)
{
  g_autoptr (GPtrArray) records = sm_strict_csv_read (data, length, NULL);
  if (records == NULL)
    return -1;
  int rows = 0;
  for (guint k = 1; k < records->len; k++)
    rows += !sm_strict_csv_is_blank (records->pdata[k]);
  return rows;
}

/* ---- the property ------------------------------------------------------- */

static char *broken (const char *format, ...) G_GNUC_PRINTF (1, 2);

static char *
broken (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  char *message = g_strdup_vprintf (format, args);
  va_end (args);
  return message;
}

static void
remove_folder (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  for (const char *name; d != NULL && (name = g_dir_read_name (d)) != NULL;)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Writes the tables of the input into @dir; keeps the parts of
 * employees.csv and applications.csv in @parts[0] and @parts[1] (NULL
 * when absent). */
static gboolean
write_parts (const uint8_t *data, size_t size, const char *dir,
             GBytes *parts[2])
{
  const uint8_t *p = data, *end = data + size;
  for (int k = 0; sm_fuzz_csv_tables[k] != NULL && p <= end; k++)
    {
      const uint8_t *stop = memchr (p, SM_FUZZ_CSV_SEPARATOR, end - p);
      if (stop == NULL)
        stop = end;
      const char *name = sm_fuzz_csv_tables[k];
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (stop > p
          && !g_file_set_contents (path, (const char *) p, stop - p, NULL))
        return FALSE;
      int which = g_str_equal (name, "employees.csv")      ? 0
                  : g_str_equal (name, "applications.csv") ? 1
                                                           : -1;
      if (which >= 0 && stop > p)
        parts[which] = g_bytes_new (p, stop - p);
      p = stop + 1;
    }
  return TRUE;
}

static char *
check_rows (const SmScenario *s, GBytes *parts[2])
{
  static const char *const names[] = { "employees", "applications" };
  int32_t have[2] = { sm_scenario_get_n_employees (s),
                      sm_scenario_get_n_applications (s) };
  for (int k = 0; k < 2; k++)
    {
      gsize n = 0;
      const char *text = parts[k] != NULL ? g_bytes_get_data (parts[k], &n)
                                          : "";
      int rows = sm_strict_csv_count_rows (text, n);
      if (rows < 0)
        return broken ("%s.csv loads, but a strict reading finds no CSV",
                       names[k]);
      if (rows != have[k])
        return broken ("%s.csv has %d data rows, but %d %s loaded", names[k],
                       rows, (int) have[k], names[k]);
    }
  return NULL;
}

char *
sm_fuzz_check_csv_rows (const uint8_t *data, size_t size)
{
  g_autofree char *dir = g_dir_make_tmp ("sm-fuzz-rows-XXXXXX", NULL);
  if (dir == NULL)
    return broken ("cannot make a temporary folder");
  GBytes *parts[2] = { NULL, NULL };
  char *result = NULL;
  if (!write_parts (data, size, dir, parts))
    result = broken ("cannot write the tables");
  else
    {
      g_autoptr (SmScenario) s = sm_scenario_load_csv (dir, NULL, NULL);
      if (s != NULL)
        result = check_rows (s, parts);
    }
  for (int k = 0; k < 2; k++)
    if (parts[k] != NULL)
      g_bytes_unref (parts[k]);
  remove_folder (dir);
  return result;
}
