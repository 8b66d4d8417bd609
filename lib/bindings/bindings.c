/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: variants of the API for language bindings (bindings.h).
 *
 * Each variant is a thin wrapper on the C function it stands for, so the
 * two cannot disagree: it passes a pointer where the C function takes a
 * value, copies a record whose strings the C getter lends, or collects
 * into memory what the C function writes to a stream. The records made
 * here own every string they point to; their _free() functions free
 * those strings, which is why a record filled by a C getter must never
 * reach them.
 */
#include <staffmatch/bindings.h>

#include <stdio.h>
#include <staffmatch/error.h>
#include <staffmatch/instance.h>
#include <staffmatch/solution.h>

/* g_strdup() of a string the record only points to. */
static const char *
own (const char *text)
{
  return g_strdup (text);
}

/* g_free() of a string a record owns (its field is const for C callers). */
static void
drop (const char *text)
{
  g_free ((char *) text);
}

static const char *const *
own_list (const char *const *list)
{
  return (const char *const *) g_strdupv ((char **) list);
}

/* ---- dates -------------------------------------------------------------- */

SmDate *
sm_date_new (int32_t year, int32_t month, int32_t day)
{
  SmDate *date = g_new (SmDate, 1);
  *date = (SmDate){ year, month, day };
  return date;
}

gboolean
sm_date_is_valid_ptr (const SmDate *date)
{
  g_return_val_if_fail (date != NULL, FALSE);
  return sm_date_is_valid (*date);
}

gboolean
sm_date_is_set_ptr (const SmDate *date)
{
  g_return_val_if_fail (date != NULL, FALSE);
  return sm_date_is_set (*date);
}

char *
sm_date_to_iso_ptr (const SmDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  return sm_date_to_iso (*date);
}

int
sm_date_compare_ptr (const SmDate *a, const SmDate *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, 0);
  return sm_date_compare (*a, *b);
}

int32_t
sm_date_full_years_ptr (const SmDate *from, const SmDate *to)
{
  g_return_val_if_fail (from != NULL && to != NULL, 0);
  return sm_date_full_years (*from, *to);
}

int64_t
sm_date_days_between_ptr (const SmDate *from, const SmDate *to)
{
  g_return_val_if_fail (from != NULL && to != NULL, 0);
  return sm_date_days_between (*from, *to);
}

void
sm_scenario_set_reference_date_ptr (SmScenario *scenario, const SmDate *date)
{
  g_return_if_fail (date != NULL);
  sm_scenario_set_reference_date (scenario, *date);
}

SmDate *
sm_scenario_dup_reference_date (const SmScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, NULL);
  SmDate date = sm_scenario_get_reference_date (scenario);
  return g_memdup2 (&date, sizeof date);
}

SmDate *
sm_placement_dup_reference_date (const SmPlacement *placement)
{
  g_return_val_if_fail (placement != NULL, NULL);
  SmDate date = sm_placement_get_reference_date (placement);
  return g_memdup2 (&date, sizeof date);
}

/* ---- options ------------------------------------------------------------ */

SmPlaceOptions *
sm_place_options_new (void)
{
  const SmPlaceOptions init = SM_PLACE_OPTIONS_INIT;
  return g_memdup2 (&init, sizeof init);
}

SmSimulationOptions *
sm_simulation_options_new (void)
{
  const SmSimulationOptions init = SM_SIMULATION_OPTIONS_INIT;
  return g_memdup2 (&init, sizeof init);
}

SmLetterOptions *
sm_letter_options_new (void)
{
  const SmLetterOptions init = SM_LETTER_OPTIONS_INIT;
  return g_memdup2 (&init, sizeof init);
}

SmLetterOptions *
sm_letter_options_copy (const SmLetterOptions *options)
{
  g_return_val_if_fail (options != NULL, NULL);
  SmLetterOptions *copy = g_memdup2 (options, sizeof *options);
  copy->template_text = own (options->template_text);
  copy->sender = own (options->sender);
  copy->settings = options->settings != NULL
                       ? sm_letter_settings_copy (options->settings)
                       : NULL;
  return copy;
}

void
sm_letter_options_free (SmLetterOptions *options)
{
  if (options == NULL)
    return;
  drop (options->template_text);
  drop (options->sender);
  sm_letter_settings_free ((SmLetterSettings *) options->settings);
  g_free (options);
}

void
sm_letter_options_set_template_text (SmLetterOptions *options,
                                     const char *template_text)
{
  g_return_if_fail (options != NULL);
  const char *old = options->template_text;
  options->template_text = own (template_text);
  drop (old);
}

