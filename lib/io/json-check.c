/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: checking a JSON text before json-glib parses it.
 *
 * json-glib 1.6, which builds the tree the reader (json-read.c) walks, is
 * lenient in ways that change or lose data without a word, and it
 * recurses once per level of nesting:
 *
 *   - a member given twice in one object keeps the last value only (a
 *     trailing "employees": [] drops everyone);
 *   - a second document after the first is ignored;
 *   - a whole number beyond 64 bits wraps around (2^64 reads as -1), a
 *     number beyond a double reads as infinity, one too small as 0;
 *     "010" is octal (8) and "0x10" hexadecimal;
 *   - an unknown escape loses its backslash ("\q" reads as "q"), \u0000
 *     cuts the text short, half of a surrogate pair becomes bytes that are
 *     not UTF-8, and strings in single quotes keep their backslashes;
 *   - about 100,000 levels of nesting overflow the C stack.
 *
 * So the text is scanned once first, by a loop with an explicit stack of
 * at most SM_JSON__MAX_DEPTH levels (never recursion), and accepted only
 * when it is one JSON value (RFC 8259) that json-glib reads as written:
 *
 *   - blanks are space, tab, line feed and carriage return; block
 *     comments are allowed where blanks are, as json-glib allows them;
 *   - after the value only blanks and comments follow;
 *   - lists and objects nest at most SM_JSON__MAX_DEPTH deep;
 *   - no object names a member twice (names compared after escapes are
 *     decoded, as json-glib compares them);
 *   - texts and names are in double quotes; they hold no raw control
 *     character, only the escapes of JSON, no \u0000 and no half of a
 *     surrogate pair (the text was checked to be UTF-8 before);
 *   - numbers have JSON's form (no '+', leading zero, hexadecimal, bare
 *     '.'), a whole number fits in 64 bits, and any other is a finite
 *     double that is not rounded to 0.
 *
 * The first problem stops the scan and is reported with its line, column
 * (in characters) and path ("employees[3].birth_date"); a member name
 * that is not one of the format's might be personal data and is left out
 * of the path (with what lies below it), and no message quotes the text
 * of a value. Lines are counted only where blanks and
 * comments are (a text cannot hold a raw line break), and a column is
 * counted only for the problem, so the scan costs one pass over the bytes
 * and memory for the member names of the open objects.
 */
#include "io/json-check-private.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <staffmatch/error.h>

/* Objects with up to this many members are searched for a repeated name
 * one by one; larger ones get a hash table. */
#define SMALL_OBJECT 16

/* A place in the text: the byte, its line and where that line starts. */
typedef struct {
  const char *at;
  int32_t line;
  const char *line_start;
} Mark;

/* An open list or object. */
typedef struct {
  gboolean object;
  gboolean has_child;   /* the current member or element has started */
  guint index;          /* list: the current element */
  GString *names;       /* object: the names so far, each NUL-ended */
  GArray *marks;        /* object: where each name starts (Mark) */
  GHashTable *index_of; /* object, once large: name -> 1 + its index */
  gsize current;        /* object: offset of the current name */
} Frame;

typedef enum {
  WANT_VALUE,          /* a value: the document's, an element's, a
                          member's */
  WANT_FIRST_ELEMENT,  /* after '[' */
  WANT_NEXT_ELEMENT,   /* after ',' in a list */
  WANT_FIRST_NAME,     /* after '{' */
  WANT_NEXT_NAME,      /* after ',' in an object */
  WANT_COMMA_OR_CLOSE, /* after an element or a member's value */
  WANT_END,            /* after the document's value */
} State;

typedef struct {
  const char *p;
  const char *end;
  int32_t line;
  const char *line_start;
  State state;
  int depth;
  Frame frames[SM_JSON__MAX_DEPTH];
  GString *scratch;         /* a name being decoded, a number being read */
  const char *const *shown; /* the member names that may be shown */
  const char *file;
  SmProblemList *problems;
  gboolean failed;
} Checker;

static Mark
mark_here (const Checker *c)
{
  return (Mark){ c->p, c->line, c->line_start };
}

/* (transfer full): the path of the value being read, without the names
 * that may not be shown (and what lies below them). */
