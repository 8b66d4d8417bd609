/* staffmatch: the tables of a scenario folder (csv-tables-private.h).
 *
 * One entry per CSV file: its name, the kind of item its rows define, if
 * any, whether the file may be absent, how many of the first columns are
 * required, and every column in save order (the order of io.h). The
 * loader matches header names against these lists and the saver writes
 * them as the header row, so the two can never disagree. Then the keys of
 * settings.csv and the words of its choices.
 */
#include "csv-tables-private.h"

const SmCsvTableSpec sm_csv_tables__organisations = {
  "organisations.csv", SM_CSV_REF_ORGANISATION, FALSE, 3,
  { "id", "name", "kind", "min_headcount", "max_headcount", NULL }
};

const SmCsvTableSpec sm_csv_tables__units = {
  "units.csv", SM_CSV_REF_UNIT, FALSE, 3,
  { "id", "name", "organisation", "contract_client", "contract_end_year",
    NULL }
};

const SmCsvTableSpec sm_csv_tables__positions = {
  "positions.csv", SM_CSV_REF_POSITION, FALSE, 5,
  { "id", "title", "unit", "function", "grade", "fte", "seats",
    "target_seats", "qualifications", "rule", NULL }
};

const SmCsvTableSpec sm_csv_tables__employees = {
  "employees.csv", SM_CSV_REF_EMPLOYEE, FALSE, 5,
  { "id", "name", "function", "unit", "grade", "fte", "service_start",
    "birth_date", "qualifications", NULL }
};

const SmCsvTableSpec sm_csv_tables__applications = {
  "applications.csv", SM_CSV_REF_NONE, FALSE, 3,
  { "employee", "position", "preference", "committee_score", "travel_km",
    NULL }
};

const SmCsvTableSpec sm_csv_tables__relations = {
  "function-relations.csv", SM_CSV_REF_NONE, FALSE, 3,
  { "from", "to", "fit", NULL }
};

const SmCsvTableSpec sm_csv_tables__rules = {
  "rules.csv", SM_CSV_REF_RULE, TRUE, 2,
  { "id", "criteria", "max_grade_distance", "min_fit",
    "require_qualifications", NULL }
};

const SmCsvTableSpec sm_csv_tables__manual = {
  "manual-placements.csv", SM_CSV_REF_NONE, TRUE, 3,
  { "employee", "position", "reason", NULL }
};

const SmCsvTableSpec sm_csv_tables__settings = {
  "settings.csv", SM_CSV_REF_NONE, TRUE, 2, { "key", "value", NULL }
};

const char *const sm_csv_tables__setting_names[SM_CSV_N_SETTINGS + 1] = {
  "seed", "tie_breaking", "reference_date", "reduction", "age_band_years",
  "default_rule", NULL
};

const char *const sm_csv_tables__kind_names[2] = { "receiving", "default" };
const char *const sm_csv_tables__tie_breaking_names[2] = {
  "single", "per-position"
};
const char *const sm_csv_tables__reduction_names[2] = {
  "priority", "reflection"
};
const char *const sm_csv_tables__direction_names[2] = { "high", "low" };
