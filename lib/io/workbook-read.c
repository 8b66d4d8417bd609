/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: loading a scenario from a workbook (workbook.h).
 *
 * A workbook is read in three steps. The zip container is opened within
 * the limits of workbook.h (workbook-zip.c). The sheets that are tables
 * of a scenario are read with libxml2's streaming reader, one XML node at
 * a time, into rows of text cells (workbook-xlsx.c, workbook-ods.c; this
 * file holds the parts they share). The rows then go through the loader
 * of CSV folders (csv-load.c) as a table source, so that a workbook and
 * a folder are checked by the same code and give the same scenario and
 * the same messages, only placed at a sheet's cell instead of a file's
 * line.
 *
 * A cell's text is the value it stores (workbook.h). Empty cells and
 * rows, which the formats leave out or repeat by a count, take no
 * memory: only rows that hold a value are kept, and each keeps its
 * spreadsheet row number, so that a problem names the row the person
 * sees.
 */
#include "io/workbook-private.h"

#include <math.h>
#include <string.h>
#include <staffmatch/workbook.h>

#include "io/table-source-private.h"

/* ---- sheets -------------------------------------------------------------- */

static void
cell_problem_clear (gpointer data)
{
  g_free (((SmCellProblem *) data)->message);
}

SmSheet *
sm_sheet__new (const char *name)
{
  SmSheet *sheet = g_new0 (SmSheet, 1);
  sheet->name = g_strdup (name);
  sheet->table = sm_csv__table_new (';');
  sheet->row = g_ptr_array_new_with_free_func (g_free);
  sheet->problems = g_array_new (FALSE, FALSE, sizeof (SmCellProblem));
  g_array_set_clear_func (sheet->problems, cell_problem_clear);
  return sheet;
}

void
sm_sheet__problem (SmSheet *sheet, int32_t row_number, int32_t column, int code,
                   const char *message)
{
  SmCellProblem p = { row_number, column + 1, code, g_strdup (message) };
  g_array_append_val (sheet->problems, p);
}

void
sm_sheet__free (SmSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->name);
  sm_csv__table_free (sheet->table);
  g_ptr_array_unref (sheet->row);
  g_array_unref (sheet->problems);
  g_free (sheet);
}

void
sm_sheet__set (SmSheet *sheet, int32_t column, char *text)
{
  g_return_if_fail (column >= 0);
  if (text == NULL || text[0] == '\0')
    {
      g_free (text);
      return;
    }
  while (sheet->row->len <= (guint) column)
    g_ptr_array_add (sheet->row, NULL);
  g_free (sheet->row->pdata[column]);
  sheet->row->pdata[column] = text;
}

void
sm_sheet__end_row (SmSheet *sheet, int32_t row_number)
{
  int32_t n = (int32_t) sheet->row->len;
  if (n == 0)
    return;
  SmCsvRecord record = { row_number, n, g_new0 (char *, n + 1),
                         g_new (int32_t, n) };
  for (int32_t k = 0; k < n; k++)
    {
      char *text = sheet->row->pdata[k];
      record.fields[k] = text != NULL ? text : g_strdup ("");
      sheet->row->pdata[k] = NULL;
      record.lines[k] = row_number;
    }
  g_ptr_array_set_size (sheet->row, 0);
  sheet->width = MAX (sheet->width, n);
  g_array_append_val (sheet->table->records, record);
}

SmCsvTable *
sm_sheet__finish (SmSheet *sheet)
{
  GArray *records = sheet->table->records;
  if (records->len > 0)
    {
      SmCsvRecord *header = &g_array_index (records, SmCsvRecord, 0);
      int32_t n = sheet->width;
      header->fields = g_renew (char *, header->fields, n + 1);
      header->lines = g_renew (int32_t, header->lines, n);
      for (int32_t k = header->n_fields; k < n; k++)
        {
          header->fields[k] = g_strdup ("");
          header->lines[k] = header->line;
        }
      header->fields[n] = NULL;
      header->n_fields = n;
    }
  SmCsvTable *table = sheet->table;
  sheet->table = sm_csv__table_new (';');
  return table;
}

gboolean
sm_workbook__count_cells (guint64 *counted, guint64 n, GError **error)
{
  *counted += n;
  if (*counted <= SM_WORKBOOK_MAX_CELLS)
    return TRUE;
  g_set_error (error, SM_ERROR, SM_ERROR_TOO_LARGE,
               "the workbook holds more than %d cells with a value (counting "
               "repeated cells), more than a scenario needs.",
               SM_WORKBOOK_MAX_CELLS);
  return FALSE;
}

