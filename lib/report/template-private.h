/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: a small text template engine, for the decision letters
 * (letter.c). Not installed.
 *
 * The syntax is a subset of Mustache, enough for plain-text letters:
 *
 *   {{name}}              the value of a string (nothing for a missing
 *                         value, a list or a boolean); no escaping, since
 *                         letters are plain text
 *   {{#name}} ... {{/name}}
 *                         a list: the body once per record, with the
 *                         record's values in front of the enclosing ones;
 *                         a boolean or a string: the body once when true
 *                         or not empty, else nothing
 *   {{^name}} ... {{/name}}
 *                         the body once when the value is missing, false,
 *                         empty or an empty list
 *   {{! comment }}        left out of the output; may span lines
 *
 * Blanks inside the braces are allowed ({{ name }}). A line that holds
 * nothing but one section, closing or comment tag (and blanks) is left
 * out entirely, so that sections on lines of their own leave no empty
 * lines behind.
 *
 * Names are checked when the template is parsed, against the list of
 * names the caller defines, so that a misspelt placeholder is an error
 * whatever the data; values missing at render time render as empty.
 *
 * The data is a tree: a record maps names to values, and a value is a
 * string, a boolean or a list of records.
 */
#pragma once

#include <stdint.h>
#include <glib.h>

typedef struct _SmTemplate SmTemplate;
typedef struct _SmTemplateRecord SmTemplateRecord;

/* Parses @text. @names (NULL-terminated) are the names a template may
 * use, in any tag; NULL allows any name. Errors: SM_ERROR_PARSE, the
 * message starting "line N: ", for an unknown name, a tag that is not
 * closed by "}}", an empty or malformed name, a section that is not
 * closed, or a closing tag that does not match the open section.
 * (transfer full): free with sm_template__free(). */
SmTemplate *sm_template__parse (const char *text, const char *const *names,
                                GError **error);
void sm_template__free (SmTemplate *tmpl);

/* The template filled in from @data. (transfer full). */
char *sm_template__render (const SmTemplate *tmpl,
                           const SmTemplateRecord *data);

/* (transfer full): an empty record; free with sm_template_record__free(). */
SmTemplateRecord *sm_template_record__new (void);
void sm_template_record__free (SmTemplateRecord *record);

/* Setting a name again replaces its value. */
void sm_template_record__set_string (SmTemplateRecord *record, const char *name,
                                     const char *value);
/* As set_string, taking ownership of @value (freed with g_free()). */
void sm_template_record__take_string (SmTemplateRecord *record,
                                      const char *name, char *value);
void sm_template_record__set_int (SmTemplateRecord *record, const char *name,
                                  int64_t value);
void sm_template_record__set_boolean (SmTemplateRecord *record,
                                      const char *name, gboolean value);
/* Makes @name an empty list (replacing any other value). */
void sm_template_record__set_list (SmTemplateRecord *record, const char *name);
/* Appends a new empty record to the list @name (made a list first if it
 * is not one) and returns it: (transfer none), owned by @record. */
SmTemplateRecord *sm_template_record__append (SmTemplateRecord *record,
                                              const char *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmTemplate, sm_template__free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmTemplateRecord, sm_template_record__free)
