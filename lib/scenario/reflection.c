/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the reflection principle (afspiegelingsbeginsel).
 *
 * Where a unit has fewer places than people, Dutch reorganisations often
 * choose who becomes supernumerary so that the staff who stay mirror the
 * age structure of those who were there: candidates are grouped in age
 * bands (commonly 15-25, 25-35, 35-45, 45-55, 55 and over), the
 * reduction is divided over the bands in proportion to their sizes, and
 * within each band those with the shortest service go first.
 *
 * It is a choice over a whole group, not a ranking, so the placement
 * applies it as a final stage, once everyone's outcome at the receiving
 * organisations is settled (see placement.c for why that stays stable).
 *
 * The division uses largest remainders (Hamilton): each band gets the
 * whole part of its share, and the reductions left over go to the bands
 * with the largest fractional parts. Everything is integer arithmetic, so
 * the result is the same on every machine.
 *
 * Exactly, with B the band width in years (10 by default):
 *   - a candidate's band is (age - 15) / B, the age in whole years on the
 *     scenario's reference date; under 15, and an unknown birth date,
 *     count as the first (youngest) band;
 *   - band b gives up floor(R * size_b / n) of the R reductions; each
 *     reduction left goes to the band with the largest remainder
 *     (R * size_b mod n) that still has someone to give, a band that
 *     already got one of these counting as the smallest; a tie goes to
 *     the larger band, then to the younger band;
 *   - within a band, those with the latest service start go first (the
 *     dates compared to the day), then the latest birth date (the
 *     youngest), then the higher lottery number (the scenario's draw,
 *     per position when the tie-breaking is per position).
 *     A missing service start or birth date counts as the shortest
 *     service or the youngest age, so nobody keeps a place by a date
 *     nobody recorded (the priority rules likewise put a missing value
 *     last).
 */
#include "scenario/reflection-private.h"

#include <stdlib.h>

int32_t
sm_reflection__band (SmDate birth_date, SmDate reference, int32_t band_years)
{
  g_return_val_if_fail (band_years >= 1, 0);
  if (!sm_date_is_valid (birth_date))
    return 0;
  int32_t age = sm_date_full_years (birth_date, reference);
  return age < SM_REFLECTION_FIRST_BAND_AGE
             ? 0
             : (age - SM_REFLECTION_FIRST_BAND_AGE) / band_years;
}

static int32_t
band_of (const SmReflectionCandidate *c, SmDate reference, int32_t years)
{
  return sm_reflection__band (c->birth_date, reference, years);
}

/* <0 when date a is later than date b; a missing date is the latest of
 * all (the shortest service, the youngest age). */
static int
compare_latest_first (SmDate a, SmDate b)
{
  gboolean a_known = sm_date_is_valid (a), b_known = sm_date_is_valid (b);
  if (!a_known || !b_known)
    return (int) a_known - (int) b_known;
  return sm_date_compare (b, a);
}

/* Whether a goes before b when a band gives up places: shortest service
 * first, then the youngest, then the higher lot. */
static int
compare_for_reduction (const SmReflectionCandidate *a,
                       const SmReflectionCandidate *b)
{
  int c = compare_latest_first (a->service_start, b->service_start);
  if (c != 0)
    return c;
  c = compare_latest_first (a->birth_date, b->birth_date);
  if (c != 0)
    return c;
  return (a->lot < b->lot) - (a->lot > b->lot);
}

/* How many of each band's members give up their place. */
static void
divide_reduction (const int32_t *band_size, int32_t n_bands, int32_t n,
                  int32_t reduction, int32_t *cut)
{
  int32_t given = 0;
  g_autofree int64_t *remainder = g_new (int64_t, n_bands);
  for (int32_t b = 0; b < n_bands; b++)
    {
      int64_t share = (int64_t) reduction * band_size[b];
      cut[b] = (int32_t) (share / n);
      remainder[b] = share % n;
      given += cut[b];
    }
  for (; given < reduction; given++)
    {
      int32_t best = -1;
      for (int32_t b = 0; b < n_bands; b++)
        {
          if (cut[b] >= band_size[b])
            continue;
          if (best < 0 || remainder[b] > remainder[best]
              || (remainder[b] == remainder[best]
                  && band_size[b] > band_size[best]))
            best = b;
        }
      cut[best]++;
      remainder[best] = -1;
    }
}

void
sm_reflection__choose (const SmReflectionCandidate *candidates, int32_t n,
                       int32_t n_keep, SmDate reference, int32_t band_years,
                       gboolean *keep_out)
{
  g_return_if_fail (n_keep >= 0 && band_years >= 1);
  int32_t n_bands = 1;
  g_autofree int32_t *band = g_new (int32_t, MAX (n, 1));
  for (int32_t k = 0; k < n; k++)
    {
      band[k] = band_of (&candidates[k], reference, band_years);
      n_bands = MAX (n_bands, band[k] + 1);
      keep_out[k] = TRUE;
    }
  if (n_keep >= n)
    return;
  g_autofree int32_t *size = g_new0 (int32_t, n_bands);
  g_autofree int32_t *cut = g_new0 (int32_t, n_bands);
  for (int32_t k = 0; k < n; k++)
    size[band[k]]++;
  divide_reduction (size, n_bands, n, n - n_keep, cut);
  /* In each band, mark the cut[b] first for reduction, picking the first
   * in reduction order among those still kept, cut[b] times. */
  for (int32_t b = 0; b < n_bands; b++)
    for (int32_t c = 0; c < cut[b]; c++)
      {
        int32_t first = -1;
        for (int32_t k = 0; k < n; k++)
          if (band[k] == b && keep_out[k]
              && (first < 0
                  || compare_for_reduction (&candidates[k], &candidates[first])
                         < 0))
            first = k;
        keep_out[first] = FALSE;
      }
}
