/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the report in plain text and in Markdown.
 *
 * Both forms are written by the one walk over the report's blocks,
 * sm_report__render() (summary.c); each gives only how a heading, a
 * paragraph, a list of facts and a table look. The text form aligns
 * columns by display width (so "Financiën" pads like "Financien"), the
 * Markdown form writes pipe tables.
 */
#include "report/summary-private.h"

#include <string.h>
#include <staffmatch/report.h>

/* ---- the table walk of both forms ---------------------------------------- */

static gboolean
table_right (const SmReportTable *t, guint column)
{
  return column < 32 && (t->right >> column & 1);
}

/* Writes one cell, or the cell of the line under the header when @cell is
 * NULL; @width is the renderer's own (the text form's column widths). */
typedef void (*TableCellFunc) (GString *out, const SmReportTable *t,
                               guint column, const char *cell,
                               const gsize *width);

/* Both forms write a table as its header line, a line under it, then the
 * body, each line opened by @start and ended by a newline. */
static void
table_walk (GString *out, const SmReportTable *t, const char *start,
            TableCellFunc cell_func, const gsize *width)
{
  guint n_rows = sm_report_table__get_n_rows (t);
  for (guint line = 0; line <= n_rows; line++)
    {
      g_string_append (out, start);
      for (guint c = 0; c < t->n_columns; c++)
        cell_func (out, t, c,
                   line == 1 ? NULL
                             : sm_report_table__get (t, line - (line > 1), c),
                   width);
      g_string_append_c (out, '\n');
    }
}

/* ---- plain text -----------------------------------------------------------
 */

static void
pad (GString *out, gsize n)
{
  for (gsize k = 0; k < n; k++)
    g_string_append_c (out, ' ');
}

/* Appends @cell in a column of @width, aligned right or left; the last
 * column is not padded on the right, so lines end without blanks. */
static void
text_cell (GString *out, const char *cell, gsize width, gboolean right,
           gboolean last)
{
  gsize w = sm_report__text_width (cell);
  gsize fill = width > w ? width - w : 0;
  if (right)
    pad (out, fill);
  g_string_append (out, cell);
  if (!right && !last)
    pad (out, fill);
}

/* One cell of a table line, or of the rule under the header when @cell
 * is NULL, in its column of @width. */
static void
text_table_cell (GString *out, const SmReportTable *t, guint column,
                 const char *cell, const gsize *width)
{
  if (column > 0)
    g_string_append (out, "  ");
  if (cell == NULL)
    for (gsize k = 0; k < width[column]; k++)
      g_string_append_c (out, '-');
  else
    text_cell (out, cell, width[column], table_right (t, column),
               column + 1 == t->n_columns);
}

static void
text_table (GString *out, const SmReportTable *t)
{
  guint n_rows = sm_report_table__get_n_rows (t);
  g_autofree gsize *width = g_new0 (gsize, t->n_columns);
  for (guint row = 0; row < n_rows; row++)
    for (guint c = 0; c < t->n_columns; c++)
      width[c] = MAX (width[c],
                      sm_report__text_width (sm_report_table__get (t, row, c)));
  table_walk (out, t, "  ", text_table_cell, width);
}

static void
text_facts (GString *out, const SmReportTable *t)
{
  gsize width = 0;
  guint n_rows = sm_report_table__get_n_rows (t);
  for (guint row = 1; row < n_rows; row++)
    width = MAX (width,
                 sm_report__text_width (sm_report_table__get (t, row, 0)));
  for (guint row = 1; row < n_rows; row++)
    {
      const char *key = sm_report_table__get (t, row, 0);
      g_string_append_printf (out, "%s:", key);
      pad (out, width - sm_report__text_width (key) + 1);
      g_string_append_printf (out, "%s\n", sm_report_table__get (t, row, 1));
    }
}

/* Appends @text as lines of at most @width columns, broken at spaces (a
 * word longer than a line gets a line of its own). */
static void
text_wrap (GString *out, const char *text, gsize width)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  gsize column = 0;
  for (char **w = words; *w != NULL; w++)
    {
      gsize len = sm_report__text_width (*w);
      if (**w == '\0')
        continue;
      if (column > 0 && column + 1 + len > width)
        {
          g_string_append_c (out, '\n');
          column = 0;
        }
      else if (column > 0)
        {
          g_string_append_c (out, ' ');
          column++;
        }
      g_string_append (out, *w);
      column += len;
    }
  g_string_append_c (out, '\n');
}

