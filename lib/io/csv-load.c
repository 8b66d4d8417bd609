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
#include <staffmatch/workbook.h>
#include <glib/gstdio.h>

#include "core/enum-names-private.h"
#include "io/csv-private.h"
#include "io/csv-tables-private.h"
#include "io/file-private.h"
#include "io/problems-private.h"
#include "io/table-source-private.h"

/* ---- the loader and its problems ---------------------------------------- */

typedef struct {
  SmScenario *scenario;
  SmProblemList *problems;
  const SmTableSource *source;
  const SmCsvTableSpec *spec; /* the table being read */
  SmProblemPlace place;       /* where it is (file, sheet), for messages */
  const char *table_name;     /* how messages name it */
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
  GHashTable *unzeroed[SM_CSV_N_REF_KINDS]; /* numeric identifiers without
                                               their leading zeros -> the
                                               identifiers, made when first
                                               needed */
  SmReduction reduction; /* settings, applied when all are read */
  int32_t age_band_years;
  guint settings_seen; /* bit k: setting k was given */
  guint letters_seen;  /* bit k: key k of letters.csv was given */
  char *default_rule;  /* settings, applied after the rules */
  char *default_rule_path;
  char *default_rule_sheet;
  int32_t default_rule_line;
  int32_t default_rule_column;
} Loader;

static void problem (Loader *l, int32_t line, int32_t column, const char *field,
                     int code, const char *format, ...) G_GNUC_PRINTF (6, 7);
static void warning (Loader *l, int32_t line, int32_t column, const char *field,
                     const char *format, ...) G_GNUC_PRINTF (5, 6);
static void report (Loader *l, int k, int code, const char *format, ...)
    G_GNUC_PRINTF (4, 5);

static void add_problem (Loader *l, int32_t line, int32_t column,
                         const char *field, SmSeverity severity, int code,
                         const char *format, va_list args) G_GNUC_PRINTF (7, 0);

/* Adds a problem of @severity at @line and @column of the current table. */
static void
add_problem (Loader *l, int32_t line, int32_t column, const char *field,
             SmSeverity severity, int code, const char *format, va_list args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  SmProblemPlace place = l->place;
  place.line = line;
  place.column = column;
  place.severity = severity;
  sm_problem_list__add_at (l->problems, &place, field, code, "%s", message);
}

static void
problem (Loader *l, int32_t line, int32_t column, const char *field, int code,
         const char *format, ...)
{
  va_list args;
  va_start (args, format);
  add_problem (l, line, column, field, SM_SEVERITY_ERROR, code, format, args);
  va_end (args);
}

/* A problem that does not stop the load (the scenario is what the
 * tables say without the part warned about). */
