/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: saving scenarios as folders of CSV tables, and placements
 * as CSV (io.h).
 *
 * Saving writes every table, the optional ones included, with the columns
 * in the order of io.h and the rows in scenario order, each file
 * atomically; "not given" values are written as empty fields, so that
 * save, load, save gives the same bytes. Text that a spreadsheet would
 * run as a formula gets a single quote before it, which the loader takes
 * off again (csv.c). What the loader would refuse is not written: a line
 * break in a column that holds none (only free text may, csv-tables.c)
 * makes saving fail, naming the table, the row and the column, before
 * that table's file is touched.
 *
 * The tables and their columns are those of csv-tables.c, which the
 * loader (csv-load.c) reads back.
 */
#include <errno.h>
#include <math.h>
#include <glib/gstdio.h>
#include <staffmatch/error.h>
#include <staffmatch/io.h>

#include "core/enum-names-private.h"
#include "io/csv-private.h"
#include "io/csv-tables-private.h"
#include "io/table-source-private.h"

/* @value, or an empty field when it is @none ("not given"). */
static void
put_optional_int (SmCsvWriter *w, int64_t value, int64_t none)
{
  if (value == none)
    sm_csv__put_text (w, NULL);
  else
    sm_csv__put_int (w, value);
}

static void
put_list (SmCsvWriter *w, const char *const *list)
{
  g_autofree char *text = list != NULL ? g_strjoinv ("|", (char **) list)
                                       : NULL;
  sm_csv__put_text (w, text);
}

static void
save_organisations (const SmScenario *s, SmCsvWriter *w)
{
  for (int32_t k = 0; k < sm_scenario_get_n_organisations (s); k++)
    {
      SmOrganisationSpec o;
      sm_scenario_get_organisation (s, k, &o);
      sm_csv__put_text (w, o.id);
      sm_csv__put_text (w, o.name);
      sm_csv__put_text (w, sm_organisation_kind_to_string (o.kind));
      put_optional_int (w, o.min_headcount, -1);
      put_optional_int (w, o.max_headcount, -1);
      sm_csv__end_row (w);
    }
}

static void
save_units (const SmScenario *s, SmCsvWriter *w)
{
  for (int32_t k = 0; k < sm_scenario_get_n_units (s); k++)
    {
      SmUnitSpec u;
      sm_scenario_get_unit (s, k, &u);
      sm_csv__put_text (w, u.id);
      sm_csv__put_text (w, u.name);
      sm_csv__put_text (w, u.organisation_id);
      sm_csv__put_text (w, u.contract_client_id);
      put_optional_int (w, u.contract_end_year, 0);
      sm_csv__end_row (w);
    }
}

static void
save_positions (const SmScenario *s, SmCsvWriter *w)
{
  for (int32_t k = 0; k < sm_scenario_get_n_positions (s); k++)
    {
      SmPositionSpec p;
      sm_scenario_get_position (s, k, &p);
      sm_csv__put_text (w, p.id);
      sm_csv__put_text (w, p.title);
      sm_csv__put_text (w, p.unit_id);
      sm_csv__put_text (w, p.function_code);
      sm_csv__put_int (w, p.grade);
      sm_csv__put_double (w, p.fte);
      sm_csv__put_int (w, p.seats);
      put_optional_int (w, p.target_seats, -1);
      put_list (w, p.qualifications);
      sm_csv__put_text (w, p.rule_id);
      sm_csv__end_row (w);
    }
}

static void
save_employees (const SmScenario *s, SmCsvWriter *w)
{
  for (int32_t k = 0; k < sm_scenario_get_n_employees (s); k++)
    {
      SmEmployeeSpec e;
      sm_scenario_get_employee (s, k, &e);
      sm_csv__put_text (w, e.id);
      sm_csv__put_text (w, e.name);
      sm_csv__put_text (w, e.function_code);
      sm_csv__put_text (w, e.unit_id);
      sm_csv__put_int (w, e.grade);
      sm_csv__put_double (w, e.fte);
      sm_csv__put_date (w, e.service_start);
      sm_csv__put_date (w, e.birth_date);
      put_list (w, e.qualifications);
      sm_csv__end_row (w);
    }
}

