/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* sm-bench: the limit measurements of limit.h.
 *
 * Both are written the plain way on purpose: they are the yardstick, not a
 * competitor. The transpose takes what a build cannot avoid (reading one
 * side's entries, and scattering 8 bytes per entry to the other side's
 * owners, with a cache miss per entry once the employees outgrow the
 * cache) and leaves out what a build adds (checking that the two sides
 * agree, and finding each rank's place in the owner's own list). The
 * transpose of both sides writes what a build writes, each side's rank
 * beside every entry of the other side's owners, as two such scatters
 * one after the other. */
#include "limit.h"
#include "clock.h"

#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

double
sm_limit_pass (const SmGenLists *lists, uint64_t *sum_out)
{
  double t0 = sm_bench_now_seconds ();
  uint64_t sum = 0;
  for (int64_t k = 0; k < lists->n_entries; k++)
    sum += (uint32_t) lists->emp_pos[k];
  for (int64_t k = 0; k < lists->n_entries; k++)
    sum += (uint32_t) lists->pos_emp[k];
  double t = sm_bench_now_seconds () - t0;
  *sum_out = sum;
  return t;
}

/* One entry of a transposed list: the owner on the other side, and the
 * entry's place in that owner's list. */
typedef struct {
  int32_t other;
  int32_t rank;
} LimitPair;

/* The two passes of a partitioned transpose of one side's lists (@off,
 * @targets: @n_owners lists of entries naming one of @n_targets) into
 * per-target buckets in @out, whose pages may or may not be fresh:
 * pass 1 counts each target's entries into @cursor (@n_targets + 1), a
 * prefix sum makes them bucket starts, pass 2 scatters. */
static void
transpose_side (const int64_t *off, const int32_t *targets, int32_t n_owners,
                int32_t n_targets, int64_t *cursor, LimitPair *out)
{
  memset (cursor, 0, ((size_t) n_targets + 1) * sizeof *cursor);
  for (int64_t k = 0; k < off[n_owners]; k++)
    cursor[targets[k] + 1]++;
  for (int32_t t = 0; t < n_targets; t++)
    cursor[t + 1] += cursor[t];
  for (int32_t o = 0; o < n_owners; o++)
    for (int64_t k = off[o]; k < off[o + 1]; k++)
      out[cursor[targets[k]]++] = (LimitPair){ o, (int32_t) (k - off[o]) };
}

/* The positions' orders into per-employee (position, rank) buckets. */
static void
transpose_into (const SmGenLists *lists, int64_t *cursor, LimitPair *out)
{
  transpose_side (lists->pos_off, lists->pos_emp, lists->n_positions,
                  lists->n_employees, cursor, out);
}

/* The employees' lists into per-position (employee, choice) buckets. */
static void
transpose_back_into (const SmGenLists *lists, int64_t *cursor, LimitPair *out)
{
  transpose_side (lists->emp_off, lists->emp_pos, lists->n_employees,
                  lists->n_positions, cursor, out);
}

struct SmLimitTranspose {
  const SmGenLists *lists;
  int64_t *cursor;
  LimitPair *out;
  int64_t *back_cursor; /* NULL until both sides are first transposed */
  LimitPair *back;
};

/* A sample of the output, so that the compiler cannot drop the writes. */
static uint64_t
transpose_sum (const SmLimitTranspose *t)
{
  uint64_t sum = 0;
  for (int64_t k = 0; k < t->lists->n_entries; k += 4099)
    sum += (uint32_t) t->out[k].other * 31u + (uint32_t) t->out[k].rank;
  for (int64_t k = 0; t->back != NULL && k < t->lists->n_entries; k += 4099)
    sum += (uint32_t) t->back[k].other * 37u + (uint32_t) t->back[k].rank;
  return sum;
}

SmLimitTranspose *
sm_limit_transpose_new (const SmGenLists *lists, double *fresh_seconds)
{
  double t0 = sm_bench_now_seconds ();
  SmLimitTranspose *t = g_new (SmLimitTranspose, 1);
  t->lists = lists;
  t->cursor = g_new (int64_t, (size_t) lists->n_employees + 1);
  t->out = g_new (LimitPair, MAX ((size_t) lists->n_entries, 1));
  t->back_cursor = NULL;
  t->back = NULL;
  transpose_into (lists, t->cursor, t->out);
  *fresh_seconds = sm_bench_now_seconds () - t0;
  return t;
}

/* Runs the transpose into @t's arrays, and the employees' lists' too when
 * @both; returns its seconds, *cpu_seconds gets its CPU time, *sum_out a
 * check sum. */
