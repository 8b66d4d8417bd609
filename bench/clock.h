/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* sm-bench: the clocks every benchmark reads, in seconds (clock.c). */
#pragma once

/* The wall clock (CLOCK_MONOTONIC): what a user waits. */
double sm_bench_now_seconds (void);

/* Processor time of all the process's threads: on a shared machine it
 * shows what work costs when the wall clock also counts the waits for a
 * core. */
double sm_bench_cpu_seconds (void);

/* Processor time of the calling thread alone. */
double sm_bench_thread_cpu_seconds (void);
