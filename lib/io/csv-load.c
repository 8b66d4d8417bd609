/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: loading scenarios from folders of CSV tables (io.h).
 *
 * HR teams prepare a reorganisation in spreadsheets, one sheet per table,
 * and fix what the loader complains about; so loading reports every
 * problem it can find in one pass, each with file, line, column and field,
 * and still returns all or nothing. Each row is parsed into the public
 * spec of its item and added through the public scenario API, which does
 * every check of the model; a row with a problem of its own (a field that
 * is not a number, an unknown word) is reported and not added, and the
 * loader goes on with the next row. A scenario error is placed on the
 * column it concerns where that can be told (the row's identifier for a
 * duplicate, the reference that does not exist), else on the row alone.
 *
 * Follow-on problems are not reported: a row that names an item whose own
 * row was refused (or whose whole table could not be read) is left out
 * silently, since fixing the first problem fixes it, and one typo in an
 * organisation would otherwise bury the list under every unit, position,
 * employee and application below it.
 *
 * Tables load in the order their references need: settings, the letters'
 * settings (letters.csv, key and value like settings.csv), organisations,
 * units, rules, positions, employees, applications, function relations,
 * manual placements; the default rule named in the settings is set once
 * the rules are in. Header names are matched after trimming, in any case
 * and order; an unknown column is reported (its values are ignored), a
 * missing required column makes the table's rows unreadable; a first row
 * that names no column at all is taken for a missing header row. Blank
 * rows are skipped.
 *
 * Nothing is lost or changed silently. A row with more cells than the
 * header row is refused whatever the extra cells hold (empty ones
 * included: its values may have shifted one column to the right), and in
 * a comma-separated file a split decimal in a number column is named as
 * the likely cause. A quoted field that holds line breaks is refused in a
 * column that cannot hold them (csv-tables.c says which can), and in one
 * that can when it holds a row's worth of delimiters after a line break
 * that starts like a row: both are the marks of a stray quote that has
 * swallowed the rows up to the next quote. Either problem names the line
 * where the quote opened and the line where it closed.
 *
 * Messages never quote personal data. Rows are named by file, line,
 * column and field. A value is quoted only when its column may be quoted
 * (csv-tables.c: identifiers and references in the tables about people,
 * anything in the others) and it looks like a code: at most 40
 * characters of printable ASCII without blanks, and no date. An unknown
 * column is quoted only when it looks like a column name: at most 32
 * letters, '_' and '-', no digits, no blanks. A message of the scenario
 * layer, which quotes identifiers, is passed on only when it quotes none
 * of the row's values that may not be quoted (a name or date in an
 * identifier column, say, or a whole row read as one cell); otherwise a
 * message without quotes takes its place.
 *
 * The tables, their columns and the words of choices are those of
 * csv-tables.c; saving is csv-save.c's. sm_scenario_load(), at the end,
 * loads a folder here and a file as JSON (json-read.c).
 */
#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <staffmatch/error.h>
#include <staffmatch/io.h>

#include "core/enum-names-private.h"
#include "io/csv-private.h"
#include "io/csv-tables-private.h"
#include "io/file-private.h"
#include "io/problems-private.h"

/* ---- the loader and its problems ---------------------------------------- */

typedef struct {
  SmScenario *scenario;
  SmProblemList *problems;
  const char *dir;
  const SmCsvTableSpec *spec; /* the table being read */
  char *path;                 /* its path, for messages */
  char delimiter;             /* the table's */
  const SmCsvRecord *header;
  int32_t where[SM_CSV_MAX_COLUMNS]; /* header index of each column, or
                                        -1 */
  const SmCsvRecord *row;            /* the row being read */
  int32_t row_problems;              /* problems before the row */
  gboolean row_dropped;              /* not added, for a follow-on problem */
  const char *value_name;            /* settings: the key, as field name */
  GHashTable *rejected[SM_CSV_N_REF_KINDS]; /* identifiers of rows not
                                               added */
  gboolean lost[SM_CSV_N_REF_KINDS]; /* a whole table could not be read */
  SmReduction reduction;             /* settings, applied when all are read */
  int32_t age_band_years;
  guint settings_seen; /* bit k: setting k was given */
  guint letters_seen;  /* bit k: key k of letters.csv was given */
  char *default_rule;  /* settings, applied after the rules */
  char *default_rule_path;
  int32_t default_rule_line;
  int32_t default_rule_column;
} Loader;

static void problem (Loader *l, int32_t line, int32_t column, const char *field,
                     int code, const char *format, ...) G_GNUC_PRINTF (6, 7);
static void report (Loader *l, int k, int code, const char *format, ...)
    G_GNUC_PRINTF (4, 5);

static void
problem (Loader *l, int32_t line, int32_t column, const char *field, int code,
         const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  sm_problem_list__add (l->problems, l->path, line, column, field, code, "%s",
                        message);
}

static int32_t
column_of (const Loader *l, int k)
{
  return k < 0 || l->where[k] < 0 ? 0 : l->where[k] + 1;
}

/* A problem on column @k of the current row (-1: the row as a whole). */
static void
report (Loader *l, int k, int code, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  const char *field = NULL;
  if (k >= 0)
    field = l->value_name != NULL ? l->value_name : l->spec->columns[k];
  problem (l, l->row->line, column_of (l, k), k >= 0 ? field : NULL, code, "%s",
           message);
}

/* Whether the current row has no problem so far. */
static gboolean
row_ok (const Loader *l)
{
  return sm_problem_list_get_n (l->problems) == l->row_problems
         && !l->row_dropped;
}

/* The text of column @k in the current row; "" when not there. */
static const char *
field (const Loader *l, int k)
{
  int32_t at = l->where[k];
  return at < 0 || at >= l->row->n_fields ? "" : l->row->fields[at];
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* The column (an index of l->spec->columns) of header cell @index, or -1
 * when the cell names none. */
static int
column_at (const Loader *l, int32_t index)
{
  for (int k = 0; l->spec->columns[k] != NULL; k++)
    if (l->where[k] == index)
      return k;
  return -1;
}

/* ---- what messages may quote (see top) ---------------------------------- */

/* Whether @text holds a date: three groups of digits joined by '-', '/'
 * or '.'. */
static gboolean
holds_date (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      const char *q = p;
      int groups = 0;
      while (g_ascii_isdigit (*q))
        {
          while (g_ascii_isdigit (*q))
            q++;
          if (++groups == 3)
            return TRUE;
          if ((*q != '-' && *q != '/' && *q != '.') || !g_ascii_isdigit (q[1]))
            break;
          q++;
        }
    }
  return FALSE;
}