static void
warning (Loader *l, int32_t line, int32_t column, const char *field,
         const char *format, ...)
{
  va_list args;
  va_start (args, format);
  add_problem (l, line, column, field, SM_SEVERITY_WARNING,
               SM_ERROR_INVALID_VALUE, format, args);
  va_end (args);
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

/* Whether @text is digits only, after a sign when @sign. */
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

/* Whether @text is @n groups of digits joined by '-', '/' or '.', the
 * last of exactly @last_digits digits (0: any). */
static gboolean
is_digit_groups (const char *text, int n, int last_digits)
{
  const char *p = text;
  for (int group = 0; group < n; group++)
    {
      const char *start = p;
      while (g_ascii_isdigit (*p))
        p++;
      if (p == start || p - start > 4)
        return FALSE;
      if (group + 1 == n)
        return *p == '\0' && (last_digits == 0 || p - start == last_digits);
      if (*p != '-' && *p != '/' && *p != '.')
        return FALSE;
      p++;
    }
  return FALSE;
}

/* What a spreadsheet probably did to a date that does not read, or
 * NULL. The date is not quoted: it may be a birth date. */
static const char *
date_hint (const char *text)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  guint64 serial;
  /* Five digits: the days of 1927 to 2173. A year alone (1975) is no
   * serial. */
  if (g_ascii_string_to_unsigned (t, 10, 10000, 99999, &serial, NULL))
    return "The value looks like a spreadsheet's date serial number (the "
           "number of days since 1900, shown when a date cell is formatted "
           "as a number): format the column as a date (dd-mm-jjjj) in the "
           "spreadsheet and save again.";
  /* dd-mm-yy: a year-first date (1970-02-31) has four digits in front. */
  if (is_digit_groups (t, 3, 2) && strspn (t, "0123456789") <= 2)
    return "The year has two digits (as LibreOffice's Dutch date format "
           "writes it, 01-07-13), which could be 1913 or 2013: format the "
           "column as a date with a four-digit year (dd-mm-jjjj) and save "
           "again.";
  return NULL;
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
      const char *hint = date_hint (field (l, k));
      report (l, k, SM_ERROR_INVALID_VALUE, "%s",
              hint != NULL ? hint : error->message);
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

/* The identifier of @kind at position @index, or NULL past the end. */
static const char *
id_at (const SmScenario *s, SmCsvRefKind kind, int32_t index)
{
  SmOrganisationSpec o;
  SmUnitSpec u;
  SmPositionSpec p;
  SmEmployeeSpec e;
  const SmPriorityRule *rule;
  switch (kind)
    {
    case SM_CSV_REF_ORGANISATION:
      return sm_scenario_get_organisation (s, index, &o) ? o.id : NULL;
    case SM_CSV_REF_UNIT:
      return sm_scenario_get_unit (s, index, &u) ? u.id : NULL;
    case SM_CSV_REF_POSITION:
      return sm_scenario_get_position (s, index, &p) ? p.id : NULL;
    case SM_CSV_REF_EMPLOYEE:
      return sm_scenario_get_employee (s, index, &e) ? e.id : NULL;
    default:
      rule = sm_scenario_get_rule (s, index);
      return rule != NULL ? sm_priority_rule_get_id (rule) : NULL;
    }
}

/* @text without its leading zeros when it is a whole number (transfer
 * full), else NULL. */
static char *
strip_zeros (const char *text)
{
  if (!is_whole_number (text, FALSE))
    return NULL;
  while (text[0] == '0' && text[1] != '\0')
    text++;
  return g_strdup (text);
}

/* An identifier of @kind that differs from @id only in leading zeros,
 * or NULL: a spreadsheet that took the column of one table for numbers
 * dropped them there. Every table that defines items is read before the
 * tables that refer to them, so the index is made once, when first
 * needed. */
static const char *
zero_twin (Loader *l, SmCsvRefKind kind, const char *id)
{
  g_autofree char *key = strip_zeros (id);
  if (key == NULL)
    return NULL;
  if (l->unzeroed[kind] == NULL)
    {
      l->unzeroed[kind] = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                 g_free, NULL);
      const char *each;
      for (int32_t k = 0; (each = id_at (l->scenario, kind, k)) != NULL; k++)
        {
          char *stripped = strip_zeros (each);
          if (stripped != NULL
              && !g_hash_table_contains (l->unzeroed[kind], stripped))
            g_hash_table_insert (l->unzeroed[kind], stripped, (char *) each);
          else
            g_free (stripped);
        }
    }
  const char *twin = g_hash_table_lookup (l->unzeroed[kind], key);
  return twin != NULL && strcmp (twin, id) != 0 ? twin : NULL;
}

