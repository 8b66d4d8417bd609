/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: checking a whole scenario before placing it.
 *
 * Adding items already refuses what is wrong item by item (scenario.h).
 * sm_scenario_validate() looks at the scenario as a whole, as
 * `staffmatch check` does, and lists two kinds of issues:
 *
 *   - errors: what sm_scenario_place_with() would refuse (found by the
 *     same checks, with the same SmError code), and data that cannot be
 *     right (a birth date after the reference date, a service start before
 *     the birth date);
 *   - warnings: what is possible but looks like a mistake (a service start
 *     after the reference date, a manual placement at a position the
 *     position's rule would not let the employee apply to, a rule without
 *     criteria, a rule that counts service or age in months or years but
 *     does not rank by it, a function relation naming a function that no
 *     position or employee has).
 *
 * Each issue names where it is: the table (named as the scenario's JSON
 * member; the CSV file is the same name with '-' for '_' and ".csv"
 * added), the item's index in it (the order added, which is the row order
 * of a CSV table and the array index in JSON), its identifier and the
 * field (the CSV column, which is also the JSON member). Messages name
 * items by identifier and never quote a name or a birth date.
 */
#pragma once

#include <stdint.h>
#include <glib.h>
#include <staffmatch/error.h>
#include <staffmatch/export.h>
#include <staffmatch/placement.h>
#include <staffmatch/scenario.h>

G_BEGIN_DECLS

/**
 * SmSeverity:
 * @SM_SEVERITY_WARNING: possible, but probably a mistake; placing works
 * @SM_SEVERITY_ERROR: placing refuses it, or the data cannot be right
 */
typedef enum {
  SM_SEVERITY_WARNING,
  SM_SEVERITY_ERROR,
} SmSeverity;

/**
 * SmIssue: one issue found by sm_scenario_validate().
 * @severity: warning or error
 * @code: the SmError code (for what placing refuses, the code it gives)
 * @table: "settings", "organisations", "units", "rules", "positions",
 *   "employees", "applications", "function_relations" or
 *   "manual_placements"
 * @index: the item's index in its table (0-based, in the order added), or
 *   -1 when the issue concerns the table or the scenario as a whole
 * @item_id: the item's identifier (for applications and manual placements
 *   the employee's, for function relations the from code), or NULL
 * @field: the field concerned (CSV column and JSON member name), or NULL
 * @message: what is wrong and what to do, without personal data
 */
typedef struct {
  SmSeverity severity;
  SmError code;
  const char *table;
  int32_t index;
  const char *item_id;
  const char *field;
  const char *message;
} SmIssue;

typedef struct _SmIssueList SmIssueList;

/**
 * sm_issue_list_new:
 *
 * Makes an empty list of issues, for sm_scenario_validate() to fill.
 *
 * Returns: (transfer full): the list; free with sm_issue_list_free().
 */
SM_API SmIssueList *sm_issue_list_new (void);
/** sm_issue_list_free: frees the list; NULL is allowed. */
SM_API void sm_issue_list_free (SmIssueList *list);
/** sm_issue_list_get_n: the number of issues in the list. */
SM_API int32_t sm_issue_list_get_n (const SmIssueList *list);

/**
 * sm_issue_list_get:
 * @issue_out: (out caller-allocates) (nullable): filled with strings
 *   borrowed from the list, valid until it is freed
 *
 * Returns: TRUE; FALSE, leaving @issue_out untouched, when @index is out
 *   of range.
 */
SM_API gboolean sm_issue_list_get (const SmIssueList *list, int32_t index,
                                   SmIssue *issue_out);

/** sm_issue_list_count: how many issues of the list have @severity. */
SM_API int32_t sm_issue_list_count (const SmIssueList *list,
                                    SmSeverity severity);

/**
 * sm_scenario_validate:
 * @scenario: the scenario (not changed)
 * @options: (nullable): the options it would be placed with
 *   (sm_scenario_place_with()); NULL for SM_PLACE_OPTIONS_INIT
 * @issues: (nullable): when given, every issue found is appended to it
 * @error: return location for an error
 *
 * Checks the scenario as a whole: everything placing would refuse, and
 * what is implausible (see the top of this header). Warnings do not make
 * it fail. It compiles the scenario as placing does, so it costs about as
 * much as compiling: O(entries log entries).
 *
 * Errors: the code of the first error-severity issue (placing's own:
 * SM_ERROR_INFEASIBLE for no default organisation, target seats above a
 * headcount maximum, positions proposing with the reflection principle or
 * under a binding cap; the market's size errors; SM_ERROR_INVALID_VALUE
 * for dates that cannot be right), with its message and how many more
 * errors there are. Running out of memory while solving is the one
 * refusal of placing that cannot be told in advance.
 *
 * Returns: TRUE when there is no error-severity issue.
 */
SM_API gboolean sm_scenario_validate (const SmScenario *scenario,
                                      const SmPlaceOptions *options,
                                      SmIssueList *issues, GError **error);

/**
 * sm_severity_to_string:
 *
 * Returns: (transfer none): the value's stable name in files, reports and
 *   the tool ("warning", "error"), a static string; NULL (with a critical)
 *   for a value outside SmSeverity.
 */
SM_API const char *sm_severity_to_string (SmSeverity value);
/** sm_severity_from_string: reads a name of sm_severity_to_string() back
 * into @value_out (which may be NULL); FALSE, leaving it untouched, for
 * an unknown name. */
SM_API gboolean sm_severity_from_string (const char *text,
                                         SmSeverity *value_out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmIssueList, sm_issue_list_free)

G_END_DECLS