static double
time_transpose (SmLimitTranspose *t, gboolean both, double *cpu_seconds,
                uint64_t *sum_out)
{
  double t0 = sm_bench_now_seconds ();
  double c0 = sm_bench_cpu_seconds ();
  transpose_into (t->lists, t->cursor, t->out);
  if (both)
    transpose_back_into (t->lists, t->back_cursor, t->back);
  double seconds = sm_bench_now_seconds () - t0;
  *cpu_seconds = sm_bench_cpu_seconds () - c0;
  *sum_out = transpose_sum (t);
  return seconds;
}

double
sm_limit_transpose_again (SmLimitTranspose *t, double *cpu_seconds,
                          uint64_t *sum_out)
{
  return time_transpose (t, FALSE, cpu_seconds, sum_out);
}

double
sm_limit_transpose_both_again (SmLimitTranspose *t, double *cpu_seconds,
                               uint64_t *sum_out)
{
  if (t->back == NULL)
    {
      t->back_cursor = g_new (int64_t, (size_t) t->lists->n_positions + 1);
      t->back = g_new (LimitPair, MAX ((size_t) t->lists->n_entries, 1));
    }
  return time_transpose (t, TRUE, cpu_seconds, sum_out);
}

void
sm_limit_transpose_free (SmLimitTranspose *t)
{
  if (t == NULL)
    return;
  g_free (t->back);
  g_free (t->back_cursor);
  g_free (t->out);
  g_free (t->cursor);
  g_free (t);
}

double
sm_limit_transpose (const SmGenLists *lists, double *warm_seconds,
                    double *warm_cpu_seconds, uint64_t *sum_out)
{
  double fresh;
  SmLimitTranspose *t = sm_limit_transpose_new (lists, &fresh);
  *warm_seconds = sm_limit_transpose_again (t, warm_cpu_seconds, sum_out);
  sm_limit_transpose_free (t);
  return fresh;
}

/* Random reads for sm_limit_two_threads(). */
typedef struct {
  const int32_t *array;
  uint64_t mask; /* the array's length rounded down to a power of two, - 1 */
  int64_t reads;
  uint64_t seed;
  uint64_t sum;
} ReadLoop;

static gpointer
random_reads (gpointer data)
{
  ReadLoop *loop = data;
  uint64_t x = loop->seed, sum = 0;
  for (int64_t k = 0; k < loop->reads; k++)
    {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      sum += (uint32_t) loop->array[x & loop->mask];
    }
  loop->sum = sum;
  return NULL;
}

/* Enough reads to take a measurable time even when the array is small. */
#define TWO_THREAD_MIN_READS ((int64_t) 16 << 20)

double
sm_limit_two_threads_array (const int32_t *array, int64_t n)
{
  if (n < 2)
    return 0.0;
  uint64_t length = 1;
  while (length * 2 <= (uint64_t) n)
    length *= 2;
  int64_t reads = MAX (n, TWO_THREAD_MIN_READS);
  ReadLoop loops[2];
  for (int t = 0; t < 2; t++)
    loops[t] = (ReadLoop){ array, length - 1, reads / 2,
                           UINT64_C (0x9e3779b97f4a7c15) * (uint64_t) (t + 1),
                           0 };
  double t0 = sm_bench_now_seconds ();
  random_reads (&loops[0]);
  random_reads (&loops[1]);
  double one = sm_bench_now_seconds () - t0;
  t0 = sm_bench_now_seconds ();
  GThread *second = g_thread_try_new ("sm-limit", random_reads, &loops[1],
                                      NULL);
  random_reads (&loops[0]);
  if (second != NULL)
    g_thread_join (second);
  else
    random_reads (&loops[1]);
  double two = sm_bench_now_seconds () - t0;
  return two > 0 ? one / two : 0.0;
}

double
sm_limit_two_threads (const SmGenLists *lists)
{
  return sm_limit_two_threads_array (lists->pos_emp, lists->n_entries);
}

double
sm_limit_first_touch (size_t bytes, gboolean huge, double *warm_seconds)
{
#ifdef __linux__
  char *p = mmap (NULL, bytes, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED)
    return -1.0;
#ifdef MADV_HUGEPAGE
  if (huge)
    madvise (p, bytes, MADV_HUGEPAGE);
#endif
  double t0 = sm_bench_now_seconds ();
  for (size_t k = 0; k < bytes; k += 4096)
    p[k] = 1;
  double fresh = sm_bench_now_seconds () - t0;
  t0 = sm_bench_now_seconds ();
  memset (p, 2, bytes);
  *warm_seconds = sm_bench_now_seconds () - t0;
  munmap (p, bytes);
  return fresh;
#else
  (void) bytes;
  (void) huge;
  *warm_seconds = -1.0;
  return -1.0;
#endif
}
