/* staffmatch command-line tool: output folders, and the output set of
 * `solve` and `demo`.
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
 *
 * The output set, into the staging folder:
 *
 *     placements.csv    one row per employee (';'), sm_placement_save_csv()
 *     placements.json   the same with reasons, sm_placement_save_json()
 *     summary.txt       the text summary, sm_report_summary_text()
 *     summary.md        the same in Markdown
 *     report.html       the HTML report with its SVG charts
 *     market.txt        the compiled market (hr-instance 1, FORMAT.md)
 *     matching.txt      its matching (hr-solution 1)
 *     letters/ID.txt    one decision letter per employee
 *     scenario/TABLE.csv (demo only) the scenario used, ';'-separated
 *     manifest.json     written last (below)
 *
 * The manifest (format "staffmatch-manifest", version 1) records what is
 * needed to reproduce and verify the outputs: the library version, the
 * command, the seed (a decimal string), the tie-breaking, the proposing
 * side, the letters' language, regime and effective date, the scenario's
 * checksum, its priority rules (all of them, or the built-in default rule
 * when it has none) and the default rule's id, the input files with their
 * SHA-256 (a folder's *.csv sorted by name, or the JSON file; none for the
 * built-in case, whose "source" is "built-in"), and every output file
 * written, one entry per file and per letter, with its SHA-256, in the
 * order written. An output's SHA-256 is that of the bytes the tool wrote,
 * hashed as they are written; the files the library writes by path
 * (placements.csv, placements.json, the scenario's tables) are hashed as
 * read back at once from the staging folder, which only this run can
 * write while it holds the lock. The same run gives the same manifest
 * bytes: it holds no time stamps and no absolute paths.
 */
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
#include <json-glib/json-glib.h>

#define MANIFEST_NAME "manifest.json"
#define MANIFEST_FORMAT "staffmatch-manifest"
#define STAGING_SUFFIX ".staffmatch-staging"
#define PREVIOUS_SUFFIX ".staffmatch-previous"
#define LOCK_SUFFIX ".staffmatch-lock"
/* How many times to reopen a lock file that a finishing run removed. */
#define LOCK_ATTEMPTS 5

/* ---- errors -------------------------------------------------------------- */

/* "PATH: cannot ACTION: REASON" in G_FILE_ERROR. */
static void
set_errno_error (GError **error, const char *path, const char *action,
                 int saved)
{
  g_autofree char *display = g_filename_display_name (path);
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               "%s: cannot %s: %s", display, action, g_strerror (saved));
}

