/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the sheets of an .ods workbook (OpenDocument 1.2 and 1.3,
 * part 3, as LibreOffice Calc writes it), read from content.xml with
 * libxml2's streaming reader.
 *
 * A sheet is a <table:table table:name>, its rows <table:table-row>
 * (also inside header rows and row groups) and its cells
 * <table:table-cell> and <table:covered-table-cell>. Rows and cells may
 * carry a repeat count (table:number-rows-repeated,
 * table:number-columns-repeated): LibreOffice ends every sheet with an
 * empty row repeated to the millionth, so empty repeats only move the
 * count on, and repeats with a value count against
 * SM_WORKBOOK_MAX_CELLS. A cell's value is by office:value-type: float,
 * percentage and currency give office:value (the number stored, not the
 * text shown, which may be "1,0143E+11"), date gives the day of
 * office:date-value, boolean office:boolean-value; string and anything
 * else give the text: its paragraphs (<text:p>) joined by line breaks,
 * with <text:s text:c> as that many spaces, <text:tab> and
 * <text:line-break>; comments (<office:annotation>) are not the text.
 */
#include "io/workbook-private.h"

#include <string.h>

typedef struct {
  SmXml x;
  SmSheetWanted wanted;
  GPtrArray *sheets; /* SmSheet */
  SmSheet *sheet;    /* the sheet being read, or NULL when skipped */
  int32_t row;       /* rows before the current one */
  int32_t column;    /* cells before the current one */
  guint64 cells;
  /* the current row, kept to repeat it */
  GPtrArray *row_cells; /* char *, by column; NULL for empty */
} Ods;

static int32_t
repeat_count (SmXml *x, const char *name)
{
  g_autofree char *text = sm_xml__attribute (x, name);
  guint64 n;
  if (text == NULL
      || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT32, &n, NULL))
    return 1;
  return (int32_t) n;
}

/* Appends the text of a <text:p> or <text:h> subtree. */
static gboolean
read_paragraph (SmXml *x, GString *out)
{
  int depth = xmlTextReaderDepth (x->reader);
  int skip_depth = -1;
  if (xmlTextReaderIsEmptyElement (x->reader))
    return TRUE;
  int status;
  while ((status = xmlTextReaderRead (x->reader)) == 1
         && xmlTextReaderDepth (x->reader) > depth)
    {
      int type = xmlTextReaderNodeType (x->reader);
      int at = xmlTextReaderDepth (x->reader);
      if (skip_depth >= 0)
        skip_depth = at == skip_depth && type == XML_READER_TYPE_END_ELEMENT
                         ? -1
                         : skip_depth;
      else if (sm_xml__is (x, TRUE, "note")
               && !xmlTextReaderIsEmptyElement (x->reader))
        skip_depth = at;
      else if (sm_xml__is (x, TRUE, "s"))
        for (int32_t n = repeat_count (x, "c"); n > 0 && out->len < 65536; n--)
          g_string_append_c (out, ' ');
      else if (sm_xml__is (x, TRUE, "tab"))
        g_string_append_c (out, '\t');
      else if (sm_xml__is (x, TRUE, "line-break"))
        g_string_append_c (out, '\n');
      else if (type == XML_READER_TYPE_TEXT
               || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
               || type == XML_READER_TYPE_CDATA)
        g_string_append (out,
                         (const char *) xmlTextReaderConstValue (x->reader));
    }
  return status == 1;
}

/* The text of a cell's content: its paragraphs, comments left out. The
 * reader ends on the cell's end tag. */
static gboolean
read_cell_content (SmXml *x, GString *out)
{
  int depth = xmlTextReaderDepth (x->reader);
  gboolean first = TRUE;
  int status;
  while ((status = xmlTextReaderRead (x->reader)) == 1
         && xmlTextReaderDepth (x->reader) > depth)
    {
      gboolean empty = xmlTextReaderIsEmptyElement (x->reader);
      if (sm_xml__is (x, TRUE, "annotation") && !empty)
        {
          if (xmlTextReaderNext (x->reader) != 1)
            return FALSE;
          if (xmlTextReaderDepth (x->reader) <= depth)
            break;
        }
      if (sm_xml__is (x, TRUE, "p") || sm_xml__is (x, TRUE, "h"))
        {
          if (!first)
            g_string_append_c (out, '\n');
          first = FALSE;
          if (!read_paragraph (x, out))
            return FALSE;
        }
    }
  return status == 1;
}

/* The value of the cell at the reader (transfer full), NULL when empty;
 * the reader ends on the cell's end tag. */
static gboolean
read_cell_value (SmXml *x, char **text_out)
{
  g_autofree char *type = sm_xml__attribute (x, "value-type");
  g_autofree char *value = NULL;
  *text_out = NULL;
  if (type != NULL
      && (strcmp (type, "float") == 0 || strcmp (type, "percentage") == 0
          || strcmp (type, "currency") == 0))
    {
      value = sm_xml__attribute (x, "value");
      char *end = NULL;
      double number = value != NULL ? g_ascii_strtod (value, &end) : 0;
      if (value != NULL && end != value && *end == '\0')
        *text_out = sm_workbook__number_text (number);
    }
  else if (type != NULL && strcmp (type, "date") == 0)
    {
      value = sm_xml__attribute (x, "date-value");
      if (value != NULL)
        *text_out = g_strndup (value, 10);
    }
  else if (type != NULL && strcmp (type, "boolean") == 0)
    *text_out = sm_xml__attribute (x, "boolean-value");
  g_autoptr (GString) content = g_string_new (NULL);
  if (!xmlTextReaderIsEmptyElement (x->reader)
      && !read_cell_content (x, content))
    return FALSE;
  if (*text_out == NULL && type != NULL)
    *text_out = g_string_free (g_steal_pointer (&content), FALSE);
  return TRUE;
}

