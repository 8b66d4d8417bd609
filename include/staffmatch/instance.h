/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the plain benchmark instance format ("hr-instance 1", and
 * "hr-instance 2" for markets with ties).
 *
 * Whitespace separated text with 0-based indices and '#' comment lines:
 *
 *     hr-instance 1
 *     employees N
 *     positions M
 *     capacity c_0 ... c_{M-1}
 *     E i p_1 ... p_k        (N lines, one per employee)
 *     P j e_1 ... e_l        (M lines, one per position)
 *
 * Version 2 is version 1 whose P-lines may group tied employees in
 * parentheses, "P 3 5 (7 9) 2": 7 and 9 share a tie class, behind 5 and
 * ahead of 2, and the order inside a group is the tie-breaking, the
 * order the solvers use. E-lines stay strict. A group holds one or more
 * employees (one is the same as none), groups do not nest, and blanks
 * around parentheses are optional. docs/instance-format.md has the
 * whole grammar and the solution a version 2 file has.
 *
 * See docs/instance-format.md. Where it is silent: the header, employees,
 * positions and capacity lines come first in that order; E- and P-lines follow
 * in any order, each index exactly once; '#' starts a comment only as the first
 * non-blank character of a line; CRLF line ends and a UTF-8 byte-order
 * mark are accepted. Reading is strict: an unknown keyword, an index out of
 * range, a repeated index, a P-line that does not name exactly the
 * employees whose E-lines name its position, or counts that disagree are
 * errors that name the line, never a crash or a silent repair.
 */
#pragma once

#include <stddef.h>
#include <stdio.h>
#include <glib.h>
#include <staffmatch/export.h>
#include <staffmatch/market.h>

G_BEGIN_DECLS

/**
 * sm_instance_read_data:
 * @data: (array length=length) (element-type guint8) (nullable): the
 *   file's contents (need not end in NUL)
 * @length: number of bytes
 * @error: return location for an error
 *
 * Reads version 1 or 2; a version 2 file with a group of two or more
 * gives a market with ties (sm_market_has_ties()).
 *
 * Errors: SM_ERROR_PARSE for text that is not the format (a group that is
 * not closed on its line, a ')' without '(', a group in a group, an empty
 * group, a group in an E-line, a group in a version 1 file, a version
 * other than 1 and 2), and the builder's codes
 * (SM_ERROR_INDEX_OUT_OF_RANGE, SM_ERROR_DUPLICATE,
 * SM_ERROR_INVALID_SEATS, SM_ERROR_PRIORITY_MISMATCH for a P-line, groups
 * included, that does not name exactly the position's applicants,
 * SM_ERROR_TOO_LARGE) for content that breaks the market's rules; every
 * message starts with "line N: ". Also SM_ERROR_NO_MEMORY. @data may be
 * NULL when @length is 0.
 *
 * Returns: (transfer full): the market, with one reference, the
 *   caller's, or NULL on error; drop it with sm_market_unref().
 */
SM_API SmMarket *sm_instance_read_data (const char *data, size_t length,
                                        GError **error);

/**
 * sm_instance_read_file:
 *
 * As sm_instance_read_data() on the file's contents (a regular file is
 * read and parsed a piece at a time and never held whole, a pipe read to
 * its end first); messages start with "PATH:N: ". Errors also
 * SM_ERROR_IO when the file cannot be read, or when it grows, shrinks or
 * is modified while it is read.
 *
 * Returns: (transfer full): the market, with one reference, the
 *   caller's, or NULL on error; drop it with sm_market_unref().
 */
SM_API SmMarket *sm_instance_read_file (const char *path, GError **error);

/**
 * sm_instance_read_file_threaded:
 * @path: the file
 * @n_threads: how many threads the read and the market's build may use,
 *   as for sm_market_builder_set_n_threads() (0: one per processor)
 * @error: return location for an error
 *
 * As sm_instance_read_file(); the market, and the error of a bad file,
 * are the same for any @n_threads. With two threads or more, a regular
 * file with 8 MiB or more of E- and P-lines, all E-lines before all
 * P-lines (the order sm_instance_write() writes), is parsed in two parts
 * at once, the E-lines on the calling thread and the P-lines on a second
 * one. A file of any other order is read on one thread, after the parts
 * have found it out (at worst a second read); so is a file in which
 * either part finds an error, so that the error names the line one
 * thread names.
 *
 * Returns: (transfer full): the market, or NULL on error.
 */
SM_API SmMarket *sm_instance_read_file_threaded (const char *path,
                                                 int n_threads, GError **error);

/**
 * sm_instance_write: (skip)
 *
 * Writes the market to @stream in the instance format: version 1 for a
 * market without ties, byte for byte as before; version 2 for a market
 * with ties, each run of two or more tied applicants in parentheses. The
 * format has no headcount caps: a market's groups and target seats are
 * not written.
 *
 * Errors: SM_ERROR_IO when writing fails. Bindings, which have no FILE *,
 * call sm_instance_to_text() or sm_instance_write_file().
 */
SM_API gboolean sm_instance_write (const SmMarket *market, FILE *stream,
                                   GError **error);

/**
 * sm_instance_write_file:
 *
 * Writes the market to @path atomically: to a temporary file beside it,
 * renamed into place only when complete. As sm_instance_write(), without
 * groups and target seats.
 *
 * Errors: SM_ERROR_IO.
 */
SM_API gboolean sm_instance_write_file (const SmMarket *market,
                                        const char *path, GError **error);

G_END_DECLS
