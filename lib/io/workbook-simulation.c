/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: a simulation's chances as a workbook for HR (workbook.h).
 *
 * Three sheets, written with libxlsxwriter through the atomic writer of
 * workbook-write.c:
 *   - "probabilities": under the first simulation's mechanism, one row
 *     per outcome each employee could have (their market list, then
 *     supernumerary), in scenario order: identifier, name, position and
 *     title, status, preference, draws, probability and the ends of its
 *     95% interval;
 *   - "mechanisms": one row per simulation, the figures of
 *     sm_simulation_get_summary() and the mean number placed at
 *     preferences 1 to 3 per draw;
 *   - "settings": what was simulated (mechanism, draws, seed, library
 *     version, scenario checksum), so a sheet can be traced back.
 * Numbers are cells of numbers (draws as integers, chances with a
 * percent format, means with two decimals), so that a spreadsheet sorts
 * and sums them; the seed is text, since a 64-bit number does not fit a
 * spreadsheet's double. Every sheet has its header row frozen, a filter
 * and column widths that fit. The creation time is the scenario's
 * reference date, so the same simulations give the same bytes.
 */
#include <string.h>
#include <staffmatch/error.h>
#include <staffmatch/io.h>
#include <staffmatch/version.h>
#include <staffmatch/workbook.h>
#include <xlsxwriter.h>

#include "io/workbook-write-private.h"
#include "io/simulation-check-private.h"

typedef struct {
  const SmSimulation *const *sims;
  int32_t n_sims;
  const SmScenario *scenario;
} Book;

typedef struct {
  lxw_format *header;
  lxw_format *percent;
  lxw_format *decimal;
} Formats;

static void
make_formats (lxw_workbook *book, Formats *f)
{
  f->header = workbook_add_format (book);
  format_set_bold (f->header);
  format_set_bottom (f->header, LXW_BORDER_THIN);
  format_set_bg_color (f->header, 0xDDEBF7);
  f->percent = workbook_add_format (book);
  format_set_num_format (f->percent, "0.00%");
  f->decimal = workbook_add_format (book);
  format_set_num_format (f->decimal, "0.00");
}

static lxw_worksheet *
begin_sheet (lxw_workbook *book, const Formats *f, SmColumnWidths *w,
             const char *name, const char *const *columns)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book, name);
  for (int k = 0; columns[k] != NULL; k++)
    {
      worksheet_write_string (sheet, 0, (lxw_col_t) k, columns[k], f->header);
      sm_workbook__widen (w, k, columns[k]);
    }
  return sheet;
}

static void
put_number (lxw_worksheet *sheet, SmColumnWidths *w, int32_t row, int column,
            double value, lxw_format *format)
{
  worksheet_write_number (sheet, (lxw_row_t) row, (lxw_col_t) column, value,
                          format);
  sm_workbook__widen (w, column, "0000000");
}

/* ---- probabilities -------------------------------------------------------
 */

static const char *const outcome_columns[] = {
  "employee", "name",        "position",  "title",      "status", "preference",
  "draws",    "probability", "low (95%)", "high (95%)", NULL
};

static void
put_outcome (lxw_worksheet *sheet, const Formats *f, SmColumnWidths *w,
             int32_t row, const SmEmployeeSpec *e, const SmSimulatedOutcome *o,
             const SmScenario *s)
{
  SmPositionSpec p;
  gboolean has = o->position >= 0
                 && sm_scenario_get_position (s, o->position, &p);
  sm_workbook__put_text (sheet, w, row, 0, e->id);
  sm_workbook__put_text (sheet, w, row, 1, e->name);
  sm_workbook__put_text (sheet, w, row, 2, has ? p.id : NULL);
  sm_workbook__put_text (sheet, w, row, 3, has ? p.title : NULL);
  sm_workbook__put_text (sheet, w, row, 4, sm_status_to_string (o->status));
  if (o->preference > 0)
    put_number (sheet, w, row, 5, o->preference, NULL);
  put_number (sheet, w, row, 6, (double) o->n_draws, NULL);
  put_number (sheet, w, row, 7, o->probability, f->percent);
  put_number (sheet, w, row, 8, o->low, f->percent);
  put_number (sheet, w, row, 9, o->high, f->percent);
}

static void
add_probabilities (lxw_workbook *book, const Formats *f, const Book *b)
{
  SmColumnWidths w = { { 0 }, 0 };
  lxw_worksheet *sheet = begin_sheet (book, f, &w, "probabilities",
                                      outcome_columns);
  int32_t row = 1;
  for (int32_t i = 0; i < sm_scenario_get_n_employees (b->scenario); i++)
    {
      SmEmployeeSpec e;
      SmSimulatedOutcome o;
      sm_scenario_get_employee (b->scenario, i, &e);
      for (int32_t k = 0; sm_simulation_get_outcome (b->sims[0], i, k, &o); k++)
        put_outcome (sheet, f, &w, row++, &e, &o, b->scenario);
    }
  sm_workbook__finish_sheet (sheet, &w, row - 1);
}

