/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: reading and writing the plain instance format
 * (docs/instance-format.md).
 *
 * The benchmark programs exchange markets in this format, so reading must
 * be strict and fast. The reader streams the text once through
 * SmTextScanner and hands each line to an SmMarketBuilder, which checks
 * the market's rules; every error, the builder's included, is returned
 * with the line it concerns ("line N: " or "PATH:N: ").
 *
 * A regular file is read a window at a time (128 KiB, doubled for a line
 * longer than that) and parsed as it comes: the window ends at the last
 * line end read, the rest of a line moves to its front for the next read,
 * so no line is ever cut and the scanner sees the same lines, with the
 * same numbers, as from memory. Loading the file whole first cost a page
 * fault per 4 KiB of fresh memory and a copy into it, more than the parse
 * itself, and kept the text beside the market it becomes. A file that
 * grows, shrinks or is modified while it is read is an error
 * (sm_text_file__read_piece()). A pipe is read whole first, and as it is
 * parsed the pages of text already read go back to the system.
 *
 * On two threads a large file of E-lines and then P-lines (the writer's
 * order) is read in two parts at once (read_in_parts()): the E-lines
 * fill the builder's employee lists and the P-lines its position lists,
 * which share nothing, so each part runs without waiting and the lists
 * come out as on one thread. The split, the first P-line, is found by
 * bisection on the kind of line at an offset (find_split()). This fast
 * path never decides an error: when a part meets a line of the other
 * kind (the file has another order) or fails, or the build fails after
 * it, the file is read again on one thread, whose error, with its line,
 * is the one given. What makes the two parts safe: the head touches only
 * employee_seen and the employee lists, the tail only position_line and
 * the position lists.
 *
 * Decisions where the format leaves a choice:
 * - The header, "employees", "positions" and "capacity" lines come first,
 *   in this order. E- and P-lines follow in any order and may interleave,
 *   since each names its index; each index must appear exactly once.
 * - '#' starts a comment only as the first non-blank of a line; a '#'
 *   after data is an error, not a comment.
 * - Blanks are spaces, tabs and carriage returns; a UTF-8 byte order mark
 *   at the start is ignored.
 * - A PRIORITY_MISMATCH found when the market is frozen names the line of
 *   the position's P-line; a missing E- or P-line names the file's last
 *   line.
 *
 * Version 2 ("hr-instance 2", docs/instance-format.md) lets a P-line
 * group tied employees in parentheses, "P 3 5 (7 9) 2"; the order inside
 * a group is the tie-breaking, so the list as written is the strict
 * order the builder gets, and the groups become tie classes beside it
 * (sm_market_builder_set_tied_priorities()). Its P-lines have a reader
 * of their own (read_grouped_list()), chosen once per line by the
 * version: version 1 files keep the fast list reader of text-scanner.c
 * untouched, and only a list that fails to read is looked at again for
 * a parenthesis, to say "this needs version 2" or "not in an E-line".
 * Groups of one are accepted (they state nothing); empty, nested and
 * unclosed groups are errors.
 *
 * The writer prints the canonical form: counts, one capacity line, then
 * the E-lines and the P-lines in index order, single spaces, "\n" line
 * ends; version 1 for a market without ties, byte for byte as before
 * version 2 existed, and version 2 with "(a b)" around each run of two or
 * more tied applicants for a market with ties. Reading it back gives the
 * same market, and writing that again the same bytes. */
#include <staffmatch/instance.h>

#include <inttypes.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#include "core/market-private.h"
#include "io/file-private.h"
#include "io/instance-private.h"
#include "io/text-scanner-private.h"

typedef struct {
  SmTextScanner s;
  SmMarketBuilder *builder;
  int32_t n_employees;
  int32_t n_positions;
  int64_t counts_line;    /* line of the "positions" count */
  int64_t n_records;      /* E- and P-lines read */
  guint8 *employee_seen;  /* n: the employee's E-line was read */
  int64_t *position_line; /* m: line of the position's P-line, or 0 */
  int32_t *list;          /* one line's numbers, reused */
  size_t list_capacity;
  int64_t version;     /* of the format: 2 allows ties in P-lines */
  int32_t *classes;    /* a version 2 P-line's tie classes, reused */
  size_t classes_size; /* entries of classes */
  const char *kept;    /* data before it may be released, or NULL */
  int n_threads;       /* for the build; see market.h */
  /* Reading a regular file piece by piece (see refill()); file.fd < 0
   * when the whole text is in memory. */
  SmTextFilePieces file;
  char *window;       /* window_size bytes */
  size_t window_size; /* grows for a line longer than it */
  size_t filled;      /* bytes of the window read from the file */
  gboolean at_end;    /* the file's last byte is in the window */
  /* Reading a file in two parts on two threads (read_in_parts()). */
  gboolean may_split; /* the caller allows a second thread */
  gboolean split;     /* the records were read in two parts */
  char only;          /* 'E' or 'P': the kind of line of this part, or 0 */
  gint *give_up;      /* set by either part when it fails, or NULL */
} InstanceReader;

/* How much read text a file reader lets go of at a time. */
#define SM_RELEASE_STEP ((size_t) 64 << 20)
#define SM_PAGE_SIZE ((uintptr_t) 4096)

/* Gives the pages of file text already read back to the system: the
 * scanner never looks back, and a large file's text would otherwise stay
 * resident beside the market it becomes (1.6 GB of text beside 1.6 GB of
 * lists at ten million employees). Only for the reader's own copy of a
 * file (mapped or read from a pipe): the pages are dropped, not kept. */
