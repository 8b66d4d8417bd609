/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: the CSV dialect (lib/io/csv-private.h).
 *
 * The reader must take what spreadsheet programs export: either
 * delimiter, a byte-order mark, Windows-1252, quoted fields with
 * delimiters, doubled quotes and line breaks (with the line numbers of
 * later records still right, and the line where each field starts),
 * CRLF, CR alone, blank lines; it must refuse an unterminated quote, NUL
 * bytes, broken UTF-8 after a byte-order mark and UTF-8 mixed with other
 * bytes, naming the line and the cell, without converting a file that is
 * only partly Windows-1252. The writer must quote exactly what needs it,
 * guard text that a spreadsheet would run as a formula so that it reads
 * back as written, and write numbers that read back to the same
 * double. */
#include "test-util.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "io/csv-private.h"

/* Reads @text, which must succeed. */
static SmCsvTable *
read_ok (const char *text, gsize length)
{
  GError *error = NULL;
  int32_t line = -1;
  int32_t column = -1;
  SmCsvTable *table = sm_csv__read (text, length, &line, &column, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (table);
  return table;
}

static const SmCsvRecord *
record (const SmCsvTable *table, guint index)
{
  CU_ASSERT_FATAL (index < table->records->len);
  return &g_array_index (table->records, SmCsvRecord, index);
}

/* Asserts the fields of record @index, given as a NULL-terminated list. */
static void
assert_record (const SmCsvTable *table, guint index, int32_t line, ...)
{
  const SmCsvRecord *r = record (table, index);
  va_list args;
  int32_t k = 0;
  CU_ASSERT_EQUAL (r->line, line);
  va_start (args, line);
  for (const char *want; (want = va_arg (args, const char *)) != NULL; k++)
    {
      CU_ASSERT_FATAL (k < r->n_fields);
      CU_ASSERT_STRING_EQUAL (r->fields[k], want);
    }
  va_end (args);
  CU_ASSERT_EQUAL (r->n_fields, k);
  CU_ASSERT_PTR_NULL (r->fields[k]);
}

static void
assert_read_error (const char *text, gsize length, int32_t want_line,
                   int32_t want_column)
{
  GError *error = NULL;
  int32_t line = -1;
  int32_t column = -1;
  SmCsvTable *table = sm_csv__read (text, length, &line, &column, &error);
  CU_ASSERT_PTR_NULL (table);
  CU_ASSERT_EQUAL (line, want_line);
  CU_ASSERT_EQUAL (column, want_column);
  if (line != want_line || column != want_column)
    fprintf (stderr, "want %d:%d, got %d:%d\n", (int) want_line,
             (int) want_column, (int) line, (int) column);
  SM_ASSERT_ERROR (error, SM_ERROR_PARSE);
}

static void
test_delimiter (void)
{
  g_autoptr (SmCsvTable) semi = read_ok ("a;b,c\n1;2,5\n", 12);
  CU_ASSERT_EQUAL (semi->delimiter, ';');
  assert_record (semi, 1, 2, "1", "2,5", NULL);
  g_autoptr (SmCsvTable) comma = read_ok ("a,b\n1,\"2,5\"\n", 12);
  CU_ASSERT_EQUAL (comma->delimiter, ',');
  assert_record (comma, 1, 2, "1", "2,5", NULL);
  g_autoptr (SmCsvTable) quoted = read_ok ("\"a;x\",b\n1,2\n", 12);
  CU_ASSERT_EQUAL (quoted->delimiter, ',');
  g_autoptr (SmCsvTable) neither = read_ok ("a\n1,5\n", 6);
  CU_ASSERT_EQUAL (neither->delimiter, ';');
  assert_record (neither, 1, 2, "1,5", NULL);
  /* The header row is the first non-empty line, whatever its line end. */
  g_autoptr (SmCsvTable) late = read_ok ("\r\n\ra,b\n1,2\n", 11);
  CU_ASSERT_EQUAL (late->delimiter, ',');
  assert_record (late, 0, 3, "a", "b", NULL);
  /* A quote inside an unquoted cell opens nothing. */
  g_autoptr (SmCsvTable) inch = read_ok ("24\" screen;b,c\n", 15);
  CU_ASSERT_EQUAL (inch->delimiter, ';');
  assert_record (inch, 0, 1, "24\" screen", "b,c", NULL);
}

static void
test_bom_and_encoding (void)
{
  const char bom[] = "\xEF\xBB\xBFid;name\n1;Ren\xC3\xA9\n";
  g_autoptr (SmCsvTable) utf8 = read_ok (bom, sizeof bom - 1);
  CU_ASSERT_FALSE (utf8->from_windows_1252);
  assert_record (utf8, 0, 1, "id", "name", NULL);
  assert_record (utf8, 1, 2, "1", "Ren\xC3\xA9", NULL);

  const char cp1252[] = "id;name\n1;Ren\xE9\n2;\x80 5\n";
  g_autoptr (SmCsvTable) converted = read_ok (cp1252, sizeof cp1252 - 1);
  CU_ASSERT_TRUE (converted->from_windows_1252);
  assert_record (converted, 1, 2, "1", "Ren\xC3\xA9", NULL);
  assert_record (converted, 2, 3, "2", "\xE2\x82\xAC 5", NULL);

  const char broken[] = "\xEF\xBB\xBFid;name\n1;x\n2;Ren\xE9\n";
  assert_read_error (broken, sizeof broken - 1, 3, 2);
  const char nul[] = "id;name\n1;x\0y\n";
  assert_read_error (nul, sizeof nul - 1, 2, 2);
}

/* One Windows-1252 byte in a UTF-8 file: refused at its line and cell,
 * never converted (which would turn every "ü" into "Ã¼"). */
static void
test_mixed_encoding (void)
{
  const char mixed[] = "id,name,unit\n1,M\xC3\xBCller,a\n"
                       "2,\"x,\ny\",b\n3,c,Ren\xE9\n";
  assert_read_error (mixed, sizeof mixed - 1, 5, 3);
  /* a Windows-1252 byte before the first UTF-8 character: still mixed */
  const char early[] = "id;name\r\n1;Ren\xE9\r\n2;M\xC3\xBCller\r\n";
  assert_read_error (early, sizeof early - 1, 2, 2);
  /* 0x81 is no Windows-1252 character */
  const char undefined[] = "id;name\n1;\xE9\n2;a\x81\n";
  assert_read_error (undefined, sizeof undefined - 1, 3, 2);
  /* consistently Windows-1252, with a byte that UTF-8 would take as a
   * lead byte: converted */
  const char cp1252[] = "id;name\n1;M\xFCller \xC3\n";
  g_autoptr (SmCsvTable) t = read_ok (cp1252, sizeof cp1252 - 1);
  CU_ASSERT_TRUE (t->from_windows_1252);
  assert_record (t, 1, 2, "1", "M\xC3\xBCller \xC3\x83", NULL);
}

static void
test_quotes (void)
{
  const char text[] = "id;text;n\n"
                      "1;\"a;b\";\"say \"\"hi\"\"\"\n"
                      "2;\"two\nlines\r\nthree\";x\n"
                      "3;  padded  ;\"  kept  \"\n"
                      "4;24\" screen; \"q\" \n";
  g_autoptr (SmCsvTable) t = read_ok (text, sizeof text - 1);
  CU_ASSERT_EQUAL (t->records->len, 5);
  assert_record (t, 1, 2, "1", "a;b", "say \"hi\"", NULL);
  assert_record (t, 2, 3, "2", "two\nlines\nthree", "x", NULL);
  assert_record (t, 3, 6, "3", "padded", "  kept  ", NULL);
  assert_record (t, 4, 7, "4", "24\" screen", "q", NULL);
}

static void
test_line_ends (void)
{
  const char text[] = "a;b\r\n\r\n1;\r\n\n2;x\r\n;\r\n3;y";
  g_autoptr (SmCsvTable) t = read_ok (text, sizeof text - 1);
  CU_ASSERT_EQUAL (t->records->len, 5);
  assert_record (t, 0, 1, "a", "b", NULL);
  assert_record (t, 1, 3, "1", "", NULL);
  assert_record (t, 2, 5, "2", "x", NULL);
  assert_record (t, 3, 6, "", "", NULL);
  CU_ASSERT_TRUE (sm_csv__record_is_blank (record (t, 3)));
  CU_ASSERT_FALSE (sm_csv__record_is_blank (record (t, 2)));
  assert_record (t, 4, 7, "3", "y", NULL);

  /* A lone CR ends a line, as old Mac spreadsheets write them; inside
   * quotes it is kept, and counted as a line. */
  const char lone_cr[] = "a;b\n1;x\ry\n";
  g_autoptr (SmCsvTable) cr = read_ok (lone_cr, sizeof lone_cr - 1);
  CU_ASSERT_EQUAL (cr->records->len, 3);
  assert_record (cr, 1, 2, "1", "x", NULL);
  assert_record (cr, 2, 3, "y", NULL);
  const char mac[] = "id;name\r1;\"a\rb\"\r\r2;c\r";
  g_autoptr (SmCsvTable) m = read_ok (mac, sizeof mac - 1);
  CU_ASSERT_EQUAL (m->records->len, 3);
  assert_record (m, 0, 1, "id", "name", NULL);
  assert_record (m, 1, 2, "1", "a\rb", NULL);
  assert_record (m, 2, 5, "2", "c", NULL);

  g_autoptr (SmCsvTable) empty = read_ok ("", 0);
  CU_ASSERT_EQUAL (empty->records->len, 0);
  g_autoptr (SmCsvTable) none = read_ok (NULL, 0);
  CU_ASSERT_EQUAL (none->records->len, 0);
}

/* Each field knows the line where it starts, so that the loader can name
 * where a quote opened and where it closed. */
static void
test_field_lines (void)
{
  const char text[] = "id;name;n\r\n1;\"Jan\r\n2;Piet;7\r\n3;Kees\";8\r\n"
                      "4;x;9\r\n";
  g_autoptr (SmCsvTable) t = read_ok (text, sizeof text - 1);
  CU_ASSERT_EQUAL (t->records->len, 3);
  assert_record (t, 1, 2, "1", "Jan\n2;Piet;7\n3;Kees", "8", NULL);
  const SmCsvRecord *r = record (t, 1);
  CU_ASSERT_EQUAL (r->lines[0], 2);
  CU_ASSERT_EQUAL (r->lines[1], 2);
  CU_ASSERT_EQUAL (r->lines[2], 4);
  assert_record (t, 2, 5, "4", "x", "9", NULL);
  CU_ASSERT_EQUAL (record (t, 2)->lines[2], 5);
}

static void
test_read_errors (void)
{
  const char open_quote[] = "a;b\n1;x\n2;\"never\nclosed;\n3;z\n";
  assert_read_error (open_quote, sizeof open_quote - 1, 3, 2);
  const char after[] = "a;b\n1;\"x\"\n2;\"x\"y\n";
  assert_read_error (after, sizeof after - 1, 3, 2);
  /* across lines: located where the quote opened; the message names the
   * line where it closed */
  const char after_break[] = "a;b;c\n1;2;\"x\ny\n\"z\n";
  assert_read_error (after_break, sizeof after_break - 1, 2, 3);
  GError *error = NULL;
  int32_t line = -1, column = -1;
  CU_ASSERT_PTR_NULL (sm_csv__read (after_break, sizeof after_break - 1, &line,
                                    &column, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "closes on line 4"));
  g_clear_error (&error);
}

/* Text that a spreadsheet would run as a formula is written after a
 * single quote, which the reader takes off: every text reads back as
 * written; numbers are left alone. */
static void
test_formula_guard (void)
{
  static const char *const texts[] = {
    "=HYPERLINK(\"http://x\")",
    "+31 6",
    "-x",
    "@SUM(A1)",
    "\tx",
    "\rx",
    "'=x",
    "''-x",
    "'x",
    "'",
    "x=1",
    "=",
    "-",
  };
  static const char *const written[] = {
    "\"'=HYPERLINK(\"\"http://x\"\")\"",
    "'+31 6",
    "'-x",
    "'@SUM(A1)",
    "'\tx",
    "\"'\rx\"",
    "''=x",
    "'''-x",
    "'x",
    "'",
    "x=1",
    "'=",
    "'-",
  };
  for (size_t k = 0; k < G_N_ELEMENTS (texts); k++)
    {
      SmCsvWriter w;
      sm_csv__writer_init (&w, ';');
      sm_csv__put_text (&w, texts[k]);
      CU_ASSERT_STRING_EQUAL (w.out->str, written[k]);
      sm_csv__put_int (&w, -7);
      sm_csv__put_double (&w, -0.5);
      sm_csv__end_row (&w);
      g_autofree char *want = g_strconcat (written[k], ";-7;-0.5\n", NULL);
      CU_ASSERT_STRING_EQUAL (w.out->str, want);
      g_autoptr (SmCsvTable) t = read_ok (w.out->str, w.out->len);
      CU_ASSERT_EQUAL_FATAL (t->records->len, 1);
      CU_ASSERT_STRING_EQUAL (record (t, 0)->fields[0], texts[k]);
      CU_ASSERT_STRING_EQUAL (record (t, 0)->fields[1], "-7");
      CU_ASSERT_STRING_EQUAL (record (t, 0)->fields[2], "-0.5");
      sm_csv__writer_clear (&w);
    }

  /* Random texts over the characters that matter read back unchanged
   * (but for CRLF, which a quoted field reads as LF, as spreadsheets
   * mean it). */
  static const char alphabet[] = "'=+-@\t\r\n\";, ax";
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);
  for (int round = 0; round < 3000; round++)
    {
      char text[8];
      int n = g_rand_int_range (rand, 1, (int) sizeof text);
      for (int i = 0; i < n - 1; i++)
        text[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      text[n - 1] = '\0';
      if (strstr (text, "\r\n") != NULL)
        continue;
      SmCsvWriter one;
      sm_csv__writer_init (&one, round % 2 ? ',' : ';');
      sm_csv__put_text (&one, "k");
      sm_csv__put_text (&one, "v");
      sm_csv__end_row (&one);
      sm_csv__put_text (&one, "k");
      sm_csv__put_text (&one, text);
      sm_csv__end_row (&one);
      g_autoptr (SmCsvTable) t = read_ok (one.out->str, one.out->len);
      CU_ASSERT_EQUAL_FATAL (t->records->len, 2);
      CU_ASSERT_STRING_EQUAL (record (t, 1)->fields[1], text);
      sm_csv__writer_clear (&one);
    }
}

/* A line break in a column that may not hold one is written, and its
 * place kept, so that the saver can refuse the table. */
static void
test_writer_line_breaks (void)
{
  SmCsvWriter w;
  sm_csv__writer_init (&w, ';');
  w.multiline = 1u << 1;
  sm_csv__put_text (&w, "id");
  sm_csv__put_text (&w, "text");
  sm_csv__end_row (&w);
  sm_csv__put_text (&w, "a");
  sm_csv__put_text (&w, "two\nlines");
  sm_csv__end_row (&w);
  CU_ASSERT_EQUAL (w.broken_row, 0);
  sm_csv__put_text (&w, "b\rc");
  sm_csv__put_text (&w, "x");
  sm_csv__end_row (&w);
  sm_csv__put_text (&w, "d\ne");
  sm_csv__end_row (&w);
  CU_ASSERT_EQUAL (w.broken_row, 3);
  CU_ASSERT_EQUAL (w.broken_column, 1);
  sm_csv__writer_clear (&w);
}

static void
test_parse_values (void)
{
  double d = 0.0;
  int64_t i = 0;
  gboolean b = FALSE;

  CU_ASSERT_TRUE (sm_csv__parse_double ("0,8", &d) && d == 0.8);
  CU_ASSERT_TRUE (sm_csv__parse_double (" 0.8 ", &d) && d == 0.8);
  CU_ASSERT_TRUE (sm_csv__parse_double ("-12", &d) && d == -12.0);
  CU_ASSERT_TRUE (sm_csv__parse_double ("1e-05", &d) && d == 1e-5);
  static const char *const not_doubles[] = {
    "", " ", "1.2.3", "1.234,5", "abc", "inf", "nan", "0x10", "1 000", "e5",
  };
  for (size_t k = 0; k < G_N_ELEMENTS (not_doubles); k++)
    CU_ASSERT_FALSE (sm_csv__parse_double (not_doubles[k], &d));

  CU_ASSERT_TRUE (sm_csv__parse_int (" 42 ", 0, 100, &i) && i == 42);
  CU_ASSERT_TRUE (sm_csv__parse_int ("-1", -1, 100, &i) && i == -1);
  CU_ASSERT_FALSE (sm_csv__parse_int ("101", 0, 100, &i));
  CU_ASSERT_FALSE (sm_csv__parse_int ("+5", 0, 100, &i));
  CU_ASSERT_FALSE (sm_csv__parse_int ("1,0", 0, 100, &i));
  CU_ASSERT_FALSE (sm_csv__parse_int ("", 0, 100, &i));

  static const char *const yes[] = { "yes", "Ja", "TRUE", "1", " ja " };
  static const char *const no[] = { "no", "Nee", "false", "0" };
  for (size_t k = 0; k < G_N_ELEMENTS (yes); k++)
    CU_ASSERT_TRUE (sm_csv__parse_bool (yes[k], &b) && b);
  for (size_t k = 0; k < G_N_ELEMENTS (no); k++)
    CU_ASSERT_TRUE (sm_csv__parse_bool (no[k], &b) && !b);
  CU_ASSERT_FALSE (sm_csv__parse_bool ("misschien", &b));
  CU_ASSERT_FALSE (sm_csv__parse_bool ("", &b));
}

static void
assert_format (double value, const char *want)
{
  g_autofree char *text = sm_csv__format_double (value);
  CU_ASSERT_STRING_EQUAL (text, want);
}

static void
test_format_double (void)
{
  assert_format (1.0, "1");
  assert_format (0.8, "0.8");
  assert_format (0.1 + 0.2, "0.30000000000000004");
  assert_format (-12.5, "-12.5");
  assert_format (1e-5, "1e-05");
  assert_format (1e300, "1e+300");

  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  for (int k = 0; k < 2000; k++)
    {
      double value = g_rand_double_range (rand, -1e6, 1e6);
      if (k % 3 == 0)
        value = ldexp (value, g_rand_int_range (rand, -60, 60));
      g_autofree char *text = sm_csv__format_double (value);
      double back = 0.0;
      CU_ASSERT_TRUE (sm_csv__parse_double (text, &back));
      CU_ASSERT_EQUAL (back, value);
      CU_ASSERT_PTR_NULL (strchr (text, ','));
    }
}

static void
write_sample (SmCsvWriter *w)
{
  static const SmDate date = { 2018, 10, 1 };
  static const SmDate unset = { 0, 0, 0 };
  sm_csv__put_text (w, "id");
  sm_csv__put_text (w, "text");
  sm_csv__put_text (w, "n");
  sm_csv__end_row (w);
  sm_csv__put_text (w, "plain");
  sm_csv__put_text (w, "a;b,c \"q\"\nnext");
  sm_csv__put_double (w, 0.8);
  sm_csv__end_row (w);
  sm_csv__put_text (w, " lead");
  sm_csv__put_text (w, NULL);
  sm_csv__put_int (w, -7);
  sm_csv__end_row (w);
  sm_csv__put_date (w, date);
  sm_csv__put_date (w, unset);
  sm_csv__put_text (w, "x\ry");
  sm_csv__end_row (w);
}

static void
test_writer (void)
{
  SmCsvWriter semi, comma;
  sm_csv__writer_init (&semi, ';');
  write_sample (&semi);
  CU_ASSERT_STRING_EQUAL (semi.out->str, "id;text;n\n"
                                         "plain;\"a;b,c \"\"q\"\"\nnext\";0.8\n"
                                         "\" lead\";;-7\n"
                                         "2018-10-01;;\"x\ry\"\n");
  sm_csv__writer_init (&comma, ',');
  write_sample (&comma);
  CU_ASSERT_STRING_EQUAL (comma.out->str,
                          "id,text,n\n"
                          "plain,\"a;b,c \"\"q\"\"\nnext\",0.8\n"
                          "\" lead\",,-7\n"
                          "2018-10-01,,\"x\ry\"\n");
  SmCsvWriter *writers[] = { &semi, &comma };
  for (size_t k = 0; k < G_N_ELEMENTS (writers); k++)
    {
      GString *out = writers[k]->out;
      g_autoptr (SmCsvTable) t = read_ok (out->str, out->len);
      CU_ASSERT_EQUAL (t->delimiter, writers[k]->delimiter);
      assert_record (t, 1, 2, "plain", "a;b,c \"q\"\nnext", "0.8", NULL);
      assert_record (t, 2, 4, " lead", "", "-7", NULL);
      assert_record (t, 3, 5, "2018-10-01", "", "x\ry", NULL);
      sm_csv__writer_clear (writers[k]);
    }
}

static void
test_writer_save (void)
{
  GError *error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sm-csv-XXXXXX", &error);
  SM_ASSERT_NO_ERROR (error);
  g_autofree char *path = g_build_filename (dir, "t.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "t.csv", NULL);
  SmCsvWriter w;
  sm_csv__writer_init (&w, ';');
  write_sample (&w);
  CU_ASSERT_TRUE (sm_csv__writer_save (&w, path, &error));
  SM_ASSERT_NO_ERROR (error);
  g_autofree char *back = NULL;
  gsize length = 0;
  CU_ASSERT_TRUE (g_file_get_contents (path, &back, &length, NULL));
  CU_ASSERT_EQUAL (length, w.out->len);
  CU_ASSERT_STRING_EQUAL (back, w.out->str);
  CU_ASSERT_FALSE (sm_csv__writer_save (&w, missing, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_IO);
  sm_csv__writer_clear (&w);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "delimiter detected from the header", test_delimiter },
    { "byte-order mark, UTF-8 and Windows-1252", test_bom_and_encoding },
    { "quoted fields and blanks", test_quotes },
    { "line ends, empty lines and line numbers", test_line_ends },
    { "UTF-8 mixed with other bytes", test_mixed_encoding },
    { "the line where each field starts", test_field_lines },
    { "unterminated quote and text after a quote", test_read_errors },
    { "formulas guarded on write, unguarded on read", test_formula_guard },
    { "a line break where a column holds none", test_writer_line_breaks },
    { "numbers and booleans", test_parse_values },
    { "shortest round-tripping decimals", test_format_double },
    { "writer quoting, read back with both delimiters", test_writer },
    { "writer saves atomically", test_writer_save },
    { NULL, NULL },
  };
  return sm_test_run_suite ("csv", cases);
}
