/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: evaluating priority rules on candidates, for the scenario
 * compiler (compile.c). Not installed.
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

#include "scenario/report-private.h"

/* SmCandidate, the facts about one candidate for one position, is in
 * report-private.h with sm_priority__describe_criterion() and
 * sm_priority__describe_value(), which the letters use. */

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
 * Semantics per criterion (SM_DIRECTION_HIGHER_FIRST; SM_DIRECTION_LOWER_FIRST
 * reverses): FIT better fit first; SAME_GRADE employee grade == position grade
 * first; COMMITTEE_SCORE higher first; SERVICE earlier service_start first; AGE
 * earlier birth_date first; TRAVEL longer first (so TRAVEL is normally
 * used with SM_DIRECTION_LOWER_FIRST: shorter first). A missing score, distance
 * or date (not a valid date, e.g. all zero) comes last in either direction. */
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

/* The lottery in two halves, so that a simulation can redraw it without
 * hashing identifiers again: sm_priority__lot (seed, tb, p, e) equals
 * sm_priority__lot_draw (sm_priority__mix64 (seed),
 * sm_priority__lot_hash (tb, p, e)). The hash depends on the identifiers
 * only (@position_id is ignored for SM_TIE_BREAKING_SINGLE), the draw on
 * the seed only. */
uint64_t sm_priority__lot_hash (SmTieBreaking tie_breaking,
                                const char *position_id,
                                const char *employee_id);

/* The splitmix64 finaliser (Steele, Lea and Flood 2014): a bijection of
 * 64-bit numbers. */
static inline uint64_t
sm_priority__mix64 (uint64_t x)
{
  x += UINT64_C (0x9e3779b97f4a7c15);
  x = (x ^ (x >> 30)) * UINT64_C (0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * UINT64_C (0x94d049bb133111eb);
  return x ^ (x >> 31);
}

/* The lottery number from a mixed seed and an identifier hash. */
static inline uint64_t
sm_priority__lot_draw (uint64_t mixed_seed, uint64_t hash)
{
  return sm_priority__mix64 (mixed_seed ^ hash);
}