/* Whether @text looks like a code, which a message may quote: 1 to 40
 * printable ASCII characters without blanks, and no date. */
static gboolean
looks_like_code (const char *text)
{
  size_t n = strlen (text);
  if (n == 0 || n > 40)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (*p < '!' || *p > '~')
      return FALSE;
  return !holds_date (text);
}

/* Whether an unknown header cell may be quoted: it looks like a column
 * name (1 to 32 letters, '_' and '-'), not like data. */
static gboolean
looks_like_column_name (const char *text)
{
  size_t n = strlen (text);
  if (n == 0 || n > 32)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p) && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

/* How a message names the value of column @k (transfer full): quoted when
 * it may be, else as "the value". */
static char *
describe (const Loader *l, int k, const char *text)
{
  if ((l->spec->quotable & SM_CSV_COLUMN (k)) && looks_like_code (text))
    return g_strdup_printf ("'%s'", text);
  return g_strdup ("The value");
}

/* Whether a value of column @k must never appear in a message: one that
 * messages may not quote, if it could be a name or a date (short numbers
 * are left alone: they show up inside identifiers). */
static gboolean
is_secret (const Loader *l, int k, const char *text)
{
  if (strlen (text) < 2)
    return FALSE;
  if (k >= 0 && (l->spec->quotable & SM_CSV_COLUMN (k)))
    return !looks_like_code (text);
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalpha (*p) || (guchar) *p >= 0x80)
      return TRUE;
  return strlen (text) > 40 || holds_date (text);
}

/* Whether @message, from the scenario layer, quotes none of the current
 * row's secret values. */
static gboolean
is_safe_message (const Loader *l, const char *message)
{
  for (int32_t index = 0; index < l->row->n_fields; index++)
    {
      const char *text = l->row->fields[index];
      if (is_secret (l, column_at (l, index), text)
          && strstr (message, text) != NULL)
        return FALSE;
    }
  return TRUE;
}

/* What takes the place of a scenario message that is not safe. */
static const char *
unquoted_message (int code)
{
  switch (code)
    {
    case SM_ERROR_DUPLICATE_ID:
      return "The identifier is already taken by an earlier row; give each "
             "row its own (the value is not quoted, as it may be personal "
             "data).";
    case SM_ERROR_UNKNOWN_ID:
      return "The value names an item that does not exist; correct it (it "
             "is not quoted, as it may be personal data).";
    default:
      return "The row cannot be added as it stands; check its values "
             "(they are not quoted, as they may be personal data).";
    }
}

/* A required column left empty: reported; an optional one: not given. */
static gboolean
check_given (Loader *l, int k, const char *what)
{
  if (!is_blank (field (l, k)))
    return TRUE;
  if (k < l->spec->n_required)
    report (l, k, SM_ERROR_INVALID_VALUE, "The field is empty; give %s.", what);
  return FALSE;
}

/* ---- field values ------------------------------------------------------- */

static void
get_int (Loader *l, int k, int64_t min, int64_t max, int32_t empty_value,
         int32_t *out)
{
  int64_t value;
  *out = empty_value;
  if (!check_given (l, k, "a whole number"))
    return;
  if (sm_csv__parse_int (field (l, k), min, max, &value))
    {
      *out = (int32_t) value;
      return;
    }
  g_autofree char *what = describe (l, k, field (l, k));
  if (max == INT32_MAX)
    report (l, k, SM_ERROR_INVALID_VALUE,
            "%s is not a whole number of "
            "at least %" G_GINT64_FORMAT "; correct it.",
            what, (gint64) min);
  else
    report (l, k, SM_ERROR_INVALID_VALUE,
            "%s is not a whole number from "
            "%" G_GINT64_FORMAT " to %" G_GINT64_FORMAT "; correct it.",
            what, (gint64) min, (gint64) max);
}

static void
get_double (Loader *l, int k, double empty_value, double *out)
{
  *out = empty_value;
  if (check_given (l, k, "a number")
      && !sm_csv__parse_double (field (l, k), out))
    {
      g_autofree char *what = describe (l, k, field (l, k));
      report (l, k, SM_ERROR_INVALID_VALUE,
              "%s is not a number; write it "
              "like 0,8 or 0.8.",
              what);
    }
}

/* An FTE: more than 0, at most 2; 1 when not given. */
static void
get_fte (Loader *l, int k, double *out)
{
  int32_t before = sm_problem_list_get_n (l->problems);
  get_double (l, k, 1.0, out);
  if (sm_problem_list_get_n (l->problems) == before
      && !(*out > 0.0 && *out <= 2.0))
    {
      g_autofree char *what = describe (l, k, field (l, k));
      report (l, k, SM_ERROR_INVALID_VALUE,
              "%s is out of range for an "
              "FTE; give more than 0 and at most 2.",
              what);
    }
}

/* The message of sm_date_parse() does not quote the text (personal data). */
static void
get_date (Loader *l, int k, SmDate *out)
{
  GError *error = NULL;
  *out = (SmDate){ 0, 0, 0 };
  if (check_given (l, k, "a date")
      && !sm_date_parse (field (l, k), out, &error))
    {
      report (l, k, SM_ERROR_INVALID_VALUE, "%s", error->message);
      g_error_free (error);
    }
}

static int
find_word (const char *text, const char *const *names)
{
  g_autofree char *word = g_ascii_strdown (text, -1);
  g_strstrip (word);
  return sm_enum__find (names, word);
}

/* One of the NULL-terminated @names (any case), as its index;
 * @empty_value when empty. */
static void
get_word (Loader *l, int k, const char *const *names, int empty_value, int *out)
{
  *out = empty_value;
  if (!check_given (l, k, "a value"))
    return;
  int found = find_word (field (l, k), names);
  if (found >= 0)
    {
      *out = found;
      return;
    }
  g_autoptr (GString) all = g_string_new (NULL);
  for (int w = 0; names[w] != NULL; w++)
    g_string_append_printf (all, "%s%s", w > 0 ? ", " : "", names[w]);
  g_autofree char *what = describe (l, k, field (l, k));
  report (l, k, SM_ERROR_INVALID_VALUE, "%s is not one of: %s.", what,
          all->str);
}

static void
get_fit (Loader *l, int k, SmFit empty_value, SmFit *out)
{
  int found;
  get_word (l, k, sm_enum__fit_names, (int) empty_value, &found);
  *out = (SmFit) found;
}