/* Reports a failed add as a problem (and frees @error). */
static void
add_failed (Loader *l, GError *error, int id_k, const Ref *refs, int n_refs)
{
  int ref;
  int k = blame (l, error, id_k, refs, n_refs, &ref);
  const char *twin = error->code == SM_ERROR_UNKNOWN_ID && ref >= 0
                         ? zero_twin (l, refs[ref].kind, field (l, refs[ref].k))
                         : NULL;
  if (twin != NULL && !is_follow_on (l, error, &refs[ref]))
    report (l, k, error->code,
            "%s Did you mean '%s'? A spreadsheet drops the leading zeros of "
            "identifiers it takes for numbers: format the column as text in "
            "every table and save again.",
            is_safe_message (l, error->message)
                ? error->message
                : unquoted_message (error->code),
            twin);
  else if (!is_follow_on (l, error, ref >= 0 ? &refs[ref] : NULL))
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
  gboolean cycles;
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
    case SM_CSV_SETTING_IMPROVEMENT_CYCLES:
      get_bool (l, SM_CSV_SET_VALUE, &cycles);
      if (row_ok (l))
        sm_scenario_set_improvement_cycles (s, cycles);
      break;
    default:
      g_free (l->default_rule);
      l->default_rule = g_strstrip (g_strdup (field (l, SM_CSV_SET_VALUE)));
      g_free (l->default_rule_path);
      l->default_rule_path = g_strdup (l->place.file);
      g_free (l->default_rule_sheet);
      l->default_rule_sheet = g_strdup (l->place.sheet);
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
 * unreadable (the source has said why) or empty. */
static SmCsvTable *
read_table (Loader *l)
{
  SmCsvTable *table = l->source->read (l->source->data, l->spec, &l->place,
                                       l->problems);
  if (table != NULL && table->records->len == 0)
    {
      problem (l, 1, 0, NULL, SM_ERROR_PARSE,
               l->source->workbook ? "The sheet is empty; it needs a first "
                                     "row naming its columns."
                                   : "The file is empty; it needs "
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

/* The edit distance of @a and @b (insertions, deletions, changes), or
 * more than 2 when it is beyond 2. */
static int
distance_within_2 (const char *a, const char *b)
{
  size_t n = strlen (a), m = strlen (b);
  if (n > 32 || m > 32 || (n > m ? n - m : m - n) > 2)
    return 3;
  int row[33], prev[33];
  for (size_t j = 0; j <= m; j++)
    prev[j] = (int) j;
  for (size_t i = 1; i <= n; i++)
    {
      row[0] = (int) i;
      for (size_t j = 1; j <= m; j++)
        row[j] = MIN (MIN (prev[j] + 1, row[j - 1] + 1),
                      prev[j - 1] + (a[i - 1] != b[j - 1]));
      memcpy (prev, row, sizeof row);
    }
  return prev[m];
}

/* A column of the table that @name is probably a misspelling of (within
 * two edits, or the same letters without '_' and '-'), or NULL. */
static const char *
near_column (const SmCsvTableSpec *spec, const char *name)
{
  g_autofree char *bare = g_strdup (name);
  g_strdelimit (bare, "_- ", '_');
  for (int k = 0; spec->columns[k] != NULL; k++)
    {
      g_autofree char *want = g_strdup (spec->columns[k]);
      g_strdelimit (want, "_- ", '_');
      if (distance_within_2 (bare, want) <= 2
          || (strlen (name) >= 4 && g_str_has_prefix (want, bare)))
        return spec->columns[k];
    }
  return NULL;
}

/* A header cell that names no column of the table. A name that looks
 * like a column of its own (a column of remarks, "opmerking") is a
 * warning and its values are ignored: a spreadsheet kept by people has
 * such columns. It is an error when it is probably a misspelt column
 * (whose values would otherwise be lost without a word) or does not
 * look like a column name at all (it may be data: the header row may be
 * damaged). */
static void
report_unknown_column (Loader *l, int32_t index, const char *text)
{
  g_autofree char *all = g_strjoinv (", ", (char **) l->spec->columns);
  g_autofree char *shown = g_strstrip (g_strdup (text));
  g_autofree char *name = g_ascii_strdown (shown, -1);
  const char *near = looks_like_column_name (shown)
                         ? near_column (l->spec, name)
                         : NULL;
  if (near != NULL)
    problem (l, l->header->line, index + 1, shown, SM_ERROR_INVALID_VALUE,
             "Unknown column '%s'; did you mean %s? The columns of %s are "
             "%s.",
             shown, near, l->table_name, all);
  else if (looks_like_column_name (shown))
    warning (l, l->header->line, index + 1, shown,
             "The column '%s' is not one of %s, so its values are ignored "
             "(the columns of %s are %s).",
             shown, l->table_name, l->table_name, all);
  else
    problem (l, l->header->line, index + 1, NULL, SM_ERROR_INVALID_VALUE,
             "Unknown column (its name is not quoted: it does not look "
             "like one and may be data); the columns of %s are %s.",
             l->table_name, all);
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
    report_unknown_column (l, index, text);
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
           l->table_name, all);
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
      if (l->source->workbook)
        {
          if (multiline)
            continue;
          /* A cell cannot swallow rows: its line break was typed. */
          problem (l, record->line, index + 1,
                   k >= 0 ? l->spec->columns[k] : NULL, SM_ERROR_PARSE,
                   "The cell holds a line break (typed with Alt+Enter), but "
                   "%s; remove it.",
                   header ? "a column name is one line"
                          : "this column holds no line breaks");
          return FALSE;
        }
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
                 l->table_name, l->spec->columns[k], all);
        ok = FALSE;
      }
  return ok;
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

/* Whether column @k holds identifiers or codes, which are text even
 * when they are digits. */
static gboolean
is_identifier_column (const SmCsvTableSpec *spec, int k)
{
  static const char *const names[] = {
    "id",       "organisation", "contract_client", "unit", "rule",
    "employee", "position",     "function",        "from", "to",
    NULL
  };
  return g_strv_contains (names, spec->columns[k]);
}

/* Whether @text is a number in scientific notation as a spreadsheet
 * shows a long number (1,0143E+11 or 1.0143E+11). */
static gboolean
is_scientific (const char *text)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  const char *p = t;
  if (!g_ascii_isdigit (*p++) || (*p != ',' && *p != '.'))
    return FALSE;
  for (p++; g_ascii_isdigit (*p); p++)
    ;
  if (*p != 'E' && *p != 'e')
    return FALSE;
  p++;
  if (*p == '+' || *p == '-')
    p++;
  return is_whole_number (p, FALSE);
}

/* Identifiers a spreadsheet has turned into numbers in scientific
 * notation, whose last digits are lost: the row is refused. */
static gboolean
check_identifiers (Loader *l)
{
  gboolean ok = TRUE;
  for (int k = 0; l->spec->columns[k] != NULL; k++)
    if (is_identifier_column (l->spec, k) && is_scientific (field (l, k)))
      {
        report (l, k, SM_ERROR_INVALID_VALUE,
                "The identifier is a number in scientific notation, as a "
                "spreadsheet shows a long number that does not fit its "
                "column, and its last digits are lost: format the column as "
                "text, type the identifiers again and save again.");
        ok = FALSE;
      }
  return ok;
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
  int32_t before = sm_problem_list_get_n (l->problems);
  l->spec = spec;
  l->source->locate (l->source->data, spec, &l->place, &l->table_name);
  g_autoptr (SmCsvTable) table = read_table (l);
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
      if (check_line_breaks (l, l->row, FALSE) && check_row_width (l)
          && check_identifiers (l))
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
  SmProblemPlace place = { l->default_rule_path, l->default_rule_sheet,
                           SM_SEVERITY_ERROR, l->default_rule_line,
                           l->default_rule_column };
  sm_problem_list__add_at (l->problems, &place, "default_rule", error->code,
                           "%s", error->message);
  g_error_free (error);
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
sm_csv__load_tables (const SmTableSource *source, SmProblemList *problems,
                     GError **error)
{
  g_autoptr (SmProblemList) found = sm_problem_list_new ();
  g_autoptr (SmScenario) scenario = sm_scenario_new ();
  Loader l = { 0 };
  l.scenario = scenario;
  l.problems = found;
  l.source = source;
  sm_scenario_get_reduction (scenario, &l.reduction, &l.age_band_years);
  for (int k = 0; k < SM_CSV_N_REF_KINDS; k++)
    l.rejected[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           NULL);
  load_all_tables (&l);
  g_free (l.default_rule);
  g_free (l.default_rule_path);
  g_free (l.default_rule_sheet);
  for (int k = 0; k < SM_CSV_N_REF_KINDS; k++)
    {
      g_hash_table_unref (l.rejected[k]);
      g_clear_pointer (&l.unzeroed[k], g_hash_table_unref);
    }
  if (problems != NULL)
    sm_problem_list__append_all (found, problems);
  if (sm_problem_list__to_error (found, error))
    return NULL;
  return g_steal_pointer (&scenario);
}

char *
sm_csv__table_sheet_name (const SmCsvTableSpec *spec)
{
  g_return_val_if_fail (g_str_has_suffix (spec->file, ".csv"), NULL);
  return g_strndup (spec->file, strlen (spec->file) - 4);
}

/* ---- a folder of CSV files ---------------------------------------------- */

typedef struct {
  const char *dir;
  char *path;  /* the table's path, for messages */
  char *twice; /* another file that could be the table, or NULL */
} CsvFolder;

/* The exact name of a table before names that differ in case or end in
 * .txt, then in byte order: the order files are taken in. */
static int
sort_exact_first (gconstpointer a, gconstpointer b)
{
  const char *x = *(const char *const *) a, *y = *(const char *const *) b;
  gboolean xe = g_str_has_suffix (x, ".csv"), ye = g_str_has_suffix (y, ".csv");
  if (xe != ye)
    return xe ? -1 : 1;
  return strcmp (x, y);
}

/* The file of table @spec in the folder: its name in any case
 * (Employees.CSV), or the same name ending in .txt (a table saved as
 * Excel's "Unicode text"); the exact name first. (transfer full) The
 * expected path when there is none; *@twice_out names a second
 * candidate, when there is one. */
static char *
find_table_file (const char *dir, const SmCsvTableSpec *spec, char **twice_out)
{
  g_autofree char *sheet = sm_csv__table_sheet_name (spec);
  g_autofree char *as_text = g_strconcat (sheet, ".txt", NULL);
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (name, -1);
      if (strcmp (lower, spec->file) == 0 || strcmp (lower, as_text) == 0)
        g_ptr_array_add (found, g_strdup (name));
    }
  g_ptr_array_sort (found, (GCompareFunc) sort_exact_first);
  *twice_out = found->len > 1 ? g_strdup (found->pdata[1]) : NULL;
  return g_build_filename (dir, found->len > 0 ? found->pdata[0] : spec->file,
                           NULL);
}

static void
folder_locate (gpointer data, const SmCsvTableSpec *spec,
               SmProblemPlace *place_out, const char **name_out)
{
  CsvFolder *folder = data;
  g_autofree char *twice = NULL;
  g_autofree char *path = find_table_file (folder->dir, spec, &twice);
  g_free (folder->path);
  folder->path = g_filename_display_name (path);
  g_free (folder->twice);
  folder->twice = twice != NULL ? g_filename_display_name (twice) : NULL;
  *place_out = (SmProblemPlace){ folder->path, NULL, SM_SEVERITY_ERROR, 0, 0 };
  *name_out = spec->file;
}

static void
place_problem (SmProblemList *problems, const SmProblemPlace *place,
               int32_t line, int32_t column, int code, const char *message)
{
  SmProblemPlace at = *place;
  at.line = line;
  at.column = column;
  sm_problem_list__add_at (problems, &at, NULL, code, "%s", message);
}

static SmCsvTable *
folder_read (gpointer data, const SmCsvTableSpec *spec,
             const SmProblemPlace *place, SmProblemList *problems)
{
  CsvFolder *folder = data;
  g_autofree char *twice = NULL;
  g_autofree char *path = find_table_file (folder->dir, spec, &twice);
  GError *error = NULL;
  int32_t line = 0, column = 0;
  if (twice != NULL)
    {
      g_autofree char *message = g_strdup_printf (
          "The folder holds two files that could be this table (also %s); "
          "remove the one that is not.",
          folder->twice);
      place_problem (problems, place, 0, 0, SM_ERROR_PARSE, message);
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!spec->optional)
        place_problem (problems, place, 0, 0, SM_ERROR_IO,
                       "The table is missing; a scenario folder needs "
                       "organisations.csv, units.csv, positions.csv, "
                       "employees.csv, applications.csv and "
                       "function-relations.csv.");
      return NULL;
    }
  g_autoptr (GBytes) bytes = sm_text_file__load (path, &error);
  SmCsvTable *table = NULL;
  if (bytes == NULL)
    place_problem (problems, place, 0, 0, error->code, error->message);
  else
    {
      gsize n;
      const char *text = g_bytes_get_data (bytes, &n);
      table = sm_csv__read (text, n, &line, &column, &error);
      if (table == NULL)
        place_problem (problems, place, line, column, error->code,
                       error->message);
    }
  g_clear_error (&error);
  return table;
}

