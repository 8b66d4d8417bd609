/* SPDX-License-Identifier: LGPL-2.1-or-later */
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
 *                              min_fit, require_qualifications,
 *                              granularity
 *     manual-placements.csv    (optional) employee, position, reason
 *     settings.csv             (optional) key, value: seed, tie_breaking,
 *                              reference_date, reduction, age_band_years,
 *                              default_rule
 *     letters.csv              (optional) key, value: regime,
 *                              effective_date, letter_date, employer,
 *                              deciding_body, signatory, contact,
 *                              response_address (scenario.h,
 *                              SmLetterSettings)
 *
 * Files are read as Dutch spreadsheet programs write them: ';' or ','
 * as delimiter (detected from the header row), UTF-8 with or without a
 * byte-order mark or else Windows-1252 (converted), fields quoted with '"'
 * that may hold delimiters, doubled quotes and line breaks, a decimal comma
 * or point, dates as dd-mm-jjjj or ISO yyyy-mm-dd, lists (qualifications)
 * separated by '|'. A rule's granularity (optional, empty = every
 * criterion in days) is a '|'-separated list of criterion:granularity,
 * such as "service:years|age:months" (SmGranularity). Empty optional
 * fields mean "not given". A file's name
 * matches in any case (Employees.CSV), and a table saved as Excel's
 * "Unicode text" (UTF-16 with its byte-order mark, tab-separated) is read
 * under the same name ending in .txt. Saving writes the same form with a
 * chosen delimiter, so that a scenario saved, loaded and saved again gives
 * the same bytes.
 *
 * What a spreadsheet does to data gets its own message: a date exported
 * as its serial number (41456) or with a two-digit year (01-07-13), an
 * identifier shown in scientific notation (1,0143E+11, refused: its last
 * digits are lost), an identifier whose leading zeros were dropped in one
 * table (the message names the identifier probably meant). A column a
 * table does not have and whose name is not close to one it has (a column
 * of remarks) is a warning (sm_problem_list_get_severity()), and its
 * values are ignored; `staffmatch check` lists it. Workbooks: workbook.h.
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
#include <staffmatch/error.h>
#include <staffmatch/export.h>
#include <staffmatch/placement.h>
#include <staffmatch/scenario.h>
#include <staffmatch/validate.h>

G_BEGIN_DECLS

/**
 * SmProblem:
 * @file: the file's path (or the name of the JSON member's document)
 * @line: 1-based line, or 0 when the problem concerns the whole file
 * @column: 1-based column (field number in CSV, character in JSON), or 0
 * @field: the column or member name, or NULL
 * @code: the SmError code this problem would give on its own
 * @message: what is wrong and what to do, without personal data
 *
 * One problem found in an input.
 */
typedef struct {
  const char *file;
  int32_t line;
  int32_t column;
  const char *field;
  SmError code;
  const char *message;
} SmProblem;

typedef struct _SmProblemList SmProblemList;

/**
 * sm_problem_list_new:
 *
 * Makes an empty list, to pass to a loader that fills it.
 *
 * Returns: (transfer full): the list; free with sm_problem_list_free().
 */
SM_API SmProblemList *sm_problem_list_new (void);
/**
 * sm_problem_list_free: (skip)
 *
 * Frees the list and its problems' strings; NULL is allowed.
 * Bindings free it through its boxed type (types.h).
 */
SM_API void sm_problem_list_free (SmProblemList *list);
/**
 * sm_problem_list_get_n:
 *
 * The number of problems in the list.
 */
SM_API int32_t sm_problem_list_get_n (const SmProblemList *list);
/**
 * sm_problem_list_get:
 * @index: 0 .. n-1, in the order found
 * @problem_out: (out caller-allocates): filled with strings borrowed from
 *   the list, valid until it is freed
 *
 * Returns: TRUE, or FALSE when @index is out of range (then @problem_out
 *   is left untouched).
 */
SM_API gboolean sm_problem_list_get (const SmProblemList *list, int32_t index,
                                     SmProblem *problem_out);
/**
 * sm_problem_list_get_sheet:
 * @index: 0 .. n-1, in the order found
 *
 * For a problem in a workbook (workbook.h), the sheet it is on; its
 * SmProblem then has the row as @line and the column (A = 1) as @column.
 *
 * Returns: (transfer none): the sheet's name, borrowed from the list, or
 *   NULL for a problem in a text file or when @index is out of range.
 */
SM_API const char *sm_problem_list_get_sheet (const SmProblemList *list,
                                              int32_t index);