static void
get_bool (Loader *l, int k, gboolean *out)
{
  *out = FALSE;
  if (check_given (l, k, "yes or no")
      && !sm_csv__parse_bool (field (l, k), out))
    {
      g_autofree char *what = describe (l, k, field (l, k));
      report (l, k, SM_ERROR_INVALID_VALUE, "%s is neither yes nor no.", what);
    }
}

/* A '|'-separated list without empty items (transfer full), or NULL. */
static char **
get_list (const Loader *l, int k)
{
  g_auto (GStrv) items = g_strsplit (field (l, k), "|", -1);
  g_autoptr (GPtrArray) kept = g_ptr_array_new ();
  for (char **p = items; *p != NULL; p++)
    if (!is_blank (g_strstrip (*p)))
      g_ptr_array_add (kept, g_strdup (*p));
  if (kept->len == 0)
    return NULL;
  g_ptr_array_add (kept, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&kept), FALSE);
}

/* An optional reference: NULL when empty. */
static const char *
get_optional_id (const Loader *l, int k)
{
  return is_blank (field (l, k)) ? NULL : field (l, k);
}

/* ---- scenario errors ---------------------------------------------------- */

typedef struct {
  int k;
  SmCsvRefKind kind;
  gboolean required;
} Ref;

static gboolean
is_known (const SmScenario *s, SmCsvRefKind kind, const char *id)
{
  switch (kind)
    {
    case SM_CSV_REF_ORGANISATION:
      return sm_scenario_find_organisation (s, id) >= 0;
    case SM_CSV_REF_UNIT:
      return sm_scenario_find_unit (s, id) >= 0;
    case SM_CSV_REF_POSITION:
      return sm_scenario_find_position (s, id) >= 0;
    case SM_CSV_REF_EMPLOYEE:
      return sm_scenario_find_employee (s, id) >= 0;
    case SM_CSV_REF_RULE:
    default:
      for (int32_t r = 0; r < sm_scenario_get_n_rules (s); r++)
        if (g_str_equal (sm_priority_rule_get_id (sm_scenario_get_rule (s, r)),
                         id))
          return TRUE;
      return FALSE;
    }
}

/* The column a scenario error concerns, or -1 when it cannot be told;
 * *@ref_out is the reference blamed, or -1. */
static int
blame (const Loader *l, const GError *error, int id_k, const Ref *refs,
       int n_refs, int *ref_out)
{
  gboolean invalid = error->code == SM_ERROR_INVALID_VALUE;
  *ref_out = -1;
  if (id_k >= 0
      && (error->code == SM_ERROR_DUPLICATE_ID
          || (invalid && is_blank (field (l, id_k)))))
    return id_k;
  for (int r = 0; r < n_refs; r++)
    {
      const char *id = field (l, refs[r].k);
      *ref_out = r;
      if (invalid && refs[r].required && is_blank (id))
        return refs[r].k;
      if (error->code == SM_ERROR_UNKNOWN_ID && !is_blank (id)
          && !is_known (l->scenario, refs[r].kind, id))
        return refs[r].k;
    }
  *ref_out = -1;
  return -1;
}

/* Whether an unknown identifier is that of an item whose own row (or
 * whole table) already has a problem: then that problem says it all. */
static gboolean
is_follow_on (const Loader *l, const GError *error, const Ref *ref)
{
  if (error->code != SM_ERROR_UNKNOWN_ID || ref == NULL)
    return FALSE;
  return l->lost[ref->kind]
         || g_hash_table_contains (l->rejected[ref->kind], field (l, ref->k));
}

/* Reports a failed add as a problem (and frees @error). */
static void
add_failed (Loader *l, GError *error, int id_k, const Ref *refs, int n_refs)
{
  int ref;
  int k = blame (l, error, id_k, refs, n_refs, &ref);
  if (!is_follow_on (l, error, ref >= 0 ? &refs[ref] : NULL))
    report (l, k, error->code, "%s",
            is_safe_message (l, error->message)
                ? error->message
                : unquoted_message (error->code));
  else
    l->row_dropped = TRUE;
  g_error_free (error);
}

/* ---- rows --------------------------------------------------------------- */

static void
load_organisation (Loader *l)
{
  SmOrganisationSpec spec = SM_ORGANISATION_SPEC_INIT;
  GError *error = NULL;
  int kind;
  spec.id = field (l, SM_CSV_ORG_ID);
  spec.name = field (l, SM_CSV_ORG_NAME);
  get_word (l, SM_CSV_ORG_KIND, sm_enum__organisation_kind_names, 0, &kind);
  spec.kind = kind == 1 ? SM_ORGANISATION_KIND_DEFAULT
                        : SM_ORGANISATION_KIND_RECEIVING;
  get_int (l, SM_CSV_ORG_MIN, 0, INT32_MAX, -1, &spec.min_headcount);
  get_int (l, SM_CSV_ORG_MAX, 0, INT32_MAX, -1, &spec.max_headcount);
  if (row_ok (l) && !sm_scenario_add_organisation (l->scenario, &spec, &error))
    add_failed (l, error, SM_CSV_ORG_ID, NULL, 0);
}

static void
load_unit (Loader *l)
{
  static const Ref refs[] = {
    { SM_CSV_UNIT_ORGANISATION, SM_CSV_REF_ORGANISATION, TRUE },
    { SM_CSV_UNIT_CLIENT, SM_CSV_REF_ORGANISATION, FALSE },
  };
  SmUnitSpec spec = SM_UNIT_SPEC_INIT;
  GError *error = NULL;
  spec.id = field (l, SM_CSV_UNIT_ID);
  spec.name = field (l, SM_CSV_UNIT_NAME);
  spec.organisation_id = field (l, SM_CSV_UNIT_ORGANISATION);
  spec.contract_client_id = get_optional_id (l, SM_CSV_UNIT_CLIENT);
  get_int (l, SM_CSV_UNIT_END_YEAR, 1900, 2200, 0, &spec.contract_end_year);
  if (row_ok (l) && !sm_scenario_add_unit (l->scenario, &spec, &error))
    add_failed (l, error, SM_CSV_UNIT_ID, refs, G_N_ELEMENTS (refs));
}

