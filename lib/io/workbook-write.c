/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: writing workbooks with libxlsxwriter (workbook.h).
 *
 * libxlsxwriter writes a workbook to a file name, assembling it from
 * temporary files of its own. To replace the target atomically, as every
 * writer of the library does, it writes a new file beside the target,
 * which is renamed over it once complete; a target that is not a regular
 * file (a link, a folder, a device) is never written. The workbook's
 * creation time is fixed (the reference date of the scenario, at
 * midnight UTC), so that the same input gives the same bytes.
 *
 * The scenario workbook takes its cells from the CSV saver (csv-save.c),
 * which knows every table: the texts it would write, read back, become
 * cells typed by column (numbers as numbers, dates as dates, the rest,
 * identifiers first of all, as text, so that 0801 keeps its zero).
 */
#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <staffmatch/explain.h>
#include <staffmatch/workbook.h>
#include <xlsxwriter.h>

#include "io/table-source-private.h"
#include "io/workbook-write-private.h"

/* ---- files ----------------------------------------------------------------
 */

static gboolean
io_error (GError **error, const char *path, const char *what)
{
  g_autofree char *shown = g_filename_display_name (path);
  g_set_error (error, SM_ERROR, SM_ERROR_IO, "Cannot write '%s': %s.", shown,
               what);
  return FALSE;
}

/* Whether @path may be replaced: absent, or a regular file. */
static gboolean
check_target (const char *path, GError **error)
{
  GStatBuf st;
  if (g_lstat (path, &st) != 0)
    return errno == ENOENT || io_error (error, path, g_strerror (errno));
  if (!S_ISREG (st.st_mode))
    return io_error (error, path, "it is not a regular file");
  return TRUE;
}

typedef gboolean (*BookFunc) (lxw_workbook *book, gconstpointer data,
                              GError **error);

/* Writes the workbook that @fill makes to @path, atomically. */
static gboolean
save_workbook (const char *path, SmDate date, BookFunc fill, gconstpointer data,
               GError **error)
{
  if (!check_target (path, error))
    return FALSE;
  g_autofree char *temp = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp (temp);
  if (fd < 0)
    return io_error (error, path, g_strerror (errno));
  /* libxlsxwriter makes the file itself, with the permissions the
   * umask gives, as every other output has; the name stays unused. */
  close (fd);
  g_unlink (temp);
  lxw_workbook *book = workbook_new (temp);
  if (book == NULL)
    {
      g_unlink (temp);
      return io_error (error, path, "the workbook cannot be made");
    }
  struct tm when = { 0 };
  when.tm_year = (sm_date_is_valid (date) ? date.year : 2000) - 1900;
  when.tm_mon = sm_date_is_valid (date) ? date.month - 1 : 0;
  when.tm_mday = sm_date_is_valid (date) ? date.day : 1;
  lxw_doc_properties properties = { 0 };
  properties.created = timegm (&when);
  workbook_set_properties (book, &properties);
  gboolean ok = fill (book, data, error);
  lxw_error status = workbook_close (book);
  if (ok && status != LXW_NO_ERROR)
    ok = io_error (error, path, lxw_strerror (status));
  if (ok && g_rename (temp, path) != 0)
    ok = io_error (error, path, g_strerror (errno));
  if (!ok)
    g_unlink (temp);
  return ok;
}

/* ---- sheets ---------------------------------------------------------------
 */

typedef struct {
  lxw_format *header;
  lxw_format *date;
  lxw_format *wrap;
} Formats;

static void
make_formats (lxw_workbook *book, Formats *f)
{
  f->header = workbook_add_format (book);
  format_set_bold (f->header);
  format_set_bottom (f->header, LXW_BORDER_THIN);
  format_set_bg_color (f->header, 0xDDEBF7);
  f->date = workbook_add_format (book);
  format_set_num_format (f->date, "dd-mm-yyyy");
  f->wrap = workbook_add_format (book);
  format_set_text_wrap (f->wrap);
  format_set_align (f->wrap, LXW_ALIGN_VERTICAL_TOP);
}

