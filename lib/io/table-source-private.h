/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: where the tables of a scenario come from, for the loader
 * (csv-load.c). A folder of CSV files and a workbook's sheets
 * (workbook-read.c) give the same tables of text cells, which one loader
 * turns into a scenario, with the same checks and messages; only where a
 * problem is (a file's line and field, or a sheet's cell) and how a table
 * is found differ. Not installed. */
#pragma once

#include <glib.h>
#include <staffmatch/io.h>

#include "io/csv-private.h"
#include "io/csv-tables-private.h"
#include "io/problems-private.h"

typedef struct {
  /* The table of @spec (transfer full). NULL when it is absent or cannot
   * be read: the function has then added the problem, at @place, unless
   * an optional table is absent. @place is the table's place as
   * locate() gives it. */
  SmCsvTable *(*read) (gpointer data, const SmCsvTableSpec *spec,
                       const SmProblemPlace *place, SmProblemList *problems);
  /* Fills @place_out (file and sheet, borrowed from @data and valid until
   * the next call) with where the table of @spec is, and *@name_out with
   * how messages name the table ("employees.csv", or the sheet). */
  void (*locate) (gpointer data, const SmCsvTableSpec *spec,
                  SmProblemPlace *place_out, const char **name_out);
  /* Cells of a workbook: a line break in a cell is no stray quote, and
   * rows are rows, not lines. */
  gboolean workbook;
  gpointer data;
} SmTableSource;

/* Loads a scenario from the tables of @source (see csv-load.c); the
 * problems found are appended to @problems (may be NULL), and the first
 * error sets @error. Returns: (transfer full): the scenario, or NULL. */
SmScenario *sm_csv__load_tables (const SmTableSource *source,
                                 SmProblemList *problems, GError **error);

/* The sheet name of a table: its file name without ".csv"
 * ("function-relations"). (transfer full) */
char *sm_csv__table_sheet_name (const SmCsvTableSpec *spec);

/* The table of @spec of @scenario as saving writes it and loading reads
 * it back: its header row, then its rows of text (csv-save.c), for
 * writers of other forms (workbooks). Errors: those of
 * sm_scenario_save_csv(). (transfer full) */
SmCsvTable *sm_csv__render_table (const SmScenario *scenario,
                                  const SmCsvTableSpec *spec, GError **error);
