/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: small random scenarios whose rules leave many ties,
 * for the lottery and simulation suites. */
#pragma once

#include <staffmatch/staffmatch.h>

/* What a generated scenario may contain. */
typedef struct {
  int32_t max_employees;
  int32_t max_positions;    /* receiving ones; the default gets up to 3 */
  gboolean caps;            /* a headcount cap that may bind */
  gboolean manual;          /* manual placements */
  gboolean reflection;      /* the reflection principle, sometimes */
  double p_criterion;       /* chance of each criterion in the rule (none:
                               everyone tied, the lottery decides all) */
  int32_t min_applications; /* per employee, where there are positions */
} SmLotteryGenOptions;

/* A scenario drawn from @seed (the same seed, the same scenario): one
 * receiving organisation "R" and the default "D", a rule on coarse
 * criteria (fit, same grade, a committee score from three values, dates
 * to the whole year), applications and, as allowed by @options, a cap,
 * manual placements and the reflection principle; its own lottery seed
 * and tie-breaking are drawn too. (transfer full) */
SmScenario *sm_lottery_gen_scenario (uint32_t seed,
                                     const SmLotteryGenOptions *options);
