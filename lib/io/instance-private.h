/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the instance reader's seam for benchmarks (instance.c).
 * Not installed. */
#pragma once

#include <stddef.h>
#include <staffmatch/market.h>

/* Reads the regular file at @path, in the plain instance format, as
 * sm_instance_read_file_threaded() does, but stops before the build: the
 * builder holds every list, checked line by line, and is the caller's to
 * build or free. The build's own errors are then not given a line. Lets
 * sm-bench time the parse apart from the build; NULL with @error set on
 * any error of the text. */
SmMarketBuilder *sm_instance__read_file_lists (const char *path, int n_threads,
                                               GError **error);

/* The least text of E- and P-lines that a reader with two threads or
 * more reads in two parts at once (8 MiB); tests lower it to split small
 * files. Returns the previous value. Not for use while files are read. */
size_t sm_instance__set_split_min (size_t bytes);

/* How many reads in two parts succeeded in this process, for tests to
 * see that the parts were used. */
int sm_instance__get_n_split_reads (void);
