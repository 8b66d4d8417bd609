/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the plain solution format ("hr-solution 1").
 *
 *     hr-solution 1
 *     i j              (one line per employee, i ascending; j = -1 is the
 *                       default organisation)
 *
 * Comment lines ('#') and blank lines are allowed, as in instance files.
 * The employee-optimal stable matching is unique, so every correct solver
 * writes the same file for the same instance. For an instance with ties
 * (version 2) the solution is the employee-optimal stable matching of the
 * strict orders as written, each group's members in the order the file
 * gives them: the ties broken as the file states, so again one file.
 * Whether another matching is stable with respect to the ties is
 * sm_matching_check()'s question.
 */
#pragma once

#include <stddef.h>
#include <stdio.h>
#include <glib.h>
#include <staffmatch/export.h>
#include <staffmatch/market.h>
#include <staffmatch/matching.h>

G_BEGIN_DECLS

/**
 * sm_solution_read_data:
 * @market: the market the solution belongs to
 * @data: (array length=length) (element-type guint8): the file's
 *   contents
 * @length: number of bytes
 * @error: return location for an error
 *
 * Reads a solution. Only the file's form is checked (every employee once,
 * in order, positions in range); whether it is valid and stable is for
 * sm_matching_check().
 *
 * Errors: SM_ERROR_PARSE and SM_ERROR_INDEX_OUT_OF_RANGE, messages starting
 * with "line N: "; SM_ERROR_NO_MEMORY.
 *
 * Returns: (transfer full): the matching, or NULL on error; free with
 *   sm_matching_free(). It keeps no reference to @market.
 */
SM_API SmMatching *sm_solution_read_data (const SmMarket *market,
                                          const char *data, size_t length,
                                          GError **error);

/**
 * sm_solution_read_file:
 *
 * As sm_solution_read_data() on the file's contents, with messages
 * starting "PATH:N: "; errors also SM_ERROR_IO when the file cannot be
 * read.
 *
 * Returns: (transfer full): the matching, or NULL on error; free with
 *   sm_matching_free().
 */
SM_API SmMatching *sm_solution_read_file (const SmMarket *market,
                                          const char *path, GError **error);

/**
 * sm_solution_write: (skip)
 *
 * Writes @matching to @stream. Errors: SM_ERROR_IO. Bindings, which have
 * no FILE *, call sm_solution_to_text() or sm_solution_write_file().
 */
SM_API gboolean sm_solution_write (const SmMatching *matching, FILE *stream,
                                   GError **error);

/**
 * sm_solution_write_file:
 *
 * Writes atomically to @path. Errors: SM_ERROR_IO.
 */
SM_API gboolean sm_solution_write_file (const SmMatching *matching,
                                        const char *path, GError **error);

G_END_DECLS