static void
release_read_text (InstanceReader *r)
{
#if defined(__linux__) && defined(MADV_DONTNEED)
  if (r->kept == NULL || (size_t) (r->s.p - r->kept) < SM_RELEASE_STEP)
    return;
  uintptr_t start = ((uintptr_t) r->kept + SM_PAGE_SIZE - 1)
                    & ~(SM_PAGE_SIZE - 1);
  uintptr_t end = (uintptr_t) r->s.p & ~(SM_PAGE_SIZE - 1);
  if (end > start)
    (void) madvise ((void *) start, end - start, MADV_DONTNEED);
  r->kept = (const char *) end;
#else
  (void) r;
#endif
}

static void
instance_reader_clear (InstanceReader *r)
{
  g_clear_pointer (&r->builder, sm_market_builder_free);
  g_clear_pointer (&r->employee_seen, g_free);
  g_clear_pointer (&r->position_line, g_free);
  g_clear_pointer (&r->list, g_free);
  g_clear_pointer (&r->classes, g_free);
  g_clear_pointer (&r->window, g_free);
  sm_text_file__close_pieces (&r->file);
}

/* The first size of the window a file is read into: small enough to stay
 * in the processor's cache, where the parse finds what read() copied. */
#define SM_WINDOW_SIZE ((size_t) 128 << 10)

/* Ends the scanner's data at the last line end read, so that no line is
 * ever cut by the window's end; at the end of the file, at its last byte.
 * Returns FALSE when no whole line is in the window yet. */
static gboolean
end_at_line (InstanceReader *r)
{
  const char *start = r->s.p;
  const char *filled = r->window + r->filled;
  if (r->at_end)
    {
      r->s.end = filled;
      return TRUE;
    }
  const char *nl = filled;
  while (nl > start && nl[-1] != '\n')
    nl--;
  r->s.end = nl;
  return nl > start;
}

/* Reads more of the file once the scanner has used up the window (s.p is
 * at s.end): the part of a line after s.end moves to the front, behind
 * the one byte before it (sm_text_scanner__get_last_line() looks at the
 * byte before the end), and the window is filled up; a line longer than
 * the window doubles it. Returns FALSE with @error set when reading
 * fails, or with no error at the end of the file. */
static gboolean
refill (InstanceReader *r, GError **error)
{
  if (r->file.fd < 0 || r->at_end)
    return FALSE;
  size_t keep_from = (size_t) (r->s.end - r->window) - 1;
  size_t kept = r->filled - keep_from;
  memmove (r->window, r->window + keep_from, kept);
  r->filled = kept;
  r->s.p = r->window + 1;
  for (;;)
    {
      if (r->filled == r->window_size)
        {
          char *grown = g_try_realloc (r->window, r->window_size * 2);
          if (grown == NULL)
            {
              sm_text_scanner__set_error (&r->s, r->s.line, error,
                                          SM_ERROR_NO_MEMORY,
                                          "not enough memory for a line of "
                                          "%zu bytes",
                                          r->window_size);
              return FALSE;
            }
          r->window = grown;
          r->window_size *= 2;
          r->s.p = r->window + 1;
        }
      size_t got = 0;
      if (!sm_text_file__read_piece (&r->file, r->window + r->filled,
                                     r->window_size - r->filled, &got, error))
        return FALSE;
      r->filled += got;
      r->at_end = got == 0;
      if (end_at_line (r))
        return TRUE;
    }
}

/* sm_text_scanner__next_line() across the windows of a file. */
static gboolean
next_line (InstanceReader *r, GError **error)
{
  while (!sm_text_scanner__next_line (&r->s))
    if (!refill (r, error))
      return FALSE;
  return TRUE;
}

/* Brings the next line that is not blank or a comment into the window
 * before a scanner call that reads it; at the end of the file that call
 * reports what is missing. FALSE only when reading the file fails. */
static gboolean
have_line (InstanceReader *r, GError **error)
{
  GError *local = NULL;
  if (next_line (r, &local) || local == NULL)
    return TRUE;
  g_propagate_error (error, local);
  return FALSE;
}

/* The bytes of text after the scanner's place, read or not. */
static uint64_t
bytes_left (const InstanceReader *r)
{
  if (r->file.fd < 0)
    return (uint64_t) (r->s.end - r->s.p);
  uint64_t in_window = (uint64_t) (r->window + r->filled - r->s.p);
  return r->file.end - r->file.next + in_window;
}

/* Reads "KEYWORD COUNT" with 0 <= COUNT <= INT32_MAX - 1; *@line gets
 * the line's number. */
static gboolean
read_count (SmTextScanner *s, const char *keyword, int32_t *out, int64_t *line,
            GError **error)
{
  int64_t count;

  if (!sm_text_scanner__expect_keyword (s, keyword, error)
      || !sm_text_scanner__read_int64 (s, "a count", &count, error))
    return FALSE;
  if (count < 0)
    {
      sm_text_scanner__set_error (s, s->line, error, SM_ERROR_PARSE,
                                  "the number of %s must be 0 or more, not "
                                  "%" PRId64,
                                  keyword, count);
      return FALSE;
    }
  if (count > INT32_MAX - 1)
    {
      sm_text_scanner__set_error (s, s->line, error, SM_ERROR_TOO_LARGE,
                                  "%" PRId64 " %s are more than the %" PRId32
                                  " a market can hold",
                                  count, keyword, INT32_MAX - 1);
      return FALSE;
    }
  *out = (int32_t) count;
  *line = s->line;
  return sm_text_scanner__end_line (s, error);
}

/* A file too short to hold a line per employee and position has wrong
 * counts or was cut off; saying so early also avoids allocating for
 * counts that a few bytes of text claim. Every E- or P-line takes at
 * least three bytes ("E 0"). */
