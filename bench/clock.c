/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* sm-bench: the clocks of clock.h. */
#include "clock.h"

#include <time.h>

static double
clock_seconds (clockid_t clock)
{
  struct timespec ts;
  clock_gettime (clock, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec * 1e-9;
}

double
sm_bench_now_seconds (void)
{
  return clock_seconds (CLOCK_MONOTONIC);
}

double
sm_bench_cpu_seconds (void)
{
  return clock_seconds (CLOCK_PROCESS_CPUTIME_ID);
}

double
sm_bench_thread_cpu_seconds (void)
{
  return clock_seconds (CLOCK_THREAD_CPUTIME_ID);
}