static void
load_position (Loader *l)
{
  static const Ref refs[] = {
    { SM_CSV_POS_UNIT, SM_CSV_REF_UNIT, TRUE },
    { SM_CSV_POS_RULE, SM_CSV_REF_RULE, FALSE },
  };
  SmPositionSpec spec = SM_POSITION_SPEC_INIT;
  GError *error = NULL;
  g_auto (GStrv) qualifications = get_list (l, SM_CSV_POS_QUALIFICATIONS);
  spec.id = field (l, SM_CSV_POS_ID);
  spec.title = field (l, SM_CSV_POS_TITLE);
  spec.unit_id = field (l, SM_CSV_POS_UNIT);
  spec.function_code = field (l, SM_CSV_POS_FUNCTION);
  get_int (l, SM_CSV_POS_GRADE, 0, INT32_MAX, 0, &spec.grade);
  get_fte (l, SM_CSV_POS_FTE, &spec.fte);
  get_int (l, SM_CSV_POS_SEATS, 1, INT32_MAX, 1, &spec.seats);
  get_int (l, SM_CSV_POS_TARGET, 0, INT32_MAX, -1, &spec.target_seats);
  spec.qualifications = (const char *const *) qualifications;
  spec.rule_id = get_optional_id (l, SM_CSV_POS_RULE);
  if (row_ok (l) && !sm_scenario_add_position (l->scenario, &spec, &error))
    add_failed (l, error, SM_CSV_POS_ID, refs, G_N_ELEMENTS (refs));
}

static void
load_employee (Loader *l)
{
  static const Ref refs[] = { { SM_CSV_EMP_UNIT, SM_CSV_REF_UNIT, TRUE } };
  SmEmployeeSpec spec = SM_EMPLOYEE_SPEC_INIT;
  GError *error = NULL;
  g_auto (GStrv) qualifications = get_list (l, SM_CSV_EMP_QUALIFICATIONS);
  spec.id = field (l, SM_CSV_EMP_ID);
  spec.name = field (l, SM_CSV_EMP_NAME);
  spec.function_code = field (l, SM_CSV_EMP_FUNCTION);
  spec.unit_id = field (l, SM_CSV_EMP_UNIT);
  get_int (l, SM_CSV_EMP_GRADE, 0, INT32_MAX, 0, &spec.grade);
  get_fte (l, SM_CSV_EMP_FTE, &spec.fte);
  get_date (l, SM_CSV_EMP_SERVICE, &spec.service_start);
  get_date (l, SM_CSV_EMP_BIRTH, &spec.birth_date);
  spec.qualifications = (const char *const *) qualifications;
  if (row_ok (l) && !sm_scenario_add_employee (l->scenario, &spec, &error))
    add_failed (l, error, SM_CSV_EMP_ID, refs, G_N_ELEMENTS (refs));
}

static void
load_application (Loader *l)
{
  static const Ref refs[] = {
    { SM_CSV_APP_EMPLOYEE, SM_CSV_REF_EMPLOYEE, TRUE },
    { SM_CSV_APP_POSITION, SM_CSV_REF_POSITION, TRUE },
  };
  SmApplicationSpec spec = SM_APPLICATION_SPEC_INIT;
  GError *error = NULL;
  spec.employee_id = field (l, SM_CSV_APP_EMPLOYEE);
  spec.position_id = field (l, SM_CSV_APP_POSITION);
  get_int (l, SM_CSV_APP_PREFERENCE, 1, INT32_MAX, 0, &spec.preference);
  get_double (l, SM_CSV_APP_SCORE, NAN, &spec.committee_score);
  get_double (l, SM_CSV_APP_TRAVEL, -1.0, &spec.travel_km);
  if (row_ok (l) && !sm_scenario_add_application (l->scenario, &spec, &error))
    add_failed (l, error, -1, refs, G_N_ELEMENTS (refs));
}

static void
load_relation (Loader *l)
{
  /* Function codes are no identifiers of items: only a blank code is
   * blamed (the kind is never looked up). */
  static const Ref refs[] = {
    { SM_CSV_REL_FROM, SM_CSV_REF_UNIT, TRUE },
    { SM_CSV_REL_TO, SM_CSV_REF_UNIT, TRUE },
  };
  GError *error = NULL;
  SmFit fit;
  get_fit (l, SM_CSV_REL_FIT, SM_FIT_NONE, &fit);
  if (row_ok (l)
      && !sm_scenario_add_function_relation (l->scenario,
                                             field (l, SM_CSV_REL_FROM),
                                             field (l, SM_CSV_REL_TO), fit,
                                             &error))
    add_failed (l, error, SM_CSV_REL_FROM, refs, G_N_ELEMENTS (refs));
}

static void
load_manual (Loader *l)
{
  static const Ref refs[] = {
    { SM_CSV_MAN_EMPLOYEE, SM_CSV_REF_EMPLOYEE, TRUE },
    { SM_CSV_MAN_POSITION, SM_CSV_REF_POSITION, TRUE },
  };
  GError *error = NULL;
  if (sm_scenario_add_manual_placement (l->scenario,
                                        field (l, SM_CSV_MAN_EMPLOYEE),
                                        field (l, SM_CSV_MAN_POSITION),
                                        field (l, SM_CSV_MAN_REASON), &error))
    return;
  if (error->code == SM_ERROR_INVALID_VALUE
      && is_blank (field (l, SM_CSV_MAN_REASON))
      && blame (l, error, -1, refs, G_N_ELEMENTS (refs), &(int){ 0 }) < 0)
    {
      report (l, SM_CSV_MAN_REASON, error->code, "%s",
              is_safe_message (l, error->message)
                  ? error->message
                  : unquoted_message (error->code));
      g_error_free (error);
      return;
    }
  add_failed (l, error, -1, refs, G_N_ELEMENTS (refs));
}

/* One "criterion:direction" item of a rule's criteria ("high" when no
 * direction is given). */