static gboolean
check_room (InstanceReader *r, GError **error)
{
  uint64_t needed = 3 * ((uint64_t) r->n_employees + r->n_positions);
  uint64_t left = bytes_left (r);

  if (left >= needed)
    return TRUE;
  sm_text_scanner__set_error (&r->s, r->counts_line, error, SM_ERROR_PARSE,
                              "the file is too short for %" PRId32
                              " employees and %" PRId32 " positions: the "
                              "counts are wrong or the file is cut off",
                              r->n_employees, r->n_positions);
  return FALSE;
}

static gboolean
start_market (InstanceReader *r, GError **error)
{
  int32_t n = r->n_employees;
  int32_t m = r->n_positions;

  r->builder = sm_market_builder_new (n, m, error);
  if (r->builder == NULL)
    {
      sm_text_scanner__prefix_error (&r->s, r->counts_line, error);
      return FALSE;
    }
  sm_market_builder_set_n_threads (r->builder, r->n_threads);
  r->employee_seen = g_try_malloc0 (MAX ((size_t) n, 1));
  r->position_line = g_try_malloc0_n (MAX ((size_t) m, 1), sizeof (int64_t));
  if (r->employee_seen == NULL || r->position_line == NULL)
    {
      sm_text_scanner__set_error (&r->s, r->counts_line, error,
                                  SM_ERROR_NO_MEMORY,
                                  "not enough memory for %" PRId32
                                  " employees and %" PRId32 " positions",
                                  n, m);
      return FALSE;
    }
  return TRUE;
}

/* Reads "capacity c_0 ... c_{m-1}" into the builder. */
static gboolean
read_capacity (InstanceReader *r, GError **error)
{
  SmTextScanner *s = &r->s;
  int64_t seats;

  if (!sm_text_scanner__expect_keyword (s, "capacity", error))
    return FALSE;
  for (int32_t j = 0; j < r->n_positions; j++)
    {
      if (sm_text_scanner__at_line_end (s))
        {
          sm_text_scanner__set_error (s, s->line, error, SM_ERROR_PARSE,
                                      "the capacity line has %" PRId32
                                      " numbers for %" PRId32 " positions; "
                                      "it needs one per position",
                                      j, r->n_positions);
          return FALSE;
        }
      if (!sm_text_scanner__read_int64 (s, "a number of seats", &seats, error))
        return FALSE;
      if (seats < 1 || seats > INT32_MAX)
        {
          sm_text_scanner__set_error (s, s->line, error,
                                      seats < 1 ? SM_ERROR_INVALID_SEATS
                                                : SM_ERROR_TOO_LARGE,
                                      "position %" PRId32 " has %" PRId64
                                      " seats; it needs 1 to %" PRId32,
                                      j, seats, INT32_MAX);
          return FALSE;
        }
      if (!sm_market_builder_set_seats (r->builder, j, (int32_t) seats, error))
        {
          sm_text_scanner__prefix_error (s, s->line, error);
          return FALSE;
        }
    }
  if (!sm_text_scanner__at_line_end (s))
    {
      sm_text_scanner__set_error (s, s->line, error, SM_ERROR_PARSE,
                                  "the capacity line has more than %" PRId32
                                  " numbers for %" PRId32 " positions; it "
                                  "needs one per position",
                                  r->n_positions, r->n_positions);
      return FALSE;
    }
  return sm_text_scanner__end_line (s, error);
}

/* What ends a number in a version 2 P-line: a blank, the line's end, or
 * a parenthesis, so that "(7 9)" needs no blanks inside. */
static inline gboolean
ends_entry (char c)
{
  return sm_text_scanner__is_separator (c) || c == '(' || c == ')';
}

/* After a list failed to read as plain numbers: when the token it
 * stopped at holds a parenthesis, the line uses the syntax of ties where
 * it is not allowed, and the error says so (with @message) instead of
 * "expected a number". Only failures pay for the look. Returns FALSE. */
static gboolean
explain_parenthesis (const SmTextScanner *s, const char *message,
                     GError **error)
{
  if (error == NULL || *error == NULL
      || !g_error_matches (*error, SM_ERROR, SM_ERROR_PARSE))
    return FALSE;
  const char *q = s->p;
  while (q < s->end && !ends_entry (*q))
    q++;
  if (q == s->end || (*q != '(' && *q != ')'))
    return FALSE;
  g_clear_error (error);
  sm_text_scanner__set_error (s, s->line, error, SM_ERROR_PARSE, "%s", message);
  return FALSE;
}

/* Reads the rest of "E i p_1 ... p_k" (the "E" is read). */
static gboolean
read_employee_line (InstanceReader *r, GError **error)
{
  SmTextScanner *s = &r->s;
  int32_t i;
  size_t n;

  if (!sm_text_scanner__read_index (s, 0, r->n_employees, "employee", &i,
                                    error))
    return FALSE;
  if (r->employee_seen[i])
    {
      sm_text_scanner__set_error (s, s->line, error, SM_ERROR_DUPLICATE,
                                  "a second E-line for employee %" PRId32, i);
      return FALSE;
    }
  if (!sm_text_scanner__read_index_list (s, 0, r->n_positions, "position",
                                         &r->list, &r->list_capacity, &n,
                                         error))
    return explain_parenthesis (s,
                                "an E-line lists positions in a strict "
                                "order: groups in parentheses (ties) are "
                                "allowed only in P-lines",
                                error);
  if (!sm_market_builder_set_preferences (r->builder, i, r->list, n, error))
    {
      sm_text_scanner__prefix_error (s, s->line, error);
      return FALSE;
    }
  r->employee_seen[i] = 1;
  r->n_records++;
  return sm_text_scanner__end_line (s, error);
}

