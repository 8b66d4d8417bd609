/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the matching's insides, shared by the solvers and checks.
 * Not installed. */
#pragma once

#include <staffmatch/matching.h>

struct _SmMatching {
  int32_t n_employees;
  int32_t n_positions;
  int32_t n_placed;
  uint64_t n_proposals;
  int32_t *assignment; /* n: position or SM_DEFAULT */
  int32_t *choice;     /* n: index in the employee's list, or -1 */
  int32_t *held_off;   /* m + 1: CSR over held */
  int32_t *held;       /* n_placed: employees, best priority first */
  int32_t *cutoff;     /* m: worst admitted rank when full, else open */
};

/* Allocates a matching with its per-employee and per-position arrays
 * (held is allocated by sm_matching__alloc_held once n_placed is known).
 * Returns NULL when memory runs out. */
SmMatching *sm_matching__alloc (int32_t n_employees, int32_t n_positions);

/* Allocates held for n_placed employees and sets held_off from the counts
 * in held_off[1..m] (count of position j at held_off[j + 1]); afterwards
 * held_off[j] is the start of position j's block. */
gboolean sm_matching__alloc_held (SmMatching *matching, int32_t n_placed);
