/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch command-line tool: output folders, each written as one
 * transaction (cli-folder.c tells the steps and the guarantee).
 *
 * `solve` and `demo` write their output set (cli-output.c) and `export
 * --to csv` its tables through a CliStage: into a staging folder that
 * then takes the place of the target whole, or not at all.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The file that marks a folder as an earlier run's output (written by
 * cli-output.c, recognised here when deciding what may be replaced). */
#define CLI_MANIFEST_NAME "manifest.json"
#define CLI_MANIFEST_FORMAT "staffmatch-manifest"

/* What an existing folder must hold to be replaced without --force. */
typedef enum {
  CLI_FOLDER_RUN,    /* an earlier run: a staffmatch manifest.json */
  CLI_FOLDER_TABLES, /* an earlier export: only *.csv files */
} CliFolderKind;

/* A folder being written as one transaction (the guarantee is told at
 * the top of cli-folder.c). */
typedef struct _CliStage CliStage;

/* Locks @target, cleans up after an interrupted run, checks that
 * @target may be replaced (an empty folder or one of @kind; any folder
 * with @force; never a symbolic link or a file) and makes a fresh
 * staging folder beside it. Fails at once when another run holds the
 * lock. Returns: (transfer full): the transaction, or NULL with @error. */
CliStage *cli_stage_begin (const char *command, const char *target,
                           CliFolderKind kind, gboolean force, GError **error);
/* (transfer none): the staging folder to write into. */
const char *cli_stage_get_path (const CliStage *stage);
/* Syncs the staging folder and puts it in place of the target; removes
 * the earlier folder and the lock. */
gboolean cli_stage_commit (CliStage *stage, GError **error);
/* Ends the transaction; when not committed, removes the staging folder
 * (the target stays as it was). Accepts NULL. */
void cli_stage_free (CliStage *stage);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliStage, cli_stage_free)

/* Sets @error to "PATH: cannot ACTION: REASON" in G_FILE_ERROR, REASON
 * being that of the errno value @saved. */
void cli_set_errno_error (GError **error, const char *path, const char *action,
                          int saved);
/* The same for the current errno; returns FALSE, for `return` in a
 * function that fails. */
gboolean cli_fail_errno (GError **error, const char *path, const char *action);

G_END_DECLS
