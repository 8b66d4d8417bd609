/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: what a spreadsheet does to CSV tables, and what the
 * loader says about it (io.h).
 *
 * Each case starts from a copy of data/csv/small/ and makes one change a
 * spreadsheet makes: a date exported as its serial number (41456) or with
 * a two-digit year (01-07-13, LibreOffice's Dutch default), an
 * identifier shown in scientific notation (1,0143E+11), leading zeros
 * dropped in one table but not in another, a file named Employees.CSV, a
 * table saved as Excel's "Unicode text" (UTF-16, tabs) in employees.txt,
 * an extra column of remarks, a misspelt column, a single table given
 * where a scenario was expected. Each must give its own message, with
 * its exact code and place, and never the value of a date; what can be
 * read must load to the same scenario as the clean copy. */
#include "test-util.h"

#include <string.h>
#include <glib/gstdio.h>

#define SMALL_DIR "data/csv/small"

static const char *const small_files[] = {
  "organisations.csv",     "units.csv",        "positions.csv",
  "employees.csv",         "applications.csv", "function-relations.csv",
  "manual-placements.csv",
};

static void
remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A copy of data/csv/small/ (transfer full). */
static char *
copy_small (void)
{
  char *dir = sm_test_make_temp_dir ();
  for (size_t k = 0; k < G_N_ELEMENTS (small_files); k++)
    {
      g_autofree char *from = g_build_filename (SMALL_DIR, small_files[k],
                                                NULL);
      g_autofree char *to = g_build_filename (dir, small_files[k], NULL);
      g_autofree char *text = NULL;
      gsize n;
      CU_ASSERT_TRUE_FATAL (g_file_get_contents (from, &text, &n, NULL));
      CU_ASSERT_TRUE_FATAL (g_file_set_contents (to, text, (gssize) n, NULL));
    }
  return dir;
}

/* Replaces the first @from in @dir/@file by @to. */
static void
edit (const char *dir, const char *file, const char *from, const char *to)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *text = NULL;
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &text, NULL, NULL));
  char *at = strstr (text, from);
  CU_ASSERT_PTR_NOT_NULL_FATAL (at);
  *at = '\0';
  g_autofree char *changed = g_strconcat (text, to, at + strlen (from), NULL);
  CU_ASSERT_TRUE (g_file_set_contents (path, changed, -1, NULL));
}

/* Loads @dir, which must fail with @code; the first problem must read
 * "@dir/@where" and hold @says; no message may hold @secret. */
static void
fails_with (const char *dir, SmError code, const char *where, const char *says,
            const char *secret)
{
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  GError *error = NULL;
  g_autoptr (SmScenario) s = sm_scenario_load (dir, problems, &error);
  CU_ASSERT_PTR_NULL (s);
  g_autofree char *text = sm_problem_list_format (problems);
  g_autofree char *want = g_strconcat (dir, "/", where, NULL);
  if (!g_str_has_prefix (text, want) || strstr (text, says) == NULL)
    fprintf (stderr, "want '%s' ... '%s', got '%s'\n", want, says, text);
  CU_ASSERT_TRUE (g_str_has_prefix (text, want));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, says));
  if (secret != NULL)
    CU_ASSERT_PTR_NULL (strstr (text, secret));
  SM_ASSERT_ERROR (error, code);
}

static char *
checksum (const char *dir)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = sm_scenario_load (dir, NULL, &error);
  SM_ASSERT_NO_ERROR (error);
  return sm_scenario_checksum (s);
}

static void
test_date_serial (void)
{
  g_autofree char *dir = copy_small ();
  edit (dir, "employees.csv", "1980-01-01", "29221");
  fails_with (dir, SM_ERROR_INVALID_VALUE,
              "employees.csv:3:8: birth_date: ", "date serial number", "29221");
  remove_tree (dir);
}

static void
test_two_digit_year (void)
{
  g_autofree char *dir = copy_small ();
  edit (dir, "employees.csv", "2010-01-01", "01-01-10");
  fails_with (dir, SM_ERROR_INVALID_VALUE,
              "employees.csv:3:7: service_start: ", "The year has two digits",
              "01-01-10");
  remove_tree (dir);
}

/* A year-first date that is no real day is just that: its last group of
 * two digits is the day, not a two-digit year. */
static void
test_iso_date_not_two_digit_year (void)
{
  g_autofree char *dir = copy_small ();
  edit (dir, "employees.csv", "2010-01-01", "2010-02-31");
  fails_with (dir, SM_ERROR_INVALID_VALUE,
              "employees.csv:3:7: service_start: ", "Not a real day", NULL);
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  g_autoptr (SmScenario) s = sm_scenario_load (dir, problems, NULL);
  CU_ASSERT_PTR_NULL (s);
  g_autofree char *text = sm_problem_list_format (problems);
  CU_ASSERT_PTR_NULL (strstr (text, "two digits"));
  remove_tree (dir);
}

static void
test_scientific_id (void)
{
  g_autofree char *dir = copy_small ();
  edit (dir, "employees.csv", "e3;", "\"1,0143E+11\";");
  fails_with (dir, SM_ERROR_INVALID_VALUE,
              "employees.csv:4:1: id: ", "scientific notation", NULL);
  remove_tree (dir);
}