static void
add_criterion (Loader *l, SmPriorityRule *rule, const char *item)
{
  g_auto (GStrv) parts = g_strsplit (item, ":", 2);
  g_autofree char *name = g_ascii_strdown (g_strstrip (parts[0]), -1);
  int direction = 0;
  SmCriterion criterion;
  GError *error = NULL;
  if (!sm_criterion_from_string (name, &criterion))
    {
      g_autofree char *what = describe (l, SM_CSV_RULE_CRITERIA, name);
      report (l, SM_CSV_RULE_CRITERIA, SM_ERROR_INVALID_VALUE,
              "%s is not "
              "a criterion; use fit, same-grade, committee-score, service, "
              "age or travel, each with :high or :low.",
              what);
      return;
    }
  if (parts[1] != NULL
      && (direction = find_word (parts[1], sm_enum__direction_names)) < 0)
    {
      g_autofree char *way = g_strstrip (g_strdup (parts[1]));
      g_autofree char *what = describe (l, SM_CSV_RULE_CRITERIA, way);
      report (l, SM_CSV_RULE_CRITERIA, SM_ERROR_INVALID_VALUE,
              "The "
              "criterion '%s' has a direction that is neither high nor low "
              "(%s); use high or low.",
              name, what);
      return;
    }
  if (!sm_priority_rule_add_criterion (rule, criterion,
                                       direction == 1
                                           ? SM_DIRECTION_LOWER_FIRST
                                           : SM_DIRECTION_HIGHER_FIRST,
                                       &error))
    {
      report (l, SM_CSV_RULE_CRITERIA, error->code, "%s", error->message);
      g_error_free (error);
    }
}

/* One "criterion:granularity" item of a rule's granularity column. */
static void
set_granularity (Loader *l, SmPriorityRule *rule, const char *item)
{
  g_auto (GStrv) parts = g_strsplit (item, ":", 2);
  g_autofree char *name = g_ascii_strdown (g_strstrip (parts[0]), -1);
  SmCriterion criterion;
  int granularity;
  GError *error = NULL;
  if (!sm_criterion_from_string (name, &criterion))
    {
      g_autofree char *what = describe (l, SM_CSV_RULE_GRANULARITY, name);
      report (l, SM_CSV_RULE_GRANULARITY, SM_ERROR_INVALID_VALUE,
              "%s is not a criterion; write service or age, each with "
              ":days, :months or :years (such as service:years).",
              what);
      return;
    }
  if (parts[1] == NULL
      || (granularity = find_word (parts[1], sm_enum__granularity_names)) < 0)
    {
      report (l, SM_CSV_RULE_GRANULARITY, SM_ERROR_INVALID_VALUE,
              "The criterion '%s' needs a granularity of days, months or "
              "years after a ':' (such as %s:years).",
              name, name);
      return;
    }
  if (!sm_priority_rule_set_granularity (rule, criterion,
                                         (SmGranularity) granularity, &error))
    {
      report (l, SM_CSV_RULE_GRANULARITY, error->code, "%s", error->message);
      g_error_free (error);
    }
}

static void
load_rule (Loader *l)
{
  g_autoptr (SmPriorityRule)
      rule = sm_priority_rule_new (field (l, SM_CSV_RULE_ID));
  g_auto (GStrv) items = g_strsplit (field (l, SM_CSV_RULE_CRITERIA), "|", -1);
  GError *error = NULL;
  int32_t distance;
  SmFit min_fit;
  gboolean require;
  g_auto (GStrv)
      coarse = g_strsplit (field (l, SM_CSV_RULE_GRANULARITY), "|", -1);
  for (char **item = items; *item != NULL; item++)
    if (!is_blank (*item))
      add_criterion (l, rule, *item);
  for (char **item = coarse; *item != NULL; item++)
    if (!is_blank (*item))
      set_granularity (l, rule, *item);
  get_int (l, SM_CSV_RULE_DISTANCE, 0, INT32_MAX, -1, &distance);
  get_fit (l, SM_CSV_RULE_MIN_FIT, SM_FIT_NONE, &min_fit);
  get_bool (l, SM_CSV_RULE_QUALIFICATIONS, &require);
  sm_priority_rule_set_max_grade_distance (rule, distance);
  sm_priority_rule_set_min_fit (rule, min_fit);
  sm_priority_rule_set_require_qualifications (rule, require);
  if (row_ok (l) && !sm_scenario_add_rule (l->scenario, rule, &error))
    add_failed (l, error, SM_CSV_RULE_ID, NULL, 0);
}

/* ---- settings ----------------------------------------------------------- */

static void
get_seed (Loader *l)
{
  g_autofree char *text = g_strstrip (g_strdup (field (l, SM_CSV_SET_VALUE)));
  guint64 seed;
  if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, &seed, NULL))
    {
      sm_scenario_set_seed (l->scenario, seed);
      return;
    }
  g_autofree char *what = describe (l, SM_CSV_SET_VALUE, text);
  report (l, SM_CSV_SET_VALUE, SM_ERROR_INVALID_VALUE,
          "%s is not a "
          "whole number from 0 to %" G_GUINT64_FORMAT "; correct it.",
          what, (guint64) G_MAXUINT64);
}

static void
apply_setting (Loader *l, int key)
{
  SmScenario *s = l->scenario;
  int word;
  SmDate date;
  switch (key)
    {
    case SM_CSV_SETTING_SEED:
      get_seed (l);
      break;
    case SM_CSV_SETTING_TIE_BREAKING:
      get_word (l, SM_CSV_SET_VALUE, sm_enum__tie_breaking_names, 0, &word);
      sm_scenario_set_tie_breaking (s, word == 1 ? SM_TIE_BREAKING_PER_POSITION
                                                 : SM_TIE_BREAKING_SINGLE);
      break;
    case SM_CSV_SETTING_REFERENCE_DATE:
      get_date (l, SM_CSV_SET_VALUE, &date);
      if (row_ok (l))
        sm_scenario_set_reference_date (s, date);
      break;
    case SM_CSV_SETTING_REDUCTION:
      get_word (l, SM_CSV_SET_VALUE, sm_enum__reduction_names, 0, &word);
      l->reduction = word == 1 ? SM_REDUCTION_REFLECTION
                               : SM_REDUCTION_PRIORITY;
      break;
    case SM_CSV_SETTING_AGE_BAND:
      get_int (l, SM_CSV_SET_VALUE, 1, 200, 10, &l->age_band_years);
      break;
    default:
      g_free (l->default_rule);
      l->default_rule = g_strstrip (g_strdup (field (l, SM_CSV_SET_VALUE)));
      g_free (l->default_rule_path);
      l->default_rule_path = g_strdup (l->path);
      l->default_rule_line = l->row->line;
      l->default_rule_column = column_of (l, SM_CSV_SET_VALUE);
      break;
    }
}