static char *
current_path (const Checker *c)
{
  GString *path = g_string_new (NULL);
  for (int d = 0; d < c->depth && c->frames[d].has_child; d++)
    {
      const Frame *f = &c->frames[d];
      if (!f->object)
        {
          g_string_append_printf (path, "[%u]", f->index);
          continue;
        }
      const char *name = f->names->str + f->current;
      if (!g_strv_contains (c->shown, name))
        break;
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, name);
    }
  return g_string_free (path, FALSE);
}

static int32_t
column_of (const Mark *m)
{
  glong n = g_utf8_strlen (m->line_start, m->at - m->line_start);
  return n >= INT32_MAX ? INT32_MAX : (int32_t) n + 1;
}

static gboolean fail (Checker *c, const Mark *m, SmError code,
                      const char *format, ...) G_GNUC_PRINTF (4, 5);

/* Adds the problem at @m and stops the scan; returns FALSE. */
static gboolean
fail (Checker *c, const Mark *m, SmError code, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  g_autofree char *path = current_path (c);
  sm_problem_list__add (c->problems, c->file, m->line, column_of (m),
                        path[0] != '\0' ? path : NULL, code, "%s", message);
  c->failed = TRUE;
  return FALSE;
}

static gboolean
fail_here (Checker *c, SmError code, const char *message)
{
  Mark m = mark_here (c);
  return fail (c, &m, code, "%s", message);
}

/* ---- blanks and comments -------------------------------------------- */

static gboolean
looking_at (const Checker *c, const char *text)
{
  size_t n = strlen (text);
  return (size_t) (c->end - c->p) >= n && memcmp (c->p, text, n) == 0;
}

static void
new_line (Checker *c)
{
  c->p++;
  c->line++;
  c->line_start = c->p;
}

/* Steps over a block comment; p is at its "/ *". */
static gboolean
skip_comment (Checker *c)
{
  Mark open = mark_here (c);
  c->p += 2;
  while (c->p < c->end && !looking_at (c, "*/"))
    {
      if (*c->p == '\n')
        new_line (c);
      else
        c->p++;
    }
  if (c->p == c->end)
    return fail (c, &open, SM_ERROR_PARSE,
                 "This comment is not closed "
                 "with '*/'; close it.");
  c->p += 2;
  return TRUE;
}

static gboolean
skip_blank (Checker *c)
{
  while (c->p < c->end)
    {
      char ch = *c->p;
      if (ch == '\n')
        new_line (c);
      else if (ch == ' ' || ch == '\t' || ch == '\r')
        c->p++;
      else if (looking_at (c, "/*"))
        {
          if (!skip_comment (c))
            return FALSE;
        }
      else
        break;
    }
  return TRUE;
}

/* ---- texts ------------------------------------------------------------ */

static int
hex_value (char ch)
{
  return g_ascii_isxdigit (ch) ? g_ascii_xdigit_value (ch) : -1;
}

/* Reads the four hex digits at @at into *@out. */
static gboolean
read_hex4 (const Checker *c, const char *at, gunichar *out)
{
  gunichar value = 0;
  if (c->end - at < 4)
    return FALSE;
  for (int k = 0; k < 4; k++)
    {
      int digit = hex_value (at[k]);
      if (digit < 0)
        return FALSE;
      value = value * 16 + (gunichar) digit;
    }
  *out = value;
  return TRUE;
}

/* Reads a \u escape (and the low half of a surrogate pair after it);
 * p is at the backslash. */
static gboolean
read_unicode_escape (Checker *c, GString *into)
{
  gunichar unit, low;
  if (!read_hex4 (c, c->p + 2, &unit))
    return fail_here (c, SM_ERROR_PARSE,
                      "A \\u escape needs four "
                      "hexadecimal digits; correct it.");
  if (unit == 0)
    return fail_here (c, SM_ERROR_PARSE,
                      "A text holds \\u0000, the NUL "
                      "character, which would cut it short; remove it.");
  if (unit >= 0xDC00 && unit <= 0xDFFF)
    return fail_here (c, SM_ERROR_PARSE,
                      "A text holds the second half of "
                      "a surrogate pair (\\uDC00 to \\uDFFF) without the "
                      "first; write the character whole.");
  if (unit >= 0xD800 && unit <= 0xDBFF)
    {
      const char *next = c->p + 6;
      if (c->end - next < 2 || next[0] != '\\' || next[1] != 'u'
          || !read_hex4 (c, next + 2, &low) || low < 0xDC00 || low > 0xDFFF)
        return fail_here (c, SM_ERROR_PARSE,
                          "A text holds the first half "
                          "of a surrogate pair (\\uD800 to \\uDBFF) without "
                          "the second; write the character whole.");
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
      c->p += 6;
    }
  if (into != NULL)
    g_string_append_unichar (into, unit);
  c->p += 6;
  return TRUE;
}