static void
test_leading_zeros (void)
{
  g_autofree char *dir = copy_small ();
  edit (dir, "employees.csv", "e2;", "0802;");
  edit (dir, "applications.csv", "e2;", "802;");
  fails_with (dir, SM_ERROR_UNKNOWN_ID, "applications.csv:3:1: employee: ",
              "Did you mean '0802'? A spreadsheet drops the leading zeros",
              NULL);
  remove_tree (dir);
}

static void
test_file_names (void)
{
  g_autofree char *dir = copy_small ();
  g_autofree char *want = checksum (dir);
  g_autofree char *from = g_build_filename (dir, "employees.csv", NULL);
  g_autofree char *to = g_build_filename (dir, "Employees.CSV", NULL);
  CU_ASSERT_EQUAL (g_rename (from, to), 0);
  g_autofree char *got = checksum (dir);
  CU_ASSERT_STRING_EQUAL (got, want);
  /* Two files that could be the table: neither is taken. */
  g_autofree char *text = NULL;
  CU_ASSERT_TRUE (g_file_get_contents (to, &text, NULL, NULL));
  CU_ASSERT_TRUE (g_file_set_contents (from, text, -1, NULL));
  fails_with (dir, SM_ERROR_PARSE,
              "employees.csv: ", "two files that could be this table (also",
              NULL);
  remove_tree (dir);
}

/* employees.csv as Excel saves "Unicode text": UTF-16LE with its mark,
 * tabs, CRLF. */
static void
test_unicode_text (void)
{
  g_autofree char *dir = copy_small ();
  g_autofree char *want = checksum (dir);
  g_autofree char *path = g_build_filename (dir, "employees.csv", NULL);
  g_autofree char *text = NULL;
  CU_ASSERT_TRUE (g_file_get_contents (path, &text, NULL, NULL));
  g_autoptr (GString) tabbed = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if (*p == ';')
      g_string_append_c (tabbed, '\t');
    else if (*p == '\n')
      g_string_append (tabbed, "\r\n");
    else
      g_string_append_c (tabbed, *p);
  gsize n;
  g_autofree char *wide = g_convert (tabbed->str, -1, "UTF-16LE", "UTF-8", NULL,
                                     &n, NULL);
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_byte_array_append (bytes, (const guint8 *) "\xFF\xFE", 2);
  g_byte_array_append (bytes, (const guint8 *) wide, (guint) n);
  g_unlink (path);
  g_autofree char *txt = g_build_filename (dir, "employees.txt", NULL);
  CU_ASSERT_TRUE (
      g_file_set_contents (txt, (const char *) bytes->data, bytes->len, NULL));
  g_autofree char *got = checksum (dir);
  CU_ASSERT_STRING_EQUAL (got, want);
  remove_tree (dir);
}

static void
test_extra_column (void)
{
  g_autofree char *dir = copy_small ();
  g_autofree char *want = checksum (dir);
  edit (dir, "employees.csv", "qualifications\n", "qualifications;opmerking\n");
  edit (dir, "employees.csv", "1970-01-01;\n", "1970-01-01;;let op\n");
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  GError *error = NULL;
  g_autoptr (SmScenario) s = sm_scenario_load (dir, problems, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autofree char *got = sm_scenario_checksum (s);
  CU_ASSERT_STRING_EQUAL (got, want);
  CU_ASSERT_EQUAL (sm_problem_list_get_n (problems), 1);
  CU_ASSERT_EQUAL (sm_problem_list_get_severity (problems, 0),
                   SM_SEVERITY_WARNING);
  g_autofree char *text = sm_problem_list_format (problems);
  g_autofree char *where = g_strconcat (
      dir,
      "/employees.csv:1:10: opmerking: warning: The column 'opmerking' "
      "is not one of employees.csv, so its values are ignored",
      NULL);
  CU_ASSERT_TRUE (g_str_has_prefix (text, where));
  /* A misspelt column would lose its values: an error. */
  edit (dir, "employees.csv", "birth_date", "birth_dat");
  fails_with (dir, SM_ERROR_INVALID_VALUE,
              "employees.csv:1:8: birth_dat: ", "did you mean birth_date?",
              NULL);
  remove_tree (dir);
}

static void
test_single_table (void)
{
  GError *error = NULL;
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  g_autoptr (SmScenario)
      s = sm_scenario_load (SMALL_DIR "/employees.csv", problems, &error);
  CU_ASSERT_PTR_NULL (s);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_TRUE (g_str_has_prefix (error->message,
                                    SMALL_DIR "/employees.csv: This is one "
                                              "table, not a whole scenario"));
  SM_ASSERT_ERROR (error, SM_ERROR_PARSE);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "a date as its serial number", test_date_serial },
    { "a two-digit year", test_two_digit_year },
    { "a year-first date that is no day has no year hint",
      test_iso_date_not_two_digit_year },
    { "an identifier in scientific notation", test_scientific_id },
    { "leading zeros dropped in one table", test_leading_zeros },
    { "file names in any case", test_file_names },
    { "Excel's Unicode text", test_unicode_text },
    { "an extra column is a warning", test_extra_column },
    { "a single table for a scenario", test_single_table },
    { NULL, NULL },
  };
  return sm_test_run_suite ("csv-hints", cases);
}