void
sm_letter_options_set_settings (SmLetterOptions *options,
                                const SmLetterSettings *settings)
{
  g_return_if_fail (options != NULL);
  SmLetterSettings *old = (SmLetterSettings *) options->settings;
  options->settings = settings != NULL ? sm_letter_settings_copy (settings)
                                       : NULL;
  sm_letter_settings_free (old);
}

/* ---- letter settings ----------------------------------------------------- */

SmLetterSettings *
sm_letter_settings_new (void)
{
  const SmLetterSettings init = SM_LETTER_SETTINGS_INIT;
  return g_memdup2 (&init, sizeof init);
}

SmLetterSettings *
sm_letter_settings_copy (const SmLetterSettings *settings)
{
  g_return_val_if_fail (settings != NULL, NULL);
  SmLetterSettings *copy = g_memdup2 (settings, sizeof *settings);
  copy->employer = own (settings->employer);
  copy->deciding_body = own (settings->deciding_body);
  copy->signatory = own (settings->signatory);
  copy->contact = own (settings->contact);
  copy->response_address = own (settings->response_address);
  return copy;
}

static void
drop_texts (SmLetterSettings *settings)
{
  drop (settings->employer);
  drop (settings->deciding_body);
  drop (settings->signatory);
  drop (settings->contact);
  drop (settings->response_address);
}

void
sm_letter_settings_free (SmLetterSettings *settings)
{
  if (settings == NULL)
    return;
  drop_texts (settings);
  g_free (settings);
}

void
sm_letter_settings_set_dates (SmLetterSettings *settings,
                              const SmDate *effective_date,
                              const SmDate *letter_date)
{
  g_return_if_fail (settings != NULL);
  const SmDate none = { 0, 0, 0 };
  settings->effective_date = effective_date != NULL ? *effective_date : none;
  settings->letter_date = letter_date != NULL ? *letter_date : none;
}

void
sm_letter_settings_set_texts (SmLetterSettings *settings, const char *employer,
                              const char *deciding_body, const char *signatory,
                              const char *contact, const char *response_address)
{
  g_return_if_fail (settings != NULL);
  /* Copies first: an argument may be one of the strings being replaced. */
  SmLetterSettings old = *settings;
  settings->employer = own (employer);
  settings->deciding_body = own (deciding_body);
  settings->signatory = own (signatory);
  settings->contact = own (contact);
  settings->response_address = own (response_address);
  drop_texts (&old);
}

SmLetterSettings *
sm_scenario_dup_letter_settings (const SmScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, NULL);
  SmLetterSettings borrowed;
  sm_scenario_get_letter_settings (scenario, &borrowed);
  return sm_letter_settings_copy (&borrowed);
}

SmReportOptions *
sm_report_options_new (void)
{
  const SmReportOptions init = SM_REPORT_OPTIONS_INIT;
  return g_memdup2 (&init, sizeof init);
}

static gboolean
collect_letter (int32_t employee, const char *text, size_t length,
                void *user_data, GError **error)
{
  g_ptr_array_add (user_data, g_strndup (text, length));
  return TRUE;
}

char **
sm_letter_render_all (const SmPlacement *placement,
                      const SmLetterOptions *options, GError **error)
{
  g_return_val_if_fail (placement != NULL && options != NULL, NULL);
  g_autoptr (GPtrArray) letters = g_ptr_array_new_with_free_func (g_free);
  if (!sm_letter_render_each (placement, options, collect_letter, letters,
                              error))
    return NULL;
  g_ptr_array_set_free_func (letters, NULL);
  g_ptr_array_add (letters, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&letters), FALSE);
}

/* ---- scenario items ----------------------------------------------------- */

SmOrganisationSpec *
sm_organisation_spec_new (const char *id, const char *name,
                          SmOrganisationKind kind, int32_t min_headcount,
                          int32_t max_headcount)
{
  SmOrganisationSpec spec = { id, name, kind, min_headcount, max_headcount };
  return sm_organisation_spec_copy (&spec);
}

SmOrganisationSpec *
sm_organisation_spec_copy (const SmOrganisationSpec *spec)
{
  g_return_val_if_fail (spec != NULL, NULL);
  SmOrganisationSpec *copy = g_memdup2 (spec, sizeof *spec);
  copy->id = own (spec->id);
  copy->name = own (spec->name);
  return copy;
}

void
sm_organisation_spec_free (SmOrganisationSpec *spec)
{
  if (spec == NULL)
    return;
  drop (spec->id);
  drop (spec->name);
  g_free (spec);
}

SmUnitSpec *
sm_unit_spec_new (const char *id, const char *name, const char *organisation_id,
                  const char *contract_client_id, int32_t contract_end_year)
{
  SmUnitSpec spec = { id, name, organisation_id, contract_client_id,
                      contract_end_year };
  return sm_unit_spec_copy (&spec);
}

