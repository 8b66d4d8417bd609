/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch command-line tool: output folders, each written as one
 * transaction.
 *
 * An output folder holds the outputs of one run, complete, or nothing of
 * that run. Every folder the tool writes (the output set of `solve` and
 * `demo`, the tables of `export --to csv`) is written as one transaction
 * (CliStage):
 *
 *   1. Lock. The lock is a file beside the target, .NAME.staffmatch-lock,
 *      held with flock(2) for the whole run. A second run on the same
 *      folder fails at once and says so; the kernel drops the lock when a
 *      run ends in any way, so a killed run never leaves it held. (The
 *      file is removed at the end; a run that opened it just before
 *      checks, once it holds the lock, that it is still the file at that
 *      name, and tries again if not.)
 *   2. Clean up after an interrupted run: .NAME.staffmatch-staging (a run
 *      killed while writing, or before its swap) is removed, and
 *      .NAME.staffmatch-previous is put back as NAME when NAME is missing
 *      (a run killed between the two renames of step 6), else removed.
 *   3. Check the target. A symbolic link, or anything but a folder, is
 *      refused. A folder is replaced only when it is empty or holds an
 *      earlier output: a manifest.json of format staffmatch-manifest for
 *      a run, only *.csv files for `export`; anything else is refused
 *      unless --force.
 *   4. Write everything into a fresh staging folder beside the target
 *      (same parent, so that renames stay within one file system):
 *      .NAME.staffmatch-staging, mode 0700 while personal data is being
 *      written. Nothing in it existed before the run, so no earlier file
 *      stays and no symbolic link leads out of it. The tool's own files
 *      are written without a sync each (one sync per file made a million
 *      letters take an hour).
 *   5. Sync once: syncfs(2) on the staging folder (elsewhere than Linux,
 *      fsync of every file and folder in it), then give it the target's
 *      permissions (those of the folder it replaces, else 0777 less the
 *      umask).
 *   6. Swap: with no earlier folder, rename the staging folder to NAME;
 *      else exchange the two atomically (renameat2 RENAME_EXCHANGE) or,
 *      where the file system cannot, rename NAME to
 *      .NAME.staffmatch-previous and the staging folder to NAME. Then
 *      sync the parent, remove the earlier folder and the lock.
 *
 * A crash at any step leaves NAME holding either the earlier output or
 * the new one, whole, and the remains are cleaned up by the next run
 * into NAME (step 2). A run that fails removes its staging folder. A
 * run prints "Outputs written" only after the swap.
 */
#include "cli-folder.h"

#include "cli-common.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#define STAGING_SUFFIX ".staffmatch-staging"
#define PREVIOUS_SUFFIX ".staffmatch-previous"
#define LOCK_SUFFIX ".staffmatch-lock"
/* How many times to reopen a lock file that a finishing run removed. */
#define LOCK_ATTEMPTS 5

/* ---- errors -------------------------------------------------------------- */

void
cli_set_errno_error (GError **error, const char *path, const char *action,
                     int saved)
{
  g_autofree char *display = g_filename_display_name (path);
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               "%s: cannot %s: %s", display, action, g_strerror (saved));
}

gboolean
cli_fail_errno (GError **error, const char *path, const char *action)
{
  cli_set_errno_error (error, path, action, errno);
  return FALSE;
}

/* ---- removing a folder without following links ------------------------- */

static gboolean remove_entries (int dir_fd, dev_t device, const char *path,
                                GError **error);

/* Removes @name in @dir_fd: a folder with everything in it, anything
 * else by unlinking it. A symbolic link is removed, never followed, and
 * a folder on another file system (a mount point) is not entered. */
