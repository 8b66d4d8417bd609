/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: scenarios and placements as spreadsheet workbooks.
 *
 * HR teams keep their data in workbooks. A scenario workbook (.xlsx, as
 * Excel writes it, or .ods, as LibreOffice does) holds one sheet per
 * table of a scenario folder (io.h), named as the file without ".csv"
 * (organisations, units, positions, employees, applications,
 * function-relations, and optionally rules, manual-placements, settings
 * and letters; names match in any case, and '_' may stand for '-'), with
 * the same columns in its first non-empty row. Other sheets (a README, a
 * sheet of notes) are ignored. It loads with the same checks, the same
 * all-or-nothing result and the same messages as the folder, each
 * problem naming the workbook, the sheet and the cell as a spreadsheet
 * does: "scenario.xlsx: employees!C14: function: ...".
 *
 * Cells are read as they are stored, not as they are shown: a number is
 * its value (an identifier typed as 10234 reads as "10234", a decimal as
 * 0.8), a date is the day (from its date serial in the workbook's 1900
 * or 1904 system in .xlsx, from its date value in .ods), text is text
 * (shared or inline strings), a boolean is true or false. A cell that
 * holds a spreadsheet error (#N/A, #REF!) is a problem; a formula gives
 * its stored result.
 *
 * The placement workbook is what HR reads and keeps: one sheet of
 * people, and one sheet per organisation and per unit, each with a
 * frozen header row, a filter on every column and dates as dates.
 *
 * The simulation workbook (sm_simulation_save_xlsx()) holds a lottery
 * simulation's chances per employee, the mechanisms side by side and the
 * settings that produced them.
 */
#pragma once

#include <stdint.h>
#include <glib.h>
#include <staffmatch/error.h>
#include <staffmatch/export.h>
#include <staffmatch/io.h>
#include <staffmatch/placement.h>
#include <staffmatch/scenario.h>
#include <staffmatch/simulation.h>

G_BEGIN_DECLS

/**
 * SM_WORKBOOK_MAX_SIZE:
 *
 * The most bytes the files inside a workbook may
 * unpack to, 256 MiB in all (a workbook of 98,230 employees and 42,009
 * applications unpacks to 38 MiB). A zip file can unpack to thousands of times
 * its own size (a "zip bomb"); the sizes its directory declares are checked
 * before anything is unpacked, and what is unpacked is counted, so that
 * a file that lies about its sizes stops at the limit too.
 */
#define SM_WORKBOOK_MAX_SIZE ((guint64) 256 * 1024 * 1024)

/**
 * SM_WORKBOOK_MAX_ENTRIES:
 *
 * The most files a workbook's zip may hold,
 * 10,000 (a workbook of every table holds about 20).
 */
#define SM_WORKBOOK_MAX_ENTRIES 10000

/**
 * SM_WORKBOOK_MAX_CELLS:
 *
 * The most cells holding a value that one
 * workbook may have, 20 million (.ods repeats a cell or a row by a
 * count, so a small file can stand for many cells; repeated empty cells
 * and rows do not count).
 */
#define SM_WORKBOOK_MAX_CELLS 20000000

/**
 * sm_scenario_load_workbook:
 * @path: an .xlsx or .ods file (told apart by content, not by name)
 * @problems: (nullable): when given, collects every problem found, and
 *   the warnings (sm_problem_list_get_severity())
 * @error: return location for an error
 *
 * As sm_scenario_load_csv(), for a workbook with one sheet per table
 * (see the top of this header). Problems name the sheet
 * (sm_problem_list_get_sheet()), with the row as the line and the
 * column (A = 1) as the column.
 *
 * Errors, besides those of sm_scenario_load_csv(): SM_ERROR_IO when the
 * file cannot be read; SM_ERROR_PARSE for a file that is not a zip
 * archive (an old .xls, a password-protected workbook, a CSV file), a
 * zip that holds no spreadsheet, damaged XML, a required sheet that is
 * missing; SM_ERROR_INVALID_VALUE for a cell with a spreadsheet error or
 * a shared string that does not exist; SM_ERROR_TOO_LARGE for a file of
 * more than SM_WORKBOOK_MAX_SIZE bytes, a zip of more than
 * SM_WORKBOOK_MAX_ENTRIES files or that unpacks to more than
 * SM_WORKBOOK_MAX_SIZE bytes, or more than SM_WORKBOOK_MAX_CELLS cells.
 *
 * Returns: (transfer full): the scenario, or NULL on any error; free with
 *   sm_scenario_unref().
 */
SM_API SmScenario *sm_scenario_load_workbook (const char *path,
                                              SmProblemList *problems,
                                              GError **error);

/**
 * sm_scenario_save_xlsx:
 * @scenario: the scenario
 * @path: the .xlsx file to write (replaced atomically)
 * @error: return location for an error
 *
 * Writes the scenario as a workbook that sm_scenario_load_workbook()
 * reads back to the same scenario: a README sheet that explains every
 * column, then one sheet per table (the optional ones too), each with
 * its header row frozen, a filter, dates as dates, numbers as numbers
 * and identifiers as text; the columns that take one of a few words
 * (kind, fit, min_fit, require_qualifications, and the settings' keys)
 * offer them in a list. Errors: SM_ERROR_IO.
 *
 * Returns: TRUE when written.
 */
SM_API gboolean sm_scenario_save_xlsx (const SmScenario *scenario,
                                       const char *path, GError **error);

/**
 * sm_placement_save_xlsx:
 * @placement: the placement
 * @path: the .xlsx file to write (replaced atomically)
 * @error: return location for an error
 *
 * Writes the placement as a workbook for HR: a sheet "people" with one
 * row per employee in scenario order (id, name, current function,
 * current unit, grade, service start, organisation, unit, position and
 * its title, preference obtained, status, and a one-line reason in
 * English), then one sheet per organisation and one per unit with the
 * people placed there. Every sheet has a frozen header row, a filter and
 * column widths that fit; dates are dates. The workbook holds personal
 * data (names): it is HR's file, not one to share. The same placement
 * gives the same bytes. Errors: SM_ERROR_IO.
 *
 * Returns: TRUE when written.
 */
SM_API gboolean sm_placement_save_xlsx (const SmPlacement *placement,
                                        const char *path, GError **error);

/**
 * sm_scenario_new_template:
 *
 * The scenario of an empty template (`staffmatch init`): one example row
 * in every table (two organisations: one receiving, one the default), so
 * that it loads, checks and places, and shows how each column is
 * filled.
 *
 * Returns: (transfer full): the scenario; free with sm_scenario_unref().
 */
SM_API SmScenario *sm_scenario_new_template (void);

/**
 * sm_template_readme:
 *
 * Returns: (transfer full): the text that explains every table and
 *   column of a scenario (what a function code is, the fit table, that
 *   an employee's unit belongs to the default organisation, what grades
 *   mean), as `staffmatch init` writes it to README.txt and as the
 *   README sheet of sm_scenario_save_xlsx() shows it; free with g_free().
 */
SM_API char *sm_template_readme (void);

/**
 * sm_simulation_save_xlsx:
 * @simulations: (array length=n_simulations): simulations of one
 *   scenario, typically one per mechanism; the first one's mechanism
 *   gives the probabilities
 * @n_simulations: how many, 1 or more
 * @path: the .xlsx file to write (replaced atomically)
 * @error: return location for an error
 *
 * Writes the chances of a simulation (simulation.h) as a workbook for HR:
 * a sheet "probabilities" with one row per outcome each employee could
 * have under the first simulation's mechanism (employee identifier and
 * name, position and title, status, preference, draws, probability, and
 * the low and high ends of its 95% interval), a sheet "mechanisms" with
 * one row per simulation (runs, first choices mean and standard
 * deviation, placed, following their work, supernumerary mean and
 * standard deviation, people whose outcome depends on the draw,
 * improvement cycles, mean placed at preferences 1 to 3), and a sheet
 * "settings" (mechanism, runs, seed as text, library version, scenario
 * checksum). Numbers are numbers (chances formatted as percentages);
 * every sheet has its header row frozen, a filter and column widths that
 * fit. The workbook holds names: it is HR's file, not one to share. The
 * same simulations give the same bytes.
 *
 * Errors: SM_ERROR_INVALID_VALUE when the simulations are not all of the
 * same scenario (by sm_scenario_checksum()); SM_ERROR_IO when the file
 * cannot be written.
 *
 * Returns: TRUE when written.
 */
SM_API gboolean sm_simulation_save_xlsx (const SmSimulation *const *simulations,
                                         int32_t n_simulations,
                                         const char *path, GError **error);

G_END_DECLS
