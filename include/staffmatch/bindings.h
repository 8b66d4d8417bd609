/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: variants of the API for language bindings.
 *
 * Python and JavaScript reach staffmatch through GObject Introspection
 * (docs/bindings.md), which cannot carry everything a C caller does: a
 * struct passed by value, a struct whose strings are borrowed from
 * another object, a FILE *, an options struct that must start from its
 * _INIT macro. Each function here does what one such C function does in a
 * form a binding can call; many carry a (rename-to) annotation, so that a
 * binding calls the variant by the C function's own name
 * (scenario.get_employee (3) in Python is sm_scenario_dup_employee()).
 * They are ordinary C functions too, and C programs may use them.
 *
 * Records made here own their strings: free them with the _free()
 * function of their type (not with g_free()), which frees the strings as
 * well. A record filled by a C getter borrows its strings and must not be
 * passed to these _free() functions.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <glib.h>
#include <staffmatch/date.h>
#include <staffmatch/export.h>
#include <staffmatch/io.h>
#include <staffmatch/letter.h>
#include <staffmatch/market.h>
#include <staffmatch/matching.h>
#include <staffmatch/placement.h>
#include <staffmatch/report.h>
#include <staffmatch/scenario.h>
#include <staffmatch/simulation.h>
#include <staffmatch/validate.h>

G_BEGIN_DECLS

/* ---- dates, by pointer -------------------------------------------------- */

/**
 * sm_date_new:
 * @year: the year
 * @month: 1 to 12
 * @day: 1 to 31
 *
 * Makes a date on the heap, for bindings (C programs write an SmDate
 * literal). The date is not checked: see sm_date_is_valid().
 *
 * Returns: (transfer full): the date; free with g_free().
 */
SM_API SmDate *sm_date_new (int32_t year, int32_t month, int32_t day);

/**
 * sm_date_is_valid_ptr: (rename-to sm_date_is_valid)
 * @date: a date
 *
 * sm_date_is_valid() on *@date.
 *
 * Returns: whether the date is a real day between 1900 and 2200.
 */
SM_API gboolean sm_date_is_valid_ptr (const SmDate *date);
/**
 * sm_date_is_set_ptr: (rename-to sm_date_is_set)
 * @date: a date
 *
 * sm_date_is_set() on *@date.
 *
 * Returns: whether the date is not all zero.
 */
SM_API gboolean sm_date_is_set_ptr (const SmDate *date);
/**
 * sm_date_to_iso_ptr: (rename-to sm_date_to_iso)
 * @date: a date
 *
 * sm_date_to_iso() on *@date.
 *
 * Returns: (transfer full): the date as "yyyy-mm-dd"; free with g_free().
 */
SM_API char *sm_date_to_iso_ptr (const SmDate *date);
/**
 * sm_date_compare_ptr: (rename-to sm_date_compare)
 * @a: a date
 * @b: another date
 *
 * sm_date_compare() on *@a and *@b.
 *
 * Returns: <0, 0, >0 as @a is before, on, after @b.
 */
SM_API int sm_date_compare_ptr (const SmDate *a, const SmDate *b);
/**
 * sm_date_full_years_ptr: (rename-to sm_date_full_years)
 * @from: a valid date
 * @to: a valid date
 *
 * sm_date_full_years() on *@from and *@to.
 *
 * Returns: the whole years from @from to @to.
 */
SM_API int32_t sm_date_full_years_ptr (const SmDate *from, const SmDate *to);
/**
 * sm_date_days_between_ptr: (rename-to sm_date_days_between)
 * @from: a valid date
 * @to: a valid date
 *
 * sm_date_days_between() on *@from and *@to.
 *
 * Returns: @to minus @from in days.
 */
SM_API int64_t sm_date_days_between_ptr (const SmDate *from, const SmDate *to);