static gboolean
remove_at (int dir_fd, const char *name, dev_t device, const char *path,
           GError **error)
{
  struct stat st;
  if (fstatat (dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
    return errno == ENOENT ? TRUE : cli_fail_errno (error, path, "remove");
  if (!S_ISDIR (st.st_mode))
    return unlinkat (dir_fd, name, 0) == 0 || errno == ENOENT
           || cli_fail_errno (error, path, "remove");
  if (st.st_dev != device)
    {
      cli_set_errno_error (error, path,
                           "remove a folder on another file system", EXDEV);
      return FALSE;
    }
  /* Entries removed while the folder is listed may let the listing miss
   * some (POSIX leaves it open); a second pass takes those. */
  for (int pass = 0; pass < 2; pass++)
    {
      int fd = openat (dir_fd, name,
                       O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (fd < 0)
        return cli_fail_errno (error, path, "open the folder to remove it");
      if (!remove_entries (fd, device, path, error))
        return FALSE;
      if (unlinkat (dir_fd, name, AT_REMOVEDIR) == 0)
        return TRUE;
      if (errno != ENOTEMPTY && errno != EEXIST)
        break;
    }
  return cli_fail_errno (error, path, "remove the folder");
}

/* Removes everything in the folder @dir_fd (taken over and closed). */
static gboolean
remove_entries (int dir_fd, dev_t device, const char *path, GError **error)
{
  DIR *dir = fdopendir (dir_fd);
  if (dir == NULL)
    {
      close (dir_fd);
      return cli_fail_errno (error, path, "read the folder to remove it");
    }
  gboolean ok = TRUE;
  struct dirent *entry;
  while (ok && (entry = readdir (dir)) != NULL)
    {
      if (strcmp (entry->d_name, ".") == 0 || strcmp (entry->d_name, "..") == 0)
        continue;
      g_autofree char *child = g_build_filename (path, entry->d_name, NULL);
      ok = remove_at (dirfd (dir), entry->d_name, device, child, error);
    }
  closedir (dir);
  return ok;
}

/* Removes @path (a folder with its contents, or a file or link). */
static gboolean
remove_tree (const char *path, GError **error)
{
  struct stat st;
  if (g_lstat (path, &st) != 0)
    return errno == ENOENT ? TRUE : cli_fail_errno (error, path, "remove");
  return remove_at (AT_FDCWD, path, st.st_dev, path, error);
}

/* ---- what a folder holds ------------------------------------------------- */

/* Whether the open folder @fd holds a manifest.json that starts as the
 * tool writes one: {"format" : "staffmatch-manifest", ... */
static gboolean
holds_manifest (int fd)
{
  static const char *const parts[] = { "{", "\"format\"", ":",
                                       "\"" CLI_MANIFEST_FORMAT "\"" };
  char head[256];
  struct stat st;
  int file = openat (fd, CLI_MANIFEST_NAME, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (file < 0)
    return FALSE;
  ssize_t n = fstat (file, &st) == 0 && S_ISREG (st.st_mode)
                  ? read (file, head, sizeof head - 1)
                  : -1;
  close (file);
  if (n <= 0)
    return FALSE;
  head[n] = '\0';
  const char *p = head;
  for (size_t k = 0; k < G_N_ELEMENTS (parts); k++)
    {
      while (g_ascii_isspace (*p))
        p++;
      if (!g_str_has_prefix (p, parts[k]))
        return FALSE;
      p += strlen (parts[k]);
    }
  return TRUE;
}

/* Whether the folder @path may be replaced without --force: it is empty,
 * or holds what an earlier run of @kind left. */
static gboolean
is_replaceable (const char *path, CliFolderKind kind)
{
  int fd = g_open (path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  if (kind == CLI_FOLDER_RUN && holds_manifest (fd))
    {
      close (fd);
      return TRUE;
    }
  DIR *dir = fdopendir (fd);
  if (dir == NULL)
    {
      close (fd);
      return FALSE;
    }
  gboolean ok = TRUE;
  struct dirent *entry;
  struct stat st;
  while (ok && (entry = readdir (dir)) != NULL)
    {
      const char *name = entry->d_name;
      if (strcmp (name, ".") == 0 || strcmp (name, "..") == 0)
        continue;
      /* Only a scenario's tables may be there, for export. */
      ok = kind == CLI_FOLDER_TABLES && g_str_has_suffix (name, ".csv")
           && fstatat (dirfd (dir), name, &st, AT_SYMLINK_NOFOLLOW) == 0
           && S_ISREG (st.st_mode);
    }
  closedir (dir);
  return ok;
}

/* ---- the transaction ----------------------------------------------------- */

struct _CliStage {
  char *command;  /* for notes on stderr */
  char *target;   /* as given, without a trailing slash */
  char *parent;   /* the folder holding it */
  char *staging;  /* parent/.NAME.staffmatch-staging */
  char *previous; /* parent/.NAME.staffmatch-previous */
  char *lock;     /* parent/.NAME.staffmatch-lock */
  int lock_fd;
  gboolean has_old; /* the target exists and will be replaced */
  gboolean swapped; /* the staging folder has taken the target's place */
  mode_t mode;      /* permissions for the new folder */
};

static char *
beside (const char *parent, const char *name, const char *suffix)
{
  g_autofree char *hidden = g_strconcat (".", name, suffix, NULL);
  return g_build_filename (parent, hidden, NULL);
}

/* Splits @target into parent and name; refuses "/", "." and "..". */
static gboolean
stage_names (CliStage *stage, const char *target, GError **error)
{
  g_autofree char *trimmed = g_strdup (target);
  size_t n = strlen (trimmed);
  while (n > 1 && trimmed[n - 1] == '/')
    trimmed[--n] = '\0';
  g_autofree char *name = g_path_get_basename (trimmed);
  if (strcmp (name, "/") == 0 || strcmp (name, ".") == 0
      || strcmp (name, "..") == 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s: give the output folder by its name (not '.', '..' "
                   "or '/')",
                   target);
      return FALSE;
    }
  stage->target = g_steal_pointer (&trimmed);
  stage->parent = g_path_get_dirname (stage->target);
  stage->staging = beside (stage->parent, name, STAGING_SUFFIX);
  stage->previous = beside (stage->parent, name, PREVIOUS_SUFFIX);
  stage->lock = beside (stage->parent, name, LOCK_SUFFIX);
  return TRUE;
}

/* Takes the lock, or fails at once when another run holds it. */
static gboolean
stage_lock (CliStage *stage, GError **error)
{
  for (int attempt = 0; attempt < LOCK_ATTEMPTS; attempt++)
    {
      struct stat held, named;
      int fd = g_open (stage->lock, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC,
                       0666);
      if (fd < 0)
        return cli_fail_errno (error, stage->lock, "create the lock file");
      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          int saved = errno;
          close (fd);
          if (saved != EWOULDBLOCK)
            {
              cli_set_errno_error (error, stage->lock, "lock", saved);
              return FALSE;
            }
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       "%s: another staffmatch run is writing this folder "
                       "now (it holds %s); wait until it has finished",
                       stage->target, stage->lock);
          return FALSE;
        }
      /* The file may have been removed by the run that held it. */
      if (fstat (fd, &held) == 0 && g_lstat (stage->lock, &named) == 0
          && held.st_dev == named.st_dev && held.st_ino == named.st_ino)
        {
          stage->lock_fd = fd;
          return TRUE;
        }
      close (fd);
    }
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
               "%s: cannot take the lock %s: it keeps changing", stage->target,
               stage->lock);
  return FALSE;
}

static void
stage_unlock (CliStage *stage)
{
  if (stage->lock_fd < 0)
    return;
  /* Removed while still held, so that no other run holds a lock on it. */
  g_unlink (stage->lock);
  close (stage->lock_fd);
  stage->lock_fd = -1;
}

static void
note (const CliStage *stage, const char *format, const char *path)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *text = g_strdup_printf (format, display);
  cli_note (stage->command, "%s", text);
}

/* Step 2: what an interrupted run left. */
static gboolean
stage_recover (CliStage *stage, GError **error)
{
  struct stat st;
  if (g_lstat (stage->staging, &st) == 0)
    {
      if (!remove_tree (stage->staging, error))
        return FALSE;
      note (stage, "removed %s, left by a run that did not finish",
            stage->staging);
    }
  if (g_lstat (stage->previous, &st) != 0)
    return TRUE;
  if (S_ISDIR (st.st_mode) && g_lstat (stage->target, &st) != 0
      && errno == ENOENT)
    {
      if (g_rename (stage->previous, stage->target) != 0)
        return cli_fail_errno (error, stage->previous, "put back");
      note (stage,
            "put back the earlier output %s, which a run that did "
            "not finish had moved aside",
            stage->target);
      return TRUE;
    }
  return remove_tree (stage->previous, error);
}

static mode_t
default_mode (void)
{
  mode_t mask = umask (0);
  umask (mask);
  return 0777 & ~mask;
}

/* Step 3: whether the target may be replaced. */
static gboolean
stage_check_target (CliStage *stage, CliFolderKind kind, gboolean force,
                    GError **error)
{
  struct stat st;
  stage->mode = default_mode ();
  if (g_lstat (stage->target, &st) != 0)
    return errno == ENOENT || cli_fail_errno (error, stage->target, "check");
  const char *refusal = NULL;
  if (S_ISLNK (st.st_mode))
    refusal = "is a symbolic link; give the folder itself, not a link to it";
  else if (!S_ISDIR (st.st_mode))
    refusal = "exists and is not a folder";
  else if (!force && !is_replaceable (stage->target, kind))
    refusal = kind == CLI_FOLDER_RUN
                  ? "holds files that are not the outputs of an earlier "
                    "run (it has no staffmatch manifest.json); give a new "
                    "or empty folder, or add --force to replace the folder "
                    "and everything in it"
                  : "holds files other than a scenario's CSV tables; give "
                    "a new or empty folder, or add --force to replace the "
                    "folder and everything in it";
  if (refusal != NULL)
    {
      g_autofree char *display = g_filename_display_name (stage->target);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST, "%s: %s", display,
                   refusal);
      return FALSE;
    }
  stage->has_old = TRUE;
  stage->mode = st.st_mode & 07777;
  return TRUE;
}

