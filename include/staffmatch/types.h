/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the GType of every public type, for language bindings.
 *
 * GObject Introspection (docs/bindings.md) carries a type between C and
 * Python or JavaScript when the type is registered with GObject: each
 * enum of the API is registered as a GEnum (nicks as glib-mkenums makes
 * them, from the C names), and each struct as a boxed type, which
 * tells a binding how to copy a value it was lent and how to free one it
 * owns. A C program never needs these; they change nothing in the C API.
 *
 * How each boxed type copies and frees:
 *   - SmScenario, SmMarket and SmSimulation: their _ref() and _unref();
 *   - SmMatching and SmPriorityRule: their _copy() and _free();
 *   - SmPlacement, SmCheckReport, SmIssueList, SmProblemList and
 *     SmMarketBuilder, which the C API never lends out (every function
 *     returning one gives it to the caller): a copy is one more hold on
 *     the same object, which is freed with its _free() when the last hold
 *     is dropped (g_boxed_free());
 *   - the plain records (SmDate, SmEdge, SmViolation, SmBlockingPair,
 *     SmEmployeeOutcome, SmRefusal, SmPositionResult, SmUnitResult,
 *     SmPlaceOptions, SmSimulationOptions, SmSimulatedOutcome,
 *     SmSimulationSummary, SmReportOptions): a copy of the bytes, g_free();
 *   - the records that point to strings (SmProblem, SmIssue,
 *     SmLetterOptions with its settings, SmLetterSettings and the five item
 * specs of scenario.h): a deep copy that owns its strings, freed with
 * sm_problem_free() and its kin (bindings.h). Only a record made by a function
 * of bindings.h, or by g_boxed_copy(), owns its strings; one filled by a C
 * getter borrows them and must never be passed to g_boxed_free().
 */
#pragma once

#include <glib-object.h>
#include <staffmatch/export.h>

G_BEGIN_DECLS

/**
 * sm_violation_kind_get_type:
 * sm_error_get_type:
 * sm_reason_get_type:
 * sm_filter_get_type:
 * sm_csv_delimiter_get_type:
 * sm_language_get_type:
 * sm_regime_get_type:
 * sm_side_get_type:
 * sm_status_get_type:
 * sm_fit_get_type:
 * sm_criterion_get_type:
 * sm_direction_get_type:
 * sm_tie_breaking_get_type:
 * sm_organisation_kind_get_type:
 * sm_reduction_get_type:
 * sm_severity_get_type:
 * sm_granularity_get_type:
 * sm_mechanism_get_type:
 *
 * The GEnum type of each enum, registered on first use; the nick of a
 * value is its C name without the enum's prefix, in lower case with '-'
 * for '_' ("per-position" for SM_TIE_BREAKING_PER_POSITION). The names
 * used in files are sm_<enum>_to_string()'s.
 *
 * Returns: the GType.
 */
SM_API GType sm_violation_kind_get_type (void);
SM_API GType sm_error_get_type (void);
SM_API GType sm_reason_get_type (void);
SM_API GType sm_filter_get_type (void);
SM_API GType sm_csv_delimiter_get_type (void);
SM_API GType sm_language_get_type (void);
SM_API GType sm_regime_get_type (void);
SM_API GType sm_side_get_type (void);
SM_API GType sm_status_get_type (void);
SM_API GType sm_fit_get_type (void);
SM_API GType sm_criterion_get_type (void);
SM_API GType sm_direction_get_type (void);
SM_API GType sm_tie_breaking_get_type (void);
SM_API GType sm_organisation_kind_get_type (void);
SM_API GType sm_reduction_get_type (void);
SM_API GType sm_severity_get_type (void);
SM_API GType sm_granularity_get_type (void);
SM_API GType sm_mechanism_get_type (void);

#define SM_TYPE_VIOLATION_KIND (sm_violation_kind_get_type ())
#define SM_TYPE_ERROR (sm_error_get_type ())
#define SM_TYPE_REASON (sm_reason_get_type ())
#define SM_TYPE_FILTER (sm_filter_get_type ())
#define SM_TYPE_CSV_DELIMITER (sm_csv_delimiter_get_type ())
#define SM_TYPE_LANGUAGE (sm_language_get_type ())
#define SM_TYPE_REGIME (sm_regime_get_type ())
#define SM_TYPE_SIDE (sm_side_get_type ())
#define SM_TYPE_STATUS (sm_status_get_type ())
#define SM_TYPE_FIT (sm_fit_get_type ())
#define SM_TYPE_CRITERION (sm_criterion_get_type ())
#define SM_TYPE_DIRECTION (sm_direction_get_type ())
#define SM_TYPE_TIE_BREAKING (sm_tie_breaking_get_type ())
#define SM_TYPE_ORGANISATION_KIND (sm_organisation_kind_get_type ())
#define SM_TYPE_REDUCTION (sm_reduction_get_type ())
#define SM_TYPE_SEVERITY (sm_severity_get_type ())
#define SM_TYPE_GRANULARITY (sm_granularity_get_type ())
#define SM_TYPE_MECHANISM (sm_mechanism_get_type ())

/**
 * sm_scenario_get_type:
 * sm_market_get_type:
 * sm_market_builder_get_type:
 * sm_matching_get_type:
 * sm_priority_rule_get_type:
 * sm_placement_get_type:
 * sm_check_report_get_type:
 * sm_issue_list_get_type:
 * sm_problem_list_get_type:
 * sm_simulation_get_type:
 *
 * The boxed type of each opaque type (see the top of this header for how
 * each copies and frees).
 *
 * Returns: the GType.
 */
