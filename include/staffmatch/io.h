/* staffmatch: scenarios and placements in files (CSV and JSON).
 *
 * CSV: a scenario is a folder with one file per table, each with a header
 * row naming its columns (in any order):
 *
 *     organisations.csv        id, name, kind, min_headcount, max_headcount
 *     units.csv                id, name, organisation, contract_client,
 *                              contract_end_year
 *     positions.csv            id, title, unit, function, grade, fte, seats,
 *                              target_seats, qualifications, rule
 *     employees.csv            id, name, function, unit, grade, fte,
 *                              service_start, birth_date, qualifications
 *     applications.csv         employee, position, preference,
 *                              committee_score, travel_km
 *     function-relations.csv   from, to, fit
 *     rules.csv                (optional) id, criteria, max_grade_distance,
 *                              min_fit, require_qualifications
 *     manual-placements.csv    (optional) employee, position, reason
 *     settings.csv             (optional) key, value: seed, tie_breaking,
 *                              reference_date, reduction, age_band_years,
 *                              default_rule
 *
 * Files are read as Dutch spreadsheet programs write them: ';' or ','
 * as delimiter (detected from the header row), UTF-8 with or without a
 * byte-order mark or else Windows-1252 (converted), fields quoted with '"'
 * that may hold delimiters, doubled quotes and line breaks, a decimal comma
 * or point, dates as dd-mm-jjjj or ISO yyyy-mm-dd, lists (qualifications)
 * separated by '|'. Empty optional fields mean "not given". Saving writes
 * the same form with a chosen delimiter, so that a scenario saved, loaded
 * and saved again gives the same bytes.
 *
 * JSON: one document holds a whole scenario, or a placement, with a
 * "format" name and "version" number; see docs in README.
 *
 * Loading is all-or-nothing: a scenario comes back whole or not at all.
 * Every problem found is reported with file, line, column and field in
 * words a person can act on; with a problem list the loader goes on after
 * the first problem and collects all it can find (what `staffmatch check`
 * shows). Outputs are written atomically: to a temporary file renamed into
 * place when complete.
 */
#pragma once

#include <stdint.h>
#include <glib.h>
#include <staffmatch/export.h>
#include <staffmatch/placement.h>
#include <staffmatch/scenario.h>

G_BEGIN_DECLS

/**
 * SmProblem: one problem found in an input.
 * @file: the file's path (or the name of the JSON member's document)
 * @line: 1-based line, or 0 when the problem concerns the whole file
 * @column: 1-based column (field number in CSV, character in JSON), or 0
 * @field: the column or member name, or NULL
 * @code: the SmError code this problem would give on its own
 * @message: what is wrong and what to do, without personal data
 */
typedef struct {
  const char *file;
  int32_t line;
  int32_t column;
  const char *field;
  int code;
  const char *message;
} SmProblem;

typedef struct _SmProblemList SmProblemList;

/** sm_problem_list_new: (transfer full): an empty list. */
SM_API SmProblemList *sm_problem_list_new (void);
SM_API void sm_problem_list_free (SmProblemList *list);
SM_API int32_t sm_problem_list_get_n (const SmProblemList *list);
/** sm_problem_list_get: fills @problem_out with strings borrowed from the
 * list. */
SM_API void sm_problem_list_get (const SmProblemList *list, int32_t index,
                                 SmProblem *problem_out);
/** sm_problem_list_format: (transfer full): "FILE:LINE:COLUMN: FIELD:
 * MESSAGE", one problem per line. */
SM_API char *sm_problem_list_format (const SmProblemList *list);

/** SmCsvDelimiter: the delimiter to write. */
typedef enum {
  SM_CSV_SEMICOLON,
  SM_CSV_COMMA,
} SmCsvDelimiter;

/**
 * sm_scenario_load_csv:
 * @dir: the folder holding the CSV tables
 * @problems: (nullable): when given, collects every problem found
 * @error: return location for an error
 *
 * Errors: the code of the first problem (SM_ERROR_IO, SM_ERROR_PARSE,
 * SM_ERROR_INVALID_VALUE, SM_ERROR_UNKNOWN_ID, SM_ERROR_DUPLICATE_ID,
 * SM_ERROR_INFEASIBLE), its message prefixed with "FILE:LINE:COLUMN:
 * FIELD: ", followed by how many more problems there are.
 *
 * Returns: (transfer full): the scenario, or NULL on any problem.
 */
SM_API SmScenario *sm_scenario_load_csv (const char *dir,
                                         SmProblemList *problems,
                                         GError **error);

/**
 * sm_scenario_save_csv:
 *
 * Writes every table of the scenario into @dir (created if missing), each
 * file atomically; text that a spreadsheet would run as a formula gets a
 * single quote before it, which loading takes off. Errors: SM_ERROR_IO;
 * SM_ERROR_INVALID_VALUE, before any table is written, for a line break
 * in a column other than free text (names of organisations and units,
 * titles, reasons), which loading would refuse.
 */
SM_API gboolean sm_scenario_save_csv (const SmScenario *scenario,
                                      const char *dir,
                                      SmCsvDelimiter delimiter,
                                      GError **error);

/**
 * sm_placement_save_csv:
 *
 * Writes one row per employee, in scenario order: employee, organisation,
 * unit, position, preference (obtained, empty if none), status (placed,
 * follows-work, supernumerary, manual); identifiers that a spreadsheet
 * would run as formulas start with a single quote. Errors: SM_ERROR_IO.
 */
SM_API gboolean sm_placement_save_csv (const SmPlacement *placement,
                                       const char *path,
                                       SmCsvDelimiter delimiter,
                                       GError **error);

/**
 * sm_scenario_load_json:
 * @path: a JSON file in the scenario format
 *
 * As sm_scenario_load_csv(), for one JSON document; lines and columns are
 * those of the JSON text.
 */
SM_API SmScenario *sm_scenario_load_json (const char *path,
                                          SmProblemList *problems,
                                          GError **error);
/** sm_scenario_load_json_data: as sm_scenario_load_json() on text;
 * @name stands for the file in messages. */
SM_API SmScenario *sm_scenario_load_json_data (const char *data,
                                               gsize length,
                                               const char *name,
                                               SmProblemList *problems,
                                               GError **error);
/** sm_scenario_save_json: writes the whole scenario atomically. */
SM_API gboolean sm_scenario_save_json (const SmScenario *scenario,
                                       const char *path,
                                       GError **error);
/** sm_placement_save_json: writes the placement (every employee's
 * outcome, positions, organisations; with the library version, the seed
 * and the scenario's checksum) atomically. */
SM_API gboolean sm_placement_save_json (const SmPlacement *placement,
                                        const char *path,
                                        GError **error);

/**
 * sm_scenario_checksum:
 *
 * Returns: (transfer full): the SHA-256, in hex, of the scenario's JSON
 *   form (sm_scenario_save_json()'s bytes): the same scenario, however it
 *   was loaded, has the same checksum, which outputs record so that a
 *   placement can be reproduced.
 */
SM_API char *sm_scenario_checksum (const SmScenario *scenario);

/**
 * sm_scenario_load:
 *
 * Loads @path as a CSV folder when it is a folder, else as JSON.
 */
SM_API SmScenario *sm_scenario_load (const char *path,
                                     SmProblemList *problems,
                                     GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmProblemList, sm_problem_list_free)

G_END_DECLS