/* The annotation must stay on the name's line. */
/* clang-format off */
/**
 * sm_scenario_set_reference_date_ptr: (rename-to sm_scenario_set_reference_date)
 * @scenario: the scenario
 * @date: a valid date
 *
 * sm_scenario_set_reference_date() with *@date.
 */
SM_API void sm_scenario_set_reference_date_ptr (SmScenario *scenario,
                                                const SmDate *date);
/* clang-format on */
/**
 * sm_scenario_dup_reference_date: (rename-to sm_scenario_get_reference_date)
 * @scenario: the scenario
 *
 * Returns: (transfer full): a copy of sm_scenario_get_reference_date();
 *   free with g_free().
 */
SM_API SmDate *sm_scenario_dup_reference_date (const SmScenario *scenario);
/**
 * sm_placement_dup_reference_date: (rename-to sm_placement_get_reference_date)
 * @placement: a placement
 *
 * Returns: (transfer full): a copy of sm_placement_get_reference_date();
 *   free with g_free().
 */
SM_API SmDate *sm_placement_dup_reference_date (const SmPlacement *placement);

/* ---- options that start from their _INIT -------------------------------- */

/**
 * sm_place_options_new:
 *
 * Makes options for sm_scenario_place_with() set as
 * SM_PLACE_OPTIONS_INIT sets them, for bindings, which cannot use the
 * macro; change the fields afterwards.
 *
 * Returns: (transfer full): the options; free with g_free().
 */
SM_API SmPlaceOptions *sm_place_options_new (void);

/**
 * sm_simulation_options_new:
 *
 * Makes options for sm_scenario_simulate() set as
 * SM_SIMULATION_OPTIONS_INIT sets them, for bindings, which cannot use
 * the macro; change the fields afterwards.
 *
 * Returns: (transfer full): the options; free with g_free().
 */
SM_API SmSimulationOptions *sm_simulation_options_new (void);

/**
 * sm_letter_options_new:
 *
 * Makes letter options set as SM_LETTER_OPTIONS_INIT sets them; change
 * the language and regime fields directly and the rest with the setters
 * below, which copy what they are given.
 *
 * Returns: (transfer full): the options; free with
 *   sm_letter_options_free().
 */
SM_API SmLetterOptions *sm_letter_options_new (void);
/**
 * sm_letter_options_copy:
 * @options: letter options made by sm_letter_options_new() (or any, as
 *   the strings are copied)
 *
 * Returns: (transfer full): a copy that owns copies of the strings; free
 *   with sm_letter_options_free().
 */
SM_API SmLetterOptions *sm_letter_options_copy (const SmLetterOptions *options);
/**
 * sm_letter_options_free: (skip)
 * @options: (nullable): options made by sm_letter_options_new() or
 *   sm_letter_options_copy(), or NULL
 *
 * Frees the options and their strings. Bindings free it through
 * its boxed type (types.h).
 */
SM_API void sm_letter_options_free (SmLetterOptions *options);
/**
 * sm_letter_options_set_template_text:
 * @options: options made by sm_letter_options_new()
 * @template_text: (nullable): the template (copied), or NULL for the
 *   built-in one
 */
SM_API void sm_letter_options_set_template_text (SmLetterOptions *options,
                                                 const char *template_text);
/**
 * sm_letter_options_set_settings:
 * @options: options made by sm_letter_options_new()
 * @settings: (nullable): the letters' facts for this rendering (copied,
 *   strings and all), or NULL for the scenario's own
 *
 * Sets @options->settings, which bindings cannot point at a struct of
 * their own.
 */
SM_API void sm_letter_options_set_settings (SmLetterOptions *options,
                                            const SmLetterSettings *settings);

/* ---- letter settings as a record that owns its strings ------------------ */

/**
 * sm_letter_settings_new:
 *
 * Makes letter settings set as SM_LETTER_SETTINGS_INIT sets them; change
 * the regime directly and the rest with the setters below, which copy
 * what they are given.
 *
 * Returns: (transfer full): the settings; free with
 *   sm_letter_settings_free().
 */