static void
text_heading (GString *out, const SmReportBlock *b)
{
  if (b->level >= 3)
    {
      g_string_append_printf (out, "%s:\n", b->text);
      return;
    }
  g_string_append_printf (out, "%s\n", b->text);
  gsize width = sm_report__text_width (b->text);
  for (gsize k = 0; k < width; k++)
    g_string_append_c (out, b->level == 1 ? '=' : '-');
  g_string_append_c (out, '\n');
}

static void
text_paragraph (GString *out, const char *text)
{
  text_wrap (out, text, 76);
}

static const SmReportForm text_form = {
  text_heading,
  text_paragraph,
  text_facts,
  text_table,
};

char *
sm_report_summary_text (const SmPlacement *placement)
{
  g_return_val_if_fail (placement != NULL, NULL);
  return sm_report__render (placement, &text_form, FALSE);
}

/* ---- Markdown -------------------------------------------------------------
 */

/* Appends @text with Markdown's special characters escaped, so that a
 * name or a reason cannot open emphasis, a link or a table cell. */
static void
md_escape (GString *out, const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    {
      if (strchr ("\\`*_[]<>|#~&", *c) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *c);
    }
}

/* One cell of a pipe table line, or of its alignment line when @cell is
 * NULL. */
static void
md_table_cell (GString *out, const SmReportTable *t, guint column,
               const char *cell, const gsize *width)
{
  if (cell == NULL)
    {
      g_string_append (out, table_right (t, column) ? " ---: |" : " --- |");
      return;
    }
  g_string_append_c (out, ' ');
  md_escape (out, cell);
  g_string_append (out, " |");
}

static void
md_table (GString *out, const SmReportTable *t)
{
  table_walk (out, t, "|", md_table_cell, NULL);
}

static void
md_paragraph (GString *out, const char *text)
{
  md_escape (out, text);
  g_string_append_c (out, '\n');
}

static void
md_heading (GString *out, const SmReportBlock *b)
{
  for (int k = 0; k < b->level; k++)
    g_string_append_c (out, '#');
  g_string_append_c (out, ' ');
  md_paragraph (out, b->text);
}

static void
md_facts (GString *out, const SmReportTable *t)
{
  for (guint row = 1; row < sm_report_table__get_n_rows (t); row++)
    {
      g_string_append (out, "- **");
      md_escape (out, sm_report_table__get (t, row, 0));
      g_string_append (out, ":** ");
      md_escape (out, sm_report_table__get (t, row, 1));
      g_string_append_c (out, '\n');
    }
}

static const SmReportForm markdown_form = {
  md_heading,
  md_paragraph,
  md_facts,
  md_table,
};

char *
sm_report_summary_markdown (const SmPlacement *placement)
{
  g_return_val_if_fail (placement != NULL, NULL);
  return sm_report__render (placement, &markdown_form, FALSE);
}

/* ---- in a language of choice --------------------------------------------- */

static gboolean
is_dutch (const SmReportOptions *options)
{
  return options->language == SM_LANGUAGE_DUTCH;
}

char *
sm_report_summary_text_with (const SmPlacement *placement,
                             const SmReportOptions *options)
{
  g_return_val_if_fail (placement != NULL && options != NULL, NULL);
  g_return_val_if_fail (options->version == SM_REPORT_OPTIONS_VERSION, NULL);
  return sm_report__render (placement, &text_form, is_dutch (options));
}

char *
sm_report_summary_markdown_with (const SmPlacement *placement,
                                 const SmReportOptions *options)
{
  g_return_val_if_fail (placement != NULL && options != NULL, NULL);
  g_return_val_if_fail (options->version == SM_REPORT_OPTIONS_VERSION, NULL);
  return sm_report__render (placement, &markdown_form, is_dutch (options));
}

char *
sm_report_html_with (const SmPlacement *placement,
                     const SmReportOptions *options)
{
  g_return_val_if_fail (placement != NULL && options != NULL, NULL);
  g_return_val_if_fail (options->version == SM_REPORT_OPTIONS_VERSION, NULL);
  return sm_report__html (placement, is_dutch (options));
}
