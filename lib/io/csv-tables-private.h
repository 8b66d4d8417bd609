/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the tables of a scenario folder, shared by the loader
 * (csv-load.c) and the saver (csv-save.c). Not installed.
 *
 * Each table is one file with a header row; its columns are listed in the
 * order io.h gives and saving writes, and the enums below name them by
 * their index in that list. The lists are defined in csv-tables.c.
 */
#pragma once

#include <glib.h>

#define SM_CSV_MAX_COLUMNS 10

/* The kinds of item that rows name by identifier. */
typedef enum {
  SM_CSV_REF_ORGANISATION,
  SM_CSV_REF_UNIT,
  SM_CSV_REF_POSITION,
  SM_CSV_REF_EMPLOYEE,
  SM_CSV_REF_RULE,
  SM_CSV_N_REF_KINDS,
  SM_CSV_REF_NONE = -1,
} SmCsvRefKind;

/* Bit k of a column set stands for column k of the table. */
#define SM_CSV_COLUMN(k) (1u << (k))

typedef struct {
  const char *file;
  SmCsvRefKind defines; /* the kind of item of its rows, whose
                           identifier is column 0 */
  gboolean optional;    /* the file may be absent */
  int n_required;       /* the first columns must be present */
  const char *columns[SM_CSV_MAX_COLUMNS + 1]; /* save order,
                                                  NULL-terminated */
  unsigned multiline; /* columns whose text may hold line
                         breaks (free text) */
  unsigned quotable;  /* columns whose values messages may
                         quote, when they look like codes */
  unsigned decimals;  /* columns of decimal numbers, where a
                         decimal comma can split a cell */
} SmCsvTableSpec;

enum {
  SM_CSV_ORG_ID,
  SM_CSV_ORG_NAME,
  SM_CSV_ORG_KIND,
  SM_CSV_ORG_MIN,
  SM_CSV_ORG_MAX
};
extern const SmCsvTableSpec sm_csv_tables__organisations;

enum {
  SM_CSV_UNIT_ID,
  SM_CSV_UNIT_NAME,
  SM_CSV_UNIT_ORGANISATION,
  SM_CSV_UNIT_CLIENT,
  SM_CSV_UNIT_END_YEAR
};
extern const SmCsvTableSpec sm_csv_tables__units;

enum {
  SM_CSV_POS_ID,
  SM_CSV_POS_TITLE,
  SM_CSV_POS_UNIT,
  SM_CSV_POS_FUNCTION,
  SM_CSV_POS_GRADE,
  SM_CSV_POS_FTE,
  SM_CSV_POS_SEATS,
  SM_CSV_POS_TARGET,
  SM_CSV_POS_QUALIFICATIONS,
  SM_CSV_POS_RULE
};
extern const SmCsvTableSpec sm_csv_tables__positions;

enum {
  SM_CSV_EMP_ID,
  SM_CSV_EMP_NAME,
  SM_CSV_EMP_FUNCTION,
  SM_CSV_EMP_UNIT,
  SM_CSV_EMP_GRADE,
  SM_CSV_EMP_FTE,
  SM_CSV_EMP_SERVICE,
  SM_CSV_EMP_BIRTH,
  SM_CSV_EMP_QUALIFICATIONS
};
extern const SmCsvTableSpec sm_csv_tables__employees;

enum {
  SM_CSV_APP_EMPLOYEE,
  SM_CSV_APP_POSITION,
  SM_CSV_APP_PREFERENCE,
  SM_CSV_APP_SCORE,
  SM_CSV_APP_TRAVEL
};
extern const SmCsvTableSpec sm_csv_tables__applications;

enum { SM_CSV_REL_FROM, SM_CSV_REL_TO, SM_CSV_REL_FIT };
extern const SmCsvTableSpec sm_csv_tables__relations;

enum {
  SM_CSV_RULE_ID,
  SM_CSV_RULE_CRITERIA,
  SM_CSV_RULE_DISTANCE,
  SM_CSV_RULE_MIN_FIT,
  SM_CSV_RULE_QUALIFICATIONS,
  SM_CSV_RULE_GRANULARITY
};
extern const SmCsvTableSpec sm_csv_tables__rules;

enum { SM_CSV_MAN_EMPLOYEE, SM_CSV_MAN_POSITION, SM_CSV_MAN_REASON };
extern const SmCsvTableSpec sm_csv_tables__manual;

enum { SM_CSV_SET_KEY, SM_CSV_SET_VALUE };
extern const SmCsvTableSpec sm_csv_tables__settings;

/* The keys of settings.csv, in the order saving writes them. */
enum {
  SM_CSV_SETTING_SEED,
  SM_CSV_SETTING_TIE_BREAKING,
  SM_CSV_SETTING_REFERENCE_DATE,
  SM_CSV_SETTING_REDUCTION,
  SM_CSV_SETTING_AGE_BAND,
  SM_CSV_SETTING_DEFAULT_RULE,
  SM_CSV_SETTING_IMPROVEMENT_CYCLES,
  SM_CSV_N_SETTINGS
};
/* NULL-terminated, for messages that list them. */
extern const char *const sm_csv_tables__setting_names[SM_CSV_N_SETTINGS + 1];

/* letters.csv: the letters' settings (scenario.h, SmLetterSettings), with
 * the columns of settings.csv (SM_CSV_SET_KEY, SM_CSV_SET_VALUE). */
extern const SmCsvTableSpec sm_csv_tables__letters;

/* The keys of letters.csv, in the order saving writes them. */
enum {
  SM_CSV_LETTER_REGIME,
  SM_CSV_LETTER_EFFECTIVE_DATE,
  SM_CSV_LETTER_DATE,
  SM_CSV_LETTER_EMPLOYER,
  SM_CSV_LETTER_DECIDING_BODY,
  SM_CSV_LETTER_SIGNATORY,
  SM_CSV_LETTER_CONTACT,
  SM_CSV_LETTER_RESPONSE_ADDRESS,
  SM_CSV_N_LETTER_SETTINGS
};
/* NULL-terminated, for messages that list them. */
extern const char
    *const sm_csv_tables__letter_names[SM_CSV_N_LETTER_SETTINGS + 1];