CliStage *
cli_stage_begin (const char *command, const char *target, CliFolderKind kind,
                 gboolean force, GError **error)
{
  g_autoptr (CliStage) stage = g_new0 (CliStage, 1);
  stage->lock_fd = -1;
  stage->command = g_strdup (command);
  if (!stage_names (stage, target, error))
    return NULL;
  if (!cli_make_folder (stage->parent, error))
    {
      g_prefix_error (error, "%s: ", stage->target);
      return NULL;
    }
  if (!stage_lock (stage, error) || !stage_recover (stage, error)
      || !stage_check_target (stage, kind, force, error))
    return NULL;
  if (g_mkdir (stage->staging, 0700) != 0)
    {
      cli_fail_errno (error, stage->staging, "create the staging folder");
      return NULL;
    }
  return g_steal_pointer (&stage);
}

const char *
cli_stage_get_path (const CliStage *stage)
{
  return stage->staging;
}

#ifndef __linux__
/* fsync(2) of every file and folder under @fd (closed here). */
static gboolean
sync_tree (int fd, const char *path, GError **error)
{
  DIR *dir = fdopendir (fd);
  if (dir == NULL)
    {
      close (fd);
      return cli_fail_errno (error, path, "sync");
    }
  gboolean ok = TRUE;
  struct dirent *entry;
  while (ok && (entry = readdir (dir)) != NULL)
    {
      if (strcmp (entry->d_name, ".") == 0 || strcmp (entry->d_name, "..") == 0)
        continue;
      g_autofree char *child = g_build_filename (path, entry->d_name, NULL);
      int sub = openat (dirfd (dir), entry->d_name,
                        O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
      struct stat st;
      if (sub < 0 || fstat (sub, &st) != 0)
        ok = cli_fail_errno (error, child, "sync");
      else if (S_ISDIR (st.st_mode))
        {
          ok = sync_tree (sub, child, error);
          sub = -1;
        }
      else if (fsync (sub) != 0)
        ok = cli_fail_errno (error, child, "sync");
      if (sub >= 0)
        close (sub);
    }
  if (ok && fsync (dirfd (dir)) != 0)
    ok = cli_fail_errno (error, path, "sync");
  closedir (dir);
  return ok;
}
#endif

/* Step 5: everything in the staging folder reaches the disk. */
static gboolean
stage_sync (CliStage *stage, GError **error)
{
  int fd = g_open (stage->staging,
                   O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0);
  if (fd < 0)
    return cli_fail_errno (error, stage->staging, "sync");
  if (fchmod (fd, stage->mode) != 0)
    {
      close (fd);
      return cli_fail_errno (error, stage->staging, "set the permissions of");
    }
#ifdef __linux__
  gboolean ok = syncfs (fd) == 0
                || cli_fail_errno (error, stage->staging, "sync");
  close (fd);
  return ok;
#else
  return sync_tree (fd, stage->staging, error);
#endif
}

static gboolean
sync_folder (const char *path, GError **error)
{
  int fd = g_open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd < 0)
    return cli_fail_errno (error, path, "sync");
  gboolean ok = fsync (fd) == 0 || cli_fail_errno (error, path, "sync");
  close (fd);
  return ok;
}

