/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* sm-bench: the standard suite of generated markets. */
#pragma once

#include <stdint.h>
#include <glib.h>

typedef struct {
  gboolean quick;        /* only the CI-sized cases */
  int64_t max_employees; /* skip cases larger than this; <= 0: no limit */
  const char *filter;    /* only cases whose name contains it, or NULL */
} SmSuiteOptions;

/* clang-format off */
#define SM_SUITE_OPTIONS_INIT { FALSE, 0, NULL }
/* clang-format on */

/* Runs the suite, printing one key=value line per case and a summary line
 * to stdout. Returns the exit status: 0, or 1 when a case failed (the
 * library and the reference disagree, or a case could not run). */
int sm_suite_run (const SmSuiteOptions *options);
