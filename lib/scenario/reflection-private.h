/* staffmatch: the reflection principle (afspiegelingsbeginsel), for the
 * placement. Not installed. */
#pragma once

#include <stdint.h>
#include <glib.h>
#include <staffmatch/date.h>

/* The age at which the first band starts; younger people count in it. */
#define SM_REFLECTION_FIRST_BAND_AGE 15

/* The age band (0 = the youngest) of someone born on @birth_date, by
 * their age in whole years on @reference: (age - 15) / @band_years, 0
 * under 15 and for an unknown birth date. */
int32_t sm_reflection__band (SmDate birth_date, SmDate reference,
                             int32_t band_years);

/* One candidate for the places of a function. */
typedef struct {
  SmDate birth_date;
  SmDate service_start;
  uint64_t lot;          /* lower keeps the place when all else is equal */
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
void sm_reflection__choose (const SmReflectionCandidate *candidates,
                            int32_t n, int32_t n_keep, SmDate reference,
                            int32_t band_years, gboolean *keep_out);
