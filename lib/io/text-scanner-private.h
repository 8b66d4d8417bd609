/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: private helpers for the plain text formats
 * (docs/instance-format.md).
 *
 * SmTextScanner reads a memory buffer (not NUL-terminated) record by
 * record: a record is one line; blank lines and lines whose first
 * non-blank character is '#' are skipped, and every token is read without
 * crossing a line end, so the scanner always knows the line it is on and
 * every error can name it. Numbers are parsed by hand (no strtol, no
 * allocation per token) because benchmark files reach hundreds of MB.
 *
 * SmTextWriter is the matching buffered writer. The readers and writers
 * of the plain formats (instance.c, solution.c) use both; they load and
 * replace their files with the helpers of file-private.h, like every
 * other reader and writer. Not installed. */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <glib.h>
#include <staffmatch/error.h>

typedef struct {
  const char *p;      /* next byte to read */
  const char *end;    /* one past the last byte */
  int64_t line;       /* line of p, counted from 1 */
  const char *origin; /* file name for messages (UTF-8), or NULL */
} SmTextScanner;

/* Blanks separate tokens on a line: space, tab and carriage return (so
 * CRLF files read alike). */
static inline gboolean
sm_text_scanner__is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\r';
}

/* What may end a token: a blank or the line's end. */
static inline gboolean
sm_text_scanner__is_separator (char c)
{
  return sm_text_scanner__is_blank (c) || c == '\n';
}

/* Starts scanning @length bytes at @data (NULL allows only length 0). A
 * leading UTF-8 byte order mark is skipped. With @origin, messages start
 * "ORIGIN:N: ", else "line N: "; @origin is borrowed. */
void sm_text_scanner__init (SmTextScanner *s, const char *data, size_t length,
                            const char *origin);

/* Moves to the first token of the next line that is not blank or a
 * comment and returns TRUE, or returns FALSE at the end of the data. Call
 * it only at the start of the data or after sm_text_scanner__end_line(). */
gboolean sm_text_scanner__next_line (SmTextScanner *s);

/* Whether only blanks are left on the current line. */
gboolean sm_text_scanner__at_line_end (SmTextScanner *s);

/* Reads the next token on the line (transfer none: points into the data)
 * and returns TRUE, or returns FALSE at the end of the line. */
gboolean sm_text_scanner__read_word (SmTextScanner *s, const char **word,
                                     size_t *length);

/* Reads the next token as a signed decimal integer into @out. Errors:
 * SM_ERROR_PARSE when the line ends, the token is not a number or does
 * not fit in 64 bits; @expected names the item, with its article ("a
 * count"), in the message. */
gboolean sm_text_scanner__read_int64 (SmTextScanner *s, const char *expected,
                                      int64_t *out, GError **error);

/* Reads the next token as a number that must lie in [@min, @max); @what
 * names the item ("employee"). Errors: SM_ERROR_INDEX_OUT_OF_RANGE, and
 * those of sm_text_scanner__read_int64(). */
gboolean sm_text_scanner__read_index (SmTextScanner *s, int32_t min,
                                      int32_t max, const char *what,
                                      int32_t *out, GError **error);

/* Reads the numbers up to the end of the line into *@buffer (grown as
 * needed, *@capacity entries; free with g_free()) and sets *@n_out. Each
 * must lie in [@min, @max): else SM_ERROR_INDEX_OUT_OF_RANGE; other
 * errors as sm_text_scanner__read_int64(). */
gboolean sm_text_scanner__read_index_list (SmTextScanner *s, int32_t min,
                                           int32_t max, const char *what,
                                           int32_t **buffer, size_t *capacity,
                                           size_t *n_out, GError **error);

/* Moves to the next line, which must start with the word @keyword.
 * Errors: SM_ERROR_PARSE when the data ends or the line starts otherwise. */
gboolean sm_text_scanner__expect_keyword (SmTextScanner *s, const char *keyword,
                                          GError **error);

/* Reads the first line, which must be "@magic @version" (such as
 * "hr-instance 1"). Errors: SM_ERROR_PARSE. */
gboolean sm_text_scanner__read_header (SmTextScanner *s, const char *magic,
                                       int64_t version, GError **error);

/* As sm_text_scanner__read_header(), accepting any version from
 * @min_version to @max_version; *@found gets the one read. */
gboolean sm_text_scanner__read_header_versions (SmTextScanner *s,
                                                const char *magic,
                                                int64_t min_version,
                                                int64_t max_version,
                                                int64_t *found, GError **error);

/* Checks that only blanks are left on the line and steps over its end.
 * Errors: SM_ERROR_PARSE naming the first extra token. */
gboolean sm_text_scanner__end_line (SmTextScanner *s, GError **error);

/* The line to name for problems found at the end of the data: the last
 * line of the file (at least 1). */
int64_t sm_text_scanner__get_last_line (const SmTextScanner *s);

/* A printable, shortened copy of a token (transfer full), for messages:
 * bytes other than printable ASCII become '?'. */
char *sm_text_scanner__describe (const char *word, size_t length);

/* Sets @error in SM_ERROR with @code and a message that starts with the
 * location of @line. */
void sm_text_scanner__set_error (const SmTextScanner *s, int64_t line,
                                 GError **error, SmError code,
                                 const char *format, ...) G_GNUC_PRINTF (5, 6);

/* Puts the location of @line before the message of a set @error. */
void sm_text_scanner__prefix_error (const SmTextScanner *s, int64_t line,
                                    GError **error);

/* A buffered writer onto a stdio stream that formats integers by hand.
 * Write errors are remembered and reported by sm_text_writer__finish(). */
typedef struct {
  FILE *stream;
  char *buf;
  size_t len;
  int saved_errno; /* 0 while every write succeeded */
} SmTextWriter;

void sm_text_writer__init (SmTextWriter *w, FILE *stream);
void sm_text_writer__put_string (SmTextWriter *w, const char *text);
void sm_text_writer__put_char (SmTextWriter *w, char c);
void sm_text_writer__put_int (SmTextWriter *w, int64_t value);

/* Flushes the buffer and the stream and frees the buffer. Errors:
 * SM_ERROR_IO "cannot write the @what: REASON". */
gboolean sm_text_writer__finish (SmTextWriter *w, const char *what,
                                 GError **error);