/* Reads an escape; p is at the backslash, which is not the last byte. */
static gboolean
read_escape (Checker *c, GString *into)
{
  static const char simple[] = "\"\\/bfnrt";
  static const char meaning[] = "\"\\/\b\f\n\r\t";
  char ch = c->p[1];
  const char *known = ch != '\0' ? strchr (simple, ch) : NULL;
  if (ch == 'u')
    return read_unicode_escape (c, into);
  if (known == NULL)
    {
      Mark m = mark_here (c);
      g_autofree char *shown = g_ascii_isgraph (ch)
                                   ? g_strdup_printf (" (\\%c)", ch)
                                   : g_strdup ("");
      return fail (c, &m, SM_ERROR_PARSE,
                   "A text holds an unknown "
                   "escape%s; JSON knows \\\", \\\\, \\/, \\b, \\f, "
                   "\\n, \\r, \\t and \\uXXXX: write a backslash itself as "
                   "\\\\.",
                   shown);
    }
  if (into != NULL)
    g_string_append_c (into, meaning[known - simple]);
  c->p += 2;
  return TRUE;
}

/* Reads a text in double quotes, decoded into @into when given; p is at
 * the opening quote. */
static gboolean
read_string (Checker *c, GString *into)
{
  Mark open = mark_here (c);
  c->p++;
  for (;;)
    {
      const char *run = c->p;
      while (c->p < c->end && (guchar) *c->p >= 0x20 && *c->p != '"'
             && *c->p != '\\')
        c->p++;
      if (into != NULL)
        g_string_append_len (into, run, c->p - run);
      if (c->p == c->end || (*c->p == '\\' && c->p + 1 == c->end))
        return fail (c, &open, SM_ERROR_PARSE,
                     "This text in double quotes "
                     "is not closed; add the closing '\"'.");
      if (*c->p == '"')
        {
          c->p++;
          return TRUE;
        }
      if (*c->p != '\\')
        return fail_here (c, SM_ERROR_PARSE,
                          "A text holds a line break, "
                          "tab or other control character as it is; JSON "
                          "writes them as \\n, \\t or \\uXXXX (or the text "
                          "misses its closing '\"').");
      if (!read_escape (c, into))
        return FALSE;
    }
}

/* ---- numbers and words -------------------------------------------------- */

static gboolean
is_digit_at (const Checker *c, const char *at)
{
  return at < c->end && g_ascii_isdigit (*at);
}

static const char *
skip_digits (const Checker *c, const char *at)
{
  while (is_digit_at (c, at))
    at++;
  return at;
}

/* Whether the whole number @digits (@n of them, no leading zero) fits in
 * an int64 with the sign given. */
static gboolean
fits_int64 (const char *digits, size_t n, gboolean negative)
{
  const char *limit = negative ? "9223372036854775808" : "9223372036854775807";
  if (n != strlen (limit))
    return n < strlen (limit);
  return memcmp (digits, limit, n) <= 0;
}

/* Checks that the number from @start to p is stored as written. */
static gboolean
check_number_range (Checker *c, const Mark *start, gboolean whole)
{
  const char *s = start->at;
  gboolean negative = *s == '-';
  const char *digits = s + (negative ? 1 : 0);
  if (whole)
    {
      if (!fits_int64 (digits, (size_t) (c->p - digits), negative))
        return fail (c, start, SM_ERROR_INVALID_VALUE,
                     "This whole number "
                     "does not fit in 64 bits (-9223372036854775808 to "
                     "9223372036854775807); no value of a scenario is "
                     "that large: correct it.");
      return TRUE;
    }
  g_string_truncate (c->scratch, 0);
  g_string_append_len (c->scratch, s, c->p - s);
  double value = g_ascii_strtod (c->scratch->str, NULL);
  if (!isfinite (value))
    return fail (c, start, SM_ERROR_INVALID_VALUE,
                 "This number is too "
                 "large to be stored (beyond about 1.8e308); correct it.");
  gsize mantissa = strcspn (c->scratch->str, "eE");
  if (value == 0.0 && strcspn (c->scratch->str, "123456789") < mantissa)
    return fail (c, start, SM_ERROR_INVALID_VALUE,
                 "This number is too "
                 "close to 0 to be stored (below about 4.9e-324) and "
                 "would read as 0; write 0 if that is meant.");
  return TRUE;
}