/* A cell: its value, repeated across its columns. */
static gboolean
read_cell (Ods *o, GError **error)
{
  int32_t repeat = repeat_count (&o->x, "number-columns-repeated");
  char *text = NULL;
  if (!read_cell_value (&o->x, &text))
    return sm_xml__fail (&o->x, error);
  if (o->sheet == NULL || text == NULL || text[0] == '\0')
    {
      g_free (text);
      o->column = o->column > G_MAXINT32 - repeat ? G_MAXINT32
                                                  : o->column + repeat;
      return TRUE;
    }
  if (!sm_workbook__count_cells (&o->cells, (guint64) repeat, error)
      || o->column > 16384 - repeat)
    {
      g_free (text);
      if (error != NULL && *error == NULL)
        g_set_error (error, SM_ERROR, SM_ERROR_TOO_LARGE,
                     "content.xml: the sheet '%s' has a value beyond column "
                     "16384, more than a spreadsheet has.",
                     o->sheet->name);
      return FALSE;
    }
  for (int32_t k = 0; k < repeat; k++)
    {
      while (o->row_cells->len <= (guint) o->column)
        g_ptr_array_add (o->row_cells, NULL);
      o->row_cells->pdata[o->column++] = k + 1 < repeat ? g_strdup (text)
                                                        : text;
    }
  return TRUE;
}

/* Ends a row: it goes into the sheet as many times as it repeats. */
static gboolean
end_row (Ods *o, int32_t repeat, GError **error)
{
  guint n = 0;
  for (guint k = 0; k < o->row_cells->len; k++)
    n += o->row_cells->pdata[k] != NULL;
  if (o->sheet != NULL && n > 0 && repeat > 1
      && !sm_workbook__count_cells (&o->cells,
                                    (guint64) n * (guint64) (repeat - 1),
                                    error))
    return FALSE;
  for (int32_t r = 0; n > 0 && o->sheet != NULL && r < repeat; r++)
    {
      for (guint k = 0; k < o->row_cells->len; k++)
        if (o->row_cells->pdata[k] != NULL)
          sm_sheet__set (o->sheet, (int32_t) k,
                         g_strdup (o->row_cells->pdata[k]));
      sm_sheet__end_row (o->sheet, o->row + r + 1);
    }
  o->row = o->row > G_MAXINT32 - repeat ? G_MAXINT32 : o->row + repeat;
  g_ptr_array_set_size (o->row_cells, 0);
  return TRUE;
}

/* A row: its cells up to its end tag. */
static gboolean
read_row (Ods *o, GError **error)
{
  int32_t repeat = repeat_count (&o->x, "number-rows-repeated");
  int depth = xmlTextReaderDepth (o->x.reader);
  o->column = 0;
  if (xmlTextReaderIsEmptyElement (o->x.reader))
    return end_row (o, repeat, error);
  int status;
  while ((status = xmlTextReaderRead (o->x.reader)) == 1
         && xmlTextReaderDepth (o->x.reader) > depth)
    if ((sm_xml__is (&o->x, TRUE, "table-cell")
         || sm_xml__is (&o->x, TRUE, "covered-table-cell"))
        && !read_cell (o, error))
      return FALSE;
  if (status != 1)
    return sm_xml__fail (&o->x, error);
  return end_row (o, repeat, error);
}

static void
start_table (Ods *o)
{
  g_autofree char *name = sm_xml__attribute (&o->x, "name");
  o->row = 0;
  o->sheet = NULL;
  if (name != NULL && o->wanted (name))
    {
      o->sheet = sm_sheet__new (name);
      g_ptr_array_add (o->sheets, o->sheet);
    }
}

GPtrArray *
sm_ods__read_sheets (SmZip *z, SmSheetWanted wanted, GError **error)
{
  g_autoptr (GBytes) bytes = sm_zip__read (z, "content.xml", error);
  Ods o = { 0 };
  if (bytes == NULL || !sm_xml__open (&o.x, bytes, "content.xml", error))
    return NULL;
  o.wanted = wanted;
  o.sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sm_sheet__free);
  o.row_cells = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;
  int status;
  while (ok && (status = xmlTextReaderRead (o.x.reader)) == 1)
    if (sm_xml__is (&o.x, TRUE, "table"))
      start_table (&o);
    else if (sm_xml__is (&o.x, FALSE, "table"))
      o.sheet = NULL;
    else if (sm_xml__is (&o.x, TRUE, "table-row"))
      ok = read_row (&o, error);
  if (ok && status != 0)
    ok = sm_xml__fail (&o.x, error);
  sm_xml__close (&o.x);
  g_ptr_array_unref (o.row_cells);
  if (!ok)
    g_clear_pointer (&o.sheets, g_ptr_array_unref);
  return o.sheets;
}