/* A position has one P-line: refuses a second. */
static gboolean
check_first_p_line (InstanceReader *r, int32_t j, GError **error)
{
  if (r->position_line[j] == 0)
    return TRUE;
  sm_text_scanner__set_error (&r->s, r->s.line, error, SM_ERROR_DUPLICATE,
                              "a second P-line for position %" PRId32
                              " (the first is on line %" PRId64 ")",
                              j, r->position_line[j]);
  return FALSE;
}

/* Reads the rest of "P j e_1 ... e_l" (the "P" is read). */
static gboolean
read_position_line (InstanceReader *r, GError **error)
{
  SmTextScanner *s = &r->s;
  int32_t j;
  size_t n;

  if (!sm_text_scanner__read_index (s, 0, r->n_positions, "position", &j,
                                    error))
    return FALSE;
  if (!check_first_p_line (r, j, error))
    return FALSE;
  if (!sm_text_scanner__read_index_list (s, 0, r->n_employees, "employee",
                                         &r->list, &r->list_capacity, &n,
                                         error))
    return explain_parenthesis (s,
                                "ties in parentheses need version 2 of "
                                "the format: start the file with "
                                "'hr-instance 2'",
                                error);
  if (!sm_market_builder_set_priorities (r->builder, j, r->list, n, error))
    {
      sm_text_scanner__prefix_error (s, s->line, error);
      return FALSE;
    }
  r->position_line[j] = s->line;
  r->n_records++;
  return sm_text_scanner__end_line (s, error);
}

/* ---- version 2: P-lines with ties ---------------------------------------- */

/* Sets a parse error about the token at @at (up to the next blank). */
static gboolean
group_error (SmTextScanner *s, const char *at, SmError code,
             const char *message, GError **error)
{
  const char *q = at;
  while (q < s->end && !sm_text_scanner__is_separator (*q))
    q++;
  g_autofree char *token = sm_text_scanner__describe (at, (size_t) (q - at));
  s->p = at;
  sm_text_scanner__set_error (s, s->line, error, code, "%s (at '%s')", message,
                              token);
  return FALSE;
}

/* Reads one employee index of a version 2 P-line at *@pp into *@out. */
static gboolean
read_entry (InstanceReader *r, const char **pp, int32_t *out, GError **error)
{
  SmTextScanner *s = &r->s;
  const char *start = *pp, *p = start;
  gboolean negative = p < s->end && *p == '-';
  uint64_t v = 0;
  p += negative;
  const char *digits = p;
  for (; p < s->end && (unsigned char) (*p - '0') < 10; p++)
    {
      if (v > (uint64_t) INT64_MAX / 10)
        return group_error (s, start, SM_ERROR_PARSE,
                            "an employee index is too large", error);
      v = v * 10 + (uint64_t) (*p - '0');
    }
  if (p == digits || (p < s->end && !ends_entry (*p)))
    return group_error (s, start, SM_ERROR_PARSE,
                        "expected an employee index (a whole number) or a "
                        "parenthesis",
                        error);
  if (negative || v >= (uint64_t) r->n_employees)
    {
      s->p = start;
      sm_text_scanner__set_error (s, s->line, error,
                                  SM_ERROR_INDEX_OUT_OF_RANGE,
                                  "employee %s%" PRIu64 " is out of range "
                                  "0..%" PRId32,
                                  negative ? "-" : "", v, r->n_employees - 1);
      return FALSE;
    }
  *out = (int32_t) v;
  *pp = p;
  return TRUE;
}

/* Appends employee @e of tie class @cls to the line's lists; a line
 * longer than the number of employees must name someone twice. */
static gboolean
add_entry (InstanceReader *r, size_t *n, int32_t e, int32_t cls, GError **error)
{
  if (*n >= (size_t) r->n_employees)
    {
      sm_text_scanner__set_error (&r->s, r->s.line, error, SM_ERROR_DUPLICATE,
                                  "the line names some employee twice");
      return FALSE;
    }
  if (*n == r->list_capacity)
    {
      r->list_capacity = MAX (r->list_capacity * 2, (size_t) 64);
      r->list = g_renew (int32_t, r->list, r->list_capacity);
    }
  if (*n >= r->classes_size)
    {
      r->classes_size = r->list_capacity;
      r->classes = g_renew (int32_t, r->classes, r->classes_size);
    }
  r->list[*n] = e;
  r->classes[*n] = cls;
  (*n)++;
  return TRUE;
}

/* Steps over the parenthesis at *@pp: '(' opens a group (a new tie
 * class, *@in_group counting its members from 0), ')' closes the open
 * one, which must hold someone; *@tied records a group of two or more. */
static gboolean
read_parenthesis (SmTextScanner *s, const char **pp, int32_t *cls,
                  int32_t *in_group, gboolean *tied, GError **error)
{
  const char *p = *pp;
  if (*p == '(' && *in_group >= 0)
    return group_error (s, p, SM_ERROR_PARSE,
                        "a group inside a group: groups of tied employees "
                        "do not nest",
                        error);
  if (*p == ')' && *in_group < 0)
    return group_error (s, p, SM_ERROR_PARSE,
                        "')' closes no group: a group opens with '('", error);
  if (*p == ')' && *in_group == 0)
    return group_error (s, p, SM_ERROR_PARSE,
                        "an empty group: a group holds one or more employees",
                        error);
  if (*p == '(')
    {
      *in_group = 0;
      (*cls)++;
    }
  else
    {
      *tied = *tied || *in_group > 1;
      *in_group = -1;
    }
  *pp = p + 1;
  return TRUE;
}

/* Reads the employees of a version 2 P-line, each group "( ... )" of
 * them one tie class and every other employee a class of its own, up to
 * the end of the line. *@tied tells whether a group has two or more. */