/* A sheet name Excel accepts, unique in @used (case-insensitively): at
 * most 31 characters, none of []:*?/\, not starting or ending with a
 * single quote. (transfer full) */
static char *
sheet_name (GHashTable *used, const char *wanted)
{
  g_autofree char *clean = g_strdelimit (g_strdup (wanted), "[]:*?/\\'", '_');
  for (int n = 1;; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup ("")
                                       : g_strdup_printf (" (%d)", n);
      glong room = 31 - (glong) strlen (suffix);
      g_autofree char *base = g_utf8_substring (clean, 0,
                                                MIN (g_utf8_strlen (clean, -1),
                                                     room));
      char *name = g_strconcat (base[0] != '\0' ? base : "sheet", suffix, NULL);
      g_autofree char *key = g_utf8_casefold (name, -1);
      if (!g_hash_table_contains (used, key))
        {
          g_hash_table_add (used, g_steal_pointer (&key));
          return name;
        }
      g_free (name);
    }
}

void
sm_workbook__widen (SmColumnWidths *w, int column, const char *text)
{
  if (column >= (int) G_N_ELEMENTS (w->widths) || text == NULL)
    return;
  double n = (double) g_utf8_strlen (text, -1) + 2;
  w->widths[column] = MAX (w->widths[column], MIN (MAX (n, 8), 60));
  w->n = MAX (w->n, column + 1);
}

void
sm_workbook__finish_sheet (lxw_worksheet *sheet, const SmColumnWidths *w,
                           int32_t rows)
{
  worksheet_freeze_panes (sheet, 1, 0);
  if (w->n > 0)
    worksheet_autofilter (sheet, 0, 0, (lxw_row_t) rows, (lxw_col_t) w->n - 1);
  for (int k = 0; k < w->n; k++)
    worksheet_set_column (sheet, (lxw_col_t) k, (lxw_col_t) k, w->widths[k],
                          NULL);
}

static void
put_header (lxw_worksheet *sheet, const Formats *f, SmColumnWidths *w,
            const char *const *names)
{
  for (int k = 0; names[k] != NULL; k++)
    {
      worksheet_write_string (sheet, 0, (lxw_col_t) k, names[k], f->header);
      sm_workbook__widen (w, k, names[k]);
    }
}

void
sm_workbook__put_text (lxw_worksheet *sheet, SmColumnWidths *w, int32_t row,
                       int column, const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;
  worksheet_write_string (sheet, (lxw_row_t) row, (lxw_col_t) column, text,
                          NULL);
  sm_workbook__widen (w, column, text);
}

static void
put_date (lxw_worksheet *sheet, const Formats *f, SmColumnWidths *w,
          int32_t row, int column, SmDate date)
{
  if (!sm_date_is_valid (date))
    return;
  lxw_datetime when = { date.year, date.month, date.day, 0, 0, 0 };
  worksheet_write_datetime (sheet, (lxw_row_t) row, (lxw_col_t) column, &when,
                            f->date);
  sm_workbook__widen (w, column, "dd-mm-yyyy");
}

/* ---- the placement workbook ---------------------------------------------- */

static const char *const people_columns[] = { "id",           "name",
                                              "function",     "current unit",
                                              "grade",        "service start",
                                              "organisation", "unit",
                                              "position",     "title",
                                              "preference",   "status",
                                              "reason",       NULL };

/* The rule that orders the applicants of @position. */
static const SmPriorityRule *
rule_of (const SmScenario *s, int32_t position)
{
  SmPositionSpec p = SM_POSITION_SPEC_INIT;
  sm_scenario_get_position (s, position, &p);
  int32_t r = p.rule_id != NULL ? sm_scenario_find_rule (s, p.rule_id) : -1;
  return r >= 0 ? sm_scenario_get_rule (s, r)
                : sm_scenario_get_default_rule (s);
}