static void
load_setting (Loader *l)
{
  int key = find_word (field (l, SM_CSV_SET_KEY), sm_csv_tables__setting_names);
  if (key < 0)
    {
      const char *const *names = sm_csv_tables__setting_names;
      g_autofree char *all = g_strjoinv (", ", (char **) names);
      g_autofree char *what = describe (l, SM_CSV_SET_KEY,
                                        field (l, SM_CSV_SET_KEY));
      report (l, SM_CSV_SET_KEY, SM_ERROR_INVALID_VALUE,
              "%s is not a "
              "setting; the settings are %s.",
              what, all);
      return;
    }
  if (l->settings_seen & (1u << key))
    {
      report (l, SM_CSV_SET_KEY, SM_ERROR_DUPLICATE,
              "The setting '%s' is "
              "given twice; give it once.",
              sm_csv_tables__setting_names[key]);
      return;
    }
  l->settings_seen |= 1u << key;
  l->value_name = sm_csv_tables__setting_names[key];
  if (!is_blank (field (l, SM_CSV_SET_VALUE)))
    apply_setting (l, key);
  l->value_name = NULL;
}

/* ---- the letters' settings ------------------------------------------------
 */

/* The value of the current row of letters.csv, whose trimmed text is
 * @text, put into @out at key @key; FALSE when it could not be read (a
 * problem says why). Texts are borrowed: the scenario copies them. */
static gboolean
read_letter_value (Loader *l, int key, const char *text, SmLetterSettings *out)
{
  int word;
  const char **texts[] = { &out->employer, &out->deciding_body, &out->signatory,
                           &out->contact, &out->response_address };
  switch (key)
    {
    case SM_CSV_LETTER_REGIME:
      get_word (l, SM_CSV_SET_VALUE, sm_enum__regime_names, 0, &word);
      out->regime = (SmRegime) word;
      break;
    case SM_CSV_LETTER_EFFECTIVE_DATE:
      get_date (l, SM_CSV_SET_VALUE, &out->effective_date);
      break;
    case SM_CSV_LETTER_DATE:
      get_date (l, SM_CSV_SET_VALUE, &out->letter_date);
      break;
    default:
      *texts[key - SM_CSV_LETTER_EMPLOYER] = text;
      break;
    }
  return row_ok (l);
}

/* One setting into the scenario, checked there (scenario.h). */
static void
apply_letter_setting (Loader *l, int key)
{
  g_autofree char *text = g_strstrip (g_strdup (field (l, SM_CSV_SET_VALUE)));
  SmLetterSettings settings;
  GError *error = NULL;
  sm_scenario_get_letter_settings (l->scenario, &settings);
  if (read_letter_value (l, key, text, &settings)
      && !sm_scenario_set_letter_settings (l->scenario, &settings, &error))
    {
      report (l, SM_CSV_SET_VALUE, error->code, "%s", error->message);
      g_error_free (error);
    }
}

static void
load_letter_setting (Loader *l)
{
  const char *const *names = sm_csv_tables__letter_names;
  int key = find_word (field (l, SM_CSV_SET_KEY), names);
  if (key < 0)
    {
      g_autofree char *all = g_strjoinv (", ", (char **) names);
      g_autofree char *what = describe (l, SM_CSV_SET_KEY,
                                        field (l, SM_CSV_SET_KEY));
      report (l, SM_CSV_SET_KEY, SM_ERROR_INVALID_VALUE,
              "%s is not a setting of the letters; they are %s.", what, all);
      return;
    }
  if (l->letters_seen & (1u << key))
    {
      report (l, SM_CSV_SET_KEY, SM_ERROR_DUPLICATE,
              "The setting '%s' is given twice; give it once.", names[key]);
      return;
    }
  l->letters_seen |= 1u << key;
  l->value_name = names[key];
  if (!is_blank (field (l, SM_CSV_SET_VALUE)))
    apply_letter_setting (l, key);
  l->value_name = NULL;
}

/* ---- reading a table ---------------------------------------------------- */

/* The table's records (transfer full), or NULL when it is absent or
 * unreadable (a problem says which, unless an optional table is absent). */
static SmCsvTable *
read_table (Loader *l, const char *path)
{
  GError *error = NULL;
  int32_t line = 0, column = 0;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!l->spec->optional)
        problem (l, 0, 0, NULL, SM_ERROR_IO,
                 "The table is missing; a "
                 "scenario folder needs organisations.csv, units.csv, "
                 "positions.csv, employees.csv, applications.csv and "
                 "function-relations.csv.");
      return NULL;
    }
  g_autoptr (GBytes) bytes = sm_text_file__load (path, &error);
  SmCsvTable *table = NULL;
  if (bytes == NULL)
    problem (l, 0, 0, NULL, error->code, "%s", error->message);
  else
    {
      gsize n;
      const char *data = g_bytes_get_data (bytes, &n);
      table = sm_csv__read (data, n, &line, &column, &error);
      if (table == NULL)
        problem (l, line, column, NULL, error->code, "%s", error->message);
    }
  g_clear_error (&error);
  if (table != NULL && table->records->len == 0)
    {
      problem (l, 1, 0, NULL, SM_ERROR_PARSE,
               "The file is empty; it needs "
               "a header row naming its columns.");
      g_clear_pointer (&table, sm_csv__table_free);
    }
  return table;
}

static int
find_column (const SmCsvTableSpec *spec, const char *name)
{
  for (int k = 0; spec->columns[k] != NULL; k++)
    if (g_str_equal (spec->columns[k], name))
      return k;
  return -1;
}

/* Maps one header cell to its column, reporting unknown and doubled
 * names. */
static void
map_column (Loader *l, int32_t index)
{
  const char *text = l->header->fields[index];
  g_autofree char *name = g_strstrip (g_ascii_strdown (text, -1));
  if (name[0] == '\0')
    return; /* a column without a name: its values must be empty */
  int k = find_column (l->spec, name);
  if (k < 0)
    {
      g_autofree char *all = g_strjoinv (", ", (char **) l->spec->columns);
      g_autofree char *shown = g_strstrip (g_strdup (text));
      if (looks_like_column_name (shown))
        problem (l, l->header->line, index + 1, shown, SM_ERROR_INVALID_VALUE,
                 "Unknown column '%s'; the columns of %s are %s.", shown,
                 l->spec->file, all);
      else
        problem (l, l->header->line, index + 1, NULL, SM_ERROR_INVALID_VALUE,
                 "Unknown column (its name is not quoted: it does not look "
                 "like one and may be data); the columns of %s are %s.",
                 l->spec->file, all);
    }
  else if (l->where[k] >= 0)
    problem (l, l->header->line, index + 1, text, SM_ERROR_PARSE,
             "The "
             "column is given twice (also as column %d); give it once.",
             (int) l->where[k] + 1);
  else
    l->where[k] = index;
}