/**
 * sm_problem_list_get_severity:
 * @index: 0 .. n-1, in the order found
 *
 * Loaders add errors, which make the load fail, and warnings, which do
 * not: a column a table does not have (such as a column of remarks) is
 * a warning, and its values are ignored.
 *
 * Returns: SM_SEVERITY_ERROR or SM_SEVERITY_WARNING (SM_SEVERITY_ERROR
 *   when @index is out of range).
 */
SM_API SmSeverity sm_problem_list_get_severity (const SmProblemList *list,
                                                int32_t index);
/**
 * sm_problem_list_count:
 * @list: a list
 * @severity: errors or warnings
 *
 * Returns: how many problems of the list have @severity.
 */
SM_API int32_t sm_problem_list_count (const SmProblemList *list,
                                      SmSeverity severity);
/**
 * sm_problem_list_format:
 *
 * Returns: (transfer full): the problems as text, one a line, each as
 *   "FILE:LINE:COLUMN: FIELD: MESSAGE" (leaving out the line, column or
 *   field when not known), or for a workbook "FILE: SHEET!CELL: FIELD:
 *   MESSAGE" (CELL as a spreadsheet names it, C14; a whole row as 14:14),
 *   with "warning: " before the message of a warning; "" for an empty
 *   list. Free with g_free().
 */
SM_API char *sm_problem_list_format (const SmProblemList *list);

/**
 * SmCsvDelimiter:
 *
 * The delimiter to write.
 */
typedef enum {
  SM_CSV_DELIMITER_SEMICOLON,
  SM_CSV_DELIMITER_COMMA,
} SmCsvDelimiter;

/**
 * sm_scenario_load_csv:
 * @dir: the folder holding the CSV tables
 * @problems: (nullable): when given, collects every problem found
 * @error: return location for an error
 *
 * Errors: the code of the first problem (SM_ERROR_IO, SM_ERROR_PARSE,
 * SM_ERROR_INVALID_VALUE, SM_ERROR_UNKNOWN_ID, SM_ERROR_DUPLICATE_ID,
 * SM_ERROR_DUPLICATE for a setting given twice or a criterion twice in
 * a rule, SM_ERROR_INFEASIBLE), its message prefixed with
 * "FILE:LINE:COLUMN: FIELD: ", followed by how many more problems there
 * are.
 *
 * Returns: (transfer full): the scenario, or NULL on any problem; free
 *   with sm_scenario_unref().
 */
SM_API SmScenario *
sm_scenario_load_csv (const char *dir, SmProblemList *problems, GError **error);

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
                                      const char *dir, SmCsvDelimiter delimiter,
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
 * SM_SCENARIO_JSON_MAX_SIZE:
 *
 * The largest scenario document the JSON
 * loaders read, 256 MiB (far more than the scenario of any real
 * reorganisation needs). The limit is what bounds the memory a load may
 * take: json-glib's tree needs about ten times the size of the text, so
 * a document at the limit may need 2.5 to 3.5 GB while it is read.
 */
#define SM_SCENARIO_JSON_MAX_SIZE ((gsize) 256 * 1024 * 1024)

/**
 * sm_scenario_load_json:
 * @path: a JSON file in the scenario format
 * @problems: (nullable): when given, collects every problem found
 * @error: return location for an error
 *
 * As sm_scenario_load_csv(), for one JSON document (RFC 8259, UTF-8 with
 * or without a byte order mark; block comments are allowed); lines and
 * columns are those of the JSON text, counted in characters, and the
 * field of a problem is the JSON path of the value, such as
 * "employees[3].birth_date".
 *
 * Before the document is parsed, the text is checked, and its first
 * problem of the kinds below is the only one reported: nothing the
 * parser would change or drop is let through. Refused are: text that is
 * not UTF-8 or holds a NUL byte, any syntax error, anything but blanks
 * after the document, single-quoted texts, escapes JSON does not know,
 * the escape of the NUL character, half of a surrogate pair and raw
 * control characters in texts, numbers in another form than JSON's
 * (SM_ERROR_PARSE); a whole number beyond 64 bits, a number beyond a
 * double's range or so small that it would read as 0
 * (SM_ERROR_INVALID_VALUE); a member name given twice in one object
 * (SM_ERROR_DUPLICATE); lists and objects nested more than 64 levels
 * deep (SM_ERROR_TOO_LARGE). A file larger than
 * SM_SCENARIO_JSON_MAX_SIZE is refused with SM_ERROR_TOO_LARGE before it
 * is read (a pipe or device is read no further than the limit).
 *
 * Messages name the place and the member, never the value of a text (a
 * name or a date may be personal data); identifiers may be quoted, and
 * an unknown member is named only when it is a near miss of a known one.
 *
 * Returns: (transfer full): the scenario, or NULL on any problem; free
 *   with sm_scenario_unref().
 */