static void
save_applications (const SmScenario *s, SmCsvWriter *w)
{
  for (int32_t k = 0; k < sm_scenario_get_n_applications (s); k++)
    {
      SmApplicationSpec a;
      sm_scenario_get_application (s, k, &a);
      sm_csv__put_text (w, a.employee_id);
      sm_csv__put_text (w, a.position_id);
      sm_csv__put_int (w, a.preference);
      if (isnan (a.committee_score))
        sm_csv__put_text (w, NULL);
      else
        sm_csv__put_double (w, a.committee_score);
      if (a.travel_km < 0.0)
        sm_csv__put_text (w, NULL);
      else
        sm_csv__put_double (w, a.travel_km);
      sm_csv__end_row (w);
    }
}

static void
save_relations (const SmScenario *s, SmCsvWriter *w)
{
  for (int32_t k = 0; k < sm_scenario_get_n_function_relations (s); k++)
    {
      const char *from, *to;
      SmFit fit;
      sm_scenario_get_function_relation (s, k, &from, &to, &fit);
      sm_csv__put_text (w, from);
      sm_csv__put_text (w, to);
      sm_csv__put_text (w, sm_fit_to_string (fit));
      sm_csv__end_row (w);
    }
}

static char *
format_criteria (const SmPriorityRule *rule)
{
  GString *text = g_string_new (NULL);
  for (int32_t k = 0; k < sm_priority_rule_get_n_criteria (rule); k++)
    {
      SmCriterion criterion;
      SmDirection direction;
      sm_priority_rule_get_criterion (rule, k, &criterion, &direction);
      g_string_append_printf (text, "%s%s:%s", k > 0 ? "|" : "",
                              sm_criterion_to_string (criterion),
                              sm_direction_to_string (direction));
    }
  return g_string_free (text, FALSE);
}

/* "service:years|age:months": the criteria not counted in days. */
static char *
format_granularity (const SmPriorityRule *rule)
{
  GString *text = g_string_new (NULL);
  for (int k = 0; k < SM_N_CRITERIA; k++)
    {
      SmGranularity g = sm_priority_rule_get_granularity (rule,
                                                          (SmCriterion) k);
      if (g != SM_GRANULARITY_DAYS)
        g_string_append_printf (text, "%s%s:%s", text->len > 0 ? "|" : "",
                                sm_criterion_to_string ((SmCriterion) k),
                                sm_granularity_to_string (g));
    }
  return g_string_free (text, FALSE);
}

static void
save_rules (const SmScenario *s, SmCsvWriter *w)
{
  for (int32_t k = 0; k < sm_scenario_get_n_rules (s); k++)
    {
      const SmPriorityRule *rule = sm_scenario_get_rule (s, k);
      g_autofree char *criteria = format_criteria (rule);
      g_autofree char *granularity = format_granularity (rule);
      SmFit min_fit = sm_priority_rule_get_min_fit (rule);
      sm_csv__put_text (w, sm_priority_rule_get_id (rule));
      sm_csv__put_text (w, criteria);
      put_optional_int (w, sm_priority_rule_get_max_grade_distance (rule), -1);
      sm_csv__put_text (w, min_fit == SM_FIT_NONE ? NULL
                                                  : sm_fit_to_string (min_fit));
      sm_csv__put_text (w, sm_priority_rule_get_require_qualifications (rule)
                               ? "yes"
                               : "no");
      sm_csv__put_text (w, granularity[0] != '\0' ? granularity : NULL);
      sm_csv__end_row (w);
    }
}

static void
save_manual (const SmScenario *s, SmCsvWriter *w)
{
  for (int32_t k = 0; k < sm_scenario_get_n_manual_placements (s); k++)
    {
      const char *employee, *position, *reason;
      sm_scenario_get_manual_placement (s, k, &employee, &position, &reason);
      sm_csv__put_text (w, employee);
      sm_csv__put_text (w, position);
      sm_csv__put_text (w, reason);
      sm_csv__end_row (w);
    }
}

static void
put_setting (SmCsvWriter *w, int key, const char *value)
{
  sm_csv__put_text (w, sm_csv_tables__setting_names[key]);
  sm_csv__put_text (w, value);
  sm_csv__end_row (w);
}

