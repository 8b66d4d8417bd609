/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* sm-bench: the limit measurements of limit.h.
 *
 * Both are written the plain way on purpose: they are the yardstick, not a
 * competitor. The transpose takes what a build cannot avoid (reading one
 * side's entries, and scattering 8 bytes per entry to the other side's
 * owners, with a cache miss per entry once the employees outgrow the
 * cache) and leaves out what a build adds (checking that the two sides
 * agree, finding each rank's position in the owner's own list, and
 * writing the ranks on both sides). */
#include "limit.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static double
now_seconds (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec * 1e-9;
}

static double
cpu_seconds (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec * 1e-9;
}

double
sm_limit_pass (const SmGenLists *lists, uint64_t *sum_out)
{
  double t0 = now_seconds ();
  uint64_t sum = 0;
  for (int64_t k = 0; k < lists->n_entries; k++)
    sum += (uint32_t) lists->emp_pos[k];
  for (int64_t k = 0; k < lists->n_entries; k++)
    sum += (uint32_t) lists->pos_emp[k];
  double t = now_seconds () - t0;
  *sum_out = sum;
  return t;
}

typedef struct {
  int32_t position;
  int32_t rank;
} LimitPair;

/* The two passes into @out, whose pages may or may not be fresh. */
static void
transpose_into (const SmGenLists *lists, int64_t *cursor, LimitPair *out)
{
  size_t n = (size_t) lists->n_employees;
  memset (cursor, 0, (n + 1) * sizeof *cursor);
  for (int64_t k = 0; k < lists->n_entries; k++)
    cursor[lists->pos_emp[k] + 1]++;
  for (size_t i = 0; i < n; i++)
    cursor[i + 1] += cursor[i];
  for (int32_t j = 0; j < lists->n_positions; j++)
    for (int64_t k = lists->pos_off[j]; k < lists->pos_off[j + 1]; k++)
      out[cursor[lists->pos_emp[k]]++] = (LimitPair){
        j, (int32_t) (k - lists->pos_off[j])
      };
}

double
sm_limit_transpose (const SmGenLists *lists, double *warm_seconds,
                    double *warm_cpu_seconds, uint64_t *sum_out)
{
  double t0 = now_seconds ();
  size_t n = (size_t) lists->n_employees;
  int64_t *cursor = g_new (int64_t, n + 1);
  LimitPair *out = g_new (LimitPair, MAX ((size_t) lists->n_entries, 1));
  transpose_into (lists, cursor, out);
  double t = now_seconds () - t0;
  t0 = now_seconds ();
  double c0 = cpu_seconds ();
  transpose_into (lists, cursor, out);
  *warm_seconds = now_seconds () - t0;
  *warm_cpu_seconds = cpu_seconds () - c0;
  uint64_t sum = 0;
  for (int64_t k = 0; k < lists->n_entries; k += 4099)
    sum += (uint32_t) out[k].position * 31u + (uint32_t) out[k].rank;
  g_free (out);
  g_free (cursor);
  *sum_out = sum;
  return t;
}
