/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the tokenizer and writer of the plain formats.
 *
 * The readers of the plain formats are line oriented: every record is one line
 * and every error names its line. The scanner therefore never lets a token
 * cross a line end; only sm_text_scanner__end_line() and
 * sm_text_scanner__next_line() step over newlines, and they count them.
 * Blanks are space, tab and carriage return (so CRLF files read alike).
 *
 * Speed matters: a benchmark instance holds tens of millions of numbers.
 * In lists, a number of up to seven digits is read from one 64-bit word
 * where eight bytes are left (digit_run()), without the branch per digit
 * that mispredicted once per number; other numbers are parsed digit by
 * digit with one rarely taken overflow branch. Comment lines are skipped
 * with memchr(), and lists are read into one buffer that the caller
 * reuses for every line. Nothing is allocated per
 * token; text is only copied to build an error message.
 *
 * Files are written through a large buffer (loading them and replacing
 * them atomically is file.c's job). */
#include "io/text-scanner-private.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <string.h>

/* How many bytes of a token an error message shows. */
#define SM_TOKEN_SHOWN 24
/* The writer's buffer; a multiple of the usual page and block sizes. */
#define SM_WRITER_SIZE ((size_t) 256 * 1024)
/* Room a formatted int64 needs: sign and 19 digits. */
#define SM_INT64_CHARS 20

typedef enum {
  SCAN_OK,
  SCAN_END_OF_LINE,
  SCAN_NOT_A_NUMBER,
  SCAN_OVERFLOW,
} ScanStatus;

static inline void
skip_blanks (SmTextScanner *s)
{
  while (s->p < s->end && sm_text_scanner__is_blank (*s->p))
    s->p++;
}

static size_t
token_length (const SmTextScanner *s)
{
  const char *q = s->p;
  while (q < s->end && !sm_text_scanner__is_separator (*q))
    q++;
  return (size_t) (q - s->p);
}

void
sm_text_scanner__init (SmTextScanner *s, const char *data, size_t length,
                       const char *origin)
{
  static const char bom[] = "\xEF\xBB\xBF";

  g_return_if_fail (s != NULL);
  g_return_if_fail (data != NULL || length == 0);

  if (data == NULL)
    data = "";
  s->p = data;
  s->end = data + length;
  s->line = 1;
  s->origin = origin;
  if (length >= 3 && memcmp (data, bom, 3) == 0)
    s->p += 3;
}

gboolean
sm_text_scanner__next_line (SmTextScanner *s)
{
  const char *p = s->p;
  const char *end = s->end;

  while (p < end)
    {
      char c = *p;
      if (c == '\n')
        {
          s->line++;
          p++;
        }
      else if (sm_text_scanner__is_blank (c))
        p++;
      else if (c == '#')
        {
          /* Only reached as the first non-blank of a line. */
          const char *nl = memchr (p, '\n', (size_t) (end - p));
          p = nl != NULL ? nl : end;
        }
      else
        {
          s->p = p;
          return TRUE;
        }
    }
  s->p = p;
  return FALSE;
}

gboolean
sm_text_scanner__at_line_end (SmTextScanner *s)
{
  skip_blanks (s);
  return s->p == s->end || *s->p == '\n';
}

gboolean
sm_text_scanner__read_word (SmTextScanner *s, const char **word, size_t *length)
{
  if (sm_text_scanner__at_line_end (s))
    return FALSE;
  size_t n = token_length (s);
  *word = s->p;
  *length = n;
  s->p += n;
  return TRUE;
}

/* Parses the next token as a number. On failure the scanner stays at the
 * token, so that the message can show it. */
static inline ScanStatus
scan_int64 (SmTextScanner *s, int64_t *out)
{
  /* 2^63 / 10: the largest value that may still take a digit. */
  const uint64_t limit = UINT64_C (922337203685477580);
  const char *p;
  const char *end = s->end;
  gboolean negative = FALSE;
  uint64_t v = 0;

  skip_blanks (s);
  p = s->p;
  if (p == end || *p == '\n')
    return SCAN_END_OF_LINE;
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  const char *digits = p;
  for (; p < end && (unsigned char) (*p - '0') < 10; p++)
    {
      unsigned d = (unsigned) (*p - '0');
      /* The last digit may be at most 7 (int64 max) or 8 (int64 min). */
      if (G_UNLIKELY (v >= limit) && (v > limit || d > 7u + negative))
        return SCAN_OVERFLOW;
      v = v * 10 + d;
    }
  if (p == digits || (p < end && !sm_text_scanner__is_separator (*p)))
    return SCAN_NOT_A_NUMBER;
  *out = negative && v > 0 ? -(int64_t) (v - 1) - 1 : (int64_t) v;
  s->p = p;
  return SCAN_OK;
}

char *
sm_text_scanner__describe (const char *word, size_t length)
{
  size_t shown = MIN (length, (size_t) SM_TOKEN_SHOWN);
  GString *text = g_string_sized_new (shown + 4);

  for (size_t k = 0; k < shown; k++)
    {
      unsigned char c = (unsigned char) word[k];
      g_string_append_c (text, c > 0x20 && c < 0x7f ? (char) c : '?');
    }
  if (shown < length)
    g_string_append (text, "...");
  return g_string_free (text, FALSE);
}

/* Reports a failed scan_int64(); @expected says what was wanted, with
 * its article ("a count"). */
static gboolean
number_error (const SmTextScanner *s, ScanStatus status, const char *expected,
              GError **error)
{
  if (status == SCAN_END_OF_LINE)
    {
      sm_text_scanner__set_error (s, s->line, error, SM_ERROR_PARSE,
                                  "expected %s, found the end of the line",
                                  expected);
      return FALSE;
    }
  g_autofree char *token = sm_text_scanner__describe (s->p, token_length (s));
  if (status == SCAN_OVERFLOW)
    sm_text_scanner__set_error (s, s->line, error, SM_ERROR_PARSE,
                                "the number '%s' is too large", token);
  else
    sm_text_scanner__set_error (s, s->line, error, SM_ERROR_PARSE,
                                "expected %s (a whole number), found '%s'",
                                expected, token);
  return FALSE;
}

/* As number_error() for an index of @what ("employee"). */
static gboolean
index_number_error (const SmTextScanner *s, ScanStatus status, const char *what,
                    GError **error)
{
  const char *article = strchr ("aeiou", what[0]) != NULL ? "an" : "a";
  g_autofree char *expected = g_strdup_printf ("%s %s index", article, what);
  return number_error (s, status, expected, error);
}

gboolean
sm_text_scanner__read_int64 (SmTextScanner *s, const char *expected,
                             int64_t *out, GError **error)
{
  ScanStatus status = scan_int64 (s, out);
  if (G_UNLIKELY (status != SCAN_OK))
    return number_error (s, status, expected, error);
  return TRUE;
}

static gboolean
index_error (const SmTextScanner *s, int64_t value, int32_t min, int32_t max,
             const char *what, GError **error)
{
  if (max > min)
    sm_text_scanner__set_error (s, s->line, error, SM_ERROR_INDEX_OUT_OF_RANGE,
                                "%s %" PRId64 " is out of range %" PRId32
                                "..%" PRId32,
                                what, value, min, max - 1);
  else
    sm_text_scanner__set_error (s, s->line, error, SM_ERROR_INDEX_OUT_OF_RANGE,
                                "%s %" PRId64 " is out of range: there is "
                                "no %s",
                                what, value, what);
  return FALSE;
}

static void
grow_list (int32_t **buffer, size_t *capacity)
{
  *capacity = MAX (*capacity * 2, (size_t) 64);
  *buffer = g_renew (int32_t, *buffer, *capacity);
}

/* The length of the run of digits that starts the eight bytes at @p,
 * found and converted in a few operations on one 64-bit word instead of
 * a branch per digit (which mispredicts once per number, as the numbers'
 * lengths vary): 1 to 7 with its value in *@value, or 0 (no digit) or 8
 * (the run may go on), which the caller reads byte by byte.
 *
 * A byte is a digit when its high half is 3 and stays 3 when 6 is added
 * (0x30 to 0x39). Adding 6 to a byte of 0xFA or more carries into the
 * next byte, and subtracting would borrow, but only from a byte that is
 * no digit, so into bytes after the run, which are dropped: the run is
 * shifted to the top of the word, zeros coming in as leading digits, and
 * pairs of digits are then combined, then pairs of pairs, then of
 * those. */
static inline unsigned
digit_run (const char *p, uint64_t *value)
{
  const uint64_t ones = UINT64_C (0x0101010101010101);
  uint64_t word;
  memcpy (&word, p, sizeof word);
  word = GUINT64_FROM_LE (word);
  uint64_t high = word & (0xF0 * ones);
  uint64_t high_plus6 = (word + 6 * ones) & (0xF0 * ones);
  uint64_t not_digit = (high ^ 0x30 * ones) | (high_plus6 ^ 0x30 * ones);
  if (not_digit == 0)
    return 8;
  unsigned length = (unsigned) __builtin_ctzll (not_digit) / 8;
  if (length == 0)
    return 0;
  uint64_t d = (word << (8 * (8 - length))) & (0x0F * ones);
  d = (d * (10 * 256 + 1)) >> 8;
  d = ((d & UINT64_C (0x00FF00FF00FF00FF)) * (100 * 65536 + 1)) >> 16;
  d = ((d & UINT64_C (0x0000FFFF0000FFFF)) * (UINT64_C (10000) << 32 | 1))
      >> 32;
  *value = d;
  return length;
}

/* The fast path of sm_text_scanner__read_index_list(): takes plain
 * decimals in [@lo, @hi) and stops without moving at the first token
 * that is anything else (a sign, a long number, not a number, one too
 * many, the end of the line or of the data), leaving it to the careful
 * loop. Every byte is checked against the end of the data, so a line
 * without a newline, or data that change under a mapping, cannot lead it
 * astray; the checks cost less than finding the line's end first.
 * Returns the new number of entries. */
static size_t
scan_list_fast (SmTextScanner *s, int64_t lo, int64_t hi, size_t range,
                int32_t **buffer, size_t *capacity, size_t n)
{
  const char *p = s->p;
  const char *end = s->end;

  for (;;)
    {
      const char *start;
      uint64_t v = 0;
      unsigned d;

      while (p < end && sm_text_scanner__is_blank (*p))
        p++;
      start = p;
      unsigned length = end - p >= 8 ? digit_run (p, &v) : 0;
      if (length - 1 < 7) /* 1 to 7 digits, read at once */
        p += length;
      else
        while (p < end && (d = (unsigned) (unsigned char) *p - '0') < 10)
          {
            v = v * 10 + d; /* may wrap on long tokens, which fail below */
            p++;
          }
      /* Ten digits hold any int32 and cannot wrap a uint64. */
      if (p == start || p - start > 10 || v < (uint64_t) lo
          || v >= (uint64_t) hi
          || (p < end && !sm_text_scanner__is_separator (*p)) || n >= range)
        {
          s->p = start;
          return n;
        }
      if (G_UNLIKELY (n == *capacity))
        grow_list (buffer, capacity);
      (*buffer)[n++] = (int32_t) v;
    }
}

gboolean
sm_text_scanner__read_index_list (SmTextScanner *s, int32_t min, int32_t max,
                                  const char *what, int32_t **buffer,
                                  size_t *capacity, size_t *n_out,
                                  GError **error)
{
  size_t range = max > min ? (size_t) ((int64_t) max - min) : 0;
  size_t n = 0;
  int64_t v;
  ScanStatus status;

  if (max > 0)
    n = scan_list_fast (s, MAX (min, 0), max, range, buffer, capacity, n);
  while ((status = scan_int64 (s, &v)) == SCAN_OK)
    {
      if (G_UNLIKELY (v < min || v >= max))
        return index_error (s, v, min, max, what, error);
      if (G_UNLIKELY (n >= range))
        {
          /* More entries than distinct values: one must repeat, and the
           * list must not grow without bound. */
          sm_text_scanner__set_error (s, s->line, error, SM_ERROR_DUPLICATE,
                                      "the line names some %s twice", what);
          return FALSE;
        }
      if (G_UNLIKELY (n == *capacity))
        grow_list (buffer, capacity);
      (*buffer)[n++] = (int32_t) v;
    }
  if (status != SCAN_END_OF_LINE)
    return index_number_error (s, status, what, error);
  *n_out = n;
  return TRUE;
}

gboolean
sm_text_scanner__read_index (SmTextScanner *s, int32_t min, int32_t max,
                             const char *what, int32_t *out, GError **error)
{
  int64_t v;
  ScanStatus status = scan_int64 (s, &v);

  if (status != SCAN_OK)
    return index_number_error (s, status, what, error);
  if (v < min || v >= max)
    return index_error (s, v, min, max, what, error);
  *out = (int32_t) v;
  return TRUE;
}

gboolean
sm_text_scanner__end_line (SmTextScanner *s, GError **error)
{
  if (!sm_text_scanner__at_line_end (s))
    {
      g_autofree char *token = sm_text_scanner__describe (s->p,
                                                          token_length (s));
      sm_text_scanner__set_error (s, s->line, error, SM_ERROR_PARSE,
                                  "unexpected '%s' at the end of the line",
                                  token);
      return FALSE;
    }
  if (s->p < s->end)
    {
      s->p++;
      s->line++;
    }
  return TRUE;
}

gboolean
sm_text_scanner__expect_keyword (SmTextScanner *s, const char *keyword,
                                 GError **error)
{
  const char *word = NULL;
  size_t length = 0;

  if (!sm_text_scanner__next_line (s))
    {
      sm_text_scanner__set_error (s, sm_text_scanner__get_last_line (s), error,
                                  SM_ERROR_PARSE,
                                  "the file ends where the '%s' line should "
                                  "be",
                                  keyword);
      return FALSE;
    }
  sm_text_scanner__read_word (s, &word, &length);
  if (length != strlen (keyword) || memcmp (word, keyword, length) != 0)
    {
      g_autofree char *token = sm_text_scanner__describe (word, length);
      sm_text_scanner__set_error (s, s->line, error, SM_ERROR_PARSE,
                                  "expected the '%s' line, found '%s'", keyword,
                                  token);
      return FALSE;
    }
  return TRUE;
}

gboolean
sm_text_scanner__read_header (SmTextScanner *s, const char *magic,
                              int64_t version, GError **error)
{
  int64_t found = 0;
  return sm_text_scanner__read_header_versions (s, magic, version, version,
                                                &found, error);
}

/* Reports a version outside @min_version .. @max_version. */
static gboolean
version_error (const SmTextScanner *s, const char *magic, int64_t found,
               int64_t min_version, int64_t max_version, GError **error)
{
  g_autofree char *known = NULL;
  if (min_version == max_version)
    known = g_strdup_printf ("only %" PRId64 " is known", min_version);
  else
    known = g_strdup_printf ("%" PRId64 " %s %" PRId64 " are known",
                             min_version,
                             max_version == min_version + 1 ? "and" : "to",
                             max_version);
  sm_text_scanner__set_error (s, s->line, error, SM_ERROR_PARSE,
                              "unsupported version %" PRId64 " of the '%s' "
                              "format: %s",
                              found, magic, known);
  return FALSE;
}

gboolean
sm_text_scanner__read_header_versions (SmTextScanner *s, const char *magic,
                                       int64_t min_version, int64_t max_version,
                                       int64_t *found, GError **error)
{
  const char *word = NULL;
  size_t length = 0;
  int64_t version = 0;

  if (!sm_text_scanner__next_line (s))
    {
      sm_text_scanner__set_error (s, sm_text_scanner__get_last_line (s), error,
                                  SM_ERROR_PARSE,
                                  "the file holds no data: it should start "
                                  "with "
                                  "'%s %" PRId64 "'",
                                  magic, min_version);
      return FALSE;
    }
  sm_text_scanner__read_word (s, &word, &length);
  if (length != strlen (magic) || memcmp (word, magic, length) != 0)
    {
      g_autofree char *token = sm_text_scanner__describe (word, length);
      sm_text_scanner__set_error (s, s->line, error, SM_ERROR_PARSE,
                                  "expected '%s %" PRId64 "' as the first "
                                  "line, found '%s'",
                                  magic, min_version, token);
      return FALSE;
    }
  if (!sm_text_scanner__read_int64 (s, "the format version", &version, error))
    return FALSE;
  if (version < min_version || version > max_version)
    return version_error (s, magic, version, min_version, max_version, error);
  *found = version;
  return sm_text_scanner__end_line (s, error);
}

int64_t
sm_text_scanner__get_last_line (const SmTextScanner *s)
{
  /* A newline ends its line; it does not start an empty last one. A line
   * above 1 means a newline was read, so end[-1] is inside the data. */
  if (s->p == s->end && s->line > 1 && s->end[-1] == '\n')
    return s->line - 1;
  return s->line;
}

void
sm_text_scanner__set_error (const SmTextScanner *s, int64_t line,
                            GError **error, SmError code, const char *format,
                            ...)
{
  va_list args;

  if (error == NULL)
    return;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  if (s->origin != NULL)
    g_set_error (error, SM_ERROR, code, "%s:%" PRId64 ": %s", s->origin, line,
                 message);
  else
    g_set_error (error, SM_ERROR, code, "line %" PRId64 ": %s", line, message);
}

void
sm_text_scanner__prefix_error (const SmTextScanner *s, int64_t line,
                               GError **error)
{
  if (s->origin != NULL)
    g_prefix_error (error, "%s:%" PRId64 ": ", s->origin, line);
  else
    g_prefix_error (error, "line %" PRId64 ": ", line);
}

void
sm_text_writer__init (SmTextWriter *w, FILE *stream)
{
  w->stream = stream;
  w->buf = g_malloc (SM_WRITER_SIZE);
  w->len = 0;
  w->saved_errno = 0;
}

static void
flush_buffer (SmTextWriter *w)
{
  if (w->len > 0 && w->saved_errno == 0)
    {
      errno = 0;
      if (fwrite (w->buf, 1, w->len, w->stream) != w->len)
        w->saved_errno = errno != 0 ? errno : EIO;
    }
  w->len = 0;
}

static inline void
make_room (SmTextWriter *w, size_t n)
{
  if (G_UNLIKELY (w->len + n > SM_WRITER_SIZE))
    flush_buffer (w);
}

void
sm_text_writer__put_string (SmTextWriter *w, const char *text)
{
  size_t n = strlen (text);

  g_return_if_fail (n <= SM_WRITER_SIZE);
  make_room (w, n);
  memcpy (w->buf + w->len, text, n);
  w->len += n;
}

void
sm_text_writer__put_char (SmTextWriter *w, char c)
{
  make_room (w, 1);
  w->buf[w->len++] = c;
}

void
sm_text_writer__put_int (SmTextWriter *w, int64_t value)
{
  char digits[SM_INT64_CHARS];
  uint64_t u = value < 0 ? 0 - (uint64_t) value : (uint64_t) value;
  int k = 0;

  make_room (w, SM_INT64_CHARS);
  do
    {
      digits[k++] = (char) ('0' + u % 10);
      u /= 10;
    }
  while (u != 0);
  if (value < 0)
    w->buf[w->len++] = '-';
  while (k > 0)
    w->buf[w->len++] = digits[--k];
}

gboolean
sm_text_writer__finish (SmTextWriter *w, const char *what, GError **error)
{
  flush_buffer (w);
  g_clear_pointer (&w->buf, g_free);
  if (w->saved_errno == 0 && fflush (w->stream) != 0)
    w->saved_errno = errno != 0 ? errno : EIO;
  if (w->saved_errno != 0)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_IO, "cannot write the %s: %s",
                   what, g_strerror (w->saved_errno));
      return FALSE;
    }
  return TRUE;
}