/* What decided a refusal for lack of seats. */
static char *
decided_by (const SmScenario *s, const SmRefusal *r)
{
  SmCriterion criterion;
  if (r->criterion == SM_DECIDED_BY_LOT)
    return g_strdup ("decided by lot");
  if (r->criterion == SM_DECIDED_BY_MANUAL)
    return g_strdup ("the seats went to manual placements");
  if (r->criterion >= 0
      && sm_priority_rule_get_criterion (rule_of (s, r->position), r->criterion,
                                         &criterion, NULL))
    return g_strdup_printf ("decided by %s",
                            sm_criterion_to_string (criterion));
  return g_strdup ("");
}

/* Why a preferred position was not obtained, in a few words. */
static char *
refusal_text (const SmScenario *s, const SmRefusal *r)
{
  SmPositionSpec p = SM_POSITION_SPEC_INIT;
  sm_scenario_get_position (s, r->position, &p);
  g_autofree char *by = decided_by (s, r);
  switch (r->reason)
    {
    case SM_REASON_NOT_ELIGIBLE:
      return g_strdup_printf ("not eligible for %s (%s)", p.id,
                              sm_filter_to_string (r->filter));
    case SM_REASON_FULL:
      /* A tie the improvement cycles settled: the last person admitted
       * may rank lower, so "ranked higher" would not be true. */
      if (r->criterion == SM_DECIDED_BY_CYCLES)
        return g_strdup_printf ("%s went to a tied candidate, by the lot "
                                "and improvement cycles (rank %d, last "
                                "admitted %d)",
                                p.id, r->rank, r->cutoff);
      return g_strdup_printf ("%s went to candidates ranked higher (rank "
                              "%d, last admitted %d; %s)",
                              p.id, r->rank, r->cutoff, by);
    case SM_REASON_CAP:
      return g_strdup_printf ("%s: the organisation's headcount cap was "
                              "reached",
                              p.id);
    case SM_REASON_REFLECTION:
      return g_strdup_printf ("the places at %s went to others by the "
                              "reflection principle",
                              p.id);
    case SM_REASON_MANUAL_SEAT:
      return g_strdup_printf ("a seat at %s went to a manual placement", p.id);
    case SM_REASON_MANUAL:
    default:
      return g_strdup ("placed by a manual decision");
    }
}

/* The one-line reason of an employee's outcome. */
static char *
reason_text (const SmPlacement *placement, int32_t e,
             const SmEmployeeOutcome *o)
{
  const SmScenario *s = sm_placement_get_scenario (placement);
  SmRefusal r;
  g_autofree char *why = sm_placement_get_refusal (placement, e, 0, &r)
                             ? refusal_text (s, &r)
                             : NULL;
  const char *head;
  switch (o->status)
    {
    case SM_STATUS_MANUAL:
      return g_strdup ("Placed by a manual decision (hardship clause).");
    case SM_STATUS_PLACED:
      if (o->preference == 1)
        return g_strdup ("First preference obtained.");
      head = "Preference obtained";
      break;
    case SM_STATUS_FOLLOWS_WORK:
      head = "Follows the work to the position of their own function";
      break;
    case SM_STATUS_SUPERNUMERARY:
    default:
      head = "Supernumerary in the unit of their current work";
      break;
    }
  if (why == NULL)
    return g_strdup_printf ("%s.", head);
  return g_strdup_printf ("%s; %s %s.", head,
                          r.preference > 0 ? "a higher preference:" : "", why);
}

typedef struct {
  lxw_worksheet *sheet;
  SmColumnWidths widths;
  int32_t rows;
} PeopleSheet;