/* Reads a number; p is at its '-' or first digit. */
static gboolean
read_number (Checker *c)
{
  static const char bad_form[] =
      "This number is not written as JSON "
      "writes numbers (an optional '-', digits without a leading zero, an "
      "optional fraction after '.', an optional exponent; no '+', no "
      "hexadecimal): correct it.";
  Mark start = mark_here (c);
  const char *p = c->p + (*c->p == '-' ? 1 : 0);
  gboolean whole = TRUE;
  if (!is_digit_at (c, p))
    return fail (c, &start, SM_ERROR_PARSE, "%s", bad_form);
  p = *p == '0' ? p + 1 : skip_digits (c, p);
  if (p < c->end && *p == '.')
    {
      whole = FALSE;
      if (!is_digit_at (c, ++p))
        return fail (c, &start, SM_ERROR_PARSE, "%s", bad_form);
      p = skip_digits (c, p);
    }
  if (p < c->end && (*p == 'e' || *p == 'E'))
    {
      whole = FALSE;
      p++;
      if (p < c->end && (*p == '+' || *p == '-'))
        p++;
      if (!is_digit_at (c, p))
        return fail (c, &start, SM_ERROR_PARSE, "%s", bad_form);
      p = skip_digits (c, p);
    }
  if (p < c->end && (g_ascii_isalnum (*p) || strchr (".+-_", *p) != NULL)
      && *p != '\0')
    return fail (c, &start, SM_ERROR_PARSE, "%s", bad_form);
  c->p = p;
  return check_number_range (c, &start, whole);
}

/* Reads true, false or null. */
static gboolean
read_word (Checker *c)
{
  static const char *const words[] = { "true", "false", "null" };
  Mark start = mark_here (c);
  const char *p = c->p;
  while (p < c->end && (g_ascii_isalnum (*p) || *p == '_' || *p == '$'))
    p++;
  for (size_t k = 0; k < G_N_ELEMENTS (words); k++)
    if ((size_t) (p - c->p) == strlen (words[k])
        && memcmp (c->p, words[k], p - c->p) == 0)
      {
        c->p = p;
        return TRUE;
      }
  if (c->depth == 0)
    return fail (c, &start, SM_ERROR_PARSE,
                 "The document starts with a "
                 "word, not a JSON value; a scenario is plain JSON that "
                 "starts with '{' (no assignment such as 'var x = ...').");
  return fail (c, &start, SM_ERROR_PARSE,
               "A word stands where a value "
               "should; JSON writes texts in double quotes and knows only "
               "the words true, false and null.");
}

/* ---- lists and objects -------------------------------------------------- */

static gboolean
open_container (Checker *c, gboolean object)
{
  if (c->depth == SM_JSON__MAX_DEPTH)
    return fail_here (c, SM_ERROR_TOO_LARGE,
                      "Lists and objects nest more "
                      "than " G_STRINGIFY (
                          SM_JSON__MAX_DEPTH) " levels "
                                              "deep here, more than staffmatch "
                                              "reads (a scenario "
                                              "needs 5); correct the "
                                              "document.");
  Frame *f = &c->frames[c->depth++];
  f->object = object;
  f->has_child = FALSE;
  f->index = 0;
  f->current = 0;
  if (object && f->names == NULL)
    {
      f->names = g_string_new (NULL);
      f->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
    }
  if (object)
    {
      g_string_truncate (f->names, 0);
      g_array_set_size (f->marks, 0);
      if (f->index_of != NULL)
        g_hash_table_remove_all (f->index_of);
    }
  c->p++;
  c->state = object ? WANT_FIRST_NAME : WANT_FIRST_ELEMENT;
  return TRUE;
}

