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