SmScenario *
sm_scenario_load_csv (const char *dir, SmProblemList *problems, GError **error)
{
  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (SmProblemList) found = sm_problem_list_new ();
      g_autofree char *shown = g_filename_display_name (dir);
      sm_problem_list__add (found, shown, 0, 0, NULL, SM_ERROR_IO,
                            "There is no folder here; give the folder that "
                            "holds the scenario's CSV tables.");
      if (problems != NULL)
        sm_problem_list__append_all (found, problems);
      sm_problem_list__to_error (found, error);
      return NULL;
    }
  CsvFolder folder = { dir, NULL, NULL };
  SmTableSource source = { folder_read, folder_locate, FALSE, &folder };
  SmScenario *scenario = sm_csv__load_tables (&source, problems, error);
  g_free (folder.path);
  g_free (folder.twice);
  return scenario;
}

/* Whether the file at @path starts as a zip archive does. */
static gboolean
starts_as_zip (const char *path)
{
  char head[4] = { 0 };
  FILE *stream = g_fopen (path, "rb");
  if (stream == NULL)
    return FALSE;
  size_t n = fread (head, 1, sizeof head, stream);
  fclose (stream);
  return n == 4 && memcmp (head, "PK\x03\x04", 4) == 0;
}

static gboolean
has_suffix_nocase (const char *path, const char *const *suffixes)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  for (int k = 0; suffixes[k] != NULL; k++)
    if (g_str_has_suffix (lower, suffixes[k]))
      return TRUE;
  return FALSE;
}

