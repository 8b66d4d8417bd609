/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: private helpers that load a file whole and replace one
 * atomically (file.c). Every reader of the library loads its input with
 * sm_text_file__load() (the plain formats of instance.c and solution.c,
 * the CSV tables, the JSON scenario), and every writer replaces its
 * output with sm_text_file__replace() (the plain formats, CSV, JSON,
 * HTML, letters). Not installed. */
#pragma once

#include <stdint.h>
#include <stdio.h>
#include <glib.h>
#include <staffmatch/error.h>

/* The most bytes sm_text_file__load() reads from one file: 4 GiB, more
 * than the largest benchmark instance (10 million employees with lists of
 * ten take about 2 GiB), and a stop for endless streams such as a pipe
 * from /dev/zero. */
#define SM_TEXT_FILE_MAX_SIZE ((uint64_t) 4 << 30)

/* Loads the file at @path into memory with read(2) (never mapped, so a
 * file truncated by another process while it is read gives an error, not
 * a signal). A regular file is read in one allocation of its size; if it
 * is shorter or longer when read than its size said, another process is
 * writing to it. A pipe or a socket is read to its end. Anything else (a
 * folder, a device such as /dev/zero) is refused without reading.
 *
 * Errors: SM_ERROR_IO naming the path (cannot open or read, not a regular
 * file or a pipe, changed size while read); SM_ERROR_TOO_LARGE when the
 * file holds more than @max_size bytes; SM_ERROR_NO_MEMORY when its size
 * cannot be allocated.
 *
 * Returns: (transfer full): the bytes (data NULL when empty), or NULL on
 * error. */
GBytes *sm_text_file__load_with_limit (const char *path, uint64_t max_size,
                                       GError **error);

/* sm_text_file__load_with_limit() with SM_TEXT_FILE_MAX_SIZE. */
GBytes *sm_text_file__load (const char *path, GError **error);

/* A regular file read a piece at a time, for a reader that parses as it
 * reads (instance.c) and so never holds the whole text: the same checks as
 * sm_text_file__load(), made as the pieces come. Reads with pread(2) at
 * its own offset, so that the file can be split into parts that two
 * threads read at once (sm_text_file__split_pieces()). Use the fields
 * read-only. */
typedef struct {
  int fd;           /* -1 when closed */
  gboolean owns_fd; /* closed by sm_text_file__close_pieces() */
  const char *path; /* borrowed, for messages */
  uint64_t size;    /* the file's size when opened */
  uint64_t next;    /* offset of the next byte to read */
  uint64_t end;     /* where this reader stops: size, or a split */
  int64_t mtime_ns; /* its modification time when opened */
} SmTextFilePieces;

/* Opens the regular file at @path. Errors: those of sm_text_file__load()
 * for a file that cannot be opened, is not a regular file, or holds more
 * than @max_size bytes. On success call sm_text_file__close_pieces(). */
gboolean sm_text_file__open_pieces (SmTextFilePieces *f, const char *path,
                                    uint64_t max_size, GError **error);

/* Reads up to @size bytes into @data (*@got gets the count, 0 only at the
 * end of the file or of the part). Errors: SM_ERROR_IO when reading fails,
 * or when the file turns out shorter or longer than its size at opening,
 * or was modified while it was read (checked when the end of the file or
 * of the part is reached). */
gboolean sm_text_file__read_piece (SmTextFilePieces *f, char *data, size_t size,
                                   size_t *got, GError **error);

/* Reads up to @size bytes at @offset into @data, without moving @f (to
 * look ahead); *@got gets the count. FALSE when reading fails. */
gboolean sm_text_file__peek (const SmTextFilePieces *f, uint64_t offset,
                             char *data, size_t size, size_t *got);

/* Splits @f at offset @at (at or before its end): @f then stops at @at,
 * and @tail reads from @at to @f's old end, on the same descriptor, which
 * @f keeps (@tail must be closed first). When @f has read past @at, it
 * goes back to @at; the bytes past it that its caller holds are the
 * caller's to drop. */
void sm_text_file__split_pieces (SmTextFilePieces *f, uint64_t at,
                                 SmTextFilePieces *tail);

void sm_text_file__close_pieces (SmTextFilePieces *f);

/* Writes a file: the function of sm_instance_write() and sm_solution_write()
 * (called with @object). */
typedef gboolean (*SmTextWriteFunc) (gconstpointer object, FILE *stream,
                                     GError **error);

/* Replaces the file at @path atomically: @write_func writes a temporary
 * file in the same folder, which is flushed, synced and renamed over @path;
 * on any failure the temporary file is removed and @path is untouched.
 * Only a regular file is replaced, or a new one made: when @path is a
 * symbolic link, a device, a pipe or a folder, nothing is written.
 * Errors: SM_ERROR_IO naming the path. */
gboolean sm_text_file__replace (const char *path, SmTextWriteFunc write_func,
                                gconstpointer object, GError **error);
