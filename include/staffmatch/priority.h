/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: priority rules, which rank a position's candidates.
 *
 * A rule is an ordered list of criteria, each with a direction, and
 * eligibility filters. Candidates are compared criterion by criterion; the
 * first that separates two candidates decides. Candidates still tied after
 * every criterion are ordered by a lottery drawn from the scenario's seed:
 * one draw per employee for all positions (single tie-breaking, the
 * default), or one per position and employee.
 *
 * Service and age are compared to the day unless the rule counts them
 * coarser (sm_priority_rule_set_granularity()): in whole months or whole
 * years on the scenario's reference date, as many social plans count
 * them. Coarser counting leaves more candidates tied, and the lot
 * decides between them.
 *
 * The default rule, as many Dutch social plans (sociaal statuut) have it:
 * fit (same function first), then a move at the same grade before a
 * promotion, then years of service (longest first), then age (oldest
 * first), then the lot.
 */
#pragma once

#include <stdint.h>
#include <glib.h>
#include <staffmatch/export.h>

G_BEGIN_DECLS

/**
 * SmFit: how well a position fits an employee's current function, best
 * first.
 * @SM_FIT_SAME: the same function (the employee "follows" it)
 * @SM_FIT_INTERCHANGEABLE: uitwisselbaar: comparable content, same level
 *   and pay
 * @SM_FIT_SUITABLE: passend
 * @SM_FIT_REASONABLE: geschikt
 * @SM_FIT_NONE: no relation in the table
 */
typedef enum {
  SM_FIT_SAME,
  SM_FIT_INTERCHANGEABLE,
  SM_FIT_SUITABLE,
  SM_FIT_REASONABLE,
  SM_FIT_NONE,
} SmFit;

/**
 * SmCriterion:
 * @SM_CRITERION_FIT: fit category (SM_DIRECTION_HIGHER_FIRST: better fit first)
 * @SM_CRITERION_SAME_GRADE: whether the position is at the employee's own
 *   grade (SM_DIRECTION_HIGHER_FIRST: the same grade before any other, such as
 * a promotion)
 * @SM_CRITERION_COMMITTEE_SCORE: the placement committee's score on the
 *   application (missing scores come last either way)
 * @SM_CRITERION_SERVICE: length of service: service start dates compared
 *   to the day, an earlier start being longer, or in whole months or years
 *   (SmGranularity); missing dates come last
 * @SM_CRITERION_AGE: age: birth dates compared to the day, an earlier
 *   date being older, or in whole months or years (SmGranularity);
 *   missing dates come last
 * @SM_CRITERION_TRAVEL: travel distance (missing distances come last)
 */
typedef enum {
  SM_CRITERION_FIT,
  SM_CRITERION_SAME_GRADE,
  SM_CRITERION_COMMITTEE_SCORE,
  SM_CRITERION_SERVICE,
  SM_CRITERION_AGE,
  SM_CRITERION_TRAVEL,
} SmCriterion;

#define SM_N_CRITERIA 6

/** SmDirection: which end of a criterion comes first. */
typedef enum {
  SM_DIRECTION_HIGHER_FIRST,
  SM_DIRECTION_LOWER_FIRST,
} SmDirection;

/**
 * SmTieBreaking:
 * @SM_TIE_BREAKING_SINGLE: one lottery number per employee, used at every
 *   position (keeps the result efficient among the tied)
 * @SM_TIE_BREAKING_PER_POSITION: a fresh number per position and employee
 */
typedef enum {
  SM_TIE_BREAKING_SINGLE,
  SM_TIE_BREAKING_PER_POSITION,
} SmTieBreaking;

/**
 * SmGranularity: how finely a date criterion (service, age) is counted.
 * @SM_GRANULARITY_DAYS: the dates themselves, to the day (the default): an
 *   earlier date is more service or more age
 * @SM_GRANULARITY_MONTHS: whole months completed on the scenario's
 *   reference date; candidates with the same number are tied
 * @SM_GRANULARITY_YEARS: whole years completed on the reference date;
 *   candidates with the same number are tied
 *
 * A whole month from a date falls on the same day of a later month, or on
 * the first of the month after when that month is too short (so from
 * 31 January the first whole month is complete on 1 March in a common
 * year, and from 29 February a year is complete on 1 March); a whole year
 * is twelve whole months. A date after the reference date counts as 0,
 * and a missing date comes last whatever the granularity.
 */
typedef enum {
  SM_GRANULARITY_DAYS,
  SM_GRANULARITY_MONTHS,
  SM_GRANULARITY_YEARS,
} SmGranularity;