static void
put_person (PeopleSheet *ps, const Formats *f, const SmPlacement *placement,
            int32_t e)
{
  const SmScenario *s = sm_placement_get_scenario (placement);
  SmEmployeeOutcome o;
  SmEmployeeSpec emp = SM_EMPLOYEE_SPEC_INIT;
  SmOrganisationSpec org = SM_ORGANISATION_SPEC_INIT;
  SmUnitSpec unit = SM_UNIT_SPEC_INIT, current = SM_UNIT_SPEC_INIT;
  SmPositionSpec pos = SM_POSITION_SPEC_INIT;
  sm_placement_get_outcome (placement, e, &o);
  sm_scenario_get_employee (s, e, &emp);
  sm_scenario_get_organisation (s, o.organisation, &org);
  sm_scenario_get_unit (s, o.unit, &unit);
  sm_scenario_get_unit (s, sm_scenario_find_unit (s, emp.unit_id), &current);
  if (o.position >= 0)
    sm_scenario_get_position (s, o.position, &pos);
  int32_t row = ++ps->rows;
  g_autofree char *reason = reason_text (placement, e, &o);
  const char *texts[] = { emp.id,
                          emp.name,
                          emp.function_code,
                          current.name,
                          NULL,
                          NULL,
                          org.name,
                          unit.name,
                          o.position >= 0 ? pos.id : NULL,
                          o.position >= 0 ? pos.title : NULL };
  for (int k = 0; k < (int) G_N_ELEMENTS (texts); k++)
    sm_workbook__put_text (ps->sheet, &ps->widths, row, k, texts[k]);
  worksheet_write_number (ps->sheet, (lxw_row_t) row, 4, emp.grade, NULL);
  put_date (ps->sheet, f, &ps->widths, row, 5, emp.service_start);
  if (o.preference > 0)
    worksheet_write_number (ps->sheet, (lxw_row_t) row, 10, o.preference, NULL);
  sm_workbook__put_text (ps->sheet, &ps->widths, row, 11,
                         sm_status_to_string (o.status));
  sm_workbook__put_text (ps->sheet, &ps->widths, row, 12, reason);
}

/* A sheet of the people whose outcome is at organisation @org (or unit
 * @unit when @org is -1); everyone when both are -1. */
static void
add_people_sheet (lxw_workbook *book, const Formats *f, GHashTable *used,
                  const char *title, const SmPlacement *placement, int32_t org,
                  int32_t unit)
{
  g_autofree char *name = sheet_name (used, title);
  PeopleSheet ps = { workbook_add_worksheet (book, name), { { 0 }, 0 }, 0 };
  put_header (ps.sheet, f, &ps.widths, people_columns);
  int32_t n = sm_scenario_get_n_employees (
      sm_placement_get_scenario (placement));
  for (int32_t e = 0; e < n; e++)
    {
      SmEmployeeOutcome o;
      sm_placement_get_outcome (placement, e, &o);
      if ((org < 0 || o.organisation == org) && (unit < 0 || o.unit == unit))
        put_person (&ps, f, placement, e);
    }
  sm_workbook__finish_sheet (ps.sheet, &ps.widths, ps.rows);
}

static gboolean
fill_placement (lxw_workbook *book, gconstpointer data, GError **error)
{
  const SmPlacement *placement = data;
  const SmScenario *s = sm_placement_get_scenario (placement);
  Formats f;
  make_formats (book, &f);
  g_autoptr (GHashTable)
      used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  add_people_sheet (book, &f, used, "people", placement, -1, -1);
  for (int32_t k = 0; k < sm_scenario_get_n_organisations (s); k++)
    {
      SmOrganisationSpec org = SM_ORGANISATION_SPEC_INIT;
      sm_scenario_get_organisation (s, k, &org);
      add_people_sheet (book, &f, used, org.id, placement, k, -1);
    }
  for (int32_t k = 0; k < sm_scenario_get_n_units (s); k++)
    {
      SmUnitSpec unit = SM_UNIT_SPEC_INIT;
      sm_scenario_get_unit (s, k, &unit);
      add_people_sheet (book, &f, used, unit.id, placement, -1, k);
    }
  return TRUE;
}