SmUnitSpec *
sm_unit_spec_copy (const SmUnitSpec *spec)
{
  g_return_val_if_fail (spec != NULL, NULL);
  SmUnitSpec *copy = g_memdup2 (spec, sizeof *spec);
  copy->id = own (spec->id);
  copy->name = own (spec->name);
  copy->organisation_id = own (spec->organisation_id);
  copy->contract_client_id = own (spec->contract_client_id);
  return copy;
}

void
sm_unit_spec_free (SmUnitSpec *spec)
{
  if (spec == NULL)
    return;
  drop (spec->id);
  drop (spec->name);
  drop (spec->organisation_id);
  drop (spec->contract_client_id);
  g_free (spec);
}

SmPositionSpec *
sm_position_spec_new (const char *id, const char *title, const char *unit_id,
                      const char *function_code, int32_t grade, double fte,
                      int32_t seats, int32_t target_seats,
                      const char *const *qualifications, const char *rule_id)
{
  SmPositionSpec spec = { id,  title, unit_id,      function_code,  grade,
                          fte, seats, target_seats, qualifications, rule_id };
  return sm_position_spec_copy (&spec);
}

SmPositionSpec *
sm_position_spec_copy (const SmPositionSpec *spec)
{
  g_return_val_if_fail (spec != NULL, NULL);
  SmPositionSpec *copy = g_memdup2 (spec, sizeof *spec);
  copy->id = own (spec->id);
  copy->title = own (spec->title);
  copy->unit_id = own (spec->unit_id);
  copy->function_code = own (spec->function_code);
  copy->qualifications = own_list (spec->qualifications);
  copy->rule_id = own (spec->rule_id);
  return copy;
}

void
sm_position_spec_free (SmPositionSpec *spec)
{
  if (spec == NULL)
    return;
  drop (spec->id);
  drop (spec->title);
  drop (spec->unit_id);
  drop (spec->function_code);
  g_strfreev ((char **) spec->qualifications);
  drop (spec->rule_id);
  g_free (spec);
}

SmEmployeeSpec *
sm_employee_spec_new (const char *id, const char *name,
                      const char *function_code, const char *unit_id,
                      int32_t grade, double fte, const SmDate *service_start,
                      const SmDate *birth_date,
                      const char *const *qualifications)
{
  SmEmployeeSpec spec = SM_EMPLOYEE_SPEC_INIT;
  spec.id = id;
  spec.name = name;
  spec.function_code = function_code;
  spec.unit_id = unit_id;
  spec.grade = grade;
  spec.fte = fte;
  if (service_start != NULL)
    spec.service_start = *service_start;
  if (birth_date != NULL)
    spec.birth_date = *birth_date;
  spec.qualifications = qualifications;
  return sm_employee_spec_copy (&spec);
}

SmEmployeeSpec *
sm_employee_spec_copy (const SmEmployeeSpec *spec)
{
  g_return_val_if_fail (spec != NULL, NULL);
  SmEmployeeSpec *copy = g_memdup2 (spec, sizeof *spec);
  copy->id = own (spec->id);
  copy->name = own (spec->name);
  copy->function_code = own (spec->function_code);
  copy->unit_id = own (spec->unit_id);
  copy->qualifications = own_list (spec->qualifications);
  return copy;
}

void
sm_employee_spec_free (SmEmployeeSpec *spec)
{
  if (spec == NULL)
    return;
  drop (spec->id);
  drop (spec->name);
  drop (spec->function_code);
  drop (spec->unit_id);
  g_strfreev ((char **) spec->qualifications);
  g_free (spec);
}

SmApplicationSpec *
sm_application_spec_new (const char *employee_id, const char *position_id,
                         int32_t preference, double committee_score,
                         double travel_km)
{
  SmApplicationSpec spec = { employee_id, position_id, preference,
                             committee_score, travel_km };
  return sm_application_spec_copy (&spec);
}

SmApplicationSpec *
sm_application_spec_copy (const SmApplicationSpec *spec)
{
  g_return_val_if_fail (spec != NULL, NULL);
  SmApplicationSpec *copy = g_memdup2 (spec, sizeof *spec);
  copy->employee_id = own (spec->employee_id);
  copy->position_id = own (spec->position_id);
  return copy;
}

void
sm_application_spec_free (SmApplicationSpec *spec)
{
  if (spec == NULL)
    return;
  drop (spec->employee_id);
  drop (spec->position_id);
  g_free (spec);
}