/* A single table given where a whole scenario was expected. */
static SmScenario *
refuse_single_table (const char *path, SmProblemList *problems, GError **error)
{
  g_autoptr (SmProblemList) found = sm_problem_list_new ();
  g_autofree char *shown = g_filename_display_name (path);
  sm_problem_list__add (found, shown, 0, 0, NULL, SM_ERROR_PARSE,
                        "This is one table, not a whole scenario; give the "
                        "folder that holds all the tables (organisations.csv, "
                        "units.csv, positions.csv, employees.csv, "
                        "applications.csv, function-relations.csv), a "
                        "workbook (.xlsx or .ods) or a JSON file.");
  if (problems != NULL)
    sm_problem_list__append_all (found, problems);
  sm_problem_list__to_error (found, error);
  return NULL;
}

SmScenario *
sm_scenario_load (const char *path, SmProblemList *problems, GError **error)
{
  static const char *const workbooks[] = { ".xlsx", ".xlsm", ".ods", NULL };
  static const char *const tables[] = { ".csv", ".txt", ".tsv", NULL };
  g_return_val_if_fail (path != NULL, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return sm_scenario_load_csv (path, problems, error);
  if (has_suffix_nocase (path, workbooks) || starts_as_zip (path))
    return sm_scenario_load_workbook (path, problems, error);
  if (has_suffix_nocase (path, tables))
    return refuse_single_table (path, problems, error);
  return sm_scenario_load_json (path, problems, error);
}