SM_API SmScenario *sm_scenario_load_json (const char *path,
                                          SmProblemList *problems,
                                          GError **error);
/**
 * sm_scenario_load_json_data:
 * @data: (array length=length) (element-type guint8) (nullable): the
 *   text, or NULL when @length is 0
 * @length: its length in bytes, or (gsize) -1 when @data ends with a NUL
 *   byte (as in GLib)
 * @name: (nullable): stands for the file in messages ("JSON text" when
 *   NULL)
 * @problems: (nullable): when given, collects every problem found
 * @error: return location for an error
 *
 * As sm_scenario_load_json() on text in memory. Text longer than
 * SM_SCENARIO_JSON_MAX_SIZE is refused with SM_ERROR_TOO_LARGE.
 *
 * Returns: (transfer full): the scenario, or NULL on any problem; free
 *   with sm_scenario_unref().
 */
SM_API SmScenario *sm_scenario_load_json_data (const char *data, gsize length,
                                               const char *name,
                                               SmProblemList *problems,
                                               GError **error);
/**
 * sm_scenario_save_json:
 *
 * Writes the whole scenario to @path atomically. Errors: SM_ERROR_IO.
 */
SM_API gboolean sm_scenario_save_json (const SmScenario *scenario,
                                       const char *path, GError **error);
/**
 * sm_placement_save_json:
 *
 * Writes the placement (every employee's outcome, positions, organisations;
 * with the library version, the seed and the scenario's checksum) to @path
 * atomically. Errors: SM_ERROR_IO.
 */
SM_API gboolean sm_placement_save_json (const SmPlacement *placement,
                                        const char *path, GError **error);

/**
 * sm_scenario_checksum:
 *
 * Returns: (transfer full): the SHA-256, in hex, of the scenario's JSON
 *   form (sm_scenario_save_json()'s bytes, without the letters' settings,
 *   which decide nothing in a placement): the same scenario, however it
 *   was loaded, has the same checksum, which outputs record so that a
 *   placement can be reproduced. Free with g_free().
 */
SM_API char *sm_scenario_checksum (const SmScenario *scenario);

/**
 * sm_placement_checksum:
 *
 * The checksum of the scenario as it was placed: its JSON form with the
 * settings the placement was made with (placement.h), which the
 * scenario's own may no longer be. Every output of a placement records
 * this one.
 *
 * Returns: (transfer full): the SHA-256, in hex; free with g_free().
 */
SM_API char *sm_placement_checksum (const SmPlacement *placement);

/**
 * sm_scenario_load:
 * @path: a folder of CSV tables or a JSON file
 * @problems: (nullable): when given, collects every problem found
 * @error: return location for an error
 *
 * Loads @path as a CSV folder (sm_scenario_load_csv()) when it is a
 * folder; as a workbook (sm_scenario_load_workbook(), workbook.h) when
 * its name ends in .xlsx, .xlsm or .ods (in any case) or it is a zip
 * archive; else as a JSON file (sm_scenario_load_json()), with that
 * loader's errors. A file named .csv, .txt or .tsv is one table, not a
 * scenario: SM_ERROR_PARSE says so (instead of "not valid JSON").
 *
 * Returns: (transfer full): the scenario, or NULL on any problem; free
 *   with sm_scenario_unref().
 */
SM_API SmScenario *sm_scenario_load (const char *path, SmProblemList *problems,
                                     GError **error);

/**
 * sm_csv_delimiter_to_string:
 *
 * Returns: (transfer none): the value's stable name in files, reports and
 *   the tool ("semicolon", "comma"), a static string; NULL (with a
 *   critical) for a value outside SmCsvDelimiter.
 */
SM_API const char *sm_csv_delimiter_to_string (SmCsvDelimiter value);
/**
 * sm_csv_delimiter_from_string:
 * @value_out: (out) (optional): gets the value
 *
 * Reads a name of sm_csv_delimiter_to_string() back into @value_out (which
 * may be NULL); FALSE, leaving it untouched, for an unknown name.
 */
SM_API gboolean sm_csv_delimiter_from_string (const char *text,
                                              SmCsvDelimiter *value_out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmProblemList, sm_problem_list_free)

G_END_DECLS
