/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* sm-bench: a plain reference solver to check and time the library
 * against. It shares nothing with the library but the plain lists. */
#pragma once

#include <stdint.h>
#include <glib.h>
#include "generate.h"

typedef struct _SmRef SmRef;

/* Prepares the reference solver on @lists (borrowed; they must outlive
 * it): builds each position's rank lookup. Returns: (transfer full). */
SmRef *sm_ref_new (const SmGenLists *lists);

/* Runs employee-proposing deferred acceptance. *n_proposals_out gets the
 * number of proposals. Each call starts afresh, so it may be timed
 * repeatedly. Returns: (transfer full): every employee's position
 * or -1, n_employees long; free with g_free(). */
int32_t *sm_ref_solve (SmRef *ref, uint64_t *n_proposals_out);

void sm_ref_free (SmRef *ref);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmRef, sm_ref_free)