SmOrganisationSpec *
sm_scenario_dup_organisation (const SmScenario *scenario, int32_t index)
{
  SmOrganisationSpec spec;
  return sm_scenario_get_organisation (scenario, index, &spec)
             ? sm_organisation_spec_copy (&spec)
             : NULL;
}

SmUnitSpec *
sm_scenario_dup_unit (const SmScenario *scenario, int32_t index)
{
  SmUnitSpec spec;
  return sm_scenario_get_unit (scenario, index, &spec)
             ? sm_unit_spec_copy (&spec)
             : NULL;
}

SmPositionSpec *
sm_scenario_dup_position (const SmScenario *scenario, int32_t index)
{
  SmPositionSpec spec;
  return sm_scenario_get_position (scenario, index, &spec)
             ? sm_position_spec_copy (&spec)
             : NULL;
}

SmEmployeeSpec *
sm_scenario_dup_employee (const SmScenario *scenario, int32_t index)
{
  SmEmployeeSpec spec;
  return sm_scenario_get_employee (scenario, index, &spec)
             ? sm_employee_spec_copy (&spec)
             : NULL;
}

SmApplicationSpec *
sm_scenario_dup_application (const SmScenario *scenario, int32_t index)
{
  SmApplicationSpec spec;
  return sm_scenario_get_application (scenario, index, &spec)
             ? sm_application_spec_copy (&spec)
             : NULL;
}

/* ---- problems and issues ------------------------------------------------ */

SmProblem *
sm_problem_copy (const SmProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);
  SmProblem *copy = g_memdup2 (problem, sizeof *problem);
  copy->file = own (problem->file);
  copy->field = own (problem->field);
  copy->message = own (problem->message);
  return copy;
}

void
sm_problem_free (SmProblem *problem)
{
  if (problem == NULL)
    return;
  drop (problem->file);
  drop (problem->field);
  drop (problem->message);
  g_free (problem);
}

SmProblem *
sm_problem_list_dup (const SmProblemList *list, int32_t index)
{
  SmProblem problem;
  return sm_problem_list_get (list, index, &problem)
             ? sm_problem_copy (&problem)
             : NULL;
}

SmIssue *
sm_issue_copy (const SmIssue *issue)
{
  g_return_val_if_fail (issue != NULL, NULL);
  SmIssue *copy = g_memdup2 (issue, sizeof *issue);
  copy->table = own (issue->table);
  copy->item_id = own (issue->item_id);
  copy->field = own (issue->field);
  copy->message = own (issue->message);
  return copy;
}

void
sm_issue_free (SmIssue *issue)
{
  if (issue == NULL)
    return;
  drop (issue->table);
  drop (issue->item_id);
  drop (issue->field);
  drop (issue->message);
  g_free (issue);
}

SmIssue *
sm_issue_list_dup (const SmIssueList *list, int32_t index)
{
  SmIssue issue;
  return sm_issue_list_get (list, index, &issue) ? sm_issue_copy (&issue)
                                                 : NULL;
}

/* ---- text and arrays ---------------------------------------------------- */

/* Runs @write into a stream in memory and returns what it wrote. */
static char *
write_to_text (gboolean (*write) (const void *, FILE *, GError **),
               const void *object, GError **error)
{
  char *text = NULL;
  size_t length = 0;
  FILE *stream = open_memstream (&text, &length);
  if (stream == NULL)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_NO_MEMORY,
                   "Out of memory while writing to text.");
      return NULL;
    }
  gboolean ok = write (object, stream, error);
  /* fclose() sets text and length; what it holds is malloc()ed. */
  if (fclose (stream) != 0 && ok)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_NO_MEMORY,
                   "Out of memory while writing to text.");
      ok = FALSE;
    }
  char *result = ok ? g_strndup (text, length) : NULL;
  free (text);
  return result;
}

static gboolean
write_instance (const void *market, FILE *stream, GError **error)
{
  return sm_instance_write (market, stream, error);
}

static gboolean
write_solution (const void *matching, FILE *stream, GError **error)
{
  return sm_solution_write (matching, stream, error);
}

char *
sm_instance_to_text (const SmMarket *market, GError **error)
{
  g_return_val_if_fail (market != NULL, NULL);
  return write_to_text (write_instance, market, error);
}

char *
sm_solution_to_text (const SmMatching *matching, GError **error)
{
  g_return_val_if_fail (matching != NULL, NULL);
  return write_to_text (write_solution, matching, error);
}

const int32_t *
sm_matching_get_assignment_with_length (const SmMatching *matching,
                                        int32_t *n_out)
{
  g_return_val_if_fail (matching != NULL && n_out != NULL, NULL);
  *n_out = sm_matching_get_n_employees (matching);
  return sm_matching_get_assignment (matching);
}
