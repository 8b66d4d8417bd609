/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the check of a JSON text before it is parsed (json-check.c).
 * Not installed. */
#pragma once

#include "io/json-private.h"
#include "io/problems-private.h"

/* How deep lists and objects may nest (the document itself is level 1);
 * a scenario needs 5 levels. */
#define SM_JSON__MAX_DEPTH 64

/* Checks that @length bytes of UTF-8 @text (without a NUL byte) are one
 * JSON document that json-glib reads without changing or losing anything:
 * see json-check.c for the rules. Returns TRUE when they hold; else adds
 * the first problem found, with its line, column and path, for @file to
 * @problems and returns FALSE. Only the member names in @shown
 * (NULL-terminated: those of the format) appear in paths and messages,
 * since any other may be personal data. A text of nothing but blanks and
 * comments passes (the reader reports it as empty). */
gboolean sm_json__check_text (const char *text, gsize length,
                              const char *const *shown, const char *file,
                              SmProblemList *problems);
