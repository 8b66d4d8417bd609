/* staffmatch tests: the CSV dialect (lib/io/csv-private.h).
 *
 * The reader must take what spreadsheet programs export: either
 * delimiter, a byte-order mark, Windows-1252, quoted fields with
 * delimiters, doubled quotes and line breaks (with the line numbers of
 * later records still right), CRLF, blank lines; it must refuse an
 * unterminated quote, NUL bytes and broken UTF-8 after a byte-order mark,
 * naming the line. The writer must quote exactly what needs it and write
 * numbers that read back to the same double. */
#include "test-util.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "csv-private.h"

/* Reads @text, which must succeed. */
static SmCsvTable *
read_ok (const char *text, gsize length)
{
  GError *error = NULL;
  int32_t line = -1;
  SmCsvTable *table = sm_csv__read (text, length, &line, &error);
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
assert_read_error (const char *text, gsize length, int32_t want_line)
{
  GError *error = NULL;
  int32_t line = -1;
  SmCsvTable *table = sm_csv__read (text, length, &line, &error);
  CU_ASSERT_PTR_NULL (table);
  CU_ASSERT_EQUAL (line, want_line);
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
  assert_read_error (broken, sizeof broken - 1, 3);
  const char nul[] = "id;name\n1;x\0y\n";
  assert_read_error (nul, sizeof nul - 1, 2);
}

static void
test_quotes (void)
{
  const char text[] =
    "id;text;n\n"
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

  const char lone_cr[] = "a;b\n1;x\ry\n";
  g_autoptr (SmCsvTable) cr = read_ok (lone_cr, sizeof lone_cr - 1);
  assert_record (cr, 1, 2, "1", "x\ry", NULL);

  g_autoptr (SmCsvTable) empty = read_ok ("", 0);
  CU_ASSERT_EQUAL (empty->records->len, 0);
  g_autoptr (SmCsvTable) none = read_ok (NULL, 0);
  CU_ASSERT_EQUAL (none->records->len, 0);
}

static void
test_read_errors (void)
{
  const char open_quote[] = "a;b\n1;x\n2;\"never\nclosed;\n3;z\n";
  assert_read_error (open_quote, sizeof open_quote - 1, 3);
  const char after[] = "a;b\n1;\"x\"\n2;\"x\"y\n";
  assert_read_error (after, sizeof after - 1, 3);
  const char after_break[] = "a;b\n1;\"x\ny\"z\n";
  assert_read_error (after_break, sizeof after_break - 1, 3);
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
  CU_ASSERT_STRING_EQUAL (semi.out->str,
                          "id;text;n\n"
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
    { "unterminated quote and text after a quote", test_read_errors },
    { "numbers and booleans", test_parse_values },
    { "shortest round-tripping decimals", test_format_double },
    { "writer quoting, read back with both delimiters", test_writer },
    { "writer saves atomically", test_writer_save },
    { NULL, NULL },
  };
  return sm_test_run_suite ("csv", cases);
}
