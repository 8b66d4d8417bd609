/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: scenarios and placements as workbooks (workbook.h).
 *
 * The same scenario as a CSV folder, as an .xlsx written by the library,
 * as an .xlsx built cell by cell with libxlsxwriter the way people type
 * it (identifiers as numbers and as text, dates as date cells and as
 * text, columns in another order, a column of remarks, a README sheet,
 * inline strings in constant-memory mode), as a hand-made .xlsx in the
 * 1904 date system with rich-text shared strings, and as the .ods of
 * tests/data/workbook/ (made by make-ods.py from data/csv/small) must
 * load to the same scenario: the same checksum, so the same placement.
 * Every broken workbook (not a zip, a zip without a workbook, a missing
 * sheet, a bad cell, a spreadsheet error, damaged XML, too many files,
 * a zip bomb) fails with its exact code and place. The placement
 * workbook has the sheets, frozen header, filter and date cells it
 * promises, and the same bytes each time; the template of
 * `staffmatch init` loads, places, and offers its lists. */
#include "test-util.h"

#include <string.h>
#include <glib/gstdio.h>
#include <staffmatch/workbook.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "io/workbook-private.h"

#define SMALL_DIR "data/csv/small"
#define SHEET_DIR "data/csv/spreadsheet"
#define ODS_FILE "data/workbook/small.ods"
#define FILLED_DIR "data/workbook/filled"
#define FILLED_ODS "data/workbook/filled.ods"

/* ---- helpers --------------------------------------------------------------
 */

static void
remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static SmScenario *
load_ok (SmScenario *(*load) (const char *, SmProblemList *, GError **),
         const char *path)
{
  GError *error = NULL;
  SmScenario *s = load (path, NULL, &error);
  SM_ASSERT_NO_ERROR (error);
  return s;
}

static char *
checksum_of (SmScenario *(*load) (const char *, SmProblemList *, GError **),
             const char *path)
{
  g_autoptr (SmScenario) s = load_ok (load, path);
  return s != NULL ? sm_scenario_checksum (s) : g_strdup ("");
}

/* Writes a zip of @n entries (names and texts) to @path with libzip. */
static void
write_zip (const char *path, const char *const *names, const char *const *texts,
           int n)
{
  int status = 0;
  zip_t *z = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &status);
  CU_ASSERT_PTR_NOT_NULL_FATAL (z);
  for (int k = 0; k < n; k++)
    {
      zip_source_t *src = zip_source_buffer (z, texts[k], strlen (texts[k]), 0);
      CU_ASSERT_TRUE (zip_file_add (z, names[k], src, ZIP_FL_OVERWRITE) >= 0);
    }
  CU_ASSERT_EQUAL (zip_close (z), 0);
}