/* ---- mechanisms ----------------------------------------------------------
 */

static const char *const mechanism_columns[] = {
  "mechanism",          "runs",
  "first_choices_mean", "first_choices_sd",
  "placed_mean",        "follows_work_mean",
  "supernumerary_mean", "supernumerary_sd",
  "depending",          "cycles",
  "preference_1_mean",  "preference_2_mean",
  "preference_3_mean",  NULL
};

static void
put_mechanism (lxw_worksheet *sheet, const Formats *f, SmColumnWidths *w,
               int32_t row, const SmSimulation *sim)
{
  SmSimulationSummary s;
  sm_simulation_get_summary (sim, &s);
  const double means[] = { s.first_choices_mean, s.first_choices_sd,
                           s.placed_mean,        s.follows_work_mean,
                           s.supernumerary_mean, s.supernumerary_sd };
  sm_workbook__put_text (sheet, w, row, 0,
                         sm_mechanism_to_string (
                             sm_simulation_get_mechanism (sim)));
  put_number (sheet, w, row, 1, s.n_runs, NULL);
  for (int k = 0; k < 6; k++)
    put_number (sheet, w, row, 2 + k, means[k], f->decimal);
  put_number (sheet, w, row, 8, s.n_depending, NULL);
  put_number (sheet, w, row, 9, (double) s.n_cycles, NULL);
  for (int32_t p = 1; p <= 3; p++)
    {
      int64_t count = 0;
      sm_simulation_get_rank_count (sim, p, &count);
      put_number (sheet, w, row, 9 + p, (double) count / s.n_runs, f->decimal);
    }
}

static void
add_mechanisms (lxw_workbook *book, const Formats *f, const Book *b)
{
  SmColumnWidths w = { { 0 }, 0 };
  lxw_worksheet *sheet = begin_sheet (book, f, &w, "mechanisms",
                                      mechanism_columns);
  for (int32_t k = 0; k < b->n_sims; k++)
    put_mechanism (sheet, f, &w, k + 1, b->sims[k]);
  sm_workbook__finish_sheet (sheet, &w, b->n_sims);
}

/* ---- settings ------------------------------------------------------------
 */

static void
add_settings (lxw_workbook *book, const Formats *f, const Book *b)
{
  static const char *const columns[] = { "key", "value", NULL };
  const SmSimulation *sim = b->sims[0];
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                           sm_simulation_get_seed (sim));
  g_autofree char *checksum = sm_scenario_checksum (b->scenario);
  SmColumnWidths w = { { 0 }, 0 };
  lxw_worksheet *sheet = begin_sheet (book, f, &w, "settings", columns);
  sm_workbook__put_text (sheet, &w, 1, 0, "mechanism");
  sm_workbook__put_text (sheet, &w, 1, 1,
                         sm_mechanism_to_string (
                             sm_simulation_get_mechanism (sim)));
  sm_workbook__put_text (sheet, &w, 2, 0, "runs");
  put_number (sheet, &w, 2, 1, sm_simulation_get_n_runs (sim), NULL);
  sm_workbook__put_text (sheet, &w, 3, 0, "seed");
  sm_workbook__put_text (sheet, &w, 3, 1, seed);
  sm_workbook__put_text (sheet, &w, 4, 0, "library_version");
  sm_workbook__put_text (sheet, &w, 4, 1, sm_version ());
  sm_workbook__put_text (sheet, &w, 5, 0, "scenario_checksum");
  sm_workbook__put_text (sheet, &w, 5, 1, checksum);
  sm_workbook__finish_sheet (sheet, &w, 5);
}

/* ---- the workbook --------------------------------------------------------
 */

static gboolean
fill_simulation (lxw_workbook *book, gconstpointer data, GError **error)
{
  const Book *b = data;
  Formats f;
  (void) error;
  make_formats (book, &f);
  add_probabilities (book, &f, b);
  add_mechanisms (book, &f, b);
  add_settings (book, &f, b);
  return TRUE;
}

gboolean
sm_simulation_save_xlsx (const SmSimulation *const *simulations,
                         int32_t n_simulations, const char *path,
                         GError **error)
{
  g_return_val_if_fail (simulations != NULL && n_simulations >= 1, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  for (int32_t k = 0; k < n_simulations; k++)
    g_return_val_if_fail (simulations[k] != NULL, FALSE);
  if (!sm_simulation__check_one_scenario (simulations, n_simulations,
                                          "a workbook holds simulations of one "
                                          "scenario",
                                          error))
    return FALSE;
  const SmScenario *s = sm_simulation_get_scenario (simulations[0]);
  Book b = { simulations, n_simulations, s };
  return sm_workbook__save (path, sm_scenario_get_reference_date (s),
                            fill_simulation, &b, error);
}
