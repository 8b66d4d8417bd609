/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: what the JSON writer (json-write.c), reader (json-read.c)
 * and locator (json-locate.c) share. Not installed.
 *
 * The layout of both documents is described in json-write.c, the rules
 * for reading a scenario in json-read.c.
 */
#pragma once

#include <stdint.h>
#include <glib.h>

#define SM_JSON__SCENARIO_FORMAT "staffmatch-scenario"
#define SM_JSON__PLACEMENT_FORMAT "staffmatch-placement"
#define SM_JSON__FORMAT_VERSION 1

/* Where a value starts: 1-based line and column (in characters); 0, 0
 * when unknown. */
typedef struct {
  int32_t line;
  int32_t column;
} SmJsonWhere;

/* Scans JSON text that json-glib accepted and records where each value
 * down to a depth of 5 starts, under its path ("employees[17].grade"; ""
 * for the document). Returns: (transfer full): path -> SmJsonWhere. */
GHashTable *sm_json__locate_values (const char *text, gsize length);

/* Where the value at @path starts according to @where (from
 * sm_json__locate_values()), else where the nearest enclosing value
 * does; 0, 0 when unknown. @path may be NULL for the document. */
SmJsonWhere sm_json__lookup (GHashTable *where, const char *path);

/* The line and column of the byte @at of @text (@at not before @text). */
SmJsonWhere sm_json__where_at (const char *text, const char *at);