static gboolean
read_grouped_list (InstanceReader *r, size_t *n_out, gboolean *tied,
                   GError **error)
{
  SmTextScanner *s = &r->s;
  const char *p = s->p;
  size_t n = 0;
  int32_t cls = -1, in_group = -1; /* members of the open group, or -1 */
  for (;;)
    {
      while (p < s->end && sm_text_scanner__is_blank (*p))
        p++;
      if (p == s->end || *p == '\n')
        break;
      int32_t e = -1;
      if (*p == '(' || *p == ')')
        {
          if (!read_parenthesis (s, &p, &cls, &in_group, tied, error))
            return FALSE;
          continue;
        }
      if (in_group < 0)
        cls++;
      else
        in_group++;
      if (!read_entry (r, &p, &e, error) || !add_entry (r, &n, e, cls, error))
        return FALSE;
    }
  s->p = p;
  if (in_group >= 0)
    {
      sm_text_scanner__set_error (s, s->line, error, SM_ERROR_PARSE,
                                  "a group opened with '(' is not closed on "
                                  "its line");
      return FALSE;
    }
  *n_out = n;
  return TRUE;
}

/* Reads the rest of a version 2 "P j ..." line (the "P" is read). */
static gboolean
read_tied_position_line (InstanceReader *r, GError **error)
{
  SmTextScanner *s = &r->s;
  int32_t j;
  size_t n = 0;
  gboolean tied = FALSE;

  if (!sm_text_scanner__read_index (s, 0, r->n_positions, "position", &j,
                                    error))
    return FALSE;
  if (!check_first_p_line (r, j, error))
    return FALSE;
  if (!read_grouped_list (r, &n, &tied, error))
    return FALSE;
  gboolean ok = tied ? sm_market_builder_set_tied_priorities (r->builder, j,
                                                              r->list,
                                                              r->classes, n,
                                                              error)
                     : sm_market_builder_set_priorities (r->builder, j, r->list,
                                                         n, error);
  if (!ok)
    {
      sm_text_scanner__prefix_error (s, s->line, error);
      return FALSE;
    }
  r->position_line[j] = s->line;
  r->n_records++;
  return sm_text_scanner__end_line (s, error);
}

/* Whether a part of a file read in two parts goes on with a line that
 * starts with @word: not when the other part failed, nor at a line of the
 * other part's kind (the file is not in two blocks after all). */
static inline gboolean
stays_in_part (const InstanceReader *r, const char *word, size_t length)
{
  if (r->give_up == NULL)
    return TRUE;
  if (g_atomic_int_get (r->give_up))
    return FALSE;
  return length != 1 || (word[0] != 'E' && word[0] != 'P')
         || word[0] == r->only;
}

/* Reads the E- and P-lines up to the end of the file, or of the part. */
static gboolean
read_records (InstanceReader *r, GError **error)
{
  SmTextScanner *s = &r->s;
  int64_t n_expected = (int64_t) r->n_employees + r->n_positions;
  const char *word = NULL;
  size_t length = 0;
  GError *read_error = NULL;

  while (next_line (r, &read_error))
    {
      gboolean ok;
      release_read_text (r);
      sm_text_scanner__read_word (s, &word, &length);
      if (!stays_in_part (r, word, length))
        return FALSE;
      if (length == 1 && word[0] == 'E')
        ok = read_employee_line (r, error);
      else if (length == 1 && word[0] == 'P')
        ok = r->version == 1 ? read_position_line (r, error)
                             : read_tied_position_line (r, error);
      else
        {
          g_autofree char *token = sm_text_scanner__describe (word, length);
          sm_text_scanner__set_error (s, s->line, error, SM_ERROR_PARSE,
                                      r->n_records == n_expected
                                          ? "unexpected '%s' after the last "
                                            "line "
                                            "of the instance"
                                          : "unknown keyword '%s': expected E "
                                            "or P",
                                      token);
          ok = FALSE;
        }
      if (!ok)
        return FALSE;
    }
  if (read_error == NULL)
    return TRUE;
  g_propagate_error (error, read_error);
  return FALSE;
}

/* ---- two threads: a file read in two parts ------------------------------ */

/* The least text of E- and P-lines worth a second thread (about 60,000
 * employees with lists of ten); tests lower it. */
#define SM_SPLIT_MIN ((uint64_t) 8 << 20)
#define SM_PROBE_SIZE ((size_t) 4096)

static uint64_t split_min = SM_SPLIT_MIN;
static gint n_split_reads; /* atomic */

/* The offset in the file of the scanner's place. */
static uint64_t
file_offset (const InstanceReader *r)
{
  return r->file.next - (uint64_t) (r->window + r->filled - r->s.p);
}

/* What record_kind_at() has seen of the bytes so far. */
typedef enum {
  PROBE_IN_LINE,    /* before the next line's start, or in a comment */
  PROBE_LINE_START, /* at a line's start, or in its leading blanks */
  PROBE_KEYWORD,    /* after an 'E' or a 'P' at a line's start */
} ProbeState;

/* Steps the look at a line through byte @c; returns the kind found ('E',
 * 'P', or 0 for a line that is neither), or -1 to go on. */
static int
probe_byte (ProbeState *state, char *kind, char c)
{
  gboolean blank = sm_text_scanner__is_blank (c);
  switch (*state)
    {
    case PROBE_IN_LINE:
      if (c == '\n')
        *state = PROBE_LINE_START;
      return -1;
    case PROBE_LINE_START:
      if (blank || c == '\n')
        return -1;
      if (c == '#')
        *state = PROBE_IN_LINE;
      else if (c == 'E' || c == 'P')
        {
          *kind = c;
          *state = PROBE_KEYWORD;
        }
      else
        return 0;
      return -1;
    case PROBE_KEYWORD:
      return blank || c == '\n' ? *kind : 0;
    }
  return 0;
}