/* The text of entry @name of the zip at @path (transfer full). */
static char *
zip_entry_text (const char *path, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SmZip) z = sm_zip__open (path, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (z);
  g_autoptr (GBytes) bytes = sm_zip__read (z, name, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (bytes);
  gsize n;
  const char *data = g_bytes_get_data (bytes, &n);
  return g_strndup (data, n);
}

/* Loads @path, which must fail with @code and a first problem formatted
 * as @prefix...; returns the formatted problems. */
static char *
load_fails (const char *path, SmError code, const char *prefix)
{
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  GError *error = NULL;
  g_autoptr (SmScenario) s = sm_scenario_load (path, problems, &error);
  CU_ASSERT_PTR_NULL (s);
  char *text = sm_problem_list_format (problems);
  if (!g_str_has_prefix (text, prefix))
    fprintf (stderr, "want '%s', got '%s'\n", prefix, text);
  CU_ASSERT_TRUE (g_str_has_prefix (text, prefix));
  SM_ASSERT_ERROR (error, code);
  return text;
}

/* ---- values ---------------------------------------------------------------
 */

static void
test_serial_dates (void)
{
  static const struct {
    double serial;
    gboolean system_1904;
    const char *date;
  } cases[] = {
    { 1, FALSE, "1900-01-01" },     { 59, FALSE, "1900-02-28" },
    { 60, FALSE, "1900-02-28" },    { 61, FALSE, "1900-03-01" },
    { 41456, FALSE, "2013-07-01" }, { 41456.75, FALSE, "2013-07-01" },
    { 43374, FALSE, "2018-10-01" }, { 0, TRUE, "1904-01-01" },
    { 39994, TRUE, "2013-07-01" },  { 40178, FALSE, "2009-12-31" },
  };
  for (size_t k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *date = sm_workbook__serial_date (cases[k].serial,
                                                        cases[k].system_1904);
      CU_ASSERT_STRING_EQUAL (date, cases[k].date);
    }
  CU_ASSERT_PTR_NULL (sm_workbook__serial_date (0, FALSE));
  CU_ASSERT_PTR_NULL (sm_workbook__serial_date (-3, TRUE));
  g_autofree char *whole = sm_workbook__number_text (101430000000.0);
  g_autofree char *part = sm_workbook__number_text (0.8);
  CU_ASSERT_STRING_EQUAL (whole, "101430000000");
  CU_ASSERT_STRING_EQUAL (part, "0.8");
}

/* ---- the same scenario in every form --------------------------------------
 */

static void
test_xlsx_round_trip (void)
{
  const char *const dirs[] = { SMALL_DIR, SHEET_DIR };
  for (size_t k = 0; k < G_N_ELEMENTS (dirs); k++)
    {
      g_autofree char *tmp = sm_test_make_temp_dir ();
      g_autofree char *path = g_build_filename (tmp, "scenario.xlsx", NULL);
      g_autoptr (SmScenario) s = load_ok (sm_scenario_load_csv, dirs[k]);
      GError *error = NULL;
      CU_ASSERT_TRUE (sm_scenario_save_xlsx (s, path, &error));
      SM_ASSERT_NO_ERROR (error);
      g_autofree char *want = sm_scenario_checksum (s);
      g_autofree char *got = checksum_of (sm_scenario_load, path);
      CU_ASSERT_STRING_EQUAL (got, want);
      remove_tree (tmp);
    }
}

static void
test_ods_fixture (void)
{
  const char *const pairs[][2] = { { SMALL_DIR, ODS_FILE },
                                   { FILLED_DIR, FILLED_ODS } };
  for (size_t k = 0; k < G_N_ELEMENTS (pairs); k++)
    {
      g_autofree char *want = checksum_of (sm_scenario_load_csv, pairs[k][0]);
      g_autofree char *got = checksum_of (sm_scenario_load_workbook,
                                          pairs[k][1]);
      CU_ASSERT_STRING_EQUAL (got, want);
    }
}

/* The scenario of the people-typed workbook, as a CSV folder. */
static const char *const typed_csv[][2] = {
  { "organisations.csv", "id;name;kind;min_headcount;max_headcount\n"
                         "OM;Ommen;receiving;;5\nHB;Hardenberg;default;;\n" },
  { "units.csv", "id;name;organisation\nOM-U;Staf;OM\nHB-U;Sociaal;HB\n" },
  { "positions.csv", "id;title;unit;function;grade;fte\n"
                     "OM-A;Adviseur;OM-U;A;10;1\nHB-A;Adviseur;HB-U;A;10;"
                     "0.8\n" },
  { "employees.csv",
    "id;name;function;unit;grade;fte;service_start;birth_date\n"
    "0801;Piet;A;HB-U;10;1;2000-01-01;1970-01-01\n"
    "100002;Anna;A;HB-U;10;0.8;2010-01-01;1980-02-29\n" },
  { "applications.csv", "employee;position;preference\n0801;OM-A;1\n"
                        "100002;OM-A;1\n" },
  { "function-relations.csv", "from;to;fit\nA;B;suitable\n" },
};

static void
write_typed_csv (const char *dir)
{
  for (size_t k = 0; k < G_N_ELEMENTS (typed_csv); k++)
    {
      g_autofree char *path = g_build_filename (dir, typed_csv[k][0], NULL);
      CU_ASSERT_TRUE (g_file_set_contents (path, typed_csv[k][1], -1, NULL));
    }
}

static void
typed_sheets (lxw_workbook *book, lxw_format *date)
{
  lxw_worksheet *readme = workbook_add_worksheet (book, "Uitleg");
  worksheet_write_string (readme, 0, 0, "Vul elke tabel in.", NULL);
  lxw_worksheet *o = workbook_add_worksheet (book, "Organisations");
  const char *oh[] = { "ID", "Name", "Kind", "max_headcount" };
  for (int k = 0; k < 4; k++)
    worksheet_write_string (o, 0, (lxw_col_t) k, oh[k], NULL);
  worksheet_write_string (o, 1, 0, "OM", NULL);
  worksheet_write_string (o, 1, 1, "Ommen", NULL);
  worksheet_write_string (o, 1, 2, "receiving", NULL);
  worksheet_write_number (o, 1, 3, 5, NULL);
  worksheet_write_string (o, 3, 0, "HB", NULL); /* after a blank row */
  worksheet_write_string (o, 3, 1, "Hardenberg", NULL);
  worksheet_write_string (o, 3, 2, "default", NULL);
  lxw_worksheet *u = workbook_add_worksheet (book, "units");
  const char *uh[] = { "organisation", "id", "name", "opmerking" };
  for (int k = 0; k < 4; k++)
    worksheet_write_string (u, 0, (lxw_col_t) k, uh[k], NULL);
  const char *ur[2][4] = { { "OM", "OM-U", "Staf", "nieuw" },
                           { "HB", "HB-U", "Sociaal", NULL } };
  for (int r = 0; r < 2; r++)
    for (int k = 0; k < 4; k++)
      if (ur[r][k] != NULL)
        worksheet_write_string (u, (lxw_row_t) r + 1, (lxw_col_t) k, ur[r][k],
                                NULL);
  lxw_worksheet *p = workbook_add_worksheet (book, "positions");
  const char *ph[] = { "id", "title", "unit", "function", "grade", "fte" };
  for (int k = 0; k < 6; k++)
    worksheet_write_string (p, 0, (lxw_col_t) k, ph[k], NULL);
  const char *pr[2][4] = { { "OM-A", "Adviseur", "OM-U", "A" },
                           { "HB-A", "Adviseur", "HB-U", "A" } };
  for (int r = 0; r < 2; r++)
    {
      for (int k = 0; k < 4; k++)
        worksheet_write_string (p, (lxw_row_t) r + 1, (lxw_col_t) k, pr[r][k],
                                NULL);
      worksheet_write_number (p, (lxw_row_t) r + 1, 4, 10, NULL);
      worksheet_write_number (p, (lxw_row_t) r + 1, 5, r == 0 ? 1 : 0.8, NULL);
    }
  (void) date;
}

static void
typed_people (lxw_workbook *book, lxw_format *date)
{
  lxw_worksheet *e = workbook_add_worksheet (book, "employees");
  const char *eh[] = { "id",    "name", "function",      "unit",
                       "grade", "fte",  "service_start", "birth_date" };
  for (int k = 0; k < 8; k++)
    worksheet_write_string (e, 0, (lxw_col_t) k, eh[k], NULL);
  /* Row by row: constant-memory mode writes each row as it is left. */
  lxw_datetime s1 = { 2000, 1, 1, 0, 0, 0 }, s2 = { 2010, 1, 1, 0, 0, 0 };
  lxw_datetime b2 = { 1980, 2, 29, 0, 0, 0 };
  const char *names[] = { "Piet", "Anna" };
  for (int r = 0; r < 2; r++)
    {
      lxw_row_t row = (lxw_row_t) r + 1;
      /* 0801 typed as text keeps its zero; 100002 typed as a number. */
      if (r == 0)
        worksheet_write_string (e, row, 0, "0801", NULL);
      else
        worksheet_write_number (e, row, 0, 100002, NULL);
      worksheet_write_string (e, row, 1, names[r], NULL);
      worksheet_write_string (e, row, 2, "A", NULL);
      worksheet_write_string (e, row, 3, "HB-U", NULL);
      worksheet_write_number (e, row, 4, 10, NULL);
      worksheet_write_number (e, row, 5, r == 0 ? 1 : 0.8, NULL);
      worksheet_write_datetime (e, row, 6, r == 0 ? &s1 : &s2, date);
      if (r == 0)
        worksheet_write_string (e, row, 7, "01-01-1970", NULL); /* text */
      else
        worksheet_write_datetime (e, row, 7, &b2, date);
    }
  lxw_worksheet *a = workbook_add_worksheet (book, "Applications");
  const char *ah[] = { "employee", "position", "preference" };
  for (int k = 0; k < 3; k++)
    worksheet_write_string (a, 0, (lxw_col_t) k, ah[k], NULL);
  for (int r = 1; r <= 2; r++)
    {
      /* 100002 here as a number stored as text */
      worksheet_write_string (a, (lxw_row_t) r, 0, r == 1 ? "0801" : "100002",
                              NULL);
      worksheet_write_string (a, (lxw_row_t) r, 1, "OM-A", NULL);
      worksheet_write_number (a, (lxw_row_t) r, 2, 1, NULL);
    }
  lxw_worksheet *f = workbook_add_worksheet (book, "function_relations");
  const char *fr[2][3] = { { "from", "to", "fit" }, { "A", "B", "suitable" } };
  for (int r = 0; r < 2; r++)
    for (int k = 0; k < 3; k++)
      worksheet_write_string (f, (lxw_row_t) r, (lxw_col_t) k, fr[r][k], NULL);
}

/* The typed workbook, in either of libxlsxwriter's modes: shared strings,
 * or inline strings (constant memory). */
static void
write_typed_workbook (const char *path, gboolean constant_memory)
{
  lxw_workbook_options options = { 0 };
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook *book = workbook_new_opt (path, &options);
  CU_ASSERT_PTR_NOT_NULL_FATAL (book);
  lxw_format *date = workbook_add_format (book);
  format_set_num_format (date, "d-m-yyyy");
  typed_sheets (book, date);
  typed_people (book, date);
  CU_ASSERT_EQUAL (workbook_close (book), LXW_NO_ERROR);
}

static void
test_typed_workbook (void)
{
  g_autofree char *tmp = sm_test_make_temp_dir ();
  write_typed_csv (tmp);
  g_autofree char *want = checksum_of (sm_scenario_load_csv, tmp);
  for (int mode = 0; mode < 2; mode++)
    {
      g_autofree char *path = g_build_filename (tmp, "typed.xlsx", NULL);
      write_typed_workbook (path, mode == 1);
      g_autofree char *entry = zip_entry_text (path,
                                               "xl/worksheets/sheet5.xml");
      CU_ASSERT_TRUE ((strstr (entry, "t=\"inlineStr\"") != NULL)
                      == (mode == 1));
      g_autoptr (SmProblemList) problems = sm_problem_list_new ();
      GError *error = NULL;
      g_autoptr (SmScenario)
          s = sm_scenario_load_workbook (path, problems, &error);
      if (error != NULL)
        {
          g_autofree char *all = sm_problem_list_format (problems);
          fprintf (stderr, "%s", all);
        }
      SM_ASSERT_NO_ERROR (error);
      g_autofree char *got = sm_scenario_checksum (s);
      CU_ASSERT_STRING_EQUAL (got, want);
      /* The column of remarks is a warning at its header cell. */
      g_autofree char *text = sm_problem_list_format (problems);
      g_autofree char *where = g_strdup_printf (
          "%s: units!D1: opmerking: warning: The column 'opmerking' is not "
          "one of units",
          path);
      CU_ASSERT_TRUE (g_str_has_prefix (text, where));
      CU_ASSERT_EQUAL (sm_problem_list_count (problems, SM_SEVERITY_WARNING),
                       1);
      CU_ASSERT_STRING_EQUAL (sm_problem_list_get_sheet (problems, 0), "units");
      CU_ASSERT_EQUAL (sm_problem_list_get_severity (problems, 0),
                       SM_SEVERITY_WARNING);
      g_unlink (path);
    }
  remove_tree (tmp);
}

/* ---- hand-made .xlsx ------------------------------------------------------
 */

/* A sheet of cells written "KIND:VALUE", KIND one of s (a shared string
 * index), n (a number), d (a number in a date format), i (an inline
 * string), e (an error), or NULL for no cell; rows of @width. */
static char *
sheet_xml (const char *const *cells, int n_rows, int width)
{
  GString *out = g_string_new ("<?xml version=\"1.0\"?><worksheet xmlns="
                               "\"http://schemas.openxmlformats.org/"
                               "spreadsheetml/2006/main\"><sheetData>");
  for (int r = 0; r < n_rows; r++)
    {
      g_string_append_printf (out, "<row r=\"%d\">", r + 1);
      for (int k = 0; k < width; k++)
        {
          const char *c = cells[r * width + k];
          if (c == NULL)
            continue;
          char ref[8];
          g_snprintf (ref, sizeof ref, "%c%d", 'A' + k, r + 1);
          if (c[0] == 'i')
            g_string_append_printf (out,
                                    "<c r=\"%s\" t=\"inlineStr\"><is><t>%s"
                                    "</t></is></c>",
                                    ref, c + 2);
          else
            g_string_append_printf (out, "<c r=\"%s\"%s%s><v>%s</v></c>", ref,
                                    c[0] == 's'   ? " t=\"s\""
                                    : c[0] == 'e' ? " t=\"e\""
                                                  : "",
                                    c[0] == 'd' ? " s=\"1\"" : "", c + 2);
        }
      g_string_append (out, "</row>");
    }
  g_string_append (out, "</sheetData></worksheet>");
  return g_string_free (out, FALSE);
}

static const char *const hand_sheets[] = {
  "organisations", "units",        "positions",
  "employees",     "applications", "function-relations",
};

/* A hand-made workbook in the 1904 date system whose employees sheet is
 * @employees (3 rows of 8 cells). */
static void
write_hand_workbook (const char *path, const char *const *employees)
{
  static const char *const orgs[] = {
    "i:id", "i:name", "i:kind", "i:max_headcount", "i:OM", "s:0", "i:receiving",
    "n:5",  "i:HB",   "s:1",    "i:default",       NULL,
  };
  static const char *const units[] = { "i:id",   "i:name", "i:organisation",
                                       "i:OM-U", "i:Staf", "i:OM",
                                       "i:HB-U", "s:2",    "i:HB" };
  static const char *const positions[] = {
    "i:id",   "i:title", "i:unit", "i:function", "i:grade", "i:fte",
    "i:OM-A", "s:3",     "i:OM-U", "i:A",        "n:10",    "n:1",
    "i:HB-A", "s:3",     "i:HB-U", "i:A",        "n:10",    "n:0.8"
  };
  static const char *const apps[] = {
    "i:employee", "i:position", "i:preference", "i:0801", "i:OM-A",
    "n:1",        "n:100002",   "i:OM-A",       "n:1"
  };
  static const char *const rels[] = { "i:from", "i:to", "i:fit",
                                      "i:A",    "i:B",  "i:suitable" };
  const char *names[12], *texts[12];
  char *xml[6] = { sheet_xml (orgs, 3, 4),      sheet_xml (units, 3, 3),
                   sheet_xml (positions, 3, 6), sheet_xml (employees, 3, 8),
                   sheet_xml (apps, 3, 3),      sheet_xml (rels, 2, 3) };
  g_autoptr (GString) book = g_string_new (
      "<workbook xmlns:r=\"http://schemas.openxmlformats.org/"
      "officeDocument/2006/relationships\"><workbookPr date1904=\"1\"/>"
      "<sheets>");
  g_autoptr (GString) rel = g_string_new ("<Relationships>");
  char *sheet_names[6];
  for (int k = 0; k < 6; k++)
    {
      g_string_append_printf (book,
                              "<sheet name=\"%s\" sheetId=\"%d\" "
                              "r:id=\"rId%d\"/>",
                              hand_sheets[k], k + 1, k + 1);
      g_string_append_printf (rel,
                              "<Relationship Id=\"rId%d\" Type=\"x/"
                              "worksheet\" Target=\"/xl/worksheets/s%d.xml\"/>",
                              k + 1, k + 1);
      sheet_names[k] = g_strdup_printf ("xl/worksheets/s%d.xml", k + 1);
      names[k] = sheet_names[k];
      texts[k] = xml[k];
    }
  g_string_append (book, "</sheets></workbook>");
  g_string_append (rel, "<Relationship Id=\"rId9\" Type=\"x/sharedStrings\" "
                        "Target=\"strings.xml\"/><Relationship Id=\"rId10\" "
                        "Type=\"x/styles\" Target=\"styles.xml\"/>"
                        "</Relationships>");
  names[6] = "xl/workbook.xml";
  texts[6] = book->str;
  names[7] = "xl/_rels/workbook.xml.rels";
  texts[7] = rel->str;
  names[8] = "xl/strings.xml";
  /* Rich text in runs, with a phonetic run that is not the text. */
  texts[8] = "<sst><si><t>Ommen</t></si><si><r><t>Harden</t></r><r><rPr/>"
             "<t>berg</t></r><rPh><t>HARDENBERG</t></rPh></si>"
             "<si><t xml:space=\"preserve\">Sociaal</t></si>"
             "<si><t>Adviseur</t></si></sst>";
  names[9] = "xl/styles.xml";
  texts[9] = "<styleSheet><numFmts count=\"1\"><numFmt numFmtId=\"164\" "
             "formatCode=\"[$-413]d\\-mmm\\-yyyy;@\"/></numFmts>"
             "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs>"
             "<xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs>"
             "</styleSheet>";
  write_zip (path, names, texts, 10);
  for (int k = 0; k < 6; k++)
    {
      g_free (sheet_names[k]);
      g_free (xml[k]);
    }
}

/* The typed scenario's employees with dates as serials of the 1904
 * system: 2000-01-01 is 35064, 2010-01-01 is 38717, 1970-01-01 is 24107,
 * 1980-02-29 is 27818. */
static const char *const hand_employees[] = {
  "i:id",    "i:name",          "i:function",   "i:unit",  "i:grade",
  "i:fte",   "i:service_start", "i:birth_date", "i:0801",  "i:Piet",
  "i:A",     "i:HB-U",          "n:10",         "n:1",     "d:35064",
  "d:24107", "n:100002",        "i:Anna",       "i:A",     "i:HB-U",
  "n:10",    "n:0.8",           "d:38717",      "d:27818",
};

static void
test_hand_workbook (void)
{
  g_autofree char *tmp = sm_test_make_temp_dir ();
  write_typed_csv (tmp);
  g_autofree char *want = checksum_of (sm_scenario_load_csv, tmp);
  g_autofree char *path = g_build_filename (tmp, "hand.xlsx", NULL);
  write_hand_workbook (path, hand_employees);
  g_autofree char *got = checksum_of (sm_scenario_load_workbook, path);
  CU_ASSERT_STRING_EQUAL (got, want);
  remove_tree (tmp);
}

/* ---- broken workbooks -----------------------------------------------------
 */

static void
test_bad_workbooks (void)
{
  g_autofree char *tmp = sm_test_make_temp_dir ();
  g_autofree char *csv = g_build_filename (tmp, "employees.xlsx", NULL);
  g_autofree char *table = g_build_filename (tmp, "Employees.CSV", NULL);
  g_autofree char *empty_zip = g_build_filename (tmp, "empty.xlsx", NULL);
  g_autofree char *cells = g_build_filename (tmp, "cells.xlsx", NULL);
  g_autofree char *xml = g_build_filename (tmp, "xml.xlsx", NULL);
  const char *text = "id;name\n1;Piet\n";
  CU_ASSERT_TRUE (g_file_set_contents (csv, text, -1, NULL));
  CU_ASSERT_TRUE (g_file_set_contents (table, text, -1, NULL));
  g_free (load_fails (csv, SM_ERROR_PARSE, ""));
  g_autofree char *m1 = load_fails (csv, SM_ERROR_PARSE, csv);
  CU_ASSERT_PTR_NOT_NULL (strstr (m1, ": The file is not a workbook (not a "
                                      "zip archive"));
  g_autofree char *m2 = load_fails (table, SM_ERROR_PARSE, table);
  CU_ASSERT_PTR_NOT_NULL (strstr (m2, "This is one table, not a whole "
                                      "scenario"));
  const char *readme[] = { "README" }, *hello[] = { "hello" };
  write_zip (empty_zip, readme, hello, 1);
  g_autofree char *m3 = load_fails (empty_zip, SM_ERROR_PARSE, empty_zip);
  CU_ASSERT_PTR_NOT_NULL (strstr (m3, "holds no workbook"));
  /* A bad grade (E3), a spreadsheet error (B2), a missing sheet. */
  const char *broken[24];
  memcpy (broken, hand_employees, sizeof broken);
  broken[8 + 8 + 4] = "i:tien";
  broken[8 + 1] = "e:#N/A";
  write_hand_workbook (cells, broken);
  g_autofree char *m4 = load_fails (cells, SM_ERROR_INVALID_VALUE, cells);
  g_autofree char *b2 =
      g_strdup_printf ("%s: employees!B2: The cell holds a spreadsheet error",
                       cells);
  g_autofree char *e3 = g_strdup_printf ("%s: employees!E3: grade: ", cells);
  CU_ASSERT_PTR_NOT_NULL (strstr (m4, b2));
  CU_ASSERT_PTR_NOT_NULL (strstr (m4, e3));
  CU_ASSERT_PTR_NULL (strstr (m4, "Anna"));
  /* Damaged XML names its entry and line. */
  const char *names[] = { "xl/workbook.xml" },
             *bad[] = { "<workbook><sheets>" };
  write_zip (xml, names, bad, 1);
  g_autofree char *m5 = load_fails (xml, SM_ERROR_PARSE, xml);
  CU_ASSERT_PTR_NOT_NULL (strstr (m5, "xl/workbook.xml: the workbook's XML "
                                      "is damaged at its line 1"));
  remove_tree (tmp);
}

/* Rows and cells that .ods repeats by a count keep their places. */
static void
test_ods_places (void)
{
  g_autofree char *tmp = sm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (tmp, "places.ods", NULL);
  const char *names[] = { "mimetype", "content.xml" };
  const char *texts[] = {
    "application/vnd.oasis.opendocument.spreadsheet",
    "<office:document-content "
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">"
    "<office:body><office:spreadsheet>"
    "<table:table table:name=\"organisations\">"
    "<table:table-row><table:table-cell office:value-type=\"string\">"
    "<text:p>id</text:p></table:table-cell><table:table-cell "
    "office:value-type=\"string\"><text:p>name</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"string\"><text:p>kind</text:p>"
    "</table:table-cell></table:table-row>"
    "<table:table-row table:number-rows-repeated=\"3\"><table:table-cell "
    "table:number-columns-repeated=\"1024\"/></table:table-row>"
    "<table:table-row table:number-rows-repeated=\"2\">"
    "<table:table-cell table:number-columns-repeated=\"2\" "
    "office:value-type=\"string\"><text:p>X</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"string\"><text:p>ontvangend"
    "</text:p></table:table-cell></table:table-row>"
    "</table:table></office:spreadsheet></office:body>"
    "</office:document-content>",
  };
  write_zip (path, names, texts, 2);
  g_autofree char *m = load_fails (path, SM_ERROR_INVALID_VALUE, path);
  g_autofree char *c5 = g_strdup_printf ("%s: organisations!C5: kind: ", path);
  g_autofree char *c6 = g_strdup_printf ("%s: organisations!C6: kind: ", path);
  CU_ASSERT_PTR_NOT_NULL (strstr (m, c5));
  CU_ASSERT_PTR_NOT_NULL (strstr (m, c6));
  remove_tree (tmp);
}

static void
test_missing_sheet (void)
{
  g_autofree char *tmp = sm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (tmp, "scenario.xlsx", NULL);
  lxw_workbook *book = workbook_new (path);
  const char *const sheets[] = { "organisations", "units", "positions",
                                 "applications", "function-relations" };
  for (size_t k = 0; k < G_N_ELEMENTS (sheets); k++)
    worksheet_write_string (workbook_add_worksheet (book, sheets[k]), 0, 0,
                            "id", NULL);
  CU_ASSERT_EQUAL (workbook_close (book), LXW_NO_ERROR);
  g_autofree char *want = g_strdup_printf (
      "%s: employees: The workbook has no sheet named 'employees'", path);
  g_autofree char *m = load_fails (path, SM_ERROR_PARSE, "");
  CU_ASSERT_PTR_NOT_NULL (strstr (m, want));
  remove_tree (tmp);
}

/* ---- raw zips -------------------------------------------------------------
 * Written byte by byte (APPNOTE 4.3.7, 4.3.12, 4.3.16), so that a zip can
 * declare what it likes, and quickly: many files, or a size no workbook
 * has, without compressing hundreds of megabytes. */

typedef struct {
  const char *name;
  const char *data; /* stored as is */
  guint32 declared; /* uncompressed size it declares */
  guint16 method;   /* 0 stored, 8 deflated */
} RawEntry;

static void
put16 (GByteArray *out, guint32 v)
{
  guint8 b[2] = { (guint8) v, (guint8) (v >> 8) };
  g_byte_array_append (out, b, 2);
}

static void
put32 (GByteArray *out, guint32 v)
{
  put16 (out, v & 0xffff);
  put16 (out, v >> 16);
}

/* CRC-32 of zip (IEEE 802.3, reflected), bit by bit: test data is small. */
static guint32
crc32_of (const char *data)
{
  guint32 crc = 0xffffffffu;
  for (const guint8 *p = (const guint8 *) data; *p != 0; p++)
    {
      crc ^= *p;
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
    }
  return ~crc;
}

/* The fields local and central headers share, from "version needed". */
static void
put_common (GByteArray *out, const RawEntry *e)
{
  put16 (out, 20);
  put16 (out, 0);
  put16 (out, e->method);
  put32 (out, 0);                  /* time and date */
  put32 (out, crc32_of (e->data)); /* of the bomb: never reached */
  put32 (out, (guint32) strlen (e->data));
  put32 (out, e->declared);
  put16 (out, (guint32) strlen (e->name));
  put16 (out, 0);
}

static void
write_raw_zip (const char *path, const RawEntry *entries, guint32 n)
{
  g_autoptr (GByteArray) out = g_byte_array_new ();
  g_autoptr (GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint32 k = 0; k < n; k++)
    {
      guint32 at = out->len;
      g_array_append_val (offsets, at);
      put32 (out, 0x04034b50);
      put_common (out, &entries[k]);
      g_byte_array_append (out, (const guint8 *) entries[k].name,
                           strlen (entries[k].name));
      g_byte_array_append (out, (const guint8 *) entries[k].data,
                           strlen (entries[k].data));
    }
  guint32 central = out->len;
  for (guint32 k = 0; k < n; k++)
    {
      put32 (out, 0x02014b50);
      put16 (out, 20);
      put_common (out, &entries[k]);
      put16 (out, 0); /* comment */
      put16 (out, 0); /* disk */
      put16 (out, 0);
      put32 (out, 0);
      put32 (out, g_array_index (offsets, guint32, k));
      g_byte_array_append (out, (const guint8 *) entries[k].name,
                           strlen (entries[k].name));
    }
  guint32 size = out->len - central;
  put32 (out, 0x06054b50);
  put32 (out, 0);
  put16 (out, n);
  put16 (out, n);
  put32 (out, size);
  put32 (out, central);
  put16 (out, 0);
  CU_ASSERT_TRUE (
      g_file_set_contents (path, (const char *) out->data, out->len, NULL));
}

/* A zip of more files than a workbook may hold. */
static void
test_too_many_entries (void)
{
  g_autofree char *tmp = sm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (tmp, "many.xlsx", NULL);
  guint32 n = SM_WORKBOOK_MAX_ENTRIES + 1;
  g_autofree RawEntry *entries = g_new0 (RawEntry, n);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (guint32 k = 0; k < n; k++)
    {
      char *name = g_strdup_printf ("f%u", k);
      g_ptr_array_add (names, name);
      entries[k] = (RawEntry){ name, "", 0, 0 };
    }
  write_raw_zip (path, entries, n);
  g_autofree char *m = load_fails (path, SM_ERROR_TOO_LARGE, path);
  CU_ASSERT_PTR_NOT_NULL (strstr (m, "holds 10001 files, more than the "
                                     "10000 a workbook may hold"));
  remove_tree (tmp);
}

/* A zip bomb: a sheet that declares it unpacks past SM_WORKBOOK_MAX_SIZE;
 * it is refused before anything is unpacked. */
static void
test_zip_bomb (void)
{
  g_autofree char *tmp = sm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (tmp, "bomb.xlsx", NULL);
  const RawEntry entries[] = {
    { "xl/workbook.xml",
      "<workbook><sheets><sheet name=\"employees\" r:id=\"a\" "
      "xmlns:r=\"r\"/></sheets></workbook>",
      0, 0 },
    { "xl/_rels/workbook.xml.rels",
      "<Relationships><Relationship Id=\"a\" Type=\"w\" "
      "Target=\"worksheets/sheet1.xml\"/></Relationships>",
      0, 0 },
    { "xl/worksheets/sheet1.xml", "\x03\x00", SM_WORKBOOK_MAX_SIZE + 1, 8 },
  };
  RawEntry fixed[3];
  memcpy (fixed, entries, sizeof fixed);
  for (int k = 0; k < 2; k++)
    fixed[k].declared = (guint32) strlen (fixed[k].data);
  write_raw_zip (path, fixed, 3);
  g_autofree char *m = load_fails (path, SM_ERROR_TOO_LARGE, path);
  CU_ASSERT_PTR_NOT_NULL (strstr (m, "xl/worksheets/sheet1.xml: the files in "
                                     "the workbook unpack to more than 256 "
                                     "MiB"));
  remove_tree (tmp);
}

/* ---- the placement workbook and the template ------------------------------
 */

static void
test_placement_workbook (void)
{
  g_autofree char *tmp = sm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (tmp, "placements.xlsx", NULL);
  g_autofree char *again = g_build_filename (tmp, "again.xlsx", NULL);
  g_autoptr (SmScenario) s = load_ok (sm_scenario_load_csv, SMALL_DIR);
  GError *error = NULL;
  g_autoptr (SmPlacement) p = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (sm_placement_save_xlsx (p, path, &error));
  SM_ASSERT_NO_ERROR (error);
  g_usleep (1100000); /* a second later: no time in the bytes */
  CU_ASSERT_TRUE (sm_placement_save_xlsx (p, again, &error));
  g_autofree char *a = NULL, *b = NULL;
  gsize na, nb;
  CU_ASSERT_TRUE (g_file_get_contents (path, &a, &na, NULL));
  CU_ASSERT_TRUE (g_file_get_contents (again, &b, &nb, NULL));
  CU_ASSERT_TRUE (na == nb && memcmp (a, b, na) == 0);
  /* people, each organisation, each unit */
  g_autofree char *book = zip_entry_text (path, "xl/workbook.xml");
  const char *const sheets[] = { "\"people\"", "\"OM\"", "\"HB\"", "\"OM-U\"",
                                 "\"HB-U\"" };
  for (size_t k = 0; k < G_N_ELEMENTS (sheets); k++)
    CU_ASSERT_PTR_NOT_NULL (strstr (book, sheets[k]));
  g_autofree char *people = zip_entry_text (path, "xl/worksheets/sheet1.xml");
  CU_ASSERT_PTR_NOT_NULL (strstr (people, "<pane ySplit=\"1\""));
  CU_ASSERT_PTR_NOT_NULL (strstr (people, "<autoFilter ref=\"A1:M5\"/>"));
  CU_ASSERT_PTR_NOT_NULL (strstr (people, "<col "));
  g_autofree char *styles = zip_entry_text (path, "xl/styles.xml");
  CU_ASSERT_PTR_NOT_NULL (strstr (styles, "dd-mm-yyyy"));
  g_autofree char *strings = zip_entry_text (path, "xl/sharedStrings.xml");
  CU_ASSERT_PTR_NOT_NULL (strstr (strings, "Piet"));
  CU_ASSERT_PTR_NOT_NULL (strstr (strings, "manual decision"));
  /* e1 has service start 2000-01-01: serial 36526, as a date. */
  CU_ASSERT_PTR_NOT_NULL (strstr (people, "<c r=\"F2\" s=\""));
  CU_ASSERT_PTR_NOT_NULL (strstr (people, "<v>36526</v>"));
  remove_tree (tmp);
}

/* init, fill programmatically, load, place. */
static void
test_template (void)
{
  g_autofree char *tmp = sm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (tmp, "template.xlsx", NULL);
  g_autoptr (SmScenario) t = sm_scenario_new_template ();
  GError *error = NULL;
  CU_ASSERT_TRUE (sm_scenario_save_xlsx (t, path, &error));
  SM_ASSERT_NO_ERROR (error);
  g_autofree char *orgs = zip_entry_text (path, "xl/worksheets/sheet2.xml");
  CU_ASSERT_PTR_NOT_NULL (strstr (orgs, "<formula1>\"receiving,default\""));
  g_autofree char *rels = zip_entry_text (path, "xl/worksheets/sheet7.xml");
  CU_ASSERT_PTR_NOT_NULL (
      strstr (rels, "<formula1>\"interchangeable,suitable,reasonable\""));
  g_autofree char *readme = zip_entry_text (path, "xl/sharedStrings.xml");
  CU_ASSERT_PTR_NOT_NULL (strstr (readme, "belongs to"));
  g_autoptr (SmScenario) s = load_ok (sm_scenario_load, path);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  /* Fill: a second employee who applies to the same position. */
  SmEmployeeSpec e = SM_EMPLOYEE_SPEC_INIT;
  e.id = "100002";
  e.name = "Tweede";
  e.function_code = "BA";
  e.unit_id = "HB-SD";
  e.grade = 11;
  e.service_start = (SmDate){ 1999, 1, 1 };
  e.birth_date = (SmDate){ 1970, 1, 1 };
  CU_ASSERT_TRUE (sm_scenario_add_employee (s, &e, &error));
  SmApplicationSpec a = SM_APPLICATION_SPEC_INIT;
  a.employee_id = "100002";
  a.position_id = "OM-BA1";
  a.preference = 1;
  CU_ASSERT_TRUE (sm_scenario_add_application (s, &a, &error));
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (sm_scenario_save_xlsx (s, path, &error));
  g_autoptr (SmScenario) filled = load_ok (sm_scenario_load, path);
  g_autoptr (SmPlacement) p = sm_scenario_place (filled, &error);
  SM_ASSERT_NO_ERROR (error);
  SmEmployeeOutcome o1, o2;
  sm_placement_get_outcome (p, 0, &o1);
  sm_placement_get_outcome (p, 1, &o2);
  /* Same function wins the one seat; the other follows the work. */
  CU_ASSERT_EQUAL (o2.status, SM_STATUS_PLACED);
  CU_ASSERT_EQUAL (o1.status, SM_STATUS_FOLLOWS_WORK);
  remove_tree (tmp);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "date serials and numbers", test_serial_dates },
    { "csv to xlsx and back: same scenario", test_xlsx_round_trip },
    { "ods fixture: same scenario as the csv folder", test_ods_fixture },
    { "workbook typed by people: same scenario", test_typed_workbook },
    { "hand-made xlsx, 1904 dates, rich text", test_hand_workbook },
    { "broken workbooks: code and place", test_bad_workbooks },
    { "missing sheet", test_missing_sheet },
    { "ods: repeated rows and cells keep their places", test_ods_places },
    { "too many files in the zip", test_too_many_entries },
    { "zip bomb", test_zip_bomb },
    { "placement workbook", test_placement_workbook },
    { "template: fill, load, place", test_template },
    { NULL, NULL },
  };
  return sm_test_run_suite ("workbook", cases);
}