SM_API GType sm_scenario_get_type (void);
SM_API GType sm_market_get_type (void);
SM_API GType sm_market_builder_get_type (void);
SM_API GType sm_matching_get_type (void);
SM_API GType sm_priority_rule_get_type (void);
SM_API GType sm_placement_get_type (void);
SM_API GType sm_check_report_get_type (void);
SM_API GType sm_issue_list_get_type (void);
SM_API GType sm_problem_list_get_type (void);
SM_API GType sm_simulation_get_type (void);

#define SM_TYPE_SCENARIO (sm_scenario_get_type ())
#define SM_TYPE_MARKET (sm_market_get_type ())
#define SM_TYPE_MARKET_BUILDER (sm_market_builder_get_type ())
#define SM_TYPE_MATCHING (sm_matching_get_type ())
#define SM_TYPE_PRIORITY_RULE (sm_priority_rule_get_type ())
#define SM_TYPE_PLACEMENT (sm_placement_get_type ())
#define SM_TYPE_CHECK_REPORT (sm_check_report_get_type ())
#define SM_TYPE_ISSUE_LIST (sm_issue_list_get_type ())
#define SM_TYPE_PROBLEM_LIST (sm_problem_list_get_type ())
#define SM_TYPE_SIMULATION (sm_simulation_get_type ())

/**
 * sm_date_get_type:
 * sm_edge_get_type:
 * sm_violation_get_type:
 * sm_blocking_pair_get_type:
 * sm_employee_outcome_get_type:
 * sm_refusal_get_type:
 * sm_position_result_get_type:
 * sm_unit_result_get_type:
 * sm_place_options_get_type:
 * sm_simulation_options_get_type:
 * sm_simulated_outcome_get_type:
 * sm_simulation_summary_get_type:
 * sm_report_options_get_type:
 *
 * The boxed type of each plain record: copied as bytes, freed with
 * g_free().
 *
 * Returns: the GType.
 */
SM_API GType sm_date_get_type (void);
SM_API GType sm_edge_get_type (void);
SM_API GType sm_violation_get_type (void);
SM_API GType sm_blocking_pair_get_type (void);
SM_API GType sm_employee_outcome_get_type (void);
SM_API GType sm_refusal_get_type (void);
SM_API GType sm_position_result_get_type (void);
SM_API GType sm_unit_result_get_type (void);
SM_API GType sm_place_options_get_type (void);
SM_API GType sm_simulation_options_get_type (void);
SM_API GType sm_simulated_outcome_get_type (void);
SM_API GType sm_simulation_summary_get_type (void);
SM_API GType sm_report_options_get_type (void);

#define SM_TYPE_DATE (sm_date_get_type ())
#define SM_TYPE_EDGE (sm_edge_get_type ())
#define SM_TYPE_VIOLATION (sm_violation_get_type ())
#define SM_TYPE_BLOCKING_PAIR (sm_blocking_pair_get_type ())
#define SM_TYPE_EMPLOYEE_OUTCOME (sm_employee_outcome_get_type ())
#define SM_TYPE_REFUSAL (sm_refusal_get_type ())
#define SM_TYPE_POSITION_RESULT (sm_position_result_get_type ())
#define SM_TYPE_UNIT_RESULT (sm_unit_result_get_type ())
#define SM_TYPE_PLACE_OPTIONS (sm_place_options_get_type ())
#define SM_TYPE_SIMULATION_OPTIONS (sm_simulation_options_get_type ())
#define SM_TYPE_SIMULATED_OUTCOME (sm_simulated_outcome_get_type ())
#define SM_TYPE_SIMULATION_SUMMARY (sm_simulation_summary_get_type ())
#define SM_TYPE_REPORT_OPTIONS (sm_report_options_get_type ())

/**
 * sm_problem_get_type:
 * sm_issue_get_type:
 * sm_letter_options_get_type:
 * sm_letter_settings_get_type:
 * sm_organisation_spec_get_type:
 * sm_unit_spec_get_type:
 * sm_position_spec_get_type:
 * sm_employee_spec_get_type:
 * sm_application_spec_get_type:
 *
 * The boxed type of each record that points to strings: a copy owns
 * copies of the strings (and of a qualifications list), and freeing it
 * frees them (see the top of this header).
 *
 * Returns: the GType.
 */
SM_API GType sm_problem_get_type (void);
SM_API GType sm_issue_get_type (void);
SM_API GType sm_letter_options_get_type (void);
SM_API GType sm_letter_settings_get_type (void);
SM_API GType sm_organisation_spec_get_type (void);
SM_API GType sm_unit_spec_get_type (void);
SM_API GType sm_position_spec_get_type (void);
SM_API GType sm_employee_spec_get_type (void);
SM_API GType sm_application_spec_get_type (void);

#define SM_TYPE_PROBLEM (sm_problem_get_type ())
#define SM_TYPE_ISSUE (sm_issue_get_type ())
#define SM_TYPE_LETTER_OPTIONS (sm_letter_options_get_type ())
#define SM_TYPE_LETTER_SETTINGS (sm_letter_settings_get_type ())
#define SM_TYPE_ORGANISATION_SPEC (sm_organisation_spec_get_type ())
#define SM_TYPE_UNIT_SPEC (sm_unit_spec_get_type ())
#define SM_TYPE_POSITION_SPEC (sm_position_spec_get_type ())
#define SM_TYPE_EMPLOYEE_SPEC (sm_employee_spec_get_type ())
#define SM_TYPE_APPLICATION_SPEC (sm_application_spec_get_type ())

G_END_DECLS
