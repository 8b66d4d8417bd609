/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the sheets of an .xlsx workbook (Office Open XML,
 * ECMA-376 part 1, SpreadsheetML), read with libxml2's streaming reader.
 *
 * What is read, and where:
 *
 *   xl/workbook.xml             the sheets' names and relationship ids,
 *                               and date1904 (the 1904 date system of
 *                               workbooks from old Mac Excel)
 *   xl/_rels/workbook.xml.rels  the id's part: worksheets/sheetN.xml,
 *                               sharedStrings.xml, styles.xml
 *   xl/sharedStrings.xml        the texts that cells of type "s" index,
 *                               each plain (<t>) or in runs (<r><t>);
 *                               phonetic runs (<rPh>) are not the text
 *   xl/styles.xml               which cell formats (<cellXfs><xf>) show
 *                               a number as a date: built-in formats 14
 *                               to 22, 27 to 36, 45 to 47 and 50 to 58,
 *                               or a custom format with d or y outside
 *                               quotes and brackets
 *   xl/worksheets/sheetN.xml    <row r><c r s t><v>, <is><t>: a cell's
 *                               value by its type t: s (shared string),
 *                               inlineStr, str (a formula's text), b
 *                               (boolean), e (an error such as #N/A:
 *                               kept as text starting with '#', which no
 *                               column accepts), d (an ISO date), n or
 *                               none (a number; a date when its format
 *                               is one)
 *
 * Cells and rows without r follow the one before. Only the sheets that
 * are tables of a scenario are read.
 */
#include "io/workbook-private.h"

#include <math.h>
#include <string.h>

typedef struct {
  GPtrArray *strings;   /* shared strings */
  GArray *date_formats; /* gboolean per cell format index */
  gboolean system_1904;
  guint64 cells;
} Xlsx;

/* Reads the text of the current element's subtree (<si> or <is>), runs
 * joined, phonetic runs left out; the reader ends on its end tag. */
static gboolean
read_text (SmXml *x, GString *out)
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
      if (skip_depth >= 0 && at <= skip_depth)
        skip_depth = type == XML_READER_TYPE_END_ELEMENT ? -1 : skip_depth;
      else if (skip_depth < 0 && sm_xml__is (x, TRUE, "rPh")
               && !xmlTextReaderIsEmptyElement (x->reader))
        skip_depth = at;
      else if (skip_depth < 0
               && (type == XML_READER_TYPE_TEXT
                   || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
                   || type == XML_READER_TYPE_CDATA))
        g_string_append (out,
                         (const char *) xmlTextReaderConstValue (x->reader));
    }
  return status == 1;
}

static gboolean
read_shared_strings (SmZip *z, const char *entry, Xlsx *book, GError **error)
{
  g_autoptr (GBytes) bytes = sm_zip__read (z, entry, error);
  SmXml x;
  if (bytes == NULL || !sm_xml__open (&x, bytes, entry, error))
    return FALSE;
  int status;
  while ((status = xmlTextReaderRead (x.reader)) == 1)
    if (sm_xml__is (&x, TRUE, "si"))
      {
        GString *text = g_string_new (NULL);
        g_ptr_array_add (book->strings, text);
        if (!read_text (&x, text))
          break;
        if (!sm_workbook__count_cells (&book->cells, 1, error))
          {
            sm_xml__close (&x);
            return FALSE;
          }
      }
  gboolean ok = status == 0 || sm_xml__fail (&x, error);
  sm_xml__close (&x);
  return ok;
}

/* Whether a custom number format shows a date: d or y outside quoted
 * text, brackets (colours, conditions, elapsed time) and escapes. */