static void
save_settings (const SmScenario *s, SmCsvWriter *w)
{
  SmReduction reduction;
  int32_t band;
  sm_scenario_get_reduction (s, &reduction, &band);
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                           (guint64) sm_scenario_get_seed (s));
  g_autofree char *date = sm_date_to_iso (sm_scenario_get_reference_date (s));
  g_autofree char *band_text = g_strdup_printf ("%d", (int) band);
  put_setting (w, SM_CSV_SETTING_SEED, seed);
  put_setting (w, SM_CSV_SETTING_TIE_BREAKING,
               sm_tie_breaking_to_string (sm_scenario_get_tie_breaking (s)));
  put_setting (w, SM_CSV_SETTING_REFERENCE_DATE, date);
  put_setting (w, SM_CSV_SETTING_REDUCTION, sm_reduction_to_string (reduction));
  put_setting (w, SM_CSV_SETTING_AGE_BAND, band_text);
  /* Without rules the default is the built-in rule, which no file names. */
  put_setting (w, SM_CSV_SETTING_DEFAULT_RULE,
               sm_scenario_get_n_rules (s) == 0
                   ? NULL
                   : sm_priority_rule_get_id (
                       sm_scenario_get_default_rule (s)));
  /* Written only when on, so that a scenario saved before the setting
   * existed saves as it did. */
  if (sm_scenario_get_improvement_cycles (s))
    put_setting (w, SM_CSV_SETTING_IMPROVEMENT_CYCLES, "yes");
}

/* Every key, a blank value for one not set, so that HR sees what can be
 * filled in. */
static void
save_letters (const SmScenario *s, SmCsvWriter *w)
{
  SmLetterSettings l;
  sm_scenario_get_letter_settings (s, &l);
  g_autofree char *effective = sm_date_is_set (l.effective_date)
                                   ? sm_date_to_iso (l.effective_date)
                                   : NULL;
  g_autofree char *letter = sm_date_is_set (l.letter_date)
                                ? sm_date_to_iso (l.letter_date)
                                : NULL;
  const char *values[SM_CSV_N_LETTER_SETTINGS] = {
    sm_enum__regime_names[l.regime],
    effective,
    letter,
    l.employer,
    l.deciding_body,
    l.signatory,
    l.contact,
    l.response_address,
  };
  for (int k = 0; k < SM_CSV_N_LETTER_SETTINGS; k++)
    {
      sm_csv__put_text (w, sm_csv_tables__letter_names[k]);
      sm_csv__put_text (w, values[k]);
      sm_csv__end_row (w);
    }
}

typedef struct {
  const SmCsvTableSpec *table;
  void (*save_rows) (const SmScenario *, SmCsvWriter *);
} SavedTable;

static const SavedTable saved_tables[] = {
  { &sm_csv_tables__organisations, save_organisations },
  { &sm_csv_tables__units, save_units },
  { &sm_csv_tables__rules, save_rules },
  { &sm_csv_tables__positions, save_positions },
  { &sm_csv_tables__employees, save_employees },
  { &sm_csv_tables__applications, save_applications },
  { &sm_csv_tables__relations, save_relations },
  { &sm_csv_tables__manual, save_manual },
  { &sm_csv_tables__settings, save_settings },
  { &sm_csv_tables__letters, save_letters },
};

static char
delimiter_char (SmCsvDelimiter delimiter)
{
  return delimiter == SM_CSV_DELIMITER_COMMA ? ',' : ';';
}

/* Writes table @t of @s into @w (initialised by the caller); FALSE, with
 * the place in @error, when it holds a line break that its column cannot
 * hold. */
static gboolean
write_table (const SmScenario *s, const SavedTable *t, SmCsvWriter *w,
             GError **error)
{
  w->multiline = t->table->multiline;
  for (int k = 0; t->table->columns[k] != NULL; k++)
    sm_csv__put_text (w, t->table->columns[k]);
  sm_csv__end_row (w);
  t->save_rows (s, w);
  if (w->broken_row == 0)
    return TRUE;
  g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE,
               "Cannot save %s: "
               "the %s of row %d holds a line break, which that column "
               "cannot hold (only the names of organisations and units, the "
               "titles of positions and the reasons of manual placements "
               "can); remove the line break.",
               t->table->file, t->table->columns[w->broken_column - 1],
               (int) w->broken_row - 1);
  return FALSE;
}