/* Whether some cell of the header names a column, or every cell is
 * empty; otherwise the first row is data and the header row is missing,
 * which is one problem rather than one per cell. */
static gboolean
check_header_names (Loader *l)
{
  gboolean empty = TRUE;
  for (int32_t index = 0; index < l->header->n_fields; index++)
    {
      g_autofree char *name = g_strstrip (
          g_ascii_strdown (l->header->fields[index], -1));
      if (find_column (l->spec, name) >= 0)
        return TRUE;
      empty = empty && name[0] == '\0';
    }
  if (empty)
    return TRUE;
  g_autofree char *all = g_strjoinv (", ", (char **) l->spec->columns);
  problem (l, l->header->line, 0, NULL, SM_ERROR_PARSE,
           "The first row "
           "names none of the columns of %s, so the header row seems to be "
           "missing; add a first row that names the columns (%s).",
           l->spec->file, all);
  return FALSE;
}

/* Number of line breaks in @text (LF and CR each count once, as the
 * reader turns a CRLF into one LF). */
static int32_t
count_breaks (const char *text)
{
  int32_t n = 0;
  for (; *text != '\0'; text++)
    n += *text == '\n' || *text == '\r';
  return n;
}

/* Whether a multi-line field looks like whole rows swallowed by a stray
 * quote: it holds a row's worth of delimiters (every swallowed row
 * boundary brings as many: the rest of one row and the start of the next
 * when the quote closes in the column where it opened, or further to the
 * right; closing further to the left makes the row too long), and some
 * line break in it is followed by a first cell, a text without blanks
 * that ends at a delimiter, as a row starts. Free text rarely has
 * both. */
static gboolean
swallows_rows (const char *text, char delimiter, int32_t n_columns)
{
  int32_t delimiters = 0;
  gboolean row_start = FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      delimiters += *p == delimiter;
      if (row_start || (*p != '\n' && *p != '\r'))
        continue;
      const char *q = p + 1;
      while (*q != '\0' && *q != delimiter && strchr (" \t\r\n", *q) == NULL)
        q++;
      row_start = *q == delimiter;
    }
  return row_start && delimiters >= MAX (n_columns - 1, 1);
}

/* The rows that a stray quote swallowed into @text were not added
 * either: their identifiers (the first cell after each line break) are
 * rejected like the row's own, so that their mentions elsewhere count as
 * follow-on problems. */
static void
reject_swallowed (Loader *l, const char *text)
{
  if (l->spec->defines == SM_CSV_REF_NONE)
    return;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != '\n' && *p != '\r')
        continue;
      const char *q = p + 1;
      while (*q != '\0' && *q != l->delimiter && *q != '\n' && *q != '\r')
        q++;
      g_autofree char *id = g_strstrip (g_strndup (p + 1, q - (p + 1)));
      if (id[0] != '\0')
        g_hash_table_add (l->rejected[l->spec->defines], g_steal_pointer (&id));
    }
}

/* Checks the line breaks of @record (the header when @header): a field
 * that holds some is refused in a column that cannot hold them, and
 * where it swallows rows. Returns FALSE after reporting the first. */
static gboolean
check_line_breaks (Loader *l, const SmCsvRecord *record, gboolean header)
{
  for (int32_t index = 0; index < record->n_fields; index++)
    {
      const char *text = record->fields[index];
      int32_t breaks = count_breaks (text);
      if (breaks == 0)
        continue;
      int k = header ? -1 : column_at (l, index);
      gboolean multiline = k >= 0 && (l->spec->multiline & SM_CSV_COLUMN (k));
      if (multiline && !swallows_rows (text, l->delimiter, l->header->n_fields))
        continue;
      int32_t opened = record->lines[index];
      problem (l, opened, index + 1, k >= 0 ? l->spec->columns[k] : NULL,
               SM_ERROR_PARSE,
               "A quoted field runs from line %d to line "
               "%d, but %s: the quote on line %d probably lacks its closing "
               "quote, or the one on line %d is stray, and the lines in "
               "between were read as part of this cell; correct the "
               "quotes.",
               (int) opened, (int) (opened + breaks),
               multiline ? "it holds what look like whole rows"
               : header  ? "a column name is one line"
                         : "this column holds no line breaks",
               (int) opened, (int) (opened + breaks));
      if (!header)
        reject_swallowed (l, text);
      return FALSE;
    }
  return TRUE;
}

/* Maps the header; FALSE when a required column is missing or the
 * header row is not one. */
static gboolean
map_header (Loader *l, const SmCsvTable *table)
{
  gboolean ok = TRUE;
  l->header = &g_array_index (table->records, SmCsvRecord, 0);
  for (int k = 0; k < SM_CSV_MAX_COLUMNS; k++)
    l->where[k] = -1;
  if (!check_line_breaks (l, l->header, TRUE) || !check_header_names (l))
    return FALSE;
  for (int32_t index = 0; index < l->header->n_fields; index++)
    map_column (l, index);
  for (int k = 0; k < l->spec->n_required; k++)
    if (l->where[k] < 0)
      {
        g_autofree char *all = g_strjoinv (", ", (char **) l->spec->columns);
        problem (l, l->header->line, 0, l->spec->columns[k], SM_ERROR_PARSE,
                 "The column is missing; the header of %s needs %s (the "
                 "columns are %s).",
                 l->spec->file, l->spec->columns[k], all);
        ok = FALSE;
      }
  return ok;
}

