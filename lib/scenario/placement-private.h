/* staffmatch: the placement's insides, for the explanations (explain.c)
 * and the writers of placement files. Not installed. */
#pragma once

#include <staffmatch/placement.h>

struct _SmPlacement {
  const SmScenario *scenario;   /* held (sm_scenario__hold) */
  SmMarket *market;             /* the final market */
  SmMatching *matching;         /* its employee-optimal stable matching */
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
