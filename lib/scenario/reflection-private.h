/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the reflection principle (afspiegelingsbeginsel), for the
 * placement. Not installed. */
#pragma once

#include <stdint.h>
#include <glib.h>
#include <staffmatch/date.h>

#include "scenario/report-private.h"

/* SM_REFLECTION_FIRST_BAND_AGE and sm_reflection__band(), which the
 * letters use too, are in report-private.h. */

/* One candidate for the places of a function. */
typedef struct {
  SmDate birth_date;
  SmDate service_start;
  uint64_t lot; /* lower keeps the place when all else is equal */
} SmReflectionCandidate;

/* Chooses which @n_keep of the @n candidates keep a place: the candidates
 * are grouped in age bands of @band_years on @reference (from age 15; an
 * unknown birth date counts as the youngest band), the @n - @n_keep
 * reductions are spread over the bands in proportion to their sizes
 * (largest remainders; a tie goes to the larger band, then the younger),
 * and within a band those with the shortest service go first (then the
 * youngest, then the higher lot; a missing date counts as the shortest
 * service or the youngest age). The result does not depend on the order
 * of @candidates unless two lots are equal. Sets keep_out[k] for each
 * candidate. */
void sm_reflection__choose (const SmReflectionCandidate *candidates, int32_t n,
                            int32_t n_keep, SmDate reference,
                            int32_t band_years, gboolean *keep_out);