/* Step 6 for an earlier folder: swaps it with the staging folder; the
 * earlier output ends at *@old_out, to be removed. */
static gboolean
stage_swap (CliStage *stage, const char **old_out, GError **error)
{
#ifdef RENAME_EXCHANGE
  if (renameat2 (AT_FDCWD, stage->staging, AT_FDCWD, stage->target,
                 RENAME_EXCHANGE)
      == 0)
    {
      *old_out = stage->staging;
      return TRUE;
    }
  if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
    return cli_fail_errno (error, stage->target, "replace");
#endif
  if (g_rename (stage->target, stage->previous) != 0)
    return cli_fail_errno (error, stage->target, "move aside");
  if (g_rename (stage->staging, stage->target) != 0)
    {
      int saved = errno;
      g_rename (stage->previous, stage->target);
      cli_set_errno_error (error, stage->target, "replace", saved);
      return FALSE;
    }
  *old_out = stage->previous;
  return TRUE;
}

gboolean
cli_stage_commit (CliStage *stage, GError **error)
{
  const char *old = NULL;
  if (!stage_sync (stage, error))
    return FALSE;
  if (!stage->has_old)
    {
      if (g_rename (stage->staging, stage->target) != 0)
        return cli_fail_errno (error, stage->target, "create");
    }
  else if (!stage_swap (stage, &old, error))
    return FALSE;
  /* The new output is in place: from here on nothing is rolled back. */
  stage->swapped = TRUE;
  gboolean synced = sync_folder (stage->parent, error);
  g_autoptr (GError) local = NULL;
  if (old != NULL && !remove_tree (old, &local))
    cli_note (stage->command, "%s (the next run into %s removes it)",
              local->message, stage->target);
  stage_unlock (stage);
  return synced;
}

void
cli_stage_free (CliStage *stage)
{
  if (stage == NULL)
    return;
  /* Not swapped in: the staging folder goes. Without the lock it may be
   * another run's, and stays. */
  if (stage->lock_fd >= 0 && !stage->swapped)
    {
      g_autoptr (GError) local = NULL;
      if (!remove_tree (stage->staging, &local))
        cli_note (stage->command, "%s", local->message);
    }
  stage_unlock (stage);
  g_free (stage->command);
  g_free (stage->target);
  g_free (stage->parent);
  g_free (stage->staging);
  g_free (stage->previous);
  g_free (stage->lock);
  g_free (stage);
}
