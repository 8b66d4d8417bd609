/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* sm-bench: random markets for benchmarks, private to bench/.
 *
 * A generator run streams one market into a sink: first the seats of every
 * position, then every employee's list (best first), then every position's
 * priority order over its applicants (best first). The same parameters give
 * the same market on every machine: the generator uses its own PRNG and
 * decides every order with integers only (see generate.c). */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <glib.h>
#include <staffmatch/staffmatch.h>

/* SmGenParams: what to generate; fill with SM_GEN_PARAMS_INIT first. */
typedef struct {
  int64_t n_employees;
  int64_t n_positions;
  int32_t list_min; /* list lengths uniform in list_min..list_max */
  int32_t list_max;
  int32_t seats_min; /* seats uniform in seats_min..seats_max */
  int32_t seats_max;
  double skew;        /* Zipf exponent over positions, 0 = uniform */
  double correlation; /* 0 = independent priorities, 1 = master list */
  uint64_t seed;
} SmGenParams;

/* clang-format off */
#define SM_GEN_PARAMS_INIT { 0, 0, 0, 0, 1, 1, 0.0, 0.0, 0 }
/* clang-format on */

/* SmGenSink: where the market goes. Each callback returns FALSE with
 * @error set to stop the run. @begin is called once, first, with the exact
 * total length of all lists; @seats once with all positions' seats. */
typedef struct {
  gboolean (*begin) (gpointer data, const SmGenParams *params,
                     int64_t n_entries, GError **error);
  gboolean (*seats) (gpointer data, const int32_t *seats, int32_t n,
                     GError **error);
  gboolean (*employee) (gpointer data, int32_t employee,
                        const int32_t *positions, size_t n, GError **error);
  gboolean (*position) (gpointer data, int32_t position,
                        const int32_t *employees, size_t n, GError **error);
} SmGenSink;

/* SmGenLists: a market as plain arrays, both sides CSR, best first. */
typedef struct {
  int32_t n_employees;
  int32_t n_positions;
  int64_t n_entries;
  int32_t *seats;   /* n_positions */
  int64_t *emp_off; /* n_employees + 1 */
  int32_t *emp_pos; /* n_entries: each employee's positions */
  int64_t *pos_off; /* n_positions + 1 */
  int32_t *pos_emp; /* n_entries: each position's applicants */
} SmGenLists;

/* Checks @params (sizes within int32, list and seat ranges ordered, skew
 * and correlation in range). Errors: SM_ERROR_INVALID_SIZE. */
gboolean sm_gen_params_validate (const SmGenParams *params, GError **error);

/* Runs the generator into @sink. The generator's own temporaries (about
 * 4 bytes per list entry for the transposed lists) are freed before it
 * returns. Errors: those of @sink, SM_ERROR_NO_MEMORY. */
gboolean sm_gen_run (const SmGenParams *params, const SmGenSink *sink,
                     gpointer data, GError **error);

/* Generates straight into @builder, which must have been made with the
 * params' sizes; *n_entries_out gets the total length of all lists. */
gboolean sm_gen_into_builder (const SmGenParams *params,
                              SmMarketBuilder *builder, int64_t *n_entries_out,
                              GError **error);

/* Fills @builder, made with the lists' sizes, from @lists: the same calls
 * as sm_gen_into_builder() makes for the same market, without generating
 * it again. Errors: those of the builder. */
gboolean sm_gen_lists_into_builder (const SmGenLists *lists,
                                    SmMarketBuilder *builder, GError **error);

/* Generates into plain arrays. Returns: (transfer full): free with
 * sm_gen_lists_free(); NULL on error. */
SmGenLists *sm_gen_lists_new (const SmGenParams *params, GError **error);
void sm_gen_lists_free (SmGenLists *lists);

/* Writes the market to @stream in the plain instance format
 * (docs/instance-format.md). Errors: SM_ERROR_IO. */
gboolean sm_gen_write_instance (const SmGenParams *params, FILE *stream,
                                GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmGenLists, sm_gen_lists_free)