typedef struct _SmPriorityRule SmPriorityRule;

/**
 * sm_priority_rule_new:
 * @id: the rule's identifier (copied)
 *
 * Makes a rule with no criteria (all ties decided by lot) and no filters.
 *
 * Returns: (transfer full): the rule; free with sm_priority_rule_free().
 */
SM_API SmPriorityRule *sm_priority_rule_new (const char *id);

/**
 * sm_priority_rule_new_default:
 *
 * Makes the default rule of the top of this header, with the identifier
 * "default": fit, same grade, service and age, each SM_DIRECTION_HIGHER_FIRST.
 *
 * Returns: (transfer full): the rule; free with sm_priority_rule_free().
 */
SM_API SmPriorityRule *sm_priority_rule_new_default (void);

/**
 * sm_priority_rule_copy:
 * @rule: (nullable): a rule, or NULL
 *
 * Returns: (transfer full) (nullable): an independent copy of @rule, or
 *   NULL when @rule is NULL; free with sm_priority_rule_free().
 */
SM_API SmPriorityRule *sm_priority_rule_copy (const SmPriorityRule *rule);

/** sm_priority_rule_free: frees a rule; NULL is allowed. */
SM_API void sm_priority_rule_free (SmPriorityRule *rule);

/**
 * sm_priority_rule_add_criterion:
 *
 * Appends a criterion. Errors: SM_ERROR_DUPLICATE when the rule already
 * has it.
 */
SM_API gboolean sm_priority_rule_add_criterion (SmPriorityRule *rule,
                                                SmCriterion criterion,
                                                SmDirection direction,
                                                GError **error);
/** sm_priority_rule_set_max_grade_distance: eligibility: at most this
 * grade difference either way (-1: any; below -1 is a programmer error). */
SM_API void sm_priority_rule_set_max_grade_distance (SmPriorityRule *rule,
                                                     int32_t distance);
/** sm_priority_rule_set_min_fit: eligibility: at least this fit
 * (SM_FIT_NONE: any). */
SM_API void sm_priority_rule_set_min_fit (SmPriorityRule *rule, SmFit fit);
/** sm_priority_rule_set_require_qualifications: eligibility: whether the
 * candidate must hold all of the position's required qualifications. */
SM_API void sm_priority_rule_set_require_qualifications (SmPriorityRule *rule,
                                                         gboolean require);

/**
 * sm_priority_rule_set_granularity:
 * @rule: the rule
 * @criterion: SM_CRITERION_SERVICE or SM_CRITERION_AGE (any criterion may
 *   be set to SM_GRANULARITY_DAYS, which changes nothing)
 * @granularity: how finely the criterion is counted
 *
 * Sets how finely the rule counts a date criterion. The setting belongs
 * to the rule whether or not the criterion is one of its criteria (so
 * criteria and settings may be given in any order); it has an effect
 * only when it is. A new rule counts every criterion in days.
 *
 * Errors: SM_ERROR_INVALID_VALUE when @criterion is not a date criterion
 * and @granularity is not SM_GRANULARITY_DAYS (the rule is unchanged).
 *
 * Returns: TRUE when set.
 */
SM_API gboolean sm_priority_rule_set_granularity (SmPriorityRule *rule,
                                                  SmCriterion criterion,
                                                  SmGranularity granularity,
                                                  GError **error);
/** sm_priority_rule_get_granularity: how finely the rule counts
 * @criterion (SM_GRANULARITY_DAYS unless set). */
SM_API SmGranularity sm_priority_rule_get_granularity (
    const SmPriorityRule *rule, SmCriterion criterion);

/**
 * sm_priority_rule_get_id:
 *
 * Returns: (transfer none): the rule's identifier, borrowed from the rule:
 *   valid until the rule is freed.
 */
SM_API const char *sm_priority_rule_get_id (const SmPriorityRule *rule);
/** sm_priority_rule_get_n_criteria: the number of criteria, 0 to
 * SM_N_CRITERIA. */
SM_API int32_t sm_priority_rule_get_n_criteria (const SmPriorityRule *rule);
/**
 * sm_priority_rule_get_criterion:
 * @index: 0 .. n_criteria-1, in the order the criteria decide
 * @criterion_out: (out) (nullable): the criterion
 * @direction_out: (out) (nullable): its direction
 *
 * Reads the @index-th criterion.
 *
 * Returns: TRUE, or FALSE when @index is out of range (then both outputs
 *   are left untouched).
 */