SM_API SmLetterSettings *sm_letter_settings_new (void);
/**
 * sm_letter_settings_copy:
 * @settings: letter settings
 *
 * Returns: (transfer full): a copy owning copies of the strings; free
 *   with sm_letter_settings_free().
 */
SM_API SmLetterSettings *
sm_letter_settings_copy (const SmLetterSettings *settings);
/**
 * sm_letter_settings_free: (skip)
 * @settings: (nullable): settings made by sm_letter_settings_new(),
 *   sm_letter_settings_copy() or sm_scenario_dup_letter_settings(), or
 *   NULL
 *
 * Frees the settings and their strings. Bindings free them through the
 * boxed type (types.h).
 */
SM_API void sm_letter_settings_free (SmLetterSettings *settings);
/**
 * sm_letter_settings_set_dates:
 * @settings: settings made by sm_letter_settings_new()
 * @effective_date: (nullable): the date the placement takes effect, or
 *   NULL for none
 * @letter_date: (nullable): the date the letters carry, or NULL for none
 */
SM_API void sm_letter_settings_set_dates (SmLetterSettings *settings,
                                          const SmDate *effective_date,
                                          const SmDate *letter_date);
/**
 * sm_letter_settings_set_texts:
 * @settings: settings made by sm_letter_settings_new()
 * @employer: (nullable): the employer's name
 * @deciding_body: (nullable): who decides
 * @signatory: (nullable): who signs
 * @contact: (nullable): whom to ask
 * @response_address: (nullable): where a response is sent
 *
 * Replaces the five texts of the settings with copies of these (NULL
 * leaves one out); sm_letter_settings_check() says whether they are fit
 * for a letter.
 */
SM_API void sm_letter_settings_set_texts (
    SmLetterSettings *settings, const char *employer, const char *deciding_body,
    const char *signatory, const char *contact, const char *response_address);
/**
 * sm_scenario_dup_letter_settings: (rename-to sm_scenario_get_letter_settings)
 * @scenario: the scenario
 *
 * Returns: (transfer full): a copy of the scenario's letter settings
 *   (sm_scenario_get_letter_settings()) owning its strings; free with
 *   sm_letter_settings_free().
 */
SM_API SmLetterSettings *
sm_scenario_dup_letter_settings (const SmScenario *scenario);

/**
 * sm_report_options_new:
 *
 * Makes report options set as SM_REPORT_OPTIONS_INIT sets them, for
 * bindings, which cannot use the macro; change the language afterwards.
 *
 * Returns: (transfer full): the options; free with g_free().
 */
SM_API SmReportOptions *sm_report_options_new (void);

/**
 * sm_letter_render_all:
 * @placement: the placement
 * @options: the letter options
 * @error: return location for an error
 *
 * Every employee's letter, in the order of the scenario, as
 * sm_letter_render_each() hands them over; for bindings, where a callback
 * cannot stop the run with an error.
 *
 * Errors: those of sm_letter_render().
 *
 * Returns: (transfer full) (array zero-terminated=1): one letter per
 *   employee, or NULL on error; free with g_strfreev().
 */
SM_API char **sm_letter_render_all (const SmPlacement *placement,
                                    const SmLetterOptions *options,
                                    GError **error);

/* ---- scenario items as records that own their strings ------------------- */

/**
 * sm_organisation_spec_new:
 * @id: identifier
 * @name: display name
 * @kind: receiving or default
 * @min_headcount: the band's lower end, or -1
 * @max_headcount: the band's upper end, or -1
 *
 * Returns: (transfer full): the spec, owning copies of the strings, for
 *   sm_scenario_add_organisation(); free with
 *   sm_organisation_spec_free().
 */
SM_API SmOrganisationSpec *sm_organisation_spec_new (const char *id,
                                                     const char *name,
                                                     SmOrganisationKind kind,
                                                     int32_t min_headcount,
                                                     int32_t max_headcount);
