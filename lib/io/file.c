/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: loading a file whole, and replacing one atomically.
 *
 * Loading. Every reader of the library parses a buffer in memory, so a
 * file is loaded whole first. It is read with read(2), never mapped: a
 * mapped file that another process truncates while it is parsed kills
 * the reader with SIGBUS, while read() sees a short file and can say so.
 * A regular file takes one allocation of the size fstat() gives and one
 * pass of reads into it; a read that ends early, or one more byte found
 * after the end, means another process is changing the file, which is an
 * error (SM_ERROR_IO) rather than a parse of half a file. This keeps
 * loading as fast as mapping for benchmark files of hundreds of MB: one
 * copy from the page cache, no growth and no second copy. A pipe or a
 * socket has no size and is read to its end in a growing buffer. Devices
 * and folders are refused before they are opened (/dev/zero would never
 * end, and opening some devices has effects). Every load stops at a limit
 * (SM_TEXT_FILE_MAX_SIZE unless the caller gives another) with
 * SM_ERROR_TOO_LARGE, and a size that cannot be allocated gives
 * SM_ERROR_NO_MEMORY: bad input never aborts the process. A reader that
 * parses as it reads (instance files) takes a regular file in pieces
 * instead (sm_text_file__open_pieces()), with the same checks made as the
 * pieces come and, at the end, a check that the size and modification
 * time are still those it was opened with. Pieces are read with pread(2)
 * at the reader's own offset, so that one open file can be split into
 * two parts that two threads read at once, each checking at its end.
 *
 * Replacing. A writer writes into a temporary file beside the target
 * (same folder, so the rename stays within one file system), flushes and
 * syncs it and renames it over the target: a reader sees the old file or
 * the new one, never half of one, and a failure removes the temporary
 * file and leaves the target untouched. Only a regular file is replaced
 * (or a new one made): a rename over a symbolic link would replace the
 * link and not the file it names, and one over a device or a pipe (as
 * root, /dev/null) would replace the device node, so those are refused
 * before anything is written. The check and the rename are two steps;
 * only someone who may write in the target's folder can change the
 * target between them. */
#include "io/file-private.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

/* The largest single read: Linux moves at most about 2 GiB per call. */
#define SM_READ_CHUNK ((size_t) 1 << 30)
/* The first buffer for a pipe, doubled as it fills. */
#define SM_STREAM_START ((size_t) 64 * 1024)

static void
set_file_error (GError **error, const char *path, const char *action,
                int saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);
  g_set_error (error, SM_ERROR, SM_ERROR_IO, "%s: cannot %s: %s", name, action,
               g_strerror (saved_errno));
}

/* What kind of file @mode is, for messages; NULL for a regular file. */
static const char *
describe_kind (mode_t mode)
{
  if (S_ISREG (mode))
    return NULL;
  if (S_ISDIR (mode))
    return "a folder";
  if (S_ISLNK (mode))
    return "a symbolic link";
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return "a device";
  if (S_ISFIFO (mode))
    return "a pipe";
  if (S_ISSOCK (mode))
    return "a socket";
  return "not a regular file";
}

static gboolean
is_stream (mode_t mode)
{
  return S_ISFIFO (mode) || S_ISSOCK (mode);
}

static void
set_too_large (GError **error, const char *path, uint64_t max_size)
{
  g_autofree char *name = g_filename_display_name (path);
  g_set_error (error, SM_ERROR, SM_ERROR_TOO_LARGE,
               "%s: the file holds more than %" PRIu64 " bytes, the most "
               "that is read from one file",
               name, max_size);
}

/* Reads up to @size bytes into @data, stopping early only at the end of
 * the file; the count read goes to *@got. From @offset with pread(2), or
 * from the file's own position with read(2) when @offset is negative. */
static gboolean
read_up_to (int fd, guint8 *data, size_t size, int64_t offset, size_t *got,
            const char *path, GError **error)
{
  size_t done = 0;

  while (done < size)
    {
      size_t want = MIN (size - done, SM_READ_CHUNK);
      ssize_t n = offset < 0
                      ? read (fd, data + done, want)
                      : pread (fd, data + done, want, offset + (off_t) done);
      if (n == 0)
        break;
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_file_error (error, path, "read the file", errno);
          return FALSE;
        }
      done += (size_t) n;
    }
  *got = done;
  return TRUE;
}

static void
set_changed (GError **error, const char *path, const char *how)
{
  g_autofree char *name = g_filename_display_name (path);
  g_set_error (error, SM_ERROR, SM_ERROR_IO,
               "%s: the file %s while it was read: another program is "
               "writing to it; read it again when it is complete",
               name, how);
}

/* A regular file of @size bytes (from fstat): one allocation, one pass,
 * and a check that the file holds no more and no fewer bytes. */
