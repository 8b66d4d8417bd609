/* staffmatch: evaluating priority rules on candidates, for the scenario
 * compiler (compile.c) and the decision letters. Not installed.
 *
 * The compiler gathers, for each position and applicant, the facts of an
 * SmCandidate, drops the ineligible, and sorts the rest with
 * sm_priority__compare(); that order is the position's priority order in
 * the market. The lottery number of sm_priority__lot() settles what the
 * rule leaves tied.
 */
#pragma once

#include <staffmatch/date.h>
#include <staffmatch/priority.h>

/* Facts about one candidate for one position, as the rules need them. */
typedef struct {
  SmFit fit;
  int32_t employee_grade;
  int32_t position_grade;
  double committee_score;   /* NAN when none */
  SmDate service_start;     /* earlier = longer service */
  SmDate birth_date;        /* earlier = older */
  double travel_km;         /* < 0 when none */
  uint64_t lot;             /* lottery number: lower wins */
  const char *employee_id;  /* last resort should two lots collide */
} SmCandidate;

typedef enum {
  SM_ELIGIBLE,
  SM_INELIGIBLE_GRADE,
  SM_INELIGIBLE_FIT,
  SM_INELIGIBLE_QUALIFICATIONS,
} SmEligibility;

/* Whether the rule's filters let the candidate be ranked at all, checked in
 * the order grade distance, fit, qualifications; the first that fails is
 * returned. @required are the position's required qualifications, @held
 * the employee's (NULL-terminated; NULL lists = none). */
SmEligibility sm_priority__check_eligibility (const SmPriorityRule *rule,
                                              const SmCandidate *c,
                                              const char *const *required,
                                              const char *const *held);

/* <0 when a comes first, >0 when b does; *deciding_out (may be NULL) gets
 * the index in the rule of the criterion that separated them, or -1 when
 * the lot (or the id) did. Never returns 0 for different employees.
 *
 * Semantics per criterion (SM_DIRECTION_HIGHER_FIRST; SM_DIRECTION_LOWER_FIRST reverses):
 * FIT better fit first; SAME_GRADE employee grade == position grade first;
 * COMMITTEE_SCORE higher first; SERVICE earlier service_start first; AGE
 * earlier birth_date first; TRAVEL longer first (so TRAVEL is normally
 * used with SM_DIRECTION_LOWER_FIRST: shorter first). A missing score, distance or
 * date (not a valid date, e.g. all zero) comes last in either direction. */
int sm_priority__compare (const SmPriorityRule *rule, const SmCandidate *a,
                          const SmCandidate *b, int32_t *deciding_out);

/* The lottery number: FNV-1a (64 bit) over the employee id for
 * SM_TIE_BREAKING_SINGLE (@position_id is ignored and may be NULL), over the
 * position id then the employee id for SM_TIE_BREAKING_PER_POSITION (each
 * with its terminating zero byte), XORed with splitmix64 (seed) and passed
 * through the splitmix64 finaliser. The same on every machine; for a
 * given id, different seeds give different numbers. */
uint64_t sm_priority__lot (uint64_t seed, SmTieBreaking tie_breaking,
                           const char *position_id, const char *employee_id);

/* A short human explanation of what criterion @index of the rule compares
 * and which way, e.g. "years of service (longest first)", for decision
 * letters. (transfer none): a static string. */
const char *sm_priority__describe_criterion (const SmPriorityRule *rule,
                                             int32_t index);

/* The candidate's value for @criterion on @reference (the scenario's
 * reference date), e.g. "12 years", "12 years and 40 days", "no date",
 * "same function", "interchangeable", "same grade (10)", "grade 9 to 10",
 * "score 7.5", "no score", "3.2 km", "no distance". Years and days,
 * because the comparison is by date, not by whole years. Numbers are
 * written with a '.' whatever the locale.
 * (transfer full): free with g_free(). */
char *sm_priority__describe_value (SmCriterion criterion,
                                   const SmCandidate *candidate,
                                   SmDate reference);
