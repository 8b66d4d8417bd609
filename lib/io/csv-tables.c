/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the tables of a scenario folder (csv-tables-private.h).
 *
 * One entry per CSV file: its name, the kind of item its rows define, if
 * any, whether the file may be absent, how many of the first columns are
 * required, and every column in save order (the order of io.h). The
 * loader matches header names against these lists and the saver writes
 * them as the header row, so the two can never disagree. Then the keys of
 * settings.csv and the words of its choices.
 *
 * Each table also says three things about its columns:
 *
 *   - Which may hold line breaks: only free text that people write in a
 *     spreadsheet cell with Alt+Enter, that is the names of organisations
 *     and units, the titles of positions and the reasons of manual
 *     placements. Identifiers, references, codes, numbers, dates, lists
 *     and words of choices are one line, and so is a person's name: a
 *     line break there is a typing slip or, far more often, a stray quote
 *     that has swallowed the rows after it.
 *   - Which values messages may quote. The tables about people
 *     (employees, applications, manual placements) hold names and dates
 *     of birth, and a cell can hold them whatever its header says
 *     (shifted or swapped columns, a missing header row), so there only
 *     identifiers and references are quoted; the other tables hold no
 *     personal data and any value may be quoted. Either way csv-load.c
 *     quotes a value only when it looks like a code (see there).
 *   - Which hold decimal numbers, where an unquoted decimal comma in a
 *     comma-separated file splits one cell in two.
 */
#include "io/csv-tables-private.h"

const SmCsvTableSpec sm_csv_tables__organisations = {
  "organisations.csv",
  SM_CSV_REF_ORGANISATION,
  FALSE,
  3,
  { "id", "name", "kind", "min_headcount", "max_headcount", NULL },
  SM_CSV_COLUMN (SM_CSV_ORG_NAME),
  ~0u,
  0
};

const SmCsvTableSpec sm_csv_tables__units = { "units.csv",
                                              SM_CSV_REF_UNIT,
                                              FALSE,
                                              3,
                                              { "id", "name", "organisation",
                                                "contract_client",
                                                "contract_end_year", NULL },
                                              SM_CSV_COLUMN (SM_CSV_UNIT_NAME),
                                              ~0u,
                                              0 };

const SmCsvTableSpec sm_csv_tables__positions = {
  "positions.csv",
  SM_CSV_REF_POSITION,
  FALSE,
  5,
  { "id", "title", "unit", "function", "grade", "fte", "seats", "target_seats",
    "qualifications", "rule", NULL },
  SM_CSV_COLUMN (SM_CSV_POS_TITLE),
  ~0u,
  SM_CSV_COLUMN (SM_CSV_POS_FTE)
};

const SmCsvTableSpec sm_csv_tables__employees = {
  "employees.csv",
  SM_CSV_REF_EMPLOYEE,
  FALSE,
  5,
  { "id", "name", "function", "unit", "grade", "fte", "service_start",
    "birth_date", "qualifications", NULL },
  0,
  SM_CSV_COLUMN (SM_CSV_EMP_ID) | SM_CSV_COLUMN (SM_CSV_EMP_FUNCTION)
      | SM_CSV_COLUMN (SM_CSV_EMP_UNIT),
  SM_CSV_COLUMN (SM_CSV_EMP_FTE)
};

const SmCsvTableSpec sm_csv_tables__applications = {
  "applications.csv",
  SM_CSV_REF_NONE,
  FALSE,
  3,
  { "employee", "position", "preference", "committee_score", "travel_km",
    NULL },
  0,
  SM_CSV_COLUMN (SM_CSV_APP_EMPLOYEE) | SM_CSV_COLUMN (SM_CSV_APP_POSITION),
  SM_CSV_COLUMN (SM_CSV_APP_SCORE) | SM_CSV_COLUMN (SM_CSV_APP_TRAVEL)
};

const SmCsvTableSpec sm_csv_tables__relations = { "function-relations.csv",
                                                  SM_CSV_REF_NONE,
                                                  FALSE,
                                                  3,
                                                  { "from", "to", "fit", NULL },
                                                  0,
                                                  ~0u,
                                                  0 };

const SmCsvTableSpec sm_csv_tables__rules = {
  "rules.csv",
  SM_CSV_REF_RULE,
  TRUE,
  2,
  { "id", "criteria", "max_grade_distance", "min_fit", "require_qualifications",
    "granularity", NULL },
  0,
  ~0u,
  0
};

const SmCsvTableSpec sm_csv_tables__manual = {
  "manual-placements.csv",
  SM_CSV_REF_NONE,
  TRUE,
  3,
  { "employee", "position", "reason", NULL },
  SM_CSV_COLUMN (SM_CSV_MAN_REASON),
  SM_CSV_COLUMN (SM_CSV_MAN_EMPLOYEE) | SM_CSV_COLUMN (SM_CSV_MAN_POSITION),
  0
};

const SmCsvTableSpec sm_csv_tables__settings = {
  "settings.csv", SM_CSV_REF_NONE, TRUE, 2, { "key", "value", NULL }, 0, ~0u, 0
};

const char *const sm_csv_tables__setting_names[SM_CSV_N_SETTINGS + 1] = {
  "seed",           "tie_breaking", "reference_date",     "reduction",
  "age_band_years", "default_rule", "improvement_cycles", NULL
};

/* The values may name people (the signatory, the contact): messages quote
 * only the keys. */
const SmCsvTableSpec sm_csv_tables__letters = { "letters.csv",
                                                SM_CSV_REF_NONE,
                                                TRUE,
                                                2,
                                                { "key", "value", NULL },
                                                0,
                                                SM_CSV_COLUMN (SM_CSV_SET_KEY),
                                                0 };

const char *const sm_csv_tables__letter_names[SM_CSV_N_LETTER_SETTINGS + 1] = {
  "regime",   "effective_date",   "letter_date",
  "employer", "deciding_body",    "signatory",
  "contact",  "response_address", NULL
};