/* The kind of the first E- or P-line that starts at or after @offset
 * (> 0), found by reading ahead without moving the reader: 'E' or 'P',
 * with *@line_start where the line starts; 'P' at the end of the file
 * (no line after @offset), with *@line_start the file's size; 0 for a
 * line that is neither, or when reading fails, both left to the reader
 * on one thread to report. */
static char
record_kind_at (const SmTextFilePieces *f, uint64_t offset,
                uint64_t *line_start)
{
  char buffer[SM_PROBE_SIZE];
  ProbeState state = PROBE_IN_LINE;
  char kind = 0;
  uint64_t at = offset - 1; /* from the byte before: is @offset a start? */
  uint64_t start = offset;  /* of the line looked at */
  size_t got = 0;

  while (at < f->size)
    {
      if (!sm_text_file__peek (f, at, buffer, sizeof buffer, &got))
        return 0;
      if (got == 0)
        break;
      for (size_t k = 0; k < got; k++, at++)
        {
          if (buffer[k] == '\n')
            start = at + 1;
          int found = probe_byte (&state, &kind, buffer[k]);
          if (found >= 0)
            {
              *line_start = start;
              return (char) found;
            }
        }
    }
  if (state == PROBE_KEYWORD)
    {
      *line_start = start;
      return kind;
    }
  *line_start = f->size;
  return 'P';
}

/* Where the E- and P-lines after the scanner's place split into two
 * parts worth a thread each: the start of the first P-line, when every
 * E-line comes before every P-line, as sm_instance_write() writes them.
 * Found by bisection on record_kind_at(), which reads a few pages; the
 * bisection assumes that shape, and a file of any other shape shows it
 * when the parts are read (stays_in_part()). */
static gboolean
find_split (const InstanceReader *r, uint64_t *at)
{
  uint64_t start = file_offset (r), lo = start, hi = r->file.size;
  uint64_t span = hi - start, line = 0;

  if (span < MAX (split_min, 2) || record_kind_at (&r->file, lo, &line) != 'E')
    return FALSE;
  while (hi - lo > 1) /* the line at lo is an E-line, at hi a P-line */
    {
      uint64_t mid = lo + (hi - lo) / 2;
      char kind = record_kind_at (&r->file, mid, &line);
      if (kind == 0)
        return FALSE;
      if (kind == 'E')
        lo = mid;
      else
        hi = mid;
    }
  if (record_kind_at (&r->file, hi, at) != 'P')
    return FALSE;
  return *at - start >= span / 8 && r->file.size - *at >= span / 8;
}

/* Sets @r to scan a file from its pieces, a window at a time
 * (refill()); @origin names the file in messages. */
static void
start_window (InstanceReader *r, const char *origin)
{
  r->window_size = SM_WINDOW_SIZE;
  r->window = g_malloc (r->window_size);
  r->window[0] = '\n'; /* stands for the byte before the text; never read */
  r->filled = 1;
  sm_text_scanner__init (&r->s, r->window + 1, 0, origin);
}

/* Makes @tail the reader of @head's file from @at on, for its P-lines,
 * into @head's builder and position lines (borrowed); @head stops at @at,
 * dropping what its window holds past it. */
static void
start_tail (InstanceReader *tail, InstanceReader *head, uint64_t at,
            gint *give_up)
{
  uint64_t window_end = head->file.next;
  sm_text_file__split_pieces (&head->file, at, &tail->file);
  if (at < window_end)
    {
      head->filled -= (size_t) (window_end - at);
      head->s.end = head->window + head->filled;
    }
  tail->builder = head->builder;
  tail->n_employees = head->n_employees;
  tail->n_positions = head->n_positions;
  tail->position_line = head->position_line;
  tail->version = head->version;
  tail->n_threads = head->n_threads;
  tail->only = 'P';
  tail->give_up = give_up;
  start_window (tail, head->s.origin);
  head->only = 'E';
  head->give_up = give_up;
}

/* Frees @tail, but not what it borrows from the head. */
static void
end_tail (InstanceReader *tail)
{
  tail->builder = NULL;
  tail->position_line = NULL;
  instance_reader_clear (tail);
}

typedef struct {
  InstanceReader r;
  gboolean ok;
  GError *error;
} TailRead;

static gpointer
read_tail (gpointer data)
{
  TailRead *tail = data;
  tail->ok = read_records (&tail->r, &tail->error);
  if (!tail->ok)
    g_atomic_int_set (tail->r.give_up, 1);
  return NULL;
}

/* Reads the records in two parts split at @at, the tail on a thread of
 * its own: the head (this thread) reads the E-lines into the builder's
 * employee lists, the tail the P-lines into its position lists, which
 * share nothing, so neither waits for the other and every list comes out
 * as on one thread. FALSE when either part fails or meets a line of the
 * other's kind, or the second thread cannot be started: then no error is
 * set, since the parts' errors would name the tail's lines from its own
 * start, and r->split tells the caller to read the file again on one
 * thread, whose error is the one to give. */
static gboolean
read_in_parts (InstanceReader *r, uint64_t at)
{
  gint give_up = 0;
  TailRead tail = { 0 };
  GError *head_error = NULL; /* dropped, as the tail's: see above */

  start_tail (&tail.r, r, at, &give_up);
  sm_market_builder__set_populate_ahead (r->builder, FALSE);
  GThread *thread = g_thread_try_new ("sm-read-tail", read_tail, &tail, NULL);
  r->split = TRUE;
  gboolean ok = thread != NULL && read_records (r, &head_error);
  if (!ok)
    g_atomic_int_set (&give_up, 1);
  if (thread != NULL)
    g_thread_join (thread);
  r->n_records += tail.r.n_records;
  r->give_up = NULL;
  end_tail (&tail.r);
  g_clear_error (&head_error);
  g_clear_error (&tail.error);
  if (!ok || !tail.ok)
    return FALSE;
  g_atomic_int_inc (&n_split_reads);
  return TRUE;
}

