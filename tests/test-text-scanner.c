/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: the scanner of the plain formats
 * (lib/io/text-scanner-private.h).
 *
 * Lists of numbers are read eight bytes at a time where eight bytes are
 * left, and a byte at a time near the end of the data and for numbers of
 * eight digits or more. Random lines with numbers of every length, blanks
 * of every kind and bad tokens, each in a buffer of exactly its size (so
 * that AddressSanitizer sees any read past its end), must read as a plain
 * reference reads them: the same numbers, or the same error. */
#include "test-util.h"
#include "io/text-scanner-private.h"

#include <string.h>

/* What reading a line's list must give. */
typedef struct {
  gboolean ok;
  SmError code; /* when not ok */
  GArray *values;
} Expected;

/* Appends one token to @line and says what it holds: a number, a
 * negative number, or something that is not a number. */
static void
append_token (GString *line, GRand *rand, Expected *expected, int32_t max)
{
  int kind = g_rand_int_range (rand, 0, 20);
  int digits = g_rand_int_range (rand, 1, 11);
  int64_t value = 0;
  if (kind == 0)
    g_string_append_c (line, '-');
  for (int d = 0; d < digits; d++)
    {
      int digit = g_rand_int_range (rand, d == 0 && kind == 0 ? 1 : 0, 10);
      g_string_append_c (line, (char) ('0' + digit));
      value = value * 10 + digit;
    }
  if (kind == 1)
    {
      /* Bytes next to the digits' range, and one that carries when 6 is
       * added to it. */
      static const char glued[] = "x(-#/:;?\xff";
      g_string_append_c (line,
                         glued[g_rand_int_range (rand, 0, sizeof glued - 1)]);
    }
  if (!expected->ok)
    return;
  if (kind == 1)
    {
      expected->ok = FALSE;
      expected->code = SM_ERROR_PARSE;
    }
  else if (kind == 0 || value >= max)
    {
      expected->ok = FALSE;
      expected->code = SM_ERROR_INDEX_OUT_OF_RANGE;
    }
  else
    {
      int32_t v = (int32_t) value;
      g_array_append_val (expected->values, v);
    }
}

static void
append_blanks (GString *line, GRand *rand, int least)
{
  int n = g_rand_int_range (rand, least, 4);
  for (int k = 0; k < n; k++)
    g_string_append_c (line, " \t\r"[g_rand_int_range (rand, 0, 3)]);
}

/* One random line; *@line_end gets the offset where the list must stop
 * (its newline, or the end of the text). */
static GString *
random_line (GRand *rand, Expected *expected, int32_t max, size_t *line_end)
{
  GString *line = g_string_new (NULL);
  int n = g_rand_int_range (rand, 0, 13);
  append_blanks (line, rand, 0);
  for (int t = 0; t < n; t++)
    {
      if (t > 0)
        append_blanks (line, rand, 1);
      append_token (line, rand, expected, max);
    }
  append_blanks (line, rand, 0);
  *line_end = line->len;
  int ending = g_rand_int_range (rand, 0, 3);
  if (ending > 0)
    g_string_append (line, "\n");
  if (ending > 1)
    g_string_append (line, "E 12345678 9\n");
  return line;
}

static void
test_lists_of_numbers (void)
{
  static const int32_t maxes[] = { 1000, 100000, 10000000, INT32_MAX };
  GRand *rand = g_rand_new_with_seed (41);
  int32_t *buffer = NULL;
  size_t capacity = 0;
  int n_ok = 0, n_failed = 0;

  for (int trial = 0; trial < 20000; trial++)
    {
      int32_t max = maxes[g_rand_int_range (rand, 0, G_N_ELEMENTS (maxes))];
      Expected expected = { TRUE, 0, g_array_new (FALSE, FALSE, 4) };
      size_t line_end = 0;
      g_autoptr (GString) line = random_line (rand, &expected, max, &line_end);
      /* Exactly the line's bytes, nothing after them to read by mistake. */
      g_autofree char *data = g_malloc (MAX (line->len, 1));
      memcpy (data, line->str, line->len);
      SmTextScanner s;
      GError *error = NULL;
      size_t n = 0;
      sm_text_scanner__init (&s, data, line->len, NULL);
      gboolean ok = sm_text_scanner__read_index_list (&s, 0, max, "position",
                                                      &buffer, &capacity, &n,
                                                      &error);
      CU_ASSERT_EQUAL (ok, expected.ok);
      if (ok && expected.ok)
        {
          n_ok++;
          CU_ASSERT_EQUAL (n, expected.values->len);
          for (guint k = 0; k < MIN (n, expected.values->len); k++)
            CU_ASSERT_EQUAL (buffer[k],
                             g_array_index (expected.values, int32_t, k));
          CU_ASSERT_EQUAL ((size_t) (s.p - data), line_end);
        }
      else if (!ok && !expected.ok)
        {
          n_failed++;
          SM_ASSERT_ERROR (error, expected.code);
        }
      g_clear_error (&error);
      g_array_unref (expected.values);
    }
  /* Both outcomes are well represented. */
  CU_ASSERT (n_ok > 2000);
  CU_ASSERT (n_failed > 2000);
  g_free (buffer);
  g_rand_free (rand);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "lists of numbers of every length", test_lists_of_numbers },
    { NULL, NULL },
  };

  return sm_test_run_suite ("text-scanner", cases);
}
