/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the check that the writers of simulations (the report of
 * simulation-html.c, the workbook of workbook-simulation.c) make before
 * they put several simulations side by side. It compares checksums of
 * the scenarios, which are the io layer's (io.h). Not installed. */
#pragma once

#include <staffmatch/simulation.h>

/* TRUE when the @n simulations (n >= 1) are all of the first one's
 * scenario (the same scenario, or one with the same checksum); else
 * SM_ERROR_INVALID_VALUE naming the first that is not, with @why ("a
 * report compares simulations of one scenario") as the reason. */
gboolean sm_simulation__check_one_scenario (const SmSimulation *const *sims,
                                            int32_t n, const char *why,
                                            GError **error);
