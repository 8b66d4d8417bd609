/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the placement's insides, for the explanations (explain.c)
 * and the writers of placement files. Not installed. */
#pragma once

#include <staffmatch/placement.h>

/* The run's settings as they were when the placement was made: the
 * scenario's settings may change afterwards (scenario.h), and whatever
 * explains or reports this placement must say what was used. */
typedef struct {
  uint64_t seed;
  SmTieBreaking tie_breaking;
  SmDate reference_date;
  SmReduction reduction;
  int32_t age_band_years;
  gboolean improvement_cycles;
} SmPlacementSettings;

struct _SmPlacement {
  const SmScenario *scenario;   /* held (sm_scenario__hold) */
  SmPlacementSettings settings; /* copied when placed */
  SmMarket *market;             /* the final market */
  SmMatching *matching;         /* its employee-optimal stable matching,
                                   or, with improvement cycles, that
                                   matching improved */
  SmMatching *da_matching;      /* with improvement cycles: the matching
                                   before them; else NULL */
  int32_t n_improved;           /* people the cycles moved */
  gboolean *reflected;          /* per position: reflection chose */
  SmEmployeeOutcome *outcomes;  /* per employee */
  int32_t *headcount;           /* per organisation */
};

/* Whether the reflection principle, choosing among the contenders of a
 * reflected default-organisation position as the placement did but with
 * @places places, keeps @employee (FALSE when they are not a contender). */
gboolean sm_placement__reflection_keeps (const SmPlacement *placement,
                                         int32_t position, int32_t employee,
                                         int32_t places);