/**
 * sm_organisation_spec_copy:
 * @spec: a spec
 *
 * Returns: (transfer full): a copy owning copies of the strings; free with
 *   sm_organisation_spec_free().
 */
SM_API SmOrganisationSpec *
sm_organisation_spec_copy (const SmOrganisationSpec *spec);
/**
 * sm_organisation_spec_free: (skip)
 * @spec: (nullable): a spec made by a function of this header, or NULL
 *
 * Frees the spec and its strings. Bindings free it through
 * its boxed type (types.h).
 */
SM_API void sm_organisation_spec_free (SmOrganisationSpec *spec);

/**
 * sm_unit_spec_new:
 * @id: identifier
 * @name: display name
 * @organisation_id: the organisation
 * @contract_client_id: (nullable): the contract's client, or NULL
 * @contract_end_year: the contract's last year, or 0
 *
 * Returns: (transfer full): the spec, owning copies of the strings, for
 *   sm_scenario_add_unit(); free with sm_unit_spec_free().
 */
SM_API SmUnitSpec *sm_unit_spec_new (const char *id, const char *name,
                                     const char *organisation_id,
                                     const char *contract_client_id,
                                     int32_t contract_end_year);
/**
 * sm_unit_spec_copy:
 * @spec: a spec
 *
 * Returns: (transfer full): a copy owning copies of the strings; free with
 *   sm_unit_spec_free().
 */
SM_API SmUnitSpec *sm_unit_spec_copy (const SmUnitSpec *spec);
/**
 * sm_unit_spec_free: (skip)
 * @spec: (nullable): a spec made by a function of this header, or NULL
 *
 * Frees the spec and its strings. Bindings free it through
 * its boxed type (types.h).
 */
SM_API void sm_unit_spec_free (SmUnitSpec *spec);

/**
 * sm_position_spec_new:
 * @id: identifier
 * @title: job title
 * @unit_id: the unit
 * @function_code: the function
 * @grade: salary grade
 * @fte: full-time equivalent of one seat
 * @seats: seats, 1 or more
 * @target_seats: target seats, or -1 for all
 * @qualifications: (nullable) (array zero-terminated=1): required
 *   qualifications, or NULL
 * @rule_id: (nullable): the priority rule, or NULL for the default
 *
 * Returns: (transfer full): the spec, owning copies of the strings, for
 *   sm_scenario_add_position(); free with sm_position_spec_free().
 */
SM_API SmPositionSpec *
sm_position_spec_new (const char *id, const char *title, const char *unit_id,
                      const char *function_code, int32_t grade, double fte,
                      int32_t seats, int32_t target_seats,
                      const char *const *qualifications, const char *rule_id);
/**
 * sm_position_spec_copy:
 * @spec: a spec
 *
 * Returns: (transfer full): a copy owning copies of the strings and the
 *   qualifications; free with sm_position_spec_free().
 */
SM_API SmPositionSpec *sm_position_spec_copy (const SmPositionSpec *spec);
/**
 * sm_position_spec_free: (skip)
 * @spec: (nullable): a spec made by a function of this header, or NULL
 *
 * Frees the spec and its strings. Bindings free it through
 * its boxed type (types.h).
 */
SM_API void sm_position_spec_free (SmPositionSpec *spec);

/**
 * sm_employee_spec_new:
 * @id: personnel number
 * @name: the person's name
 * @function_code: current function
 * @unit_id: the unit of the default organisation
 * @grade: salary grade
 * @fte: contracted hours as full-time equivalent
 * @service_start: (nullable): start of service, or NULL for not given
 * @birth_date: (nullable): date of birth, or NULL for not given
 * @qualifications: (nullable) (array zero-terminated=1): what they hold,
 *   or NULL
 *
 * Returns: (transfer full): the spec, owning copies of the strings, for
 *   sm_scenario_add_employee(); free with sm_employee_spec_free().
 */