static gboolean
is_whole_number (const char *text, gboolean sign)
{
  if (sign && (*text == '-' || *text == '+'))
    text++;
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

/* The header index of a decimal column whose value, with the next cell,
 * looks like one number split at a decimal comma, or -1. */
static int32_t
find_split_decimal (const Loader *l)
{
  if (l->delimiter != ',')
    return -1;
  for (int32_t index = 0; index + 1 < l->row->n_fields; index++)
    {
      int k = column_at (l, index);
      if (k >= 0 && (l->spec->decimals & SM_CSV_COLUMN (k))
          && is_whole_number (l->row->fields[index], TRUE)
          && is_whole_number (l->row->fields[index + 1], FALSE))
        return index;
    }
  return -1;
}

/* A row with more cells than the header: whatever they hold, its values
 * may have shifted to the right. */
static void
report_extra_cells (Loader *l)
{
  int32_t n = l->header->n_fields;
  int32_t split = find_split_decimal (l);
  if (split >= 0)
    {
      int k = column_at (l, split);
      problem (l, l->row->line, split + 1, l->spec->columns[k], SM_ERROR_PARSE,
               "The row has %d cells, but the header has %d: "
               "this value looks like a number with a decimal comma, which "
               "splits it into two cells in a file separated by commas; "
               "write it with a decimal point, put it in quotes, or save "
               "the table with ';' as delimiter.",
               (int) l->row->n_fields, (int) n);
      return;
    }
  problem (l, l->row->line, n + 1, NULL, SM_ERROR_PARSE,
           "The row has %d "
           "cells, but the header has %d, so its values may have shifted "
           "to the right (a delimiter too many, or one inside a value that "
           "is not quoted); remove the extra cells or name their columns.",
           (int) l->row->n_fields, (int) n);
}

/* A row with more cells than the header, or a value under a header cell
 * without a name, is refused: the row's fields may be shifted. */
static gboolean
check_row_width (Loader *l)
{
  if (l->row->n_fields > l->header->n_fields)
    {
      report_extra_cells (l);
      return FALSE;
    }
  for (int32_t index = 0; index < l->row->n_fields; index++)
    if (l->row->fields[index][0] != '\0' && is_blank (l->header->fields[index]))
      {
        problem (l, l->row->line, index + 1, NULL, SM_ERROR_PARSE,
                 "The row "
                 "has a value in column %d, which has no name in the "
                 "header; remove it or name its column.",
                 (int) index + 1);
        return FALSE;
      }
  return TRUE;
}

/* After a row: a row that was not added makes its identifier one whose
 * mentions later are follow-on problems. */
static void
note_row (Loader *l)
{
  SmCsvRefKind kind = l->spec->defines;
  if (kind != SM_CSV_REF_NONE && !row_ok (l))
    g_hash_table_add (l->rejected[kind], g_strdup (field (l, 0)));
}

static void
load_table (Loader *l, const SmCsvTableSpec *spec, void (*load_row) (Loader *))
{
  g_autofree char *path = g_build_filename (l->dir, spec->file, NULL);
  int32_t before = sm_problem_list_get_n (l->problems);
  l->spec = spec;
  g_free (l->path);
  l->path = g_filename_display_name (path);
  g_autoptr (SmCsvTable) table = read_table (l, path);
  l->delimiter = table != NULL ? table->delimiter : ';';
  if (table == NULL || !map_header (l, table))
    {
      if (spec->defines != SM_CSV_REF_NONE)
        l->lost[spec->defines] = sm_problem_list_get_n (l->problems) > before;
      return;
    }
  for (guint r = 1; r < table->records->len; r++)
    {
      l->row = &g_array_index (table->records, SmCsvRecord, r);
      l->row_problems = sm_problem_list_get_n (l->problems);
      l->row_dropped = FALSE;
      if (sm_csv__record_is_blank (l->row))
        continue;
      if (check_line_breaks (l, l->row, FALSE) && check_row_width (l))
        load_row (l);
      note_row (l);
    }
  l->row = NULL;
  l->header = NULL;
}

/* ---- loading ------------------------------------------------------------ */

static void
apply_settings (Loader *l)
{
  sm_scenario_set_reduction (l->scenario, l->reduction, l->age_band_years);
}

/* The settings' default rule, once the rules are in. */
static void
apply_default_rule (Loader *l)
{
  GError *error = NULL;
  if (l->default_rule == NULL || l->lost[SM_CSV_REF_RULE]
      || g_hash_table_contains (l->rejected[SM_CSV_REF_RULE], l->default_rule)
      || sm_scenario_set_default_rule (l->scenario, l->default_rule, &error))
    return; /* set, or a follow-on of a problem in rules.csv */
  sm_problem_list__add (l->problems, l->default_rule_path, l->default_rule_line,
                        l->default_rule_column, "default_rule", error->code,
                        "%s", error->message);
  g_error_free (error);
}

/* Moves the problems of @from to the end of @to. */
static void
copy_problems (const SmProblemList *from, SmProblemList *to)
{
  for (int32_t k = 0; k < sm_problem_list_get_n (from); k++)
    {
      SmProblem p;
      sm_problem_list_get (from, k, &p);
      sm_problem_list__add (to, p.file, p.line, p.column, p.field, p.code, "%s",
                            p.message);
    }
}

static void
load_all_tables (Loader *l)
{
  load_table (l, &sm_csv_tables__settings, load_setting);
  apply_settings (l);
  load_table (l, &sm_csv_tables__letters, load_letter_setting);
  load_table (l, &sm_csv_tables__organisations, load_organisation);
  load_table (l, &sm_csv_tables__units, load_unit);
  load_table (l, &sm_csv_tables__rules, load_rule);
  apply_default_rule (l);
  load_table (l, &sm_csv_tables__positions, load_position);
  load_table (l, &sm_csv_tables__employees, load_employee);
  load_table (l, &sm_csv_tables__applications, load_application);
  load_table (l, &sm_csv_tables__relations, load_relation);
  load_table (l, &sm_csv_tables__manual, load_manual);
}

SmScenario *
sm_scenario_load_csv (const char *dir, SmProblemList *problems, GError **error)
{
  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autoptr (SmProblemList) found = sm_problem_list_new ();
  g_autoptr (SmScenario) scenario = sm_scenario_new ();
  Loader l = { 0 };
  l.scenario = scenario;
  l.problems = found;
  l.dir = dir;
  l.path = g_filename_display_name (dir);
  sm_scenario_get_reduction (scenario, &l.reduction, &l.age_band_years);
  for (int k = 0; k < SM_CSV_N_REF_KINDS; k++)
    l.rejected[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           NULL);
  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    load_all_tables (&l);
  else
    problem (&l, 0, 0, NULL, SM_ERROR_IO,
             "There is no folder here; give "
             "the folder that holds the scenario's CSV tables.");
  g_free (l.path);
  g_free (l.default_rule);
  g_free (l.default_rule_path);
  for (int k = 0; k < SM_CSV_N_REF_KINDS; k++)
    g_hash_table_unref (l.rejected[k]);
  if (problems != NULL)
    copy_problems (found, problems);
  if (sm_problem_list__to_error (found, error))
    return NULL;
  return g_steal_pointer (&scenario);
}

SmScenario *
sm_scenario_load (const char *path, SmProblemList *problems, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return sm_scenario_load_csv (path, problems, error);
  return sm_scenario_load_json (path, problems, error);
}