SM_API gboolean sm_priority_rule_get_criterion (const SmPriorityRule *rule,
                                                int32_t index,
                                                SmCriterion *criterion_out,
                                                SmDirection *direction_out);
/** sm_priority_rule_get_max_grade_distance: the grade filter, -1 for any. */
SM_API int32_t
sm_priority_rule_get_max_grade_distance (const SmPriorityRule *rule);
/** sm_priority_rule_get_min_fit: the fit filter, SM_FIT_NONE for any. */
SM_API SmFit sm_priority_rule_get_min_fit (const SmPriorityRule *rule);
/** sm_priority_rule_get_require_qualifications: the qualifications
 * filter. */
SM_API gboolean
sm_priority_rule_get_require_qualifications (const SmPriorityRule *rule);

/**
 * sm_priority_rule_to_json:
 * @rule: the rule
 *
 * The rule as the scenario file and the run manifest write it, one JSON
 * object on one line: {"id": ..., "criteria": [{"criterion": "fit",
 * "prefer": "high"}, ...], "max_grade_distance": n | null, "min_fit":
 * name | null, "require_qualifications": bool}, followed by
 * "granularity": {"service": "years", "age": "months"} naming the date
 * criteria not counted in days, when there are any (a rule that counts
 * everything in days is written as before).
 *
 * Returns: (transfer full): the JSON text; free with g_free().
 */
SM_API char *sm_priority_rule_to_json (const SmPriorityRule *rule);

/**
 * sm_criterion_to_string:
 *
 * Returns: (transfer none): the criterion's stable name for files and
 *   reports ("fit", "same-grade", "committee-score", "service", "age",
 *   "travel"), a static string; NULL (with a critical) for a value
 *   outside SmCriterion.
 */
SM_API const char *sm_criterion_to_string (SmCriterion criterion);
/** sm_criterion_from_string: reads a name of sm_criterion_to_string()
 * back into @criterion_out (which may be NULL); FALSE, leaving it
 * untouched, for an unknown name. */
SM_API gboolean sm_criterion_from_string (const char *text,
                                          SmCriterion *criterion_out);
/**
 * sm_fit_to_string:
 *
 * Returns: (transfer none): the fit's stable name ("same",
 *   "interchangeable", "suitable", "reasonable", "none"), a static string;
 *   NULL (with a critical) for a value outside SmFit.
 */
SM_API const char *sm_fit_to_string (SmFit fit);
/** sm_fit_from_string: reads a name of sm_fit_to_string() back into
 * @fit_out (which may be NULL); FALSE, leaving it untouched, for an
 * unknown name. */
SM_API gboolean sm_fit_from_string (const char *text, SmFit *fit_out);

/**
 * sm_direction_to_string:
 *
 * Returns: (transfer none): the value's stable name in files, reports and
 *   the tool ("high", "low"), a static string; NULL (with a critical) for
 *   a value outside SmDirection.
 */
SM_API const char *sm_direction_to_string (SmDirection value);
/** sm_direction_from_string: reads a name of sm_direction_to_string()
 * back into @value_out (which may be NULL); FALSE, leaving it untouched,
 * for an unknown name. */
SM_API gboolean sm_direction_from_string (const char *text,
                                          SmDirection *value_out);

/**
 * sm_tie_breaking_to_string:
 *
 * Returns: (transfer none): the value's stable name in files, reports and
 *   the tool ("single", "per-position"), a static string; NULL (with a
 *   critical) for a value outside SmTieBreaking.
 */
SM_API const char *sm_tie_breaking_to_string (SmTieBreaking value);
/** sm_tie_breaking_from_string: reads a name of
 * sm_tie_breaking_to_string() back into @value_out (which may be NULL);
 * FALSE, leaving it untouched, for an unknown name. */
SM_API gboolean sm_tie_breaking_from_string (const char *text,
                                             SmTieBreaking *value_out);

/**
 * sm_granularity_to_string:
 *
 * Returns: (transfer none): the value's stable name in files, reports and
 *   the tool ("days", "months", "years"), a static string; NULL (with a
 *   critical) for a value outside SmGranularity.
 */
SM_API const char *sm_granularity_to_string (SmGranularity value);
/** sm_granularity_from_string: reads a name of sm_granularity_to_string()
 * back into @value_out (which may be NULL); FALSE, leaving it untouched,
 * for an unknown name. */
SM_API gboolean sm_granularity_from_string (const char *text,
                                            SmGranularity *value_out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmPriorityRule, sm_priority_rule_free)

G_END_DECLS