/* Reads the E- and P-lines, in two parts where the caller allows it and
 * the file is large enough and of the shape (find_split()). FALSE with
 * @error set, or, after a read in parts, FALSE alone with r->split set. */
static gboolean
read_all_records (InstanceReader *r, GError **error)
{
  uint64_t at = 0;

  if (r->may_split && r->file.fd >= 0 && find_split (r, &at))
    return read_in_parts (r, at);
  return read_records (r, error);
}

size_t
sm_instance__set_split_min (size_t bytes)
{
  size_t old = (size_t) split_min;
  split_min = bytes;
  return old;
}

int
sm_instance__get_n_split_reads (void)
{
  return g_atomic_int_get (&n_split_reads);
}

/* After the last line: every employee and position must have had its
 * line. */
static gboolean
check_complete (InstanceReader *r, GError **error)
{
  int64_t line = sm_text_scanner__get_last_line (&r->s);

  for (int32_t i = 0; i < r->n_employees; i++)
    if (!r->employee_seen[i])
      {
        sm_text_scanner__set_error (&r->s, line, error, SM_ERROR_PARSE,
                                    "the file ends without an E-line for "
                                    "employee %" PRId32,
                                    i);
        return FALSE;
      }
  for (int32_t j = 0; j < r->n_positions; j++)
    if (r->position_line[j] == 0)
      {
        sm_text_scanner__set_error (&r->s, line, error, SM_ERROR_PARSE,
                                    "the file ends without a P-line for "
                                    "position %" PRId32,
                                    j);
        return FALSE;
      }
  return TRUE;
}

static SmMarket *
build_market (InstanceReader *r, GError **error)
{
  int32_t failed = -1;
  SmMarket *market = sm_market_builder__build_reporting (r->builder, &failed,
                                                         error);
  if (market == NULL)
    {
      int64_t line = failed >= 0 && failed < r->n_positions
                         ? r->position_line[failed]
                         : sm_text_scanner__get_last_line (&r->s);
      sm_text_scanner__prefix_error (&r->s, line, error);
    }
  return market;
}

/* Reads every line of the instance that @r is set to scan into its
 * builder, which is left unbuilt. On failure @error is set, except after
 * a read in parts that failed (r->split): the caller reads again. */
static gboolean
read_lists (InstanceReader *r, GError **error)
{
  SmTextScanner *s = &r->s;

  return have_line (r, error)
         && sm_text_scanner__read_header_versions (s, "hr-instance", 1, 2,
                                                   &r->version, error)
         && have_line (r, error)
         && read_count (s, "employees", &r->n_employees, &r->counts_line, error)
         && have_line (r, error)
         && read_count (s, "positions", &r->n_positions, &r->counts_line, error)
         && check_room (r, error) && start_market (r, error)
         && have_line (r, error) && read_capacity (r, error)
         && read_all_records (r, error) && check_complete (r, error);
}

/* Reads the instance that @r is set to scan, and frees @r. */
static SmMarket *
read_instance (InstanceReader *r, GError **error)
{
  SmMarket *market = NULL;

  if (read_lists (r, error))
    market = build_market (r, error);
  instance_reader_clear (r);
  return market;
}

/* Reads an instance held in memory; @origin (or NULL) names it in
 * messages. With @release, text already read is given back as reading
 * goes on (see release_read_text()); only for data that is the reader's
 * own. */
static SmMarket *
read_instance_data (const char *data, size_t length, const char *origin,
                    gboolean release, int n_threads, GError **error)
{
  InstanceReader r = { 0 };

  r.file.fd = -1;
  sm_text_scanner__init (&r.s, data, length, origin);
  r.kept = release ? r.s.p : NULL;
  r.n_threads = n_threads;
  return read_instance (&r, error);
}

/* Sets @r to read the regular file at @path piece by piece into a window
 * (see refill()), so that its text is never held whole; @name names it.
 * With @may_split and two threads or more, the records may be read in
 * two parts (read_in_parts()). On failure @r holds nothing. */
static gboolean
open_instance_file (InstanceReader *r, const char *path, const char *name,
                    int n_threads, gboolean may_split, GError **error)
{
  static const char bom[] = "\xEF\xBB\xBF";

  if (!sm_text_file__open_pieces (&r->file, path, SM_TEXT_FILE_MAX_SIZE, error))
    return FALSE;
  r->n_threads = n_threads;
  r->may_split = may_split
                 && (n_threads == 0 ? (int) g_get_num_processors () : n_threads)
                        > 1;
  start_window (r, name);
  GError *read_error = NULL;
  if (refill (r, &read_error) && (size_t) (r->s.end - r->s.p) >= 3
      && memcmp (r->s.p, bom, 3) == 0)
    r->s.p += 3;
  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      instance_reader_clear (r);
      return FALSE;
    }
  return TRUE;
}

/* Reads the lists of the regular file at @path into @r's builder (left
 * unbuilt). After a read in two parts that failed, the file is read again
 * on one thread, which gives the error exactly as it would alone. */
static gboolean
read_file_lists (InstanceReader *r, const char *path, const char *name,
                 int n_threads, gboolean may_split, GError **error)
{
  GError *local = NULL;

  if (!open_instance_file (r, path, name, n_threads, may_split, error))
    return FALSE;
  if (read_lists (r, &local))
    return TRUE;
  gboolean again = r->split;
  instance_reader_clear (r);
  *r = (InstanceReader){ 0 };
  if (!again)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  g_clear_error (&local);
  return read_file_lists (r, path, name, n_threads, FALSE, error);
}