static GBytes *
load_regular (int fd, uint64_t size, uint64_t max_size, const char *path,
              GError **error)
{
  if (size > max_size || size >= G_MAXSIZE)
    {
      set_too_large (error, path, max_size);
      return NULL;
    }
  g_autofree guint8 *data = NULL;
  if (size > 0 && (data = g_try_malloc ((size_t) size)) == NULL)
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, SM_ERROR, SM_ERROR_NO_MEMORY,
                   "%s: not enough memory to load the file (%" PRIu64 " bytes)",
                   name, size);
      return NULL;
    }
  size_t got = 0;
  guint8 extra;
  size_t more = 0;
  if (!read_up_to (fd, data, (size_t) size, -1, &got, path, error)
      || (got == size && !read_up_to (fd, &extra, 1, -1, &more, path, error)))
    return NULL;
  if (got < size || more > 0)
    {
      set_changed (error, path, got < size ? "became shorter" : "grew");
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&data), (size_t) size);
}

/* A pipe or a socket, read to its end into a buffer that doubles. */
static GBytes *
load_stream (int fd, uint64_t max_size, const char *path, GError **error)
{
  g_autofree guint8 *data = NULL;
  size_t capacity = 0, length = 0;

  for (;;)
    {
      if (length == capacity)
        {
          if ((uint64_t) length > max_size)
            {
              set_too_large (error, path, max_size);
              return NULL;
            }
          /* Room for one byte past the limit, to see that it is passed. */
          size_t want = MAX (capacity * 2, SM_STREAM_START);
          if (max_size < (uint64_t) want)
            want = (size_t) max_size + 1;
          guint8 *grown = g_try_realloc (data, want);
          if (grown == NULL)
            {
              g_autofree char *name = g_filename_display_name (path);
              g_set_error (error, SM_ERROR, SM_ERROR_NO_MEMORY,
                           "%s: not enough memory to load the file", name);
              return NULL;
            }
          data = grown;
          capacity = want;
        }
      size_t got = 0;
      if (!read_up_to (fd, data + length, capacity - length, -1, &got, path,
                       error))
        return NULL;
      if (got == 0)
        break;
      length += got;
    }
  if (length == 0)
    return g_bytes_new (NULL, 0);
  return g_bytes_new_take (g_steal_pointer (&data), length);
}

static void
set_kind_error (GError **error, const char *path, const char *kind)
{
  g_autofree char *name = g_filename_display_name (path);
  g_set_error (error, SM_ERROR, SM_ERROR_IO,
               "%s: not read: it is %s, not a file; give a regular file", name,
               kind);
}

GBytes *
sm_text_file__load_with_limit (const char *path, uint64_t max_size,
                               GError **error)
{
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);

  /* A device or a folder is refused before it is opened. */
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode)
      && !is_stream (st.st_mode))
    {
      set_kind_error (error, path, describe_kind (st.st_mode));
      return NULL;
    }
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      set_file_error (error, path, "open the file", errno);
      return NULL;
    }
  GBytes *bytes = NULL;
  if (fstat (fd, &st) != 0)
    set_file_error (error, path, "read the file", errno);
  else if (S_ISREG (st.st_mode))
    bytes = load_regular (fd, (uint64_t) st.st_size, max_size, path, error);
  else if (is_stream (st.st_mode))
    bytes = load_stream (fd, max_size, path, error);
  else
    set_kind_error (error, path, describe_kind (st.st_mode));
  close (fd);
  return bytes;
}

GBytes *
sm_text_file__load (const char *path, GError **error)
{
  return sm_text_file__load_with_limit (path, SM_TEXT_FILE_MAX_SIZE, error);
}

/* ---- reading a regular file a piece at a time -------------------------- */

