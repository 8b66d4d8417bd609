/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: simulations side by side are of one scenario
 * (simulation-check-private.h). */
#include "io/simulation-check-private.h"

#include <string.h>
#include <staffmatch/error.h>
#include <staffmatch/io.h>

gboolean
sm_simulation__check_one_scenario (const SmSimulation *const *sims, int32_t n,
                                   const char *why, GError **error)
{
  const SmScenario *s0 = sm_simulation_get_scenario (sims[0]);
  g_autofree char *c0 = sm_scenario_checksum (s0);
  for (int32_t k = 1; k < n; k++)
    {
      const SmScenario *s = sm_simulation_get_scenario (sims[k]);
      g_autofree char *c = s == s0 ? NULL : sm_scenario_checksum (s);
      if (c != NULL && strcmp (c, c0) != 0)
        {
          g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE,
                       "Simulation %d is of another scenario than the "
                       "first; %s.",
                       (int) k + 1, why);
          return FALSE;
        }
    }
  return TRUE;
}
