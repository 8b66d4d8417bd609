/* staffmatch: the check of a JSON text before it is parsed (json-check.c).
 * Not installed. */
#pragma once

#include "json-private.h"
#include "problems-private.h"

/* How deep lists and objects may nest (the document itself is level 1);
 * a scenario needs 5 levels. */
#define SM_JSON__MAX_DEPTH 64

/* Whether @name may be shown in a message or a path: a member name as the
 * formats write them (a lowercase ASCII letter, then lowercase letters,
 * digits and '_'; at most 40 bytes). Anything else may be personal data
 * written in the wrong place. */
gboolean sm_json__is_member_name (const char *name);

/* Checks that @length bytes of UTF-8 @text (without a NUL byte) are one
 * JSON document that json-glib reads without changing or losing anything:
 * see json-check.c for the rules. Returns TRUE when they hold; else adds
 * the first problem found, with its line, column and path, for @file to
 * @problems and returns FALSE. A text of nothing but blanks and comments
 * passes (the reader reports it as empty). */
gboolean sm_json__check_text (const char *text, gsize length,
                              const char *file, SmProblemList *problems);
