/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Scenarios and simulations that the simulation suites share
 * (test-simulation.c, test-simulation-output.c). */
#pragma once

#include <staffmatch/staffmatch.h>

/* sm_scenario_simulate() with @runs draws under @mechanism on @threads
 * threads; asserts (fatally) that it succeeds. */
SmSimulation *sm_test_simulate (const SmScenario *s, int32_t runs,
                                SmMechanism mechanism, int32_t threads);

/* The built-in case with a default rule that ranks by fit alone, so that
 * many applicants are tied. */
SmScenario *sm_test_coarse_case (void);

/* Two people (E0, E1) and one seat P at organisation R; D takes everyone
 * else. With @tied the two have the same service, else E0 has more.
 * @names (or NULL for the ids), @organisation (or NULL for "R") and
 * @title (or NULL for "P") name them in outputs, so that a test can give
 * texts that need escaping. */
SmScenario *sm_test_two_for_one (gboolean tied, const char *const *names,
                                 const char *organisation, const char *title);
