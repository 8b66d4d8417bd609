/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* sm-bench: the process's resident memory, for the suite's per-case
 * figures. Linux reads /proc/self/status; elsewhere the peak falls back on
 * getrusage() and the current size is unknown (0). */
#pragma once

#include <stdint.h>
#include <glib.h>

/* The resident set size now (VmRSS), in KiB; 0 when unknown. */
int64_t sm_rss_current_kib (void);

/* The peak resident set size (VmHWM, else ru_maxrss), in KiB. */
int64_t sm_rss_peak_kib (void);

/* Resets the peak to the current size (writes "5" to
 * /proc/self/clear_refs). Returns FALSE when the system does not allow it;
 * the peak then keeps counting from the start of the process. */
gboolean sm_rss_reset_peak (void);

/* The page faults the process has taken that needed no disk (first
 * touches of fresh memory, mostly): ru_minflt of getrusage(). A fault
 * costs microseconds on a virtual machine, so the suite gives them per
 * list entry beside the times. */
int64_t sm_rss_minor_faults (void);
