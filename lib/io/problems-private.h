/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: collecting input problems, for the file readers. Not
 * installed. */
#pragma once

#include <staffmatch/io.h>

/* Appends a problem; the strings are copied. @field may be NULL. */
void sm_problem_list__add (SmProblemList *list, const char *file, int32_t line,
                           int32_t column, const char *field, int code,
                           const char *format, ...) G_GNUC_PRINTF (7, 8);

/* Sets @error from the list's first problem, saying how many more there
 * are. Returns FALSE when there is none (and leaves @error alone). */
gboolean sm_problem_list__to_error (const SmProblemList *list, GError **error);