SM_API SmEmployeeSpec *sm_employee_spec_new (
    const char *id, const char *name, const char *function_code,
    const char *unit_id, int32_t grade, double fte, const SmDate *service_start,
    const SmDate *birth_date, const char *const *qualifications);
/**
 * sm_employee_spec_copy:
 * @spec: a spec
 *
 * Returns: (transfer full): a copy owning copies of the strings and the
 *   qualifications; free with sm_employee_spec_free().
 */
SM_API SmEmployeeSpec *sm_employee_spec_copy (const SmEmployeeSpec *spec);
/**
 * sm_employee_spec_free: (skip)
 * @spec: (nullable): a spec made by a function of this header, or NULL
 *
 * Frees the spec and its strings. Bindings free it through
 * its boxed type (types.h).
 */
SM_API void sm_employee_spec_free (SmEmployeeSpec *spec);

/**
 * sm_application_spec_new:
 * @employee_id: who applies
 * @position_id: to which position
 * @preference: 1 = most wanted
 * @committee_score: the committee's score, or NAN
 * @travel_km: the travel distance, or a negative number when not given
 *
 * Returns: (transfer full): the spec, owning copies of the strings, for
 *   sm_scenario_add_application(); free with sm_application_spec_free().
 */
SM_API SmApplicationSpec *sm_application_spec_new (const char *employee_id,
                                                   const char *position_id,
                                                   int32_t preference,
                                                   double committee_score,
                                                   double travel_km);
/**
 * sm_application_spec_copy:
 * @spec: a spec
 *
 * Returns: (transfer full): a copy owning copies of the strings; free with
 *   sm_application_spec_free().
 */
SM_API SmApplicationSpec *
sm_application_spec_copy (const SmApplicationSpec *spec);
/**
 * sm_application_spec_free: (skip)
 * @spec: (nullable): a spec made by a function of this header, or NULL
 *
 * Frees the spec and its strings. Bindings free it through
 * its boxed type (types.h).
 */
SM_API void sm_application_spec_free (SmApplicationSpec *spec);

/**
 * sm_scenario_dup_organisation: (rename-to sm_scenario_get_organisation)
 * @scenario: the scenario
 * @index: 0 .. n-1 in the order added
 *
 * sm_scenario_get_organisation() into a record of its own.
 *
 * Returns: (transfer full) (nullable): the organisation, owning copies of
 *   its strings, or NULL when @index is out of range; free with
 *   sm_organisation_spec_free().
 */
SM_API SmOrganisationSpec *
sm_scenario_dup_organisation (const SmScenario *scenario, int32_t index);
/**
 * sm_scenario_dup_unit: (rename-to sm_scenario_get_unit)
 * @scenario: the scenario
 * @index: 0 .. n-1 in the order added
 *
 * Returns: (transfer full) (nullable): the unit, or NULL out of range;
 *   free with sm_unit_spec_free().
 */
SM_API SmUnitSpec *sm_scenario_dup_unit (const SmScenario *scenario,
                                         int32_t index);
/**
 * sm_scenario_dup_position: (rename-to sm_scenario_get_position)
 * @scenario: the scenario
 * @index: 0 .. n-1 in the order added
 *
 * Returns: (transfer full) (nullable): the position, or NULL out of range;
 *   free with sm_position_spec_free().
 */
SM_API SmPositionSpec *sm_scenario_dup_position (const SmScenario *scenario,
                                                 int32_t index);
/**
 * sm_scenario_dup_employee: (rename-to sm_scenario_get_employee)
 * @scenario: the scenario
 * @index: 0 .. n-1 in the order added
 *
 * Returns: (transfer full) (nullable): the employee, or NULL out of range;
 *   free with sm_employee_spec_free().
 */
SM_API SmEmployeeSpec *sm_scenario_dup_employee (const SmScenario *scenario,
                                                 int32_t index);
