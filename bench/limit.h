/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* sm-bench: what the hardware allows for a build, measured beside each
 * suite case in the same process, so that the build can be given as a
 * ratio of it however loaded the machine is. */
#pragma once

#include <stdint.h>
#include <glib.h>
#include "generate.h"

/* One sequential pass over all list entries of both sides (a sum, so that
 * the compiler cannot drop it). Returns the seconds it took. */
double sm_limit_pass (const SmGenLists *lists, uint64_t *sum_out);

/* A plain two-pass partitioned transpose of the positions' priority
 * orders into per-employee buckets: pass 1 counts each employee's
 * entries, a prefix sum gives the buckets, pass 2 writes each entry's
 * (position, rank) pair into its employee's bucket, in a freshly
 * allocated array of 8 bytes per entry, as a user's malloc gives it.
 * That is the scatter at the heart of any build: every entry of one side
 * gets the other side's rank. Returns the seconds it took, page faults on
 * the fresh array included; *warm_seconds gets the same transpose run
 * again into the same arrays (no page faults), *warm_cpu_seconds the
 * process's CPU time for it, *sum_out a check sum. */
double sm_limit_transpose (const SmGenLists *lists, double *warm_seconds,
                           double *warm_cpu_seconds, uint64_t *sum_out);

/* The transpose's arrays, kept so that it can be timed warm again and
 * again between other work. sm_limit_transpose_new() allocates them and
 * runs the transpose once into them (*fresh_seconds: that first run,
 * page faults included); @lists must outlive the result. Returns:
 * (transfer full): free with sm_limit_transpose_free(). */
typedef struct SmLimitTranspose SmLimitTranspose;
SmLimitTranspose *sm_limit_transpose_new (const SmGenLists *lists,
                                          double *fresh_seconds);

/* Runs the transpose again into @t's arrays. Returns its seconds;
 * *cpu_seconds gets the process's CPU time for it, *sum_out a check sum. */
double sm_limit_transpose_again (SmLimitTranspose *t, double *cpu_seconds,
                                 uint64_t *sum_out);

/* The transpose of both sides, which writes what a build writes: the
 * positions' orders into per-employee (position, rank) buckets as above,
 * then the employees' lists into per-position (employee, choice) buckets
 * (its arrays, 8 bytes per entry and one cursor per position, are
 * allocated at the first call, whose time therefore includes their page
 * faults). Returns the seconds of both; *cpu_seconds gets the process's
 * CPU time for them, *sum_out a check sum of both outputs. */
double sm_limit_transpose_both_again (SmLimitTranspose *t, double *cpu_seconds,
                                      uint64_t *sum_out);
void sm_limit_transpose_free (SmLimitTranspose *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmLimitTranspose, sm_limit_transpose_free)

/* What a second core gives right now: a loop of random reads over the
 * case's list entries (the access pattern of a build's scatter, with no
 * dependence between threads and nothing shared but the read-only
 * array) timed on one thread, then split over two. Returns the wall-clock
 * speedup of two threads over one, the most a two-thread build could
 * show in the same minute; a shared machine that gives the process one
 * core gives about 1. */
double sm_limit_two_threads (const SmGenLists *lists);

/* As sm_limit_two_threads() over @n (at least 2) numbers of @array: with
 * a small array, what a second core gives to work that stays in the
 * cache, as a lottery draw of a small market does. */
double sm_limit_two_threads_array (const int32_t *array, int64_t n);

/* The cost of memory that the process has never touched: @bytes of a
 * fresh anonymous mapping (huge pages asked for when @huge), written one
 * byte per 4 KiB page (the page faults and the kernel's zeroing of each
 * page), then written whole again (the same memory, warm). Returns the
 * seconds of the first, *warm_seconds gets the second; -1 when the
 * mapping fails. On a virtual machine whose host backs guest memory
 * only when first touched, the first can be tens of times the second,
 * and it bounds from below anything that writes fresh memory: a parse
 * that stores the lists, a build, a transpose. */
double sm_limit_first_touch (size_t bytes, gboolean huge, double *warm_seconds);
