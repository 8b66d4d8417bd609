/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: loading and replacing files (lib/io/file-private.h).
 *
 * Loading must give the bytes of a regular file or a pipe, refuse a
 * folder and a device without reading it (/dev/zero never ends), stop at
 * the size limit with SM_ERROR_TOO_LARGE, and report a file whose size
 * changes while it is read as SM_ERROR_IO (a file of /proc, whose size
 * says 0 while it holds text, stands in for a file that grows). Replacing
 * must write a new file or replace a regular one, and refuse a symbolic
 * link, a pipe, a device and a folder with SM_ERROR_IO, leaving them and
 * the folder as they were. */
#include "test-util.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "io/file-private.h"

static const char sample[] = "hr-instance 1\n3 2\n";

static char *
write_sample (const char *dir, const char *name, const char *text)
{
  char *path = g_build_filename (dir, name, NULL);
  CU_ASSERT_FATAL (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* Asserts that @bytes hold exactly @text. */
static void
assert_bytes (GBytes *bytes, const char *text)
{
  CU_ASSERT_PTR_NOT_NULL_FATAL (bytes);
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  CU_ASSERT_EQUAL (length, strlen (text));
  if (length > 0)
    CU_ASSERT (memcmp (data, text, length) == 0);
}

static void
test_load_regular (void)
{
  g_autofree char *dir = sm_test_make_temp_dir ();
  g_autofree char *path = write_sample (dir, "a.txt", sample);
  g_autofree char *empty = write_sample (dir, "empty.txt", "");
  GError *error = NULL;

  g_autoptr (GBytes) bytes = sm_text_file__load (path, &error);
  SM_ASSERT_NO_ERROR (error);
  assert_bytes (bytes, sample);
  g_autoptr (GBytes) none = sm_text_file__load (empty, &error);
  SM_ASSERT_NO_ERROR (error);
  assert_bytes (none, "");
}

static void
test_load_limit (void)
{
  g_autofree char *dir = sm_test_make_temp_dir ();
  g_autofree char *path = write_sample (dir, "a.txt", sample);
  uint64_t size = sizeof sample - 1;
  GError *error = NULL;

  g_autoptr (GBytes) exact = sm_text_file__load_with_limit (path, size, &error);
  SM_ASSERT_NO_ERROR (error);
  assert_bytes (exact, sample);
  CU_ASSERT_PTR_NULL (sm_text_file__load_with_limit (path, size - 1, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_TOO_LARGE);
}

static void
test_load_refuses_folder_and_device (void)
{
  g_autofree char *dir = sm_test_make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  GError *error = NULL;

  CU_ASSERT_PTR_NULL (sm_text_file__load (dir, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_IO);
  CU_ASSERT_PTR_NULL (sm_text_file__load (missing, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_IO);
  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      CU_ASSERT_PTR_NULL (sm_text_file__load ("/dev/zero", &error));
      SM_ASSERT_ERROR (error, SM_ERROR_IO);
    }
}

/* A file whose size (0) differs from what it holds, as a file being
 * written by another program would. */
static void
test_load_size_changed (void)
{
  const char *path = "/proc/self/stat";
  struct stat st;
  GError *error = NULL;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size != 0)
    return; /* no /proc here */
  CU_ASSERT_PTR_NULL (sm_text_file__load (path, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_IO);
}

typedef struct {
  const char *path;
  size_t length;
} PipeJob;

/* Writes @job->length bytes into the pipe, then closes it. */
static gpointer
feed_pipe (gpointer data)
{
  const PipeJob *job = data;
  FILE *stream = fopen (job->path, "wb");
  if (stream == NULL)
    return NULL;
  for (size_t k = 0; k < job->length; k++)
    if (fputc ('7', stream) == EOF)
      break;
  fclose (stream);
  return NULL;
}

/* Loads a pipe that is fed @length bytes, with a limit of @limit. */
static GBytes *
load_pipe (const char *dir, size_t length, uint64_t limit, GError **error)
{
  g_autofree char *path = g_build_filename (dir, "pipe", NULL);
  g_unlink (path);
  CU_ASSERT_FATAL (mkfifo (path, 0600) == 0);
  PipeJob job = { path, length };
  GThread *thread = g_thread_new ("feed", feed_pipe, &job);
  /* A reader that stops early makes the writer's next write fail with
   * EPIPE (SIGPIPE is ignored), which ends the thread. */
  GBytes *bytes = sm_text_file__load_with_limit (path, limit, error);
  g_thread_join (thread);
  return bytes;
}

static void
test_load_pipe (void)
{
  g_autofree char *dir = sm_test_make_temp_dir ();
  GError *error = NULL;

  g_autoptr (GBytes) small = load_pipe (dir, 100000, 100000, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (g_bytes_get_size (small), 100000);
  CU_ASSERT_PTR_NULL (load_pipe (dir, 100001, 100000, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_TOO_LARGE);
}

static gboolean
write_sample_func (gconstpointer object, FILE *stream, GError **error)
{
  return fputs (object, stream) >= 0;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The names in @dir, sorted and joined by spaces (transfer full). */
static char *
list_folder (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_replace_regular (void)
{
  g_autofree char *dir = sm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.txt", NULL);
  GError *error = NULL;
  g_autofree char *text = NULL;

  CU_ASSERT (
      sm_text_file__replace (path, write_sample_func, "first\n", &error));
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT (sm_text_file__replace (path, write_sample_func, sample, &error));
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_FATAL (g_file_get_contents (path, &text, NULL, NULL));
  CU_ASSERT_STRING_EQUAL (text, sample);
  g_autofree char *names = list_folder (dir);
  CU_ASSERT_STRING_EQUAL (names, "out.txt");
}

/* Asserts that replacing @path is refused with SM_ERROR_IO. */
static void
assert_refused (const char *path)
{
  GError *error = NULL;
  CU_ASSERT (!sm_text_file__replace (path, write_sample_func, sample, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_IO);
}

static void
test_replace_refuses_link (void)
{
  g_autofree char *dir = sm_test_make_temp_dir ();
  g_autofree char *target = write_sample (dir, "target.txt", "kept\n");
  g_autofree char *link = g_build_filename (dir, "link.txt", NULL);
  g_autofree char *text = NULL;
  struct stat st;

  CU_ASSERT_FATAL (symlink ("target.txt", link) == 0);
  assert_refused (link);
  CU_ASSERT (g_lstat (link, &st) == 0 && S_ISLNK (st.st_mode));
  CU_ASSERT_FATAL (g_file_get_contents (target, &text, NULL, NULL));
  CU_ASSERT_STRING_EQUAL (text, "kept\n");
  g_autofree char *names = list_folder (dir);
  CU_ASSERT_STRING_EQUAL (names, "link.txt target.txt");
}

static void
test_replace_refuses_special (void)
{
  g_autofree char *dir = sm_test_make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  struct stat st;

  CU_ASSERT_FATAL (mkfifo (fifo, 0600) == 0);
  CU_ASSERT_FATAL (g_mkdir (sub, 0700) == 0);
  assert_refused (fifo);
  assert_refused (sub);
  CU_ASSERT (g_lstat (fifo, &st) == 0 && S_ISFIFO (st.st_mode));
  CU_ASSERT (g_lstat (sub, &st) == 0 && S_ISDIR (st.st_mode));
  g_autofree char *names = list_folder (dir);
  CU_ASSERT_STRING_EQUAL (names, "pipe sub");

  /* A device node of our own (only root may make one, and only root
   * could replace one): never a system device, which a broken build
   * would replace. */
  g_autofree char *device = g_build_filename (dir, "null", NULL);
  if (mknod (device, S_IFCHR | 0600, makedev (1, 3)) == 0)
    {
      assert_refused (device);
      CU_ASSERT (g_lstat (device, &st) == 0 && S_ISCHR (st.st_mode));
    }
}

int
main (void)
{
  signal (SIGPIPE, SIG_IGN);
  static const SmTestCase cases[] = {
    { "load a regular file", test_load_regular },
    { "load up to a size limit", test_load_limit },
    { "loading refuses a folder and a device",
      test_load_refuses_folder_and_device },
    { "a file whose size changes is an error", test_load_size_changed },
    { "load a pipe, up to the limit", test_load_pipe },
    { "replace a regular file", test_replace_regular },
    { "replacing refuses a symbolic link", test_replace_refuses_link },
    { "replacing refuses a pipe, a folder and a device",
      test_replace_refuses_special },
    { NULL, NULL },
  };
  return sm_test_run_suite ("file", cases);
}