static gboolean
fail_errno (GError **error, const char *path, const char *action)
{
  set_errno_error (error, path, action, errno);
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
    return errno == ENOENT ? TRUE : fail_errno (error, path, "remove");
  if (!S_ISDIR (st.st_mode))
    return unlinkat (dir_fd, name, 0) == 0 || errno == ENOENT
           || fail_errno (error, path, "remove");
  if (st.st_dev != device)
    {
      set_errno_error (error, path, "remove a folder on another file system",
                       EXDEV);
      return FALSE;
    }
  /* Entries removed while the folder is listed may let the listing miss
   * some (POSIX leaves it open); a second pass takes those. */
  for (int pass = 0; pass < 2; pass++)
    {
      int fd = openat (dir_fd, name,
                       O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (fd < 0)
        return fail_errno (error, path, "open the folder to remove it");
      if (!remove_entries (fd, device, path, error))
        return FALSE;
      if (unlinkat (dir_fd, name, AT_REMOVEDIR) == 0)
        return TRUE;
      if (errno != ENOTEMPTY && errno != EEXIST)
        break;
    }
  return fail_errno (error, path, "remove the folder");
}

/* Removes everything in the folder @dir_fd (taken over and closed). */
static gboolean
remove_entries (int dir_fd, dev_t device, const char *path, GError **error)
{
  DIR *dir = fdopendir (dir_fd);
  if (dir == NULL)
    {
      close (dir_fd);
      return fail_errno (error, path, "read the folder to remove it");
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
    return errno == ENOENT ? TRUE : fail_errno (error, path, "remove");
  return remove_at (AT_FDCWD, path, st.st_dev, path, error);
}

/* ---- what a folder holds ------------------------------------------------- */

/* Whether the open folder @fd holds a manifest.json that starts as the
 * tool writes one: {"format" : "staffmatch-manifest", ... */
static gboolean
holds_manifest (int fd)
{
  static const char *const parts[] = { "{", "\"format\"", ":",
                                       "\"" MANIFEST_FORMAT "\"" };
  char head[256];
  struct stat st;
  int file = openat (fd, MANIFEST_NAME, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
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

struct _CliStage
{
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
                   "or '/')", target);
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
      int fd = g_open (stage->lock,
                       O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
      if (fd < 0)
        return fail_errno (error, stage->lock, "create the lock file");
      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          int saved = errno;
          close (fd);
          if (saved != EWOULDBLOCK)
            {
              set_errno_error (error, stage->lock, "lock", saved);
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
               "%s: cannot take the lock %s: it keeps changing",
               stage->target, stage->lock);
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
        return fail_errno (error, stage->previous, "put back");
      note (stage, "put back the earlier output %s, which a run that did "
            "not finish had moved aside", stage->target);
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
    return errno == ENOENT || fail_errno (error, stage->target, "check");
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
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST, "%s: %s",
                   display, refusal);
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
      fail_errno (error, stage->staging, "create the staging folder");
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
      return fail_errno (error, path, "sync");
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
        ok = fail_errno (error, child, "sync");
      else if (S_ISDIR (st.st_mode))
        {
          ok = sync_tree (sub, child, error);
          sub = -1;
        }
      else if (fsync (sub) != 0)
        ok = fail_errno (error, child, "sync");
      if (sub >= 0)
        close (sub);
    }
  if (ok && fsync (dirfd (dir)) != 0)
    ok = fail_errno (error, path, "sync");
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
    return fail_errno (error, stage->staging, "sync");
  if (fchmod (fd, stage->mode) != 0)
    {
      close (fd);
      return fail_errno (error, stage->staging, "set the permissions of");
    }
#ifdef __linux__
  gboolean ok = syncfs (fd) == 0 || fail_errno (error, stage->staging, "sync");
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
    return fail_errno (error, path, "sync");
  gboolean ok = fsync (fd) == 0 || fail_errno (error, path, "sync");
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
                 RENAME_EXCHANGE) == 0)
    {
      *old_out = stage->staging;
      return TRUE;
    }
  if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
    return fail_errno (error, stage->target, "replace");
#endif
  if (g_rename (stage->target, stage->previous) != 0)
    return fail_errno (error, stage->target, "move aside");
  if (g_rename (stage->staging, stage->target) != 0)
    {
      int saved = errno;
      g_rename (stage->previous, stage->target);
      set_errno_error (error, stage->target, "replace", saved);
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
        return fail_errno (error, stage->target, "create");
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

/* ---- files written and hashed -------------------------------------------- */

typedef struct
{
  char *path;   /* relative to the output folder */
  char *sha256; /* hex */
} Output;

static void
output_free (gpointer data)
{
  Output *o = data;
  g_free (o->path);
  g_free (o->sha256);
  g_free (o);
}

typedef struct
{
  const SmPlacement *placement;
  const CliRun *run;
  const char *dir;     /* the staging folder */
  int dir_fd;          /* open on it */
  GPtrArray *outputs;  /* Output *, in the order written */
} Job;

/* A file the tool writes: created new (never through a link), written
 * without a sync (the whole folder is synced once), hashed as written. */
typedef struct
{
  int fd;
  GChecksum *sha;
  int saved_errno; /* the first write error, 0 if none */
} OutFile;

static gboolean
out_open (OutFile *f, int dir_fd, const char *name, const char *path,
          GError **error)
{
  f->fd = openat (dir_fd, name,
                  O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (f->fd < 0)
    return fail_errno (error, path, "create");
  f->sha = g_checksum_new (G_CHECKSUM_SHA256);
  f->saved_errno = 0;
  return TRUE;
}

static void
out_write (OutFile *f, const void *data, size_t length)
{
  const char *p = data;
  g_checksum_update (f->sha, data, (gssize)length);
  while (length > 0 && f->saved_errno == 0)
    {
      ssize_t n = write (f->fd, p, length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        f->saved_errno = errno;
      else
        {
          p += n;
          length -= (size_t)n;
        }
    }
}

/* Adds @rel with its hash @sha256 (taken over) to the outputs. */
static void
record (Job *job, const char *rel, char *sha256)
{
  Output *o = g_new (Output, 1);
  o->path = g_strdup (rel);
  o->sha256 = sha256;
  g_ptr_array_add (job->outputs, o);
}

/* Closes @f. Returns: (transfer full): the SHA-256 of what was written,
 * or NULL on error. */
static char *
out_close (OutFile *f, const char *path, GError **error)
{
  if (close (f->fd) != 0 && f->saved_errno == 0)
    f->saved_errno = errno;
  char *sha = g_strdup (g_checksum_get_string (f->sha));
  g_checksum_free (f->sha);
  if (f->saved_errno == 0)
    return sha;
  g_free (sha);
  set_errno_error (error, path, "write", f->saved_errno);
  return NULL;
}

/* Writes @length bytes of @text as @rel (a name in the folder @dir_fd). */
static gboolean
write_text_at (Job *job, int dir_fd, const char *name, const char *rel,
               const char *text, size_t length, GError **error)
{
  g_autofree char *path = g_build_filename (job->dir, rel, NULL);
  OutFile f;
  if (!out_open (&f, dir_fd, name, path, error))
    return FALSE;
  out_write (&f, text, length);
  char *sha = out_close (&f, path, error);
  if (sha != NULL)
    record (job, rel, sha);
  return sha != NULL;
}

static ssize_t
out_cookie_write (void *cookie, const char *data, size_t length)
{
  OutFile *f = cookie;
  out_write (f, data, length);
  if (f->saved_errno == 0)
    return (ssize_t)length;
  errno = f->saved_errno;
  return -1;
}

typedef gboolean (*StreamFunc) (const Job *job, FILE *stream, GError **error);

/* Writes @name with a library writer onto a stdio stream. */
static gboolean
write_stream (Job *job, const char *name, StreamFunc func, GError **error)
{
  g_autofree char *path = g_build_filename (job->dir, name, NULL);
  OutFile f;
  if (!out_open (&f, job->dir_fd, name, path, error))
    return FALSE;
  cookie_io_functions_t io = { NULL, out_cookie_write, NULL, NULL };
  FILE *stream = fopencookie (&f, "w", io);
  if (stream == NULL)
    {
      close (f.fd);
      g_checksum_free (f.sha);
      return fail_errno (error, path, "write");
    }
  gboolean ok = func (job, stream, error);
  if (fclose (stream) != 0 && f.saved_errno == 0)
    f.saved_errno = errno != 0 ? errno : EIO;
  g_autofree char *sha = out_close (&f, path, ok ? error : NULL);
  if (!ok)
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  if (sha == NULL)
    return FALSE;
  record (job, name, g_steal_pointer (&sha));
  return TRUE;
}

/* Records @rel, which the library wrote by path, with the hash of its
 * bytes as read back at once (the staging folder is this run's alone). */
static gboolean
record_written (Job *job, const char *rel, GError **error)
{
  g_autofree char *path = g_build_filename (job->dir, rel, NULL);
  int fd = openat (job->dir_fd, rel, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return fail_errno (error, path, "read back");
  g_autoptr (GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (1 << 20);
  ssize_t n;
  while ((n = read (fd, buffer, 1 << 20)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_checksum_update (sha, buffer, n);
  int saved = errno;
  close (fd);
  if (n < 0)
    {
      set_errno_error (error, path, "read back", saved);
      return FALSE;
    }
  record (job, rel, g_strdup (g_checksum_get_string (sha)));
  return TRUE;
}

/* ---- the outputs --------------------------------------------------------- */

/* Writes one output named @name into the staging folder. */
typedef gboolean (*WriteFunc) (Job *job, const char *name, GError **error);

static gboolean
write_placements_csv (Job *job, const char *name, GError **error)
{
  g_autofree char *path = g_build_filename (job->dir, name, NULL);
  return sm_placement_save_csv (job->placement, path,
                                SM_CSV_DELIMITER_SEMICOLON, error)
         && record_written (job, name, error);
}

static gboolean
write_placements_json (Job *job, const char *name, GError **error)
{
  g_autofree char *path = g_build_filename (job->dir, name, NULL);
  return sm_placement_save_json (job->placement, path, error)
         && record_written (job, name, error);
}

static gboolean
write_owned_text (Job *job, const char *name, char *text, GError **error)
{
  g_autofree char *owned = text;
  return write_text_at (job, job->dir_fd, name, name, owned, strlen (owned),
                        error);
}

static gboolean
write_summary_text (Job *job, const char *name, GError **error)
{
  return write_owned_text (job, name, sm_report_summary_text (job->placement),
                           error);
}

static gboolean
write_summary_markdown (Job *job, const char *name, GError **error)
{
  return write_owned_text (
      job, name, sm_report_summary_markdown (job->placement), error);
}

static gboolean
write_report (Job *job, const char *name, GError **error)
{
  return write_owned_text (job, name, sm_report_html (job->placement), error);
}

static gboolean
stream_market (const Job *job, FILE *stream, GError **error)
{
  return sm_instance_write (sm_placement_get_market (job->placement), stream,
                            error);
}

static gboolean
stream_matching (const Job *job, FILE *stream, GError **error)
{
  return sm_solution_write (sm_placement_get_matching (job->placement),
                            stream, error);
}

static gboolean
write_market (Job *job, const char *name, GError **error)
{
  return write_stream (job, name, stream_market, error);
}

static gboolean
write_matching (Job *job, const char *name, GError **error)
{
  return write_stream (job, name, stream_matching, error);
}

typedef struct
{
  Job *job;
  int fd; /* the letters folder */
  const char *folder;
} LetterSink;

/* Whether an employee id can name a file in the folder and nothing else. */
static gboolean
id_is_file_name (const char *id)
{
  return strchr (id, '/') == NULL && strchr (id, '\\') == NULL
         && strcmp (id, ".") != 0 && strcmp (id, "..") != 0;
}

static gboolean
write_letter (int32_t employee, const char *text, size_t length,
              void *user_data, GError **error)
{
  LetterSink *sink = user_data;
  const SmScenario *s = sm_placement_get_scenario (sink->job->placement);
  SmEmployeeSpec e;
  sm_scenario_get_employee (s, employee, &e);
  if (!id_is_file_name (e.id))
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE,
                   "employee '%s': the identifier cannot be used as a file "
                   "name (it is '.' or '..' or holds a slash); rename the "
                   "employee", e.id);
      return FALSE;
    }
  g_autofree char *name = g_strconcat (e.id, ".txt", NULL);
  g_autofree char *rel = g_build_filename (sink->folder, name, NULL);
  return write_text_at (sink->job, sink->fd, name, rel, text, length, error);
}

/* One entry per letter, named after the employee's id. */
static gboolean
write_letters (Job *job, const char *name, GError **error)
{
  g_autofree char *path = g_build_filename (job->dir, name, NULL);
  if (mkdirat (job->dir_fd, name, 0777) != 0)
    return fail_errno (error, path, "create the folder");
  int fd = openat (job->dir_fd, name,
                   O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return fail_errno (error, path, "open the folder");
  LetterSink sink = { job, fd, name };
  gboolean ok = sm_letter_render_each (
      job->placement, &job->run->settings->letter, write_letter, &sink, error);
  close (fd);
  return ok;
}

static gboolean
write_scenario (Job *job, const char *name, GError **error)
{
  if (!job->run->save_scenario)
    return TRUE;
  const SmScenario *s = sm_placement_get_scenario (job->placement);
  g_autofree char *path = g_build_filename (job->dir, name, NULL);
  if (!sm_scenario_save_csv (s, path, SM_CSV_DELIMITER_SEMICOLON, error))
    return FALSE;
  g_autoptr (GPtrArray) files = cli_list_inputs (path, error);
  if (files == NULL)
    return FALSE;
  for (guint k = 0; k < files->len; k++)
    {
      g_autofree char *base = g_path_get_basename (files->pdata[k]);
      g_autofree char *rel = g_build_filename (name, base, NULL);
      if (!record_written (job, rel, error))
        return FALSE;
    }
  return TRUE;
}

static const struct
{
  const char *name;
  WriteFunc write;
} outputs[] = {
  { "placements.csv", write_placements_csv },
  { "placements.json", write_placements_json },
  { "summary.txt", write_summary_text },
  { "summary.md", write_summary_markdown },
  { "report.html", write_report },
  { "market.txt", write_market },
  { "matching.txt", write_matching },
  { "letters", write_letters },
  { "scenario", write_scenario },
};

/* ---- the manifest -------------------------------------------------------- */

static void
add_rule (JsonBuilder *b, const SmPriorityRule *rule)
{
  g_autofree char *text = sm_priority_rule_to_json (rule);
  json_builder_add_value (b, json_from_string (text, NULL));
}

static void
add_rules (JsonBuilder *b, const SmScenario *s)
{
  json_builder_set_member_name (b, "rules");
  json_builder_begin_array (b);
  for (int32_t k = 0; k < sm_scenario_get_n_rules (s); k++)
    add_rule (b, sm_scenario_get_rule (s, k));
  if (sm_scenario_get_n_rules (s) == 0)
    add_rule (b, sm_scenario_get_default_rule (s));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "default_rule");
  json_builder_add_string_value (
      b, sm_priority_rule_get_id (sm_scenario_get_default_rule (s)));
}

static void
add_string (JsonBuilder *b, const char *member, const char *value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value);
}

static void
add_file (JsonBuilder *b, const char *path, const char *sha)
{
  json_builder_begin_object (b);
  add_string (b, "path", path);
  add_string (b, "sha256", sha);
  json_builder_end_object (b);
}

/* [{ "path", "sha256" }] for the input files at @paths. */
static gboolean
add_inputs (JsonBuilder *b, const GPtrArray *paths, GError **error)
{
  json_builder_set_member_name (b, "inputs");
  json_builder_begin_array (b);
  for (guint k = 0; k < paths->len; k++)
    {
      g_autofree char *sha = cli_sha256_file (paths->pdata[k], error);
      if (sha == NULL)
        return FALSE;
      add_file (b, paths->pdata[k], sha);
    }
  json_builder_end_array (b);
  return TRUE;
}

static void
add_outputs (JsonBuilder *b, const GPtrArray *written)
{
  json_builder_set_member_name (b, "outputs");
  json_builder_begin_array (b);
  for (guint k = 0; k < written->len; k++)
    {
      const Output *o = written->pdata[k];
      add_file (b, o->path, o->sha256);
    }
  json_builder_end_array (b);
}

static void
add_letters (JsonBuilder *b, const SmLetterOptions *letter)
{
  g_autofree char *date = sm_date_to_iso (letter->effective_date);
  json_builder_set_member_name (b, "letters");
  json_builder_begin_object (b);
  add_string (b, "language", sm_language_to_string (letter->language));
  add_string (b, "regime", sm_regime_to_string (letter->regime));
  add_string (b, "effective_date", date);
  json_builder_end_object (b);
}

/* The members before the files: what ran, on what, with which settings. */
static void
add_run (JsonBuilder *b, const Job *job)
{
  const SmScenario *s = sm_placement_get_scenario (job->placement);
  g_autofree char *seed
      = g_strdup_printf ("%" G_GUINT64_FORMAT,
                         sm_placement_get_seed (job->placement));
  g_autofree char *checksum = sm_placement_checksum (job->placement);
  const char *source = job->run->source;
  add_string (b, "format", MANIFEST_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);
  add_string (b, "library", sm_version ());
  add_string (b, "command", job->run->command);
  add_string (b, "seed", seed);
  add_string (b, "tie_breaking",
              sm_tie_breaking_to_string (
                  sm_placement_get_tie_breaking (job->placement)));
  add_string (b, "side",
              sm_side_to_string (job->run->settings->place.proposing));
  add_letters (b, &job->run->settings->letter);
  add_string (b, "scenario_sha256", checksum);
  add_rules (b, s);
  add_string (b, "source",
              source == NULL                             ? "built-in"
              : g_file_test (source, G_FILE_TEST_IS_DIR) ? "csv"
                                                         : "json");
}

static gboolean
write_manifest (Job *job, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (GPtrArray) inputs
      = job->run->source == NULL ? g_ptr_array_new ()
                                 : cli_list_inputs (job->run->source, error);
  if (inputs == NULL)
    return FALSE;
  json_builder_begin_object (b);
  add_run (b, job);
  if (!add_inputs (b, inputs, error))
    return FALSE;
  add_outputs (b, job->outputs);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  gsize length = 0;
  g_autofree char *text = json_generator_to_data (generator, &length);
  g_autofree char *path = g_build_filename (job->dir, MANIFEST_NAME, NULL);
  OutFile f;
  if (!out_open (&f, job->dir_fd, MANIFEST_NAME, path, error))
    return FALSE;
  out_write (&f, text, length);
  out_write (&f, "\n", 1);
  /* The manifest does not list itself. */
  g_autofree char *sha = out_close (&f, path, error);
  return sha != NULL;
}

/* ---- the whole set ------------------------------------------------------- */

static gboolean
write_all (Job *job, GError **error)
{
  for (size_t k = 0; k < G_N_ELEMENTS (outputs); k++)
    if (!outputs[k].write (job, outputs[k].name, error))
      return FALSE;
  return write_manifest (job, error);
}

gboolean
cli_write_output_set (const SmPlacement *placement, const char *dir,
                      const CliRun *run, GError **error)
{
  cli_progress ("writing %s…", dir);
  g_autoptr (CliStage) stage = cli_stage_begin (run->command, dir,
                                                CLI_FOLDER_RUN, run->force,
                                                error);
  if (stage == NULL)
    return FALSE;
  g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func (output_free);
  Job job = { placement, run, cli_stage_get_path (stage), -1, written };
  job.dir_fd = g_open (job.dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC,
                       0);
  if (job.dir_fd < 0)
    return fail_errno (error, job.dir, "open the staging folder");
  gboolean ok = write_all (&job, error);
  close (job.dir_fd);
  if (!ok)
    return FALSE;
  cli_progress ("syncing %d files…", (int)written->len);
  return cli_stage_commit (stage, error);
}
