/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch fuzzing and tests: counting the items of a JSON scenario
 * without the loader.
 *
 * A scenario that loads must hold as many employees and applications as
 * its document lists: nothing may be lost on the way (a member given
 * twice, a second document, an element skipped). To check that, the
 * elements are counted here by a plain pass over the bytes that shares
 * nothing with the library's reader, its pre-parse check or json-glib:
 * every member of the top-level object with the given name counts, so a
 * name given twice counts twice. Used by fuzz-scenario-json.c and
 * test-scenario-json.c on text that loaded (so it is valid JSON, perhaps
 * with block comments and a byte order mark); header-only so that both
 * build it without another source file.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Steps over a string at @p (at its opening quote); its decoded bytes go
 * to @key when it fits (escapes \uXXXX beyond ASCII become '?'). */
static inline const char *
sm_json_count__string (const char *p, const char *end, char *key, size_t size)
{
  size_t n = 0;
  for (p++; p < end && *p != '"'; p++)
    {
      char ch = *p;
      if (ch == '\\' && p + 1 < end)
        {
          static const char from[] = "bfnrt", to[] = "\b\f\n\r\t";
          const char *simple = strchr (from, p[1]);
          ch = p[1];
          if (p[1] == 'u' && end - p >= 6)
            {
              unsigned value = 0;
              for (int k = 2; k < 6; k++)
                {
                  char h = p[k];
                  value = value * 16
                          + (unsigned) (h <= '9' ? h - '0'
                                                 : (h | 0x20) - 'a' + 10);
                }
              ch = value < 0x80 ? (char) value : '?';
              p += 4;
            }
          else if (simple != NULL && p[1] != '\0')
            ch = to[simple - from];
          p++;
        }
      if (key != NULL && n + 1 < size)
        key[n++] = ch;
    }
  if (key != NULL)
    key[n] = '\0';
  return p < end ? p + 1 : end;
}

/* The number of elements of every list that is the value of a member
 * named @member of the top-level object of @text. */
static inline int64_t
sm_json_count_elements (const char *text, size_t length, const char *member)
{
  const char *p = text, *end = text + length;
  int depth = 0;
  int expect_key = 0; /* at depth 1: the next string is a name */
  int matched = 0;    /* the name just read is @member */
  int counting = 0;   /* inside a list that counts, at depth 2 */
  int empty = 0;      /* that list has no element yet */
  int64_t total = 0;
  char key[64];
  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end)
    {
      char ch = *p;
      if (ch == '/' && p + 1 < end && p[1] == '*')
        {
          const char *close = p + 2;
          while (close + 1 < end && !(close[0] == '*' && close[1] == '/'))
            close++;
          p = close + 2;
          continue;
        }
      if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r')
        {
          p++;
          continue;
        }
      if (counting && empty && ch != ']')
        {
          total++;
          empty = 0;
        }
      if (ch == '"')
        {
          int is_key = depth == 1 && expect_key;
          p = sm_json_count__string (p, end, is_key ? key : NULL, sizeof key);
          if (is_key)
            {
              matched = strcmp (key, member) == 0;
              expect_key = 0;
            }
          continue;
        }
      if (ch == '{' || ch == '[')
        {
          if (depth == 1 && ch == '[' && matched)
            {
              counting = 1;
              empty = 1;
            }
          depth++;
          expect_key = depth == 1 && ch == '{';
        }
      else if (ch == '}' || ch == ']')
        {
          depth--;
          if (depth == 1)
            counting = 0;
        }
      else if (ch == ',')
        {
          if (depth == 1)
            {
              expect_key = 1;
              matched = 0;
            }
          else if (depth == 2 && counting)
            total++;
        }
      p++;
    }
  return total;
}
