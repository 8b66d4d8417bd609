/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: what the reports (lib/report/) may use of the scenario
 * layer beyond the public API, and nothing more. Not installed.
 *
 * A decision letter explains a placement in the terms it was made in: the
 * rule that ranked a position, the facts it ranked a candidate on, the
 * age band the reflection principle put them in, and where a position or
 * an application sits in the scenario. Those are computed here, in the
 * scenario layer, so that a report needs neither a scenario's records
 * (scenario-private.h) nor how it is compiled (compile-private.h): every
 * name, title and number it prints comes from the public getters. The
 * files of the scenario layer that define these include this header
 * through their own private ones; a report includes only this one.
 */
#pragma once

#include <stdint.h>
#include <glib.h>
#include <staffmatch/date.h>
#include <staffmatch/priority.h>
#include <staffmatch/scenario.h>

/* ---- where things sit (scenario.c, report.c) ---------------------------- */

/* The employee's applications as indices in the scenario's applications,
 * sorted by preference (1 first). *apps_out is borrowed and valid until
 * the next application is added; NULL when *n_out is 0. O(1). */
void sm_scenario__applications_of (const SmScenario *scenario, int32_t employee,
                                   const int32_t **apps_out, int32_t *n_out);

/* The position an application is for, as an index. O(1). */
int32_t sm_scenario__application_position (const SmScenario *scenario,
                                           int32_t application);

/* The unit and the organisation of a position, as indices. O(1). */
int32_t sm_scenario__position_unit (const SmScenario *scenario,
                                    int32_t position);
int32_t sm_scenario__position_organisation (const SmScenario *scenario,
                                            int32_t position);

/* The reason given for the employee's manual placement, or NULL when
 * they have none. (transfer none): interned in the scenario. O(1). */
const char *sm_scenario__manual_reason (const SmScenario *scenario,
                                        int32_t employee);

/* ---- how a position ranks its candidates (scenario.c, compile.c) -------- */

/* The rule that ranks the position's candidates: its own, else the
 * scenario's default (the one set as default, else the first added, else
 * the built-in default rule). (transfer none). */
const SmPriorityRule *sm_scenario__rule_of (const SmScenario *scenario,
                                            int32_t position);

/* Facts about one candidate for one position, as the rules need them. */
typedef struct {
  SmFit fit;
  int32_t employee_grade;
  int32_t position_grade;
  double committee_score;  /* NAN when none */
  SmDate service_start;    /* earlier = longer service */
  SmDate birth_date;       /* earlier = older */
  double travel_km;        /* < 0 when none */
  SmDate reference;        /* the scenario's reference date, on which
                              coarse granularities count */
  uint64_t lot;            /* lottery number: lower wins */
  const char *employee_id; /* last resort should two lots collide */
} SmCandidate;

/* The facts the position's rule ranks the employee on (the application's
 * score and distance if the employee applied to the position, else none),
 * with the lot drawn from the scenario's seed. Strings are borrowed from
 * the scenario. Recomputes what compile ranked, so explanations can say
 * which criterion decided. */
void sm_scenario__candidate (const SmScenario *scenario, int32_t employee,
                             int32_t position, SmCandidate *candidate_out);

/* ---- describing them in English (priority.c) ---------------------------- */

/* A short human explanation of what criterion @index of the rule compares
 * and which way, e.g. "years of service (longest first)", for decision
 * letters. (transfer none): a static string. */
const char *sm_priority__describe_criterion (const SmPriorityRule *rule,
                                             int32_t index);

/* The candidate's value for @criterion on @reference (the scenario's
 * reference date), as the rule counts it (@granularity), e.g. "12 years
 * and 40 days" (days), "12 years and 1 month" (months), "12 years"
 * (years), "no date", "same function", "interchangeable", "same grade
 * (10)", "grade 9 to 10", "score 7.5", "no score", "3.2 km", "no
 * distance". Numbers are written with a '.' whatever the locale.
 * (transfer full): free with g_free(). */
char *sm_priority__describe_value (SmCriterion criterion,
                                   SmGranularity granularity,
                                   const SmCandidate *candidate,
                                   SmDate reference);

/* ---- ages and the reflection principle (date.c, reflection.c) ----------- */

/* The day of @year on which an anniversary of @date falls: the same month
 * and day, except that 29 February falls on 1 March in a common year. */
SmDate sm_date__anniversary (SmDate date, int32_t year);

/* The whole months from @from to @to (valid dates), 0 when @to is not
 * after @from. A month is complete on the same day of a later month, or
 * on the first of the month after when that month is too short, which
 * agrees with sm_date__anniversary(): twelve whole months are a whole
 * year. */
int32_t sm_date__full_months (SmDate from, SmDate to);

/* The age at which the first band starts; younger people count in it. */
#define SM_REFLECTION_FIRST_BAND_AGE 15

/* The age band (0 = the youngest) of someone born on @birth_date, by
 * their age in whole years on @reference: (age - 15) / @band_years, 0
 * under 15 and for an unknown birth date. */
int32_t sm_reflection__band (SmDate birth_date, SmDate reference,
                             int32_t band_years);