static gboolean
is_date_format (const char *code)
{
  gboolean quoted = FALSE;
  int brackets = 0;
  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '[')
        brackets++;
      else if (*p == ']' && brackets > 0)
        brackets--;
      else if (brackets == 0 && strchr ("dDyY", *p) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_builtin_date (long id)
{
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36)
         || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/* One <numFmt> (custom format) or <xf> of <cellXfs>. */
static void
read_style_element (SmXml *x, Xlsx *book, GHashTable *custom,
                    gboolean in_cell_xfs)
{
  g_autofree char *id_text = sm_xml__attribute (x, "numFmtId");
  long id = id_text != NULL ? strtol (id_text, NULL, 10) : 0;
  if (sm_xml__is (x, TRUE, "numFmt"))
    {
      g_autofree char *code = sm_xml__attribute (x, "formatCode");
      if (code != NULL && is_date_format (code))
        g_hash_table_add (custom, GINT_TO_POINTER ((int) id));
    }
  else if (in_cell_xfs && sm_xml__is (x, TRUE, "xf"))
    {
      gboolean date = is_builtin_date (id)
                      || g_hash_table_contains (custom,
                                                GINT_TO_POINTER ((int) id));
      g_array_append_val (book->date_formats, date);
    }
}

static gboolean
read_styles (SmZip *z, const char *entry, Xlsx *book, GError **error)
{
  g_autoptr (GBytes) bytes = sm_zip__read (z, entry, error);
  SmXml x;
  if (bytes == NULL || !sm_xml__open (&x, bytes, entry, error))
    return FALSE;
  g_autoptr (GHashTable) custom = g_hash_table_new (NULL, NULL);
  gboolean in_cell_xfs = FALSE;
  int status;
  while ((status = xmlTextReaderRead (x.reader)) == 1)
    {
      if (sm_xml__is (&x, TRUE, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (x.reader);
      else if (sm_xml__is (&x, FALSE, "cellXfs"))
        in_cell_xfs = FALSE;
      else
        read_style_element (&x, book, custom, in_cell_xfs);
    }
  gboolean ok = status == 0 || sm_xml__fail (&x, error);
  sm_xml__close (&x);
  return ok;
}

/* ---- the workbook and its relationships ---------------------------------- */

typedef struct {
  char *name;
  char *id; /* relationship id */
} SheetRef;

static void
sheet_ref_free (gpointer data)
{
  SheetRef *ref = data;
  g_free (ref->name);
  g_free (ref->id);
  g_free (ref);
}

static gboolean
read_workbook (SmZip *z, Xlsx *book, GPtrArray *refs, GError **error)
{
  g_autoptr (GBytes) bytes = sm_zip__read (z, "xl/workbook.xml", error);
  SmXml x;
  if (bytes == NULL || !sm_xml__open (&x, bytes, "xl/workbook.xml", error))
    return FALSE;
  int status;
  while ((status = xmlTextReaderRead (x.reader)) == 1)
    if (sm_xml__is (&x, TRUE, "workbookPr"))
      {
        g_autofree char *d = sm_xml__attribute (&x, "date1904");
        book->system_1904 = d != NULL
                            && (strcmp (d, "1") == 0
                                || strcmp (d, "true") == 0);
      }
    else if (sm_xml__is (&x, TRUE, "sheet"))
      {
        SheetRef *ref = g_new0 (SheetRef, 1);
        ref->name = sm_xml__attribute (&x, "name");
        ref->id = sm_xml__attribute (&x, "id");
        g_ptr_array_add (refs, ref);
      }
  gboolean ok = status == 0 || sm_xml__fail (&x, error);
  sm_xml__close (&x);
  return ok;
}

/* The part a relationship's target names, from the root of the zip. */
static char *
part_name (const char *target)
{
  if (target[0] == '/')
    return g_strdup (target + 1);
  return g_strconcat ("xl/", target, NULL);
}

/* Relationship id -> part; "#sharedStrings" and "#styles" -> their parts. */
static GHashTable *
read_relationships (SmZip *z, GError **error)
{
  const char *entry = "xl/_rels/workbook.xml.rels";
  g_autoptr (GHashTable)
      parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GBytes) bytes = sm_zip__read (z, entry, error);
  SmXml x;
  if (bytes == NULL || !sm_xml__open (&x, bytes, entry, error))
    return NULL;
  int status;
  while ((status = xmlTextReaderRead (x.reader)) == 1)
    if (sm_xml__is (&x, TRUE, "Relationship"))
      {
        g_autofree char *id = sm_xml__attribute (&x, "Id");
        g_autofree char *type = sm_xml__attribute (&x, "Type");
        g_autofree char *target = sm_xml__attribute (&x, "Target");
        if (id == NULL || type == NULL || target == NULL)
          continue;
        char *part = part_name (target);
        if (g_str_has_suffix (type, "/sharedStrings"))
          g_hash_table_replace (parts, g_strdup ("#sharedStrings"),
                                g_strdup (part));
        else if (g_str_has_suffix (type, "/styles"))
          g_hash_table_replace (parts, g_strdup ("#styles"), g_strdup (part));
        g_hash_table_replace (parts, g_steal_pointer (&id), part);
      }
  gboolean ok = status == 0 || sm_xml__fail (&x, error);
  sm_xml__close (&x);
  return ok ? g_steal_pointer (&parts) : NULL;
}

/* ---- a worksheet ----------------------------------------------------------
 */

/* A cell reference's column (from 0) and row (from 1): "C14" is 2, 14.
 * FALSE when it is not one. */
static gboolean
parse_cell_ref (const char *ref, int32_t *column_out, int32_t *row_out)
{
  int64_t column = 0, row = 0;
  const char *p = ref;
  for (; g_ascii_isalpha (*p) && column <= 16384; p++)
    column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  for (; g_ascii_isdigit (*p) && row <= 1048576; p++)
    row = row * 10 + (*p - '0');
  if (*p != '\0' || column < 1 || column > 16384 || row < 1 || row > 1048576)
    return FALSE;
  *column_out = (int32_t) (column - 1);
  *row_out = (int32_t) row;
  return TRUE;
}

/* A cell being read. */
typedef struct {
  int32_t column;
  char *type;           /* t, or NULL */
  long style;           /* s */
  GString *value;       /* <v> */
  GString *inline_text; /* <is> */
  gboolean has_inline;
} Cell;

/* The text of a finished cell (transfer full), or NULL with the error. */
static char *
cell_text (const Xlsx *book, const Cell *c, GError **error)
{
  const char *t = c->type != NULL ? c->type : "n";
  const char *v = c->value->str;
  if (strcmp (t, "inlineStr") == 0)
    return g_strdup (c->inline_text->str);
  if (strcmp (t, "str") == 0 || strcmp (t, "e") == 0)
    return g_strdup (v);
  if (v[0] == '\0')
    return NULL;
  if (strcmp (t, "s") == 0)
    {
      guint64 index;
      if (!g_ascii_string_to_unsigned (v, 10, 0, G_MAXUINT, &index, NULL)
          || index >= book->strings->len)
        {
          g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE,
                       "The cell names shared string %s, which the workbook "
                       "does not have; the workbook is damaged.",
                       v);
          return NULL;
        }
      return g_strdup (((GString *) book->strings->pdata[index])->str);
    }
  if (strcmp (t, "b") == 0)
    return g_strdup (strcmp (v, "1") == 0 ? "true" : "false");
  if (strcmp (t, "d") == 0)
    return g_strndup (v, 10);
  char *end;
  double number = g_ascii_strtod (v, &end);
  if (*end != '\0')
    return g_strdup (v);
  gboolean date = c->style >= 0 && c->style < (long) book->date_formats->len
                  && g_array_index (book->date_formats, gboolean, c->style);
  char *text = date ? sm_workbook__serial_date (number, book->system_1904)
                    : NULL;
  return text != NULL ? text : sm_workbook__number_text (number);
}

typedef struct {
  SmXml x;
  Xlsx *book;
  SmSheet *sheet;
  int32_t row;  /* the current row, from 1 */
  int32_t next; /* the next cell's column without r, from 0 */
  Cell cell;
} SheetReader;

static void
cell_start (SheetReader *r)
{
  Cell *c = &r->cell;
  g_autofree char *ref = sm_xml__attribute (&r->x, "r");
  g_autofree char *style = sm_xml__attribute (&r->x, "s");
  int32_t row = r->row;
  c->column = r->next;
  if (ref != NULL && !parse_cell_ref (ref, &c->column, &row))
    c->column = r->next;
  g_free (c->type);
  c->type = sm_xml__attribute (&r->x, "t");
  c->style = style != NULL ? strtol (style, NULL, 10) : -1;
  g_string_truncate (c->value, 0);
  g_string_truncate (c->inline_text, 0);
  r->next = c->column + 1;
}

static gboolean
cell_end (SheetReader *r, GError **error)
{
  g_autoptr (GError) problem = NULL;
  char *text = cell_text (r->book, &r->cell, &problem);
  if (problem != NULL)
    sm_sheet__problem (r->sheet, r->row, r->cell.column, problem->code,
                       problem->message);
  else if (r->cell.type != NULL && strcmp (r->cell.type, "e") == 0)
    sm_sheet__problem (r->sheet, r->row, r->cell.column, SM_ERROR_INVALID_VALUE,
                       "The cell holds a spreadsheet error instead of a "
                       "value; correct its formula or type the value.");
  if (text != NULL && text[0] != '\0'
      && !sm_workbook__count_cells (&r->book->cells, 1, error))
    {
      g_free (text);
      return FALSE;
    }
  sm_sheet__set (r->sheet, r->cell.column, text);
  return TRUE;
}

static void
row_start (SheetReader *r)
{
  g_autofree char *number = sm_xml__attribute (&r->x, "r");
  guint64 row;
  if (number != NULL
      && g_ascii_string_to_unsigned (number, 10, 1, 1048576, &row, NULL))
    r->row = (int32_t) row;
  else
    r->row++;
  r->next = 0;
}

/* Reads the element at the reader's position; FALSE on error. */
static gboolean
sheet_node (SheetReader *r, GError **error)
{
  SmXml *x = &r->x;
  gboolean empty = xmlTextReaderIsEmptyElement (x->reader);
  if (sm_xml__is (x, TRUE, "row"))
    {
      row_start (r);
      if (empty)
        sm_sheet__end_row (r->sheet, r->row);
    }
  else if (sm_xml__is (x, FALSE, "row"))
    sm_sheet__end_row (r->sheet, r->row);
  else if (sm_xml__is (x, TRUE, "c"))
    {
      cell_start (r);
      if (empty)
        return cell_end (r, error);
    }
  else if (sm_xml__is (x, FALSE, "c"))
    return cell_end (r, error);
  else if (sm_xml__is (x, TRUE, "v"))
    return read_text (x, r->cell.value) || sm_xml__fail (x, error);
  else if (sm_xml__is (x, TRUE, "is"))
    return read_text (x, r->cell.inline_text) || sm_xml__fail (x, error);
  return TRUE;
}

static SmSheet *
read_worksheet (SmZip *z, Xlsx *book, const char *name, const char *entry,
                GError **error)
{
  g_autoptr (GBytes) bytes = sm_zip__read (z, entry, error);
  SheetReader r = { 0 };
  if (bytes == NULL || !sm_xml__open (&r.x, bytes, entry, error))
    return NULL;
  r.book = book;
  r.sheet = sm_sheet__new (name);
  r.cell.value = g_string_new (NULL);
  r.cell.inline_text = g_string_new (NULL);
  int status;
  gboolean ok = TRUE;
  while (ok && (status = xmlTextReaderRead (r.x.reader)) == 1)
    ok = sheet_node (&r, error);
  if (ok && status != 0)
    ok = sm_xml__fail (&r.x, error);
  sm_xml__close (&r.x);
  g_string_free (r.cell.value, TRUE);
  g_string_free (r.cell.inline_text, TRUE);
  g_free (r.cell.type);
  if (!ok)
    g_clear_pointer (&r.sheet, sm_sheet__free);
  return r.sheet;
}

/* Reads the shared strings and styles the relationships name. */
static gboolean
read_book_parts (SmZip *z, GHashTable *parts, Xlsx *book, GError **error)
{
  const char *strings = g_hash_table_lookup (parts, "#sharedStrings");
  const char *styles = g_hash_table_lookup (parts, "#styles");
  return (strings == NULL || !sm_zip__has (z, strings)
          || read_shared_strings (z, strings, book, error))
         && (styles == NULL || !sm_zip__has (z, styles)
             || read_styles (z, styles, book, error));
}

static GPtrArray *
read_wanted_sheets (SmZip *z, Xlsx *book, GPtrArray *refs, GHashTable *parts,
                    SmSheetWanted wanted, GError **error)
{
  g_autoptr (GPtrArray)
      sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sm_sheet__free);
  for (guint k = 0; k < refs->len; k++)
    {
      const SheetRef *ref = refs->pdata[k];
      if (ref->name == NULL || ref->id == NULL || !wanted (ref->name))
        continue;
      const char *entry = g_hash_table_lookup (parts, ref->id);
      if (entry == NULL)
        {
          g_set_error (error, SM_ERROR, SM_ERROR_PARSE,
                       "xl/workbook.xml: the sheet '%s' has no part in the "
                       "workbook; the workbook is damaged.",
                       ref->name);
          return NULL;
        }
      SmSheet *sheet = read_worksheet (z, book, ref->name, entry, error);
      if (sheet == NULL)
        return NULL;
      g_ptr_array_add (sheets, sheet);
    }
  return g_steal_pointer (&sheets);
}

static void
free_string (gpointer data)
{
  g_string_free (data, TRUE);
}

GPtrArray *
sm_xlsx__read_sheets (SmZip *z, SmSheetWanted wanted, GError **error)
{
  Xlsx book = { g_ptr_array_new_with_free_func (free_string),
                g_array_new (FALSE, FALSE, sizeof (gboolean)), FALSE, 0 };
  g_autoptr (GPtrArray) refs = g_ptr_array_new_with_free_func (sheet_ref_free);
  g_autoptr (GHashTable) parts = NULL;
  GPtrArray *sheets = NULL;
  if (read_workbook (z, &book, refs, error)
      && (parts = read_relationships (z, error)) != NULL
      && read_book_parts (z, parts, &book, error))
    sheets = read_wanted_sheets (z, &book, refs, parts, wanted, error);
  g_ptr_array_unref (book.strings);
  g_array_unref (book.date_formats);
  return sheets;
}