/* ---- values -------------------------------------------------------------- */

char *
sm_workbook__number_text (double value)
{
  if (!isfinite (value))
    return g_strdup ("");
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);
  return sm_csv__format_double (value);
}

char *
sm_workbook__serial_date (double serial, gboolean system_1904)
{
  if (!isfinite (serial) || serial < (system_1904 ? 0 : 1) || serial > 150000)
    return NULL;
  int32_t days = (int32_t) floor (serial);
  g_autoptr (GDate) date = g_date_new_dmy (1, 1, 1904);
  if (!system_1904)
    {
      /* Day 1 is 1900-01-01, and day 60 the 29 February 1900 that Lotus
       * 1-2-3 counted and Excel keeps: after it, days count from
       * 1899-12-30. */
      g_date_set_dmy (date, days > 60 ? 30 : 31, 12, 1899);
      if (days == 60)
        return g_strdup ("1900-02-28");
    }
  g_date_add_days (date, (guint) days);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/* ---- XML ----------------------------------------------------------------- */

static void
keep_first_error (void *data, xmlErrorPtr error)
{
  SmXml *x = data;
  if (x->first_error != NULL || error == NULL)
    return;
  x->first_error = g_strstrip (
      g_strdup (error->message != NULL ? error->message : "not well-formed"));
  x->error_line = error->line;
}

gboolean
sm_xml__open (SmXml *x, GBytes *bytes, const char *entry, GError **error)
{
  gsize n;
  const char *data = g_bytes_get_data (bytes, &n);
  memset (x, 0, sizeof *x);
  x->entry = g_strdup (entry);
  if (n > G_MAXINT)
    return sm_xml__fail (x, error);
  x->reader = xmlReaderForMemory (data != NULL ? data : "", (int) n, entry,
                                  NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR
                                      | XML_PARSE_NOWARNING);
  if (x->reader == NULL)
    return sm_xml__fail (x, error);
  xmlTextReaderSetStructuredErrorHandler (x->reader, keep_first_error, x);
  return TRUE;
}

void
sm_xml__close (SmXml *x)
{
  if (x->reader != NULL)
    xmlFreeTextReader (x->reader);
  x->reader = NULL;
  g_clear_pointer (&x->entry, g_free);
  g_clear_pointer (&x->first_error, g_free);
}

gboolean
sm_xml__fail (SmXml *x, GError **error)
{
  if (x->first_error != NULL)
    g_set_error (error, SM_ERROR, SM_ERROR_PARSE,
                 "%s: the workbook's XML is damaged at its line %d (%s); "
                 "open and save the workbook again in a spreadsheet program.",
                 x->entry, x->error_line, x->first_error);
  else
    g_set_error (error, SM_ERROR, SM_ERROR_PARSE,
                 "%s: the workbook's XML cannot be read; open and save the "
                 "workbook again in a spreadsheet program.",
                 x->entry);
  return FALSE;
}

char *
sm_xml__attribute (SmXml *x, const char *name)
{
  char *value = NULL;
  if (xmlTextReaderMoveToFirstAttribute (x->reader) != 1)
    return NULL;
  do
    {
      const char *local = (const char *) xmlTextReaderConstLocalName (
          x->reader);
      if (local != NULL && strcmp (local, name) == 0)
        value = g_strdup ((const char *) xmlTextReaderConstValue (x->reader));
    }
  while (value == NULL && xmlTextReaderMoveToNextAttribute (x->reader) == 1);
  xmlTextReaderMoveToElement (x->reader);
  return value;
}

gboolean
sm_xml__is (SmXml *x, gboolean start, const char *name)
{
  int type = xmlTextReaderNodeType (x->reader);
  if (type != (start ? XML_READER_TYPE_ELEMENT : XML_READER_TYPE_END_ELEMENT))
    return FALSE;
  const char *local = (const char *) xmlTextReaderConstLocalName (x->reader);
  return local != NULL && strcmp (local, name) == 0;
}

/* ---- the table source ---------------------------------------------------- */

/* The tables of a scenario, in the order of csv-load.c. */
static const SmCsvTableSpec *const table_specs[] = {
  &sm_csv_tables__settings,     &sm_csv_tables__organisations,
  &sm_csv_tables__units,        &sm_csv_tables__rules,
  &sm_csv_tables__positions,    &sm_csv_tables__employees,
  &sm_csv_tables__applications, &sm_csv_tables__relations,
  &sm_csv_tables__manual,       &sm_csv_tables__letters,
};

/* A sheet name as compared: lower case, '_' for '-', blanks trimmed. */
static char *
sheet_key (const char *name)
{
  char *key = g_strstrip (g_utf8_strdown (name, -1));
  g_strdelimit (key, "_", '-');
  return key;
}

static gboolean
is_table_sheet (const char *name)
{
  g_autofree char *key = sheet_key (name);
  for (size_t k = 0; k < G_N_ELEMENTS (table_specs); k++)
    {
      g_autofree char *want = sm_csv__table_sheet_name (table_specs[k]);
      if (strcmp (key, want) == 0)
        return TRUE;
    }
  return FALSE;
}

typedef struct {
  char *shown;       /* the workbook's name, for messages */
  GPtrArray *sheets; /* SmSheet, the tables' sheets */
  char *wanted;      /* the sheet name looked for last */
} Book;

static SmSheet *
find_sheet (const Book *book, const SmCsvTableSpec *spec)
{
  g_autofree char *want = sm_csv__table_sheet_name (spec);
  for (guint k = 0; k < book->sheets->len; k++)
    {
      SmSheet *sheet = book->sheets->pdata[k];
      g_autofree char *key = sheet_key (sheet->name);
      if (strcmp (key, want) == 0)
        return sheet;
    }
  return NULL;
}

static void
book_locate (gpointer data, const SmCsvTableSpec *spec,
             SmProblemPlace *place_out, const char **name_out)
{
  Book *book = data;
  SmSheet *sheet = find_sheet (book, spec);
  g_free (book->wanted);
  book->wanted = sm_csv__table_sheet_name (spec);
  const char *name = sheet != NULL ? sheet->name : book->wanted;
  *place_out = (SmProblemPlace){ book->shown, name, SM_SEVERITY_ERROR, 0, 0 };
  *name_out = name;
}

static SmCsvTable *
book_read (gpointer data, const SmCsvTableSpec *spec,
           const SmProblemPlace *place, SmProblemList *problems)
{
  Book *book = data;
  SmSheet *sheet = find_sheet (book, spec);
  if (sheet != NULL)
    {
      for (guint k = 0; k < sheet->problems->len; k++)
        {
          const SmCellProblem *p = &g_array_index (sheet->problems,
                                                   SmCellProblem, k);
          SmProblemPlace at = *place;
          at.line = p->row;
          at.column = p->column;
          sm_problem_list__add_at (problems, &at, NULL, p->code, "%s",
                                   p->message);
        }
      return sm_sheet__finish (sheet);
    }
  if (!spec->optional)
    sm_problem_list__add_at (
        problems, place, NULL, SM_ERROR_PARSE,
        "The workbook has no sheet named '%s'; a scenario workbook needs "
        "the sheets organisations, units, positions, employees, "
        "applications and function-relations (names in any case).",
        book->wanted);
  return NULL;
}

/* The sheets of the workbook at @path that are tables, or NULL. */
static GPtrArray *
read_sheets (const char *path, GError **error)
{
  g_autoptr (SmZip) z = sm_zip__open (path, error);
  if (z == NULL)
    return NULL;
  if (sm_zip__has (z, "xl/workbook.xml"))
    return sm_xlsx__read_sheets (z, is_table_sheet, error);
  if (sm_zip__has (z, "content.xml") && sm_zip__has (z, "mimetype"))
    return sm_ods__read_sheets (z, is_table_sheet, error);
  g_set_error (error, SM_ERROR, SM_ERROR_PARSE,
               "The file is a zip archive, but holds no workbook (neither "
               "xl/workbook.xml, as in .xlsx, nor content.xml, as in .ods); "
               "save the workbook as .xlsx or .ods.");
  return NULL;
}

SmScenario *
sm_scenario_load_workbook (const char *path, SmProblemList *problems,
                           GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autofree char *shown = g_filename_display_name (path);
  g_autoptr (GError) inner = NULL;
  g_autoptr (GPtrArray) sheets = read_sheets (path, &inner);
  if (sheets == NULL)
    {
      g_autoptr (SmProblemList) found = sm_problem_list_new ();
      g_autofree char *prefix = g_strconcat (shown, ": ", NULL);
      const char *message = inner->message;
      if (g_str_has_prefix (message, prefix))
        message += strlen (prefix);
      sm_problem_list__add (found, shown, 0, 0, NULL, inner->code, "%s",
                            message);
      if (problems != NULL)
        sm_problem_list__append_all (found, problems);
      sm_problem_list__to_error (found, error);
      return NULL;
    }
  Book book = { shown, sheets, NULL };
  SmTableSource source = { book_read, book_locate, TRUE, &book };
  SmScenario *scenario = sm_csv__load_tables (&source, problems, error);
  g_free (book.wanted);
  return scenario;
}
