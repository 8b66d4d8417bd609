/* staffmatch: priority rules, which rank a position's candidates.
 *
 * A rule is an ordered list of criteria, each with a direction, and
 * eligibility filters. Candidates are compared criterion by criterion; the
 * first that separates two candidates decides. Candidates still tied after
 * every criterion are ordered by a lottery drawn from the scenario's seed:
 * one draw per employee for all positions (single tie-breaking, the
 * default), or one per position and employee.
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
 * @SM_CRITERION_FIT: fit category (SM_PREFER_HIGH: better fit first)
 * @SM_CRITERION_SAME_GRADE: whether the position is at the employee's own
 *   grade (SM_PREFER_HIGH: same grade before promotion)
 * @SM_CRITERION_COMMITTEE_SCORE: the placement committee's score on the
 *   application (missing scores come last either way)
 * @SM_CRITERION_SERVICE: length of service: service start dates compared
 *   to the day, an earlier start being longer (missing dates come last)
 * @SM_CRITERION_AGE: age: birth dates compared to the day, an earlier
 *   date being older (missing dates come last)
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
  SM_PREFER_HIGH,
  SM_PREFER_LOW,
} SmDirection;

/**
 * SmTieBreaking:
 * @SM_TIE_BREAK_SINGLE: one lottery number per employee, used at every
 *   position (keeps the result efficient among the tied)
 * @SM_TIE_BREAK_PER_POSITION: a fresh number per position and employee
 */
typedef enum {
  SM_TIE_BREAK_SINGLE,
  SM_TIE_BREAK_PER_POSITION,
} SmTieBreaking;

typedef struct _SmPriorityRule SmPriorityRule;

/** sm_priority_rule_new: (transfer full): a rule with no criteria (ties
 * all decided by lot) and no filters. */
SM_API SmPriorityRule *sm_priority_rule_new (const char *id);
/** sm_priority_rule_new_default: (transfer full): the default rule, with
 * identifier "default". */
SM_API SmPriorityRule *sm_priority_rule_new_default (void);
SM_API SmPriorityRule *sm_priority_rule_copy (const SmPriorityRule *rule);
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
/** Eligibility: at most this grade difference either way (-1: any). */
SM_API void sm_priority_rule_set_max_grade_distance (SmPriorityRule *rule,
                                                     int32_t distance);
/** Eligibility: at least this fit (SM_FIT_NONE: any). */
SM_API void sm_priority_rule_set_min_fit (SmPriorityRule *rule, SmFit fit);
/** Eligibility: the position's required qualifications are all held. */
SM_API void sm_priority_rule_set_require_qualifications (SmPriorityRule *rule,
                                                         gboolean require);

/* Reading a rule back: its identifier (transfer none), its criteria in
 * order (index 0 .. n_criteria-1) and its filters. */
SM_API const char *sm_priority_rule_get_id (const SmPriorityRule *rule);
SM_API int32_t sm_priority_rule_get_n_criteria (const SmPriorityRule *rule);
SM_API void sm_priority_rule_get_criterion (const SmPriorityRule *rule,
                                            int32_t index,
                                            SmCriterion *criterion_out,
                                            SmDirection *direction_out);
SM_API int32_t sm_priority_rule_get_max_grade_distance (const SmPriorityRule *rule);
SM_API SmFit sm_priority_rule_get_min_fit (const SmPriorityRule *rule);
SM_API gboolean sm_priority_rule_get_require_qualifications (const SmPriorityRule *rule);

/** Stable names ("fit", "same-grade", "committee-score", "service",
 * "age", "travel"; "same", "interchangeable", "suitable", "reasonable",
 * "none") for files and reports, and back. The parsers return FALSE for
 * an unknown name. */
SM_API const char *sm_criterion_to_string (SmCriterion criterion);
SM_API gboolean sm_criterion_from_string (const char *text,
                                          SmCriterion *criterion_out);
SM_API const char *sm_fit_to_string (SmFit fit);
SM_API gboolean sm_fit_from_string (const char *text, SmFit *fit_out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmPriorityRule, sm_priority_rule_free)

G_END_DECLS