/* After a value: the document ends, or its container goes on. */
static void
value_done (Checker *c)
{
  c->state = c->depth == 0 ? WANT_END : WANT_COMMA_OR_CLOSE;
}

static void
close_container (Checker *c)
{
  c->depth--;
  c->p++;
  value_done (c);
}

/* The index of the name @name in @f, or -1. */
static gssize
find_name (Frame *f, const char *name)
{
  guint n = f->marks->len;
  if (f->index_of != NULL && n > SMALL_OBJECT)
    return (gssize) GPOINTER_TO_SIZE (g_hash_table_lookup (f->index_of, name))
           - 1;
  const char *at = f->names->str;
  for (guint k = 0; k < n; k++, at += strlen (at) + 1)
    if (strcmp (at, name) == 0)
      return (gssize) k;
  return -1;
}

/* Adds the name @name, which starts at @m, to @f, or reports it when
 * @f has it already. */
static gboolean
add_name (Checker *c, Frame *f, const char *name, const Mark *m)
{
  gssize before = find_name (f, name);
  f->current = f->names->len;
  g_string_append_len (f->names, name, (gssize) strlen (name) + 1);
  f->has_child = TRUE;
  if (before >= 0)
    {
      const Mark *first = &g_array_index (f->marks, Mark, before);
      g_autofree char *shown = g_strv_contains (c->shown, name)
                                   ? g_strdup_printf (" '%s'", name)
                                   : g_strdup ("");
      return fail (c, m, SM_ERROR_DUPLICATE,
                   "The member%s is given twice "
                   "in this object (first at line %d, column %d); JSON "
                   "readers keep only one of them, so remove one or merge "
                   "them.",
                   shown, (int) first->line, (int) column_of (first));
    }
  g_array_append_val (f->marks, *m);
  guint n = f->marks->len;
  if (n == SMALL_OBJECT + 1)
    {
      if (f->index_of == NULL)
        f->index_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             NULL);
      const char *at = f->names->str;
      for (guint k = 0; k < n; k++, at += strlen (at) + 1)
        g_hash_table_insert (f->index_of, g_strdup (at),
                             GSIZE_TO_POINTER ((gsize) k + 1));
    }
  else if (n > SMALL_OBJECT + 1)
    g_hash_table_insert (f->index_of, g_strdup (name),
                         GSIZE_TO_POINTER ((gsize) n));
  return TRUE;
}

/* Reads a member's name and the ':' after it. */
static gboolean
read_name (Checker *c)
{
  Frame *f = &c->frames[c->depth - 1];
  Mark start = mark_here (c);
  if (*c->p == '\'')
    return fail_here (c, SM_ERROR_PARSE,
                      "JSON writes member names in "
                      "double quotes, not single ones; correct the quotes.");
  if (*c->p == '}' || *c->p == ']')
    return fail_here (c, SM_ERROR_PARSE,
                      "A ',' comes right before the end "
                      "of this object; remove the comma or add the member "
                      "that is missing.");
  if (*c->p != '"')
    return fail_here (c, SM_ERROR_PARSE,
                      "A member name in double quotes "
                      "should start here; correct the text at this place.");
  g_string_truncate (c->scratch, 0);
  if (!read_string (c, c->scratch) || !add_name (c, f, c->scratch->str, &start))
    return FALSE;
  if (!skip_blank (c))
    return FALSE;
  if (c->p == c->end || *c->p != ':')
    return fail_here (c, SM_ERROR_PARSE,
                      "A ':' should follow the member "
                      "name here; correct the text at this place.");
  c->p++;
  c->state = WANT_VALUE;
  return TRUE;
}

/* ---- the loop ----------------------------------------------------------- */