static int64_t
mtime_ns (const struct stat *st)
{
  return (int64_t) st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

gboolean
sm_text_file__open_pieces (SmTextFilePieces *f, const char *path,
                           uint64_t max_size, GError **error)
{
  struct stat st;

  g_return_val_if_fail (f != NULL && path != NULL, FALSE);
  memset (f, 0, sizeof *f);
  f->fd = -1;
  f->owns_fd = TRUE;
  f->path = path;
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      set_kind_error (error, path, describe_kind (st.st_mode));
      return FALSE;
    }
  f->fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (f->fd < 0)
    {
      set_file_error (error, path, "open the file", errno);
      return FALSE;
    }
  if (fstat (f->fd, &st) != 0)
    set_file_error (error, path, "read the file", errno);
  else if (!S_ISREG (st.st_mode))
    set_kind_error (error, path, describe_kind (st.st_mode));
  else if ((uint64_t) st.st_size > max_size)
    set_too_large (error, path, max_size);
  else
    {
      f->size = (uint64_t) st.st_size;
      f->end = f->size;
      f->mtime_ns = mtime_ns (&st);
#ifdef POSIX_FADV_SEQUENTIAL
      (void) posix_fadvise (f->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
      return TRUE;
    }
  sm_text_file__close_pieces (f);
  return FALSE;
}

/* At the end of the file or of the part: it must still be the file that
 * was opened. */
static gboolean
check_unchanged (SmTextFilePieces *f, GError **error)
{
  struct stat st;

  if (f->next < f->end)
    {
      set_changed (error, f->path, "became shorter");
      return FALSE;
    }
  if (fstat (f->fd, &st) != 0)
    {
      set_file_error (error, f->path, "read the file", errno);
      return FALSE;
    }
  if ((uint64_t) st.st_size != f->size || mtime_ns (&st) != f->mtime_ns)
    {
      set_changed (error, f->path, "was modified");
      return FALSE;
    }
  return TRUE;
}

gboolean
sm_text_file__read_piece (SmTextFilePieces *f, char *data, size_t size,
                          size_t *got, GError **error)
{
  g_return_val_if_fail (f != NULL && f->fd >= 0, FALSE);

  *got = 0;
  /* A part before a split stops there; the last part reads on to the
   * end, and past it when the file grew. */
  size_t want = f->end < f->size ? (size_t) MIN (size, f->end - f->next) : size;
  size_t n = 0;
  if (!read_up_to (f->fd, (guint8 *) data, want, (int64_t) f->next, &n, f->path,
                   error))
    return FALSE;
  f->next += n;
  if (f->next > f->size)
    {
      set_changed (error, f->path, "grew");
      return FALSE;
    }
  if (n < size && !check_unchanged (f, error))
    return FALSE;
  *got = n;
  return TRUE;
}

void
sm_text_file__split_pieces (SmTextFilePieces *f, uint64_t at,
                            SmTextFilePieces *tail)
{
  g_return_if_fail (f != NULL && tail != NULL);
  g_return_if_fail (at <= f->end);

  *tail = *f;
  tail->owns_fd = FALSE;
  tail->next = at;
  f->end = at;
  f->next = MIN (f->next, at);
}

gboolean
sm_text_file__peek (const SmTextFilePieces *f, uint64_t offset, char *data,
                    size_t size, size_t *got)
{
  g_return_val_if_fail (f != NULL && f->fd >= 0, FALSE);
  return read_up_to (f->fd, (guint8 *) data, size, (int64_t) offset, got,
                     f->path, NULL);
}

void
sm_text_file__close_pieces (SmTextFilePieces *f)
{
  if (f->fd >= 0 && f->owns_fd)
    close (f->fd);
  f->fd = -1;
}

/* Writes @object to @stream, then flushes, syncs and closes the stream,
 * which is closed in every case. */
static gboolean
write_and_close (FILE *stream, SmTextWriteFunc write_func, gconstpointer object,
                 const char *path, GError **error)
{
  GError *local = NULL;
  int saved_errno = 0;
  gboolean written = write_func (object, stream, &local);

  if (written && (fflush (stream) != 0 || fsync (fileno (stream)) != 0))
    saved_errno = errno;
  if (fclose (stream) != 0 && written && saved_errno == 0)
    saved_errno = errno;
  if (!written)
    {
      g_autofree char *name = g_filename_display_name (path);
      g_propagate_prefixed_error (error, local, "%s: ", name);
      return FALSE;
    }
  if (saved_errno != 0)
    {
      set_file_error (error, path, "write the file", saved_errno);
      return FALSE;
    }
  return TRUE;
}

/* Whether @path is missing or a regular file (not followed if a link). */
static gboolean
check_replaceable (const char *path, GError **error)
{
  struct stat st;

  if (g_lstat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return TRUE;
      set_file_error (error, path, "check the file", errno);
      return FALSE;
    }
  const char *kind = describe_kind (st.st_mode);
  if (kind == NULL)
    return TRUE;
  g_autofree char *name = g_filename_display_name (path);
  g_set_error (error, SM_ERROR, SM_ERROR_IO,
               "%s: not replaced: it is %s, not a regular file; give the "
               "name of a regular file or of a new one",
               name, kind);
  return FALSE;
}

gboolean
sm_text_file__replace (const char *path, SmTextWriteFunc write_func,
                       gconstpointer object, GError **error)
{
  g_return_val_if_fail (path != NULL && write_func != NULL, FALSE);

  if (!check_replaceable (path, error))
    return FALSE;
  g_autofree char *temp = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_file_error (error, path, "create a temporary file beside it", errno);
      return FALSE;
    }
  FILE *stream = fdopen (fd, "wb");
  if (stream == NULL)
    {
      set_file_error (error, path, "write the file", errno);
      close (fd);
      g_unlink (temp);
      return FALSE;
    }
  gboolean ok = write_and_close (stream, write_func, object, path, error);
  if (ok && g_rename (temp, path) != 0)
    {
      set_file_error (error, path, "replace the file", errno);
      ok = FALSE;
    }
  if (!ok)
    g_unlink (temp);
  return ok;
}