/**
 * sm_scenario_dup_application: (rename-to sm_scenario_get_application)
 * @scenario: the scenario
 * @index: 0 .. n-1 in the order added
 *
 * Returns: (transfer full) (nullable): the application, or NULL out of
 *   range; free with sm_application_spec_free().
 */
SM_API SmApplicationSpec *
sm_scenario_dup_application (const SmScenario *scenario, int32_t index);

/* ---- problems and issues as records that own their strings -------------- */

/**
 * sm_problem_copy:
 * @problem: a problem
 *
 * Returns: (transfer full): a copy owning copies of the strings; free with
 *   sm_problem_free().
 */
SM_API SmProblem *sm_problem_copy (const SmProblem *problem);
/**
 * sm_problem_free: (skip)
 * @problem: (nullable): a problem made by sm_problem_copy() or
 *   sm_problem_list_dup(), or NULL
 *
 * Frees the problem and its strings. Bindings free it through
 * its boxed type (types.h).
 */
SM_API void sm_problem_free (SmProblem *problem);
/**
 * sm_problem_list_dup: (rename-to sm_problem_list_get)
 * @list: a list
 * @index: 0 .. n-1, in the order found
 *
 * sm_problem_list_get() into a record of its own.
 *
 * Returns: (transfer full) (nullable): the problem, or NULL when @index is
 *   out of range; free with sm_problem_free().
 */
SM_API SmProblem *sm_problem_list_dup (const SmProblemList *list,
                                       int32_t index);

/**
 * sm_issue_copy:
 * @issue: an issue
 *
 * Returns: (transfer full): a copy owning copies of the strings; free with
 *   sm_issue_free().
 */
SM_API SmIssue *sm_issue_copy (const SmIssue *issue);
/**
 * sm_issue_free: (skip)
 * @issue: (nullable): an issue made by sm_issue_copy() or
 *   sm_issue_list_dup(), or NULL
 *
 * Frees the issue and its strings. Bindings free it through
 * its boxed type (types.h).
 */
SM_API void sm_issue_free (SmIssue *issue);
/**
 * sm_issue_list_dup: (rename-to sm_issue_list_get)
 * @list: a list
 * @index: 0 .. n-1
 *
 * sm_issue_list_get() into a record of its own.
 *
 * Returns: (transfer full) (nullable): the issue, or NULL when @index is
 *   out of range; free with sm_issue_free().
 */
SM_API SmIssue *sm_issue_list_dup (const SmIssueList *list, int32_t index);

/* ---- text instead of a FILE * and arrays with their length -------------- */

/**
 * sm_instance_to_text:
 * @market: the market
 * @error: return location for an error
 *
 * What sm_instance_write() writes, as text.
 *
 * Errors: SM_ERROR_IO, SM_ERROR_NO_MEMORY.
 *
 * Returns: (transfer full): the instance file's text, or NULL on error;
 *   free with g_free().
 */
SM_API char *sm_instance_to_text (const SmMarket *market, GError **error);
/**
 * sm_solution_to_text:
 * @matching: the matching
 * @error: return location for an error
 *
 * What sm_solution_write() writes, as text.
 *
 * Errors: SM_ERROR_IO, SM_ERROR_NO_MEMORY.
 *
 * Returns: (transfer full): the solution file's text, or NULL on error;
 *   free with g_free().
 */
SM_API char *sm_solution_to_text (const SmMatching *matching, GError **error);

/* The annotation must stay on the name's line. */
/* clang-format off */
/**
 * sm_matching_get_assignment_with_length: (rename-to sm_matching_get_assignment)
 * @matching: a matching
 * @n_out: (out): gets the number of employees
 *
 * sm_matching_get_assignment() with its length.
 *
 * Returns: (transfer none) (array length=n_out): every employee's
 *   position or SM_DEFAULT, borrowed from the matching.
 */
SM_API const int32_t *
sm_matching_get_assignment_with_length (const SmMatching *matching,
                                        int32_t *n_out);
/* clang-format on */

G_END_DECLS