static SmMarket *
read_instance_file (const char *path, const char *name, int n_threads,
                    gboolean may_split, GError **error)
{
  InstanceReader r = { 0 };
  SmMarket *market = NULL;
  GError *local = NULL;

  if (read_file_lists (&r, path, name, n_threads, may_split, &local))
    market = build_market (&r, &local);
  gboolean again = market == NULL && r.split;
  instance_reader_clear (&r);
  /* The tail of a split read counted its lines from its own start: the
   * reader on one thread names the right line of a failed build. */
  if (again)
    {
      g_clear_error (&local);
      return read_instance_file (path, name, n_threads, FALSE, error);
    }
  if (market == NULL)
    g_propagate_error (error, local);
  return market;
}

SmMarketBuilder *
sm_instance__read_file_lists (const char *path, int n_threads, GError **error)
{
  g_autofree char *name = g_filename_display_name (path);
  InstanceReader r = { 0 };
  SmMarketBuilder *builder = NULL;

  if (read_file_lists (&r, path, name, n_threads, TRUE, error))
    builder = g_steal_pointer (&r.builder);
  instance_reader_clear (&r);
  return builder;
}

SmMarket *
sm_instance_read_data (const char *data, size_t length, GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_instance_data (data, length, NULL, FALSE, 1, error);
}

SmMarket *
sm_instance_read_file (const char *path, GError **error)
{
  return sm_instance_read_file_threaded (path, 1, error);
}

SmMarket *
sm_instance_read_file_threaded (const char *path, int n_threads, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (n_threads >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autofree char *name = g_filename_display_name (path);
  GStatBuf st;
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode))
    return read_instance_file (path, name, n_threads, TRUE, error);
  /* A pipe is read whole first; anything else is refused by the load. */
  g_autoptr (GBytes) bytes = sm_text_file__load (path, error);
  if (bytes == NULL)
    return NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  return read_instance_data (data, length, name, TRUE, n_threads, error);
}

static void
write_list (SmTextWriter *w, char tag, int32_t index, const SmEdge *edges,
            int32_t n)
{
  sm_text_writer__put_char (w, tag);
  sm_text_writer__put_char (w, ' ');
  sm_text_writer__put_int (w, index);
  for (int32_t k = 0; k < n; k++)
    {
      sm_text_writer__put_char (w, ' ');
      sm_text_writer__put_int (w, edges[k].target);
    }
  sm_text_writer__put_char (w, '\n');
}

/* Writes position j's P-line with its ties: each run of two or more
 * applicants in one class in parentheses, "P 3 5 (7 9) 2". */
static void
write_tied_list (SmTextWriter *w, const SmMarket *mk, int32_t j)
{
  const int32_t *cls = mk->tie_class + mk->pos_off[j];
  const SmEdge *edges = mk->pos_edges + mk->pos_off[j];
  int32_t n = mk->pos_off[j + 1] - mk->pos_off[j];
  sm_text_writer__put_string (w, "P ");
  sm_text_writer__put_int (w, j);
  for (int32_t k = 0; k < n; k++)
    {
      gboolean opens = (k == 0 || cls[k - 1] != cls[k]) && k + 1 < n
                       && cls[k + 1] == cls[k];
      gboolean closes = k > 0 && cls[k - 1] == cls[k]
                        && (k + 1 == n || cls[k + 1] != cls[k]);
      sm_text_writer__put_string (w, opens ? " (" : " ");
      sm_text_writer__put_int (w, edges[k].target);
      if (closes)
        sm_text_writer__put_char (w, ')');
    }
  sm_text_writer__put_char (w, '\n');
}

gboolean
sm_instance_write (const SmMarket *market, FILE *stream, GError **error)
{
  SmTextWriter w;
  int32_t n_edges;

  g_return_val_if_fail (market != NULL, FALSE);
  g_return_val_if_fail (stream != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  int32_t n = sm_market_get_n_employees (market);
  int32_t m = sm_market_get_n_positions (market);
  sm_text_writer__init (&w, stream);
  gboolean tied = sm_market_has_ties (market);
  sm_text_writer__put_string (&w, tied ? "hr-instance 2\nemployees "
                                       : "hr-instance 1\nemployees ");
  sm_text_writer__put_int (&w, n);
  sm_text_writer__put_string (&w, "\npositions ");
  sm_text_writer__put_int (&w, m);
  sm_text_writer__put_string (&w, "\ncapacity");
  for (int32_t j = 0; j < m; j++)
    {
      sm_text_writer__put_char (&w, ' ');
      sm_text_writer__put_int (&w, sm_market_get_seats (market, j));
    }
  sm_text_writer__put_char (&w, '\n');
  for (int32_t i = 0; i < n; i++)
    {
      const SmEdge *e = sm_market_get_employee_edges (market, i, &n_edges);
      write_list (&w, 'E', i, e, n_edges);
    }
  for (int32_t j = 0; j < m; j++)
    {
      const SmEdge *e = sm_market_get_position_edges (market, j, &n_edges);
      if (tied)
        write_tied_list (&w, market, j);
      else
        write_list (&w, 'P', j, e, n_edges);
    }
  return sm_text_writer__finish (&w, "instance", error);
}

static gboolean
write_instance_func (gconstpointer object, FILE *stream, GError **error)
{
  return sm_instance_write (object, stream, error);
}

gboolean
sm_instance_write_file (const SmMarket *market, const char *path,
                        GError **error)
{
  g_return_val_if_fail (market != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return sm_text_file__replace (path, write_instance_func, market, error);
}