static gboolean
read_value (Checker *c)
{
  char ch = *c->p;
  if (ch == '{' || ch == '[')
    return open_container (c, ch == '{');
  if (ch == '"')
    {
      if (!read_string (c, NULL))
        return FALSE;
    }
  else if (ch == '-' || g_ascii_isdigit (ch))
    {
      if (!read_number (c))
        return FALSE;
    }
  else if (g_ascii_isalpha (ch) || ch == '_' || ch == '$')
    {
      if (!read_word (c))
        return FALSE;
    }
  else if (ch == '\'')
    return fail_here (c, SM_ERROR_PARSE,
                      "JSON writes texts in double "
                      "quotes, not single ones; correct the quotes.");
  else if (ch == ']' || ch == '}' || ch == ',' || ch == ':')
    return fail_here (c, SM_ERROR_PARSE,
                      "A value should stand here, "
                      "before this punctuation; add it, or remove a comma "
                      "too many.");
  else
    return fail_here (c, SM_ERROR_PARSE,
                      "A value (an object, a list, a "
                      "text in double quotes, a number, true, false or "
                      "null) should start here; correct the text at this "
                      "place.");
  value_done (c);
  return TRUE;
}

static gboolean
read_comma_or_close (Checker *c)
{
  Frame *f = &c->frames[c->depth - 1];
  char ch = *c->p;
  if (ch == ',')
    {
      c->p++;
      if (f->object)
        {
          f->has_child = FALSE;
          c->state = WANT_NEXT_NAME;
        }
      else
        {
          f->index++;
          c->state = WANT_NEXT_ELEMENT;
        }
      return TRUE;
    }
  if (ch == (f->object ? '}' : ']'))
    {
      close_container (c);
      return TRUE;
    }
  if (f->object)
    return fail_here (c, SM_ERROR_PARSE,
                      "A ',' or the '}' that ends the "
                      "object should follow the member's value here; "
                      "correct the text at this place.");
  return fail_here (c, SM_ERROR_PARSE,
                    "A ',' or the ']' that ends the list "
                    "should follow the element here; correct the text at "
                    "this place.");
}

/* One step of the scan at a byte that is not blank. */
static gboolean
step (Checker *c)
{
  Frame *f = c->depth > 0 ? &c->frames[c->depth - 1] : NULL;
  switch (c->state)
    {
    case WANT_FIRST_ELEMENT:
      if (*c->p == ']')
        {
          close_container (c);
          return TRUE;
        }
      f->has_child = TRUE;
      return read_value (c);
    case WANT_NEXT_ELEMENT:
      if (*c->p == ']' || *c->p == '}')
        return fail_here (c, SM_ERROR_PARSE,
                          "A ',' comes right before the "
                          "end of this list; remove the comma or add the "
                          "element that is missing.");
      return read_value (c);
    case WANT_FIRST_NAME:
      if (*c->p == '}')
        {
          close_container (c);
          return TRUE;
        }
      return read_name (c);
    case WANT_NEXT_NAME:
      return read_name (c);
    case WANT_COMMA_OR_CLOSE:
      return read_comma_or_close (c);
    case WANT_END:
      return fail_here (c, SM_ERROR_PARSE,
                        "The document goes on after its "
                        "end; only blanks may follow the '}' that closes "
                        "it: remove the rest, or load it as a document of "
                        "its own.");
    case WANT_VALUE:
    default:
      return read_value (c);
    }
}

static gboolean
scan (Checker *c)
{
  for (;;)
    {
      if (!skip_blank (c))
        return FALSE;
      if (c->p == c->end)
        break;
      if (!step (c))
        return FALSE;
    }
  if (c->state == WANT_END || (c->state == WANT_VALUE && c->depth == 0))
    return TRUE;
  return fail_here (c, SM_ERROR_PARSE,
                    "The text ends inside the document: "
                    "a '}' or ']' is missing, or the text was cut short; "
                    "complete it.");
}

gboolean
sm_json__check_text (const char *text, gsize length, const char *const *shown,
                     const char *file, SmProblemList *problems)
{
  Checker c = { 0 };
  c.p = text;
  c.end = text + length;
  c.line = 1;
  c.line_start = text;
  c.state = WANT_VALUE;
  c.scratch = g_string_new (NULL);
  c.shown = shown;
  c.file = file;
  c.problems = problems;
  gboolean ok = scan (&c);
  for (int d = 0; d < SM_JSON__MAX_DEPTH; d++)
    {
      Frame *f = &c.frames[d];
      if (f->names != NULL)
        g_string_free (f->names, TRUE);
      if (f->marks != NULL)
        g_array_unref (f->marks);
      g_clear_pointer (&f->index_of, g_hash_table_unref);
    }
  g_string_free (c.scratch, TRUE);
  return ok && !c.failed;
}
