/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch examples: a scenario in the shape of a reorganisation, at
 * any size (large-case.c), for what the Ommen-Hardenberg case is too
 * small to show: the speed of lottery draws (sm-bench simulate) and how
 * compiling grows with the people (tests/test-allocations.c). */
#pragma once

#include <stdint.h>
#include <glib.h>
#include <staffmatch/staffmatch.h>

G_BEGIN_DECLS

/**
 * boh_large_case_new:
 * @n: the employees, 10 or more
 * @error: return location for a GError
 *
 * Builds a scenario of @n employees of one default organisation, "D",
 * and one receiving organisation, "R", with @n / 10 positions of 1 to 5
 * seats, each of 50 functions. Every employee applies to three of R's
 * positions with a committee score of 1 to 5, which R's rule ranks by,
 * so the lot decides among equal scores; D has one position per function
 * with room for nine in ten of its people. The same @n gives the same
 * scenario on every machine.
 *
 * Returns: (transfer full): the scenario, or NULL with @error set
 */
SmScenario *boh_large_case_new (int32_t n, GError **error);

G_END_DECLS