/* Every table is written in memory and checked before any file is
 * touched, so a scenario that cannot be saved leaves the tables already
 * in the folder as they were. */
static gboolean
save_tables (const SmScenario *s, const char *dir, char delimiter,
             GError **error)
{
  enum { N = G_N_ELEMENTS (saved_tables) };
  SmCsvWriter w[N];
  gboolean ok = TRUE;
  for (size_t k = 0; k < N; k++)
    {
      sm_csv__writer_init (&w[k], delimiter);
      ok = ok && write_table (s, &saved_tables[k], &w[k], error);
    }
  for (size_t k = 0; k < N; k++)
    {
      g_autofree char *path = g_build_filename (dir,
                                                saved_tables[k].table->file,
                                                NULL);
      ok = ok && sm_csv__writer_save (&w[k], path, error);
      sm_csv__writer_clear (&w[k]);
    }
  return ok;
}

gboolean
sm_scenario_save_csv (const SmScenario *scenario, const char *dir,
                      SmCsvDelimiter delimiter, GError **error)
{
  g_return_val_if_fail (scenario != NULL && dir != NULL, FALSE);
  g_return_val_if_fail (delimiter == SM_CSV_DELIMITER_SEMICOLON
                            || delimiter == SM_CSV_DELIMITER_COMMA,
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (dir);
      g_set_error (error, SM_ERROR, SM_ERROR_IO,
                   "Cannot create the folder "
                   "'%s': %s.",
                   name, g_strerror (saved_errno));
      return FALSE;
    }
  return save_tables (scenario, dir, delimiter_char (delimiter), error);
}

static void
put_outcome (SmCsvWriter *w, const SmScenario *s, int32_t employee,
             const SmEmployeeOutcome *o)
{
  SmEmployeeSpec e;
  SmOrganisationSpec org;
  SmUnitSpec unit;
  SmPositionSpec position = SM_POSITION_SPEC_INIT;
  sm_scenario_get_employee (s, employee, &e);
  sm_scenario_get_organisation (s, o->organisation, &org);
  sm_scenario_get_unit (s, o->unit, &unit);
  if (o->position >= 0)
    sm_scenario_get_position (s, o->position, &position);
  sm_csv__put_text (w, e.id);
  sm_csv__put_text (w, org.id);
  sm_csv__put_text (w, unit.id);
  sm_csv__put_text (w, o->position >= 0 ? position.id : NULL);
  put_optional_int (w, o->preference, 0);
  sm_csv__put_text (w, sm_status_to_string (o->status));
  sm_csv__end_row (w);
}

gboolean
sm_placement_save_csv (const SmPlacement *placement, const char *path,
                       SmCsvDelimiter delimiter, GError **error)
{
  static const char *const columns[] = {
    "employee", "organisation", "unit", "position", "preference", "status",
  };
  g_return_val_if_fail (placement != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  const SmScenario *s = sm_placement_get_scenario (placement);
  SmCsvWriter w;
  sm_csv__writer_init (&w, delimiter_char (delimiter));
  for (size_t k = 0; k < G_N_ELEMENTS (columns); k++)
    sm_csv__put_text (&w, columns[k]);
  sm_csv__end_row (&w);
  for (int32_t i = 0; i < sm_scenario_get_n_employees (s); i++)
    {
      SmEmployeeOutcome outcome;
      sm_placement_get_outcome (placement, i, &outcome);
      put_outcome (&w, s, i, &outcome);
    }
  gboolean ok = sm_csv__writer_save (&w, path, error);
  sm_csv__writer_clear (&w);
  return ok;
}

SmCsvTable *
sm_csv__render_table (const SmScenario *scenario, const SmCsvTableSpec *spec,
                      GError **error)
{
  for (size_t k = 0; k < G_N_ELEMENTS (saved_tables); k++)
    {
      if (saved_tables[k].table != spec)
        continue;
      SmCsvWriter w;
      sm_csv__writer_init (&w, ';');
      SmCsvTable *table = NULL;
      int32_t line, column;
      if (write_table (scenario, &saved_tables[k], &w, error))
        table = sm_csv__read (w.out->str, w.out->len, &line, &column, error);
      sm_csv__writer_clear (&w);
      return table;
    }
  g_return_val_if_reached (NULL);
}