gboolean
sm_placement_save_xlsx (const SmPlacement *placement, const char *path,
                        GError **error)
{
  g_return_val_if_fail (placement != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return save_workbook (path, sm_placement_get_reference_date (placement),
                        fill_placement, placement, error);
}

/* ---- the scenario workbook ------------------------------------------------
 */

/* The tables in the order of io.h. */
static const SmCsvTableSpec *const scenario_tables[] = {
  &sm_csv_tables__organisations, &sm_csv_tables__units,
  &sm_csv_tables__positions,     &sm_csv_tables__employees,
  &sm_csv_tables__applications,  &sm_csv_tables__relations,
  &sm_csv_tables__rules,         &sm_csv_tables__manual,
  &sm_csv_tables__settings,      &sm_csv_tables__letters,
};

/* Bit k: column k of the table holds numbers (written as numbers). */
static unsigned
number_columns (const SmCsvTableSpec *spec)
{
  if (spec == &sm_csv_tables__organisations)
    return SM_CSV_COLUMN (SM_CSV_ORG_MIN) | SM_CSV_COLUMN (SM_CSV_ORG_MAX);
  if (spec == &sm_csv_tables__units)
    return SM_CSV_COLUMN (SM_CSV_UNIT_END_YEAR);
  if (spec == &sm_csv_tables__positions)
    return SM_CSV_COLUMN (SM_CSV_POS_GRADE) | SM_CSV_COLUMN (SM_CSV_POS_FTE)
           | SM_CSV_COLUMN (SM_CSV_POS_SEATS)
           | SM_CSV_COLUMN (SM_CSV_POS_TARGET);
  if (spec == &sm_csv_tables__employees)
    return SM_CSV_COLUMN (SM_CSV_EMP_GRADE) | SM_CSV_COLUMN (SM_CSV_EMP_FTE);
  if (spec == &sm_csv_tables__applications)
    return SM_CSV_COLUMN (SM_CSV_APP_PREFERENCE)
           | SM_CSV_COLUMN (SM_CSV_APP_SCORE)
           | SM_CSV_COLUMN (SM_CSV_APP_TRAVEL);
  if (spec == &sm_csv_tables__rules)
    return SM_CSV_COLUMN (SM_CSV_RULE_DISTANCE);
  return 0;
}

/* Whether column @k of row @fields holds a date. */
static gboolean
is_date_cell (const SmCsvTableSpec *spec, int k, char **fields)
{
  if (spec == &sm_csv_tables__employees)
    return k == SM_CSV_EMP_SERVICE || k == SM_CSV_EMP_BIRTH;
  return spec == &sm_csv_tables__settings && k == SM_CSV_SET_VALUE
         && g_strcmp0 (fields[SM_CSV_SET_KEY], "reference_date") == 0;
}

/* The words a column takes, for its list (NULL-terminated), or NULL. */
static const char *const *
choices (const SmCsvTableSpec *spec, int k)
{
  static const char *const kinds[] = { "receiving", "default", NULL };
  static const char *const fits[] = { "interchangeable", "suitable",
                                      "reasonable", NULL };
  static const char *const yes_no[] = { "yes", "no", NULL };
  if (spec == &sm_csv_tables__organisations && k == SM_CSV_ORG_KIND)
    return kinds;
  if ((spec == &sm_csv_tables__relations && k == SM_CSV_REL_FIT)
      || (spec == &sm_csv_tables__rules && k == SM_CSV_RULE_MIN_FIT))
    return fits;
  if (spec == &sm_csv_tables__rules && k == SM_CSV_RULE_QUALIFICATIONS)
    return yes_no;
  if (spec == &sm_csv_tables__settings && k == SM_CSV_SET_KEY)
    return (const char *const *) sm_csv_tables__setting_names;
  return NULL;
}

static void
add_choices (lxw_worksheet *sheet, const SmCsvTableSpec *spec)
{
  for (int k = 0; spec->columns[k] != NULL; k++)
    {
      const char *const *words = choices (spec, k);
      if (words == NULL)
        continue;
      lxw_data_validation v = { 0 };
      v.validate = LXW_VALIDATION_TYPE_LIST;
      v.value_list = (char **) words;
      v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
      worksheet_data_validation_range (sheet, 1, (lxw_col_t) k, 10000,
                                       (lxw_col_t) k, &v);
    }
}

static void
put_cell (lxw_worksheet *sheet, const Formats *f, SmColumnWidths *w,
          const SmCsvTableSpec *spec, const SmCsvRecord *record, int32_t row,
          int k)
{
  const char *text = record->fields[k];
  SmDate date;
  double number;
  char *end;
  if (text[0] == '\0')
    return;
  if (is_date_cell (spec, k, record->fields)
      && sm_date_parse (text, &date, NULL) && sm_date_is_valid (date))
    put_date (sheet, f, w, row, k, date);
  else if ((number_columns (spec) & SM_CSV_COLUMN (k))
           && (number = g_ascii_strtod (text, &end), *end == '\0'))
    {
      worksheet_write_number (sheet, (lxw_row_t) row, (lxw_col_t) k, number,
                              NULL);
      sm_workbook__widen (w, k, text);
    }
  else
    sm_workbook__put_text (sheet, w, row, k, text);
}

static gboolean
add_table_sheet (lxw_workbook *book, const Formats *f,
                 const SmScenario *scenario, const SmCsvTableSpec *spec,
                 GError **error)
{
  g_autoptr (SmCsvTable) table = sm_csv__render_table (scenario, spec, error);
  if (table == NULL)
    return FALSE;
  g_autofree char *name = sm_csv__table_sheet_name (spec);
  lxw_worksheet *sheet = workbook_add_worksheet (book, name);
  SmColumnWidths w = { { 0 }, 0 };
  put_header (sheet, f, &w, spec->columns);
  for (guint r = 1; r < table->records->len; r++)
    {
      const SmCsvRecord *record = &g_array_index (table->records, SmCsvRecord,
                                                  r);
      for (int k = 0; k < record->n_fields && spec->columns[k] != NULL; k++)
        put_cell (sheet, f, &w, spec, record, (int32_t) r, k);
    }
  add_choices (sheet, spec);
  sm_workbook__finish_sheet (sheet, &w, (int32_t) table->records->len - 1);
  return TRUE;
}

static void
add_readme_sheet (lxw_workbook *book, const Formats *f)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book, "README");
  g_autofree char *text = sm_template_readme ();
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  worksheet_set_column (sheet, 0, 0, 110, NULL);
  for (int32_t k = 0; lines[k] != NULL; k++)
    worksheet_write_string (sheet, (lxw_row_t) k, 0, lines[k],
                            k == 0 ? f->header : NULL);
}

static gboolean
fill_scenario (lxw_workbook *book, gconstpointer data, GError **error)
{
  const SmScenario *scenario = data;
  Formats f;
  make_formats (book, &f);
  add_readme_sheet (book, &f);
  for (size_t k = 0; k < G_N_ELEMENTS (scenario_tables); k++)
    if (!add_table_sheet (book, &f, scenario, scenario_tables[k], error))
      return FALSE;
  return TRUE;
}

gboolean
sm_scenario_save_xlsx (const SmScenario *scenario, const char *path,
                       GError **error)
{
  g_return_val_if_fail (scenario != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return save_workbook (path, sm_scenario_get_reference_date (scenario),
                        fill_scenario, scenario, error);
}

/* ---- for the other writers ----------------------------------------------- */

gboolean
sm_workbook__save (const char *path, SmDate date, SmWorkbookFill fill,
                   gconstpointer data, GError **error)
{
  return save_workbook (path, date, fill, data, error);
}
